//! What every command reads and refuses (issue 9), on temporary trees: special files never
//! hang (each run is killed and failed after a timeout), link loops and unreadable folders
//! are reported, and `check`, `show`, `export` and `graph` see the same documents.

use serde_json::Value;
use std::path::Path;

mod support;
use support::run_with_timeout;

/// Seconds any one run may take before the test fails as a hang.
const LIMIT: u64 = 20;

const LETTER_A: &str = "+++\ntitle = \"Letter A\"\ndate = \"1921-02-16\"\n\n[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, doc. 652, p. 612\"\n+++\nDear Vladimir Ilyich,\n";
const LETTER_B: &str = "+++\ntitle = \"Letter B\"\ndate = \"1921-02-17\"\n\n[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, doc. 653, p. 613\"\n+++\nDear comrade,\n";

fn write(root: &Path, name: &str, text: &str) {
    let path = root.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn ibid(dir: &Path, args: &[&str]) -> (i32, String, String) {
    run_with_timeout(dir, args, LIMIT)
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: `c` is a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

/// Every command on a named special file: exit 2 with `expected` on stderr, never a hang.
fn refused_by_every_command(dir: &Path, name: &str, expected: &str) {
    for args in [
        vec!["check", "--no-cache", name],
        vec!["show", name],
        vec!["export", "--to", "csl-json", name],
        vec!["graph", name],
    ] {
        let (code, _, stderr) = ibid(dir, &args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_refused_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.md", LETTER_A);
    mkfifo(&root.join("pipe.md"));
    std::os::unix::fs::symlink("/dev/zero", root.join("zero.md")).unwrap();

    // Named: refused, exit 2.
    refused_by_every_command(
        root,
        "pipe.md",
        "pipe.md: not a regular file: it is a FIFO (named pipe)",
    );
    refused_by_every_command(
        root,
        "zero.md",
        "zero.md: not a regular file: it is a character device",
    );

    // Met while walking: the FIFO is skipped with a warning, the link is not followed.
    let (code, stdout, stderr) = ibid(root, &["check", "--no-cache"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("All checks passed! (1 document checked)"));
    assert!(
        stderr.contains("warning: pipe.md: skipped, not a regular file: it is a FIFO"),
        "{stderr}"
    );
    for args in [vec!["show", "."], vec!["graph", "."]] {
        let (code, _, stderr) = ibid(root, &args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert!(stderr.contains("skipped, not a regular file"), "{stderr}");
    }
}

#[cfg(unix)]
#[test]
fn a_special_bibliography_or_configuration_stops_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.md", LETTER_A);
    write(root, "ibid.toml", "bibliography = [\"refs.bib\"]\n");
    mkfifo(&root.join("refs.bib"));
    for args in [
        vec!["check", "--no-cache"],
        vec!["export", "--to", "csl-json", "a.md"],
    ] {
        let (code, _, stderr) = ibid(root, &args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(
            stderr.contains("ibid.toml:1:17: the bibliography file `refs.bib` cannot be read: not a regular file: it is a FIFO"),
            "{args:?}: {stderr}"
        );
    }
    std::fs::remove_file(root.join("refs.bib")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", root.join("refs.bib")).unwrap();
    let (code, _, stderr) = ibid(root, &["check", "--no-cache"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("it is a character device"), "{stderr}");

    std::fs::remove_file(root.join("ibid.toml")).unwrap();
    mkfifo(&root.join("ibid.toml"));
    let (code, _, stderr) = ibid(root, &["check", "--no-cache"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("cannot read the configuration: not a regular file: it is a FIFO"),
        "{stderr}"
    );
}

#[test]
fn a_missing_bibliography_file_is_a_configuration_error() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.md", LETTER_A);
    write(root, "ibid.toml", "bibliography = [\"missing.bib\"]\n");
    for args in [
        vec!["check", "--no-cache"],
        vec!["show", "a.md"],
        vec!["export", "--to", "tei", "."],
        vec!["graph", "."],
    ] {
        let (code, stdout, stderr) = ibid(root, &args);
        assert_eq!(code, 2, "{args:?}: {stdout}{stderr}");
        assert!(
            stderr.contains(
                "the bibliography file `missing.bib` cannot be read: no such file or folder"
            ),
            "{args:?}: {stderr}"
        );
        assert!(!stdout.contains("All checks passed"), "{stdout}");
    }
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_named_as_a_file_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::os::unix::fs::symlink(root.join("loop.md"), root.join("loop.md")).unwrap();
    refused_by_every_command(
        root,
        "loop.md",
        "loop.md: a symbolic link loop (the link leads back to itself)",
    );
    std::os::unix::fs::symlink(root.join("gone.md"), root.join("broken.md")).unwrap();
    let (code, _, stderr) = ibid(root, &["check", "broken.md"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("broken.md: a symbolic link to"), "{stderr}");
    assert!(
        stderr.contains("gone.md`, which does not exist"),
        "{stderr}"
    );
}

/// How many documents each command saw in `root`.
fn documents_seen(root: &Path, path: &str) -> [usize; 4] {
    let (code, stdout, stderr) = ibid(root, &["check", "--no-cache", path]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let checked = stdout
        .split("All checks passed! (")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{stdout}"));
    let (code, stdout, stderr) = ibid(root, &["export", "--to", "csl-json", path]);
    assert_eq!(code, 0, "{stderr}");
    let exported = serde_json::from_str::<Vec<Value>>(&stdout).unwrap().len();
    let (code, stdout, stderr) = ibid(root, &["show", path]);
    assert_eq!(code, 0, "{stderr}");
    let shown = stdout.matches("\nfile:").count();
    let (code, stdout, _) = ibid(root, &["graph", path]);
    assert_eq!(code, 0);
    // Documents drawn: the distinct ids of the nodes (`"a/original"`), editions aside.
    let drawn: std::collections::HashSet<&str> = stdout
        .lines()
        .filter(|l| l.contains("[label=") && !l.contains("->"))
        .filter_map(|l| l.trim().strip_prefix('"')?.split('/').next())
        .filter(|id| !id.starts_with("edition:"))
        .collect();
    let drawn = drawn.len();
    [checked, exported, shown, drawn]
}

#[cfg(unix)]
#[test]
fn every_command_sees_the_same_documents_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "letters/a.md", LETTER_A);
    write(root, "letters/b.md", LETTER_B);
    write(root, "letters/README.md", "Not a document.\n");
    write(root, "drafts/.hidden/c.md", LETTER_A);
    // A folder link that loops back, and a link to a document: neither is followed.
    std::os::unix::fs::symlink(root.join("letters"), root.join("letters/again")).unwrap();
    std::os::unix::fs::symlink(root.join("letters/a.md"), root.join("copy.md")).unwrap();
    assert_eq!(documents_seen(root, "."), [2, 2, 2, 2]);
    assert_eq!(documents_seen(root, "letters"), [2, 2, 2, 2]);
    // A link named on the command line is read, once, however often it is named.
    let (code, stdout, _) = ibid(
        root,
        &[
            "export",
            "--to",
            "csl-json",
            "copy.md",
            "letters/a.md",
            "letters",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(
        serde_json::from_str::<Vec<Value>>(&stdout).unwrap().len(),
        2
    );
}

#[test]
fn show_shows_every_document_of_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "letters/a.md", LETTER_A);
    write(root, "letters/b.md", LETTER_B);
    let (code, stdout, stderr) = ibid(root, &["show", "letters"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let a = stdout.find("Letter A\n========").expect("a is shown");
    let b = stdout
        .find("\n\nLetter B\n========")
        .expect("b follows a blank line");
    assert!(a < b, "{stdout}");
    let (code, stdout, _) = ibid(root, &["show", "--format", "json", "letters"]);
    assert_eq!(code, 0);
    let list: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[1]["title"]["text"], "Letter B");
    let (code, stdout, _) = ibid(root, &["show", "--format", "json", "letters/a.md"]);
    assert_eq!(code, 0);
    let one: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        one["title"]["text"], "Letter A",
        "one named document is one object"
    );
}

#[test]
fn files_past_the_size_limit_are_refused_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "ibid.toml", "max-file-size = 100\n");
    write(root, "big.md", LETTER_A);
    let (code, stdout, _) = ibid(root, &["check", "--no-cache", "--output-format", "concise"]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains(
            "big.md:1:1: E001 Cannot read the file: the file is larger than the read limit"
        ),
        "{stdout}"
    );
    let (code, _, stderr) = ibid(root, &["show", "big.md"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("raise `max-file-size` in ibid.toml if it really is one"),
        "{stderr}"
    );
}

/// A command for the `ibid` binary that cannot read what its user cannot: as root, which
/// reads any folder whatever its mode, the run is made as `nobody`.
#[cfg(unix)]
fn unprivileged() -> std::process::Command {
    use std::os::unix::process::CommandExt;
    let mut command = std::process::Command::new(support::binary());
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        command.uid(65534).gid(65534);
    }
    command
}

#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_an_error_not_a_pass() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.md", LETTER_A);
    write(root, "locked/b.md", LETTER_B);
    let mode = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    mode(root, 0o755);
    mode(&root.join("locked"), 0o000);
    let run = |args: &[&str]| support::run_command_with_timeout(unprivileged(), root, args, LIMIT);
    let (code, stdout, stderr) = run(&["check", "--no-cache"]);
    mode(&root.join("locked"), 0o755);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(!stdout.contains("All checks passed"), "{stdout}");
    assert!(
        stdout.contains("No findings in the 1 document read, but not everything could be read."),
        "{stdout}"
    );
    assert!(stderr.contains("error: cannot read locked"), "{stderr}");
    assert!(
        stderr.contains("1 folder could not be read (above); the results are incomplete"),
        "{stderr}"
    );

    mode(&root.join("locked"), 0o000);
    let (code, stdout, stderr) = run(&["export", "--to", "csl-json", "."]);
    mode(&root.join("locked"), 0o755);
    assert_eq!(code, 2, "{stderr}");
    let items: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    assert_eq!(items.len(), 1, "the readable document is still exported");
    assert!(stderr.contains("cannot read locked"), "{stderr}");
}

#[test]
fn show_and_check_agree_on_positions_whatever_the_line_endings() {
    // A body with old Mac line endings (a lone `\r`): one line index for every command.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "ibid.toml", "bibliography = [\"refs.toml\"]\n");
    write(root, "refs.toml", "[known]\ntitle = \"K\"\n");
    write(
        root,
        "mac.md",
        "+++\ntitle = \"Letter\"\n[source]\ncite = \"X, p. 1\"\n+++\nFirst line.\rSecond line.\rAs shown [see @nokey, p. 5].\r",
    );
    let (code, stdout, _) = ibid(root, &["show", "mac.md"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("    8:10 [see @nokey, p. 5] (nokey)"),
        "{stdout}"
    );
    let (_, stdout, _) = ibid(
        root,
        &[
            "check",
            "--no-cache",
            "--output-format",
            "concise",
            "mac.md",
        ],
    );
    assert!(
        stdout.contains("mac.md:8:16: S002 Citation key `nokey` is not defined"),
        "{stdout}"
    );
}

#[test]
fn a_sidecar_named_instead_of_its_document_stands_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "speech.txt", "The speech as printed.\n");
    write(
        root,
        "speech.ibid.toml",
        "title = \"Speech\"\n[source]\ncite = \"X, p. 1\"\n",
    );
    write(root, "orphan.ibid.toml", "title = \"Nobody's\"\n");
    // Every command reads the document with its sidecar, as if the document were named.
    for args in [
        vec!["check", "--no-cache"],
        vec!["show"],
        vec!["export", "--to", "csl-json"],
        vec!["graph"],
    ] {
        let by_document = ibid(root, &[args.as_slice(), &["speech.txt"]].concat());
        let by_sidecar = ibid(root, &[args.as_slice(), &["speech.ibid.toml"]].concat());
        assert_eq!(by_document.0, 0, "{args:?}: {}", by_document.2);
        assert_eq!(by_sidecar, by_document, "{args:?}");
    }
    let (_, shown, _) = ibid(root, &["show", "speech.ibid.toml"]);
    assert!(shown.contains("Speech"), "{shown}");
    // A sidecar without a document is refused, and says what a sidecar is for.
    refused_by_every_command(
        root,
        "orphan.ibid.toml",
        "orphan.ibid.toml: this is a sidecar file, and no document beside it has its name",
    );
    let (_, _, stderr) = ibid(root, &["check", "--no-cache", "orphan.ibid.toml"]);
    assert!(
        stderr.contains("help: a sidecar holds the provenance of `orphan.md` or `orphan.txt`"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_special_cache_file_is_ignored_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "ibid.toml", "");
    write(root, "a.md", LETTER_A);
    let version = env!("CARGO_PKG_VERSION");
    let cache = root.join(".ibid_cache").join(version);
    std::fs::create_dir_all(&cache).unwrap();
    mkfifo(&cache.join("check.bin"));
    let (code, stdout, stderr) = ibid(root, &["check"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stderr.contains("check.bin: not a regular file: it is a FIFO (named pipe); ibid reads only regular files; it will be rewritten"),
        "{stderr}"
    );
    // Rewritten as a regular file: the next run reads it without a word.
    let (code, _, stderr) = ibid(root, &["check"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
}
