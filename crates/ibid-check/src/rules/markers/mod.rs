//! Marker rules (`M`): note markers in the body (`*`, `**`, `†`, `[1]`, `[^1]`, `¹`) against
//! the notes that explain them, in the front matter or written out at the end of the body.

pub mod duplicate_note;
pub mod marker_sequence_gap;
pub mod unexplained_marker;
pub mod unused_note;

use ibid_provenance::{Document, MarkerOccurrence, MarkerRole};

/// The marker occurrences of the body with the given role.
pub(crate) fn occurrences(
    doc: &Document,
    role: MarkerRole,
) -> impl Iterator<Item = &MarkerOccurrence> {
    doc.body
        .marks
        .markers
        .iter()
        .filter(move |m| m.role == role)
}

/// The markers the front-matter notes declare, with the note's position.
pub(crate) fn declared(doc: &Document) -> impl Iterator<Item = (usize, &ibid_provenance::Text)> {
    doc.notes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| n.marker.as_ref().map(|m| (i, m)))
}

/// Whether two ways of writing a marker are the same marker (surrounding blanks ignored).
pub(crate) fn same_marker(a: &str, b: &str) -> bool {
    a.trim() == b.trim()
}
