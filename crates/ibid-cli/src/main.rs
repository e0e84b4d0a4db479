//! The `ibid` command-line tool: lint, format, parse and export citations and provenance.
//! This file only declares the commands and dispatches; each command lives in `commands/`.

mod commands;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// mimalloc: a check allocates many small strings per document (the model keeps every value
/// as written); glibc's allocator spent about 15% of a cold check's instructions on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Track citations and provenance across a corpus of transcribed and translated documents.
#[derive(Debug, Parser)]
#[command(name = "ibid", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse references, locators, pandoc citations or dates given as arguments or on stdin.
    Parse(commands::parse::ParseArgs),
    /// Lint a corpus: sources, citations, dates, markers and hands, per document and across it.
    Check(commands::check::CheckArgs),
    /// Format citations and front matter to the corpus style, in place (`--check`, `--diff`).
    Fmt(commands::fmt::FmtArgs),
    /// Explain a lint rule (`ibid rule S004`), or all of them (`ibid rule --all`).
    Rule(commands::rule::RuleArgs),
    /// Show a document's provenance: source, translation, witnesses, hands, notes, annotations.
    Show(commands::show::ShowArgs),
    /// Export documents as CSL-JSON, TEI P5 or W3C PROV-JSON.
    Export(commands::export::ExportArgs),
    /// Draw the witness graph of documents as Graphviz DOT or Mermaid.
    Graph(commands::graph::GraphArgs),
    /// The bibliography of what the documents cite, in a CSL style or exported, or the
    /// index of cited locations.
    Bib(commands::bib::BibArgs),
    /// Turn pasted pages (text, Markdown, saved HTML) into documents with their provenance.
    Import(commands::import::ImportArgs),
}

/// How a command ended, mapped to ruff's exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing to report: exit 0.
    Clean,
    /// Findings were reported: exit 1.
    Findings,
}

fn main() -> ExitCode {
    die_quietly_on_broken_pipe();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse(args) => commands::parse::run(args),
        Command::Check(args) => commands::check::run(args),
        Command::Fmt(args) => commands::fmt::run(args),
        Command::Rule(args) => commands::rule::run(args),
        Command::Show(args) => commands::show::run(args),
        Command::Export(args) => commands::export::run(args),
        Command::Graph(args) => commands::graph::run(args),
        Command::Bib(args) => commands::bib::run(args),
        Command::Import(args) => commands::import::run(args),
    };
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(error) => {
            if is_broken_pipe(&error) {
                return ExitCode::from(STATUS_BROKEN_PIPE);
            }
            let message = format!("{error:#}");
            eprintln!(
                "ibid: error: {}",
                ibid_provenance::terminal::escape_controls(&message)
            );
            ExitCode::from(2)
        }
    }
}

/// The status a shell reports for a process killed by SIGPIPE (128 + 13).
const STATUS_BROKEN_PIPE: u8 = 128 + 13;

/// When the reader of our output goes away (`ibid check | head -1`), end the way Unix
/// filters do: killed by SIGPIPE, quietly, with the status 141 a shell shows for that, so
/// a pipeline under `set -o pipefail` never mistakes a cut-short run for a clean one.
///
/// Rust's runtime ignores SIGPIPE (every write to a closed pipe becomes an `EPIPE` error);
/// this puts back the default action. Nothing is lost by dying at a write: every file ibid
/// writes (fixes, the cache) is written before its report is printed.
fn die_quietly_on_broken_pipe() {
    #[cfg(unix)]
    // SAFETY: `signal` with `SIG_DFL` installs no handler of ours; it only restores the
    // default action, before any thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// A write to a closed pipe that still came back as an error (SIGPIPE blocked by the parent,
/// or a platform without it) ends with the same quiet status as a death by SIGPIPE.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    let broken = Some(std::io::ErrorKind::BrokenPipe);
    error.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().map(|e| e.kind()) == broken
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == broken
    })
}
