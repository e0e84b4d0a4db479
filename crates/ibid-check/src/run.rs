//! A whole `ibid check` run: plan the files (`ibid-corpus`), load the bibliographies, check
//! each document in parallel (cached, fixed when asked), run the corpus rules, then select
//! and suppress. Each file is read once; the texts later stages need are handed on.

use crate::analysis::{analyze, from_load_error, internal_error, FileResult};
use crate::cache::{Cache, ContentKey, NewEntry, Stamp};
use crate::codes::Rule;
use crate::diagnostic::{sort_diagnostics, Applicability, Diagnostic};
use crate::fix::{apply_fixes, unified_diff, MAX_FIX_PASSES};
use crate::index::{fill_snippets, Anchor, BibKey, CorpusBib, CorpusIndex, DocEntry};
use crate::load_errors::{rule_for, Origin};
use crate::rules::sources::CORPUS_RULES;
use crate::rules::{DocumentCheck, DOCUMENT_RULES};
use crate::selection::{RuleSet, SelectionLayer};
use crate::settings::{ConfigError, CorpusSettings};
use crate::suppression::{apply_suppressions, Suppression};
use ibid_corpus::{
    read_regular_file, replace_file, CorpusBibliography, DocumentBytes, DocumentFile, Plan,
};
use ibid_provenance::works::EntryIndex;
use ibid_provenance::LineIndex;
use rayon::prelude::*;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

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
        self.diagnostics
            .iter()
            .filter(|d| {
                d.fix
                    .as_ref()
                    .is_some_and(|f| f.applicability == Applicability::Safe)
            })
            .count()
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

/// One document to check.
#[derive(Debug)]
struct Job<'p> {
    file: &'p DocumentFile,
    rules: RuleSet,
    /// Which of the run's cache folders holds the document's result.
    cache: usize,
}

/// A file's text after `--diff` applied its fixes, for the fixes applied later (I001).
#[derive(Debug)]
struct FixedText {
    display: String,
    path: PathBuf,
    old: String,
    new: String,
}

/// What checking one document produced.
#[derive(Debug)]
struct Done {
    result: FileResult,
    /// The cache key of the contents the result describes (none when not cacheable).
    key: Option<ContentKey>,
    /// The files' metadata, hashed, taken before they were read (none when untrusted).
    stamp: Option<Stamp>,
    /// Whether the result came from the cache.
    cached: bool,
    fixed: usize,
    diff: String,
    fixed_texts: Vec<FixedText>,
    /// Texts this stage read that the later stages need (files with suppressions), by
    /// displayed path, so that they are not read again.
    kept: Vec<(String, String)>,
}

impl Done {
    /// A result computed now, cacheable under `key` when there is one.
    fn computed(result: FileResult, key: Option<ContentKey>, stamp: Option<Stamp>) -> Self {
        Done {
            result,
            key,
            stamp,
            cached: false,
            fixed: 0,
            diff: String::new(),
            fixed_texts: Vec::new(),
            kept: Vec::new(),
        }
    }

    /// A result taken from the cache, unchanged.
    fn from_cache(result: FileResult, key: ContentKey, stamp: Option<Stamp>) -> Self {
        Done {
            cached: true,
            ..Done::computed(result, Some(key), stamp)
        }
    }
}

/// The texts of files by displayed path: those earlier stages kept, read from disk (safely,
/// within the corpus's limit) for the others.
struct Sources<'a> {
    kept: HashMap<String, String>,
    paths: HashMap<&'a str, (&'a Path, u64)>,
}

impl Sources<'_> {
    /// The text of the file displayed as `display`, valid UTF-8 or nothing.
    fn text(&self, display: &str) -> Option<String> {
        if let Some(text) = self.kept.get(display) {
            return Some(text.clone());
        }
        let (path, limit) = self.paths.get(display)?;
        String::from_utf8(read_regular_file(path, *limit).ok()?).ok()
    }

    /// The text of the file displayed as `display`, with any invalid UTF-8 replaced.
    fn lossy_text(&self, display: &str) -> Option<String> {
        if let Some(text) = self.kept.get(display) {
            return Some(text.clone());
        }
        let (path, limit) = self.paths.get(display)?;
        let bytes = read_regular_file(path, *limit).ok()?;
        Some(String::from_utf8_lossy(&bytes).into_owned())
    }
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

