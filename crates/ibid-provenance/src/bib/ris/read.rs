//! RIS files read record by record: lines into `TY` … `ER` records (continuation lines
//! joined), then each record into a CSL item with its line. A broken record is reported
//! and the others are read.

use super::tags::{tables, Kind};
use crate::bib::bibtex::edtf;
use crate::bib::languages::language_tag;
use crate::bib::{
    date_parts, item_from_json, BibEntry, BibFormat, DATE_FIELDS, NAME_FIELDS, TEXT_VARIABLES,
};
use crate::error::{LoadError, LoadErrorKind};
use crate::source_file::SourceFile;
use ibid_parse::Span;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// One tag line of a record (with its continuation lines joined).
struct Field<'a> {
    tag: &'a str,
    value: String,
    span: Span,
}

/// A `TY` … `ER` record.
struct Record<'a> {
    ty: &'a str,
    /// From the `TY` line to the end of the `ER` line (or of the last line read).
    span: Span,
    fields: Vec<Field<'a>>,
}

/// The tag and the value's offset in `line`, when it is a tag line (`AU  - Smith, John`).
fn tag_line(line: &str) -> Option<(&str, usize)> {
    let bytes = line.as_bytes();
    let (first, second) = (*bytes.first()?, *bytes.get(1)?);
    if !first.is_ascii_uppercase() || !(second.is_ascii_uppercase() || second.is_ascii_digit()) {
        return None;
    }
    let spaces = bytes
        .get(2..)
        .unwrap_or(&[])
        .iter()
        .take_while(|b| **b == b' ')
        .count();
    if spaces > 3 || bytes.get(2 + spaces) != Some(&b'-') {
        return None;
    }
    let after = 3 + spaces;
    match bytes.get(after) {
        None => Some((line.get(..2)?, after)),
        Some(b' ') => Some((line.get(..2)?, after + 1)),
        Some(_) => None,
    }
}

/// A problem with the file's structure (records and their `TY`/`ER` lines) at byte `at`.
fn structure_error(file: &SourceFile, at: usize, message: impl Into<String>) -> LoadError {
    LoadError::at(LoadErrorKind::BadEntry, file, Span::empty(at), message)
        .with_help("each record starts with `TY  - ` and ends with `ER  - `, one tag per line")
}

/// Split `text` into records; problems with the file's structure are reported.
fn records<'a>(file: &SourceFile, text: &'a str, errors: &mut Vec<LoadError>) -> Vec<Record<'a>> {
    let mut out: Vec<Record<'a>> = Vec::new();
    let mut open: Option<Record<'a>> = None;
    let mut offset = 0;
    let mut stray_reported = false;
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let mut line = raw.trim_end_matches(['\n', '\r']);
        let mut line_start = start;
        if start == 0 {
            if let Some(rest) = line.strip_prefix('\u{feff}') {
                line = rest;
                line_start = 3;
            }
        }
        let line_end = line_start + line.len();
        match tag_line(line) {
            Some(("TY", at)) => {
                if let Some(previous) = open.take() {
                    errors.push(structure_error(
                        file,
                        line_start,
                        format!(
                            "the record that starts on line {} has no `ER  - ` before this `TY`",
                            file.line_col(previous.span.start).line
                        ),
                    ));
                    out.push(previous);
                }
                open = Some(Record {
                    ty: line.get(at..).unwrap_or("").trim(),
                    span: Span::new(line_start, line_end),
                    fields: Vec::new(),
                });
                stray_reported = false;
            }
            Some(("ER", _)) => match open.take() {
                Some(mut record) => {
                    record.span = Span::new(record.span.start, line_end);
                    out.push(record);
                }
                None => errors.push(structure_error(
                    file,
                    line_start,
                    "`ER  - ` with no record open",
                )),
            },
            Some((tag, at)) => match open.as_mut() {
                Some(record) => {
                    let value = line.get(at..).unwrap_or("").trim();
                    record.fields.push(Field {
                        tag,
                        value: value.to_string(),
                        span: Span::new(line_start + at, line_end),
                    });
                    record.span = Span::new(record.span.start, line_end);
                }
                None if !stray_reported => {
                    stray_reported = true;
                    errors.push(
                        structure_error(
                            file,
                            line_start,
                            format!(
                                "`{tag}` comes before any `TY`: the lines up to the next `TY` are not read"
                            ),
                        ),
                    );
                }
                None => {}
            },
            None if line.trim().is_empty() => {}
            None => match open.as_mut() {
                // A line without a tag continues the value before it (a long abstract).
                Some(record) => {
                    if let Some(last) = record.fields.last_mut() {
                        last.value.push(' ');
                        last.value.push_str(line.trim());
                        last.span = Span::new(last.span.start, line_end);
                    }
                    record.span = Span::new(record.span.start, line_end);
                }
                None if !stray_reported => {
                    stray_reported = true;
                    errors.push(structure_error(
                        file,
                        line_start,
                        "text outside a record: the lines up to the next `TY` are not read",
                    ));
                }
                None => {}
            },
        }
    }
    if let Some(record) = open {
        errors.push(structure_error(
            file,
            text.len(),
            format!(
                "the record that starts on line {} has no `ER  - ` at the end of the file",
                file.line_col(record.span.start).line
            ),
        ));
        out.push(record);
    }
    out
}

