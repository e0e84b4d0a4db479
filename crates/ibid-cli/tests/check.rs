//! `ibid check` and `ibid rule` run as the real binary: every output format, exit codes,
//! `--fix` (twice changes nothing), `--diff`, `--statistics`, the cache, and usage errors.

use serde_json::Value;

mod support;
use std::path::{Path, PathBuf};
use support::{run_in, workspace};

fn demo(args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["check", "fixtures/demo", "--no-cache"];
    all.extend_from_slice(args);
    run_in(&workspace(), &all)
}

const CLEAN: &str = "+++\ntitle = \"Letter of N. Narimanov to V. I. Lenin\"\ndate = \"1921-02-16\"\n\n[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, doc. 652, p. 612\"\n+++\nDear Vladimir Ilyich,\n";

/// A temporary corpus with an `ibid.toml` and the given files.
fn corpus(config: &str, files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ibid.toml"), config).unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn concise_output_of_the_demo_corpus() {
    let (code, stdout, stderr) = demo(&["--output-format", "concise"]);
    assert_eq!(code, 1, "{stderr}");
    insta::assert_snapshot!(stdout);
}

#[test]
fn full_output_looks_like_rustc() {
    let (code, stdout, _) = demo(&["--output-format", "full", "--select", "D002,M001"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(stdout);
}

#[test]
fn text_is_an_alias_of_full() {
    let (_, full, _) = demo(&["--output-format", "full"]);
    let (_, text, _) = demo(&["--output-format", "text"]);
    assert_eq!(full, text);
}

#[test]
fn json_lists_every_diagnostic_in_ruffs_shape() {
    let (code, stdout, _) = demo(&["--output-format", "json"]);
    assert_eq!(code, 1);
    let list: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    let (_, concise, _) = demo(&["--output-format", "concise"]);
    let concise_lines = concise
        .lines()
        .filter(|l| !l.starts_with("Found") && !l.starts_with("[*]"))
        .count();
    assert_eq!(list.len(), concise_lines, "json and concise disagree");
    for d in &list {
        for key in ["code", "message", "filename", "url"] {
            assert!(d[key].is_string(), "{key} in {d}");
        }
        for key in ["location", "end_location"] {
            assert!(d[key]["row"].as_u64().unwrap() >= 1);
            assert!(d[key]["column"].as_u64().unwrap() >= 1);
        }
        assert!(d["noqa_row"].is_u64());
        assert!(d.get("fix").is_some());
    }
    let fixable = list.iter().filter(|d| !d["fix"].is_null()).count();
    assert!(fixable > 0);
}

#[test]
fn json_lines_has_one_object_per_line() {
    let (code, stdout, _) = demo(&["--output-format", "json-lines"]);
    assert_eq!(code, 1);
    let (_, json, _) = demo(&["--output-format", "json"]);
    let list: Vec<Value> = serde_json::from_str(&json).unwrap();
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines, list);
}

#[test]
fn sarif_has_the_required_fields() {
    let (code, stdout, _) = demo(&["--output-format", "sarif"]);
    assert_eq!(code, 1);
    let log: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"]
        .as_str()
        .unwrap()
        .ends_with("sarif-2.1.0.json"));
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "ibid");
    assert!(driver["version"].is_string());
    let rules = driver["rules"].as_array().unwrap();
    assert!(rules.iter().all(|r| r["id"].is_string()
        && r["shortDescription"]["text"].is_string()
        && r["help"]["text"].is_string()));
    assert_eq!(
        run["originalUriBaseIds"]["%SRCROOT%"]["uri"],
        format!("file://{}/", workspace().display())
    );
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let id = r["ruleId"].as_str().unwrap();
        assert_eq!(rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"], id);
        assert!(["error", "warning", "note", "none"].contains(&r["level"].as_str().unwrap()));
        assert!(!r["message"]["text"].as_str().unwrap().is_empty());
        let location = &r["locations"][0]["physicalLocation"];
        assert!(location["artifactLocation"]["uri"].is_string());
        let region = &location["region"];
        let start = (
            region["startLine"].as_u64().unwrap(),
            region["startColumn"].as_u64().unwrap(),
        );
        let end = (
            region["endLine"].as_u64().unwrap(),
            region["endColumn"].as_u64().unwrap(),
        );
        assert!(start.0 >= 1 && start.1 >= 1 && end >= start, "{region}");
        assert!(r["partialFingerprints"]
            .as_object()
            .is_some_and(|o| !o.is_empty()));
    }
}

