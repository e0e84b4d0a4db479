//! Errors a user can act on: each names the place and says what is wrong and what to do,
//! in the user's words (UTF-16 named as such, the line of a too-deep TOML key, advice that
//! fits the file, no Rust type names), and text from documents cannot drive the terminal.

mod support;
use std::path::Path;
use support::run_in;

const LETTER: &str = "+++\ntitle = \"Letter\"\ndate = \"1921-02-16\"\n\n[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, doc. 652, p. 612\"\n+++\nDear comrade,\n";

fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

fn concise(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["check", "--no-cache", "--output-format", "concise"];
    all.extend_from_slice(args);
    run_in(dir, &all)
}

fn utf16(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    if bom {
        bytes.extend(if little_endian {
            [0xFF, 0xFE]
        } else {
            [0xFE, 0xFF]
        });
    }
    for unit in text.encode_utf16() {
        bytes.extend(if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    bytes
}

#[test]
fn utf16_files_are_named_with_the_way_to_convert_them() {
    let dir = folder(&[
        ("bom.md", &utf16(LETTER, true, true)),
        ("big-endian.md", &utf16(LETTER, false, false)),
    ]);
    let (code, out, _) = concise(dir.path(), &[]);
    assert_eq!(code, 1);
    assert!(!out.contains("binary"), "{out}");
    assert!(out.contains("bom.md:1:1: E001 The file is UTF-16 text (little-endian, with a byte-order mark), not UTF-8"), "{out}");
    assert!(
        out.contains("big-endian.md:1:1: E001 The file is UTF-16 text (big-endian), not UTF-8"),
        "{out}"
    );
    let (code, full, _) = run_in(dir.path(), &["check", "--no-cache"]);
    assert_eq!(code, 1);
    assert!(full.contains("iconv -f UTF-16 -t UTF-8 bom.md"), "{full}");
    assert!(
        full.contains("iconv -f UTF-16BE -t UTF-8 big-endian.md"),
        "{full}"
    );
    let (code, _, stderr) = run_in(dir.path(), &["show", "bom.md"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("UTF-16") && stderr.contains("iconv"),
        "{stderr}"
    );
}

#[test]
fn a_toml_key_nested_too_deep_is_reported_on_its_own_line() {
    let dotted = vec!["part"; 100].join(".");
    let header = format!("+++\ntitle = \"Letter\"\n\n[{dotted}]\nx = 1\n+++\nText.\n");
    let key = format!("+++\ntitle = \"Letter\"\n\n{dotted} = 1\n+++\nText.\n");
    let dir = folder(&[("header.md", header.as_bytes()), ("key.md", key.as_bytes())]);
    let (_, out, _) = concise(dir.path(), &[]);
    assert!(out.contains("header.md:4:1: E001 Malformed TOML"), "{out}");
    assert!(out.contains("key.md:4:1: E001 Malformed TOML"), "{out}");
    let (_, full, _) = run_in(dir.path(), &["check", "--no-cache"]);
    assert!(full.contains("nested more than 80 levels"), "{full}");
}

#[test]
fn a_broken_ibid_toml_gets_advice_about_ibid_toml() {
    let dir = folder(&[
        ("ibid.toml", b"bibliography = [\n"),
        ("letter.md", LETTER.as_bytes()),
    ]);
    let (code, _, stderr) = concise(dir.path(), &[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("ibid.toml:1:17"), "{stderr}");
    assert!(!stderr.contains("front matter"), "{stderr}");
    assert!(stderr.contains("ibid.toml must be TOML"), "{stderr}");
}

#[test]
fn unknown_configuration_keys_are_warned_about_with_their_place() {
    let dir = folder(&[
        (
            "ibid.toml",
            b"bibliography = []\n\n[lint]\nselcet = [\"S\"]\n",
        ),
        ("letter.md", LETTER.as_bytes()),
    ]);
    let (code, _, stderr) = concise(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("ibid.toml:4:1: unknown key `selcet` in [lint]"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `select`?"), "{stderr}");
}

#[test]
fn csl_json_errors_name_the_variable_and_no_rust_type() {
    let dir = folder(&[
        ("ibid.toml", b"bibliography = [\"refs.json\"]\n"),
        (
            "refs.json",
            "[{\"id\": \"a\", \"type\": \"book\", \"title\": \"T\", \"author\": [\"Барсегов Ю.Г.\"]}]"
                .as_bytes(),
        ),
        ("letter.md", LETTER.as_bytes()),
    ]);
    let (_, out, _) = concise(dir.path(), &[]);
    assert!(!out.contains("CslName") && !out.contains("struct"), "{out}");
    assert!(
        out.contains("E002 Item `a` cannot be read: `author` has the wrong type"),
        "{out}"
    );
    assert!(
        out.contains("{\"family\": \"...\", \"given\": \"...\"}"),
        "{out}"
    );
}

#[test]
fn front_matter_that_is_not_read_says_why() {
    let yaml = "---\ntitle: Letter\nsource: Барсегов Ю.Г. Нагорный Карабах\n---\nText.\n";
    let blank = format!("\n\n{LETTER}");
    let dir = folder(&[("yaml.md", yaml.as_bytes()), ("blank.md", blank.as_bytes())]);
    let (_, out, _) = concise(dir.path(), &[]);
    assert!(
        out.contains("yaml.md:1:1: S001 Document has no front matter ibid reads: `---` opens YAML front matter"),
        "{out}"
    );
    assert!(
        out.contains("blank.md:3:1: S001 Document has no front matter ibid reads: the opening `+++` must be the file's first line"),
        "{out}"
    );
    let (_, full, _) = run_in(dir.path(), &["check", "--no-cache"]);
    assert!(
        full.contains("remove the 2 blank lines before `+++`"),
        "{full}"
    );
    assert!(full.contains("write it as TOML: `+++`"), "{full}");
}

#[test]
fn a_sidecar_named_on_the_command_line_stands_for_its_document() {
    let dir = folder(&[
        ("letter.txt", b"Dear comrade,\n"),
        (
            "letter.ibid.toml",
            b"title = \"Letter\"\ndate = \"1921-02-30\"\n\n[source]\ncite = \"Barsegov, doc. 652\"\n",
        ),
        ("orphan.ibid.toml", b"title = \"Nobody's\"\n"),
    ]);
    let (code, out, _) = concise(dir.path(), &["letter.ibid.toml"]);
    assert_eq!(code, 1);
    // The document is checked, with its sidecar: the date is found where it is written.
    assert!(out.contains("letter.ibid.toml:2:17: D002"), "{out}");
    assert!(!out.contains("S001"), "{out}");
    // Without a document it is refused like any path that is not a document (exit 2).
    let (code, _, stderr) = concise(dir.path(), &["orphan.ibid.toml"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(
            "orphan.ibid.toml: this is a sidecar file, and no document beside it has its name"
        ),
        "{stderr}"
    );
}

#[test]
fn text_from_documents_cannot_drive_the_terminal() {
    let doc = "+++\ntitle = \"x\"\ndate = \"1921-02-16\"\n\n[source]\ncite = \"y\"\n\n[[notes]]\nmarker = \"*\"\nhand = \"le\\u001b[2Jnin\\u0007\\u009b\"\n+++\nText* \u{1b}[31m and\u{9b}2J*\n";
    let mut files: Vec<(&str, &[u8])> = vec![("letter.md", doc.as_bytes())];
    #[cfg(unix)]
    files.push(("name\u{1b}[31m.md", doc.as_bytes()));
    let dir = folder(&files);
    for format in ["full", "concise"] {
        let (code, out, _) = run_in(
            dir.path(),
            &["check", "--no-cache", "--output-format", format],
        );
        assert_eq!(code, 1);
        for control in ['\u{1b}', '\u{7}', '\u{9b}'] {
            assert!(!out.contains(control), "{format}: {control:?} in\n{out}");
        }
        assert!(
            out.contains("le\\u{1b}[2Jnin\\u{7}\\u{9b}"),
            "{format}:\n{out}"
        );
        #[cfg(unix)]
        assert!(out.contains("name\\u{1b}[31m.md"), "{format}:\n{out}");
    }
    let (_, show, _) = run_in(dir.path(), &["show", "letter.md"]);
    assert!(
        !show.contains('\u{1b}') && !show.contains('\u{9b}'),
        "{show}"
    );
}

#[test]
fn help_lines_say_write_once() {
    let doc = LETTER.replace(
        "title = \"Letter\"",
        "title = \"Letter\"\nhands = \"lenin\"",
    );
    let dir = folder(&[("letter.md", doc.as_bytes())]);
    let (_, full, _) = run_in(dir.path(), &["check", "--no-cache"]);
    assert!(
        full.contains("help: write a table: [hands] on its own line"),
        "{full}"
    );
    assert!(!full.contains("write write"), "{full}");
}
