//! Paths as people see them: relative to the folder ibid was run from, with `/` separators,
//! and relative to a corpus root for matching `include`/`exclude` globs.

use std::path::{Path, PathBuf};

/// `path` as shown in messages: relative to `base` when inside it, `/`-separated, without a
/// leading `./`; `.` for `base` itself.
///
/// ```
/// use ibid_corpus::display_path;
/// use std::path::Path;
///
/// let shown = display_path(Path::new("/corpus/letters/a.md"), Path::new("/corpus"));
/// assert_eq!(shown, "letters/a.md");
/// ```
pub fn display_path(path: &Path, base: &Path) -> String {
    let canonical_base = if path.is_absolute() && !base.is_absolute() {
        base.canonicalize().ok()
    } else {
        None
    };
    let relative = path
        .strip_prefix(base)
        .ok()
        .or_else(|| {
            canonical_base
                .as_deref()
                .and_then(|b| path.strip_prefix(b).ok())
        })
        .unwrap_or(path);
    let text = relative.to_string_lossy().replace('\\', "/");
    let text = text.strip_prefix("./").unwrap_or(&text);
    if text.is_empty() {
        ".".to_owned()
    } else {
        text.to_owned()
    }
}

/// `path` relative to `base`, comparing canonical forms when the plain prefix fails.
pub fn relative_to(path: &Path, base: &Path) -> PathBuf {
    if let Ok(rel) = path.strip_prefix(base) {
        return rel.to_path_buf();
    }
    let abs = |p: &Path| {
        p.canonicalize()
            .or_else(|_| std::path::absolute(p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let (path_abs, base_abs) = (abs(path), abs(base));
    path_abs
        .strip_prefix(&base_abs)
        .map(Path::to_path_buf)
        .unwrap_or(path_abs)
}
