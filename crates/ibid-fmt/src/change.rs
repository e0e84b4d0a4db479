//! What the engine proposes: changes (one per finding of `ibid check`), each a set of
//! non-overlapping text edits inside one rewritten span, and applying them to a text.

use std::ops::Range;

/// A formatting family: one kind of change, reported by one F rule of `ibid check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Family {
    /// Label form, number and case (`page 612` → `p. 612`): F001.
    LabelForm,
    /// The dash of ranges (`33-35` → `33–35`): F002.
    RangeDash,
    /// Abbreviation of range ends (`321–328` → `321–28`): F003.
    PageRange,
    /// The space between a label and its value (`p.12` → `p. 12`): F004.
    LabelSpace,
    /// Recto and verso marks (`5об.` → `5 об.`): F005.
    LeafSide,
    /// Punctuation of pandoc citations (`[@a ;@b]` → `[@a; @b]`): F006.
    CitationSyntax,
    /// Front-matter layout: key and table order, blank lines, quoting: F007.
    FrontMatter,
    /// One source written one way across the corpus (`unify-sources`): F008.
    Source,
}

/// Which file of a document a change is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileTarget {
    /// The document file (its front matter and body).
    Document,
    /// The file the front matter lives in: the sidecar when there is one, else the document.
    Meta,
}

/// What a rewritten span holds, which says how to read its meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitKind {
    /// `[source] cite`: a free-text reference.
    Reference,
    /// `[source] locator`: a list of locators.
    Locators,
    /// `[source] archive`: an archival reference.
    Archive,
    /// A note or annotation text holding pandoc citations.
    Prose,
    /// One pandoc citation in the body.
    Citation,
    /// The whole front matter (or sidecar).
    FrontMatter,
    /// The lines of `[source]` that `unify-sources` rewrites: `cite` (up to the `locator`
    /// after it), becoming `key` + `locator` or another form, with `cite-as-printed`.
    Source,
}

/// A rewritten span: where it is and what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Unit {
    /// What it holds.
    pub kind: UnitKind,
    /// Which file it is in.
    pub file: FileTarget,
    /// Its bytes in that file.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

impl Unit {
    /// The span as a range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// One replacement of a byte range of a file by new text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TextEdit {
    /// The bytes replaced.
    pub range: Range<usize>,
    /// What they are replaced with.
    pub replacement: String,
}

/// One change the style asks for: a message, the span it is about, and its edits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Change {
    /// Its family (and so its F rule).
    pub family: Family,
    /// The rewritten span it lies in.
    pub unit: Unit,
    /// What to point at when reporting it (in the unit's file).
    pub at: Range<usize>,
    /// What is wrong, for people.
    pub message: String,
    /// What the change does (`Write \`p.\``).
    pub title: String,
    /// The edits, in order, none overlapping.
    pub edits: Vec<TextEdit>,
}

impl Change {
    /// The smallest range covering every edit.
    pub fn range(&self) -> Range<usize> {
        let start = self.edits.iter().map(|e| e.range.start).min().unwrap_or(0);
        let end = self.edits.iter().map(|e| e.range.end).max().unwrap_or(0);
        start..end
    }
}

/// The result of applying changes to a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied<'c> {
    /// The new text.
    pub text: String,
    /// The changes applied, in order of position.
    pub applied: Vec<&'c Change>,
}

/// Apply `changes` to `text`: in order of position, each change whole or not at all; a
/// change overlapping one already taken (or out of bounds) waits for the next pass.
pub fn apply<'c>(text: &str, changes: impl IntoIterator<Item = &'c Change>) -> Applied<'c> {
    let mut sorted: Vec<&Change> = changes.into_iter().collect();
    sorted.sort_by_key(|c| (c.range().start, c.range().end));
    let mut taken: Vec<&Change> = Vec::new();
    let mut last_end = 0usize;
    for change in sorted {
        let mut edits: Vec<&TextEdit> = change.edits.iter().collect();
        edits.sort_by_key(|e| (e.range.start, e.range.end));
        let valid = !edits.is_empty()
            && edits.iter().all(|e| {
                e.range.start <= e.range.end
                    && e.range.end <= text.len()
                    && text.is_char_boundary(e.range.start)
                    && text.is_char_boundary(e.range.end)
            })
            && edits.windows(2).all(|w| w[0].range.end <= w[1].range.start);
        let start = change.range().start;
        if !valid || (!taken.is_empty() && start < last_end) {
            continue;
        }
        last_end = change.range().end;
        taken.push(change);
    }
    let mut edits: Vec<&TextEdit> = taken.iter().flat_map(|c| &c.edits).collect();
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for edit in edits {
        out.push_str(&text[at..edit.range.start]);
        out.push_str(&edit.replacement);
        at = edit.range.end;
    }
    out.push_str(&text[at..]);
    Applied {
        text: out,
        applied: taken,
    }
}

/// Where byte `offset` of the old text is in the new one, after `edits` (sorted, taken).
pub(crate) fn shift(offset: usize, edits: &[&TextEdit], end_side: bool) -> usize {
    let mut delta: isize = 0;
    for e in edits {
        // An insertion at a unit's start belongs to the unit: it moves its end, not its start.
        let before = e.range.end <= offset && (end_side || e.range.start < offset);
        if before {
            delta += e.replacement.len() as isize - (e.range.end - e.range.start) as isize;
        }
    }
    (offset as isize + delta) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(at: usize, len: usize, with: &str) -> Change {
        let unit = Unit {
            kind: UnitKind::Locators,
            file: FileTarget::Meta,
            start: 0,
            end: 100,
        };
        Change {
            family: Family::RangeDash,
            unit,
            at: at..at + len,
            message: String::new(),
            title: String::new(),
            edits: vec![TextEdit {
                range: at..at + len,
                replacement: with.to_owned(),
            }],
        }
    }

    #[test]
    fn non_overlapping_changes_apply_in_one_pass() {
        let text = "pp. 1-2, 3-4";
        let (a, b, overlapping) = (change(5, 1, "–"), change(10, 1, "–"), change(5, 3, "X"));
        let applied = apply(text, [&b, &a, &overlapping]);
        assert_eq!(applied.text, "pp. 1–2, 3–4");
        assert_eq!(applied.applied.len(), 2);
        let bad = change(1, 1, "x");
        assert_eq!(apply("жж", [&bad]).text, "жж");
    }
}