/// A RIS name (`Family, Given, Suffix`; one without a comma is kept whole) as CSL.
fn name(value: &str) -> Value {
    let mut parts = value.splitn(3, ',').map(str::trim);
    let family = parts.next().unwrap_or("");
    let Some(given) = parts.next() else {
        return json!({ "literal": value.trim() });
    };
    let mut o = Map::new();
    o.insert("family".into(), json!(family));
    if !given.is_empty() {
        o.insert("given".into(), json!(given));
    }
    if let Some(suffix) = parts.next().filter(|s| !s.is_empty()) {
        o.insert("suffix".into(), json!(suffix));
    }
    Value::Object(o)
}

/// A RIS date (`2008/02/16/`, `1998///Spring`, `2008-02-16`, `2008`) as CSL; text that is
/// no such date is kept as `raw` for the CSL-JSON reader to try.
fn date(value: &str, year_only: bool) -> Value {
    let raw = value.trim();
    let parts: Vec<&str> = if raw.contains('/') {
        raw.split('/').collect()
    } else {
        raw.split('-').collect()
    };
    let mut numbers = Vec::new();
    for (i, p) in parts.iter().enumerate().take(3) {
        let p = p.trim();
        if p.is_empty() {
            break;
        }
        match p.parse::<i32>() {
            Ok(n) if i == 0 || (n > 0 && ((i == 1 && n <= 12) || (i == 2 && n <= 31))) => {
                numbers.push(n)
            }
            _ => {
                numbers.clear();
                break;
            }
        }
        if year_only {
            break;
        }
    }
    if numbers.is_empty() || !parts.first().is_some_and(|y| y.trim().len() >= 3) {
        return json!({ "raw": raw });
    }
    json!({ "date-parts": [numbers], "raw": raw })
}

/// A language name (`English`, `Russian`) as its BCP 47 tag; a tag or anything else as it is.
fn language(value: &str) -> String {
    language_tag(value).map_or_else(|| value.trim().to_string(), str::to_string)
}

/// What a line of Zotero's Extra field in CSL's `variable: value` form holds.
enum Cheater {
    /// One name of a name variable (`author: Family || Given`).
    Name(String, Value),
    /// A date (`original-date: 1921-02-16`, `issued: 1984/1986`).
    Date(String, Value),
    /// Any other variable.
    Text(String, String),
}

/// Read an `M2` line in CSL's `variable: value` form.
fn cheater(value: &str) -> Option<Cheater> {
    let (key, rest) = value.split_once(':')?;
    let (key, rest) = (key.trim(), rest.trim());
    if rest.is_empty() {
        return None;
    }
    if NAME_FIELDS.contains(&key) {
        let mut parts = rest.splitn(3, "||").map(str::trim);
        let family = parts.next().unwrap_or("");
        let name = match (parts.next(), parts.next()) {
            (None, _) => json!({ "literal": rest }),
            (Some(given), suffix) => {
                let mut o = Map::new();
                o.insert("family".into(), json!(family));
                if !given.is_empty() {
                    o.insert("given".into(), json!(given));
                }
                if let Some(s) = suffix.filter(|s| !s.is_empty()) {
                    o.insert("suffix".into(), json!(s));
                }
                Value::Object(o)
            }
        };
        return Some(Cheater::Name(key.to_string(), name));
    }
    if DATE_FIELDS.contains(&key) {
        let d = edtf(rest).unwrap_or_else(|| date(rest, false));
        return Some(Cheater::Date(key.to_string(), d));
    }
    TEXT_VARIABLES
        .contains(&key)
        .then(|| Cheater::Text(key.to_string(), rest.to_string()))
}

/// Keep `value` of a tag with no variable (or a repeated one) under the tag's name; a tag
/// met again makes a list.
fn keep(extra: &mut BTreeMap<String, Value>, tag: &str, value: &str) {
    match extra.get_mut(tag) {
        Some(Value::Array(list)) => list.push(json!(value)),
        Some(other) => *other = json!([other.clone(), value]),
        None => {
            extra.insert(tag.to_string(), json!(value));
        }
    }
}

