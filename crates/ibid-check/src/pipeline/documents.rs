//! Stage 2 of `ibid check`: each document on its own, in parallel. From the cache when its
//! files are unchanged; else read once, analysed and, when asked, fixed; then the cache written.

use crate::analysis::{analyze, from_load_error, FileResult};
use crate::cache::{hash_bytes, Cache};
use crate::codes::Rule;
use crate::load_errors::Origin;
use crate::pipeline::fixing::{fix_document, DocumentFixes};
use crate::pipeline::plan::{CheckPlan, PlannedDocument};
use crate::pipeline::texts::KeptText;
use crate::rules::DocumentCheck;
use crate::run::{FixMode, Progress};
use ibid_corpus::{find_config, DocumentBytes, DocumentFile};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// How stage 2 runs.
#[derive(Debug, Clone, Copy)]
pub struct DocumentOptions<'a> {
    /// Fixing (`--fix`, `--diff`).
    pub fix: FixMode,
    /// Whether to read and write `.ibid_cache/`.
    pub cache: bool,
    /// The document rules to run.
    pub checks: &'a [(Rule, DocumentCheck)],
}

/// How a document's result relates to the cache.
#[derive(Debug, Clone, Copy, Default)]
struct Cached {
    /// The key of the contents the result describes (none when it is not to be cached).
    key: Option<u64>,
    /// The files' sizes and modification times, hashed (0 when not taken).
    stamp: u64,
    /// Whether the result came from the cache.
    hit: bool,
}

/// What checking one document produced.
#[derive(Debug)]
pub struct CheckedDocument {
    /// Its diagnostics, suppressions and facts.
    pub result: FileResult,
    /// What `--fix` or `--diff` did to it.
    pub fixes: DocumentFixes,
    /// The texts of its files when a later stage needs them (it has suppressions, resolved
    /// and fixed after the corpus rules), so that they are not read again.
    pub kept: Vec<KeptText>,
    cached: Cached,
}

/// Every document checked, in the order of the plan's documents.
#[derive(Debug, Default)]
pub struct CheckedDocuments {
    /// One per planned document, in the same order.
    pub documents: Vec<CheckedDocument>,
    /// Warnings for the user (a corrupt cache, a cache that cannot be written).
    pub warnings: Vec<String>,
}

