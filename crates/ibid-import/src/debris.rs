//! Page debris: comment forms, share and like widgets, navigation and post metadata,
//! judged line by line from the phrases of `data/debris.tsv`, each with its reason.

use crate::fields::DebrisEntry;
use crate::placement::{Claims, Place};
use crate::words::words;

/// A line longer than a phrase by more than this is text that happens to start with it.
const MAX_TAIL: usize = 120;
/// After a reply form's heading, lines this short are its fields and buttons.
const FORM_FIELD_CHARS: usize = 40;

/// Claim the lines of `lines` that are debris; return them with their reasons.
pub(crate) fn judge(lines: &[String], claims: &mut Claims) -> Vec<DebrisEntry> {
    let mut found = Vec::new();
    let mut in_form = false;
    for (i, line) in lines.iter().enumerate() {
        if !claims.is_free(i) || line.trim().is_empty() {
            continue;
        }
        let reason = phrase_reason(line).or_else(|| {
            (in_form && line.trim().chars().count() <= FORM_FIELD_CHARS)
                .then_some("comment form: a field or button after the reply form's heading")
        });
        match reason {
            Some(reason) => {
                in_form |= reason.starts_with("comment form");
                claims.claim(i, Place::Debris);
                found.push(DebrisEntry {
                    line: i + 1,
                    column: 1,
                    text: line.clone(),
                    reason: reason.to_string(),
                    part_of_line: false,
                });
            }
            None => in_form = false,
        }
    }
    found
}

/// The reason `line` is debris, when it is or starts with a debris phrase.
fn phrase_reason(line: &str) -> Option<&'static str> {
    let lower = line.trim().to_lowercase();
    words()
        .debris
        .iter()
        .find(|(phrase, _)| {
            lower.starts_with(phrase)
                && lower.len() - phrase.len() <= MAX_TAIL
                && lower[phrase.len()..]
                    .chars()
                    .next()
                    .map_or(true, |c| !c.is_alphanumeric())
        })
        .map(|(_, reason)| *reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &[&str]) -> Vec<String> {
        s.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn a_reply_form_and_its_fields() {
        let page = lines(&[
            "The end of the letter.",
            "Leave a Reply",
            "Your email address will not be published. Required fields are marked *",
            "Comment",
            "Name *",
            "Tweetable thoughts are not debris, being a sentence of the text itself.",
        ]);
        let mut claims = Claims::new(page.len());
        let found = judge(&page, &mut claims);
        let at: Vec<usize> = found.iter().map(|d| d.line).collect();
        assert_eq!(at, [2, 3, 4, 5]);
        assert!(claims.is_free(0) && claims.is_free(5));
        assert!(found[0].reason.starts_with("comment form"));
    }
}
