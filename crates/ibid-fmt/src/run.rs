//! Formatting files on disk, in stages: read each document (and its sidecar) safely and
//! format it (in parallel), decide `unify-sources` over the corpus and rewrite the documents
//! it names, then write what changed with `ibid_corpus::replace_file`, or report it; the
//! only module that does I/O.

use crate::engine::{format_seeing, unify_document, Formatted, Input};
use crate::style::Style;
use crate::unify::{plan, CiteSite, CorpusSources, SourceName, SourceTarget};
use crate::{document_changes, FileTarget, FormatError};
use ibid_provenance::works::{EntryIndex, WorkIdentity};
use ibid_provenance::Document;
use rayon::prelude::*;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

/// What to do with the formatted text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Write the files that change.
    Write,
    /// Write nothing; say which files would change.
    Check,
    /// Write nothing; give a unified diff of each change.
    Diff,
}

/// One document to format.
#[derive(Debug, Clone)]
pub struct Job {
    /// Where it is.
    pub path: PathBuf,
    /// How messages name it.
    pub display: String,
    /// Its sidecar `NAME.ibid.toml`, when it has one: the path and how messages name it.
    pub sidecar: Option<(PathBuf, String)>,
    /// The style of its corpus.
    pub style: Style,
    /// The most bytes read from one file (the corpus's `max-file-size`).
    pub max_file_size: u64,
    /// Its corpus (an index into [`Run::entries`]): `unify-sources` decides per corpus.
    pub corpus: usize,
}

/// A run of `ibid fmt`: the documents, and the bibliography of each of their corpora.
#[derive(Debug, Clone, Copy)]
pub struct Run<'a> {
    /// The documents, in path order (ties of `unify-sources` go to the first).
    pub jobs: &'a [Job],
    /// The bibliography of each corpus, for `unify-sources` (by [`Job::corpus`]; a corpus
    /// without one matches no entry).
    pub entries: &'a [EntryIndex],
    /// What to do with the result.
    pub mode: Mode,
}

/// What became of one document.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Already formatted.
    Unchanged,
    /// Formatted (written, or would be with `--check` and `--diff`).
    Changed(Box<Changed>),
    /// Not formatted, and not written: the message says why and how to fix it.
    Failed(String),
}

/// A document that changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Changed {
    /// The engine's result, with the first pass's changes (for `--check` reports).
    pub formatted: Formatted,
    /// The document's text before.
    pub before: String,
    /// The sidecar, when it changes: its path, how messages name it, its text before.
    pub sidecar: Option<(PathBuf, String, String)>,
}

impl Changed {
    /// A unified diff of every file of the document that changes.
    pub fn diff(&self, display: &str) -> String {
        let mut out = String::new();
        if let Some(new) = &self.formatted.document {
            out.push_str(&unified_diff(display, &self.before, new));
        }
        if let (Some((_, side_display, before)), Some(new)) =
            (&self.sidecar, &self.formatted.sidecar)
        {
            out.push_str(&unified_diff(side_display, before, new));
        }
        out
    }

    /// The first pass's changes grouped by the file they are in, with how messages name
    /// it and its text before: the document's, then the sidecar's when the front matter
    /// was read from it (a document with both reads its front matter, not the sidecar).
    pub fn changes_by_file<'c>(&'c self, display: &'c str) -> Vec<FileChanges<'c>> {
        let side = self
            .sidecar
            .as_ref()
            .filter(|_| self.formatted.meta_in_sidecar);
        let in_sidecar = |c: &crate::Change| c.unit.file == FileTarget::Meta && side.is_some();
        let mut out = vec![FileChanges {
            display,
            before: &self.before,
            changes: self
                .formatted
                .changes
                .iter()
                .filter(|c| !in_sidecar(c))
                .collect(),
        }];
        if let Some((_, side_display, before)) = side {
            out.push(FileChanges {
                display: side_display,
                before,
                changes: self
                    .formatted
                    .changes
                    .iter()
                    .filter(|c| in_sidecar(c))
                    .collect(),
            });
        }
        out
    }
}