/// Run `ibid check`.
pub fn check(options: &CheckOptions, progress: &dyn Progress) -> Result<CheckResult, ConfigError> {
    check_with(options, progress, DOCUMENT_RULES)
}

/// Run `ibid check` with a given set of document rules (tests use this to inject failures).
pub fn check_with(
    options: &CheckOptions,
    progress: &dyn Progress,
    checks: &[(Rule, DocumentCheck)],
) -> Result<CheckResult, ConfigError> {
    // Paths are canonical, so that every path compares with the corpus roots (which are
    // canonical) without a system call per file; they are shown relative to `cwd`.
    let plan = Plan::new(&options.paths, &options.cwd)?;
    let mut result = CheckResult {
        warnings: plan.warnings.clone(),
        read_errors: plan.errors.iter().map(ToString::to_string).collect(),
        ..CheckResult::default()
    };
    let settings = plan
        .corpora
        .iter()
        .map(CorpusSettings::new)
        .collect::<Result<Vec<_>, _>>()?;
    let bibliographies = plan.load_bibliographies()?;
    // Each document's results are cached at its corpus root (see `cache::cache_root`).
    let mut cache_roots: Vec<PathBuf> = Vec::new();
    let mut jobs: Vec<Job<'_>> = plan
        .files
        .iter()
        .map(|file| {
            let config = &plan.corpus_of(file).config;
            let config_root = config.path.as_ref().map(|_| config.root.as_path());
            let root = crate::cache::cache_root(config_root, &file.path, &plan.roots);
            let cache = match cache_roots.iter().position(|r| *r == root) {
                Some(i) => i,
                None => {
                    cache_roots.push(root);
                    cache_roots.len() - 1
                }
            };
            Job {
                rules: settings[file.corpus].rules_for(&file.path, &options.selection),
                file,
                cache,
            }
        })
        .collect();
    // The corpus index holds documents in path order.
    jobs.sort_unstable_by(|a, b| a.file.path.cmp(&b.file.path));
    result.files = jobs.len();

    // `--diff` computes results for texts that are not on disk: it neither reads nor
    // writes the cache.
    let caches: Vec<Cache<FileResult>> = if options.cache && options.fix != FixMode::Diff {
        cache_roots
            .iter()
            .map(|root| {
                let (cache, warning) = Cache::open(root, "check");
                result.warnings.extend(warning);
                cache
            })
            .collect()
    } else {
        Vec::new()
    };

    progress.start(jobs.len());
    // One fingerprint per corpus, not per file: it keys every cache entry.
    let style_keys: Vec<u64> = settings
        .iter()
        .map(|s| crate::settings::style_fingerprint(&s.style))
        .collect();
    let done: Vec<Done> = jobs
        .par_iter()
        .map(|job| {
            let corpus = job.file.corpus;
            let done = process(
                &plan,
                job,
                &settings[corpus].style,
                style_keys[corpus],
                options.fix,
                caches.get(job.cache),
                checks,
            );
            progress.advance();
            done
        })
        .collect();
    progress.finish();

    for cache in &caches {
        cache.release();
    }

    // Bibliographies, one set per corpus.
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut bibs = Vec::with_capacity(bibliographies.len());
    let mut sources = Sources {
        kept: HashMap::new(),
        paths: HashMap::with_capacity(jobs.len()),
    };
    // What each displayed path is, and which rules apply to it.
    let mut rules_of: HashMap<&str, RuleSet> = HashMap::with_capacity(jobs.len());
    for ((bibliography, corpus), corpus_settings) in
        bibliographies.iter().zip(&plan.corpora).zip(&settings)
    {
        let (mut bib, mut found) = bibliography_index(bibliography, corpus.complete);
        bib.style = corpus_settings.style;
        diagnostics.append(&mut found);
        bibs.push(bib);
        for file in &bibliography.files {
            rules_of.insert(
                &file.display,
                corpus_settings.rules_for(&file.path, &options.selection),
            );
            sources
                .paths
                .insert(&file.display, (&file.path, corpus.max_file_size));
            if let Some(text) = &file.text {
                sources.kept.insert(file.display.clone(), text.clone());
            }
        }
    }

    let mut suppressions: HashMap<&str, Vec<&Suppression>> = HashMap::new();
    let mut fixed_texts: HashMap<String, FixedText> = HashMap::new();
    for (job, done) in jobs.iter().zip(&done) {
        result.fixed += done.fixed;
        result.diff.push_str(&done.diff);
        diagnostics.extend(done.result.diagnostics.iter().cloned());
        let file = job.file;
        let limit = plan.corpus_of(file).max_file_size;
        rules_of.insert(&file.display, job.rules);
        sources.paths.insert(&file.display, (&file.path, limit));
        if let Some(side) = &file.sidecar {
            rules_of.insert(&side.display, job.rules);
            sources.paths.insert(&side.display, (&side.path, limit));
        }
        for (display, list) in &done.result.suppressions {
            suppressions.entry(display).or_default().extend(list.iter());
        }
        for (display, text) in &done.kept {
            sources.kept.insert(display.clone(), text.clone());
        }
        for fixed in &done.fixed_texts {
            sources
                .kept
                .insert(fixed.display.clone(), fixed.new.clone());
            fixed_texts.insert(
                fixed.display.clone(),
                FixedText {
                    display: fixed.display.clone(),
                    path: fixed.path.clone(),
                    old: fixed.old.clone(),
                    new: fixed.new.clone(),
                },
            );
        }
    }

    // Corpus rules.
    let entries: Vec<DocEntry<'_>> = jobs
        .iter()
        .zip(&done)
        .map(|(job, done)| DocEntry {
            path: &job.file.display,
            corpus: job.file.corpus,
            facts: &done.result.facts,
        })
        .collect();
    let index = CorpusIndex::new(entries, bibs);
    for &(rule, check) in CORPUS_RULES {
        let mut found = Vec::new();
        match catch_unwind(AssertUnwindSafe(|| check(&index, &mut found))) {
            Ok(()) => diagnostics.append(&mut found),
            Err(payload) => diagnostics.push(internal_error(
                jobs.first().map_or(".", |j| j.file.display.as_str()),
                &format!("in rule {} ({})", rule.code(), rule.name()),
                &*payload,
            )),
        }
    }
    drop(index);
    fill_snippets(&mut diagnostics, &|display: &str| sources.text(display));

    // Selection, then suppressions.
    let all = RuleSet::all();
    diagnostics.retain(|d| {
        !d.rule.is_ignorable()
            || rules_of
                .get(d.path.as_str())
                .copied()
                .unwrap_or(all)
                .contains(d.rule)
    });
    let mut by_path: HashMap<String, Vec<Diagnostic>> = HashMap::new();
    for d in diagnostics {
        by_path.entry(d.path.clone()).or_default().push(d);
    }
    let mut suppression_paths: Vec<&str> = suppressions.keys().copied().collect();
    suppression_paths.sort_unstable();
    for display in suppression_paths {
        let list: Vec<Suppression> = suppressions[display].iter().map(|&s| s.clone()).collect();
        let rules = rules_of.get(display).copied().unwrap_or(all);
        let diagnostics = by_path.entry(display.to_owned()).or_default();
        let findings = apply_suppressions(diagnostics, &list, &|rule| rules.contains(rule));
        let findings: Vec<_> = findings
            .into_iter()
            .filter(|f| rules.contains(f.rule))
            .collect();
        if findings.is_empty() {
            continue;
        }
        // Resolve against the text the suppressions were found in.
        if let Some(text) = sources.lossy_text(display) {
            let index = LineIndex::new(&text);
            diagnostics.extend(
                findings
                    .into_iter()
                    .map(|f| f.resolve(display, &text, &index)),
            );
        }
    }
    let mut diagnostics: Vec<Diagnostic> = by_path.into_values().flatten().collect();

    // Fixes of I001 (unused suppressions) are applied once everything else is known.
    if options.fix != FixMode::Off {
        apply_late_fixes(
            &mut diagnostics,
            &sources,
            &mut fixed_texts,
            options.fix,
            &mut result,
        )?;
    }

    // Each cache is rewritten unless every result came from it unchanged and none was left.
    for (i, (cache, root)) in caches.iter().zip(&cache_roots).enumerate() {
        let mine = || jobs.iter().zip(&done).filter(|(job, _)| job.cache == i);
        let unchanged =
            cache.loaded() == mine().count() && mine().all(|(_, d)| d.cached) && !cache.restamped();
        if !unchanged {
            let entries: Vec<NewEntry<'_, FileResult>> = mine()
                .filter_map(|(job, d)| {
                    d.key.map(|key| NewEntry {
                        path: &job.file.path,
                        key,
                        stamp: d.stamp,
                        value: &d.result,
                    })
                })
                .collect();
            if let Err(e) = Cache::write(root, "check", &entries) {
                result
                    .warnings
                    .push(format!("cannot write the cache in {}: {e}", root.display()));
            }
        }
    }
    sort_diagnostics(&mut diagnostics);
    result.diagnostics = diagnostics;
    Ok(result)
}