#[test]
fn github_annotations_are_escaped_commands() {
    let (code, stdout, _) = demo(&["--output-format", "github"]);
    assert_eq!(code, 1);
    for line in stdout.lines() {
        assert!(line.starts_with("::error title=ibid ("), "{line}");
        let (props, message) = line.split_once("::").unwrap().1.split_once("::").unwrap();
        for key in ["file=", "line=", "col=", "endLine=", "endColumn="] {
            assert!(props.contains(key), "{line}");
        }
        assert!(!message.contains('\n') && !message.contains('\r'));
    }
}

#[test]
fn junit_is_well_formed_xml() {
    let (code, stdout, _) = demo(&["--output-format", "junit"]);
    assert_eq!(code, 1);
    let doc = roxmltree::Document::parse(&stdout).unwrap();
    let failures: usize = doc
        .root_element()
        .attribute("failures")
        .unwrap()
        .parse()
        .unwrap();
    let cases = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .count();
    assert_eq!(failures, cases);
    assert!(cases > 0);
}

#[test]
fn a_clean_corpus_exits_zero() {
    let dir = corpus("", &[("letter.md", CLEAN)]);
    for format in [
        "full",
        "concise",
        "json",
        "json-lines",
        "sarif",
        "github",
        "junit",
    ] {
        let (code, stdout, stderr) = run_in(
            dir.path(),
            &["check", "--no-cache", "--output-format", format],
        );
        assert_eq!(code, 0, "{format}: {stdout}{stderr}");
        assert_eq!(stderr, "", "{format}: nothing on stderr outside a terminal");
        match format {
            "full" | "concise" => assert!(stdout.starts_with("All checks passed!"), "{stdout}"),
            "json" => assert_eq!(stdout.trim(), "[]"),
            "json-lines" | "github" => assert_eq!(stdout, ""),
            "sarif" => {
                let log: Value = serde_json::from_str(&stdout).unwrap();
                assert_eq!(log["runs"][0]["results"], Value::Array(Vec::new()));
            }
            _ => {
                roxmltree::Document::parse(&stdout).unwrap();
            }
        }
    }
}

