//! Bibliographies: the entries that `[source] key` and pandoc `@key` refer to, read from
//! ibid TOML, BibTeX/BibLaTeX or CSL-JSON files into CSL items; one bad entry never hides the rest.

mod bibtex;
mod csljson;
mod languages;
mod ris;
pub(crate) mod toml_bib;
mod variables;

pub(crate) use variables::TEXT_VARIABLES;
pub use variables::{csl_variables_only, DATE_FIELDS, NAME_FIELDS};

pub use bibtex::write::{write_bibtex, BibtexDialect};
pub use ris::write::write_ris;

use crate::error::{LoadError, LoadErrorKind, Loaded};
use crate::line_index::LineCol;
use crate::suggest::closest;
use ibid_parse::csl::CslItem;
use ibid_parse::Span;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// The format of a bibliography file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BibFormat {
    /// ibid's own TOML (`.toml`).
    Toml,
    /// BibTeX or BibLaTeX (`.bib`).
    Bibtex,
    /// CSL-JSON (`.json`): an array of items.
    CslJson,
    /// RIS (`.ris`), as Zotero and EndNote export it.
    Ris,
}

impl BibFormat {
    /// The format a file's extension names.
    pub fn from_path(path: &Path) -> Option<BibFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "toml" => Some(BibFormat::Toml),
            "bib" | "bibtex" | "biblatex" => Some(BibFormat::Bibtex),
            "json" => Some(BibFormat::CslJson),
            "ris" => Some(BibFormat::Ris),
            _ => None,
        }
    }
}

/// One bibliography entry, as a CSL item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BibEntry {
    /// The citation key.
    pub key: String,
    /// The entry as CSL-JSON variables (its `id` is the key).
    pub item: CslItem<'static>,
    /// Fields that have no place in [`CslItem`], kept as CSL-JSON values.
    pub extra: BTreeMap<String, serde_json::Value>,
    /// The file it was read from.
    pub file: PathBuf,
    /// The format of that file.
    pub format: BibFormat,
    /// The entry in the file.
    pub span: Span,
    /// Line and column of the entry's start.
    pub position: LineCol,
}

impl BibEntry {
    /// The entry as a CSL-JSON object: the item's variables and the extra fields.
    pub fn to_csl_json(&self) -> serde_json::Value {
        let mut value = serde_json::to_value(&self.item).unwrap_or_default();
        if let Some(obj) = value.as_object_mut() {
            for (k, v) in &self.extra {
                obj.entry(k.clone()).or_insert_with(|| v.clone());
            }
            obj.insert(
                "id".to_string(),
                serde_json::Value::String(self.key.clone()),
            );
        }
        value
    }
}

/// The entries of one or more bibliography files, looked up by key.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Bibliography {
    /// The entries, in the order read.
    pub entries: Vec<BibEntry>,
    /// Entries whose key an earlier entry already had: not looked up, kept so that every
    /// repeat can be reported where it is.
    pub duplicates: Vec<BibEntry>,
    #[serde(skip)]
    index: HashMap<String, usize>,
}

impl Bibliography {
    /// The entry with `key`.
    pub fn get(&self, key: &str) -> Option<&BibEntry> {
        self.index.get(key).and_then(|&i| self.entries.get(i))
    }

    /// Every key, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.key.as_str())
    }

    /// The key closest to `key`, for "did you mean".
    pub fn suggest(&self, key: &str) -> Option<&str> {
        closest(key, self.keys())
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Add `entry`; a key seen before is an error: the first entry is kept, and this one
    /// goes to [`Bibliography::duplicates`].
    pub fn push(&mut self, entry: BibEntry) -> Result<(), LoadError> {
        if let Some(first) = self.get(&entry.key) {
            let message = format!(
                "duplicate bibliography key `{}` (first defined at {}:{}:{})",
                entry.key,
                first.file.display(),
                first.position.line,
                first.position.column
            );
            let error = LoadError {
                kind: LoadErrorKind::DuplicateEntry,
                message,
                help: Some("give each entry its own key".to_string()),
                file: entry.file.clone(),
                span: Some(entry.span),
                position: entry.position,
            };
            self.duplicates.push(entry);
            return Err(error);
        }
        self.index.insert(entry.key.clone(), self.entries.len());
        self.entries.push(entry);
        Ok(())
    }

    /// Parse the text of a bibliography file in `format` (no I/O).
    pub fn parse(path: &Path, text: &str, format: BibFormat) -> Loaded<Bibliography> {
        let (entries, mut errors) = match format {
            BibFormat::Toml => toml_bib::parse(path, text),
            BibFormat::Bibtex => bibtex::parse(path, text),
            BibFormat::CslJson => csljson::parse(path, text),
            BibFormat::Ris => ris::read::parse(path, text),
        };
        let mut bib = Bibliography::default();
        for entry in entries {
            if let Err(e) = bib.push(entry) {
                errors.push(e);
            }
        }
        errors.sort_by_key(|e| e.span.map(|s| s.start));
        Loaded::new(Some(bib), errors)
    }
}

