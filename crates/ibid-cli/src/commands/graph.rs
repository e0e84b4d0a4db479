//! `ibid graph DOC... --format dot|mermaid`: the witness chains of documents as a graph;
//! editions cited by several documents are drawn once.

use super::documents::write_corpus;
use crate::Outcome;
use anyhow::Result;
use clap::{Args, ValueEnum};
use ibid_provenance::export::graph;
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
    write_corpus(&args.documents, |docs, bibliography| {
        Ok(match args.format {
            GraphFormat::Dot => graph::dot(docs, Some(bibliography)),
            GraphFormat::Mermaid => graph::mermaid(docs, Some(bibliography)),
        })
    })
}
