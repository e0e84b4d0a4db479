//! One test per rule: its fixture folder `fixtures/rules/CODE/` is checked with every rule on,
//! and the rule's diagnostics are a snapshot. Files named `bad*` must be reported, `clean*`
//! must not; fixable rules must converge under `--fix` and leave nothing of theirs behind.

use ibid_check::{check, render, CheckOptions, FixMode, NoProgress, OutputFormat, RenderOptions};
use ibid_check::{FixAvailability, Rule};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/rules")
        .canonicalize()
        .unwrap()
}

fn run(dir: &Path, fix: FixMode) -> ibid_check::CheckResult {
    let options = CheckOptions {
        paths: Vec::new(),
        fix,
        cache: false,
        cwd: dir.to_path_buf(),
        ..CheckOptions::default()
    };
    check(&options, &NoProgress).expect("the fixture's configuration loads")
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn check_rule(code: &str) {
    let rule = Rule::from_code(code).unwrap();
    let dir = fixtures().join(code);
    assert!(dir.is_dir(), "missing fixture folder {}", dir.display());
    let result = run(&dir, FixMode::Off);
    let mine: Vec<_> = result
        .diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .cloned()
        .collect();
    let mut out = Vec::new();
    render(
        OutputFormat::Full,
        &mine,
        RenderOptions::default(),
        &mut out,
    )
    .unwrap();
    insta::assert_snapshot!(code, String::from_utf8(out).unwrap());

    let reported: BTreeSet<&str> = mine
        .iter()
        .map(|d| d.path.rsplit('/').next().unwrap_or(&d.path))
        .collect();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.starts_with("bad") && !name.ends_with(".ibid.toml") {
            assert!(
                reported.contains(name.as_str()),
                "{code}: nothing reported in {name}"
            );
        }
        if name.starts_with("clean") {
            assert!(
                !reported.contains(name.as_str()),
                "{code}: false positive in {name}"
            );
        }
    }

    if rule.fix_availability() != FixAvailability::None {
        let tmp = tempfile::tempdir().unwrap();
        copy_dir(&dir, tmp.path());
        let first = run(tmp.path(), FixMode::Apply);
        assert!(first.fixed > 0, "{code}: the fixes changed nothing");
        assert!(
            first
                .diagnostics
                .iter()
                .all(|d| d.rule != rule || d.fix.is_none()),
            "{code}: fixable diagnostics remain after --fix"
        );
        let mut fixed = String::new();
        let mut names: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("bad"))
            .collect();
        names.sort();
        for name in names {
            let before = std::fs::read_to_string(dir.join(&name)).unwrap();
            let after = std::fs::read_to_string(tmp.path().join(&name)).unwrap();
            fixed.push_str(&ibid_check::fix::unified_diff(&name, &before, &after));
        }
        insta::assert_snapshot!(format!("{code}-fixed"), fixed);
        let second = run(tmp.path(), FixMode::Apply);
        assert_eq!(
            second.fixed, 0,
            "{code}: a second --fix changed the files again"
        );
    }
}

macro_rules! rule_tests {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            #[allow(non_snake_case)]
            fn $name() {
                check_rule(stringify!($name));
            }
        )*

        #[test]
        fn every_rule_has_a_fixture_test() {
            let tested = [$(stringify!($name)),*];
            for rule in Rule::ALL {
                if *rule == Rule::InternalError {
                    // Cannot be caused by input; `tests/engine.rs` injects a failing rule.
                    continue;
                }
                assert!(tested.contains(&rule.code()), "no fixture test for {}", rule.code());
            }
        }
    };
}

rule_tests!(
    D001, D002, D003, D004, E001, E002, F001, F002, F003, F004, F005, F006, F007, F008, I001, I002,
    M001, M002, M003, M004, P001, P002, P003, P004, P005, R001, R002, S001, S002, S003, S004, S005,
    S006,
);
