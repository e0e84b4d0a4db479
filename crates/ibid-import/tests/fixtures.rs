//! The import fixtures (`fixtures/import/pages`): each page gives its expected document
//! (`fixtures/import/expected/NAME.txt`, rewritten with `UPDATE_EXPECTED=1`) and its report
//! (an insta snapshot), and every line of every page ends up in exactly one place.

use ibid_import::{import, Imported, InputFormat, Options, Page, Place};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/import")
}

fn pages() -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(root().join("pages"))
        .expect("fixtures/import/pages")
        .map(|e| e.expect("entry").path())
        .collect();
    pages.sort();
    assert!(pages.len() >= 13, "the seed and at least twelve pages");
    pages
}

fn read(path: &Path) -> Page {
    let bytes = std::fs::read(path).expect("page");
    Page::read(&bytes, InputFormat::detect(path, &bytes)).expect("a readable page")
}

fn imported(path: &Path, options: &Options) -> Imported {
    import(&read(path), None, options).expect("a page, not yet a document")
}

fn name(path: &Path) -> String {
    path.file_stem()
        .expect("name")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn each_page_gives_its_expected_document() {
    let update = std::env::var_os("UPDATE_EXPECTED").is_some();
    let mut stale = Vec::new();
    for page in pages() {
        let document = imported(&page, &Options::default()).document();
        let expected_path = root().join("expected").join(format!("{}.txt", name(&page)));
        if update {
            std::fs::create_dir_all(expected_path.parent().expect("dir")).expect("mkdir");
            std::fs::write(&expected_path, &document).expect("write expected");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != document {
            stale.push(name(&page));
        }
    }
    assert!(
        stale.is_empty(),
        "documents differ from fixtures/import/expected: {stale:?}; review, then run with UPDATE_EXPECTED=1"
    );
}

#[test]
fn each_page_has_its_report() {
    for page in pages() {
        let mut report = imported(&page, &Options::default()).report();
        report.file = format!("pages/{}", page.file_name().expect("f").to_string_lossy());
        insta::assert_snapshot!(name(&page), report.to_text());
    }
}

#[test]
fn expected_documents_are_read_by_ibid_without_errors() {
    for page in pages() {
        let expected = root().join("expected").join(format!("{}.txt", name(&page)));
        let bytes = std::fs::read(&expected).expect("expected document");
        let loaded = ibid_provenance::parse_document(&expected, &bytes, None);
        assert!(loaded.value.is_some(), "{}", expected.display());
        assert!(
            loaded.errors.is_empty(),
            "{}: {:?}",
            expected.display(),
            loaded.errors
        );
    }
}

/// Every line of the page, put back together from the three parts: the body (in order),
/// the front-matter fields (each line evidenced by a field read from it, or the preamble),
/// and the debris list.
fn reassemble(page: &Page, imported: &Imported) -> Vec<String> {
    let places = &imported.places;
    assert_eq!(places.len(), page.lines.len());
    let body: Vec<&str> = imported.body.lines().collect();
    let mut body_lines = body.iter();
    let report = imported.report();
    let preamble: Vec<&str> = imported
        .fields
        .preamble
        .as_ref()
        .map(|p| p.value.split('\n').collect())
        .unwrap_or_default();
    let mut preamble_lines = preamble.iter();
    let mut out = Vec::new();
    for (i, place) in places.iter().enumerate() {
        let line_no = i + 1;
        let line = match place {
            Place::Body => body_lines.next().expect("a body line").to_string(),
            Place::Preamble => preamble_lines.next().expect("a preamble line").to_string(),
            // A blank line beside a block of the front matter or of debris is its layout.
            _ if page.lines[i].trim().is_empty() => page.lines[i].clone(),
            Place::Debris => {
                let d = imported.fields.debris.iter().find(|d| d.line == line_no);
                d.unwrap_or_else(|| {
                    panic!("no debris entry for line {line_no}: {:?}", page.lines[i])
                })
                .text
                .clone()
            }
            Place::DebrisThenBody => {
                let d = imported.fields.debris.iter().find(|d| d.line == line_no);
                format!(
                    "{}{}",
                    d.expect("debris").text,
                    body_lines.next().expect("body")
                )
            }
            _ => {
                let text = &page.lines[i];
                if !text.trim().is_empty() {
                    let evidenced = report.fields.iter().any(|f| {
                        f.line == Some(line_no)
                            && f.text.as_deref().is_some_and(|t| text.contains(t))
                    });
                    assert!(
                        evidenced,
                        "line {line_no} ({place:?}) feeds no field: {text}"
                    );
                }
                text.clone()
            }
        };
        out.push(line);
    }
    assert!(
        body_lines.next().is_none(),
        "the body has lines the page has not: {:?}",
        imported.body
    );
    assert!(
        preamble_lines.next().is_none(),
        "the preamble has lines the page has not"
    );
    assert_eq!(
        imported.fields.debris.len(),
        places
            .iter()
            .zip(&page.lines)
            .filter(
                |(p, l)| matches!(p, Place::Debris | Place::DebrisThenBody) && !l.trim().is_empty()
            )
            .count(),
        "one debris entry per debris line"
    );
    out
}

#[test]
fn every_line_ends_up_in_exactly_one_place() {
    for page_path in pages() {
        let page = read(&page_path);
        let imported = imported(&page_path, &Options::default());
        assert_eq!(
            reassemble(&page, &imported),
            page.lines,
            "{}",
            page_path.display()
        );
    }
}

#[test]
fn with_keep_debris_the_debris_stays_in_the_body_and_is_still_reported() {
    let seed = root().join("pages/narimanov-letter-1921.txt");
    let kept = imported(&seed, &Options::new(true, false));
    assert!(kept.body.contains("Leave a Reply"));
    assert!(kept.body.contains("  1. Narimanov"));
    assert!(!kept.front_matter.contains("[[import.debris]]"));
    assert_eq!(kept.report().debris.len(), 3);
}

#[test]
fn an_imported_document_imports_to_nothing() {
    for page in pages() {
        let document = imported(&page, &Options::default()).document();
        let again = Page::read(document.as_bytes(), InputFormat::Text).expect("readable");
        assert!(
            import(&again, None, &Options::default()).is_none(),
            "{}",
            page.display()
        );
    }
}
