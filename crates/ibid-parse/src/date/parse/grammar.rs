//! The date grammar over tokens: one date in any written order (ISO, numeric, roman month,
//! textual), double dating, ranges, and the words around a date (`ca.`, `n.d.`, `ст. ст.`, `г.`).

use super::token::{Tok, Token};
use super::words;
use crate::text::is_dash;
use crate::{InferenceBasis, Span};
use std::ops::RangeInclusive;

/// One part of a date as read, before it is checked.
#[derive(Debug, Clone, Copy)]
pub(super) struct RawPart {
    /// The value as read (a full year, a month number, a day).
    pub value: i64,
    /// Where it is written.
    pub span: Span,
    /// Why the value is not simply what was written.
    pub inferred: Option<InferenceBasis>,
    /// Whether a month was written as a roman numeral.
    pub roman: bool,
}

/// One date as read: any of its parts, and the same date in the other calendar if written.
#[derive(Debug, Clone, Default)]
pub(super) struct Expr {
    pub year: Option<RawPart>,
    pub month: Option<RawPart>,
    pub day: Option<RawPart>,
    /// Double dating: the date written beside this one (`3 (16) февраля`).
    pub alt: Option<Box<Expr>>,
    /// Where it is written.
    pub span: Span,
}

/// A whole date as read: a date or a range, and the words around it.
#[derive(Debug, Clone, Default)]
pub(super) struct Raw {
    pub first: Expr,
    pub last: Option<Expr>,
    pub approximate: bool,
    pub undated: bool,
    /// An explicit calendar mark: `Some(true)` for old style, `Some(false)` for new style.
    pub julian: Option<bool>,
    pub span: Span,
}

/// The reader: tokens, a position, and the state of an editor's `[...]`.
pub(super) struct Grammar<'a, 't> {
    toks: &'t [Token<'a>],
    /// The index of the next token to read.
    pub i: usize,
    ctx_year: Option<i32>,
    bracket: Option<Span>,
    /// An editor's `[` that was never closed.
    pub unclosed: Option<Span>,
    depth: u8,
}

