//! A fast reader for the plain TOML most front matter is written in (`key = "text"` lines,
//! `[table]` and `[[list]]` headers); anything else is left to the `toml` crate.
//!
//! It builds the [`toml_tree`](crate::toml_tree) that `Table::from_de` makes of the `toml`
//! crate's tree (the same keys, values, spans and order), with every string a slice of the
//! input and a vector for each table, so the model is read the same way whichever reader ran.
//! It accepts only what it is sure of and gives `None` for the rest: comments, escapes,
//! literal strings, dotted or quoted keys, numbers other than small decimal integers, dates,
//! inline tables, multi-line values, CR line endings, a key or table given twice, a table of
//! more than [`MAX_KEYS`] keys. The `toml` crate then reads the text, so every error message
//! and every unusual construct comes from it. `tests::same_tree_as_the_toml_crate` proves the
//! trees identical.

use crate::toml_tree::{Name, Node, Table, Value};
use std::ops::Range;

/// The most keys a table may have for the fast reader, which looks for a duplicate key by
/// walking the table: with this bound that stays linear. Larger tables go to the `toml` crate.
const MAX_KEYS: usize = 64;

/// The room made for the keys of a table at first, enough for most front matter's.
const TABLE_CAPACITY: usize = 8;

/// The table `toml` holds, if it is written in the plain subset; `None` otherwise.
///
/// One pass over the text: each line is a blank line, a header starting in its first column,
/// or `key = value` starting in its first column, with blanks allowed around `=` and after
/// the value.
pub(crate) fn parse(toml: &str) -> Option<Table<'_>> {
    let bytes = toml.as_bytes();
    let mut root = Table {
        entries: Vec::with_capacity(2 * TABLE_CAPACITY),
    };
    let mut open: Option<Header<'_>> = None;
    // The names of the arrays of tables begun by `[[name]]` (not `name = [...]`).
    let mut lists: Vec<&str> = Vec::new();
    let mut pos = 0;
    while let Some(&first) = bytes.get(pos) {
        let start = pos;
        pos = match first {
            b' ' | b'\t' | b'\n' => line_end(bytes, skip_blanks(bytes, start))?,
            b'[' => {
                let end =
                    memchr::memchr(b'\n', bytes.get(start..)?).map_or(bytes.len(), |at| start + at);
                let content = toml.get(start..end)?.trim_end_matches([' ', '\t']);
                close(&mut root, open.take())?;
                open = Some(header(content, start, &root, &mut lists)?);
                end
            }
            _ => {
                let (key, value) = key_value(toml, start)?;
                let end = line_end(bytes, skip_blanks(bytes, value.span.end))?;
                let table = open.as_mut().map_or(&mut root, |h| &mut h.table);
                insert_new(table, key, value)?;
                end
            }
        } + 1;
    }
    close(&mut root, open)?;
    Some(root)
}

/// `at` itself if a line ends there (at a newline or the end of the text); `None` if
/// something else follows.
fn line_end(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at) {
        None | Some(b'\n') => Some(at),
        Some(_) => None,
    }
}

/// The offset of the first byte from `at` on that is not a space or a tab.
fn skip_blanks(bytes: &[u8], at: usize) -> usize {
    let blanks = bytes.get(at..).unwrap_or_default();
    at + blanks
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count()
}

/// Add `name = node` to `table`, unless the table has the key already (a TOML error, left
/// to the `toml` crate to report) or is full.
fn insert_new<'i>(table: &mut Table<'i>, name: Name<'i>, node: Node<'i>) -> Option<()> {
    if table.entries.len() >= MAX_KEYS || table.get(name.text).is_some() {
        return None;
    }
    table.entries.push((name, node));
    Some(())
}

/// A `[table]` or `[[list]]` header and the keys read under it so far.
struct Header<'i> {
    /// The table's name, spanned as written inside the brackets.
    key: Name<'i>,
    /// The header from its first `[` to its last `]`.
    span: Range<usize>,
    /// Whether it is `[[list]]`, an entry of an array of tables.
    list: bool,
    /// The keys under it.
    table: Table<'i>,
}

