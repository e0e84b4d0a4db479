//! What every CLI test file needs: the real `ibid` binary, the workspace root, and a way to
//! run the binary in a folder and collect its exit code and output.
#![allow(dead_code)] // each test file uses its own subset

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The `ibid` binary, with a clean environment for output formats (no colour, CI mode).
pub fn ibid_command() -> Command {
    let mut cmd = Command::cargo_bin("ibid").expect("the ibid binary is built");
    cmd.env_remove("NO_COLOR").env("CI", "true");
    cmd
}

/// The workspace root, where `fixtures/` lives.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the workspace root exists")
}

/// Run `ibid` with `args` in `dir`; returns (exit code, stdout, stderr).
pub fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = ibid_command().current_dir(dir).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

/// Run `ibid` with `args` from the workspace root; returns (exit code, stdout, stderr).
pub fn ibid(args: &[&str]) -> (i32, String, String) {
    run_in(&workspace(), args)
}

/// Run `ibid` with `args` in `dir`, killing it and failing the test if it has not finished
/// after `seconds`: inputs that could hang (FIFOs, devices) must never hang CI.
pub fn run_with_timeout(dir: &Path, args: &[&str], seconds: u64) -> (i32, String, String) {
    run_command_with_timeout(std::process::Command::new(binary()), dir, args, seconds)
}

/// The path of the `ibid` binary under test.
pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_ibid"))
}

/// Run `command` (the `ibid` binary, perhaps with another user id) like
/// [`run_with_timeout`].
pub fn run_command_with_timeout(
    mut command: std::process::Command,
    dir: &Path,
    args: &[&str],
    seconds: u64,
) -> (i32, String, String) {
    use std::io::Read;
    use std::process::Stdio;
    use std::time::{Duration, Instant};
    let mut child = command
        .current_dir(dir)
        .args(args)
        .env_remove("NO_COLOR")
        .env("CI", "true")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the ibid binary starts");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stdout.read_to_end(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stderr.read_to_end(&mut s);
        s
    });
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("ibid {args:?} did not finish within {seconds} s: it hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stdout = String::from_utf8(out.join().unwrap()).expect("stdout is UTF-8");
    let stderr = String::from_utf8(err.join().unwrap()).expect("stderr is UTF-8");
    (status.code().unwrap_or(-1), stdout, stderr)
}
