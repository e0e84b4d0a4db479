//! P001: a note or annotation naming a hand that `[hands]` does not declare.
//! Suggests the closest declared id when the name looks like a misspelling.

use super::hand_uses;
use crate::codes::Rule;
use crate::diagnostic::Finding;
use crate::rules::DocContext;

/// ## What it does
/// Finds `hand = "..."` in `[[notes]]` and `[[annotations]]` that names no id of the
/// document's `[hands]` table, and suggests the closest declared id when there is one.
///
/// ## Why is this bad?
/// The hand is who made the mark on the original. An undeclared id has no name behind it,
/// so the mark is attributed to nobody in every export (TEI `hand="#..."` points nowhere),
/// and a misspelt id (`lenni`) splits one person's marks in two.
///
/// ## Example
/// ```toml
/// [hands]
/// lenin = "V. I. Lenin"
///
/// [[annotations]]
/// hand = "lennin"
/// text = "To other members of the CK [Central Committee]."
/// ```
///
/// Use instead:
/// ```toml
/// [[annotations]]
/// hand = "lenin"
/// text = "To other members of the CK [Central Committee]."
/// ```
///
/// ## Fix
/// Correct the id, or declare the hand in `[hands]`. There is no automatic fix.
pub struct UndeclaredHand;

/// How many undeclared hands of a document get a "did you mean".
const MAX_SUGGESTED: usize = 50;

/// Report undeclared hands.
pub fn check(ctx: &mut DocContext<'_>) {
    let doc = ctx.doc;
    let declared = doc.hands_by_id();
    let mut unknown = 0;
    for (place, hand) in hand_uses(doc) {
        if declared.contains_key(hand.text.as_str()) {
            continue;
        }
        // Each search for a near id reads every hand: only the first few unknown ones get
        // one, so thousands of them cost linear time.
        unknown += 1;
        let ids = doc
            .hands
            .iter()
            .take(if unknown <= MAX_SUGGESTED {
                usize::MAX
            } else {
                0
            })
            .map(|h| h.id.name.as_str());
        let mut finding = Finding::new(
            Rule::UndeclaredHand,
            hand.span,
            format!(
                "Hand `{}` of {place} is not declared in `[hands]`",
                hand.text
            ),
        );
        finding = match ibid_provenance::closest(&hand.text, ids) {
            Some(near) => finding.with_help(format!("did you mean `{near}`?")),
            None => finding.with_help(format!(
                "declare it: `{} = \"Name\"` under `[hands]`",
                hand.text
            )),
        };
        ctx.report_meta(finding);
    }
}
