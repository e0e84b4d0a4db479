//! F007: front matter laid out otherwise than `ibid fmt` writes it (`front-matter`).
//! Keys and tables in the order of docs/format.md, one blank line between tables.

use crate::rules::DocContext;
use ibid_fmt::Family;

/// ## What it does
/// Finds front matter (or sidecar files) whose layout differs from what `ibid fmt` writes:
/// top-level keys and tables not in the order of docs/format.md (`title`, `date`,
/// `language`, `kind`, `author`, `recipient`, `place`, then `[source]`, `[translation]`,
/// `[hands]`, `[[notes]]`, `[[annotations]]`), keys inside those tables out of their
/// documented order, not exactly one blank line before each table, blank lines before the
/// first key of a table, `key="value"` without spaces, or a single-line literal string
/// (`'...'`) that reads the same as a basic one. Comments move with the key or table they
/// stand above; unknown keys come after the known ones, in the order written; dates and
/// values are never rewritten. The rule reports only with `front-matter = "ordered"`;
/// the default is `"as-written"`.
///
/// ## Why is this bad?
/// Front matter in one order across a corpus is quicker to read and review, and diffs of
/// real changes are not buried in reordering.
///
/// ## Example
/// ```toml
/// title = "Letter of N. Narimanov to V. I. Lenin"
/// [hands]
/// lenin = "V. I. Lenin"
/// [source]
/// cite = 'Барсегов Ю.Г. Нагорный Карабах, Document 652, page 612'
/// ```
///
/// Use instead:
/// ```toml
/// title = "Letter of N. Narimanov to V. I. Lenin"
///
/// [source]
/// cite = "Барсегов Ю.Г. Нагорный Карабах, Document 652, page 612"
///
/// [hands]
/// lenin = "V. I. Lenin"
/// ```
///
/// ## Fix
/// The fix rewrites the whole front matter with `toml_edit`, which keeps comments,
/// unknown keys and every value as written. It is safe: the formatter reads the TOML again
/// and checks that its data and its comments are unchanged.
pub struct FrontMatterLayout;

/// Report front matter `ibid fmt` would lay out otherwise.
pub fn check(ctx: &mut DocContext<'_>) {
    ctx.report_formatting(Family::FrontMatter);
}
