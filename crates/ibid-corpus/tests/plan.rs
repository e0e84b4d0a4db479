//! Plans of real folders: the fixture corpus, `extend` chains and discovery, sidecars,
//! duplicates through symbolic links, special files, and bibliographies read once.

use ibid_corpus::{find_config, load_config, CorpusError, Plan, ReadErrorKind};
use ibid_provenance::LoadErrorKind;
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

const LETTER: &str = "+++\ntitle = \"Letter\"\n[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, doc. 652, p. 612\"\n+++\nText.\n";

#[test]
fn the_fixture_corpus_loads_clean() {
    let plan = Plan::new(&[PathBuf::from("fixtures/corpus")], &workspace()).unwrap();
    assert!(plan.errors.is_empty() && plan.warnings.is_empty());
    assert!(plan.files.len() >= 15, "{:?}", plan.files);
    assert_eq!(plan.corpora.len(), 1);
    assert!(plan.corpora[0].complete);
    let mut errors = Vec::new();
    for loaded in plan.load_documents() {
        errors.extend(loaded.errors.iter().map(|e| e.to_string()));
        let doc = loaded.value.expect("document");
        assert!(doc.title.is_some(), "{} has no title", doc.id);
        assert!(doc.unknown_keys().is_empty());
    }
    assert!(errors.is_empty(), "{errors:#?}");
    let kalinin = plan
        .files
        .iter()
        .find(|f| f.display == "fixtures/corpus/letters/kalinin-speech-1921.txt")
        .unwrap();
    assert_eq!(
        kalinin.sidecar.as_ref().unwrap().display,
        "fixtures/corpus/letters/kalinin-speech-1921.ibid.toml"
    );
    assert!(plan
        .files
        .iter()
        .all(|f| !f.display.ends_with(".ibid.toml")));

    let bibs = plan.load_bibliographies().unwrap();
    let merged = bibs[0].merged();
    assert!(merged.errors.is_empty(), "{:?}", merged.errors);
    let bib = merged.value.unwrap();
    for key in [
        "barsegov-nk",
        "hovannisian-1996",
        "suny-1993",
        "adap-a5",
        "ddf-1921-1",
        "nk-1918-1923",
    ] {
        assert!(bib.get(key).is_some(), "{key}");
    }
    let barsegov = bib.get("barsegov-nk").unwrap();
    assert_eq!(
        barsegov.item.title.as_deref(),
        Some("Нагорный Карабах в международном праве и мировой политике: Документы и комментарий")
    );
    assert_eq!(barsegov.item.author[0].family.as_deref(), Some("Барсегов"));
    let nk = bib.get("nk-1918-1923").unwrap();
    assert_eq!(nk.item.editor[0].given.as_deref(), Some("В. А."));
    assert_eq!(nk.item.issued.as_ref().unwrap().start.as_slice(), [1992]);
    assert_eq!(nk.file, Path::new("fixtures/corpus/sources.toml"));
}

#[test]
fn extend_merges_settings_and_reports_loops() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    write(
        &dir.join("ibid.toml"),
        "bibliography = [\"refs.bib\"]\nmax-file-size = \"1 KiB\"\n[style]\ncsl = \"apa\"\nrange-dash = \"hyphen\"\n[lint]\nignore = [\"D003\"]\nextend-select = [\"X001\"]\nper-file-ignores = { \"a/*.md\" = [\"P\"] }\n",
    );
    write(
        &dir.join("child/ibid.toml"),
        "extend = \"../ibid.toml\"\n[style]\ncsl = \"chicago-author-date\"\n[lint]\nextend-select = [\"X002\"]\nper-file-ignores = { \"b/*.md\" = [\"D\"] }\n",
    );
    let loaded = load_config(&dir.join("child/ibid.toml"));
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let c = loaded.value.unwrap();
    assert_eq!(c.bibliography[0].value, dir.join("refs.bib"));
    assert_eq!(c.style.csl.unwrap().value, "chicago-author-date");
    assert!(c.style.range_dash.is_some(), "inherited");
    assert_eq!(c.max_file_size.unwrap().value, 1024, "inherited");
    let extend: Vec<_> = c
        .lint
        .extend_select
        .iter()
        .map(|s| s.value.as_str())
        .collect();
    assert_eq!(extend, ["X001", "X002"]);
    assert_eq!(c.lint.per_file_ignores.len(), 2);
    assert_eq!(c.root, dir.join("child"));

    write(&dir.join("ibid.toml"), "extend = \"child/ibid.toml\"\n");
    let loaded = load_config(&dir.join("ibid.toml"));
    assert_eq!(loaded.errors.len(), 1, "{:?}", loaded.errors);
    assert_eq!(loaded.errors[0].kind, LoadErrorKind::BadExtend);
    assert!(loaded.errors[0].message.contains("cycle"));
    write(&dir.join("ibid.toml"), "extend = \"nowhere.toml\"\n");
    let loaded = load_config(&dir.join("ibid.toml"));
    assert!(loaded.errors[0].message.contains("does not exist"));
    assert_eq!(
        (
            loaded.errors[0].position.line,
            loaded.errors[0].position.column
        ),
        (1, 10)
    );
}

