//! Archival references: repository and the chain fond / inventory / file / leaves.
//! (Placeholder: to be filled by the locator work.)

use super::ArchivalReference;
use crate::Parsed;

/// Parse `input` as an archival reference (`RGASPI, f. 558, op. 11, d. 97, ll. 67-70`).
pub fn parse_archival(input: &str) -> Parsed<Option<ArchivalReference>> {
    let _ = input;
    Parsed::ok(None)
}

/// Parse an archival reference starting at byte `at` of `text`; spans are offsets into `text`.
pub(crate) fn scan_archival(text: &str, at: usize) -> Option<ArchivalReference> {
    let _ = (text, at);
    None
}
