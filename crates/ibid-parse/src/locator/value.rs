//! Locator values: numbers, roman numerals, identifiers, ranges, lists, recto/verso.
//! A value is a list of items joined by `,` `and` `et` `und` `и`; an item is a number or a range.

mod groups;
pub(crate) mod lex;
mod marks;
mod number;

pub(crate) use number::roman_value;

use super::labels::scan_label;
use super::{Following, LocatorNumber, LocatorRange, NumberKind};
use crate::Span;
use lex::{char_at, skip_spaces};
use marks::{joiner, lone_side, range_separator, spaced_following, spaced_side};
use number::scan_number;

/// What the label in front of a value says about how to read it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct ValueContext {
    /// The label counts leaves, so `5 v.` is verso and not a volume.
    pub leafy: bool,
    /// A single capital letter is a value (`Appendix B`).
    pub letters: bool,
    /// The value is a word, not a number (`s.v. Lenin`).
    pub words: bool,
    /// The label names one unit (`vol.`, `no.`, `doc.`, not `vols.`): after a single number,
    /// a range or a year is not more of the value (`vol. 61, 327–335`, `vol. 12, 1985`).
    pub single_unit: bool,
}

/// A value read from the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Value {
    /// The value as written, marks included.
    pub span: Span,
    /// Its numbers and ranges in order.
    pub ranges: Vec<LocatorRange>,
    /// A "following" mark after it.
    pub following: Option<Following>,
}

/// Read a value (`33–35, 38`, `5–6 об.`, `12 ff.`, `4r–v`) at byte `pos` of `text`.
pub(super) fn scan_value(text: &str, pos: usize, context: ValueContext) -> Option<Value> {
    if context.words {
        return scan_words(text, pos);
    }
    let (range, mut end, mut following) = scan_item(text, pos, context, false)?;
    let mut ranges = vec![range];
    while following.is_none() {
        if let Some((mark, after)) = spaced_following(text, end) {
            following = Some(mark);
            end = after;
            break;
        }
        let Some(next) = joiner(text, end) else {
            break;
        };
        let Some((range, after, mark)) = scan_item(text, next, context, true) else {
            break;
        };
        if context.single_unit && !continues_unit(&ranges, &range, bare_comma(text, end, next)) {
            break;
        }
        ranges.push(range);
        end = after;
        following = mark;
    }
    Some(Value {
        span: Span::new(pos, end),
        ranges,
        following,
    })
}

/// Whether `next` may continue the value `so_far` of a one-unit label (`doc.`, `vol.`).
///
/// A singular label names one unit, so after single numbers only a list joined by a word
/// (`doc. 12 and 13`) goes on, and never with a range or a year (1700–2099): `doc. 484, 563`
/// is a document and a page, `vol. 61, 327–335` a volume and pages. A list that began with a
/// range (`doc. 12–14, 16`) is clearly a list of units and goes on.
fn continues_unit(so_far: &[LocatorRange], next: &LocatorRange, bare_comma: bool) -> bool {
    if so_far.iter().any(|r| r.last.is_some()) {
        return true;
    }
    if bare_comma {
        return false;
    }
    let year = next.last.is_none()
        && next.first.kind == NumberKind::Arabic
        && next.first.span.len() == 4
        && next.first.value.is_some_and(|v| (1700..2100).contains(&v));
    next.last.is_none() && !year
}

/// Whether the joiner from `end` to the next item at `next` is a comma and spaces, nothing
/// more; a comma between digits (`Bd. 2,1`) is part of the number.
fn bare_comma(text: &str, end: usize, next: usize) -> bool {
    let comma = skip_spaces(text, end);
    char_at(text, comma) == Some(',') && next > comma + 1 && skip_spaces(text, comma + 1) == next
}

fn single(first: LocatorNumber) -> LocatorRange {
    LocatorRange {
        first,
        last: None,
        separator: None,
    }
}

/// Whether the roman numeral `number` at `pos` is really a label (`l. 3`, `v. 2`, `d. 97`).
fn is_label(text: &str, pos: usize, number: &LocatorNumber) -> bool {
    number.kind == NumberKind::Roman
        && char_at(text, number.span.end) == Some('.')
        && scan_label(text, pos).is_some()
}

