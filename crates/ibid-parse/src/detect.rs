//! Telling what kind of citation text an input is, and parsing it as that kind.
//! Used by `ibid parse`, which accepts any kind of input without being told.

use crate::{
    parse_citation, parse_date, parse_locators, parse_reference, Citation, Locator, Parsed,
    PartialDate, Reference,
};

/// The kinds of input the crate parses: what [`detect_kind`] tells apart and
/// [`parse_as`] is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum InputKind {
    /// A free-text or archival reference.
    Reference,
    /// One or more locators (`p. 12`, `Л. 5 об.`).
    Locator,
    /// A pandoc citation.
    Citation,
    /// A date.
    Date,
}

impl InputKind {
    /// The kind's name as used on the command line and in JSON.
    pub const fn name(self) -> &'static str {
        match self {
            InputKind::Reference => "reference",
            InputKind::Locator => "locator",
            InputKind::Citation => "citation",
            InputKind::Date => "date",
        }
    }
}

/// An input parsed as one of the [`InputKind`]s.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum ParsedInput {
    /// A reference (boxed: it is much larger than the other variants).
    Reference(Box<Reference>),
    /// A list of locators.
    Locators(Vec<Locator>),
    /// A citation, if one was found.
    Citation(Option<Citation>),
    /// A date, if one was found.
    Date(Option<PartialDate>),
}

impl ParsedInput {
    /// The kind of this input.
    pub fn kind(&self) -> InputKind {
        match self {
            ParsedInput::Reference(_) => InputKind::Reference,
            ParsedInput::Locators(_) => InputKind::Locator,
            ParsedInput::Citation(_) => InputKind::Citation,
            ParsedInput::Date(_) => InputKind::Date,
        }
    }
}

/// What detection found, with the parse it made on the way, so nothing is parsed twice.
enum Detected {
    Citation,
    Date(Parsed<Option<PartialDate>>),
    Locators(Parsed<Vec<Locator>>),
    Reference,
}

/// Guess what kind of text `input` is.
///
/// A leading `[`…`@` or `@` is a citation; text that reads to its end as a date with a
/// year, month or "n.d." (possibly an impossible one) is a date; text that reads to its end
/// as locators (possibly with a mistyped number) is a locator; anything else is a reference.
///
/// ```
/// use ibid_parse::{detect_kind, InputKind};
///
/// assert_eq!(detect_kind("[see @doe99, p. 33]"), InputKind::Citation);
/// assert_eq!(detect_kind("16 февраля 1921 г."), InputKind::Date);
/// assert_eq!(detect_kind("Л. 5 об."), InputKind::Locator);
/// assert_eq!(detect_kind("Барсегов Ю.Г. Нагорный Карабах"), InputKind::Reference);
/// ```
pub fn detect_kind(input: &str) -> InputKind {
    match detect(input) {
        Detected::Citation => InputKind::Citation,
        Detected::Date(_) => InputKind::Date,
        Detected::Locators(_) => InputKind::Locator,
        Detected::Reference => InputKind::Reference,
    }
}

fn detect(input: &str) -> Detected {
    let trimmed = input.trim();
    if looks_like_citation(trimmed) {
        return Detected::Citation;
    }
    // A date that reads to the end is a date even when it is impossible (30 February):
    // the error belongs to the date, not to a reference.
    if crate::date::may_be_date(input) {
        let date = parse_date(input);
        if date.remainder.is_none() && date.value.as_ref().is_some_and(is_datelike) {
            return Detected::Date(date);
        }
    }
    // The first locator decides whether there is a list at all; a reference is spared the
    // error report of a failed list, and a list is read once.
    match crate::locator::parse_locators_if_any(input) {
        Some(locators) if locators.remainder.is_none() && !locators.value.is_empty() => {
            Detected::Locators(locators)
        }
        _ => Detected::Reference,
    }
}

/// Whether a date is more than a bare small number (`612` is a page, not the year 612).
fn is_datelike(d: &PartialDate) -> bool {
    d.undated
        || d.month.is_some()
        || d.approximate
        || d.end.is_some()
        || d.year.is_some_and(|y| y.value >= 1000 || y.is_inferred())
}

fn looks_like_citation(trimmed: &str) -> bool {
    if trimmed.starts_with('@') || trimmed.starts_with("-@") {
        return true;
    }
    trimmed.starts_with('[') && trimmed.contains('@')
}

/// Parse `input` as the kind [`detect_kind`] finds (each input is parsed once).
///
/// ```
/// use ibid_parse::{parse, ParsedInput};
///
/// let parsed = parse("RGASPI, f. 558, op. 11, d. 97, ll. 67-70");
/// let ParsedInput::Reference(reference) = &parsed.value else { panic!("a reference") };
/// assert_eq!(reference.archive.as_ref().unwrap().locators.len(), 4);
/// ```
pub fn parse(input: &str) -> Parsed<ParsedInput> {
    match detect(input) {
        Detected::Citation => parse_as(input, InputKind::Citation),
        Detected::Date(date) => date.map(ParsedInput::Date),
        Detected::Locators(locators) => locators.map(ParsedInput::Locators),
        Detected::Reference => parse_as(input, InputKind::Reference),
    }
}

/// Parse `input` as `kind`, without detecting it.
///
/// ```
/// use ibid_parse::{parse_as, InputKind, ParsedInput};
///
/// // `1921` alone is read as a page when detected; asked for a date, it is one.
/// let parsed = parse_as("1921", InputKind::Date);
/// assert!(matches!(parsed.value, ParsedInput::Date(Some(_))));
/// ```
pub fn parse_as(input: &str, kind: InputKind) -> Parsed<ParsedInput> {
    match kind {
        InputKind::Reference => parse_reference(input).map(|r| ParsedInput::Reference(Box::new(r))),
        InputKind::Locator => parse_locators(input).map(ParsedInput::Locators),
        InputKind::Citation => parse_citation(input).map(ParsedInput::Citation),
        InputKind::Date => parse_date(input).map(ParsedInput::Date),
    }
}
