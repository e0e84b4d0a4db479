//! I001: a suppression comment that silences nothing.
//! Reported after every other rule has run, with a fix that removes the unused codes.

/// ## What it does
/// Finds inline suppressions that silence no diagnostic: `<!-- ibid: ignore[S004] -->` in
/// a body, `# ibid: ignore[D002]` in front matter, `ignore-file[...]` anywhere, and the
/// blanket `<!-- ibid: ignore -->`. A comment that shares its line with text applies to
/// that line; one alone on its line applies to the next line with text. Codes of rules that
/// are not selected in this run are not reported, since they may silence something when
/// those rules run.
///
/// ## Why is this bad?
/// A suppression that no longer silences anything hides the next real problem on its line,
/// and tells readers something was wrong that is not.
///
/// ## Example
/// ```markdown
/// The Angorians* wish it. <!-- ibid: ignore[M001, S004] -->
/// ```
/// where the marker has a note and no source problem is reported on this line.
///
/// Use instead:
/// ```markdown
/// The Angorians* wish it.
/// ```
///
/// ## Fix
/// The fix removes the codes that silence nothing, or the whole comment (with its line, when
/// it stands alone) when none of them does. It is safe.
pub struct UnusedSuppression;