/// The header `content` (a line starting at `start`, trailing blanks removed), if plain and
/// not clashing with what `root` holds; `lists` are the arrays of tables begun so far.
fn header<'i>(
    content: &'i str,
    start: usize,
    root: &Table<'i>,
    lists: &mut Vec<&'i str>,
) -> Option<Header<'i>> {
    let (list, name) = match content.strip_prefix("[[") {
        Some(rest) => (true, rest.strip_suffix("]]")?),
        None => (false, content.strip_prefix('[')?.strip_suffix(']')?),
    };
    if !is_bare_key(name) {
        return None;
    }
    let open = if list { 2 } else { 1 };
    let key = Name {
        text: name,
        span: start + open..start + open + name.len(),
    };
    let begun = lists.contains(&name);
    match root.get(name) {
        None if list => lists.push(name),
        None => {}
        // Another entry of a list already begun by a `[[name]]`.
        Some(_) if list && begun => {}
        Some(_) => return None,
    }
    Some(Header {
        key,
        span: start..start + content.len(),
        list,
        table: Table {
            entries: Vec::with_capacity(TABLE_CAPACITY),
        },
    })
}

/// Put the table of `header` (if any) into `root`.
fn close<'i>(root: &mut Table<'i>, header: Option<Header<'i>>) -> Option<()> {
    let Some(header) = header else {
        return Some(());
    };
    let table = Node {
        span: header.span.clone(),
        value: Value::Table(header.table),
    };
    if !header.list {
        return insert_new(root, header.key, table);
    }
    let begun = root
        .entries
        .iter_mut()
        .find(|(name, _)| name.text == header.key.text);
    match begun {
        Some((_, list)) => match &mut list.value {
            Value::Array(items) => items.push(table),
            _ => return None,
        },
        None => {
            let list = Node {
                span: header.span,
                value: Value::Array(vec![table]),
            };
            insert_new(root, header.key, list)?;
        }
    }
    Some(())
}

/// The key and value at `start`, the start of a line: `key = value`; whatever follows the
/// value is the caller's to check.
fn key_value(toml: &str, start: usize) -> Option<(Name<'_>, Node<'_>)> {
    let bytes = toml.as_bytes();
    let key_end = start
        + bytes
            .get(start..)?
            .iter()
            .take_while(|&&b| is_key_byte(b))
            .count();
    if key_end == start {
        return None;
    }
    let equals = skip_blanks(bytes, key_end);
    if bytes.get(equals) != Some(&b'=') {
        return None;
    }
    let value = value(toml, skip_blanks(bytes, equals + 1))?;
    let name = Name {
        text: toml.get(start..key_end)?,
        span: start..key_end,
    };
    Some((name, value))
}

/// The value at offset `at`: a string, `true`, `false`, a small decimal integer, or a list of
/// strings on one line; its span ends where it does.
fn value(toml: &str, at: usize) -> Option<Node<'_>> {
    let text = toml.as_bytes().get(at..)?;
    let node = |len: usize, value| {
        Some(Node {
            span: at..at + len,
            value,
        })
    };
    match text.first()? {
        b'"' => {
            let inner = plain_string(toml, at)?;
            node(inner.len() + 2, Value::String(inner))
        }
        b'[' => list(toml, at),
        b't' if text.starts_with(b"true") => node(4, Value::Boolean(true)),
        b'f' if text.starts_with(b"false") => node(5, Value::Boolean(false)),
        b'0'..=b'9' => {
            let digits = text.iter().take_while(|b| b.is_ascii_digit()).count();
            // Up to 18 digits fit an i64; a leading zero is an error in TOML.
            if digits > 18 || (digits > 1 && text.first() == Some(&b'0')) {
                return None;
            }
            let digits = toml.get(at..at + digits)?;
            node(digits.len(), Value::Integer { digits, radix: 10 })
        }
        _ => None,
    }
}

