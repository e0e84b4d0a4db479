//! Reading a file safely: only regular files, never more than a size limit, and errors that
//! say what a path is (a FIFO, a device, a symbolic link loop) instead of hanging on it.

use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The default read limit: 64 MiB per file (`max-file-size` in `ibid.toml` changes it).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// What a path is, as far as reading it is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FileKind {
    /// A regular file: the only kind ibid reads.
    Regular,
    /// A folder.
    Folder,
    /// A named pipe: reading it waits for a writer, possibly forever.
    Fifo,
    /// A Unix socket.
    Socket,
    /// A character device such as `/dev/zero`, which never ends.
    CharDevice,
    /// A block device (a disk).
    BlockDevice,
    /// Anything else.
    Other,
}

impl FileKind {
    /// The kind of a file type (symbolic links already followed).
    pub fn of(file_type: std::fs::FileType) -> FileKind {
        if file_type.is_file() {
            return FileKind::Regular;
        }
        if file_type.is_dir() {
            return FileKind::Folder;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if file_type.is_fifo() {
                return FileKind::Fifo;
            }
            if file_type.is_socket() {
                return FileKind::Socket;
            }
            if file_type.is_char_device() {
                return FileKind::CharDevice;
            }
            if file_type.is_block_device() {
                return FileKind::BlockDevice;
            }
        }
        FileKind::Other
    }

    /// The kind in words, with its article (`a FIFO (named pipe)`).
    pub fn describe(self) -> &'static str {
        match self {
            FileKind::Regular => "a regular file",
            FileKind::Folder => "a folder",
            FileKind::Fifo => "a FIFO (named pipe)",
            FileKind::Socket => "a socket",
            FileKind::CharDevice => "a character device",
            FileKind::BlockDevice => "a block device",
            FileKind::Other => "a special file",
        }
    }
}

/// Why a file could not be read.
#[derive(Debug)]
#[non_exhaustive]
pub enum ReadErrorKind {
    /// Nothing exists at the path.
    NotFound,
    /// The path is a symbolic link whose target does not exist.
    BrokenLink,
    /// The path is a symbolic link that leads back to itself.
    LinkLoop,
    /// The path exists but is not a regular file.
    NotRegular(FileKind),
    /// The file is larger than the read limit.
    TooLarge {
        /// Its size in bytes (at least this much was found).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// Any other input/output error (permissions, a disk error).
    Io(io::Error),
}

/// A file that could not be read, and why.
#[derive(Debug)]
pub struct ReadError {
    /// The path as given to the reader.
    pub path: PathBuf,
    /// Why.
    pub kind: ReadErrorKind,
}

impl ReadError {
    /// An error of `kind` for `path`.
    pub fn new(path: impl Into<PathBuf>, kind: ReadErrorKind) -> Self {
        ReadError {
            path: path.into(),
            kind,
        }
    }

    /// What is wrong, without the path (`not a regular file: it is a FIFO (named pipe)`).
    pub fn reason(&self) -> String {
        match &self.kind {
            ReadErrorKind::NotFound => "no such file or folder".to_owned(),
            ReadErrorKind::BrokenLink => {
                let target = std::fs::read_link(&self.path)
                    .map(|t| format!(" `{}`", t.display()))
                    .unwrap_or_default();
                format!("a symbolic link to{target}, which does not exist")
            }
            ReadErrorKind::LinkLoop => {
                "a symbolic link loop (the link leads back to itself)".to_owned()
            }
            ReadErrorKind::NotRegular(FileKind::Folder) => "a folder, not a file".to_owned(),
            ReadErrorKind::NotRegular(kind) => {
                format!(
                    "not a regular file: it is {}; ibid reads only regular files",
                    kind.describe()
                )
            }
            ReadErrorKind::TooLarge { size, limit } => format!(
                "the file is larger than the read limit ({} > {}); raise `max-file-size` in ibid.toml if it really is one",
                human_size(*size),
                human_size(*limit)
            ),
            ReadErrorKind::Io(e) => e.to_string(),
        }
    }

