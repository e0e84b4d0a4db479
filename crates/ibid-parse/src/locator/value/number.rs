//! One number of a locator value: arabic (`12`, `12a`), roman (`VII`, `xi`), or an identifier
//! (`4.4.8`, `LA10/146`, `123(4)(a)`, `Р-175`), with marks written against it (`12v`, `5об.`, `12ff.`).

use super::groups::{group_end, has_digit, spaced_group_end};
use super::lex::{alnum_end, at_boundary, char_at};
use super::marks::{attached_following, attached_side};
use crate::locator::{Following, LocatorNumber, NumberKind};
use crate::text::is_dash;
use crate::Span;
use nom::character::complete::digit1;

/// A number read from the text, with the marks written directly after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Num {
    /// The number; its span excludes any recto/verso or "following" mark.
    pub number: LocatorNumber,
    /// Where the number and its attached marks end.
    pub end: usize,
    /// A "following" mark written against the number (`12f.`, `12ff.`).
    pub following: Option<Following>,
}

/// Read one number at byte `pos` of `text`.
///
/// With `letters`, a single capital letter is a value too (`Appendix B`). A word of letters
/// that is not a roman numeral is not a number. A number may carry bracket groups (`12(3)[4]5`,
/// see `groups.rs`), start with a `[…]` group holding a digit (`[14]`, `[20-31]`) or, as the
/// end of a range, with any group (`44(1)-(3)`, `(ii)-(v)`); a page followed by a space and a
/// `[…]` group with a digit (`591 [84]`) is one identifier with it.
pub(crate) fn scan_number(text: &str, pos: usize, letters: bool) -> Option<Num> {
    let mut num = scan_plain_number(text, pos, letters)?;
    let plain = num.following.is_none() && num.number.side.is_none();
    if plain && num.number.kind != NumberKind::Roman {
        if let Some(end) = spaced_group_end(text, num.end) {
            num.number.span.end = end;
            num.number.kind = NumberKind::Identifier;
            num.number.value = None;
            num.end = end;
        }
    }
    Some(num)
}

/// One number at `pos`, without a pinpoint group after a space.
fn scan_plain_number(text: &str, pos: usize, letters: bool) -> Option<Num> {
    let c = char_at(text, pos)?;
    if c.is_ascii_digit() {
        return Some(arabic(text, pos));
    }
    if matches!(c, '[' | '(' | '{') {
        return grouped(text, pos);
    }
    if !crate::text::is_letter(c) {
        return None;
    }
    let word_end = alnum_end(text, pos);
    let word = text.get(pos..word_end)?;
    let number = |end: usize, kind, value| Num {
        number: LocatorNumber {
            span: Span::new(pos, end),
            kind,
            value,
            side: None,
        },
        end,
        following: None,
    };
    if word.bytes().any(|b| b.is_ascii_digit()) {
        let end = identifier_end(text, word_end);
        return Some(number(end, NumberKind::Identifier, None));
    }
    if let Some(end) = prefixed_end(text, pos, word_end) {
        return Some(number(end, NumberKind::Identifier, None));
    }
    // `M.126`: letters joined to digits by `.` `/` `:`, unless the letters are a label (`S.12`).
    let joined_end = identifier_end(text, word_end);
    if joined_end > word_end && crate::locator::lookup_label(word).is_none() {
        return Some(number(joined_end, NumberKind::Identifier, None));
    }
    if letters && word_end == pos + c.len_utf8() && c.is_uppercase() {
        return Some(number(word_end, NumberKind::Identifier, None));
    }
    roman_value(word).map(|value| number(word_end, NumberKind::Roman, Some(value)))
}

/// A number starting with a bracket group at `pos`: a `[…]` group holding a digit (`[14]`,
/// `[8.2]`), or any group right after a range's dash (`(3)` of `44(1)-(3)`).
fn grouped(text: &str, pos: usize) -> Option<Num> {
    let group = group_end(text, pos)?;
    let after_dash = text
        .get(..pos)
        .and_then(|before| before.chars().next_back())
        .is_some_and(is_dash);
    let square = text.as_bytes().get(pos) == Some(&b'[');
    if !(after_dash || square && has_digit(text, pos, group)) {
        return None;
    }
    let end = identifier_end(text, group);
    Some(Num {
        number: LocatorNumber {
            span: Span::new(pos, end),
            kind: NumberKind::Identifier,
            value: None,
            side: None,
        },
        end,
        following: None,
    })
}

