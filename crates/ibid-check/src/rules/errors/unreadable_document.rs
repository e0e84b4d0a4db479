//! E001: a file that cannot be read as a document.
//! Not UTF-8, binary, empty, or with front matter that is not closed or not valid TOML.

/// ## What it does
/// Reports files that cannot be read as a document at all: files that are not UTF-8 text
/// (the position of the first bad byte is given), binary files, empty files, front matter
/// opened with `+++` and never closed, and front matter (or a sidecar `NAME.ibid.toml`)
/// that is not valid TOML, at the place the TOML parser stopped; and files that cannot be
/// read at all (permissions, or larger than `max-file-size` in `ibid.toml`).
///
/// ## Why is this bad?
/// Nothing else can be checked in a file that cannot be read: its source, dates, hands and
/// markers are all unknown, so every other rule is silent about it. The rest of the corpus
/// is still checked.
///
/// ## Example
/// ```toml
/// +++
/// title = "Letter of N. Narimanov to V. I. Lenin
/// date = "1921-02-16"
/// +++
/// ```
///
/// Use instead:
/// ```toml
/// +++
/// title = "Letter of N. Narimanov to V. I. Lenin"
/// date = "1921-02-16"
/// +++
/// ```
///
/// ## Fix
/// Save the file as UTF-8 (`iconv -f WINDOWS-1251 -t UTF-8`), close the front matter with a
/// line holding only `+++`, or correct the TOML where the message points. Files that are
/// not documents can be left out with `.ibidignore` or `.gitignore`; a document larger
/// than 64 MiB needs a larger `max-file-size`.
pub struct UnreadableDocument;
