//! `ibid fmt` run as the real binary: the fixture families (`fixtures/fmt/<family>/`),
//! `--check`, `--diff`, stdin, `--output-format`, agreement with `ibid check`, the
//! guarantees on bytes, line endings and permissions, bad input, and atomic writes.

mod support;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use support::{ibid, ibid_command, run_in, workspace};

/// Every file under `dir`, by relative path, as bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A fixture family copied into a temporary corpus: `ibid.toml` (and the bibliography
/// files beside it) and its `input/` files.
fn family_corpus(family: &str) -> (tempfile::TempDir, PathBuf) {
    let src = workspace().join("fixtures/fmt").join(family);
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    copy_dir(&src.join("input"), &dir.path().join("docs"));
    (dir, src)
}

fn families() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(workspace().join("fixtures/fmt"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".md"))
        .collect();
    names.sort();
    names
}

#[test]
fn every_family_formats_its_input_into_its_expected_tree() {
    let families = families();
    assert!(families.len() >= 9, "{families:?}");
    for family in families {
        let (dir, src) = family_corpus(&family);
        let (code, diff, _) = run_in(dir.path(), &["fmt", "--diff", "docs"]);
        assert_eq!(code, 1, "{family}: --diff finds changes");
        assert_eq!(
            tree(&dir.path().join("docs")),
            tree(&src.join("input")),
            "{family}: --diff writes nothing"
        );
        insta::assert_snapshot!(format!("fmt_diff_{family}"), diff);

        let (code, _, stderr) = run_in(dir.path(), &["fmt", "docs"]);
        assert_eq!(code, 0, "{family}: {stderr}");
        assert_eq!(
            tree(&dir.path().join("docs")),
            tree(&src.join("expected")),
            "{family}: fmt gives the expected tree"
        );
        // Idempotent, and `check` agrees: nothing left to format, no F finding.
        let (code, stdout, _) = run_in(dir.path(), &["fmt", "--check", "docs"]);
        assert_eq!(code, 0, "{family}: a second run changes nothing: {stdout}");
        let (_, concise, _) = run_in(
            dir.path(),
            &[
                "check",
                "docs",
                "--no-cache",
                "--select",
                "F",
                "--output-format",
                "concise",
            ],
        );
        assert!(
            !concise.contains(": F0"),
            "{family}: F findings after fmt:\n{concise}"
        );
    }
}

#[test]
fn check_fix_and_fmt_write_the_same_files() {
    for family in families() {
        let (by_fmt, _) = family_corpus(&family);
        let (by_check, _) = family_corpus(&family);
        run_in(by_fmt.path(), &["fmt", "docs"]);
        run_in(
            by_check.path(),
            &["check", "docs", "--no-cache", "--select", "F", "--fix"],
        );
        assert_eq!(
            tree(&by_fmt.path().join("docs")),
            tree(&by_check.path().join("docs")),
            "{family}: check --fix and fmt disagree"
        );
    }
}

#[test]
fn check_reports_exactly_the_files_fmt_would_change() {
    for family in families() {
        let (dir, _) = family_corpus(&family);
        let (_, listed, _) = run_in(dir.path(), &["fmt", "--check", "docs"]);
        let would: Vec<&str> = listed
            .lines()
            .filter_map(|l| l.strip_prefix("Would reformat: "))
            .collect();
        let (_, concise, _) = run_in(
            dir.path(),
            &[
                "check",
                "docs",
                "--no-cache",
                "--select",
                "F",
                "--output-format",
                "concise",
            ],
        );
        let mut reported: Vec<&str> = concise
            .lines()
            .filter(|l| l.contains(": F0"))
            .filter_map(|l| l.split(':').next())
            .map(|p| p.strip_suffix(".ibid.toml").map_or(p, |_| p))
            .collect();
        reported.dedup();
        let mut would_docs: Vec<String> = would.iter().map(|s| s.to_string()).collect();
        would_docs.sort();
        let mut reported_docs: Vec<String> = reported
            .iter()
            .map(|p| match p.strip_suffix(".ibid.toml") {
                Some(stem) => format!("{stem}.txt"),
                None => p.to_string(),
            })
            .collect();
        reported_docs.sort();
        reported_docs.dedup();
        assert_eq!(would_docs, reported_docs, "{family}");
    }
}

