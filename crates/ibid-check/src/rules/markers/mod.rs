//! Marker rules (`M`): note markers in the body (`*`, `**`, `†`, `[1]`, `[^1]`, `¹`) against
//! the notes that explain them, in the front matter or written out at the end of the body.

pub mod duplicate_note;
pub mod marker_sequence_gap;
pub mod unexplained_marker;
pub mod unused_note;

use ibid_parse::Span;
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

/// What identifies a marker however it is written: two markers are the same when their keys
/// are equal (surrounding blanks ignored). Rules gather keys in sets, never compare pairs.
pub(crate) fn marker_key(marker: &str) -> &str {
    marker.trim()
}

/// A note written out in the body with a blank after its marker (`* Underlined by Lenin.`,
/// `** Underlined by Narimanov.`, `† Encircled.`), which the body scan does not record as a
/// note definition, since a single `*` so written is also a Markdown list bullet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SpacedNote<'a> {
    /// The marker: a run of `*`, or of `†`/`‡`.
    pub marker: &'a str,
    /// The marker's place in the body.
    pub span: Span,
    /// The rest of the line: the note's text.
    pub text: &'a str,
}

/// The lines of `body` that start (after blanks) with a run of `*` or of `†`/`‡`, then blanks,
/// then text; fenced code blocks are skipped. One pass over the body.
pub(crate) fn spaced_notes(body: &str) -> Vec<SpacedNote<'_>> {
    let mut notes = Vec::new();
    let mut in_fence = false;
    let mut next = 0;
    while next < body.len() {
        // The line from `start`, its `\n` included (memchr: most of a body is passed over).
        let start = next;
        next =
            memchr::memchr(b'\n', &body.as_bytes()[start..]).map_or(body.len(), |i| start + i + 1);
        let line = &body[start..next];
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        let lead = line.len() - trimmed.len();
        let run_len = if trimmed.starts_with('*') {
            trimmed.len() - trimmed.trim_start_matches('*').len()
        } else {
            trimmed.len() - trimmed.trim_start_matches(['†', '‡']).len()
        };
        if run_len == 0 {
            continue;
        }
        let (marker, rest) = trimmed.split_at(run_len);
        let text = rest.trim();
        if !rest.starts_with([' ', '\t']) || text.is_empty() {
            continue;
        }
        let at = start + lead;
        notes.push(SpacedNote {
            marker,
            span: Span::new(at, at + run_len),
            text,
        });
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::spaced_notes;

    fn markers(body: &str) -> Vec<(&str, &str)> {
        spaced_notes(body)
            .into_iter()
            .map(|n| {
                assert_eq!(n.span.slice(body), n.marker);
                (n.marker, n.text)
            })
            .collect()
    }

    #[test]
    fn notes_written_with_a_blank_after_the_marker() {
        let body = "The Angorians* wish, the Armenian** question.\n\n* Encircled by Lenin.\r\n  **\tUnderlined by Lenin.\n† Dagger note\n";
        assert_eq!(
            markers(body),
            [
                ("*", "Encircled by Lenin."),
                ("**", "Underlined by Lenin."),
                ("†", "Dagger note")
            ]
        );
    }

    #[test]
    fn other_lines_are_not_notes() {
        assert!(markers("*Unspaced note.\n***\n* \n**bold** text\nText * star\n").is_empty());
        assert!(markers("```\n* in code\n```\n").is_empty());
        assert!(markers("").is_empty());
    }
}