/// What one record reads as: its CSL variables, the fields with no variable, its `ID`.
struct Item {
    object: Map<String, Value>,
    extra: BTreeMap<String, Value>,
    id: Option<String>,
}

fn convert(file: &SourceFile, record: &Record, errors: &mut Vec<LoadError>) -> Item {
    let t = tables();
    let ty = record.ty;
    let csl_type = match t.read_types.get(ty) {
        Some(csl) => *csl,
        None => {
            errors.push(
                LoadError::at(
                    LoadErrorKind::InvalidValue,
                    file,
                    Span::new(record.span.start, record.span.start + 2),
                    format!("unknown RIS type `{ty}`: the record is read as a document"),
                )
                .with_help(
                    "RIS types include BOOK, CHAP, JOUR, THES, RPRT, MANSCPT, PCOMM, GEN, ELEC",
                ),
            );
            "document"
        }
    };
    let mut o = Map::new();
    o.insert("type".into(), json!(csl_type));
    let mut extra: BTreeMap<String, Value> = BTreeMap::new();
    let mut lists: HashMap<&str, Vec<String>> = HashMap::new();
    let mut names: HashMap<&str, Vec<Value>> = HashMap::new();
    let (mut first_page, mut last_page) = (None, None);
    let mut id = None;
    let has_end_page = record.fields.iter().any(|f| f.tag == "EP");
    let mut cheaters: Vec<(Cheater, &str)> = Vec::new();
    for field in &record.fields {
        let value = field.value.as_str();
        if value.is_empty() {
            continue;
        }
        if field.tag == "M2" {
            match cheater(value) {
                Some(c) => cheaters.push((c, value)),
                None => keep(&mut extra, "M2", value),
            }
            continue;
        }
        let Some(row) = t.row(field.tag, ty) else {
            keep(&mut extra, field.tag, value);
            continue;
        };
        let variable = row.variable;
        match row.kind {
            _ if variable == "id" => {
                id.get_or_insert_with(|| value.to_string());
            }
            _ if variable == "number-of-pages" && has_end_page => first_page = Some(value),
            Kind::Name => names.entry(variable).or_default().push(name(value)),
            Kind::List => lists.entry(variable).or_default().push(value.to_string()),
            Kind::PageStart => first_page = Some(value),
            Kind::PageEnd => last_page = Some(value),
            Kind::Date | Kind::Year => {
                let d = date(value, row.kind == Kind::Year);
                if d.get("date-parts").is_none() && date_parts(value).is_empty() {
                    errors.push(
                        LoadError::at(
                            LoadErrorKind::InvalidDate,
                            file,
                            field.span,
                            format!("`{}` is not a date: `{value}`", field.tag),
                        )
                        .with_help("write dates as YYYY/MM/DD/ (RIS) or YYYY-MM-DD"),
                    );
                }
                // A fuller date (DA) replaces a year (PY); a year never replaces a date.
                let length = |v: &Value| {
                    v.pointer("/date-parts/0")
                        .and_then(Value::as_array)
                        .map_or(0, Vec::len)
                };
                let replace = row.kind == Kind::Date
                    && o.get(variable).is_some_and(|old| length(old) < length(&d));
                if replace || !o.contains_key(variable) {
                    o.insert(variable.to_string(), d);
                }
            }
            Kind::Text => {
                if o.contains_key(variable) {
                    keep(&mut extra, field.tag, value);
                } else {
                    let text = if variable == "language" {
                        language(value)
                    } else {
                        value.to_string()
                    };
                    o.insert(variable.to_string(), Value::String(text));
                }
            }
        }
    }
    // `M2` lines in CSL's form: a date there is the whole date (RIS's own date tags
    // cannot hold ranges); names and text fill variables no tag gave.
    let mut cheater_names: Vec<(String, Vec<Value>)> = Vec::new();
    for (c, line) in cheaters {
        match c {
            Cheater::Date(key, d) => {
                o.insert(key, d);
            }
            Cheater::Name(key, n) if !names.contains_key(key.as_str()) && !o.contains_key(&key) => {
                match cheater_names.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, list)) => list.push(n),
                    None => cheater_names.push((key, vec![n])),
                }
            }
            Cheater::Text(key, text) if !o.contains_key(&key) => {
                o.insert(key, Value::String(text));
            }
            _ => keep(&mut extra, "M2", line),
        }
    }
    for (variable, list) in names {
        o.entry(variable.to_string()).or_insert(Value::Array(list));
    }
    for (variable, list) in cheater_names {
        o.entry(variable).or_insert(Value::Array(list));
    }
    for (variable, list) in lists {
        o.entry(variable.to_string())
            .or_insert(json!(list.join(", ")));
    }
    let page = match (first_page, last_page) {
        (Some(a), Some(b)) => Some(format!("{a}-{b}")),
        (Some(a), _) => Some(a.to_string()),
        (None, Some(b)) => Some(b.to_string()),
        (None, None) => None,
    };
    if let Some(p) = page {
        o.entry("page".to_string()).or_insert(json!(p));
    }
    Item {
        object: o,
        extra,
        id,
    }
}

