//! The date grammar.
//! (Placeholder: to be filled by the date work.)

use super::PartialDate;
use crate::Parsed;

/// What is known around a date that helps read it: the year of the document it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateContext {
    /// The year the surrounding document is dated, used to complete `19/II` or `22.II.21`.
    pub year: Option<i32>,
}

/// Parse `input` as a date.
pub fn parse_date(input: &str) -> Parsed<Option<PartialDate>> {
    parse_date_with(input, &DateContext::default())
}

/// Parse `input` as a date, using `context` to infer what was not written.
pub fn parse_date_with(input: &str, context: &DateContext) -> Parsed<Option<PartialDate>> {
    let _ = (input, context);
    Parsed::ok(None)
}
