//! P002: a declared hand that no note or annotation uses.
//! Reports the hand's id in `[hands]`.

use super::hand_uses;
use crate::codes::Rule;
use crate::diagnostic::Finding;
use crate::rules::markers::spaced_notes;
use crate::rules::DocContext;
use ibid_provenance::works::normalize::exact_key;

/// ## What it does
/// Finds ids in `[hands]` that no `[[notes]]` or `[[annotations]]` entry names in its
/// `hand`. A hand whose name is the document's `author` is the hand the text itself is
/// written in, and is not reported; nor is a hand whose surname a note without a `hand`
/// mentions (`text = "Underlined by Lenin."`, or `**Underlined by Lenin.` written out in
/// the body), since that note names it in words.
///
/// ## Why is this bad?
/// A hand is declared to attribute marks. One that attributes nothing is either left over
/// from an edit, or the notes that should name it name someone else (or nobody).
///
/// ## Example
/// ```toml
/// [hands]
/// lenin = "V. I. Lenin"
/// radek = "K. Radek"
///
/// [[annotations]]
/// hand = "lenin"
/// text = "To other members of the CK [Central Committee]."
/// ```
///
/// Use instead: attribute Radek's annotation, or remove the hand.
/// ```toml
/// [[annotations]]
/// hand = "radek"
/// text = "22/II. Radek."
/// ```
///
/// ## Fix
/// Name the hand in the notes or annotations it made, or remove it. There is no automatic
/// fix.
pub struct UnusedHand;

/// Report unused hands.
pub fn check(ctx: &mut DocContext<'_>) {
    let doc = ctx.doc;
    let uses = hand_uses(doc);
    let authors: Vec<String> = doc.author.iter().map(|a| exact_key(&a.text)).collect();
    for hand in &doc.hands {
        if uses.iter().any(|(_, used)| used.text == hand.id.name) {
            continue;
        }
        if authors.contains(&exact_key(&hand.name.text)) || mentioned(doc, &hand.name.text) {
            continue;
        }
        ctx.report_meta(Finding::new(
            Rule::UnusedHand,
            hand.id.span,
            format!(
                "Hand `{}` ({}) is declared but no note or annotation names it",
                hand.id.name, hand.name.text
            ),
        ));
    }
}

/// The surname of a name: its last word of at least three letters (`Lenin` in `V. I. Lenin`).
fn surname(name: &str) -> Option<String> {
    name.split(|c: char| !c.is_alphabetic())
        .rfind(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
}

/// Whether a note without a `hand` (in the front matter or written out in the body) names
/// `name`'s surname.
fn mentioned(doc: &ibid_provenance::Document, name: &str) -> bool {
    let Some(surname) = surname(name) else {
        return false;
    };
    let says = |text: &str| {
        text.to_lowercase()
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w == surname)
    };
    let in_notes = doc
        .notes
        .iter()
        .filter(|n| n.hand.is_none())
        .filter_map(|n| n.text.as_ref())
        .any(|t| says(&t.text));
    if in_notes {
        return true;
    }
    let body = doc.body_text();
    let in_definitions = doc
        .body
        .marks
        .markers
        .iter()
        .filter(|m| m.role == ibid_provenance::MarkerRole::Definition)
        .any(|m| {
            let rest = body.get(m.span.end..).unwrap_or("");
            let line = rest.split(['\n', '\r']).next().unwrap_or("");
            says(line)
        });
    // Notes written with a blank after the marker (`** Underlined by Lenin.`).
    in_definitions || spaced_notes(body).iter().any(|n| says(n.text))
}

#[cfg(test)]
mod tests {
    use super::surname;

    #[test]
    fn surnames_are_the_last_long_word() {
        assert_eq!(surname("V. I. Lenin").as_deref(), Some("lenin"));
        assert_eq!(surname("Н. Нариманов").as_deref(), Some("нариманов"));
        assert_eq!(
            surname("Unknown handwriting").as_deref(),
            Some("handwriting")
        );
        assert_eq!(surname("A. B.").as_deref(), None);
    }
}
