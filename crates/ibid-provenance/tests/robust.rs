//! Loading never panics and keeps every span on a char boundary, whatever the bytes: every
//! prefix of every fixture, fixtures with bytes flipped, and odd inputs.

use ibid_provenance::{parse_document, BibFormat, Bibliography, Config, Document};
use std::path::{Path, PathBuf};

fn fixtures() -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut out = Vec::new();
    let mut stack = vec![root.join("corpus"), root.join("bad")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                out.push((path, bytes));
            }
        }
    }
    out.sort();
    out
}

/// Every span the document holds slices its text.
fn check_spans(doc: &Document) {
    let meta = &doc.meta_file().text;
    let body = doc.body_text();
    assert!(doc.file.text.get(doc.body.span.range()).is_some());
    let in_meta = |s: ibid_parse::Span| assert!(meta.get(s.range()).is_some(), "{s:?}");
    for t in doc.title.iter().chain(&doc.language).chain(&doc.author) {
        in_meta(t.span);
        if let Some(raw) = t.raw {
            assert_eq!(meta.get(raw.range()), Some(t.text.as_str()));
        }
    }
    for h in &doc.hands {
        in_meta(h.id.span);
        in_meta(h.name.span);
    }
    for u in doc.unknown_keys() {
        in_meta(u.key.span);
        in_meta(u.value_span);
    }
    for m in &doc.body.marks.markers {
        assert_eq!(body.get(m.span.range()), Some(m.marker.as_str()));
    }
    for o in &doc.body.marks.omissions {
        assert_eq!(body.get(o.span.range()), Some(o.written.as_str()));
    }
    for e in &doc.body.marks.expansions {
        assert!(body.get(e.span.range()).is_some() && body.get(e.supplied.range()).is_some());
    }
}

fn load(bytes: &[u8]) {
    let loaded = parse_document(Path::new("x.md"), bytes, None);
    if let Some(doc) = &loaded.value {
        check_spans(doc);
    }
    for e in &loaded.errors {
        assert!(e.position.line >= 1 && e.position.column >= 1);
    }
}

#[test]
fn every_prefix_of_every_fixture_loads_or_fails_cleanly() {
    for (_, bytes) in fixtures() {
        for end in (0..=bytes.len()).step_by(5) {
            load(&bytes[..end]);
        }
    }
}

#[test]
fn flipped_bytes_load_or_fail_cleanly() {
    let specials = [
        b'+', b'\n', b'"', b'[', b']', b'*', b'<', b'=', 0xD0, 0xFF, b'\\', b'\'',
    ];
    for (_, bytes) in fixtures().into_iter().take(8) {
        for (i, at) in (0..bytes.len()).step_by(11).enumerate() {
            let mut mutated = bytes.clone();
            mutated[at] = specials[i % specials.len()];
            load(&mutated);
        }
    }
}

#[test]
fn odd_inputs() {
    for text in [
        "+++",
        "+++\n+++",
        "+++\r\n+++\r\n",
        "\u{feff}",
        "\u{feff}+++\n+++\n*",
        "+++\n[hands]\n+++\n",
        "+++\nnotes = 3\nannotations = [1, \"x\"]\nhands = []\nsource = 1\n+++\n",
        "+++\n[[notes]]\n[[notes]]\nmarker = 1\n+++\n",
        "+++\ndate = 1921-02-16T10:00:00Z\n+++\n",
        "+++\ndate = \"\"\n[translation]\nby = [1, \"a\"]\n+++\n",
        "+++\n\"\" = 1\n+++\n",
    ] {
        load(text.as_bytes());
    }
    for format in [BibFormat::Toml, BibFormat::Bibtex, BibFormat::CslJson] {
        for text in [
            "",
            "[",
            "@",
            "@book{",
            "{",
            "[1, {\"id\": []}]",
            "[x]\ntitle = 1",
            "\u{feff}[",
            "@string{a = \"b\"}\n@misc{k, title = a}",
        ] {
            let _ = Bibliography::parse(Path::new("b"), text, format);
        }
    }
    for text in [
        "",
        "extend = 1",
        "[lint]\nper-file-ignores = 3",
        "[style]\ncsl = []",
        "bibliography = \"a.bib\"",
    ] {
        let _ = Config::parse(Path::new("ibid.toml"), text);
    }
}
