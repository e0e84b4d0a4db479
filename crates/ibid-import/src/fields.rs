//! What an import found: every field with the line, column and text it came from (or the
//! basis of an inference), the hands, notes, annotations and debris.

use serde::Serialize;

/// Where on the page a value came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// Line of the page, from 1.
    pub line: usize,
    /// Column, from 1, in characters.
    pub column: usize,
    /// The text it was read from, verbatim.
    pub text: String,
}

impl Origin {
    /// The origin of `text`, a slice of `line_text`, on line `line` (from 0).
    pub(crate) fn within(line: usize, line_text: &str, text: &str) -> Origin {
        let offset = (text.as_ptr() as usize)
            .checked_sub(line_text.as_ptr() as usize)
            .filter(|&o| o <= line_text.len())
            .unwrap_or(0);
        Origin::at(line, line_text, offset, text)
    }

    /// The origin of `text` at byte `offset` of `line_text`, on line `line` (from 0).
    pub(crate) fn at(line: usize, line_text: &str, offset: usize, text: &str) -> Origin {
        let column = line_text.get(..offset).map_or(0, |h| h.chars().count()) + 1;
        Origin {
            line: line + 1,
            column,
            text: text.to_string(),
        }
    }
}

/// A value and where it came from: text of the page, or an inference with its basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Found {
    /// The value as it goes into the document.
    pub value: String,
    /// The text it was read from.
    pub from: Option<Origin>,
    /// How it was inferred, when it was not read from one place.
    pub basis: Option<String>,
}

impl Found {
    /// A value read from `from`.
    pub(crate) fn read(value: impl Into<String>, from: Origin) -> Found {
        Found {
            value: value.into(),
            from: Some(from),
            basis: None,
        }
    }

    /// A value read from `from`, with a note on how.
    pub(crate) fn read_as(
        value: impl Into<String>,
        from: Origin,
        basis: impl Into<String>,
    ) -> Found {
        Found {
            value: value.into(),
            from: Some(from),
            basis: Some(basis.into()),
        }
    }

    /// A value inferred, with its basis.
    pub(crate) fn inferred(value: impl Into<String>, basis: impl Into<String>) -> Found {
        Found {
            value: value.into(),
            from: None,
            basis: Some(basis.into()),
        }
    }
}

/// `[source]` as found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SourceFields {
    /// `cite`, as written after the label.
    pub cite: Option<Found>,
    /// `key`: the bibliography entry the cite matched.
    pub key: Option<Found>,
    /// `locator`: the cite's pinpoint, with `key`.
    pub locator: Option<Found>,
    /// `archive`.
    pub archive: Option<Found>,
    /// `language` of the edition.
    pub language: Option<Found>,
}

/// `[translation]` as found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TranslationFields {
    /// `from`.
    pub from: Option<Found>,
    /// `to`.
    pub to: Option<Found>,
    /// `by`.
    pub by: Vec<Found>,
}

/// One `[hands]` entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HandEntry {
    /// The id (`krestinsky`).
    pub id: String,
    /// The fullest form of the name seen (`N. Krestinsky`), or the page's label for an
    /// unidentified hand.
    pub name: Found,
}

/// One `[[notes]]` entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteEntry {
    /// The marker (`***`).
    pub marker: String,
    /// The kind of mark, from the wording.
    pub kind: Option<Found>,
    /// The hand id.
    pub hand: Option<Found>,
    /// What the mark applies to.
    pub target: Option<Found>,
    /// The note as printed.
    pub text: Found,
}

/// One `[[annotations]]` entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnnotationEntry {
    /// The number the edition gave it.
    pub n: Option<u32>,
    /// The hand id.
    pub hand: Option<Found>,
    /// The date as written.
    pub date: Option<Found>,
    /// The annotation as printed.
    pub text: Found,
}

/// One piece of page debris.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DebrisEntry {
    /// Line of the page, from 1.
    pub line: usize,
    /// Column, from 1; 1 for a whole line.
    pub column: usize,
    /// The text, verbatim.
    pub text: String,
    /// Why it was judged debris.
    pub reason: String,
    /// Whether it is only part of its line (the rest being in the body).
    pub part_of_line: bool,
}

/// Everything an import found on a page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Fields {
    /// `title`.
    pub title: Option<Found>,
    /// `date` (ISO: `1921-02-16`, `1921-02`, `1921`).
    pub date: Option<Found>,
    /// `place`, from the dateline.
    pub place: Option<Found>,
    /// `language` of the body.
    pub language: Option<Found>,
    /// `kind` (`letter`).
    pub kind: Option<Found>,
    /// `author`.
    pub author: Option<Found>,
    /// `recipient`.
    pub recipient: Option<Found>,
    /// `[source]`.
    pub source: SourceFields,
    /// `[translation]`, when there is one.
    pub translation: Option<TranslationFields>,
    /// `[hands]`.
    pub hands: Vec<HandEntry>,
    /// `[[notes]]`.
    pub notes: Vec<NoteEntry>,
    /// `[[annotations]]`.
    pub annotations: Vec<AnnotationEntry>,
    /// `[import] preamble`.
    pub preamble: Option<Found>,
    /// Lines that only introduce a block of annotations or notes (`The letter contains
    /// notes and remarks:`, `Notes:`); reported, not written.
    pub headings: Vec<Found>,
    /// `[[import.debris]]`.
    pub debris: Vec<DebrisEntry>,
}

/// Something the page did not say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Undetermined {
    /// The field (`date`, `annotations[3].hand`).
    pub field: String,
    /// Why it could not be determined.
    pub reason: String,
}