impl<'a, 't> Grammar<'a, 't> {
    /// A reader of `toks`, completing two-digit years from `ctx_year`.
    pub fn new(toks: &'t [Token<'a>], ctx_year: Option<i32>) -> Self {
        Grammar {
            toks,
            i: 0,
            ctx_year,
            bracket: None,
            unclosed: None,
            depth: 0,
        }
    }

    fn p(&self, k: usize) -> Option<&Token<'a>> {
        self.toks.get(self.i + k)
    }

    /// Whether token `k` exists and touches the token before it.
    fn adj(&self, k: usize) -> bool {
        self.p(k).is_some_and(|t| !t.spaced)
    }

    fn punct(&self, k: usize, c: char) -> bool {
        self.p(k).is_some_and(|t| t.is(c))
    }

    fn num(&self, k: usize, digits: RangeInclusive<usize>) -> Option<u32> {
        self.p(k)
            .filter(|t| digits.contains(&t.digits()))
            .and_then(Token::number)
    }

    fn word(&self, k: usize) -> Option<&'a str> {
        self.p(k).filter(|t| t.kind == Tok::Word).map(|t| t.text)
    }

    fn month_word(&self, k: usize) -> Option<u8> {
        self.word(k).and_then(words::month)
    }

    /// The end of the last token read.
    fn end(&self) -> usize {
        self.i
            .checked_sub(1)
            .and_then(|j| self.toks.get(j))
            .map_or(0, |t| t.span.end)
    }

    fn start_of(&self, j: usize) -> usize {
        self.toks.get(j).map_or(0, |t| t.span.start)
    }

    /// A part read from token `k`, supplied by the editor if inside `[...]`.
    fn part(&self, k: usize, value: u32) -> RawPart {
        RawPart {
            value: i64::from(value),
            span: self.p(k).map_or(Span::default(), |t| t.span),
            inferred: self.bracket.map(|_| InferenceBasis::Supplied),
            roman: false,
        }
    }

    /// A year read from token `k`: four (or three) digits as written, two digits completed.
    fn year_part(&self, k: usize) -> Option<RawPart> {
        let t = self.p(k)?;
        let value = t.number()?;
        let mut part = self.part(k, value);
        if t.digits() <= 2 {
            part.value = expand_two_digit(part.value, self.ctx_year);
            part.inferred = Some(InferenceBasis::TwoDigitYear);
        }
        Some(part)
    }

    /// Open an editor's `[` if one is next; returns whether it did.
    fn open(&mut self) -> bool {
        if self.bracket.is_none() {
            if let Some(t) = self.p(0).filter(|t| t.is('[')) {
                self.bracket = Some(t.span);
                self.i += 1;
                return true;
            }
        }
        false
    }

    /// Close an open `[` if `]` is next.
    fn close(&mut self) {
        if self.bracket.is_some() && self.punct(0, ']') {
            self.bracket = None;
            self.i += 1;
        }
    }

    /// Read a whole date: words before it, a date or a range, marks after it.
    pub fn date(&mut self) -> Option<Raw> {
        let start = self.i;
        // `(1921)`, `(n.d.)`: a date in parentheses, as references write it.
        let paren = self.punct(0, '(') && self.toks.last().is_some_and(|t| t.is(')'));
        if paren {
            self.i += 1;
        }
        let mut raw = self.date_inside()?;
        if paren {
            if self.punct(0, ')') {
                self.i += 1;
            } else {
                self.i = start;
                return None;
            }
        }
        raw.span = Span::new(self.start_of(start), self.end());
        Some(raw)
    }

    fn date_inside(&mut self) -> Option<Raw> {
        let start = self.i;
        let mut raw = Raw::default();
        self.open();
        self.skip_weekday();
        raw.approximate |= self.approx();
        self.open();
        if self.undated() {
            raw.undated = true;
        } else {
            raw.first = self.date_expr()?;
            self.marks(&mut raw);
            if self.range_separator(&raw.first) {
                let save = (self.i, self.bracket);
                self.i += 1;
                let approximate = self.approx();
                match self.date_expr() {
                    Some(mut last) => {
                        self.range_end_year(&raw.first, &mut last);
                        raw.approximate |= approximate;
                        raw.last = Some(last);
                        self.marks(&mut raw);
                    }
                    None => (self.i, self.bracket) = save,
                }
            }
        }
        if self.punct(0, '?') {
            raw.approximate = true;
            self.i += 1;
        }
        self.close();
        self.unclosed = self.bracket;
        raw.span = Span::new(self.start_of(start), self.end());
        Some(raw)
    }

    /// One date, without ranges.
    fn date_expr(&mut self) -> Option<Expr> {
        let (start, bracket) = (self.i, self.bracket);
        self.open();
        let expr = match self.p(0).copied() {
            Some(t) if t.kind == Tok::Num && (3..=4).contains(&t.digits()) => self.year_first(),
            Some(t) if t.kind == Tok::Num && (1..=2).contains(&t.digits()) => self.day_first(),
            Some(t) if t.kind == Tok::Word && words::month(t.text).is_some() => self.month_first(),
            Some(t)
                if t.kind == Tok::Word
                    && words::is_day_filler(t.text)
                    && self.num(1, 1..=2).is_some() =>
            {
                self.i += 1;
                self.day_first()
            }
            Some(t)
                if t.kind == Tok::Word
                    && words::is_month_filler(t.text)
                    && self.month_word(1).is_some() =>
            {
                self.i += 1;
                self.month_first()
            }
            Some(t)
                if t.kind == Tok::Word
                    && words::is_month_filler(t.text)
                    && self.num(1, 3..=4).is_some() =>
            {
                self.i += 1;
                self.year_first()
            }
            _ => None,
        };
        let Some(mut expr) = expr else {
            (self.i, self.bracket) = (start, bracket);
            return None;
        };
        self.close();
        self.try_alt(&mut expr);
        expr.span = Span::new(self.start_of(start), self.end());
        Some(expr)
    }

    /// `1921`, `1921-02-16`, `1921-02`, `1921.02.16`.
    fn year_first(&mut self) -> Option<Expr> {
        let mut e = Expr {
            year: Some(self.year_part(0)?),
            ..Expr::default()
        };
        if self.punct(1, '-') && self.adj(1) && self.adj(2) {
            if let Some(m) = self.num(2, 1..=2) {
                let day = (self.punct(3, '-') && self.adj(3) && self.adj(4))
                    .then(|| self.num(4, 1..=2))
                    .flatten();
                if m <= 12 || day.is_some() {
                    e.month = Some(self.part(2, m));
                    e.day = day.map(|d| self.part(4, d));
                    self.i += if day.is_some() { 5 } else { 3 };
                    return Some(e);
                }
            }
        }
        for sep in ['.', '/'] {
            if self.punct(1, sep) && self.punct(3, sep) && (1..=4).all(|k| self.adj(k)) {
                if let (Some(m), Some(d)) = (self.num(2, 1..=2), self.num(4, 1..=2)) {
                    e.month = Some(self.part(2, m));
                    e.day = Some(self.part(4, d));
                    self.i += 5;
                    return Some(e);
                }
            }
        }
        self.i += 1;
        self.year_word();
        self.month_after_year(&mut e);
        Some(e)
    }

    /// The archival order, year first: `1921 February 16`, `1921, Feb. 16`, `1921 Feb`.
    fn month_after_year(&mut self, e: &mut Expr) {
        let save = (self.i, self.bracket);
        if self.punct(0, ',') {
            self.i += 1;
        }
        let Some(m) = self
            .month_word(0)
            .filter(|_| self.p(0).is_some_and(|t| t.spaced))
        else {
            (self.i, self.bracket) = save;
            return;
        };
        e.month = Some(self.part(0, u32::from(m)));
        self.i += 1;
        if self.punct(0, '.') && self.adj(0) {
            self.i += 1;
        }
        if let Some(d) = self.num(0, 1..=2).filter(|_| !self.adj(0)) {
            e.day = Some(self.part(0, d));
            self.i += 1;
            self.ordinal();
        }
    }

    /// A date that starts with a day number.
    fn day_first(&mut self) -> Option<Expr> {
        let d = self.num(0, 1..=2)?;
        let sep = match self.p(1).map(|t| t.kind) {
            Some(Tok::Punct(c @ ('.' | '/' | '-'))) => Some(c),
            _ => None,
        };
        if let Some(sep) = sep.filter(|_| self.adj(1) && self.adj(2)) {
            if let Some(e) = self.numeric(d, sep) {
                return Some(e);
            }
        }
        self.textual_day(d)
    }

    /// `16.02.1921`, `16/02/21`, `22.II.21`, `19/II`, `16-02-1921`, `02/16/1921`.
    ///
    /// The day comes first, except with slashes when the first number is a possible month
    /// and the second cannot be one (`02/16/1921`, the American order).
    fn numeric(&mut self, d: u32, sep: char) -> Option<Expr> {
        let second = *self.p(2)?;
        let (m, roman) = match second.kind {
            Tok::Num if second.digits() <= 2 => (second.number()?, false),
            Tok::Word => (words::roman(second.text)?, true),
            _ => return None,
        };
        if sep == '/' && !roman && self.month_word(3).is_some() {
            // `3/16 февраля`: old and new style days, read as text.
            return None;
        }
        let year = self.punct(3, sep)
            && self.adj(3)
            && self.adj(4)
            && self.p(4).is_some_and(|t| matches!(t.digits(), 2 | 4));
        if sep == '-' && !year {
            return None;
        }
        let american = sep == '/' && !roman && d <= 12 && m > 12;
        let (day_k, month_k) = if american { (2, 0) } else { (0, 2) };
        let mut e = Expr {
            day: Some(self.part(day_k, if american { m } else { d })),
            month: Some(RawPart {
                roman,
                ..self.part(month_k, if american { d } else { m })
            }),
            ..Expr::default()
        };
        if year {
            e.year = self.year_part(4);
            self.i += 5;
        } else {
            self.i += 3;
            if sep == '.' && self.punct(0, '.') && self.adj(0) {
                self.i += 1;
            }
        }
        self.year_word();
        Some(e)
    }

    /// `16 February 1921`, `16. Februar 1921`, `1er mars 1921`, `16th of February`, `3 (16) февраля`.
    fn textual_day(&mut self, d: u32) -> Option<Expr> {
        let mut e = Expr {
            day: Some(self.part(0, d)),
            ..Expr::default()
        };
        self.i += 1;
        self.ordinal();
        if self.punct(0, '.') && self.adj(0) {
            self.i += 1;
        }
        self.close();
        self.try_alt(&mut e);
        if self.depth == 0 && e.alt.is_none() && self.punct(0, '/') && self.adj(0) && self.adj(1) {
            if let Some(a) = self.num(1, 1..=2) {
                let day = self.part(1, a);
                e.alt = Some(Box::new(Expr {
                    day: Some(day),
                    span: day.span,
                    ..Expr::default()
                }));
                self.i += 2;
            }
        }
        if self.word(0).is_some_and(words::is_day_month_link) && self.month_word(1).is_some() {
            self.i += 1;
        }
        // `16-Feb-1921`, `16/Feb/1921`
        if matches!(self.p(0).map(|t| t.kind), Some(Tok::Punct('-' | '/')))
            && self.adj(0)
            && self.adj(1)
            && self.month_word(1).is_some()
        {
            self.i += 1;
        }
        let save = (self.i, self.bracket);
        self.open();
        if self.month_word(0).is_some() {
            self.month_then_year(&mut e);
        } else if let Some(m) = self.roman_month(0) {
            // `19 II 1921`, `16. II. 21`
            e.month = Some(RawPart {
                roman: true,
                ..self.part(0, m)
            });
            self.i += 1;
            if self.punct(0, '.') && self.adj(0) {
                self.i += 1;
            }
            self.close();
            self.year_after(&mut e, true);
            if e.year.is_none() && self.num(0, 2..=2).is_some() && !self.adj(0) {
                e.year = self.year_part(0);
                self.i += 1;
            }
        } else {
            (self.i, self.bracket) = save;
        }
        Some(e)
    }

    /// An upper-case roman numeral written as a month (`II`), not a month name.
    fn roman_month(&self, k: usize) -> Option<u32> {
        let w = self.word(k)?;
        (is_upper(w) && words::month(w).is_none())
            .then(|| words::roman(w))
            .flatten()
    }

    /// The month after a day, and the year after it.
    fn month_then_year(&mut self, e: &mut Expr) {
        let Some(m) = self.month_word(0) else { return };
        e.month = Some(self.part(0, u32::from(m)));
        self.i += 1;
        if self.punct(0, '.') && self.adj(0) {
            self.i += 1;
        }
        self.close();
        self.try_alt(e);
        self.year_after(e, true);
    }

    /// `February 16, 1921`, `Feb. 16`, `February 1921`, `февраль 1921`.
    fn month_first(&mut self) -> Option<Expr> {
        let m = self.month_word(0)?;
        let mut e = Expr {
            month: Some(self.part(0, u32::from(m))),
            ..Expr::default()
        };
        self.i += 1;
        if self.punct(0, '.') && self.adj(0) {
            self.i += 1;
        }
        self.close();
        let save = (self.i, self.bracket);
        self.open();
        match self.num(0, 1..=2) {
            Some(d) => {
                e.day = Some(self.part(0, d));
                self.i += 1;
                self.ordinal();
                self.close();
                self.try_alt(&mut e);
            }
            None => (self.i, self.bracket) = save,
        }
        let after_month = e.day.is_none();
        self.year_after(&mut e, after_month);
        Some(e)
    }

    /// A year after a month or day, possibly after a comma: `, 1921`, ` 1921 г.`, ` [1921]`.
    fn year_after(&mut self, e: &mut Expr, after_month: bool) {
        let save = (self.i, self.bracket);
        if self.punct(0, ',') {
            self.i += 1;
        }
        // `Feb-1921`, `16/Feb/21`: a separator touching both month and year.
        let joined = after_month
            && matches!(self.p(0).map(|t| t.kind), Some(Tok::Punct('-' | '/')))
            && self.adj(0)
            && self.adj(1)
            && self.num(1, 2..=4).is_some();
        if joined {
            self.i += 1;
        }
        self.open();
        if self.num(0, 3..=4).is_some() || (joined && self.num(0, 2..=2).is_some()) {
            e.year = self.year_part(0);
            self.i += 1;
            self.close();
            self.year_word();
        } else {
            (self.i, self.bracket) = save;
        }
    }

    /// Double dating: a date in parentheses after a part of this one (`3 (16) февраля`,
    /// `21 февраля (6 марта) 1918`, `29 декабря 1917 г. (11 января 1918 г.)`).
    fn try_alt(&mut self, e: &mut Expr) {
        if self.depth > 0 || e.alt.is_some() || !self.punct(0, '(') {
            return;
        }
        if self.calendar_mark_at(1).is_some() {
            return;
        }
        let save = (self.i, self.bracket);
        self.i += 1;
        self.depth += 1;
        let alt = self.date_expr();
        self.depth -= 1;
        if let Some(alt) = alt {
            if let Some((_, after)) = self.calendar_mark_at(0) {
                self.i += after;
            }
            if self.punct(0, ')') {
                self.i += 1;
                e.alt = Some(Box::new(alt));
                return;
            }
        }
        (self.i, self.bracket) = save;
    }

    /// `st`, `th`, `er`, `ᵉʳ` straight after a day; `-го`, `-е` in Russian.
    fn ordinal(&mut self) {
        if self.adj(0) && self.word(0).is_some_and(words::is_ordinal) {
            self.i += 1;
        } else if self.punct(0, '-')
            && self.adj(0)
            && self.adj(1)
            && self.word(1).is_some_and(words::is_ru_ordinal)
        {
            self.i += 2;
        }
    }

    /// `г.`, `года`, `гг.` after a year.
    fn year_word(&mut self) {
        if self.word(0).is_some_and(words::is_year_word) {
            self.i += 1;
            if self.punct(0, '.') && self.adj(0) {
                self.i += 1;
            }
        }
    }

    fn skip_weekday(&mut self) {
        if self.word(0).is_some_and(words::is_weekday) {
            self.i += 1;
            if self.punct(0, '.') && self.adj(0) {
                self.i += 1;
            }
            if self.punct(0, ',') {
                self.i += 1;
            }
        }
    }

    /// `ca.`, `c.`, `circa`, `um`, `vers`, `около` before a date.
    fn approx(&mut self) -> bool {
        // `c1921`, `©1921`: a copyright year, not an approximate one.
        let copyright =
            self.word(0).is_some_and(|w| w.eq_ignore_ascii_case("c")) || self.punct(0, '©');
        if copyright && self.adj(1) && self.num(1, 3..=4).is_some() {
            self.i += 1;
            return false;
        }
        if !self.word(0).is_some_and(words::is_approximate) {
            return false;
        }
        let k = if self.punct(1, '.') && self.adj(1) {
            2
        } else {
            1
        };
        let before_date = self.p(k).is_some_and(|t| {
            t.kind == Tok::Num
                || t.is('[')
                || (t.kind == Tok::Word && words::month(t.text).is_some())
        });
        if before_date {
            self.i += k;
        }
        before_date
    }

    /// Up to three words from token `k`, each optionally followed by a touching `.`, with the
    /// token offset after each.
    fn phrase(&self, k: usize) -> Phrase<'a> {
        let mut phrase = Phrase::default();
        let mut j = k;
        while phrase.len < 3 {
            let Some(w) = self.word(j) else { break };
            j += 1;
            if self.punct(j, '.') && self.adj(j) {
                j += 1;
            }
            phrase.words[phrase.len] = w;
            phrase.ends[phrase.len] = j;
            phrase.len += 1;
        }
        phrase
    }

    /// `n.d.`, `s. d.`, `o. J.`, `б. г.`, `undated`.
    fn undated(&mut self) -> bool {
        let phrase = self.phrase(0);
        match words::undated_len(phrase.words()).and_then(|n| phrase.end(n)) {
            Some(after) => {
                self.i += after;
                true
            }
            None => false,
        }
    }

    /// A calendar mark starting at token `k`: whether it is old style, and the offset after it.
    fn calendar_mark_at(&self, k: usize) -> Option<(bool, usize)> {
        let phrase = self.phrase(k);
        let (n, julian) = words::calendar_mark(phrase.words())?;
        Some((julian, phrase.end(n)? - k))
    }

    /// Calendar marks after a date, bare or in parentheses: `ст. ст.`, `(O.S.)`, `n. st.`.
    fn marks(&mut self, raw: &mut Raw) {
        loop {
            if self.punct(0, '(') {
                if let Some((julian, len)) = self.calendar_mark_at(1) {
                    if self.punct(1 + len, ')') {
                        raw.julian = Some(julian);
                        self.i += len + 2;
                        continue;
                    }
                }
            }
            match self.calendar_mark_at(0) {
                Some((julian, len)) => {
                    raw.julian = Some(julian);
                    self.i += len;
                }
                None => break,
            }
        }
    }

    fn range_separator(&self, first: &Expr) -> bool {
        // `1921/1922`, `1921-02-16/1921-03-02`: a slash after a date with a year.
        if self.punct(0, '/') && first.year.is_some() && first.alt.is_none() {
            return true;
        }
        self.p(0).is_some_and(|t| match t.kind {
            Tok::Punct(c) => is_dash(c),
            Tok::Word => words::is_range_word(t.text),
            Tok::Num => false,
        })
    }

    /// The end of a range after a year: `1921–22` ends in 1922, not on a day 22; a bare day
    /// may take a year after a comma (`February 16–18, 1921`).
    fn range_end_year(&mut self, first: &Expr, last: &mut Expr) {
        let bare_day = last.month.is_none() && last.year.is_none() && last.alt.is_none();
        let Some(day) = last.day.filter(|_| bare_day) else {
            return;
        };
        let first_is_year = first.month.is_none() && first.day.is_none();
        if let (true, Some(y)) = (first_is_year, first.year) {
            if day.span.len() == 2 {
                let mut value = y.value - y.value.rem_euclid(100) + day.value;
                if value <= y.value {
                    value += 100;
                }
                last.year = Some(RawPart {
                    value,
                    inferred: Some(InferenceBasis::TwoDigitYear),
                    ..day
                });
                last.day = None;
            }
            return;
        }
        if self.punct(0, ',') && self.num(1, 3..=4).is_some() {
            self.i += 1;
            last.year = self.year_part(0);
            self.i += 1;
            self.year_word();
            last.span = Span::new(last.span.start, self.end());
        }
    }
}

