//! Formatting files on disk: read each document (and its sidecar) safely, format it, and
//! write it back with `ibid_corpus::replace_file`, or report what would change.

use crate::engine::{format_document, Formatted, Input};
use crate::style::Style;
use rayon::prelude::*;
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

/// Hooks for tests: called just before a file is written.
pub type BeforeWrite<'a> = &'a (dyn Fn(&Path) + Sync);

/// Format every job, in parallel, and report on each, in order; `progress` is called once
/// per document. Files that fail are reported and left as they are; the others are still
/// formatted.
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
    jobs.par_iter()
        .map(|job| {
            let outcome = format_one(job, mode, before_write);
            progress();
            Report {
                display: job.display.clone(),
                outcome,
            }
        })
        .collect()
}

/// The displayed name of a sidecar, beside its document's.
fn sidecar_display(display: &str, sidecar: &Path) -> String {
    let name = sidecar
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match display.rfind('/') {
        Some(slash) => format!("{}/{name}", &display[..slash]),
        None => name,
    }
}

fn format_one(job: &Job, mode: Mode, before_write: BeforeWrite<'_>) -> Outcome {
    let document = match read_regular(&job.path, job.max_file_size) {
        Ok(r) => r,
        Err(e) => return Outcome::Failed(format!("{}: {e}", job.display)),
    };
    let sidecar = match &job.sidecar {
        Some((side_path, display)) => match read_regular(side_path, job.max_file_size) {
            Ok(r) => Some((side_path.clone(), r)),
            Err(e) => return Outcome::Failed(format!("{display}: {e}")),
        },
        None => None,
    };
    let input = Input {
        path: &job.path,
        bytes: &document.bytes,
        sidecar: sidecar
            .as_ref()
            .map(|(p, r)| (p.as_path(), r.bytes.as_slice())),
    };
    let formatted = match format_document(input, &job.style) {
        Ok(f) => f,
        Err(crate::FormatError::Unreadable(errors)) => {
            let text: Vec<String> = errors
                .iter()
                .map(|e| {
                    let mut line = format!(
                        "{}:{}:{}: {}",
                        if e.file == job.path {
                            job.display.clone()
                        } else {
                            sidecar_display(&job.display, &e.file)
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
            return Outcome::Failed(format!("{text}\n  note: the file is not formatted"));
        }
        Err(e) => {
            let file = match &e {
                crate::FormatError::MeaningChanged {
                    file: crate::FileTarget::Meta,
                    ..
                } if sidecar.is_some() => {
                    sidecar_display(&job.display, &ibid_provenance::sidecar_path(&job.path))
                }
                _ => job.display.clone(),
            };
            return Outcome::Failed(format!("{file}:{e}"));
        }
    };
    if !formatted.is_changed() {
        return Outcome::Unchanged;
    }
    let before = String::from_utf8_lossy(&document.bytes).into_owned();
    let side_before = sidecar.as_ref().map(|(p, r)| {
        (
            p.clone(),
            sidecar_display(&job.display, p),
            String::from_utf8_lossy(&r.bytes).into_owned(),
        )
    });
    let changed = Changed {
        formatted,
        before,
        sidecar: side_before,
    };
    if mode != Mode::Write {
        return Outcome::Changed(Box::new(changed));
    }
    let mut writes: Vec<(&Path, &[u8], &str, String)> = Vec::new();
    if let Some(new) = &changed.formatted.document {
        writes.push((&job.path, &document.bytes, new, job.display.clone()));
    }
    if let (Some((path, read)), Some(new)) = (&sidecar, &changed.formatted.sidecar) {
        writes.push((path, &read.bytes, new, sidecar_display(&job.display, path)));
    }
    for (path, _, _, display) in &writes {
        let read_only = if *path == job.path.as_path() {
            document.read_only
        } else {
            sidecar.as_ref().is_some_and(|(_, r)| r.read_only)
        };
        if read_only {
            return Outcome::Failed(format!(
                "{display}: is read-only, so it is not formatted (make it writable, or leave it out of the corpus)"
            ));
        }
    }
    before_write(&job.path);
    for (path, old, new, display) in writes {
        // A file that changed since it was read is someone else's edit: leave it alone.
        match std::fs::read(path) {
            Ok(now) if now == old => {}
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
    Outcome::Changed(Box::new(changed))
}
