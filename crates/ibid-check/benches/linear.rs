//! Linear-time checks of `ibid check` on pathological documents, each at two sizes ten times
//! apart: the larger should take about ten times as long, never a hundred. Cases: many
//! distinct `[N]` note markers, many findings on one long line (`word*`, `[@nokey]`).
//! Run with `cargo bench -p ibid-check --bench linear`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ibid_check::{check, CheckOptions, NoProgress};
use std::path::Path;

const FRONT: &str = "+++\ntitle = \"Letter\"\ndate = \"1921-02-16\"\n\n[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, doc. 652, p. 612\"\n";

/// `n` notes `[1]`…`[n]`, each declared in the front matter and used on its own line.
fn numbered_notes(n: usize) -> String {
    let mut text = FRONT.to_owned();
    for i in 1..=n {
        text.push_str(&format!(
            "\n[[notes]]\nmarker = \"[{i}]\"\nkind = \"other\"\ntext = \"Note {i}.\"\n"
        ));
    }
    text.push_str("+++\n");
    for i in 1..=n {
        text.push_str(&format!("Word [{i}] here.\n"));
    }
    text
}

/// `n` unexplained markers on one line: `n` findings, each with a snippet of that line.
fn markers_on_one_line(n: usize) -> String {
    format!("{FRONT}+++\n{}\n", vec!["word*"; n].join(" "))
}

/// `n` citations of an unknown key on one line: `n` corpus findings on that line.
fn unknown_keys_on_one_line(n: usize) -> String {
    format!("{FRONT}+++\n{}\n", vec!["[@nokey]"; n].join(" "))
}

/// A case: its name, the document of a given size, and the smaller size.
type Case = (&'static str, fn(usize) -> String, usize);

fn bench_linear(c: &mut Criterion) {
    let cases: [Case; 3] = [
        ("distinct-numbered-notes", numbered_notes, 2_000),
        ("findings-on-one-line", markers_on_one_line, 4_000),
        ("unknown-keys-on-one-line", unknown_keys_on_one_line, 4_000),
    ];
    let mut group = c.benchmark_group("linear");
    group.sample_size(10);
    for (name, make, small) in cases {
        for n in [small, small * 10] {
            let dir = tempfile::tempdir().expect("a temporary folder");
            write(dir.path(), &make(n));
            group.throughput(Throughput::Elements(n as u64));
            let options = CheckOptions {
                cache: false,
                cwd: dir.path().to_path_buf(),
                ..CheckOptions::default()
            };
            group.bench_with_input(BenchmarkId::new(name, n), &options, |b, options| {
                b.iter(|| check(options, &NoProgress).expect("the check runs"))
            });
        }
    }
    group.finish();
}

fn write(dir: &Path, text: &str) {
    std::fs::write(dir.join("ibid.toml"), "bibliography = [\"refs.bib\"]\n").expect("config");
    std::fs::write(dir.join("refs.bib"), "@book{known, title = {Known}}\n").expect("bib");
    std::fs::write(dir.join("letter.md"), text).expect("document");
}

criterion_group!(benches, bench_linear);
criterion_main!(benches);
