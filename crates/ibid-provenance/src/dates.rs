//! Dates in the front matter: a TOML date literal or a string, read with
//! `ibid_parse::parse_date_with` in the document's year; whether it can exist is ibid-parse's.

use crate::error::LoadErrorKind;
use crate::model::{DateValue, Text};
use crate::toml_read::Ctx;
use ibid_parse::{DateContext, DatePart, Parsed, PartialDate, Span};
use toml::de::DeValue;
use toml::Spanned;

/// Read a date from `value`: a TOML date, a string, or an integer year. A missing year is
/// inferred from `context_year` and marked as inferred. A date that cannot be read is a load
/// error; one that can be read but cannot exist keeps its errors in `parsed` for the rules.
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
            Some(d) => {
                let date = literal_date(i32::from(d.year), d.month, d.day, written.text.len());
                let mut parsed = Parsed::ok(None);
                parsed.errors.extend(date.validate().err());
                parsed.value = Some(date);
                parsed
            }
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
    let context = context_year.map_or_else(DateContext::default, DateContext::in_year);
    let mut parsed = ibid_parse::parse_date_with(text, &context);
    if let (Some(date), Some(year)) = (parsed.value.as_mut(), context_year) {
        date.infer_year(year);
    }
    parsed
}

/// The date of a TOML date literal `YYYY-MM-DD` (its parts at their usual offsets).
fn literal_date(year: i32, month: u8, day: u8, len: usize) -> PartialDate {
    PartialDate::from_parts(
        Some(DatePart::written(year, Span::new(0, 4))),
        Some(DatePart::written(month, Span::new(5, 7))),
        Some(DatePart::written(day, Span::new(8, 10))),
        Span::new(0, len),
    )
}

/// Record an error when the date could not be read at all. A date that was read but cannot
/// exist is not the loader's to report: its errors stay in `parsed`, for rule D002.
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
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_parse::ParseErrorKind;

    #[test]
    fn literal_dates_are_checked_by_ibid_parse() {
        let error = literal_date(1921, 2, 29, 10).validate().unwrap_err();
        assert_eq!(error.kind, ParseErrorKind::NotALeapYear);
        assert_eq!(error.message, "February 1921 has 28 days");
        assert!(literal_date(1920, 2, 29, 10).validate().is_ok());
        let error = literal_date(1921, 4, 31, 10).validate().unwrap_err();
        assert_eq!(error.kind, ParseErrorKind::DayPastEndOfMonth);
        assert_eq!(error.message, "April 1921 has 30 days");
        let error = literal_date(1921, 13, 1, 10).validate().unwrap_err();
        assert_eq!(error.kind, ParseErrorKind::NoSuchMonth);
        assert_eq!(error.message, "there is no month 13");
    }
}
