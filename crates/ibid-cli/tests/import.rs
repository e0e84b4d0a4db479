//! `ibid import` run as the real binary: the seed imported into a copy of the bundled corpus
//! passes `ibid check`; `--dry-run` writes nothing; existing outputs need `--force`;
//! importing an imported document is a no-op; sidecars leave the text untouched; JSON
//! reports; exit codes 0 (all imported), 1 (fields undetermined), 2 (unreadable input).

use serde_json::Value;
use std::path::{Path, PathBuf};

mod support;
use support::{ibid, run_in, workspace};

fn page(name: &str) -> String {
    workspace()
        .join("fixtures/import/pages")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// A copy of `fixtures/corpus` in a temporary folder, without the hand-made seed document.
fn corpus_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&workspace().join("fixtures/corpus"), dir.path());
    std::fs::remove_file(dir.path().join("letters/narimanov-letter-1921.txt")).expect("rm");
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir") {
        let p = e.expect("entry").path();
        let target = to.join(p.file_name().expect("name"));
        if p.is_dir() {
            copy_dir(&p, &target);
        } else {
            std::fs::copy(&p, &target).expect("copy");
        }
    }
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("e").path())
        .collect();
    out.sort();
    out
}

#[test]
fn the_seed_imported_into_the_bundled_corpus_checks_clean() {
    let corpus = corpus_copy();
    let letters = corpus.path().join("letters");
    let (code, out, err) = ibid(&[
        "import",
        &page("narimanov-letter-1921.txt"),
        "--out",
        letters.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let written =
        std::fs::read_to_string(letters.join("narimanov-letter-1921.txt")).expect("written");
    assert!(written.contains("key = \"barsegov-nk\"\nlocator = \"Document 652, page 612\""));
    let (code, out, err) = run_in(corpus.path(), &["check", "."]);
    assert_eq!(code, 0, "ibid check: {out}{err}");
    assert!(out.contains("All checks passed"), "{out}");
}

#[test]
fn dry_run_writes_nothing_and_reports() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out_dir = dir.path().join("out");
    let (code, out, _) = ibid(&[
        "import",
        "--dry-run",
        &page("chicherin-note-daggers-en.txt"),
        "--out",
        out_dir.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("title") && out.contains("[5:1]"), "{out}");
    assert!(!out_dir.exists(), "--dry-run created the output folder");
}

#[test]
fn an_existing_output_is_overwritten_only_with_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("frunze-telegram-en.txt");
    std::fs::write(&target, "mine\n").expect("write");
    let args = [
        "import",
        &page("frunze-telegram-en.txt"),
        "--out",
        dir.path().to_str().expect("u"),
    ];
    let (code, _, err) = ibid(&args);
    assert_eq!(code, 2);
    assert!(err.contains("exists") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&target).expect("read"), "mine\n");
    let (code, _, err) = ibid(&[&args[..], &["--force"]].concat());
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read_to_string(&target)
        .expect("read")
        .starts_with("+++\n"));
    assert_eq!(
        files(dir.path()).len(),
        1,
        "no temporary file is left behind"
    );
}

#[test]
fn importing_an_imported_document_is_a_no_op() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("letter.txt");
    std::fs::copy(page("narimanov-letter-1921.txt"), &file).expect("copy");
    let f = file.to_str().expect("utf-8");
    let (code, _, err) = ibid(&["import", "--in-place", f]);
    assert_eq!(code, 0, "{err}");
    let once = std::fs::read(&file).expect("read");
    let (code, out, _) = ibid(&["import", "--in-place", f]);
    assert_eq!(code, 0);
    assert!(out.contains("already a document"), "{out}");
    assert_eq!(std::fs::read(&file).expect("read"), once);
}

