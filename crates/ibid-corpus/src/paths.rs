//! Paths as people see them: relative to the folder ibid was run from, with `/` separators,
//! and relative to a corpus root for matching `include`/`exclude` globs.

use std::path::{Path, PathBuf};

/// `path` as shown in messages: relative to `base` when inside it, `/`-separated, without a
/// leading `./`; `.` for `base` itself. Bytes of a name that are not UTF-8 are written
/// `\xNN`, so two names that differ only in them are shown apart (never both as `�`).
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
    let text = escaped(relative);
    let text = text.strip_prefix("./").unwrap_or(&text);
    if text.is_empty() {
        ".".to_owned()
    } else {
        text.to_owned()
    }
}

/// The text of `path` with `/` separators and every byte that is not UTF-8 as `\xNN`.
fn escaped(path: &Path) -> String {
    use std::fmt::Write as _;
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(&chunk.valid().replace('\\', "/"));
        for byte in chunk.invalid() {
            let _ = write!(out, "\\x{byte:02X}");
        }
    }
    out
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

/// The displayed path of `sibling` (a file in the same folder, such as a sidecar) beside
/// the file displayed as `display`; its name escaped as [`display_path`] escapes names.
///
/// ```
/// use ibid_corpus::sibling_display;
/// use std::path::Path;
///
/// let shown = sibling_display("letters/a.md", Path::new("/corpus/letters/a.ibid.toml"));
/// assert_eq!(shown, "letters/a.ibid.toml");
/// ```
pub fn sibling_display(display: &str, sibling: &Path) -> String {
    let name = sibling
        .file_name()
        .map(|n| escaped(Path::new(n)))
        .unwrap_or_default();
    match display.rfind('/') {
        Some(slash) => format!("{}/{name}", &display[..slash]),
        None => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_are_shown_apart() {
        use std::os::unix::ffi::OsStrExt;
        let a = Path::new(std::ffi::OsStr::from_bytes(b"/c/doc-\xff.md"));
        let b = Path::new(std::ffi::OsStr::from_bytes(b"/c/doc-\xfe.md"));
        assert_eq!(display_path(a, Path::new("/c")), "doc-\\xFF.md");
        assert_eq!(display_path(b, Path::new("/c")), "doc-\\xFE.md");
        assert_eq!(
            display_path(Path::new("/c/d/é.md"), Path::new("/c")),
            "d/é.md"
        );
    }
}
