//! The document's head: the dateline (`February 16, 1921`, `Moscou, le 16 février 1921`)
//! with its place, the title (a line matching a pattern of `data/titles.tsv`, else the
//! heading above the dateline) with the kind, author and recipient it names, and the
//! page's preamble before the title.

use crate::dates::{find_date, iso};
use crate::fields::{Found, Origin};
use crate::hands::{Mention, Use};
use crate::names::{leading_name, trailing_name, NameAt};
use crate::placement::{Claims, Place};
use crate::words::{find_ci, strip_prefix_ci, words};
use ibid_parse::parse_date;

/// The dateline is looked for among the first this many text lines.
const DATELINE_WINDOW: usize = 25;
/// A heading longer than this is a paragraph.
const MAX_TITLE_CHARS: usize = 400;

/// What the head of the page gave.
#[derive(Debug, Default)]
pub(crate) struct Head {
    pub title: Option<Found>,
    pub date: Option<Found>,
    pub place: Option<Found>,
    pub kind: Option<Found>,
    /// Line of the title, from 0.
    pub title_line: Option<usize>,
    /// Line of the dateline, from 0.
    pub dateline: Option<usize>,
    /// The preamble's text and origin.
    pub preamble: Option<Found>,
}

/// Read the head; claim the preamble; add author and recipient mentions.
pub(crate) fn find(lines: &[String], claims: &mut Claims, mentions: &mut Vec<Mention>) -> Head {
    let mut head = Head::default();
    let text_lines: Vec<usize> = (0..lines.len())
        .filter(|&i| claims.is_free(i) && !lines[i].trim().is_empty())
        .collect();
    if let Some((i, date, place)) = text_lines
        .iter()
        .take(DATELINE_WINDOW)
        .find_map(|&i| dateline(&lines[i]).map(|(d, p)| (i, d, p)))
    {
        head.dateline = Some(i);
        head.date = Some(date.relocate(i, &lines[i]));
        head.place = place.map(|p| p.relocate(i, &lines[i]));
    }
    let before_dateline: Vec<usize> = text_lines
        .iter()
        .copied()
        .take_while(|&i| head.dateline.map_or(true, |d| i < d))
        .take(DATELINE_WINDOW)
        .collect();
    let patterned = before_dateline
        .iter()
        .rev()
        .find_map(|&i| title_pattern(&lines[i]).map(|m| (i, m)));
    match patterned {
        Some((i, m)) => {
            let line = &lines[i];
            let title = heading_text(line);
            head.title = Some(Found::read_as(
                title,
                Origin::within(i, line, title),
                format!("matches the title pattern “{}”", m.pattern),
            ));
            head.title_line = Some(i);
            head.kind = Some(Found::read_as(
                m.kind,
                Origin::within(i, line, m.kind_word(title)),
                format!("the title pattern “{}”", m.pattern),
            ));
            for (name, used_by) in [(m.author, Use::Author), (m.recipient, Use::Recipient)] {
                if let Some(name) = name {
                    let written = &title[name.start..name.end];
                    let origin = Origin::within(i, line, written);
                    mentions.push(Mention::new(&name, m.nominative, origin, used_by));
                }
            }
            claim_preamble(lines, claims, &text_lines, i, &mut head);
        }
        None => {
            let candidate = match head.dateline {
                Some(_) => before_dateline.last().copied(),
                None => text_lines.first().copied(),
            };
            if let Some(i) = candidate.filter(|&i| plausible_heading(&lines[i])) {
                let line = &lines[i];
                let title = heading_text(line);
                let basis = if head.dateline.is_some() {
                    "the heading above the dateline"
                } else {
                    "the first line of the page"
                };
                head.title = Some(Found::read_as(title, Origin::within(i, line, title), basis));
                head.title_line = Some(i);
            }
        }
    }
    if head.date.is_none() {
        if let (Some(title), Some(i)) = (&head.title, head.title_line) {
            if let Some(d) = find_date(&title.value, true) {
                let written = d.written(&title.value);
                let line = &lines[i];
                let origin = Origin::within(
                    i,
                    line,
                    line.find(written)
                        .map_or(written, |at| &line[at..at + written.len()]),
                );
                head.date =
                    iso(&d.date).map(|v| Found::read_as(v, origin, "the date in the title"));
            }
        }
    }
    head
}

