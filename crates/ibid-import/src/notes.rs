//! Notes: markers in the body (`*`…`****`, `†`, `‡`, `[1]`, `¹`, `(a)`) and the lines that
//! explain them (`*The word was encircled by Lenin.`) → `[[notes]]` with the kind of mark
//! and what it applies to from the wording (`data/marks.tsv`, `data/targets.tsv`) and the
//! hand from `by X` / `von X` / `par X` / a Russian name in the instrumental.

use crate::fields::{Found, Origin};
use crate::hands::{Mention, Use};
use crate::names::{leading_name, trailing_name};
use crate::placement::{Claims, Place};
use crate::source::strip_label;
use crate::words::{words, Role};

/// A note read from an explanation line, before its hand is resolved.
#[derive(Debug, Clone)]
pub(crate) struct RawNote {
    pub marker: String,
    pub text: Found,
    pub kind: Option<Found>,
    pub target: Option<Found>,
}

/// Markers explained and used, their explanation lines claimed; hand mentions added to
/// `mentions`; markers used in the body but explained nowhere returned as the third value.
pub(crate) fn find(
    lines: &[String],
    claims: &mut Claims,
    mentions: &mut Vec<Mention>,
) -> (Vec<RawNote>, Vec<(String, Origin)>, Vec<Found>) {
    let candidates: Vec<(usize, &str, &str)> = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| claims.is_free(*i))
        .filter_map(|(i, l)| {
            let (marker, rest) = marker_at_start(l.trim_start())?;
            Some((i, marker, rest))
        })
        .collect();
    let explained: Vec<usize> = candidates.iter().map(|c| c.0).collect();
    let uses = body_markers(lines, claims, &explained);
    let mut notes = Vec::new();
    for (i, marker, rest) in candidates {
        let Some(use_at) = uses.iter().find(|u| u.marker == marker) else {
            continue;
        };
        if notes.iter().any(|n: &RawNote| n.marker == marker) {
            continue;
        }
        let line = &lines[i];
        let text = rest.trim_end();
        let origin = Origin::within(i, line, text);
        let lower = text.to_lowercase();
        let kind = words().mark_in(&lower).map(|(phrase, kind)| {
            Found::read_as(kind, origin.clone(), format!("the note says “{phrase}”"))
        });
        let target = lower
            .split(|c: char| !c.is_alphabetic())
            .find_map(|w| words().targets.get(w).map(|t| (w, *t)))
            .map(|(w, t)| Found::read_as(t, origin.clone(), format!("the note says “{w}”")))
            .or_else(|| {
                use_at.after_word.then(|| {
                    Found::inferred(
                        "word",
                        format!(
                            "the marker follows a word at {}:{}",
                            use_at.origin.line, use_at.origin.column
                        ),
                    )
                })
            });
        if let Some(name) = hand_in(text) {
            let name_text = &text[name.start..name.end];
            let at = Origin::within(i, line, name_text);
            mentions.push(Mention::new(&name, false, at, Use::Note(notes.len())));
        }
        claims.claim(i, Place::Notes);
        notes.push(RawNote {
            marker: marker.to_string(),
            text: Found::read(text, origin),
            kind,
            target,
        });
    }
    let headings = claim_headers(lines, claims);
    let unexplained = uses
        .into_iter()
        .filter(|u| !notes.iter().any(|n| n.marker == u.marker))
        // `[1]` and `(a)` may be references or enumerations: unexplained only when certain.
        .filter(|u| {
            !u.marker.starts_with('(') && (!u.marker.starts_with('[') || u.marker.contains('^'))
        })
        .fold(Vec::new(), |mut acc: Vec<(String, Origin)>, u| {
            if !acc.iter().any(|(m, _)| *m == u.marker) {
                acc.push((u.marker, u.origin));
            }
            acc
        });
    (notes, unexplained, headings)
}

/// A "Notes:" line just before a claimed note goes with the notes.
fn claim_headers(lines: &[String], claims: &mut Claims) -> Vec<Found> {
    let mut headings = Vec::new();
    for i in 0..lines.len() {
        if claims.place(i) != Some(Place::Notes) {
            continue;
        }
        let mut j = i;
        while j > 0 {
            j -= 1;
            let l = lines[j].trim();
            if l.is_empty() {
                continue;
            }
            if claims.is_free(j) && matches!(strip_label(l, Role::Notes), Some((_, ""))) {
                claims.claim(j, Place::Notes);
                headings.push(Found::read_as(
                    l,
                    Origin::within(j, &lines[j], l),
                    "the heading of the notes",
                ));
            }
            break;
        }
    }
    headings
}

