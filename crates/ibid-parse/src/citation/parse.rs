//! One pandoc citation, bracketed or in-text.
//! (Placeholder: to be filled by the citation work.)

use super::Citation;
use crate::Parsed;

/// Parse `input` as one pandoc citation (`[see @doe99, p. 33]`, `@doe99 [p. 33]`).
pub fn parse_citation(input: &str) -> Parsed<Option<Citation>> {
    let _ = input;
    Parsed::ok(None)
}
