//! M001: a marker in the body that no note explains.
//! A marker is explained by a `[[notes]]` entry or by a note written out in the body.

use super::{declared, marker_key, occurrences, spaced_notes};
use crate::codes::Rule;
use crate::diagnostic::Finding;
use crate::rules::DocContext;
use ibid_provenance::MarkerRole;
use std::collections::{HashMap, HashSet};

/// ## What it does
/// Finds note markers in the body (`Angorians*`, `question**`, `†`, `[^1]`, and `[1]` or
/// `¹` when a note declares that form) that nothing explains: no `[[notes]]` entry has the
/// marker, and no note starting with it is written out in the body (`**Underlined by
/// Lenin.` on a line of its own, or `[^1]: ...`). A note written out after the marker
/// with a blank between (`* The word was encircled by Lenin.`, which Markdown would also
/// read as a list item) explains the marker too.
///
/// ## Why is this bad?
/// A marker without its note loses what the edition reported: who underlined or encircled
/// the word, or what the editor added. Readers see a stray symbol, and exports (TEI
/// `hi`/`note` elements) cannot say whose mark it was.
///
/// ## Example
/// ```toml
/// [[notes]]
/// marker = "*"
/// kind = "encircled"
/// hand = "lenin"
/// text = "The word was encircled by Lenin."
/// +++
/// I have no doubts that the Angorians* sincerely wish to connect their fates with us.
/// ... if Moscow repels them because of the Armenian** question ...
/// ```
///
/// Use instead: add the missing note.
/// ```toml
/// [[notes]]
/// marker = "**"
/// kind = "underlined"
/// hand = "lenin"
/// text = "Underlined by Lenin."
/// ```
///
/// ## Fix
/// Add a `[[notes]]` entry for the marker (or write the note out at the end of the body),
/// or remove the marker if it is debris. There is no automatic fix.
pub struct UnexplainedMarker;

/// Report unexplained markers.
pub fn check(ctx: &mut DocContext<'_>) {
    let doc = ctx.doc;
    // Markers explained anywhere, and where the last spaced note of each marker stands
    // (a spaced note must come after its marker: a list item above it is no note).
    let explained: HashSet<&str> = declared(doc)
        .map(|(_, m)| marker_key(&m.text))
        .chain(occurrences(doc, MarkerRole::Definition).map(|d| marker_key(&d.marker)))
        .collect();
    let mut last_spaced: HashMap<&str, usize> = HashMap::new();
    for note in spaced_notes(ctx.body_text()) {
        last_spaced.insert(note.marker, note.span.start);
    }
    let explained = |marker: &str, at: usize| {
        let marker = marker_key(marker);
        explained.contains(marker) || last_spaced.get(marker).is_some_and(|&last| last > at)
    };
    let mut findings = Vec::new();
    for occurrence in occurrences(doc, MarkerRole::Reference) {
        if explained(&occurrence.marker, occurrence.span.start) {
            continue;
        }
        findings.push(
            Finding::new(
                Rule::UnexplainedMarker,
                occurrence.span,
                format!("Marker `{}` has no note explaining it", occurrence.marker),
            )
            .with_help(format!(
                "add a `[[notes]]` entry with `marker = \"{}\"`, or write the note out at the end of the body",
                occurrence.marker
            )),
        );
    }
    for finding in findings {
        ctx.report_body(finding);
    }
}
