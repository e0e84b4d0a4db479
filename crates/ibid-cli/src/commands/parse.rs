//! `ibid parse`: parse references, locators, citations or dates and print what was found.
//! Reads arguments, or one input per line from stdin, streaming: memory does not grow with input.

use crate::Outcome;
use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use ibid_parse::output::{JsonWriter, Record};
use ibid_parse::{parse, parse_as, Kind};
use lines::Lines;
use std::io::{self, Write};

mod lines;

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

/// Output is written to stdout once this many bytes are buffered.
const FLUSH_AT: usize = 1 << 16;

/// Parses inputs and appends their records to one reused buffer.
struct Emitter {
    kind: Option<Kind>,
    format: Format,
    json: JsonWriter,
    out: Vec<u8>,
    any_errors: bool,
}

impl Emitter {
    /// Parse `input` and append its record (one line of JSON, or the readable view).
    fn emit(&mut self, input: &str) -> io::Result<()> {
        let parsed = match self.kind {
            Some(kind) => parse_as(input, kind),
            None => parse(input),
        };
        self.any_errors |= !parsed.is_clean();
        match self.format {
            Format::Json => {
                self.json.write_record(input, &parsed, &mut self.out);
                self.out.push(b'\n');
            }
            Format::Text => writeln!(self.out, "{}", Record::new(input, &parsed))?,
        }
        Ok(())
    }

    /// Write the buffered records to `sink` once there are enough of them.
    fn flush_if_full(&mut self, sink: &mut impl Write) -> io::Result<()> {
        if self.out.len() >= FLUSH_AT {
            self.flush(sink)?;
        }
        Ok(())
    }

    /// Write the buffered records to `sink`.
    fn flush(&mut self, sink: &mut impl Write) -> io::Result<()> {
        sink.write_all(&self.out)?;
        self.out.clear();
        Ok(())
    }
}

/// Parse every input and print it; findings (inputs with errors) give exit code 1.
pub fn run(args: ParseArgs) -> Result<Outcome> {
    let mut stdout = io::stdout().lock();
    let mut emitter = Emitter {
        kind: args.kind.map(Kind::from),
        format: args.format,
        json: JsonWriter::new(),
        out: Vec::with_capacity(FLUSH_AT * 2),
        any_errors: false,
    };
    if args.text.is_empty() {
        let mut lines = Lines::new(io::stdin().lock());
        let mut line_number = 0usize;
        while let Some(line) = lines.next_line().context("reading stdin")? {
            line_number += 1;
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            match std::str::from_utf8(line) {
                Ok(text) => emitter.emit(text)?,
                Err(e) => {
                    eprintln!(
                        "ibid: warning: stdin:{line_number}:{}: invalid UTF-8; replaced with U+FFFD",
                        e.valid_up_to() + 1
                    );
                    emitter.emit(&String::from_utf8_lossy(line))?;
                }
            }
            emitter.flush_if_full(&mut stdout)?;
        }
    } else {
        for text in &args.text {
            emitter.emit(text)?;
            emitter.flush_if_full(&mut stdout)?;
        }
    }
    emitter.flush(&mut stdout)?;
    stdout.flush()?;
    Ok(if emitter.any_errors {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
