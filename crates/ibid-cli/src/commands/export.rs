//! `ibid export --to csl-json|tei|prov-json DOC...`: exports are views of the documents'
//! provenance; the TOML front matter stays the record of truth.

use super::documents::write_corpus;
use crate::Outcome;
use anyhow::Result;
use clap::{Args, ValueEnum};
use ibid_provenance::export::{csl, prov, tei};
use std::path::PathBuf;

/// Arguments of `ibid export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Documents, or folders of documents.
    #[arg(required = true)]
    pub documents: Vec<PathBuf>,
    /// The export format.
    #[arg(long = "to", value_enum)]
    pub to: ExportFormat,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A CSL-JSON array with one item per document.
    CslJson,
    /// TEI P5: one `TEI` document, or a `teiCorpus` for several.
    Tei,
    /// W3C PROV-JSON: the witness chains as entities, activities and agents.
    ProvJson,
}

/// Write the export to stdout; load errors are printed to stderr and give exit code 2.
pub fn run(args: ExportArgs) -> Result<Outcome> {
    write_corpus(&args.documents, |docs, bibliography| {
        let bib = Some(bibliography);
        Ok(match args.to {
            ExportFormat::CslJson => {
                let mut s = serde_json::to_string_pretty(&csl::csl_json(docs, bib))?;
                s.push('\n');
                s
            }
            ExportFormat::Tei => match docs {
                [one] => tei::tei(one, bib),
                many => tei::tei_corpus(many, bib),
            },
            ExportFormat::ProvJson => {
                let mut s = serde_json::to_string_pretty(&prov::prov_json(docs, bib))?;
                s.push('\n');
                s
            }
        })
    })
}
