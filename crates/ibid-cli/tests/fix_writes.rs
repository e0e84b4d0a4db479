//! `ibid check --fix` on files it must not or cannot replace as usual: a read-only file is
//! reported and left alone (its findings stay, nothing counts as fixed), while hard links,
//! the file's mode and its owner survive a fix.

mod support;
use std::path::Path;
use support::run_in;

const BAD: &str = "+++\ntitle = \"Telegram\"\ndate = \"1921-02-20\"\n\n[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, Document 660, pages 621-623\"\n+++\nBaku.\n";
const STYLE: &str =
    "[style]\nlocator-form = \"short\"\nlabel-case = \"sentence\"\nrange-dash = \"en-dash\"\n";

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ibid.toml"), STYLE).unwrap();
    std::fs::write(dir.path().join("telegram.md"), BAD).unwrap();
    dir
}

fn fixed_text() -> String {
    BAD.replace("Document", "doc.")
        .replace("pages", "pp.")
        .replace("621-623", "621–623")
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_file_that_cannot_be_written_keeps_its_findings_and_nothing_counts_as_fixed() {
    let dir = corpus();
    let doc = dir.path().join("telegram.md");
    let (_, before, _) = run_in(
        dir.path(),
        &["check", "--no-cache", "--output-format", "concise"],
    );
    let findings: Vec<&str> = before.lines().filter(|l| l.contains(": F")).collect();
    assert_eq!(findings.len(), 3, "{before}");
    set_mode(&doc, 0o444);
    let (code, out, stderr) = run_in(
        dir.path(),
        &["check", "--no-cache", "--fix", "--output-format", "concise"],
    );
    assert_eq!(code, 1, "{out}{stderr}");
    assert!(out.contains("E001 Cannot write the fixed file"), "{out}");
    assert!(out.contains("read-only"), "{out}");
    for finding in &findings {
        assert!(out.contains(finding), "{finding} vanished from:\n{out}");
    }
    assert!(!out.contains("fixed, "), "{out}");
    assert!(out.contains("Found 4 errors."), "{out}");
    assert_eq!(std::fs::read_to_string(&doc).unwrap(), BAD);
    assert_eq!(mode(&doc), 0o444);
    // The full format says the same.
    let (_, full, _) = run_in(dir.path(), &["check", "--no-cache", "--fix"]);
    assert!(
        full.contains("Found 4 errors.") && !full.contains("fixed, "),
        "{full}"
    );
}

#[cfg(unix)]
#[test]
fn a_folder_that_cannot_be_written_is_reported_and_nothing_counts_as_fixed() {
    // SAFETY: `geteuid` has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        // Root writes any folder; the read-only file above covers the same path for root.
        return;
    }
    let dir = corpus();
    let folder = dir.path();
    set_mode(folder, 0o555);
    let (code, out, _) = run_in(
        folder,
        &["check", "--no-cache", "--fix", "--output-format", "concise"],
    );
    set_mode(folder, 0o755);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("E001 Cannot write the fixed file"), "{out}");
    assert!(!out.contains("fixed,"), "{out}");
    assert!(out.contains("Found 4 errors."), "{out}");
}

#[cfg(unix)]
#[test]
fn hard_links_mode_and_owner_survive_a_fix() {
    use std::os::unix::fs::MetadataExt;
    let dir = corpus();
    let doc = dir.path().join("telegram.md");
    let twin = dir.path().join("twin-outside.txt.bak");
    set_mode(&doc, 0o640);
    // SAFETY: `geteuid` has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    let before = std::fs::metadata(&doc).unwrap();
    let (uid, gid) = if root {
        (4242, 4343)
    } else {
        (before.uid(), before.gid())
    };
    std::os::unix::fs::chown(&doc, Some(uid), Some(gid)).unwrap();
    let (code, out, _) = run_in(dir.path(), &["check", "--no-cache", "--fix"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("3 fixed, 0 remaining"), "{out}");
    let after = std::fs::metadata(&doc).unwrap();
    assert_eq!(std::fs::read_to_string(&doc).unwrap(), fixed_text());
    assert_eq!(mode(&doc), 0o640);
    assert_eq!((after.uid(), after.gid()), (uid, gid));
    // A file with a second name is changed in place: both names see the fix.
    std::fs::write(&doc, BAD).unwrap();
    std::fs::hard_link(&doc, &twin).unwrap();
    let inode = std::fs::metadata(&doc).unwrap().ino();
    let (code, out, _) = run_in(dir.path(), &["check", "--no-cache", "--fix"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(std::fs::read_to_string(&twin).unwrap(), fixed_text());
    let after = std::fs::metadata(&doc).unwrap();
    assert_eq!((after.ino(), after.nlink()), (inode, 2));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