/// A number starting with a digit at `pos`.
fn arabic(text: &str, pos: usize) -> Num {
    let rest = text.get(pos..).unwrap_or("");
    let digits = digit1::<&str, nom::error::Error<&str>>(rest)
        .map(|(_, d)| d)
        .unwrap_or("");
    let digits_end = pos + digits.len();
    let value = digits.bytes().try_fold(0u32, |acc, b| {
        acc.checked_mul(10)?.checked_add(u32::from(b - b'0'))
    });
    let mut number = LocatorNumber {
        span: Span::new(pos, digits_end),
        kind: NumberKind::Arabic,
        value,
        side: None,
    };
    if let Some((side, end)) = attached_side(text, digits_end) {
        number.side = Some(side);
        return Num {
            number,
            end,
            following: None,
        };
    }
    if let Some((following, end)) = attached_following(text, digits_end) {
        return Num {
            number,
            end,
            following: Some(following),
        };
    }
    let end = identifier_end(text, digits_end);
    if end != digits_end {
        let suffix = text.get(digits_end..end).unwrap_or("");
        let mut chars = suffix.chars();
        let single_letter =
            chars.next().is_some_and(crate::text::is_letter) && chars.next().is_none();
        if !single_letter {
            number.kind = NumberKind::Identifier;
            number.value = None;
        }
        number.span.end = end;
    }
    Num {
        number,
        end,
        following: None,
    }
}

/// Extend an identifier from `i` over letters, digits, inner `.` `/` `:` and balanced
/// bracket groups (`(4)(a)`, `[4]`, `(4.1)`).
fn identifier_end(text: &str, mut i: usize) -> usize {
    loop {
        match char_at(text, i) {
            Some(c) if crate::text::is_alphanumeric(c) => i = alnum_end(text, i),
            Some('.' | '/' | ':') if !at_boundary(text, i + 1) => i = alnum_end(text, i + 1),
            Some('(' | '[' | '{') => match group_end(text, i) {
                Some(end) => i = end,
                None => return i,
            },
            _ => return i,
        }
    }
}

/// The end of a prefixed number such as `Р-175` or `R-175`: up to four capital letters, a
/// dash and digits. `None` if the word at `pos..word_end` is not such a prefix.
fn prefixed_end(text: &str, pos: usize, word_end: usize) -> Option<usize> {
    let word = text.get(pos..word_end)?;
    if word.chars().count() > 4 || !word.chars().all(char::is_uppercase) {
        return None;
    }
    let dash = char_at(text, word_end).filter(|&c| is_dash(c))?;
    let digits = word_end + dash.len_utf8();
    if !char_at(text, digits)?.is_ascii_digit() {
        return None;
    }
    Some(identifier_end(text, digits))
}

