//! A whole `ibid check` run: find the files, check them in parallel (cached, fixed when
//! asked), load the bibliographies, run the corpus rules, then select and suppress.

use crate::analysis::{analyze, internal_error, FileResult, InputFile};
use crate::cache::{Cache, ContentKey, NewEntry, Stamp};
use crate::codes::Rule;
use crate::corpora::{ConfigError, Corpora};
use crate::diagnostic::{sort_diagnostics, Applicability, Diagnostic};
use crate::fix::{apply_fixes, unified_diff, write_atomic, MAX_FIX_PASSES};
use crate::index::{fill_snippets, Anchor, BibKey, CorpusBib, CorpusIndex, DocEntry};
use crate::line_index::LineIndex;
use crate::rules::sources::CORPUS_RULES;
use crate::rules::{DocumentCheck, DOCUMENT_RULES};
use crate::selection::{RuleSet, SelectionLayer};
use crate::suppression::{apply_suppressions, Suppression};
use crate::walk::{discover, display_path};
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
    /// Warnings for the user (corrupt cache, unknown config keys, unreadable folders).
    pub warnings: Vec<String>,
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
struct Job {
    path: PathBuf,
    display: String,
    corpus: usize,
    rules: RuleSet,
    /// Which of the run's cache folders holds the document's result.
    cache: usize,
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
    /// Fixed texts in `--diff` mode, for fixes applied later (I001): display → (path, old, new).
    fixed_texts: Vec<(String, PathBuf, String, String)>,
    /// The sidecar, when the document has one: its displayed path and path.
    sidecar: Option<(String, PathBuf)>,
}

impl Done {
    /// A result taken from the cache, unchanged.
    fn from_cache(
        result: FileResult,
        key: ContentKey,
        stamp: Option<Stamp>,
        sidecar: Option<(String, PathBuf)>,
    ) -> Self {
        Done {
            result,
            key: Some(key),
            stamp,
            cached: true,
            fixed: 0,
            diff: String::new(),
            fixed_texts: Vec::new(),
            sidecar,
        }
    }
}

/// The files of a document, read.
struct Texts {
    file: (PathBuf, String, Vec<u8>),
    sidecar: Option<(PathBuf, String, Vec<u8>)>,
}

impl Texts {
    fn inputs(&self) -> (InputFile<'_>, Option<InputFile<'_>>) {
        let file = InputFile {
            path: &self.file.0,
            display: &self.file.1,
            bytes: &self.file.2,
        };
        let sidecar = self
            .sidecar
            .as_ref()
            .map(|(path, display, bytes)| InputFile {
                path,
                display,
                bytes,
            });
        (file, sidecar)
    }

