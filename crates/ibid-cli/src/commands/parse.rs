//! `ibid parse`: parse references, locators, citations or dates and print what was found.
//! Reads arguments, or one input per line from stdin, streaming: memory does not grow with input.

use crate::Outcome;
use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use ibid_parse::output::Record;
use ibid_parse::{parse, parse_as, Kind};
use std::io::{self, BufRead, BufWriter, Write};

/// Arguments of `ibid parse`.
#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Inputs to parse; without any, one input is read per line from stdin.
    pub text: Vec<String>,
    /// Output format: a readable view, or one JSON object per input line.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Parse every input as this kind instead of detecting it.
    #[arg(long = "as", value_enum)]
    pub kind: Option<KindArg>,
}

/// Output formats of `ibid parse`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable view.
    Text,
    /// One JSON object per input, one per line.
    Json,
}

/// The kinds `--as` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// A free-text or archival reference.
    Reference,
    /// One or more locators.
    Locator,
    /// A pandoc citation.
    Citation,
    /// A date.
    Date,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Reference => Kind::Reference,
            KindArg::Locator => Kind::Locator,
            KindArg::Citation => Kind::Citation,
            KindArg::Date => Kind::Date,
        }
    }
}

/// Parse every input and print it; findings (inputs with errors) give exit code 1.
pub fn run(args: ParseArgs) -> Result<Outcome> {
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut any_errors = false;
    let kind = args.kind.map(Kind::from);
    let mut emit = |input: &str, out: &mut BufWriter<_>| -> Result<()> {
        let parsed = match kind {
            Some(kind) => parse_as(input, kind),
            None => parse(input),
        };
        any_errors |= !parsed.is_clean();
        let record = Record::new(input, &parsed);
        match args.format {
            Format::Json => {
                serde_json::to_writer(&mut *out, &record)?;
                out.write_all(b"\n")?;
            }
            Format::Text => writeln!(out, "{record}")?,
        }
        Ok(())
    };
    if args.text.is_empty() {
        let stdin = io::stdin();
        let mut reader = stdin.lock();
        let mut buf = Vec::with_capacity(4096);
        let mut line_number = 0usize;
        loop {
            buf.clear();
            let read = reader
                .read_until(b'\n', &mut buf)
                .context("reading stdin")?;
            if read == 0 {
                break;
            }
            line_number += 1;
            let line = strip_newline(&buf);
            let text = match std::str::from_utf8(line) {
                Ok(text) => std::borrow::Cow::Borrowed(text),
                Err(e) => {
                    eprintln!(
                        "ibid: warning: stdin:{line_number}:{}: invalid UTF-8; replaced with U+FFFD",
                        e.valid_up_to() + 1
                    );
                    String::from_utf8_lossy(line)
                }
            };
            emit(&text, &mut out)?;
        }
    } else {
        for text in &args.text {
            emit(text, &mut out)?;
        }
    }
    out.flush()?;
    Ok(if any_errors {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// A line without its `\n` or `\r\n` ending.
fn strip_newline(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}
