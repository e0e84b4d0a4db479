//! `ibid check` on documents built to blow up time or memory: thousands of findings on one
//! long line, tens of thousands of distinct `[N]` notes. Each run is bounded by a deadline
//! (a hang guard, far above the expected time, not a measurement: timings live in
//! `cargo bench -p ibid-check --bench linear`).

mod support;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const FRONT: &str = "+++\ntitle = \"Letter\"\ndate = \"1921-02-16\"\n\n[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, doc. 652, p. 612\"\n";

/// Run `ibid args` in `dir`, killing it if it is still running after `limit`.
fn run_with_deadline(dir: &Path, args: &[&str], limit: Duration) -> Output {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("ibid"))
        .current_dir(dir)
        .args(args)
        .env("CI", "true")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read stdout while waiting, so a large output cannot fill the pipe and stall the child.
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut bytes).map(|_| bytes)
    });
    let deadline = Instant::now() + limit;
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("ibid {args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut output = child.wait_with_output().unwrap();
    output.stdout = reader.join().unwrap().unwrap();
    output
}

#[test]
fn findings_on_one_long_line_show_a_window_of_it_not_the_whole_line() {
    let dir = tempfile::tempdir().unwrap();
    let line = vec!["word*"; 3_000].join(" ");
    std::fs::write(
        dir.path().join("letter.md"),
        format!("{FRONT}+++\n{line}\n"),
    )
    .unwrap();
    let out = run_with_deadline(
        dir.path(),
        &["check", "--no-cache"],
        Duration::from_secs(120),
    );
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches("error[M001]").count(), 3_000);
    // Every source line shown is a window of at most 120 characters plus the `...` marks,
    // with the real column in the header.
    let shown: Vec<&str> = text.lines().filter(|l| l.starts_with("8 | ")).collect();
    assert_eq!(shown.len(), 3_000);
    assert!(
        shown.iter().all(|l| l.chars().count() <= 4 + 3 + 120 + 3),
        "{}",
        shown[0]
    );
    assert!(
        text.contains(" --> letter.md:8:17999\n"),
        "the last marker's column"
    );
    // The whole line printed once per finding would be 3,000 × 18 KB = 54 MB.
    assert!(text.len() < 2_000_000, "{} bytes of output", text.len());
    // The cache holds bounded snippets too.
    let out = run_with_deadline(dir.path(), &["check"], Duration::from_secs(120));
    assert_eq!(out.status.code(), Some(1));
    let cache = dir
        .path()
        .join(".ibid_cache")
        .join(env!("CARGO_PKG_VERSION"))
        .join("check.bin");
    let size = std::fs::metadata(cache).unwrap().len();
    assert!(size < 3_000_000, "a cache of {size} bytes");
}

#[test]
fn tens_of_thousands_of_distinct_numbered_notes_are_checked_in_linear_time() {
    let n = 40_000;
    let mut text = FRONT.to_owned();
    for i in 1..=n {
        text.push_str(&format!(
            "\n[[notes]]\nmarker = \"[{i}]\"\nkind = \"other\"\ntext = \"Note {i}.\"\n"
        ));
    }
    text.push_str("+++\n");
    for i in 1..=n {
        text.push_str(&format!("Word [{i}] here.\n"));
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("letter.md"), text).unwrap();
    // Quadratic, this took minutes; linear, it takes a few seconds in a debug build.
    let out = run_with_deadline(
        dir.path(),
        &["check", "--no-cache", "--output-format", "concise"],
        Duration::from_secs(90),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("All checks passed!"), "{stdout}");
    let out = run_with_deadline(dir.path(), &["show", "letter.md"], Duration::from_secs(90));
    assert_eq!(out.status.code(), Some(0));
}
