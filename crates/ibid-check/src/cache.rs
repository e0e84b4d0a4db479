//! The `.ibid_cache/` folder: per-document results keyed by the files' raw paths and contents,
//! checksummed, written atomically; a cache never changes an answer, at worst it is ignored.
//!
//! What an entry is trusted for:
//! - **Content key** ([`ContentKey`]): a 128-bit hash of everything a result depends on
//!   (ibid's build, the settings, the displayed path, the document's and sidecar's bytes). A
//!   result is reused when the key of the files as they are now equals the stored one.
//! - **Stamp** ([`Stamp`]): a hash of the files' metadata that lets a run skip reading a file.
//!   It is only taken where it cannot be fooled: on Unix, with the device, inode, size,
//!   modification *and* status-change times (a `touch -d` restores the first but moves the
//!   second, which no user can set), and never for a file whose times are within
//!   [`RACY_WINDOW`] of the moment it was looked at (git's "racily clean" rule: a change in
//!   the same clock tick would leave every time as it was). Elsewhere files are always read.
//! - **The file** carries a checksum of all its bytes; a file that fails it is dropped with a
//!   warning, and anything that is not a regular file, or is larger than
//!   [`MAX_CACHE_FILE`], is ignored the same way.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

/// The cache folder's name.
pub const CACHE_DIR: &str = ".ibid_cache";

/// The first bytes of a cache file, so a file from another tool or format is refused early.
const MAGIC: &[u8] = b"ibid-cache-2\n";

/// The first bytes every layout of the cache file begins with, this one or another.
const FORMAT_FAMILY: &[u8] = b"ibid-cache-";

/// Bytes of the checksum that ends a cache file.
const CHECKSUM_LEN: usize = 16;

/// A file whose modification or status-change time is this close to (or after) the moment
/// its metadata was read has no trusted stamp: it may change again within the same tick of
/// the file system's clock (two seconds covers FAT's coarse times as well).
pub const RACY_WINDOW: Duration = Duration::from_secs(2);

/// The largest cache file that is read; a larger one is ignored with a warning.
pub const MAX_CACHE_FILE: u64 = 1 << 30;

/// Temporary files older than this in the cache folder are left over from killed runs and
/// removed; younger ones may belong to a run still writing.
const STALE_TEMP: Duration = Duration::from_secs(10 * 60);

/// The prefix of the cache's temporary files.
const TEMP_PREFIX: &str = ".tmp";

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

/// A 64-bit hash of some bytes, each part prefixed by its length so parts cannot run together.
pub fn hash_bytes(parts: &[&[u8]]) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for part in parts {
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher.digest()
}

/// A 128-bit hash of some bytes, parts separated as in [`hash_bytes`].
fn hash128(parts: &[&[u8]]) -> u128 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for part in parts {
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher.digest128()
}

/// The hash of everything a result was computed from; equal keys mean equal inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ContentKey(u128);

impl ContentKey {
    /// The key of these parts (contents, settings, names), in order.
    pub fn of(parts: &[&[u8]]) -> Self {
        ContentKey(hash128(parts))
    }
}

/// The key as 32 hexadecimal digits (`{:x}`), to name what it identifies.
impl std::fmt::LowerHex for ContentKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:032x}", self.0)
    }
}

/// A hash of the metadata of a document's files, taken before they are read; when it is
/// unchanged the files are unchanged, so the cached result is reused without reading them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Stamp(u128);

impl Stamp {
    /// The stamp of `files` (the document, then its sidecar) under `salt` (the settings and
    /// the displayed path); `None` when it could be fooled: metadata unreadable, a platform
    /// without inode and status-change time, or a file touched within [`RACY_WINDOW`].
    ///
    /// Take it *before* reading the files: a change after the stamp then shows in the next
    /// stamp, while the result still describes the bytes that were read.
    pub fn of(files: &[&Path], salt: &[u8]) -> Option<Stamp> {
        let mut parts: Vec<Vec<u8>> = Vec::with_capacity(files.len() + 1);
        parts.push(salt.to_vec());
        for file in files {
            let now = SystemTime::now();
            let meta = std::fs::metadata(file).ok()?;
            parts.push(trusted_metadata(&meta, now)?);
        }
        let parts: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
        Some(Stamp(hash128(&parts)))
    }
}

