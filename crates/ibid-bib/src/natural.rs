//! Numeric ("natural") order for what archives and editions number: `d. 2` before `d. 10`,
//! `Л. 2` before `Л. 2 об.`, `p. 612` before `p. 1200`, ranges by their start.

use ibid_parse::{parse_locators, LocatorLabel, LocatorNumber, Side};
use std::cmp::Ordering;

/// One piece of a value: a run of digits (compared as a number) or of other characters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Piece {
    Number(u128, usize),
    Text(String),
}

/// A value split into digit runs and text, compared piece by piece: `Р-2` < `Р-10`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NaturalKey(Vec<Piece>);

/// The natural key of `text`: lower-cased, blanks and punctuation between pieces ignored.
pub fn natural_key(text: &str) -> NaturalKey {
    let mut pieces = Vec::new();
    let mut digits = String::new();
    let mut word = String::new();
    let flush_word = |word: &mut String, pieces: &mut Vec<Piece>| {
        if !word.is_empty() {
            pieces.push(Piece::Text(std::mem::take(word)));
        }
    };
    let flush_digits = |digits: &mut String, pieces: &mut Vec<Piece>| {
        if !digits.is_empty() {
            let value = digits.parse::<u128>().unwrap_or(u128::MAX);
            pieces.push(Piece::Number(value, digits.len()));
            digits.clear();
        }
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            flush_word(&mut word, &mut pieces);
            digits.push(c);
        } else if c.is_alphanumeric() {
            flush_digits(&mut digits, &mut pieces);
            word.extend(c.to_lowercase());
        } else {
            flush_digits(&mut digits, &mut pieces);
            flush_word(&mut word, &mut pieces);
        }
    }
    flush_digits(&mut digits, &mut pieces);
    flush_word(&mut word, &mut pieces);
    NaturalKey(pieces)
}

/// The place of one number: its value (else its text), then recto before verso.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct NumberKey {
    value: NaturalKey,
    side: u8,
}

fn number_key(number: &LocatorNumber, input: &str) -> NumberKey {
    let value = match number.value {
        Some(v) => NaturalKey(vec![Piece::Number(u128::from(v), 0)]),
        None => natural_key(number.span.slice(input)),
    };
    let side = match number.side {
        None => 0,
        Some(Side::Recto) => 1,
        Some(Side::Verso) => 2,
    };
    NumberKey { value, side }
}

/// The sort key of one locator: its label, the start of its first range, then its end.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct OneLocator {
    label: LocatorLabel,
    start: NumberKey,
    end: Option<NumberKey>,
}

/// The order of pinpoints as written (`doc. 652, p. 612`): locator by locator, each by
/// label, then numerically by the start of its first range, then by its end. Text that
/// holds no locator sorts after every locator, by its natural key.
#[derive(Debug, Clone)]
pub struct LocatorKey {
    locators: Vec<OneLocator>,
    rest: NaturalKey,
}

impl Ord for LocatorKey {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.locators.is_empty(), other.locators.is_empty()) {
            (false, true) => return Ordering::Less,
            (true, false) => return Ordering::Greater,
            _ => {}
        }
        // The same locators written differently (`doc. 652` and `Document 652`) are equal;
        // text without locators is compared as text.
        match self.locators.is_empty() {
            false => self.locators.cmp(&other.locators),
            true => self.rest.cmp(&other.rest),
        }
    }
}

impl PartialEq for LocatorKey {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for LocatorKey {}

impl PartialOrd for LocatorKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The sort key of a pinpoint as written.
pub fn locator_key(text: &str) -> LocatorKey {
    let parsed = parse_locators(text);
    let locators = parsed
        .value
        .iter()
        .filter_map(|l| {
            let range = l.ranges.first()?;
            Some(OneLocator {
                label: l.label,
                start: number_key(&range.first, text),
                end: range.last.as_ref().map(|n| number_key(n, text)),
            })
        })
        .collect();
    LocatorKey {
        locators,
        rest: natural_key(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_compare_as_numbers() {
        assert!(natural_key("d. 2") < natural_key("d. 10"));
        assert!(natural_key("Р-2") < natural_key("Р-10"));
        assert!(natural_key("R 901/7") < natural_key("R 901/71200"));
        assert_eq!(natural_key("F/7/13490"), natural_key("f 7 13490"));
    }

    #[test]
    fn pinpoints_by_label_then_start_then_side() {
        assert!(locator_key("p. 612") < locator_key("p. 1200"));
        assert!(locator_key("pp. 598–599") < locator_key("p. 612"));
        assert!(locator_key("Л. 2") < locator_key("Л. 2 об."));
        assert!(locator_key("Л. 2 об.") < locator_key("Л. 3"));
        assert!(locator_key("doc. 652, p. 612") < locator_key("doc. 655, p. 615"));
        assert!(locator_key("pp. 12–14") < locator_key("pp. 12–20"));
        assert!(locator_key("p. 5") < locator_key("a note"));
        assert_eq!(
            locator_key("Document 652, page 612"),
            locator_key("doc. 652, p. 612")
        );
    }
}