/// Check every document of `documents` in parallel (rayon), each read at most once, and
/// write the cache when a result changed.
pub fn check_documents(
    plan: &CheckPlan,
    documents: &[PlannedDocument<'_>],
    options: DocumentOptions<'_>,
    progress: &dyn Progress,
) -> CheckedDocuments {
    let mut warnings = Vec::new();
    let cache_root = cache_root(&plan.files.cwd);
    // `--diff` computes results for texts that are not on disk: it neither reads nor
    // writes the cache.
    let cache = (options.cache && options.fix != FixMode::Diff).then(|| {
        let (cache, warning) = Cache::<FileResult>::open(&cache_root, "check");
        warnings.extend(warning);
        cache
    });
    progress.start(documents.len());
    let checked: Vec<CheckedDocument> = documents
        .par_iter()
        .map(|document| {
            let checked = check_document(plan, document, options, cache.as_ref());
            progress.advance();
            checked
        })
        .collect();
    progress.finish();
    if let Some(cache) = cache {
        cache.release();
        // The cache is rewritten unless every result came from it and none was left over.
        let unchanged = cache.loaded() == documents.len() && checked.iter().all(|d| d.cached.hit);
        if !unchanged {
            let entries: Vec<(&str, u64, u64, &FileResult)> = documents
                .iter()
                .zip(&checked)
                .filter_map(|(document, d)| {
                    let key = d.cached.key?;
                    Some((
                        document.file.display.as_str(),
                        key,
                        d.cached.stamp,
                        &d.result,
                    ))
                })
                .collect();
            if let Err(e) = Cache::write(&cache_root, "check", &entries) {
                warnings.push(format!(
                    "cannot write the cache in {}: {e}",
                    cache_root.display()
                ));
            }
        }
    }
    CheckedDocuments {
        documents: checked,
        warnings,
    }
}

/// Where the cache of a run from `cwd` lives: beside the nearest `ibid.toml`, else in `cwd`.
fn cache_root(cwd: &Path) -> PathBuf {
    find_config(cwd)
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .unwrap_or_else(|| cwd.to_path_buf())
}

/// Check one document: from the cache when its files are unchanged (by stamp, then by
/// contents), else by analysis, with fixes applied until they converge when asked.
fn check_document(
    plan: &CheckPlan,
    document: &PlannedDocument<'_>,
    options: DocumentOptions<'_>,
    cache: Option<&Cache<FileResult>>,
) -> CheckedDocument {
    let file = document.file;
    let corpus = plan.corpus_of(file);
    let style_key = corpus.style_key;
    let cache = cache.filter(|_| options.fix == FixMode::Off);
    let stamp = match cache {
        Some(_) => stamp(file, style_key).unwrap_or(0),
        None => 0,
    };
    if stamp != 0 {
        if let Some((key, hit)) = cache.and_then(|c| c.take_stamped(&file.display, stamp)) {
            return CheckedDocument::from_cache(hit, key, stamp);
        }
    }
    let input = match plan.files.read(file) {
        Ok(input) => input,
        Err(error) => {
            let display = error.file.to_string_lossy().into_owned();
            let diagnostic = from_load_error(&error, Origin::Document, &display, None);
            let result = FileResult {
                diagnostics: vec![diagnostic],
                ..FileResult::default()
            };
            return CheckedDocument::computed(result, None, stamp);
        }
    };
    let key = content_key(&input, style_key);
    if let Some(hit) = cache.and_then(|c| c.take(&file.display, key)) {
        return CheckedDocument::from_cache(hit, key, stamp);
    }
    let style = &corpus.settings.style;
    let result = analyze(&input, style, options.checks);
    if options.fix == FixMode::Off {
        let kept = kept_texts(&result, &input);
        let mut checked = CheckedDocument::computed(result, Some(key), stamp);
        checked.kept = kept;
        return checked;
    }
    let fixed = fix_document(input, result, document.rules, options.fix, |input| {
        analyze(input, style, options.checks)
    });
    // After `--fix` wrote the files, their stamps changed: the content key finds them.
    let key = (options.fix == FixMode::Apply).then(|| content_key(&fixed.input, style_key));
    let kept = kept_texts(&fixed.result, &fixed.input);
    CheckedDocument {
        kept,
        fixes: fixed.fixes,
        ..CheckedDocument::computed(fixed.result, key, 0)
    }
}

impl CheckedDocument {
    /// A result computed now, cacheable under `key` when there is one.
    fn computed(result: FileResult, key: Option<u64>, stamp: u64) -> Self {
        CheckedDocument {
            result,
            fixes: DocumentFixes::default(),
            kept: Vec::new(),
            cached: Cached {
                key,
                stamp,
                hit: false,
            },
        }
    }

    /// A result taken from the cache, unchanged.
    fn from_cache(result: FileResult, key: u64, stamp: u64) -> Self {
        let mut checked = CheckedDocument::computed(result, Some(key), stamp);
        checked.cached.hit = true;
        checked
    }
}

/// The texts of `input` that later stages need: those of a file with suppressions (their
/// unused ones are resolved, and fixed, once the corpus rules have run).
fn kept_texts(result: &FileResult, input: &DocumentBytes) -> Vec<KeptText> {
    if result.suppressions.is_empty() {
        return Vec::new();
    }
    KeptText::of_document(input)
}

/// The cache key of a document's contents: ibid's version, the style, and each file's
/// displayed path and bytes.
fn content_key(input: &DocumentBytes, style: u64) -> u64 {
    let empty: &[u8] = &[];
    hash_bytes(&[
        crate::VERSION.as_bytes(),
        &style.to_le_bytes(),
        input.file.display.as_bytes(),
        &input.file.bytes,
        input
            .sidecar
            .as_ref()
            .map_or(empty, |s| s.display.as_bytes()),
        input.sidecar.as_ref().map_or(empty, |s| &s.bytes),
    ])
}

/// A hash of the settings and of the files' sizes and modification times.
fn stamp(file: &DocumentFile, style: u64) -> Option<u64> {
    let meta = |path: &Path| -> Option<String> {
        let m = std::fs::metadata(path).ok()?;
        let modified = m
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_nanos();
        Some(format!("{}:{modified}", m.len()))
    };
    let document = meta(&file.path)?;
    let side = match &file.sidecar {
        Some(side) => meta(&side.path)?,
        None => String::new(),
    };
    Some(hash_bytes(&[
        &style.to_le_bytes(),
        file.display.as_bytes(),
        document.as_bytes(),
        side.as_bytes(),
    ]))
}
