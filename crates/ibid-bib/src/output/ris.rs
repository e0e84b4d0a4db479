//! The entries exported as RIS, the tagged format Zotero and EndNote import, written by
//! `ibid-provenance`'s RIS writer: the one whose output its RIS reader reads back.

use super::csljson::export_items;
use crate::collection::Collection;
use serde_json::Value;

/// The sources of `collection` as a RIS file.
pub fn ris(collection: &Collection) -> String {
    let items: Vec<Value> = export_items(collection)
        .into_iter()
        .map(Value::Object)
        .collect();
    ibid_provenance::bib::write_ris(&items)
}
