//! Years and dates of publication, editions and page counts inside a reference
//! (`(2005)`, `1921–1922`, `[1921]`, `n.d.`, `2nd edn.`, `2-е изд.`, `320 с.`, `xii, 410 pp.`).

use super::lexicon::{is_roman, Lex, Phrase};
use super::parse::Reader;
use super::token::{TokenKind, Tokens};
use crate::{parse_date, DatePart, InferenceBasis, PartialDate, Span};

/// The longest span of years read as one range (`1700–1930`); a longer one is two numbers.
const MAX_YEAR_SPAN: u32 = 500;

/// Move every span of `date` `by` bytes to the right.
fn shift_date(date: &mut PartialDate, by: usize) {
    date.span = date.span.shift(by);
    if let Some(y) = date.year.as_mut() {
        y.span = y.span.map(|s| s.shift(by));
    }
    if let Some(m) = date.month.as_mut() {
        m.span = m.span.map(|s| s.shift(by));
    }
    if let Some(d) = date.day.as_mut() {
        d.span = d.span.map(|s| s.shift(by));
    }
    if let Some(end) = date.end.as_mut() {
        shift_date(end, by);
    }
}

/// A date of only a year.
fn year_date(value: i32, span: Span, inferred: Option<InferenceBasis>) -> PartialDate {
    PartialDate {
        year: Some(DatePart {
            value,
            span: Some(span),
            inferred,
        }),
        span,
        ..PartialDate::default()
    }
}

