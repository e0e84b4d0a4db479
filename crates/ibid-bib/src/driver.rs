//! How a bibliography is rendered: in one pass, or in groups in parallel put in order by
//! the engine's own sort (see [`crate::group`]), each result cached under a content key (a
//! 128-bit hash) of the entries it was rendered from, the style and the locale, in
//! `ibid check`'s checksummed cache, so that a re-run renders only what changed.

use crate::bibliography::Renderer;
use crate::group::{
    bucket_count, groupable, partition, presorted, sorted_without_numbers, sorting_style,
};
use crate::render::{Engine, Pass, RenderedEntry};
use crate::style::{all_locales, LoadedStyle};
use hayagriva::citationberg::json::Item;
use hayagriva::citationberg::LocaleCode;
use ibid_check::cache::{hash_bytes, Cache, ContentKey, NewEntry};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// A cached result: the entries of a chunk, or the order of the whole bibliography.
#[derive(Debug, Clone, Serialize, Deserialize)]
enum Cached {
    /// A chunk rendered: its entries in the style's order, and those the engine failed on.
    Chunk(Vec<RenderedEntry>, Vec<String>),
    /// The ids of every entry in the style's order, each with the key of its content.
    Order(Vec<(String, ContentKey)>),
}

/// The revision of what ibid does to hayagriva's output ([`crate::tidy`], [`crate::title_case`]), in every key:
/// entries cached by an ibid that tidied them otherwise are rendered again.
const RENDER_REVISION: u32 = 6;

/// The render cache of one style and locale under a corpus root (`.ibid_cache/`).
pub struct RenderCache {
    root: PathBuf,
    kind: String,
    /// The style and locale every key includes, so a result never outlives either.
    identity: String,
    old: Cache<Cached>,
    new: Mutex<Vec<(String, ContentKey, Cached)>>,
    /// A warning met opening the cache (a corrupt file, ignored).
    pub warning: Option<String>,
}

impl RenderCache {
    /// Open the cache of `style` and `locale` under `root`.
    pub fn open(root: &Path, style: &LoadedStyle, locale: Option<&LocaleCode>) -> RenderCache {
        let identity = format!(
            "{}|{}|{RENDER_REVISION}",
            style.identity,
            locale.map_or("", |l| l.0.as_str())
        );
        let kind = format!("bib-{:016x}", hash_bytes(&[identity.as_bytes()]));
        let (old, warning) = Cache::open(root, &kind);
        RenderCache {
            root: root.to_path_buf(),
            kind,
            identity,
            old,
            new: Mutex::new(Vec::new()),
            warning,
        }
    }

    /// The content key of a result rendered from `items` (in order) with this cache's style
    /// and locale: their ids and CSL-JSON.
    fn key(&self, items: &[&(String, Item)]) -> ContentKey {
        content_key(self.identity.as_bytes(), items)
    }

    /// The result stored in `slot` if it was rendered for the contents `key`. Rendering
    /// reads no file, so there is no stamp: the key alone decides.
    fn take(&self, slot: &str, key: ContentKey) -> Option<Cached> {
        self.old.take(Path::new(slot), key, None)
    }

    fn keep(&self, slot: String, key: ContentKey, value: Cached) {
        self.new
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((slot, key, value));
    }

    /// Write what this run rendered or reused, atomically; results not used are dropped.
    pub fn write(&self) -> std::io::Result<()> {
        let new = self.new.lock().unwrap_or_else(|e| e.into_inner());
        let entries: Vec<NewEntry<'_, Cached>> = new
            .iter()
            .map(|(slot, key, value)| NewEntry {
                path: Path::new(slot),
                key: *key,
                stamp: None,
                value,
            })
            .collect();
        Cache::write(&self.root, &self.kind, &entries)
    }
}

/// Renders a bibliography with a style: grouped when that is proved to give the same
/// result, cached when a cache is given.
pub struct Driver<'a> {
    /// The style.
    pub style: &'a LoadedStyle,
    /// The locale asked for, else the style's own.
    pub locale: Option<&'a LocaleCode>,
    /// The cache, if any.
    pub cache: Option<&'a RenderCache>,
    /// Whether to group when the style allows it.
    pub grouping: bool,
    /// About how many entries a group's chunk holds ([`DEFAULT_CHUNK`] unless testing).
    pub chunk_size: usize,
}

/// About how many entries a chunk holds: enough to keep the engine busy, few enough that a
/// changed entry re-renders little and two cores share the work.
pub const DEFAULT_CHUNK: usize = 64;

