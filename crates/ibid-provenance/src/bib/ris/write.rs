//! CSL-JSON items written as RIS, the tags Zotero and EndNote import; variables RIS has no
//! tag for go in `M2` lines in CSL's `variable: value` form, which the reader reads back.

use super::tags::{tables, Kind, TagRow};
use crate::bib::{DATE_FIELDS, NAME_FIELDS};
use serde_json::Value;
use std::fmt::Write as _;

/// The RIS text of `items` (CSL-JSON objects; other values are skipped), with the CRLF line
/// ends the RIS specification asks for: one `TY` … `ER`
/// record per item, with the item's `id` as `ID`.
pub fn write_ris(items: &[Value]) -> String {
    let mut out = String::new();
    for item in items {
        if let Some(object) = item.as_object() {
            write_record(&mut out, object);
        }
    }
    out
}

/// Whether `key` is a RIS tag kept under its own name by the reader (`L1`, `C3`).
fn is_tag(key: &str) -> bool {
    let b = key.as_bytes();
    b.len() == 2
        && b.first().is_some_and(u8::is_ascii_uppercase)
        && b.get(1)
            .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// A value as one line of text (line breaks would start a new tag).
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn line(out: &mut String, tag: &str, value: &str) {
    let value = one_line(value);
    if !value.is_empty() {
        let _ = write!(out, "{tag}  - {value}\r\n");
    }
}

/// A CSL name as RIS writes it: `Family, Given, Suffix`, particles before the family
/// name, `Family,` alone, or a literal as it is.
fn name(value: &Value) -> Option<String> {
    let get = |k: &str| {
        value
            .get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let Some(family) = get("family") else {
        return get("literal").or_else(|| get("given")).map(str::to_string);
    };
    let particle = get("non-dropping-particle").or_else(|| get("dropping-particle"));
    let family = match particle {
        Some(p) => format!("{p} {family}"),
        None => family.to_string(),
    };
    Some(match (get("given"), get("suffix")) {
        (Some(g), Some(s)) => format!("{family}, {g}, {s}"),
        (Some(g), None) => format!("{family}, {g}"),
        (None, Some(s)) => format!("{family}, , {s}"),
        (None, None) => format!("{family},"),
    })
}

/// The parts of a CSL date's start, when it has any.
fn start_parts(date: &Value) -> Option<Vec<i64>> {
    let first = date.get("date-parts")?.get(0)?.as_array()?;
    let parts: Vec<i64> = first
        .iter()
        .filter_map(|n| n.as_i64().or_else(|| n.as_str()?.trim().parse().ok()))
        .collect();
    (!parts.is_empty()).then_some(parts)
}

/// Whether a date is more than RIS can say (a range, or approximate).
fn is_complex(date: &Value) -> bool {
    date.get("date-parts")
        .and_then(Value::as_array)
        .is_some_and(|p| p.len() > 1)
        || date.get("circa").is_some()
}

/// A date as RIS's `YYYY/MM/DD/`, or as its text when it has no parts.
fn ris_date(date: &Value, year_only: bool) -> Option<String> {
    let Some(parts) = start_parts(date) else {
        return ["raw", "literal"]
            .iter()
            .find_map(|k| date.get(*k).and_then(Value::as_str))
            .map(str::to_string);
    };
    let year = parts.first()?;
    if year_only {
        return Some(format!("{year:04}"));
    }
    let two = |i: usize| parts.get(i).map(|n| format!("{n:02}")).unwrap_or_default();
    Some(format!("{year:04}/{}/{}/", two(1), two(2)))
}

/// A date in CSL's `variable: value` form: ISO 8601-2 (`1984/1986`, `1921-02-16`, `1850~`).
fn iso_date(date: &Value) -> Option<String> {
    let ranges = date.get("date-parts")?.as_array()?;
    let point = |p: &Value| -> Option<String> {
        let p = p.as_array()?;
        let mut s = format!("{:04}", p.first()?.as_i64()?);
        for n in p.iter().skip(1).take(2) {
            let _ = write!(s, "-{:02}", n.as_i64()?);
        }
        Some(s)
    };
    let mut s = ranges
        .iter()
        .map(point)
        .collect::<Option<Vec<_>>>()?
        .join("/");
    if date.get("circa").is_some() {
        s.push('~');
    }
    (!s.is_empty()).then_some(s)
}

fn write_record(out: &mut String, o: &serde_json::Map<String, Value>) {
    let t = tables();
    let csl_type = o.get("type").and_then(Value::as_str).unwrap_or("document");
    let ty = t.write_types.get(csl_type).copied().unwrap_or("GEN");
    let _ = write!(out, "TY  - {ty}\r\n");
    let text = |k: &str| -> Option<String> {
        match o.get(k)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    // The rows that hold a variable for this type, in the table's order; the variables
    // they cannot hold whole go in `M2` lines.
    let rows: Vec<&TagRow> = t
        .rows
        .iter()
        .filter(|r| {
            r.write
                && t.row(r.tag, ty)
                    .is_some_and(|own| own.variable == r.variable && own.kind == r.kind)
        })
        .collect();
    let mut written: Vec<&str> = vec!["type", "custom"];
    let page = text("page");
    let (first, last) = match page.as_deref().and_then(|p| p.split_once(['-', '–'])) {
        Some((a, b)) => (Some(a.trim().to_string()), Some(b.trim().to_string())),
        None => (page.clone(), None),
    };
    let page_fits = rows.iter().any(|r| r.kind == Kind::PageStart);
    for row in &rows {
        let variable = row.variable;
        // One tag per variable, except dates (DA and PY) and pages (SP and EP).
        let single = matches!(row.kind, Kind::Text | Kind::Name | Kind::List);
        if single && written.contains(&variable) {
            continue;
        }
        let mut whole = true;
        match row.kind {
            Kind::PageStart => {
                if let Some(p) = &first {
                    line(out, row.tag, p);
                }
            }
            // Without a first-page tag for this type (SP is a book's page count) the
            // range goes in an `M2` line.
            Kind::PageEnd if !page_fits => continue,
            Kind::PageEnd => {
                if let Some(p) = &last {
                    line(out, row.tag, p);
                }
            }
            Kind::Name => {
                for n in o
                    .get(variable)
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    if let Some(n) = name(n) {
                        line(out, row.tag, &n);
                    }
                }
            }
            Kind::Date | Kind::Year => {
                let Some(date) = o.get(variable) else {
                    continue;
                };
                // RIS has no ranges or approximate dates: the year is written, the
                // whole date goes in an `M2` line.
                whole = !is_complex(date);
                if whole || row.kind == Kind::Year {
                    if let Some(d) = ris_date(date, row.kind == Kind::Year) {
                        line(out, row.tag, &d);
                    }
                }
            }
            Kind::List => {
                if let Some(list) = text(variable) {
                    for item in list.split(", ") {
                        line(out, row.tag, item);
                    }
                }
            }
            Kind::Text => {
                if let Some(value) = text(variable) {
                    line(out, row.tag, &value);
                }
            }
        }
        if whole {
            written.push(variable);
        } else {
            written.retain(|w| *w != variable);
        }
    }
    // A date written whole by one tag is not undone by another (`PY` after `DA`).
    if o.get("issued").is_some_and(is_complex) {
        written.retain(|w| *w != "issued");
    }
    // Everything else: RIS tags read with no variable as themselves, CSL variables in
    // `M2  - variable: value` lines (Zotero's Extra field, which citeproc-js reads too).
    for (key, value) in o {
        if written.contains(&key.as_str()) {
            continue;
        }
        if is_tag(key) {
            match value {
                Value::Array(list) => {
                    for v in list.iter().filter_map(Value::as_str) {
                        line(out, key, v);
                    }
                }
                Value::String(s) => line(out, key, s),
                _ => {}
            }
            continue;
        }
        if NAME_FIELDS.contains(&key.as_str()) {
            for n in value.as_array().into_iter().flatten() {
                // citeproc-js's `Family || Given`, with a suffix as a third part.
                let get = |k: &str| n.get(k).and_then(Value::as_str);
                let entry = match (name(n), get("family")) {
                    (Some(_), Some(f)) => {
                        let family = match get("non-dropping-particle").or(get("dropping-particle"))
                        {
                            Some(p) => format!("{p} {f}"),
                            None => f.to_string(),
                        };
                        let mut e = format!("{family} || {}", get("given").unwrap_or(""));
                        if let Some(s) = get("suffix") {
                            e.push_str(" || ");
                            e.push_str(s);
                        }
                        e.trim_end().to_string()
                    }
                    (Some(literal), None) => literal,
                    (None, _) => continue,
                };
                line(out, "M2", &format!("{key}: {entry}"));
            }
            continue;
        }
        if DATE_FIELDS.contains(&key.as_str()) {
            if let Some(d) = iso_date(value).or_else(|| ris_date(value, false)) {
                line(out, "M2", &format!("{key}: {d}"));
            }
            continue;
        }
        if let Some(s) = match value {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        } {
            line(out, "M2", &format!("{key}: {s}"));
        }
    }
    out.push_str("ER  - \r\n\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_and_dates() {
        assert_eq!(
            name(&json!({"family": "Smith", "given": "John", "suffix": "Jr."})).unwrap(),
            "Smith, John, Jr."
        );
        assert_eq!(
            name(&json!({"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"}))
                .unwrap(),
            "van Gogh, Vincent"
        );
        assert_eq!(name(&json!({"family": "Plato"})).unwrap(), "Plato,");
        assert_eq!(name(&json!({"literal": "RGASPI"})).unwrap(), "RGASPI");
        assert_eq!(
            ris_date(&json!({"date-parts": [[1921, 2, 16]]}), false).unwrap(),
            "1921/02/16/"
        );
        assert_eq!(
            ris_date(&json!({"date-parts": [[1921]]}), false).unwrap(),
            "1921///"
        );
        assert_eq!(
            ris_date(&json!({"date-parts": [[1921, 2]]}), true).unwrap(),
            "1921"
        );
        assert_eq!(
            iso_date(&json!({"date-parts": [[1984], [1986]]})).unwrap(),
            "1984/1986"
        );
    }
}
