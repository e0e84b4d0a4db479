//! Splitting what follows a citation key into locator and suffix, as pandoc does.
//! The locator text is then read by the locator grammar, which may extend it (`ff.`, `об.`).

use super::markup::Markup;
use crate::locator::{list_errors, lookup_label, scan_locator_list, LocatorOptions};
use crate::text::{is_dash, is_space, trim_span};
use crate::{Locator, LocatorLabel, LocatorNumber, LocatorRange, NumberKind, ParseError, Span};

/// The locator and suffix of one cited item.
#[derive(Debug, Clone, Default)]
pub(crate) struct Split {
    /// The locator text, label included (`pp. 33-35`), or the text inside `{...}`.
    pub locator: Option<Span>,
    /// The locators read from it.
    pub locators: Vec<Locator>,
    /// What could not be read in the locator text (as `parse_locators` reports it).
    pub locator_errors: Vec<ParseError>,
    /// What follows the locator, trimmed.
    pub suffix: Option<Span>,
    /// One past the last byte that belongs to the item (after a closing `}`), if any does.
    pub reach: Option<usize>,
}

/// How many words a label may have (`sub verbo`, `s. v.`).
const MAX_LABEL_WORDS: usize = 4;

fn non_empty(span: Span) -> Option<Span> {
    (!span.is_empty()).then_some(span)
}

fn skip_spaces(text: &str, mut at: usize, end: usize) -> usize {
    while let Some(c) = text.get(at..end).and_then(|s| s.chars().next()) {
        if !is_space(c) {
            break;
        }
        at += c.len_utf8();
    }
    at
}

/// The whitespace-separated word starting at or after `from`, before `end`.
fn next_word(text: &str, from: usize, end: usize) -> Option<(usize, usize)> {
    let start = skip_spaces(text, from, end);
    let rest = text.get(start..end)?;
    let len = rest.find(is_space).unwrap_or(rest.len());
    (len > 0).then_some((start, start + len))
}

/// Split `text[start..end]`, the text after a key, into locator and suffix.
///
/// As pandoc does: an optional comma, then a label (the longest that `lookup_label` knows)
/// or a bare value with an arabic digit, then values up to the first word without digits;
/// `{...}` forces a locator. The locator grammar may read further than pandoc's split
/// (`p. 33 ff.`, `л. 5 об.`, `doc. 652, p. 612`), and the locator then covers that too.
pub(crate) fn split(text: &str, markup: &Markup, start: usize, end: usize) -> Split {
    let bytes = text.as_bytes();
    let mut i = skip_spaces(text, start, end);
    if bytes.get(i) == Some(&b',') && i < end {
        i = skip_spaces(text, i + 1, end);
    }
    if bytes.get(i) == Some(&b'{') {
        if let Some(close) = markup.close_of(text, i).filter(|&c| c < end) {
            let inner = trim_span(text, Span::new(i + 1, close));
            let suffix = non_empty(trim_span(text, Span::new(close + 1, end)));
            let (mut locators, reach) = if inner.is_empty() {
                (Vec::new(), inner.start)
            } else {
                locator_chain(text, inner.start, inner.end)
            };
            let errors = list_errors(text, inner.start, inner.end, &locators, reach);
            if !inner.is_empty() && (locators.is_empty() || reach < inner.end) {
                // Braces force a locator taken as written (`{sec. 4 div 2}`, `{no label}`):
                // the grammar's errors stay with the item, the locator is the text itself.
                locators = vec![written_locator(text, inner)];
            }
            return Split {
                locator: non_empty(inner),
                locator_errors: errors,
                locators,
                suffix,
                reach: Some(suffix.map_or(close + 1, |s| s.end)),
            };
        }
    }
    let Some((locator_start, pandoc_end)) = extent(text, i, end) else {
        let suffix = non_empty(trim_span(text, Span::new(start, end)));
        return Split {
            suffix,
            reach: suffix.map(|s| s.end),
            ..Split::default()
        };
    };
    let (locators, parsed_end) = locator_chain(text, locator_start, end);
    let locator_end = pandoc_end.max(parsed_end);
    let suffix = non_empty(trim_span(text, Span::new(locator_end, end)));
    let locators: Vec<Locator> = locators
        .into_iter()
        .filter(|l| l.span.end <= locator_end)
        .collect();
    Split {
        locator: Some(Span::new(locator_start, locator_end)),
        locator_errors: list_errors(text, locator_start, locator_end, &locators, parsed_end),
        locators,
        suffix,
        reach: Some(suffix.map_or(locator_end, |s| s.end)),
    }
}

