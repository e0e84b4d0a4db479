//! The small words and marks around locator numbers: recto/verso (`v`, `r°`, `об.`),
//! "following" (`f.`, `ff.`, `et seq.`, `и сл.`, `passim`), range words and list joiners.

use super::lex::{at_boundary, char_at, skip_spaces};
use crate::locator::{Following, Side};
use crate::text::is_dash;
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::combinator::value;
use nom::{IResult, Parser};

type Res<'a, T> = IResult<&'a str, T>;

/// The text from byte `i` on (empty if `i` is not a boundary inside `text`).
fn rest(text: &str, i: usize) -> &str {
    text.get(i..).unwrap_or("")
}

/// Whether `rest` starts with the ASCII word `word`, in any case.
fn starts_ci(rest: &str, word: &str) -> bool {
    rest.as_bytes()
        .get(..word.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(word.as_bytes()))
}

/// Whether a number follows the spaces at `i` (`f. 12` is a label, `12 f.` a mark).
fn number_follows(text: &str, i: usize) -> bool {
    char_at(text, skip_spaces(text, i)).is_some_and(|c| c.is_ascii_digit())
}

/// Recto or verso written directly after a number: `12v`, `4r°`, `5об.`, `5ob.`.
fn side_word(i: &str) -> Res<'_, Side> {
    alt((
        value(
            Side::Verso,
            alt((tag("об."), tag("об"), tag("ob."), tag("ob"))),
        ),
        value(
            Side::Recto,
            alt((tag("r°"), tag("rº"), tag("rᵒ"), tag("ro"), tag("r"))),
        ),
        value(
            Side::Verso,
            alt((tag("v°"), tag("vº"), tag("vᵒ"), tag("vo"), tag("v"))),
        ),
    ))
    .parse(i)
}

/// A recto/verso mark written directly after a number at `i`; returns it and where it ends.
pub(crate) fn attached_side(text: &str, i: usize) -> Option<(Side, usize)> {
    // Every mark starts with `o`, `r`, `v` or a Cyrillic letter (`об`): most numbers are
    // followed by something else, and are ruled out without trying the grammar.
    if !matches!(text.as_bytes().get(i), Some(b'o' | b'r' | b'v' | 0xD0)) {
        return None;
    }
    let input = rest(text, i);
    let (after, side) = side_word(input).ok()?;
    let end = i + (input.len() - after.len());
    at_boundary(text, end).then_some((side, end))
}

/// `r` or `v` with or without a degree-like mark.
fn bare_side_word(i: &str) -> Res<'_, Side> {
    alt((
        value(
            Side::Recto,
            alt((tag("r°"), tag("rº"), tag("rᵒ"), tag("r"))),
        ),
        value(
            Side::Verso,
            alt((tag("v°"), tag("vº"), tag("vᵒ"), tag("v"))),
        ),
    ))
    .parse(i)
}

/// A recto/verso mark standing alone, as at the end of `4r–v`.
pub(crate) fn lone_side(text: &str, i: usize) -> Option<(Side, usize)> {
    if !matches!(text.as_bytes().get(i), Some(b'r' | b'v')) {
        return None;
    }
    let input = rest(text, i);
    let (after, side) = bare_side_word(input).ok()?;
    let end = i + (input.len() - after.len());
    at_boundary(text, end).then_some((side, end))
}

/// A side written after a space and a leaf number: `ob.`, `r.`, `v°`, `v`.
fn spaced_side_word(i: &str) -> Res<'_, Side> {
    alt((
        value(Side::Verso, alt((tag("ob."), tag("ob")))),
        value(Side::Recto, tag("r.")),
        value(Side::Verso, tag("v.")),
        bare_side_word,
    ))
    .parse(i)
}

/// The Russian verso mark, `об.` or `об`.
fn russian_verso(i: &str) -> Res<'_, &str> {
    alt((tag("об."), tag("об"))).parse(i)
}

/// A recto/verso mark after a space (`5 об.`, and after a leaf number `5 v.`, `4 r°`, `12 verso`).
///
/// `leafy` says the label counts leaves, so `v.` and `r.` are sides rather than a volume label.
pub(crate) fn spaced_side(text: &str, i: usize, leafy: bool) -> Option<(Side, usize)> {
    let j = skip_spaces(text, i);
    if j == i {
        return None;
    }
    // Every mark starts with `o`, `r`, `v` (any case) or `о`.
    if !matches!(
        text.as_bytes().get(j).map(u8::to_ascii_lowercase),
        Some(b'o' | b'r' | b'v' | 0xD0)
    ) {
        return None;
    }
    let input = rest(text, j);
    let found: Option<(Side, usize)> = if let Ok((after, _)) = russian_verso(input) {
        Some((Side::Verso, input.len() - after.len()))
    } else if starts_ci(input, "verso") {
        Some((Side::Verso, 5))
    } else if starts_ci(input, "recto") {
        Some((Side::Recto, 5))
    } else if leafy && (starts_ci(input, "rs") || starts_ci(input, "vs")) {
        // German Rückseite (verso) and Vorderseite (recto), after a leaf number.
        let side = if starts_ci(input, "rs") {
            Side::Verso
        } else {
            Side::Recto
        };
        let len = if input.as_bytes().get(2) == Some(&b'.') {
            3
        } else {
            2
        };
        (!number_follows(text, j + len)).then_some((side, len))
    } else if leafy {
        let (after, side) = spaced_side_word(input).ok()?;
        let len = input.len() - after.len();
        // `fol. 12 v. 3`: a `v.` before a number is a volume label, not a side.
        (!number_follows(text, j + len)).then_some((side, len))
    } else {
        None
    };
    let (side, len) = found?;
    let end = j + len;
    at_boundary(text, end).then_some((side, end))
}

