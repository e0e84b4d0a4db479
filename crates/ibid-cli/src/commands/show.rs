//! `ibid show DOC...`: the readable view of documents' provenance, one after another (or
//! the model as JSON: one object for one named document, else a list).

use super::documents::{finish, load, report};
use crate::Outcome;
use anyhow::{bail, Result};
use clap::{Args, ValueEnum};
use ibid_provenance::export::show::show;
use ibid_provenance::terminal::escape_controls;
use std::io::{self, Write};
use std::path::PathBuf;

/// Arguments of `ibid show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Documents to show (`.md`, `.txt`, with front matter or a sidecar `NAME.ibid.toml`),
    /// or folders: each of their documents is shown in turn.
    #[arg(required = true)]
    pub documents: Vec<PathBuf>,
    /// Output format: a readable view, or the whole model as JSON.
    #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
    pub format: ShowFormat,
}

/// Output formats of `ibid show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    /// A readable view.
    Text,
    /// The document model as JSON.
    Json,
}

/// Show the documents; load errors are printed to stderr and give exit code 2.
pub fn run(args: ShowArgs) -> Result<Outcome> {
    let (plan, loaded) = load(&args.documents)?;
    report(&loaded.errors)?;
    if loaded.documents.is_empty() {
        match args.documents.as_slice() {
            [one] if plan.files.len() == 1 => bail!("cannot show {}", one.display()),
            _ => bail!("no document could be read"),
        }
    }
    // One named file is shown as itself; anything else as a list of documents.
    let single = args.documents.len() == 1 && plan.files.len() == 1 && plan.files[0].explicit;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match args.format {
        ShowFormat::Text => {
            for (i, doc) in loaded.documents.iter().enumerate() {
                if i > 0 {
                    out.write_all(b"\n")?;
                }
                let view = show(&doc.document, Some(loaded.bibliography_of(doc)));
                out.write_all(escape_controls(&view).as_bytes())?;
            }
        }
        ShowFormat::Json if single => {
            serde_json::to_writer_pretty(&mut out, &loaded.documents[0].document)?;
            out.write_all(b"\n")?;
        }
        ShowFormat::Json => {
            let docs: Vec<_> = loaded.documents.iter().map(|d| &d.document).collect();
            serde_json::to_writer_pretty(&mut out, &docs)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    finish(&plan, &loaded.errors)
}
