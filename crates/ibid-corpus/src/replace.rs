//! Writing a user's file (`check --fix`, `fmt`, `import`): a new file atomically and never over
//! another; a file replaced keeping what belongs to it (mode, owner, hard links, symlinks).
//!
//! [`write_file`] is one or the other, as the path holds a file or not.
//!
//! A new file ([`create_file`]): a temporary file in the folder, with the mode the user's
//! umask gives new files, synced, then moved to its name only if nothing is there yet.
//!
//! Replacing a file ([`replace_file`]), the rules in order:
//! - Only a regular file is replaced; a symlink is followed and its target replaced, so the
//!   link stays a link.
//! - A file without write permission (no write bit at all, or none for this user) is left
//!   alone: the user marked it read-only, and a rename could replace it anyway.
//! - Normally: a temporary file in the same folder, with the original's permissions and
//!   owner, synced, then renamed over the original. A reader sees the old or the new file,
//!   never half of one, and a crash leaves the original.
//! - In place when a rename would lose something: the file has other hard links (a rename
//!   would split them), or its owner or group cannot be given to a new file (another user's
//!   file in a shared folder). The trade-off: the inode, links, owner, ACLs and extended
//!   attributes stay, but a crash in the middle of the write can leave the file cut short;
//!   if the write itself fails, the original bytes are written back.

use std::fs::{File, Metadata};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How the new contents were put in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Replaced {
    /// A new file renamed over the original (atomic).
    Renamed,
    /// The original file overwritten in place (it has hard links, or a rename could not keep
    /// its owner).
    InPlace,
}

/// Write `bytes` to a new file at `path`, atomically: a reader sees no file or the whole
/// file. Fails with [`io::ErrorKind::AlreadyExists`] when something (a file, a link) is
/// already there, which is left untouched; no temporary file is left behind.
pub fn create_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = folder_of(path);
    let mut tmp = temporary_in(dir, new_file_permissions())?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    sync_folder(dir);
    Ok(())
}

/// Write `bytes` to `path` whether or not a file is there: [`create_file`] when none is,
/// else [`replace_file`] (for an output the user named, such as `ibid bib -o FILE`, or an
/// import with `--force`).
pub fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if std::fs::symlink_metadata(path).is_err() {
        match create_file(path, bytes) {
            // Something appeared meanwhile: it is replaced like any existing file.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            other => return other,
        }
    }
    replace_file(path, bytes).map(drop)
}

/// Replace the contents of the file at `path` with `bytes` (see the module's rules).
///
/// Errors say why in words a user can act on: not a regular file, read-only, the folder
/// cannot be written, or the system's own error.
pub fn replace_file(path: &Path, bytes: &[u8]) -> io::Result<Replaced> {
    let target = resolve(path)?;
    let meta = std::fs::metadata(&target)?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "it is not a regular file",
        ));
    }
    if read_only(&target, &meta) {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only; make it writable (chmod u+w) to let ibid change it",
        ));
    }
    if hard_links(&meta) > 1 {
        write_in_place(&target, bytes)?;
        return Ok(Replaced::InPlace);
    }
    match write_by_rename(&target, &meta, bytes)? {
        Some(replaced) => Ok(replaced),
        None => {
            write_in_place(&target, bytes)?;
            Ok(Replaced::InPlace)
        }
    }
}

/// The file a path names: itself, or the end of its chain of symlinks.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    if std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        std::fs::canonicalize(path)
    } else {
        Ok(path.to_path_buf())
    }
}

/// Whether the file must not be written: no write bit for anyone, or none for this user.
fn read_only(path: &Path, meta: &Metadata) -> bool {
    meta.permissions().readonly() || !writable_by_me(path)
}

#[cfg(unix)]
fn writable_by_me(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c_path) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: `access` reads a NUL-terminated path that lives for the whole call.
    unsafe { libc::access(c_path.as_ptr(), libc::W_OK) == 0 }
}

#[cfg(not(unix))]
fn writable_by_me(_path: &Path) -> bool {
    true
}

#[cfg(unix)]
fn hard_links(meta: &Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn hard_links(_meta: &Metadata) -> u64 {
    1
}

/// Write a temporary file beside `target` with its mode and owner, then rename it over it.
/// `None` (nothing changed) when the owner cannot be kept, so the caller writes in place.
fn write_by_rename(target: &Path, meta: &Metadata, bytes: &[u8]) -> io::Result<Option<Replaced>> {
    let dir = folder_of(target);
    let mut tmp = temporary_in(dir, None)?;
    if !keep_owner(tmp.as_file(), meta) {
        return Ok(None);
    }
    tmp.write_all(bytes)?;
    tmp.as_file().set_permissions(meta.permissions())?;
    tmp.as_file().sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    sync_folder(dir);
    Ok(Some(Replaced::Renamed))
}

/// The folder a file is in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// A temporary file `.ibid-*.tmp` in `dir`, created with `permissions` (the umask still
/// applies) or, without them, readable by its owner only.
fn temporary_in(
    dir: &Path,
    permissions: Option<std::fs::Permissions>,
) -> io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".ibid-").suffix(".tmp");
    if let Some(permissions) = permissions {
        builder.permissions(permissions);
    }
    builder.tempfile_in(dir).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!("cannot create a temporary file in {}: {e}", dir.display()),
        )
    })
}

