//! The fixture corpus loads without a single error, and its bibliography resolves every key.

use ibid_provenance::{corpus::discover_files, Config, Corpus};
use std::path::{Path, PathBuf};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/corpus")
}

#[test]
fn the_fixture_corpus_loads_clean() {
    let dir = corpus_dir();
    let corpus = Corpus::open(&dir);
    let errors: Vec<String> = corpus.errors.iter().map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(corpus.files.len() >= 15, "{:?}", corpus.files);
    let mut errors = Vec::new();
    for loaded in corpus.load_documents() {
        errors.extend(loaded.errors.iter().map(|e| e.to_string()));
        let doc = loaded.value.expect("document");
        assert!(doc.title.is_some(), "{} has no title", doc.id);
        assert!(doc.unknown_keys().is_empty());
    }
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_bibliography_has_every_format() {
    let corpus = Corpus::open(&corpus_dir());
    let keys: Vec<&str> = corpus.bibliography.keys().collect();
    for key in [
        "barsegov-nk",
        "hovannisian-1996",
        "suny-1993",
        "adap-a5",
        "ddf-1921-1",
        "nk-1918-1923",
    ] {
        assert!(keys.contains(&key), "{key} missing from {keys:?}");
    }
    let barsegov = corpus.bibliography.get("barsegov-nk").unwrap();
    assert_eq!(
        barsegov.item.title.as_deref(),
        Some("Нагорный Карабах в международном праве и мировой политике: Документы и комментарий")
    );
    assert_eq!(barsegov.item.author[0].family.as_deref(), Some("Барсегов"));
    let nk = corpus.bibliography.get("nk-1918-1923").unwrap();
    assert_eq!(nk.item.editor[0].given.as_deref(), Some("В. А."));
    assert_eq!(nk.item.issued.as_ref().unwrap().start.as_slice(), [1992]);
}

#[test]
fn sidecars_are_not_documents_and_are_read_with_their_text() {
    let dir = corpus_dir();
    let config = Config::load(&dir.join("ibid.toml")).value.unwrap();
    let files = discover_files(&config, &dir).unwrap();
    assert!(files
        .iter()
        .all(|f| !f.to_string_lossy().ends_with(".ibid.toml")));
    let doc = ibid_provenance::read_document(&dir.join("letters/kalinin-speech-1921.txt"))
        .value
        .unwrap();
    assert!(doc.sidecar.is_some());
    assert_eq!(doc.body.span.start, 0);
    assert_eq!(
        doc.title.as_ref().unwrap().text,
        "Speech of M. I. Kalinin at a meeting in Baku (extract)"
    );
}
