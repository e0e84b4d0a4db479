//! The render cache never changes an answer: a warm run, a run with some entries changed
//! (placed into the cached order by binary search) and a run over a corrupt cache file all
//! give what a run without the cache gives.

use hayagriva::citationberg::json::Item;
use ibid_bib::bibliography::Renderer;
use ibid_bib::driver::{Driver, RenderCache};
use ibid_bib::item::to_item;
use ibid_bib::style::{archived_style, LoadedStyle};
use serde_json::{json, Value};
use std::path::Path;

fn items(n: usize, seed: u64) -> Vec<(String, Item)> {
    ibid_bib::synthetic::bibliography(n, seed)
        .into_iter()
        .map(|o| (o["id"].as_str().unwrap().to_string(), to_item(&o)))
        .collect()
}

fn render(style: &LoadedStyle, items: &[(String, Item)], root: Option<&Path>) -> Vec<String> {
    let cache = root.map(|r| RenderCache::open(r, style, None));
    let driver = Driver {
        style,
        locale: None,
        cache: cache.as_ref(),
        grouping: true,
        chunk_size: 16,
    };
    let out = driver
        .render(items)
        .entries
        .iter()
        .map(|e| e.plain())
        .collect();
    if let Some(cache) = &cache {
        cache.write().unwrap();
    }
    out
}

/// `items` with the entries at `at` changed: a new first author, or a new title.
fn changed(items: &[(String, Item)], at: &[usize]) -> Vec<(String, Item)> {
    let mut out = items.to_vec();
    for (n, &i) in at.iter().enumerate() {
        let mut csl = serde_json::to_value(&out[i].1).unwrap();
        let o = csl.as_object_mut().unwrap();
        if n % 2 == 0 {
            o.insert(
                "author".into(),
                json!([{"family": "Aardvark", "given": format!("N{n}")}]),
            );
        } else {
            o.insert("title".into(), Value::String(format!("Zz changed {n}")));
        }
        // The item's JSON has dates as bare parts; give them back their CSL shape.
        for date in ["issued", "accessed", "original-date"] {
            if let Some(parts) = o.get(date).cloned() {
                o.insert(date.into(), json!({ "date-parts": parts }));
            }
        }
        out[i].1 = to_item(o);
    }
    out
}

#[test]
fn warm_and_partly_changed_runs_equal_uncached_runs() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["chicago-author-date", "apa", "gost-r-705-2008-numeric"] {
        let style = archived_style(name).unwrap();
        let before = items(160, 7);
        let cold = render(&style, &before, Some(dir.path()));
        assert_eq!(cold, render(&style, &before, None), "{name}: cold");
        assert_eq!(
            cold,
            render(&style, &before, Some(dir.path())),
            "{name}: warm"
        );
        for at in [vec![3], vec![0, 50, 99, 159], (0..40).collect::<Vec<_>>()] {
            let after = changed(&before, &at);
            let uncached = render(&style, &after, None);
            assert_ne!(uncached, cold, "{name}: the change shows");
            assert_eq!(
                render(&style, &after, Some(dir.path())),
                uncached,
                "{name}: {} changed",
                at.len()
            );
            // And back.
            assert_eq!(
                render(&style, &before, Some(dir.path())),
                cold,
                "{name}: back"
            );
        }
    }
}

#[test]
fn a_corrupt_cache_is_ignored_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let style = archived_style("chicago-author-date").unwrap();
    let list = items(40, 3);
    let expected = render(&style, &list, Some(dir.path()));
    let mut files = Vec::new();
    for entry in walk(&dir.path().join(".ibid_cache")) {
        if entry.extension().is_some_and(|e| e == "bin") {
            files.push(entry);
        }
    }
    assert_eq!(files.len(), 1, "{files:?}");
    let mut bytes = std::fs::read(&files[0]).unwrap();
    let middle = bytes.len() / 2;
    bytes.truncate(middle);
    std::fs::write(&files[0], &bytes).unwrap();
    let cache = RenderCache::open(dir.path(), &style, None);
    assert!(
        cache.warning.as_deref().unwrap_or("").contains("corrupt"),
        "{:?}",
        cache.warning
    );
    assert_eq!(render(&style, &list, Some(dir.path())), expected);
}

/// A flipped bit anywhere in the cache file (in its entries, its header or its checksum) is
/// caught by the checksum: the file is ignored with a warning and the answer is unchanged.
#[test]
fn a_flipped_bit_is_caught_and_never_changes_the_answer() {
    let dir = tempfile::tempdir().unwrap();
    let style = archived_style("apa").unwrap();
    let list = items(40, 5);
    let expected = render(&style, &list, Some(dir.path()));
    let file = walk(&dir.path().join(".ibid_cache"))
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e == "bin"))
        .unwrap();
    let good = std::fs::read(&file).unwrap();
    let len = good.len();
    for at in [0, len / 7, len / 3, len / 2, len - 20, len - 1] {
        let mut bad = good.clone();
        bad[at] ^= 0x10;
        std::fs::write(&file, &bad).unwrap();
        let cache = RenderCache::open(dir.path(), &style, None);
        assert!(
            cache.warning.is_some(),
            "bit at {at} of {len} went unnoticed"
        );
        assert_eq!(render(&style, &list, Some(dir.path())), expected, "at {at}");
    }
}

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