/// The name of whoever made the mark: after the last `by` / `von` / `par` / `рукой`, else
/// (Russian notes) a name ending the note that is not its first word.
fn hand_in(text: &str) -> Option<crate::names::NameAt> {
    // A space before the text lets `Von Lenin unterstrichen` match ` von `.
    let spaced = format!(" {text}");
    let lower = spaced.to_lowercase();
    let mut best = None;
    for by in words().labels(Role::MarkBy) {
        let needle = format!(" {} ", by.to_lowercase());
        for (at, _) in lower.match_indices(&needle) {
            // Offsets in `lower` are those of `spaced` (lower-casing these scripts keeps
            // lengths); one less is the offset in `text`.
            let Some(from) = (at + needle.len()).checked_sub(1) else {
                continue;
            };
            if let Some(mut name) = text.get(from..).and_then(leading_name) {
                name.start += from;
                name.end += from;
                if best
                    .as_ref()
                    .map_or(true, |b: &crate::names::NameAt| b.start < name.start)
                {
                    best = Some(name);
                }
            }
        }
    }
    best.or_else(|| trailing_name(text).filter(|n| n.start > 0))
}

/// A marker at the start of a line, and the text after it.
pub(crate) fn marker_at_start(line: &str) -> Option<(&str, &str)> {
    let first = line.chars().next()?;
    let end = match first {
        '*' | '†' | '‡' => line.find(|c| c != first).unwrap_or(line.len()),
        '¹' | '²' | '³' | '⁰'..='⁹' => line
            .find(|c: char| !is_superscript(c))
            .unwrap_or(line.len()),
        '[' => {
            let close = line.find(']')?;
            let inner = line[1..close].trim_start_matches('^');
            if inner.is_empty() || inner.len() > 3 || !inner.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            close + 1
        }
        '(' => {
            let close = line.find(')')?;
            let inner = &line[1..close];
            let ok = (inner.chars().count() == 1 && inner.chars().all(|c| c.is_lowercase()))
                || (!inner.is_empty()
                    && inner.len() <= 2
                    && inner.chars().all(|c| c.is_ascii_digit()));
            if !ok {
                return None;
            }
            close + 1
        }
        _ => return None,
    };
    let marker = &line[..end];
    if first == '*' && marker.len() > 6 {
        return None;
    }
    let rest = line[end..].trim_start_matches([' ', ':', '\u{a0}']);
    // The explanation must be words, not another marker or nothing.
    rest.chars()
        .next()
        .filter(|c| c.is_alphanumeric() || matches!(c, '«' | '“' | '"' | '„'))?;
    Some((marker, rest))
}

fn is_superscript(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '⁰'..='⁹')
}

/// A marker used in the body.
#[derive(Debug, Clone)]
struct MarkerUse {
    marker: String,
    origin: Origin,
    after_word: bool,
}

/// Markers used in the free lines other than the explanation lines: runs of `*`, `†`, `‡`
/// and superscript digits after a word or closing punctuation; `[1]`, `[^1]`, `(a)` after
/// a word.
fn body_markers(lines: &[String], claims: &Claims, skip: &[usize]) -> Vec<MarkerUse> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !claims.is_free(i) || skip.contains(&i) {
            continue;
        }
        let mut at = 0;
        while at < line.len() {
            // Jump to the next character that can start a marker.
            let Some(skip) = line[at..]
                .find(|c: char| matches!(c, '*' | '†' | '‡' | '[' | '(') || is_superscript(c))
            else {
                break;
            };
            at += skip;
            let Some(c) = line[at..].chars().next() else {
                break;
            };
            let prev = line[..at].chars().next_back();
            let after_text = prev.is_some_and(|p| !p.is_whitespace());
            let run = |pred: &dyn Fn(char) -> bool| {
                at + line[at..]
                    .find(|x: char| !pred(x))
                    .unwrap_or(line.len() - at)
            };
            let (end, is_marker) = match c {
                '*' | '†' | '‡' => {
                    let end = run(&|x| x == c);
                    let ok =
                        after_text && (c != '*' || (end - at <= 6 && !is_emphasis(line, at, end)));
                    (end, ok)
                }
                c if is_superscript(c) => {
                    let end = run(&is_superscript);
                    (end, after_text && prev.is_some_and(|p| !p.is_ascii_digit()))
                }
                '[' | '(' => match bracket_marker(&line[at..]) {
                    Some(m) => (at + m.len(), true),
                    None => (at + 1, false),
                },
                _ => (at + c.len_utf8(), false),
            };
            if is_marker {
                let marker = &line[at..end];
                out.push(MarkerUse {
                    marker: marker.to_string(),
                    origin: Origin::at(i, line, at, marker),
                    after_word: prev.is_some_and(|p| {
                        p.is_alphanumeric() || matches!(p, '.' | ',' | '»' | '”' | '’')
                    }),
                });
            }
            at = end.max(at + c.len_utf8());
        }
    }
    out
}

