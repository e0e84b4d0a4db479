//! The cache never changes an answer: whatever happens to `check.bin` (bits flipped anywhere,
//! cut short), a run with the cache finds exactly what a run without it finds.

use ibid_check::{check, CheckOptions, NoProgress, VERSION};
use std::path::Path;

const DOCS: &[(&str, &str)] = &[
    (
        "letters/bad-date.md",
        "+++\ntitle = \"Letter\"\ndate = \"1921-02-30\"\n\n[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, doc. 652, p. 612\"\n+++\nDear comrade*,\n",
    ),
    (
        "letters/range.md",
        "+++\ntitle = \"Note\"\ndate = \"1921-03-01\"\n\n[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, doc. 653, pp. 613-614\"\n+++\nText [@nokey].\n",
    ),
    (
        "clean.md",
        "+++\ntitle = \"Clean\"\ndate = \"1921-02-16\"\n\n[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, doc. 652, p. 612\"\n+++\nText.\n",
    ),
];

fn findings(root: &Path, cache: bool) -> Vec<String> {
    let options = CheckOptions {
        cache,
        cwd: root.to_path_buf(),
        ..CheckOptions::default()
    };
    let result = check(&options, &NoProgress).expect("the check runs");
    result
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{}:{}:{} {} {}",
                d.path,
                d.start.line,
                d.start.column,
                d.code(),
                d.message
            )
        })
        .collect()
}

#[test]
fn flipped_bits_anywhere_in_the_cache_never_change_the_findings() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ibid.toml"), "").unwrap();
    for (name, text) in DOCS {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let expected = findings(dir.path(), false);
    assert!(expected.len() >= 3, "{expected:?}");
    assert_eq!(findings(dir.path(), true), expected);
    let file = dir
        .path()
        .join(".ibid_cache")
        .join(VERSION)
        .join("check.bin");
    let good = std::fs::read(&file).expect("the cache was written");
    // About 500 positions spread over the whole file, header and checksum included.
    let step = (good.len() / 500).max(1);
    let positions = (0..good.len())
        .step_by(step)
        .chain([good.len() - 1, good.len() - 16]);
    for position in positions {
        let mut bad = good.clone();
        bad[position] ^= 1 << (position % 8);
        std::fs::write(&file, &bad).unwrap();
        assert_eq!(
            findings(dir.path(), true),
            expected,
            "a flipped bit at byte {position} of {}",
            good.len()
        );
        // The run that found the damage rewrote the cache: the next one reads it back.
        assert_eq!(
            findings(dir.path(), true),
            expected,
            "after byte {position}"
        );
    }
}
