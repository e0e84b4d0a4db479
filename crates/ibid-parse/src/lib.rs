//! # ibid-parse
//!
//! Parsers for the citation text found in transcribed and translated documents: free-text
//! references, archival references, locators in English, Russian, German and French, pandoc
//! citations, and partial dates. Every result keeps byte spans into the input, and anything
//! that could not be parsed is kept as a remainder with an error: nothing is dropped, nothing
//! panics, and time is linear in the input. The crate does no I/O.
//!
//! ```
//! use ibid_parse::{parse_reference, LocatorLabel};
//!
//! let input = "Барсегов Ю.Г. Нагорный Карабах Document 652, page 612";
//! let parsed = parse_reference(input);
//! let reference = &parsed.value;
//!
//! let author = &reference.authors.names[0];
//! assert_eq!(author.span().slice(input), "Барсегов Ю.Г.");
//! assert_eq!(reference.title.unwrap().slice(input), "Нагорный Карабах");
//!
//! let locators: Vec<_> = reference
//!     .locators
//!     .iter()
//!     .map(|l| (l.label, l.value_text(input)))
//!     .collect();
//! assert_eq!(locators, [(LocatorLabel::Document, "652"), (LocatorLabel::Page, "612")]);
//! ```
//!
//! ## Entry points
//!
//! | input | function | value |
//! |---|---|---|
//! | a free-text reference | [`parse_reference`] | [`Reference`] |
//! | an archival reference | [`parse_archival`] | [`ArchivalReference`] |
//! | a list of names | [`parse_names`] | [`Names`] |
//! | one locator, or a list | [`parse_locator`], [`parse_locators`] | [`Locator`] |
//! | a pandoc citation | [`parse_citation`] | [`Citation`] |
//! | the citations of a Markdown body | [`scan_citations`] | [`Citation`]s, one at a time |
//! | a date | [`parse_date`], [`parse_date_with`] | [`PartialDate`] |
//! | any of these, kind detected | [`parse`], [`parse_as`], [`detect_kind`] | [`ParsedInput`] |
//!
//! Each returns a [`Parsed`]: the value, the [`ParseError`]s (each with a
//! [`ParseErrorKind`], a message and a [`Span`]) and the unparsed remainder. The [`csl`]
//! module turns a [`Reference`] or a [`PartialDate`] into CSL-JSON.
//!
//! ## Features
//!
//! - `serde` (on by default): `Serialize` for every parsed value, `Serialize` and
//!   `Deserialize` for the CSL-JSON types.
//!
//! ## Stability
//!
//! What is public here is the whole API: types that will grow are `#[non_exhaustive]`, and
//! the 0.x version follows Cargo's semver rules. `docs/api-stability.md` in the repository
//! says what is stable and what may change.

#![warn(missing_docs)]

mod citation;
pub mod csl;
mod csl_key;
mod date;
mod detect;
mod error;
mod language;
mod locator;
mod reference;
mod span;
mod tables;
mod text;

pub use citation::{
    parse_citation, scan_citations, Citation, CitationItem, CitationMode, CitationScanner,
};
pub use date::{
    parse_date, parse_date_with, Calendar, DateContext, DatePart, InferenceBasis, PartialDate,
};
pub use detect::{detect_kind, parse, parse_as, InputKind, ParsedInput};
pub use error::{ParseError, ParseErrorKind, Parsed};
pub use locator::{
    parse_locator, parse_locators, Following, Locator, LocatorLabel, LocatorNumber, LocatorRange,
    NumberKind, Side,
};
pub use reference::{
    parse_archival, parse_names, parse_reference, ArchivalReference, Name, Names, Reference,
};
pub use span::Span;
