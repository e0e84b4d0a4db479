//! `ibid check` on `fixtures/planted`, a corpus written from the product brief with known
//! problems: the exact set of findings is pinned, so precision and recall cannot drift.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every finding the planted corpus must produce: (file, line, code). Keep in step with the
/// first table of `fixtures/planted/EXPECTED.md` (checked below).
const EXPECTED: &[(&str, u64, &str)] = &[
    ("essay/turkish-question.md", 13, "R002"),
    ("essay/turkish-question.md", 21, "S002"),
    ("essay/turkish-question.md", 22, "F001"),
    ("letters/chicherin-lenin-1921.md", 10, "S004"),
    ("letters/chicherin-lenin-1921.md", 18, "P002"),
    ("letters/hoffmann-bericht-1920.md", 1, "S001"),
    ("letters/kalinin-speech-1921.ibid.toml", 22, "P001"),
    ("letters/lenin-stalin-1921.md", 28, "M002"),
    ("letters/lenin-stalin-1921.md", 35, "D003"),
    ("letters/narimanov-chicherin-1921.md", 10, "S002"),
    ("letters/narimanov-lenin-1921.cp1251.txt", 2, "E001"),
    ("letters/narimanov-lenin-1921.de.md", 13, "P003"),
    ("letters/shakhtakhtinsky-1921.md", 3, "D001"),
    ("letters/shakhtakhtinsky-1921.md", 9, "S004"),
    ("nk/dro-report-1921.md", 10, "F002"),
    ("nk/dro-report-1921.md", 26, "M001"),
    ("nk/kars-telegram-1920.md", 9, "R001"),
    ("nk/kars-telegram-1920.md", 10, "R002"),
    ("nk/mdivani-1921.en.md", 10, "S005"),
    ("nk/mdivani-1921.fr.md", 13, "P003"),
    ("refs.bib", 29, "S003"),
    ("scraped/web-note.txt", 1, "S001"),
    ("sources.toml", 12, "S003"),
    ("telegrams/broken.ibid.toml", 1, "E001"),
    ("telegrams/legrand-1920.md", 16, "D002"),
    ("telegrams/orjonikidze-1920.txt", 9, "F001"),
    ("telegrams/orjonikidze-1920.txt", 35, "M003"),
];

/// Planted problems ibid does not find yet (the parser reads them as valid); listed in
/// `EXPECTED.md` under "Known misses". Once one is found, move it to `EXPECTED`.
const KNOWN_MISSES: &[(&str, u64, &str)] = &[];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the workspace root exists")
}

/// Run `ibid check fixtures/planted` with JSON output; returns the exit code and findings
/// counted by (file relative to the corpus, line, code).
fn check_planted() -> (i32, BTreeMap<(String, u64, String), usize>) {
    let out = Command::cargo_bin("ibid")
        .expect("the ibid binary is built")
        .env_remove("NO_COLOR")
        .env("CI", "true")
        .current_dir(workspace())
        .args([
            "check",
            "fixtures/planted",
            "--output-format",
            "json",
            "--no-cache",
        ])
        .output()
        .expect("ibid runs");
    let stdout = String::from_utf8(out.stdout).expect("JSON output is UTF-8");
    let json: Value = serde_json::from_str(&stdout).expect("the output is JSON");
    let mut found = BTreeMap::new();
    for item in json.as_array().expect("a list of findings") {
        let file = item["filename"].as_str().expect("a filename");
        let file = file
            .strip_prefix("fixtures/planted/")
            .unwrap_or(file)
            .to_string();
        let line = item["location"]["row"].as_u64().expect("a row");
        let code = item["code"].as_str().expect("a code").to_string();
        *found.entry((file, line, code)).or_insert(0) += 1;
    }
    (out.status.code().unwrap_or(-1), found)
}

fn key(&(file, line, code): &(&str, u64, &str)) -> (String, u64, String) {
    (file.to_string(), line, code.to_string())
}

#[test]
fn planted_corpus_findings_are_exactly_the_expected_ones() {
    let (code, found) = check_planted();
    assert_eq!(code, 1, "findings make the exit code 1");
    let expected: Vec<_> = EXPECTED.iter().map(key).collect();
    let missed: Vec<_> = expected
        .iter()
        .filter(|k| !found.contains_key(*k))
        .collect();
    let unexpected: Vec<_> = found
        .keys()
        .filter(|k| !expected.contains(k))
        .map(|k| {
            let known = KNOWN_MISSES.iter().map(key).any(|m| &m == k);
            (k, if known { "a known miss now found" } else { "" })
        })
        .collect();
    let repeated: Vec<_> = found.iter().filter(|(_, &n)| n > 1).collect();
    assert!(
        missed.is_empty() && unexpected.is_empty() && repeated.is_empty(),
        "false negatives: {missed:#?}\nfalse positives: {unexpected:#?}\nreported twice: {repeated:#?}"
    );
}

#[test]
fn expected_md_lists_the_same_findings() {
    let text = std::fs::read_to_string(workspace().join("fixtures/planted/EXPECTED.md"))
        .expect("EXPECTED.md exists");
    // Rows look like "| `file` | line | CODE | ...": the first table holds the findings,
    // the "Known misses" table the planted problems not found yet.
    let (found_part, misses_part) = text
        .split_once("## Known misses")
        .expect("EXPECTED.md has a Known misses section");
    let rows = |part: &str| -> Vec<(String, u64, String)> {
        part.lines()
            .filter_map(|line| {
                let cells: Vec<&str> = line.split('|').map(str::trim).collect();
                let file = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
                let row = cells.get(2)?.parse().ok()?;
                Some((file.to_string(), row, cells.get(3)?.to_string()))
            })
            .collect()
    };
    let mut table = rows(found_part);
    table.sort();
    let mut expected: Vec<_> = EXPECTED.iter().map(key).collect();
    expected.sort();
    assert_eq!(table, expected);
    let mut misses = rows(misses_part);
    misses.sort();
    let mut known: Vec<_> = KNOWN_MISSES.iter().map(key).collect();
    known.sort();
    assert_eq!(misses, known);
}
