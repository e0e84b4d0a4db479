//! Fields right on the accuracy pages (`fixtures/import/accuracy`), written after the
//! extractor was built and never used to tune it. Each field is one point; the score is
//! pinned, so a regression or an unrecorded improvement fails (record it in
//! `docs/import.md`, "Accuracy").

use ibid_import::{import, Fields, InputFormat, Options, Page};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Fields right, out of fields compared: the first measure, taken once (docs/import.md).
const SCORE: (usize, usize) = (80, 82);

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/import/accuracy")
}

fn s(v: Option<&toml::Value>) -> Option<String> {
    v.map(|v| match v {
        toml::Value::String(s) => s.clone(),
        other => other.to_string(),
    })
}

/// One point per field: `Some(true)` right, `Some(false)` wrong or missing or spurious,
/// `None` when neither side has it.
fn point(expected: Option<String>, found: Option<String>) -> Option<bool> {
    match (&expected, &found) {
        (None, None) => None,
        _ => Some(expected == found),
    }
}

fn score(
    name: &str,
    expected: &toml::Table,
    fields: &Fields,
    misses: &mut Vec<String>,
) -> (usize, usize) {
    let v = |f: &Option<ibid_import::Found>| f.as_ref().map(|f| f.value.clone());
    let tr = fields.translation.as_ref();
    let scalar: Vec<(&str, Option<String>)> = vec![
        ("title", v(&fields.title)),
        ("date", v(&fields.date)),
        ("language", v(&fields.language)),
        ("kind", v(&fields.kind)),
        ("author", v(&fields.author)),
        ("recipient", v(&fields.recipient)),
        ("place", v(&fields.place)),
        ("cite", v(&fields.source.cite)),
        ("archive", v(&fields.source.archive)),
        ("translation-from", tr.and_then(|t| v(&t.from))),
        (
            "translation-by",
            tr.and_then(|t| t.by.first()).map(|b| b.value.clone()),
        ),
        ("debris", Some(fields.debris.len().to_string())),
    ];
    let mut points: Vec<(String, Option<String>, Option<String>)> = scalar
        .into_iter()
        .map(|(k, got)| (k.to_string(), s(expected.get(k)), got))
        .collect();
    let hands_expected = expected
        .get("hands")
        .and_then(|h| h.as_table())
        .cloned()
        .unwrap_or_default();
    let ids: BTreeSet<String> = hands_expected
        .keys()
        .cloned()
        .chain(fields.hands.iter().map(|h| h.id.clone()))
        .collect();
    for id in ids {
        let got = fields
            .hands
            .iter()
            .find(|h| h.id == id)
            .map(|h| h.name.value.clone());
        points.push((format!("hands.{id}"), s(hands_expected.get(&id)), got));
    }
    let list = |key: &str| {
        expected
            .get(key)
            .and_then(|l| l.as_array())
            .cloned()
            .unwrap_or_default()
    };
    let notes = list("notes");
    for i in 0..notes.len().max(fields.notes.len()) {
        let e = notes.get(i).and_then(|n| n.as_table());
        let g = fields.notes.get(i);
        for key in ["marker", "kind", "hand"] {
            let got = g.and_then(|n| match key {
                "marker" => Some(n.marker.clone()),
                "kind" => v(&n.kind),
                _ => v(&n.hand),
            });
            points.push((
                format!("notes[{i}].{key}"),
                s(e.and_then(|t| t.get(key))),
                got,
            ));
        }
    }
    let annotations = list("annotations");
    for i in 0..annotations.len().max(fields.annotations.len()) {
        let e = annotations.get(i).and_then(|n| n.as_table());
        let g = fields.annotations.get(i);
        for key in ["n", "hand", "date", "text"] {
            let got = g.and_then(|a| match key {
                "n" => a.n.map(|n| n.to_string()),
                "hand" => v(&a.hand),
                "date" => v(&a.date),
                _ => Some(a.text.value.clone()),
            });
            points.push((
                format!("annotations[{i}].{key}"),
                s(e.and_then(|t| t.get(key))),
                got,
            ));
        }
    }
    let (mut right, mut total) = (0, 0);
    for (field, exp, got) in points {
        match point(exp.clone(), got.clone()) {
            Some(true) => {
                right += 1;
                total += 1;
            }
            Some(false) => {
                total += 1;
                misses.push(format!("{name}: {field}: expected {exp:?}, found {got:?}"));
            }
            None => {}
        }
    }
    (right, total)
}

#[test]
fn fields_right_on_pages_written_after_the_extractor() {
    let expected: toml::Table =
        toml::from_str(&std::fs::read_to_string(root().join("expected.toml")).expect("expected"))
            .expect("TOML");
    let (mut right, mut total) = (0, 0);
    let mut misses = Vec::new();
    for (name, table) in &expected {
        let path = root().join(name);
        let bytes = std::fs::read(&path).expect("page");
        let page = Page::read(&bytes, InputFormat::detect(&path, &bytes)).expect("readable");
        let imported = import(&page, None, &Options::default()).expect("a page");
        let (r, t) = score(
            name,
            table.as_table().expect("table"),
            &imported.fields,
            &mut misses,
        );
        right += r;
        total += t;
    }
    for m in &misses {
        eprintln!("{m}");
    }
    eprintln!("fields right: {right}/{total}");
    assert_eq!(
        (right, total),
        SCORE,
        "record the new figure in docs/import.md and here"
    );
}
