//! Annotation blocks: a heading ("The letter contains notes and remarks:", "Пометы на
//! документе:", "Randvermerke:", "Резолюция:", "Note manuscrite :") followed by numbered
//! or bulleted entries (or the text on the heading's own line) → `[[annotations]]` with
//! the number, the hand ("By Lenin:", "Unknown handwriting:", a signature at the end such
//! as `L. Kamenev.` or `N. B[ukharin].`), the date as written, and the text.

use crate::dates::find_date;
use crate::fields::{Found, Origin};
use crate::hands::{Mention, UnknownHand, Use};
use crate::names::{leading_name, may_be_lone_name, trailing_name};
use crate::placement::{Claims, Place};
use crate::source::strip_label;
use crate::words::{strip_prefix_ci, words, Role};

/// An annotation read from the page, before its hand is resolved.
#[derive(Debug, Clone)]
pub(crate) struct RawAnnotation {
    pub n: Option<u32>,
    pub date: Option<Found>,
    pub text: Found,
}

/// Claim annotation blocks and read their entries; hand mentions go to `mentions` and
/// `unknown`.
pub(crate) fn find(
    lines: &[String],
    claims: &mut Claims,
    mentions: &mut Vec<Mention>,
    unknown: &mut Vec<UnknownHand>,
) -> (Vec<RawAnnotation>, Vec<Found>) {
    let mut out = Vec::new();
    let mut headings = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let free = claims.is_free(i);
        let header = free
            .then(|| strip_label(lines[i].trim_start(), Role::Annotations))
            .flatten();
        let Some((label, inline)) = header else {
            i += 1;
            continue;
        };
        let mut entries: Vec<(usize, Option<u32>, &str)> = Vec::new();
        if !inline.is_empty() {
            entries.push((i, None, inline));
        }
        let mut j = i + 1;
        let mut last = i;
        while j < lines.len() && claims.is_free(j) {
            let line = &lines[j];
            if line.trim().is_empty() {
                j += 1;
                continue;
            }
            match entry_start(line) {
                Some((n, rest)) => {
                    entries.push((j, n, rest));
                    last = j;
                    j += 1;
                }
                None => break,
            }
        }
        if entries.is_empty() {
            i += 1;
            continue;
        }
        for k in i..=last {
            claims.claim(k, Place::Annotations);
        }
        let heading = if inline.is_empty() {
            lines[i].trim()
        } else {
            label
        };
        headings.push(Found::read_as(
            heading,
            Origin::within(i, &lines[i], heading),
            "the heading of a block of annotations",
        ));
        for (line_no, n, rest) in entries {
            let index = out.len();
            out.push(read_entry(
                lines, line_no, n, rest, index, mentions, unknown,
            ));
        }
        i = last + 1;
    }
    (out, headings)
}

/// `1. text`, `12) text`, `- text`, `• text` → the number and the text.
fn entry_start(line: &str) -> Option<(Option<u32>, &str)> {
    let t = line.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &t[digits..];
        let rest = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')'))?;
        if !rest.starts_with([' ', '\t', '\u{a0}']) {
            return None;
        }
        let n = t[..digits].parse().ok();
        return Some((n, rest.trim()));
    }
    // `* ` is left out: an asterisk at a line's start is a note's marker.
    for bullet in ["- ", "– ", "— ", "• ", "· "] {
        if let Some(rest) = t.strip_prefix(bullet) {
            return Some((None, rest.trim()));
        }
    }
    None
}

/// One entry: hand prefix, quotes, date and signature.
fn read_entry(
    lines: &[String],
    i: usize,
    n: Option<u32>,
    rest: &str,
    index: usize,
    mentions: &mut Vec<Mention>,
    unknown: &mut Vec<UnknownHand>,
) -> RawAnnotation {
    let line = &lines[i];
    let used_by = Use::Annotation(index);
    let mut text = rest;
    let mut hand_found = false;
    if let Some((label, after)) = unknown_prefix(text) {
        unknown.push(UnknownHand {
            label: label.to_string(),
            origin: Origin::within(i, line, label),
            used_by,
        });
        text = after;
        hand_found = true;
    } else if let Some((name, after)) = hand_prefix(text) {
        let written = &text[name.start..name.end];
        mentions.push(Mention::new(
            &name,
            true,
            Origin::within(i, line, written),
            used_by,
        ));
        text = after;
        hand_found = true;
    }
    let text = unquote(text.trim());
    let date = find_date(text, false).map(|d| {
        let written = d.written(text);
        Found::read(written, Origin::within(i, line, written))
    });
    if !hand_found {
        if let Some(name) = signature(text, date.as_ref().map(|d| d.value.as_str())) {
            let written = &text[name.start..name.end];
            mentions.push(Mention::new(
                &name,
                true,
                Origin::within(i, line, written),
                used_by,
            ));
        }
    }
    RawAnnotation {
        n,
        date,
        text: Found::read(text, Origin::within(i, line, text)),
    }
}

