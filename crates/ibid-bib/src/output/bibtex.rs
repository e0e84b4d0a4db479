//! The entries exported as BibTeX or BibLaTeX, written by `ibid-provenance`'s `.bib` writer:
//! the one whose output its `.bib` reader reads back to the same CSL variables.

use super::csljson::export_items;
use crate::collection::Collection;
pub use ibid_provenance::bib::BibtexDialect;
use serde_json::Value;

/// The sources of `collection` as a `.bib` file in `dialect`.
pub fn bibtex(collection: &Collection, dialect: BibtexDialect) -> String {
    let items: Vec<Value> = export_items(collection)
        .into_iter()
        .map(Value::Object)
        .collect();
    ibid_provenance::bib::write_bibtex(&items, dialect)
}
