//! `ibid.toml` on disk: `extend` chains merge as documented, loops and missing files are
//! errors, and bibliography paths stay relative to the file that names them.

use ibid_provenance::{Config, LoadErrorKind};
use std::path::{Path, PathBuf};

/// A fresh folder under the system temp dir for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ibid-provenance-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("child")).unwrap();
    dir
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

#[test]
fn extend_merges_settings() {
    let dir = scratch("extend");
    write(
        &dir.join("ibid.toml"),
        "bibliography = [\"refs.bib\"]\n[style]\ncsl = \"apa\"\nrange-dash = \"hyphen\"\n[lint]\nignore = [\"D003\"]\nextend-select = [\"X001\"]\nper-file-ignores = { \"a/*.md\" = [\"P\"] }\n",
    );
    write(
        &dir.join("child/ibid.toml"),
        "extend = \"../ibid.toml\"\n[style]\ncsl = \"chicago-author-date\"\n[lint]\nextend-select = [\"X002\"]\nper-file-ignores = { \"b/*.md\" = [\"D\"] }\n",
    );
    let loaded = Config::load(&dir.join("child/ibid.toml"));
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let c = loaded.value.unwrap();
    assert_eq!(
        c.bibliography[0].value,
        dir.join("refs.bib"),
        "relative to the file naming it"
    );
    assert_eq!(c.style.csl.unwrap().value, "chicago-author-date");
    assert!(c.style.range_dash.is_some(), "inherited");
    assert_eq!(c.lint.ignore[0].value, "D003");
    let extend: Vec<_> = c
        .lint
        .extend_select
        .iter()
        .map(|s| s.value.as_str())
        .collect();
    assert_eq!(extend, ["X001", "X002"]);
    assert_eq!(c.lint.per_file_ignores.len(), 2);
    assert_eq!(c.root, dir.join("child"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn extend_loops_and_missing_files_are_errors() {
    let dir = scratch("loop");
    write(&dir.join("ibid.toml"), "extend = \"child/ibid.toml\"\n");
    write(&dir.join("child/ibid.toml"), "extend = \"../ibid.toml\"\n");
    let loaded = Config::load(&dir.join("ibid.toml"));
    assert_eq!(loaded.errors.len(), 1, "{:?}", loaded.errors);
    assert_eq!(loaded.errors[0].kind, LoadErrorKind::BadExtend);
    assert!(loaded.errors[0].message.contains("cycle"));
    write(&dir.join("ibid.toml"), "extend = \"nowhere.toml\"\n");
    let loaded = Config::load(&dir.join("ibid.toml"));
    assert!(loaded.errors[0].message.contains("does not exist"));
    assert_eq!(
        (
            loaded.errors[0].position.line,
            loaded.errors[0].position.column
        ),
        (1, 10)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn discovery_walks_up_from_a_document() {
    let dir = scratch("discover");
    write(&dir.join("ibid.toml"), "[style]\ncsl = \"apa\"\n");
    write(&dir.join("child/doc.md"), "text");
    let found = Config::discover(&dir.join("child/doc.md")).unwrap();
    assert_eq!(found, dir.join("ibid.toml").canonicalize().unwrap());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_values_are_reported_with_suggestions() {
    let text = "[style]\nlocator-form = \"shrot\"\n[lint]\nselect = \"D\"\n[linter]\n";
    let loaded = Config::parse(Path::new("ibid.toml"), text);
    let shown: Vec<String> = loaded.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        shown,
        [
            "ibid.toml:2:16: `shrot` is not a valid `style.locator-form`\n  help: did you mean `short`?",
            "ibid.toml:5:2: unknown key `linter` at the top level\n  help: did you mean `lint`?",
        ]
    );
    let config = loaded.value.unwrap();
    assert_eq!(
        config.lint.select.unwrap()[0].value,
        "D",
        "a single string is a list of one"
    );
    assert_eq!(config.unknown[0].path, "linter");
}
