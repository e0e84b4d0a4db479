//! The source of a journal article in the science styles (`N Engl J Med 2002; 347: 284-7`,
//! `Phys. Rev. 109, 1492 (1958)`, `J. Org. Chem. 2001, 66, 310–318`), found before reading.
//!
//! Science styles print the journal and its numbers with no labels, so what a number is
//! comes from where it stands. The decision order, for the first run of numbers that fits one
//! of the shapes below and stands right after a journal title:
//!
//! 1. **Year.** A four-digit year from 1400 to 2099 that opens the run (Vancouver and ACS:
//!    `2002; 347: 284-7`, `2001, 66, 310`), with a month and day after it (`2012 Jan;`), or
//!    closes it in brackets (`109, 1492 (1958)`, ACM's `29, 4 (1986), 300-312`), or stands
//!    in brackets between the volume and the pages (Chicago's `143 (1939): 239–240`).
//! 2. **Volume.** The first other number of the run, never a range (`347`, `170(2)`), or a
//!    roman numeral, or a number after a bare `v,`, before the year and labelled pages
//!    (`XCVI, 1906, S. 1—37`, `v, 39, 1934, pp. 219–231`).
//! 3. **Issue.** What a bracket right after the volume holds (`(1)`, `(Suppl 1)`, `(3 Pt 2)`,
//!    ACS's `80, (3),`), or ACM's number between the volume and the bracketed date
//!    (`29, 4 (1986)`); a bracket holding only a year is no issue.
//! 4. **Page.** The number or range after the `:` or `,` that follows the volume or issue
//!    (`: 284-7`, `: p. 57-70`, `, 310–318`). An article number stands where the pages do
//!    and is the page (`e1000097`, `154104`, `A1133`, `S76-S80`).
//! 5. **Journal.** The words before the run back to the end of the sentence before it: a full
//!    stop after a word that is no abbreviation (`patients. Lancet`), a comma not inside an
//!    abbreviated title (`Nosé, J. Chem. Phys.` but `Angew. Chem., Int. Ed.`), or an author's
//!    initial (`Barger, J. D. J. Chem. Eng. Data`: a journal's first word may be `J.` or `Z.`).
//!    A run that opens with a volume and meets a lower-case word first (`Truth about the
//!    Peace Treaties, 2:811`) has no journal before it and is no source; after a year (`Soins
//!    cadres, 2011 ; 20 (78) : 45-48`) a journal's title may be in sentence case.
//!
//! The reader then bounds the authors and the title by the journal, and sets the fields of
//! the run when it reaches it. Every shape looks a bounded number of tokens ahead, and the
//! search stops at the first run found, so finding the source is linear in the tokens.

use super::lexicon::{is_roman, Lex};
use super::parse::{Expect, Reader, Sep};
use super::token::{TokenKind, Tokens};
use crate::Span;

/// The most tokens a journal title is walked back over.
const MAX_JOURNAL_TOKENS: usize = 24;

/// The most tokens an issue in brackets holds (`(3 Pt 2)`, `(Suppl 1)`).
const MAX_ISSUE_TOKENS: usize = 6;

/// The longest abbreviated word of a journal title that ends in a vowel or `s` (`Simple.`
/// ends a title, `Phys.`, `Acta.` are cut short).
const SHORT_ABBREVIATION: u8 = 6;

/// The longest abbreviated word of a journal title (`Psychiatr.`, `Endocrinol.`).
const LONG_ABBREVIATION: u8 = 10;

/// The source of an article: the journal's tokens and the numbers after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Serial {
    /// The first token of the journal title.
    pub journal: usize,
    /// The index after the journal title's last word (its full stop included when it is an
    /// abbreviation's).
    pub journal_end: usize,
    /// The token of the year of issue, when the run holds one.
    pub year: Option<usize>,
    /// The volume.
    pub volume: Span,
    /// The issue, if any.
    pub issue: Option<Span>,
    /// The page range or article number, if any.
    pub page: Option<Span>,
    /// The index after the run.
    pub end: usize,
}

/// The numbers of a run, before its journal is looked for.
struct Run {
    /// Only `volume:page`, no issue or year: a journal's only if its title is abbreviated.
    weak: bool,
    year: Option<usize>,
    volume: Span,
    issue: Option<Span>,
    page: Option<Span>,
    end: usize,
}

