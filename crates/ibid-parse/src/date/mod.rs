//! Partial dates as they are written in documents (`19/II`, `22.II.21`, `16 февраля 1921 г.`,
//! `[1921]`, `n.d.`): what was written kept apart from what was inferred.

mod calendar;
mod parse;
mod validity;

pub(crate) use parse::may_be_date;
pub use parse::{parse_date, parse_date_with, DateContext};

use crate::Span;

/// Why a date part that was not written in full has the value it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Calendar {
    /// The Gregorian calendar (new style), the default.
    #[default]
    Gregorian,
    /// The Julian calendar (old style, `ст. ст.`, `O.S.`), used in Russia before 1918.
    Julian,
}

/// A date with any of its parts possibly missing, as documents write them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
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
    /// A date of the given parts, written at `span`, in the Gregorian calendar, not
    /// approximate; set the other fields afterwards when they apply. Check it with
    /// [`PartialDate::validate`].
    pub fn from_parts(
        year: Option<DatePart<i32>>,
        month: Option<DatePart<u8>>,
        day: Option<DatePart<u8>>,
        span: Span,
    ) -> Self {
        PartialDate {
            year,
            month,
            day,
            span,
            ..PartialDate::default()
        }
    }

    /// The parts as CSL `date-parts`: `[year, month, day]`, stopping at the first missing
    /// part; empty if there is no year.
    pub fn date_parts(&self) -> Vec<i32> {
        crate::csl::DateParts::of(self).as_slice().to_vec()
    }

    /// The Gregorian day of a full date (year, month and day), as chrono's `NaiveDate`; an
    /// old-style (Julian) date is converted. `None` for a partial date, an impossible one,
    /// or a year beyond chrono's range.
    ///
    /// ```
    /// use ibid_parse::parse_date;
    ///
    /// let old_style = parse_date("25 октября 1917 г. ст. ст.").value.unwrap();
    /// assert_eq!(old_style.gregorian_day().unwrap().to_string(), "1917-11-07");
    /// assert_eq!(parse_date("1921-02").value.unwrap().gregorian_day(), None);
    /// ```
    pub fn gregorian_day(&self) -> Option<chrono::NaiveDate> {
        let (year, month, day) = (self.year?.value, self.month?.value, self.day?.value);
        let julian = self.calendar == Calendar::Julian;
        let days = calendar::days_from_ce(year, u32::from(month), u32::from(day), julian)?;
        chrono::NaiveDate::from_num_days_from_ce_opt(i32::try_from(days).ok()?)
    }

    /// The first Gregorian day the date can stand for: the day of a full date, else the
    /// first of its month or of its year. `None` without a year.
    ///
    /// ```
    /// use ibid_parse::parse_date;
    ///
    /// let earliest = |input| parse_date(input).value.unwrap().earliest_day().unwrap().to_string();
    /// assert_eq!(earliest("1921"), "1921-01-01");
    /// assert_eq!(earliest("February 1921"), "1921-02-01");
    /// assert_eq!(earliest("16.02.1921"), "1921-02-16");
    /// ```
    pub fn earliest_day(&self) -> Option<chrono::NaiveDate> {
        if self.day.is_some() {
            return self.gregorian_day();
        }
        let month = self.month.map_or(1, |m| u32::from(m.value));
        chrono::NaiveDate::from_ymd_opt(self.year?.value, month, 1)
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