/// The metadata fields of a stamp, or `None` when the file's times are too recent (or in the
/// future) compared with `now` to tell a later change apart.
#[cfg(unix)]
fn trusted_metadata(meta: &std::fs::Metadata, now: SystemTime) -> Option<Vec<u8>> {
    use std::os::unix::fs::MetadataExt;
    let horizon = now
        .checked_sub(RACY_WINDOW)?
        .duration_since(SystemTime::UNIX_EPOCH)
        .ok()?;
    let at = |secs: i64, nanos: i64| -> Option<Duration> {
        Some(Duration::new(
            u64::try_from(secs).ok()?,
            u32::try_from(nanos).ok()?,
        ))
    };
    let modified = at(meta.mtime(), meta.mtime_nsec())?;
    let changed = at(meta.ctime(), meta.ctime_nsec())?;
    if modified >= horizon || changed >= horizon {
        return None;
    }
    let mut fields = Vec::with_capacity(56);
    for value in [
        meta.dev(),
        meta.ino(),
        meta.size(),
        meta.mtime() as u64,
        meta.mtime_nsec() as u64,
        meta.ctime() as u64,
        meta.ctime_nsec() as u64,
    ] {
        fields.extend_from_slice(&value.to_le_bytes());
    }
    Some(fields)
}

/// Without an inode and a status-change time a stamp could be fooled: files are always read.
#[cfg(not(unix))]
fn trusted_metadata(_meta: &std::fs::Metadata, _now: SystemTime) -> Option<Vec<u8>> {
    None
}

/// The bytes of a path exactly as the operating system has them: two names that differ
/// only in bytes that are not UTF-8 are two keys, even if they display alike.
fn path_key(path: &Path) -> Vec<u8> {
    path.as_os_str().as_encoded_bytes().to_vec()
}

/// One result to store: the document's path, the key and stamp it was computed under.
#[derive(Debug, Clone, Copy)]
pub struct NewEntry<'a, T> {
    /// The document's path (its bytes are the entry's name).
    pub path: &'a Path,
    /// The content key of the files the result describes.
    pub key: ContentKey,
    /// Their stamp, when one could be trusted when they were read.
    pub stamp: Option<Stamp>,
    /// The result.
    pub value: &'a T,
}

/// A stored result.
#[derive(Debug)]
struct Entry<T> {
    key: ContentKey,
    stamp: Option<Stamp>,
    value: T,
}

/// Cached per-document results, loaded at the start of a run.
///
/// Results are taken out of the loaded cache (not copied), so a run holds each result once;
/// [`Cache::write`] stores the results of a run.
#[derive(Debug)]
pub struct Cache<T> {
    old: Mutex<HashMap<Vec<u8>, Entry<T>>>,
    loaded: usize,
    /// Whether an entry was taken under a stamp other than its stored one (so rewriting the
    /// cache would record something new).
    restamped: AtomicBool,
}

/// The folder whose `.ibid_cache/` holds the result of `file`: the corpus root (where its
/// `ibid.toml` is, `config_root`) or, without one, the checked folder it was found in (the
/// folder of a file named on its own), never the current folder.
pub fn cache_root(config_root: Option<&Path>, file: &Path, checked: &[PathBuf]) -> PathBuf {
    if let Some(root) = config_root {
        return root.to_path_buf();
    }
    let folder = file.parent().unwrap_or(Path::new("."));
    checked
        .iter()
        .filter(|c| file.starts_with(c) && c.as_path() != file && c.is_dir())
        .min_by_key(|c| c.as_os_str().len())
        .map_or_else(|| folder.to_path_buf(), Clone::clone)
}