#[test]
fn discovery_walks_up_from_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("ibid.toml"), "[style]\ncsl = \"apa\"\n");
    write(&dir.path().join("child/doc.md"), "text");
    let found = find_config(&dir.path().join("child")).unwrap();
    assert_eq!(found, dir.path().join("ibid.toml").canonicalize().unwrap());
}

#[test]
fn the_size_limit_comes_from_the_configuration() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("ibid.toml"), "max-file-size = 20\n");
    write(&dir.path().join("big.md"), LETTER);
    write(&dir.path().join("small.md"), "Short text.\n");
    let plan = Plan::new(&[], dir.path()).unwrap();
    assert_eq!(plan.corpora[0].max_file_size, 20);
    let loaded = plan.load_documents();
    let error = &loaded[0].errors[0];
    assert_eq!(error.file, Path::new("big.md"));
    assert!(
        error
            .message
            .starts_with("cannot read the file: the file is larger than the read limit"),
        "{error}"
    );
    assert!(loaded[1].value.is_some());
}

#[test]
fn a_missing_bibliography_file_is_a_configuration_error() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("ibid.toml"),
        "bibliography = [\"refs.bib\", \"missing.json\"]\n",
    );
    write(&dir.path().join("refs.bib"), "@book{a, title = {A}}\n");
    write(&dir.path().join("a.md"), LETTER);
    let plan = Plan::new(&[], dir.path()).unwrap();
    let error = plan.load_bibliographies().unwrap_err();
    assert!(matches!(error, CorpusError::Bibliography { .. }));
    assert_eq!(
        error.to_string(),
        "ibid.toml:1:29: the bibliography file `missing.json` cannot be read: no such file or folder\n  help: correct the path in `bibliography`, relative to the ibid.toml that names it"
    );
}

#[test]
fn named_paths_must_exist_and_sidecars_stand_for_their_documents() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("a.txt"), "Text.\n");
    write(&dir.path().join("a.ibid.toml"), "title = \"A\"\n");
    write(&dir.path().join("orphan.ibid.toml"), "title = \"O\"\n");
    let error = Plan::new(&[PathBuf::from("nothing.md")], dir.path()).unwrap_err();
    assert_eq!(error.to_string(), "nothing.md: no such file or folder");
    let error = Plan::new(&[PathBuf::from("orphan.ibid.toml")], dir.path()).unwrap_err();
    assert!(matches!(error, CorpusError::Sidecar { .. }));
    assert!(error
        .to_string()
        .contains("put the document there, or rename the sidecar after its document"));
    let by_sidecar = Plan::new(&[PathBuf::from("a.ibid.toml")], dir.path()).unwrap();
    let plan = Plan::new(&[PathBuf::from("a.txt")], dir.path()).unwrap();
    assert_eq!(by_sidecar.files, plan.files);
    assert_eq!(plan.files[0].display, "a.txt");
    assert_eq!(
        plan.files[0].sidecar.as_ref().unwrap().display,
        "a.ibid.toml"
    );
    let doc = plan.load_document(&plan.files[0]).value.unwrap();
    assert_eq!(doc.title.unwrap().text, "A");
    // Named both ways, the document is planned once.
    let both = Plan::new(
        &[PathBuf::from("a.txt"), PathBuf::from("a.ibid.toml")],
        dir.path(),
    )
    .unwrap();
    assert_eq!(both.files.len(), 1);
}

