//! Property tests: no input makes a parser panic or produce a span outside the input, and a
//! parsed locator rendered back in canonical form parses to the same structure.

use ibid_parse::{
    parse, parse_as, parse_locator, scan_citations, InputKind, Locator, LocatorNumber, Parsed,
};
use proptest::prelude::*;

/// Characters that matter to the grammars, mixed with arbitrary ones.
fn interesting_string() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "p.",
        "pp.",
        " ",
        ", ",
        "; ",
        "-",
        "–",
        "—",
        "[",
        "]",
        "{",
        "}",
        "@",
        "-@",
        "doe99",
        "12",
        "VII",
        "v",
        "r",
        "об.",
        "Л.",
        "Ф.",
        "Р-175",
        "f.",
        "ff.",
        "op.",
        "d.",
        "л.",
        "S.",
        "§",
        "№",
        "n°",
        "19/II",
        "22.II.21",
        "[1921]",
        "n.d.",
        "ca.",
        "февраля",
        "1921",
        "г.",
        "Барсегов Ю.Г.",
        "Smith, J.",
        " & ",
        " и ",
        "(",
        ")",
        "«",
        "»",
        "\"",
        ":",
        "//",
        "*",
        "passim",
        "et seq.",
        "\u{301}",
        "é",
        "\n",
        "\t",
        "\u{a0}",
    ]);
    prop::collection::vec(
        prop_oneof![
            3 => pieces.prop_map(str::to_string),
            1 => any::<String>(),
        ],
        0..24,
    )
    .prop_map(|v| v.concat())
}

/// Assert that every `{start, end}` object in the serialised result is a valid span of `input`.
fn assert_spans_in_bounds<T: serde::Serialize>(input: &str, parsed: &T) {
    let value = serde_json::to_value(parsed).expect("results serialise");
    walk(input, &value);
}

fn walk(input: &str, value: &serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            if let (Some(s), Some(e)) = (map.get("start"), map.get("end")) {
                if let (Some(s), Some(e)) = (s.as_u64(), e.as_u64()) {
                    let (s, e) = (s as usize, e as usize);
                    assert!(s <= e, "{input:?}: span {s}..{e} is reversed");
                    assert!(e <= input.len(), "{input:?}: span {s}..{e} past the end");
                    assert!(
                        input.is_char_boundary(s) && input.is_char_boundary(e),
                        "{input:?}: span {s}..{e} splits a character"
                    );
                }
            }
            map.values().for_each(|v| walk(input, v));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| walk(input, v)),
        _ => {}
    }
}

