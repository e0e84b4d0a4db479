//! `ibid show DOC`: the readable view of one document's provenance. Also holds the document
//! loading shared by `show`, `export` and `graph` (corpus config, bibliography, errors).

use crate::Outcome;
use anyhow::{bail, Result};
use clap::{Args, ValueEnum};
use ibid_provenance::corpus::{check_source_key, discover_files};
use ibid_provenance::export::show::show;
use ibid_provenance::terminal::escape_controls;
use ibid_provenance::{read_document, Bibliography, Corpus, Document, LoadError};
use std::io::{self, Write};
use std::path::PathBuf;

/// Arguments of `ibid show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The document to show (`.md`, `.txt`, with front matter or a sidecar `NAME.ibid.toml`).
    pub document: PathBuf,
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

/// Documents loaded for a command, with the corpus bibliography and every error met.
pub struct LoadedDocs {
    /// The documents that could be read.
    pub documents: Vec<Document>,
    /// The bibliography of the corpus the first path belongs to.
    pub bibliography: Bibliography,
    /// Every error, in order.
    pub errors: Vec<LoadError>,
}

/// Load the documents at `paths` (files, or folders walked with the corpus settings).
pub fn load_documents(paths: &[PathBuf]) -> LoadedDocs {
    let mut out = LoadedDocs {
        documents: Vec::new(),
        bibliography: Bibliography::default(),
        errors: Vec::new(),
    };
    let Some(first) = paths.first() else {
        return out;
    };
    let corpus = Corpus::open(first);
    out.errors.extend(corpus.errors.iter().cloned());
    out.bibliography = corpus.bibliography.clone();
    for path in paths {
        let files = if path.is_dir() {
            let config = if path == first {
                corpus.config.clone()
            } else {
                Corpus::open(path).config
            };
            match discover_files(&config, path) {
                Ok(f) => f,
                Err(e) => {
                    out.errors.push(e);
                    continue;
                }
            }
        } else {
            vec![path.clone()]
        };
        for file in files {
            let loaded = read_document(&file);
            out.errors.extend(loaded.errors);
            if let Some(doc) = loaded.value {
                out.errors.extend(check_source_key(&doc, &out.bibliography));
                out.documents.push(doc);
            }
        }
    }
    out
}

/// Print `errors` to stderr as `file:line:column: message` with a help line.
pub fn report(errors: &[LoadError]) -> io::Result<()> {
    let stderr = io::stderr();
    let mut err = stderr.lock();
    for e in errors {
        writeln!(err, "{}", escape_controls(&e.to_string()))?;
    }
    Ok(())
}

/// Fail (exit 2) when there were load errors, after the output was written.
pub fn finish(errors: &[LoadError]) -> Result<Outcome> {
    match errors.len() {
        0 => Ok(Outcome::Clean),
        1 => bail!("1 error while loading"),
        n => bail!("{n} errors while loading"),
    }
}

/// Show the document; load errors are printed to stderr and give exit code 2.
pub fn run(args: ShowArgs) -> Result<Outcome> {
    let loaded = load_documents(std::slice::from_ref(&args.document));
    report(&loaded.errors)?;
    let Some(doc) = loaded.documents.first() else {
        bail!("cannot show {}", args.document.display());
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match args.format {
        ShowFormat::Text => {
            let text = show(doc, Some(&loaded.bibliography));
            out.write_all(escape_controls(&text).as_bytes())?;
        }
        ShowFormat::Json => {
            serde_json::to_writer_pretty(&mut out, doc)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    finish(&loaded.errors)
}
