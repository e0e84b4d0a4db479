//! Rendering a generated bibliography with hayagriva through ibid-bib: one pass against
//! grouped rendering (parallel chunks put in order by one sorting pass), without the cache.

use criterion::{criterion_group, criterion_main, Criterion};
use hayagriva::citationberg::json::Item;
use ibid_bib::bibliography::Renderer;
use ibid_bib::driver::{Driver, DEFAULT_CHUNK};
use ibid_bib::item::to_item;
use ibid_bib::style::archived_style;

fn items(n: usize) -> Vec<(String, Item)> {
    ibid_bib::synthetic::bibliography(n, 1921)
        .into_iter()
        .map(|o| {
            (
                o["id"].as_str().unwrap_or_default().to_string(),
                to_item(&o),
            )
        })
        .collect()
}

fn render(c: &mut Criterion) {
    let list = items(500);
    let mut group = c.benchmark_group("render 500 entries");
    group.sample_size(10);
    for name in ["chicago-author-date", "apa", "gost-r-705-2008-numeric"] {
        let style = archived_style(name).expect("an archived style");
        for grouping in [false, true] {
            let label = format!("{name} {}", if grouping { "grouped" } else { "one pass" });
            group.bench_function(label, |b| {
                b.iter(|| {
                    let driver = Driver {
                        style: &style,
                        locale: None,
                        cache: None,
                        grouping,
                        chunk_size: DEFAULT_CHUNK,
                    };
                    driver.render(&list).entries.len()
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