/// Errors come with a remainder or explain a problem; a remainder always comes with an error.
fn assert_remainder_explained<T>(input: &str, parsed: &Parsed<T>) {
    if parsed.remainder.is_some() {
        assert!(
            !parsed.errors.is_empty(),
            "{input:?}: a remainder without an error explaining it"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn no_input_panics_or_escapes_its_bounds(input in interesting_string()) {
        let detected = parse(&input);
        assert_spans_in_bounds(&input, &detected);
        assert_remainder_explained(&input, &detected);
        for kind in [
            InputKind::Reference,
            InputKind::Locator,
            InputKind::Citation,
            InputKind::Date,
        ] {
            let parsed = parse_as(&input, kind);
            assert_spans_in_bounds(&input, &parsed);
            assert_remainder_explained(&input, &parsed);
        }
        let citations: Vec<_> = scan_citations(&input).collect();
        assert_spans_in_bounds(&input, &citations);
        for pair in citations.windows(2) {
            prop_assert!(pair[0].span.end <= pair[1].span.start, "citations overlap or go back");
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(input in any::<String>()) {
        let parsed = parse(&input);
        assert_spans_in_bounds(&input, &parsed);
        let _ = scan_citations(&input).count();
    }
}

/// The structure of a locator, without spans: what a canonical rendering must keep.
#[derive(Debug, PartialEq)]
struct Shape {
    label: ibid_parse::LocatorLabel,
    ranges: Vec<(NumberShape, Option<NumberShape>)>,
    following: Option<ibid_parse::Following>,
}

#[derive(Debug, PartialEq)]
struct NumberShape {
    text: String,
    kind: ibid_parse::NumberKind,
    value: Option<u32>,
    side: Option<ibid_parse::Side>,
}

fn number_shape(n: &LocatorNumber, input: &str) -> NumberShape {
    NumberShape {
        text: n.span.slice(input).to_string(),
        kind: n.kind,
        value: n.value,
        side: n.side,
    }
}

fn shape(locator: &Locator, input: &str) -> Shape {
    Shape {
        label: locator.label,
        ranges: locator
            .ranges
            .iter()
            .map(|r| {
                (
                    number_shape(&r.first, input),
                    r.last.as_ref().map(|l| number_shape(l, input)),
                )
            })
            .collect(),
        following: locator.following,
    }
}

fn locator_string() -> impl Strategy<Value = String> {
    let label = prop::sample::select(vec![
        "p.", "pp.", "page", "pages", "S.", "Seite", "с.", "стр.", "vol.", "Bd.", "т.", "no.",
        "Nr.", "№", "fol.", "fols.", "л.", "Л.", "лл.", "ll.", "chap.", "Kap.", "гл.", "§",
        "para.", "col.", "Sp.", "n.", "Anm.", "doc.", "Document", "док.", "line", "Z.", "pt.",
        "Teil", "sec.", "fig.", "t.", "ch.",
    ]);
    let number = prop_oneof![
        (1u32..2000).prop_map(|n| n.to_string()),
        (1u32..200, prop::sample::select(vec!["a", "b"])).prop_map(|(n, s)| format!("{n}{s}")),
        prop::sample::select(vec!["iv", "VII", "xi", "XIV", "ix"]).prop_map(str::to_string),
    ];
    let dash = prop::sample::select(vec!["-", "–", "—", "‒"]);
    let item = prop_oneof![
        number.clone(),
        (number.clone(), dash, number).prop_map(|(a, d, b)| format!("{a}{d}{b}")),
    ];
    let items = prop::collection::vec(item, 1..4).prop_map(|v| v.join(", "));
    let following = prop::sample::select(vec!["", " f.", " ff.", " passim", " et seq."]);
    (label, items, following).prop_map(|(l, i, f)| format!("{l} {i}{f}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn canonical_locator_round_trips(input in locator_string()) {
        let first = parse_locator(&input);
        if let Some(locator) = first.value.filter(|_| first.errors.is_empty()) {
            let canonical = locator.to_canonical(&input);
            let second = parse_locator(&canonical);
            prop_assert!(second.errors.is_empty(), "{canonical:?} (from {input:?}): {:?}", second.errors);
            let again = second.value.expect("the canonical form parses");
            prop_assert_eq!(shape(&locator, &input), shape(&again, &canonical),
                "{:?} rendered as {:?}", input, canonical);
        }
    }
}

/// The generated locators must actually parse: otherwise the round-trip property is vacuous.
#[test]
fn generated_locators_mostly_parse() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = locator_string();
    let total = 500;
    let mut clean = 0;
    for _ in 0..total {
        let input = strategy.new_tree(&mut runner).unwrap().current();
        let parsed = parse_locator(&input);
        if parsed.value.is_some() && parsed.errors.is_empty() {
            clean += 1;
        }
    }
    assert!(
        clean * 10 >= total * 9,
        "only {clean} of {total} generated locators parsed"
    );
}

/// Strings that read as pandoc citations with locators, good and bad.
fn citation_string() -> impl Strategy<Value = String> {
    let locator = prop::sample::select(vec![
        "p. 12",
        "pp. 33-35, 38",
        "pp. 33–",
        "Л. 5 об.",
        "doc. 652, p. 612",
        "pge. 612",
        "Dokumnet 652",
        "p. 5l",
        "ff. 3",
        "12 ff.",
        "chap. VII",
        "xiv",
        "p. 12, see below",
        "{p. iv, and something}",
        "33 and *passim*",
        "",
    ]);
    (locator.clone(), locator, prop::bool::ANY).prop_map(|(a, b, bracketed)| {
        if bracketed {
            format!("[see @doe99, {a}; @smith04, {b}]")
        } else {
            format!("@doe99 [{a}]")
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// A citation item keeps the errors of its locator text, so that nothing reads it twice:
    /// they are exactly what `parse_locators` reports for that text.
    #[test]
    fn citation_items_keep_their_locator_errors(input in prop_oneof![
        citation_string(),
        interesting_string().prop_map(|s| format!("[@key, {s}]")),
    ]) {
        let Some(citation) = ibid_parse::parse_citation(&input).value else {
            return Ok(());
        };
        for item in &citation.items {
            let expected: Vec<_> = match item.locator {
                Some(span) => ibid_parse::parse_locators(span.slice(&input))
                    .errors
                    .into_iter()
                    .map(|e| e.shift(span.start))
                    .collect(),
                None => Vec::new(),
            };
            prop_assert_eq!(&item.locator_errors, &expected, "{:?}", input);
        }
    }
}
