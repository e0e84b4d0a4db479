//! Front-matter layout with `toml_edit`: keys and tables in the order of docs/format.md, one
//! blank line between tables, `key = "value"`; comments, unknown keys and values kept exactly.

use ibid_provenance::{ANNOTATION_KEYS, NOTE_KEYS, SOURCE_KEYS, TOP_KEYS, TRANSLATION_KEYS};
use toml_edit::{Decor, DocumentMut, Item, RawString, Table, Value};

/// Keys whose values are dates: never rewritten, not even their quotes.
const DATE_KEYS: &[&str] = &["date", "accessed"];

/// The laid-out TOML of `toml` (the text between the `+++` lines, or a sidecar), or `None`
/// when it is laid out already or is not valid TOML (which the loader reports).
///
/// Line endings: the result uses the text's most common ending; a text that needs no other
/// change keeps its endings, mixed or not.
pub fn layout(toml: &str) -> Option<String> {
    let crlf = toml.matches("\r\n").count();
    let lf = toml.matches('\n').count() - crlf;
    let unix = toml.replace("\r\n", "\n");
    let mut doc: DocumentMut = unix.parse().ok()?;
    lay_out(&mut doc);
    let out = doc.to_string();
    if out == unix {
        return None;
    }
    Some(if crlf > lf {
        out.replace('\n', "\r\n")
    } else {
        out
    })
}

/// The position of `key` in `order`; unknown keys after every known one.
fn rank(order: &[&str], key: &str) -> usize {
    order.iter().position(|k| *k == key).unwrap_or(order.len())
}

/// The order of the keys of the table at `path` (`source`, `notes`), if the format gives one.
fn order_of(path: &str) -> Option<&'static [&'static str]> {
    match path {
        "" => Some(TOP_KEYS),
        "source" => Some(SOURCE_KEYS),
        "translation" => Some(TRANSLATION_KEYS),
        "notes" => Some(NOTE_KEYS),
        "annotations" => Some(ANNOTATION_KEYS),
        _ => None,
    }
}

fn lay_out(doc: &mut DocumentMut) {
    let root = doc.as_table_mut();
    root.sort_values_by(|a, _, b, _| rank(TOP_KEYS, a.get()).cmp(&rank(TOP_KEYS, b.get())));
    let root_has_values = root.iter().any(|(_, item)| is_value_like(item));
    tidy_table(root, "", true);
    let mut position = 0isize;
    let mut first_header = !root_has_values;
    let keys: Vec<String> = root.iter().map(|(k, _)| k.to_owned()).collect();
    for key in keys {
        let Some(item) = root.get_mut(&key) else {
            continue;
        };
        match item {
            Item::Table(table) if !table.is_dotted() => {
                place_tables(table, &key, &mut position, &mut first_header);
            }
            Item::ArrayOfTables(array) => {
                for table in array.iter_mut() {
                    place_tables(table, &key, &mut position, &mut first_header);
                }
            }
            _ => {}
        }
    }
    let trailing = doc.trailing().as_str().unwrap_or("").to_owned();
    doc.set_trailing(tidy_comments(&trailing, false, false));
}

/// Whether an item is written as `key = value` in its table (not as a `[header]`).
fn is_value_like(item: &Item) -> bool {
    match item {
        Item::Value(_) => true,
        Item::Table(t) => t.is_dotted(),
        _ => false,
    }
}

/// Give `table` and the tables under it their positions, in order, and lay each out.
fn place_tables(table: &mut Table, path: &str, position: &mut isize, first_header: &mut bool) {
    table.set_position(Some(*position));
    *position += 1;
    let prefix = decor_prefix(table.decor());
    let has_header = !table.is_implicit() || table.iter().any(|(_, i)| is_value_like(i));
    if has_header {
        let blank_line = !std::mem::replace(first_header, false);
        table
            .decor_mut()
            .set_prefix(tidy_comments(&prefix, blank_line, true));
    }
    tidy_table(table, path, false);
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_owned()).collect();
    for key in keys {
        let child_path = format!("{path}.{key}");
        match table.get_mut(&key) {
            Some(Item::Table(t)) if !t.is_dotted() => {
                place_tables(t, &child_path, position, first_header)
            }
            Some(Item::ArrayOfTables(array)) => {
                for t in array.iter_mut() {
                    place_tables(t, &child_path, position, first_header);
                }
            }
            _ => {}
        }
    }
}

