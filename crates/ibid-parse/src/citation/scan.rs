//! Finding every pandoc citation in a Markdown body.
//! (Placeholder: to be filled by the citation work.)

use super::Citation;

/// An iterator over the citations of a Markdown body, in order.
#[derive(Debug, Clone)]
pub struct CitationScanner<'a> {
    body: &'a str,
    at: usize,
}

/// Find every pandoc citation in `body`; spans are offsets into `body`.
pub fn scan_citations(body: &str) -> CitationScanner<'_> {
    CitationScanner { body, at: 0 }
}

impl Iterator for CitationScanner<'_> {
    type Item = Citation;
    fn next(&mut self) -> Option<Citation> {
        self.at = self.body.len();
        None
    }
}
