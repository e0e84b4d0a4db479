//! # ibid-bib
//!
//! The bibliography of what a corpus cites, and the index of where it cites it.
pub mod archive;
pub mod collect;
pub mod collection;
mod ids;
pub mod item;
mod language;
pub mod natural;
pub mod style;
