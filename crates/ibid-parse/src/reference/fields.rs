//! The fields after the title: container, place and publisher, year, volume, issue, pages,
//! roles, links and locators, read in one pass over the tokens that follow the title.

use super::lexicon::{is_roman, Lex};
use super::names::{scan_names, Ctx};
use super::parse::{Cx, Role, Sep, Style};
use super::token::Kind;
use crate::locator::{lookup_label, scan_locator, LocatorOptions};
use crate::{Locator, LocatorLabel, Span};

impl Cx<'_> {
    /// Read every field from token `i` to the end.
    pub(super) fn rest(&mut self, mut i: usize) {
        while let Some(t) = self.tok(i).copied() {
            let next = match t.kind {
                Kind::Punct(c) => self.punct(i, c),
                Kind::Url => {
                    if self.r.url.is_none() {
                        self.r.url = Some(t.span());
                    } else {
                        self.unknown.push(t.span());
                    }
                    self.sep = Sep::None;
                    i + 1
                }
                Kind::Doi => {
                    if self.r.doi.is_none() {
                        self.r.doi = Some(t.span());
                    } else {
                        self.unknown.push(t.span());
                    }
                    self.sep = Sep::None;
                    i + 1
                }
                Kind::Num => {
                    let next = self.number(i);
                    self.sep = Sep::None;
                    next
                }
                Kind::Word => {
                    let next = self.word(i);
                    if !matches!(
                        self.tok(next.saturating_sub(1)).map(|t| t.kind),
                        Some(Kind::Punct(_))
                    ) {
                        self.sep = Sep::None;
                    }
                    next
                }
            };
            i = next.max(i + 1);
        }
    }

    fn punct(&mut self, i: usize, c: char) -> usize {
        match c {
            '.' => self.sep = Sep::Stop,
            ',' => self.sep = Sep::Comma,
            ':' => self.sep = Sep::Colon,
            ';' => self.sep = Sep::Semicolon,
            '–' | '—' | '-' => self.sep = Sep::Dash,
            ')' => {
                self.depth = self.depth.saturating_sub(1);
                self.sep = Sep::Close;
            }
            ']' => self.sep = Sep::Close,
            '(' => return self.paren(i),
            '[' => return self.bracket(i),
            '/' => {
                if self.is_p(i + 1, '/') {
                    self.expect_container = true;
                    self.sep = Sep::Stop;
                    return i + 2;
                }
                return self.responsibility(i + 1);
            }
            '№' | '§' | '¶' => {
                if let Some(next) = self.labelled(i) {
                    self.sep = Sep::None;
                    return next;
                }
            }
            _ => {
                if let Some((span, next)) = self.quoted_at(i) {
                    self.quoted_field(span);
                    self.sep = Sep::None;
                    return next;
                }
            }
        }
        i + 1
    }

    /// A quoted or italic text after the title: the container, or a publisher after a place.
    fn quoted_field(&mut self, span: Span) {
        if self.expect_publisher {
            if let Some(old) = self.r.publisher.replace(span) {
                self.unknown.push(old);
            }
            self.expect_publisher = false;
        } else if self.r.title.is_none() {
            self.r.title = Some(span);
            self.quoted_title = true;
        } else if self.r.container_title.is_none() {
            self.r.container_title = Some(span);
            self.expect_container = false;
            self.container_open = true;
        } else {
            self.unknown.push(span);
        }
    }

    /// An opening bracket: a year group, an issue after a volume, a plain addition to the
    /// title, or a group of fields.
    fn paren(&mut self, i: usize) -> usize {
        if let Some((date, next)) = self.year_group(i) {
            self.set_issued(i + 1, date);
            self.sep = Sep::Close;
            return next;
        }
        if self.r.volume.is_some() && self.r.issue.is_none() {
            if let Some(end) = self.num_value_end(i + 1) {
                if self.is_p(end, ')') {
                    self.r.issue = Some(self.span(i + 1, end));
                    self.sep = Sep::Close;
                    return end + 1;
                }
            }
        }
        if i == self.title_end {
            if let Some(close) = self.plain_group(i) {
                if let Some(title) = self.r.title {
                    self.r.title = Some(title.cover(self.span(i, close + 1)));
                    self.title_end = close + 1;
                    return close + 1;
                }
            }
        }
        self.depth += 1;
        self.sep = Sep::Open;
        self.container_open = false;
        i + 1
    }

    /// The closing bracket of a group at `i` holding only words (a subtitle or gloss).
    fn plain_group(&self, i: usize) -> Option<usize> {
        let mut j = i + 1;
        while let Some(t) = self.tok(j) {
            match t.kind {
                Kind::Punct(')') => return (j > i + 1).then_some(j),
                Kind::Word => {
                    if self.element_starts_at(j)
                        || t.has(Lex::EDITOR | Lex::TRANSLATOR | Lex::COMPILER)
                    {
                        return None;
                    }
                }
                Kind::Punct('-' | '\'' | '’' | ',' | '.' | '&') => {}
                _ => return None,
            }
            j += 1;
            if j > i + 24 {
                return None;
            }
        }
        None
    }

    /// `[1921]`, `[Электронный ресурс]`, `[et al.]`, or a group of fields.
    fn bracket(&mut self, i: usize) -> usize {
        if let Some((date, next)) = self.year_group(i) {
            self.set_issued(i + 1, date);
            self.sep = Sep::Close;
            return next;
        }
        if self.has(i + 1, Lex::MEDIUM)
            || self.word_is(i + 1, "текст")
            || self.word_is(i + 1, "text")
        {
            let mut j = i + 1;
            while self.tok(j).is_some_and(|t| !t.is(']')) && j < i + 8 {
                j += 1;
            }
            if self.is_p(j, ']') {
                self.sep = Sep::Close;
                return j + 1;
            }
        }
        self.depth += 1;
        self.sep = Sep::Open;
        i + 1
    }

    /// GOST's statement of responsibility after ` / `: names with or without roles,
    /// separated by `,` and `;`.
    fn responsibility(&mut self, mut i: usize) -> usize {
        self.sep = Sep::Stop;
        loop {
            let (role, at) = match self.role_at(i) {
                Some((role, k)) => (Some(role), k),
                None => (None, i),
            };
            let Some(scan) = scan_names(self.input, &self.toks, at, Ctx::AfterRole) else {
                return at;
            };
            if role.is_some() || self.r.authors.names.is_empty() {
                self.add_names(role, scan.names);
            }
            i = scan.end;
            if self.is_p(i, ';') || self.is_p(i, ',') {
                i += 1;
            } else {
                return i;
            }
        }
    }

    fn word(&mut self, i: usize) -> usize {
        let Some(t) = self.tok(i).copied() else {
            return i + 1;
        };
        let chunk_start = self.sep != Sep::None || i == 0;
        if self.archival_hint && chunk_start && t.upper_first {
            if let Some(next) = self.archive_at(i) {
                self.expect_container = false;
                return next;
            }
        }
        if t.has(Lex::ACCESS) || self.word_is(i, "дата") && self.has(i + 1, Lex::ACCESS) {
            return self.skip_access(i);
        }
        if let Some((role, k)) = self.role_at(i) {
            return self.role_names(role, k);
        }
        if t.has(Lex::STANDARD_NUMBER) {
            return self.standard_number_end(i);
        }
        if t.has(Lex::LINK) {
            if let Some(k) = (i + 1..i + 4).find(|&k| self.is_p(k, ':')) {
                return k + 1;
            }
        }
        if t.has(Lex::PINPOINT) && self.locator_at(i + 1).is_some() {
            return i + 1;
        }
        if let Some(k) = self.op_cit_at(i) {
            return k;
        }
        if t.has(Lex::SERIES) && !self.container_open && self.r.collection_title.is_none() {
            let at = i + 1 + usize::from(self.is_p(i + 1, '.'));
            if let Some((span, next)) = self.quoted_at(at) {
                self.r.collection_title = Some(span);
                return next;
            }
        }
        if t.has(Lex::SERIES) && self.container_open && self.r.volume.is_none() {
            if let Some(container) = self.r.container_title {
                let mut j = i + 1 + usize::from(self.is_p(i + 1, '.'));
                while self
                    .tok(j)
                    .is_some_and(|t| !(t.is('.') && self.sentence_stop(j)))
                {
                    j += 1;
                }
                self.r.container_title = Some(container.cover(self.field_span(i, j)));
                return j;
            }
        }
        if let Some(k) = self.day_month_at(i) {
            return k;
        }
        if let Some(k) = self.container_marker(i) {
            self.expect_container = true;
            return self.container_editors(k);
        }
        if let Some(k) = self.edition_at(i) {
            return k;
        }
        if let Some((date, k)) = self.undated_at(i).or_else(|| self.date_at(i)) {
            self.set_issued(i, date);
            return k;
        }
        if is_roman(t.text(self.input)) {
            if let Some(k) = self.page_count_at(i) {
                return k;
            }
        }
        if let Some(k) = self.labelled(i) {
            return k;
        }
        self.free_run(i)
    }

    /// `accessed 5 May 2020`, `(дата обращения: 01.02.2020)`: skipped to the end of its
    /// bracket or sentence.
    fn skip_access(&mut self, i: usize) -> usize {
        let mut j = i + 1;
        while let Some(t) = self.tok(j) {
            if (t.is(')') && self.depth > 0) || matches!(t.kind, Kind::Url | Kind::Doi) {
                return j;
            }
            if t.is('.') && self.sentence_stop(j) {
                return j;
            }
            j += 1;
        }
        j
    }

    /// `ISBN 978-5-02-000000-0`: no field holds it, so it is read and passed over.
    fn standard_number_end(&self, i: usize) -> usize {
        let mut j = i + 1 + usize::from(self.is_p(i + 1, ':'));
        let first = j;
        while self.tok(j).is_some_and(|n| {
            j == first || (!n.space_before && !matches!(n.kind, Kind::Punct(',' | ';' | ')')))
        }) {
            j += 1;
        }
        if j > first + 1 && self.is_p(j - 1, '.') {
            j -= 1;
        }
        j.max(i + 1)
    }

    fn role_names(&mut self, role: Role, k: usize) -> usize {
        match scan_names(self.input, &self.toks, k, Ctx::AfterRole) {
            Some(scan) => {
                self.add_names(Some(role), scan.names);
                self.container_open = false;
                scan.end
            }
            None => k,
        }
    }

    /// `In:`, `In`, `in`, `Dans`, `В кн.:`, `В:`: the index after the marker.
    fn container_marker(&self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        if !t.has(Lex::CONTAINER) || self.r.title.is_none() {
            return None;
        }
        let mut j = i + 1;
        if self.word_is(j, "кн") || self.word_is(j, "сб") {
            j += 1 + usize::from(self.is_p(j + 1, '.'));
        }
        if self.is_p(j, ':') {
            return Some(j + 1);
        }
        let cyrillic = self.word_is(i, "в");
        let next = self.tok(j)?;
        let starts = (next.is_word() && (next.upper_first || self.cap_particle_name(j)))
            || self.quoted_at(j).is_some();
        (starts && !cyrillic && j == i + 1 && self.sep != Sep::None).then_some(j)
    }

    fn cap_particle_name(&self, j: usize) -> bool {
        self.has(j, Lex::PARTICLE)
    }

    /// Editors named at the head of a container: `In: Schmidt, K. (Hrsg.): Sammelband`,
    /// `In K. Schmidt (ed.), Book`.
    fn container_editors(&mut self, k: usize) -> usize {
        let Some(scan) = scan_names(self.input, &self.toks, k, Ctx::Lead) else {
            return k;
        };
        let Some((role, next)) = self.postfix_role(scan.end) else {
            return k;
        };
        let name_follows = self.tok(next).is_some_and(|t| t.is_word() && t.upper_first);
        if scan.weak || name_follows {
            return k;
        }
        self.add_names(Some(role), scan.names);
        if self.is_p(next, ':') || self.is_p(next, ',') || self.is_p(next, '.') {
            next + 1
        } else {
            next
        }
    }

    /// A labelled locator at `i`, routed to its field: the index after it.
    pub(super) fn labelled(&mut self, i: usize) -> Option<usize> {
        let locator = self.locator_at(i)?;
        let end = self.route(locator);
        Some(self.tok_after(end).max(i + 1))
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
                    && (self.r.publisher.is_some() || self.r.place.is_some()) =>
            {
                // `Nr. 120` after the imprint of a book numbers a document, not an issue.
                self.r.locators.push(Locator {
                    label: LocatorLabel::Document,
                    ..locator
                });
            }
            LocatorLabel::Volume | LocatorLabel::Issue => {
                let first = match locator.ranges.first() {
                    Some(r) => r
                        .first
                        .span
                        .cover(r.last.as_ref().map_or(r.first.span, |l| l.span)),
                    None => locator.value,
                };
                let field = if locator.label == LocatorLabel::Volume {
                    &mut self.r.volume
                } else {
                    &mut self.r.issue
                };
                if field.is_none() {
                    *field = Some(first);
                    self.container_open = false;
                    return first.end;
                }
                self.r.locators.push(locator);
            }
            LocatorLabel::Page if self.page_is_field(&locator) => self.r.page = Some(locator.value),
            _ => self.r.locators.push(locator),
        }
        end
    }

    /// Whether a page value is the page range of the work: in an article shape, the first
    /// pages given; in a note (comma style) only a range counts, a single page is a pinpoint.
    fn page_is_field(&self, locator: &Locator) -> bool {
        let range = locator.ranges.iter().any(|r| r.last.is_some()) || locator.ranges.len() > 1;
        self.r.page.is_none() && self.article_shape() && (range || self.style == Style::Period)
    }

    fn number(&mut self, i: usize) -> usize {
        if let Some(k) = self
            .edition_at(i)
            .or_else(|| self.page_count_at(i))
            .or_else(|| self.day_month_at(i))
        {
            return k;
        }
        if let Some((date, k)) = self.date_at(i).or_else(|| self.year_at(i)) {
            self.set_issued(i, date);
            return k;
        }
        self.bare_number(i)
    }

    /// A number with no label: a volume after a journal title, a page range after a volume
    /// or a colon, or a pinpoint page.
    fn bare_number(&mut self, i: usize) -> usize {
        let end = self.num_value_end(i).unwrap_or(i + 1);
        let span = self.span(i, end);
        if self.container_open && self.r.volume.is_none() && self.sep != Sep::Colon {
            let vol_end = self.num_word_end(i);
            self.r.volume = Some(self.span(i, vol_end));
            self.container_open = false;
            return vol_end;
        }
        if self.r.volume.is_none()
            && self.is_p(i + 1, ':')
            && self
                .tok(i + 2)
                .is_some_and(|t| t.kind == Kind::Num && !t.space_before)
            && self.tok(i + 1).is_some_and(|t| !t.space_before)
        {
            self.r.volume = Some(self.span(i, i + 1));
            return i + 2;
        }
        if self.r.page.is_none() && self.article_shape() {
            let single = end == i + 1 || self.num_word_end(i) == end;
            if self.sep == Sep::Colon || self.style == Style::Period || !single {
                self.r.page = Some(span);
                return end;
            }
        }
        let options = LocatorOptions {
            bare_number_is_page: true,
        };
        let start = self.tok(i).map_or(0, |t| t.start);
        match scan_locator(self.input, start, &options)
            .filter(|l| l.span.start == start && l.span.end > start)
        {
            Some(locator) => {
                let next = self.tok_after(locator.span.end);
                self.r.locators.push(locator);
                next.max(i + 1)
            }
            None => {
                self.unknown.push(span);
                end
            }
        }
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
        if self.tok(i)?.kind != Kind::Num {
            return None;
        }
        let end = self.num_word_end(i);
        let dash = self
            .tok(end)
            .is_some_and(|t| matches!(t.kind, Kind::Punct(c) if crate::text::is_dash(c)));
        if dash && self.tok(end + 1).is_some_and(|t| t.kind == Kind::Num) {
            return Some(self.num_word_end(end + 1));
        }
        Some(end)
    }

    /// A free run of words at `i`, placed by what surrounds it.
    fn free_run(&mut self, i: usize) -> usize {
        if self.expect_container {
            self.expect_container = false;
            if self.r.container_title.is_none() {
                let end = self.container_end(i);
                let to = end + usize::from(self.is_p(end, '.') && self.abbreviation(end - 1));
                self.r.container_title = Some(self.field_span(i, to));
                self.container_open = true;
                return end;
            }
        }
        let end = self.run_end(i);
        let span = self.field_span(i, end);
        let next = self.tok(end).copied();
        let next_is = |c: char| next.is_some_and(|t| t.is(c));
        let words = (i..end)
            .filter(|&j| self.tok(j).is_some_and(|t| t.is_word()))
            .count();
        let places = (i..end).filter(|&j| self.has(j, Lex::PLACE)).count();
        let institution = (i..end).any(|j| self.has(j, Lex::INSTITUTION));
        let acronym = (i..end).any(|j| self.tok(j).is_some_and(|t| t.all_upper() && t.chars >= 2));
        let place_like = places > 0 && !institution && !acronym && words <= 2;
        if self.r.title.is_none() {
            self.r.title = Some(span);
            self.title_end = end;
            return end;
        }
        if self.expect_publisher {
            self.expect_publisher = false;
            if let Some(old) = self.r.publisher.replace(span) {
                self.unknown.push(old);
            }
            self.container_open = false;
            return end;
        }
        if let Some(sub_end) = self.subtitle_follows(i, end) {
            if let Some(title) = self.r.title {
                self.r.title = Some(title.cover(self.field_span(i, sub_end)));
                self.title_end = sub_end;
                return sub_end;
            }
        }
        if self.r.place.is_none() && words <= 5 && !institution {
            if next_is(':') && !self.tok(end + 1).is_some_and(|t| t.kind == Kind::Num) {
                return self.set_place(span, end);
            }
            if let Some(place_end) = self.more_places(end) {
                return self.set_place(self.span(i, place_end), place_end);
            }
        }
        let year_next = next.is_some_and(|t| t.kind == Kind::Num) && self.year_at(end).is_some();
        if year_next && self.r.container_title.is_none() && !self.volume_follows(end) {
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
        if self.r.container_title.is_none()
            && !place_like
            && (self.quoted_title || self.volume_follows(end))
        {
            self.r.container_title = Some(span);
            self.container_open = true;
            return end;
        }
        if next_is(',') || next_is(')') {
            let more = self
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
                && self.year_at(end + 1).is_some_and(|(_, after)| {
                    self.is_p(after, '(')
                        || self.is_p(after, '.')
                            && (self.place_colon(after + 1) || self.place_at(after + 1))
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
        if self.depth > 0 && self.r.collection_title.is_none() && self.r.publisher.is_some() {
            let series = self.collection_span(span, end);
            self.r.collection_title = Some(series);
            return self.tok_after(series.end).max(end);
        }
        if self.r.publisher.is_none()
            && self.r.container_title.is_none()
            && next.map_or(true, |t| t.is('.') || t.is(')'))
            && self.tok(i).is_some_and(|t| t.upper_first)
        {
            self.r.publisher = Some(span);
            return end;
        }
        self.unknown.push(span);
        end
    }

    /// Whether the run `i..end` right after the title is more of the title: a subtitle or
    /// other title information before the place, the year or GOST's ` / ` (`Хозяин. Сталин
    /// и утверждение сталинской диктатуры. М.: РОССПЭН`).
    fn subtitle_follows(&self, i: usize, end: usize) -> Option<usize> {
        let right_after =
            i.checked_sub(1) == Some(self.title_end) && self.is_p(self.title_end, '.');
        if !right_after
            || self.quoted_title
            || self.r.place.is_some()
            || self.r.publisher.is_some()
            || self.r.container_title.is_some()
            || self.volume_follows(end)
            || self.place_colon(i)
            || self.place_at(i)
        {
            return None;
        }
        let mut sub_end = end;
        while (self.is_p(sub_end, ',') || self.is_p(sub_end, ':'))
            && self.tok(sub_end + 1).is_some_and(|t| t.is_word())
            && !self.element_starts_at(sub_end + 1)
            && !self.place_at(sub_end + 1)
        {
            sub_end = self.run_end(sub_end + 1);
        }
        let mut j = sub_end;
        if self.is_p(j, ',') {
            if let Some((_, after)) = self.year_at(j + 1) {
                j = after;
            }
        }
        if self.is_p(j, '/') && !self.is_p(j + 1, '/') {
            return Some(sub_end);
        }
        if !(self.is_p(j, '.') || self.is_p(j, ',')) {
            return None;
        }
        let stop = self.is_p(j, '.');
        j += 1;
        if self
            .tok(j)
            .is_some_and(|t| matches!(t.kind, Kind::Punct('–' | '—')))
        {
            j += 1;
        }
        let t = self.tok(j)?;
        let pub_area = self.place_colon(j)
            || self.place_at(j)
            || (stop
                && t.kind == Kind::Num
                && !self.year_at(j).is_some_and(|(_, a)| self.is_p(a, ';')))
            || (stop && t.is_word() && (self.locator_at(j).is_some() || self.role_at(j).is_some()));
        pub_area.then_some(sub_end)
    }

    /// Whether a known place of publication stands at `i`, followed by `,` `:` or a year.
    fn place_at(&self, i: usize) -> bool {
        if !self.has(i, Lex::PLACE) {
            return false;
        }
        let end = self.run_end(i);
        end - i <= 3
            && (self.is_p(end, ',')
                || self.is_p(end, ':')
                || self.year_at(end).is_some()
                || self.is_p(end, '.') && self.tok(end + 1).is_none())
    }

    /// The end of a container title at `i`: runs joined by `,` or `:` while no other field
    /// or place follows (`in Transcaucasia, Nationalism and Social Change, ed. …`).
    fn container_end(&self, i: usize) -> usize {
        let mut end = self.run_end(i);
        while (self.is_p(end, ',') || self.is_p(end, ':'))
            && self.tok(end + 1).is_some_and(|t| t.is_word())
            && !self.element_starts_at(end + 1)
            && !self.has(end + 1, Lex::PLACE)
            && !self.place_colon_at(end + 1)
        {
            end = self.run_end(end + 1);
        }
        end
    }

    /// Whether a run at `i` is followed by `:` and a publisher.
    fn place_colon_at(&self, i: usize) -> bool {
        let end = self.run_end(i);
        end - i <= 4
            && self.is_p(end, ':')
            && self.tok(end + 1).is_some_and(|t| t.is_word() || t.is('«'))
    }

    fn set_place(&mut self, span: Span, end: usize) -> usize {
        self.r.place = Some(span);
        self.expect_publisher = true;
        end + usize::from(self.is_p(end, ':'))
    }

    /// Places joined before a colon: `М.; Л.:`, `Cambridge, MA:`: the index of the colon.
    fn more_places(&self, end: usize) -> Option<usize> {
        if !(self.is_p(end, ';') || self.is_p(end, ',')) {
            return None;
        }
        let j = end + 1;
        let t = self.tok(j)?;
        if !t.is_word() || !t.upper_first {
            return None;
        }
        let k = self.run_end(j);
        let short = k - j <= 3 && (self.is_p(end, ';') || (t.all_upper() && t.chars <= 3));
        (short && self.is_p(k, ':')).then_some(k)
    }

    /// A series title with its number: `Studies in History; 12`.
    fn collection_span(&self, span: Span, end: usize) -> Span {
        if (self.is_p(end, ';') || self.is_p(end, ','))
            && self.tok(end + 1).is_some_and(|t| t.kind == Kind::Num)
        {
            return span.cover(self.span(end + 1, end + 2));
        }
        span
    }

    /// Whether a volume, issue or page follows the run ending at `end`: what marks the
    /// run as a journal title.
    fn volume_follows(&self, end: usize) -> bool {
        let mut j = end;
        let stop = self.is_p(j, '.');
        if self.is_p(j, ',') || stop {
            j += 1;
        }
        let Some(t) = self.tok(j) else { return false };
        match t.kind {
            Kind::Num => match self.year_at(j) {
                Some((_, after)) => self.is_p(after, ';'),
                None => !stop,
            },
            Kind::Punct('(') => {
                self.num_value_end(j + 1).is_some_and(|e| self.is_p(e, ')'))
                    && self.year_at(j + 1).is_none()
            }
            Kind::Punct('№') => true,
            Kind::Word => {
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
                Kind::Word => {
                    j == i
                        || !(self.locator_at(j).is_some()
                            || self.role_at(j).is_some()
                            || t.has(Lex::ACCESS)
                            || (t.has(Lex::CONTAINER) && self.is_p(j + 1, ':')))
                }
                Kind::Punct('.') => !self.sentence_stop(j),
                Kind::Punct('&' | '\'' | '’' | '+') => true,
                Kind::Punct('-' | '–') => {
                    !(t.space_before && self.tok(j + 1).is_some_and(|n| n.space_before))
                }
                Kind::Punct('/') => {
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