/// The value of a roman numeral written in canonical form, in one case (`VII`, `xiv`).
pub(crate) fn roman_value(word: &str) -> Option<u32> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > 15 {
        return None;
    }
    let upper = bytes[0].is_ascii_uppercase();
    let digit = |b: u8| -> Option<u32> {
        if b.is_ascii_uppercase() != upper {
            return None;
        }
        Some(match b.to_ascii_uppercase() {
            b'I' => 1,
            b'V' => 5,
            b'X' => 10,
            b'L' => 50,
            b'C' => 100,
            b'D' => 500,
            b'M' => 1000,
            _ => return None,
        })
    };
    let mut signed = 0i64;
    for (i, &b) in bytes.iter().enumerate() {
        let v = i64::from(digit(b)?);
        let next = bytes
            .get(i + 1)
            .copied()
            .and_then(digit)
            .map_or(0, i64::from);
        signed += if v < next { -v } else { v };
    }
    let total = u32::try_from(signed).ok()?;
    // Re-encode the value and require the same letters: rejects `IIII`, `VX`, `IM`, `mid`.
    const PARTS: [(u32, &[u8]); 13] = [
        (1000, b"M"),
        (900, b"CM"),
        (500, b"D"),
        (400, b"CD"),
        (100, b"C"),
        (90, b"XC"),
        (50, b"L"),
        (40, b"XL"),
        (10, b"X"),
        (9, b"IX"),
        (5, b"V"),
        (4, b"IV"),
        (1, b"I"),
    ];
    let mut rest = total;
    let mut at = 0;
    for (value, letters) in PARTS {
        while rest >= value {
            let written = bytes.get(at..at + letters.len())?;
            if !written.eq_ignore_ascii_case(letters) {
                return None;
            }
            at += letters.len();
            rest -= value;
        }
    }
    (at == bytes.len() && total > 0).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locator::Side;

    /// Kind, value, text, side and end of the number at the start of a text.
    type Read<'a> = (NumberKind, Option<u32>, &'a str, Option<Side>, usize);

    fn read(text: &str) -> Option<Read<'_>> {
        scan_number(text, 0, false).map(|n| {
            (
                n.number.kind,
                n.number.value,
                n.number.span.slice(text),
                n.number.side,
                n.end,
            )
        })
    }

    #[test]
    fn arabic_numbers() {
        assert_eq!(
            read("12"),
            Some((NumberKind::Arabic, Some(12), "12", None, 2))
        );
        assert_eq!(
            read("12a, 13"),
            Some((NumberKind::Arabic, Some(12), "12a", None, 3))
        );
        assert_eq!(
            read("612–13"),
            Some((NumberKind::Arabic, Some(612), "612", None, 3))
        );
        assert_eq!(
            read("12б"),
            Some((NumberKind::Arabic, Some(12), "12б", None, 4))
        );
        assert_eq!(read("99999999999").map(|r| r.1), Some(None));
    }

    #[test]
    fn sides_written_against_the_number() {
        assert_eq!(
            read("12v"),
            Some((NumberKind::Arabic, Some(12), "12", Some(Side::Verso), 3))
        );
        assert_eq!(
            read("12r."),
            Some((NumberKind::Arabic, Some(12), "12", Some(Side::Recto), 3))
        );
        assert_eq!(
            read("4r°").map(|r| (r.3, r.4)),
            Some((Some(Side::Recto), 4))
        );
        assert_eq!(read("4v°").map(|r| r.3), Some(Some(Side::Verso)));
        assert_eq!(
            read("5об.").map(|r| (r.2, r.3, r.4)),
            Some(("5", Some(Side::Verso), "5об.".len()))
        );
        assert_eq!(read("5об").map(|r| r.4), Some("5об".len()));
        // A longer word is not a side: `12vol` is an identifier.
        assert_eq!(read("12vol").map(|r| r.0), Some(NumberKind::Identifier));
    }

    #[test]
    fn following_written_against_the_number() {
        let n = scan_number("12ff.", 0, false).unwrap();
        assert_eq!(
            (n.number.span.end, n.end, n.following),
            (2, 5, Some(Following::Many))
        );
        let n = scan_number("12f.", 0, false).unwrap();
        assert_eq!((n.end, n.following), (4, Some(Following::One)));
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(
            read("VII"),
            Some((NumberKind::Roman, Some(7), "VII", None, 3))
        );
        assert_eq!(
            read("xiv."),
            Some((NumberKind::Roman, Some(14), "xiv", None, 3))
        );
        assert_eq!(read("MCMXXI").map(|r| r.1), Some(Some(1921)));
        assert_eq!(read("IV").map(|r| r.1), Some(Some(4)));
        assert_eq!(read("xlix").map(|r| r.1), Some(Some(49)));
        for word in [
            "Vii", "IIII", "VX", "mid", "dim", "vivid", "Smith", "civil", "IM",
        ] {
            assert_eq!(read(word), None, "{word}");
        }
    }

    #[test]
    fn identifiers() {
        for (text, written) in [
            ("4.4.8", "4.4.8"),
            ("LA10/146,", "LA10/146"),
            ("123(4)(a) and", "123(4)(a)"),
            ("Р-175", "Р-175"),
            ("R-175.", "R-175"),
            ("12bis", "12bis"),
            ("00:12:34", "00:12:34"),
            ("M.126", "M.126"),
        ] {
            assert_eq!(
                read(text).map(|r| (r.0, r.2)),
                Some((NumberKind::Identifier, written))
            );
        }
        // An unclosed group stops the identifier before it.
        assert_eq!(read("12(4").map(|r| r.2), Some("12"));
        // A full stop followed by a space ends the number.
        assert_eq!(read("17. Оп.").map(|r| r.2), Some("17"));
        // Lower-case or long prefixes are words, not identifiers.
        assert_eq!(read("abc-12"), None);
    }

    #[test]
    fn single_letters_only_when_asked() {
        assert_eq!(scan_number("B", 0, false), None);
        assert_eq!(
            scan_number("B", 0, true).map(|n| n.number.kind),
            Some(NumberKind::Identifier)
        );
        // `C` reads as a roman numeral unless single letters are values.
        assert_eq!(read("C").map(|r| r.0), Some(NumberKind::Roman));
        assert_eq!(
            scan_number("C", 0, true).map(|n| n.number.kind),
            Some(NumberKind::Identifier)
        );
    }
}
