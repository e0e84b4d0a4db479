//! Reference rules (`R`): citations, references and locators that do not parse, and ranges
//! that run backwards. Also where every locator of a document is, for the `F` rules.

pub mod reversed_range;
pub mod unparsed_citation;

use crate::diagnostic::TextRange;
use crate::rules::{DocContext, Target};
use ibid_parse::{Locator, Span};
use ibid_provenance::{Document, Text};

/// The text a locator's spans are offsets into.
#[derive(Debug, Clone, Copy)]
pub enum Origin<'a> {
    /// A front-matter string value (`[source] cite`, `locator`, `archive`).
    Value(&'a Text),
    /// The body (a pandoc citation).
    Body,
}

/// One locator of a document, and where its spans point.
#[derive(Debug, Clone, Copy)]
pub struct Site<'a> {
    /// The locator.
    pub locator: &'a Locator,
    /// What its spans are offsets into.
    pub origin: Origin<'a>,
    /// The text its spans index.
    pub text: &'a str,
}

impl Site<'_> {
    /// Where `span` (an offset into the site's text) is in the files, and whether it can be
    /// pointed at exactly (a string written with escapes cannot).
    pub fn place(&self, span: Span) -> (Target, TextRange, bool) {
        match self.origin {
            Origin::Value(text) => (
                Target::Meta,
                text.file_span(span).into(),
                text.raw.is_some(),
            ),
            Origin::Body => (Target::Document, span.into(), true),
        }
    }
}

/// Every locator of `doc`: the source's pinpoint, its archive reference, and the locators
/// of the body's pandoc citations, in file order.
pub fn locator_sites(doc: &Document) -> Vec<Site<'_>> {
    let mut sites = Vec::new();
    if let Some(source) = &doc.source {
        if let (Some(parsed), Some(text)) = (&source.locators, &source.locator) {
            sites.extend(parsed.value.iter().map(|locator| Site {
                locator,
                origin: Origin::Value(text),
                text: &text.text,
            }));
        }
        if let (Some(parsed), Some(text)) = (&source.reference, &source.cite) {
            let reference = &parsed.value;
            sites.extend(reference.locators.iter().map(|locator| Site {
                locator,
                origin: Origin::Value(text),
                text: &text.text,
            }));
            if let Some(archive) = &reference.archive {
                sites.extend(archive.locators.iter().map(|locator| Site {
                    locator,
                    origin: Origin::Value(text),
                    text: &text.text,
                }));
            }
        }
        if let (Some(parsed), Some(text)) = (&source.archival, &source.archive) {
            if let Some(archive) = &parsed.value {
                sites.extend(archive.locators.iter().map(|locator| Site {
                    locator,
                    origin: Origin::Value(text),
                    text: &text.text,
                }));
            }
        }
    }
    let body = doc.body_text();
    for citation in &doc.body.citations {
        for item in &citation.items {
            sites.extend(item.locators.iter().map(|locator| Site {
                locator,
                origin: Origin::Body,
                text: body,
            }));
        }
    }
    sites
}

/// Report `finding` (whose range and fix are in the site's coordinates) in the right file.
pub fn report_at(
    ctx: &mut DocContext<'_>,
    site: &Site<'_>,
    mut finding: crate::diagnostic::Finding,
) {
    let map = |range: TextRange| -> TextRange { site.place(Span::new(range.start, range.end)).1 };
    finding.range = map(finding.range);
    if let Origin::Value(text) = site.origin {
        if text.raw.is_none() {
            // Written with escapes: the edit cannot be placed exactly, so offer none.
            finding.fix = None;
        }
    }
    if let Some(fix) = finding.fix.as_mut() {
        for edit in &mut fix.edits {
            edit.range = map(edit.range);
        }
    }
    match site.origin {
        Origin::Value(_) => ctx.report_meta(finding),
        Origin::Body => ctx.report_body(finding),
    }
}
