//! The one diagnostic type every rule produces and every output format renders.
//! A diagnostic names its rule, file, byte span, resolved rows and columns, and an optional fix.

use crate::codes::Rule;
use ibid_provenance::{LineCol, LineIndex};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open byte range in a file's text (after any byte-order mark).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct TextRange {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl TextRange {
    /// The range `start..end`; a reversed pair is put in order.
    pub fn new(start: usize, end: usize) -> Self {
        TextRange {
            start: start.min(end),
            end: start.max(end),
        }
    }

    /// An empty range at `at`.
    pub const fn empty(at: usize) -> Self {
        TextRange { start: at, end: at }
    }

    /// The range as a `Range<usize>`.
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// The range moved `by` bytes to the right.
    pub const fn shift(self, by: usize) -> Self {
        TextRange {
            start: self.start + by,
            end: self.end + by,
        }
    }
}

impl From<ibid_parse::Span> for TextRange {
    fn from(span: ibid_parse::Span) -> Self {
        TextRange::new(span.start, span.end)
    }
}

impl From<Range<usize>> for TextRange {
    fn from(range: Range<usize>) -> Self {
        TextRange::new(range.start, range.end)
    }
}

/// Whether a fix can be applied without a person looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// The fix keeps the meaning of the text: `--fix` applies it.
    Safe,
    /// The fix may change meaning: shown, never applied by `--fix`.
    Unsafe,
}

/// One replacement of a byte range by new text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Edit {
    /// The bytes replaced (empty for an insertion).
    pub range: TextRange,
    /// The replacement text (empty for a deletion).
    pub content: String,
    /// Where `range` starts, once resolved against the file.
    pub start: LineCol,
    /// Where `range` ends, once resolved against the file.
    pub end: LineCol,
}

impl Edit {
    /// Replace `range` with `content`.
    pub fn replace(range: impl Into<TextRange>, content: impl Into<String>) -> Self {
        Edit {
            range: range.into(),
            content: content.into(),
            start: LineCol::default(),
            end: LineCol::default(),
        }
    }
}

/// A set of edits that together fix one diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fix {
    /// Whether `--fix` may apply it.
    pub applicability: Applicability,
    /// What the fix does, for people (`Write an en dash`).
    pub message: String,
    /// The edits, in no particular order; they never overlap.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A safe fix made of one edit.
    pub fn safe(message: impl Into<String>, edit: Edit) -> Self {
        Fix {
            applicability: Applicability::Safe,
            message: message.into(),
            edits: vec![edit],
        }
    }

    /// An unsafe fix made of one edit.
    pub fn unsafe_edit(message: impl Into<String>, edit: Edit) -> Self {
        Fix {
            applicability: Applicability::Unsafe,
            message: message.into(),
            edits: vec![edit],
        }
    }

    /// The smallest range covering every edit.
    pub fn range(&self) -> Option<TextRange> {
        let start = self.edits.iter().map(|e| e.range.start).min()?;
        let end = self.edits.iter().map(|e| e.range.end).max()?;
        Some(TextRange::new(start, end))
    }
}

/// The source lines a diagnostic points at, kept so it can be shown after the file is closed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Snippet {
    /// The 1-based row of the first line of `text`.
    pub first_row: usize,
    /// Byte offset of `text` in the file.
    pub offset: usize,
    /// Whole lines, line endings included except after the last.
    pub text: String,
}

/// The most lines a snippet keeps; longer spans are cut to their first lines.
const SNIPPET_MAX_LINES: usize = 6;

impl Snippet {
    /// The lines of `text` that `range` touches (at most a few).
    pub fn around(range: TextRange, text: &str, index: &LineIndex) -> Snippet {
        let first = index.line_of(range.start);
        let last = index
            .line_of(range.end.max(range.start))
            .min(first + SNIPPET_MAX_LINES - 1);
        let start = index.line_range(first, text).start;
        let end = index.line_range(last, text).end;
        Snippet {
            first_row: first + 1,
            offset: start,
            text: text.get(start..end).unwrap_or("").to_owned(),
        }
    }
}