/// The locator of braces the grammar cannot read whole, taken as written: a leading label
/// (the longest of up to [`MAX_LABEL_WORDS`] words that `lookup_label` knows, written as
/// its term with a full stop when short, as pandoc matches labels) and the rest as one
/// identifier; a page when no label leads, or when nothing follows the label.
fn written_locator(text: &str, inner: Span) -> Locator {
    let mut label = None;
    let mut pos = inner.start;
    for _ in 0..MAX_LABEL_WORDS {
        let Some((_, we)) = next_word(text, pos, inner.end) else {
            break;
        };
        let span = trim_span(text, Span::new(inner.start, we));
        let value = trim_span(text, Span::new(we, inner.end));
        let written = span.slice(text);
        // As in pandoc, a short label is written as its term is, with its full stop (`no.`,
        // `p.`): `no label` has none.
        let as_term = written.ends_with('.')
            || written.chars().count() >= 4
            || !written.chars().any(char::is_alphabetic);
        let found = lookup_label(written).filter(|_| as_term && !value.is_empty());
        if let Some(found) = found {
            label = Some((found, span, value));
        }
        pos = we;
    }
    let (label, label_span, value) = match label {
        Some((label, span, value)) => (label, Some(span), value),
        None => (LocatorLabel::Page, None, inner),
    };
    Locator {
        label,
        label_span,
        value,
        span: inner,
        ranges: vec![LocatorRange {
            first: LocatorNumber {
                span: value,
                kind: NumberKind::Identifier,
                value: None,
                side: None,
            },
            last: None,
            separator: None,
        }],
        following: None,
    }
}

/// Where pandoc's locator starts and ends in `text[at..end]`, if there is one.
fn extent(text: &str, at: usize, end: usize) -> Option<(usize, usize)> {
    let mut pos = at;
    let mut value: Option<(bool, usize)> = None;
    for j in 0..MAX_LABEL_WORDS {
        let Some((ws, we)) = next_word(text, pos, end) else {
            break;
        };
        let word = text.get(ws..we)?;
        let label_before = |upto: usize| is_label(text, at, upto);
        if let Some(d) = word.find(|c: char| c.is_ascii_digit()) {
            if d > 0 && label_before(ws + d) {
                value = Some((true, ws + d));
            } else if j == 0 {
                value = Some((false, ws));
            } else if label_before(ws) {
                value = Some((true, ws));
            }
            break;
        }
        if j > 0 && is_roman(word) && label_before(ws) {
            value = Some((true, ws));
            break;
        }
        pos = we;
    }
    let (explicit, value_start) = value?;
    let value_end = values_end(text, value_start, end, explicit)?;
    Some((if explicit { at } else { value_start }, value_end))
}

fn is_label(text: &str, start: usize, end: usize) -> bool {
    let span = trim_span(text, Span::new(start, end));
    !span.is_empty() && lookup_label(span.slice(text)).is_some()
}

/// The end of the run of values starting at `start`: words with a digit (or, after a label,
/// roman numerals), joined by `,`, `;`, spaces or a spaced dash.
fn values_end(text: &str, start: usize, end: usize, explicit: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut last = None;
    let mut pos = start;
    loop {
        let ws = skip_spaces(text, pos, end);
        let rest = text.get(ws..end)?;
        let len = rest
            .find(|c: char| is_space(c) || c == ',' || c == ';')
            .unwrap_or(rest.len());
        let we = ws + len;
        let core = value_core_end(text, ws, we);
        let word = text.get(ws..core)?;
        if word.is_empty() || !is_value(word, explicit) {
            break;
        }
        last = Some(core);
        if core < we {
            break;
        }
        let mut q = we;
        if matches!(bytes.get(q), Some(b',' | b';')) && q < end {
            q += 1;
        }
        let spaced = skip_spaces(text, q, end);
        q = spaced;
        if let Some(c) = text.get(q..end).and_then(|s| s.chars().next()) {
            if is_dash(c) && spaced > we {
                let after = skip_spaces(text, q + c.len_utf8(), end);
                if next_word(text, after, end)
                    .and_then(|(a, b)| text.get(a..value_core_end(text, a, b)))
                    .is_some_and(|w| is_value(w, explicit))
                {
                    q = after;
                }
            }
        }
        if q >= end || q == we {
            break;
        }
        pos = q;
    }
    last
}

