//! Turning a date as read into a `PartialDate`: sharing parts across ranges and double dates,
//! checking that the date exists, and telling old style from new style.

use super::grammar::{Expr, Raw, RawPart};
use crate::date::validity::{
    compare_double, day_problem, disagreement, ends_before, month_problem, DoubleDate,
};
use crate::{Calendar, DatePart, ParseError, ParseErrorKind, PartialDate, Span};

/// The date `raw` describes, or `None` when it is not a date at all (a bare day number).
pub(super) fn build(
    raw: Raw,
    ctx_year: Option<i32>,
    input: &str,
    errors: &mut Vec<ParseError>,
) -> Option<PartialDate> {
    if raw.undated {
        return Some(PartialDate {
            undated: true,
            approximate: raw.approximate,
            span: raw.span,
            ..PartialDate::default()
        });
    }
    let Raw {
        mut first,
        mut last,
        ..
    } = raw;
    if let Some(last) = last.as_mut() {
        share(&mut first, last);
    }
    for e in std::iter::once(&mut first).chain(last.as_mut()) {
        let main = e.clone();
        if let Some(alt) = e.alt.as_mut() {
            fill_from(alt, &main);
        }
    }
    if first.month.is_none() && first.year.is_none() {
        let day = first.day.map_or(raw.span, |d| d.span);
        errors.push(ParseError::new(
            ParseErrorKind::NotRecognized,
            format!(
                "`{}` is a day with no month or year: not a date",
                day.slice(input)
            ),
            day,
        ));
        return None;
    }
    let old_style_mark = raw.julian == Some(true);
    let mut date = side(&first, old_style_mark, ctx_year, input, errors);
    date.span = raw.span;
    if let Some(alternate) = date.alternate.as_mut() {
        alternate.span = raw.span;
    }
    if let Some(last) = last {
        let end = side(&last, old_style_mark, ctx_year, input, errors);
        if ends_before(&date, &end) {
            errors.push(ParseError::new(
                ParseErrorKind::RangeEndsBeforeStart,
                format!(
                    "the range ends before it starts: `{}` is earlier than `{}`",
                    last.span.slice(input),
                    first.span.slice(input)
                ),
                raw.span,
            ));
        }
        date.end = Some(Box::new(end));
    }
    date.approximate = raw.approximate;
    if let Some(y) = ctx_year {
        date.infer_year(y);
    }
    Some(date)
}

/// Parts written once for both ends of a range: `16–18 February 1921`, `June–July 1921`,
/// `February 16 – March 2, 1921`.
fn share(first: &mut Expr, last: &mut Expr) {
    if first.day.is_some() && first.month.is_none() {
        first.month = last.month;
    }
    if first.year.is_none() && (first.month.is_some() || first.day.is_some()) {
        first.year = last.year;
    }
    if last.day.is_some() && last.month.is_none() {
        last.month = first.month;
    }
    if last.year.is_none() && (last.month.is_some() || last.day.is_some()) {
        last.year = first.year;
    }
}

/// The parts a double date writes once: `3 (16) февраля 1921` shares month and year.
fn fill_from(alt: &mut Expr, main: &Expr) {
    if alt.month.is_none() {
        alt.month = main.month;
    }
    if alt.year.is_none() {
        alt.year = main.year;
    }
}

/// One end of a date: a single date, or a double date with its old-style alternate.
fn side(
    e: &Expr,
    old_style_mark: bool,
    ctx_year: Option<i32>,
    input: &str,
    errors: &mut Vec<ParseError>,
) -> PartialDate {
    let Some(alt) = e.alt.as_deref() else {
        return checked(e, old_style_mark, ctx_year, input, errors);
    };
    // The usual order is old style first, new style second.
    let mut local = Vec::new();
    let old = checked(e, true, ctx_year, input, &mut local);
    let new = checked(alt, false, ctx_year, input, &mut local);
    let (o, n) = (full_day(&old, ctx_year), full_day(&new, ctx_year));
    if let (Some(o), Some(n)) = (o, n) {
        match compare_double(o, n) {
            DoubleDate::Swapped => {
                // New style written first.
                let mut swapped = Vec::new();
                let primary = checked(e, false, ctx_year, input, &mut swapped);
                let alternate = checked(alt, true, ctx_year, input, &mut swapped);
                errors.append(&mut swapped);
                return joined(primary, alternate, e.span);
            }
            DoubleDate::Disagree(is) => {
                let at = alt.day.or(alt.month).map_or(alt.span, |p| p.span);
                errors.push(ParseError::new(
                    ParseErrorKind::CalendarsDisagree,
                    disagreement(o, is, n),
                    at,
                ));
            }
            DoubleDate::Agree | DoubleDate::Unknown => {}
        }
    }
    errors.append(&mut local);
    joined(new, old, e.span)
}

/// A new-style date carrying its old-style alternate, both spanning the whole written date.
fn joined(mut primary: PartialDate, mut alternate: PartialDate, span: Span) -> PartialDate {
    alternate.span = span;
    primary.span = span;
    primary.alternate = Some(Box::new(alternate));
    primary
}

/// Year, month and day of a date with all three (the year possibly from the context).
fn full_day(d: &PartialDate, ctx_year: Option<i32>) -> Option<(i32, u32, u32)> {
    let year = d.year.map(|y| y.value).or(ctx_year)?;
    Some((year, u32::from(d.month?.value), u32::from(d.day?.value)))
}

fn part<T>(p: RawPart, value: T) -> DatePart<T> {
    DatePart {
        value,
        span: Some(p.span),
        inferred: p.inferred,
    }
}

/// The date `e` describes, with parts that cannot exist left out and reported.
fn checked(
    e: &Expr,
    julian: bool,
    ctx_year: Option<i32>,
    input: &str,
    errors: &mut Vec<ParseError>,
) -> PartialDate {
    let year = e
        .year
        .and_then(|p| i32::try_from(p.value).ok().map(|v| part(p, v)));
    let month = e.month.and_then(|m| {
        let written = m.span.slice(input);
        let shown = if m.roman {
            written.to_string()
        } else {
            m.value.to_string()
        };
        match month_problem(u32::try_from(m.value).unwrap_or(u32::MAX), &shown) {
            Some((kind, message)) => {
                errors.push(ParseError::new(kind, message, m.span));
                None
            }
            None => u8::try_from(m.value).ok().map(|v| part(m, v)),
        }
    });
    let known_year = year
        .map(|y| y.value)
        .or(ctx_year.filter(|_| month.is_some()));
    let day = e.day.and_then(|d| {
        let value = u32::try_from(d.value).unwrap_or(u32::MAX);
        if value != 0 && e.month.is_some() && month.is_none() {
            // The month itself is impossible; that error is enough.
            return None;
        }
        let month = month.map(|m| u32::from(m.value));
        match day_problem(known_year, month, value, julian) {
            Some((kind, message)) => {
                errors.push(ParseError::new(kind, message, d.span));
                None
            }
            None => u8::try_from(value).ok().map(|v| part(d, v)),
        }
    });
    PartialDate {
        year,
        month,
        day,
        calendar: if julian {
            Calendar::Julian
        } else {
            Calendar::Gregorian
        },
        span: e.span,
        ..PartialDate::default()
    }
}
