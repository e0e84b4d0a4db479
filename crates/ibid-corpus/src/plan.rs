//! The plan of a run: which documents the named paths hold, which corpus configuration each
//! belongs to, and what could not be read. Every command starts from one.

use crate::config::{find_config, load_config, unknown_key_warnings};
use crate::paths::{display_path, relative_to, sibling_display};
use crate::read::{file_kind, FileKind, ReadError, ReadErrorKind, DEFAULT_MAX_FILE_SIZE};
use crate::walk::{walk, WalkError, Walked, DOCUMENT_EXTENSIONS};
use ibid_provenance::config::FileMatcher;
use ibid_provenance::{is_sidecar, sidecar_path, Config, LoadError, LoadErrorKind};
use rayon::prelude::*;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// One corpus configuration (an `ibid.toml` with its `extend` chain, or the defaults) and
/// what follows from it for reading files.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// The configuration; [`Config::root`] is the corpus root.
    pub config: Config,
    /// Which files under the root belong to the corpus (`include`/`exclude`).
    pub matcher: FileMatcher,
    /// The most bytes read from one file (`max-file-size`).
    pub max_file_size: u64,
    /// Whether one of the named paths covers the whole corpus root (so "never cited" can be
    /// told about bibliography entries).
    pub complete: bool,
}

/// The sidecar `NAME.ibid.toml` of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SidecarFile {
    /// Where it is (canonical).
    pub path: PathBuf,
    /// How messages name it.
    pub display: String,
}

/// One document of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentFile {
    /// Where it is (canonical: no two files of a plan are the same file).
    pub path: PathBuf,
    /// How messages and exports name it: relative to the plan's folder, `/`-separated.
    pub display: String,
    /// Its corpus (an index into [`Plan::corpora`]).
    pub corpus: usize,
    /// Whether it was named on the command line (read whatever its extension).
    pub explicit: bool,
    /// Its sidecar, when it has one.
    pub sidecar: Option<SidecarFile>,
}

/// A reason a run cannot start, or cannot be trusted: exit code 2.
#[derive(Debug)]
#[non_exhaustive]
pub enum CorpusError {
    /// A path named by the user does not exist or is not a file or folder ibid reads.
    Path {
        /// The path as the user wrote it.
        shown: String,
        /// Why it cannot be read.
        error: ReadError,
    },
    /// A sidecar was named, and no document beside it has its name (a sidecar named with
    /// its document beside it stands for that document).
    Sidecar {
        /// The path as the user wrote it.
        shown: String,
    },
    /// A configuration file cannot be read or is invalid.
    Config(Vec<LoadError>),
    /// A bibliography file named by a configuration cannot be read.
    Bibliography {
        /// Where the configuration names it.
        named_at: String,
        /// The bibliography file as shown.
        shown: String,
        /// Why it cannot be read.
        error: ReadError,
    },
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorpusError::Path { shown, error } => write!(f, "{shown}: {}", error.reason()),
            CorpusError::Sidecar { shown } => {
                let name = Path::new(shown)
                    .file_name()
                    .map(|n| n.to_string_lossy().replace(".ibid.toml", ""))
                    .unwrap_or_default();
                write!(
                    f,
                    "{shown}: this is a sidecar file, and no document beside it has its name\n  help: a sidecar holds the provenance of `{name}.md` or `{name}.txt` in the same folder: put the document there, or rename the sidecar after its document"
                )
            }
            CorpusError::Config(errors) => {
                let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
                f.write_str(&text.join("\n"))
            }
            CorpusError::Bibliography {
                named_at,
                shown,
                error,
            } => write!(
                f,
                "{named_at}: the bibliography file `{shown}` cannot be read: {}\n  help: correct the path in `bibliography`, relative to the ibid.toml that names it",
                error.reason()
            ),
        }
    }
}

impl std::error::Error for CorpusError {}

/// The documents to read for a run and the corpora they belong to.
///
/// Paths named explicitly are taken as given (a file whatever its extension, a symbolic link
/// followed); folders are walked with [`ignore`](https://docs.rs/ignore) (`.gitignore`,
/// `.ignore`, `.ibidignore`; hidden files, project files such as `README.md` and symbolic
/// links skipped), then filtered by their corpus's `include`/`exclude`. Every path is
/// canonical, so no file is planned twice, however it was reached.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The folder paths are shown relative to (canonical).
    pub cwd: PathBuf,
    /// The named paths, canonical.
    pub roots: Vec<PathBuf>,
    /// The corpora met, in the order met.
    pub corpora: Vec<Corpus>,
    /// The documents in the order the paths were named (each folder's sorted by path),
    /// each once.
    pub files: Vec<DocumentFile>,
    /// Things a user may want to know: unknown configuration keys, special files skipped.
    pub warnings: Vec<String>,
    /// Folders and files that could not be read: the run is incomplete (exit code 2).
    pub errors: Vec<WalkError>,
}

