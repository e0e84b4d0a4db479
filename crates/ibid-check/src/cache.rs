//! The `.ibid_cache/` folder: per-document results keyed by ibid's version, the settings that
//! shape them and the files' contents, written atomically; a corrupt cache is ignored.

use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The cache folder's name.
pub const CACHE_DIR: &str = ".ibid_cache";

/// The largest cache file read (a cache of 100,000 documents is far smaller).
const MAX_CACHE_SIZE: u64 = 1 << 30;

/// The first bytes of a cache file, so a file from another tool or format is refused early.
const MAGIC: &[u8] = b"ibid-cache-1\n";

/// What a cached result depends on besides the files: ibid's version, the rules' sources,
/// and the running program (its size and modification time), so a rebuilt ibid never reads
/// results an older build computed.
pub fn build_id() -> String {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| {
        let sources: Vec<&[u8]> = crate::Rule::ALL
            .iter()
            .map(|r| r.source().as_bytes())
            .collect();
        let exe = std::env::current_exe()
            .and_then(std::fs::metadata)
            .map(|m| {
                let modified = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                format!("{}:{modified}", m.len())
            })
            .unwrap_or_default();
        format!(
            "{}+{:016x}+{:016x}",
            crate::VERSION,
            hash_bytes(&sources),
            hash_bytes(&[exe.as_bytes()])
        )
    })
    .clone()
}

/// A hash of some bytes, for cache keys.
pub fn hash_bytes(parts: &[&[u8]]) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for part in parts {
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher.digest()
}

/// One cached result and the keys it is valid for.
#[derive(Debug, Clone)]
pub struct Entry<T> {
    /// Hash of the contents and settings the result was computed from.
    pub key: u64,
    /// Hash of the files' sizes and modification times (and the settings): when it matches,
    /// the files are taken as unchanged without reading them, as ruff does.
    pub stamp: u64,
    /// The result.
    pub value: T,
}

/// Cached per-document results, loaded at the start of a run.
///
/// Results are taken out of the loaded cache (not copied), so a run holds each result once;
/// [`Cache::write`] stores the results of a run.
#[derive(Debug)]
pub struct Cache<T> {
    old: Mutex<HashMap<String, Entry<T>>>,
    loaded: usize,
}

/// The cache file for results of `kind` under `root`.
fn cache_file(root: &Path, kind: &str) -> PathBuf {
    root.join(CACHE_DIR)
        .join(crate::VERSION)
        .join(format!("{kind}.bin"))
}

impl<T: Serialize + DeserializeOwned> Cache<T> {
    /// Open the cache under `root` for results of `kind` (e.g. `check`). A missing cache
    /// is empty; a corrupt one is empty too, with a warning returned.
    pub fn open(root: &Path, kind: &str) -> (Self, Option<String>) {
        let file = cache_file(root, kind);
        let mut warning = None;
        let old = match ibid_corpus::read_regular_file(&file, MAX_CACHE_SIZE) {
            Ok(bytes) => match decode::<T>(&bytes) {
                Some(entries) => entries,
                None => {
                    warning = Some(format!(
                        "ignoring the corrupt cache file {}; it will be rewritten",
                        file.display()
                    ));
                    HashMap::new()
                }
            },
            Err(e) if matches!(e.kind, ibid_corpus::ReadErrorKind::NotFound) => HashMap::new(),
            Err(e) => {
                warning = Some(format!(
                    "ignoring the cache file {}: {}; it will be rewritten",
                    file.display(),
                    e.reason()
                ));
                HashMap::new()
            }
        };
        (
            Cache {
                loaded: old.len(),
                old: Mutex::new(old),
            },
            warning,
        )
    }

    /// An empty cache (nothing is read).
    pub fn empty() -> Self {
        Cache {
            old: Mutex::new(HashMap::new()),
            loaded: 0,
        }
    }

    /// How many results the cache held when it was opened.
    pub fn loaded(&self) -> usize {
        self.loaded
    }

    /// Take the cached result for `path` out of the cache, if it was computed for `key`.
    pub fn take(&self, path: &str, key: u64) -> Option<T> {
        self.take_if(path, |e| e.key == key).map(|(_, value)| value)
    }

    /// Take the cached result for `path` out of the cache, if its files' `stamp` (sizes and
    /// modification times) is unchanged; with the content key it was stored under.
    pub fn take_stamped(&self, path: &str, stamp: u64) -> Option<(u64, T)> {
        self.take_if(path, |e| e.stamp == stamp)
    }

