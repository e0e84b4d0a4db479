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
