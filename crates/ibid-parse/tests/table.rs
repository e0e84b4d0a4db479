//! Snapshot tests over the tables of inputs in `tests/cases/*.txt`.
//!
//! Each case file holds one input per line (blank lines and lines starting with `#` are
//! skipped). The file name before the first `-` or `.` is the kind every input is parsed as
//! (`locator`, `reference`, `citation`, `date`), or `auto` to let the parser detect it. The
//! snapshot is the readable view `ibid parse` prints for every input of the file, and every
//! span of the results snapshotted (and of the kind detected) is checked to lie in its input.

use ibid_parse::{parse, parse_as, InputKind, Parsed, ParsedInput};
use ibid_parse_output::Record;
use std::path::Path;

fn kind_of(path: &Path) -> Option<InputKind> {
    let stem = path.file_stem().unwrap().to_str().unwrap();
    let head = stem.split(['-', '.']).next().unwrap();
    match head {
        "locator" => Some(InputKind::Locator),
        "reference" => Some(InputKind::Reference),
        "citation" => Some(InputKind::Citation),
        "date" => Some(InputKind::Date),
        "auto" => None,
        other => panic!("case file {stem}: unknown kind {other:?}"),
    }
}

/// Inputs of a case file: every line that is neither blank nor a `#` comment.
fn inputs(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

#[test]
fn case_tables() {
    insta::glob!("cases/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let kind = kind_of(path);
        let mut out = String::new();
        for input in inputs(&text) {
            let parsed = match kind {
                Some(kind) => parse_as(input, kind),
                None => parse(input),
            };
            check_spans(input, &parsed);
            if kind.is_some() {
                check_spans(input, &parse(input));
            }
            out.push_str(&Record::new(input, &parsed).to_string());
            out.push('\n');
        }
        insta::assert_snapshot!(out);
    });
}

/// Every span in the record of `parsed` lies inside `input` on a char boundary.
fn check_spans(input: &str, parsed: &Parsed<ParsedInput>) {
    let record = Record::new(input, parsed);
    let json = serde_json::to_value(&record).unwrap();
    check_offsets(input, &json);
}

fn check_offsets(input: &str, value: &serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            if let (Some(s), Some(e)) = (map.get("start"), map.get("end")) {
                let (s, e) = (s.as_u64().unwrap() as usize, e.as_u64().unwrap() as usize);
                assert!(
                    s <= e && e <= input.len(),
                    "{input:?}: span {s}..{e} out of bounds"
                );
                assert!(
                    input.is_char_boundary(s) && input.is_char_boundary(e),
                    "{input:?}: span {s}..{e} not on char boundaries"
                );
            }
            map.values().for_each(|v| check_offsets(input, v));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| check_offsets(input, v)),
        _ => {}
    }
}
