//! The documents of a run and their corpora: the walk, each file's `ibid.toml` and the
//! corpus's include/exclude, as `ibid check` selects them, for other commands (`ibid fmt`).

use crate::corpora::{ConfigError, Corpora};
use crate::walk::{discover, display_path};
use std::path::{Path, PathBuf};

/// One document of a run.
#[derive(Debug, Clone)]
pub struct DocumentPath {
    /// Its canonical path.
    pub path: PathBuf,
    /// How messages name it (relative to the working folder).
    pub display: String,
    /// Its corpus, an index into [`Documents::corpora`].
    pub corpus: usize,
}

/// The documents under some paths, with their corpora.
#[derive(Debug)]
pub struct Documents {
    /// The documents, sorted.
    pub documents: Vec<DocumentPath>,
    /// Their corpora (settings, style).
    pub corpora: Corpora,
    /// Warnings (unreadable folders, unknown configuration keys).
    pub warnings: Vec<String>,
    /// Paths named on the command line that are symbolic links, as given: a command that
    /// writes files refuses them rather than write through them.
    pub links: Vec<PathBuf>,
}

/// The documents under `paths` (the current folder when empty), found the way `ibid check`
/// finds them: `.gitignore` and `.ibidignore` respected, each file governed by the closest
/// `ibid.toml` and kept when its corpus includes it (or when it was named explicitly).
pub fn documents(paths: &[PathBuf], cwd: &Path) -> Result<Documents, ConfigError> {
    let cwd = cwd
        .canonicalize()
        .map_err(|e| ConfigError(format!("{}: {e}", cwd.display())))?;
    let given: Vec<PathBuf> = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    let mut roots = Vec::with_capacity(given.len());
    let mut links = Vec::new();
    for path in &given {
        let is_link =
            std::fs::symlink_metadata(cwd.join(path)).is_ok_and(|m| m.file_type().is_symlink());
        if is_link && cwd.join(path).is_file() {
            links.push(path.clone());
            continue;
        }
        match cwd.join(path).canonicalize() {
            Ok(root) => roots.push(root),
            Err(_) => {
                return Err(ConfigError(format!(
                    "{}: no such file or folder",
                    path.display()
                )))
            }
        }
    }
    let (found, walk_errors) = discover(&roots);
    let mut warnings: Vec<String> = walk_errors
        .into_iter()
        .map(|e| format!("cannot read {e}"))
        .collect();
    let mut corpora = Corpora::new(cwd.clone());
    let mut documents = Vec::new();
    for found in found {
        let corpus = corpora.corpus_for(&found.path)?;
        let settings = &corpora.list[corpus];
        let relative = crate::settings::relative_to(&found.path, &settings.settings.root);
        if !found.explicit && !settings.matcher.matches(&relative) {
            continue;
        }
        documents.push(DocumentPath {
            display: display_path(&found.path, &cwd),
            path: found.path,
            corpus,
        });
    }
    warnings.append(&mut corpora.warnings);
    Ok(Documents {
        documents,
        corpora,
        warnings,
        links,
    })
}
