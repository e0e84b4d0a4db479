//! RIS bibliographies (`.ris`, as Zotero and EndNote export them), read and written with one
//! table of types and tags (`data/ris-types.tsv`, `data/ris-tags.tsv`).

pub(crate) mod read;
mod tags;
pub mod write;
