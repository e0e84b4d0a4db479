//! M001: a marker in the body that no note explains.
//! A marker is explained by a `[[notes]]` entry or by a note written out in the body.

use super::{declared, occurrences, same_marker};
use crate::codes::Rule;
use crate::diagnostic::Finding;
use crate::rules::DocContext;
use ibid_provenance::MarkerRole;

/// ## What it does
/// Finds note markers in the body (`Angorians*`, `question**`, `†`, `[^1]`, and `[1]` or
/// `¹` when a note declares that form) that nothing explains: no `[[notes]]` entry has the
/// marker, and no note starting with it is written out in the body (`**Underlined by
/// Lenin.` on a line of its own, or `[^1]: ...`).
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
    let explained = |marker: &str| {
        declared(doc).any(|(_, m)| same_marker(&m.text, marker))
            || occurrences(doc, MarkerRole::Definition).any(|d| same_marker(&d.marker, marker))
    };
    let mut findings = Vec::new();
    for occurrence in occurrences(doc, MarkerRole::Reference) {
        if explained(&occurrence.marker) {
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
