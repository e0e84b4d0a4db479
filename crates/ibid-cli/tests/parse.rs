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

/// The path of the built `ibid` binary.
fn ibid_path() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("ibid")
}

/// A line longer than the limit (16 MiB) ends the run with exit 2 and a message naming the
/// line, after the answers to the lines before it; it is never read into memory whole. The
/// same on one thread and on several.
#[test]
fn an_overlong_line_is_refused_with_a_message() {
    let mut input = b"p. 12\nS. 3\n".to_vec();
    input.extend(vec![b'x'; (16 << 20) + 1]);
    input.extend(b"\np. 13\n");
    for threads in ["1", "4"] {
        let out = ibid()
            .args(["parse", "--format", "json", "-j", threads])
            .write_stdin(input.clone())
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr} {}", out.stdout.len());
        assert!(stderr.contains("stdin:3:"), "-j{threads}: {stderr}");
        assert!(stderr.contains("longer than 16 MiB"), "{stderr}");
        let records = json_lines(&out.stdout);
        assert_eq!(records.len(), 2, "-j{threads}");
        assert_eq!(records[0]["input"], "p. 12");
        assert_eq!(records[1]["input"], "S. 3");
    }
}

/// With standard output closed (`ibid parse >&-`), the records cannot be written: exit 2
/// with a message, not 0 with everything lost.
#[cfg(unix)]
#[test]
fn a_closed_stdout_is_an_error() {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("exec \"$0\" parse 'p. 12' >&-")
        .arg(ibid_path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("standard output"), "{stderr}");
}

/// On a pipe, each line's answer comes out before the next line is sent: a program can
/// talk to `ibid parse` one line at a time, on one thread or several.
#[test]
fn each_answer_comes_before_the_next_line_is_read() {
    for threads in ["1", "4"] {
        answers_come_one_line_at_a_time(threads);
    }
}

fn answers_come_one_line_at_a_time(threads: &str) {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command, Stdio};
    use std::sync::mpsc;
    use std::time::Duration;

    let mut child = Command::new(ibid_path())
        .args(["parse", "--format", "json", "-j", threads])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (send, answers) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if send.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    for (question, label) in [("p. 12", "page"), ("Л. 5 об.", "folio"), ("S. 3", "page")] {
        writeln!(stdin, "{question}").unwrap();
        stdin.flush().unwrap();
        let answer = answers.recv_timeout(Duration::from_secs(20));
        let Ok(answer) = answer else {
            let _ = child.kill();
            panic!("no answer to {question:?} while stdin stays open");
        };
        let record: Value = serde_json::from_str(&answer).unwrap();
        assert_eq!(record["input"], question);
        assert_eq!(record["locators"][0]["label"], label);
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
    reader.join().unwrap();
}

/// Many batches of stdin (mixed kinds, a CRLF line, invalid UTF-8, an empty line, a line of
/// 1.5 MB after which a file's batches fill before the reader's buffer is used up), parsed on
/// four threads from a file and from a pipe, give the same records, warnings and exit code as
/// parsed one by one.
#[test]
fn any_thread_count_gives_the_same_answers() {
    let fixture = include_str!("../../../fixtures/parse/inputs.txt");
    let mut input = Vec::new();
    for i in 0..24_000 {
        match i % 997 {
            _ if i == 5_000 => {
                input.extend_from_slice(format!("{}\n", "Smith ".repeat(250_000)).as_bytes())
            }
            0 => input.extend_from_slice(b"p. 12\xff\xfe\n"),
            1 => input.extend_from_slice(b"S. 3 f.\r\n"),
            2 => input.push(b'\n'),
            _ => {
                let line = fixture.lines().nth(i % 16).unwrap();
                input.extend_from_slice(format!("{line} {i}\n").as_bytes());
            }
        }
    }
    assert!(input.len() > 32 * 65_536, "several batches");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("inputs.txt");
    std::fs::write(&file, &input).unwrap();
    let run = |format: &str, threads: &str, from_file: bool| {
        let mut command = ibid();
        command.args(["parse", "--format", format, "-j", threads]);
        if from_file {
            command.pipe_stdin(&file).unwrap();
        } else {
            command.write_stdin(input.clone());
        }
        command.output().unwrap()
    };
    for format in ["json", "text"] {
        let one = run(format, "1", true);
        assert_eq!(one.status.code(), Some(1), "{format}: a line has errors");
        let stderr = String::from_utf8_lossy(&one.stderr);
        assert!(stderr.contains("stdin:23929:6: invalid UTF-8"), "{stderr}");
        for from_file in [true, false] {
            let four = run(format, "4", from_file);
            assert_eq!(four.status.code(), one.status.code(), "{format}");
            assert!(one.stdout == four.stdout, "{format}: the records differ");
            assert_eq!(String::from_utf8_lossy(&four.stderr), stderr, "{format}");
        }
    }
    assert_eq!(json_lines(&run("json", "4", true).stdout).len(), 24_000);
}

/// `-j` takes at most 256 threads: a larger number is a usage error (exit 2) naming the
/// range, rather than an attempt to start that many threads; 256 itself works.
#[test]
fn thread_count_is_bounded() {
    let too_many = ibid()
        .args(["parse", "-j", "100000"])
        .write_stdin("p. 5\np. 6\n")
        .output()
        .unwrap();
    assert_eq!(too_many.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&too_many.stderr);
    assert!(stderr.contains("0..=256"), "{stderr}");
    let most = ibid()
        .args(["parse", "--format", "json", "-j", "256"])
        .write_stdin("p. 5\np. 6\np. 7\n")
        .output()
        .unwrap();
    assert!(most.status.success());
    assert_eq!(json_lines(&most.stdout).len(), 3);
}

/// A last line without `\n` comes with the end of input: it is answered for any `-j`,
/// whether it is the only line or ends a batch, with its exit code and warnings.
#[test]
fn a_last_line_without_newline_is_answered_for_any_thread_count() {
    let many: String = (0..3_000).map(|i| format!("p. {i}\n")).collect();
    let many = many.trim_end().to_string();
    let inputs: [(&[&str], &[u8]); 4] = [
        (&[], b"Smith 2001"),
        (&[], b"Smith 2001\nibid., p. 7\n1921-02-16"),
        (&["--as", "date"], b"notadate"),
        (&[], b"x\xff\ny\n\xfe"),
    ];
    let run = |extra: &[&str], threads: &str, input: &[u8]| {
        ibid()
            .args(["parse", "--format", "json", "-j", threads])
            .args(extra)
            .write_stdin(input.to_vec())
            .output()
            .unwrap()
    };
    for (extra, input) in inputs.iter().copied().chain([(&[][..], many.as_bytes())]) {
        let one = run(extra, "1", input);
        let lines = input.split(|&b| b == b'\n').count();
        assert_eq!(
            json_lines(&one.stdout).len(),
            lines,
            "-j1 answers every line"
        );
        for threads in ["2", "4"] {
            let more = run(extra, threads, input);
            assert_eq!(more.status.code(), one.status.code(), "-j{threads}");
            assert!(more.stdout == one.stdout, "-j{threads}: the records differ");
            assert_eq!(more.stderr, one.stderr, "-j{threads}");
        }
    }
}