/// The cache file for results of `kind` under `root`.
pub fn cache_file(root: &Path, kind: &str) -> PathBuf {
    root.join(CACHE_DIR)
        .join(crate::VERSION)
        .join(format!("{kind}.bin"))
}

impl<T: Serialize + DeserializeOwned> Cache<T> {
    /// Open the cache under `root` for results of `kind` (e.g. `check`). A missing cache
    /// is empty; a corrupt or unreadable one is empty too, with a warning returned.
    pub fn open(root: &Path, kind: &str) -> (Self, Option<String>) {
        let file = cache_file(root, kind);
        if let Some(dir) = file.parent() {
            remove_stale_temporaries(dir);
        }
        let (old, warning) = match ibid_corpus::read_regular_file(&file, MAX_CACHE_FILE) {
            Ok(bytes) => match decode::<T>(&bytes) {
                Some(entries) => (entries, None),
                None => (
                    HashMap::new(),
                    Some(format!(
                        "ignoring the corrupt cache file {} (its checksum does not match); it \
                         will be rewritten",
                        file.display()
                    )),
                ),
            },
            Err(e) if matches!(e.kind, ibid_corpus::ReadErrorKind::NotFound) => {
                (HashMap::new(), None)
            }
            Err(e) => {
                // The read limit's advice (`max-file-size`) is for documents, not the cache.
                let why = match e.kind {
                    ibid_corpus::ReadErrorKind::TooLarge { .. } => {
                        format!("it is larger than {} MiB", MAX_CACHE_FILE >> 20)
                    }
                    _ => e.reason(),
                };
                (
                    HashMap::new(),
                    Some(format!(
                        "ignoring the cache file {}: {why}; it will be rewritten",
                        file.display()
                    )),
                )
            }
        };
        (
            Cache {
                loaded: old.len(),
                old: Mutex::new(old),
                restamped: AtomicBool::new(false),
            },
            warning,
        )
    }

    /// An empty cache (nothing is read).
    pub fn empty() -> Self {
        Cache {
            old: Mutex::new(HashMap::new()),
            loaded: 0,
            restamped: AtomicBool::new(false),
        }
    }

    /// How many results the cache held when it was opened.
    pub fn loaded(&self) -> usize {
        self.loaded
    }

    /// Whether a result was taken by its contents under a new stamp, so the cache on disk
    /// is out of date even if every result came from it.
    pub fn restamped(&self) -> bool {
        self.restamped.load(Ordering::Relaxed)
    }

    /// Take the result for `path` if its files' `stamp` is the stored one (the files were
    /// not even read): returns the content key it was stored under, and the result.
    pub fn take_unchanged(&self, path: &Path, stamp: Stamp) -> Option<(ContentKey, T)> {
        self.take_if(path, |e| e.stamp == Some(stamp))
            .map(|e| (e.key, e.value))
    }

    /// Take the result for `path` if it was computed for the contents `key`; `stamp` is the
    /// files' stamp now, kept in mind so that a changed one gets the cache rewritten.
    pub fn take(&self, path: &Path, key: ContentKey, stamp: Option<Stamp>) -> Option<T> {
        let entry = self.take_if(path, |e| e.key == key)?;
        if entry.stamp != stamp {
            self.restamped.store(true, Ordering::Relaxed);
        }
        Some(entry.value)
    }

    fn take_if(&self, path: &Path, test: impl Fn(&Entry<T>) -> bool) -> Option<Entry<T>> {
        let name = path_key(path);
        let mut old = self.old.lock().unwrap_or_else(|e| e.into_inner());
        match old.get(&name) {
            Some(entry) if test(entry) => old.remove(&name),
            _ => None,
        }
    }

    /// Forget what was not taken (results of files that are gone or changed).
    pub fn release(&self) {
        let mut old = self.old.lock().unwrap_or_else(|e| e.into_inner());
        *old = HashMap::new();
    }

