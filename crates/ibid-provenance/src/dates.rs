//! Dates in the front matter: a TOML date literal or a string, read with
//! `ibid_parse::parse_date_with` in the document's year; whether it can exist is ibid-parse's.

use crate::model::{DateValue, Text};
use crate::toml_read::{Ctx, KeyPath};
use crate::toml_tree::{Node, Value};
use ibid_parse::{DateContext, DatePart, Parsed, PartialDate, Span};

/// Read a date from `value`: a TOML date, a string, or an integer year. A missing year is
/// inferred from `context_year` and marked as inferred. A value of the wrong type is a load
/// error; a date that cannot be read, or can be read but cannot exist, is kept with its errors
/// in `parsed` for the rules (D001, D002): it does not stop the model from being built.
pub(crate) fn read_date<'p>(
    ctx: &mut Ctx<'_>,
    path: impl Into<KeyPath<'p>>,
    value: &Node<'_>,
    context_year: Option<i32>,
) -> Option<DateValue> {
    let span = ctx.span(value.span());
    let (written, literal) = match value.get_ref() {
        Value::String(s) => (ctx.make_text(s, value.span()), false),
        Value::Datetime(_) | Value::Integer { .. } => {
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
                path.into(),
                value.span(),
                other,
                "a date",
                "date = \"1921-02-16\" (or \"1921-02\", \"1921\", \"19/II\")",
            );
            return None;
        }
    };
    let parsed = match value.get_ref() {
        Value::Datetime(dt) => match dt.date {
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
