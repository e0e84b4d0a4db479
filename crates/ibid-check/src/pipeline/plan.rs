//! Stage 1 of `ibid check`: the plan. Which documents are checked (ibid-corpus's [`Plan`]),
//! each corpus's settings and bibliography (read once), and the rules of every file.

use crate::selection::{RuleSet, SelectionLayer};
use crate::settings::{ConfigError, CorpusSettings};
use ibid_corpus::{CorpusBibliography, DocumentFile, Plan};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What the checker knows about one corpus of the plan.
#[derive(Debug)]
pub struct CorpusCheck {
    /// Its settings: rule selection, per-file ignores, style.
    pub settings: CorpusSettings,
    /// The fingerprint of its style settings, part of every cache key of its documents.
    pub style_key: u64,
    /// Its bibliography files, read and parsed once.
    pub bibliography: CorpusBibliography,
}

/// The plan of a check: the files and corpora, with what the checker adds to each corpus.
#[derive(Debug)]
pub struct CheckPlan {
    /// The documents and corpora (`ibid-corpus`), paths canonical and shown relative to
    /// [`Plan::cwd`].
    pub files: Plan,
    /// Per corpus, in the order of [`Plan::corpora`].
    pub corpora: Vec<CorpusCheck>,
    /// The folders whose `.ibid_cache/` hold the documents' results (see
    /// [`crate::cache::cache_root`]): each corpus root, or the checked folder.
    pub cache_roots: Vec<PathBuf>,
    /// For each file of [`Plan::files`], the index of its cache root.
    cache_of: Vec<usize>,
}

/// One document to check, with the rules that apply to it.
#[derive(Debug, Clone, Copy)]
pub struct PlannedDocument<'p> {
    /// The document (and its sidecar).
    pub file: &'p DocumentFile,
    /// The rules selected for it (configuration, command line, per-file ignores).
    pub rules: RuleSet,
    /// Which of [`CheckPlan::cache_roots`] holds its result.
    pub cache: usize,
}

impl CheckPlan {
    /// Plan a check of `paths` (the current folder when empty), shown relative to `cwd`:
    /// walk them, read each corpus's configuration and bibliography files.
    ///
    /// Fails (exit code 2) when a named path cannot be read, or a configuration or a
    /// bibliography file cannot be used.
    pub fn new(paths: &[PathBuf], cwd: &Path) -> Result<CheckPlan, ConfigError> {
        let files = Plan::new(paths, cwd)?;
        let settings = files
            .corpora
            .iter()
            .map(CorpusSettings::new)
            .collect::<Result<Vec<_>, _>>()?;
        let bibliographies = files.load_bibliographies()?;
        let corpora = settings
            .into_iter()
            .zip(bibliographies)
            .map(|(settings, bibliography)| CorpusCheck {
                style_key: crate::settings::style_fingerprint(&settings.style),
                settings,
                bibliography,
            })
            .collect();
        let mut cache_roots: Vec<PathBuf> = Vec::new();
        let cache_of = files
            .files
            .iter()
            .map(|file| {
                let config = &files.corpus_of(file).config;
                let config_root = config.path.as_ref().map(|_| config.root.as_path());
                let root = crate::cache::cache_root(config_root, &file.path, &files.roots);
                match cache_roots.iter().position(|r| *r == root) {
                    Some(i) => i,
                    None => {
                        cache_roots.push(root);
                        cache_roots.len() - 1
                    }
                }
            })
            .collect();
        Ok(CheckPlan {
            files,
            corpora,
            cache_roots,
            cache_of,
        })
    }

    /// The documents to check in path order (the order of the corpus index), each with the
    /// rules `selection` (the command line's) leaves it.
    pub fn documents(&self, selection: &SelectionLayer) -> Vec<PlannedDocument<'_>> {
        let mut documents: Vec<PlannedDocument<'_>> = self
            .files
            .files
            .par_iter()
            .zip(&self.cache_of)
            .map(|(file, &cache)| PlannedDocument {
                rules: self.corpora[file.corpus]
                    .settings
                    .rules_for(&file.path, selection),
                file,
                cache,
            })
            .collect();
        // One named folder is walked in path order already: sorting is then only a check.
        if !documents
            .windows(2)
            .all(|w| w[0].file.path <= w[1].file.path)
        {
            documents.sort_unstable_by(|a, b| a.file.path.cmp(&b.file.path));
        }
        documents
    }

    /// What the checker knows about the corpus of `file`.
    pub fn corpus_of(&self, file: &DocumentFile) -> &CorpusCheck {
        &self.corpora[file.corpus]
    }

    /// The rules of every file a diagnostic may name, by displayed path: each document and
    /// its sidecar (the document's rules) and each bibliography file.
    pub fn rules_by_file<'p>(
        &'p self,
        documents: &[PlannedDocument<'p>],
        selection: &SelectionLayer,
    ) -> HashMap<&'p str, RuleSet> {
        let mut rules = HashMap::with_capacity(documents.len());
        for corpus in &self.corpora {
            for file in &corpus.bibliography.files {
                let set = corpus.settings.rules_for(&file.path, selection);
                rules.insert(file.display.as_str(), set);
            }
        }
        for document in documents {
            let file = document.file;
            rules.insert(file.display.as_str(), document.rules);
            if let Some(side) = &file.sidecar {
                rules.insert(side.display.as_str(), document.rules);
            }
        }
        rules
    }
}