/// The stamp of a document's files under its settings and displayed path (see [`Stamp`]).
fn stamp(file: &DocumentFile, style: u64) -> Option<Stamp> {
    let mut files = vec![file.path.as_path()];
    files.extend(file.sidecar.as_ref().map(|side| side.path.as_path()));
    let salt = [&style.to_le_bytes()[..], file.display.as_bytes()].concat();
    Stamp::of(&files, &salt)
}

/// Check one document: from the cache when its contents are unchanged, else by analysis,
/// with fixes applied until they converge when asked.
fn process(
    plan: &Plan,
    job: &Job<'_>,
    style: &crate::settings::Style,
    style_key: u64,
    mode: FixMode,
    cache: Option<&Cache<FileResult>>,
    checks: &[(Rule, DocumentCheck)],
) -> Done {
    let file = job.file;
    let cache = cache.filter(|_| mode == FixMode::Off);
    // Taken before the files are read: a change after it shows in the next run's stamp.
    let stamp = cache.and_then(|_| stamp(file, style_key));
    if let (Some(unchanged), Some(cache)) = (stamp, cache) {
        if let Some((key, hit)) = cache.take_unchanged(&file.path, unchanged) {
            return Done::from_cache(hit, key, stamp);
        }
    }
    let mut input = match plan.read(file) {
        Ok(input) => input,
        Err(error) => {
            let display = error.file.to_string_lossy().into_owned();
            let diagnostic = from_load_error(&error, Origin::Document, &display, None);
            let result = FileResult {
                diagnostics: vec![diagnostic],
                ..FileResult::default()
            };
            return Done::computed(result, None, stamp);
        }
    };
    let key = content_key(&input, style_key);
    if let Some(hit) = cache.and_then(|c| c.take(&file.path, key, stamp)) {
        return Done::from_cache(hit, key, stamp);
    }
    let mut result = analyze(&input, style, checks);
    if mode == FixMode::Off {
        let mut done = Done::computed(result, Some(key), stamp);
        done.kept = kept_texts(&done.result, &input);
        return done;
    }
    let originals = (
        input.file.bytes.clone(),
        input.sidecar.as_ref().map(|s| s.bytes.clone()),
    );
    // The cite as read, which F008's fix keeps as `cite-as-printed` once the document's
    // own fixes have formatted it.
    let cite_as_read = cite_site(&result).cloned();
    // Fixes applied to the document (0) and to its sidecar (1).
    let mut fixed = [0usize; 2];
    for _ in 0..MAX_FIX_PASSES {
        let fixable = fixable_now(&result, job.rules);
        if fixable.is_empty() {
            break;
        }
        let mut changed = false;
        let targets = std::iter::once(&mut input.file).chain(input.sidecar.as_mut());
        for (target, count) in targets.zip(fixed.iter_mut()) {
            let Ok(text) = std::str::from_utf8(&target.bytes) else {
                continue;
            };
            let mine: Vec<&Diagnostic> = fixable
                .iter()
                .filter(|d| d.path == target.display)
                .copied()
                .collect();
            if mine.is_empty() {
                continue;
            }
            let (new, applied) = apply_fixes(text, mine);
            if applied > 0 && new != text {
                *count += applied;
                target.bytes = new.into_bytes();
                changed = true;
            }
        }
        if !changed {
            break;
        }
        result = analyze(&input, style, checks);
    }
    if let (Some(first), Some(site)) = (&cite_as_read, cite_site_mut(&mut result)) {
        site.read_before(first);
    }
    let mut diff = String::new();
    let mut fixed_texts = Vec::new();
    let mut unwritten = Vec::new();
    let pairs = [
        (Some(&mut input.file), Some(&originals.0)),
        (input.sidecar.as_mut(), originals.1.as_ref()),
    ];
    for (target, (now, before)) in pairs.into_iter().enumerate() {
        let (Some(now), Some(before)) = (now, before) else {
            continue;
        };
        if &now.bytes == before {
            continue;
        }
        let new = String::from_utf8_lossy(&now.bytes).into_owned();
        let old = String::from_utf8_lossy(before).into_owned();
        match mode {
            FixMode::Apply => {
                if let Err(e) = replace_file(&now.path, new.as_bytes()) {
                    // Nothing was written: the file keeps its text, its fixes do not count,
                    // and its findings are reported as they stand on disk.
                    now.bytes = before.clone();
                    fixed[target] = 0;
                    unwritten.push(
                        Diagnostic::file_level(
                            Rule::UnreadableDocument,
                            &now.display,
                            format!("Cannot write the fixed file: {e}"),
                        )
                        .with_help(
                            "its findings are listed as they are in the file; make the file \
                             and its folder writable and run `ibid check --fix` again",
                        ),
                    );
                }
            }
            FixMode::Diff => {
                diff.push_str(&unified_diff(&now.display, &old, &new));
                fixed_texts.push(FixedText {
                    display: now.display.clone(),
                    path: now.path.clone(),
                    old,
                    new,
                });
            }
            FixMode::Off => {}
        }
    }
    if !unwritten.is_empty() {
        result = analyze(&input, style, checks);
        result.diagnostics.append(&mut unwritten);
    }
    // After `--fix` wrote the files, their stamps changed: the content key finds them.
    let key = (mode == FixMode::Apply).then(|| content_key(&input, style_key));
    let kept = kept_texts(&result, &input);
    Done {
        result,
        key,
        stamp: None,
        cached: false,
        fixed: fixed.iter().sum(),
        diff,
        fixed_texts,
        kept,
    }
}

