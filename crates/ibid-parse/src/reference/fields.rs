//! The fields after the title: container, place and publisher, year, volume, issue, pages,
//! roles, links and locators, read in one pass over the tokens that follow the title.

use super::lexicon::{is_roman, Lex, Phrase};
use super::names::{scan_names, Ctx};
use super::parse::{Expect, Reader, Role, Sep, Style};
use super::token::{TokenKind, Tokens};
use crate::locator::{scan_locator, LocatorOptions};
use crate::{Locator, LocatorLabel, Span};

impl Tokens<'_> {
    /// The closing bracket of a group right after the title that belongs to it: a gloss or
    /// a span of years (`(90-е годы XIX века – 1917 г.)`, `(1917-1921)` when the year of
    /// publication comes later), not an imprint, an edition or a role.
    fn title_paren(&self, i: usize) -> Option<usize> {
        let mut j = i + 1;
        while j < i + 24 {
            let t = self.tok(j)?;
            match t.kind {
                TokenKind::Punct(')') => break,
                TokenKind::Punct(':' | '(' | '[') | TokenKind::Url | TokenKind::Doi => return None,
                TokenKind::Word => {
                    let imprint = Lex::EDITOR
                        | Lex::TRANSLATOR
                        | Lex::COMPILER
                        | Lex::PLACE
                        | Lex::LINK
                        | Lex::ACCESS
                        | Lex::SERIES;
                    if t.has(imprint) || self.locator_at(j).is_some() || self.thesis_at(j).is_some()
                    {
                        return None;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if !self.is_p(j, ')')
            || j == i + 1
            || self.edition_shape(i + 1)
            || self.edition_at_shape(i + 1)
        {
            return None;
        }
        let only_date = self.year_group(i).is_some_and(|(_, next)| next == j + 1);
        if only_date {
            let later = (j + 1..self.toks.len()).any(|k| self.year_at(k).is_some());
            if !later {
                return None;
            }
        }
        Some(j)
    }

    /// `в 2 т.`, `in 3 vols.`, `in 2 Bänden`: how many volumes the work has, which no
    /// field holds; read and passed over.
    pub(super) fn volume_count_at(&self, i: usize) -> Option<usize> {
        let count = self.has(i, Lex::COUNT_LEAD)
            && self.tok(i + 1).is_some_and(|t| t.is_num())
            && self.has(i + 2, Lex::VOLUME_UNIT);
        count.then(|| i + 3 + usize::from(self.is_p(i + 3, '.')))
    }

    /// `ISBN 978-5-02-000000-0`: no field holds it, so it is read and passed over.
    fn standard_number_end(&self, i: usize) -> usize {
        let mut j = i + 1 + usize::from(self.is_p(i + 1, ':'));
        let first = j;
        while self.tok(j).is_some_and(|n| {
            j == first || (!n.space_before && !matches!(n.kind, TokenKind::Punct(',' | ';' | ')')))
        }) {
            j += 1;
        }
        if j > first + 1 && self.is_p(j - 1, '.') {
            j -= 1;
        }
        j.max(i + 1)
    }

    /// `Ders.:`, `Dies.,`, `Idem,`, `Он же.` at the head of a container, standing for the
    /// author already named: the index after it and its separator.
    fn same_author_at(&self, k: usize) -> Option<usize> {
        let mut j = self.phrase_end(k, Phrase::SameAuthorLead)?;
        j += usize::from(self.is_p(j, '.'));
        let sep = self.is_p(j, ':') || self.is_p(j, ',');
        let next = j + usize::from(sep);
        (sep || self.tok(next).is_some_and(|t| t.is_word() && t.upper_first)).then_some(next)
    }

    /// `2 vols.`, `3 volumes`, `4 Bde.`, `2 tomes`: how many volumes the work has, which
    /// is no volume of it. The index after the statement.
    fn volume_total_at(&self, i: usize) -> Option<usize> {
        let plural = self.has(i + 1, Lex::VOLUME_COUNT);
        let end = i + 2 + usize::from(self.is_p(i + 2, '.'));
        // French `2 vol.`: singular, but a count when more than one and nothing numbers it.
        let french = !plural
            && self.has(i + 1, Lex::VOLUME_COUNT_SINGULAR)
            && self.tok(i).is_some_and(|t| t.is_num() && t.chars <= 2)
            && self.text(i) != "1"
            && self.tok(end).map_or(true, |t| !t.is_num());
        (plural || french).then_some(end)
    }

    /// A number with an attached letter (`12a`): the index after it.
    fn num_word_end(&self, i: usize) -> usize {
        let suffix = self
            .tok(i + 1)
            .is_some_and(|t| t.is_word() && !t.space_before && t.chars <= 2);
        i + 1 + usize::from(suffix)
    }

    /// A number or a range of numbers at `i` (`327–335`, `45-67`, `12a`): the index after it.
    pub(super) fn num_value_end(&self, i: usize) -> Option<usize> {
        if !self.tok(i)?.is_num() {
            return None;
        }
        let end = self.num_word_end(i);
        let dash = self
            .tok(end)
            .is_some_and(|t| matches!(t.kind, TokenKind::Punct(c) if crate::text::is_dash(c)));
        if dash && self.tok(end + 1).is_some_and(|t| t.is_num()) {
            return Some(self.num_word_end(end + 1));
        }
        Some(end)
    }
}

impl Reader<'_> {
    /// Read every field from token `i` to the end.
    pub(super) fn rest(&mut self, mut i: usize) {
        while let Some(t) = self.t.tok(i).copied() {
            if let Some(serial) = self.cursor.serial.filter(|s| s.journal == i) {
                self.cursor.serial = None;
                i = self.serial_fields(serial).max(i + 1);
                continue;
            }
            let next = match t.kind {
                TokenKind::Punct(c) => self.punct(i, c),
                TokenKind::Url => {
                    if self.r.url.is_none() {
                        self.r.url = Some(t.span());
                    } else {
                        self.unknown.push(t.span());
                    }
                    self.cursor.sep = Sep::None;
                    i + 1
                }
                TokenKind::Doi => {
                    if self.r.doi.is_none() {
                        self.r.doi = Some(t.span());
                    } else {
                        self.unknown.push(t.span());
                    }
                    self.cursor.sep = Sep::None;
                    i + 1
                }
                TokenKind::Num => {
                    let next = self.number(i);
                    self.cursor.sep = Sep::None;
                    next
                }
                TokenKind::Word => {
                    let next = self.word(i);
                    if !matches!(
                        self.t.tok(next.saturating_sub(1)).map(|t| t.kind),
                        Some(TokenKind::Punct(_))
                    ) {
                        self.cursor.sep = Sep::None;
                    }
                    next
                }
            };
            i = next.max(i + 1);
        }
    }

    fn punct(&mut self, i: usize, c: char) -> usize {
        match c {
            '.' => self.cursor.sep = Sep::Stop,
            ',' => self.cursor.sep = Sep::Comma,
            ':' => self.cursor.sep = Sep::Colon,
            ';' => self.cursor.sep = Sep::Semicolon,
            '–' | '—' | '-' => self.cursor.sep = Sep::Dash,
            ')' => {
                self.cursor.depth = self.cursor.depth.saturating_sub(1);
                self.cursor.sep = Sep::Close;
            }
            ']' => self.cursor.sep = Sep::Close,
            '?' | '!' if i == self.layout.title_end => self.cursor.sep = Sep::Stop,
            '(' => return self.paren(i),
            '[' => return self.bracket(i),
            '/' => {
                if self.t.is_p(i + 1, '/') {
                    self.expect_container(true);
                    self.cursor.sep = Sep::Stop;
                    return i + 2;
                }
                return self.responsibility(i + 1);
            }
            '№' | '§' | '¶' => {
                if let Some(next) = self.labelled(i) {
                    self.cursor.sep = Sep::None;
                    return next;
                }
            }
            _ => {
                if let Some((span, next)) = self.t.quoted_at(i) {
                    self.quoted_field(i, span);
                    self.cursor.sep = Sep::None;
                    return next;
                }
            }
        }
        i + 1
    }

    /// A quoted or italic text at `i` after the title: the container, or a publisher after a
    /// place. In GOST's statement of responsibility, after ` / ` with no `//` to follow, it is
    /// part of a body's name (`/ Международное общество «Мемориал».`), never a container.
    fn quoted_field(&mut self, i: usize, span: Span) {
        let responsibility =
            self.cursor.double_slash.is_none() && self.cursor.slash.is_some_and(|s| s < i);
        if self.expect == Expect::Publisher {
            if let Some(old) = self.r.publisher.replace(span) {
                self.unknown.push(old);
            }
            self.expect = Expect::Nothing;
        } else if self.r.title.is_none() {
            self.r.title = Some(span);
            self.layout.quoted_title = true;
        } else if self.r.container_title.is_none() && !responsibility {
            self.r.container_title = Some(span);
            self.expect = Expect::Volume;
        } else {
            self.unknown.push(span);
        }
    }

    /// An opening bracket: a year group, an issue after a volume, a plain addition to the
    /// title, or a group of fields.
    fn paren(&mut self, i: usize) -> usize {
        if i == self.layout.title_end {
            if let (Some(close), Some(title)) = (self.t.title_paren(i), self.r.title) {
                let mut end = close + 1;
                if self.t.is_p(end, ':') && self.t.tok(end + 1).is_some_and(|t| t.is_word()) {
                    end = self.title_sentence_end(end + 1, self.layout.style);
                }
                self.r.title = Some(title.cover(self.t.field_span(i, end)));
                self.layout.title_end = end;
                return end;
            }
        }
        if let Some((date, next)) = self.t.year_group(i) {
            self.set_issued(i + 1, date);
            self.cursor.sep = Sep::Close;
            return next;
        }
        let before = i.checked_sub(1).and_then(|p| self.t.tok(p)).map(|t| t.end);
        let after_issue = self.r.issue.is_some_and(|s| Some(s.end) == before);
        let after_labelled_volume =
            self.layout.volume_labelled && self.r.volume.is_some_and(|s| Some(s.end) == before);
        if let Some(end) = self.t.num_value_end(i + 1).filter(|&e| self.t.is_p(e, ')')) {
            if after_issue || after_labelled_volume {
                // A running number after the issue or volume (`№ 2 (35)`, `Т. 7 (39)`).
                self.cursor.sep = Sep::Close;
                return end + 1;
            }
        }
        if self.r.volume.is_some() && self.r.issue.is_none() {
            if let Some(end) = self.t.num_value_end(i + 1) {
                if self.t.is_p(end, ')') {
                    self.r.issue = Some(self.t.span(i + 1, end));
                    self.cursor.sep = Sep::Close;
                    return end + 1;
                }
            }
        }
        self.cursor.depth += 1;
        self.cursor.sep = Sep::Open;
        self.end_container();
        i + 1
    }

    /// `[1921]`, `[Электронный ресурс]`, `[et al.]`, or a group of fields.
    fn bracket(&mut self, i: usize) -> usize {
        if let Some((date, next)) = self.t.year_group(i) {
            self.set_issued(i + 1, date);
            self.cursor.sep = Sep::Close;
            return next;
        }
        if self.t.has(i + 1, Lex::MEDIUM) {
            let mut j = i + 1;
            while self.t.tok(j).is_some_and(|t| !t.is(']')) && j < i + 8 {
                j += 1;
            }
            if self.t.is_p(j, ']') {
                self.cursor.sep = Sep::Close;
                return j + 1;
            }
        }
        self.cursor.depth += 1;
        self.cursor.sep = Sep::Open;
        i + 1
    }

    /// GOST's statement of responsibility after ` / `: names with or without roles,
    /// separated by `,` and `;`.
    fn responsibility(&mut self, mut i: usize) -> usize {
        self.cursor.sep = Sep::Stop;
        loop {
            let (role, at) = match self.t.role_at(i) {
                Some((role, k)) => (Some(role), k),
                None => (None, i),
            };
            let Some(scan) = scan_names(self.t, at, Ctx::AfterRole) else {
                return at;
            };
            if role.is_some() || self.r.authors.names.is_empty() {
                self.add_names(role, scan.names);
            }
            i = scan.end;
            if self.t.is_p(i, ';') || self.t.is_p(i, ',') {
                i += 1;
            } else {
                return i;
            }
        }
    }

    fn word(&mut self, i: usize) -> usize {
        let Some(t) = self.t.tok(i).copied() else {
            return i + 1;
        };
        if self.layout.quoted_title
            && i == self.layout.title_end
            && self.r.container_title.is_none()
            && self.t.word_is(i, "to")
        {
            // `“Introduction” to Mrs Dalloway`: a preface or introduction to a book.
            self.expect_container(false);
            return i + 1;
        }
        let chunk_start = self.cursor.sep != Sep::None || i == 0;
        if self.cursor.archival_hint && chunk_start && t.upper_first {
            if let Some(next) = self.archive_at(i) {
                if matches!(self.expect, Expect::Container { .. }) {
                    self.expect = Expect::Nothing;
                }
                return next;
            }
        }
        if t.has(Lex::ACCESS) || t.has(Lex::ACCESS_LEAD) && self.t.has(i + 1, Lex::ACCESS) {
            return self.skip_access(i);
        }
        if let Some((role, k)) = self.t.role_at(i) {
            return self.role_names(role, k);
        }
        if let Some(k) = self.t.volume_count_at(i) {
            return k;
        }
        if let Some(k) = self.reprint_at(i) {
            return k;
        }
        if let Some(k) = self.t.thesis_at(i) {
            // The statement is the genre (an abbreviation keeps its full stop: `дис.`); the
            // run after it names the university that granted it.
            if self.r.genre.is_none() {
                let end = if self.t.is_p(k, '.') { k + 1 } else { k };
                self.r.genre = Some(self.t.span(i, end));
            }
            self.end_container();
            let university = self.t.is_p(k, ',') && {
                let end = self.t.run_end(k + 1);
                (k + 1..end).any(|m| self.t.has(m, Lex::INSTITUTION))
                    && (self.t.is_p(end, ')')
                        || self.t.is_p(end, ',') && self.t.year_at(end + 1).is_some())
            };
            if university && self.r.publisher.is_none() {
                self.expect = Expect::Publisher;
            } else if self.expect == Expect::Publisher {
                self.expect = Expect::Nothing;
            }
            return k;
        }
        if t.has(Lex::STANDARD_NUMBER) {
            return self.t.standard_number_end(i);
        }
        if t.has(Lex::LINK) {
            if let Some(k) = (i + 1..i + 4).find(|&k| self.t.is_p(k, ':')) {
                return k + 1;
            }
        }
        if t.has(Lex::PINPOINT) && self.t.locator_at(i + 1).is_some() {
            return i + 1;
        }
        if let Some(k) = self.t.op_cit_at(i) {
            return k;
        }
        if let Some(k) = self.series_statement(i) {
            return k;
        }
        if self.cursor.sep == Sep::Colon && self.r.page.is_none() && self.article_shape() {
            if let Some(end) = self.t.lettered_number_end(i) {
                // `136(3B):B864-B871`: an article's pages with their letter.
                self.r.page = Some(self.t.span(i, end));
                return end;
            }
        }
        let volume_due = self.expect == Expect::Volume;
        if t.has(Lex::SERIES) && !volume_due && self.r.collection_title.is_none() {
            let at = i + 1 + usize::from(self.t.is_p(i + 1, '.'));
            if let Some((span, next)) = self.t.quoted_at(at) {
                self.r.collection_title = Some(span);
                return next;
            }
        }
        if t.has(Lex::SERIES) && volume_due && self.r.volume.is_none() {
            if let Some(container) = self.r.container_title {
                let mut j = i + 1 + usize::from(self.t.is_p(i + 1, '.'));
                while self
                    .t
                    .tok(j)
                    .is_some_and(|t| !(t.is('.') && self.t.sentence_stop(j)))
                {
                    j += 1;
                }
                self.r.container_title = Some(container.cover(self.t.field_span(i, j)));
                return j;
            }
        }
        if let Some(k) = self.day_month_at(i).or_else(|| self.month_after_year(i)) {
            return k;
        }
        if let Some(k) = self.container_marker(i) {
            self.expect_container(false);
            return self.container_editors(k);
        }
        if let Some(k) = self.edition_at(i) {
            return k;
        }
        if let Some((date, k)) = self.t.undated_at(i).or_else(|| self.t.date_at(i)) {
            self.set_issued(i, date);
            return k;
        }
        if is_roman(t.text(self.t.input)) {
            if let Some(k) = self.page_count_at(i) {
                return k;
            }
        }
        if let Some(k) = self.numbered_document(i) {
            return k;
        }
        if let Some(k) = self.labelled(i) {
            return k;
        }
        self.free_run(i)
    }

    /// A series statement of an edition (`Series D`, `Serie B: 1925–1933`, `First Series`,
    /// `Part II, Series A`): the series the volumes belong to, kept as the collection title,
    /// never the container. The index after it.
    fn series_statement(&mut self, i: usize) -> Option<usize> {
        if !(i == 0 || matches!(self.cursor.sep, Sep::Comma | Sep::Stop | Sep::Colon)) {
            return None;
        }
        let end = self.t.series_shape(i)?;
        let mut start = i;
        if i >= 2 && self.t.is_p(i - 1, ',') {
            // `Part II, Series A`: the part is a level of the series, not a pinpoint.
            let before = self.t.tok(i - 2).map(|p| p.end);
            let part = self.r.locators.last().and_then(|l| {
                (l.label == LocatorLabel::Part && Some(l.span.end) == before)
                    .then_some(l.span.start)
            });
            if let Some(at) = part {
                self.r.locators.pop();
                start = self.t.tok_after(at);
            }
        }
        if self.r.collection_title.is_none() {
            self.r.collection_title = Some(self.t.span(start, end));
        }
        self.end_container();
        Some(end)
    }

    /// `accessed 5 May 2020`, `(дата обращения: 01.02.2020)`: skipped to the end of its
    /// bracket or sentence.
    fn skip_access(&mut self, i: usize) -> usize {
        let mut j = i + 1;
        while let Some(t) = self.t.tok(j) {
            if (t.is(')') && self.cursor.depth > 0)
                || matches!(t.kind, TokenKind::Url | TokenKind::Doi)
            {
                return j;
            }
            if t.is('.') && self.t.sentence_stop(j) {
                return j;
            }
            j += 1;
        }
        j
    }

    /// `Reprint, New York: …`, `repr., Chicago: …`, `Nachdruck`: the imprint that follows is
    /// the reprint's, and so is the date; the original's year before it is reported, never
    /// joined to the title. The index after the statement.
    fn reprint_at(&mut self, i: usize) -> Option<usize> {
        if !self.t.has(i, Lex::REPRINT) {
            return None;
        }
        let mut j = i + 1 + usize::from(self.t.is_p(i + 1, '.'));
        if self.t.is_p(j, ',') || self.t.is_p(j, ':') {
            j += 1;
        }
        if let Some(original) = self.r.issued.take() {
            self.unknown.push(original.span);
            self.layout.issued_at = None;
        }
        Some(j)
    }

    fn role_names(&mut self, role: Role, k: usize) -> usize {
        match scan_names(self.t, k, Ctx::AfterRole) {
            Some(scan) => {
                self.add_names(Some(role), scan.names);
                self.end_container();
                scan.end
            }
            None => k,
        }
    }

    /// `In:`, `In`, `in`, `Dans`, `В кн.:`, `В:`: the index after the marker.
    pub(super) fn container_marker(&self, i: usize) -> Option<usize> {
        let t = self.t.tok(i)?;
        if !t.has(Lex::CONTAINER) || self.r.title.is_none() {
            return None;
        }
        let mut j = i + 1;
        if self.t.has(j, Lex::BOOK_KIND) {
            j += 1 + usize::from(self.t.is_p(j + 1, '.'));
        }
        if self.t.is_p(j, ':') {
            return Some(j + 1);
        }
        // A Russian marker needs its colon (`В:`, `В кн.:`): `в` opens too many other phrases.
        let cyrillic = !t.first_lower.is_ascii();
        let next = self.t.tok(j)?;
        let starts = (next.is_word() && (next.upper_first || self.t.has(j, Lex::PARTICLE)))
            || self.t.quoted_at(j).is_some();
        (starts && !cyrillic && j == i + 1 && self.cursor.sep != Sep::None).then_some(j)
    }

    /// Editors named at the head of a container: `In: Schmidt, K. (Hrsg.): Sammelband`,
    /// `In K. Schmidt (ed.), Book`.
    fn container_editors(&mut self, k: usize) -> usize {
        if let Some(after) = self.t.same_author_at(k) {
            return after;
        }
        let Some(scan) = scan_names(self.t, k, Ctx::Lead) else {
            return k;
        };
        let Some((role, next)) = self.t.postfix_role(scan.end) else {
            let named = (scan.names.et_al || !scan.weak)
                && self.t.is_p(scan.end, ',')
                && self
                    .t
                    .tok(scan.end + 1)
                    .is_some_and(|t| t.is_word() && t.upper_first)
                && !self.t.element_starts_at(scan.end + 1);
            if named {
                self.add_names(Some(Role::Editor), scan.names);
                return scan.end + 1;
            }
            return k;
        };
        let comma_form = self.t.is_p(scan.end, ',');
        let name_follows = self
            .t
            .tok(next)
            .is_some_and(|t| t.is_word() && t.upper_first);
        // `In: Fauci AS, Braunwald E, editors. Harrison's …`: a role word ending its
        // sentence closes the list of editors, whatever follows.
        let role_ends_sentence = self.t.is_p(next - 1, '.')
            && self.t.has(next - 2, Lex::EDITOR | Lex::COMPILER)
            && self.t.tok(next - 2).is_some_and(|t| t.chars >= 6);
        if (scan.weak && !scan.known_given) || (comma_form && name_follows && !role_ends_sentence) {
            return k;
        }
        self.add_names(Some(role), scan.names);
        if self.t.is_p(next, ':') || self.t.is_p(next, ',') || self.t.is_p(next, '.') {
            next + 1
        } else {
            next
        }
    }

    /// `Док. № 12`, `Dok. Nr. 14`, `doc. no. 5`: a document label before a number sign,
    /// read as one document locator. The index after it.
    fn numbered_document(&mut self, i: usize) -> Option<usize> {
        if !self.t.has(i, Lex::DOCUMENT) {
            return None;
        }
        let j = i + 1 + usize::from(self.t.is_p(i + 1, '.'));
        let number = self.t.locator_at(j)?;
        if number.label != LocatorLabel::Issue {
            return None;
        }
        let start = self.t.tok(i)?.start;
        let end = number.span.end;
        self.r.locators.push(Locator {
            label: LocatorLabel::Document,
            label_span: Some(crate::text::trim_span(
                self.t.input,
                Span::new(start, number.value.start),
            )),
            span: Span::new(start, end),
            ..number
        });
        Some(self.t.tok_after(end).max(i + 1))
    }

    /// A labelled locator at `i`, routed to its field: the index after it.
    pub(super) fn labelled(&mut self, i: usize) -> Option<usize> {
        let locator = self.t.locator_at(i)?;
        let end = self.route(locator);
        Some(self.t.tok_after(end).max(i + 1))
    }

    /// Whether the reference is shaped like a work inside a container (an article or a
    /// chapter), where a page range is the work's `page` rather than a pinpoint.
    fn article_shape(&self) -> bool {
        self.r.container_title.is_some() || self.r.issue.is_some()
    }

    /// Put a locator in its field: the volume and issue of the container, the page range
    /// of an article, or the pinpoint locators.
    ///
    /// Returns where reading goes on: a volume or issue takes only its first value (`no. 2,
    /// 2010` is issue 2, then the year).
    fn route(&mut self, locator: Locator) -> usize {
        let end = locator.span.end;
        match locator.label {
            LocatorLabel::Issue
                if self.r.container_title.is_none()
                    && (self.r.publisher.is_some()
                        || self.r.place.is_some()
                        || self.layout.no_title
                        || self.layout.volume_labelled && self.r.collection_title.is_some()) =>
            {
                // `Nr. 120` after the imprint of a book, or after the series and volume of
                // an edition (`1st ser., vol. 3, no. 271`), numbers a document, not an issue.
                self.r.locators.push(Locator {
                    label: LocatorLabel::Document,
                    ..locator
                });
            }
            LocatorLabel::Volume | LocatorLabel::Issue => {
                let joined = locator.ranges.get(1).is_some_and(|r| {
                    self.t
                        .input
                        .get(..r.first.span.start)
                        .is_some_and(|before| before.ends_with(','))
                });
                let first = match locator.ranges.first() {
                    Some(r) if !joined => r
                        .first
                        .span
                        .cover(r.last.as_ref().map_or(r.first.span, |l| l.span)),
                    _ => locator.value,
                };
                if locator.label == LocatorLabel::Volume {
                    self.layout.volume_labelled = true;
                }
                let field = if locator.label == LocatorLabel::Volume {
                    &mut self.r.volume
                } else {
                    &mut self.r.issue
                };
                if field.is_none() {
                    *field = Some(first);
                    self.end_container();
                    return first.end;
                }
                self.r.locators.push(locator);
            }
            LocatorLabel::Page => {
                let (locator, end) = self.without_year_tail(locator);
                if self.page_is_field(&locator) {
                    self.r.page = Some(locator.value);
                } else {
                    self.r.locators.push(locator);
                }
                return end;
            }
            _ => self.r.locators.push(locator),
        }
        end
    }

    /// A page list that ran on into the year (`pp. 776–799, 2001`): the pages alone, and
    /// where reading goes on.
    fn without_year_tail(&self, locator: Locator) -> (Locator, usize) {
        let end = locator.span.end;
        let n = locator.ranges.len();
        let year_tail = n > 1
            && locator.ranges.last().is_some_and(|r| {
                r.last.is_none()
                    && r.first.kind == crate::NumberKind::Arabic
                    && r.first.span.len() == 4
                    && r.first.value.is_some_and(|v| (1400..=2099).contains(&v))
            });
        if !year_tail || locator.following.is_some() {
            return (locator, end);
        }
        let mut ranges = locator.ranges;
        ranges.pop();
        let cut = ranges.last().map_or(locator.value.end, |r| {
            r.last.as_ref().map_or(r.first.span.end, |l| l.span.end)
        });
        let trimmed = Locator {
            value: Span::new(locator.value.start, cut),
            span: Span::new(locator.span.start, cut),
            ranges,
            ..locator
        };
        (trimmed, cut)
    }

    /// Whether a page value is the page range of the work: in an article shape, the first
    /// pages given; in a note (comma style) only a range counts, a single page is a pinpoint.
    fn page_is_field(&self, locator: &Locator) -> bool {
        let range = locator.ranges.iter().any(|r| r.last.is_some()) || locator.ranges.len() > 1;
        // A newspaper dated to the day after its name (`Le Temps, 14 avril 1920, p. 2`): its
        // one page is the article's.
        let daily = self.r.volume.is_none() && self.dated_to_the_day();
        self.r.page.is_none()
            && self.article_shape()
            && (range || self.layout.style == Style::Period || daily)
    }

    /// A periodical dated to the day after its name (`Le Temps, 14 avril 1920`, `New York
    /// Times, February 27, 1921`): a newspaper, whose numbers after the date are pages.
    fn dated_to_the_day(&self) -> bool {
        self.r.container_title.is_some_and(|c| {
            self.r
                .issued
                .as_ref()
                .is_some_and(|d| d.day.is_some() && d.span.start >= c.end)
        })
    }

    fn number(&mut self, i: usize) -> usize {
        if let Some(k) = self
            .t
            .volume_total_at(i)
            .or_else(|| self.edition_at(i))
            .or_else(|| self.page_count_at(i))
            .or_else(|| self.day_month_at(i))
            .or_else(|| self.series_number_at(i))
        {
            return k;
        }
        // `53(20):1639`, `106, no. 5 (2001): 1651–91`: behind a colon, once the volume and
        // the year of issue are read, a number is the article's pages, even one that could be
        // a year.
        let pages = self.cursor.sep == Sep::Colon
            && self.r.page.is_none()
            && self.r.volume.is_some()
            && self.r.issued.is_some()
            && self.article_shape();
        // `Rieber, “Stalin, Man of the Borderlands,” 1660.`: a lone number right after the
        // quoted title of a short note is its pinpoint, even one that could be a year.
        let short_note_pinpoint = self.layout.quoted_title
            && self.layout.style == Style::Comma
            && self.r.issued.is_none()
            && self.r.container_title.is_none()
            && (i == self.layout.title_end
                || i.checked_sub(1) == Some(self.layout.title_end)
                    && self.t.is_p(self.layout.title_end, ','))
            && self
                .t
                .num_value_end(i)
                .is_some_and(|end| self.t.only_punct_from(end));
        if !pages && !short_note_pinpoint {
            if let Some((date, k)) = self.t.date_at(i).or_else(|| self.t.year_at(i)) {
                self.set_issued(i, date);
                return k;
            }
        }
        self.bare_number(i)
    }

    /// `1st ser.`, `2. Reihe`, `3e série`: the series of a collection, kept as its
    /// collection title.
    fn series_number_at(&mut self, i: usize) -> Option<usize> {
        let mut j = i + 1;
        if self.t.has(j, Lex::ORDINAL) || self.t.is_p(j, '.') {
            j += 1;
        }
        if !self.t.has(j, Lex::SERIES) {
            return None;
        }
        let end = j + 1 + usize::from(self.t.is_p(j + 1, '.'));
        if self.r.collection_title.is_none() {
            self.r.collection_title = Some(self.t.span(i, end));
        }
        Some(end)
    }

    /// A number with no label: a volume after a journal title, a page range after a volume
    /// or a colon, or a pinpoint page.
    fn bare_number(&mut self, i: usize) -> usize {
        if let Some(next) = self.law_report(i) {
            return next;
        }
        let end = self.t.num_value_end(i).unwrap_or(i + 1);
        let span = self.t.span(i, end);
        // A range is never a volume (`Conference. 305–319.` are pages).
        let range = self.t.num_word_end(i) < end && self.t.tok(i).is_some_and(|t| t.space_before);
        if self.expect == Expect::Volume
            && !range
            && self.r.volume.is_none()
            && self.cursor.sep != Sep::Colon
            && !(self.cursor.sep == Sep::Comma && self.dated_to_the_day())
        {
            let vol_end = self.t.num_word_end(i);
            self.r.volume = Some(self.t.span(i, vol_end));
            self.end_container();
            let journal = self
                .r
                .container_title
                .is_some_and(|c| c.slice(self.t.input).contains(' '));
            let slash = journal
                && self
                    .t
                    .tok(vol_end)
                    .is_some_and(|t| t.is('/') && !t.space_before);
            if let Some(issue_end) = self.t.num_value_end(vol_end + 1).filter(|_| slash) {
                // `38/1-2`: volume 38, issue 1–2.
                self.r.issue = Some(self.t.span(vol_end + 1, issue_end));
                return issue_end;
            }
            return vol_end;
        }
        if self.r.volume.is_none()
            && self.t.is_p(i + 1, ':')
            && self
                .t
                .tok(i + 2)
                .is_some_and(|t| t.is_num() && !t.space_before)
            && self.t.tok(i + 1).is_some_and(|t| !t.space_before)
        {
            self.r.volume = Some(self.t.span(i, i + 1));
            return i + 2;
        }
        let after_volume_comma = self.cursor.sep == Sep::Comma
            && i >= 2
            && self
                .r
                .volume
                .is_some_and(|v| self.t.tok(i - 2).is_some_and(|t| t.end == v.end));
        if after_volume_comma
            && self.r.issue.is_none()
            && self.t.is_p(end, '(')
            && self.t.has(end + 1, Lex::MONTH)
        {
            // `Commun. ACM 21, 7 (July 1978), 558–565`: the number between the volume and
            // the month of issue is the issue.
            self.r.issue = Some(span);
            return end;
        }
        if self.r.page.is_none() && self.article_shape() {
            let single = end == i + 1 || self.t.num_word_end(i) == end;
            // `Phys. Rev. 108, 1175 (1957)`: the first page right after the volume, with
            // the year after it, is the article's page even in a note.
            let after_volume = self.cursor.sep == Sep::Comma
                && i >= 2
                && self
                    .r
                    .volume
                    .is_some_and(|v| self.t.tok(i - 2).is_some_and(|t| t.end == v.end))
                && self.t.is_p(end, '(')
                && self.t.year_at(end + 1).is_some();
            if self.layout.style == Style::Period || !single || after_volume {
                self.r.page = Some(span);
                return end;
            }
        }
        let options = LocatorOptions {
            bare_number_is_page: true,
        };
        let start = self.t.tok(i).map_or(0, |t| t.start);
        match scan_locator(self.t.input, start, &options)
            .filter(|l| l.span.start == start && l.span.end > start)
        {
            Some(locator) => {
                let next = self.t.tok_after(locator.span.end);
                self.r.locators.push(locator);
                next.max(i + 1)
            }
            None => {
                self.unknown.push(span);
                end
            }
        }
    }

    /// A law report or law review after a case name or title (`384 U.S. 436, 444 (1966)`,
    /// `10 Harv. L. Rev. 457, 461 (1897)`): the volume, the abbreviated reporter, the first
    /// page, pinpoint pages after commas, then a bracket holding the year. Sets volume,
    /// container, page and the pinpoints; the index of the bracket.
    fn law_report(&mut self, i: usize) -> Option<usize> {
        let free = self.r.volume.is_none()
            && self.r.container_title.is_none()
            && self.r.page.is_none()
            && self.r.title.is_some();
        if !free || self.cursor.sep != Sep::Comma || self.t.year_at(i).is_some() {
            return None;
        }
        if self.t.tok(i).is_some_and(|t| t.chars > 4) || !self.t.tok(i + 1)?.is_word() {
            return None;
        }
        // The reporter: capitalised words, at least one cut short (`U.S.`, `Harv. L. Rev.`).
        let mut first = i + 1;
        let mut dotted = false;
        while first < i + 12
            && self
                .t
                .tok(first)
                .is_some_and(|t| t.is_word() && t.upper_first)
        {
            first += 1;
            if self
                .t
                .tok(first)
                .is_some_and(|d| d.is('.') && !d.space_before)
            {
                dotted = true;
                first += 1;
            }
        }
        if !dotted {
            return None;
        }
        let page_end = self.t.num_value_end(first)?;
        let mut k = page_end;
        let mut pins = Vec::new();
        while pins.len() < 4 && self.t.is_p(k, ',') {
            match self.t.num_value_end(k + 1) {
                Some(e) if self.t.year_at(k + 1).is_none() => {
                    pins.push(k + 1);
                    k = e;
                }
                _ => break,
            }
        }
        if !self.t.is_p(k, '(') {
            return None;
        }
        let close = (k + 1..k + 8).find(|&m| self.t.is_p(m, ')'))?;
        if !(k + 1..close).any(|m| self.t.year_at(m).is_some()) {
            return None;
        }
        self.r.volume = Some(self.t.span(i, i + 1));
        self.r.container_title = Some(self.t.span(i + 1, first));
        self.r.page = Some(self.t.span(first, page_end));
        let options = LocatorOptions {
            bare_number_is_page: true,
        };
        for at in pins {
            let start = self.t.tok(at).map_or(0, |t| t.start);
            if let Some(pin) = scan_locator(self.t.input, start, &options)
                .filter(|l| l.span.start == start && l.span.end > start)
            {
                self.r.locators.push(pin);
            }
        }
        Some(k)
    }
}
