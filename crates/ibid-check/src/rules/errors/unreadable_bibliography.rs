//! E002: a bibliography file, or an entry of one, that cannot be read.
//! The other entries of the file are still read and checked.

/// ## What it does
/// Reports bibliography files named by `bibliography = [...]` in `ibid.toml` whose contents
/// cannot be read (not UTF-8, an unknown format, malformed BibTeX, CSL-JSON or TOML), and
/// single entries that cannot be read, at their position. One bad entry does not hide the
/// others. A bibliography file that is missing, or is not a regular file, is a
/// configuration error instead: `ibid check` stops with exit code 2.
///
/// ## Why is this bad?
/// Every citation key defined by an unreadable entry looks undefined to the rest of the
/// corpus, and the source it describes cannot be exported.
///
/// ## Example
/// ```bibtex
/// @book{barsegov-nk,
///   author = {Барсегов, Ю. Г.},
///   title = {Нагорный Карабах
/// }
/// ```
///
/// Use instead:
/// ```bibtex
/// @book{barsegov-nk,
///   author = {Барсегов, Ю. Г.},
///   title = {Нагорный Карабах},
/// }
/// ```
///
/// ## Fix
/// Correct the entry where the message points. There is no automatic fix.
pub struct UnreadableBibliography;
