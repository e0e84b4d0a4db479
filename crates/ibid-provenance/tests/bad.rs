//! One broken document per failure class in `fixtures/bad/`: each gets the errors in its
//! snapshot (file:line:column, message, help), and never a panic.

use ibid_provenance::{parse_document, LoadErrorKind};
use std::path::Path;

fn errors_of(name: &str) -> (String, Vec<LoadErrorKind>, bool) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/bad");
    let bytes = std::fs::read(dir.join(name)).expect("fixture");
    let shown = Path::new("fixtures/bad").join(name);
    let loaded = parse_document(&shown, &bytes, None);
    let text = loaded
        .errors
        .iter()
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    let kinds = loaded.errors.iter().map(|e| e.kind).collect();
    (text, kinds, loaded.value.is_some())
}

macro_rules! bad {
    ($test:ident, $file:literal, $kind:expr, $loads:expr) => {
        #[test]
        fn $test() {
            let (text, kinds, loaded) = errors_of($file);
            assert!(kinds.contains(&$kind), "{kinds:?}");
            assert_eq!(loaded, $loads, "whether a document is still loaded");
            insta::assert_snapshot!(stringify!($test), text);
        }
    };
}

bad!(
    malformed_toml,
    "malformed-toml.md",
    LoadErrorKind::Toml,
    false
);
bad!(wrong_type, "wrong-type.md", LoadErrorKind::WrongType, true);
bad!(
    missing_marker,
    "missing-marker.md",
    LoadErrorKind::MissingKey,
    true
);
bad!(not_utf8, "not-utf8.txt", LoadErrorKind::NotUtf8, false);
bad!(empty, "empty.md", LoadErrorKind::Empty, false);
bad!(binary, "binary.md", LoadErrorKind::Binary, false);
bad!(
    unclosed_front_matter,
    "unclosed-front-matter.md",
    LoadErrorKind::UnclosedFrontMatter,
    false
);

/// A date that can be read but cannot exist does not stop loading and is no load error: the
/// document keeps ibid-parse's errors with the date, for rule D002 to report.
#[test]
fn impossible_dates_are_kept_with_the_date_not_reported_by_the_loader() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/bad");
    let bytes = std::fs::read(dir.join("impossible-date.md")).unwrap();
    let loaded = parse_document(Path::new("impossible-date.md"), &bytes, None);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let doc = loaded.value.expect("the document loads");
    let date = doc.date.as_ref().expect("a date");
    let kinds: Vec<_> = date.parsed.errors.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [ibid_parse::ParseErrorKind::DayPastEndOfMonth]);
    assert_eq!(date.parsed.errors[0].message, "February 1921 has 28 days");
    let annotation = doc.annotations[0].date.as_ref().expect("a date");
    assert_eq!(
        annotation.parsed.errors[0].message,
        "April 1921 has 30 days"
    );
}

/// A key the format does not define does not stop the model from being built, so it is no
/// load error: the model keeps it, with where it is, the closest known key and the table it
/// belongs in, for rule P004 to report.
#[test]
fn unknown_keys_are_kept_in_the_model_not_reported_by_the_loader() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/bad");
    let bytes = std::fs::read(dir.join("unknown-key.md")).unwrap();
    let loaded = parse_document(Path::new("unknown-key.md"), &bytes, None);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let doc = loaded.value.unwrap();
    let paths: Vec<&str> = doc.unknown_keys().iter().map(|u| u.path.as_str()).collect();
    assert_eq!(paths, ["cite", "translaton"]);
    assert_eq!(doc.unknown[0].home.as_deref(), Some("source"));
    assert_eq!(doc.unknown[0].position, ibid_provenance::LineCol::new(5, 1));
    assert_eq!(doc.unknown[1].suggestion.as_deref(), Some("translation"));
    assert_eq!(doc.unknown[1].home, None);
    assert_eq!(
        doc.unknown[1].position,
        ibid_provenance::LineCol::new(10, 2)
    );
    let value = doc.unknown[1].value.as_table().expect("a table");
    assert_eq!(value.get("from").and_then(|v| v.as_str()), Some("ru"));
}

#[test]
fn undeclared_hands_are_the_linters_not_the_loaders() {
    // A hand that `[hands]` does not declare is a finding of `ibid check` (P001); the loader
    // builds the model and keeps the id as written.
    let text = "+++\ntitle = \"x\"\n[hands]\nlenin = \"V. I. Lenin\"\n[[notes]]\nmarker = \"*\"\nhand = \"lenn\"\n+++\nBody*\n";
    let loaded = parse_document(Path::new("doc.md"), text.as_bytes(), None);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let doc = loaded.value.unwrap();
    assert_eq!(doc.notes[0].hand.as_ref().unwrap().text, "lenn");
    assert!(doc.hand("lenn").is_none());
}