    /// Write `entries` as the cache of `kind` under `root`, atomically: a temporary file in
    /// the same folder, then a rename. The file ends with a checksum of all its bytes.
    pub fn write(root: &Path, kind: &str, entries: &[NewEntry<'_, T>]) -> std::io::Result<()> {
        let file = cache_file(root, kind);
        let Some(dir) = file.parent() else {
            return Ok(());
        };
        std::fs::create_dir_all(dir)?;
        remove_stale_temporaries(dir);
        if let Some(top) = dir.parent() {
            create_once(&top.join(".gitignore"), "# Created by ibid.\n*\n")?;
            create_once(
                &top.join("CACHEDIR.TAG"),
                "Signature: 8a477f597d28d172789f06886806bc55\n",
            )?;
        }
        let list: Vec<(Vec<u8>, ContentKey, Option<Stamp>, &T)> = entries
            .iter()
            .map(|e| (path_key(e.path), e.key, e.stamp, e.value))
            .collect();
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(build_id().as_bytes());
        bytes.push(b'\n');
        let body = postcard::to_stdvec(&list)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()))?;
        bytes.extend_from_slice(&body);
        let checksum = hash128(&[&bytes]);
        bytes.extend_from_slice(&checksum.to_le_bytes());
        let mut tmp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .tempfile_in(dir)?;
        std::io::Write::write_all(&mut tmp, &bytes)?;
        tmp.persist(&file).map_err(|e| e.error)?;
        Ok(())
    }
}

