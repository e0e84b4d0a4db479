//! Dates of `.bib` entries as CSL dates: biblatex's ISO 8601-2 `date` fields (`1984/1986`,
//! `1984-03-05`, `1984~`, `1984/..`) and BibTeX's `year`/`month`/`day` fields.

use serde_json::{json, Map, Value};

/// One end of a date: year, month, day (the month 21–24 of ISO 8601-2 is a season).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Point {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
    season: Option<u32>,
}

impl Point {
    fn parts(&self) -> Vec<i64> {
        let mut parts = vec![i64::from(self.year)];
        if let Some(m) = self.month {
            parts.push(i64::from(m));
            if let Some(d) = self.day {
                parts.push(i64::from(d));
            }
        }
        parts
    }
}

/// Read `2004`, `-0044`, `2004-03`, `2004-03-05`, `2004-21` (a season), ignoring a time.
fn point(text: &str) -> Option<Point> {
    let text = text.split('T').next().unwrap_or(text);
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let mut parts = digits.split('-');
    let year_text = parts.next()?;
    if year_text.is_empty() || !year_text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = year_text.parse().ok()?;
    let year = if negative { -year } else { year };
    let mut point = Point {
        year,
        ..Point::default()
    };
    if let Some(m) = parts.next() {
        let m: u32 = m.parse().ok()?;
        match m {
            1..=12 => point.month = Some(m),
            21..=24 => point.season = Some(m - 20),
            _ => return None,
        }
        if let Some(d) = parts.next() {
            let d: u32 = d.parse().ok()?;
            if !(1..=31).contains(&d) || point.month.is_none() {
                return None;
            }
            point.day = Some(d);
        }
    }
    if parts.next().is_some() {
        return None;
    }
    Some(point)
}

/// The CSL date of a biblatex date field, or `None` when it is not a date.
pub(crate) fn edtf(text: &str) -> Option<Value> {
    let raw = text.trim();
    let mut circa = false;
    let strip = |s: &str, circa: &mut bool| -> String {
        let trimmed = s.trim_end_matches(['~', '?', '%']);
        if trimmed.len() != s.len() && s.ends_with(['~', '%']) {
            *circa = true;
        }
        trimmed.to_string()
    };
    let (start, end) = match raw.split_once('/') {
        Some((a, b)) => (a.trim(), Some(b.trim())),
        None => (raw, None),
    };
    let start_text = strip(start, &mut circa);
    let mut object = Map::new();
    let start_point = if start_text.is_empty() || start_text == ".." {
        None
    } else {
        Some(point(&start_text)?)
    };
    let end_point = match end {
        Some(e) => {
            let e = strip(e, &mut circa);
            if e.is_empty() || e == ".." {
                None
            } else {
                Some(point(&e)?)
            }
        }
        None => None,
    };
    let mut parts = Vec::new();
    match (start_point, end_point) {
        (Some(s), Some(e)) => {
            parts.push(s.parts());
            parts.push(e.parts());
        }
        (Some(s), None) => parts.push(s.parts()),
        // An open start (`../1986`): the end is all that is known.
        (None, Some(e)) => parts.push(e.parts()),
        (None, None) => return None,
    }
    object.insert("date-parts".into(), json!(parts));
    if let Some(season) = start_point.and_then(|p| p.season) {
        object.insert("season".into(), json!(season));
    }
    if circa {
        object.insert("circa".into(), json!(true));
    }
    object.insert("raw".into(), Value::String(raw.to_string()));
    Some(Value::Object(object))
}

