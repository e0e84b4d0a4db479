//! Applying fixes to a file's text: non-overlapping edits in one pass, repeated by the caller
//! until nothing changes, and written back atomically with the file's BOM and line endings.

use crate::diagnostic::{Applicability, Diagnostic, Edit};

/// The most passes `--fix` makes over one file before giving up on convergence.
pub const MAX_FIX_PASSES: usize = 10;

/// Apply the safe fixes of `diagnostics` to `text` (the text they were found in).
///
/// Fixes are taken in order of position; a fix that overlaps one already taken waits for the
/// next pass. Returns the new text and how many fixes were applied.
pub fn apply_fixes<'a>(
    text: &str,
    diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
) -> (String, usize) {
    let mut fixes: Vec<&crate::diagnostic::Fix> = diagnostics
        .into_iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.applicability == Applicability::Safe && !f.edits.is_empty())
        .collect();
    fixes.sort_by_key(|f| f.range().map(|r| (r.start, r.end)));
    let mut taken: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    let mut last_end = 0usize;
    let mut first = true;
    for fix in fixes {
        let mut edits: Vec<&Edit> = fix.edits.iter().collect();
        edits.sort_by_key(|e| (e.range.start, e.range.end));
        let valid = edits.iter().all(|e| {
            e.range.end <= text.len()
                && text.is_char_boundary(e.range.start)
                && text.is_char_boundary(e.range.end)
        }) && edits.windows(2).all(|w| w[0].range.end <= w[1].range.start);
        let Some(start) = edits.first().map(|e| e.range.start) else {
            continue;
        };
        if !valid || (!first && start < last_end) {
            continue;
        }
        // An insertion at the very point where the previous fix ended would make the order
        // of the two ambiguous: leave it for the next pass.
        if !first && start == last_end && edits[0].range.start == edits[0].range.end {
            continue;
        }
        last_end = edits.last().map_or(start, |e| e.range.end);
        first = false;
        taken.extend(edits);
        applied += 1;
    }
    taken.sort_by_key(|e| (e.range.start, e.range.end));
    let crlf = taken.iter().any(|e| e.content.contains('\n')) && line_ending(text) == "\r\n";
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in taken {
        out.push_str(&text[at..edit.range.start]);
        if crlf {
            // Inserted lines take the file's line ending.
            out.push_str(&edit.content.replace("\r\n", "\n").replace('\n', "\r\n"));
        } else {
            out.push_str(&edit.content);
        }
        at = edit.range.end;
    }
    out.push_str(&text[at..]);
    (out, applied)
}

/// The line ending a text mostly uses: `\r\n` when it has more of those than bare `\n`.
pub fn line_ending(text: &str) -> &'static str {
    let crlf = text.matches("\r\n").count();
    let lf = text.matches('\n').count() - crlf;
    if crlf > lf {
        "\r\n"
    } else {
        "\n"
    }
}

/// Unified diffs (`--diff`): the formatter's, so `check --diff` and `fmt --diff` look alike.
/// Files are written with [`ibid_corpus::replace_file`], as `fmt` writes them.
pub use ibid_fmt::run::unified_diff;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::Rule;
    use crate::diagnostic::{Finding, Fix, TextRange};
    use ibid_provenance::LineIndex;

    fn fixable(text: &str, at: usize, len: usize, with: &str) -> Diagnostic {
        Finding::new(Rule::RangeDash, TextRange::new(at, at + len), "x")
            .with_fix(Fix::safe(
                "y",
                Edit::replace(TextRange::new(at, at + len), with),
            ))
            .resolve("f", text, &LineIndex::new(text))
    }

    #[test]
    fn non_overlapping_fixes_apply_in_one_pass() {
        let text = "pp. 1-2, 3-4";
        let a = fixable(text, 5, 1, "–");
        let b = fixable(text, 10, 1, "–");
        let overlapping = fixable(text, 5, 3, "X");
        let (out, n) = apply_fixes(text, [&b, &a, &overlapping]);
        assert_eq!(n, 2);
        assert_eq!(out, "pp. 1–2, 3–4");
    }

    #[test]
    fn unsafe_and_out_of_range_fixes_are_skipped() {
        let text = "жж";
        let mut d = fixable(text, 0, 2, "x");
        d.fix.as_mut().unwrap().edits[0].range = TextRange::new(1, 2);
        let (out, n) = apply_fixes(text, [&d]);
        assert_eq!((out.as_str(), n), ("жж", 0));
        let mut u = fixable(text, 0, 2, "x");
        u.fix.as_mut().unwrap().applicability = Applicability::Unsafe;
        assert_eq!(apply_fixes(text, [&u]).1, 0);
    }

    #[test]
    fn line_endings_and_diffs() {
        assert_eq!(line_ending("a\r\nb\r\nc\n"), "\r\n");
        assert_eq!(line_ending("a\nb"), "\n");
        assert_eq!(unified_diff("x.md", "a\n", "a\n"), "");
        insta::assert_snapshot!(unified_diff("x.md", "p. 1-2\nsame\n", "p. 1–2\nsame\n"), @r"
        --- a/x.md
        +++ b/x.md
        @@ -1,2 +1,2 @@
        -p. 1-2
        +p. 1–2
         same
        ");
    }

    #[test]
    fn atomic_writes_replace_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.md");
        std::fs::write(&path, "old").unwrap();
        ibid_corpus::replace_file(&path, "\u{feff}new\r\n".as_bytes()).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "\u{feff}new\r\n");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1);
    }
}
