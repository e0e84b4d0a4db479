//! Dates in the front matter: a TOML date literal or a string, read with
//! `ibid_parse::parse_date_with` in the document's year, and checked for impossible days.

use crate::error::LoadErrorKind;
use crate::model::{DateValue, Text};
use crate::toml_read::Ctx;
use ibid_parse::{DateContext, DatePart, Parsed, PartialDate, Span};
use toml::de::DeValue;
use toml::Spanned;

/// Read a date from `value`: a TOML date, a string, or an integer year. A missing year is
/// inferred from `context_year` and marked as inferred. Unreadable or impossible dates are
/// recorded as errors (the value is still kept).
pub(crate) fn read_date(
    ctx: &mut Ctx<'_>,
    path: &str,
    value: &Spanned<DeValue<'_>>,
    context_year: Option<i32>,
) -> Option<DateValue> {
    let span = ctx.span(value.span());
    let (written, literal) = match value.get_ref() {
        DeValue::String(s) => (ctx.make_text(s, value.span()), false),
        DeValue::Datetime(_) | DeValue::Integer(_) => {
            let raw = ctx.raw(value);
            (
                Text {
                    text: raw,
                    span,
                    raw: Some(span),
                },
                true,
            )
        }
        other => {
            ctx.wrong_type(
                path,
                value.span(),
                other,
                "a date",
                "date = \"1921-02-16\" (or \"1921-02\", \"1921\", \"19/II\")",
            );
            return None;
        }
    };
    let parsed = match value.get_ref() {
        DeValue::Datetime(dt) => match dt.date {
            Some(d) => Parsed::ok(Some(literal_date(
                i32::from(d.year),
                d.month,
                d.day,
                written.text.len(),
            ))),
            None => parse(&written.text, context_year),
        },
        _ => parse(&written.text, context_year),
    };
    let date = DateValue {
        written,
        literal,
        parsed,
    };
    check(ctx, path, &date);
    Some(date)
}

/// Parse `text` with the document's year as context, filling a missing year from it.
pub(crate) fn parse(text: &str, context_year: Option<i32>) -> Parsed<Option<PartialDate>> {
    let context = DateContext { year: context_year };
    let mut parsed = ibid_parse::parse_date_with(text, &context);
    if let (Some(date), Some(year)) = (parsed.value.as_mut(), context_year) {
        date.infer_year(year);
    }
    parsed
}

/// The date of a TOML date literal `YYYY-MM-DD` (its parts at their usual offsets).
fn literal_date(year: i32, month: u8, day: u8, len: usize) -> PartialDate {
    PartialDate {
        year: Some(DatePart::written(year, Span::new(0, 4))),
        month: Some(DatePart::written(month, Span::new(5, 7))),
        day: Some(DatePart::written(day, Span::new(8, 10))),
        span: Span::new(0, len),
        ..PartialDate::default()
    }
}

/// Days in `month` of `year` (29 for February when the year is unknown).
pub fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    ibid_parse::days_in_month(year, month, ibid_parse::Calendar::Gregorian)
}

/// Why `date` is impossible, if it is.
pub fn impossible(date: &PartialDate) -> Option<String> {
    let year = date.year.map(|y| y.value);
    let month = date.month.map(|m| m.value);
    if let Some(m) = month {
        if !(1..=12).contains(&m) {
            return Some(format!("there is no month {m}"));
        }
    }
    if let (Some(m), Some(d)) = (month, date.day.map(|d| d.value)) {
        let max = ibid_parse::days_in_month(year, m, date.calendar);
        if d == 0 || d > max {
            let when = match year {
                Some(y) => format!("{} {y}", month_name(m)),
                None => month_name(m).to_string(),
            };
            return Some(format!("{when} has {max} days, not {d}"));
        }
    }
    date.end.as_deref().and_then(impossible)
}

fn month_name(m: u8) -> &'static str {
    ibid_parse::month_name(m).unwrap_or("month")
}

/// Record an error when the date could not be read at all or is impossible.
fn check(ctx: &mut Ctx<'_>, path: &str, date: &DateValue) {
    let span = date.written.span;
    let text = &date.written.text;
    match date.date() {
        None if !text.trim().is_empty() => ctx.error(
            LoadErrorKind::InvalidDate,
            span,
            format!("cannot read `{text}` as a date in `{path}`"),
            Some("write a date such as \"1921-02-16\", \"1921-02\", \"1921\", \"16 February 1921\" or as printed (\"19/II\", \"22.II.21\")".to_string()),
        ),
        None => ctx.error(
            LoadErrorKind::InvalidDate,
            span,
            format!("`{path}` is empty"),
            Some("write the date, or remove the key".to_string()),
        ),
        Some(_) if !date.parsed.errors.is_empty() => {
            for e in &date.parsed.errors {
                let at = date.written.file_span(e.span);
                ctx.error(
                    LoadErrorKind::InvalidDate,
                    at,
                    format!("invalid date `{text}` in `{path}`: {}", e.message),
                    Some("check the day and month against the source; write the date as printed".to_string()),
                );
            }
        }
        Some(d) => {
            if let Some(why) = impossible(d) {
                ctx.error(
                    LoadErrorKind::InvalidDate,
                    span,
                    format!("impossible date `{text}` in `{path}`: {why}"),
                    Some("check the day and month against the source".to_string()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_days() {
        let d = literal_date(1921, 2, 29, 10);
        assert_eq!(
            impossible(&d).as_deref(),
            Some("February 1921 has 28 days, not 29")
        );
        assert_eq!(impossible(&literal_date(1920, 2, 29, 10)), None);
        assert_eq!(
            impossible(&literal_date(1921, 4, 31, 10)).as_deref(),
            Some("April 1921 has 30 days, not 31")
        );
        assert_eq!(
            impossible(&literal_date(1921, 13, 1, 10)).as_deref(),
            Some("there is no month 13")
        );
    }
}