/// The contents of the basic string opening (with `"`) at offset `at`, if it has no escape
/// and no character TOML forbids in one (so it cannot run past the end of its line).
fn plain_string(toml: &str, at: usize) -> Option<&str> {
    let start = at + 1;
    let bytes = toml.as_bytes();
    let mut end = start;
    loop {
        let b = *bytes.get(end)?;
        if SPECIAL_IN_STRING[usize::from(b)] {
            match b {
                b'"' => return toml.get(start..end),
                // U+0080 to U+009F are C2 80 to C2 9F in UTF-8.
                0xc2 if !matches!(bytes.get(end + 1), Some(0x80..=0x9f)) => {}
                _ => return None,
            }
        }
        end += 1;
    }
}

/// The bytes the string reader must stop at: the closing quote, a backslash (an escape),
/// control characters but tab, DEL (which TOML forbids in a string), and C2, the first byte
/// of the C1 controls U+0080 to U+009F (refused too, to be safe) and of other characters.
const SPECIAL_IN_STRING: [bool; 256] = {
    let mut special = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        special[b] = b != 0x09;
        b += 1;
    }
    special[b'"' as usize] = true;
    special[b'\\' as usize] = true;
    special[0x7f] = true;
    special[0xc2] = true;
    special
};

/// A list of strings on one line, `["a", "b"]` (a trailing comma allowed), at offset `at`.
fn list(toml: &str, at: usize) -> Option<Node<'_>> {
    let bytes = toml.as_bytes();
    let mut items = Vec::new();
    let mut pos = skip_blanks(bytes, at + 1);
    loop {
        if bytes.get(pos) == Some(&b']') {
            break;
        }
        if bytes.get(pos) != Some(&b'"') {
            return None;
        }
        let inner = plain_string(toml, pos)?;
        let len = inner.len() + 2;
        items.push(Node {
            span: pos..pos + len,
            value: Value::String(inner),
        });
        pos = skip_blanks(bytes, pos + len);
        match bytes.get(pos)? {
            b',' => pos = skip_blanks(bytes, pos + 1),
            b']' => break,
            _ => return None,
        }
    }
    Some(Node {
        span: at..pos + 1,
        value: Value::Array(items),
    })
}

