//! `ibid parse`: parse references, locators, citations or dates and print what was found.
//! Reads arguments, or one input per line from stdin, streaming: each answer is out before
//! the next line is waited for, and memory does not grow with the input. Lines already
//! buffered are parsed a batch at a time across threads (`-j`), answered in input order.

use crate::Outcome;
use anyhow::{bail, Context, Result};
use batch::{Batch, Workers};
use clap::{Args, ValueEnum};
use ibid_parse::{parse, parse_as, InputKind};
use ibid_parse_output::{JsonWriter, Record};
use lines::Lines;
use std::io::{self, Write};

mod batch;
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
    /// How many threads parse lines read from stdin: 1 parses them one by one; the default
    /// (or 0) is the number of available cores, at most 256. The output is the same for any
    /// number.
    #[arg(
        short = 'j',
        long = "threads",
        value_name = "N",
        value_parser = clap::value_parser!(u16).range(0..=i64::from(MAX_THREADS))
    )]
    pub threads: Option<u16>,
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
    /// Warnings about the lines parsed, not yet printed.
    warnings: Vec<String>,
}

impl Emitter {
    /// An emitter that parses and prints as `kind` and `format` say.
    fn new(kind: Option<InputKind>, format: Format) -> Self {
        Emitter {
            kind,
            format,
            json: JsonWriter::new(),
            out: Vec::with_capacity(FLUSH_AT * 2),
            any_errors: false,
            warnings: Vec::new(),
        }
    }

    /// An emitter with the same settings and nothing buffered.
    fn empty_like(&self) -> Self {
        Emitter::new(self.kind, self.format)
    }

    /// Parse `input` and append its record (one line of JSON, or the readable view).
    fn emit(&mut self, input: &str) {
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
            Format::Text => {
                // Writing into a `Vec<u8>` cannot fail.
                let _ = writeln!(self.out, "{}", Record::new(input, &parsed));
            }
        }
    }

    /// Parse line `line_number` of stdin (its bytes without the `\n`; a `\r` before it is
    /// dropped). Invalid UTF-8 is replaced with U+FFFD and a warning is kept for printing.
    // Called once per line from two loops: inlined, as the one loop it replaced was.
    #[inline(always)]
    fn emit_line(&mut self, line_number: usize, line: &[u8]) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        match std::str::from_utf8(line) {
            Ok(text) => self.emit(text),
            Err(e) => {
                self.warnings.push(format!(
                    "ibid: warning: stdin:{line_number}:{}: invalid UTF-8; replaced with U+FFFD",
                    e.valid_up_to() + 1
                ));
                self.emit(&String::from_utf8_lossy(line));
            }
        }
    }

    /// Print the warnings kept so far to stderr, in order.
    fn print_warnings(&mut self) {
        if self.warnings.is_empty() {
            return;
        }
        for warning in self.warnings.drain(..) {
            eprintln!("{warning}");
        }
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

/// The most threads `-j` accepts: parsing is bound by the cores, so more threads than any
/// machine's cores only cost memory (each has its own output buffers) and start-up time.
const MAX_THREADS: u16 = 256;

/// How many threads `-j N` asks for: 0, or no `-j`, means one per available core (at most
/// `MAX_THREADS`).
fn thread_count(asked: Option<u16>) -> usize {
    match asked {
        Some(n) if n > 0 => usize::from(n),
        _ => std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(usize::from(MAX_THREADS)),
    }
}

/// Parse stdin one line at a time, each answer written before a line is waited for.
fn run_lines(emitter: &mut Emitter, stdout: &mut impl Write) -> Result<()> {
    let mut lines = Lines::new(io::stdin().lock(), MAX_LINE);
    let mut line_number = 0usize;
    loop {
        if lines.must_read() {
            emitter.flush(stdout)?;
        }
        let line = lines
            .next_line()
            .with_context(|| too_long_or_unreadable(line_number + 1))?;
        let Some(line) = line else { break };
        line_number += 1;
        emitter.emit_line(line_number, line);
        emitter.print_warnings();
        emitter.flush_if_full(stdout)?;
    }
    Ok(())
}

/// Parse stdin on `threads` threads: the lines already read are parsed as one batch, across
/// the threads, before a line is waited for (or when the batch is full); a line that arrives
/// alone is answered alone, at once, as by [`run_lines`].
fn run_batches(threads: usize, emitter: &mut Emitter, stdout: &mut impl Write) -> Result<()> {
    let mut lines = Lines::new(io::stdin().lock(), MAX_LINE);
    let mut batch = Batch::new();
    let mut workers: Option<Workers> = None;
    let mut line_number = 0usize;
    loop {
        if lines.must_read() || batch.is_full() {
            answer_batch(&mut batch, &mut workers, threads, emitter, stdout)?;
        }
        let line = lines
            .next_line()
            .with_context(|| too_long_or_unreadable(line_number + 1))?;
        let Some(line) = line else { break };
        line_number += 1;
        batch.push(line);
    }
    // The last lines came with the end of input (a last line without `\n`, say), when
    // nothing was left to wait for: they are answered here.
    answer_batch(&mut batch, &mut workers, threads, emitter, stdout)
}

/// Parse the lines waiting in `batch` and write their answers: one line here, as one at a
/// time; more across the threads (started the first time they are needed).
fn answer_batch(
    batch: &mut Batch,
    workers: &mut Option<Workers>,
    threads: usize,
    emitter: &mut Emitter,
    stdout: &mut impl Write,
) -> Result<()> {
    match batch.len() {
        0 => {}
        // One line is not worth a thread.
        1 => {
            batch.emit_here(emitter);
            emitter.print_warnings();
            emitter.flush(stdout)?;
        }
        _ => {
            let workers = match workers {
                Some(w) => w,
                None => workers.insert(Workers::new(threads, emitter)?),
            };
            emitter.any_errors |= workers.run(batch, stdout)?;
        }
    }
    Ok(())
}

/// Parse every input and print it; findings (inputs with errors) give exit code 1.
pub fn run(args: ParseArgs) -> Result<Outcome> {
    let mut stdout = stdout_writer()?;
    let mut emitter = Emitter::new(args.kind.map(InputKind::from), args.format);
    if args.text.is_empty() {
        match thread_count(args.threads) {
            1 => run_lines(&mut emitter, &mut stdout)?,
            threads => run_batches(threads, &mut emitter, &mut stdout)?,
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
            emitter.emit(text);
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
