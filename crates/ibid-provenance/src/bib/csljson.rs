//! CSL-JSON bibliographies: a JSON array of items. Each item is read on its own, so a bad
//! item is reported with its line and the others are still read.

use super::{item_from_json, BibEntry, BibFormat};
use crate::error::{LoadError, LoadErrorKind};
use crate::source_file::SourceFile;
use ibid_parse::Span;
use std::path::Path;

pub(super) fn parse(path: &Path, text: &str) -> (Vec<BibEntry>, Vec<LoadError>) {
    let file = SourceFile::new(path, text.to_string());
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    let elements = match split_array(text) {
        Ok(e) => e,
        Err((at, message)) => {
            errors.push(
                LoadError::at(LoadErrorKind::BadEntry, &file, Span::empty(at), message)
                    .with_help("a CSL-JSON file is an array of items: [{\"id\": \"key\", \"type\": \"book\", ...}]"),
            );
            return (entries, errors);
        }
    };
    for span in elements {
        let element = span.slice(text);
        let value: serde_json::Value = match serde_json::from_str(element) {
            Ok(v) => v,
            Err(e) => {
                let at = offset_of(element, e.line(), e.column()) + span.start;
                errors.push(
                    LoadError::at(
                        LoadErrorKind::BadEntry,
                        &file,
                        Span::empty(at),
                        format!("invalid JSON in this item: {e}"),
                    )
                    .with_help("fix the JSON of this item; the other items are read"),
                );
                continue;
            }
        };
        let serde_json::Value::Object(object) = value else {
            errors.push(LoadError::at(
                LoadErrorKind::BadEntry,
                &file,
                span,
                "an item must be a JSON object",
            ));
            continue;
        };
        let Some(id) = object.get("id").and_then(|v| match v {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }) else {
            errors.push(
                LoadError::at(
                    LoadErrorKind::BadEntry,
                    &file,
                    span,
                    "this item has no `id`",
                )
                .with_help("give each item \"id\": \"citation-key\""),
            );
            continue;
        };
        match item_from_json(object) {
            Ok((mut item, extra)) => {
                item.id = Some(id.clone().into());
                entries.push(BibEntry {
                    key: id,
                    item,
                    extra,
                    file: path.to_path_buf(),
                    format: BibFormat::CslJson,
                    span,
                    position: file.line_col(span.start),
                });
            }
            Err(e) => errors.push(
                LoadError::at(LoadErrorKind::BadEntry, &file, span, format!("item `{id}` cannot be read: {e}"))
                    .with_help("names are lists of {\"family\", \"given\"} or {\"literal\"}; dates {\"date-parts\": [[1921, 2, 16]]}"),
            ),
        }
    }
    (entries, errors)
}

/// The byte offset of a 1-based line and column in `text`.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return offset + column.saturating_sub(1).min(l.len());
        }
        offset += l.len();
    }
    offset
}

/// The spans of the elements of a top-level JSON array, found by tracking nesting and
/// strings (linear; the elements themselves are parsed later).
fn split_array(text: &str) -> Result<Vec<Span>, (usize, String)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    if text.starts_with('\u{feff}') {
        i = 3;
    }
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    if bytes.get(i) != Some(&b'[') {
        return Err((
            i,
            "a CSL-JSON bibliography must be a JSON array".to_string(),
        ));
    }
    i += 1;
    let mut elements = Vec::new();
    let mut depth = 0usize;
    let mut start: Option<usize> = None;
    let mut in_string = false;
    while let Some(&b) = bytes.get(i) {
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                start.get_or_insert(i);
            }
            b'{' | b'[' => {
                depth += 1;
                start.get_or_insert(i);
            }
            b'}' | b']' if depth > 0 => depth -= 1,
            b']' => {
                if let Some(s) = start.take() {
                    elements.push(trimmed(text, s, i));
                }
                return Ok(elements);
            }
            b',' if depth == 0 => {
                if let Some(s) = start.take() {
                    elements.push(trimmed(text, s, i));
                }
            }
            b if b.is_ascii_whitespace() => {}
            _ => {
                start.get_or_insert(i);
            }
        }
        i += 1;
    }
    Err((
        text.len(),
        "the JSON array is never closed with `]`".to_string(),
    ))
}

fn trimmed(text: &str, start: usize, end: usize) -> Span {
    let s = text.get(start..end).unwrap_or("");
    Span::new(start, start + s.trim_end().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_elements_and_survives_bad_items() {
        let text = "[\n {\"id\": \"a\", \"type\": \"book\", \"title\": \"x ] , y\"},\n {\"id\": \"b\", oops},\n {\"id\": \"c\", \"issued\": {\"raw\": \"1921\"}, \"volume\": 3}\n]";
        let (entries, errors) = parse(Path::new("z.json"), text);
        let keys: Vec<_> = entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["a", "c"]);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].position.line, 3);
        assert_eq!(entries[1].item.volume.as_deref(), Some("3"));
        assert_eq!(
            entries[1].item.issued.as_ref().unwrap().start.as_slice(),
            [1921]
        );
    }
}
