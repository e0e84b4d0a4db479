//! `ibid show` run as the real binary: a snapshot of the view of every fixture document,
//! the JSON model, and every broken fixture's errors on stderr with exit code 2.

use serde_json::Value;
use std::path::Path;

mod support;
use support::{ibid, workspace};

/// The fixture files under `dir` (relative to the workspace), sorted.
fn files(dir: &str, documents_only: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![workspace().join(dir)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            if p.is_dir() {
                stack.push(p);
            } else if !documents_only
                || ((name.ends_with(".md") || name.ends_with(".txt"))
                    && !name.ends_with(".ibid.toml"))
            {
                let rel = p
                    .strip_prefix(workspace())
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.push(rel);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn show_every_fixture_document() {
    let docs = files("fixtures/corpus", true);
    assert!(docs.len() >= 15);
    for doc in docs {
        let (code, stdout, stderr) = ibid(&["show", &doc]);
        assert_eq!((code, stderr.as_str()), (0, ""), "{doc}");
        let name = Path::new(&doc)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        insta::assert_snapshot!(format!("show_{name}"), stdout);
    }
}

#[test]
fn show_marks_inferred_years() {
    let (_, stdout, _) = ibid(&["show", "fixtures/corpus/letters/narimanov-letter-1921.txt"]);
    assert!(
        stdout.contains("19/II → 1921-02-19 (year inferred from document date)"),
        "{stdout}"
    );
    assert!(stdout.contains("22/II → 1921-02-22 (year inferred from document date)"));
    assert!(stdout.contains("Unknown handwriting (unidentified)"));
}

#[test]
fn show_json_is_the_model() {
    let (code, stdout, _) = ibid(&[
        "show",
        "--format",
        "json",
        "fixtures/corpus/letters/narimanov-letter-1921.txt",
    ]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["hands"].as_array().unwrap().len(), 11);
    assert_eq!(v["notes"].as_array().unwrap().len(), 4);
    assert_eq!(v["annotations"].as_array().unwrap().len(), 12);
    assert_eq!(
        v["annotations"][0]["date"]["parsed"]["value"]["year"]["inferred"],
        "context-year"
    );
    assert_eq!(v["body"]["marks"]["omissions"].as_array().unwrap().len(), 2);
}

#[test]
fn broken_documents_exit_2_with_their_errors() {
    for doc in files("fixtures/bad", false) {
        let (code, _, stderr) = ibid(&["show", &doc]);
        if doc.ends_with("impossible-date.md") || doc.ends_with("unknown-key.md") {
            // A date that is read but cannot exist, and a key the format does not define, are
            // findings of `ibid check` (D002, P004), not load errors: the document is shown.
            assert_eq!((code, stderr.as_str()), (0, ""), "{doc}");
            continue;
        }
        assert_eq!(code, 2, "{doc}: {stderr}");
        assert!(stderr.starts_with(&format!("{doc}:")), "{stderr}");
        let name = Path::new(&doc)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        insta::assert_snapshot!(format!("show_bad_{name}"), stderr);
    }
}

#[test]
fn a_missing_file_is_an_error() {
    let (code, _, stderr) = ibid(&["show", "fixtures/corpus/no-such-file.md"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("fixtures/corpus/no-such-file.md: no such file or folder"),
        "{stderr}"
    );
}
