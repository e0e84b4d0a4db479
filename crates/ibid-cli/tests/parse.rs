//! `ibid parse` run as a real binary: arguments, stdin streaming, JSON contract, exit codes.

use assert_cmd::Command;
use serde_json::Value;

fn ibid() -> Command {
    Command::cargo_bin("ibid").expect("the ibid binary is built")
}

fn json_lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8(stdout.to_vec())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is one JSON object"))
        .collect()
}

const SEED_SOURCE: &str = "Барсегов Ю.Г. Нагорный Карабах Document 652, page 612";

#[test]
fn seed_source_line_as_json() {
    let out = ibid()
        .args(["parse", "--format", "json", SEED_SOURCE])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = json_lines(&out.stdout);
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!(r["input"], SEED_SOURCE);
    assert_eq!(r["kind"], "reference");
    assert_eq!(r["item"]["author"][0]["family"], "Барсегов");
    assert_eq!(r["item"]["author"][0]["given"], "Ю.Г.");
    assert_eq!(r["item"]["title"], "Нагорный Карабах");
    assert_eq!(r["item"]["number"], "652");
    let locators = r["locators"].as_array().unwrap();
    let pairs: Vec<(&str, &str)> = locators
        .iter()
        .map(|l| (l["label"].as_str().unwrap(), l["locator"].as_str().unwrap()))
        .collect();
    assert_eq!(pairs, [("document", "652"), ("page", "612")]);
    for l in locators {
        let (s, e) = (
            l["start"].as_u64().unwrap() as usize,
            l["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&SEED_SOURCE[s..e], l["locator"].as_str().unwrap());
    }
    assert_eq!(r["errors"], Value::Array(vec![]));
    assert_eq!(r["remainder"], Value::Null);
}

#[test]
fn stdin_gives_one_json_object_per_line_in_order() {
    let input = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/parse/inputs.txt"
    ))
    .unwrap();
    let out = ibid()
        .args(["parse", "--format", "json"])
        .write_stdin(input.clone())
        .output()
        .unwrap();
    let records = json_lines(&out.stdout);
    let inputs: Vec<&str> = input.lines().collect();
    assert_eq!(records.len(), inputs.len());
    for (record, line) in records.iter().zip(&inputs) {
        assert_eq!(record["input"], *line);
        assert!(record["errors"].is_array());
    }
    let kinds: Vec<&str> = records
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "reference",
            "date",
            "date",
            "date",
            "date",
            "reference",
            "reference",
            "citation",
            "citation",
            "citation",
            "locator",
            "locator",
            "locator",
            "reference",
            "reference",
            "date"
        ]
    );
    // The impossible date is a finding: exit code 1, with an error spanning the day.
    assert_eq!(out.status.code(), Some(1));
    let last = records.last().unwrap();
    assert!(!last["errors"].as_array().unwrap().is_empty());
}

#[test]
fn citation_items_split_as_pandoc_does() {
    let out = ibid()
        .args([
            "parse",
            "--format",
            "json",
            "[see @doe99, pp. 33-35 and *passim*; @smith04, chap. 1]",
        ])
        .output()
        .unwrap();
    let r = &json_lines(&out.stdout)[0];
    let items = r["citations"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["id"], "doe99");
    assert_eq!(items[0]["prefix"], "see");
    assert_eq!(items[0]["suffix"], "and *passim*");
    assert_eq!(items[0]["suppress_author"], false);
    assert_eq!(items[0]["locators"][0]["label"], "page");
    assert_eq!(items[0]["locators"][0]["locator"], "33-35");
    assert_eq!(items[1]["id"], "smith04");
    assert_eq!(items[1]["locators"][0]["label"], "chapter");
    assert_eq!(items[1]["locators"][0]["locator"], "1");
}

#[test]
fn dates_keep_written_and_inferred_apart() {
    let out = ibid()
        .args(["parse", "--format", "json", "--as", "date", "22.II.21"])
        .output()
        .unwrap();
    let d = &json_lines(&out.stdout)[0]["date"];
    assert_eq!(d["day"]["value"], 22);
    assert_eq!(d["day"]["written"], "22");
    assert_eq!(d["month"]["value"], 2);
    assert_eq!(d["month"]["written"], "II");
    assert_eq!(d["year"]["value"], 1921);
    assert_eq!(d["year"]["written"], "21");
    assert_eq!(d["year"]["inferred"], "two-digit-year");
}

#[test]
fn forced_kind_reports_errors_with_spans_and_exit_1() {
    let out = ibid()
        .args([
            "parse",
            "--format",
            "json",
            "--as",
            "date",
            "30 February 1921",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let r = &json_lines(&out.stdout)[0];
    let error = &r["errors"][0];
    assert!(
        error["message"].as_str().unwrap().contains("February"),
        "{error}"
    );
    let (s, e) = (
        error["start"].as_u64().unwrap(),
        error["end"].as_u64().unwrap(),
    );
    assert_eq!(&"30 February 1921"[s as usize..e as usize], "30");
}

#[test]
fn readable_view_names_the_parts() {
    let out = ibid().args(["parse", SEED_SOURCE]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    insta::assert_snapshot!(text);
}

#[test]
fn invalid_utf8_on_stdin_is_reported_not_fatal() {
    let out = ibid()
        .args(["parse", "--format", "json"])
        .write_stdin(b"p. 12\n\xff\xfe p. 3\n".to_vec())
        .output()
        .unwrap();
    let records = json_lines(&out.stdout);
    assert_eq!(records.len(), 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("stdin:2:1: invalid UTF-8"), "{stderr}");
}

#[test]
fn unknown_kind_is_a_usage_error() {
    let out = ibid()
        .args(["parse", "--as", "nonsense", "p. 1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
