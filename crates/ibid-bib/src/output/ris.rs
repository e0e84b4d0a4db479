//! The entries exported as RIS, the tagged format Zotero and EndNote import: `TY` first,
//! `ER` last, one `TAG  - value` a line, names as `Family, Given`, dates as `YYYY/MM/DD/`,
//! the archive in `DB` and its place in `AN` (as Zotero's RIS translator maps them).

use super::csljson::export_items;
use crate::collection::Collection;
use serde_json::{Map, Value};

/// The RIS reference type for a CSL type.
pub fn ris_type(csl_type: &str) -> &'static str {
    match csl_type {
        "article-journal" | "article" => "JOUR",
        "article-magazine" => "MGZN",
        "article-newspaper" => "NEWS",
        "book" => "BOOK",
        "chapter" => "CHAP",
        "entry-encyclopedia" => "ENCYC",
        "entry-dictionary" => "DICT",
        "paper-conference" => "CPAPER",
        "thesis" => "THES",
        "report" => "RPRT",
        "webpage" | "post-weblog" | "post" => "ELEC",
        "manuscript" => "MANSCPT",
        "personal_communication" => "PCOMM",
        "map" => "MAP",
        "patent" => "PAT",
        "legislation" => "STAT",
        "legal_case" => "CASE",
        "dataset" => "DATA",
        "software" => "COMP",
        "pamphlet" => "PAMP",
        _ => "GEN",
    }
}

/// A RIS value: one line, no leading or trailing blanks.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn push(out: &mut String, tag: &str, value: &str) {
    let value = one_line(value);
    if !value.is_empty() {
        out.push_str(tag);
        out.push_str("  - ");
        out.push_str(&value);
        out.push_str("\r\n");
    }
}

/// `Family, Given` (or the literal name).
fn name(n: &Value) -> Option<String> {
    let get = |k: &str| n.get(k).and_then(Value::as_str).filter(|s| !s.is_empty());
    if let Some(literal) = get("literal") {
        return Some(literal.to_string());
    }
    let family = get("family")?;
    let family = match get("non-dropping-particle") {
        Some(p) => format!("{p} {family}"),
        None => family.to_string(),
    };
    Some(match (get("given"), get("suffix")) {
        (Some(g), Some(s)) => format!("{family}, {g}, {s}"),
        (Some(g), None) => format!("{family}, {g}"),
        (None, _) => family,
    })
}

/// The first date of a CSL date as RIS writes it: `YYYY/MM/DD/` (parts it lacks empty).
fn date(value: &Value) -> Option<(String, String)> {
    let parts: Vec<i64> = value
        .get("date-parts")?
        .get(0)?
        .as_array()?
        .iter()
        .filter_map(|p| p.as_i64().or_else(|| p.as_str()?.trim().parse().ok()))
        .collect();
    let year = *parts.first()?;
    let month = parts.get(1).map(|m| format!("{m:02}")).unwrap_or_default();
    let day = parts.get(2).map(|d| format!("{d:02}")).unwrap_or_default();
    Some((format!("{year:04}"), format!("{year:04}/{month}/{day}/")))
}

fn scalar(item: &Map<String, Value>, key: &str) -> Option<String> {
    match item.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// One reference in RIS.
fn reference(item: &Map<String, Value>, out: &mut String) {
    let csl_type = item.get("type").and_then(Value::as_str).unwrap_or("");
    let ty = ris_type(csl_type);
    push(out, "TY", ty);
    if let Some(id) = scalar(item, "id") {
        push(out, "ID", &id);
    }
    let names = |key: &str| -> Vec<String> {
        item.get(key)
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(name).collect())
            .unwrap_or_default()
    };
    for n in names("author") {
        push(out, "AU", &n);
    }
    // Editors of a book are A3, of a part of something A2 (Zotero's mapping).
    let editor_tag = if ty == "BOOK" { "A3" } else { "A2" };
    for n in names("editor") {
        push(out, editor_tag, &n);
    }
    for n in names("translator") {
        push(out, "A4", &n);
    }
    let pairs: [(&str, &str); 17] = [
        ("title", "TI"),
        ("container-title", "T2"),
        ("collection-title", "T3"),
        ("volume", "VL"),
        ("issue", "IS"),
        ("edition", "ET"),
        ("publisher", "PB"),
        ("publisher-place", "CY"),
        ("number-of-pages", "SP"),
        ("DOI", "DO"),
        ("URL", "UR"),
        ("language", "LA"),
        ("archive", "DB"),
        ("archive_location", "AN"),
        ("call-number", "CN"),
        ("note", "N1"),
        ("genre", "M3"),
    ];
    for (key, tag) in pairs {
        if key == "number-of-pages" && item.contains_key("page") {
            continue;
        }
        if let Some(v) = scalar(item, key) {
            push(out, tag, &v);
        }
    }
    if let Some(isbn) = scalar(item, "ISBN").or_else(|| scalar(item, "ISSN")) {
        push(out, "SN", &isbn);
    }
    if let Some(number) = scalar(item, "number") {
        push(out, "M1", &number);
    }
    if let Some(page) = scalar(item, "page") {
        let mut ends = page.splitn(2, ['-', '–', '—']);
        let start = ends.next().unwrap_or("").trim();
        push(out, "SP", start);
        if let Some(end) = ends.next() {
            push(out, "EP", end.trim_start_matches(['-', '–', '—']).trim());
        }
    }
    if let Some((year, full)) = item.get("issued").and_then(date) {
        push(out, "PY", &year);
        push(out, "DA", &full);
    }
    if let Some((_, full)) = item.get("accessed").and_then(date) {
        push(out, "Y2", &full);
    }
    out.push_str("ER  - \r\n");
}

/// The sources of `collection` as RIS (CRLF line ends, as the format's specification has).
pub fn ris(collection: &Collection) -> String {
    let mut out = String::new();
    for (i, item) in export_items(collection).iter().enumerate() {
        if i > 0 {
            out.push_str("\r\n");
        }
        reference(item, &mut out);
    }
    out
}