/// `word` without trailing punctuation that cannot end a value (`.`, `:`, an unmatched `)`).
fn value_core_end(text: &str, start: usize, end: usize) -> usize {
    let Some(word) = text.get(start..end) else {
        return start;
    };
    let mut opens = word.matches('(').count();
    let mut closes = word.matches(')').count();
    let mut core = word;
    while let Some(c) = core.chars().next_back() {
        let strip = match c {
            '.' | ':' | '!' | '?' | '"' | '\'' | '»' | '”' | '*' | '_' => true,
            ')' => closes > opens,
            _ => false,
        };
        if !strip {
            break;
        }
        if c == ')' {
            closes -= 1;
        } else if c == '(' {
            opens -= 1;
        }
        core = &core[..core.len() - c.len_utf8()];
    }
    start + core.len()
}

/// Whether `word` is a locator value: it holds a digit (or, after a label, is a roman
/// numeral), and every bracket it opens it closes, as pandoc reads groups (`12(3)[4]5`, not
/// `(13`).
fn is_value(word: &str, explicit: bool) -> bool {
    let balanced = [(b'(', b')'), (b'[', b']'), (b'{', b'}')]
        .iter()
        .all(|&(o, c)| {
            let count = |x: u8| word.bytes().filter(|&b| b == x).count();
            count(o) <= count(c)
        });
    balanced && (word.bytes().any(|b| b.is_ascii_digit()) || (explicit && is_roman(word)))
}

/// A roman numeral or a range of them (`iv`, `XIV-XVI`).
fn is_roman(word: &str) -> bool {
    let word = word.trim_end_matches(['.', ',', ':']);
    !word.is_empty()
        && word.split(is_dash).all(|part| {
            !part.is_empty()
                && part.chars().all(|c| {
                    matches!(
                        c.to_ascii_lowercase(),
                        'i' | 'v' | 'x' | 'l' | 'c' | 'd' | 'm'
                    )
                })
        })
}

/// The locators the locator grammar reads from `text[start..end]`, as long as they follow
/// each other with only separators between; and the end of the last.
fn locator_chain(text: &str, start: usize, end: usize) -> (Vec<Locator>, usize) {
    let Some(slice) = text.get(start..end) else {
        return (Vec::new(), start);
    };
    // Only the locators are wanted here (the citation reports mistyped numbers itself), so
    // the list is read without building the errors `parse_locators` would add. The list
    // grammar decides what joins two locators (`,`, `;`, `and`, a full stop between
    // `n.d.` and `Л. 19`), exactly as `parse_locators` does on the locator's text.
    let (locators, _) = scan_locator_list(slice, 0, &LocatorOptions::default());
    let chain: Vec<Locator> = locators.into_iter().map(|l| shift(l, start)).collect();
    let reach = chain.last().map_or(start, |l| l.span.end);
    (chain, reach)
}

fn shift_number(n: LocatorNumber, by: usize) -> LocatorNumber {
    LocatorNumber {
        span: n.span.shift(by),
        ..n
    }
}