impl Plan {
    /// Plan a run over `paths` (the current folder when empty), resolved against and shown
    /// relative to `cwd`.
    ///
    /// A sidecar `NAME.ibid.toml` named on its own stands for its document (`NAME.md`,
    /// `NAME.markdown` or `NAME.txt` beside it).
    ///
    /// Fails when a named path does not exist, is a special file (a FIFO, a device, a
    /// symbolic link loop) or a sidecar without a document, or when a configuration cannot
    /// be used.
    pub fn new(paths: &[PathBuf], cwd: &Path) -> Result<Plan, CorpusError> {
        let cwd = cwd.canonicalize().map_err(|e| CorpusError::Path {
            shown: cwd.display().to_string(),
            error: ReadError::new(cwd, ReadErrorKind::Io(e)),
        })?;
        let given: Vec<PathBuf> = if paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            paths.to_vec()
        };
        let mut found = FoundFiles::new(given.len());
        let mut walked = Walked::default();
        let mut roots = Vec::with_capacity(given.len());
        for path in &given {
            let root = resolve_named(path, &cwd)?;
            if root.is_file {
                found.add(root.path.clone(), None);
            } else {
                walk(&root.path, &cwd, &mut walked);
                let mut documents = std::mem::take(&mut walked.documents);
                documents.sort();
                for document in documents {
                    found.add(document, Some(roots.len()));
                }
            }
            roots.push(root.path);
        }
        let mut corpora = Corpora::new(cwd.clone());
        // Each file's corpus, in order; one folder's files follow each other and share it.
        let mut corpus_of = Vec::with_capacity(found.list.len());
        let mut last: Option<(&Path, usize)> = None;
        for file in &found.list {
            let parent = file.path.parent();
            let corpus = match last {
                Some((dir, corpus)) if Some(dir) == parent => corpus,
                _ => corpora.corpus_for(&file.path)?,
            };
            last = parent.map(|dir| (dir, corpus));
            corpus_of.push(corpus);
        }
        // The rest looks at each file on its own: in parallel, in order.
        let (list, sidecars) = (&corpora.list, &walked.sidecars);
        let files: Vec<DocumentFile> = found
            .list
            .into_par_iter()
            .zip(corpus_of)
            .filter_map(|(file, corpus)| {
                if let Some(walked_from) = file.walked_from {
                    // Globs are relative to the corpus root, or without an `ibid.toml` to
                    // the folder that was named (so that naming a hidden folder still reads
                    // it).
                    let config = &list[corpus].config;
                    let base = match config.path {
                        Some(_) => &config.root,
                        None => &roots[walked_from],
                    };
                    if !list[corpus].matcher.matches(&relative_to(&file.path, base)) {
                        return None;
                    }
                }
                let explicit = file.walked_from.is_none();
                let display = display_path(&file.path, &cwd);
                let side = sidecar_path(&file.path);
                let has_sidecar = side != file.path
                    && if explicit {
                        std::fs::symlink_metadata(&side).is_ok()
                    } else {
                        sidecars.contains(&side)
                    };
                let sidecar = has_sidecar.then(|| SidecarFile {
                    display: sibling_display(&display, &side),
                    path: side,
                });
                Some(DocumentFile {
                    path: file.path,
                    display,
                    corpus,
                    explicit,
                    sidecar,
                })
            })
            .collect();
        for corpus in &mut corpora.list {
            corpus.complete = covers(&roots, &corpus.config.root);
        }
        let mut warnings = corpora.warnings;
        warnings.append(&mut walked.warnings);
        Ok(Plan {
            cwd,
            roots,
            corpora: corpora.list,
            files,
            warnings,
            errors: walked.errors,
        })
    }

    /// The corpus of `file`.
    pub fn corpus_of(&self, file: &DocumentFile) -> &Corpus {
        &self.corpora[file.corpus]
    }
}

/// A path named by the user, resolved.
struct NamedPath {
    /// Canonical.
    path: PathBuf,
    /// A file (else a folder).
    is_file: bool,
}

/// The document a sidecar `NAME.ibid.toml` belongs to: an existing `NAME.md`,
/// `NAME.markdown` or `NAME.txt` beside it.
fn document_of_sidecar(sidecar: &Path) -> Option<PathBuf> {
    let stem = sidecar.file_name()?.to_str()?.strip_suffix(".ibid.toml")?;
    DOCUMENT_EXTENSIONS
        .iter()
        .map(|ext| sidecar.with_file_name(format!("{stem}.{ext}")))
        .find(|document| document.is_file())
}