/// One item: a number, or two numbers joined by a range separator, with their sides.
///
/// After a list joiner (`joined`), a roman numeral that is a label word ends the list.
fn scan_item(
    text: &str,
    pos: usize,
    context: ValueContext,
    joined: bool,
) -> Option<(LocatorRange, usize, Option<Following>)> {
    let read = scan_number(text, pos, context.letters)?;
    if joined && is_label(text, pos, &read.number) {
        return None;
    }
    let mut first = read.number;
    let mut end = read.end;
    if read.following.is_some() {
        return Some((single(first), end, read.following));
    }
    if first.side.is_none() {
        if let Some((side, after)) = spaced_side(text, end, context.leafy) {
            first.side = Some(side);
            end = after;
        }
    }
    let Some(second) = range_separator(text, end) else {
        return Some((single(first), end, None));
    };
    let separator = Some(Span::new(end, second));
    if first.side.is_some() {
        if let Some((side, after)) = lone_side(text, second) {
            // `4r–v`: the same leaf, other side; nothing else is written for the last number.
            let last = LocatorNumber {
                span: Span::empty(second),
                side: Some(side),
                ..first.clone()
            };
            let range = LocatorRange {
                first,
                last: Some(last),
                separator,
            };
            return Some((range, after, None));
        }
    }
    let Some(read) = scan_number(text, second, context.letters) else {
        return Some((single(first), end, None));
    };
    if is_label(text, second, &read.number) {
        return Some((single(first), end, None));
    }
    if let Some(end) = dashed_identifier_end(text, &first, separator, &read) {
        // `1915-07-07`, `12-3-4`: one identifier with inner dashes, not a range.
        let number = LocatorNumber {
            span: Span::new(first.span.start, end),
            kind: NumberKind::Identifier,
            value: None,
            side: None,
        };
        return Some((single(number), end, None));
    }
    let mut last = read.number;
    let mut after = read.end;
    if read.following.is_none() && last.side.is_none() {
        if let Some((side, side_end)) = spaced_side(text, after, context.leafy) {
            last.side = Some(side);
            after = side_end;
        }
    }
    let range = LocatorRange {
        first,
        last: Some(last),
        separator,
    };
    Some((range, after, read.following))
}

/// The end of an identifier of three or more digit groups joined by single dashes with no
/// spaces (`1915-07-07`), when `first`, the `separator` and the number `second` after it
/// begin one; `None` for a plain range (`33-35`).
fn dashed_identifier_end(
    text: &str,
    first: &LocatorNumber,
    separator: Option<Span>,
    second: &number::Num,
) -> Option<usize> {
    let arabic = |n: &LocatorNumber| n.kind == NumberKind::Arabic && n.side.is_none();
    let tight = separator.is_some_and(|s| {
        s.start == first.span.end
            && text
                .get(s.start..s.end)
                .is_some_and(|d| d.chars().count() == 1)
    });
    if !tight || !arabic(first) || !arabic(&second.number) || second.following.is_some() {
        return None;
    }
    let mut end = second.end;
    let mut groups = 2;
    while let Some(dash) = char_at(text, end).filter(|&c| crate::text::is_dash(c)) {
        let digits = end + dash.len_utf8();
        if !char_at(text, digits).is_some_and(|c| c.is_ascii_digit()) {
            break;
        }
        end = lex::alnum_end(text, digits);
        groups += 1;
    }
    (groups >= 3).then_some(end)
}

/// The longest word value (`s.v. Lenin`), in bytes.
const MAX_WORDS: usize = 80;

