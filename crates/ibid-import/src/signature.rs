//! The letter's closing signature (`N. Narimanov`, `Н. Нариманов`) on the last text line
//! of the body, and the list-number artefact a page's markup may put before it
//! (`1. Narimanov`: a one-item numbered list), which is debris with its reason.

use crate::fields::{DebrisEntry, Origin};
use crate::hands::{Mention, Use};
use crate::names::{trailing_name, NameAt};
use crate::placement::{Claims, Place};

/// A signature line has at most this many words.
const MAX_WORDS: usize = 8;

/// The signature found, with the debris before it, if any.
#[derive(Debug, Default)]
pub(crate) struct Closing {
    pub debris: Option<DebrisEntry>,
}

/// Read the signature on the body's last text line; add it as an author mention when the
/// title gave none; claim a list-number artefact before it.
pub(crate) fn find(lines: &[String], claims: &mut Claims, mentions: &mut Vec<Mention>) -> Closing {
    let mut closing = Closing::default();
    let Some(i) = (0..lines.len())
        .rev()
        .find(|&i| claims.is_free(i) && !lines[i].trim().is_empty())
    else {
        return closing;
    };
    let line = &lines[i];
    let (number, rest) = split_list_number(line);
    let Some(name) = signature_line(rest) else {
        return closing;
    };
    let written = &rest[name.start..name.end];
    let origin = Origin::within(i, line, written);
    if !mentions.iter().any(|m| m.used_by == Use::Author) {
        mentions.push(Mention::new(&name, true, origin, Use::Author));
    } else {
        // The signature still gives the nominative form and initials of the author.
        let author_surname = mentions
            .iter()
            .find(|m| m.used_by == Use::Author)
            .map(|m| m.surname.clone());
        if author_surname.is_some_and(|s| crate::names::same_surname(&s, &name.surname())) {
            mentions.push(Mention::new(&name, true, origin, Use::Author));
        }
    }
    if let Some(prefix) = number {
        let previous = (0..i).rev().find(|&k| !lines[k].trim().is_empty());
        let in_a_list = previous.is_some_and(|k| split_list_number(&lines[k]).0.is_some());
        if !in_a_list && claims.claim(i, Place::DebrisThenBody) {
            closing.debris = Some(DebrisEntry {
                line: i + 1,
                column: 1,
                text: prefix.to_string(),
                reason: "list-number artefact: a one-item numbered list made of the signature line"
                    .to_string(),
                part_of_line: true,
            });
        }
    }
    closing
}

/// `  1. Narimanov` → (`  1. `, `Narimanov`).
pub(crate) fn split_list_number(line: &str) -> (Option<&str>, &str) {
    let t = line.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        if let Some(after) = t[digits..].strip_prefix(['.', ')']) {
            let rest = after.trim_start();
            if after.len() > rest.len() && !rest.is_empty() {
                let cut = line.len() - rest.len();
                return (Some(&line[..cut]), rest);
            }
        }
    }
    (None, line)
}

/// A line that is a name and nothing much else.
fn signature_line(text: &str) -> Option<NameAt> {
    let t = text.trim_end();
    if t.split_whitespace().count() > MAX_WORDS || t.ends_with(['?', '!', ',', ':']) {
        return None;
    }
    let name = trailing_name(t)?;
    // Either the whole line is the name, or a role before it (`Председатель Азревкома`).
    let before = t[..name.start].trim();
    let lone_ok = name.initials() > 0 || before.is_empty();
    (lone_ok && (before.is_empty() || !before.ends_with('.'))).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_signature() {
        let lines: Vec<String> = ["Text of the letter.", "", "  1. Narimanov", ""]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut claims = Claims::new(lines.len());
        let mut mentions = Vec::new();
        let closing = find(&lines, &mut claims, &mut mentions);
        assert_eq!(closing.debris.unwrap().text, "  1. ");
        assert_eq!(mentions[0].name, "Narimanov");
        assert_eq!(claims.place(2), Some(Place::DebrisThenBody));
    }

    #[test]
    fn lines_that_are_not_signatures() {
        assert!(signature_line("What could happen then?").is_none());
        assert!(signature_line(
            "I categorically assert that we need to enter an agreement with Angora"
        )
        .is_none());
        assert_eq!(
            signature_line("Председатель Азревкома Н. Нариманов")
                .unwrap()
                .written,
            "Н. Нариманов"
        );
        assert_eq!(split_list_number("12) Kalinin").1, "Kalinin");
    }
}
