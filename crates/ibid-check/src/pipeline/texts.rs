//! The texts of files that the last stage of `ibid check` needs, by displayed path: those the
//! earlier stages kept (bibliographies, files with suppressions or fixes), else read again.

use crate::pipeline::plan::{CheckPlan, PlannedDocument};
use ibid_corpus::{read_regular_file, DocumentBytes};
use std::collections::HashMap;
use std::path::Path;

/// The text of one file, kept by an earlier stage so that it is not read again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptText {
    /// The file, as displayed.
    pub display: String,
    /// Its text (any invalid UTF-8 replaced).
    pub text: String,
}

impl KeptText {
    /// The texts of a document and its sidecar.
    pub fn of_document(input: &DocumentBytes) -> Vec<KeptText> {
        std::iter::once(&input.file)
            .chain(input.sidecar.as_ref())
            .map(|f| KeptText {
                display: f.display.clone(),
                text: String::from_utf8_lossy(&f.bytes).into_owned(),
            })
            .collect()
    }
}

/// A file of the plan on disk, and the most bytes that may be read from it.
#[derive(Debug, Clone, Copy)]
pub struct OnDisk<'p> {
    /// Where it is.
    pub path: &'p Path,
    /// Its corpus's `max-file-size`.
    pub limit: u64,
}

/// The texts of the files of a run, by displayed path.
#[derive(Debug, Default)]
pub struct Texts<'p> {
    kept: HashMap<String, String>,
    on_disk: HashMap<&'p str, OnDisk<'p>>,
}

impl<'p> Texts<'p> {
    /// The files of `plan` (documents, sidecars, bibliography files), with the bibliography
    /// texts the plan kept.
    pub fn new(plan: &'p CheckPlan, documents: &[PlannedDocument<'p>]) -> Self {
        let mut texts = Texts {
            kept: HashMap::new(),
            on_disk: HashMap::with_capacity(documents.len()),
        };
        for (corpus, check) in plan.files.corpora.iter().zip(&plan.corpora) {
            for file in &check.bibliography.files {
                texts.on_disk.insert(
                    &file.display,
                    OnDisk {
                        path: &file.path,
                        limit: corpus.max_file_size,
                    },
                );
                if let Some(text) = &file.text {
                    texts.kept.insert(file.display.clone(), text.clone());
                }
            }
        }
        for document in documents {
            let file = document.file;
            let limit = plan.files.corpus_of(file).max_file_size;
            let sidecar = file.sidecar.as_ref().map(|s| (&s.display, &s.path));
            for (display, path) in std::iter::once((&file.display, &file.path)).chain(sidecar) {
                texts.on_disk.insert(display, OnDisk { path, limit });
            }
        }
        texts
    }

    /// Keep `text` (it replaces what was kept or is on disk).
    pub fn keep(&mut self, text: KeptText) {
        self.kept.insert(text.display, text.text);
    }

    /// Where the file displayed as `display` is on disk.
    pub fn on_disk(&self, display: &str) -> Option<OnDisk<'p>> {
        self.on_disk.get(display).copied()
    }

    /// The text of the file displayed as `display`, valid UTF-8 or nothing.
    pub fn text(&self, display: &str) -> Option<String> {
        if let Some(text) = self.kept.get(display) {
            return Some(text.clone());
        }
        String::from_utf8(self.read(display)?).ok()
    }

    /// The text of the file displayed as `display`, with any invalid UTF-8 replaced.
    pub fn lossy_text(&self, display: &str) -> Option<String> {
        if let Some(text) = self.kept.get(display) {
            return Some(text.clone());
        }
        Some(String::from_utf8_lossy(&self.read(display)?).into_owned())
    }

    /// Read a file again (safely, within its corpus's limit): one not kept by an earlier
    /// stage, such as a document with a corpus finding that needs its snippet.
    fn read(&self, display: &str) -> Option<Vec<u8>> {
        let file = self.on_disk.get(display)?;
        read_regular_file(file.path, file.limit).ok()
    }
}