/// The key of some entries' content, in order, under `identity` (each id and its CSL-JSON
/// a part of its own, so no two lists share a key by running together).
fn content_key(identity: &[u8], items: &[&(String, Item)]) -> ContentKey {
    let json: Vec<Vec<u8>> = items
        .iter()
        .map(|(_, item)| serde_json::to_vec(item).unwrap_or_default())
        .collect();
    let mut parts: Vec<&[u8]> = Vec::with_capacity(1 + 2 * items.len());
    parts.push(identity);
    for ((id, _), json) in items.iter().zip(&json) {
        parts.push(id.as_bytes());
        parts.push(json);
    }
    ContentKey::of(&parts)
}

impl Driver<'_> {
    fn engine(&self) -> Engine<'_> {
        Engine {
            style: self.style,
            locale: self.locale,
            locales: all_locales(),
        }
    }

    /// Render one chunk (its items in order), from the cache when it has it.
    fn chunk(&self, slot: String, items: &[&(String, Item)]) -> (Vec<RenderedEntry>, Vec<String>) {
        let key = self.cache.map(|cache| cache.key(items));
        if let (Some(cache), Some(key)) = (self.cache, key) {
            if let Some(Cached::Chunk(entries, failed)) = cache.take(&slot, key) {
                cache.keep(slot, key, Cached::Chunk(entries.clone(), failed.clone()));
                return (entries, failed);
            }
        }
        let pass = self.engine().render_refs(items);
        if let (Some(cache), Some(key)) = (self.cache, key) {
            cache.keep(
                slot,
                key,
                Cached::Chunk(pass.entries.clone(), pass.failed.clone()),
            );
        }
        (pass.entries, pass.failed)
    }

    /// The ids of `items` (given in their presorted order) in the style's order.
    ///
    /// The order of the last run is cached with a hash of each entry. The engine compares
    /// two entries by themselves alone, and sorts stably, so the entries that did not
    /// change keep their order; a few changed entries are placed among them by binary
    /// search, each comparison a sorting pass over two entries. Otherwise one sorting pass
    /// over all of them.
    fn order(&self, items: &[&(String, Item)]) -> Option<Vec<String>> {
        // Each entry's own key; the order as a whole is stored under the style's key alone.
        let hashes: Vec<ContentKey> = items.iter().map(|i| content_key(b"", &[*i])).collect();
        let previous = self.cache.and_then(|c| match c.take("order", c.key(&[])) {
            Some(Cached::Order(list)) => Some(list),
            _ => None,
        });
        let ids = match previous {
            Some(previous) => self.reorder(items, &hashes, previous),
            None => self.sort(items),
        }?;
        if let Some(cache) = self.cache {
            let position: HashMap<&str, usize> = items
                .iter()
                .enumerate()
                .map(|(i, (id, _))| (id.as_str(), i))
                .collect();
            let list = ids
                .iter()
                .map(|id| (id.clone(), hashes[position[id.as_str()]]))
                .collect();
            cache.keep("order".into(), cache.key(&[]), Cached::Order(list));
        }
        Some(ids)
    }

    /// The sorting engine: the style reduced to its sort (see [`sorting_style`]).
    fn sorting_engine<R>(&self, run: impl FnOnce(&Engine<'_>) -> R) -> R {
        let sorting = LoadedStyle {
            csl: sorting_style(&self.style.csl),
            ..self.style.clone()
        };
        run(&Engine {
            style: &sorting,
            locale: self.locale,
            locales: all_locales(),
        })
    }

    /// One sorting pass over `items`.
    fn sort(&self, items: &[&(String, Item)]) -> Option<Vec<String>> {
        let pass = self.sorting_engine(|engine| engine.render_refs(items));
        if !pass.failed.is_empty() || pass.entries.len() != items.len() {
            return None;
        }
        Some(pass.entries.into_iter().map(|e| e.id).collect())
    }

    /// The previous order with the changed entries placed into it (see [`Driver::order`]).
    fn reorder(
        &self,
        items: &[&(String, Item)],
        hashes: &[ContentKey],
        previous: Vec<(String, ContentKey)>,
    ) -> Option<Vec<String>> {
        /// Above this many changed entries one sorting pass is cheaper.
        const FEW: usize = 32;
        let current: HashMap<&str, (usize, ContentKey)> = items
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (id.as_str(), (i, hashes[i])))
            .collect();
        // Entries in the last order that are still here, unchanged: their presorted index.
        let mut kept: Vec<usize> = previous
            .iter()
            .filter_map(|(id, hash)| match current.get(id.as_str()) {
                Some(&(i, h)) if h == *hash => Some(i),
                _ => None,
            })
            .collect();
        let is_kept: std::collections::HashSet<usize> = kept.iter().copied().collect();
        let changed: Vec<usize> = (0..items.len()).filter(|i| !is_kept.contains(i)).collect();
        if changed.is_empty() {
            return Some(kept.iter().map(|&i| items[i].0.clone()).collect());
        }
        if changed.len() > FEW || kept.is_empty() {
            return self.sort(items);
        }
        self.sorting_engine(|engine| {
            for &c in &changed {
                // The first kept entry that the changed one comes before.
                let (mut low, mut high) = (0, kept.len());
                while low < high {
                    let mid = (low + high) / 2;
                    let other = kept[mid];
                    // The pair in presorted order, as the full sort would meet them.
                    let pair = if other < c {
                        [items[other], items[c]]
                    } else {
                        [items[c], items[other]]
                    };
                    let pass = engine.render_refs(&pair);
                    if !pass.failed.is_empty() || pass.entries.len() != 2 {
                        return None;
                    }
                    if pass.entries[0].id == items[c].0 {
                        high = mid;
                    } else {
                        low = mid + 1;
                    }
                }
                kept.insert(low, c);
            }
            Some(kept.iter().map(|&i| items[i].0.clone()).collect())
        })
    }
}

