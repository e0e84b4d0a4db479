//! Provenance rules (`P`): hands, translations and the front-matter keys and values
//! themselves, checked against the format (`docs/format.md`).

pub mod inconsistent_translation;
pub mod invalid_value;
pub mod undeclared_hand;
pub mod unknown_key;
pub mod unused_hand;

use crate::rules::KeyPath;
use ibid_provenance::{Document, Text};

/// Every `hand = "..."` of the document's notes and annotations, with where it is used.
pub(crate) fn hand_uses(doc: &Document) -> Vec<(KeyPath, &Text)> {
    let mut uses = Vec::new();
    for (i, note) in doc.notes.iter().enumerate() {
        if let Some(hand) = &note.hand {
            uses.push((KeyPath::item("notes", i, None), hand));
        }
    }
    for (i, annotation) in doc.annotations.iter().enumerate() {
        if let Some(hand) = &annotation.hand {
            uses.push((KeyPath::item("annotations", i, None), hand));
        }
    }
    uses.sort_by_key(|(_, t)| t.span.start);
    uses
}