    fn key(&self, style: u64) -> ContentKey {
        let empty: &[u8] = &[];
        ContentKey::of(&[
            crate::VERSION.as_bytes(),
            &style.to_le_bytes(),
            self.file.1.as_bytes(),
            &self.file.2,
            self.sidecar.as_ref().map_or(empty, |s| s.1.as_bytes()),
            self.sidecar.as_ref().map_or(empty, |s| &s.2),
        ])
    }
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
    let mut result = CheckResult::default();
    // Work with canonical paths, so that every path compares with the corpus roots (which
    // are canonical) without a system call per file; show them relative to `cwd`.
    let cwd = &options
        .cwd
        .canonicalize()
        .map_err(|e| ConfigError(format!("{}: {e}", options.cwd.display())))?;
    let given: Vec<PathBuf> = if options.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        options.paths.clone()
    };
    let mut roots = Vec::with_capacity(given.len());
    for path in &given {
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
    result
        .warnings
        .extend(walk_errors.into_iter().map(|e| format!("cannot read {e}")));
    let mut corpora = Corpora::new(cwd.clone());
    let mut jobs = Vec::new();
    let mut cache_roots: Vec<PathBuf> = Vec::new();
    for found in found {
        let corpus = corpora.corpus_for(&found.path)?;
        let settings = &corpora.list[corpus];
        let relative = crate::settings::relative_to(&found.path, &settings.settings.root);
        if !found.explicit && !settings.matcher.matches(&relative) {
            continue;
        }
        let rules = settings.settings.rules_for(&found.path, &options.selection);
        let config_root = settings
            .settings
            .config_file
            .as_ref()
            .map(|_| settings.settings.root.as_path());
        let cache_root = crate::cache::cache_root(config_root, &found.path, &roots);
        let cache = match cache_roots.iter().position(|r| *r == cache_root) {
            Some(i) => i,
            None => {
                cache_roots.push(cache_root);
                cache_roots.len() - 1
            }
        };
        jobs.push(Job {
            cache,
            display: display_path(&found.path, cwd),
            path: found.path,
            corpus,
            rules,
        });
    }
    result.warnings.append(&mut corpora.warnings);
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
    let style_keys: Vec<u64> = corpora
        .list
        .iter()
        .map(|c| c.settings.style.fingerprint())
        .collect();
    let done: Vec<Done> = jobs
        .par_iter()
        .map(|job| {
            let style = &corpora.list[job.corpus].settings.style;
            let style_key = style_keys[job.corpus];
            let cache = caches.get(job.cache);
            let done = process(job, style, style_key, options.fix, cache, checks);
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
    let mut bibs = Vec::new();
    let mut bib_files: Vec<(String, PathBuf, RuleSet)> = Vec::new();
    for corpus in &corpora.list {
        let (bib, mut found) = load_bibliographies(&corpus.settings, cwd, &roots);
        for bibfile in &corpus.settings.bibliographies {
            bib_files.push((
                display_path(bibfile, cwd),
                bibfile.clone(),
                corpus.settings.rules_for(bibfile, &options.selection),
            ));
        }
        diagnostics.append(&mut found);
        bibs.push(bib);
    }

    // What each displayed path is, and which rules apply to it.
    let mut suppressions: HashMap<&str, Vec<&Suppression>> = HashMap::new();
    let mut rules_of: HashMap<&str, RuleSet> = HashMap::with_capacity(jobs.len());
    let mut paths_of: HashMap<&str, &Path> = HashMap::with_capacity(jobs.len());
    let mut fixed_texts: HashMap<String, (PathBuf, String, String)> = HashMap::new();
    for (job, done) in jobs.iter().zip(&done) {
        result.fixed += done.fixed;
        result.diff.push_str(&done.diff);
        diagnostics.extend(done.result.diagnostics.iter().cloned());
        rules_of.insert(&job.display, job.rules);
        paths_of.insert(&job.display, &job.path);
        if let Some((display, path)) = &done.sidecar {
            rules_of.insert(display, job.rules);
            paths_of.insert(display, path);
        }
        for (display, list) in &done.result.suppressions {
            suppressions.entry(display).or_default().extend(list.iter());
        }
        for (display, path, old, new) in &done.fixed_texts {
            fixed_texts.insert(display.clone(), (path.clone(), old.clone(), new.clone()));
        }
    }
    for (display, path, rules) in &bib_files {
        rules_of.insert(display, *rules);
        paths_of.insert(display, path);
    }

    // Corpus rules.
    let entries: Vec<DocEntry<'_>> = jobs
        .iter()
        .zip(&done)
        .map(|(job, done)| DocEntry {
            path: &job.display,
            corpus: job.corpus,
            facts: &done.result.facts,
        })
        .collect();
    let index = CorpusIndex::new(entries, bibs);
    for &(rule, check) in CORPUS_RULES {
        let mut found = Vec::new();
        match catch_unwind(AssertUnwindSafe(|| check(&index, &mut found))) {
            Ok(()) => diagnostics.append(&mut found),
            Err(payload) => diagnostics.push(internal_error(
                jobs.first().map_or(".", |j| j.display.as_str()),
                &format!("in rule {} ({})", rule.code(), rule.name()),
                &*payload,
            )),
        }
    }
    drop(index);
    fill_snippets(&mut diagnostics, &|display: &str| {
        if let Some((_, _, new)) = fixed_texts.get(display) {
            return Some(new.clone());
        }
        let path = paths_of.get(display)?;
        let bytes = std::fs::read(path).ok()?;
        String::from_utf8(bytes).ok()
    });

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
        let text = match fixed_texts.get(display) {
            Some((_, _, new)) => Some(new.clone()),
            None => paths_of
                .get(display)
                .and_then(|p| std::fs::read(p).ok())
                .map(|b| String::from_utf8_lossy(&b).into_owned()),
        };
        if let Some(text) = text {
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
            &paths_of,
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
                        path: &job.path,
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

/// The sidecar of a document, when it has one: its path and displayed path.
fn sidecar_of(job: &Job) -> Option<(PathBuf, String)> {
    let side_path = ibid_provenance::sidecar_path(&job.path);
    if side_path == job.path || !side_path.is_file() {
        return None;
    }
    let name = side_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let display = match job.display.rfind('/') {
        Some(slash) => format!("{}/{name}", &job.display[..slash]),
        None => name,
    };
    Some((side_path, display))
}

/// The stamp of a document's files under its settings and displayed path (see [`Stamp`]).
fn stamp(job: &Job, sidecar: Option<&(PathBuf, String)>, style: u64) -> Option<Stamp> {
    let mut files = vec![job.path.as_path()];
    files.extend(sidecar.map(|(path, _)| path.as_path()));
    let salt = [&style.to_le_bytes()[..], job.display.as_bytes()].concat();
    Stamp::of(&files, &salt)
}

/// Read a document and its sidecar.
fn read_texts(job: &Job, sidecar: Option<(PathBuf, String)>) -> Result<Texts, std::io::Error> {
    let bytes = std::fs::read(&job.path)?;
    let sidecar = match sidecar {
        Some((path, display)) => {
            let bytes = std::fs::read(&path)?;
            Some((path, display, bytes))
        }
        None => None,
    };
    Ok(Texts {
        file: (job.path.clone(), job.display.clone(), bytes),
        sidecar,
    })
}

/// Check one document: from the cache when its contents are unchanged, else by analysis,
/// with fixes applied until they converge when asked.
fn process(
    job: &Job,
    style: &crate::settings::StyleSettings,
    style_key: u64,
    mode: FixMode,
    cache: Option<&Cache<FileResult>>,
    checks: &[(Rule, DocumentCheck)],
) -> Done {
    let side = sidecar_of(job);
    let stamp = stamp(job, side.as_ref(), style_key);
    let sidecar = side
        .as_ref()
        .map(|(path, display)| (display.clone(), path.clone()));
    if let (FixMode::Off, Some(unchanged), Some(cache)) = (mode, stamp, cache) {
        if let Some((key, hit)) = cache.take_unchanged(&job.path, unchanged) {
            return Done::from_cache(hit, key, stamp, sidecar);
        }
    }
    let mut texts = match read_texts(job, side) {
        Ok(t) => t,
        Err(e) => {
            let error = ibid_provenance::LoadError::file(
                ibid_provenance::LoadErrorKind::Io,
                &job.path,
                format!("cannot read the file: {e}"),
            );
            let diagnostic = Diagnostic {
                rule: Rule::UnreadableDocument,
                message: crate::rules::provenance::invalid_value::capitalize(&error.message),
                path: job.display.clone(),
                range: Default::default(),
                start: crate::line_index::Location::new(1, 1),
                end: crate::line_index::Location::new(1, 1),
                help: None,
                fix: None,
                snippet: None,
            };
            return Done {
                result: FileResult {
                    diagnostics: vec![diagnostic],
                    ..FileResult::default()
                },
                key: None,
                stamp,
                cached: false,
                fixed: 0,
                diff: String::new(),
                fixed_texts: Vec::new(),
                sidecar: None,
            };
        }
    };
    let key = texts.key(style_key);
    if mode == FixMode::Off {
        if let Some(hit) = cache.and_then(|c| c.take(&job.path, key, stamp)) {
            return Done::from_cache(hit, key, stamp, sidecar);
        }
    }
    let run = |texts: &Texts| {
        let (file, sidecar) = texts.inputs();
        analyze(file, sidecar, style, checks)
    };
    let mut result = run(&texts);
    if mode == FixMode::Off {
        return Done {
            result,
            key: Some(key),
            stamp,
            cached: false,
            fixed: 0,
            diff: String::new(),
            fixed_texts: Vec::new(),
            sidecar,
        };
    }
    let originals = (
        texts.file.2.clone(),
        texts.sidecar.as_ref().map(|s| s.2.clone()),
    );
    // Fixes applied to the document (0) and to its sidecar (1).
    let mut fixed = [0usize; 2];
    for _ in 0..MAX_FIX_PASSES {
        let fixable = fixable_now(&result, job.rules);
        if fixable.is_empty() {
            break;
        }
        let mut changed = false;
        for (target, count) in fixed.iter_mut().enumerate() {
            let slot = match target {
                0 => Some(&mut texts.file),
                _ => texts.sidecar.as_mut(),
            };
            let Some((_, display, bytes)) = slot else {
                continue;
            };
            let Ok(text) = std::str::from_utf8(bytes) else {
                continue;
            };
            let mine: Vec<&Diagnostic> = fixable
                .iter()
                .filter(|d| d.path == *display)
                .copied()
                .collect();
            if mine.is_empty() {
                continue;
            }
            let (new, applied) = apply_fixes(text, mine);
            if applied > 0 && new != text {
                *count += applied;
                *bytes = new.into_bytes();
                changed = true;
            }
        }
        if !changed {
            break;
        }
        result = run(&texts);
    }
    let mut diff = String::new();
    let mut fixed_texts = Vec::new();
    let mut unwritten = Vec::new();
    let pairs = [
        (Some(&mut texts.file), Some(&originals.0)),
        (texts.sidecar.as_mut(), originals.1.as_ref()),
    ];
    for (target, (now, before)) in pairs.into_iter().enumerate() {
        let (Some((path, display, bytes)), Some(before)) = (now, before) else {
            continue;
        };
        if bytes == before {
            continue;
        }
        let new = String::from_utf8_lossy(bytes).into_owned();
        let old = String::from_utf8_lossy(before).into_owned();
        match mode {
            FixMode::Apply => {
                if let Err(e) = write_atomic(path, &new) {
                    // Nothing was written: the file keeps its text, its fixes do not count,
                    // and its findings are reported as they stand on disk.
                    *bytes = before.clone();
                    fixed[target] = 0;
                    unwritten.push(Diagnostic {
                        rule: Rule::UnreadableDocument,
                        message: format!("Cannot write the fixed file: {e}"),
                        path: display.clone(),
                        range: Default::default(),
                        start: crate::line_index::Location::new(1, 1),
                        end: crate::line_index::Location::new(1, 1),
                        help: Some(
                            "its findings are listed as they are in the file; make the file \
                             and its folder writable and run `ibid check --fix` again"
                                .to_owned(),
                        ),
                        fix: None,
                        snippet: None,
                    });
                }
            }
            FixMode::Diff => {
                diff.push_str(&unified_diff(display, &old, &new));
                fixed_texts.push((display.clone(), path.clone(), old, new));
            }
            FixMode::Off => {}
        }
    }
    if !unwritten.is_empty() {
        result = run(&texts);
        result.diagnostics.append(&mut unwritten);
    }
    let key = (mode == FixMode::Apply).then(|| texts.key(style_key));
    // After `--fix` wrote the files, their stamps changed: the content key finds them.
    Done {
        result,
        key,
        stamp: None,
        cached: false,
        fixed: fixed.iter().sum(),
        diff,
        fixed_texts,
        sidecar,
    }
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

/// Apply the fixes known only after the corpus pass (unused suppressions).
fn apply_late_fixes(
    diagnostics: &mut Vec<Diagnostic>,
    paths_of: &HashMap<&str, &Path>,
    fixed_texts: &mut HashMap<String, (PathBuf, String, String)>,
    mode: FixMode,
    result: &mut CheckResult,
) -> Result<(), ConfigError> {
    let mut by_file: HashMap<String, Vec<Diagnostic>> = HashMap::new();
    diagnostics.retain(|d| {
        let late = d.rule == Rule::UnusedSuppression
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
            Some(entry) => entry,
            None => {
                let Some(path) = paths_of.get(display.as_str()) else {
                    diagnostics.extend(list);
                    continue;
                };
                let Ok(bytes) = std::fs::read(path) else {
                    diagnostics.extend(list);
                    continue;
                };
                let text = String::from_utf8_lossy(&bytes).into_owned();
                (path.to_path_buf(), text.clone(), text)
            }
        };
        let (new, applied) = apply_fixes(&text, &list);
        match mode {
            FixMode::Apply => match write_atomic(&path, &new) {
                Ok(()) => result.fixed += applied,
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

/// Load the bibliography files of one corpus: their entries (for S002, S003, S006) and the
/// diagnostics of unreadable files and entries (E002) and of keys repeated within a file.
fn load_bibliographies(
    settings: &crate::settings::CorpusSettings,
    cwd: &Path,
    roots: &[PathBuf],
) -> (CorpusBib, Vec<Diagnostic>) {
    let mut bib = CorpusBib {
        configured: !settings.bibliographies.is_empty(),
        entries: Vec::new(),
        complete: covers(roots, &settings.root),
    };
    let mut diagnostics = Vec::new();
    for path in &settings.bibliographies {
        let display = display_path(path, cwd);
        let loaded = ibid_provenance::Bibliography::load(path);
        let text = std::fs::read(path)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_default();
        let index = LineIndex::new(&text);
        let mut duplicates = Vec::new();
        for error in &loaded.errors {
            // A key repeated within one file: the loader keeps the first entry and reports
            // the second; count it as an entry so S006 reports all repeats the same way.
            if error.kind == ibid_provenance::LoadErrorKind::DuplicateEntry {
                let key = error.message.split('`').nth(1).filter(|k| !k.is_empty());
                if let (Some(key), Some(span)) = (key, error.span) {
                    duplicates.push(BibKey {
                        key: key.to_owned(),
                        path: display.clone(),
                        anchor: Anchor::new(&text, &index, key_range(&text, span, key), false),
                    });
                    continue;
                }
            }
            let rule = match error.kind {
                ibid_provenance::LoadErrorKind::DuplicateEntry => Rule::DuplicateBibliographyKey,
                _ => Rule::UnreadableBibliography,
            };
            let message = crate::rules::provenance::invalid_value::capitalize(&error.message);
            let diagnostic = match error.span {
                Some(span) if !text.is_empty() => {
                    let mut finding = crate::diagnostic::Finding::new(rule, span, message);
                    finding.help = error.help.clone();
                    finding.resolve(&display, &text, &index)
                }
                _ => {
                    let at = crate::line_index::Location::new(
                        error.position.line,
                        error.position.column,
                    );
                    Diagnostic {
                        rule,
                        message,
                        path: display.clone(),
                        range: Default::default(),
                        start: at,
                        end: at,
                        help: error.help.clone(),
                        fix: None,
                        snippet: None,
                    }
                }
            };
            diagnostics.push(diagnostic);
        }
        for entry in loaded.value.map(|b| b.entries).unwrap_or_default() {
            let anchor = Anchor::new(
                &text,
                &index,
                key_range(&text, entry.span, &entry.key),
                false,
            );
            bib.entries.push(BibKey {
                key: entry.key,
                path: display.clone(),
                anchor,
            });
        }
        bib.entries.append(&mut duplicates);
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

/// Whether one of the walked `roots` is `root` or a folder above it.
fn covers(roots: &[PathBuf], root: &Path) -> bool {
    let Ok(root) = root.canonicalize() else {
        return false;
    };
    roots
        .iter()
        .any(|r| r.is_dir() && r.canonicalize().is_ok_and(|r| root.starts_with(&r)))
}
