//! One pandoc citation, bracketed (`[see @doe99, pp. 33-35; @smith04]`) or in-text
//! (`@doe99 [p. 33]`), with errors for what cannot be one.
//!
//! Decisions worth knowing (pandoc's reader is the reference):
//! - `[@key](url)` and `[@key][ref]` are citations followed by text: pandoc tries a citation
//!   before a link. `@key [p. 33](url)` is an in-text citation followed by a link.
//! - Brackets nest inside prefixes and suffixes (`[see [2] @doe]`); a key inside nested
//!   brackets does not make an item. Text between `;` and the next key is that key's prefix.
//! - Braced keys may hold spaces (`@{Foo Bar}`), which pandoc's reader does not allow.
//! - The locator extends over what the locator grammar reads after pandoc's split (`p. 33 ff.`,
//!   `л. 5 об.`, `doc. 652, p. 612`), so archival chains stay whole.

pub(crate) mod items;
pub(crate) mod key;
pub(crate) mod locsplit;
pub(crate) mod markup;

use super::Citation;
use crate::text::trim_span;
use crate::{ParseError, ParseErrorKind, Parsed, Span};
use markup::Markup;

/// Parse `input` as one pandoc citation (`[see @doe99, p. 33]`, `@doe99 [p. 33]`).
///
/// ```
/// use ibid_parse::parse_citation;
///
/// let input = "[see @doe99, pp. 33-35 and *passim*; @smith04, chap. 1]";
/// let citation = parse_citation(input).value.unwrap();
/// let first = &citation.items[0];
/// assert_eq!(first.key.slice(input), "doe99");
/// assert_eq!(first.prefix.unwrap().slice(input), "see");
/// assert_eq!(first.locator.unwrap().slice(input), "pp. 33-35");
/// assert_eq!(first.suffix.unwrap().slice(input), "and *passim*");
/// assert!(first.locator_errors.is_empty());
/// ```
pub fn parse_citation(input: &str) -> Parsed<Option<Citation>> {
    let whole = trim_span(input, Span::new(0, input.len()));
    if whole.is_empty() {
        return Parsed::ok(None);
    }
    let markup = Markup::new(input, 0, input.len());
    let bytes = input.as_bytes();
    let rest = whole.slice(input);
    let mut parsed = match bytes.get(whole.start) {
        Some(b'[') => bracketed(input, &markup, whole),
        _ if rest.starts_with('@') || rest.starts_with("-@") => in_text(input, &markup, whole),
        _ => failed(
            ParseErrorKind::NotRecognized,
            "not a pandoc citation: write `[@key]`, `[see @key, p. 12]` or `@key`",
            whole,
            whole,
        ),
    };
    if let Some(citation) = &parsed.value {
        // Mistyped numbers are the citation's errors too; text its locators could not read
        // stays with the item (`locator_errors`), as pandoc leaves it in the suffix.
        let mistyped = citation.items.iter().flat_map(|item| {
            item.locator_errors
                .iter()
                .filter(|e| e.kind == ParseErrorKind::MistypedNumber)
                .cloned()
        });
        parsed.errors.splice(0..0, mistyped);
    }
    parsed
}

fn failed(kind: ParseErrorKind, message: &str, at: Span, whole: Span) -> Parsed<Option<Citation>> {
    Parsed {
        value: None,
        errors: vec![ParseError::new(kind, message, at)],
        remainder: Some(whole),
    }
}

/// Text after the citation is kept as the remainder, with an error.
fn with_rest(input: &str, citation: Citation, whole: Span) -> Parsed<Option<Citation>> {
    let rest = trim_span(input, Span::new(citation.span.end, whole.end));
    if rest.is_empty() {
        return Parsed::ok(Some(citation));
    }
    Parsed {
        value: Some(citation),
        errors: vec![ParseError::new(
            ParseErrorKind::UnexpectedText,
            format!(
                "unexpected text after the citation: `{}`",
                rest.slice(input)
            ),
            rest,
        )],
        remainder: Some(rest),
    }
}

fn bracketed(input: &str, markup: &Markup, whole: Span) -> Parsed<Option<Citation>> {
    let open = whole.start;
    let Some(close) = markup.close_of(input, open) else {
        return unclosed(input, markup, whole);
    };
    let segs = items::segments(input, markup, open + 1, close);
    if segs.iter().all(|s| s.key.is_none()) {
        return failed(
            ParseErrorKind::MissingKey,
            "no citation key in the brackets: a pandoc citation needs `@key`",
            Span::new(open, close + 1),
            whole,
        );
    }
    let (found, keyless) = items::items(input, markup, &segs);
    let citation = Citation {
        mode: crate::CitationMode::Bracketed,
        items: found,
        span: Span::new(open, close + 1),
    };
    let mut parsed = with_rest(input, citation, whole);
    if let Some(tail) = keyless {
        parsed.errors.insert(
            0,
            ParseError::new(
                ParseErrorKind::MissingKey,
                match tail.slice(input) {
                    ";" => "nothing is cited after the last `;`: add `@key` or remove the `;`"
                        .to_string(),
                    text => format!("no `@key` after the last `;`: `{text}` cites nothing"),
                },
                tail,
            ),
        );
        // The text that cites nothing is not part of any item; keep it as the remainder
        // unless trailing text already is.
        if parsed.remainder.is_none() {
            parsed.remainder = Some(tail);
        }
    }
    parsed
}