#[test]
fn a_sidecar_leaves_the_text_untouched_and_is_read_by_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("telegram.txt");
    std::fs::copy(page("frunze-telegram-en.txt"), &file).expect("copy");
    let before = std::fs::read(&file).expect("read");
    let (code, _, err) = ibid(&["import", "--sidecar", file.to_str().expect("u")]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read(&file).expect("read"), before);
    let sidecar = std::fs::read_to_string(dir.path().join("telegram.ibid.toml")).expect("sidecar");
    assert!(
        sidecar.contains("kind = \"telegram\"") && !sidecar.contains("+++"),
        "{sidecar}"
    );
    let (code, out, err) = run_in(dir.path(), &["show", "telegram.txt"]);
    assert_eq!(code, 0, "{out}{err}");
    // The same page imported again: the sidecar makes it a document already.
    let (code, out, _) = ibid(&["import", "--sidecar", file.to_str().expect("u")]);
    assert_eq!((code, out.contains("already a document")), (0, true));
}

#[test]
fn html_pages_are_read_with_their_paragraphs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, _, err) = ibid(&[
        "import",
        &page("ordzhonikidze-telegram-en.html"),
        "--out",
        dir.path().to_str().expect("u"),
    ]);
    assert_eq!(code, 0, "{err}");
    let doc =
        std::fs::read_to_string(dir.path().join("ordzhonikidze-telegram-en.txt")).expect("doc");
    assert!(
        doc.contains("\n+++\nTelegram from G. Ordzhonikidze to V. Lenin\n\nNovember 28, 1920\n"),
        "{doc}"
    );
    assert!(!doc.contains("<p>") && !doc.contains("dataLayer"));
    let (code, _, err) = ibid(&[
        "import",
        "--sidecar",
        &page("ordzhonikidze-telegram-en.html"),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("--out"), "{err}");
}

