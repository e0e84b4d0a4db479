//! Benchmarks of `ibid check` on a synthetic corpus: a cold run (no cache) and a run that
//! finds every document in the cache. The corpus is generated once into a temporary folder.
//! Set `IBID_BENCH_DOCS` for its size (default 2000; the goal is measured at 100000 with
//! `examples/synthetic_corpus.rs` and the release binary).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ibid_check::{check, CheckOptions, NoProgress};

fn bench_check(c: &mut Criterion) {
    let docs: usize = std::env::var("IBID_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let dir = tempfile::tempdir().expect("a temporary folder");
    ibid_check::synthetic::write_corpus(dir.path(), docs, 1921).expect("the corpus is written");
    let bytes: u64 = walk_size(dir.path());
    let mut group = c.benchmark_group("check");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(10);
    let cold = CheckOptions {
        cache: false,
        cwd: dir.path().to_path_buf(),
        ..CheckOptions::default()
    };
    group.bench_function(format!("cold/{docs}"), |b| {
        b.iter(|| check(&cold, &NoProgress).expect("the check runs"))
    });
    let cached = CheckOptions {
        cache: true,
        ..cold.clone()
    };
    check(&cached, &NoProgress).expect("the cache is filled");
    group.bench_function(format!("cached/{docs}"), |b| {
        b.iter(|| check(&cached, &NoProgress).expect("the check runs"))
    });
    group.finish();
}

fn walk_size(dir: &std::path::Path) -> u64 {
    let mut total = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            total += walk_size(&path);
        } else {
            total += entry.metadata().map(|m| m.len()).unwrap_or(0);
        }
    }
    total
}

criterion_group!(benches, bench_check);
criterion_main!(benches);