/// Split a CSL-JSON object into a [`CslItem`] and the variables it has no field for.
///
/// Numbers become strings and dates without `date-parts` are read from their `raw` text,
/// as CSL processors do.
pub(crate) fn item_from_json(
    mut object: serde_json::Map<String, serde_json::Value>,
) -> Result<(CslItem<'static>, BTreeMap<String, serde_json::Value>), String> {
    use serde_json::Value;
    for (key, value) in object.iter_mut() {
        if DATE_FIELDS.contains(&key.as_str()) {
            normalise_date(value);
        } else if let Value::Number(n) = value {
            *value = Value::String(n.to_string());
        }
    }
    if !object.contains_key("type") {
        object.insert("type".to_string(), Value::String("document".to_string()));
    }
    // Read the item from the object in place (no copy), then move the variables it has no
    // field for into `extra`.
    let object = Value::Object(object);
    let item = match CslItem::<'static>::deserialize(&object) {
        Ok(item) => item,
        Err(e) => {
            return Err(match &object {
                Value::Object(o) => describe_item_error(o, &e),
                _ => e.to_string(),
            })
        }
    };
    let Value::Object(object) = object else {
        return Ok((item, BTreeMap::new()));
    };
    let extra = object
        .into_iter()
        .filter(|(k, _)| !CslItem::VARIABLES.contains(&k.as_str()))
        .collect();
    Ok((item, extra))
}

/// Why a CSL-JSON item cannot be read, in CSL's words: the variable at fault (found by
/// reading each variable on its own) and what it should hold, never a Rust type's name.
fn describe_item_error(
    object: &serde_json::Map<String, serde_json::Value>,
    error: &serde_json::Error,
) -> String {
    use serde_json::Value;
    let kind = object.get("type").cloned().unwrap_or(Value::Null);
    let culprit = object.iter().find_map(|(key, value)| {
        if key == "type" {
            return None;
        }
        let mut alone = serde_json::Map::new();
        alone.insert("type".to_owned(), kind.clone());
        alone.insert(key.clone(), value.clone());
        serde_json::from_value::<CslItem<'static>>(Value::Object(alone))
            .err()
            .map(|e| (key, e))
    });
    match culprit {
        Some((key, e)) => format!("`{key}` {}", plain_serde_message(&e.to_string())),
        None => plain_serde_message(&error.to_string()),
    }
}

/// A serde message with its Rust type names replaced by what CSL-JSON expects there.
fn plain_serde_message(message: &str) -> String {
    const NAMES: [(&str, &str); 4] = [
        (
            "struct CslName",
            "a name, {\"family\": \"...\", \"given\": \"...\"} or {\"literal\": \"...\"}",
        ),
        (
            "struct CslDate",
            "a date, {\"date-parts\": [[1921, 2, 16]]}",
        ),
        ("struct CslItem", "an item object"),
        ("a sequence", "a list"),
    ];
    let mut out = match message.strip_prefix("invalid type: ") {
        Some(rest) => format!("has the wrong type: {rest}"),
        None => format!("is not valid: {message}"),
    };
    for (rust, csl) in NAMES {
        out = out.replace(rust, csl);
    }
    out
}

/// Give a CSL date object `date-parts` when it only has `raw` or `literal` text, and turn
/// a plain string or number into such an object.
fn normalise_date(value: &mut serde_json::Value) {
    use serde_json::{json, Value};
    let raw = match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) if !o.contains_key("date-parts") => o
            .get("raw")
            .or_else(|| o.get("literal"))
            .and_then(Value::as_str)
            .map(str::to_string),
        _ => None,
    };
    if let Some(raw) = raw {
        let parts = date_parts(&raw);
        *value = json!({ "date-parts": [parts], "raw": raw });
    }
}

/// The CSL date parts of a date written as text (a bare year is read directly).
pub(crate) fn date_parts(raw: &str) -> Vec<i32> {
    let trimmed = raw.trim();
    if trimmed.len() == 4 && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return trimmed.parse().map(|y| vec![y]).unwrap_or_default();
    }
    ibid_parse::parse_date(trimmed)
        .value
        .map(|d| d.date_parts())
        .unwrap_or_default()
}
