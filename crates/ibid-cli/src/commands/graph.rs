//! `ibid graph DOC... --format dot|mermaid`: the witness chains of documents as a graph;
//! editions cited by several documents are drawn once.

use super::documents::{finish, load, report};
use crate::Outcome;
use anyhow::{bail, Result};
use clap::{Args, ValueEnum};
use ibid_provenance::export::graph;
use ibid_provenance::Document;
use std::io::{self, Write};
use std::path::PathBuf;

/// Arguments of `ibid graph`.
#[derive(Debug, Args)]
pub struct GraphArgs {
    /// Documents, or folders of documents.
    #[arg(required = true)]
    pub documents: Vec<PathBuf>,
    /// The graph language.
    #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
    pub format: GraphFormat,
}

/// Graph formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT.
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
}

/// Write the graph to stdout; load errors are printed to stderr and give exit code 2.
pub fn run(args: GraphArgs) -> Result<Outcome> {
    let (plan, loaded) = load(&args.documents)?;
    report(&loaded.errors)?;
    if loaded.documents.is_empty() {
        bail!("no document could be read");
    }
    let docs: Vec<&Document> = loaded.documents.iter().map(|d| &d.document).collect();
    let bibliography = loaded.bibliography();
    let text = match args.format {
        GraphFormat::Dot => graph::dot(&docs, Some(&bibliography)),
        GraphFormat::Mermaid => graph::mermaid(&docs, Some(&bibliography)),
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    finish(&plan, &loaded.errors)
}
