//! Runs of free words after the title, placed by what surrounds them: container, place,
//! publisher, subtitle, series; and where such a run ends.

use super::lexicon::Lex;
use super::parse::{Expect, Reader, Sep, Style};
use super::token::{TokenKind, Tokens};
use crate::locator::lookup_label;
use crate::{LocatorLabel, Span};

impl Tokens<'_> {
    /// An abbreviated journal title at `i` (`Phys. Rev. 108`, `Commun. ACM 11, 3`, `Proc.
    /// IRE, vol. 37`, `Br Med J. 1950;2`, `J. Am. Chem. Soc. 1990, 112`): two or more
    /// capitalised words, at least one cut short with a full stop, followed by the volume
    /// (or by a year that a volume or issue follows). Returns the index after its last word.
    pub(super) fn abbreviated_journal_end(&self, i: usize) -> Option<usize> {
        let (end, words, dotted) = self.abbreviated_run(i)?;
        if words < 2 || dotted == 0 || self.has(i, Lex::PLACE) {
            return None;
        }
        let mut j = end + usize::from(self.is_p(end, '.'));
        if self.is_p(j, ',') {
            if self
                .locator_at(j + 1)
                .is_some_and(|l| l.label == LocatorLabel::Volume)
            {
                return Some(end);
            }
            j += 1;
        }
        let t = self.tok(j)?;
        if !t.is_num() {
            return None;
        }
        match self.year_at(j) {
            Some((_, mut after)) => {
                while self.has(after, Lex::MONTH)
                    || self.tok(after).is_some_and(|t| t.is_num() && t.chars <= 2)
                {
                    after += 1;
                    if after > j + 4 {
                        return None;
                    }
                }
                let volume_next = self.is_p(after, ';')
                    || self.is_p(after, ',')
                        && self.tok(after + 1).is_some_and(|n| n.is_num())
                        && self.year_at(after + 1).is_none();
                volume_next.then_some(end)
            }
            None => {
                let ordinal = self.is_p(j + 1, '.') && self.tok(j + 2).is_some_and(|n| n.is_word());
                (!ordinal).then_some(end)
            }
        }
    }

    /// A run of capitalised words at `i`, each perhaps cut short with a full stop (`Proc.
    /// IEEE Conf. Comput. Vis.`), with an acronym in brackets after it (`(CVPR)`): the index
    /// after the last word (before its full stop), how many words, how many cut short.
    pub(super) fn abbreviated_run(&self, i: usize) -> Option<(usize, usize, usize)> {
        let mut j = i;
        let mut end = i;
        let (mut words, mut dotted) = (0, 0);
        while words < 10 {
            let Some(t) = self.tok(j) else { break };
            let capital = t.is_word() && t.upper_first && t.chars <= 12;
            let other_field = j > i
                && (t.has(Lex::PLACE) || self.locator_at(j).is_some() || self.role_at(j).is_some());
            if !capital || other_field {
                break;
            }
            words += 1;
            j += 1;
            end = j;
            if self.tok(j).is_some_and(|d| d.is('.') && !d.space_before) {
                dotted += 1;
                j += 1;
            }
        }
        if words == 0 {
            return None;
        }
        let acronym = self.is_p(j, '(')
            && self
                .tok(j + 1)
                .is_some_and(|t| t.all_upper() && t.chars >= 2)
            && self.is_p(j + 2, ')');
        if acronym && dotted > 0 {
            end = j + 3;
        }
        Some((end, words, dotted))
    }

    /// Whether a place and year stand at `i` (`Париж, 1924.`, `Leiden 1990.`): one or two
    /// capitalised words, the year, then the end of the sentence.
    pub(super) fn place_year_at(&self, i: usize) -> bool {
        if !self.tok(i).is_some_and(|t| t.is_word() && t.upper_first) {
            return false;
        }
        let end = self.run_end(i);
        if end - i > 2 {
            return false;
        }
        let at = end + usize::from(self.is_p(end, ','));
        self.year_at(at)
            .is_some_and(|(_, after)| self.tok(after).map_or(true, |t| t.is('.') || t.is(',')))
    }

    /// Whether a known place of publication stands at `i`, followed by `,` `:` or a year.
    pub(super) fn place_at(&self, i: usize) -> bool {
        if !self.has(i, Lex::PLACE) {
            return false;
        }
        let end = self.run_end(i);
        // `Freiburg i. Br. 2018`, `Frankfurt a. M. 1989`: the abbreviation's full stop
        // stands before the year.
        let abbreviated = end == i + 4
            && self.is_p(i + 2, '.')
            && self
                .tok(i + 1)
                .is_some_and(|t| t.is_word() && t.chars == 1 && !t.upper_first);
        (end - i <= 3 || abbreviated)
            && (self.is_p(end, ',')
                || self.is_p(end, ':')
                || self.year_at(end).is_some()
                || self.is_p(end, '.')
                    && (self.tok(end + 1).is_none()
                        || abbreviated && self.year_at(end + 1).is_some()))
    }

    /// Whether a periodical's date and number follow the run ending at `end` (`Soins, mars
    /// 2011, n°212`, `Réanimation, 2006, vol. 15`, `Le Monde, 03/05/2014, n°21540`): what
    /// marks the run as the name of a periodical in French professional references.
    pub(super) fn periodical_follows(&self, end: usize) -> bool {
        if !self.is_p(end, ',') {
            return false;
        }
        let mut j = end + 1;
        let mut steps = 0;
        while steps < 3
            && (self.has(j, Lex::MONTH)
                || self.is_p(j, '-') && self.has(j + 1, Lex::MONTH)
                || self.month_range_word(j))
        {
            j += 1;
            steps += 1;
        }
        let Some((_, after)) = self.date_at(j).or_else(|| self.year_at(j)) else {
            return false;
        };
        (self.is_p(after, ',') || self.is_p(after, '.'))
            && self
                .locator_at(after + 1)
                .is_some_and(|l| matches!(l.label, LocatorLabel::Issue | LocatorLabel::Volume))
    }

    /// The end of a proceedings' title that goes on past `end` with the number of the
    /// meeting or its year (`Proceedings of the 6th Symposium on …`, `Proc. 12th USENIX
    /// Symp.`, `of the 2014 USENIX Annual Technical Conference`) and its acronym in brackets
    /// (`(OSDI '04)`, `(CVPR)`).
    pub(super) fn proceedings_end(&self, mut end: usize) -> usize {
        for _ in 0..4 {
            let at = end + usize::from(self.is_p(end, '.'));
            let ordinal = self.tok(at).is_some_and(|t| t.is_num())
                && self
                    .tok(at + 1)
                    .is_some_and(|o| o.has(Lex::ORDINAL) && !o.space_before)
                && self
                    .tok(at + 2)
                    .is_some_and(|w| w.is_word() && w.upper_first);
            let year = self
                .year_at(at)
                .filter(|&(_, after)| {
                    self.tok(after)
                        .is_some_and(|w| w.is_word() && w.upper_first)
                })
                .map(|(_, after)| after);
            let next = if ordinal { Some(at + 2) } else { year };
            let Some(next) = next else { break };
            let (abbreviated, _, _) = self.abbreviated_run(next).unwrap_or((next, 0, 0));
            end = self.container_end(next).max(abbreviated);
        }
        // `(OSDI '04)`, `(CVPR)`, `(ICML 2019)`.
        if self.is_p(end, '(')
            && self
                .tok(end + 1)
                .is_some_and(|t| t.all_upper() && t.chars >= 2)
        {
            let close = (end + 2..end + 6).find(|&k| self.is_p(k, ')'));
            if let Some(close) = close {
                return close + 1;
            }
        }
        end
    }

    /// Whether the word at `i` is two months joined by a hyphen (`juillet-août`, `März-April`).
    fn month_range_word(&self, i: usize) -> bool {
        let Some(t) = self.tok(i).filter(|t| t.is_word()) else {
            return false;
        };
        let text = t.text(self.input);
        text.contains('-')
            && text.split('-').all(|part| {
                !part.is_empty()
                    && super::lexicon::classify_lower(part.to_lowercase().as_bytes())
                        .has(Lex::MONTH)
            })
    }

    /// The end of a container title at `i`: runs joined by `,` or `:` while no other field
    /// or place follows (`in Transcaucasia, Nationalism and Social Change, ed. …`).
    pub(super) fn container_end(&self, i: usize) -> usize {
        let mut end = self.run_end(i);
        while (self.is_p(end, ',') || self.is_p(end, ':'))
            && self.tok(end + 1).is_some_and(|t| t.is_word())
            && !self.element_starts_at(end + 1)
            && !self.has(end + 1, Lex::PLACE | Lex::BY)
            && !self.pub_colon(end + 1)
        {
            end = self.run_end(end + 1);
        }
        end
    }

    /// A series title with its number: `Studies in History; 12`, `Que sais-je ?, n° 851`.
    pub(super) fn collection_span(&self, span: Span, end: usize) -> Span {
        if !(self.is_p(end, ';') || self.is_p(end, ',')) {
            return span;
        }
        if self.tok(end + 1).is_some_and(|t| t.is_num()) && self.year_at(end + 1).is_none() {
            return span.cover(self.span(end + 1, end + 2));
        }
        match self.locator_at(end + 1) {
            Some(number) if matches!(number.label, LocatorLabel::Issue | LocatorLabel::Volume) => {
                span.cover(number.span)
            }
            _ => span,
        }
    }

    /// The end of a publisher's name that runs on past commas (`Harcourt, Brace & World`):
    /// further capitalised runs up to the year or the closing bracket.
    fn publisher_end(&self, mut end: usize) -> usize {
        while self.is_p(end, ',') {
            let k = end + 1;
            let word = self.tok(k).is_some_and(|t| t.is_word() && t.upper_first);
            if !word || self.element_starts_at(k) || self.place_at(k) || self.pub_colon(k) {
                break;
            }
            let next = self.run_end(k);
            let closes =
                self.is_p(next, ')') || self.is_p(next, ',') && self.year_at(next + 1).is_some();
            if !closes {
                break;
            }
            end = next;
        }
        end
    }

    /// Whether a volume, issue or page follows the run ending at `end`: what marks the
    /// run as a journal title.
    pub(super) fn volume_follows(&self, end: usize) -> bool {
        let mut j = end;
        let stop = self.is_p(j, '.');
        if self.is_p(j, ',') || stop {
            j += 1;
        }
        let Some(t) = self.tok(j) else { return false };
        match t.kind {
            TokenKind::Num
                if self.is_p(j + 1, '.') && self.tok(j + 2).is_some_and(|t| t.is_word()) =>
            {
                false
            }
            TokenKind::Num => match self.year_at(j) {
                Some((_, after)) => {
                    let month = self.has(after, Lex::MONTH);
                    self.is_p(after + usize::from(month), ';')
                }
                None => {
                    !stop
                        || self.num_value_end(j).is_some_and(|e| {
                            self.is_p(e, ',') || self.is_p(e, ':') || self.is_p(e, '(')
                        })
                }
            },
            TokenKind::Punct('(') => {
                self.num_value_end(j + 1).is_some_and(|e| self.is_p(e, ')'))
                    && self.year_at(j + 1).is_none()
            }
            TokenKind::Punct('№') => true,
            TokenKind::Word => {
                let text = t.text(self.input);
                let dotted = if self
                    .tok(j + 1)
                    .is_some_and(|d| !d.space_before && (d.is('.') || d.is('°')))
                {
                    self.input
                        .get(t.start..self.tok(j + 1).map_or(t.end, |d| d.end))
                } else {
                    None
                };
                let label = dotted.and_then(lookup_label).or_else(|| lookup_label(text));
                matches!(label, Some(LocatorLabel::Volume | LocatorLabel::Issue))
                    && self.label_shape(j)
            }
            _ => false,
        }
    }

    /// The end of a run of words at `i`: words, inner full stops of abbreviations, `&`,
    /// hyphens and apostrophes, up to other punctuation, a number or another field.
    pub(super) fn run_end(&self, i: usize) -> usize {
        let mut j = i;
        while let Some(t) = self.tok(j) {
            let go_on = match t.kind {
                TokenKind::Word => {
                    j == i
                        || !(self.locator_at(j).is_some()
                            || self.role_at(j).is_some()
                            || t.has(Lex::ACCESS)
                            || (t.has(Lex::CONTAINER) && self.is_p(j + 1, ':')))
                }
                TokenKind::Punct('.') => !self.sentence_stop(j),
                TokenKind::Punct('(') if self.attached_paren(j) => {
                    j += 3;
                    continue;
                }
                TokenKind::Punct('&' | '\'' | '’' | '+' | '?' | '!') => true,
                TokenKind::Punct('-' | '–') => {
                    let spaced = t.space_before && self.tok(j + 1).is_some_and(|n| n.space_before);
                    let joins_words = j > i
                        && self.tok(j - 1).is_some_and(|p| p.is_word())
                        && self
                            .tok(j + 1)
                            .is_some_and(|n| n.is_word() && n.upper_first)
                        && !self.element_starts_at(j + 1);
                    !spaced || joins_words
                }
                TokenKind::Punct('/') => {
                    !t.space_before
                        && self
                            .tok(j + 1)
                            .is_some_and(|n| !n.space_before && n.is_word())
                }
                _ => false,
            };
            if !go_on {
                break;
            }
            j += 1;
        }
        j.max(i + 1)
    }
}

