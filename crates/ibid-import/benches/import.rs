//! Benchmark of the import engine: 10,000 generated pasted pages read and imported in
//! memory (what `ibid import --dry-run` does per file, without the file I/O).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ibid_import::{import, synthetic, InputFormat, Options, Page};
use std::hint::black_box;

const PAGES: usize = 10_000;

fn pages(c: &mut Criterion) {
    let texts: Vec<String> = (0..PAGES).map(synthetic::page).collect();
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("10000 pasted pages", |b| {
        b.iter(|| {
            let mut fields = 0;
            for text in &texts {
                let page = Page::read(text.as_bytes(), InputFormat::Text).expect("generated page");
                let imported = import(&page, None, &Options::default()).expect("a page");
                fields += black_box(imported.document()).len();
            }
            fields
        })
    });
    group.finish();
}

criterion_group!(benches, pages);
criterion_main!(benches);