/// The changes of one file of a document.
#[derive(Debug, Clone)]
pub struct FileChanges<'c> {
    /// How messages name the file.
    pub display: &'c str,
    /// Its text before.
    pub before: &'c str,
    /// The changes, with offsets into `before`.
    pub changes: Vec<&'c crate::Change>,
}

/// The report of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// How messages name it.
    pub display: String,
    /// What became of it.
    pub outcome: Outcome,
}

/// A unified diff of `old` and `new`, labelled with `path`; empty when they are equal.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

/// A file read for formatting: its bytes, and whether it may be written.
struct Read {
    bytes: Vec<u8>,
    read_only: bool,
}

/// Read `path` with ibid-corpus's safe reader (regular files only, at most `limit` bytes),
/// refusing a symbolic link: formatting writes, and must not write through a link.
fn read_regular(path: &Path, limit: u64) -> Result<Read, String> {
    let meta = std::fs::symlink_metadata(path).map_err(|e| format!("cannot read the file: {e}"))?;
    if meta.file_type().is_symlink() {
        return Err(
            "is a symbolic link; ibid fmt formats files, not links (format the file it points to)"
                .to_owned(),
        );
    }
    let bytes = ibid_corpus::read_regular_file(path, limit).map_err(|e| e.reason())?;
    Ok(Read {
        bytes,
        read_only: meta.permissions().readonly(),
    })
}

/// A document's files as read.
struct Files {
    document: Read,
    sidecar: Option<(PathBuf, Read)>,
}

impl Files {
    /// Read `job`'s document and sidecar.
    fn read(job: &Job) -> Result<Files, String> {
        let document = read_regular(&job.path, job.max_file_size)
            .map_err(|e| format!("{}: {e}", job.display))?;
        let sidecar = match &job.sidecar {
            Some((path, display)) => Some((
                path.clone(),
                read_regular(path, job.max_file_size).map_err(|e| format!("{display}: {e}"))?,
            )),
            None => None,
        };
        Ok(Files { document, sidecar })
    }

    fn input<'f>(&'f self, job: &'f Job) -> Input<'f> {
        Input {
            path: &job.path,
            bytes: &self.document.bytes,
            sidecar: self
                .sidecar
                .as_ref()
                .map(|(p, r)| (p.as_path(), r.bytes.as_slice())),
        }
    }

    /// A fingerprint of the bytes, to tell whether the files changed since.
    fn fingerprint(&self) -> u64 {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.document.bytes.hash(&mut hasher);
        self.sidecar
            .as_ref()
            .map(|(_, r)| &r.bytes)
            .hash(&mut hasher);
        hasher.finish()
    }

    /// Whether the document or its sidecar is read-only.
    fn read_only(&self) -> [bool; 2] {
        [
            self.document.read_only,
            self.sidecar.as_ref().is_some_and(|(_, r)| r.read_only),
        ]
    }
}

/// How a document names its source, kept from the first stage for `unify-sources`.
#[derive(Debug, Clone, Default)]
struct Named {
    work: Option<String>,
    key: Option<String>,
    identity: Option<WorkIdentity>,
}

impl Named {
    fn of(doc: &Document) -> Named {
        let Some(source) = &doc.source else {
            return Named::default();
        };
        let work = source
            .cited_work()
            .zip(source.cite.as_ref())
            .map(|(span, cite)| span.slice(&cite.text).to_owned());
        Named {
            work,
            key: source.key.as_ref().map(|k| k.text.trim().to_owned()),
            identity: WorkIdentity::of(source),
        }
    }
}

/// What the first stage made of one document.
struct Formatting {
    outcome: Outcome,
    /// Its source, when its style unifies sources.
    named: Option<Named>,
    /// The files' fingerprint as read.
    fingerprint: u64,
    /// Whether the document and the sidecar are read-only.
    read_only: [bool; 2],
}

