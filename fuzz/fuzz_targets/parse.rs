//! Fuzz every ibid-parse entry point: no panic, and every span inside the input on a char
//! boundary. Run with `RUSTC_BOOTSTRAP=1 cargo fuzz run parse` from the repository root.
#![no_main]

use ibid_parse::{parse, parse_as, scan_citations, InputKind};
use libfuzzer_sys::fuzz_target;

fn check(input: &str, value: &serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            if let (Some(s), Some(e)) = (
                map.get("start").and_then(|v| v.as_u64()),
                map.get("end").and_then(|v| v.as_u64()),
            ) {
                let (s, e) = (s as usize, e as usize);
                assert!(s <= e && e <= input.len());
                assert!(input.is_char_boundary(s) && input.is_char_boundary(e));
            }
            map.values().for_each(|v| check(input, v));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| check(input, v)),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    check(input, &serde_json::to_value(parse(input)).unwrap());
    for kind in [
        InputKind::Reference,
        InputKind::Locator,
        InputKind::Citation,
        InputKind::Date,
    ] {
        let parsed = parse_as(input, kind);
        if parsed.remainder.is_some() {
            assert!(!parsed.errors.is_empty());
        }
        check(input, &serde_json::to_value(parsed).unwrap());
    }
    let citations: Vec<_> = scan_citations(input).collect();
    check(input, &serde_json::to_value(citations).unwrap());
});