#[test]
fn the_demo_corpus_needs_formatting_and_the_bundled_corpus_does_not() {
    let (code, stdout, stderr) = ibid(&["fmt", "--check", "fixtures/demo"]);
    assert!(
        stdout.contains("Would reformat: fixtures/demo/letters/ordzhonikidze-telegram-1921.md"),
        "{stdout}"
    );
    // The demo holds a file saved in Windows-1251 on purpose: it cannot be formatted, which
    // is an error (exit 2) even with --check, after the files that would change are listed.
    assert!(
        stderr.contains("avprf-instruction-1921.txt:1:1: the file is not valid UTF-8"),
        "{stderr}"
    );
    assert_eq!(code, 2);
    let (code, stdout, _) = ibid(&[
        "fmt",
        "--check",
        "fixtures/demo/essays",
        "fixtures/demo/letters/ordzhonikidze-telegram-1921.md",
    ]);
    assert_eq!(code, 1, "{stdout}");
    insta::assert_snapshot!("fmt_check_demo", stdout);
    let (code, stdout, stderr) = ibid(&["fmt", "--check", "fixtures/corpus"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("0 files would be reformatted"), "{stdout}");
}

#[test]
fn check_output_formats_render_the_f_rules() {
    let (code, stdout, _) = ibid(&[
        "fmt",
        "--check",
        "--output-format",
        "json",
        "fixtures/demo/letters/ordzhonikidze-telegram-1921.md",
    ]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let codes: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["F001", "F001", "F002"]);
    let (_, concise, _) = ibid(&[
        "fmt",
        "--check",
        "--output-format",
        "concise",
        "fixtures/demo/letters/ordzhonikidze-telegram-1921.md",
    ]);
    let (_, from_check, _) = ibid(&[
        "check",
        "--no-cache",
        "--select",
        "F",
        "--output-format",
        "concise",
        "fixtures/demo/letters/ordzhonikidze-telegram-1921.md",
    ]);
    let lines = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| l.contains(": F0"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(lines(&concise), lines(&from_check));
}

#[test]
fn flags_override_the_configured_style_for_one_run() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("ibid.toml"),
        "[style]\nrange-dash = \"hyphen\"\n",
    )
    .unwrap();
    let doc = "+++\ntitle = \"x\"\n\n[source]\nlocator = \"pp. 33–35\"\n+++\n";
    std::fs::write(dir.path().join("a.md"), doc).unwrap();
    let (code, _, _) = run_in(dir.path(), &["fmt", "--check", "."]);
    assert_eq!(code, 1, "the config wants a hyphen");
    let (code, _, _) = run_in(
        dir.path(),
        &["fmt", "--check", "--range-dash", "en-dash", "."],
    );
    assert_eq!(code, 0, "the flag keeps the en dash");
    run_in(
        dir.path(),
        &[
            "fmt",
            "--page-range",
            "chicago",
            "--locator-form",
            "long",
            ".",
        ],
    );
    let after = std::fs::read_to_string(dir.path().join("a.md")).unwrap();
    assert!(after.contains("locator = \"pages 33-35\""), "{after}");
}

#[test]
fn stdin_uses_the_config_of_its_file_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("corpus")).unwrap();
    std::fs::write(
        dir.path().join("corpus/ibid.toml"),
        "[style]\nlocator-form = \"short\"\n",
    )
    .unwrap();
    let doc = "+++\ntitle = \"x\"\n\n[source]\nlocator = \"page 5\"\n+++\nSee [@a ;@b].\n";
    let out = ibid_command()
        .current_dir(dir.path())
        .args(["fmt", "-", "--stdin-filename", "corpus/new.md"])
        .write_stdin(doc)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "+++\ntitle = \"x\"\n\n[source]\nlocator = \"p. 5\"\n+++\nSee [@a; @b].\n"
    );
    // Without the file name there is no `ibid.toml`: only the default (pandoc punctuation).
    let out = ibid_command()
        .current_dir(dir.path())
        .args(["fmt", "-"])
        .write_stdin(doc)
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("locator = \"page 5\""));
    let out = ibid_command()
        .current_dir(dir.path())
        .args(["fmt", "--check", "-"])
        .write_stdin(doc)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = ibid_command()
        .args(["fmt", "-"])
        .write_stdin(vec![0xC8u8, 0xE5, 0x0A])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("not valid UTF-8"));
}

const MESSY: &str = "+++\ntitle = \"x\"\n\n[source]\nlocator = \"page 5-7\"\n+++\nSee [@a ;@b].\n";

fn style_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("ibid.toml"),
        "[style]\nlocator-form = \"short\"\nrange-dash = \"en-dash\"\n",
    )
    .unwrap();
    dir
}