/// Write `text` to a new file at `path`, unless something (a file, a link) is there already.
fn create_once(path: &Path, text: &str) -> std::io::Result<()> {
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(mut file) => std::io::Write::write_all(&mut file, text.as_bytes()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// Remove the temporary files a killed run left in the cache folder `dir` (those old enough
/// that no running ibid can still be writing them). Failures are harmless and ignored.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(list) = std::fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in list.flatten() {
        let is_temp = entry
            .file_name()
            .as_encoded_bytes()
            .starts_with(TEMP_PREFIX.as_bytes());
        if !is_temp {
            continue;
        }
        let stale = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age >= STALE_TEMP);
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A stored entry: raw path bytes, content key, stamp, result.
type StoredEntry<T> = (Vec<u8>, ContentKey, Option<Stamp>, T);

/// The entries of a cache file: `None` when it is corrupt (the checksum is checked before
/// anything else is read), empty when another build wrote it (its entries are not even
/// decoded: their layout may differ).
fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Option<HashMap<Vec<u8>, Entry<T>>> {
    if !bytes.starts_with(MAGIC) && bytes.starts_with(FORMAT_FAMILY) {
        // An older (or newer) layout of ibid's own cache: not corrupt, only not ours.
        return Some(HashMap::new());
    }
    let split = bytes.len().checked_sub(CHECKSUM_LEN)?;
    let (content, checksum) = bytes.split_at(split);
    let checksum = u128::from_le_bytes(checksum.try_into().ok()?);
    if hash128(&[content]) != checksum {
        return None;
    }
    let rest = content.strip_prefix(MAGIC)?;
    let newline = rest.iter().position(|&b| b == b'\n')?;
    let (version, body) = (rest.get(..newline)?, rest.get(newline + 1..)?);
    if version != build_id().as_bytes() {
        return Some(HashMap::new());
    }
    let list: Vec<StoredEntry<T>> = postcard::from_bytes(body).ok()?;
    Some(
        list.into_iter()
            .map(|(path, key, stamp, value)| (path, Entry { key, stamp, value }))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> ContentKey {
        ContentKey::of(&[&[n]])
    }

    fn stamp(n: u8) -> Stamp {
        Stamp(hash128(&[&[n]]))
    }

    fn one_entry(dir: &Path, path: &Path, value: &Vec<String>) {
        let entry = NewEntry {
            path,
            key: key(7),
            stamp: Some(stamp(70)),
            value,
        };
        Cache::write(dir, "test", &[entry]).unwrap();
    }

    #[test]
    fn entries_survive_a_round_trip_and_keys_must_match() {
        let dir = tempfile::tempdir().unwrap();
        let (cache, warning) = Cache::<Vec<String>>::open(dir.path(), "test");
        assert!(warning.is_none());
        assert_eq!(cache.loaded(), 0);
        let value = vec!["x".to_owned()];
        let a = Path::new("a.md");
        one_entry(dir.path(), a, &value);
        let (cache, _) = Cache::<Vec<String>>::open(dir.path(), "test");
        assert_eq!(cache.take(a, key(8), None), None);
        assert_eq!(cache.take(a, key(7), Some(stamp(70))), Some(value.clone()));
        assert!(!cache.restamped());
        assert_eq!(cache.take(a, key(7), None), None, "taken once");
        let (cache, _) = Cache::<Vec<String>>::open(dir.path(), "test");
        assert_eq!(cache.take_unchanged(a, stamp(71)), None);
        assert_eq!(cache.take_unchanged(a, stamp(70)), Some((key(7), value)));
        assert!(dir.path().join(CACHE_DIR).join("CACHEDIR.TAG").exists());
    }

    #[test]
    fn a_result_taken_under_a_new_stamp_marks_the_cache_for_rewriting() {
        let dir = tempfile::tempdir().unwrap();
        let a = Path::new("a.md");
        one_entry(dir.path(), a, &vec![]);
        let (cache, _) = Cache::<Vec<String>>::open(dir.path(), "test");
        assert!(cache.take(a, key(7), None).is_some());
        assert!(cache.restamped());
    }

    #[cfg(unix)]
    #[test]
    fn names_differing_only_in_bytes_that_are_not_utf8_are_two_entries() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let ff = Path::new(std::ffi::OsStr::from_bytes(b"doc-\xff.md"));
        let fe = Path::new(std::ffi::OsStr::from_bytes(b"doc-\xfe.md"));
        assert_eq!(ff.to_string_lossy(), fe.to_string_lossy());
        one_entry(dir.path(), ff, &vec!["ff".to_owned()]);
        let (cache, _) = Cache::<Vec<String>>::open(dir.path(), "test");
        assert_eq!(cache.take_unchanged(fe, stamp(70)), None);
        assert_eq!(cache.take(fe, key(7), None), None);
        assert!(cache.take_unchanged(ff, stamp(70)).is_some());
    }

    #[test]
    fn every_flipped_bit_is_caught_by_the_checksum() {
        let dir = tempfile::tempdir().unwrap();
        let value: Vec<String> = (0..20).map(|i| format!("finding {i}")).collect();
        one_entry(dir.path(), Path::new("a.md"), &value);
        let file = cache_file(dir.path(), "test");
        let good = std::fs::read(&file).unwrap();
        assert!(decode::<Vec<String>>(&good).is_some_and(|m| m.len() == 1));
        for position in 0..good.len() {
            for bit in [0, 3, 7] {
                let mut bad = good.clone();
                bad[position] ^= 1 << bit;
                std::fs::write(&file, &bad).unwrap();
                let (cache, warning) = Cache::<Vec<String>>::open(dir.path(), "test");
                assert_eq!(cache.loaded(), 0, "byte {position}, bit {bit}");
                // A flip in the layout's number reads as another layout: ignored silently.
                let in_layout_number = (FORMAT_FAMILY.len()..MAGIC.len()).contains(&position);
                assert!(
                    in_layout_number || warning.is_some_and(|w| w.contains("checksum")),
                    "byte {position}, bit {bit}"
                );
            }
        }
        // Cut short anywhere, it is refused as well.
        for len in 0..good.len() {
            std::fs::write(&file, &good[..len]).unwrap();
            assert_eq!(Cache::<Vec<String>>::open(dir.path(), "test").0.loaded(), 0);
        }
    }

    #[test]
    fn a_cache_file_of_an_older_layout_is_silently_empty() {
        let dir = tempfile::tempdir().unwrap();
        let file = cache_file(dir.path(), "test");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, b"ibid-cache-1\n0.1.0+0+0\n{\"a.md\": []}").unwrap();
        let (cache, warning) = Cache::<Vec<String>>::open(dir.path(), "test");
        assert_eq!((cache.loaded(), warning), (0, None));
        // Another tool's file in its place is named.
        std::fs::write(&file, b"not a cache").unwrap();
        let (_, warning) = Cache::<Vec<String>>::open(dir.path(), "test");
        assert!(warning.is_some_and(|w| w.contains("corrupt")));
    }

    #[test]
    fn a_cache_of_another_build_is_silently_empty() {
        let dir = tempfile::tempdir().unwrap();
        let file = cache_file(dir.path(), "test");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        let mut bytes = b"ibid-cache-2\n0.0.1+old\n\x01\x02 entries of another layout".to_vec();
        let checksum = hash128(&[&bytes]);
        bytes.extend_from_slice(&checksum.to_le_bytes());
        std::fs::write(&file, bytes).unwrap();
        let (cache, warning) = Cache::<Vec<String>>::open(dir.path(), "test");
        assert_eq!(warning, None);
        assert_eq!(cache.loaded(), 0);
    }

    #[cfg(unix)]
    #[test]
    fn a_cache_file_that_is_not_a_regular_file_is_never_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = cache_file(dir.path(), "test");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink("/dev/zero", &file).unwrap();
        let (cache, warning) = Cache::<Vec<String>>::open(dir.path(), "test");
        assert_eq!(cache.loaded(), 0);
        assert!(warning.unwrap().contains("not a regular file"));
        // Writing replaces the link, never writes through it.
        one_entry(dir.path(), Path::new("a.md"), &vec![]);
        assert!(std::fs::symlink_metadata(&file).unwrap().is_file());
    }

    #[test]
    fn temporaries_left_by_killed_runs_are_removed_and_fresh_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        one_entry(dir.path(), Path::new("a.md"), &vec![]);
        let folder = cache_file(dir.path(), "test").parent().unwrap().to_owned();
        let old = folder.join(".tmpKilled1");
        let fresh = folder.join(".tmpRunning");
        std::fs::write(&old, b"half a cache").unwrap();
        std::fs::write(&fresh, b"half a cache").unwrap();
        let long_ago = SystemTime::now() - Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
        let _ = Cache::<Vec<String>>::open(dir.path(), "test");
        assert!(!old.exists());
        assert!(fresh.exists());
    }

    #[cfg(unix)]
    #[test]
    fn stamps_are_withheld_for_recent_changes_and_see_status_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "one").unwrap();
        let meta = std::fs::metadata(&path).unwrap();
        let now = SystemTime::now();
        assert_eq!(trusted_metadata(&meta, now), None, "just written: racy");
        let later = now + Duration::from_secs(3);
        let before = trusted_metadata(&meta, later).expect("old enough to trust");
        // Same size, modification time put back (as `touch -d` does): the status-change
        // time the kernel sets still tells the files apart.
        let modified = meta.modified().unwrap();
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(&path, "two").unwrap();
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(modified).unwrap();
        let meta = std::fs::metadata(&path).unwrap();
        assert_eq!(meta.modified().unwrap(), modified);
        let after = trusted_metadata(&meta, later + Duration::from_secs(1)).unwrap();
        assert_ne!(before, after);
        // A file dated in the future is never trusted either.
        assert_eq!(
            trusted_metadata(&meta, now - Duration::from_secs(3600)),
            None
        );
    }

    #[test]
    fn hashes_separate_their_parts() {
        assert_ne!(hash_bytes(&[b"ab", b"c"]), hash_bytes(&[b"a", b"bc"]));
        assert_ne!(
            ContentKey::of(&[b"ab", b"c"]),
            ContentKey::of(&[b"a", b"bc"])
        );
    }
}
