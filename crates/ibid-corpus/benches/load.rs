//! Benchmarks of planning and loading a corpus: the walk with its configuration lookups
//! (`Plan::new`), and reading and parsing every document in parallel (`load_documents`).
//! The corpus is the fixture corpus copied into numbered folders (`IBID_BENCH_COPIES`, 100).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ibid_corpus::Plan;
use std::path::{Path, PathBuf};

/// Copy the files of `from` (recursively) into `to`.
fn copy_tree(from: &Path, to: &Path) -> u64 {
    let mut bytes = 0;
    std::fs::create_dir_all(to).expect("a folder");
    for entry in std::fs::read_dir(from).expect("the fixtures").flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            bytes += copy_tree(&path, &target);
        } else {
            bytes += std::fs::copy(&path, &target).expect("a copy");
        }
    }
    bytes
}

fn bench_load(c: &mut Criterion) {
    let copies: usize = std::env::var("IBID_BENCH_COPIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/corpus");
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::copy(fixtures.join("ibid.toml"), dir.path().join("ibid.toml")).expect("config");
    let mut bytes = 0;
    for i in 0..copies {
        for sub in ["letters", "essays", "foreign"] {
            bytes += copy_tree(
                &fixtures.join(sub),
                &dir.path().join(format!("{i:03}/{sub}")),
            );
        }
    }
    for bib in ["refs.bib", "sources.toml", "zotero.json"] {
        std::fs::copy(fixtures.join(bib), dir.path().join(bib)).expect("a bibliography");
    }
    let paths = [PathBuf::from(".")];
    let plan = Plan::new(&paths, dir.path()).expect("the corpus plans");
    let documents = plan.files.len();
    let mut group = c.benchmark_group("corpus");
    group.sample_size(10);
    group.throughput(Throughput::Elements(documents as u64));
    group.bench_function(format!("plan/{documents}"), |b| {
        b.iter(|| Plan::new(&paths, dir.path()).expect("the corpus plans"))
    });
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function(format!("load_documents/{documents}"), |b| {
        b.iter(|| {
            let loaded = plan.load_documents();
            assert!(loaded.iter().all(|l| l.value.is_some()));
            loaded
        })
    });
    group.finish();
}

criterion_group!(benches, bench_load);
criterion_main!(benches);