/// `[see @doe` with no `]`: the items as if it were closed, an error at the `[`, and the whole
/// text as the remainder.
fn unclosed(input: &str, markup: &Markup, whole: Span) -> Parsed<Option<Citation>> {
    let open = whole.start;
    let segs = items::segments(input, markup, open + 1, whole.end);
    let (found, _) = items::items(input, markup, &segs);
    let last_word = whole
        .slice(input)
        .rsplit(crate::text::is_space)
        .next()
        .unwrap_or("");
    let value = (!found.is_empty()).then_some(Citation {
        mode: crate::CitationMode::Bracketed,
        items: found,
        span: whole,
    });
    Parsed {
        value,
        errors: vec![ParseError::new(
            ParseErrorKind::UnclosedBracket,
            format!("unclosed `[`: add `]` after `{last_word}`"),
            Span::new(open, open + 1),
        )],
        remainder: Some(whole),
    }
}

fn in_text(input: &str, markup: &Markup, whole: Span) -> Parsed<Option<Citation>> {
    match items::in_text(input, markup, whole.start, whole.end) {
        Some(citation) => with_rest(input, citation, whole),
        None => {
            // `@` or `-@`: ASCII, so the span ends on a character boundary.
            let at_len = whole.slice(input).find('@').map_or(1, |i| i + 1);
            let marker = Span::new(whole.start, whole.start + at_len);
            failed(
                ParseErrorKind::MissingKey,
                "`@` must be followed by a citation key: a letter, digit or `_`, or `{...}`",
                marker,
                whole,
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CitationMode;

    fn texts(input: &str, span: Option<Span>) -> Option<&str> {
        span.map(|s| s.slice(input))
    }

    #[test]
    fn the_manual_example_has_two_items() {
        let input = "[see @doe99, pp. 33-35 and *passim*; @smith04, chap. 1]";
        let parsed = parse_citation(input);
        assert!(parsed.is_clean(), "{:?}", parsed.errors);
        let c = parsed.value.unwrap();
        assert_eq!(c.mode, CitationMode::Bracketed);
        assert_eq!(c.span, Span::new(0, input.len()));
        let [a, b] = &c.items[..] else {
            panic!("two items")
        };
        assert_eq!(a.key.slice(input), "doe99");
        assert_eq!(texts(input, a.prefix), Some("see"));
        assert_eq!(texts(input, a.locator), Some("pp. 33-35"));
        assert_eq!(texts(input, a.suffix), Some("and *passim*"));
        assert_eq!(a.span.slice(input), "see @doe99, pp. 33-35 and *passim*");
        assert_eq!(b.key.slice(input), "smith04");
        assert_eq!(b.prefix, None);
        assert_eq!(texts(input, b.locator), Some("chap. 1"));
        assert_eq!(b.suffix, None);
        assert_eq!(b.span.slice(input), "@smith04, chap. 1");
    }

    #[test]
    fn in_text_with_a_locator_in_brackets() {
        let input = "@doe99 [p. 33]";
        let c = parse_citation(input).value.unwrap();
        assert_eq!(c.mode, CitationMode::InText);
        assert_eq!(c.span, Span::new(0, 14));
        assert_eq!(texts(input, c.items[0].locator), Some("p. 33"));
        assert_eq!(c.items[0].span.slice(input), "@doe99 [p. 33");
    }

    #[test]
    fn suppressed_author_and_braced_keys() {
        let input = "[-@doe99]";
        let c = parse_citation(input).value.unwrap();
        assert!(c.items[0].suppress_author);
        assert_eq!(c.items[0].span.slice(input), "-@doe99");
        let input = "[@{Foo Bar}, p. 3]";
        let c = parse_citation(input).value.unwrap();
        assert_eq!(c.items[0].key.slice(input), "Foo Bar");
        assert_eq!(texts(input, c.items[0].locator), Some("p. 3"));
    }

    #[test]
    fn unclosed_bracket_is_an_error_at_the_bracket() {
        let input = "  [see @doe";
        let parsed = parse_citation(input);
        assert_eq!(parsed.errors.len(), 1);
        assert_eq!(parsed.errors[0].span, Span::new(2, 3));
        assert_eq!(
            parsed.errors[0].message,
            "unclosed `[`: add `]` after `@doe`"
        );
        assert_eq!(parsed.remainder, Some(Span::new(2, input.len())));
        assert_eq!(parsed.value.unwrap().items[0].key.slice(input), "doe");
    }

    #[test]
    fn brackets_without_a_key_are_not_a_citation() {
        let parsed = parse_citation("[see p. 33]");
        assert_eq!(parsed.value, None);
        assert_eq!(parsed.remainder, Some(Span::new(0, 11)));
        let parsed = parse_citation("[email user@example.com]");
        assert_eq!(parsed.value, None);
    }

    #[test]
    fn text_after_the_citation_is_kept() {
        let input = "[@doe99](https://example.com)";
        let parsed = parse_citation(input);
        assert_eq!(parsed.value.unwrap().span, Span::new(0, 8));
        assert_eq!(
            texts(input, parsed.remainder),
            Some("(https://example.com)")
        );
        assert_eq!(parsed.errors.len(), 1);
    }

    #[test]
    fn a_semicolon_with_nothing_cited_after_it() {
        let input = "[@doe99; see also]";
        let parsed = parse_citation(input);
        assert_eq!(parsed.value.unwrap().items.len(), 1);
        assert_eq!(texts(input, parsed.remainder), Some("see also"));
        assert_eq!(parsed.errors[0].span.slice(input), "see also");
    }
}
