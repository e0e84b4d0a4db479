//! Calendar arithmetic: month lengths and day counts in the Gregorian calendar (chrono's
//! `NaiveDate`) and the Julian one (its leap rule here, its days counted against chrono's).

use chrono::{Datelike, NaiveDate};

/// English month names, for messages.
const NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of month `m` (1–12), or `""`.
pub(crate) fn month_name(m: u32) -> &'static str {
    usize::try_from(m)
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|i| NAMES.get(i))
        .copied()
        .unwrap_or("")
}

/// The one rule chrono does not know: in the Julian calendar every fourth year is a leap year.
fn is_julian_leap(year: i32) -> bool {
    year.rem_euclid(4) == 0
}

/// A Gregorian year chrono can represent that is a leap year exactly when `year` is one in
/// its calendar; with no year, a leap year (so that 29 February is allowed).
fn stand_in_year(year: Option<i32>, julian: bool) -> i32 {
    match year {
        None => 2000,
        Some(y) if julian => {
            if is_julian_leap(y) {
                2000
            } else {
                2001
            }
        }
        // The Gregorian calendar repeats every 400 years.
        Some(y) => 2000 + y.rem_euclid(400),
    }
}

/// How many days month `m` (1–12) has in `year` of the Julian (`julian`) or Gregorian
/// calendar; with no year, February has 29. 0 for a month that does not exist.
pub(crate) fn days_in_month(year: Option<i32>, m: u32, julian: bool) -> u32 {
    let y = stand_in_year(year, julian);
    let Some(first) = NaiveDate::from_ymd_opt(y, m, 1) else {
        return 0;
    };
    let next = NaiveDate::from_ymd_opt(y + i32::from(m == 12), m % 12 + 1, 1);
    next.map_or(0, |next| {
        u32::try_from((next - first).num_days()).unwrap_or(0)
    })
}

/// The day a date of the Julian (`julian`) or Gregorian calendar is, counted from
/// 1 January 1 (Gregorian) as day 1, as chrono's `num_days_from_ce` counts; `None` for a
/// day that does not exist or lies beyond chrono's range.
pub(crate) fn days_from_ce(year: i32, month: u32, day: u32, julian: bool) -> Option<i64> {
    if !julian {
        return NaiveDate::from_ymd_opt(year, month, day).map(|d| i64::from(d.num_days_from_ce()));
    }
    let ordinal = NaiveDate::from_ymd_opt(stand_in_year(Some(year), true), month, day)?.ordinal();
    let before = i64::from(year) - 1;
    // 1 January 1 of the Julian calendar was 30 December 1 BC of the Gregorian: day -1.
    Some(365 * before + before.div_euclid(4) + i64::from(ordinal) - 2)
}

/// The Gregorian `(year, month, day)` of a day counted as [`days_from_ce`] counts.
pub(crate) fn gregorian_of(days: i64) -> Option<(i32, u32, u32)> {
    let date = NaiveDate::from_num_days_from_ce_opt(i32::try_from(days).ok()?)?;
    Some((date.year(), date.month(), date.day()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_years_differ_between_calendars() {
        assert_eq!(days_in_month(Some(1900), 2, false), 28);
        assert_eq!(days_in_month(Some(1900), 2, true), 29);
        assert_eq!(days_in_month(Some(2000), 2, false), 29);
        assert_eq!(days_in_month(Some(1921), 2, false), 28);
        assert_eq!(days_in_month(Some(1920), 2, false), 29);
        assert_eq!(days_in_month(None, 2, false), 29);
        assert_eq!(days_in_month(Some(1921), 4, false), 30);
        assert_eq!(days_in_month(Some(1921), 12, true), 31);
        assert_eq!(days_in_month(Some(1921), 13, false), 0);
        assert_eq!(days_in_month(Some(-44), 2, true), 29);
        assert_eq!(days_in_month(Some(i32::MAX), 2, false), 28);
    }

    #[test]
    fn old_style_converts_to_new_style() {
        let julian = |y, m, d| days_from_ce(y, m, d, true).and_then(gregorian_of);
        // 3 February 1918 (old style) was 16 February 1918 (new style).
        assert_eq!(julian(1918, 2, 3), Some((1918, 2, 16)));
        // 25 October 1917 (old style) was 7 November 1917.
        assert_eq!(julian(1917, 10, 25), Some((1917, 11, 7)));
        // The Gregorian reform: 4 October 1582 was followed by 15 October.
        assert_eq!(julian(1582, 10, 5), Some((1582, 10, 15)));
        // 29 February 1900 existed only in the old style: 13 March 1900 new style.
        assert_eq!(julian(1900, 2, 29), Some((1900, 3, 13)));
        assert_eq!(
            days_from_ce(1921, 2, 16, false).and_then(gregorian_of),
            Some((1921, 2, 16))
        );
        assert_eq!(days_from_ce(1921, 2, 30, false), None);
    }
}
