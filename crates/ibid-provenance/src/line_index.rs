//! The one line index: byte offsets to 1-based lines and columns, for every message,
//! diagnostic and export. `\n`, `\r\n` and a lone `\r` each end a line; columns count
//! characters (`Барсегов` is 8 columns, not 16 bytes), and a leading BOM takes no column.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct LineCol {
    /// Line number, starting at 1.
    pub line: usize,
    /// Column number in characters, starting at 1.
    pub column: usize,
}

impl LineCol {
    /// The position at `line`, `column` (both 1-based).
    pub const fn new(line: usize, column: usize) -> Self {
        LineCol { line, column }
    }
}

/// The byte offsets at which each line of a text starts, and (counted the first time a
/// column is asked for) enough character counts that a column costs a bounded amount of
/// work however long its line is.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
    /// `chars_before[j]`: how many characters start before byte `j * CHECKPOINT`; built
    /// lazily, since most texts never have a column asked of them.
    chars_before: OnceLock<Vec<usize>>,
}

/// Two indexes are equal when they index the same lines of texts of the same length; the
/// character checkpoints follow from the text, counted or not.
impl PartialEq for LineIndex {
    fn eq(&self, other: &Self) -> bool {
        self.starts == other.starts && self.len == other.len
    }
}

impl Eq for LineIndex {}

/// Bytes between two character-count checkpoints: a column counts at most this many bytes
/// twice, so many findings on one long line cost linear time, not quadratic.
const CHECKPOINT: usize = 256;

/// Whether `byte` starts a character (is not a UTF-8 continuation byte).
const fn starts_char(byte: u8) -> bool {
    (byte & 0xC0) != 0x80
}

