//! Lines parsed a batch at a time across threads, their answers written in input order:
//! `ibid parse`'s path when stdin holds many lines at once (a file or a fast pipe).

use super::Emitter;
use anyhow::Result;
use rayon::prelude::*;
use std::io::Write;

/// A batch is parsed once it holds this many bytes of lines (or when no whole line is left
/// to read without waiting): memory stays at one batch, and one batch's answers.
const BATCH_BYTES: usize = 1 << 20;

/// How many pieces each thread's share of a batch is cut into, so that a thread that
/// finishes early takes another piece.
const PIECES_PER_THREAD: usize = 4;

/// Lines read and not yet parsed, copied out of the reader's buffer, with the number of the
/// first (for messages).
pub(super) struct Batch {
    /// The lines, back to back.
    text: Vec<u8>,
    /// Where each line ends in `text`.
    ends: Vec<usize>,
    /// The number of the first line in the input (1 for the first line of stdin).
    first_line: usize,
}

impl Batch {
    /// An empty batch; its first line will be line 1 of the input.
    pub(super) fn new() -> Self {
        Batch {
            text: Vec::new(),
            ends: Vec::new(),
            first_line: 1,
        }
    }

    /// Add the next line (without its `\n`).
    pub(super) fn push(&mut self, line: &[u8]) {
        self.text.extend_from_slice(line);
        self.ends.push(self.text.len());
    }

    /// How many lines are waiting.
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the batch should be parsed before another line is added.
    pub(super) fn is_full(&self) -> bool {
        self.text.len() >= BATCH_BYTES
    }

    /// The `i`th line of the batch.
    fn line(&self, i: usize) -> &[u8] {
        let start = i.checked_sub(1).and_then(|p| self.ends.get(p)).copied();
        let end = self.ends.get(i).copied().unwrap_or(0);
        self.text.get(start.unwrap_or(0)..end).unwrap_or_default()
    }

    /// Parse the batch's lines on this thread, in order, with `emitter`, and empty it.
    pub(super) fn emit_here(&mut self, emitter: &mut Emitter) {
        for i in 0..self.len() {
            emitter.emit_line(self.first_line + i, self.line(i));
        }
        self.clear(self.first_line + self.len());
    }

    /// Empty the batch; the next line added is line `first_line` of the input.
    fn clear(&mut self, first_line: usize) {
        self.text.clear();
        self.ends.clear();
        self.first_line = first_line;
    }
}

/// The threads that parse batches, and one emitter per piece of a batch (each with its
/// own output buffer, reused from batch to batch).
pub(super) struct Workers {
    pool: rayon::ThreadPool,
    pieces: Vec<Emitter>,
}

impl Workers {
    /// `threads` threads, with emitters set up as `like`.
    pub(super) fn new(threads: usize, like: &Emitter) -> Result<Self> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("ibid-parse-{i}"))
            .build()?;
        let pieces = (0..threads * PIECES_PER_THREAD)
            .map(|_| like.empty_like())
            .collect();
        Ok(Workers { pool, pieces })
    }

    /// Parse every line of `batch` across the threads, write the answers to `sink` in input
    /// order (warnings to stderr, in order too), and empty the batch. Returns whether any
    /// input had errors.
    pub(super) fn run(&mut self, batch: &mut Batch, sink: &mut impl Write) -> Result<bool> {
        let lines = batch.len();
        let pieces = self.pieces.len().min(lines).max(1);
        let batch_ref = &*batch;
        self.pool.install(|| {
            self.pieces[..pieces]
                .par_iter_mut()
                .enumerate()
                .for_each(|(k, emitter)| {
                    for i in k * lines / pieces..(k + 1) * lines / pieces {
                        emitter.emit_line(batch_ref.first_line + i, batch_ref.line(i));
                    }
                })
        });
        let mut any_errors = false;
        for emitter in &mut self.pieces[..pieces] {
            emitter.print_warnings();
            any_errors |= std::mem::take(&mut emitter.any_errors);
            emitter.flush(sink)?;
        }
        batch.clear(batch.first_line + lines);
        Ok(any_errors)
    }
}