/// `f`, `ff`, with or without the full stop.
fn following_word(i: &str) -> Res<'_, Following> {
    alt((
        value(Following::Many, alt((tag("ff."), tag("ff")))),
        value(Following::One, alt((tag("f."), tag("f")))),
    ))
    .parse(i)
}

/// Russian "and following": `и сл.`, `и след.`, `и далее`.
fn russian_following(i: &str) -> Res<'_, Following> {
    alt((
        value(Following::Many, alt((tag("и след."), tag("и далее")))),
        value(Following::One, tag("и сл.")),
    ))
    .parse(i)
}

/// "Following" written directly after a number: `12f.`, `12ff.`, `12ff`.
pub(crate) fn attached_following(text: &str, i: usize) -> Option<(Following, usize)> {
    if text.as_bytes().get(i) != Some(&b'f') {
        return None;
    }
    let input = rest(text, i);
    let (after, following) = following_word(input).ok()?;
    let end = i + (input.len() - after.len());
    (at_boundary(text, end) && !number_follows(text, end)).then_some((following, end))
}

/// Latin "following" marks, matched in any case; the longest forms come first.
const LATIN_FOLLOWING: [(&str, Following); 14] = [
    ("et seqq.", Following::Many),
    ("et seq.", Following::Many),
    ("et sqq.", Following::Many),
    ("et sq.", Following::Many),
    ("et suiv.", Following::Many),
    ("et s.", Following::Many),
    ("et passim", Following::Passim),
    ("passim", Following::Passim),
    ("seqq.", Following::Many),
    ("sqq.", Following::Many),
    ("sq.", Following::One),
    ("ff.", Following::Many),
    ("ff", Following::Many),
    ("f.", Following::One),
];

/// A "following" mark after a space: `12 f.`, `12 ff.`, `12 sq.`, `12 et seq.`, `12 et s.`,
/// `12 et suiv.`, `12 passim`, `12 и сл.`. `f.` before a number is a folio label instead.
pub(crate) fn spaced_following(text: &str, i: usize) -> Option<(Following, usize)> {
    let j = skip_spaces(text, i);
    if j == i {
        return None;
    }
    // Every mark starts with `e`, `p`, `s`, `f` (any case) or `и`.
    if !matches!(
        text.as_bytes().get(j).map(u8::to_ascii_lowercase),
        Some(b'e' | b'p' | b's' | b'f' | 0xD0)
    ) {
        return None;
    }
    let input = rest(text, j);
    let latin = LATIN_FOLLOWING
        .iter()
        .chain(&[("f", Following::One)])
        .find(|(mark, _)| starts_ci(input, mark))
        .map(|&(mark, following)| (following, mark.len()));
    let found = latin.or_else(|| {
        let (after, following) = russian_following(input).ok()?;
        Some((following, input.len() - after.len()))
    });
    let (following, len) = found?;
    let end = j + len;
    (at_boundary(text, end) && !number_follows(text, end)).then_some((following, end))
}

/// Words that join the two ends of a range when written between spaces.
const RANGE_WORDS: [&str; 6] = ["through", "bis", "to", "à", "по", "au"];

/// A range separator at `i` (`-`, `–`, `--`, ` to `, ` bis `, ` à `, ` по `); returns where
/// the second number would start.
pub(crate) fn range_separator(text: &str, i: usize) -> Option<usize> {
    let j = skip_spaces(text, i);
    let c = char_at(text, j)?;
    if is_dash(c) {
        let mut k = j + c.len_utf8();
        // TeX writes ranges `33--35`.
        while c == '-' && char_at(text, k) == Some('-') && k < j + 3 {
            k += 1;
        }
        return Some(skip_spaces(text, k));
    }
    if j == i {
        return None;
    }
    let input = rest(text, j);
    let word = RANGE_WORDS.iter().find(|w| starts_ci(input, w))?;
    let after = j + word.len();
    let k = skip_spaces(text, after);
    (k > after).then_some(k)
}

/// Words that join list items when written between spaces.
const JOIN_WORDS: [&str; 6] = ["and", "und", "et", "u.", "и", "or"];