#[test]
fn bytes_outside_the_rewritten_spans_line_endings_bom_and_permissions_are_kept() {
    let dir = style_corpus();
    let crlf = MESSY.replace('\n', "\r\n");
    let bom = format!("\u{feff}{crlf}");
    let mixed = "+++\r\ntitle = \"x\"\n\n[source]\r\nlocator = \"page 5-7\"\n+++\nLine one\r\nSee [@a ;@b].\nno newline at the end";
    std::fs::write(dir.path().join("crlf.md"), &crlf).unwrap();
    std::fs::write(dir.path().join("bom.md"), &bom).unwrap();
    std::fs::write(dir.path().join("mixed.md"), mixed).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            dir.path().join("crlf.md"),
            std::fs::Permissions::from_mode(0o640),
        )
        .unwrap();
    }
    let (code, _, stderr) = run_in(dir.path(), &["fmt", "."]);
    assert_eq!(code, 0, "{stderr}");
    let read = |n: &str| std::fs::read_to_string(dir.path().join(n)).unwrap();
    let want = |t: &str| {
        t.replace("page 5-7", "pp. 5–7")
            .replace("[@a ;@b]", "[@a; @b]")
    };
    assert_eq!(read("crlf.md"), want(&crlf));
    assert_eq!(read("bom.md"), want(&bom));
    assert_eq!(read("mixed.md"), want(mixed));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("crlf.md"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o640);
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn bad_input_is_reported_left_alone_and_the_rest_still_formatted() {
    let dir = style_corpus();
    let bad: &[(&str, &[u8], &str)] = &[
        (
            "not-utf8.md",
            b"+++\ntitle = \"\xC8\xE5\"\n+++\n",
            "not valid UTF-8",
        ),
        ("binary.md", b"\x00\x01\x02binary", "binary"),
        ("empty.md", b"", "empty"),
        (
            "unclosed.md",
            b"+++\ntitle = \"x\"\n[source]\nlocator = \"page 5-7\"\n",
            "never closed",
        ),
        (
            "broken-toml.md",
            b"+++\ntitle = \"x\n[source]\nlocator = \"page 5-7\"\n+++\n",
            "malformed TOML",
        ),
    ];
    for (name, bytes, _) in bad {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    std::fs::write(dir.path().join("good.md"), MESSY).unwrap();
    std::fs::write(dir.path().join("read-only.md"), MESSY).unwrap();
    let mut perms = std::fs::metadata(dir.path().join("read-only.md"))
        .unwrap()
        .permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(dir.path().join("read-only.md"), perms).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("good.md"), dir.path().join("link.md")).unwrap();

    let (code, _, stderr) = run_in(dir.path(), &["fmt", "."]);
    assert_eq!(code, 2, "{stderr}");
    for (name, bytes, message) in bad {
        assert!(
            stderr.contains(name) && stderr.contains(message),
            "{name}: {stderr}"
        );
        assert_eq!(
            std::fs::read(dir.path().join(name)).unwrap(),
            *bytes,
            "{name} was written"
        );
    }
    assert!(stderr.contains("read-only.md: is read-only"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("read-only.md")).unwrap(),
        MESSY
    );
    // The walk does not follow links (as `ibid check`); a link named on the command line is
    // refused, and stays a link.
    #[cfg(unix)]
    {
        assert!(!stderr.contains("link.md"), "{stderr}");
        std::fs::write(dir.path().join("good.md"), MESSY).unwrap();
        let (code, _, stderr) = run_in(dir.path(), &["fmt", "link.md", "good.md"]);
        assert_eq!(code, 2);
        assert!(stderr.contains("link.md: is a symbolic link"), "{stderr}");
        assert!(std::fs::symlink_metadata(dir.path().join("link.md"))
            .unwrap()
            .file_type()
            .is_symlink());
    }
    let good = std::fs::read_to_string(dir.path().join("good.md")).unwrap();
    assert!(
        good.contains("pp. 5–7") && good.contains("[@a; @b]"),
        "{good}"
    );
    // A usage error is exit 2 as well.
    let (code, _, _) = run_in(dir.path(), &["fmt", "--check", "--diff"]);
    assert_eq!(code, 2);
}