#[test]
fn json_reports_and_exit_codes() {
    let (code, out, _) = ibid(&[
        "import",
        "--dry-run",
        "--format",
        "json",
        &page("narimanov-letter-1921.txt"),
        &page("myasnikov-crlf-ru.txt"),
    ]);
    assert_eq!(code, 1, "the second page has no source line");
    let reports: Value = serde_json::from_str(&out).expect("JSON");
    let reports = reports.as_array().expect("an array");
    assert_eq!(reports[0]["status"], "imported");
    assert_eq!(reports[1]["status"], "incomplete");
    assert_eq!(reports[1]["undetermined"][0]["field"], "source");
    let date = reports[0]["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .find(|f| f["field"] == "date")
        .expect("date");
    assert_eq!(
        (date["value"].as_str(), date["line"].as_u64()),
        (Some("1921-02-16"), Some(11))
    );
    assert_eq!(reports[0]["debris"][1]["text"], "Leave a Reply");
}

#[test]
fn unreadable_input_exits_2_with_its_position() {
    let (code, _, err) = ibid(&["import", "--dry-run", "fixtures/bad/not-utf8.txt"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("not-utf8.txt:") && err.contains("UTF-8") && err.contains("help:"),
        "{err}"
    );
    let (code, _, err) = ibid(&["import", &page("frunze-telegram-en.txt")]);
    assert_eq!(code, 2, "no destination and no --dry-run");
    assert!(err.contains("--out"), "{err}");
}

/// Documents are written as `fmt` writes: a new one with the mode any new file gets (not a
/// temporary file's owner-only mode); one rewritten in place keeps its mode and hard links;
/// a read-only one is refused, even with `--force`.
#[cfg(unix)]
#[test]
fn writes_keep_mode_and_links_and_respect_read_only_files() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().expect("tempdir");
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    let reference = dir.path().join("reference");
    std::fs::File::create(&reference).expect("create");
    let out = dir.path().join("out");
    let (code, _, err) = ibid(&[
        "import",
        &page("frunze-telegram-en.txt"),
        "--out",
        out.to_str().expect("u"),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(mode(&out.join("frunze-telegram-en.txt")), mode(&reference));

    let file = dir.path().join("letter.txt");
    let twin = dir.path().join("twin.txt");
    std::fs::copy(page("narimanov-letter-1921.txt"), &file).expect("copy");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    std::fs::hard_link(&file, &twin).expect("link");
    let (code, _, err) = ibid(&["import", "--in-place", file.to_str().expect("u")]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(mode(&file), 0o640);
    assert_eq!(std::fs::metadata(&file).expect("meta").nlink(), 2);
    let written = std::fs::read(&file).expect("read");
    assert!(written.starts_with(b"+++\n"));
    assert_eq!(
        std::fs::read(&twin).expect("read"),
        written,
        "the link sees it"
    );

    let locked = dir.path().join("locked.txt");
    std::fs::copy(page("frunze-telegram-en.txt"), &locked).expect("copy");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let before = std::fs::read(&locked).expect("read");
    let (code, _, err) = ibid(&[
        "import",
        "--in-place",
        "--force",
        locked.to_str().expect("u"),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("read-only"), "{err}");
    assert_eq!(std::fs::read(&locked).expect("read"), before);
}

/// A folder named on the command line stands for every page in it, walked as a corpus is
/// walked (sub-folders mirrored under `--out`; hidden files, `README.md` and files of other
/// kinds left alone); a second run imports nothing over what the first wrote; a folder
/// without pages is an error.
#[test]
fn a_folder_imports_every_page_in_it_into_the_same_tree() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pages = dir.path().join("pages");
    std::fs::create_dir_all(pages.join("ru")).expect("mkdir");
    std::fs::create_dir_all(pages.join(".drafts")).expect("mkdir");
    for (name, into) in [
        ("chicherin-note-daggers-en.txt", ""),
        ("rykov-pometa-ru.html", "ru"),
        ("stalin-rezolyutsiya-ru.txt", "ru"),
    ] {
        std::fs::copy(page(name), pages.join(into).join(name)).expect("copy");
    }
    std::fs::copy(
        page("frunze-telegram-en.txt"),
        pages.join(".drafts/frunze-telegram-en.txt"),
    )
    .expect("copy");
    std::fs::write(pages.join("README.md"), "# What these pages are\n").expect("write");
    std::fs::write(pages.join("notes.csv"), "a,b\n").expect("write");
    let out_dir = dir.path().join("out");
    let args = [
        "import",
        "--format",
        "json",
        pages.to_str().expect("utf-8"),
        "--out",
        out_dir.to_str().expect("utf-8"),
    ];
    let (code, out, err) = ibid(&args);
    assert!(code < 2, "{out}{err}");
    let reports: Value = serde_json::from_str(&out).expect("json");
    let imported: Vec<&str> = reports
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["output"].as_str().expect("output"))
        .collect();
    assert_eq!(imported.len(), 3, "{out}");
    assert_eq!(
        files(&out_dir),
        vec![
            out_dir.join("chicherin-note-daggers-en.txt"),
            out_dir.join("ru")
        ]
    );
    assert_eq!(
        files(&out_dir.join("ru")),
        vec![
            out_dir.join("ru/rykov-pometa-ru.txt"),
            out_dir.join("ru/stalin-rezolyutsiya-ru.txt")
        ]
    );
    // Run again: every output exists, and nothing is written over it.
    let before = std::fs::read(out_dir.join("ru/stalin-rezolyutsiya-ru.txt")).expect("read");
    let (code, _, err) = ibid(&args);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("pass --force"), "{err}");
    let after = std::fs::read(out_dir.join("ru/stalin-rezolyutsiya-ru.txt")).expect("read");
    assert_eq!(before, after);
    // The documents themselves, imported again in place, are already documents.
    let (code, out, err) = ibid(&["import", "--dry-run", out_dir.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{out}{err}");
    // A folder with no page in it.
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).expect("mkdir");
    let (code, _, err) = ibid(&["import", "--dry-run", empty.to_str().expect("utf-8")]);
    assert_eq!(code, 2);
    assert!(err.contains("no pages to import"), "{err}");
}