/// The lines before a patterned title that is not the page's first text line: the page's
/// headline and introduction.
fn claim_preamble(
    lines: &[String],
    claims: &mut Claims,
    text_lines: &[usize],
    title: usize,
    head: &mut Head,
) {
    let Some(&first) = text_lines.first() else {
        return;
    };
    if first >= title {
        return;
    }
    let mut end = title;
    while end > first && lines[end - 1].trim().is_empty() {
        end -= 1;
    }
    for k in 0..end {
        if claims.is_free(k) {
            claims.claim(k, Place::Preamble);
        }
    }
    let text: Vec<&str> = (0..end)
        .filter(|&k| claims.place(k) == Some(Place::Preamble))
        .map(|k| lines[k].as_str())
        .collect();
    let joined = text.join("\n");
    head.preamble = Some(Found::read_as(
        joined,
        Origin::at(0, &lines[0], 0, &lines[0]),
        format!("the page's text before the title on line {}", title + 1),
    ));
}

/// A heading's text: the line trimmed, without a Markdown heading's `#` marks.
fn heading_text(line: &str) -> &str {
    let t = line.trim();
    match t.trim_start_matches('#') {
        rest if rest.len() < t.len() && rest.starts_with(' ') => rest.trim_start(),
        _ => t,
    }
}

/// A short line that can be a heading: not a salutation, not a sentence run on.
fn plausible_heading(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() <= MAX_TITLE_CHARS
        && !t.ends_with([',', ':', ';'])
        && !t.starts_with(['*', '†', '[', '<'])
}

impl Found {
    /// A value found in `line` alone, given its line number (from 0).
    fn relocate(mut self, i: usize, line: &str) -> Found {
        if let Some(from) = &mut self.from {
            let at = line.find(&from.text).unwrap_or(0);
            *from = Origin::at(i, line, at, &from.text);
        }
        self
    }
}

/// A dateline: a date alone, or after a place (`Moscou, le 16 février 1921`).
fn dateline(line: &str) -> Option<(Found, Option<Found>)> {
    let t = line.trim();
    if t.chars().count() > 60 {
        return None;
    }
    if let Some(date) = full_date(t) {
        return Some((date, None));
    }
    let (place, rest) = t.split_once(", ").or_else(|| t.split_once(" — "))?;
    let place_ok = !place.is_empty()
        && place.starts_with(char::is_uppercase)
        && place.split_whitespace().count() <= 4
        && !place.chars().any(|c| c.is_ascii_digit());
    if !place_ok {
        return None;
    }
    let mut rest = rest.trim();
    for article in ["le ", "den ", "am ", "от ", "the "] {
        if let Some(r) = strip_prefix_ci(rest, article) {
            rest = r;
        }
    }
    let date = full_date(rest)?;
    Some((date, Some(Found::read(place, Origin::at(0, t, 0, place)))))
}

/// `text` read whole as a date with at least a month and a year, in ISO form.
fn full_date(text: &str) -> Option<Found> {
    let t = text
        .strip_suffix('.')
        .filter(|r| !r.ends_with(" г"))
        .unwrap_or(text);
    let parsed = parse_date(t);
    if !parsed.errors.is_empty() || parsed.remainder.is_some() {
        return None;
    }
    let date = parsed.value?;
    date.month?;
    let value = iso(&date)?;
    Some(Found::read_as(
        value,
        Origin::at(0, t, 0, t),
        format!("the dateline “{t}”"),
    ))
}

/// A title matched against a pattern.
#[derive(Debug)]
pub(crate) struct TitleMatch {
    pub pattern: &'static str,
    pub kind: &'static str,
    pub author: Option<NameAt>,
    pub recipient: Option<NameAt>,
    /// Whether the names stand in the nominative (English and French titles), not in a
    /// case the construction asks for (`Письмо Нариманова — Ленину`, `Brief Narimanovs`).
    pub nominative: bool,
}

impl TitleMatch {
    /// The word of the title that names the kind (its first literal word).
    fn kind_word<'t>(&self, title: &'t str) -> &'t str {
        let word = self
            .pattern
            .split(['{', '}', ' '])
            .find(|w| w.chars().count() > 3 && !w.contains('’') && !w.contains('\''))
            .unwrap_or("");
        find_ci(title, word).map_or(title, |at| &title[at..at + word.len()])
    }
}

/// The first pattern of `data/titles.tsv` that `line` matches.
pub(crate) fn title_pattern(line: &str) -> Option<TitleMatch> {
    let title = heading_text(line);
    if title.chars().count() > MAX_TITLE_CHARS {
        return None;
    }
    words().titles.iter().find_map(|p| {
        let (author, recipient) = match_pattern(title, p.pattern)?;
        let author = author.and_then(|(s, e)| {
            shift(
                trailing_name(&title[s..e]).or_else(|| leading_name(&title[s..e])),
                s,
            )
        });
        // A recipient is the name the slot starts with, never a word further on
        // (`au Président du Conseil` names an office, not a person).
        let recipient = recipient.and_then(|(s, e)| shift(leading_name(&title[s..e]), s));
        if author.is_none() && recipient.is_none() {
            return None;
        }
        Some(TitleMatch {
            pattern: p.pattern,
            kind: p.kind,
            author,
            recipient,
            nominative: p.nominative,
        })
    })
}

