//! Dates inside a text (`19/II`, `22.II.21`, `16 февраля 1921 г.`), found by trying
//! `ibid_parse::parse_date` on the words that start with a digit, and ISO forms of them.

use ibid_parse::{parse_date, PartialDate};
use ibid_provenance::words::word_ranges;

/// A date found in a text: its byte range and what was read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DateAt {
    pub start: usize,
    pub end: usize,
    pub date: PartialDate,
}

impl DateAt {
    /// The date as written.
    pub fn written<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// The first date in `text` with at least a day and a month (or a month and a year);
/// `need_year` asks for a written year too.
pub(crate) fn find_date(text: &str, need_year: bool) -> Option<DateAt> {
    let words: Vec<(usize, usize)> = word_ranges(text, char::is_whitespace);
    for (k, &(start, _)) in words.iter().enumerate() {
        if !text[start..].starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let mut best: Option<DateAt> = None;
        for len in 1..=4 {
            let Some(&(_, end)) = words.get(k + len - 1) else {
                break;
            };
            let candidate = text[start..end].trim_end_matches([',', ';', ':', '”', '»', '"', ')']);
            let candidate = strip_final_stop(candidate);
            let parsed = parse_date(candidate);
            let Some(date) = parsed
                .value
                .filter(|_| parsed.errors.is_empty() && parsed.remainder.is_none())
            else {
                continue;
            };
            let has_month = date.month.is_some();
            let ok = has_month
                && (date.day.is_some() || date.year.is_some())
                && (!need_year || date.year.is_some());
            if ok {
                best = Some(DateAt {
                    start,
                    end: start + candidate.len(),
                    date,
                });
            }
        }
        if best.is_some() {
            return best;
        }
    }
    None
}

/// `19/II.` → `19/II`; `1921 г.` keeps its abbreviation's stop.
fn strip_final_stop(s: &str) -> &str {
    match s.strip_suffix('.') {
        Some(rest) if !rest.ends_with(" г") && !rest.ends_with(" гг") => rest,
        _ => s,
    }
}

/// The ISO form of a date's written parts (`1921-02-16`, `1921-02`, `1921`).
pub(crate) fn iso(date: &PartialDate) -> Option<String> {
    let year = date.year.filter(|y| !y.is_inferred())?.value;
    Some(match (date.month, date.day) {
        (Some(m), Some(d)) => format!("{year:04}-{:02}-{:02}", m.value, d.value),
        (Some(m), None) => format!("{year:04}-{:02}", m.value),
        _ => format!("{year:04}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<&str> {
        find_date(text, false).map(|d| &text[d.start..d.end])
    }

    #[test]
    fn dates_in_annotations() {
        assert_eq!(found("send back to me. 19/II. Lenin."), Some("19/II"));
        assert_eq!(found("L. Serebr[yakov] 22.II.21."), Some("22.II.21"));
        assert_eq!(found("22/II. Radek."), Some("22/II"));
        assert_eq!(
            found("Согласен. 17 февраля 1921 г. И. Сталин"),
            Some("17 февраля 1921 г.")
        );
        assert_eq!(found("Narimanov is ¾ right"), None);
        assert_eq!(found("Document 652, page 612"), None);
    }

    #[test]
    fn iso_forms() {
        let d = parse_date("February 16, 1921").value.unwrap();
        assert_eq!(iso(&d).as_deref(), Some("1921-02-16"));
    }
}
