//! Calendar arithmetic for checking dates: month lengths and leap years in the Gregorian and
//! Julian calendars, and day numbers to compare old-style and new-style dates.

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
pub(in crate::date) fn month_name(m: u32) -> &'static str {
    usize::try_from(m)
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|i| NAMES.get(i))
        .copied()
        .unwrap_or("")
}

/// Whether `year` is a leap year in the Julian (`julian`) or Gregorian calendar.
pub(super) fn is_leap(year: i32, julian: bool) -> bool {
    if julian {
        year.rem_euclid(4) == 0
    } else {
        year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
    }
}

/// How many days month `m` (1–12) has; with no year, February has 29.
pub(in crate::date) fn days_in_month(year: Option<i32>, m: u32, julian: bool) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !is_leap(y, julian) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

/// The Julian day number of a day of the Julian (`julian`) or Gregorian calendar.
pub(super) fn day_number(year: i32, month: u32, day: u32, julian: bool) -> i64 {
    let a = (14 - i64::from(month)) / 12;
    let y = i64::from(year) + 4800 - a;
    let m = i64::from(month) + 12 * a - 3;
    let base = i64::from(day) + (153 * m + 2) / 5 + 365 * y + y / 4;
    if julian {
        base - 32083
    } else {
        base - y / 100 + y / 400 - 32045
    }
}

/// The Gregorian `(year, month, day)` of a Julian day number.
pub(super) fn gregorian_of(jdn: i64) -> (i32, u32, u32) {
    let a = jdn + 32044;
    let b = (4 * a + 3) / 146_097;
    let c = a - 146_097 * b / 4;
    let d = (4 * c + 3) / 1461;
    let e = c - 1461 * d / 4;
    let m = (5 * e + 2) / 153;
    let day = e - (153 * m + 2) / 5 + 1;
    let month = m + 3 - 12 * (m / 10);
    let year = 100 * b + d - 4800 + m / 10;
    (
        i32::try_from(year).unwrap_or(i32::MAX),
        u32::try_from(month).unwrap_or(0),
        u32::try_from(day).unwrap_or(0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_years_differ_between_calendars() {
        assert!(!is_leap(1900, false));
        assert!(is_leap(1900, true));
        assert!(is_leap(2000, false));
        assert_eq!(days_in_month(Some(1921), 2, false), 28);
        assert_eq!(days_in_month(Some(1920), 2, false), 29);
        assert_eq!(days_in_month(None, 2, false), 29);
        assert_eq!(days_in_month(Some(1921), 4, false), 30);
    }

    #[test]
    fn old_style_converts_to_new_style() {
        // 3 February 1918 (old style) was 16 February 1918 (new style).
        let jdn = day_number(1918, 2, 3, true);
        assert_eq!(gregorian_of(jdn), (1918, 2, 16));
        // 25 October 1917 (old style) was 7 November 1917.
        assert_eq!(gregorian_of(day_number(1917, 10, 25, true)), (1917, 11, 7));
        assert_eq!(gregorian_of(day_number(1921, 2, 16, false)), (1921, 2, 16));
    }
}