fn is_upper(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_uppercase())
}

/// A two-digit year completed to the year nearest the context year, or in the 1900s.
pub(super) fn expand_two_digit(yy: i64, ctx_year: Option<i32>) -> i64 {
    match ctx_year {
        Some(c) => {
            let c = i64::from(c);
            let base = c - c.rem_euclid(100) + yy;
            [base - 100, base, base + 100]
                .into_iter()
                .min_by_key(|y| (y - c).abs())
                .unwrap_or(base)
        }
        None => 1900 + yy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_digit_years_take_the_nearest_century() {
        assert_eq!(expand_two_digit(21, None), 1921);
        assert_eq!(expand_two_digit(21, Some(1921)), 1921);
        assert_eq!(expand_two_digit(3, Some(1999)), 2003);
        assert_eq!(expand_two_digit(98, Some(2001)), 1998);
    }
}

/// Up to three words read as a phrase (`n. d.`, `ст. ст.`), with the token index after each,
/// kept on the stack.
#[derive(Debug, Default)]
struct Phrase<'a> {
    words: [&'a str; 3],
    ends: [usize; 3],
    len: usize,
}

impl<'a> Phrase<'a> {
    /// The words read.
    fn words(&self) -> &[&'a str] {
        &self.words[..self.len]
    }

    /// The token index after the first `n` words (`n` from 1).
    fn end(&self, n: usize) -> Option<usize> {
        self.ends[..self.len].get(n.checked_sub(1)?).copied()
    }
}
