//! One module per `ibid` subcommand: its clap arguments and its `run` function.
//! Commands return an [`crate::Outcome`] or an error; `main` maps them to exit codes.

pub mod bib;
pub mod check;
pub mod documents;
pub mod export;
pub mod fmt;
pub mod graph;
pub mod import;
pub mod parse;
pub mod progress;
pub mod rule;
pub mod show;