/// A word value, as after `s.v.`: a quoted phrase, or text up to `,` `;` or a bracket.
fn scan_words(text: &str, pos: usize) -> Option<Value> {
    let rest = text.get(pos..)?;
    let first = rest.chars().next()?;
    let close = match first {
        '"' => Some('"'),
        '“' => Some('”'),
        '«' => Some('»'),
        '„' => Some('“'),
        '‘' => Some('’'),
        _ => None,
    };
    let limit = rest
        .char_indices()
        .take_while(|&(i, _)| i < MAX_WORDS)
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0);
    let window = &rest[..limit];
    let len = match close {
        Some(close) => {
            let body = first.len_utf8();
            window[body..]
                .find(close)
                .map(|at| body + at + close.len_utf8())?
        }
        None => {
            let stop = window
                .find([',', ';', '(', ')', '[', ']'])
                .unwrap_or(window.len());
            window[..stop]
                .trim_end_matches(|c: char| crate::text::is_space(c) || c == '.')
                .len()
        }
    };
    if len == 0 || !first.is_alphanumeric() && close.is_none() {
        return None;
    }
    let span = Span::new(pos, pos + len);
    let word = LocatorNumber {
        span,
        kind: NumberKind::Identifier,
        value: None,
        side: None,
    };
    Some(Value {
        span,
        ranges: vec![single(word)],
        following: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locator::Side;

    fn value(
        text: &str,
        context: ValueContext,
    ) -> Option<(String, Vec<String>, Option<Following>)> {
        let v = scan_value(text, 0, context)?;
        let items = v
            .ranges
            .iter()
            .map(|r| {
                let side = |n: &LocatorNumber| match n.side {
                    Some(Side::Recto) => "r",
                    Some(Side::Verso) => "v",
                    None => "",
                };
                let mut s = format!("{}{}", r.first.span.slice(text), side(&r.first));
                if let Some(last) = &r.last {
                    s.push_str(&format!("..{}{}", last.span.slice(text), side(last)));
                }
                s
            })
            .collect();
        Some((v.span.slice(text).to_string(), items, v.following))
    }

    fn plain(text: &str) -> Option<(String, Vec<String>, Option<Following>)> {
        value(text, ValueContext::default())
    }

    fn leafy(text: &str) -> Option<(String, Vec<String>, Option<Following>)> {
        value(
            text,
            ValueContext {
                leafy: true,
                ..ValueContext::default()
            },
        )
    }

    fn items(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn ranges_with_any_dash_or_word() {
        for text in [
            "33-35",
            "33‐35",
            "33‑35",
            "33‒35",
            "33–35",
            "33—35",
            "33−35",
            "33 – 35",
            "33--35",
        ] {
            assert_eq!(plain(text).unwrap().1, items(&["33..35"]), "{text}");
        }
        for text in ["5 to 7", "5 bis 7", "5 à 7", "5 по 7"] {
            assert_eq!(plain(text).unwrap().1, items(&["5..7"]), "{text}");
        }
        assert_eq!(plain("xi–xiv").unwrap().1, items(&["xi..xiv"]));
    }

    #[test]
    fn lists() {
        assert_eq!(plain("33–35, 38").unwrap().1, items(&["33..35", "38"]));
        assert_eq!(plain("32 et 33").unwrap().1, items(&["32", "33"]));
        assert_eq!(plain("5 und 6").unwrap().1, items(&["5", "6"]));
        assert_eq!(plain("5 and 7").unwrap().1, items(&["5", "7"]));
        assert_eq!(plain("5 и 6").unwrap().1, items(&["5", "6"]));
        assert_eq!(plain("xii + 410").unwrap().1, items(&["xii", "410"]));
        // The list stops before words that are not values.
        assert_eq!(plain("33-35 and *passim*").unwrap().0, "33-35");
        assert_eq!(plain("12, l. 3").unwrap().0, "12");
        assert_eq!(plain("12, v. 3").unwrap().0, "12");
        assert_eq!(plain("12, and").unwrap().0, "12");
    }

    #[test]
    fn one_unit_labels_stop_before_pages_and_years() {
        let unit = ValueContext {
            single_unit: true,
            ..ValueContext::default()
        };
        assert_eq!(value("61, 327–335", unit).unwrap().0, "61");
        assert_eq!(value("12, 1985", unit).unwrap().0, "12");
        // A singular label names one unit: a second number after a comma is something else.
        assert_eq!(value("12, 13", unit).unwrap().0, "12");
        assert_eq!(value("12 and 13", unit).unwrap().0, "12 and 13");
        assert_eq!(value("2,1", unit).unwrap().0, "2,1");
        assert_eq!(value("12–14, 327–335", unit).unwrap().0, "12–14, 327–335");
        assert_eq!(plain("61, 327–335").unwrap().0, "61, 327–335");
    }

    #[test]
    fn following_marks() {
        assert_eq!(
            plain("12 f.").unwrap(),
            ("12 f.".into(), items(&["12"]), Some(Following::One))
        );
        assert_eq!(plain("12ff.").unwrap().2, Some(Following::Many));
        assert_eq!(plain("12 sqq.").unwrap().2, Some(Following::Many));
        assert_eq!(plain("12 et seq.").unwrap().2, Some(Following::Many));
        assert_eq!(plain("33-35 passim").unwrap().2, Some(Following::Passim));
        assert_eq!(plain("12 и сл.").unwrap().2, Some(Following::One));
        assert_eq!(plain("33–35, 38 ff.").unwrap().1, items(&["33..35", "38"]));
        // `f.` before a number is a new folio label, not a mark.
        assert_eq!(plain("12 f. 13").unwrap().0, "12");
    }

    #[test]
    fn recto_and_verso() {
        assert_eq!(plain("12v").unwrap().1, items(&["12v"]));
        assert_eq!(
            plain("5 об.").unwrap(),
            ("5 об.".into(), items(&["5v"]), None)
        );
        assert_eq!(plain("5об.").unwrap().1, items(&["5v"]));
        assert_eq!(plain("5-6об.").unwrap().1, items(&["5..6v"]));
        assert_eq!(plain("5–6 об.").unwrap().1, items(&["5..6v"]));
        assert_eq!(plain("5 об.–6").unwrap().1, items(&["5v..6"]));
        assert_eq!(plain("4r°–5v°").unwrap().1, items(&["4r..5v"]));
        assert_eq!(plain("12r–v").unwrap().1, items(&["12r..v"]));
        assert_eq!(leafy("5 v.").unwrap().1, items(&["5v"]));
        assert_eq!(leafy("4 r°").unwrap().1, items(&["4r"]));
        assert_eq!(plain("5 v.").unwrap().0, "5");
        assert_eq!(leafy("5 v. 2").unwrap().0, "5");
    }

    #[test]
    fn words_after_sub_verbo() {
        let words = ValueContext {
            words: true,
            ..ValueContext::default()
        };
        assert_eq!(value("Lenin, p. 5", words).unwrap().0, "Lenin");
        assert_eq!(value("«Ленин» и", words).unwrap().0, "«Ленин»");
        assert_eq!(value("Lenin.", words).unwrap().0, "Lenin");
        assert_eq!(value(", x", words), None);
        assert!(value(&"a ".repeat(1000), words).unwrap().0.len() <= MAX_WORDS);
    }

    #[test]
    fn not_values() {
        for text in ["", "Smith", "*passim*", "-12", ". 12"] {
            assert_eq!(plain(text), None, "{text}");
        }
    }
}
