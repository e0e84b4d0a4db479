//! ibid's own bibliography format: TOML tables keyed by citation key (or `[[entry]]` with
//! `id`), holding CSL-JSON variables; names may be `"Family, Given"` strings.

use super::variables::NAME_FIELDS;
use super::{item_from_json, BibEntry, BibFormat};
use crate::error::{LoadError, LoadErrorKind};
use crate::source_file::SourceFile;
use ibid_parse::{Name, Span};
use serde_json::{json, Map, Value};
use std::path::Path;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

pub(super) fn parse(path: &Path, text: &str) -> (Vec<BibEntry>, Vec<LoadError>) {
    let file = SourceFile::new(path, text.to_string());
    let skip = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let (table, toml_errors) = DeTable::parse_recoverable(text.get(skip..).unwrap_or(""));
    let mut errors: Vec<LoadError> = toml_errors
        .into_iter()
        .map(|e| {
            let r = e.span().unwrap_or(0..0);
            LoadError::at(
                LoadErrorKind::Toml,
                &file,
                Span::new(r.start + skip, r.end + skip),
                format!("malformed TOML: {}", e.message().trim()),
            )
            .with_help("each entry is a table: [key] then `field = \"value\"` lines")
        })
        .collect();
    let mut entries = Vec::new();
    let mut items: Vec<(&Spanned<std::borrow::Cow<'_, str>>, &Spanned<DeValue<'_>>)> =
        table.get_ref().iter().collect();
    items.sort_by_key(|(k, _)| k.span().start);
    for (key, value) in items {
        let key_span = Span::new(key.span().start + skip, key.span().end + skip);
        if key.get_ref() == "entry" {
            if let DeValue::Array(list) = value.get_ref() {
                for item in list.iter() {
                    let span = Span::new(item.span().start + skip, item.span().end + skip);
                    let id = item
                        .get_ref()
                        .as_table()
                        .and_then(|t| t.get("id"))
                        .and_then(|v| v.get_ref().as_str())
                        .map(str::to_string);
                    match id {
                        Some(id) => entry(&file, &id, item, span, &mut entries, &mut errors),
                        None => errors.push(
                            LoadError::at(
                                LoadErrorKind::BadEntry,
                                &file,
                                span,
                                "[[entry]] has no `id`",
                            )
                            .with_help("write id = \"citation-key\" in each [[entry]]"),
                        ),
                    }
                }
                continue;
            }
        }
        entry(
            &file,
            key.get_ref(),
            value,
            key_span,
            &mut entries,
            &mut errors,
        );
    }
    (entries, errors)
}

fn entry(
    file: &SourceFile,
    key: &str,
    value: &Spanned<DeValue<'_>>,
    span: Span,
    entries: &mut Vec<BibEntry>,
    errors: &mut Vec<LoadError>,
) {
    let Some(table) = value.get_ref().as_table() else {
        errors.push(
            LoadError::at(
                LoadErrorKind::BadEntry,
                file,
                span,
                format!("`{key}` is not a table"),
            )
            .with_help(format!("write [{key}] on its own line, then its fields")),
        );
        return;
    };
    let mut object = Map::new();
    for (field, v) in table.iter() {
        let name = field.get_ref().as_ref();
        let json = if NAME_FIELDS.contains(&name) {
            names_json(v.get_ref())
        } else {
            to_json(v.get_ref())
        };
        object.insert(name.to_string(), json);
    }
    match item_from_json(object) {
        Ok((mut item, extra)) => {
            item.id = Some(key.to_string().into());
            entries.push(BibEntry {
                key: key.to_string(),
                item,
                extra,
                file: file.path.clone(),
                format: BibFormat::Toml,
                span,
                position: file.line_col(span.start),
            });
        }
        Err(e) => errors.push(
            LoadError::at(LoadErrorKind::BadEntry, file, span, format!("entry `{key}` cannot be read: {e}"))
                .with_help("fields are CSL variables: strings, names as \"Family, Given\", dates as \"1921-02-16\""),
        ),
    }
}

/// A TOML value as JSON (dates as their text).
pub(crate) fn to_json(value: &DeValue<'_>) -> Value {
    match value {
        DeValue::String(s) => Value::String(s.to_string()),
        DeValue::Integer(i) => i
            .as_str()
            .replace('_', "")
            .parse::<i64>()
            .map_or_else(|_| Value::String(i.as_str().to_string()), Value::from),
        DeValue::Float(f) => Value::String(f.as_str().to_string()),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(d) => Value::String(d.to_string()),
        DeValue::Array(a) => Value::Array(a.iter().map(|v| to_json(v.get_ref())).collect()),
        DeValue::Table(t) => Value::Object(
            t.iter()
                .map(|(k, v)| (k.get_ref().to_string(), to_json(v.get_ref())))
                .collect(),
        ),
    }
}

/// A name variable as CSL-JSON: a list of `{family, given}` or `{literal}` objects.
fn names_json(value: &DeValue<'_>) -> Value {
    match value {
        DeValue::Array(a) => Value::Array(a.iter().map(|v| one_name(v.get_ref())).collect()),
        other => Value::Array(vec![one_name(other)]),
    }
}

fn one_name(value: &DeValue<'_>) -> Value {
    match value {
        DeValue::String(s) => name_from_text(s),
        other => to_json(other),
    }
}

/// Labels such as `Unknown translator` stay whole; `"Family, Given"` splits at the comma; other names go through `ibid_parse::parse_names`
/// and are kept whole (`literal`) unless they read as exactly one personal name.
/// Whether a name is a placeholder (`Unknown translator`, `Anonymous`, `Неизвестный`,
/// `unbekannt`, `inconnu`) rather than a person's or body's name.
pub(crate) fn is_placeholder(s: &str) -> bool {
    let lower = s.to_lowercase();
    [
        "unknown",
        "anonym",
        "unidentified",
        "неизвест",
        "аноним",
        "unbekannt",
        "inconnu",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

pub(crate) fn name_from_text(s: &str) -> Value {
    let s = s.trim();
    if is_placeholder(s) {
        return json!({ "literal": s });
    }
    if let Some((family, given)) = s.split_once(',') {
        if !family.trim().is_empty() && !given.trim().is_empty() && !given.contains(',') {
            return json!({ "family": family.trim(), "given": given.trim() });
        }
    }
    let parsed = ibid_parse::parse_names(s);
    if let [Name::Personal {
        family,
        given,
        particle,
        span,
    }] = parsed.value.names.as_slice()
    {
        if span.slice(s) == s {
            let mut o = Map::new();
            o.insert("family".into(), Value::String(family.slice(s).to_string()));
            if let Some(g) = given {
                o.insert("given".into(), Value::String(g.slice(s).to_string()));
            }
            if let Some(p) = particle {
                o.insert(
                    "non-dropping-particle".into(),
                    Value::String(p.slice(s).to_string()),
                );
            }
            return Value::Object(o);
        }
    }
    json!({ "literal": s })
}