fn shift(name: Option<NameAt>, by: usize) -> Option<NameAt> {
    name.map(|mut n| {
        n.start += by;
        n.end += by;
        n
    })
}

/// Byte ranges of `{author}` and `{recipient}` in `title` for `pattern`.
type Slot = Option<(usize, usize)>;

fn match_pattern(title: &str, pattern: &str) -> Option<(Slot, Slot)> {
    let mut parts: Vec<&str> = Vec::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}')? + open;
        parts.push(&rest[..open]);
        parts.push(&rest[open..=close]);
        rest = &rest[close + 1..];
    }
    parts.push(rest);
    let mut pos = 0;
    let mut slots: Vec<(&str, usize)> = Vec::new();
    let (mut author, mut recipient) = (None, None);
    for part in parts.into_iter().filter(|p| !p.is_empty()) {
        if part.starts_with('{') {
            slots.push((part, pos));
            continue;
        }
        let at = if slots.last().is_some_and(|(_, s)| *s == pos) {
            pos + find_ci(&title[pos..], part)?
        } else {
            strip_prefix_ci(&title[pos..], part)?;
            pos
        };
        if let Some((slot, start)) = slots.pop() {
            let range = Some((start, at)).filter(|(s, e)| e > s);
            match slot {
                "{author}" => author = range,
                _ => recipient = range,
            }
        }
        pos = at + matched_len(&title[at..], part);
    }
    if let Some((slot, start)) = slots.pop() {
        let range = Some((start, title.len())).filter(|(s, e)| e > s);
        match slot {
            "{author}" => author = range,
            _ => recipient = range,
        }
    } else if pos != title.len() {
        return None;
    }
    Some((author, recipient))
}

/// The length in `text` of `literal` matched case aside at its start.
fn matched_len(text: &str, literal: &str) -> usize {
    strip_prefix_ci(text, literal).map_or(0, |rest| text.len() - rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(line: &str) -> Option<(String, String, String)> {
        let m = title_pattern(line)?;
        let t = heading_text(line);
        let get = |n: &Option<NameAt>| {
            n.as_ref()
                .map(|n| t[n.start..n.end].to_string())
                .unwrap_or_default()
        };
        Some((m.kind.to_string(), get(&m.author), get(&m.recipient)))
    }

    #[test]
    fn title_patterns_in_four_languages() {
        let seed = "Letter of the chairman of the Azerbaijani revkom Narimanov to Lenin in support of the territorial expansion";
        assert_eq!(
            names(seed),
            Some(("letter".into(), "Narimanov".into(), "Lenin".into()))
        );
        assert_eq!(
            names("Narimanov’s Letter to Lenin in Support of the Turkish Expansion"),
            Some(("letter".into(), "Narimanov".into(), "Lenin".into()))
        );
        assert_eq!(
            names("Письмо председателя Азревкома Н. Нариманова — В. И. Ленину"),
            Some((
                "letter".into(),
                "Н. Нариманова".into(),
                "В. И. Ленину".into()
            ))
        );
        assert_eq!(
            names("Brief von N. Narimanow an W. I. Lenin"),
            Some(("letter".into(), "N. Narimanow".into(), "W. I. Lenin".into()))
        );
        assert_eq!(
            names("Lettre de N. Narimanov à V. I. Lénine"),
            Some((
                "letter".into(),
                "N. Narimanov".into(),
                "V. I. Lénine".into()
            ))
        );
        assert_eq!(names("A letter was written"), None);
        assert_eq!(
            names("## Letter of A. Bell to C. Dunn").map(|n| n.1),
            Some("A. Bell".into())
        );
    }

    #[test]
    fn datelines() {
        let (d, p) = dateline("Moscou, le 16 février 1921").unwrap();
        assert_eq!(
            (d.value.as_str(), p.unwrap().value.as_str()),
            ("1921-02-16", "Moscou")
        );
        assert_eq!(
            dateline("16 февраля 1921 г.").unwrap().0.value,
            "1921-02-16"
        );
        assert_eq!(dateline("16. Februar 1921").unwrap().0.value, "1921-02-16");
        assert_eq!(dateline("February 16, 1921").unwrap().0.value, "1921-02-16");
        assert!(dateline("Dear Vladimir Ilyich,").is_none());
    }
}
