//! Exports read back: `--to csl-json` as a CSL-JSON bibliography gives the same items;
//! `--to bibtex`/`biblatex` through ibid's `.bib` reader give the same CSL fields; `--to ris`
//! follows the RIS specification and carries every field back.

use ibid_bib::collection::Collection;
use ibid_bib::output::{bibtex, csl_json, ris, BibtexDialect};
use ibid_provenance::{BibFormat, Bibliography};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::path::Path;

/// The fixture corpus resolved, with every bibliography entry (`--all`).
fn fixture_collection() -> Collection {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/corpus");
    let plan = ibid_corpus::Plan::new(&[root], Path::new(".")).unwrap();
    let collected =
        ibid_bib::collect_corpus(&plan, ibid_bib::CollectOptions { all: true }).unwrap();
    assert!(collected.errors.is_empty(), "{:?}", collected.errors);
    collected.collection
}

/// The exported items by id.
fn exported(collection: &Collection) -> BTreeMap<String, Map<String, Value>> {
    let items: Vec<Map<String, Value>> = serde_json::from_str(&csl_json(collection)).unwrap();
    items
        .into_iter()
        .map(|o| (o["id"].as_str().unwrap().to_string(), o))
        .collect()
}

/// The items of a bibliography file's text, by key, as CSL-JSON objects.
fn read_back(name: &str, text: &str, format: BibFormat) -> BTreeMap<String, Map<String, Value>> {
    let loaded = Bibliography::parse(Path::new(name), text, format);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    loaded
        .value
        .unwrap()
        .entries
        .iter()
        .map(|e| match e.to_csl_json() {
            Value::Object(o) => (e.key.clone(), o),
            _ => unreachable!("an entry is an object"),
        })
        .collect()
}

/// The first date's parts of a CSL date value.
fn parts(v: &Value) -> Value {
    v["date-parts"][0].clone()
}

#[test]
fn csl_json_reads_back_as_the_same_items() {
    let collection = fixture_collection();
    let text = csl_json(&collection);
    let original = exported(&collection);
    assert!(original.len() >= 15, "published and archival items");
    let back = read_back("refs.json", &text, BibFormat::CslJson);
    assert_eq!(back.len(), original.len());
    for (id, item) in &original {
        let again = &back[id];
        for (field, value) in item {
            match field.as_str() {
                "issued" | "accessed" | "original-date" => {
                    assert_eq!(parts(&again[field]), parts(value), "{id} {field}")
                }
                _ => assert_eq!(again.get(field), Some(value), "{id} {field}"),
            }
        }
    }
}

/// The CSL fields a `.bib` file carries: everything but the ids and the raw date text.
fn bib_fields(item: &Map<String, Value>) -> BTreeMap<String, Value> {
    item.iter()
        .filter(|(k, _)| !matches!(k.as_str(), "id" | "note"))
        .map(|(k, v)| {
            let v = match k.as_str() {
                "issued" | "accessed" | "original-date" => parts(v),
                // `langid` holds babel names, read back as full tags (`russian` → `ru-RU`):
                // compared by language.
                "language" => {
                    let s = v.as_str().unwrap_or_default();
                    Value::String(s.split('-').next().unwrap_or(s).to_string())
                }
                _ => v.clone(),
            };
            (k.clone(), v)
        })
        .collect()
}

#[test]
fn bibtex_and_biblatex_read_back_to_the_same_csl_fields() {
    let collection = fixture_collection();
    let original = exported(&collection);
    for dialect in [BibtexDialect::Bibtex, BibtexDialect::Biblatex] {
        let text = bibtex(&collection, dialect);
        let back = read_back("refs.bib", &text, BibFormat::Bibtex);
        assert_eq!(back.len(), original.len(), "{dialect:?}");
        for (id, item) in &original {
            let again = &back[id];
            let (want, got) = (bib_fields(item), bib_fields(again));
            for (field, value) in &want {
                // A type with no entry type of its own comes back as its nearest one.
                if field == "type"
                    && !matches!(
                        value.as_str(),
                        Some(
                            "book"
                                | "article-journal"
                                | "chapter"
                                | "thesis"
                                | "report"
                                | "manuscript"
                        )
                    )
                {
                    continue;
                }
                assert_eq!(
                    got.get(field),
                    Some(value),
                    "{dialect:?} {id} {field}\n{text}"
                );
            }
        }
    }
}