#[test]
fn exit_zero_and_selection() {
    let (code, _, _) = demo(&["--exit-zero"]);
    assert_eq!(code, 0);
    let (code, stdout, _) = demo(&["--select", "S004", "--output-format", "concise"]);
    assert_eq!(code, 1);
    assert!(stdout
        .lines()
        .filter(|l| l.contains(": "))
        .all(|l| l.contains(" S004 ") || l.starts_with("Found")));
    let (code, stdout, _) = demo(&["--select", "S", "--ignore", "S0", "--extend-select", "S004"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("S004"));
    assert!(!stdout.contains("S001"));
    let (code, stdout, _) = demo(&[
        "--select",
        "P003",
        "--ignore",
        "P",
        "--output-format",
        "concise",
    ]);
    assert_eq!(code, 1, "the more specific selector wins");
    assert!(
        stdout.contains(" P003 ") && !stdout.contains(" P001 "),
        "{stdout}"
    );
    let (code, _, _) = demo(&["--select", "P003", "--ignore", "P003"]);
    assert_eq!(code, 0, "on a tie, ignore wins");
}

#[test]
fn usage_and_configuration_errors_exit_two() {
    let (code, _, stderr) = demo(&["--select", "X9"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown rule selector `X9`"), "{stderr}");
    let (code, _, _) = demo(&["--output-format", "yaml"]);
    assert_eq!(code, 2);
    let (code, _, stderr) = run_in(&workspace(), &["check", "no/such/folder"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no such file"), "{stderr}");
    let dir = corpus(
        "[lint]\nselect = [\"S004\", \"Q1\"]\n",
        &[("letter.md", CLEAN)],
    );
    let (code, _, stderr) = run_in(dir.path(), &["check", "--no-cache"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("ibid.toml:2:") && stderr.contains("`Q1`"),
        "{stderr}"
    );
    let dir = corpus("bibliography = [\n", &[("letter.md", CLEAN)]);
    let (code, _, _) = run_in(dir.path(), &["check", "--no-cache"]);
    assert_eq!(code, 2);
}

#[test]
fn configuration_selects_rules_and_per_file_ignores() {
    let no_source = "+++\ntitle = \"Draft\"\n+++\nText.\n";
    let dir = corpus(
        "[lint]\nignore = [\"P\"]\nper-file-ignores = { \"drafts/*.md\" = [\"S001\"] }\n",
        &[("drafts/a.md", no_source), ("final/b.md", no_source)],
    );
    let (code, stdout, _) = run_in(
        dir.path(),
        &["check", "--no-cache", "--output-format", "concise"],
    );
    assert_eq!(code, 1);
    assert!(stdout.contains("final/b.md:1:1: S001"), "{stdout}");
    assert!(!stdout.contains("drafts/a.md"), "{stdout}");
}

#[test]
fn statistics_count_per_rule() {
    let (code, stdout, _) = demo(&["--statistics"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(stdout);
    let (_, json, _) = demo(&["--statistics", "--output-format", "json"]);
    let stats: Vec<Value> = serde_json::from_str(&json).unwrap();
    assert!(stats.iter().all(|s| s["count"].as_u64().unwrap() >= 1));
}

#[test]
fn fix_applies_safe_fixes_and_a_second_run_changes_nothing() {
    let bad = "\u{feff}+++\r\ntitle = \"Telegram\"\r\ndate = \"1921-02-20\"\r\n\r\n[source]\r\ncite = \"Барсегов Ю.Г. Нагорный Карабах, Document 660, pages 621-623\"\r\n+++\r\nBaku.\r\n";
    let dir = corpus(
        "[style]\nlocator-form = \"short\"\nlabel-case = \"sentence\"\nrange-dash = \"en-dash\"\n",
        &[("telegram.md", bad)],
    );
    let (code, stdout, _) = run_in(dir.path(), &["check", "--no-cache", "--diff"]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("+cite = \"Барсегов Ю.Г. Нагорный Карабах, doc. 660, pp. 621–623\""),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("telegram.md")).unwrap(),
        bad,
        "--diff writes nothing"
    );

    let (code, stdout, _) = run_in(dir.path(), &["check", "--no-cache", "--fix"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("3 fixed, 0 remaining"), "{stdout}");
    let fixed = std::fs::read_to_string(dir.path().join("telegram.md")).unwrap();
    assert_eq!(
        fixed,
        bad.replace("Document", "doc.")
            .replace("pages", "pp.")
            .replace("621-623", "621–623")
    );
    assert!(
        fixed.starts_with('\u{feff}')
            && fixed.contains("\r\n")
            && !fixed.replace("\r\n", "").contains('\n')
    );

    let (code, stdout, _) = run_in(dir.path(), &["check", "--no-cache", "--fix"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("All checks passed!"), "{stdout}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("telegram.md")).unwrap(),
        fixed
    );
    let (code, stdout, _) = run_in(dir.path(), &["check", "--no-cache", "--diff"]);
    assert_eq!((code, stdout.as_str()), (0, ""));
}

#[test]
fn fix_removes_unused_suppressions() {
    let text = CLEAN.replace(
        "Dear Vladimir Ilyich,",
        "Dear Vladimir Ilyich, <!-- ibid: ignore[M001] -->",
    );
    let dir = corpus("", &[("letter.md", &text)]);
    let (code, stdout, _) = run_in(
        dir.path(),
        &["check", "--no-cache", "--output-format", "concise"],
    );
    assert_eq!(code, 1);
    assert!(stdout.contains("I001"), "{stdout}");
    let (code, _, _) = run_in(dir.path(), &["check", "--no-cache", "--fix"]);
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("letter.md")).unwrap(),
        CLEAN
    );
}

#[test]
fn the_cache_gives_the_same_results_and_survives_corruption() {
    let dir = corpus(
        "",
        &[
            ("letter.md", CLEAN),
            (
                "bad.md",
                "+++\ntitle = \"x\"\ndate = \"1921-02-30\"\n+++\nx\n",
            ),
        ],
    );
    let (code, first, stderr) = run_in(dir.path(), &["check", "--output-format", "json"]);
    assert_eq!(code, 1, "{stderr}");
    let cache_dir = dir.path().join(".ibid_cache");
    assert!(cache_dir.join("CACHEDIR.TAG").is_file());
    let (_, second, stderr) = run_in(dir.path(), &["check", "--output-format", "json"]);
    assert_eq!(first, second);
    assert_eq!(stderr, "");
    // Editing a file invalidates its entry.
    std::fs::write(dir.path().join("bad.md"), CLEAN).unwrap();
    let (code, _, _) = run_in(dir.path(), &["check"]);
    assert_eq!(code, 0);
    // A corrupt cache is ignored with a warning, and rewritten.
    for entry in walk(&cache_dir) {
        if entry.extension().is_some_and(|e| e == "bin") {
            std::fs::write(&entry, b"garbage").unwrap();
        }
    }
    let (code, _, stderr) = run_in(dir.path(), &["check"]);
    assert_eq!(code, 0);
    assert!(stderr.contains("corrupt cache"), "{stderr}");
    let (_, _, stderr) = run_in(dir.path(), &["check"]);
    assert_eq!(stderr, "");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn unreadable_files_are_diagnostics_not_crashes() {
    let dir = corpus("", &[("letter.md", CLEAN)]);
    std::fs::write(dir.path().join("scan.md"), b"\x89PNG\r\n\x1a\n\x00\x00").unwrap();
    std::fs::write(
        dir.path().join("cp1251.txt"),
        b"+++\ntitle = \"\xcf\xe8\xf1\xfc\xec\xee\"\n+++\n",
    )
    .unwrap();
    let (code, stdout, _) = run_in(
        dir.path(),
        &["check", "--no-cache", "--output-format", "concise"],
    );
    assert_eq!(code, 1);
    assert!(stdout.contains("scan.md:1:1: E001"), "{stdout}");
    assert!(stdout.contains("cp1251.txt:2:10: E001"), "{stdout}");
}

#[test]
fn rule_explains_one_rule_or_all() {
    let (code, stdout, _) = run_in(&workspace(), &["rule", "S004"]);
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with("# S004 (inconsistent-source)"),
        "{stdout}"
    );
    for heading in [
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Fix",
    ] {
        assert!(stdout.contains(heading));
    }
    let page = std::fs::read_to_string(workspace().join("docs/rules/S004.md")).unwrap();
    assert_eq!(stdout, page, "`ibid rule` and docs/rules agree");
    let (code, stdout, _) = run_in(&workspace(), &["rule", "--all"]);
    assert_eq!(code, 0);
    assert!(stdout.matches("\n## What it does").count() >= 26);
    let (code, stdout, _) = run_in(&workspace(), &["rule", "--all", "--output-format", "json"]);
    assert_eq!(code, 0);
    let list: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    assert!(list
        .iter()
        .any(|r| r["code"] == "F002" && r["fix"] == "always"));
    let (code, _, stderr) = run_in(&workspace(), &["rule", "X999"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown rule code"));
}

/// A brace right after a bare key (`{@doe}`, `@doe}`) is text, in the body and in a note's
/// text: `check` reports the key's findings (exit 1) and `fmt` has nothing to change, where
/// both once failed with an internal error.
#[test]
fn a_brace_after_a_citation_key_is_text() {
    let doc = "+++\ntitle = \"T\"\n\n[[notes]]\nmarker = \"*\"\ntext = \"See @doe} here.\"\n+++\nText* {@doe} here, and @doe} [p. 3].\n";
    let dir = corpus("", &[("doc.md", doc)]);
    let (code, out, err) = run_in(
        dir.path(),
        &["check", "--no-cache", "--output-format", "concise", "."],
    );
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("S002"), "{out}");
    assert!(
        !out.contains("E900") && !err.contains("panicked"),
        "{out}{err}"
    );
    let (code, out, err) = run_in(dir.path(), &["fmt", "--check", "."]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(!err.contains("panicked"), "{err}");
}
