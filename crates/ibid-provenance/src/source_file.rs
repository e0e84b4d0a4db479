//! A file's text with its path and its line index, so that byte offsets become 1-based
//! `line:column` positions for messages (see `line_index.rs` for the rules).

use crate::line_index::{LineCol, LineIndex};
use ibid_parse::Span;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// A text file: its path, its full text, and where its lines start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceFile {
    /// The path as given to the loader.
    pub path: PathBuf,
    /// The whole text of the file (a leading UTF-8 BOM included, as read).
    #[serde(skip)]
    pub text: String,
    #[serde(skip)]
    lines: LineIndex,
}

impl SourceFile {
    /// A source file with `text`, known as `path`.
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        SourceFile {
            path: path.into(),
            lines: LineIndex::new(&text),
            text,
        }
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file's line index.
    pub fn lines(&self) -> &LineIndex {
        &self.lines
    }

    /// The 1-based line and column of byte `offset` (clamped to the text; a column inside a
    /// multi-byte character counts that character).
    pub fn line_col(&self, offset: usize) -> LineCol {
        self.lines.line_col(offset, &self.text)
    }

    /// The text of the 1-based line `line`, without its line ending; `""` past the end.
    pub fn line_text(&self, line: usize) -> &str {
        match line.checked_sub(1) {
            Some(line) => self.lines.line_text(line, &self.text),
            None => "",
        }
    }

    /// The text `span` covers, or `""` if it does not fit.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }
}

/// Line and column of `offset` in `text`, for a one-off message where no index is kept.
pub fn line_col(text: &str, offset: usize) -> LineCol {
    LineIndex::new(text).line_col(offset, text)
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
        assert_eq!(f.line_text(0), "");
        assert_eq!(line_col("ab\nпри", 7), LineCol { line: 2, column: 3 });
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line_as_everywhere_else() {
        let f = SourceFile::new("x", "a\rb\r\nc".to_string());
        assert_eq!(f.line_col(2), LineCol { line: 2, column: 1 });
        assert_eq!(f.line_col(5), LineCol { line: 3, column: 1 });
        assert_eq!(f.line_text(1), "a");
        assert_eq!(line_col("a\rb", 2), LineCol { line: 2, column: 1 });
    }

    /// Line and column counted the slow way, with no index: the reference the index must
    /// agree with (`\n` line ends only).
    fn counted(text: &str, offset: usize) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let head = &text[..offset];
        let start = head.rfind('\n').map_or(0, |i| i + 1);
        LineCol::new(
            head.matches('\n').count() + 1,
            head[start..].chars().count() + 1,
        )
    }

    #[test]
    fn the_end_of_a_text_of_whole_checkpoints_has_a_column() {
        for len in [255, 256, 257, 512] {
            let text = "a".repeat(len);
            let f = SourceFile::new("x", text.clone());
            assert_eq!(f.line_col(len), LineCol::new(1, len + 1), "{len}");
            assert_eq!(f.line_col(len), counted(&text, len), "{len}");
        }
    }

    #[test]
    fn columns_on_long_lines_agree_with_the_unindexed_count() {
        let line: String = (0..3000).map(|i| ["a", "ж", "日", "𝄞"][i % 4]).collect();
        let text = format!("x\n{line}\ny");
        let f = SourceFile::new("x", text.clone());
        for offset in (0..text.len()).step_by(5) {
            assert_eq!(f.line_col(offset), counted(&text, offset), "at {offset}");
        }
    }
}