/// Whether `b` may be part of a bare TOML key: an ASCII letter or digit, `_` or `-`.
fn is_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Whether `name` is a bare TOML key: ASCII letters, digits, `_` and `-`.
fn is_bare_key(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(is_key_byte)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    use crate::toml_tree::Name;
    use toml::de::DeTable;

    /// Whether two strings are the same slice of memory: the same text, both borrowed from
    /// the input at the same place (which the reader uses to find their exact span).
    fn same_slice(a: &str, b: &str) -> bool {
        a == b && std::ptr::eq(a.as_ptr(), b.as_ptr())
    }

    /// Whether two values are the same: kind, value, span, and strings borrowed from the
    /// input at the same place.
    fn same(a: &Node<'_>, b: &Node<'_>) -> bool {
        a.span == b.span
            && match (&a.value, &b.value) {
                (Value::String(x), Value::String(y)) => same_slice(x, y),
                (
                    Value::Integer {
                        digits: x,
                        radix: rx,
                    },
                    Value::Integer {
                        digits: y,
                        radix: ry,
                    },
                ) => x == y && rx == ry,
                (Value::Boolean(x), Value::Boolean(y)) => x == y,
                (Value::Array(x), Value::Array(y)) => {
                    x.len() == y.len() && x.iter().zip(y.iter()).all(|(x, y)| same(x, y))
                }
                (Value::Table(x), Value::Table(y)) => same_table(x, y),
                _ => false,
            }
    }

    /// Whether two tables hold the same keys (with their spans), in the same order, with the
    /// same values.
    fn same_table(a: &Table<'_>, b: &Table<'_>) -> bool {
        let same_name = |x: &Name<'_>, y: &Name<'_>| same_slice(x.text, y.text) && x.span == y.span;
        a.entries.len() == b.entries.len()
            && a.iter()
                .zip(b.iter())
                .all(|((ka, va), (kb, vb))| same_name(ka, kb) && same(va, vb))
    }

    /// The `toml` crate's tree, converted, equals ours wherever we give one, and we give one
    /// for the plain front matter ibid writes.
    fn check(text: &str) -> Result<(), TestCaseError> {
        if let Some(ours) = parse(text) {
            let theirs = DeTable::parse(text);
            prop_assert!(theirs.is_ok(), "accepted invalid TOML: {text:?}");
            let theirs = theirs.unwrap();
            let theirs = Table::from_de(theirs.get_ref());
            prop_assert!(
                same_table(&ours, &theirs),
                "different trees for {:?}:\nours   {:?}\ntheirs {:?}",
                text,
                ours,
                theirs
            );
        }
        Ok(())
    }

    /// A line of front matter: mostly in the plain subset (so trees are compared often),
    /// sometimes not (so the reader is seen to give up).
    fn piece() -> impl Strategy<Value = String> {
        let good_key = prop::sample::select(vec![
            "title", "date", "n", "by", "cite", "hand", "text", "marker", "a-b_1", "X_2",
        ]);
        let bad_key = prop::sample::select(vec!["a.b", "\"q\"", "", "ключ", " lead", "a b"]);
        let key = prop_oneof![8 => good_key, 1 => bad_key];
        let good_value = prop::sample::select(vec![
            "\"text\"",
            "\"\"",
            "\"Барсегов, pp. 10–11\"",
            "\"tab\there\"",
            "\"no-break\u{a0}space\"",
            "true",
            "false",
            "1",
            "0",
            "123456789012345678",
            "[]",
            "[\"a\"]",
            "[ \"a\" , \"b\", ]",
            "[\"a\",\"b\"]",
        ]);
        let bad_value = prop::sample::select(vec![
            "\"esc\\\"aped\"",
            "\"unclosed",
            "\"next line\u{85}\"",
            "\"bell\u{7}\"",
            "'literal'",
            "truex",
            "007",
            "1234567890123456789",
            "99999999999999999999",
            "-1",
            "1_000",
            "1.5",
            "1921-02-16",
            "[\"a\" \"b\"]",
            "[\"Anna\", Boris Smith\"]",
            "[1\"]",
            "['x\"]",
            "[1, 2]",
            "[\"a\",\n\"b\"]",
            "[\"a\"",
            "{ a = 1 }",
            "\"x\" # comment",
            "\"x\" y",
            "",
        ]);
        let value = prop_oneof![8 => good_value, 1 => bad_value];
        let blanks = prop::sample::select(vec!["", " ", "\t", "  "]);
        let odd_line = prop::sample::select(vec![
            "  \t\n",
            "# a comment\n",
            "x = \"crlf\"\r\n",
            "title = \"no newline\"",
            "[ source ]\n",
            "[source.sub]\n",
            "[[notes]] # c\n",
            "[]\n",
            "[[x]\n",
            "= \"v\"\n",
        ]);
        // Strings of any characters, often ones TOML treats specially, to test which
        // characters the fast reader lets through.
        let tricky = prop::sample::select(vec![
            '"', '\\', '\t', '\n', '\r', '\u{0}', '\u{1f}', '\u{7f}', '\u{80}', '\u{85}', '\u{9f}',
            '\u{a0}', '\u{c2}', 'é', 'Ж', '–', '\u{feff}', 'a', ' ', '\'', '#',
        ]);
        let character = prop_oneof![3 => tricky, 1 => any::<char>()];
        let any_string = proptest::collection::vec(character, 0..24)
            .prop_map(|chars| format!("\"{}\"", String::from_iter(chars)));
        let value = prop_oneof![6 => value.prop_map(str::to_owned), 1 => any_string];
        prop_oneof![
            8 => (key.clone(), blanks.clone(), blanks.clone(), value, blanks)
                .prop_map(|(k, a, b, v, c)| format!("{k}{a}={b}{v}{c}\n")),
            2 => key.clone().prop_map(|k| format!("[{k}]\n")),
            2 => key.prop_map(|k| format!("[[{k}]]\n")),
            2 => Just("\n".to_owned()),
            1 => odd_line.prop_map(str::to_owned),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn same_tree_as_the_toml_crate(lines in proptest::collection::vec(piece(), 0..12)) {
            check(&lines.concat())?;
        }
    }

    /// A table of more keys than the fast reader looks through is left to the `toml` crate.
    #[test]
    fn a_large_table_goes_to_the_toml_crate() {
        let keys = |n: usize| {
            (0..n)
                .map(|i| format!("k{i} = \"v\"\n"))
                .collect::<String>()
        };
        let most = keys(MAX_KEYS);
        assert!(parse(&most).is_some());
        check(&most).unwrap();
        let over = keys(MAX_KEYS + 1);
        assert!(parse(&over).is_none());
        assert!(parse(&format!("[t]\n{over}")).is_none());
    }

    /// A string with a control character, DEL or a C1 control is declined; one with a
    /// no-break space (C2 A0) or a tab is read.
    #[test]
    fn forbidden_characters_in_strings_are_left_to_the_toml_crate() {
        // At every place in a long string.
        let plain = "Nagorno-Karabakh, Нагорный Карабах, pp. 10–11";
        for bad in ["\u{1}", "\u{7f}", "\u{85}", "\\", "\n", "\""] {
            for at in plain.char_indices().map(|(at, _)| at) {
                let text = format!("t = \"{}{bad}{}\"\n", &plain[..at], &plain[at..]);
                assert!(parse(&text).is_none(), "{text:?}");
            }
        }
        let long = format!("t = \"{plain}\t{plain}\u{a0}{plain}\"\n");
        assert!(parse(&long).is_some());
        check(&long).unwrap();
        for bad in ["\u{1}", "\u{7f}", "\u{80}", "\u{9f}", "\r", "x\u{85}y"] {
            let text = format!("t = \"a{bad}b\"\n");
            assert!(parse(&text).is_none(), "{text:?}");
        }
        for good in ["\u{a0}", "\t", "\u{c2}\u{a0}", "Ж–é"] {
            let text = format!("t = \"a{good}b\"\n");
            assert!(parse(&text).is_some(), "{text:?}");
            check(&text).unwrap();
        }
    }

    /// A list item without its opening quote is not a string: the fast reader declines it
    /// (the `toml` crate then reports it) instead of reading `"oris Smith"`.
    #[test]
    fn a_list_item_must_open_with_a_quote() {
        for text in [
            "by = [\"Anna\", Boris Smith\"]\n",
            "x = [1\"]\n",
            "x = ['x\"]\n",
            "x = [John Smith\"]\n",
        ] {
            assert!(parse(text).is_none(), "{text}");
            check(text).unwrap();
        }
    }

    #[test]
    fn reads_the_front_matter_ibid_writes() {
        let text = "title = \"Telegram no. 0\"\ndate = \"1920-02-07\"\n\n[source]\n\
                    cite = \"Барсегов Ю.Г., pp. 10–11\"\n\n[translation]\nby = [\"X\", \"Y\"]\n\n\
                    [[notes]]\nmarker = \"*\"\n\n[[notes]]\nmarker = \"**\"\n\n\
                    [[annotations]]\nn = 1\nprivate = true\n";
        assert!(parse(text).is_some());
        check(text).unwrap();
    }

    #[test]
    fn seed_and_fixture_front_matter_reads_the_same() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files = vec![root.join("fixtures")];
        let mut read = 0;
        while let Some(path) = files.pop() {
            if path.is_dir() {
                for entry in std::fs::read_dir(&path).unwrap() {
                    files.push(entry.unwrap().path());
                }
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let toml = match crate::frontmatter::split(&text) {
                crate::frontmatter::Split::FrontMatter { toml, .. } => toml.slice(&text),
                _ if path.extension().is_some_and(|e| e == "toml") => &text,
                _ => continue,
            };
            check(toml).unwrap();
            read += usize::from(parse(toml).is_some());
        }
        assert!(read > 20, "only {read} fixture files in the plain subset");
    }
}
