//! Every command writing into a pipe whose reader has already gone (`ibid check | head -1`):
//! it dies quietly from SIGPIPE, as Unix filters do, instead of exiting 0 or printing an error.
#![cfg(unix)]

mod support;
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::workspace;

/// A pipe whose read end is already closed: the first write to the other end fails.
fn pipe_without_reader() -> OwnedFd {
    let mut fds = [0; 2];
    // SAFETY: `pipe` fills two fresh descriptors, each owned exactly once below.
    let status = unsafe { libc::pipe(fds.as_mut_ptr()) };
    assert_eq!(status, 0, "pipe(2) failed");
    // SAFETY: both descriptors were just created and are owned by nobody else.
    let (reader, writer) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    drop(reader);
    writer
}

/// Run `ibid args` from the workspace root with stdout into a pipe nobody reads; returns
/// the signal that ended it (if any), its exit code (if any) and its stderr.
fn run_into_closed_pipe(args: &[&str]) -> (Option<i32>, Option<i32>, String) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("ibid"))
        .current_dir(workspace())
        .args(args)
        .env("CI", "true")
        .stdin(Stdio::null())
        .stdout(Stdio::from(pipe_without_reader()))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("ibid {args:?} did not end within 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    (status.signal(), status.code(), stderr)
}

#[test]
fn every_command_dies_quietly_from_sigpipe() {
    let doc = "fixtures/demo/letters/narimanov-letter-1921.md";
    let commands: &[&[&str]] = &[
        &["check", "fixtures/demo", "--no-cache"],
        &[
            "check",
            "fixtures/demo",
            "--no-cache",
            "--output-format",
            "json",
        ],
        &[
            "check",
            "fixtures/demo",
            "--no-cache",
            "--output-format",
            "sarif",
        ],
        &["check", "fixtures/demo", "--no-cache", "--statistics"],
        &["check", "fixtures/demo", "--no-cache", "--diff"],
        &["fmt", "fixtures/demo", "--check"],
        &["fmt", "fixtures/demo", "--diff"],
        &["rule", "S004"],
        &["rule", "--all"],
        &["rule", "--all", "--output-format", "json"],
        &["show", doc],
        &["show", doc, "--format", "json"],
        &["export", "fixtures/demo", "--to", "csl-json"],
        &["export", "fixtures/demo", "--to", "tei"],
        &["export", "fixtures/demo", "--to", "prov-json"],
        &["graph", "fixtures/demo"],
        &["graph", "fixtures/demo", "--format", "mermaid"],
        &["parse", "Document 652, page 612"],
        &["parse", "--format", "json", "p. 612"],
    ];
    for args in commands {
        let (signal, code, stderr) = run_into_closed_pipe(args);
        assert_eq!(
            (signal, code),
            (Some(libc::SIGPIPE), None),
            "ibid {args:?} should die from SIGPIPE; stderr: {stderr}"
        );
        assert!(
            !stderr.contains("pipe"),
            "ibid {args:?} should die quietly; stderr: {stderr}"
        );
    }
}

#[test]
fn a_reader_that_stays_sees_the_normal_exit_codes() {
    let out = Command::new(assert_cmd::cargo::cargo_bin("ibid"))
        .current_dir(workspace())
        .args([
            "check",
            "fixtures/demo",
            "--no-cache",
            "--output-format",
            "concise",
        ])
        .env("CI", "true")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}
