//! A file read from disk (or given from memory) with its text and a line index.
//! Turns byte offsets into 1-based `line:column` positions for messages.

use ibid_parse::Span;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct LineCol {
    /// Line number, starting at 1.
    pub line: usize,
    /// Column number in characters, starting at 1.
    pub column: usize,
}

/// A text file: its path, its full text, and where its lines start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceFile {
    /// The path as given to the loader.
    pub path: PathBuf,
    /// The whole text of the file (a leading UTF-8 BOM included, as read).
    #[serde(skip)]
    pub text: String,
    #[serde(skip)]
    line_starts: Vec<usize>,
    /// `chars_before[j]`: how many characters start before byte `j * CHECKPOINT`, so a
    /// column costs bounded work however long its line is.
    #[serde(skip)]
    chars_before: Vec<usize>,
}

/// Bytes between two character-count checkpoints.
const CHECKPOINT: usize = 256;

/// Whether `byte` starts a character (is not a UTF-8 continuation byte).
const fn starts_char(byte: u8) -> bool {
    (byte & 0xC0) != 0x80
}

impl SourceFile {
    /// A source file with `text`, known as `path`.
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 40 + 1);
        line_starts.push(0);
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let mut chars_before = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let mut chars = 0;
        for chunk in text.as_bytes().chunks(CHECKPOINT) {
            chars_before.push(chars);
            chars += chunk.iter().filter(|&&b| starts_char(b)).count();
        }
        // The end of a text whose length is a multiple of the checkpoint is one more.
        chars_before.push(chars);
        SourceFile {
            path: path.into(),
            text,
            line_starts,
            chars_before,
        }
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The 1-based line and column of byte `offset` (clamped to the text; a column inside a
    /// multi-byte character counts that character).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = floor_boundary(&self.text, offset);
        let index = self.line_starts.partition_point(|&s| s <= offset).max(1) - 1;
        let start = self.line_starts.get(index).copied().unwrap_or(0);
        LineCol {
            line: index + 1,
            column: self.chars_before(offset) - self.chars_before(start) + 1,
        }
    }

    /// How many characters start before byte `offset` (a character boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let checkpoint = offset / CHECKPOINT;
        let from = checkpoint * CHECKPOINT;
        let counted = self.chars_before.get(checkpoint).copied().unwrap_or(0);
        counted
            + self.text.as_bytes()[from.min(offset)..offset]
                .iter()
                .filter(|&&b| starts_char(b))
                .count()
    }

    /// The text of the 1-based line `line`, without its line ending; `""` past the end.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        let text = self.text.get(start..end).unwrap_or("");
        text.strip_suffix('\r').unwrap_or(text)
    }

    /// The text `span` covers, or `""` if it does not fit.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }
}

/// Line and column of `offset` in `text`, computed without an index (for one-off messages).
pub fn line_col(text: &str, offset: usize) -> LineCol {
    let offset = floor_boundary(text, offset);
    let bytes = text.as_bytes();
    let head = bytes.get(..offset).unwrap_or(bytes);
    let line = head.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = head.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let column = head
        .get(start..)
        .map_or(0, |b| b.iter().filter(|&&c| (c & 0xC0) != 0x80).count())
        + 1;
    LineCol { line, column }
}

/// The largest char boundary of `text` at or before `offset`.
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        let f = SourceFile::new("x", "ab\nпри\r\nz".to_string());
        assert_eq!(f.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(f.line_col(3), LineCol { line: 2, column: 1 });
        assert_eq!(f.line_col(7), LineCol { line: 2, column: 3 });
        assert_eq!(f.line_col(4), LineCol { line: 2, column: 1 });
        assert_eq!(f.line_col(100), LineCol { line: 3, column: 2 });
        assert_eq!(f.line_text(2), "при");
        assert_eq!(f.line_text(3), "z");
        assert_eq!(f.line_text(9), "");
        assert_eq!(line_col("ab\nпри", 7), LineCol { line: 2, column: 3 });
    }

    #[test]
    fn the_end_of_a_text_of_whole_checkpoints_has_a_column() {
        for len in [255, 256, 257, 512] {
            let text = "a".repeat(len);
            let f = SourceFile::new("x", text.clone());
            assert_eq!(f.line_col(len), line_col(&text, len), "{len}");
        }
    }

    #[test]
    fn columns_on_long_lines_agree_with_the_unindexed_count() {
        let line: String = (0..3000).map(|i| ["a", "ж", "日", "𝄞"][i % 4]).collect();
        let text = format!("x\n{line}\ny");
        let f = SourceFile::new("x", text.clone());
        for offset in (0..text.len()).step_by(5) {
            assert_eq!(f.line_col(offset), line_col(&text, offset), "at {offset}");
        }
    }
}
