//! `docs/ARCHITECTURE.md` kept true: every crate of the workspace has a section in the code
//! map, and every source file under `crates/*/src` is named in its crate's section.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The text of the code map's section on `crates/NAME`, up to the next heading.
fn section<'a>(doc: &'a str, name: &str) -> Option<&'a str> {
    let heading = format!("### `crates/{name}`\n");
    let start = doc.find(&heading)? + heading.len();
    let rest = &doc[start..];
    let end = rest
        .match_indices("\n#")
        .map(|(at, _)| at)
        .next()
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

/// Every `.rs` file below `dir`, as paths relative to it with `/` separators.
fn sources(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("a source folder")
        .map(|e| e.expect("a folder entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            sources(&path, &format!("{prefix}{name}/"), out);
        } else if name.ends_with(".rs") {
            out.push(format!("{prefix}{name}"));
        }
    }
}

/// Whether `text` holds `needle` right after one of `before` (a backquote, a slash, ...).
fn mentions(text: &str, needle: &str, before: &[char]) -> bool {
    text.match_indices(needle).any(|(at, _)| {
        text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| before.contains(&c))
    })
}

/// A file is named when the section holds one of: a tail of its path that keeps a folder
/// (`parse/key.rs`); its file name in backquotes, if it sits at the top of `src/` or no
/// other file of the crate has that name; or a folder holding it, described as a whole
/// (`` `output/` ``, `` `json/*` ``, `` `rules/<family>/<rule>.rs` ``).
fn named(section: &str, file: &str, unique_name: bool) -> bool {
    let parts: Vec<&str> = file.split('/').collect();
    let tail_with_folder = (0..parts.len().saturating_sub(1))
        .any(|i| mentions(section, &parts[i..].join("/"), &['`', '/', ' ', '(']));
    let name = parts[parts.len() - 1];
    let by_name = (unique_name || parts.len() == 1) && section.contains(&format!("`{name}`"));
    let folder = (1..parts.len()).any(|i| {
        let dir = format!("`{}/", parts[..i].join("/"));
        ["`", "*", "<"]
            .iter()
            .any(|after| section.contains(&format!("{dir}{after}")))
    });
    tail_with_folder || by_name || folder
}

#[test]
fn every_source_file_is_in_the_code_map() {
    let root = workspace();
    let doc = fs::read_to_string(root.join("docs/ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let mut crates: Vec<String> = fs::read_dir(root.join("crates"))
        .expect("crates/")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    crates.sort();
    let mut missing = Vec::new();
    for name in &crates {
        let Some(text) = section(&doc, name) else {
            missing.push(format!(
                "crates/{name} (no section `### \\`crates/{name}\\``)"
            ));
            continue;
        };
        let mut files = Vec::new();
        sources(&root.join("crates").join(name).join("src"), "", &mut files);
        let mut names: HashMap<&str, usize> = HashMap::new();
        for file in &files {
            *names.entry(file.rsplit('/').next().unwrap()).or_default() += 1;
        }
        for file in &files {
            let unique = names[file.rsplit('/').next().unwrap()] == 1;
            if !named(text, file, unique) {
                missing.push(format!("crates/{name}/src/{file}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "docs/ARCHITECTURE.md's code map does not name:\n  {}",
        missing.join("\n  ")
    );
}

#[test]
fn each_crate_has_one_section() {
    let doc = fs::read_to_string(workspace().join("docs/ARCHITECTURE.md")).unwrap();
    for entry in fs::read_dir(workspace().join("crates")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let heading = format!("### `crates/{name}`\n");
        assert_eq!(
            doc.matches(&heading).count(),
            1,
            "sections on crates/{name}"
        );
    }
}

#[test]
fn the_rule_catches_a_file_the_map_leaves_out() {
    let text = "- `walk.rs`: the walk; `output/` one renderer per format; `parse/key.rs` keys.";
    assert!(named(text, "walk.rs", true));
    assert!(named(text, "walk.rs", false));
    assert!(!named(text, "corpus/walk.rs", false));
    assert!(named(text, "output/sarif.rs", false));
    assert!(named(text, "citation/parse/key.rs", false));
    assert!(!named(text, "plan.rs", true));
    assert!(!named(text, "pipeline/plan.rs", true));
}
