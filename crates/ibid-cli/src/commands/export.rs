//! `ibid export --to csl-json|tei|prov-json DOC...`: exports are views of the documents'
//! provenance; the TOML front matter stays the record of truth.

use super::documents::{finish, load, report};
use crate::Outcome;
use anyhow::{bail, Result};
use clap::{Args, ValueEnum};
use ibid_provenance::export::{csl, prov, tei};
use ibid_provenance::Document;
use std::io::{self, Write};
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
    let (plan, loaded) = load(&args.documents)?;
    report(&loaded.errors)?;
    if loaded.documents.is_empty() {
        bail!("no document could be read");
    }
    let docs: Vec<&Document> = loaded.documents.iter().map(|d| &d.document).collect();
    let bibliography = loaded.bibliography();
    let bib = Some(&bibliography);
    let text = match args.to {
        ExportFormat::CslJson => {
            let mut s = serde_json::to_string_pretty(&csl::csl_json(&docs, bib))?;
            s.push('\n');
            s
        }
        ExportFormat::Tei => match docs.as_slice() {
            [one] => tei::tei(one, bib),
            many => tei::tei_corpus(many, bib),
        },
        ExportFormat::ProvJson => {
            let mut s = serde_json::to_string_pretty(&prov::prov_json(&docs, bib))?;
            s.push('\n');
            s
        }
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    finish(&plan, &loaded.errors)
}
