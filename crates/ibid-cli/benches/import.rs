//! Benchmark of `ibid import --dry-run` as users run it: 10,000 generated pasted pages in
//! a folder, one run of the real binary over all of them (reading, importing, reporting).

use criterion::{criterion_group, criterion_main, Criterion};
use std::process::{Command, Stdio};

const PAGES: usize = 10_000;

fn dry_run(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut files = Vec::with_capacity(PAGES);
    for i in 0..PAGES {
        let path = dir.path().join(format!("page-{i:05}.txt"));
        std::fs::write(&path, ibid_import::synthetic::page(i)).expect("write page");
        files.push(path);
    }
    let mut group = c.benchmark_group("ibid import");
    group.sample_size(10);
    group.bench_function("--dry-run, 10000 pasted pages", |b| {
        b.iter(|| {
            let status = Command::new(env!("CARGO_BIN_EXE_ibid"))
                .arg("import")
                .arg("--dry-run")
                .args(&files)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("ibid runs");
            assert!(status.code().is_some_and(|c| c <= 1), "{status}");
        })
    });
    group.finish();
}

criterion_group!(benches, dry_run);
criterion_main!(benches);
