//! The locator grammar: label before or after a value, lists, and the entry points.
//! (Placeholder: to be filled by the locator work.)

use super::Locator;
use crate::Parsed;

/// Options that change how ambiguous locators are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocatorOptions {
    /// Read a bare arabic number with no label as a page (pandoc's rule). Default: true.
    pub bare_number_is_page: bool,
}

impl Default for LocatorOptions {
    fn default() -> Self {
        LocatorOptions {
            bare_number_is_page: true,
        }
    }
}

/// Parse `input` as exactly one locator.
pub fn parse_locator(input: &str) -> Parsed<Option<Locator>> {
    let _ = input;
    Parsed::ok(None)
}

/// Parse `input` as a list of locators (`Document 652, page 612`).
pub fn parse_locators(input: &str) -> Parsed<Vec<Locator>> {
    let _ = input;
    Parsed::ok(Vec::new())
}

/// Parse one locator starting exactly at byte `at` of `text`; spans are offsets into `text`.
pub(crate) fn scan_locator(text: &str, at: usize, options: &LocatorOptions) -> Option<Locator> {
    let _ = (text, at, options);
    None
}

/// Parse a list of locators starting at byte `at` of `text`, separated by `,` `;` or `and`;
/// returns them and the offset just after the last one (or `at` when none was found).
pub(crate) fn scan_locator_list(
    text: &str,
    at: usize,
    options: &LocatorOptions,
) -> (Vec<Locator>, usize) {
    let _ = (text, options);
    (Vec::new(), at)
}

pub(super) fn render_canonical(locator: &Locator, input: &str) -> String {
    locator.value_text(input).to_string()
}
