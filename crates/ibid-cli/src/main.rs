//! The `ibid` command-line tool: lint, format, parse and export citations and provenance.
//! This file only declares the commands and dispatches; each command lives in `commands/`.

mod commands;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

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
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse(args) => commands::parse::run(args),
    };
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(error) => {
            if is_broken_pipe(&error) {
                return ExitCode::SUCCESS;
            }
            eprintln!("ibid: error: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// Writing to a closed pipe (`ibid parse ... | head`) is not an error worth reporting.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