/// The `cite` site among a document's facts (F008).
fn cite_site(result: &FileResult) -> Option<&ibid_fmt::CiteSite> {
    result.facts.source.as_ref()?.site.as_ref()
}

/// The `cite` site among a document's facts, to change.
fn cite_site_mut(result: &mut FileResult) -> Option<&mut ibid_fmt::CiteSite> {
    result.facts.source.as_mut()?.site.as_mut()
}

/// The texts of `input` that later stages need: those of a file with suppressions (their
/// unused ones are resolved, and fixed, once the corpus rules have run).
fn kept_texts(result: &FileResult, input: &DocumentBytes) -> Vec<(String, String)> {
    if result.suppressions.is_empty() {
        return Vec::new();
    }
    std::iter::once(&input.file)
        .chain(input.sidecar.as_ref())
        .map(|f| {
            (
                f.display.clone(),
                String::from_utf8_lossy(&f.bytes).into_owned(),
            )
        })
        .collect()
}

/// The diagnostics of `result` that `--fix` should fix now: selected rules, safe fixes, not
/// silenced by the file's own suppressions.
fn fixable_now(result: &FileResult, rules: RuleSet) -> Vec<&Diagnostic> {
    let mut candidates: Vec<Diagnostic> = result
        .diagnostics
        .iter()
        .filter(|d| {
            rules.contains(d.rule)
                && d.fix
                    .as_ref()
                    .is_some_and(|f| f.applicability == Applicability::Safe)
        })
        .cloned()
        .collect();
    for (display, list) in &result.suppressions {
        let mut mine: Vec<Diagnostic> = Vec::new();
        candidates.retain(|d| {
            if &d.path == display {
                mine.push(d.clone());
                false
            } else {
                true
            }
        });
        apply_suppressions(&mut mine, list, &|_| false);
        candidates.extend(mine);
    }
    result
        .diagnostics
        .iter()
        .filter(|d| candidates.iter().any(|c| c == *d))
        .collect()
}