/// A SIGKILL while `ibid fmt` rewrites 10,000 files leaves each file entirely old or
/// entirely new: writes go to a temporary file that is renamed over the old one.
#[cfg(unix)]
#[test]
fn a_killed_run_leaves_every_file_old_or_new() {
    let dir = style_corpus();
    let old = "+++\ntitle = \"x\"\n\n[source]\nlocator = \"page 5-7\"\n+++\nText.\n";
    let new = "+++\ntitle = \"x\"\n\n[source]\nlocator = \"pp. 5–7\"\n+++\nText.\n";
    for i in 0..10_000 {
        let sub = dir.path().join(format!("d{}", i / 500));
        if i % 500 == 0 {
            std::fs::create_dir(&sub).unwrap();
        }
        std::fs::write(sub.join(format!("doc{i}.md")), old).unwrap();
    }
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("ibid"))
        .current_dir(dir.path())
        .args(["fmt", "."])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once it has written some files but (very likely) not all.
    let probe = dir.path().join("d0/doc0.md");
    let started = std::time::Instant::now();
    while std::fs::read_to_string(&probe).is_ok_and(|t| t == old)
        && started.elapsed().as_secs() < 30
    {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let (mut olds, mut news) = (0, 0);
    for (name, bytes) in tree(dir.path()) {
        // The temporary file being written when the kill came stays behind: a hidden file,
        // never a document, never renamed over one.
        if name == "ibid.toml"
            || name
                .rsplit('/')
                .next()
                .is_some_and(|n| n.starts_with(".ibid-"))
        {
            continue;
        }
        let text = String::from_utf8(bytes).unwrap();
        if text == old {
            olds += 1;
        } else if text == new {
            news += 1;
        } else {
            panic!("{name} is neither old nor new: {text:?}");
        }
    }
    assert_eq!(olds + news, 10_000);
    assert!(news > 0, "nothing was written before the kill");
}

/// `unify-sources` on a copy of the bundled corpus: it cites Barsegov's collection by
/// `key` in seven documents and writes it out in two (the seed letter, and a Russian
/// telegram in GOST style, volume 1 of the entry): both become `key = "barsegov-nk"` with
/// their pinpoint as `locator`, the cites kept as `cite-as-printed`. Then `ibid check`
/// finds nothing, and a second run changes nothing.
#[test]
fn unify_sources_on_the_bundled_corpus_cites_its_entry_by_key() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&workspace().join("fixtures/corpus"), dir.path());
    let (code, listed, stderr) = run_in(dir.path(), &["fmt", "--check", "--unify-sources", "."]);
    assert_eq!(code, 1, "{stderr}");
    let would: Vec<&str> = listed
        .lines()
        .filter_map(|l| l.strip_prefix("Would reformat: "))
        .collect();
    assert_eq!(
        would,
        [
            "letters/narimanov-letter-1921.txt",
            "letters/rykov-telegram-1921.md"
        ]
    );
    let (code, _, stderr) = run_in(dir.path(), &["fmt", "--unify-sources", "."]);
    assert_eq!(code, 0, "{stderr}");
    let seed =
        std::fs::read_to_string(dir.path().join("letters/narimanov-letter-1921.txt")).unwrap();
    assert!(
        seed.contains("[source]\nkey = \"barsegov-nk\"\nlocator = \"Document 652, page 612\"\ncite-as-printed = \"Барсегов Ю.Г. Нагорный Карабах, Document 652, page 612\"\narchive = "),
        "{seed}"
    );
    let rykov = std::fs::read_to_string(dir.path().join("letters/rykov-telegram-1921.md")).unwrap();
    assert!(
        rykov.contains("key = \"barsegov-nk\"\nlocator = \"Док. 670. С. 637–638\"\ncite-as-printed = \"Барсегов Ю.Г. Нагорный Карабах в международном праве и мировой политике. Т. 1. М., 2008. Док. 670. С. 637–638.\""),
        "{rykov}"
    );
    // `show` reads what was printed; the corpus checks clean with the style on.
    let (_, shown, _) = run_in(dir.path(), &["show", "letters/narimanov-letter-1921.txt"]);
    assert!(
        shown.contains("printed:  Барсегов Ю.Г. Нагорный Карабах, Document 652, page 612"),
        "{shown}"
    );
    let config = std::fs::read_to_string(dir.path().join("ibid.toml")).unwrap();
    std::fs::write(
        dir.path().join("ibid.toml"),
        config.replace("[style]\n", "[style]\nunify-sources = true\n"),
    )
    .unwrap();
    let (code, out, _) = run_in(dir.path(), &["check", ".", "--no-cache"]);
    assert_eq!(code, 0, "{out}");
    let (code, listed, _) = run_in(dir.path(), &["fmt", "--check", "."]);
    assert_eq!(code, 0, "not idempotent:\n{listed}");
}

