//! D004: a date after today, such as `2921-02-16` for `1921-02-16`.
//! Compares the first day a date can stand for with today's date, once per run.

use crate::codes::Rule;
use crate::diagnostic::Finding;
use crate::rules::{in_text, DocContext};
use chrono::NaiveDate;
use std::sync::OnceLock;

/// ## What it does
/// Finds dates in the front matter (`date`, `[translation] date`, `[source] accessed`,
/// `[[annotations]] date`) that lie after today: even their first possible day (the first
/// of the month or of the year for a partial date) has not come yet. An old-style date is
/// compared by its new-style day; both ends of a range are checked.
///
/// ## Why is this bad?
/// A corpus describes documents that exist, so none of its dates can be in the future: a
/// date after today is a typing error (`2921` for `1921`, `2091` for `1921`) that would be
/// exported as it stands and sort the document after every other.
///
/// ## Example
/// ```toml
/// date = "2921-02-16"
/// ```
///
/// Use instead:
/// ```toml
/// date = "1921-02-16"
/// ```
///
/// ## Fix
/// Check the year against the source. There is no automatic fix. Today is the local date
/// when the check runs; the cache is keyed by it, so a finding never outlives its day.
pub struct FutureDate;

/// Today's local date, read once per run so that every document and the cache key agree.
pub(crate) fn today() -> NaiveDate {
    static TODAY: OnceLock<NaiveDate> = OnceLock::new();
    *TODAY.get_or_init(|| chrono::Local::now().date_naive())
}

/// Report every date (and range end) whose first possible day is after today.
pub fn check(ctx: &mut DocContext<'_>) {
    let today = today();
    for (key, date) in super::all_dates(ctx.doc) {
        let Some(parsed) = date.date() else { continue };
        let written = &date.written;
        let ends = std::iter::once(parsed).chain(parsed.end.as_deref());
        for end in ends {
            if !end
                .earliest_day()
                .is_some_and(|first_day| first_day > today)
            {
                continue;
            }
            ctx.report_meta(
                Finding::new(
                    Rule::FutureDate,
                    in_text(written, end.year.and_then(|y| y.span).unwrap_or(end.span)),
                    format!("Date in the future: `{}` in `{key}`", written.text),
                )
                .with_help("check the year against the source"),
            );
        }
    }
}
