//! M004: two notes for the same marker.
//! Checks `[[notes]]` entries against each other, and notes written out in the body.

use super::{declared, occurrences, same_marker};
use crate::codes::Rule;
use crate::diagnostic::Finding;
use crate::rules::DocContext;
use ibid_provenance::MarkerRole;

/// ## What it does
/// Finds a marker explained twice: two `[[notes]]` entries with the same `marker`, or two
/// notes written out in the body starting with the same marker. (A `[[notes]]` entry and a
/// note written out in the body for the same marker are the same note recorded twice on
/// purpose, and are not reported.)
///
/// ## Why is this bad?
/// With two notes for one marker, nobody can tell which hand made the mark; exports pick one
/// at random. Usually a marker was mistyped (`**` for `***`).
///
/// ## Example
/// ```toml
/// [[notes]]
/// marker = "**"
/// text = "Underlined by Lenin."
///
/// [[notes]]
/// marker = "**"
/// text = "The actual paragraph was surrounded by four lines on the margins by Lenin."
/// ```
///
/// Use instead:
/// ```toml
/// [[notes]]
/// marker = "**"
/// text = "Underlined by Lenin."
///
/// [[notes]]
/// marker = "***"
/// text = "The actual paragraph was surrounded by four lines on the margins by Lenin."
/// ```
///
/// ## Fix
/// Correct the marker of one of the notes, or merge them. There is no automatic fix.
pub struct DuplicateNote;

/// Report repeated notes.
pub fn check(ctx: &mut DocContext<'_>) {
    let doc = ctx.doc;
    let notes: Vec<_> = declared(doc).collect();
    for (i, (index, marker)) in notes.iter().enumerate() {
        if let Some((first, _)) = notes[..i]
            .iter()
            .find(|(_, m)| same_marker(&m.text, &marker.text))
        {
            ctx.report_meta(Finding::new(
                Rule::DuplicateNote,
                marker.span,
                format!(
                    "Note {} repeats marker `{}` of note {}",
                    index + 1,
                    marker.text,
                    first + 1
                ),
            ));
        }
    }
    let definitions: Vec<_> = occurrences(doc, MarkerRole::Definition).collect();
    let mut findings = Vec::new();
    for (i, definition) in definitions.iter().enumerate() {
        if definitions[..i]
            .iter()
            .any(|d| same_marker(&d.marker, &definition.marker))
        {
            findings.push(Finding::new(
                Rule::DuplicateNote,
                definition.span,
                format!(
                    "Marker `{}` is explained twice in the body",
                    definition.marker
                ),
            ));
        }
    }
    for finding in findings {
        ctx.report_body(finding);
    }
}