impl Reader<'_> {
    /// A free run of words at `i`, placed by what surrounds it.
    pub(super) fn free_run(&mut self, i: usize) -> usize {
        if let Expect::Container { gost } = self.expect {
            self.expect = Expect::Nothing;
            if self.r.container_title.is_none() {
                let end = if gost {
                    self.title_sentence_end(i, Style::Period)
                } else {
                    let abbreviated = self.t.abbreviated_run(i).filter(|&(end, words, dotted)| {
                        words >= 2 && dotted > 0 && !self.t.is_p(end + 1, ':')
                    });
                    let end = self.t.container_end(i).max(abbreviated.map_or(0, |r| r.0));
                    self.t.proceedings_end(end)
                };
                let to = end + usize::from(self.t.is_p(end, '.') && self.t.abbreviation(end - 1));
                self.r.container_title = Some(self.t.field_span(i, to));
                self.expect = Expect::Volume;
                self.layout.container_end = end;
                return end;
            }
        }
        let mut end = self.t.run_end(i);
        if self.t.is_p(end, '.')
            && self.t.abbreviation(end - 1)
            && self.t.year_at(end + 1).is_some()
        {
            end += 1;
        }
        let span = self.t.field_span(i, end);
        let next = self.t.tok(end).copied();
        let next_is = |c: char| next.is_some_and(|t| t.is(c));
        let words = (i..end)
            .filter(|&j| self.t.tok(j).is_some_and(|t| t.is_word()))
            .count();
        let places = (i..end).filter(|&j| self.t.has(j, Lex::PLACE)).count();
        let institution = (i..end).any(|j| self.t.has(j, Lex::INSTITUTION));
        let acronym =
            (i..end).any(|j| self.t.tok(j).is_some_and(|t| t.all_upper() && t.chars >= 2));
        let place_like = places > 0 && !institution && !acronym && words <= 2;
        if self.r.title.is_none() {
            self.r.title = Some(span);
            self.layout.title_end = end;
            return end;
        }
        if let Some(place) = self.r.place {
            // `Las Vegas, NV, USA`, `New Delhi, India`: a state's or country's code or a
            // country right after the place, before the year, is more of the place.
            let after_place = i >= 2
                && self.t.is_p(i - 1, ',')
                && self.t.tok(i - 2).is_some_and(|t| t.end == place.end);
            let code = end == i + 1 && self.t.tok(i).is_some_and(|t| t.all_upper() && t.chars == 2);
            let country = words <= 2 && (i..end).all(|k| self.t.has(k, Lex::COUNTRY));
            let year_after = next_is(',') && self.t.year_at(end + 1).is_some()
                || next_is(',') && self.t.tok(end + 1).is_some_and(|t| t.all_upper());
            if after_place && (code || country) && year_after && self.r.publisher.is_none() {
                self.r.place = Some(place.cover(span));
                return end;
            }
        }
        // (After a place, the run is the publisher: `Paris, Seuil, 1950, t. 2`.)
        if self.r.container_title.is_none()
            && self.r.place.is_none()
            && self.r.publisher.is_none()
            && self.expect != Expect::Publisher
            && self.t.periodical_follows(end)
        {
            self.r.container_title = Some(span);
            self.layout.container_end = end;
            self.expect = Expect::Nothing;
            return end;
        }
        if self.expect == Expect::Publisher {
            self.expect = Expect::Nothing;
            let end = self.t.publisher_end(end);
            if let Some(old) = self.r.publisher.replace(self.t.field_span(i, end)) {
                self.unknown.push(old);
            }
            return end;
        }
        if self.r.container_title.is_none() {
            if let Some(end) = self.t.abbreviated_journal_end(i) {
                return self.journal_container(i, end);
            }
        }
        if self.newspaper_page_follows(end) {
            // `(1988, March 11). Title. The New York Times, p. A3.`: a periodical dated to
            // the day, its page after it.
            self.r.container_title = Some(span);
            self.end_container();
            self.layout.container_end = end;
            return end;
        }
        if let Some(container) = self.r.container_title {
            // (A container closed by its acronym in brackets, `(OSDI '04).`, is whole.)
            let right_after = i.checked_sub(1) == Some(self.layout.container_end)
                && self.t.is_p(self.layout.container_end, '.')
                && !self.t.is_p(self.layout.container_end.wrapping_sub(1), ')');
            let imprint = self.t.pub_colon(i) || self.t.place_at(i) || self.t.place_year_at(i);
            if right_after && !imprint && self.r.place.is_none() && self.r.volume.is_none() {
                let sentence = self.title_sentence_end(i, Style::Period);
                if self.imprint_after(sentence, false) == Some(true) {
                    self.r.container_title = Some(container.cover(self.t.field_span(i, sentence)));
                    self.layout.container_end = sentence;
                    return sentence;
                }
            }
        }
        let imprint = self.t.pub_colon(i) || self.t.place_at(i) || self.t.place_year_at(i);
        if self.just_after_volume(i) && !imprint {
            // A volume's own title (`vol. 4, Between Crescent and Sickle`): no field holds it.
            let sentence = self.title_sentence_end(i, Style::Comma).max(end);
            self.unknown.push(self.t.field_span(i, sentence));
            return sentence;
        }
        if let Some(sub_end) = self.subtitle_follows(i, end) {
            if let Some(title) = self.r.title {
                self.r.title = Some(title.cover(self.t.field_span(i, sub_end)));
                self.layout.title_end = sub_end;
                return sub_end;
            }
        }
        let container_due = self.layout.quoted_title && self.r.container_title.is_none();
        if let Some(next) = self.acs_imprint(i) {
            return next;
        }
        if self.r.place.is_none() && words <= 5 && !institution {
            let colon = self
                .t
                .place_end(i)
                .filter(|&c| !self.t.tok(c + 1).is_some_and(|t| t.is_num()));
            if let Some(colon) = colon.filter(|_| !container_due || self.t.pub_colon(i)) {
                return self.set_place(self.t.field_span(i, colon), colon);
            }
        }
        let year_next = next.is_some_and(|t| t.is_num()) && self.t.year_at(end).is_some();
        if year_next && self.r.container_title.is_none() && !self.t.volume_follows(end) {
            if self.r.place.is_none() && (self.r.publisher.is_none() && !institution || place_like)
            {
                self.r.place = Some(span);
            } else if self.r.publisher.is_none() {
                self.r.publisher = Some(span);
            } else {
                self.unknown.push(span);
            }
            return end;
        }
        let series = self.cursor.depth > 0 && self.r.publisher.is_some();
        if series && self.r.collection_title.is_none() {
            let span = self.t.collection_span(span, end);
            self.r.collection_title = Some(span);
            return self.t.tok_after(span.end).max(end);
        }
        if self.r.container_title.is_none()
            && !place_like
            && (self.layout.quoted_title || self.t.volume_follows(end))
        {
            let end = if next_is(':') && !self.t.pub_colon(i) {
                self.t.run_end(end + 1)
            } else {
                end
            };
            self.r.container_title = Some(self.t.field_span(i, end));
            self.expect = Expect::Volume;
            self.layout.container_end = end;
            return end;
        }
        if let Some(next) = self.springer_imprint(i, end) {
            return next;
        }
        if next_is(',') || next_is(')') {
            let more = self
                .t
                .tok(end + 1)
                .is_some_and(|t| t.is_word() && t.upper_first);
            if self.r.place.is_none()
                && self.r.publisher.is_none()
                && (place_like || more && !institution)
                && words <= 4
            {
                self.r.place = Some(span);
                return end;
            }
            let volume_year = next_is(',')
                && self.t.year_at(end + 1).is_some_and(|(_, after)| {
                    // (A series in brackets after the year, `1979 (coll. « … »)`, is no issue.)
                    self.t.is_p(after, '(') && !self.t.tok(after + 1).is_some_and(|t| t.is_word())
                        || self.t.is_p(after, '.')
                            && (self.t.place_colon(after + 1) || self.t.place_at(after + 1))
                });
            if self.r.publisher.is_none() && !volume_year {
                self.r.publisher = Some(span);
                return end;
            }
        }
        if self.r.place.is_none() && place_like {
            self.r.place = Some(span);
            return end;
        }
        if self.cursor.depth > 0 && self.r.collection_title.is_none() && self.r.publisher.is_some()
        {
            let series = self.t.collection_span(span, end);
            self.r.collection_title = Some(series);
            return self.t.tok_after(series.end).max(end);
        }
        let book_container = self.r.volume.is_none() && self.r.issue.is_none();
        if self.r.publisher.is_none()
            && (self.r.container_title.is_none() || book_container)
            && next.map_or(true, |t| t.is('.') || t.is(')'))
            && self.t.tok(i).is_some_and(|t| t.upper_first)
        {
            self.r.publisher = Some(span);
            return end;
        }
        self.unknown.push(span);
        end
    }

    /// ACS's book imprint after a semicolon: `; VCH: Weinheim, 1996`, `; University Science
    /// Books: Sausalito, CA, 2010` name the publisher before the colon and the place after
    /// it, up to the year. Sets both; the index of the year.
    fn acs_imprint(&mut self, i: usize) -> Option<usize> {
        if self.cursor.sep != Sep::Semicolon
            || !self.t.is_p(i.wrapping_sub(1), ';')
            || self.r.place.is_some()
            || self.r.publisher.is_some()
            || self.r.container_title.is_some()
        {
            return None;
        }
        let colon = (i + 1..i + 8).find(|&k| {
            self.t.tok(k).map_or(true, |t| {
                !(t.is_word() || t.is('.') || t.is('&') || t.is('-'))
            })
        })?;
        if !self.t.is_p(colon, ':') || (i..colon).any(|k| self.t.has(k, Lex::PLACE)) {
            return None;
        }
        let year = (colon + 2..colon + 8).find(|&k| self.t.year_at(k).is_some())?;
        let place_ok = (colon + 1..year).all(|k| {
            self.t
                .tok(k)
                .is_some_and(|t| t.is_word() && t.upper_first || t.is(',') || t.is('.'))
        }) && self.t.is_p(year - 1, ',');
        if !place_ok {
            return None;
        }
        self.r.publisher = Some(self.t.field_span(i, colon));
        self.r.place = Some(self.t.field_span(colon + 1, year - 1));
        Some(year)
    }

    /// Springer's and LNCS's order after the title, read from the run `i..end`: a series
    /// before its volume once the container is named (`ICALP 2006. LNCS, vol. 4052`), the
    /// publisher before the place and the bracketed year (`Springer, Heidelberg (2006)`,
    /// `Addison-Wesley, Boston (2006)`), or the publisher alone before it (`MIT Press
    /// (2016)`). The index after what was read.
    fn springer_imprint(&mut self, i: usize, end: usize) -> Option<usize> {
        let span = self.t.field_span(i, end);
        let volume_next = self.t.is_p(end, ',')
            && self
                .t
                .locator_at(end + 1)
                .is_some_and(|l| l.label == LocatorLabel::Volume);
        if volume_next && self.r.container_title.is_some() && self.r.collection_title.is_none() {
            self.r.collection_title = Some(span);
            return Some(end);
        }
        if self.r.publisher.is_some() || self.r.place.is_some() || self.r.title.is_none() {
            return None;
        }
        let year_closes = |k: usize| {
            self.t
                .year_group(k)
                .is_some_and(|(_, after)| self.t.only_punct_from(after) || self.t.is_p(after, '.'))
        };
        if self.t.is_p(end, ',') && self.t.has(end + 1, Lex::PLACE) {
            let place_end = self.t.run_end(end + 1);
            if self.t.is_p(place_end, '(') && year_closes(place_end) {
                self.r.publisher = Some(span);
                self.r.place = Some(self.t.field_span(end + 1, place_end));
                return Some(place_end);
            }
        }
        let book = self.r.container_title.is_none() && self.r.volume.is_none();
        if book && self.t.is_p(end, '(') && year_closes(end) && !self.t.has(i, Lex::PLACE) {
            self.r.publisher = Some(span);
            return Some(end);
        }
        None
    }

    /// Whether the run ending at `end` is a newspaper: no container, place or publisher yet,
    /// the work dated to the month or day, and a page label after a comma.
    fn newspaper_page_follows(&self, end: usize) -> bool {
        self.r.container_title.is_none()
            && self.r.place.is_none()
            && self.r.publisher.is_none()
            && self.t.is_p(end, ',')
            && self.r.issued.as_ref().is_some_and(|d| d.month.is_some())
            && self
                .t
                .locator_at(end + 1)
                .is_some_and(|l| l.label == LocatorLabel::Page)
    }

    /// Whether the run `i..end` right after the title is more of the title: a subtitle or
    /// other title information before the place, the year or GOST's ` / ` (`Хозяин. Сталин
    /// и утверждение сталинской диктатуры. М.: РОССПЭН`).
    pub(super) fn subtitle_follows(&self, i: usize, end: usize) -> Option<usize> {
        let right_after = i.checked_sub(1) == Some(self.layout.title_end)
            && self.t.is_p(self.layout.title_end, '.');
        if !right_after
            || self.layout.quoted_title
            || self.r.place.is_some()
            || self.r.publisher.is_some()
            || self.r.container_title.is_some()
            || self.t.volume_follows(end)
            || self.t.pub_colon(i)
        {
            return None;
        }
        let imprint_like = self.t.place_colon(i) || self.t.place_at(i);
        let mut sub_end = self.title_sentence_end(i, Style::Period);
        for _ in 0..4 {
            match self.imprint_after(sub_end, imprint_like)? {
                true => return Some(sub_end),
                false => sub_end = self.title_sentence_end(sub_end + 1, Style::Period),
            }
        }
        None
    }

    /// What follows a title sentence ending at `j`: `Some(true)` when the imprint or
    /// another field comes next, `Some(false)` when another plain sentence does, `None`
    /// otherwise. With `strict` (the sentence itself looks like an imprint), only a second
    /// imprint counts (`Terror und Traum. Moskau 1937. München: Hanser 2008`).
    fn imprint_after(&self, j: usize, strict: bool) -> Option<bool> {
        if self.t.is_p(j, '/') {
            return (!strict).then_some(true);
        }
        let mut k = j;
        if self.t.is_p(k, ',') {
            if let Some((_, after)) = self.t.year_at(k + 1) {
                k = after;
            }
        }
        if !(self.t.is_p(k, '.') || self.t.is_p(k, ',')) {
            return None;
        }
        let stop = self.t.is_p(k, '.');
        k += 1;
        if self
            .t
            .tok(k)
            .is_some_and(|t| matches!(t.kind, TokenKind::Punct('–' | '—')))
        {
            k += 1;
        }
        let t = self.t.tok(k)?;
        let year_or_edition = match self.t.year_at(k) {
            Some((_, after)) => !self.t.is_p(after, ';'),
            None => self.t.edition_shape(k),
        };
        let field = self.container_marker(k).is_some()
            || (stop && t.is_num() && year_or_edition)
            || (stop && t.is_word() && self.t.locator_at(k).is_some())
            || (t.is_word() && self.t.role_at(k).is_some())
            || (stop && self.t.edition_at_shape(k));
        let imprint = self.t.pub_colon(k) || self.t.place_at(k) || self.t.place_year_at(k);
        if imprint && (stop || !strict) || (!strict && field) {
            return Some(true);
        }
        let sentence = stop && t.is_word() && t.upper_first && !self.t.element_starts_at(k);
        (sentence && !strict).then_some(false)
    }

    /// Read the abbreviated journal title `i..end` as the container; returns `end`.
    pub(super) fn journal_container(&mut self, i: usize, end: usize) -> usize {
        // `Phys. Rev.` keeps its last full stop like the others; in `Br Med J.` (no full
        // stops inside) it only ends the field.
        let inner_stops = (i..end.saturating_sub(1)).any(|j| self.t.is_p(j, '.'));
        let to = end + usize::from(self.t.is_p(end, '.') && inner_stops);
        self.r.container_title = Some(self.t.span(i, to));
        self.expect = Expect::Volume;
        self.layout.container_end = end;
        end
    }

    pub(super) fn set_place(&mut self, span: Span, end: usize) -> usize {
        self.r.place = Some(span);
        self.expect = Expect::Publisher;
        end + usize::from(self.t.is_p(end, ':'))
    }

    /// Whether the run at `i` comes right after a volume number (`vol. 4, Title`,
    /// `Bd. 1: Title`).
    fn just_after_volume(&self, i: usize) -> bool {
        let Some(volume) = self.r.volume.filter(|_| self.layout.volume_labelled) else {
            return false;
        };
        i >= 2
            && (self.t.is_p(i - 1, ',') || self.t.is_p(i - 1, ':'))
            && self.t.tok(i - 2).is_some_and(|t| t.end == volume.end)
    }
}
