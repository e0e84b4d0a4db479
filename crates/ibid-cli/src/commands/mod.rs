//! One module per `ibid` subcommand: its clap arguments and its `run` function.
//! Commands return an [`crate::Outcome`] or an error; `main` maps them to exit codes.

pub mod bib;
pub mod check;
pub mod export;
pub mod graph;
pub mod parse;
pub mod rule;
pub mod show;
