//! Exports of documents: CSL-JSON, TEI P5, W3C PROV-JSON, DOT/Mermaid graphs, and the
//! readable text view of `ibid show`. Exports are views; the TOML stays the record.

pub mod csl;
pub mod graph;
pub mod prov;
pub mod show;
pub mod tei;
mod util;

pub use util::{iso_date, slug};