/// Resolve a named path: a regular file (a sidecar stands for its document) or a folder.
fn resolve_named(path: &Path, cwd: &Path) -> Result<NamedPath, CorpusError> {
    let joined = cwd.join(path);
    let shown = path.display().to_string();
    let fail = |error: ReadError| CorpusError::Path {
        shown: shown.clone(),
        error,
    };
    let kind = file_kind(&joined).map_err(fail)?;
    let canonical = joined
        .canonicalize()
        .map_err(|e| fail(ReadError::new(&joined, ReadErrorKind::Io(e))))?;
    match kind {
        // A sidecar named on its own stands for its document.
        FileKind::Regular if is_sidecar(&canonical) => match document_of_sidecar(&canonical) {
            Some(document) => Ok(NamedPath {
                path: document.canonicalize().unwrap_or(document),
                is_file: true,
            }),
            None => Err(CorpusError::Sidecar { shown }),
        },
        FileKind::Regular => Ok(NamedPath {
            path: canonical,
            is_file: true,
        }),
        FileKind::Folder => Ok(NamedPath {
            path: canonical,
            is_file: false,
        }),
        other => Err(fail(ReadError::new(
            &joined,
            ReadErrorKind::NotRegular(other),
        ))),
    }
}

/// A document found: named, or met walking a named folder.
struct Found {
    path: PathBuf,
    /// The named folder it was met in (an index into the roots); `None` when named itself.
    walked_from: Option<usize>,
}

/// The documents found so far, in order, each once.
struct FoundFiles {
    list: Vec<Found>,
    /// Where each path is in `list`; `None` when only one path was named, which a walk
    /// cannot yield twice.
    seen: Option<HashMap<PathBuf, usize>>,
}

impl FoundFiles {
    /// Nothing found yet, for `named` paths.
    fn new(named: usize) -> Self {
        FoundFiles {
            list: Vec::new(),
            seen: (named > 1).then(HashMap::new),
        }
    }

    /// Add `path`; a file already found keeps its place, and becomes explicit when it is
    /// named now.
    fn add(&mut self, path: PathBuf, walked_from: Option<usize>) {
        let Some(seen) = &mut self.seen else {
            self.list.push(Found { path, walked_from });
            return;
        };
        match seen.get(&path) {
            Some(&i) => {
                if walked_from.is_none() {
                    self.list[i].walked_from = None;
                }
            }
            None => {
                seen.insert(path.clone(), self.list.len());
                self.list.push(Found { path, walked_from });
            }
        }
    }
}

/// Whether one of the walked `roots` is `root` or a folder above it.
fn covers(roots: &[PathBuf], root: &Path) -> bool {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    roots.iter().any(|r| r.is_dir() && root.starts_with(r))
}

/// The corpora met so far, found by walking up from each file's folder.
struct Corpora {
    list: Vec<Corpus>,
    by_config: HashMap<Option<PathBuf>, usize>,
    by_dir: HashMap<PathBuf, usize>,
    default_root: PathBuf,
    warnings: Vec<String>,
}

impl Corpora {
    fn new(default_root: PathBuf) -> Self {
        Corpora {
            list: Vec::new(),
            by_config: HashMap::new(),
            by_dir: HashMap::new(),
            default_root,
            warnings: Vec::new(),
        }
    }

    /// The corpus `file` belongs to: the closest `ibid.toml` above it, or the defaults.
    fn corpus_for(&mut self, file: &Path) -> Result<usize, CorpusError> {
        let dir = match file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if let Some(&i) = self.by_dir.get(&dir) {
            return Ok(i);
        }
        let config_path = find_config(&dir);
        let i = match self.by_config.get(&config_path) {
            Some(&i) => i,
            None => {
                let config = match &config_path {
                    Some(path) => self.load(path)?,
                    None => Config::default_for(self.default_root.clone()),
                };
                let matcher = config
                    .file_matcher()
                    .map_err(|e| CorpusError::Config(vec![e]))?;
                let max_file_size = config
                    .max_file_size
                    .as_ref()
                    .map_or(DEFAULT_MAX_FILE_SIZE, |s| s.value);
                self.list.push(Corpus {
                    config,
                    matcher,
                    max_file_size,
                    complete: false,
                });
                let i = self.list.len() - 1;
                self.by_config.insert(config_path, i);
                i
            }
        };
        self.by_dir.insert(dir, i);
        Ok(i)
    }

    /// Load an `ibid.toml` with its `extend` chain: unknown keys are warnings (with their
    /// `file:line:column` and a "did you mean" when one is near), anything else stops the run.
    fn load(&mut self, path: &Path) -> Result<Config, CorpusError> {
        let loaded = load_config(path);
        if !loaded.errors.is_empty() {
            return Err(CorpusError::Config(loaded.errors));
        }
        let config = loaded.value.ok_or_else(|| {
            CorpusError::Config(vec![LoadError::file(
                LoadErrorKind::Io,
                path,
                "cannot read the configuration",
            )])
        })?;
        self.warnings
            .extend(unknown_key_warnings(&config, &self.default_root));
        Ok(config)
    }
}
