//! The date parser: `1921-02-16`, `February 16, 1921`, `16 февраля 1921 г.`, `19/II`,
//! `22.II.21`, `[1921]`, `n.d.`, `ca. 1920`, ranges and old-style double dates.
//!
//! Decisions worth knowing:
//! - Numeric dates put the day first (`16.02.1921`, `16/02/1921`), except with slashes when
//!   the first number could be a month and the second could not (`02/16/1921`, American).
//!   `1921-12` is ISO (December 1921); `1921-22` and `1921–22` are the range 1921–1922.
//! - A two-digit year takes the century that puts it nearest the context year, or the 1900s,
//!   and is marked `two-digit-year`; a missing year is taken from the context year only, and
//!   marked `context-year`. Parts in the editor's `[...]` are marked `supplied`.
//! - A double date (`3 (16) февраля 1918`, `3/16 February 1918`) is read old style first; the
//!   result is the new-style (Gregorian) date with the old-style one as its `alternate`.
//! - Impossible parts (30 February, month XIII, day 0) are left out of the value and reported
//!   with the span of the part and what is wrong.

mod build;
mod grammar;
mod token;
mod words;

use super::PartialDate;
use crate::{ParseError, ParseErrorKind, Parsed, Span};

/// What is known around a date that helps read it: the year of the document it is in.
///
/// ```
/// use ibid_parse::{parse_date_with, DateContext};
///
/// let date = parse_date_with("19/II", &DateContext::in_year(1921)).value.unwrap();
/// assert_eq!(date.date_parts(), [1921, 2, 19]);
/// assert!(date.year.unwrap().is_inferred());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct DateContext {
    /// The year the surrounding document is dated, used to complete `19/II` or `22.II.21`.
    pub year: Option<i32>,
}

impl DateContext {
    /// The context of a document dated in `year`.
    pub fn in_year(year: i32) -> Self {
        DateContext { year: Some(year) }
    }
}

/// Parse `input` as a date.
///
/// ```
/// use ibid_parse::{parse_date, Calendar};
///
/// let input = "3 (16) февраля 1918 г.";
/// let date = parse_date(input).value.unwrap();
/// assert_eq!(date.date_parts(), [1918, 2, 16]);
/// let old_style = date.alternate.unwrap();
/// assert_eq!(old_style.date_parts(), [1918, 2, 3]);
/// assert_eq!(old_style.calendar, Calendar::Julian);
///
/// let impossible = parse_date("30 February 1921");
/// assert_eq!(impossible.errors[0].message, "February 1921 has 28 days");
/// ```
pub fn parse_date(input: &str) -> Parsed<Option<PartialDate>> {
    parse_date_with(input, &DateContext::default())
}

/// Whether `input` may be a date at all, judged from its first word or digit alone, without
/// reading the rest. `false` means [`parse_date`] would certainly find no date.
pub(crate) fn may_be_date(input: &str) -> bool {
    let rest = input.trim_start_matches(|c: char| crate::text::is_space(c) || c == '[' || c == '(');
    let Some(first) = rest.chars().next() else {
        return false;
    };
    if first.is_ascii_digit() || first == '?' {
        return true;
    }
    let word_len = rest
        .find(|c: char| !(crate::text::is_letter(c) || ('\u{300}'..='\u{36F}').contains(&c)))
        .unwrap_or(rest.len());
    word_len > 0 && words::may_begin_date(&rest[..word_len])
}