impl Run {
    /// The source: this run after the journal `journal..journal_end`.
    fn at(self, journal: usize, journal_end: usize) -> Serial {
        Serial {
            journal,
            journal_end,
            year: self.year,
            volume: self.volume,
            issue: self.issue,
            page: self.page,
            end: self.end,
        }
    }
}

impl Tokens<'_> {
    /// The source of a journal article in the reference, if its numbers fit a science style.
    pub(super) fn serial_source(&self) -> Option<Serial> {
        for k in 1..self.toks.len() {
            let t = &self.toks[k];
            if !t.is_num() {
                if !(t.is_word() && self.toks[k - 1].is(',')) {
                    continue;
                }
                if let Some(run) = self.roman_volume_run(k) {
                    if let Some((journal, journal_end, _)) = self.journal_before(k, true) {
                        return Some(run.at(journal, journal_end));
                    }
                }
                continue;
            }
            // Cheap tests first: a run opens with a year (four digits) or with a volume that
            // a bracket, comma or colon follows.
            let volume_sep = self
                .tok(k + 1)
                .is_some_and(|n| matches!(n.kind, TokenKind::Punct(',' | ':' | '(')));
            if t.chars != 4 && !volume_sep {
                continue;
            }
            // The number is read as a year once: a year opens a year-first run and can open
            // no volume-first one.
            // After a year-first run, a journal's title may be in sentence case (`Soins
            // cadres, 2011 ; 20 (78)`, `Année sociol 1925; 1`).
            let (run, lower_ok) = match self.year_at(k) {
                Some((_, after)) => (self.year_first_run(k, after), true),
                None => (self.volume_first_run(k), false),
            };
            let Some(run) = run else {
                continue;
            };
            let Some((journal, journal_end, dotted)) = self.journal_before(k, lower_ok) else {
                continue;
            };
            if run.weak && !dotted {
                // `The Paris Peace Conference, 12:789`: volume and page of a book.
                continue;
            }
            return Some(run.at(journal, journal_end));
        }
        None
    }

    /// A volume at `j`: a number of at most five digits that starts no range. The index after it.
    fn serial_volume(&self, j: usize) -> Option<usize> {
        let t = self.tok(j)?;
        if !t.is_num() || t.chars > 5 {
            return None;
        }
        let range = self.tok(j + 1).is_some_and(|n| {
            !n.space_before && matches!(n.kind, TokenKind::Punct(c) if crate::text::is_dash(c))
        });
        let attached_word = self
            .tok(j + 1)
            .is_some_and(|n| n.is_word() && !n.space_before);
        (!range && !attached_word).then_some(j + 1)
    }

    /// An issue in brackets at `j` (`(1)`, `(5259)`, `(Suppl 1)`, `(3 Pt 2)`), not a year
    /// alone: its inner span and the index after the closing bracket.
    fn serial_issue(&self, j: usize) -> Option<(Span, usize)> {
        if !self.is_p(j, '(') {
            return None;
        }
        let close = (j + 1..j + 2 + MAX_ISSUE_TOKENS).find(|&m| {
            self.tok(m).map_or(true, |t| {
                !matches!(
                    t.kind,
                    TokenKind::Num | TokenKind::Word | TokenKind::Punct('-' | '–' | '/' | '.')
                )
            })
        })?;
        if close == j + 1 || !self.is_p(close, ')') {
            return None;
        }
        if !(j + 1..close).any(|m| self.tok(m).is_some_and(|t| t.is_num())) {
            return None;
        }
        if close == j + 2 && self.year_at(j + 1).is_some() {
            return None;
        }
        Some((self.span(j + 1, close), close + 1))
    }

    /// One page number at `j`, perhaps with a letter against it (`284`, `e1000097`, `A1133`,
    /// `S76`): the index after it.
    fn serial_page_number(&self, j: usize) -> Option<usize> {
        let t = self.tok(j)?;
        match t.kind {
            TokenKind::Num => Some(j + 1),
            TokenKind::Word if t.chars == 1 => self
                .tok(j + 1)
                .is_some_and(|n| n.is_num() && !n.space_before)
                .then_some(j + 2),
            _ => None,
        }
    }

    /// The pages at `j` (`284-7`, `p. 57-70`, `e1000097`, `S76-S80`, `210?215` with a `?` left
    /// for a dash): their span and the index after them.
    fn serial_pages(&self, mut j: usize) -> Option<(Span, usize)> {
        let label = self
            .tok(j)
            .is_some_and(|t| t.is_word() && matches!(t.text(self.input), "p" | "pp" | "S"));
        if label && self.is_p(j + 1, '.') {
            j += 2;
        }
        let first = j;
        let mut end = self.serial_page_number(j)?;
        // The dash of the range, as written in the wild: `210?215` (a dash lost to a `?`),
        // `416--424`, `803 - 832` (spaced on both sides).
        let is_dash = |k: usize| {
            self.tok(k).is_some_and(
                |t| matches!(t.kind, TokenKind::Punct(c) if crate::text::is_dash(c) || c == '?'),
            )
        };
        if is_dash(end) {
            let (dash_start, mut after) = (end, end + 1);
            if is_dash(after) && self.tok(after).is_some_and(|t| !t.space_before) {
                after += 1;
            }
            let tight = self.tok(dash_start).is_some_and(|t| !t.space_before)
                && self.tok(after).is_some_and(|t| !t.space_before);
            let spaced = self.tok(dash_start).is_some_and(|t| t.space_before)
                && self.tok(after).is_some_and(|t| t.space_before)
                && !self.is_p(dash_start, '?');
            if tight || spaced {
                if let Some(last) = self.serial_page_number(after) {
                    end = last;
                }
            }
        }
        Some((self.span(first, end), end))
    }

    /// A run that opens with the year (`2002; 347: 284-7`, `2012 Jan;19(1):253-8`, `2001, 66,
    /// 310–318`, `2009, 80, (3), 113-120`, `2000. 100(1): p. 57-70`, `2016 51(3) 402-9`).
    /// `k` is the year's token and `after` the index after it (as [`Tokens::year_at`] gives).
    fn year_first_run(&self, k: usize, after: usize) -> Option<Run> {
        let mut j = after;
        // A month, a day, a month range after the year (`2012 Jan`, `1970 Aug 15`, `Mar-Apr`).
        let mut steps = 0;
        while steps < 5 {
            let t = self.tok(j)?;
            let month_part = t.has(Lex::MONTH)
                || (t.is_num() && t.chars <= 2 && self.has(j - 1, Lex::MONTH))
                || (t.is('-') && self.has(j + 1, Lex::MONTH))
                || (t.is('.') && self.has(j - 1, Lex::MONTH) && !self.is_p(j + 1, ';'));
            if !month_part {
                break;
            }
            j += 1;
            steps += 1;
        }
        let sep = *self.tok(j)?;
        let strong = match sep.kind {
            TokenKind::Punct(';' | ':') => true,
            TokenKind::Punct(',' | '.') => false,
            TokenKind::Num if sep.space_before => {
                // `2016 51(3) 402-9`: the volume straight after the year, an issue must follow.
                let v = self.serial_volume(j)?;
                self.serial_issue(v)?;
                j -= 1;
                false
            }
            _ => return None,
        };
        let v = j + 1;
        let mut at = self.serial_volume(v)?;
        let volume = self.span(v, at);
        let mut issue = None;
        if let Some((span, after)) = self.serial_issue(at) {
            issue = Some(span);
            at = after;
        } else if self.is_p(at, ',') {
            if let Some((span, after)) = self.serial_issue(at + 1) {
                // ACS: `2009, 80, (3), 113-120`.
                issue = Some(span);
                at = after;
            }
        }
        let page_at = if self.is_p(at, ':') || self.is_p(at, ',') {
            Some(at + 1)
        } else if self.tok(at).is_some_and(|t| t.is_num() && t.space_before) && issue.is_some() {
            Some(at)
        } else {
            None
        };
        let pages = page_at.and_then(|p| self.serial_pages(p));
        let separated = sep.is(',') || sep.is('.');
        match pages {
            Some((span, end)) => {
                // After a comma or full stop, the pages end the run (`2001, 66, 310–318.`),
                // so that `London, 1990, 12, 34 ff.` is no journal.
                if separated && !self.serial_run_closes(end) {
                    return None;
                }
                Some(Run {
                    weak: false,
                    year: Some(k),
                    volume,
                    issue,
                    page: Some(span),
                    end,
                })
            }
            None if strong || issue.is_some() && !separated => Some(Run {
                weak: false,
                year: Some(k),
                volume,
                issue,
                page: None,
                end: at,
            }),
            _ => None,
        }
    }

    /// A run of older journals: a volume in roman numerals or after a bare `v,`, the year,
    /// then labelled pages (`XCVI, 1906, S. 1—37`, `I, 1922, p. 77-86`, `v, 39, 1934, pp.
    /// 219–231`).
    fn roman_volume_run(&self, k: usize) -> Option<Run> {
        let t = self.tok(k)?;
        if !self.is_p(k.checked_sub(1)?, ',') || !t.is_word() {
            return None;
        }
        let text = t.text(self.input);
        let (volume, at) = if t.all_upper() && is_roman(text) {
            (self.span(k, k + 1), k + 1)
        } else if text == "v"
            && self.is_p(k + 1, ',')
            && self.tok(k + 2).is_some_and(|n| n.is_num())
        {
            (self.span(k + 2, k + 3), k + 3)
        } else {
            return None;
        };
        if !self.is_p(at, ',') {
            return None;
        }
        let (_, after) = self.year_at(at + 1)?;
        let labelled = self
            .tok(after + 1)
            .is_some_and(|l| matches!(l.text(self.input), "p" | "pp" | "S"));
        if !self.is_p(after, ',') || !labelled {
            return None;
        }
        let (page, end) = self.serial_pages(after + 1)?;
        Some(Run {
            weak: false,
            year: Some(at + 1),
            volume,
            issue: None,
            page: Some(page),
            end,
        })
    }

    /// A run that opens with the volume (`109, 1492 (1958)`, `170(2):101–140, 2009`, `410,
    /// 1011–1014.`, `37, 587`, ACM's `29, 4 (1986), 300-312`).
    /// `k` is no year (the caller has asked [`Tokens::year_at`]).
    fn volume_first_run(&self, k: usize) -> Option<Run> {
        let mut at = self.serial_volume(k)?;
        let volume = self.span(k, at);
        let mut issue = None;
        if let Some((span, after)) = self.serial_issue(at) {
            issue = Some(span);
            at = after;
        }
        let mut year = None;
        if issue.is_none() && self.is_p(at, ',') {
            // ACM: `29, 4 (1986), 300-312`, `21, 7 (July 1978), 558–565`.
            let n = at + 1;
            if self.tok(n).is_some_and(|t| t.is_num() && t.chars <= 3) && self.is_p(n + 1, '(') {
                let close = (n + 2..n + 6).find(|&m| self.is_p(m, ')'))?;
                let year_at = (n + 2..close).find(|&m| self.year_at(m).is_some())?;
                if self.is_p(close + 1, ',') {
                    let (page, end) = self.serial_pages(close + 2)?;
                    return Some(Run {
                        weak: false,
                        year: Some(year_at),
                        volume,
                        issue: Some(self.span(n, n + 1)),
                        page: Some(page),
                        end,
                    });
                }
            }
        }
        if issue.is_none()
            && self.is_p(at, '(')
            && self.is_p(at + 2, ')')
            && self.is_p(at + 3, ':')
            && self.year_at(at + 1).is_some()
        {
            // Chicago's `Nature 143 (1939): 239–240`.
            let (page, end) = self.serial_pages(at + 4)?;
            return Some(Run {
                weak: false,
                year: Some(at + 1),
                volume,
                issue,
                page: Some(page),
                end,
            });
        }
        if !(self.is_p(at, ',') || self.is_p(at, ':')) {
            return None;
        }
        let (page, mut end) = self.serial_pages(at + 1)?;
        if self.is_p(end, '(') && self.is_p(end + 2, ')') && self.year_at(end + 1).is_some() {
            year = Some(end + 1);
            end += 3;
        } else if issue.is_none()
            && self.year_at(at + 1).is_some_and(|(d, _)| d.end.is_none())
            && self
                .serial_pages(at + 1)
                .is_some_and(|(p, _)| p == self.span(at + 1, at + 2))
        {
            // `June 14, 1931`, `Lille 3, 2008`: a year where the pages would stand, with no
            // year of issue after it, is the date.
            return None;
        } else if self.is_p(end, ',')
            && self
                .year_at(end + 1)
                .is_some_and(|(_, after)| self.serial_run_closes(after))
        {
            year = Some(end + 1);
            end += 2;
        } else if !(self.serial_run_closes(end)
            || self.is_p(end, ',')
                && self
                    .tok(end + 1)
                    .is_some_and(|t| matches!(t.kind, TokenKind::Doi | TokenKind::Url)))
        {
            return None;
        }
        let weak = self.is_p(at, ':') && issue.is_none() && year.is_none();
        Some(Run {
            weak,
            year,
            volume,
            issue,
            page: Some(page),
            end,
        })
    }

    /// Whether the run of numbers ends at `j`: the end, a full stop, or what comes after an
    /// article's source (a link, `doi:`, `PMID`).
    fn serial_run_closes(&self, j: usize) -> bool {
        match self.tok(j) {
            None => true,
            Some(t) => match t.kind {
                TokenKind::Punct('.' | ';') => true,
                TokenKind::Url | TokenKind::Doi => true,
                TokenKind::Word => t.has(Lex::STANDARD_NUMBER | Lex::LINK),
                _ => false,
            },
        }
    }

    /// The journal title before the run of numbers at `k`: its first token, the index after
    /// its last word, and whether it is abbreviated with full stops.
    fn journal_before(&self, k: usize, lower_ok: bool) -> Option<(usize, usize, bool)> {
        // The separator before the numbers: a comma, a full stop that may be the last
        // abbreviation's (`J. Chem. Phys. 1993`, `Ann Surg Oncol. 2012`), or both
        // (`Ann. Math., 170(2)`).
        let mut end = k;
        if self.is_p(end - 1, ',') {
            end -= 1;
        }
        let mut dotted = false;
        if end >= 2 && self.is_p(end - 1, '.') {
            dotted = self.journal_abbreviation(end - 2);
            end -= 1;
        }
        let last_stop = dotted;
        // `Bd. 2,1`, `Vol. 1, 1917–1924`: a labelled volume is no journal's bare number.
        if self.volume_label_before(k) {
            return None;
        }
        let mut start = end;
        // Only one short word so far, not cut short (`Phys. Rev. A 71`, `J. Chem. Eng. Data
        // 1967`, `Helv. Chim. Acta`): a full stop before it may be an abbreviation's.
        let mut short_tail = true;
        // Where the journal starts if what comes before the last full stop passed is found
        // to be the title's.
        let mut cut: Option<usize> = None;
        let mut steps = 0;
        loop {
            if start == 0 || steps >= MAX_JOURNAL_TOKENS {
                break;
            }
            let p = start - 1;
            let t = self.tok(p)?;
            match t.kind {
                TokenKind::Word => {
                    let joiner = t.has(Lex::JOURNAL_JOINER) && !t.upper_first;
                    if !(t.upper_first || joiner || lower_ok) {
                        return None;
                    }
                    // Title words before an abbreviated journal (`… Large Shared Data Banks.
                    // Commun. ACM`): a small word, or a long capitalised word before another
                    // whole word, ends the journal at the last full stop passed.
                    let whole_next =
                        self.tok(p + 1).is_some_and(|n| n.is_word()) && !self.is_p(p + 2, '.');
                    let title_word = joiner
                        || t.has_lower
                            && t.chars >= 5
                            && whole_next
                            && !t.has(Lex::PLACE | Lex::COUNTRY);
                    if let Some(cut) = cut.filter(|_| title_word) {
                        start = cut;
                        break;
                    }
                    short_tail &= start == end && t.chars <= 4;
                    start = p;
                }
                TokenKind::Punct('&') => start = p,
                TokenKind::Punct('.') if !t.space_before && p > 0 => {
                    let w = p - 1;
                    let word = self.tok(w)?;
                    // (`Denoting. Mind, 14` is no `Chim. Acta 50`: another abbreviation or a
                    // journal's `J.` stands before it.)
                    let after_short_tail = short_tail
                        && start < end
                        && (self.is_p(w.wrapping_sub(1), '.')
                            || matches!(word.text(self.input), "J" | "Z"));
                    if !((dotted || after_short_tail) && word.is_word() && word.upper_first) {
                        break;
                    }
                    dotted = true;
                    short_tail = false;
                    if word.chars == 1 {
                        // An initial, unless it is a journal's word (`J.`, `Z.`), and then
                        // the initial of a name before it ends the walk (`Barger, J. D. J.
                        // Chem.`), an abbreviation does not (`Int. J. Theor. Phys.`).
                        if !matches!(word.text(self.input), "J" | "Z") {
                            break;
                        }
                        cut = Some(start);
                        start = w;
                        let initial_before = w >= 2
                            && self.is_p(w - 1, '.')
                            && self.tok(w - 2).is_some_and(|i| i.is_word() && i.chars == 1);
                        if initial_before {
                            break;
                        }
                        steps += 1;
                        continue;
                    }
                    // A title's last word before the journal (`Problem. ACM Trans.`, `of
                    // Subtyping. ACM`): after a lower-case word or a long capitalised one.
                    let title_before = w > 0
                        && self.tok(w - 1).is_some_and(|b| {
                            b.is_word() && (!b.upper_first || b.chars >= 6 && b.has_lower)
                        });
                    if !self.journal_abbreviation(w) || title_before {
                        break;
                    }
                    cut = Some(start);
                    start = w;
                }
                TokenKind::Punct(',') if dotted => {
                    // `Angew. Chem., Int. Ed.`: a comma after an abbreviation inside the title.
                    let inside = p >= 2
                        && self.is_p(p - 1, '.')
                        && self
                            .tok(p - 2)
                            .is_some_and(|w| w.is_word() && w.chars >= 2 && w.upper_first)
                        && self.journal_abbreviation(p - 2);
                    if !inside {
                        break;
                    }
                    start = p;
                }
                _ => break,
            }
            steps += 1;
        }
        while start < end
            && self
                .tok(start)
                .is_some_and(|t| !(t.is_word() && t.upper_first))
        {
            start += 1;
        }
        if start >= end {
            return None;
        }
        let journal_end = if last_stop { end + 1 } else { end };
        Some((start, journal_end, dotted))
    }

    /// Whether a locator's label stands right before the number at `k` (`Vol. 1`, `Bd. 2,1`,
    /// `no. 3`, `Dok. 45`), perhaps with a comma (`Vol., 1`).
    fn volume_label_before(&self, k: usize) -> bool {
        let mut j = k;
        if self.is_p(j - 1, ',') {
            j -= 1;
        }
        let dotted = j >= 2 && self.is_p(j - 1, '.');
        let Some(w) = j.checked_sub(1 + usize::from(dotted)) else {
            return false;
        };
        let Some(word) = self.tok(w).filter(|t| t.is_word()) else {
            return false;
        };
        let end = if dotted { word.end + 1 } else { word.end };
        self.input
            .get(word.start..end)
            .and_then(crate::locator::lookup_label)
            .is_some()
    }

    /// Whether the word at `w`, followed by a full stop, is cut short as journal titles cut
    /// words (`Phys.`, `Psychiatr.`, `Commun.`), rather than a title's last word (`patients.`,
    /// `Reactions.`): capitalised, and short, or not much longer and ending in a consonant
    /// other than the plural `s`.
    fn journal_abbreviation(&self, w: usize) -> bool {
        let Some(t) = self.tok(w) else { return false };
        if !(t.is_word() && t.upper_first) {
            return false;
        }
        if t.chars <= SHORT_ABBREVIATION {
            return true;
        }
        let last = t.text(self.input).chars().last().unwrap_or('a');
        t.chars <= LONG_ABBREVIATION
            && !matches!(last, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 's' | 'n' | 'd')
    }
}

