//! E900: an internal error of ibid while checking one file.
//! The file's other results are lost, the rest of the corpus is still checked.

/// ## What it does
/// Reports that a rule failed unexpectedly (a bug in ibid) while checking a file. The
/// message names the failure; the other files are still checked, and `ibid check` exits
/// with status 2. This rule cannot be turned off.
///
/// ## Why is this bad?
/// The file was not fully checked, so problems in it may go unreported.
///
/// ## Example
/// ```text
/// docs/letter.md:1:1: E900 Internal error while checking this file: ...
/// ```
///
/// ## Fix
/// Please report the bug with the file that triggers it. Meanwhile the file can be left out
/// with `.ibidignore`.
pub struct InternalError;