    /// Whether the path exists but is not a regular file (a folder, a FIFO, a device).
    pub fn is_not_regular(&self) -> bool {
        matches!(self.kind, ReadErrorKind::NotRegular(_))
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason())
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ReadErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}

/// A size in bytes for people: `64 MiB`, `1.5 KiB`, `12 bytes`.
pub(crate) fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if value.fract() == 0.0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// What is at `path`, following symbolic links; a missing target, a link loop or an
/// unreadable path is an error that says so.
pub fn file_kind(path: &Path) -> Result<FileKind, ReadError> {
    match std::fs::metadata(path) {
        Ok(meta) => Ok(FileKind::of(meta.file_type())),
        Err(e) => Err(classify(path, e)),
    }
}

/// Read the file at `path` when it is a regular file (a symbolic link to one is followed)
/// of at most `limit` bytes.
///
/// A FIFO, socket or device is refused without waiting on it (it is opened non-blocking and
/// checked before a byte is read); a file that grows past `limit` while being read is
/// refused too, so memory stays bounded by the limit.
///
/// ```
/// use ibid_corpus::{read_regular_file, ReadErrorKind, DEFAULT_MAX_FILE_SIZE};
///
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("letter.md");
/// std::fs::write(&path, "Dear Vladimir Ilyich,\n")?;
/// assert_eq!(read_regular_file(&path, DEFAULT_MAX_FILE_SIZE)?, b"Dear Vladimir Ilyich,\n");
///
/// let error = read_regular_file(&path, 4).unwrap_err();
/// assert!(matches!(error.kind, ReadErrorKind::TooLarge { limit: 4, .. }));
/// let error = read_regular_file(dir.path(), DEFAULT_MAX_FILE_SIZE).unwrap_err();
/// assert_eq!(error.reason(), "a folder, not a file");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_regular_file(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_without_blocking(path).map_err(|e| classify(path, e))?;
    let meta = file
        .metadata()
        .map_err(|e| ReadError::new(path, ReadErrorKind::Io(e)))?;
    let kind = FileKind::of(meta.file_type());
    if kind != FileKind::Regular {
        return Err(ReadError::new(path, ReadErrorKind::NotRegular(kind)));
    }
    if meta.len() > limit {
        return Err(ReadError::new(
            path,
            ReadErrorKind::TooLarge {
                size: meta.len(),
                limit,
            },
        ));
    }
    // The size is a hint: a file may grow while it is read, or report 0 (`/proc`).
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::new(path, ReadErrorKind::Io(e)))?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::new(
            path,
            ReadErrorKind::TooLarge {
                size: bytes.len() as u64,
                limit,
            },
        ));
    }
    Ok(bytes)
}

/// Open `path` for reading without waiting: a FIFO with no writer opens at once instead of
/// blocking, and a terminal does not become the controlling one.
fn open_without_blocking(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(path)
}

/// The error for `path` that failed with `error`: a loop or a broken link named as such.
fn classify(path: &Path, error: io::Error) -> ReadError {
    #[cfg(unix)]
    if error.raw_os_error() == Some(libc::ELOOP) {
        return ReadError::new(path, ReadErrorKind::LinkLoop);
    }
    if error.kind() == io::ErrorKind::NotFound {
        let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        let kind = if is_link {
            ReadErrorKind::BrokenLink
        } else {
            ReadErrorKind::NotFound
        };
        return ReadError::new(path, kind);
    }
    ReadError::new(path, ReadErrorKind::Io(error))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_people_write_them() {
        assert_eq!(human_size(12), "12 bytes");
        assert_eq!(human_size(64 * 1024 * 1024), "64 MiB");
        assert_eq!(human_size(1536), "1.5 KiB");
    }

    #[test]
    fn missing_files_and_folders_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let error = read_regular_file(&dir.path().join("nothing.md"), 10).unwrap_err();
        assert!(matches!(error.kind, ReadErrorKind::NotFound));
        assert_eq!(error.reason(), "no such file or folder");
        let error = read_regular_file(dir.path(), 10).unwrap_err();
        assert!(error.is_not_regular());
    }

    #[test]
    fn the_limit_is_inclusive() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "12345").unwrap();
        assert_eq!(read_regular_file(&path, 5).unwrap(), b"12345");
        let error = read_regular_file(&path, 4).unwrap_err();
        assert!(
            error.reason().starts_with(
                "the file is larger than the read limit (5 bytes > 4 bytes); raise `max-file-size`"
            ),
            "{}",
            error.reason()
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_loops_fifos_and_devices_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.md");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: `c` is a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        let error = read_regular_file(&fifo, DEFAULT_MAX_FILE_SIZE).unwrap_err();
        assert!(matches!(
            error.kind,
            ReadErrorKind::NotRegular(FileKind::Fifo)
        ));
        assert_eq!(
            error.reason(),
            "not a regular file: it is a FIFO (named pipe); ibid reads only regular files"
        );

        let zero = dir.path().join("zero.md");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        let error = read_regular_file(&zero, DEFAULT_MAX_FILE_SIZE).unwrap_err();
        assert!(matches!(
            error.kind,
            ReadErrorKind::NotRegular(FileKind::CharDevice)
        ));

        let looped = dir.path().join("loop.md");
        std::os::unix::fs::symlink(&looped, &looped).unwrap();
        let error = read_regular_file(&looped, 10).unwrap_err();
        assert!(matches!(error.kind, ReadErrorKind::LinkLoop), "{error}");
        assert!(matches!(
            file_kind(&looped).unwrap_err().kind,
            ReadErrorKind::LinkLoop
        ));

        let broken = dir.path().join("broken.md");
        std::os::unix::fs::symlink(dir.path().join("gone.md"), &broken).unwrap();
        let error = read_regular_file(&broken, 10).unwrap_err();
        assert!(matches!(error.kind, ReadErrorKind::BrokenLink));
        assert!(error.reason().contains("gone.md`, which does not exist"));

        let target = dir.path().join("real.md");
        std::fs::write(&target, "text").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert_eq!(read_regular_file(&link, 10).unwrap(), b"text");
    }
}
