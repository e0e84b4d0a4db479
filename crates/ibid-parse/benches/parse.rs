//! Parser throughput on generated inputs, and linear-time checks on pathological inputs.
//! Run with `cargo bench -p ibid-parse`; figures are per core (criterion runs one thread).

#[path = "support/inputs.rs"]
mod inputs;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ibid_parse::{
    parse, parse_citation, parse_date, parse_locators, parse_reference, scan_citations,
};
use inputs::Mixer;
use std::hint::black_box;

const N: usize = 10_000;

/// A named set of inputs and the parser to run over each.
type InputSet = (&'static str, Vec<String>, fn(&str));

fn generate(f: fn(&mut Mixer) -> String) -> Vec<String> {
    let mut m = Mixer::new(0x1b1d);
    (0..N).map(|_| f(&mut m)).collect()
}

fn throughput(c: &mut Criterion) {
    let mut group = c.benchmark_group("throughput");
    let sets: [InputSet; 5] = [
        ("locators", generate(inputs::locator), |s| {
            black_box(parse_locators(s));
        }),
        ("references", generate(inputs::reference), |s| {
            black_box(parse_reference(s));
        }),
        ("citations", generate(inputs::citation), |s| {
            black_box(parse_citation(s));
        }),
        ("dates", generate(inputs::date), |s| {
            black_box(parse_date(s));
        }),
        ("mixed-detected", generate(inputs::mixed), |s| {
            black_box(parse(s));
        }),
    ];
    for (name, set, run) in sets {
        group.throughput(Throughput::Elements(set.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                for s in &set {
                    run(s);
                }
            })
        });
    }
    group.finish();
}

/// Pathological inputs at 100 KB and 1 MB: the 1 MB time should be about 10x the 100 KB one.
fn pathological(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    let units: [(&str, &str); 24] = [
        ("open-brackets", "["),
        ("full-stops", "."),
        ("page-labels", "p. "),
        ("digits", "7"),
        ("at-signs", "@"),
        ("dashes", "1-"),
        ("list-items", "1, "),
        ("leaves-verso", "Л. 5 об. "),
        ("repositories", "RGASPI, "),
        ("surnames", "Smith, "),
        ("quotes", "«"),
        ("containers", "// "),
        // pandoc's locator grammar: bracket groups, nested opens, group ranges, pinpoint
        // groups after a page, braced locators taken as written.
        ("bracket-groups", "12(3)[4]"),
        ("nested-opens", "(["),
        ("group-ranges", "(1)-"),
        ("pinpoint-groups", "1 [2] "),
        ("braced-locators", "[@k {p. 1 "),
        // The science styles' sources: runs of numbers after journal titles, and the
        // journal's walk back over abbreviations and labels.
        ("vancouver-runs", "J 2002; 1: 2-3; "),
        ("nature-runs", "Phys. Rev. 1, 2 ("),
        ("abbreviations", "J. "),
        ("labelled-volumes", "Vol. 1, 2, "),
        // French professional press: a periodical's name, date and number.
        ("periodicals", "Soins, juillet-août 03/05/2014, n°1, "),
        // Noise: markup tags, doubled punctuation; roman volumes of older journals.
        ("markup", "<italic>a</italic>,, "),
        ("roman-volumes", "J, XV, 1906, S. 1 - "),
    ];
    for (name, unit) in units {
        for size in [100_000usize, 1_000_000] {
            let input = unit.repeat(size / unit.len());
            group.throughput(Throughput::Bytes(input.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, size), &input, |b, input| {
                b.iter(|| {
                    black_box(parse(input));
                    black_box(parse_reference(input));
                    black_box(parse_locators(input));
                    black_box(scan_citations(input).count());
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, throughput, pathological);
criterion_main!(benches);