/// The number of a month written as `3`, `03`, `mar`, `March`, `Mar.` (English, German,
/// French or Russian names as printed in `.bib` files).
pub(crate) fn month(text: &str) -> Option<u32> {
    let t = text.trim().trim_end_matches('.').to_lowercase();
    if let Ok(n) = t.parse::<u32>() {
        return (1..=12).contains(&n).then_some(n);
    }
    const NAMES: [&[&str]; 12] = [
        &[
            "jan",
            "january",
            "januar",
            "janvier",
            "январь",
            "января",
            "янв",
        ],
        &[
            "feb",
            "february",
            "februar",
            "février",
            "fevrier",
            "февраль",
            "февраля",
            "фев",
        ],
        &[
            "mar",
            "march",
            "märz",
            "maerz",
            "mars",
            "март",
            "марта",
            "мар",
        ],
        &["apr", "april", "avril", "апрель", "апреля", "апр"],
        &["may", "mai", "май", "мая"],
        &["jun", "june", "juni", "juin", "июнь", "июня", "июн"],
        &["jul", "july", "juli", "juillet", "июль", "июля", "июл"],
        &["aug", "august", "août", "aout", "август", "августа", "авг"],
        &[
            "sep",
            "sept",
            "september",
            "septembre",
            "сентябрь",
            "сентября",
            "сен",
        ],
        &[
            "oct",
            "october",
            "oktober",
            "octobre",
            "октябрь",
            "октября",
            "окт",
        ],
        &["nov", "november", "novembre", "ноябрь", "ноября", "ноя"],
        &[
            "dec",
            "december",
            "dezember",
            "décembre",
            "decembre",
            "декабрь",
            "декабря",
            "дек",
        ],
    ];
    NAMES
        .iter()
        .position(|names| names.contains(&t.as_str()))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// The CSL date of BibTeX's `year` (`1984`, `1984--1986` read as `1984–1986`), `month`
/// and `day`, with `endyear`/`endmonth`/`endday`; `None` when the year is not a number.
pub(crate) fn from_fields(
    year: &str,
    month_text: Option<&str>,
    day: Option<&str>,
    end: (Option<&str>, Option<&str>, Option<&str>),
) -> Option<Value> {
    let year = year.trim();
    let (start_year, range_end) = match year.split_once(['–', '/']) {
        Some((a, b)) => (a.trim(), Some(b.trim())),
        None => (year, None),
    };
    let y: i32 = start_year.parse().ok()?;
    let m = month_text.and_then(month);
    let d = day
        .and_then(|d| d.trim().parse::<u32>().ok())
        .filter(|d| (1..=31).contains(d));
    let start = Point {
        year: y,
        month: m,
        day: d.filter(|_| m.is_some()),
        season: None,
    };
    let end_year = range_end
        .or(end.0)
        .and_then(|e| e.trim().parse::<i32>().ok());
    let mut parts = vec![start.parts()];
    if let Some(ey) = end_year {
        let em = end.1.and_then(month);
        let ed = end.2.and_then(|d| d.trim().parse::<u32>().ok());
        let end_point = Point {
            year: ey,
            month: em,
            day: ed.filter(|_| em.is_some()),
            season: None,
        };
        parts.push(end_point.parts());
    }
    let mut raw = year.to_string();
    if let Some(m) = month_text {
        raw = format!("{raw}-{}", m.trim());
    }
    Some(json!({ "date-parts": parts, "raw": raw }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn biblatex_dates() {
        assert_eq!(
            edtf("1984/1986").unwrap()["date-parts"],
            json!([[1984], [1986]])
        );
        assert_eq!(
            edtf("2004-03-05").unwrap()["date-parts"],
            json!([[2004, 3, 5]])
        );
        assert_eq!(edtf("1850~").unwrap()["circa"], json!(true));
        assert_eq!(edtf("1984/..").unwrap()["date-parts"], json!([[1984]]));
        assert_eq!(
            edtf("-0044-03-15").unwrap()["date-parts"],
            json!([[-44, 3, 15]])
        );
        assert_eq!(edtf("2004-22").unwrap()["season"], json!(2));
        assert_eq!(
            edtf("2004-02-03T10:00:00").unwrap()["date-parts"],
            json!([[2004, 2, 3]])
        );
        assert_eq!(edtf("circa 1900"), None);
        assert_eq!(edtf("2004-13"), None);
    }

    #[test]
    fn bibtex_year_and_month() {
        assert_eq!(month("mar"), Some(3));
        assert_eq!(month("March"), Some(3));
        assert_eq!(month("Sept."), Some(9));
        assert_eq!(month("03"), Some(3));
        assert_eq!(month("марта"), Some(3));
        assert_eq!(month("13"), None);
        let d = from_fields("1984", Some("March"), Some("5"), (None, None, None)).unwrap();
        assert_eq!(d["date-parts"], json!([[1984, 3, 5]]));
        let d = from_fields("1984–1986", None, None, (None, None, None)).unwrap();
        assert_eq!(d["date-parts"], json!([[1984], [1986]]));
        assert_eq!(from_fields("n.d.", None, None, (None, None, None)), None);
    }
}