    fn take_if(&self, path: &str, test: impl Fn(&Entry<T>) -> bool) -> Option<(u64, T)> {
        let mut old = self.old.lock().unwrap_or_else(|e| e.into_inner());
        match old.get(path) {
            Some(entry) if test(entry) => old.remove(path).map(|e| (e.key, e.value)),
            _ => None,
        }
    }

    /// Forget what was not taken (results of files that are gone or changed).
    pub fn release(&self) {
        let mut old = self.old.lock().unwrap_or_else(|e| e.into_inner());
        *old = HashMap::new();
    }

    /// Write `entries` (path, content key, stamp, result) as the cache of `kind` under
    /// `root`, atomically: a temporary file in the same folder, then a rename.
    pub fn write(root: &Path, kind: &str, entries: &[(&str, u64, u64, &T)]) -> std::io::Result<()> {
        let file = cache_file(root, kind);
        let Some(dir) = file.parent() else {
            return Ok(());
        };
        std::fs::create_dir_all(dir)?;
        if let Some(top) = dir.parent() {
            let ignore = top.join(".gitignore");
            if !ignore.exists() {
                std::fs::write(&ignore, "# Created by ibid.\n*\n")?;
            }
            let tag = top.join("CACHEDIR.TAG");
            if !tag.exists() {
                std::fs::write(&tag, "Signature: 8a477f597d28d172789f06886806bc55\n")?;
            }
        }
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(build_id().as_bytes());
        bytes.push(b'\n');
        let body = postcard::to_stdvec(entries)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()))?;
        bytes.extend_from_slice(&body);
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        std::io::Write::write_all(&mut tmp, &bytes)?;
        tmp.persist(&file).map_err(|e| e.error)?;
        Ok(())
    }
}

/// The entries of a cache file: `None` when it is corrupt, empty when another build wrote it
/// (its entries are not even decoded: their layout may differ).
fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Option<HashMap<String, Entry<T>>> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let newline = rest.iter().position(|&b| b == b'\n')?;
    let (version, body) = (rest.get(..newline)?, rest.get(newline + 1..)?);
    if version != build_id().as_bytes() {
        return Some(HashMap::new());
    }
    let list: Vec<(String, u64, u64, T)> = postcard::from_bytes(body).ok()?;
    Some(
        list.into_iter()
            .map(|(path, key, stamp, value)| (path, Entry { key, stamp, value }))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_survive_a_round_trip_and_keys_must_match() {
        let dir = tempfile::tempdir().unwrap();
        let (cache, warning) = Cache::<Vec<String>>::open(dir.path(), "test");
        assert!(warning.is_none());
        assert_eq!(cache.loaded(), 0);
        let value = vec!["x".to_owned()];
        Cache::write(dir.path(), "test", &[("a.md", 7, 70, &value)]).unwrap();
        let (cache, _) = Cache::<Vec<String>>::open(dir.path(), "test");
        assert_eq!(cache.take("a.md", 8), None);
        assert_eq!(cache.take("a.md", 7), Some(vec!["x".to_owned()]));
        assert_eq!(cache.take("a.md", 7), None, "taken once");
        let (cache, _) = Cache::<Vec<String>>::open(dir.path(), "test");
        assert_eq!(cache.take_stamped("a.md", 71), None);
        assert_eq!(
            cache.take_stamped("a.md", 70),
            Some((7, vec!["x".to_owned()]))
        );
        assert!(dir.path().join(CACHE_DIR).join("CACHEDIR.TAG").exists());
    }

    #[test]
    fn a_corrupt_cache_is_ignored_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir
            .path()
            .join(CACHE_DIR)
            .join(crate::VERSION)
            .join("test.bin");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, b"ibid-cache-1\n\xff\xff\xff garbage").unwrap();
        let (cache, warning) = Cache::<Vec<String>>::open(dir.path(), "test");
        assert!(warning.unwrap().contains("corrupt"));
        assert_eq!(cache.loaded(), 0);
    }

    #[test]
    fn a_cache_of_another_build_is_silently_empty() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir
            .path()
            .join(CACHE_DIR)
            .join(crate::VERSION)
            .join("test.bin");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(
            &file,
            b"ibid-cache-1\n0.0.1+old\n\x01\x02 entries of another layout",
        )
        .unwrap();
        let (cache, warning) = Cache::<Vec<String>>::open(dir.path(), "test");
        assert_eq!(warning, None);
        assert_eq!(cache.loaded(), 0);
    }

    #[test]
    fn hashes_separate_their_parts() {
        assert_ne!(hash_bytes(&[b"ab", b"c"]), hash_bytes(&[b"a", b"bc"]));
    }
}