/// A finding: which rule, where, what is wrong, how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The rule that found it.
    pub rule: Rule,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The file, as a path relative to where ibid was run when possible, with `/` separators.
    pub path: String,
    /// The bytes it is about.
    pub range: TextRange,
    /// Where `range` starts.
    pub start: LineCol,
    /// Where `range` ends.
    pub end: LineCol,
    /// What to do about it, when there is more to say than the fix.
    pub help: Option<String>,
    /// An automatic fix, when there is one.
    pub fix: Option<Fix>,
    /// The lines around `range`, for the `full` format.
    pub snippet: Option<Snippet>,
}

impl Diagnostic {
    /// A diagnostic about a whole file (it cannot be read, an internal error): at its start,
    /// with no range and no snippet.
    pub fn file_level(rule: Rule, path: &str, message: impl Into<String>) -> Self {
        let start = LineCol::new(1, 1);
        Diagnostic::located(rule, path, TextRange::empty(0), start, start, message)
    }

    /// A diagnostic at `range` of the file `path`, whose rows and columns are already known
    /// (an anchor of the corpus index, a load error without its text); its snippet, if any,
    /// is filled in later.
    pub fn located(
        rule: Rule,
        path: &str,
        range: TextRange,
        start: LineCol,
        end: LineCol,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            rule,
            message: message.into(),
            path: path.to_owned(),
            range,
            start,
            end,
            help: None,
            fix: None,
            snippet: None,
        }
    }

    /// The same diagnostic with a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The rule's code (`S004`).
    pub fn code(&self) -> &'static str {
        self.rule.code()
    }

    /// The row a suppression comment must be on (or above) to silence this diagnostic.
    pub fn noqa_row(&self) -> usize {
        self.start.line
    }

    /// The order every output uses: file, row, column, code, then message.
    pub fn sort_key(&self) -> (&str, LineCol, &'static str, LineCol, &str) {
        (
            self.path.as_str(),
            self.start,
            self.code(),
            self.end,
            self.message.as_str(),
        )
    }
}

/// Sort diagnostics in output order and drop exact duplicates.
pub fn sort_diagnostics(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup_by(|a, b| a.sort_key() == b.sort_key());
}

/// A diagnostic a rule reports against the file being checked, before rows are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule.
    pub rule: Rule,
    /// The message.
    pub message: String,
    /// The bytes it is about.
    pub range: TextRange,
    /// Extra advice.
    pub help: Option<String>,
    /// An automatic fix.
    pub fix: Option<Fix>,
}

impl Finding {
    /// A finding of `rule` at `range`.
    pub fn new(rule: Rule, range: impl Into<TextRange>, message: impl Into<String>) -> Self {
        Finding {
            rule,
            message: message.into(),
            range: range.into(),
            help: None,
            fix: None,
        }
    }

    /// Add advice.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Add a fix.
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    /// Resolve rows and columns against the file's `text` and turn this into a [`Diagnostic`].
    pub fn resolve(self, path: &str, text: &str, index: &LineIndex) -> Diagnostic {
        let range = clamp_range(self.range, text);
        let mut fix = self.fix;
        for edit in fix.iter_mut().flat_map(|f| f.edits.iter_mut()) {
            edit.range = clamp_range(edit.range, text);
            edit.start = index.line_col(edit.range.start, text);
            edit.end = index.line_col(edit.range.end, text);
        }
        Diagnostic {
            rule: self.rule,
            message: self.message,
            path: path.to_owned(),
            range,
            start: index.line_col(range.start, text),
            end: index.line_col(range.end, text),
            help: self.help,
            fix,
            snippet: Some(Snippet::around(range, text, index)),
        }
    }
}

/// `range` cut to `text` and moved onto character boundaries.
pub fn clamp_range(range: TextRange, text: &str) -> TextRange {
    let mut start = range.start.min(text.len());
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = range.end.clamp(start, text.len());
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    TextRange::new(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamping_keeps_ranges_on_char_boundaries() {
        let text = "жж";
        assert_eq!(
            clamp_range(TextRange::new(1, 3), text),
            TextRange::new(0, 4)
        );
        assert_eq!(
            clamp_range(TextRange::new(9, 12), text),
            TextRange::new(4, 4)
        );
    }

    #[test]
    fn snippets_hold_the_touched_lines() {
        let text = "one\ntwo three\nfour\n";
        let index = LineIndex::new(text);
        let snippet = Snippet::around(TextRange::new(8, 16), text, &index);
        assert_eq!(snippet.first_row, 2);
        assert_eq!(snippet.offset, 4);
        assert_eq!(snippet.text, "two three\nfour");
    }
}
