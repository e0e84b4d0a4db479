//! M004: two notes for the same marker.
//! Checks `[[notes]]` entries against each other, and notes written out in the body.

use super::{declared, marker_key, occurrences};
use crate::codes::Rule;
use crate::diagnostic::Finding;
use crate::rules::DocContext;
use ibid_provenance::MarkerRole;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

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

/// Report repeated notes. One pass over the notes and one over the body's definitions, each
/// remembering the markers seen (a marker is compared without surrounding blanks).
pub fn check(ctx: &mut DocContext<'_>) {
    let doc = ctx.doc;
    let mut first_note: HashMap<&str, usize> = HashMap::new();
    for (index, marker) in declared(doc) {
        match first_note.entry(marker_key(&marker.text)) {
            Entry::Vacant(slot) => {
                slot.insert(index);
            }
            Entry::Occupied(first) => ctx.report_meta(Finding::new(
                Rule::DuplicateNote,
                marker.span,
                format!(
                    "Note {} repeats marker `{}` of note {}",
                    index + 1,
                    marker.text,
                    first.get() + 1
                ),
            )),
        }
    }
    let mut defined: HashSet<&str> = HashSet::new();
    let mut findings = Vec::new();
    for definition in occurrences(doc, MarkerRole::Definition) {
        if !defined.insert(marker_key(&definition.marker)) {
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
