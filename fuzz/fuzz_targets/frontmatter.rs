//! Fuzz the TOML loaders of ibid-provenance: a document's `+++` front matter, a sidecar
//! `NAME.ibid.toml` and an `ibid.toml`. No input may panic; every error and every span of
//! the model lies inside its file, on character boundaries, with a line and a column.
//! Run with `RUSTC_BOOTSTRAP=1 cargo fuzz run frontmatter` from the repository root.
#![no_main]

use ibid_provenance::{parse_document, Config, LoadError};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

/// An error's place must be inside `text` (the file it names) and start a character.
fn check_error(error: &LoadError, text: &str) {
    if let Some(span) = error.span {
        assert!(span.start <= span.end && span.end <= text.len(), "{error:?}");
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    }
    assert!(error.position.line >= 1 && error.position.column >= 1, "{error:?}");
    assert!(!error.message.is_empty());
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    match mode % 3 {
        // A document: front matter, then a body.
        0 => {
            let loaded = parse_document(Path::new("doc.md"), rest, None);
            let Ok(text) = std::str::from_utf8(rest) else {
                return;
            };
            for error in &loaded.errors {
                if error.file == Path::new("doc.md") {
                    check_error(error, text);
                }
            }
            if let Some(doc) = loaded.value {
                let body = doc.body.span;
                assert!(body.start <= body.end && body.end <= text.len());
                assert!(text.is_char_boundary(body.start) && text.is_char_boundary(body.end));
                let body_text = doc.body_text();
                for marker in &doc.body.marks.markers {
                    assert_eq!(body_text.get(marker.span.range()), Some(marker.marker.as_str()));
                }
                if let Some(toml) = doc.front_matter {
                    assert!(toml.end <= text.len() && text.is_char_boundary(toml.start));
                }
            }
        }
        // A plain text document whose provenance is this sidecar.
        1 => {
            let loaded = parse_document(
                Path::new("doc.txt"),
                b"Dear comrade*,\n",
                Some((Path::new("doc.ibid.toml"), rest)),
            );
            if let Ok(side) = std::str::from_utf8(rest) {
                for error in &loaded.errors {
                    if error.file == Path::new("doc.ibid.toml") {
                        check_error(error, side);
                    }
                }
            }
        }
        // A corpus configuration.
        _ => {
            let loaded = Config::parse(Path::new("ibid.toml"), &text);
            for error in &loaded.errors {
                check_error(error, &text);
            }
        }
    }
});
