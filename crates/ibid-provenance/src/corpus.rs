//! A corpus on disk: its configuration, its bibliography, the document files that belong
//! to it, and the check that every `[source] key` names a bibliography entry.

use crate::bib::Bibliography;
use crate::config::Config;
use crate::error::{LoadError, LoadErrorKind, Loaded};
use crate::model::Document;
use crate::read::{is_sidecar, read_document};
use std::path::{Path, PathBuf};

/// A corpus: configuration, bibliography and document files.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// The configuration (defaults when there is no `ibid.toml`).
    pub config: Config,
    /// Every entry of the configured bibliography files.
    pub bibliography: Bibliography,
    /// The document files, sorted.
    pub files: Vec<PathBuf>,
    /// Errors met reading the configuration and bibliographies, and walking the folder.
    pub errors: Vec<LoadError>,
}

impl Corpus {
    /// Open the corpus that `path` (a folder or a document) belongs to: the nearest
    /// `ibid.toml` above it, its bibliography, and its files (only `path` itself when it
    /// is a file).
    pub fn open(path: &Path) -> Corpus {
        let Loaded { value, mut errors } = Config::for_path(path);
        let config = value.unwrap_or_else(|| {
            Config::default_for(path.parent().map(Path::to_path_buf).unwrap_or_default())
        });
        let bib = Bibliography::load_all(config.bibliography.iter().map(|s| s.value.as_path()));
        errors.extend(bib.errors);
        let files = if path.is_file() {
            vec![path.to_path_buf()]
        } else {
            match discover_files(&config, path) {
                Ok(files) => files,
                Err(e) => {
                    errors.push(e);
                    Vec::new()
                }
            }
        };
        Corpus {
            config,
            bibliography: bib.value.unwrap_or_default(),
            files,
            errors,
        }
    }

    /// Load every document file, with the bibliography-key check added to each.
    pub fn load_documents(&self) -> Vec<Loaded<Document>> {
        self.files
            .iter()
            .map(|f| {
                let mut loaded = read_document(f);
                if let Some(doc) = &loaded.value {
                    loaded.errors.extend(self.check_keys(doc));
                }
                loaded
            })
            .collect()
    }

    /// Errors for a `[source] key` that names no entry of the bibliography.
    pub fn check_keys(&self, doc: &Document) -> Vec<LoadError> {
        check_source_key(doc, &self.bibliography)
    }
}

/// An error when `doc`'s `[source] key` names no entry of `bib`.
pub fn check_source_key(doc: &Document, bib: &Bibliography) -> Vec<LoadError> {
    let Some(key) = doc.source.as_ref().and_then(|s| s.key.as_ref()) else {
        return Vec::new();
    };
    if bib.get(&key.text).is_some() {
        return Vec::new();
    }
    let help = match bib.suggest(&key.text) {
        Some(s) => format!("did you mean `{s}`?"),
        None if bib.is_empty() => {
            "list the bibliography files in ibid.toml: bibliography = [\"refs.bib\"]".to_string()
        }
        None => "add the entry to a bibliography file listed in ibid.toml".to_string(),
    };
    vec![LoadError::at(
        LoadErrorKind::UnknownEntry,
        doc.meta_file(),
        key.span,
        format!("`{}` is not a key of the corpus bibliography", key.text),
    )
    .with_help(help)]
}

/// The document files under `start` that the configuration includes, sorted.
pub fn discover_files(config: &Config, start: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let matcher = config.file_matcher()?;
    let root = &config.root;
    let mut files = Vec::new();
    let mut stack = vec![start.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(read) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut children: Vec<PathBuf> = read.filter_map(|e| e.ok().map(|e| e.path())).collect();
        children.sort();
        for child in children.into_iter().rev() {
            let relative = relative_to(&child, root);
            if child.is_dir() {
                if !matcher.excludes_dir(&relative) {
                    stack.push(child);
                }
            } else if matcher.matches(&relative) && !is_sidecar(&child) {
                files.push(child);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// `path` relative to `root`, comparing canonical forms when the plain prefix fails.
pub fn relative_to(path: &Path, root: &Path) -> PathBuf {
    if let Ok(r) = path.strip_prefix(root) {
        return r.to_path_buf();
    }
    match (path.canonicalize(), root.canonicalize()) {
        (Ok(p), Ok(r)) => p.strip_prefix(&r).map(Path::to_path_buf).unwrap_or(p),
        _ => path.to_path_buf(),
    }
}