/// Without `unify-sources`, F008 reports nothing and fmt leaves sources as written; `-`
/// formats one document alone and says its source is not unified.
#[test]
fn unify_sources_is_off_by_default_and_needs_a_corpus() {
    let (dir, _) = family_corpus("unify-sources");
    let config = std::fs::read_to_string(dir.path().join("ibid.toml")).unwrap();
    std::fs::write(
        dir.path().join("ibid.toml"),
        config.replace("unify-sources = true", "unify-sources = false"),
    )
    .unwrap();
    let (_, diff, _) = run_in(dir.path(), &["fmt", "--diff", "docs"]);
    assert!(!diff.contains("cite-as-printed"), "{diff}");
    let (_, concise, _) = run_in(
        dir.path(),
        &["check", "docs", "--no-cache", "--output-format", "concise"],
    );
    assert!(!concise.contains("F008"), "{concise}");
    let (_, diff, _) = run_in(dir.path(), &["fmt", "--diff", "--unify-sources", "docs"]);
    assert!(diff.contains("+cite-as-printed"), "{diff}");
    let doc =
        std::fs::read_to_string(dir.path().join("docs/ordzhonikidze-telegram-1921.md")).unwrap();
    let out = ibid_command()
        .current_dir(dir.path())
        .args([
            "fmt",
            "-",
            "--unify-sources",
            "--stdin-filename",
            "docs/ordzhonikidze-telegram-1921.md",
        ])
        .write_stdin(doc)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains("cite-as-printed"), "{stdout}");
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("its source is not unified"));
}

/// The bundled corpus formatted in each full style, then checked: no F finding is left.
#[test]
fn the_bundled_corpus_formatted_in_each_style_has_no_f_finding() {
    let styles = [
        "locator-form = \"short\"\nlabel-case = \"sentence\"\nlabel-space = \"space\"\nrange-dash = \"en-dash\"\npage-range = \"chicago\"\nleaf-side = \"short\"\nfront-matter = \"ordered\"\n",
        "locator-form = \"long\"\nlabel-space = \"nbsp\"\nrange-dash = \"hyphen\"\npage-range = \"full\"\nleaf-side = \"long\"\n",
        "locator-form = \"short\"\nlabel-case = \"sentence\"\nrange-dash = \"en-dash\"\npage-range = \"minimal\"\ncitation-syntax = \"as-written\"\n",
    ];
    for style in styles {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&workspace().join("fixtures/corpus"), dir.path());
        std::fs::write(
            dir.path().join("ibid.toml"),
            format!("bibliography = [\"refs.bib\", \"zotero.json\", \"sources.toml\"]\n\n[style]\n{style}"),
        )
        .unwrap();
        let (code, _, stderr) = run_in(dir.path(), &["fmt", "."]);
        assert_eq!(code, 0, "{style}: {stderr}");
        let (_, concise, _) = run_in(
            dir.path(),
            &[
                "check",
                ".",
                "--no-cache",
                "--select",
                "F",
                "--output-format",
                "concise",
            ],
        );
        assert!(!concise.contains(": F0"), "{style}:\n{concise}");
        let (code, listed, _) = run_in(dir.path(), &["fmt", "--check", "."]);
        assert_eq!(code, 0, "{style}: not idempotent:\n{listed}");
    }
}

/// A document with front matter and a sidecar reads its front matter (the sidecar is
/// ignored, P005): `--check` diagnostics point into the document, as `ibid check`'s do.
#[test]
fn check_diagnostics_of_front_matter_beside_an_ignored_sidecar_name_the_document() {
    let dir = style_corpus();
    std::fs::write(
        dir.path().join("both.md"),
        "+++\ntitle = \"x\"\n\n[source]\nlocator = \"page 5\"\n+++\nText.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("both.ibid.toml"),
        "title = \"x\"\n\n[source]\nlocator = \"page 7\"\n",
    )
    .unwrap();
    let (code, concise, _) = run_in(
        dir.path(),
        &["fmt", "--check", "--output-format", "concise", "."],
    );
    assert_eq!(code, 1);
    let lines: Vec<&str> = concise.lines().filter(|l| l.contains(": F0")).collect();
    assert_eq!(
        lines,
        ["both.md:5:12: F001 Locator `page 5` is written with `page`; the style writes `p.`"],
        "{concise}"
    );
    let (_, from_check, _) = run_in(
        dir.path(),
        &[
            "check",
            ".",
            "--no-cache",
            "--select",
            "F",
            "--output-format",
            "concise",
        ],
    );
    let check_lines: Vec<&str> = from_check.lines().filter(|l| l.contains(": F0")).collect();
    assert_eq!(lines, check_lines);
}