/// `[1]`, `[^1]`, `(a)` at the start of `s`.
fn bracket_marker(s: &str) -> Option<&str> {
    let close = if s.starts_with('[') { ']' } else { ')' };
    let end = s.find(close)?;
    let inner = s[1..end].trim_start_matches('^');
    let ok = if close == ']' {
        !inner.is_empty() && inner.len() <= 3 && inner.chars().all(|c| c.is_ascii_digit())
    } else {
        inner.chars().count() == 1 && inner.chars().all(|c| c.is_lowercase())
    };
    ok.then(|| &s[..=end])
}

/// `*word*` or `**bold**`: an asterisk run that opens Markdown emphasis closed later on
/// the line is not a marker; nor is one that closes emphasis opened before.
fn is_emphasis(line: &str, at: usize, end: usize) -> bool {
    let run = &line[at..end];
    let before = &line[..at];
    let after = &line[end..];
    let opens_here = after.starts_with(|c: char| !c.is_whitespace()) && after.contains(run);
    let closes_here = before.contains(run)
        && before
            .rfind(run)
            .is_some_and(|p| line[p + run.len()..].starts_with(|c: char| !c.is_whitespace()));
    (opens_here && !before.ends_with(char::is_alphanumeric))
        || (closes_here && is_markdown_pair(before, run))
}

fn is_markdown_pair(before: &str, run: &str) -> bool {
    before
        .rfind(run)
        .is_some_and(|p| p == 0 || before[..p].ends_with(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_at_line_starts() {
        assert_eq!(marker_at_start("*The word"), Some(("*", "The word")));
        assert_eq!(
            marker_at_start("**** Underlined"),
            Some(("****", "Underlined"))
        );
        assert_eq!(
            marker_at_start("[1] Подчеркнуто"),
            Some(("[1]", "Подчеркнуто"))
        );
        assert_eq!(marker_at_start("[^2]: Note"), Some(("[^2]", "Note")));
        assert_eq!(
            marker_at_start("¹ Unterstrichen"),
            Some(("¹", "Unterstrichen"))
        );
        assert_eq!(marker_at_start("(a) Souligné"), Some(("(a)", "Souligné")));
        assert_eq!(marker_at_start("(Moscow) is"), None);
        assert_eq!(marker_at_start("* "), None);
    }

    #[test]
    fn seed_notes() {
        let lines: Vec<String> = [
            "the Angorians* sincerely wish",
            "the Armenian** question, and what****. <…>",
            "Required fields are *emphasised* here",
            "",
            "*The word was encircled by Lenin.",
            "**Underlined by Lenin.",
            "****Underlined by Narimanov.",
            "***Surrounded by lines.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut claims = Claims::new(lines.len());
        let mut mentions = Vec::new();
        let (notes, unexplained, _) = find(&lines, &mut claims, &mut mentions);
        let got: Vec<(&str, Option<&str>)> = notes
            .iter()
            .map(|n| (n.marker.as_str(), n.kind.as_ref().map(|k| k.value.as_str())))
            .collect();
        assert_eq!(
            got,
            [
                ("*", Some("encircled")),
                ("**", Some("underlined")),
                ("****", Some("underlined"))
            ]
        );
        assert!(unexplained.is_empty());
        assert!(claims.is_free(7), "*** is used nowhere in the body");
        let hands: Vec<&str> = mentions.iter().map(|m| m.surname.as_str()).collect();
        assert_eq!(hands, ["Lenin", "Lenin", "Narimanov"]);
    }
}