#[test]
fn a_file_named_twice_is_planned_once() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("letters/a.md"), LETTER);
    let plan = Plan::new(
        &[
            PathBuf::from("letters"),
            PathBuf::from("letters/a.md"),
            PathBuf::from("./letters/../letters/a.md"),
        ],
        dir.path(),
    )
    .unwrap();
    assert_eq!(plan.files.len(), 1);
    assert!(plan.files[0].explicit);
}

#[cfg(unix)]
#[test]
fn symbolic_links_inside_folders_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("letters/a.md"), LETTER);
    std::os::unix::fs::symlink(root.join("letters"), root.join("letters/loop")).unwrap();
    std::os::unix::fs::symlink(root.join("letters/a.md"), root.join("copy.md")).unwrap();
    let plan = Plan::new(&[], root).unwrap();
    let shown: Vec<&str> = plan.files.iter().map(|f| f.display.as_str()).collect();
    assert_eq!(shown, ["letters/a.md"]);
    assert!(plan.errors.is_empty() && plan.warnings.is_empty());
    // Named explicitly, a link is followed, and its target is one file with the walked one.
    let plan = Plan::new(&[PathBuf::from("."), PathBuf::from("copy.md")], root).unwrap();
    let shown: Vec<&str> = plan.files.iter().map(|f| f.display.as_str()).collect();
    assert_eq!(shown, ["letters/a.md"]);
}

#[cfg(unix)]
#[test]
fn special_files_are_refused_when_named_and_skipped_with_a_warning_when_walked() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("a.md"), LETTER);
    let fifo = root.join("pipe.md");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: `c` is a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    std::os::unix::fs::symlink(root.join("zero.md"), root.join("zero.md")).unwrap();

    let plan = Plan::new(&[], root).unwrap();
    assert_eq!(plan.files.len(), 1);
    assert_eq!(
        plan.warnings,
        ["pipe.md: skipped, not a regular file: it is a FIFO (named pipe)"]
    );

    let error = Plan::new(&[PathBuf::from("pipe.md")], root).unwrap_err();
    assert_eq!(
        error.to_string(),
        "pipe.md: not a regular file: it is a FIFO (named pipe); ibid reads only regular files"
    );
    let error = Plan::new(&[PathBuf::from("zero.md")], root).unwrap_err();
    match error {
        CorpusError::Path { error, .. } => assert!(matches!(error.kind, ReadErrorKind::LinkLoop)),
        other => panic!("{other}"),
    }
    std::os::unix::fs::symlink("/dev/zero", root.join("dev.md")).unwrap();
    let error = Plan::new(&[PathBuf::from("dev.md")], root).unwrap_err();
    assert!(
        error
            .to_string()
            .ends_with("it is a character device; ibid reads only regular files"),
        "{error}"
    );
    std::fs::rename(&fifo, root.join("refs.bib")).unwrap();
    write(&root.join("ibid.toml"), "bibliography = [\"refs.bib\"]\n");
    let plan = Plan::new(&[PathBuf::from("a.md")], root).unwrap();
    let error = plan.load_bibliographies().unwrap_err();
    assert!(
        error
            .to_string()
            .contains("`refs.bib` cannot be read: not a regular file: it is a FIFO"),
        "{error}"
    );
}

#[test]
fn a_named_hidden_folder_is_read_from_anywhere() {
    // Without an ibid.toml, `include`/`exclude` apply relative to the folder named, so the
    // default exclusion of hidden folders does not hide the folder itself.
    let dir = tempfile::tempdir().unwrap();
    let hidden = dir.path().join(".drafts");
    write(&hidden.join("a.md"), LETTER);
    write(&hidden.join(".old/b.md"), LETTER);
    let elsewhere = tempfile::tempdir().unwrap();
    let plan = Plan::new(std::slice::from_ref(&hidden), elsewhere.path()).unwrap();
    assert_eq!(plan.files.len(), 1, "{:?}", plan.files);
    assert!(plan.files[0].path.ends_with(".drafts/a.md"));
    let plan = Plan::new(&[PathBuf::from(".drafts")], dir.path()).unwrap();
    let shown: Vec<&str> = plan.files.iter().map(|f| f.display.as_str()).collect();
    assert_eq!(shown, [".drafts/a.md"]);
}
