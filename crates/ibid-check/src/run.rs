//! A whole `ibid check` run: its options, its result, and [`check`], which runs the stages of
//! [`crate::pipeline`] (plan, documents, corpus, finish) in order.

use crate::codes::Rule;
use crate::diagnostic::Diagnostic;
use crate::pipeline::fixing::is_safe_fix;
use crate::pipeline::{check_corpus, check_documents, finish, CheckPlan, DocumentOptions};
use crate::rules::{DocumentCheck, DOCUMENT_RULES};
use crate::selection::SelectionLayer;
use crate::settings::ConfigError;
use std::path::PathBuf;

/// What `--fix` and `--diff` ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FixMode {
    /// Report only.
    #[default]
    Off,
    /// Apply safe fixes and write the files.
    Apply,
    /// Show what the fixes would change, write nothing.
    Diff,
}

/// How to run a check.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Files and folders to check (the current folder when empty).
    pub paths: Vec<PathBuf>,
    /// Rule selection from the command line, applied after the configuration's.
    pub selection: SelectionLayer,
    /// Fixing.
    pub fix: FixMode,
    /// Read and write `.ibid_cache/`.
    pub cache: bool,
    /// The folder paths are shown relative to.
    pub cwd: PathBuf,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            paths: Vec::new(),
            selection: SelectionLayer::default(),
            fix: FixMode::Off,
            cache: true,
            cwd: PathBuf::from("."),
        }
    }
}

/// What a run found.
#[derive(Debug, Clone, Default)]
pub struct CheckResult {
    /// The diagnostics that remain, selected, unsuppressed and sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Fixes applied (`--fix`) or that would be applied (`--diff`).
    pub fixed: usize,
    /// Unified diffs of the fixes (`--diff`).
    pub diff: String,
    /// How many documents were checked.
    pub files: usize,
    /// Warnings for the user (corrupt cache, unknown config keys, special files skipped).
    pub warnings: Vec<String>,
    /// Folders and files that could not be read: the results are incomplete, and the run
    /// must not pass (exit code 2).
    pub read_errors: Vec<String>,
}

impl CheckResult {
    /// Whether an internal error (E900) was reported.
    pub fn has_internal_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.rule == Rule::InternalError)
    }

    /// How many remaining diagnostics `--fix` could fix.
    pub fn fixable(&self) -> usize {
        self.diagnostics.iter().filter(|d| is_safe_fix(d)).count()
    }
}

/// Progress of a run, for a progress bar.
pub trait Progress: Sync {
    /// The number of documents to check is known.
    fn start(&self, total: usize) {
        let _ = total;
    }
    /// One document is done.
    fn advance(&self) {}
    /// All documents are done.
    fn finish(&self) {}
}

/// No progress reporting.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {}

/// Run `ibid check`.
pub fn check(options: &CheckOptions, progress: &dyn Progress) -> Result<CheckResult, ConfigError> {
    check_with(options, progress, DOCUMENT_RULES)
}

/// Run `ibid check` with a given set of document rules (tests use this to inject failures):
/// the four stages of [`crate::pipeline`], in order.
pub fn check_with(
    options: &CheckOptions,
    progress: &dyn Progress,
    checks: &[(Rule, DocumentCheck)],
) -> Result<CheckResult, ConfigError> {
    let plan = CheckPlan::new(&options.paths, &options.cwd)?;
    let documents = plan.documents(&options.selection);
    let stage = DocumentOptions {
        fix: options.fix,
        cache: options.cache,
        checks,
    };
    let mut checked = check_documents(&plan, &documents, stage, progress);
    let corpus = check_corpus(&plan, &documents, &checked.documents);
    checked.free_facts();
    Ok(finish(&plan, &documents, checked, corpus, options))
}