/// A key for a record with no `ID`, made unique in the file with a letter (`smith2004b`).
fn derived_key(o: &Map<String, Value>, used: &mut HashMap<String, usize>) -> String {
    let first_name = ["author", "editor"].iter().find_map(|k| {
        let n = o.get(*k)?.as_array()?.first()?;
        n.get("family")
            .or_else(|| n.get("literal"))?
            .as_str()
            .map(str::to_string)
    });
    let year = o
        .get("issued")
        .and_then(|d| d.get("date-parts"))
        .and_then(|p| p.get(0))
        .and_then(|p| p.get(0))
        .and_then(Value::as_i64)
        .and_then(|y| i32::try_from(y).ok());
    let title = o.get("title").and_then(Value::as_str);
    let base = ibid_parse::csl::item_key(first_name.as_deref(), year, title);
    let count = used.entry(base.clone()).or_insert(0);
    *count += 1;
    match *count {
        1 => base,
        n => {
            let letter = char::from_u32(u32::try_from(n).unwrap_or(1) + u32::from(b'a') - 1)
                .filter(char::is_ascii_lowercase);
            match letter {
                Some(l) => format!("{base}{l}"),
                None => format!("{base}-{n}"),
            }
        }
    }
}

pub(crate) fn parse(path: &Path, text: &str) -> (Vec<BibEntry>, Vec<LoadError>) {
    let file = SourceFile::new(path, text.to_string());
    let mut errors = Vec::new();
    let records = records(&file, text, &mut errors);
    let mut used = HashMap::new();
    let mut entries = Vec::with_capacity(records.len());
    for record in &records {
        let item = convert(&file, record, &mut errors);
        let key = match item.id.clone() {
            Some(id) => id,
            None => derived_key(&item.object, &mut used),
        };
        match item_from_json(item.object) {
            Ok((mut csl, mut extra)) => {
                csl.id = Some(key.clone().into());
                extra.extend(item.extra);
                entries.push(BibEntry {
                    key,
                    item: csl,
                    extra,
                    file: file.path.clone(),
                    format: BibFormat::Ris,
                    span: record.span,
                    position: file.line_col(record.span.start),
                });
            }
            Err(e) => errors.push(LoadError::at(
                LoadErrorKind::BadEntry,
                &file,
                record.span,
                format!("RIS record `{key}` cannot be read: {e}"),
            )),
        }
    }
    errors.sort_by_key(|e| e.span.map(|s| s.start));
    (entries, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_lines() {
        assert_eq!(tag_line("TY  - JOUR"), Some(("TY", 6)));
        assert_eq!(tag_line("ER  -"), Some(("ER", 5)));
        assert_eq!(tag_line("ER  - "), Some(("ER", 6)));
        assert_eq!(tag_line("A1 - Smith"), Some(("A1", 5)));
        assert_eq!(tag_line("AB-testing is common"), None);
        assert_eq!(tag_line("ty  - JOUR"), None);
        assert_eq!(tag_line("T"), None);
    }

    #[test]
    fn dates_and_names() {
        assert_eq!(
            date("2008/02/16/", false)["date-parts"],
            json!([[2008, 2, 16]])
        );
        assert_eq!(date("1998///Spring", false)["date-parts"], json!([[1998]]));
        assert_eq!(date("2008-02", false)["date-parts"], json!([[2008, 2]]));
        assert_eq!(date("2008/02/16", true)["date-parts"], json!([[2008]]));
        assert_eq!(date("Spring 1998", false).get("date-parts"), None);
        assert_eq!(
            name("Smith, John, Jr."),
            json!({"family": "Smith", "given": "John", "suffix": "Jr."})
        );
        assert_eq!(name("Plato,"), json!({"family": "Plato"}));
        assert_eq!(
            name("World Health Organization"),
            json!({"literal": "World Health Organization"})
        );
    }
}
