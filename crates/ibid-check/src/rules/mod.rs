//! The rules, one file each under a family folder, and what they run on: a loaded document
//! (document rules) or the corpus index (corpus rules). `codes.rs` maps codes to them.

pub mod dates;
pub mod errors;
pub mod format;
pub mod markers;
pub mod provenance;
pub mod references;
pub mod sources;
pub mod suppressions;

use crate::codes::Rule;
use crate::diagnostic::{Finding, TextRange};
use crate::settings::Style;
use ibid_fmt::{Change, Family, FileTarget};
use ibid_parse::Span;
use ibid_provenance::{Document, LoadError, Text};

/// Which file of a document a finding points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// The document file itself (its front matter and body).
    Document,
    /// Where the front matter lives: the sidecar when there is one, else the document.
    Meta,
}

/// What a document rule sees: the loaded document, its load errors, the style, and a place
/// to put findings.
#[derive(Debug)]
pub struct DocContext<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Problems met loading it (unknown keys, wrong types, ...).
    pub errors: &'a [LoadError],
    /// The style the corpus is formatted in.
    pub style: &'a Style,
    /// What `ibid fmt` would change in the document (the F rules report these).
    pub formatting: &'a [Change],
    findings: Vec<(Target, Finding)>,
}

impl<'a> DocContext<'a> {
    /// A context for `doc`.
    pub fn new(
        doc: &'a Document,
        errors: &'a [LoadError],
        style: &'a Style,
        formatting: &'a [Change],
    ) -> Self {
        DocContext {
            doc,
            errors,
            style,
            formatting,
            findings: Vec::new(),
        }
    }

    /// Report each change of `family` that `ibid fmt` would make, with its edits as a safe
    /// fix: the F rules are the formatter's lint face.
    pub fn report_formatting(&mut self, family: Family) {
        for change in self.formatting.iter().filter(|c| c.family == family) {
            let Some(finding) = format::finding_of(change) else {
                continue;
            };
            match change.unit.file {
                FileTarget::Meta => self.report_meta(finding),
                FileTarget::Document => self.report_file(finding),
            }
        }
    }

    /// Report a finding whose range is in the front matter's file.
    pub fn report_meta(&mut self, finding: Finding) {
        self.findings.push((Target::Meta, finding));
    }

    /// Report a finding whose range is in the document file.
    pub fn report_file(&mut self, finding: Finding) {
        self.findings.push((Target::Document, finding));
    }

    /// Report a finding whose range is an offset into the body.
    pub fn report_body(&mut self, mut finding: Finding) {
        let shift = self.doc.body.span.start;
        finding.range = finding.range.shift(shift);
        if let Some(fix) = finding.fix.as_mut() {
            for edit in &mut fix.edits {
                edit.range = edit.range.shift(shift);
            }
        }
        self.findings.push((Target::Document, finding));
    }

    /// The findings reported so far.
    pub fn into_findings(self) -> Vec<(Target, Finding)> {
        self.findings
    }

    /// The text of the file front-matter spans point into.
    pub fn meta_text(&self) -> &'a str {
        &self.doc.meta_file().text
    }

    /// The body text.
    pub fn body_text(&self) -> &'a str {
        self.doc.body_text()
    }
}

/// The range in the front matter's file of `inner`, a span into `text`'s value.
pub fn in_text(text: &Text, inner: Span) -> TextRange {
    text.file_span(inner).into()
}

/// Where a value is in the front matter (`date`, `source.accessed`, `annotations[2].date`):
/// written out only when a message names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyPath {
    /// The top-level key or table (`date`, `source`, `annotations`).
    pub table: &'static str,
    /// The entry of an array of tables.
    pub index: Option<usize>,
    /// The key inside the table or entry.
    pub key: Option<&'static str>,
}

impl KeyPath {
    /// The key `key` of entry `index` of the array of tables `table` (`notes[0].hand`).
    pub const fn item(table: &'static str, index: usize, key: Option<&'static str>) -> Self {
        KeyPath {
            table,
            index: Some(index),
            key,
        }
    }

    /// The key `key` of `table` (`source.accessed`), or a top-level key (`date`).
    pub const fn key(table: &'static str, key: Option<&'static str>) -> Self {
        KeyPath {
            table,
            index: None,
            key,
        }
    }
}

impl std::fmt::Display for KeyPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.table)?;
        if let Some(index) = self.index {
            write!(f, "[{index}]")?;
        }
        if let Some(key) = self.key {
            write!(f, ".{key}")?;
        }
        Ok(())
    }
}

/// A document rule: looks at one document and reports findings.
pub type DocumentCheck = fn(&mut DocContext<'_>);

/// Every document rule with its check function, in code order.
pub const DOCUMENT_RULES: &[(Rule, DocumentCheck)] = &[
    (Rule::UnparsedDate, dates::unparsed_date::check),
    (Rule::ImpossibleDate, dates::impossible_date::check),
    (
        Rule::AnnotationBeforeDocument,
        dates::annotation_before_document::check,
    ),
    (Rule::FutureDate, dates::future_date::check),
    (Rule::LocatorStyle, format::locator_style::check),
    (Rule::RangeDash, format::range_dash::check),
    (Rule::PageRange, format::page_range::check),
    (Rule::LabelSpace, format::label_space::check),
    (Rule::LeafSide, format::leaf_side::check),
    (Rule::CitationSyntax, format::citation_syntax::check),
    (Rule::FrontMatterLayout, format::front_matter_layout::check),
    (Rule::UnexplainedMarker, markers::unexplained_marker::check),
    (Rule::UnusedNote, markers::unused_note::check),
    (Rule::MarkerSequenceGap, markers::marker_sequence_gap::check),
    (Rule::DuplicateNote, markers::duplicate_note::check),
    (Rule::UndeclaredHand, provenance::undeclared_hand::check),
    (Rule::UnusedHand, provenance::unused_hand::check),
    (
        Rule::InconsistentTranslation,
        provenance::inconsistent_translation::check,
    ),
    (Rule::UnknownKey, provenance::unknown_key::check),
    (Rule::InvalidValue, provenance::invalid_value::check),
    (Rule::UnparsedCitation, references::unparsed_citation::check),
    (Rule::ReversedRange, references::reversed_range::check),
    (Rule::MissingSource, sources::missing_source::check),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::Scope;

    #[test]
    fn every_document_rule_is_registered_once() {
        for &rule in Rule::ALL {
            let count = DOCUMENT_RULES.iter().filter(|(r, _)| *r == rule).count();
            let expected = usize::from(rule.scope() == Scope::Document);
            assert_eq!(count, expected, "{rule}");
        }
    }
}