impl Formatting {
    fn failed(message: String) -> Formatting {
        Formatting {
            outcome: Outcome::Failed(message),
            named: None,
            fingerprint: 0,
            read_only: [false; 2],
        }
    }
}

/// Hooks for tests: called just before a file is written.
pub type BeforeWrite<'a> = &'a (dyn Fn(&Path) + Sync);

/// Format every job, in parallel, and report on each, in order; `progress` is called once
/// per document. Files that fail are reported and left as they are; the others are still
/// formatted. Sources are unified for the jobs whose style asks, over the jobs given, none
/// matching a bibliography entry (see [`format_corpus`]).
pub fn format_files(jobs: &[Job], mode: Mode, progress: &(dyn Fn() + Sync)) -> Vec<Report> {
    format_files_with(jobs, mode, progress, &|_| {})
}

/// [`format_files`] with a hook called before each write (tests change files there).
pub fn format_files_with(
    jobs: &[Job],
    mode: Mode,
    progress: &(dyn Fn() + Sync),
    before_write: BeforeWrite<'_>,
) -> Vec<Report> {
    let run = Run {
        jobs,
        entries: &[],
        mode,
    };
    format_corpus(&run, progress, before_write)
}

/// Run `ibid fmt`, in stages: format each document (in parallel; `progress` is called once
/// per document); where `unify-sources` is on, decide over the corpus which cites to
/// rewrite ([`plan`]) and rewrite them; then write what changed (with [`Mode::Write`]).
/// Reports come in the order of the jobs.
pub fn format_corpus(
    run: &Run<'_>,
    progress: &(dyn Fn() + Sync),
    before_write: BeforeWrite<'_>,
) -> Vec<Report> {
    let mut staged: Vec<Formatting> = run
        .jobs
        .par_iter()
        .map(|job| {
            let done = format_one(job);
            progress();
            done
        })
        .collect();
    unify_sources(run, &mut staged);
    let jobs = run.jobs.par_iter().zip(staged.into_par_iter());
    jobs.map(|(job, done)| {
        let outcome = match (done.outcome, run.mode) {
            (Outcome::Changed(changed), Mode::Write) => {
                write(job, changed, done.read_only, before_write)
            }
            (outcome, _) => outcome,
        };
        Report {
            display: job.display.clone(),
            outcome,
        }
    })
    .collect()
}

/// The message of a document that could not be formatted.
fn failure(job: &Job, files: &Files, error: FormatError) -> String {
    match error {
        FormatError::Unreadable(errors) => {
            let text: Vec<String> = errors
                .iter()
                .map(|e| {
                    let mut line = format!(
                        "{}:{}:{}: {}",
                        if e.file == job.path {
                            job.display.clone()
                        } else {
                            ibid_corpus::sibling_display(&job.display, &e.file)
                        },
                        e.position.line,
                        e.position.column,
                        e.message
                    );
                    if let Some(help) = &e.help {
                        line.push_str(&format!("\n  help: {help}"));
                    }
                    line
                })
                .collect();
            let text = if text.is_empty() {
                format!("{}: cannot be read as a document", job.display)
            } else {
                text.join("\n")
            };
            format!("{text}\n  note: the file is not formatted")
        }
        e => {
            let file = match &e {
                FormatError::MeaningChanged {
                    file: FileTarget::Meta,
                    ..
                } if files.sidecar.is_some() => ibid_corpus::sibling_display(
                    &job.display,
                    &ibid_provenance::sidecar_path(&job.path),
                ),
                _ => job.display.clone(),
            };
            format!("{file}:{e}")
        }
    }
}

/// The outcome of formatting `files` as `formatted`.
fn outcome(job: &Job, files: &Files, formatted: Formatted) -> Outcome {
    if !formatted.is_changed() {
        return Outcome::Unchanged;
    }
    Outcome::Changed(Box::new(Changed {
        formatted,
        before: String::from_utf8_lossy(&files.document.bytes).into_owned(),
        sidecar: files.sidecar.as_ref().map(|(p, r)| {
            (
                p.clone(),
                ibid_corpus::sibling_display(&job.display, p),
                String::from_utf8_lossy(&r.bytes).into_owned(),
            )
        }),
    }))
}