impl Tokens<'_> {
    fn num_value(&self, i: usize) -> Option<u32> {
        let t = self.tok(i)?;
        if !t.is_num() || t.chars > 9 {
            return None;
        }
        t.text(self.input).parse().ok()
    }

    /// A year of publication at `i` (`1977`, `2005a`, `1921–1922`, `1990/91`, `1990 г.`):
    /// the date and the index after it.
    pub(super) fn year_at(&self, i: usize) -> Option<(PartialDate, usize)> {
        let t = self.tok(i)?;
        if !t.is_num() || t.chars != 4 {
            return None;
        }
        let value = self.num_value(i)?;
        if !(1400..=2099).contains(&value) {
            return None;
        }
        let mut end = i + 1;
        if let Some(n) = self.tok(end).filter(|n| n.is_word() && !n.space_before) {
            let letter = n.chars == 1 && !n.upper_first && !n.has(Lex::DECADE_SUFFIX);
            if !letter {
                return None;
            }
            end += 1;
        }
        let mut date = year_date(value as i32, t.span(), None);
        let joiner = self.tok(end).is_some_and(
            |n| matches!(n.kind, TokenKind::Punct(c) if crate::text::is_dash(c) || c == '/'),
        );
        if joiner {
            if let (Some(n), Some(last)) = (self.tok(end + 1), self.num_value(end + 1)) {
                let full = match n.chars {
                    4 => Some((last, None)),
                    2 => Some((value / 100 * 100 + last, Some(InferenceBasis::TwoDigitYear))),
                    _ => None,
                };
                if let Some((last, inferred)) =
                    full.filter(|(l, _)| *l > value && *l <= value + MAX_YEAR_SPAN)
                {
                    date.end = Some(Box::new(year_date(last as i32, n.span(), inferred)));
                    end += 2;
                }
            }
        }
        if self.tok(end).is_some_and(|n| n.is_num() && !n.space_before) {
            return None;
        }
        if self.is_p(end, '.')
            && self
                .tok(end + 1)
                .is_some_and(|n| n.is_num() && !n.space_before)
        {
            return None;
        }
        if self.has(end, Lex::YEAR_WORD) {
            // `1921 г.`, `1918–1945 годы`, `1915 год`: the word belongs to the year, an
            // abbreviation (`г.`, `гг.`) only with its full stop.
            if !self.has(end, Lex::ABBREV) {
                end += 1;
            } else if self.is_p(end + 1, '.') {
                end += 2;
            }
        }
        date.span = self.span(i, end);
        Some((date, end))
    }

    /// Decades (`1870s`, `1870s–1990s`): the index after them. Never a date of issue.
    pub(super) fn decades_end(&self, i: usize) -> Option<usize> {
        let decade = |j: usize| {
            self.tok(j).is_some_and(|t| t.is_num() && t.chars == 4)
                && self.has(j + 1, Lex::DECADE_SUFFIX)
                && self.tok(j + 1).is_some_and(|t| !t.space_before)
        };
        if !decade(i) {
            return None;
        }
        let dash = self
            .tok(i + 2)
            .is_some_and(|t| matches!(t.kind, TokenKind::Punct(c) if crate::text::is_dash(c)));
        Some(if dash && decade(i + 3) { i + 5 } else { i + 2 })
    }

    /// A bracketed date (`(2005)`, `(2005, March 3)`, `(n.d.)`, `[1921]` supplied by the
    /// editor): the date and the index after the closing bracket.
    pub(super) fn year_group(&self, i: usize) -> Option<(PartialDate, usize)> {
        let open = self.tok(i)?;
        let close = match open.kind {
            TokenKind::Punct('(') => ')',
            TokenKind::Punct('[') => ']',
            _ => return None,
        };
        let (mut date, mut next) = self
            .year_at(i + 1)
            .or_else(|| self.undated_at(i + 1))
            .or_else(|| self.date_at(i + 1))?;
        if !self.is_p(next, close) {
            let mut j = next;
            while j < next + 6 && self.tok(j).is_some_and(|t| !t.is(close)) {
                let t = self.tok(j)?;
                let ok = t.is(',') || t.is('.') || t.has(Lex::MONTH) || t.is_num() && t.chars <= 2;
                if !ok {
                    return None;
                }
                j += 1;
            }
            if !self.is_p(j, close) {
                return None;
            }
            let inner = self.span(i + 1, j);
            date = self.read_date(inner).unwrap_or(date);
            next = j;
        }
        if close == ']' {
            if let Some(year) = date.year.as_mut() {
                year.inferred = Some(InferenceBasis::Supplied);
            }
        }
        Some((date, next + 1))
    }

    /// `span` read by the date parser, when it finds a year there and nothing is left over.
    fn read_date(&self, span: Span) -> Option<PartialDate> {
        let parsed = parse_date(span.slice(self.input));
        let mut date = parsed
            .value
            .filter(|d| d.year.is_some() && parsed.remainder.is_none())?;
        shift_date(&mut date, span.start);
        Some(date)
    }

    /// A date with a month name or in figures (`16 February 1921`, `March 3, 2005`,
    /// `16.02.1921`, `03/05/2014`, `1er juin 2016`, `февраля 1921`): the date and the index
    /// after it.
    pub(super) fn date_at(&self, i: usize) -> Option<(PartialDate, usize)> {
        let small = |j: usize| self.tok(j).is_some_and(|t| t.is_num() && t.chars <= 2);
        let t = self.tok(i)?;
        let mut j = i;
        let figures_sep = |k: usize| self.is_p(k, '.') || self.is_p(k, '/');
        // `1er juin 2016`: a French first of the month.
        let ordinal = small(i)
            && self
                .tok(i + 1)
                .is_some_and(|o| !o.space_before && o.has(Lex::ORDINAL))
            && self.has(i + 2, Lex::MONTH);
        if ordinal {
            let j = i + 2 + 1 + usize::from(self.is_p(i + 3, '.'));
            let (year, end) = self.year_at(j)?;
            let span = self.span(i, end);
            return Some((PartialDate { span, ..year }, end));
        }
        if small(i) && figures_sep(i + 1) && small(i + 2) && figures_sep(i + 3) {
            let adjacent = (i + 1..i + 5).all(|k| self.tok(k).is_some_and(|t| !t.space_before));
            if !adjacent {
                return None;
            }
            j = i + 4;
        } else if small(i) {
            j += 1 + usize::from(self.is_p(i + 1, '.'));
            if !self.has(j, Lex::MONTH) {
                return None;
            }
            j += 1 + usize::from(self.is_p(j + 1, '.'));
        } else if t.has(Lex::MONTH) {
            j += 1 + usize::from(self.is_p(i + 1, '.'));
            if small(j) {
                j += 1 + usize::from(self.is_p(j + 1, ','));
            }
        } else {
            return None;
        }
        let (year, end) = self.year_at(j)?;
        let span = self.span(i, end);
        let date = self.read_date(span).unwrap_or(PartialDate { span, ..year });
        Some((date, end))
    }

    /// `n.d.`, `s. d.`, `o. J.`, `б. г.`: an undated mark and the index after it.
    pub(super) fn undated_at(&self, i: usize) -> Option<(PartialDate, usize)> {
        let first = self.tok(i)?;
        if !first.is_word() || first.chars != 1 || !self.is_p(i + 1, '.') {
            return None;
        }
        let after = self
            .phrase_end(i, Phrase::Undated)
            .filter(|&after| after == i + 3)?;
        let end = after + usize::from(self.is_p(after, '.'));
        let date = PartialDate {
            undated: true,
            span: self.span(i, end),
            ..PartialDate::default()
        };
        Some((date, end))
    }

    /// Whether an edition statement led by a number starts at `j` (`2. Aufl.`, `2nd ed.`,
    /// `2-е изд.`), without reading it.
    pub(super) fn edition_shape(&self, j: usize) -> bool {
        if !self.tok(j).is_some_and(|t| t.is_num()) {
            return false;
        }
        let adjacent = |k: usize| self.tok(k).is_some_and(|n| !n.space_before);
        (self.has(j + 1, Lex::ORDINAL) && adjacent(j + 1))
            || (self.is_p(j + 1, '-') && self.has(j + 2, Lex::ORDINAL) && self.edition_ahead(j + 3))
            || (self.is_p(j + 1, '.') && self.edition_ahead(j + 2))
    }

    /// Revision words and joiners after an edition number (`, испр. и доп.`, ` rev.`,
    /// ` anniversary`).
    fn edition_words(&self, mut j: usize) -> usize {
        let mut steps = 0;
        while steps < 8 {
            let Some(t) = self.tok(j) else { break };
            let lower_word = t.is_word() && !t.upper_first && !t.has(Lex::EDITION) && steps < 3;
            let ok = t.has(Lex::ORDINAL_WORD)
                || (lower_word && self.edition_ahead(j + 1))
                || (t.is('.') && !t.space_before)
                || ((t.is(',') || t.has(Lex::AND | Lex::AND_ABBREVIATION))
                    && (self.has(j + 1, Lex::ORDINAL_WORD) || self.edition_ahead(j + 1)));
            if !ok {
                break;
            }
            j += 1;
            steps += 1;
        }
        j
    }

    /// Lower-case revision words after an edition word (`изд., испр. и доп.`, `ed., rev.`).
    fn revision_words(&self, j: usize) -> usize {
        let lower = |k: usize| self.tok(k).is_some_and(|t| t.is_word() && !t.upper_first);
        let mut k = j;
        while k < j + 8 {
            let t = self.tok(k);
            let ok = (t.is_some_and(|t| t.has(Lex::ORDINAL_WORD)) && lower(k))
                || (self.is_p(k, '.') && self.tok(k).is_some_and(|t| !t.space_before))
                || ((self.is_p(k, ',') || self.has(k, Lex::AND))
                    && self.has(k + 1, Lex::ORDINAL_WORD)
                    && lower(k + 1));
            if !ok {
                break;
            }
            k += 1;
        }
        if k > j && self.is_p(k - 1, '.') && !self.has(k - 2, Lex::ORDINAL_WORD) {
            k -= 1;
        }
        k
    }

    /// Whether an edition word comes within the next three tokens.
    pub(super) fn edition_ahead(&self, j: usize) -> bool {
        (j..j + 3).any(|k| self.has(k, Lex::EDITION))
    }
}

