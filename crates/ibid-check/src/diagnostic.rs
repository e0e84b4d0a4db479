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
///
/// A snippet is bounded whatever the file: at most [`SNIPPET_MAX_LINES`] lines, and a line
/// longer than [`SNIPPET_MAX_CHARS`] characters is cut to a window around the span (as rustc
/// does), so a thousand findings on one long line do not hold a thousand copies of it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Snippet {
    /// The 1-based row of the first line of `text`.
    pub first_row: usize,
    /// Byte offset of `text` in the file.
    pub offset: usize,
    /// Whole lines, line endings included except after the last; or a window of one line.
    pub text: String,
    /// The 1-based column (in characters) at which `text` starts in its line: 1, unless a
    /// long line was cut before the span.
    pub first_column: usize,
    /// Whether a long line goes on after `text`.
    pub cut_after: bool,
}

/// The most lines a snippet keeps; longer spans are cut to their first lines.
pub const SNIPPET_MAX_LINES: usize = 6;

/// The most characters of one line a snippet keeps.
pub const SNIPPET_MAX_CHARS: usize = 120;

/// Characters kept before the span when a long line is cut.
const SNIPPET_CONTEXT_BEFORE: usize = 40;

impl Snippet {
    /// The lines of `text` that `range` touches (at most a few, each at most so long).
    pub fn around(range: TextRange, text: &str, index: &LineIndex) -> Snippet {
        let first = index.line_of(range.start);
        let last = index
            .line_of(range.end.max(range.start))
            .min(first + SNIPPET_MAX_LINES - 1);
        let long = (first..=last).any(|line| {
            let bytes = index.line_range(line, text);
            // A line of few bytes has few characters; count only the others.
            bytes.len() > SNIPPET_MAX_CHARS
                && text
                    .get(bytes)
                    .is_some_and(|l| l.chars().nth(SNIPPET_MAX_CHARS).is_some())
        });
        if long {
            return Snippet::window(range, text, index, first);
        }
        let start = index.line_range(first, text).start;
        let end = index.line_range(last, text).end;
        Snippet {
            first_row: first + 1,
            offset: start,
            text: text.get(start..end).unwrap_or("").to_owned(),
            first_column: 1,
            cut_after: false,
        }
    }

    /// A window of at most [`SNIPPET_MAX_CHARS`] characters of `line` around `range`'s start.
    fn window(range: TextRange, text: &str, index: &LineIndex, line: usize) -> Snippet {
        let bounds = index.line_range(line, text);
        let at = range.start.clamp(bounds.start, bounds.end);
        let before = text.get(bounds.start..at).unwrap_or("");
        let start = before
            .char_indices()
            .rev()
            .take(SNIPPET_CONTEXT_BEFORE)
            .last()
            .map_or(at, |(i, _)| bounds.start + i);
        let rest = text.get(start..bounds.end).unwrap_or("");
        let end = rest
            .char_indices()
            .nth(SNIPPET_MAX_CHARS)
            .map_or(bounds.end, |(i, _)| start + i);
        Snippet {
            first_row: line + 1,
            offset: start,
            text: text.get(start..end).unwrap_or("").to_owned(),
            first_column: index.line_col(start, text).column,
            cut_after: end < bounds.end,
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
        assert_eq!((snippet.first_column, snippet.cut_after), (1, false));
    }

    #[test]
    fn long_lines_are_cut_to_a_window_around_the_span() {
        let line = "ж".repeat(10_000);
        let text = format!("head\n{line}\nfoot\n");
        let index = LineIndex::new(&text);
        let at = 5 + 2 * 5_000;
        let snippet = Snippet::around(TextRange::new(at, at + 2), &text, &index);
        assert_eq!(snippet.first_row, 2);
        assert_eq!(snippet.text.chars().count(), SNIPPET_MAX_CHARS);
        assert_eq!(snippet.first_column, 5_001 - SNIPPET_CONTEXT_BEFORE);
        assert_eq!(snippet.offset, at - 2 * SNIPPET_CONTEXT_BEFORE);
        assert!(snippet.cut_after);
        // At the very start and end of the line.
        let start = Snippet::around(TextRange::new(5, 7), &text, &index);
        assert_eq!((start.first_column, start.offset), (1, 5));
        let end_at = 5 + line.len();
        let end = Snippet::around(TextRange::empty(end_at), &text, &index);
        assert!(!end.cut_after);
        assert_eq!(end.offset + end.text.len(), end_at);
        // A span from a long line over several lines keeps only the window.
        let across = Snippet::around(TextRange::new(at, text.len()), &text, &index);
        assert!(!across.text.contains('\n'));
    }
}
