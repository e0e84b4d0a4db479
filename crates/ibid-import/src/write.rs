//! Writing an output file atomically: a temporary file in the same folder, renamed over
//! the target, never replacing an existing file unless asked to, keeping its permissions.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Why an output could not be written.
#[derive(Debug)]
#[non_exhaustive]
pub enum WriteError {
    /// The file exists and overwriting was not asked for.
    Exists(PathBuf),
    /// An I/O error.
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Exists(p) => write!(f, "{} exists", p.display()),
            WriteError::Io(p, e) => write!(f, "cannot write {}: {e}", p.display()),
        }
    }
}

impl std::error::Error for WriteError {}

/// Write `text` to `path` atomically. An existing file is replaced only with `overwrite`,
/// and keeps its permissions.
pub fn write_atomic(path: &Path, text: &str, overwrite: bool) -> Result<(), WriteError> {
    let io = |e| WriteError::Io(path.to_path_buf(), e);
    let existing = std::fs::metadata(path).ok();
    if existing.is_some() && !overwrite {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".ibid-import-")
        .tempfile_in(&dir)
        .map_err(io)?;
    tmp.write_all(text.as_bytes()).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    if let Some(meta) = existing {
        std::fs::set_permissions(tmp.path(), meta.permissions()).map_err(io)?;
    }
    if overwrite {
        tmp.persist(path).map_err(|e| io(e.error))?;
    } else {
        // Never replace a file that appeared meanwhile.
        tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                WriteError::Exists(path.to_path_buf())
            } else {
                io(e.error)
            }
        })?;
    }
    Ok(())
}
