//! Partial dates as they are written in documents (`19/II`, `22.II.21`, `16 февраля 1921 г.`,
//! `[1921]`, `n.d.`): what was written kept apart from what was inferred.

mod parse;

pub(crate) use parse::may_be_date;
pub use parse::{parse_date, parse_date_with, DateContext};

use crate::Span;
use serde::Serialize;

/// Why a date part that was not written in full has the value it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InferenceBasis {
    /// A two-digit year (`21`) was given its century from the context year, or the 1900s.
    TwoDigitYear,
    /// A missing year was taken from the context (the document's own date).
    ContextYear,
    /// The editor supplied the value in brackets (`[1921]`).
    Supplied,
}

/// One part of a date (year, month or day): its value, where it was written, and whether
/// it was inferred rather than read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct DatePart<T> {
    /// The value (a full year such as 1921, a month 1–12, a day 1–31).
    pub value: T,
    /// Where it was written, if it was written at all.
    pub span: Option<Span>,
    /// Why the value is what it is, when it was not written in full.
    pub inferred: Option<InferenceBasis>,
}

impl<T> DatePart<T> {
    /// A part read as written at `span`.
    pub fn written(value: T, span: Span) -> Self {
        DatePart {
            value,
            span: Some(span),
            inferred: None,
        }
    }

    /// Whether the part was inferred rather than read.
    pub fn is_inferred(&self) -> bool {
        self.inferred.is_some()
    }
}

/// Which calendar a date is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Calendar {
    /// The Gregorian calendar (new style), the default.
    #[default]
    Gregorian,
    /// The Julian calendar (old style, `ст. ст.`, `O.S.`), used in Russia before 1918.
    Julian,
}

/// A date with any of its parts possibly missing, as documents write them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize)]
pub struct PartialDate {
    /// The year, if written or inferred.
    pub year: Option<DatePart<i32>>,
    /// The month (1–12), if written.
    pub month: Option<DatePart<u8>>,
    /// The day of the month, if written.
    pub day: Option<DatePart<u8>>,
    /// The end of a range (`1921–1922`), if this is one.
    pub end: Option<Box<PartialDate>>,
    /// `ca.`, `около`, `um`, `vers`: the date is approximate.
    pub approximate: bool,
    /// `n.d.`, `б. д.`, `o. J.`, `s. d.`: explicitly undated.
    pub undated: bool,
    /// The calendar the date is written in.
    pub calendar: Calendar,
    /// The same date in the other calendar, when the document double-dates it
    /// (`3 (16) февраля 1918`): this date is then the new style (Gregorian) and `alternate`
    /// the old style (Julian).
    pub alternate: Option<Box<PartialDate>>,
    /// The whole date as written.
    pub span: Span,
}

impl PartialDate {
    /// The parts as CSL `date-parts`: `[year, month, day]`, stopping at the first missing
    /// part; empty if there is no year.
    pub fn date_parts(&self) -> Vec<i32> {
        let mut parts = Vec::with_capacity(3);
        if let Some(y) = self.year {
            parts.push(y.value);
            if let Some(m) = self.month {
                parts.push(i32::from(m.value));
                if let Some(d) = self.day {
                    parts.push(i32::from(d.value));
                }
            }
        }
        parts
    }

    /// Fill a missing year from `year` (the document's date), marked as inferred from
    /// context. A written year is never replaced.
    pub fn infer_year(&mut self, year: i32) {
        if self.year.is_none() && !self.undated && (self.month.is_some() || self.day.is_some()) {
            self.year = Some(DatePart {
                value: year,
                span: None,
                inferred: Some(InferenceBasis::ContextYear),
            });
        }
        if let Some(end) = self.end.as_mut() {
            end.infer_year(year);
        }
        if let Some(alternate) = self.alternate.as_mut() {
            alternate.infer_year(year);
        }
    }
}

/// How many days `month` (1–12) has in `year` of `calendar`; with no year, February has 29.
/// Returns 0 for a month that does not exist.
pub fn days_in_month(year: Option<i32>, month: u8, calendar: Calendar) -> u8 {
    let days = parse::days_in_month(year, u32::from(month), calendar == Calendar::Julian);
    u8::try_from(days).unwrap_or(0)
}

/// The English name of `month` (1–12, `February`), for messages; `None` for any other number.
pub fn month_name(month: u8) -> Option<&'static str> {
    Some(parse::month_name(u32::from(month))).filter(|name| !name.is_empty())
}