/// Order the keys of `table` (at `path`), and tidy each `key = value` line.
fn tidy_table(table: &mut Table, path: &str, root: bool) {
    if !root {
        if let Some(order) = order_of(path) {
            table.sort_values_by(|a, _, b, _| rank(order, a.get()).cmp(&rank(order, b.get())));
        }
    }
    let keys: Vec<String> = table
        .iter()
        .filter(|(_, item)| is_value_like(item))
        .map(|(k, _)| k.to_owned())
        .collect();
    for (i, key) in keys.iter().enumerate() {
        let is_date = DATE_KEYS.contains(&key.as_str());
        if let Some(mut k) = table.key_mut(key) {
            let prefix = decor_prefix(k.leaf_decor());
            let decor = Decor::new(
                tidy_comments(&prefix, i > 0 && has_blank_start(&prefix), true),
                " ",
            );
            let bare = bare_key(key);
            if bare && k.as_repr().and_then(|r| r.as_raw().as_str()) != Some(key.as_str()) {
                k.fmt();
            }
            *k.leaf_decor_mut() = decor;
        }
        if let Some(Item::Value(value)) = table.get_mut(key) {
            let suffix = value
                .decor()
                .suffix()
                .and_then(RawString::as_str)
                .unwrap_or("")
                .to_owned();
            let suffix = if suffix.contains('#') {
                suffix
            } else {
                String::new()
            };
            if !is_date {
                requote(value);
            }
            let decor = value.decor_mut();
            decor.set_prefix(" ");
            decor.set_suffix(suffix);
        }
    }
}

fn decor_prefix(decor: &Decor) -> String {
    decor
        .prefix()
        .and_then(RawString::as_str)
        .unwrap_or("")
        .to_owned()
}

fn has_blank_start(prefix: &str) -> bool {
    prefix
        .split_inclusive('\n')
        .next()
        .is_some_and(|line| line.trim().is_empty() && line.ends_with('\n'))
}

/// The lines before a key or header: comments kept (with at most one blank line between
/// them), blank lines at the start dropped, then one blank line put back when `blank_line`.
/// `ends_line` says whether what follows starts a line of its own.
fn tidy_comments(prefix: &str, blank_line: bool, ends_line: bool) -> String {
    let mut out = String::new();
    if blank_line {
        out.push('\n');
    }
    let mut pending_blank = false;
    let mut any = false;
    for line in prefix.split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        if content.trim().is_empty() {
            pending_blank = any;
            continue;
        }
        if pending_blank {
            out.push('\n');
            pending_blank = false;
        }
        out.push_str(content.trim_end());
        out.push('\n');
        any = true;
    }
    if !ends_line && out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Whether `key` can be written without quotes.
fn bare_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Write a single-line literal string (`'text'`) as a basic string (`"text"`) when that
/// needs no escapes; strings in arrays likewise.
fn requote(value: &mut Value) {
    match value {
        Value::String(s) => {
            let raw = s.as_repr().and_then(|r| r.as_raw().as_str()).unwrap_or("");
            let text = s.value();
            let plain = !text
                .chars()
                .any(|c| c == '"' || c == '\\' || c.is_control());
            if raw.starts_with('\'') && !raw.starts_with("'''") && plain {
                let decor = s.decor().clone();
                let mut fresh = toml_edit::Formatted::new(text.clone());
                *fresh.decor_mut() = decor;
                *s = fresh;
            }
        }
        Value::Array(array) => {
            for v in array.iter_mut() {
                requote(v);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_keys_and_tables_and_keeps_comments() {
        let text = "# top comment\nlanguage = \"en\"\ntitle = 'Letter'\n\n\n[hands]\nlenin = \"V. I. Lenin\"\n# where it was printed\n[source]\narchive = \"RGASPI, f. 2\"   # the original\ncite=\"Барсегов\"\nwhatever = 1\n[translation]\nfrom = \"ru\"\n";
        let out = layout(text).unwrap();
        insta::assert_snapshot!(out, @r#"
        title = "Letter"
        # top comment
        language = "en"

        # where it was printed
        [source]
        cite = "Барсегов"
        archive = "RGASPI, f. 2"   # the original
        whatever = 1

        [translation]
        from = "ru"

        [hands]
        lenin = "V. I. Lenin"
        "#);
        assert_eq!(layout(&out), None, "idempotent");
    }

    #[test]
    fn dates_and_escapes_are_never_rewritten() {
        let text = "title = \"A \\\"quoted\\\" title\"\ndate = '1921-02-16'\nkind = 'it''s'\n";
        let out = layout(text);
        assert_eq!(out, None, "{out:?}");
        let text = "date = 1921-02-16\ntitle = 'x'\n";
        assert_eq!(layout(text).unwrap(), "title = \"x\"\ndate = 1921-02-16\n");
    }

    #[test]
    fn crlf_is_kept() {
        let text = "[source]\r\ncite = \"x\"\r\n[[notes]]\r\nmarker = \"*\"\r\n";
        assert_eq!(
            layout(text).unwrap(),
            "[source]\r\ncite = \"x\"\r\n\r\n[[notes]]\r\nmarker = \"*\"\r\n"
        );
        assert_eq!(layout("title = \"x\"\r\n"), None);
        assert_eq!(layout("not toml ["), None);
    }
}
