//! Stage 2 of `ibid check`: each document on its own, in parallel. From the cache when its
//! files are unchanged; else read once, analysed and, when asked, fixed; then the cache written.

use crate::analysis::{analyze, from_load_error, FileResult};
use crate::cache::{Cache, ContentKey, NewEntry, Stamp};
use crate::codes::Rule;
use crate::load_errors::Origin;
use crate::pipeline::fixing::{fix_document, DocumentFixes};
use crate::pipeline::plan::{CheckPlan, PlannedDocument};
use crate::pipeline::texts::KeptText;
use crate::rules::DocumentCheck;
use crate::run::{FixMode, Progress};
use ibid_corpus::{DocumentBytes, DocumentFile};
use rayon::prelude::*;

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
    key: Option<ContentKey>,
    /// The files' metadata, hashed, taken before they were read (none when untrusted).
    stamp: Option<Stamp>,
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

impl CheckedDocuments {
    /// Free every document's facts, on every core: they serve only the corpus rules, and
    /// freeing them one document at a time in the last stage kept one core busy (about
    /// 40 ms for 100,000 documents) while the other waited.
    pub fn free_facts(&mut self) {
        self.documents
            .par_iter_mut()
            .for_each(|document| drop(std::mem::take(&mut document.result.facts)));
    }
}

/// Check every document of `documents` in parallel (rayon), each read at most once, and
/// write each cache (one per root of [`CheckPlan::cache_roots`]) when a result changed.
pub fn check_documents(
    plan: &CheckPlan,
    documents: &[PlannedDocument<'_>],
    options: DocumentOptions<'_>,
    progress: &dyn Progress,
) -> CheckedDocuments {
    let mut warnings = Vec::new();
    // `--diff` computes results for texts that are not on disk: it neither reads nor
    // writes the cache.
    let caches: Vec<Cache<FileResult>> = if options.cache && options.fix != FixMode::Diff {
        plan.cache_roots
            .iter()
            .map(|root| {
                let (cache, warning) = Cache::open(root, "check");
                warnings.extend(warning);
                cache
            })
            .collect()
    } else {
        Vec::new()
    };
    progress.start(documents.len());
    let checked: Vec<CheckedDocument> = documents
        .par_iter()
        .map(|document| {
            let cache = caches.get(document.cache);
            let checked = check_document(plan, document, options, cache);
            progress.advance();
            checked
        })
        .collect();
    progress.finish();
    for cache in &caches {
        cache.release();
    }
    for (i, (cache, root)) in caches.iter().zip(&plan.cache_roots).enumerate() {
        let mine = || {
            documents
                .iter()
                .zip(&checked)
                .filter(|(document, _)| document.cache == i)
        };
        // A cache is rewritten unless every result came from it unchanged and none was left.
        let unchanged = cache.loaded() == mine().count()
            && mine().all(|(_, d)| d.cached.hit)
            && !cache.restamped();
        if unchanged {
            continue;
        }
        let entries: Vec<NewEntry<'_, FileResult>> = mine()
            .filter_map(|(document, d)| {
                d.cached.key.map(|key| NewEntry {
                    path: &document.file.path,
                    key,
                    stamp: d.cached.stamp,
                    value: &d.result,
                })
            })
            .collect();
        if let Err(e) = Cache::write(root, "check", &entries) {
            warnings.push(format!("cannot write the cache in {}: {e}", root.display()));
        }
    }
    CheckedDocuments {
        documents: checked,
        warnings,
    }
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
    // Taken before the files are read: a change after it shows in the next run's stamp.
    let stamp = cache.and_then(|_| stamp(file, style_key));
    if let (Some(unchanged), Some(cache)) = (stamp, cache) {
        if let Some((key, hit)) = cache.take_unchanged(&file.path, unchanged) {
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
    // The contents' key finds and files the result in a cache: with none, it is not needed.
    let key = cache.map(|_| content_key(&input, style_key));
    if let Some((cache, key)) = cache.zip(key) {
        if let Some(hit) = cache.take(&file.path, key, stamp) {
            return CheckedDocument::from_cache(hit, key, stamp);
        }
    }
    let style = &corpus.settings.style;
    let result = analyze(&input, style, options.checks);
    if options.fix == FixMode::Off {
        let kept = kept_texts(&result, &input);
        let mut checked = CheckedDocument::computed(result, key, stamp);
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
        ..CheckedDocument::computed(fixed.result, key, None)
    }
}

impl CheckedDocument {
    /// A result computed now, cacheable under `key` when there is one.
    fn computed(result: FileResult, key: Option<ContentKey>, stamp: Option<Stamp>) -> Self {
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
    fn from_cache(result: FileResult, key: ContentKey, stamp: Option<Stamp>) -> Self {
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
fn content_key(input: &DocumentBytes, style: u64) -> ContentKey {
    let empty: &[u8] = &[];
    ContentKey::of(&[
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

/// The stamp of a document's files under its settings and displayed path (see [`Stamp`]).
fn stamp(file: &DocumentFile, style: u64) -> Option<Stamp> {
    let mut files = vec![file.path.as_path()];
    files.extend(file.sidecar.as_ref().map(|side| side.path.as_path()));
    let salt = [&style.to_le_bytes()[..], file.display.as_bytes()].concat();
    Stamp::of(&files, &salt)
}
