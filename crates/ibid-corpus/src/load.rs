//! Loading what a plan names: each document with its sidecar read once (in parallel) and
//! parsed into the model; each corpus's bibliography files read once and parsed.

use crate::plan::{CorpusError, DocumentFile, Plan};
use crate::read::read_regular_file;
use ibid_provenance::{
    decode, parse_document, BibFormat, Bibliography, Document, LoadError, LoadErrorKind, Loaded,
};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// The bytes of one file, with where it is and how messages name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileBytes {
    /// Where it is.
    pub path: PathBuf,
    /// How messages name it.
    pub display: String,
    /// What it holds.
    pub bytes: Vec<u8>,
}

/// A document file and its sidecar, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentBytes {
    /// The document file.
    pub file: FileBytes,
    /// Its sidecar `NAME.ibid.toml`, when it has one.
    pub sidecar: Option<FileBytes>,
}

impl DocumentBytes {
    /// Parse the bytes into the model. Paths in the model and in its errors are the
    /// displayed paths, as messages and exports show them.
    pub fn parse(&self) -> Loaded<Document> {
        parse_document(
            Path::new(&self.file.display),
            &self.file.bytes,
            self.sidecar
                .as_ref()
                .map(|s| (Path::new(&s.display), s.bytes.as_slice())),
        )
    }
}

/// One bibliography file of a corpus, read and parsed.
#[derive(Debug, Clone)]
pub struct BibliographyFile {
    /// Where it is.
    pub path: PathBuf,
    /// How messages name it.
    pub display: String,
    /// Its text, when it is UTF-8 (positions of entries and errors point into it).
    pub text: Option<String>,
    /// Its entries (with [`Bibliography::duplicates`], keys repeated in the file) and errors.
    pub loaded: Loaded<Bibliography>,
}

/// The bibliography files of one corpus.
#[derive(Debug, Clone, Default)]
pub struct CorpusBibliography {
    /// Each file named by `bibliography`, in order.
    pub files: Vec<BibliographyFile>,
}

impl CorpusBibliography {
    /// Every entry of every file in one bibliography; a key already taken (in the same file
    /// or an earlier one) is an error, and the first entry is kept.
    pub fn merged(&self) -> Loaded<Bibliography> {
        let mut bib = Bibliography::default();
        let mut errors = Vec::new();
        for file in &self.files {
            let loaded = &file.loaded;
            errors.extend(
                loaded
                    .errors
                    .iter()
                    .filter(|e| e.kind != LoadErrorKind::DuplicateEntry)
                    .cloned(),
            );
            let Some(value) = &loaded.value else { continue };
            for entry in value.entries.iter().chain(&value.duplicates) {
                if let Err(e) = bib.push(entry.clone()) {
                    errors.push(e);
                }
            }
        }
        errors.sort_by(|a, b| {
            (&a.file, a.span.map(|s| s.start)).cmp(&(&b.file, b.span.map(|s| s.start)))
        });
        Loaded::new(Some(bib), errors)
    }
}

/// A document that loaded, with its corpus.
#[derive(Debug, Clone)]
pub struct LoadedDocument {
    /// The document.
    pub document: Document,
    /// Its corpus (an index into [`Plan::corpora`] and [`Documents::bibliographies`]).
    pub corpus: usize,
}

/// The documents of a plan that loaded, the bibliographies, and every error met.
#[derive(Debug, Clone, Default)]
pub struct Documents {
    /// The documents that could be read, in plan order.
    pub documents: Vec<LoadedDocument>,
    /// The bibliography of each corpus (its files merged).
    pub bibliographies: Vec<Bibliography>,
    /// Every error: the bibliographies' entries, then the documents'.
    pub errors: Vec<LoadError>,
}

impl Documents {
    /// The bibliography of `document`'s corpus.
    pub fn bibliography_of(&self, document: &LoadedDocument) -> &Bibliography {
        &self.bibliographies[document.corpus]
    }

    /// One bibliography for documents of several corpora: every corpus's entries, the
    /// first corpus's entry kept when two share a key.
    pub fn bibliography(&self) -> Bibliography {
        across_corpora(&self.bibliographies)
    }
}

/// Each corpus's bibliography, its files merged, and the errors in their entries.
#[derive(Debug, Clone, Default)]
pub struct MergedBibliographies {
    /// The bibliography of each corpus, in the order of [`Plan::corpora`].
    pub bibliographies: Vec<Bibliography>,
    /// Errors in entries (bad entries, keys taken twice), corpus by corpus.
    pub errors: Vec<LoadError>,
}

impl MergedBibliographies {
    /// One bibliography for documents of several corpora: every corpus's entries, the
    /// first corpus's entry kept when two share a key.
    pub fn across_corpora(&self) -> Bibliography {
        across_corpora(&self.bibliographies)
    }
}

/// Every corpus's entries in one bibliography, the first corpus's entry kept when two
/// share a key.
fn across_corpora(bibliographies: &[Bibliography]) -> Bibliography {
    match bibliographies {
        [one] => one.clone(),
        many => {
            let mut merged = Bibliography::default();
            for entry in many.iter().flat_map(|b| &b.entries) {
                let _ = merged.push(entry.clone());
            }
            merged
        }
    }
}