impl LineIndex {
    /// Index the lines of `text` (`\n`, `\r\n` and a lone `\r` all end a line).
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(text.len() / 48 + 1);
        starts.push(0);
        let mut ends = memchr::memchr2_iter(b'\n', b'\r', bytes);
        while let Some(end) = ends.next() {
            if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                // `\r\n` ends one line: its `\n` is passed over.
                ends.next();
                starts.push(end + 2);
            } else {
                starts.push(end + 1);
            }
        }
        LineIndex {
            starts,
            len: text.len(),
            chars_before: OnceLock::new(),
        }
    }

    /// The character count before every checkpoint of `text` (one more for its end).
    fn checkpoints(text: &str) -> Vec<usize> {
        let mut chars_before = Vec::with_capacity(text.len() / CHECKPOINT + 2);
        let mut chars = 0;
        for chunk in text.as_bytes().chunks(CHECKPOINT) {
            chars_before.push(chars);
            chars += chunk.iter().filter(|&&b| starts_char(b)).count();
        }
        // The end of a text whose length is a multiple of the checkpoint is one more.
        chars_before.push(chars);
        chars_before
    }

    /// How many characters of `text` (the text this index was built from) start before
    /// byte `offset` (a character boundary).
    fn chars_before(&self, offset: usize, text: &str) -> usize {
        let checkpoint = offset / CHECKPOINT;
        let counts = self.chars_before.get_or_init(|| Self::checkpoints(text));
        let Some(&counted) = counts.get(checkpoint) else {
            return text.get(..offset).map_or(0, |s| s.chars().count());
        };
        let from = checkpoint * CHECKPOINT;
        counted
            + text.as_bytes()[from.min(offset)..offset]
                .iter()
                .filter(|&&b| starts_char(b))
                .count()
    }

    /// Number of lines (a text ending in a newline has an empty last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line that holds byte `offset` (offsets past the end give the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        }
    }

    /// Byte offset where 0-based `line` starts, if it exists.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// The byte range of 0-based `line` without its line ending.
    pub fn line_range(&self, line: usize, text: &str) -> std::ops::Range<usize> {
        let start = self
            .starts
            .get(line)
            .copied()
            .unwrap_or(self.len)
            .min(text.len());
        let mut end = self
            .starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.len)
            .min(text.len());
        let bytes = text.as_bytes();
        while end > start && matches!(bytes.get(end - 1), Some(b'\n' | b'\r')) {
            end -= 1;
        }
        start..end
    }

    /// The text of 0-based `line`, without its line ending.
    pub fn line_text<'a>(&self, line: usize, text: &'a str) -> &'a str {
        text.get(self.line_range(line, text)).unwrap_or("")
    }

    /// The line and column of byte `offset` in `text` (the text this index was built from),
    /// clamped to the text.
    ///
    /// An offset inside a multi-byte character counts as that character.
    pub fn line_col(&self, offset: usize, text: &str) -> LineCol {
        let mut offset = offset.min(text.len());
        while offset > 0 && !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.starts.get(line).copied().unwrap_or(0).min(offset);
        // A byte-order mark at the start of the file takes no column.
        let start = if line == 0 && text.starts_with('\u{feff}') {
            start.max(3).min(offset)
        } else {
            start
        };
        let column = if offset - start <= 2 * CHECKPOINT {
            // A short way into its line: counting it costs no more than the checkpoints would.
            text.get(start..offset).map_or(0, |s| s.chars().count()) + 1
        } else if text.len() == self.len {
            self.chars_before(offset, text) - self.chars_before(start, text) + 1
        } else {
            text.get(start..offset).map_or(0, |s| s.chars().count()) + 1
        };
        LineCol::new(line + 1, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_columns_count_characters() {
        let text = "ab\nБарсегов Ю.Г.\r\nx\ry";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.line_col(0, text), LineCol::new(1, 1));
        assert_eq!(index.line_col(2, text), LineCol::new(1, 3));
        let yu = text.find('Ю').unwrap();
        assert_eq!(index.line_col(yu, text), LineCol::new(2, 10));
        assert_eq!(
            index.line_col(text.find('x').unwrap(), text),
            LineCol::new(3, 1)
        );
        assert_eq!(index.line_col(text.len(), text), LineCol::new(4, 2));
        assert_eq!(index.line_text(1, text), "Барсегов Ю.Г.");
        assert_eq!(index.line_text(2, text), "x");
    }

    #[test]
    fn every_line_ending_starts_a_line_once() {
        // Each combination of line endings, beside each other and at both ends.
        let pieces = ["a", "\n", "\r", "\r\n", "\n\r", "\r\r\n", "ж"];
        for first in pieces {
            for second in pieces {
                for third in pieces {
                    let text = format!("{first}{second}{third}");
                    let bytes = text.as_bytes();
                    let mut expected = vec![0];
                    for (i, &b) in bytes.iter().enumerate() {
                        let ends_line =
                            b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
                        if ends_line {
                            expected.push(i + 1);
                        }
                    }
                    let index = LineIndex::new(&text);
                    let starts: Vec<usize> = (0..index.line_count())
                        .filter_map(|line| index.line_start(line))
                        .collect();
                    assert_eq!(starts, expected, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn a_byte_order_mark_takes_no_column() {
        let text = "\u{feff}+++\nx";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(3, text), LineCol::new(1, 1));
        assert_eq!(index.line_col(4, text), LineCol::new(1, 2));
    }

    #[test]
    fn columns_on_long_lines_agree_with_counting_characters() {
        let line: String = (0..2000)
            .map(|i| ["a", "ж", "日", "𝄞"][i % 4])
            .collect::<Vec<_>>()
            .concat();
        let text = format!("\u{feff}head\n{line}\r\nend");
        let index = LineIndex::new(&text);
        for (offset, _) in text.char_indices().step_by(7) {
            let row_start = index.line_start(index.line_of(offset)).unwrap();
            let row_start = if row_start == 0 {
                3.min(offset)
            } else {
                row_start
            };
            let expected = text[row_start..offset].chars().count() + 1;
            assert_eq!(
                index.line_col(offset, &text).column,
                expected,
                "at {offset}"
            );
        }
    }

    #[test]
    fn the_end_of_a_text_of_whole_checkpoints_has_a_column() {
        for len in [255, 256, 257, 512] {
            let text = "a".repeat(len);
            let index = LineIndex::new(&text);
            assert_eq!(
                index.line_col(len, &text),
                LineCol::new(1, len + 1),
                "{len}"
            );
        }
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_char_do_not_panic() {
        let text = "ж";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(1, text), LineCol::new(1, 1));
        assert_eq!(index.line_col(99, text), LineCol::new(1, 2));
        assert_eq!(index.line_text(5, text), "");
    }
}
