//! D002: an impossible date, such as 30 February or month XIII.
//! Checks the day against the month (and leap years) and the month against the year.

use crate::codes::Rule;
use crate::diagnostic::Finding;
use crate::rules::{in_text, DocContext};

/// ## What it does
/// Finds dates that can be read but cannot exist: a day past the end of its month
/// (`1921-02-30`, `31/IV`), 29 February in a year that is not a leap year, or a month
/// outside 1–12 (`12.XIII.1921`). A missing year inferred from the document's date is used
/// for leap years; with no year, 29 February is allowed.
///
/// ## Why is this bad?
/// An impossible date is a transcription or typing error: a digit or a roman numeral was
/// misread. Left in, it is exported as a real date and breaks sorting and comparison with
/// the other dates of the document.
///
/// ## Example
/// ```toml
/// date = "1921-02-30"
/// ```
///
/// Use instead:
/// ```toml
/// date = "1921-02-20"
/// ```
///
/// ## Fix
/// Check the date against the source. There is no automatic fix.
pub struct ImpossibleDate;

/// Report impossible dates: the errors ibid-parse gives a date it read but that names no
/// day of the calendar (its `ParseErrorKind::is_impossible_date` kinds); the date parser and
/// `PartialDate::validate` (for TOML date literals) decide, this rule only reports.
pub fn check(ctx: &mut DocContext<'_>) {
    for (key, date) in super::all_dates(ctx.doc) {
        let written = &date.written;
        let impossible = date
            .parsed
            .errors
            .iter()
            .filter(|e| e.kind.is_impossible_date());
        for error in impossible {
            ctx.report_meta(
                Finding::new(
                    Rule::ImpossibleDate,
                    in_text(written, error.span),
                    format!(
                        "Impossible date `{}` in `{key}`: {}",
                        written.text, error.message
                    ),
                )
                .with_help("check the day and the month against the source"),
            );
        }
    }
}
