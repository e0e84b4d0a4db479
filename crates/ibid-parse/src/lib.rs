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
//! The entry points are [`parse_reference`], [`parse_archival`], [`parse_locators`],
//! [`parse_citation`] with [`scan_citations`] for Markdown bodies, [`parse_date`], and
//! [`parse`], which detects the kind of its input. [`csl`] turns a [`Reference`] into a
//! CSL-JSON item.

mod citation;
pub mod csl;
mod csl_key;
mod date;
mod detect;
mod error;
mod language;
mod locator;
pub mod output;
mod reference;
mod span;
mod text;

pub use citation::{
    parse_citation, scan_citations, Citation, CitationItem, CitationMode, CitationScanner,
};
pub use date::{
    days_in_month, month_name, parse_date, parse_date_with, Calendar, DateContext, DatePart,
    InferenceBasis, PartialDate,
};
pub use detect::{detect_kind, parse, parse_as, Kind, ParsedInput};
pub use error::{ParseError, Parsed};
pub use locator::{
    expand_abbreviated_end, lookup_label, parse_locator, parse_locators, Following, Locator,
    LocatorLabel, LocatorNumber, LocatorOptions, LocatorRange, NumberKind, Side,
};
pub use reference::{
    parse_archival, parse_names, parse_reference, ArchivalReference, Name, Names, Reference,
};
pub use span::Span;
