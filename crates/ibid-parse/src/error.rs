//! Parse results: the value, the errors with their spans, and the unparsed remainder.
//! Parsers never fail outright and never drop text; they report what they could not read.

use crate::Span;
use serde::Serialize;

/// Something the parser could not read, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParseError {
    /// What is wrong, in words a user can act on.
    pub message: String,
    /// The bytes the message is about.
    #[serde(flatten)]
    pub span: Span,
}

impl ParseError {
    /// An error with `message` about the bytes in `span`.
    pub fn new(message: impl Into<String>, span: Span) -> Self {
        ParseError {
            message: message.into(),
            span,
        }
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
