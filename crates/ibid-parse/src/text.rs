//! Small text helpers shared by the parsers: dashes, spaces, trimming with spans.
//! Kept here so every grammar agrees on what a dash or a space is.

use crate::Span;

/// Whether `c` is a dash that may join the ends of a range (`-` `‐` `‑` `‒` `–` `—` `−`).
pub(crate) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
    )
}

/// Whether `c` is white space, including no-break and thin spaces.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// `span` shrunk to exclude leading and trailing white space of `input`.
pub(crate) fn trim_span(input: &str, span: Span) -> Span {
    let text = span.slice(input);
    let start = span.start + (text.len() - text.trim_start_matches(is_space).len());
    let end = span.start + text.trim_end_matches(is_space).len();
    if start >= end {
        Span::empty(start.min(span.end))
    } else {
        Span::new(start, end)
    }
}

/// Whether `c` is a letter: `char::is_alphabetic` with fast paths for ASCII and the basic
/// Cyrillic block, which make up nearly all of the text ibid reads.
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    matches!(c, '\u{0410}'..='\u{044F}' | '\u{0401}' | '\u{0451}') || c.is_alphabetic()
}