impl Reader<'_> {
    /// The journal and the numbers of the article's source, found before reading, set where
    /// no field holds them yet: the index after the run of numbers.
    pub(super) fn serial_fields(&mut self, serial: Serial) -> usize {
        // `J. Chem. Phys.` keeps its last full stop like the others; in `Ann Surg Oncol.`
        // (no full stops inside) it only ends the field.
        let inner_stops =
            (serial.journal..serial.journal_end.saturating_sub(1)).any(|j| self.t.is_p(j, '.'));
        let journal = if inner_stops {
            self.t.span(serial.journal, serial.journal_end)
        } else {
            self.t.field_span(serial.journal, serial.journal_end)
        };
        if self.r.container_title.is_none() {
            self.r.container_title = Some(journal);
            self.layout.container_end = serial.journal_end;
        } else {
            self.unknown.push(journal);
        }
        if self.r.volume.is_none() {
            self.r.volume = Some(serial.volume);
        }
        if self.r.issue.is_none() {
            self.r.issue = serial.issue;
        }
        if self.r.page.is_none() {
            self.r.page = serial.page;
        }
        if let Some(at) = serial.year {
            if let Some((date, _)) = self.t.year_at(at) {
                if self.r.issued.is_none() {
                    self.r.issued = Some(date);
                    self.layout.issued_at = Some((at, true));
                }
            }
        }
        self.expect = Expect::Nothing;
        self.cursor.sep = Sep::None;
        serial.end
    }
}