/// `Unknown handwriting: …` → the label and the rest.
fn unknown_prefix(text: &str) -> Option<(&str, &str)> {
    words().labels(Role::UnknownHand).find_map(|label| {
        let rest = strip_prefix_ci(text, label)?;
        let after = rest.trim_start().strip_prefix(':')?;
        Some((&text[..label.len()], after.trim_start()))
    })
}

/// `By Lenin: …` → the name and the rest.
fn hand_prefix(text: &str) -> Option<(crate::names::NameAt, &str)> {
    words().labels(Role::Hand).find_map(|label| {
        let rest = strip_prefix_ci(text, label)?;
        let rest = rest.strip_prefix(' ')?;
        let offset = text.len() - rest.len();
        let mut name = leading_name(rest)?;
        let after = rest[name.end..].trim_start().strip_prefix(':')?;
        name.start += offset;
        name.end += offset;
        Some((name, after.trim_start()))
    })
}

/// `“…”` or `«…»` around the whole text (a final full stop after it allowed) → the inside.
fn unquote(text: &str) -> &str {
    let body = text.strip_suffix('.').unwrap_or(text);
    for (open, close) in [('“', '”'), ('«', '»'), ('„', '“'), ('"', '"'), ('‘', '’')]
    {
        if let Some(inner) = body.strip_prefix(open).and_then(|b| b.strip_suffix(close)) {
            if !inner.contains([open, close]) {
                return inner.trim();
            }
        }
    }
    text
}

/// The name that signs `text` at its end (a date after it allowed): with initials, or a
/// surname alone that is not an ordinary word and follows a sentence's end.
fn signature(text: &str, date: Option<&str>) -> Option<crate::names::NameAt> {
    let mut end = text.trim_end().trim_end_matches(['.', '»', '”']).len();
    if let Some(d) = date {
        let head = text[..end].trim_end();
        if let Some(before) = head.strip_suffix(d) {
            end = before.trim_end().trim_end_matches([',', ' ']).len();
        }
    }
    let head = &text[..end];
    let name = trailing_name(head)?;
    if name.initials() > 0 {
        return Some(name);
    }
    let before = head[..name.start].trim_end();
    let boundary = before.is_empty()
        || before.ends_with(['.', ',', '!', '?', ';', ':', '—', '–'])
        || date.is_some_and(|d| before.ends_with(d));
    (boundary && may_be_lone_name(&name.written)).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hand(text: &str) -> Option<String> {
        let date = find_date(text, false).map(|d| d.written(text).to_string());
        signature(text, date.as_deref()).map(|n| n.written)
    }

    #[test]
    fn signatures() {
        assert_eq!(
            hand("C. Stalin! I beg ... back to me. 19/II. Lenin.").as_deref(),
            Some("Lenin")
        );
        assert_eq!(
            hand("L. Serebr[yakov] 22.II.21.").as_deref(),
            Some("L. Serebr[yakov]")
        );
        assert_eq!(hand("22/II. Radek.").as_deref(), Some("Radek"));
        assert_eq!(hand("Read, K[restinsky].").as_deref(), Some("K[restinsky]"));
        assert_eq!(hand("Read."), None);
        assert_eq!(
            hand("To other members of the CK [Central Committee]."),
            None
        );
        assert_eq!(hand("Согласен. И. Сталин").as_deref(), Some("И. Сталин"));
    }

    #[test]
    fn prefixes_and_quotes() {
        let (name, rest) = hand_prefix("By Lenin: “To other members.”").unwrap();
        assert_eq!(
            (name.written.as_str(), unquote(rest)),
            ("Lenin", "To other members.")
        );
        assert_eq!(
            unknown_prefix("Unknown handwriting: “N”, “T”.").unwrap().1,
            "“N”, “T”."
        );
        assert_eq!(unquote("“N”, “T”."), "“N”, “T”.");
        assert_eq!(entry_start("  12. “Read.”"), Some((Some(12), "“Read.”")));
        assert_eq!(entry_start("1921. Year"), None);
    }
}
