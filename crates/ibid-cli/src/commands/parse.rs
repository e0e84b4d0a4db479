//! `ibid parse`: parse references, locators, citations or dates and print what was found.
//! Reads arguments, or one input per line from stdin, streaming: each answer is out before
//! the next line is waited for, and memory does not grow with the input.

use crate::Outcome;
use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use ibid_parse::{parse, parse_as, InputKind};
use ibid_parse_output::{JsonWriter, Record};
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

impl From<KindArg> for InputKind {
    fn from(k: KindArg) -> InputKind {
        match k {
            KindArg::Reference => InputKind::Reference,
            KindArg::Locator => InputKind::Locator,
            KindArg::Citation => InputKind::Citation,
            KindArg::Date => InputKind::Date,
        }
    }
}

/// Output is written to stdout once this many bytes are buffered (and before waiting for
/// input).
const FLUSH_AT: usize = 1 << 16;

/// The longest input line read, in bytes: a citation is a line of text, and the parsers'
/// working memory is a few times the input's, so a runaway line is refused, not parsed.
const MAX_LINE: usize = 16 << 20;

/// Parses inputs and appends their records to one reused buffer.
struct Emitter {
    kind: Option<InputKind>,
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
    fn flush_if_full(&mut self, sink: &mut impl Write) -> Result<()> {
        if self.out.len() >= FLUSH_AT {
            self.flush(sink)?;
        }
        Ok(())
    }

    /// Write the buffered records to `sink`.
    fn flush(&mut self, sink: &mut impl Write) -> Result<()> {
        if !self.out.is_empty() {
            sink.write_all(&self.out)
                .context("writing to standard output")?;
            self.out.clear();
        }
        Ok(())
    }
}

/// What to say when line `line_number` of stdin could not be read.
fn too_long_or_unreadable(line_number: usize) -> String {
    format!(
        "stdin:{line_number}: cannot read the line (ibid parse reads one reference, locator, \
         citation or date per line, of at most {} MiB)",
        MAX_LINE >> 20
    )
}

/// Standard output, refused when it was closed (`ibid parse >&-`): every record would be lost.
///
/// A closed descriptor cannot be seen as such: Rust's runtime opens `/dev/null` in its place
/// at start-up (read-write), so writes succeed and vanish. That is told apart from a
/// redirection to `/dev/null` (`> /dev/null`, opened write-only by the shell) by the
/// descriptor being readable.
fn stdout_writer() -> Result<Box<dyn Write>> {
    #[cfg(unix)]
    {
        use std::io::Read;
        use std::os::fd::AsFd;
        use std::os::unix::fs::MetadataExt;
        let closed = || anyhow::anyhow!("cannot write the records: standard output is closed");
        let fd = io::stdout()
            .as_fd()
            .try_clone_to_owned()
            .map_err(|_| closed())?;
        let mut file = std::fs::File::from(fd);
        let null = std::fs::metadata("/dev/null").map(|m| m.rdev()).ok();
        let is_null = file.metadata().is_ok_and(|m| Some(m.rdev()) == null);
        if is_null && file.read(&mut []).is_ok() {
            return Err(closed());
        }
        Ok(Box::new(file))
    }
    #[cfg(not(unix))]
    {
        Ok(Box::new(io::stdout()))
    }
}

/// Parse every input and print it; findings (inputs with errors) give exit code 1.
pub fn run(args: ParseArgs) -> Result<Outcome> {
    let mut stdout = stdout_writer()?;
    let mut emitter = Emitter {
        kind: args.kind.map(InputKind::from),
        format: args.format,
        json: JsonWriter::new(),
        out: Vec::with_capacity(FLUSH_AT * 2),
        any_errors: false,
    };
    if args.text.is_empty() {
        let mut lines = Lines::new(io::stdin().lock(), MAX_LINE);
        let mut line_number = 0usize;
        loop {
            if lines.must_read() {
                emitter.flush(&mut stdout)?;
            }
            let line = lines
                .next_line()
                .with_context(|| too_long_or_unreadable(line_number + 1))?;
            let Some(line) = line else { break };
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
        for (i, text) in args.text.iter().enumerate() {
            if text.len() > MAX_LINE {
                bail!(
                    "argument {}: longer than {} MiB: ibid parse reads one reference, locator, citation or date per input",
                    i + 1,
                    MAX_LINE >> 20
                );
            }
            emitter.emit(text)?;
            emitter.flush_if_full(&mut stdout)?;
        }
    }
    emitter.flush(&mut stdout)?;
    stdout.flush().context("writing to standard output")?;
    Ok(if emitter.any_errors {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