/// Parse `input` as a date, using `context` to infer what was not written: a missing year
/// comes from the context year (marked as inferred), and a two-digit year takes the
/// century nearest to it.
///
/// ```
/// use ibid_parse::{parse_date_with, DateContext, InferenceBasis};
///
/// let date = parse_date_with("22.II.05", &DateContext::in_year(2003)).value.unwrap();
/// let year = date.year.unwrap();
/// assert_eq!(year.value, 2005);
/// assert_eq!(year.inferred, Some(InferenceBasis::TwoDigitYear));
/// ```
pub fn parse_date_with(input: &str, context: &DateContext) -> Parsed<Option<PartialDate>> {
    let toks = token::tokenize(input);
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return Parsed::ok(None);
    };
    let whole = Span::new(first.span.start, last.span.end);
    let mut grammar = grammar::Grammar::new(&toks, context.year);
    let Some(raw) = grammar.date() else {
        return Parsed {
            value: None,
            errors: vec![ParseError::new(
                ParseErrorKind::NotRecognized,
                format!(
                    "not a date: expected a day, a month, a year or `n.d.`, found `{}`",
                    first.text
                ),
                first.span,
            )],
            remainder: Some(whole),
        };
    };
    let mut errors = Vec::new();
    if let Some(open) = grammar.unclosed {
        errors.push(ParseError::new(
            ParseErrorKind::UnclosedBracket,
            format!(
                "unclosed `[`: add `]` after `{}`",
                raw.span.slice(input).trim_start_matches('[')
            ),
            open,
        ));
    }
    let value = build::build(raw, context.year, input, &mut errors);
    let remainder = match (&value, toks.get(grammar.i)) {
        (None, _) => Some(whole),
        (Some(_), Some(next)) => {
            let rest = Span::new(next.span.start, last.span.end);
            errors.push(ParseError::new(
                ParseErrorKind::UnexpectedText,
                format!("unexpected text after the date: `{}`", rest.slice(input)),
                rest,
            ));
            Some(rest)
        }
        (Some(_), None) => None,
    };
    Parsed {
        value,
        errors,
        remainder,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Calendar, InferenceBasis};

    fn with_year(input: &str, year: i32) -> Parsed<Option<PartialDate>> {
        parse_date_with(input, &DateContext { year: Some(year) })
    }

    #[test]
    fn a_missing_year_comes_from_the_context_only() {
        let parsed = with_year("19/II", 1921);
        assert!(parsed.is_clean());
        let date = parsed.value.unwrap();
        let year = date.year.unwrap();
        assert_eq!(
            (year.value, year.span, year.inferred),
            (1921, None, Some(InferenceBasis::ContextYear))
        );
        assert_eq!(date.date_parts(), [1921, 2, 19]);
        let date = parse_date("19/II").value.unwrap();
        assert_eq!(date.year, None);
        assert_eq!(date.date_parts(), Vec::<i32>::new());
    }

    #[test]
    fn a_two_digit_year_takes_its_century_from_the_context() {
        let date = with_year("22.II.21", 1921).value.unwrap();
        let year = date.year.unwrap();
        assert_eq!(year.value, 1921);
        assert_eq!(year.span, Some(Span::new(6, 8)));
        assert_eq!(year.inferred, Some(InferenceBasis::TwoDigitYear));
        assert_eq!(
            with_year("22.II.05", 2003)
                .value
                .unwrap()
                .year
                .unwrap()
                .value,
            2005
        );
        assert_eq!(
            parse_date("22.II.05").value.unwrap().year.unwrap().value,
            1905
        );
    }

    #[test]
    fn the_context_year_is_used_to_check_the_day() {
        let parsed = with_year("29/II", 1921);
        assert_eq!(parsed.errors.len(), 1);
        assert_eq!(parsed.errors[0].message, "February 1921 has 28 days");
        assert_eq!(parsed.errors[0].span, Span::new(0, 2));
        assert!(with_year("29/II", 1920).is_clean());
    }

    #[test]
    fn context_years_fill_both_ends_of_a_range_and_both_styles() {
        let date = with_year("16–18 February", 1921).value.unwrap();
        assert_eq!(date.date_parts(), [1921, 2, 16]);
        assert_eq!(date.end.unwrap().date_parts(), [1921, 2, 18]);
        let date = with_year("3 (16) февраля", 1918).value.unwrap();
        assert_eq!(date.date_parts(), [1918, 2, 16]);
        let old = date.alternate.unwrap();
        assert_eq!(old.date_parts(), [1918, 2, 3]);
        assert_eq!(old.calendar, Calendar::Julian);
    }

    #[test]
    fn spans_point_at_what_was_written() {
        let input = "  16 февраля 1921 г.  ";
        let date = parse_date(input).value.unwrap();
        assert_eq!(date.span.slice(input), "16 февраля 1921 г.");
        assert_eq!(date.month.unwrap().span.unwrap().slice(input), "февраля");
        assert_eq!(date.year.unwrap().span.unwrap().slice(input), "1921");
    }

    #[test]
    fn text_around_a_date_is_never_dropped() {
        let parsed = parse_date("19/II. Lenin.");
        assert_eq!(parsed.remainder, Some(Span::new(5, 13)));
        assert_eq!(parsed.errors[0].span, Span::new(5, 13));
        let parsed = parse_date("Spring 1921");
        assert_eq!(parsed.value, None);
        assert_eq!(parsed.remainder, Some(Span::new(0, 11)));
        assert_eq!(parse_date("   "), Parsed::ok(None));
    }

    #[test]
    fn long_repetitive_inputs_finish_and_keep_their_text() {
        // Quadratic reading would not finish in a test run; every result accounts for the input.
        for piece in [
            "[", "16 ", "(", "1921–", "II.", "n. ", "ст. ", "-", "3 (16) ",
        ] {
            let input = piece.repeat(50_000);
            let parsed = parse_date(&input);
            let end = input.trim_end().len();
            match parsed.value {
                None => assert_eq!(parsed.remainder, Some(Span::new(0, end)), "{piece:?}"),
                Some(date) => assert_eq!(
                    parsed.remainder.map_or(date.span.end, |r| r.end),
                    end,
                    "{piece:?}"
                ),
            }
        }
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn dateish() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "16",
            "1921",
            "21",
            "0",
            "31",
            "II",
            "XIII",
            "February",
            "февраля",
            "Februar",
            "1er",
            "mars",
            ".",
            "/",
            "-",
            "–",
            " ",
            ",",
            "(",
            ")",
            "[",
            "]",
            "?",
            "ca.",
            "n.d.",
            "б. г.",
            "г.",
            "ст. ст.",
            "O.S.",
            "to",
            "of",
            "th",
            "é",
            "\u{301}",
        ]);
        prop::collection::vec(pieces, 0..16).prop_map(|v| v.concat())
    }

    fn check_date(input: &str, d: &PartialDate) {
        let ok = |s: Span| {
            s.start <= s.end
                && s.end <= input.len()
                && input.is_char_boundary(s.start)
                && input.is_char_boundary(s.end)
        };
        assert!(ok(d.span), "{input:?}");
        let parts = [
            d.year.and_then(|p| p.span),
            d.month.and_then(|p| p.span),
            d.day.and_then(|p| p.span),
        ];
        for s in parts.into_iter().flatten() {
            assert!(ok(s), "{input:?}");
        }
        if let Some(m) = d.month {
            assert!((1..=12).contains(&m.value), "{input:?}");
        }
        if let Some(day) = d.day {
            assert!((1..=31).contains(&day.value), "{input:?}");
        }
        for inner in [&d.end, &d.alternate].into_iter().flatten() {
            check_date(input, inner);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        #[test]
        fn dates_keep_valid_parts_and_spans(input in dateish(), year in prop::option::of(1800i32..2100)) {
            let parsed = parse_date_with(&input, &DateContext { year });
            if let Some(d) = &parsed.value {
                check_date(&input, d);
            }
            if parsed.remainder.is_some() {
                prop_assert!(!parsed.errors.is_empty());
            }
        }
    }
}

#[cfg(test)]
mod may_be_date_tests {
    use super::{may_be_date, parse_date};

    #[test]
    fn rules_out_only_what_is_no_date() {
        for date in [
            "1921",
            "February 16, 1921",
            "[1921]",
            "(n.d.)",
            "ca. 1920",
            "около 1920 г.",
            "в феврале 1921 г.",
            "le 16 février 1921",
            "Monday, 16 February 1921",
            "19/II",
            "s.d.",
            "б. д.",
        ] {
            assert!(may_be_date(date), "{date}");
            assert!(parse_date(date).value.is_some(), "{date}");
        }
        for not_date in [
            "Барсегов Ю.Г. Нагорный Карабах",
            "Smith, J. Title",
            "RGASPI, f. 558",
            "",
        ] {
            assert!(!may_be_date(not_date), "{not_date}");
            assert!(parse_date(not_date).value.is_none(), "{not_date}");
        }
    }

    proptest::proptest! {
        #[test]
        fn never_rules_out_a_date(input in "[\\[( ]{0,2}[0-9a-zA-Zа-яА-Я.,/ -]{0,24}") {
            if !may_be_date(&input) {
                proptest::prop_assert!(parse_date(&input).value.is_none(), "{input:?}");
            }
        }
    }
}
