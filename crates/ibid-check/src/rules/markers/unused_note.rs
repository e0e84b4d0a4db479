//! M002: a note whose marker never appears in the body.
//! Checks `[[notes]]` entries and notes written out in the body against the body's markers.

use super::{declared, marker_key, occurrences};
use crate::codes::Rule;
use crate::diagnostic::Finding;
use crate::rules::DocContext;
use ibid_provenance::MarkerRole;
use std::collections::HashSet;

/// ## What it does
/// Finds notes whose marker is not in the running text: `[[notes]]` entries with a
/// `marker`, and notes written out in the body (`***The paragraph was surrounded ...`)
/// whose marker no word of the body carries. A note for an omission mark (`<…>`, `[...]`)
/// counts as used when the body has that mark.
///
/// ## Why is this bad?
/// A note that points nowhere means the marker was lost in transcription (the web edition
/// dropped it, or it was typed as emphasis), so the reader cannot tell which word was
/// underlined or encircled.
///
/// ## Example
/// ```toml
/// [[notes]]
/// marker = "****"
/// kind = "underlined"
/// hand = "narimanov"
/// text = "Underlined by Narimanov."
/// +++
/// ... we need to enter a strong agreement with the Angorians no matter what.
/// ```
///
/// Use instead: put the marker back after the word it belongs to.
/// ```text
/// ... we need to enter a strong agreement with the Angorians no matter what****.
/// ```
///
/// ## Fix
/// Restore the marker in the body, or remove the note. There is no automatic fix.
pub struct UnusedNote;

/// Report notes whose marker is not used.
pub fn check(ctx: &mut DocContext<'_>) {
    let doc = ctx.doc;
    // Every marker the text uses, gathered once (compared without surrounding blanks).
    let in_text: HashSet<&str> = occurrences(doc, MarkerRole::Reference)
        .map(|r| marker_key(&r.marker))
        .chain(
            doc.body
                .marks
                .omissions
                .iter()
                .map(|o| marker_key(&o.written)),
        )
        .collect();
    let used = |marker: &str| in_text.contains(marker_key(marker));
    for (_, marker) in declared(doc) {
        if marker.text.trim().is_empty() || used(&marker.text) {
            continue;
        }
        ctx.report_meta(Finding::new(
            Rule::UnusedNote,
            marker.span,
            format!(
                "Note for marker `{}` is never referenced in the body",
                marker.text
            ),
        ));
    }
    let mut findings = Vec::new();
    for definition in occurrences(doc, MarkerRole::Definition) {
        if used(&definition.marker) {
            continue;
        }
        findings.push(Finding::new(
            Rule::UnusedNote,
            definition.span,
            format!(
                "Note `{}` written in the body is never referenced in the text",
                definition.marker
            ),
        ));
    }
    for finding in findings {
        ctx.report_body(finding);
    }
}
