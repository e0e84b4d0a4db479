//! Parse results: the value, the errors with their kind and span, and the unparsed remainder.
//! Parsers never fail outright and never drop text; they report what they could not read.

use crate::Span;

/// What kind of problem a [`ParseError`] reports, for callers that act on it (a linter maps
/// kinds to rules); the message says the same in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// The text is not the kind asked for: no date, no citation, no locator, no archival
    /// level, or a name that cannot be read as one.
    NotRecognized,
    /// Text after a complete value (after a date or a citation, a second locator where one
    /// was asked for).
    UnexpectedText,
    /// Text in a reference that belongs to no field.
    UnknownField,
    /// A `[` without its `]`.
    UnclosedBracket,
    /// A pandoc citation, or one of its items, without a `@key`.
    MissingKey,
    /// A word in the place of a locator label that is no label.
    UnknownLabel,
    /// A locator label, a range dash or a separator with no value after it.
    MissingValue,
    /// A value that needs a label (a bare roman numeral).
    MissingLabel,
    /// A number with a letter that looks like a typo (`5l` for 51, `6O` for 60).
    MistypedNumber,
    /// A month outside 1–12 (`XIII`).
    NoSuchMonth,
    /// Day 0, or a day past 31.
    NoSuchDay,
    /// A day past the end of its month (31 April).
    DayPastEndOfMonth,
    /// 29 February in a year that is not a leap year in the date's calendar.
    NotALeapYear,
    /// Old-style and new-style dates of a double date that are not the same day.
    CalendarsDisagree,
    /// A date range whose end comes before its start.
    RangeEndsBeforeStart,
}

impl ParseErrorKind {
    /// Whether the error says a date cannot exist (its parts were read, but they name no
    /// day of the calendar), rather than that text could not be read.
    pub const fn is_impossible_date(self) -> bool {
        matches!(
            self,
            ParseErrorKind::NoSuchMonth
                | ParseErrorKind::NoSuchDay
                | ParseErrorKind::DayPastEndOfMonth
                | ParseErrorKind::NotALeapYear
                | ParseErrorKind::CalendarsDisagree
                | ParseErrorKind::RangeEndsBeforeStart
        )
    }
}

/// Something the parser could not read, and where.
///
/// ```
/// use ibid_parse::{parse_locators, ParseErrorKind};
///
/// let input = "Dokumnet 652";
/// let parsed = parse_locators(input);
/// let error = &parsed.errors[0];
/// assert_eq!(error.kind, ParseErrorKind::UnknownLabel);
/// assert_eq!(error.span.slice(input), "Dokumnet");
/// assert_eq!(error.message, "unknown locator label `Dokumnet`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ParseError {
    /// What kind of problem it is.
    pub kind: ParseErrorKind,
    /// What is wrong, in words a user can act on.
    pub message: String,
    /// The bytes the message is about.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub span: Span,
}

impl ParseError {
    /// An error of `kind` with `message` about the bytes in `span`.
    pub(crate) fn new(kind: ParseErrorKind, message: impl Into<String>, span: Span) -> Self {
        ParseError {
            kind,
            message: message.into(),
            span,
        }
    }

    /// The same error about bytes `by` further right (for a value parsed from a slice).
    pub fn shift(mut self, by: usize) -> Self {
        self.span = self.span.shift(by);
        self
    }
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} (bytes {}..{})",
            self.message, self.span.start, self.span.end
        )
    }
}

impl std::error::Error for ParseError {}

/// The result of parsing: a value (possibly partial), the errors met on the way, and the
/// part of the input that was not understood.
///
/// `remainder` is `None` when every byte was accounted for. When it is `Some`, `errors`
/// holds at least one error explaining why.
///
/// ```
/// use ibid_parse::parse_date;
///
/// let parsed = parse_date("19/II. Lenin.");
/// assert!(parsed.value.is_some());
/// assert_eq!(parsed.remainder.unwrap().slice("19/II. Lenin."), ". Lenin.");
/// assert!(!parsed.is_clean());
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Parsed<T> {
    /// What was parsed.
    pub value: T,
    /// Problems found, each with a span into the input.
    pub errors: Vec<ParseError>,
    /// Trailing text that could not be parsed, kept rather than dropped.
    pub remainder: Option<Span>,
}

impl<T> Parsed<T> {
    /// A clean result with no errors and no remainder.
    pub fn ok(value: T) -> Self {
        Parsed {
            value,
            errors: Vec::new(),
            remainder: None,
        }
    }

    /// Whether the whole input parsed without error.
    pub fn is_clean(&self) -> bool {
        self.errors.is_empty() && self.remainder.is_none()
    }

    /// Transform the value, keeping errors and remainder.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Parsed<U> {
        Parsed {
            value: f(self.value),
            errors: self.errors,
            remainder: self.remainder,
        }
    }
}
