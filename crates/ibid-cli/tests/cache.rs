//! `ibid check` with its cache, as a hostile user would try it: same-size edits with the time
//! put back, names that differ only in bytes that are not UTF-8, leftovers of killed runs,
//! and where the cache goes. The answer must always be the one a run without cache gives.

mod support;
use std::path::Path;
use std::time::{Duration, SystemTime};
use support::run_in;

const BAD_DATE: &str = "+++\ntitle = \"Letter\"\ndate = \"1921-02-30\"\n\n[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, doc. 652, p. 612\"\n+++\nDear comrade,\n";
const GOOD_DATE: &str = "+++\ntitle = \"Letter\"\ndate = \"1921-02-28\"\n\n[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, doc. 652, p. 612\"\n+++\nDear comrade,\n";

fn set_modified(path: &Path, when: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(when)
        .unwrap();
}

fn concise(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["check", "--output-format", "concise"];
    all.extend_from_slice(args);
    run_in(dir, &all)
}

/// Sleep past the window in which ibid does not trust a file's times (two seconds).
fn let_the_times_settle() {
    std::thread::sleep(Duration::from_millis(2_200));
}

#[test]
fn a_same_size_edit_with_the_time_put_back_is_seen() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("letter.md");
    std::fs::write(&doc, BAD_DATE).unwrap();
    let long_ago = SystemTime::now() - Duration::from_secs(86_400);
    set_modified(&doc, long_ago);
    let_the_times_settle();
    let (code, first, _) = concise(dir.path(), &[]);
    assert_eq!(code, 1, "{first}");
    assert!(first.contains("D00"), "{first}");
    // Served from the cache by its stamp: same answer.
    assert_eq!(concise(dir.path(), &[]).1, first);
    // The same number of bytes, and the modification time put back (`touch -d`).
    assert_eq!(BAD_DATE.len(), GOOD_DATE.len());
    std::fs::write(&doc, GOOD_DATE).unwrap();
    set_modified(&doc, long_ago);
    assert_eq!(
        std::fs::metadata(&doc).unwrap().modified().unwrap(),
        long_ago
    );
    // Right after the edit (a racy stamp) and once the times are old enough to trust.
    let (code, out, _) = concise(dir.path(), &[]);
    assert_eq!(code, 0, "the fixed date is still reported: {out}");
    std::fs::write(&doc, BAD_DATE).unwrap();
    set_modified(&doc, long_ago);
    let_the_times_settle();
    let (code, out, _) = concise(dir.path(), &[]);
    assert_eq!((code, out), (1, first));
}

#[cfg(unix)]
#[test]
fn names_differing_only_in_bytes_that_are_not_utf8_do_not_share_a_result() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let fe = dir.path().join(std::ffi::OsStr::from_bytes(b"doc-\xfe.md"));
    let ff = dir.path().join(std::ffi::OsStr::from_bytes(b"doc-\xff.md"));
    std::fs::write(&fe, BAD_DATE).unwrap();
    std::fs::write(&ff, GOOD_DATE).unwrap();
    // Same size, same modification time: nothing but the name tells them apart.
    let when = SystemTime::now() - Duration::from_secs(86_400);
    set_modified(&fe, when);
    set_modified(&ff, when);
    let (_, without, _) = concise(dir.path(), &["--no-cache"]);
    let found = |out: &str| out.lines().filter(|l| l.contains(": D00")).count();
    assert_eq!(found(&without), 1, "{without}");
    // Shown apart too: the byte that is not UTF-8 is written `\xFE`, never `�`.
    assert!(without.contains("doc-\\xFE.md:"), "{without}");
    assert!(!without.contains('\u{fffd}'), "{without}");
    for _ in 0..2 {
        let (_, with, _) = concise(dir.path(), &[]);
        assert_eq!(found(&with), 1, "{with}");
    }
    let_the_times_settle();
    for _ in 0..2 {
        let (_, with, _) = concise(dir.path(), &[]);
        assert_eq!(found(&with), 1, "{with}");
    }
}

#[test]
fn the_cache_goes_to_the_corpus_root_never_the_current_folder() {
    // No `ibid.toml`: the checked folder.
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(corpus.join("letters")).unwrap();
    std::fs::write(corpus.join("letters/letter.md"), GOOD_DATE).unwrap();
    let (code, _, stderr) = concise(dir.path(), &["corpus"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(corpus.join(".ibid_cache").is_dir());
    assert!(!dir.path().join(".ibid_cache").exists());
    // A file named on its own: its folder.
    let (code, _, _) = concise(dir.path(), &["corpus/letters/letter.md"]);
    assert_eq!(code, 0);
    assert!(corpus.join("letters/.ibid_cache").is_dir());
    assert!(!dir.path().join(".ibid_cache").exists());
    // With an `ibid.toml`: where it is, whatever part of the corpus is checked from where.
    let other = tempfile::tempdir().unwrap();
    let root = other.path().join("project");
    std::fs::create_dir_all(root.join("letters")).unwrap();
    std::fs::write(root.join("ibid.toml"), "").unwrap();
    std::fs::write(root.join("letters/letter.md"), GOOD_DATE).unwrap();
    let (code, _, stderr) = concise(dir.path(), &[root.join("letters").to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(root.join(".ibid_cache").is_dir());
    assert!(!root.join("letters/.ibid_cache").exists());
    assert!(!dir.path().join(".ibid_cache").exists());
}

#[test]
fn temporaries_left_by_killed_runs_are_cleaned_up() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("letter.md"), BAD_DATE).unwrap();
    let (code, _, _) = concise(dir.path(), &[]);
    assert_eq!(code, 1);
    let folder = dir
        .path()
        .join(".ibid_cache")
        .join(env!("CARGO_PKG_VERSION"));
    let leftover = folder.join(".tmpA1b2C3");
    std::fs::write(&leftover, b"a cache cut short by kill -9").unwrap();
    set_modified(&leftover, SystemTime::now() - Duration::from_secs(3_600));
    let (code, _, stderr) = concise(dir.path(), &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(!leftover.exists());
    let names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["check.bin"]);
}

#[test]
fn a_damaged_cache_is_dropped_with_a_warning_and_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("letter.md"), BAD_DATE).unwrap();
    let (_, first, _) = concise(dir.path(), &[]);
    let file = dir
        .path()
        .join(".ibid_cache")
        .join(env!("CARGO_PKG_VERSION"))
        .join("check.bin");
    let mut bytes = std::fs::read(&file).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x10;
    std::fs::write(&file, &bytes).unwrap();
    let (_, out, stderr) = concise(dir.path(), &[]);
    assert_eq!(out, first);
    assert!(stderr.contains("checksum"), "{stderr}");
    let (_, out, stderr) = concise(dir.path(), &[]);
    assert_eq!((out, stderr.as_str()), (first, ""));
}
