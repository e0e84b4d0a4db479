//! Fuzz the RIS reader and writer: no panic on any input, every span inside the input on a
//! char boundary, and what ibid writes reads back to as many records.
//! Run with `RUSTC_BOOTSTRAP=1 cargo fuzz run ris` from the repository root.
#![no_main]

use ibid_provenance::bib::write_ris;
use ibid_provenance::{BibFormat, Bibliography};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let loaded = Bibliography::parse(Path::new("fuzz.ris"), input, BibFormat::Ris);
    for error in &loaded.errors {
        if let Some(span) = error.span {
            assert!(span.start <= span.end && span.end <= input.len());
            assert!(input.is_char_boundary(span.start) && input.is_char_boundary(span.end));
        }
    }
    let bib = loaded.value.expect("a bibliography, even if empty");
    let items: Vec<_> = bib.entries.iter().map(|e| e.to_csl_json()).collect();
    let written = write_ris(&items);
    let again = Bibliography::parse(Path::new("again.ris"), &written, BibFormat::Ris);
    assert_eq!(again.value.map_or(0, |b| b.entries.len()), items.len(), "{written}");
});
