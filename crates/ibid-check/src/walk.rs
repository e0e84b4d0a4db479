//! Finding the files to check: documents under the given paths, with `.gitignore`,
//! `.ignore` and `.ibidignore` respected, project files (`README.md`) skipped, in order.

use std::path::{Path, PathBuf};

/// Extensions of document files.
pub const DOCUMENT_EXTENSIONS: [&str; 3] = ["md", "markdown", "txt"];

/// Whether `path` is a sidecar (`NAME.ibid.toml`), which belongs to its document.
pub fn is_sidecar(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".ibid.toml"))
}

/// Names (without extension, any case) of the files every project folder has, which are
/// not documents of the corpus: they are skipped by the walk unless named explicitly.
pub const PROJECT_FILES: [&str; 9] = [
    "readme",
    "changelog",
    "changes",
    "license",
    "licence",
    "contributing",
    "authors",
    "notice",
    "copying",
];

/// Whether `path` is a project file (`README.md`, `LICENSE.txt`, ...) rather than a document.
pub fn is_project_file(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|stem| PROJECT_FILES.iter().any(|p| stem.eq_ignore_ascii_case(p)))
}

/// Whether `path` looks like a document by its extension.
pub fn is_document(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        DOCUMENT_EXTENSIONS
            .iter()
            .any(|d| e.eq_ignore_ascii_case(d))
    })
}

/// A file found by the walk.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Found {
    /// The path, as reached from the given roots.
    pub path: PathBuf,
    /// Whether it was named on the command line (checked whatever its extension).
    pub explicit: bool,
}

/// The documents under `roots` (files are taken as given), sorted and without duplicates,
/// and the errors met on the way (unreadable folders, missing paths).
pub fn discover(roots: &[PathBuf]) -> (Vec<Found>, Vec<String>) {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for root in roots {
        match std::fs::metadata(root) {
            Err(e) => errors.push(format!("{}: {e}", root.display())),
            // A sidecar named on its own stands for its document (and, with none, is
            // reported by the analysis as a sidecar, never read as a document).
            Ok(meta) if meta.is_file() => found.push(Found {
                path: if is_sidecar(root) {
                    ibid_provenance::document_of_sidecar(root).unwrap_or_else(|| root.clone())
                } else {
                    root.clone()
                },
                explicit: true,
            }),
            Ok(_) => {
                let walker = ignore::WalkBuilder::new(root)
                    .hidden(true)
                    .add_custom_ignore_filename(".ibidignore")
                    .require_git(false)
                    .build();
                for entry in walker {
                    match entry {
                        Ok(entry) => {
                            let is_file = entry.file_type().is_some_and(|t| t.is_file());
                            let path = entry.into_path();
                            if is_file
                                && is_document(&path)
                                && !is_sidecar(&path)
                                && !is_project_file(&path)
                            {
                                found.push(Found {
                                    path,
                                    explicit: false,
                                });
                            }
                        }
                        Err(e) => errors.push(e.to_string()),
                    }
                }
            }
        }
    }
    found.sort();
    found.dedup_by(|a, b| {
        if a.path == b.path {
            b.explicit |= a.explicit;
            true
        } else {
            false
        }
    });
    (found, errors)
}

/// `path` as shown in diagnostics: relative to `base` when inside it, `/`-separated,
/// without a leading `./`.
pub fn display_path(path: &Path, base: &Path) -> String {
    let canonical_base = if path.is_absolute() && !base.is_absolute() {
        base.canonicalize().ok()
    } else {
        None
    };
    let relative = path
        .strip_prefix(base)
        .ok()
        .or_else(|| {
            canonical_base
                .as_deref()
                .and_then(|b| path.strip_prefix(b).ok())
        })
        .unwrap_or(path);
    let text = relative.to_string_lossy().replace('\\', "/");
    let text = text.strip_prefix("./").unwrap_or(&text);
    if text.is_empty() {
        ".".to_owned()
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_documents_and_respects_ignore_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("sub/skip")).unwrap();
        for name in [
            "a.md",
            "b.txt",
            "a.ibid.toml",
            "notes.rs",
            "sub/c.markdown",
            "sub/skip/d.md",
            ".hidden.md",
            "README.md",
            "sub/License.txt",
        ] {
            std::fs::write(root.join(name), "x").unwrap();
        }
        std::fs::write(root.join(".ibidignore"), "skip/\n").unwrap();
        let (found, errors) = discover(&[root.to_path_buf(), root.join("notes.rs")]);
        assert!(errors.is_empty(), "{errors:?}");
        let names: Vec<_> = found.iter().map(|f| display_path(&f.path, root)).collect();
        assert_eq!(names, ["a.md", "b.txt", "notes.rs", "sub/c.markdown"]);
        assert!(found[2].explicit);
        let (_, errors) = discover(&[root.join("missing")]);
        assert_eq!(errors.len(), 1);
    }
}
