//! M003: a gap in a marker sequence (`*` and `***` with no `**`, `[^1]` and `[^3]`).
//! Collects the markers of the body and the notes by family and finds the missing steps.

use crate::codes::Rule;
use crate::diagnostic::Finding;
use crate::rules::DocContext;
use ibid_parse::Span;
use std::collections::BTreeMap;

/// ## What it does
/// Finds sequences of note markers with a step missing: asterisk runs (`*`, `**`, `***`),
/// dagger runs (`†`, `††`), numbered markers (`[1]`, `[^1]`, `¹`). The markers of the body
/// and of the notes are counted together, so a marker that is declared but unused is left
/// to M002. The first marker after the gap is reported.
///
/// ## Why is this bad?
/// Editions number their markers in order. A missing step means a marker was lost in
/// transcription (often turned into Markdown emphasis or dropped with a line), so a note
/// now points nowhere or the wrong word carries a mark.
///
/// ## Example
/// ```text
/// ... the Angorians* sincerely wish ... the Armenian question*** ...
///
/// *The word was encircled by Lenin.
/// ***The actual paragraph was surrounded by four lines on the margins by Lenin.
/// ```
///
/// Use instead: restore the lost marker and its note.
/// ```text
/// ... the Angorians* sincerely wish ... because of the Armenian** question ...
/// ... the Armenian question*** ...
///
/// *The word was encircled by Lenin.
/// **Underlined by Lenin.
/// ***The actual paragraph was surrounded by four lines on the margins by Lenin.
/// ```
///
/// ## Fix
/// Find the missing marker in the source and restore it. There is no automatic fix.
pub struct MarkerSequenceGap;

/// How many missing markers a message names.
const MAX_LISTED: usize = 5;

/// Longer runs are not written out in messages.
const MAX_WRITTEN: u32 = 12;

/// A marker's family and its step within it (`***` is step 3 of the asterisks).
fn step(marker: &str) -> Option<(&'static str, u32)> {
    let marker = marker.trim();
    let count = |c: char| {
        (!marker.is_empty() && marker.chars().all(|x| x == c))
            .then(|| u32::try_from(marker.chars().count()).ok())
            .flatten()
    };
    if let Some(n) = count('*') {
        return Some(("*", n));
    }
    if let Some(n) = count('†') {
        return Some(("†", n));
    }
    if let Some(n) = count('‡') {
        return Some(("‡", n));
    }
    if let Some(inner) = marker.strip_prefix("[^").and_then(|m| m.strip_suffix(']')) {
        return inner.parse().ok().map(|n| ("[^]", n));
    }
    if let Some(inner) = marker.strip_prefix('[').and_then(|m| m.strip_suffix(']')) {
        return inner.parse().ok().map(|n| ("[]", n));
    }
    let mut value = 0u32;
    for c in marker.chars() {
        let digit = match c {
            '⁰' => 0,
            '¹' => 1,
            '²' => 2,
            '³' => 3,
            '⁴'..='⁹' => c as u32 - '⁴' as u32 + 4,
            _ => return None,
        };
        value = value.checked_mul(10)?.checked_add(digit)?;
    }
    (!marker.is_empty()).then_some(("sup", value))
}

/// How the marker of `family` at `step` is written.
fn write(family: &str, step: u32) -> String {
    let n = step as usize;
    match family {
        "*" | "†" | "‡" => family.repeat(n),
        "[^]" => format!("[^{step}]"),
        "[]" => format!("[{step}]"),
        _ => step
            .to_string()
            .chars()
            .map(|d| match d {
                '0' => '⁰',
                '1' => '¹',
                '2' => '²',
                '3' => '³',
                d => char::from_u32(d as u32 - '4' as u32 + '⁴' as u32).unwrap_or(d),
            })
            .collect(),
    }
}

/// Where a marker was first seen: in the body (offset into it) or in the front matter.
#[derive(Debug, Clone, Copy)]
enum Seen {
    Body(Span),
    Meta(Span),
}

/// Report gaps.
pub fn check(ctx: &mut DocContext<'_>) {
    let doc = ctx.doc;
    // family -> step -> first place seen
    let mut families: BTreeMap<&'static str, BTreeMap<u32, Seen>> = BTreeMap::new();
    for occurrence in &doc.body.marks.markers {
        if let Some((family, n)) = step(&occurrence.marker) {
            families
                .entry(family)
                .or_default()
                .entry(n)
                .or_insert(Seen::Body(occurrence.span));
        }
    }
    for note in &doc.notes {
        let Some(marker) = &note.marker else { continue };
        if let Some((family, n)) = step(&marker.text) {
            families
                .entry(family)
                .or_default()
                .entry(n)
                .or_insert(Seen::Meta(marker.span));
        }
    }
    for (family, steps) in families {
        let mut expected = if family == "sup" || family == "[]" || family == "[^]" {
            // Numbered markers may start at 0 or 1.
            steps.keys().next().copied().unwrap_or(1).min(1)
        } else {
            1
        };
        for (&n, &seen) in &steps {
            if n > expected {
                // Name the first few missing markers (a long run of `*` must not make a
                // message as long as the run).
                let count = n - expected;
                let mut missing: Vec<String> = (expected..n)
                    .take(MAX_LISTED)
                    .map(|k| format!("`{}`", write(family, k.min(MAX_WRITTEN))))
                    .collect();
                if count as usize > MAX_LISTED {
                    missing.push(format!("{} more", count as usize - MAX_LISTED));
                }
                let shown = if n > MAX_WRITTEN {
                    format!("{} ({n})", family)
                } else {
                    write(family, n)
                };
                let message = format!(
                    "Marker `{shown}` is used, but {} {} not",
                    missing.join(", "),
                    if count == 1 { "is" } else { "are" }
                );
                match seen {
                    Seen::Body(span) => {
                        ctx.report_body(Finding::new(Rule::MarkerSequenceGap, span, message))
                    }
                    Seen::Meta(span) => {
                        ctx.report_meta(Finding::new(Rule::MarkerSequenceGap, span, message))
                    }
                }
            }
            expected = n.saturating_add(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_of_each_family() {
        assert_eq!(step("***"), Some(("*", 3)));
        assert_eq!(step("††"), Some(("†", 2)));
        assert_eq!(step("[^12]"), Some(("[^]", 12)));
        assert_eq!(step("[^note]"), None);
        assert_eq!(step("[3]"), Some(("[]", 3)));
        assert_eq!(step("¹²"), Some(("sup", 12)));
        assert_eq!(step("*†"), None);
        assert_eq!(step(""), None);
        assert_eq!(write("sup", 12), "¹²");
        assert_eq!(write("*", 2), "**");
    }

    #[test]
    fn long_runs_make_short_messages() {
        use crate::rules::DocContext;
        let body = format!("+++\ntitle = \"x\"\n+++\nA word{}.\n", "*".repeat(5000));
        let loaded =
            ibid_provenance::parse_document(std::path::Path::new("x.md"), body.as_bytes(), None);
        let doc = loaded.value.unwrap();
        let style = crate::settings::Style::default();
        let mut ctx = DocContext::new(&doc, &loaded.errors, &style, &[]);
        check(&mut ctx);
        let findings = ctx.into_findings();
        assert_eq!(findings.len(), 1);
        let message = &findings[0].1.message;
        assert!(message.len() < 200, "{message}");
        assert!(message.contains("4994 more"), "{message}");
    }
}
