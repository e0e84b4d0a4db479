//! `ibid export` run as the real binary: snapshots of each format for the seed letter, and
//! the whole fixture corpus parsed back with serde_json and roxmltree.

use serde_json::Value;

mod support;
use support::ibid;

const SEED: &str = "fixtures/corpus/letters/narimanov-letter-1921.txt";

#[test]
fn each_format_of_the_seed_letter() {
    for (format, name) in [
        ("csl-json", "csl_json"),
        ("tei", "tei"),
        ("prov-json", "prov_json"),
    ] {
        let (code, stdout, stderr) = ibid(&["export", "--to", format, SEED]);
        assert_eq!((code, stderr.as_str()), (0, ""), "{format}");
        insta::assert_snapshot!(format!("export_seed_{name}"), stdout);
    }
}

#[test]
fn keyed_sources_take_the_corpus_bibliography() {
    let (code, stdout, _) = ibid(&[
        "export",
        "--to",
        "csl-json",
        "fixtures/corpus/letters/chicherin-note-1921.md",
    ]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("export_keyed_csl_json", stdout);
}

#[test]
fn the_whole_corpus_exports_and_parses_back() {
    let (code, stdout, stderr) = ibid(&["export", "--to", "csl-json", "fixtures/corpus"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let items: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    assert!(items.len() >= 15);
    let (code, stdout, _) = ibid(&["export", "--to", "tei", "fixtures/corpus"]);
    assert_eq!(code, 0);
    let xml = roxmltree::Document::parse(&stdout).unwrap();
    assert_eq!(xml.root_element().tag_name().name(), "teiCorpus");
    let (code, stdout, _) = ibid(&["export", "--to", "prov-json", "fixtures/corpus"]);
    assert_eq!(code, 0);
    let prov: Value = serde_json::from_str(&stdout).unwrap();
    assert!(prov["wasDerivedFrom"].as_object().unwrap().len() >= 15);
}

#[test]
fn errors_exit_2_and_the_rest_is_exported() {
    let (code, stdout, stderr) = ibid(&[
        "export",
        "--to",
        "csl-json",
        SEED,
        "fixtures/bad/unknown-key.md",
        "fixtures/bad/empty.md",
    ]);
    assert_eq!(code, 2);
    let items: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        items.len(),
        2,
        "the seed and the document with an unknown key"
    );
    assert!(
        stderr.contains("fixtures/bad/empty.md:1:1: the document is empty"),
        "{stderr}"
    );
    let (code, _, _) = ibid(&["export", "--to", "pdf", SEED]);
    assert_eq!(code, 2, "an unknown format is a usage error");
}