/// Whether an entry has an issue date.
fn has_issued(entry: &(String, Item)) -> bool {
    entry.1 .0.contains_key("issued")
}

/// The first entry with an issue date, lent to every chunk that has none.
///
/// hayagriva 0.10.1 adds year suffixes (`n.d.-a`, `n.d.-b`) to ambiguous citations only
/// when some citation of the whole bibliography prints a date, not only their own group
/// (`disambiguate_year_suffix`). A chunk without a dated entry would then leave two
/// undated entries by the same author alike where one pass tells them apart. The witness
/// shares nothing with the chunk's entries (it is in another group), so it changes
/// nothing else; its entry is dropped from the chunk's output. Found by the property test
/// in `tests/grouping.rs`.
fn date_witness(ordered: &[&(String, Item)]) -> Option<usize> {
    ordered.iter().position(|e| has_issued(e))
}

impl Renderer for Driver<'_> {
    fn render(&self, items: &[(String, Item)]) -> Pass {
        // A sorted style gets its entries roughly in order: its own sort is then cheap. A
        // style that numbers its entries keeps the order of citation (it numbers by it).
        let sorted = sorted_without_numbers(&self.style.csl);
        let order: Vec<usize> = if sorted {
            presorted(items)
        } else {
            (0..items.len()).collect()
        };
        let ordered: Vec<&(String, Item)> = order.iter().map(|&i| &items[i]).collect();
        let grouped = self.grouping && items.len() > 1 && groupable(self.style);
        if !grouped {
            let (entries, failed) = self.chunk("all".into(), &ordered);
            return Pass { entries, failed };
        }
        let Some(chunks) = partition(
            &ordered,
            &self.style.csl,
            bucket_count(ordered.len(), self.chunk_size),
        ) else {
            let (entries, failed) = self.chunk("all".into(), &ordered);
            return Pass { entries, failed };
        };
        let witness = date_witness(&ordered);
        let results: Vec<(Vec<RenderedEntry>, Vec<String>)> = chunks
            .par_iter()
            .map(|chunk| {
                let slot = format!("chunk:{}", ordered[chunk[0]].0);
                let lent = witness.filter(|_| !chunk.iter().any(|&i| has_issued(ordered[i])));
                let mut indices = chunk.clone();
                if let Some(w) = lent {
                    let at = indices.partition_point(|&i| i < w);
                    indices.insert(at, w);
                }
                let members: Vec<&(String, Item)> = indices.iter().map(|&i| ordered[i]).collect();
                let (mut entries, mut failed) = self.chunk(slot, &members);
                if let Some(w) = lent {
                    // The witness is rendered in its own chunk; here it only lends its date.
                    let id = &ordered[w].0;
                    entries.retain(|e| &e.id != id);
                    failed.retain(|f| f != id);
                }
                (entries, failed)
            })
            .collect();
        let mut failed = Vec::new();
        let mut by_id: HashMap<String, RenderedEntry> = HashMap::with_capacity(items.len());
        let mut chunk_order: Vec<String> = Vec::with_capacity(items.len());
        for (entries, f) in results {
            failed.extend(f);
            for e in entries {
                chunk_order.push(e.id.clone());
                by_id.insert(e.id.clone(), e);
            }
        }
        let ids = if chunks.len() == 1 {
            chunk_order
        } else {
            match self.order(&ordered) {
                Some(ids) => ids,
                // The sorting pass failed: render in one pass instead.
                None => {
                    let (entries, failed) = self.chunk("all".into(), &ordered);
                    return Pass { entries, failed };
                }
            }
        };
        let entries = ids.into_iter().filter_map(|id| by_id.remove(&id)).collect();
        Pass { entries, failed }
    }
}
