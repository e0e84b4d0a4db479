//! The fast JSON writer against serde_json: for every input of the case tables, the parse
//! fixtures, generated benchmark inputs and arbitrary strings, the bytes are identical.

#[path = "../../ibid-parse/benches/support/inputs.rs"]
#[allow(dead_code)]
mod inputs;

use ibid_parse::{parse, parse_as, InputKind, Parsed, ParsedInput};
use ibid_parse_output::{JsonWriter, Record};
use proptest::prelude::*;
use std::path::Path;

const KINDS: [InputKind; 4] = [
    InputKind::Reference,
    InputKind::Locator,
    InputKind::Citation,
    InputKind::Date,
];

/// What serde_json writes for the record of `parsed`.
fn serde_bytes(input: &str, parsed: &Parsed<ParsedInput>) -> Vec<u8> {
    serde_json::to_vec(&Record::new(input, parsed)).expect("records serialise")
}

/// Check the fast writer against serde_json for `input`, detected and parsed as every kind.
/// The writer and its buffer are reused, as the CLI reuses them.
fn check(writer: &mut JsonWriter, out: &mut Vec<u8>, input: &str) {
    let detected = parse(input);
    let as_kinds = KINDS.iter().map(|&k| parse_as(input, k));
    for parsed in std::iter::once(detected).chain(as_kinds) {
        out.clear();
        writer.write_record(input, &parsed, out);
        let expected = serde_bytes(input, &parsed);
        assert!(
            *out == expected,
            "{input:?} as {:?}:\n fast  {}\n serde {}",
            parsed.value.kind(),
            String::from_utf8_lossy(out),
            String::from_utf8_lossy(&expected)
        );
    }
}

/// Inputs of a case file, read as `tests/table.rs` reads them.
fn case_inputs(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

#[test]
fn case_tables_match_serde_json() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ibid-parse/tests/cases");
    let (mut writer, mut out) = (JsonWriter::new(), Vec::new());
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for input in case_inputs(&text) {
            check(&mut writer, &mut out, input);
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} case inputs found");
}

#[test]
fn parse_fixtures_match_serde_json() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/parse/inputs.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let (mut writer, mut out) = (JsonWriter::new(), Vec::new());
    for input in text.lines() {
        check(&mut writer, &mut out, input);
    }
}

#[test]
fn generated_benchmark_inputs_match_serde_json() {
    let mut m = inputs::Mixer::new(0x1b1d);
    let (mut writer, mut out) = (JsonWriter::new(), Vec::new());
    for _ in 0..3000 {
        check(&mut writer, &mut out, &inputs::mixed(&mut m));
    }
}

#[test]
fn the_one_off_function_writes_the_same_bytes() {
    let input = "RGASPI, f. 558, op. 11, d. 97, ll. 67-70";
    let parsed = parse(input);
    let mut out = b"kept ".to_vec();
    ibid_parse_output::write_record_json(input, &parsed, &mut out);
    let mut expected = b"kept ".to_vec();
    expected.extend(serde_bytes(input, &parsed));
    assert_eq!(out, expected);
}

/// Strings built from citation-ish pieces, mixed with arbitrary text and characters that
/// JSON must escape.
fn citation_ish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "p. ",
        "pp. 33-35",
        "Л. 5 об.",
        "ф. 558, оп. 11, д. 97",
        "RGASPI, ",
        "f. ",
        "op. ",
        "d. ",
        "ll. 67-70",
        "S. 12 f.",
        "[",
        "]",
        "@doe99",
        "-@key",
        "; ",
        ", ",
        "see ",
        "19/II",
        "22.II.21",
        "[1921]",
        "n.d.",
        "ca. 1920",
        "3 (16) февраля 1918",
        "ст. ст.",
        "Барсегов Ю.Г. ",
        "Smith, J. ",
        "van der Berg, A. ",
        "ed. ",
        "Translated by ",
        "Title. ",
        "Journal 61, ",
        "327–335 ",
        "(2005).",
        "doi:10.1000/xyz ",
        "https://example.org/a?b=1 ",
        "Moscow: Nauka, 1921. ",
        "320 с.",
        "\"",
        "\\",
        "\n",
        "\r",
        "\t",
        "\u{0}",
        "\u{1}",
        "\u{8}",
        "\u{c}",
        "\u{1f}",
        "\u{7f}",
        "«",
        "»",
        "—",
        "é",
        "\u{301}",
        "/",
    ]);
    prop::collection::vec(
        prop_oneof![
            4 => pieces.prop_map(str::to_string),
            1 => any::<String>(),
        ],
        0..20,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_match_serde_json(input in any::<String>()) {
        check(&mut JsonWriter::new(), &mut Vec::new(), &input);
    }

    #[test]
    fn citation_ish_strings_match_serde_json(input in citation_ish()) {
        check(&mut JsonWriter::new(), &mut Vec::new(), &input);
    }
}
