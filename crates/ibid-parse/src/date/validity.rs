//! Whether a date can exist: the one place that decides, used by the date parser while it
//! builds a date and by [`PartialDate::validate`] for dates built any other way.

use super::calendar::{days_from_ce, days_in_month, gregorian_of, month_name};
use super::{Calendar, PartialDate};
use crate::{ParseError, ParseErrorKind, Span};

/// Why month `month` cannot be, if it cannot; `written` is how it was written (`XIII`).
pub(crate) fn month_problem(month: u32, written: &str) -> Option<(ParseErrorKind, String)> {
    (!(1..=12).contains(&month)).then(|| {
        (
            ParseErrorKind::NoSuchMonth,
            format!("there is no month {written}"),
        )
    })
}

/// Why `day` cannot be, if it cannot: day 0, a day past 31, or a day past the end of
/// `month` (1–12) in `year` of the calendar (`julian`). With no year, 29 February is allowed.
pub(crate) fn day_problem(
    year: Option<i32>,
    month: Option<u32>,
    day: u32,
    julian: bool,
) -> Option<(ParseErrorKind, String)> {
    if day == 0 {
        return Some((ParseErrorKind::NoSuchDay, "there is no day 0".to_string()));
    }
    let Some(m) = month else {
        return (day > 31).then(|| (ParseErrorKind::NoSuchDay, format!("there is no day {day}")));
    };
    let max = days_in_month(year, m, julian);
    if day <= max {
        return None;
    }
    let kind = if m == 2 && day == 29 {
        ParseErrorKind::NotALeapYear
    } else {
        ParseErrorKind::DayPastEndOfMonth
    };
    let message = match year {
        Some(y) => format!("{} {y} has {max} days", month_name(m)),
        None if m == 2 => "February has at most 29 days".to_string(),
        None => format!("{} has {max} days", month_name(m)),
    };
    Some((kind, message))
}

/// `(year, month, day)` of a date with all three.
type Day = (i32, u32, u32);

/// How the old-style day `old` and the new-style day `new` of a double date relate.
pub(crate) enum DoubleDate {
    /// They are the same day.
    Agree,
    /// They are the same day once the two are swapped (new style written first).
    Swapped,
    /// They are different days: `old` is the new-style day given.
    Disagree(Day),
    /// The days cannot be compared (beyond the calendars' range).
    Unknown,
}

/// Whether `old` (Julian) and `new` (Gregorian) are the same day.
pub(crate) fn compare_double(old: Day, new: Day) -> DoubleDate {
    let count = |(y, m, d): Day, julian| days_from_ce(y, m, d, julian);
    let (Some(old_julian), Some(new_gregorian)) = (count(old, true), count(new, false)) else {
        return DoubleDate::Unknown;
    };
    if old_julian == new_gregorian {
        return DoubleDate::Agree;
    }
    if count(old, false).is_some() && count(old, false) == count(new, true) {
        return DoubleDate::Swapped;
    }
    gregorian_of(old_julian).map_or(DoubleDate::Unknown, DoubleDate::Disagree)
}

/// The message for an old-style day `old` whose new-style day is `is`, not `new`.
pub(crate) fn disagreement(old: Day, is: Day, new: Day) -> String {
    format!(
        "{} {} {} old style is {} {} {} new style, not {} {} {}",
        old.2,
        month_name(old.1),
        old.0,
        is.2,
        month_name(is.1),
        is.0,
        new.2,
        month_name(new.1),
        new.0
    )
}

/// Whether a range's end comes before its start (both with the same parts).
pub(crate) fn ends_before(start: &PartialDate, end: &PartialDate) -> bool {
    let key = |d: &PartialDate| {
        (
            d.year.map(|y| y.value),
            d.month.map(|m| m.value),
            d.day.map(|d| d.value),
        )
    };
    let (a, b) = (key(start), key(end));
    let same_shape = a.0.is_some() == b.0.is_some()
        && a.1.is_some() == b.1.is_some()
        && a.2.is_some() == b.2.is_some();
    same_shape && a.0.is_some() && b < a
}

/// The first problem of `date` alone (not its end or alternate), with the span at fault.
fn own_problem(date: &PartialDate) -> Option<ParseError> {
    let year = date.year.map(|y| y.value);
    let at = |span: Option<Span>| span.unwrap_or(date.span);
    if let Some(m) = date.month {
        if let Some((kind, message)) = month_problem(u32::from(m.value), &m.value.to_string()) {
            return Some(ParseError::new(kind, message, at(m.span)));
        }
    }
    let d = date.day?;
    let julian = date.calendar == Calendar::Julian;
    let month = date.month.map(|m| u32::from(m.value));
    let (kind, message) = day_problem(year, month, u32::from(d.value), julian)?;
    Some(ParseError::new(kind, message, at(d.span)))
}

/// `(year, month, day)` of a date with all three.
fn full_day(date: &PartialDate) -> Option<Day> {
    Some((
        date.year?.value,
        u32::from(date.month?.value),
        u32::from(date.day?.value),
    ))
}

impl PartialDate {
    /// Check that the date can exist: a month from 1 to 12, a day within its month (29
    /// February only in a leap year of the date's calendar), a range that does not end
    /// before it starts, and a double date whose two styles name the same day.
    ///
    /// The date parser already leaves impossible parts out of the dates it returns and
    /// reports them among its errors, with the same kinds and messages; this is for dates
    /// built in other ways (a TOML date literal, a date assembled by hand). The error's span
    /// is the part at fault, or the whole date's span when the part has none.
    ///
    /// ```
    /// use ibid_parse::{DatePart, ParseErrorKind, PartialDate, Span};
    ///
    /// let part = |value, at: usize| DatePart::written(value, Span::new(at, at + 2));
    /// let date = PartialDate::from_parts(
    ///     Some(DatePart::written(1921, Span::new(0, 4))),
    ///     Some(part(2, 5)),
    ///     Some(part(29, 8)),
    ///     Span::new(0, 10),
    /// );
    /// let error = date.validate().unwrap_err();
    /// assert_eq!(error.kind, ParseErrorKind::NotALeapYear);
    /// assert_eq!(error.message, "February 1921 has 28 days");
    /// assert_eq!(error.span, Span::new(8, 10));
    /// ```
    pub fn validate(&self) -> Result<(), ParseError> {
        if let Some(error) = own_problem(self) {
            return Err(error);
        }
        if let Some(alternate) = &self.alternate {
            if let Some(error) = own_problem(alternate) {
                return Err(error);
            }
            let (old, new) = match self.calendar {
                Calendar::Julian => (self, &**alternate),
                _ => (&**alternate, self),
            };
            if let (Some(o), Some(n)) = (full_day(old), full_day(new)) {
                if let DoubleDate::Disagree(is) = compare_double(o, n) {
                    return Err(ParseError::new(
                        ParseErrorKind::CalendarsDisagree,
                        disagreement(o, is, n),
                        self.span,
                    ));
                }
            }
        }
        if let Some(end) = &self.end {
            end.validate()?;
            if ends_before(self, end) {
                return Err(ParseError::new(
                    ParseErrorKind::RangeEndsBeforeStart,
                    "the range ends before it starts",
                    self.span,
                ));
            }
        }
        Ok(())
    }
}
