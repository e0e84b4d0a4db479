//! The checker as a whole: a panicking rule becomes an E900 diagnostic for its file while the
//! other files and rules still run; the clean fixture corpus has no findings at all.

use ibid_check::rules::{DocContext, DocumentCheck, DOCUMENT_RULES};
use ibid_check::run::check_with;
use ibid_check::{check, CheckOptions, NoProgress, Rule};
use std::path::Path;

fn panicking(ctx: &mut DocContext<'_>) {
    if ctx.doc.id == "boom" {
        panic!("rule failed on purpose");
    }
}

#[test]
fn a_panic_in_one_file_is_reported_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let doc = "+++\ntitle = \"x\"\ndate = \"1921-02-30\"\n\n[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, doc. 652, p. 612\"\n+++\nText.\n";
    std::fs::write(dir.path().join("boom.md"), doc).unwrap();
    std::fs::write(dir.path().join("fine.md"), doc).unwrap();
    let mut checks: Vec<(Rule, DocumentCheck)> = vec![(Rule::UnparsedCitation, panicking)];
    checks.extend_from_slice(DOCUMENT_RULES);
    let options = CheckOptions {
        cache: false,
        cwd: dir.path().to_path_buf(),
        ..CheckOptions::default()
    };
    let result = check_with(&options, &NoProgress, &checks).unwrap();
    let found: Vec<(String, &str)> = result
        .diagnostics
        .iter()
        .map(|d| (d.path.clone(), d.code()))
        .collect();
    assert!(found.contains(&("boom.md".into(), "E900")), "{found:?}");
    assert!(
        found.contains(&("boom.md".into(), "D002")),
        "other rules still run: {found:?}"
    );
    assert!(found.contains(&("fine.md".into(), "D002")), "{found:?}");
    assert!(!found.contains(&("fine.md".into(), "E900")));
    assert!(result.has_internal_errors());
    let e900 = result
        .diagnostics
        .iter()
        .find(|d| d.rule == Rule::InternalError)
        .unwrap();
    assert!(
        e900.message.contains("rule failed on purpose"),
        "{}",
        e900.message
    );
}

#[test]
fn internal_errors_cannot_be_ignored() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("boom.md"),
        "+++\ntitle = \"x\"\n+++\nText.\n",
    )
    .unwrap();
    let checks: Vec<(Rule, DocumentCheck)> = vec![(Rule::UnparsedCitation, panicking)];
    let options = CheckOptions {
        cache: false,
        cwd: dir.path().to_path_buf(),
        selection: ibid_check::SelectionLayer {
            select: Some(ibid_check::parse_selectors(&["S001"]).unwrap()),
            ignore: ibid_check::parse_selectors(&["ALL"]).unwrap(),
            ..Default::default()
        },
        ..CheckOptions::default()
    };
    let result = check_with(&options, &NoProgress, &checks).unwrap();
    assert_eq!(result.diagnostics.len(), 1);
    assert_eq!(result.diagnostics[0].rule, Rule::InternalError);
}

/// No false positives on the clean fixture corpus, ever.
#[test]
fn the_clean_fixture_corpus_has_no_findings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/corpus")
        .canonicalize()
        .unwrap();
    let options = CheckOptions {
        cache: false,
        cwd: root,
        ..CheckOptions::default()
    };
    let result = check(&options, &NoProgress).unwrap();
    assert!(
        result.files >= 10,
        "the corpus was walked: {} files",
        result.files
    );
    let listing: Vec<String> = result
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{}:{}:{}: {} {}",
                d.path,
                d.start.line,
                d.start.column,
                d.code(),
                d.message
            )
        })
        .collect();
    assert!(
        listing.is_empty(),
        "false positives:\n{}",
        listing.join("\n")
    );
}

/// Diagnostics about front matter kept in a sidecar point into the sidecar; its suppressions
/// apply there, and `--fix` writes the sidecar, leaving the transcription untouched.
#[test]
fn sidecars_get_their_own_diagnostics_suppressions_and_fixes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("ibid.toml"),
        "[style]\nlocator-form = \"short\"\nlabel-case = \"sentence\"\n",
    )
    .unwrap();
    let text = "Speech of M. I. Kalinin at a meeting in Baku (extract).\n";
    std::fs::write(dir.path().join("speech.txt"), text).unwrap();
    let sidecar = "title = \"Speech\"\ndate = \"1921\"\ntitel = \"x\" # ibid: ignore[P004]\nplace = \"Baku\"\nplce = \"Baku\"\n\n[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, Document 231, page 170\"\n";
    std::fs::write(dir.path().join("speech.ibid.toml"), sidecar).unwrap();
    let mut options = CheckOptions {
        cache: false,
        cwd: dir.path().to_path_buf(),
        ..CheckOptions::default()
    };
    let result = check(&options, &NoProgress).unwrap();
    let found: Vec<String> = result
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{}:{}:{} {}",
                d.path,
                d.start.line,
                d.start.column,
                d.code()
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            "speech.ibid.toml:5:1 P004",
            "speech.ibid.toml:8:41 F001",
            "speech.ibid.toml:8:55 F001"
        ]
    );
    options.fix = ibid_check::FixMode::Apply;
    let fixed = check(&options, &NoProgress).unwrap();
    assert_eq!(fixed.fixed, 2);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("speech.txt")).unwrap(),
        text
    );
    let after = std::fs::read_to_string(dir.path().join("speech.ibid.toml")).unwrap();
    assert!(
        after.contains("cite = \"Барсегов Ю.Г. Нагорный Карабах, doc. 231, p. 170\""),
        "{after}"
    );
}
