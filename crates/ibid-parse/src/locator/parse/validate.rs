//! Values that read as numbers but are almost certainly mistyped: `5l` (letter l for 1),
//! `6O` (letter O for 0), `61a2` (letters between digits). Reported as errors, value kept.

use crate::locator::{Locator, LocatorLabel, LocatorNumber, NumberKind};
use crate::{ParseError, ParseErrorKind};

/// Labels whose values are plain numbers, where a letter in the middle is a typo. Archival
/// files and fonds (`Р-175`, `LA10/146`), appendices and sub-verbo entries are left alone.
fn expects_plain_numbers(label: LocatorLabel) -> bool {
    matches!(
        label,
        LocatorLabel::Page
            | LocatorLabel::Folio
            | LocatorLabel::Column
            | LocatorLabel::Line
            | LocatorLabel::Paragraph
            | LocatorLabel::Note
            | LocatorLabel::Document
            | LocatorLabel::Volume
            | LocatorLabel::Issue
    )
}

/// Errors for the numbers of `locators` that look mistyped.
pub(crate) fn mistyped_numbers<'l>(
    locators: impl IntoIterator<Item = &'l Locator>,
    input: &str,
) -> Vec<ParseError> {
    let mut errors = Vec::new();
    for locator in locators
        .into_iter()
        .filter(|l| expects_plain_numbers(l.label))
    {
        let numbers = locator
            .ranges
            .iter()
            .flat_map(|r| std::iter::once(&r.first).chain(r.last.as_ref()));
        for number in numbers {
            if let Some(message) = mistyped(number, input, locator.label) {
                errors.push(ParseError::new(
                    ParseErrorKind::MistypedNumber,
                    message,
                    number.span,
                ));
            }
        }
    }
    errors
}

/// Why `number` looks mistyped, if it does.
fn mistyped(number: &LocatorNumber, input: &str, label: LocatorLabel) -> Option<String> {
    let text = number.span.slice(input);
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let rest = &text[digits..];
    match number.kind {
        NumberKind::Arabic if matches!(rest, "l" | "I" | "O" | "o") => Some(format!(
            "`{text}` is not a {label} number: `{rest}` after digits looks like a mistyped `{}`",
            if matches!(rest, "l" | "I") { '1' } else { '0' }
        )),
        NumberKind::Identifier => {
            let letters = rest.chars().take_while(|c| c.is_alphabetic()).count();
            let after: &str = rest
                .char_indices()
                .nth(letters)
                .map_or("", |(i, _)| &rest[i..]);
            let digits_again = after.starts_with(|c: char| c.is_ascii_digit());
            let plain = after.chars().all(|c| c.is_ascii_alphanumeric());
            (letters > 0 && digits_again && plain).then(|| {
                format!("`{text}` is not a {label} number: letters stand between its digits")
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::parse_locators;

    fn errors(input: &str) -> Vec<(String, &str)> {
        parse_locators(input)
            .errors
            .into_iter()
            .map(|e| (e.message, e.span.slice(input)))
            .collect()
    }

    #[test]
    fn digit_lookalike_letters_are_reported() {
        let found = errors("p. 5l");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "5l");
        assert!(found[0].0.contains("mistyped `1`"), "{}", found[0].0);
        assert_eq!(errors("pp. 1O-12")[0].1, "1O");
    }

    #[test]
    fn letters_between_digits_are_reported() {
        assert_eq!(errors("p. 61a2")[0].1, "61a2");
        assert_eq!(errors("p. 6l2")[0].1, "6l2");
    }

    #[test]
    fn ordinary_values_are_not() {
        for clean in [
            "p. 12a",
            "pp. 12b-13",
            "fol. 4v",
            "Л. 5 об.",
            "d. LA10/146",
            "f. Р-175",
            "§ 4.4.8",
        ] {
            assert!(errors(clean).is_empty(), "{clean}: {:?}", errors(clean));
        }
    }
}