/// The first stage for one document: read it, format it, and note its source when its
/// style unifies sources.
fn format_one(job: &Job) -> Formatting {
    let files = match Files::read(job) {
        Ok(files) => files,
        Err(message) => return Formatting::failed(message),
    };
    let mut named = None;
    let unify = job.style.unify_sources;
    let result = format_seeing(files.input(job), &job.style, document_changes, &mut |doc| {
        if unify {
            named = Some(Named::of(doc));
        }
    });
    let outcome = match result {
        Ok(formatted) => outcome(job, &files, formatted),
        Err(e) => Outcome::Failed(failure(job, &files, e)),
    };
    Formatting {
        outcome,
        named,
        fingerprint: files.fingerprint(),
        read_only: files.read_only(),
    }
}

/// The `unify-sources` stage: plan over the documents of every corpus that asks for it,
/// then rewrite, in parallel, the documents the plan names.
fn unify_sources(run: &Run<'_>, staged: &mut [Formatting]) {
    if !run.jobs.iter().any(|j| j.style.unify_sources) {
        return;
    }
    let corpora = run.jobs.iter().map(|j| j.corpus + 1).max().unwrap_or(0);
    let mut enabled = vec![false; corpora];
    for job in run.jobs {
        enabled[job.corpus] |= job.style.unify_sources;
    }
    let empty = EntryIndex::default();
    let sources: Vec<CorpusSources<'_>> = enabled
        .into_iter()
        .enumerate()
        .map(|(c, enabled)| CorpusSources {
            enabled,
            entries: run.entries.get(c).unwrap_or(&empty),
        })
        .collect();
    let names: Vec<SourceName<'_>> = run
        .jobs
        .iter()
        .zip(staged.iter())
        .map(|(job, done)| match &done.named {
            Some(named) => SourceName {
                corpus: job.corpus,
                work: named.work.as_deref(),
                key: named.key.as_deref(),
                identity: named.identity.as_ref(),
            },
            None => SourceName {
                corpus: job.corpus,
                ..SourceName::default()
            },
        })
        .collect();
    let targets = plan(&names, &sources);
    staged
        .par_iter_mut()
        .zip(run.jobs.par_iter())
        .zip(targets.into_par_iter())
        .for_each(|((done, job), target)| {
            if let Some(target) = target {
                unify_one(job, done, &target);
            }
        });
}