/// A list joiner at `i` (`,`, ` and `, ` et `, ` und `, ` u. `, ` и `, `&`, `+`); returns where
/// the next item would start.
pub(crate) fn joiner(text: &str, i: usize) -> Option<usize> {
    let j = skip_spaces(text, i);
    let c = char_at(text, j)?;
    if matches!(c, ',' | '&' | '+') {
        let k = skip_spaces(text, j + 1);
        // `12, 15, and 18`: a joining word may follow the comma.
        if c == ',' {
            if let Some(word) = JOIN_WORDS.iter().find(|w| starts_ci(rest(text, k), w)) {
                let after = skip_spaces(text, k + word.len());
                if after > k + word.len() {
                    return Some(after);
                }
            }
        }
        return Some(k);
    }
    if j == i {
        return None;
    }
    let input = rest(text, j);
    let word = JOIN_WORDS.iter().find(|w| starts_ci(input, w))?;
    let after = j + word.len();
    let k = skip_spaces(text, after);
    (k > after).then_some(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides() {
        assert_eq!(attached_side("12v", 2), Some((Side::Verso, 3)));
        assert_eq!(attached_side("12r°,", 2), Some((Side::Recto, 5)));
        assert_eq!(attached_side("5об.", 1), Some((Side::Verso, 6)));
        assert_eq!(attached_side("12vol", 2), None);
        assert_eq!(
            spaced_side("5 об.", 1, false),
            Some((Side::Verso, "5 об.".len()))
        );
        assert_eq!(spaced_side("5 v.", 1, true), Some((Side::Verso, 4)));
        assert_eq!(spaced_side("5 v.", 1, false), None);
        assert_eq!(spaced_side("5 v. 3", 1, true), None);
        assert_eq!(
            spaced_side("4 r°", 1, true),
            Some((Side::Recto, "4 r°".len()))
        );
        assert_eq!(spaced_side("12 verso", 2, false), Some((Side::Verso, 8)));
        assert_eq!(spaced_side("12 vol.", 2, true), None);
        assert_eq!(spaced_side("5 Rs.", 1, true), Some((Side::Verso, 5)));
        assert_eq!(spaced_side("5 Vs.", 1, true), Some((Side::Recto, 5)));
        assert_eq!(spaced_side("5 Rs.", 1, false), None);
        assert_eq!(lone_side("v, 5", 0), Some((Side::Verso, 1)));
        assert_eq!(lone_side("vi", 0), None);
    }

    #[test]
    fn following() {
        assert_eq!(attached_following("12ff.", 2), Some((Following::Many, 5)));
        assert_eq!(attached_following("12f", 2), Some((Following::One, 3)));
        assert_eq!(attached_following("12fol", 2), None);
        for (text, following) in [
            ("12 f.", Following::One),
            ("12 ff.", Following::Many),
            ("12 ff", Following::Many),
            ("12 sq.", Following::One),
            ("12 sqq.", Following::Many),
            ("12 et seq.", Following::Many),
            ("12 et s.", Following::Many),
            ("12 et suiv.", Following::Many),
            ("12 passim", Following::Passim),
            ("12 et passim", Following::Passim),
            ("12 и сл.", Following::One),
            ("12 и след.", Following::Many),
        ] {
            assert_eq!(
                spaced_following(text, 2),
                Some((following, text.len())),
                "{text}"
            );
        }
        // Before a number `f.` is a folio label; a longer word is not a mark.
        assert_eq!(spaced_following("12 f. 13", 2), None);
        assert_eq!(spaced_following("12 fol.", 2), None);
        assert_eq!(spaced_following("12 и 13", 2), None);
        assert_eq!(spaced_following("12f.", 2), None);
    }

    #[test]
    fn ranges_and_joiners() {
        assert_eq!(range_separator("33-35", 2), Some(3));
        assert_eq!(range_separator("33 – 35", 2), Some(7));
        assert_eq!(range_separator("33--35", 2), Some(4));
        assert_eq!(range_separator("5 to 7", 1), Some(5));
        assert_eq!(range_separator("5 bis 7", 1), Some(6));
        assert_eq!(range_separator("5 по 7", 1), Some("5 по ".len()));
        assert_eq!(range_separator("5 today", 1), None);
        assert_eq!(range_separator("5to 7", 1), None);
        assert_eq!(joiner("33, 38", 2), Some(4));
        assert_eq!(joiner("32 et 33", 2), Some(6));
        assert_eq!(joiner("5 und 6", 1), Some(6));
        assert_eq!(joiner("5 u. 6", 1), Some(5));
        assert_eq!(joiner("5 и 6", 1), Some("5 и ".len()));
        assert_eq!(joiner("5 andere", 1), None);
        assert_eq!(joiner("12, and 18", 2), Some(8));
        assert_eq!(joiner("12, andere", 2), Some(4));
        assert_eq!(joiner("5", 1), None);
    }
}
