//! Pandoc citations (`[see @doe99, pp. 33-35 and *passim*; @smith04, chap. 1]`, `@key [p. 33]`,
//! `[-@key]`): the model, the parser of one citation, and a scanner over Markdown bodies.

mod parse;
mod scan;

pub use parse::parse_citation;
pub use scan::{scan_citations, CitationScanner};

use crate::{Locator, Span};

/// How a citation stands in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum CitationMode {
    /// In brackets: `[@doe99, p. 33]`.
    Bracketed,
    /// In the running text: `@doe99` or `@doe99 [p. 33]`.
    InText,
}

/// One cited item of a citation: `see @doe99, pp. 33-35 and *passim*`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct CitationItem {
    /// The citation key, without `@` and without braces.
    pub key: Span,
    /// Text before the key (`see`), trimmed.
    pub prefix: Option<Span>,
    /// The locator text (`pp. 33-35`), as pandoc splits it.
    pub locator: Option<Span>,
    /// The locators parsed from `locator`.
    pub locators: Vec<Locator>,
    /// What could not be read in `locator`: the errors [`parse_locators`](crate::parse_locators)
    /// reports for that text, kept so that it is never read twice.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub locator_errors: Vec<crate::ParseError>,
    /// Text after the locator (`and *passim*`), trimmed.
    pub suffix: Option<Span>,
    /// `-@key`: the author's name is suppressed.
    pub suppress_author: bool,
    /// The whole item, prefix to suffix.
    pub span: Span,
}

/// A pandoc citation: one or more items.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Citation {
    /// Bracketed or in-text.
    pub mode: CitationMode,
    /// The cited items, in order.
    pub items: Vec<CitationItem>,
    /// The whole citation, brackets included.
    pub span: Span,
}