/// The permissions of a new file: read and write for all, less the umask (as the kernel
/// applies it when the file is created), as any other program's new file.
#[cfg(unix)]
fn new_file_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o666))
}

#[cfg(not(unix))]
fn new_file_permissions() -> Option<std::fs::Permissions> {
    None
}

/// Make a rename durable by syncing its folder (not possible everywhere; best effort).
fn sync_folder(dir: &Path) {
    if let Ok(folder) = File::open(dir) {
        let _ = folder.sync_all();
    }
}

/// Give `file` the owner and group of the original; false when that is not allowed.
#[cfg(unix)]
fn keep_owner(file: &File, original: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(mine) = file.metadata() else {
        return false;
    };
    if mine.uid() == original.uid() && mine.gid() == original.gid() {
        return true;
    }
    std::os::unix::fs::fchown(file, Some(original.uid()), Some(original.gid())).is_ok()
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _original: &Metadata) -> bool {
    true
}

/// Overwrite `target` with `bytes` without replacing the file; if writing fails part way,
/// put the original bytes back (best effort) before reporting the error.
fn write_in_place(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let original = std::fs::read(target)?;
    let mut file = File::options().write(true).open(target)?;
    let written = overwrite(&mut file, bytes);
    if let Err(e) = written {
        let _ = overwrite(&mut file, &original);
        return Err(e);
    }
    Ok(())
}

fn overwrite(file: &mut File, bytes: &[u8]) -> io::Result<()> {
    use std::io::Seek;
    file.seek(io::SeekFrom::Start(0))?;
    file.write_all(bytes)?;
    file.set_len(bytes.len() as u64)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_file_is_renamed_over_and_keeps_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.md");
        std::fs::write(&path, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        assert_eq!(replace_file(&path, b"new").unwrap(), Replaced::Renamed);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
            assert_eq!(mode, 0o640);
        }
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporaries"
        );
    }

    #[test]
    fn a_new_file_is_created_with_the_umask_mode_and_never_over_another() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.md");
        create_file(&path, b"first").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // The mode any program's new file gets: what `File::create` makes.
            let reference = dir.path().join("reference");
            std::fs::File::create(&reference).unwrap();
            let mode_of = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode_of(&path), mode_of(&reference));
            assert_ne!(
                mode_of(&path),
                0o600,
                "not a temporary file's owner-only mode"
            );
            std::fs::remove_file(&reference).unwrap();
        }
        let error = create_file(&path, b"second").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporaries"
        );
    }

    #[test]
    fn write_file_creates_or_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        write_file(&path, b"one").unwrap();
        write_file(&path, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_read_only_file_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.md");
        std::fs::write(&path, "old").unwrap();
        let mut permissions = std::fs::metadata(&path).unwrap().permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(&path, permissions).unwrap();
        let error = replace_file(&path, b"new").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::PermissionDenied);
        assert!(error.to_string().contains("read-only"), "{error}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
    }

    #[cfg(unix)]
    #[test]
    fn hard_links_and_symlinks_stay() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.md");
        let twin = dir.path().join("twin.md");
        let link = dir.path().join("link.md");
        std::fs::write(&path, "old text").unwrap();
        std::fs::hard_link(&path, &twin).unwrap();
        assert_eq!(replace_file(&path, b"new").unwrap(), Replaced::InPlace);
        assert_eq!(std::fs::read_to_string(&twin).unwrap(), "new");
        std::fs::remove_file(&twin).unwrap();
        std::os::unix::fs::symlink(&path, &link).unwrap();
        assert_eq!(replace_file(&link, b"newer").unwrap(), Replaced::Renamed);
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "newer");
    }

    #[cfg(unix)]
    #[test]
    fn the_owner_is_kept() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.md");
        std::fs::write(&path, "old").unwrap();
        let before = std::fs::metadata(&path).unwrap();
        // Only root can give a file away; anyone else keeps their own files' owner.
        // SAFETY: `geteuid` has no preconditions.
        let root = unsafe { libc::geteuid() } == 0;
        let (uid, gid) = if root {
            (4242, 4343)
        } else {
            (before.uid(), before.gid())
        };
        std::os::unix::fs::chown(&path, Some(uid), Some(gid)).unwrap();
        replace_file(&path, b"new").unwrap();
        let after = std::fs::metadata(&path).unwrap();
        assert_eq!((after.uid(), after.gid()), (uid, gid));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    }
}
