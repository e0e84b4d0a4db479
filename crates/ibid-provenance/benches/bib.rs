//! Bibliography reading speed: 10,000 generated `.bib` entries and the same as RIS, and
//! linear-time checks: pathological `.bib` and RIS inputs at 100 KB and 1 MB, where the
//! 1 MB time should be about 10× the 100 KB time. Run with `cargo bench -p ibid-provenance --bench bib`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ibid_provenance::bib::write_ris;
use ibid_provenance::{BibFormat, Bibliography};
use std::hint::black_box;
use std::path::Path;

/// One generated BibLaTeX entry; `i` varies keys, names and numbers.
fn entry(i: usize) -> String {
    format!(
        "@incollection{{key{i},\n  author = {{Suny, Ronald Grigor and van der Berg, Jr., Pieter and Dvo{{\\v{{r}}}}{{\\'a}}k, Anton{{\\'\\i}}n}},\n  title = {{Soviet Armenia and the \\mkbibquote{{Eastern Question}}, 1918--{year}}},\n  booktitle = {{The Armenian People from Ancient to Modern Times}},\n  editor = {{Hovannisian, Richard G.}},\n  volume = {{{vol}}},\n  pages = {{{p}--{q}}},\n  location = {{New York and London}},\n  publisher = {{St.~Martin's Press}},\n  date = {{{year}-03/{end}}},\n  langid = {{english}},\n  note = {{Translated from the Russian by \\emph{{Unknown translator}}}},\n}}\n\n",
        year = 1920 + i % 80,
        end = 2000 + i % 20,
        vol = i % 9 + 1,
        p = 100 + i % 300,
        q = 120 + i % 300,
    )
}

fn throughput(c: &mut Criterion) {
    let bib: String = (0..10_000).map(entry).collect();
    let loaded = Bibliography::parse(Path::new("gen.bib"), &bib, BibFormat::Bibtex);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors.first());
    let items: Vec<_> = loaded
        .value
        .map(|b| b.entries.iter().map(|e| e.to_csl_json()).collect())
        .unwrap_or_default();
    let ris = write_ris(&items);
    let mut group = c.benchmark_group("bib-throughput");
    group.sample_size(10);
    for (name, text, format) in [
        ("10k .bib entries", &bib, BibFormat::Bibtex),
        ("10k RIS records", &ris, BibFormat::Ris),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let loaded = Bibliography::parse(Path::new("x"), black_box(text), format);
                black_box(loaded.value.map_or(0, |b| b.entries.len()))
            })
        });
    }
    group.finish();
}

/// `unit` repeated to about `size` bytes, between `head` and `tail`.
fn repeat(head: &str, unit: &str, tail: &str, size: usize) -> String {
    let mut s = String::with_capacity(size + head.len() + tail.len());
    s.push_str(head);
    s.push_str(&unit.repeat(size / unit.len()));
    s.push_str(tail);
    s
}

/// Nested `open`…`close` to about `size` bytes inside one field.
fn nested(open: &str, close: &str, size: usize) -> String {
    let n = size / (open.len() + close.len());
    format!(
        "@book{{a, title = {{{}x{}}}}}\n",
        open.repeat(n),
        close.repeat(n)
    )
}

fn pathological(c: &mut Criterion) {
    let mut group = c.benchmark_group("bib-pathological");
    group.sample_size(10);
    type Make = fn(usize) -> String;
    let inputs: [(&str, BibFormat, Make); 11] = [
        ("nested-braces", BibFormat::Bibtex, |n| nested("{", "}", n)),
        ("nested-commands", BibFormat::Bibtex, |n| {
            nested("\\emph{", "}", n)
        }),
        ("accents", BibFormat::Bibtex, |n| {
            repeat("@book{a, title = {", "{\\'e}\\v{c}", "}}\n", n)
        }),
        ("name-list", BibFormat::Bibtex, |n| {
            repeat(
                "@book{a, author = {",
                "van der Berg, Jr., P. and ",
                "X}}\n",
                n,
            )
        }),
        ("string-macros", BibFormat::Bibtex, |n| {
            repeat("@string{m = {x}}\n@book{a, title = ", "m # ", "m}\n", n)
        }),
        ("entries", BibFormat::Bibtex, |n| {
            let mut s = String::new();
            let mut i = 0;
            while s.len() < n {
                s.push_str(&format!(
                    "@book{{k{i}, title = {{T}}, crossref = {{k{}}}}}\n",
                    i + 1
                ));
                i += 1;
            }
            s
        }),
        ("broken-entries", BibFormat::Bibtex, |n| {
            repeat("", "@book{x, title = {unclosed\n", "", n)
        }),
        ("ris-tags", BibFormat::Ris, |n| {
            repeat(
                "TY  - JOUR\n",
                "AU  - Smith, John\nKW  - k\n",
                "ER  - \n",
                n,
            )
        }),
        ("ris-continuation", BibFormat::Ris, |n| {
            repeat("TY  - JOUR\nAB  - a\n", "  more text\n", "ER  - \n", n)
        }),
        ("ris-records", BibFormat::Ris, |n| {
            repeat("", "TY  - GEN\nER  - \n", "", n)
        }),
        ("ris-stray", BibFormat::Ris, |n| {
            repeat("", "AU  - x\nno tag\n", "", n)
        }),
    ];
    for (name, format, make) in inputs {
        for size in [100_000usize, 1_000_000] {
            let input = make(size);
            group.throughput(Throughput::Bytes(input.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, size), &input, |b, input| {
                b.iter(|| {
                    let loaded = Bibliography::parse(Path::new("x"), black_box(input), format);
                    black_box(loaded.errors.len())
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, throughput, pathological);
criterion_main!(benches);
