//! What `show`, `export` and `graph` share: plan the named paths and load their documents
//! through `ibid-corpus`, report warnings and errors on stderr, and the exit status.

use crate::Outcome;
use anyhow::{bail, Result};
use ibid_corpus::{Documents, Plan};
use ibid_provenance::terminal::escape_controls;
use ibid_provenance::{Bibliography, Document, LoadError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The documents at `paths` (files, or folders walked with the corpus settings), loaded,
/// with the plan's warnings already printed. Configuration errors and named paths that
/// cannot be read stop here (exit code 2).
pub fn load(paths: &[PathBuf]) -> Result<(Plan, Documents)> {
    let plan = Plan::new(paths, Path::new("."))?;
    for warning in &plan.warnings {
        eprintln!("ibid: warning: {}", escape_controls(warning));
    }
    let documents = plan.load_all()?;
    Ok((plan, documents))
}

/// Print `errors` to stderr as `file:line:column: message` with a help line (terminal
/// controls from documents escaped).
pub fn report(errors: &[LoadError]) -> io::Result<()> {
    let stderr = io::stderr();
    let mut err = stderr.lock();
    for e in errors {
        writeln!(err, "{}", escape_controls(&e.to_string()))?;
    }
    Ok(())
}

/// The exit status once the output is written: an error (exit code 2) when a document
/// could not be loaded cleanly or a folder could not be read.
pub fn finish(plan: &Plan, errors: &[LoadError]) -> Result<Outcome> {
    for error in &plan.errors {
        eprintln!("ibid: error: {}", escape_controls(&error.to_string()));
    }
    let unread = plan.errors.len();
    match (errors.len(), unread) {
        (0, 0) => Ok(Outcome::Clean),
        (0, 1) => bail!("1 folder could not be read; the output is incomplete"),
        (0, n) => bail!("{n} folders could not be read; the output is incomplete"),
        (1, _) => bail!("1 error while loading"),
        (n, _) => bail!("{n} errors while loading"),
    }
}

/// What `export` and `graph` do: load the documents at `paths`, report load errors, write
/// what `render` makes of every document and their bibliography (every corpus's entries) to
/// stdout, and give the exit status.
pub fn write_corpus(
    paths: &[PathBuf],
    render: impl FnOnce(&[&Document], &Bibliography) -> Result<String>,
) -> Result<Outcome> {
    let (plan, loaded) = load(paths)?;
    report(&loaded.errors)?;
    if loaded.documents.is_empty() {
        bail!("no document could be read");
    }
    let docs: Vec<&Document> = loaded.documents.iter().map(|d| &d.document).collect();
    let text = render(&docs, &loaded.bibliography())?;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    finish(&plan, &loaded.errors)
}
