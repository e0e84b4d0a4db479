//! The one walk over a folder: `.gitignore`, `.ignore` and `.ibidignore` respected, hidden
//! files, project files (`README.md`) and symbolic links skipped, every failure reported.

use crate::paths::display_path;
use crate::read::FileKind;
use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

/// Extensions of document files.
pub(crate) const DOCUMENT_EXTENSIONS: [&str; 3] = ["md", "markdown", "txt"];

/// Names (without extension, any case) of the files every project folder has, which are
/// not documents of the corpus: a walk skips them (naming one explicitly still reads it).
pub(crate) const PROJECT_FILES: [&str; 9] = [
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
pub(crate) fn is_project_file(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|stem| PROJECT_FILES.iter().any(|p| stem.eq_ignore_ascii_case(p)))
}

/// Whether `path` looks like a document by its extension.
pub(crate) fn is_document(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        DOCUMENT_EXTENSIONS
            .iter()
            .any(|d| e.eq_ignore_ascii_case(d))
    })
}

/// A folder or file that a walk could not read. The walk goes on; the run is incomplete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkError {
    /// The folder or file, when known.
    pub path: Option<PathBuf>,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for WalkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(path) => write!(f, "cannot read {}: {}", path.display(), self.message),
            None => write!(f, "cannot read {}", self.message),
        }
    }
}

impl std::error::Error for WalkError {}

/// What walking one folder found.
#[derive(Debug, Default)]
pub(crate) struct Walked {
    /// Document files, in walk order.
    pub documents: Vec<PathBuf>,
    /// Sidecar files (`NAME.ibid.toml`) seen, so documents find theirs without a lookup.
    pub sidecars: HashSet<PathBuf>,
    /// Things skipped that a user may want to know about.
    pub warnings: Vec<String>,
    /// Folders and files that could not be read.
    pub errors: Vec<WalkError>,
}

/// Walk the folder `root`, showing paths in warnings relative to `cwd`.
pub(crate) fn walk(root: &Path, cwd: &Path, out: &mut Walked) {
    walk_matching(root, cwd, out, is_document);
}

/// Extensions of the pages `ibid import` reads: documents' and saved HTML.
const PAGE_EXTENSIONS: [&str; 6] = ["md", "markdown", "txt", "html", "htm", "xhtml"];

/// Whether `path` looks like a page to import by its extension.
fn is_page(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PAGE_EXTENSIONS.iter().any(|p| e.eq_ignore_ascii_case(p)))
}

/// The pages in a folder: text, Markdown and saved HTML files, found by the walk a corpus
/// gets (ignore files respected; hidden files, project files such as `README.md`,
/// sidecars and symbolic links skipped), sorted by path.
#[derive(Debug, Default)]
pub struct Pages {
    /// The pages' paths, sorted.
    pub pages: Vec<PathBuf>,
    /// Things skipped that a user may want to know about.
    pub warnings: Vec<String>,
    /// Folders and files that could not be read.
    pub errors: Vec<WalkError>,
}

/// The pages under `folder` (see [`Pages`]), paths in messages shown relative to `cwd`.
pub fn walk_pages(folder: &Path, cwd: &Path) -> Pages {
    let mut walked = Walked::default();
    walk_matching(folder, cwd, &mut walked, is_page);
    let mut pages = walked.documents;
    pages.sort();
    Pages {
        pages,
        warnings: walked.warnings,
        errors: walked.errors,
    }
}

/// Walk `root`, keeping the regular files `wanted` accepts (sidecars and project files
/// apart) as `documents`.
fn walk_matching(root: &Path, cwd: &Path, out: &mut Walked, wanted: fn(&Path) -> bool) {
    let walker = ignore::WalkBuilder::new(root)
        .hidden(true)
        .follow_links(false)
        .add_custom_ignore_filename(".ibidignore")
        .require_git(false)
        // Each folder's entries in name order: the walk yields paths in sorted order, so
        // sorting them afterwards only checks. The paths of one folder's entries are its path
        // and a name: their bytes compare as the names do, without `file_name()` parsing
        // both paths from the end at every comparison.
        .sort_by_file_path(|a, b| a.as_os_str().cmp(b.as_os_str()))
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                classify_error(error, cwd, out);
                continue;
            }
        };
        let Some(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() || file_type.is_symlink() {
            continue;
        }
        let path = entry.into_path();
        let sidecar = ibid_provenance::is_sidecar(&path);
        if !file_type.is_file() {
            if sidecar || wanted(&path) {
                out.warnings.push(format!(
                    "{}: skipped, not a regular file: it is {}",
                    display_path(&path, cwd),
                    FileKind::of(file_type).describe()
                ));
            }
            continue;
        }
        if sidecar {
            out.sidecars.insert(path);
        } else if wanted(&path) && !is_project_file(&path) {
            out.documents.push(path);
        }
    }
}

/// Sort an error of the walk: a file or folder that cannot be read is an error; a bad line
/// in an ignore file is a warning.
fn classify_error(error: ignore::Error, cwd: &Path, out: &mut Walked) {
    if let ignore::Error::Partial(errors) = error {
        for error in errors {
            classify_error(error, cwd, out);
        }
        return;
    }
    let path = error_path(&error).map(Path::to_path_buf);
    match error.io_error() {
        Some(io) => out.errors.push(WalkError {
            path: path.as_deref().map(|p| PathBuf::from(display_path(p, cwd))),
            message: io.to_string(),
        }),
        None => out.warnings.push(error.to_string()),
    }
}

/// The path an error of the `ignore` walker is about.
fn error_path(error: &ignore::Error) -> Option<&Path> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_documents_and_respects_ignore_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
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
        let mut walked = Walked::default();
        walk(&root, &root, &mut walked);
        assert!(walked.errors.is_empty(), "{:?}", walked.errors);
        let mut names: Vec<_> = walked
            .documents
            .iter()
            .map(|f| display_path(f, &root))
            .collect();
        names.sort();
        assert_eq!(names, ["a.md", "b.txt", "sub/c.markdown"]);
        assert!(walked.sidecars.contains(&root.join("a.ibid.toml")));
    }
}
