//! Fuzz the `.bib` reader and writer: no panic on any input, every span inside the input on
//! a char boundary, and what ibid writes is accepted by the biblatex crate and read again.
//! Run with `RUSTC_BOOTSTRAP=1 cargo fuzz run bib` from the repository root.
#![no_main]

use ibid_provenance::bib::{write_bibtex, BibtexDialect};
use ibid_provenance::{BibFormat, Bibliography};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let loaded = Bibliography::parse(Path::new("fuzz.bib"), input, BibFormat::Bibtex);
    for error in &loaded.errors {
        if let Some(span) = error.span {
            assert!(span.start <= span.end && span.end <= input.len());
            assert!(input.is_char_boundary(span.start) && input.is_char_boundary(span.end));
        }
    }
    let bib = loaded.value.expect("a bibliography, even if empty");
    let items: Vec<_> = bib.entries.iter().map(|e| e.to_csl_json()).collect();
    for e in &bib.entries {
        assert!(e.span.start <= e.span.end && e.span.end <= input.len());
        assert!(input.is_char_boundary(e.span.start) && input.is_char_boundary(e.span.end));
    }
    for dialect in [BibtexDialect::Biblatex, BibtexDialect::Bibtex] {
        let written = write_bibtex(&items, dialect);
        assert!(
            biblatex::Bibliography::parse(&written).is_ok(),
            "the biblatex crate rejects what ibid wrote:\n{written}"
        );
        let again = Bibliography::parse(Path::new("again.bib"), &written, BibFormat::Bibtex);
        assert_eq!(again.value.map_or(0, |b| b.entries.len()), items.len(), "{written}");
    }
});
