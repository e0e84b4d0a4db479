//! Benchmarks of `ibid fmt`'s stages on a generated corpus: formatting alone, and with
//! `unify-sources` (one corpus-wide plan, then the rewrites). `IBID_BENCH_DOCS` sets its size
//! (default 2000; the goal is measured at 100000 by `scripts/bench-fmt.sh`).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ibid_fmt::run::{format_corpus, Job, Mode, Outcome, Run};
use ibid_fmt::{LocatorForm, Style};
use std::path::Path;

/// The works the generated documents cite, as the corpus writes them most and as a few
/// documents write them instead (transliterated, or with a typo).
const WORKS: &[(&str, &str)] = &[
    (
        "Барсегов Ю.Г. Нагорный Карабах в международном праве",
        "Barsegov, Yu. G., Nagornyi Karabakh v mezhdunarodnom prave",
    ),
    (
        "Микаелян В.А. Нагорный Карабах в 1918-1923 гг.",
        "Mikaelian, V. A., Nagornyi Karabakh v 1918-1923 gg.",
    ),
    (
        "Документы внешней политики СССР",
        "Dokumenty vneshnei politiki SSSR",
    ),
    (
        "Akten zur deutschen auswärtigen Politik",
        "Akten zur deutschen auswartigen Politk",
    ),
];

/// Write `count` documents under `dir`: every one cites a work with its pinpoint; one in a
/// hundred writes its work another way (what `unify-sources` rewrites) and one in ten
/// writes its page label the long way (what formatting rewrites).
fn write_corpus(dir: &Path, count: usize) -> u64 {
    let mut bytes = 0;
    for i in 0..count {
        let (usual, other) = WORKS[i % WORKS.len()];
        let work = if i % 100 == 7 { other } else { usual };
        let label = if i % 10 == 3 { "pages" } else { "pp." };
        let text = format!(
            "+++\ntitle = \"Protocol no. {i}\"\ndate = \"1921-07-{:02}\"\nlanguage = \"ru\"\n\n\
             [source]\ncite = \"{work}, vol. {}, doc. {}, {label} {}-{}\"\n\
             archive = \"RGASPI, f. 64, op. 1, d. {}, l. {}\"\n+++\n\
             Протокол заседания [@kavburo, с. 5; @barsegov, pp. 33-35].\n",
            1 + i % 28,
            1 + i % 3,
            100 + i % 900,
            10 + i % 500,
            12 + i % 500,
            i,
            1 + i % 90,
        );
        let sub = dir.join(format!("{:03}", i / 1000));
        std::fs::create_dir_all(&sub).expect("a folder");
        std::fs::write(sub.join(format!("doc-{i:06}.md")), &text).expect("a document");
        bytes += text.len() as u64;
    }
    bytes
}

fn bench_fmt(c: &mut Criterion) {
    let docs: usize = std::env::var("IBID_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let bytes = write_corpus(dir.path(), docs);
    let style = Style {
        locator_form: LocatorForm::Short,
        ..Style::default()
    };
    let jobs = |style: Style| -> Vec<Job> {
        let mut paths: Vec<_> = walk(dir.path());
        paths.sort();
        paths
            .into_iter()
            .map(|path| Job {
                display: path.display().to_string(),
                path,
                sidecar: None,
                style,
                max_file_size: 1 << 20,
                corpus: 0,
            })
            .collect()
    };
    let plain = jobs(style);
    let unify = jobs(Style {
        unify_sources: true,
        ..style
    });
    let mut group = c.benchmark_group("fmt");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(10);
    for (name, jobs) in [("check", &plain), ("check-unify-sources", &unify)] {
        let run = Run {
            jobs,
            entries: &[],
            mode: Mode::Check,
        };
        // What is timed does the work: a tenth of the documents need formatting, and
        // unifying sources adds the one in a hundred that writes its work another way.
        let changed = format_corpus(&run, &|| {}, &|_| {})
            .iter()
            .filter(|r| matches!(r.outcome, Outcome::Changed(_)))
            .count();
        let expected = (0..docs)
            .filter(|i| i % 10 == 3 || (name != "check" && i % 100 == 7))
            .count();
        assert_eq!(changed, expected, "{name}: documents that change");
        group.bench_function(format!("{name}/{docs}"), |b| {
            b.iter(|| format_corpus(&run, &|| {}, &|_| {}))
        });
    }
    group.finish();
}

/// Every file under `dir`.
fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

criterion_group!(benches, bench_fmt);
criterion_main!(benches);