/// Rewrite one document's `cite` as `target` says, on top of what the first stage made of
/// it; its report keeps the first stage's changes and adds the rewrite, as F008 reports
/// it in the files as read.
fn unify_one(job: &Job, done: &mut Formatting, target: &SourceTarget) {
    // The files as read: kept by the first stage when they change, else read again.
    let original = match &done.outcome {
        Outcome::Failed(_) => return,
        Outcome::Changed(changed) => Files {
            document: Read {
                bytes: changed.before.clone().into_bytes(),
                read_only: done.read_only[0],
            },
            sidecar: changed.sidecar.as_ref().map(|(p, _, before)| {
                (
                    p.clone(),
                    Read {
                        bytes: before.clone().into_bytes(),
                        read_only: done.read_only[1],
                    },
                )
            }),
        },
        Outcome::Unchanged => match Files::read(job) {
            Ok(files) if files.fingerprint() == done.fingerprint => files,
            Ok(_) => {
                done.outcome = Outcome::Failed(format!(
                    "{}: changed while it was being formatted, so it is left as it is (run ibid fmt again)",
                    job.display
                ));
                return;
            }
            Err(message) => {
                done.outcome = Outcome::Failed(message);
                return;
            }
        },
    };
    // The first stage's result, which the rewrite starts from.
    let (formatted_doc, formatted_side) = match &done.outcome {
        Outcome::Changed(changed) => (
            changed.formatted.document.clone(),
            changed.formatted.sidecar.clone(),
        ),
        _ => (None, None),
    };
    let doc_bytes = formatted_doc
        .as_deref()
        .map_or(original.document.bytes.as_slice(), str::as_bytes);
    let side = original.sidecar.as_ref().map(|(p, r)| {
        (
            p.as_path(),
            formatted_side
                .as_deref()
                .map_or(r.bytes.as_slice(), str::as_bytes),
        )
    });
    let current = Input {
        path: &job.path,
        bytes: doc_bytes,
        sidecar: side,
    };
    // The cite as read: what `cite-as-printed` keeps, and where F008 reports the change.
    let as_read = ibid_provenance::parse_document(
        &job.path,
        &original.document.bytes,
        original
            .sidecar
            .as_ref()
            .map(|(p, r)| (p.as_path(), r.bytes.as_slice())),
    )
    .value
    .as_ref()
    .and_then(CiteSite::of);
    let unified = match unify_document(current, target, &job.style, as_read.as_ref()) {
        Ok(unified) => unified,
        Err(e) => {
            done.outcome = Outcome::Failed(failure(job, &original, e));
            return;
        }
    };
    if !unified.is_changed() {
        return;
    }
    let mut changes = match &done.outcome {
        Outcome::Changed(changed) => changed.formatted.changes.clone(),
        _ => Vec::new(),
    };
    // Reported as `ibid check` reports it: in the files as read.
    let reported = as_read.and_then(|site| site.change(target, &job.style));
    changes.extend(reported.or_else(|| unified.changes.first().cloned()));
    let document = unified.document.or(formatted_doc);
    let sidecar = unified.sidecar.or(formatted_side);
    let formatted = Formatted {
        document: document.filter(|d| d.as_bytes() != original.document.bytes),
        sidecar: sidecar.filter(|s| {
            original
                .sidecar
                .as_ref()
                .is_some_and(|(_, r)| s.as_bytes() != r.bytes)
        }),
        changes,
        meta_in_sidecar: unified.meta_in_sidecar,
    };
    done.outcome = outcome(job, &original, formatted);
}

/// The last stage for one document: write the files that change, unless they are
/// read-only or changed since they were read.
fn write(
    job: &Job,
    changed: Box<Changed>,
    read_only: [bool; 2],
    before_write: BeforeWrite<'_>,
) -> Outcome {
    let mut writes: Vec<(&Path, &str, &str, String, bool)> = Vec::new();
    if let Some(new) = &changed.formatted.document {
        writes.push((
            &job.path,
            &changed.before,
            new,
            job.display.clone(),
            read_only[0],
        ));
    }
    if let (Some((path, display, before)), Some(new)) =
        (&changed.sidecar, &changed.formatted.sidecar)
    {
        writes.push((path, before, new, display.clone(), read_only[1]));
    }
    if let Some((.., display, _)) = writes.iter().find(|w| w.4) {
        return Outcome::Failed(format!(
            "{display}: is read-only, so it is not formatted (make it writable, or leave it out of the corpus)"
        ));
    }
    before_write(&job.path);
    for (path, old, new, display, _) in writes {
        // A file that changed since it was read is someone else's edit: leave it alone.
        match std::fs::read(path) {
            Ok(now) if now == old.as_bytes() => {}
            Ok(_) => {
                return Outcome::Failed(format!(
                    "{display}: changed while it was being formatted, so it is left as it is (run ibid fmt again)"
                ))
            }
            Err(e) => return Outcome::Failed(format!("{display}: cannot read the file again: {e}")),
        }
        // The one way ibid writes a user's file: atomic, mode and owner kept (see
        // `ibid_corpus::replace_file`).
        if let Err(e) = ibid_corpus::replace_file(path, new.as_bytes()) {
            return Outcome::Failed(format!("{display}: cannot write the formatted file: {e}"));
        }
    }
    Outcome::Changed(changed)
}