/// A locator parsed from a slice starting at `by`, with its spans made absolute.
fn shift(locator: Locator, by: usize) -> Locator {
    Locator {
        label_span: locator.label_span.map(|s| s.shift(by)),
        value: locator.value.shift(by),
        span: locator.span.shift(by),
        ranges: locator
            .ranges
            .into_iter()
            .map(|r| LocatorRange {
                first: shift_number(r.first, by),
                last: r.last.map(|l| shift_number(l, by)),
                separator: r.separator.map(|s| s.shift(by)),
            })
            .collect(),
        ..locator
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> (Option<&str>, Option<&str>) {
        let m = Markup::new(text, 0, text.len());
        let s = split(text, &m, 0, text.len());
        (
            s.locator.map(|l| l.slice(text)),
            s.suffix.map(|l| l.slice(text)),
        )
    }

    #[test]
    fn the_list_grammar_decides_what_joins_two_locators() {
        // Found by the property test: a full stop joins `n.d` and `Л.19/II` in the list
        // grammar, so the citation must read both, with no error, as `parse_locators` does.
        let text = ", n.d.Л.19/II";
        let m = Markup::new(text, 0, text.len());
        let s = split(text, &m, 0, text.len());
        let read: Vec<&str> = s.locators.iter().map(|l| l.span.slice(text)).collect();
        assert_eq!(read, ["n.d", "Л.19/II"]);
        assert!(s.locator_errors.is_empty(), "{:?}", s.locator_errors);
    }

    #[test]
    fn a_bare_number_is_a_page_and_words_end_it() {
        assert_eq!(parts(", 33"), (Some("33"), None));
        assert_eq!(
            parts(", 33-35, 38 and passim"),
            (Some("33-35, 38"), Some("and passim"))
        );
        assert_eq!(parts(" 12."), (Some("12"), Some(".")));
    }

    #[test]
    fn without_a_locator_the_suffix_keeps_its_comma() {
        assert_eq!(parts(", and elsewhere"), (None, Some(", and elsewhere")));
        assert_eq!(parts(", xiv"), (None, Some(", xiv")));
        assert_eq!(parts(""), (None, None));
    }

    #[test]
    fn braces_force_a_locator() {
        assert_eq!(
            parts(", {p. iv, and something} more"),
            (Some("p. iv, and something"), Some("more"))
        );
    }

    fn read(text: &str) -> Vec<(crate::LocatorLabel, &str)> {
        let m = Markup::new(text, 0, text.len());
        let s = split(text, &m, 0, text.len());
        s.locators
            .iter()
            .map(|l| (l.label, l.value.slice(text)))
            .collect()
    }

    #[test]
    fn bracket_groups_belong_to_the_value() {
        use crate::LocatorLabel::{Page, Section};
        // pandoc's locator grammar (its manual and citeproc tests): balanced groups.
        assert_eq!(read(", 12(3)[4]5"), [(Page, "12(3)[4]5")]);
        assert_eq!(read(", 2C.1b.ii(4.1)"), [(Page, "2C.1b.ii(4.1)")]);
        assert_eq!(
            read(", 5(b), 2.3.1, [8.2], 9B(1)(c)(ii)-(v)"),
            [(Page, "5(b), 2.3.1, [8.2], 9B(1)(c)(ii)-(v)")]
        );
        assert_eq!(read(", [14]"), [(Page, "[14]")]);
        assert_eq!(read(", [20-31]"), [(Page, "[20-31]")]);
        assert_eq!(read(", [20]-[31]"), [(Page, "[20]-[31]")]);
        assert_eq!(read(", 591 [84]"), [(Page, "591 [84]")]);
        assert_eq!(read(", sec. 44(1)-(3)"), [(Section, "44(1)-(3)")]);
        assert_eq!(parts(", (13 entirely suffix").0, None);
        assert_eq!(
            parts(", 89, and suffix"),
            (Some("89"), Some(", and suffix"))
        );
    }

    #[test]
    fn braces_take_the_locator_as_written() {
        use crate::LocatorLabel::{Page, Section, Volume};
        assert_eq!(read(" {310 [12]}"), [(Page, "310 [12]")]);
        assert_eq!(read(" {sec. 4 div 2}"), [(Section, "4 div 2")]);
        assert_eq!(read(", {vol. 2 [pt. 1]}"), [(Volume, "2 [pt. 1]")]);
        // `no` without its full stop is not the term `no.`: no label, a page as written.
        assert_eq!(
            read(" {no label, no number}"),
            [(Page, "no label, no number")]
        );
        // What the grammar cannot read stays reported, as `parse_locators` reports it.
        let text = " {sec. 4 div 2}";
        let m = Markup::new(text, 0, text.len());
        assert!(!split(text, &m, 0, text.len()).locator_errors.is_empty());
    }

    #[test]
    fn value_cores() {
        let t = "33-35.";
        assert_eq!(value_core_end(t, 0, t.len()), 5);
        let t = "34(1)(a))";
        assert_eq!(value_core_end(t, 0, t.len()), 8);
        assert!(is_roman("xiv-xvi"));
        assert!(!is_roman("and"));
    }
}