/// Apply the fixes known only after the corpus pass: unused suppressions, and the corpus
/// rules' (F008), on the texts the document fixes left.
fn apply_late_fixes(
    diagnostics: &mut Vec<Diagnostic>,
    sources: &Sources<'_>,
    fixed_texts: &mut HashMap<String, FixedText>,
    mode: FixMode,
    result: &mut CheckResult,
) -> Result<(), ConfigError> {
    let mut by_file: HashMap<String, Vec<Diagnostic>> = HashMap::new();
    diagnostics.retain(|d| {
        let late = (d.rule == Rule::UnusedSuppression || d.rule.scope() == crate::Scope::Corpus)
            && d.fix
                .as_ref()
                .is_some_and(|f| f.applicability == Applicability::Safe);
        if late {
            by_file.entry(d.path.clone()).or_default().push(d.clone());
        }
        !late
    });
    let mut files: Vec<_> = by_file.into_iter().collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    for (display, list) in files {
        let (path, old, text) = match fixed_texts.remove(&display) {
            Some(fixed) => (fixed.path, fixed.old, fixed.new),
            None => {
                let Some(&(path, _)) = sources.paths.get(display.as_str()) else {
                    diagnostics.extend(list);
                    continue;
                };
                let Some(text) = sources.lossy_text(&display) else {
                    diagnostics.extend(list);
                    continue;
                };
                (path.to_path_buf(), text.clone(), text)
            }
        };
        let (new, applied) = apply_fixes(&text, &list);
        match mode {
            FixMode::Apply => match replace_file(&path, new.as_bytes()) {
                Ok(_) => result.fixed += applied,
                Err(e) => {
                    // Not written: not fixed, and still reported.
                    result
                        .warnings
                        .push(format!("cannot write {}: {e}", path.display()));
                    diagnostics.extend(list);
                }
            },
            FixMode::Diff => {
                result.fixed += applied;
                // Replace this file's earlier diff with one that includes these fixes.
                let earlier = unified_diff(&display, &old, &text);
                if !earlier.is_empty() {
                    result.diff = result.diff.replacen(&earlier, "", 1);
                }
                result.diff.push_str(&unified_diff(&display, &old, &new));
            }
            FixMode::Off => {}
        }
    }
    Ok(())
}