impl Reader<'_> {
    /// A day and month after a year already read (`Правда. 1921. 16 февраля.`): completes
    /// the date of issue, returns the index after.
    pub(super) fn day_month_at(&mut self, i: usize) -> Option<usize> {
        let issued = self.r.issued.as_ref()?;
        if issued.month.is_some() || issued.year.is_none() || issued.end.is_some() {
            return None;
        }
        let small = |j: usize| self.t.tok(j).is_some_and(|t| t.is_num() && t.chars <= 2);
        let day_first = small(i) && self.t.has(i + 1, Lex::MONTH);
        if !(day_first || self.t.has(i, Lex::MONTH) && small(i + 1)) {
            return None;
        }
        let end = i + 2;
        let span = self.t.span(i, end);
        let parsed = parse_date(span.slice(self.t.input));
        let mut part = parsed
            .value
            .filter(|d| d.month.is_some() && d.year.is_none())?;
        shift_date(&mut part, span.start);
        let issued = self.r.issued.as_mut()?;
        issued.month = part.month;
        issued.day = part.day;
        issued.span = issued.span.cover(span);
        Some(end + usize::from(self.t.is_p(end, '.') && self.t.abbreviation(end - 1)))
    }

    /// A month right after the year of issue (`1998 Jan;34(1)`): completes the date.
    pub(super) fn month_after_year(&mut self, i: usize) -> Option<usize> {
        let issued = self.r.issued.as_ref()?;
        let year_end = issued.year.and_then(|y| y.span)?.end;
        let follows = i
            .checked_sub(1)
            .and_then(|p| self.t.tok(p))
            .is_some_and(|t| t.end == year_end);
        if !follows || issued.month.is_some() || !self.t.has(i, Lex::MONTH) {
            return None;
        }
        let end = i + 1 + usize::from(self.t.is_p(i + 1, '.'));
        let span = Span::new(issued.span.start, self.t.span(i, end).end);
        if let Some(date) = self.t.read_date(span) {
            self.r.issued = Some(date);
        } else if let Some(issued) = self.r.issued.as_mut() {
            issued.span = span;
        }
        Some(end)
    }

    /// Set the date of issue read at token `at`. A second year replaces a first one read
    /// before any place or publisher once a place or publisher is known (`Russian
    /// Azerbaijan, 1905-1920. Cambridge UP, 1985`): the first then joins the title it
    /// follows, or is reported.
    pub(super) fn set_issued(&mut self, at: usize, date: PartialDate) {
        let published = self.r.place.is_some() || self.r.publisher.is_some();
        match (self.r.issued.take(), self.layout.issued_at) {
            (None, _) => {}
            (Some(first), Some((first_at, false))) if published => {
                let after_title = first_at.checked_sub(1) == Some(self.layout.title_end)
                    && (self.t.is_p(self.layout.title_end, ',')
                        || self.t.is_p(self.layout.title_end, '.')
                        || self.t.is_p(self.layout.title_end, '('));
                let mut first_span = first.span;
                let close = self.t.tok_after(first.span.end);
                if self.t.is_p(self.layout.title_end, '(') && self.t.is_p(close, ')') {
                    first_span = first_span.cover(self.t.span(close, close + 1));
                }
                match self.r.title {
                    Some(title) if after_title => {
                        self.r.title = Some(title.cover(first_span));
                        self.layout.title_end = self.t.tok_after(first_span.end);
                    }
                    _ => self.unknown.push(first.span),
                }
            }
            (Some(first), _) => {
                self.unknown.push(date.span);
                self.r.issued = Some(first);
                return;
            }
        }
        self.r.issued = Some(date);
        self.layout.issued_at = Some((at, published));
    }

    /// An edition statement at `i` (`2nd ed.`, `2nd edn`, `2. Aufl.`, `3e éd.`, `2-е изд.`,
    /// `Изд. 2-е, испр. и доп.`, `Rev. ed.`, `Second edition`): sets it, returns the index after.
    pub(super) fn edition_at(&mut self, i: usize) -> Option<usize> {
        let t = *self.t.tok(i)?;
        let adjacent = |j: usize| self.t.tok(j).is_some_and(|n| !n.space_before);
        let ordinal_after_num = |j: usize| -> Option<usize> {
            if self.t.has(j, Lex::ORDINAL) && adjacent(j) {
                Some(j + 1)
            } else if self.t.is_p(j, '-')
                && adjacent(j)
                && self.t.has(j + 1, Lex::ORDINAL)
                && adjacent(j + 1)
            {
                Some(j + 2)
            } else {
                None
            }
        };
        let end = if t.is_num() {
            let j = ordinal_after_num(i + 1)
                .or_else(|| (self.t.is_p(i + 1, '.') && adjacent(i + 1)).then_some(i + 2))?;
            let j = self
                .t
                .edition_words(j + usize::from(self.t.is_p(j, '.') && adjacent(j)));
            let j = j + usize::from(self.t.is_p(j, ','));
            if !self.t.has(j, Lex::EDITION) || self.t.has(j + 1, Lex::BY) {
                return None;
            }
            let j = j + 1 + usize::from(self.t.is_p(j + 1, '.'));
            self.t.revision_words(j)
        } else if t.has(Lex::ORDINAL_WORD) {
            let mut j = self.t.edition_words(i);
            if self.t.tok(j).is_some_and(|n| n.is_num()) {
                // `rev. 2nd ed.`
                j = ordinal_after_num(j + 1)?;
                j = self
                    .t
                    .edition_words(j + usize::from(self.t.is_p(j, '.') && adjacent(j)));
            }
            if !self.t.has(j, Lex::EDITION) || self.t.has(j + 1, Lex::BY) {
                return None;
            }
            j + 1 + usize::from(self.t.is_p(j + 1, '.'))
        } else if t.has(Lex::EDITION) && t.upper_first {
            let j = i + 1 + usize::from(self.t.is_p(i + 1, '.'));
            if !self.t.tok(j).is_some_and(|n| n.is_num()) {
                return None;
            }
            let j = ordinal_after_num(j + 1)?;
            let j = j + usize::from(self.t.is_p(j, ','));
            let k = self.t.edition_words(j);
            if k == j {
                j - usize::from(self.t.is_p(j - 1, ','))
            } else {
                k
            }
        } else {
            return None;
        };
        let span = self.t.field_span(i, end);
        if self.r.edition.is_none() {
            self.r.edition = Some(span);
        } else {
            self.unknown.push(span);
        }
        Some(end)
    }

    /// A total page count at `i` (`320 с.`, `1248 с.`, `410 pp.`, `410 S.`, `xii, 410 pp.`):
    /// sets it to the numbers, returns the index after the label.
    pub(super) fn page_count_at(&mut self, i: usize) -> Option<usize> {
        let t = self.t.tok(i)?;
        let mut j = i;
        if t.is_word() && is_roman(t.text(self.t.input)) {
            if !(self.t.is_p(i + 1, ',') || self.t.is_p(i + 1, '+')) {
                return None;
            }
            j = i + 2;
        }
        if !self.t.tok(j).is_some_and(|n| n.is_num()) {
            return None;
        }
        let label = j + 1;
        let word = self.t.tok(label)?;
        if !word.has(Lex::PAGES) {
            return None;
        }
        let dotted = self.t.is_p(label + 1, '.');
        let long = word.chars >= 5;
        let german_s = self.t.text(label) == "S";
        if !(dotted || long) || (word.chars == 1 && word.upper_first && !german_s) {
            return None;
        }
        let end = label + 1 + usize::from(dotted);
        let follows_value = self
            .t
            .tok(end)
            .is_some_and(|n| n.is_num() || (n.is_word() && is_roman(n.text(self.t.input))));
        if follows_value {
            return None;
        }
        let span = self.t.span(i, j + 1);
        if self.r.number_of_pages.is_none() {
            self.r.number_of_pages = Some(span);
        } else {
            self.unknown.push(span);
        }
        Some(end)
    }
}