#[test]
fn latex_specials_survive_the_round_trip() {
    let mut collection = fixture_collection();
    let source = collection
        .sources
        .iter_mut()
        .find(|s| s.id == "suny-1993")
        .unwrap();
    let tricky = "Costs & Benefits: 50% of {Everything} in $ and #1 ~ C_2 ^ \\ end";
    source
        .csl
        .insert("title".into(), Value::String(tricky.into()));
    for dialect in [BibtexDialect::Bibtex, BibtexDialect::Biblatex] {
        let text = bibtex(&collection, dialect);
        let back = read_back("refs.bib", &text, BibFormat::Bibtex);
        assert_eq!(
            back["suny-1993"]["title"],
            Value::String(tricky.into()),
            "{text}"
        );
    }
}

/// RIS lines as (tag, value), checking the line syntax of the specification:
/// `TAG  - value`, a tag of an upper-case letter and a letter or digit, CRLF line ends,
/// `TY` first and `ER` last in every reference.
fn ris_references(text: &str) -> Vec<Vec<(String, String)>> {
    assert!(!text.contains('\n') || text.contains("\r\n"));
    let mut refs = Vec::new();
    let mut current: Option<Vec<(String, String)>> = None;
    for line in text.split("\r\n").filter(|l| !l.is_empty()) {
        let bytes = line.as_bytes();
        assert!(bytes.len() >= 5, "{line:?}");
        assert!(
            bytes[0].is_ascii_uppercase() && bytes[1].is_ascii_alphanumeric(),
            "{line:?}"
        );
        assert_eq!(&line[2..6.min(line.len())], "  - ", "{line:?}");
        let (tag, value) = (line[..2].to_string(), line[6..].to_string());
        match tag.as_str() {
            "TY" => {
                assert!(current.is_none(), "TY inside a reference");
                current = Some(vec![(tag, value)]);
            }
            "ER" => refs.push(current.take().expect("ER closes a reference")),
            _ => current
                .as_mut()
                .expect("a tag inside a reference")
                .push((tag, value)),
        }
    }
    assert!(current.is_none(), "the last reference is closed by ER");
    refs
}

#[test]
fn ris_follows_the_specification_and_carries_the_fields() {
    let collection = fixture_collection();
    let original = exported(&collection);
    let text = ris(&collection);
    let refs = ris_references(&text);
    assert_eq!(refs.len(), original.len());
    let back = read_back("refs.ris", &text, BibFormat::Ris);
    for (id, item) in &original {
        assert_eq!(back[id]["type"], item["type"], "{id}");
    }
    for r in &refs {
        let get = |tag: &str| -> Vec<&str> {
            r.iter()
                .filter(|(t, _)| t == tag)
                .map(|(_, v)| v.as_str())
                .collect()
        };
        let id = get("ID")[0];
        let item = &original[id];
        if let Some(title) = item.get("title").and_then(Value::as_str) {
            assert_eq!(get("TI"), [title], "{id}");
        }
        for (field, tag) in [
            ("archive", "DB"),
            ("archive_location", "AN"),
            ("publisher", "PB"),
            ("publisher-place", "CY"),
            ("volume", "VL"),
        ] {
            if let Some(v) = item.get(field).and_then(Value::as_str) {
                assert_eq!(get(tag), [v], "{id} {field}");
            }
        }
        if let Some(authors) = item.get("author").and_then(Value::as_array) {
            let expected: Vec<String> = authors
                .iter()
                .map(|a| {
                    format!(
                        "{}, {}",
                        a["family"].as_str().unwrap(),
                        a["given"].as_str().unwrap()
                    )
                })
                .collect();
            assert_eq!(get("AU"), expected, "{id}");
        }
        if let Some(year) = item.get("issued").map(|d| parts(d)[0].as_i64().unwrap()) {
            assert_eq!(get("PY"), [format!("{year:04}")], "{id}");
            assert!(get("DA")[0].starts_with(&format!("{year:04}/")), "{id}");
        }
    }
}