/// The corpus index's view of one corpus's bibliography files (read once, by the plan):
/// their entries, repeats included (for S002, S003, S006), and the diagnostics of entries
/// that cannot be read (E002).
fn bibliography_index(
    bibliography: &CorpusBibliography,
    complete: bool,
) -> (CorpusBib, Vec<Diagnostic>) {
    let mut bib = CorpusBib {
        configured: !bibliography.files.is_empty(),
        entries: Vec::new(),
        complete,
        entries_by_author: EntryIndex::of_entries(
            bibliography
                .files
                .iter()
                .filter_map(|f| f.loaded.value.as_ref())
                .flat_map(|b| &b.entries),
        ),
        style: crate::settings::Style::default(),
    };
    let mut diagnostics = Vec::new();
    for file in &bibliography.files {
        let text = file.text.as_deref().unwrap_or("");
        let index = LineIndex::new(text);
        for error in &file.loaded.errors {
            // A repeated key is S006's, which reports it from the repeated entry itself.
            if rule_for(error.kind, Origin::Bibliography) == Rule::DuplicateBibliographyKey {
                continue;
            }
            let resolved = (error.span.is_some() && !text.is_empty()).then_some((text, &index));
            diagnostics.push(from_load_error(
                error,
                Origin::Bibliography,
                &file.display,
                resolved,
            ));
        }
        let Some(value) = &file.loaded.value else {
            continue;
        };
        // Repeats within the file come after the entries, as S006 expects them.
        for entry in value.entries.iter().chain(&value.duplicates) {
            let anchor = Anchor::new(text, &index, key_range(text, entry.span, &entry.key), false);
            bib.entries.push(BibKey {
                key: entry.key.clone(),
                path: file.display.clone(),
                anchor,
            });
        }
    }
    (bib, diagnostics)
}

/// The key's range inside an entry's span, or the entry's start.
fn key_range(text: &str, span: ibid_parse::Span, key: &str) -> crate::diagnostic::TextRange {
    let entry = span.slice(text);
    match entry.find(key) {
        Some(at) if !key.is_empty() => {
            crate::diagnostic::TextRange::new(span.start + at, span.start + at + key.len())
        }
        _ => crate::diagnostic::TextRange::empty(span.start),
    }
}
