//! Byte spans into the parsed input.
//! Every parsed value points back at the text it came from, so nothing a user wrote is lost.

use std::ops::Range;

/// A half-open byte range `start..end` into the input that was parsed.
///
/// Both ends always lie on `char` boundaries of that input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (byte offsets).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// An empty span at `at`.
    pub const fn empty(at: usize) -> Self {
        Span { start: at, end: at }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers in `input`.
    ///
    /// Returns `""` if the span does not fit `input` (it was taken from another string).
    pub fn slice<'a>(&self, input: &'a str) -> &'a str {
        input.get(self.start..self.end).unwrap_or("")
    }

    /// The same span moved `by` bytes to the right.
    pub const fn shift(self, by: usize) -> Self {
        Span {
            start: self.start + by,
            end: self.end + by,
        }
    }

    /// The smallest span covering both `self` and `other`.
    pub fn cover(self, other: Span) -> Self {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The span as a `Range<usize>`.
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}