impl Plan {
    /// Read `file` and its sidecar: only regular files, each within its corpus's
    /// `max-file-size`. A failure is an [`LoadErrorKind::Io`] error naming the file.
    pub fn read(&self, file: &DocumentFile) -> Result<DocumentBytes, LoadError> {
        let limit = self.corpus_of(file).max_file_size;
        let read = |path: &Path, display: &str, what: &str| {
            read_regular_file(path, limit)
                .map(|bytes| FileBytes {
                    path: path.to_path_buf(),
                    display: display.to_owned(),
                    bytes,
                })
                .map_err(|e| {
                    LoadError::file(
                        LoadErrorKind::Io,
                        Path::new(display),
                        format!("cannot read the {what}: {}", e.reason()),
                    )
                })
        };
        let document = read(&file.path, &file.display, "file")?;
        let sidecar = match &file.sidecar {
            Some(side) => Some(read(&side.path, &side.display, "sidecar file")?),
            None => None,
        };
        Ok(DocumentBytes {
            file: document,
            sidecar,
        })
    }

    /// Read and parse `file` into a [`Document`].
    pub fn load_document(&self, file: &DocumentFile) -> Loaded<Document> {
        match self.read(file) {
            Ok(bytes) => bytes.parse(),
            Err(error) => Loaded::failed(error),
        }
    }

    /// Read and parse every document of the plan, in parallel; the results are in the
    /// order of [`Plan::files`].
    pub fn load_documents(&self) -> Vec<Loaded<Document>> {
        self.files
            .par_iter()
            .map(|f| self.load_document(f))
            .collect()
    }

    /// Load everything a command that shows or exports documents needs: every document
    /// (in parallel), each corpus's bibliography merged, and every error met, documents'
    /// errors in plan order after the bibliographies'.
    pub fn load_all(&self) -> Result<Documents, CorpusError> {
        let MergedBibliographies {
            bibliographies,
            mut errors,
        } = self.load_merged_bibliographies()?;
        let mut documents = Vec::with_capacity(self.files.len());
        for (file, loaded) in self.files.iter().zip(self.load_documents()) {
            errors.extend(loaded.errors);
            if let Some(document) = loaded.value {
                documents.push(LoadedDocument {
                    document,
                    corpus: file.corpus,
                });
            }
        }
        Ok(Documents {
            documents,
            bibliographies,
            errors,
        })
    }

    /// Read every corpus's bibliography files (as [`Plan::load_bibliographies`]) and merge
    /// each corpus's files into one bibliography ([`CorpusBibliography::merged`]).
    pub fn load_merged_bibliographies(&self) -> Result<MergedBibliographies, CorpusError> {
        let mut errors = Vec::new();
        let bibliographies = self
            .load_bibliographies()?
            .iter()
            .map(|b| {
                let merged = b.merged();
                errors.extend(merged.errors);
                merged.value.unwrap_or_default()
            })
            .collect();
        Ok(MergedBibliographies {
            bibliographies,
            errors,
        })
    }

    /// Read and parse the bibliography files of every corpus, once each; the results are
    /// in the order of [`Plan::corpora`]. A file that cannot be read (missing, not a regular
    /// file, too large) is a configuration error; a file that is read but holds bad entries
    /// keeps the others, with the errors.
    pub fn load_bibliographies(&self) -> Result<Vec<CorpusBibliography>, CorpusError> {
        self.corpora
            .iter()
            .map(|corpus| {
                let files = corpus
                    .config
                    .bibliography
                    .iter()
                    .map(|setting| {
                        let display = crate::display_path(&setting.value, &self.cwd);
                        load_bibliography(&setting.value, &display, corpus.max_file_size).map_err(
                            |error| CorpusError::Bibliography {
                                named_at: format!(
                                    "{}:{}:{}",
                                    crate::display_path(&setting.file, &self.cwd),
                                    setting.position.line,
                                    setting.position.column
                                ),
                                shown: display.clone(),
                                error,
                            },
                        )
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(CorpusBibliography { files })
            })
            .collect()
    }
}

/// Read and parse one bibliography file; its format comes from its extension. Only a file
/// that cannot be read at all is an `Err`.
fn load_bibliography(
    path: &Path,
    display: &str,
    limit: u64,
) -> Result<BibliographyFile, crate::ReadError> {
    let shown = Path::new(display);
    let done = |text: Option<String>, loaded: Loaded<Bibliography>| BibliographyFile {
        path: path.to_path_buf(),
        display: display.to_owned(),
        text,
        loaded,
    };
    let Some(format) = BibFormat::from_path(path) else {
        return Ok(done(
            None,
            Loaded::failed(
                LoadError::file(LoadErrorKind::InvalidValue, shown, "unknown bibliography format")
                    .with_help("bibliography files end in .bib (BibTeX/BibLaTeX), .json (CSL-JSON), .ris (RIS) or .toml (ibid)"),
            ),
        ));
    };
    let bytes = read_regular_file(path, limit)?;
    match decode(shown, &bytes) {
        Ok(text) => {
            let loaded = Bibliography::parse(shown, &text, format);
            Ok(done(Some(text), loaded))
        }
        Err(e) => Ok(done(None, Loaded::failed(e))),
    }
}
