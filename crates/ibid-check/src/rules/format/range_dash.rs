//! F002: a range written with another dash than the style's (`range-dash`).
//! With `"en-dash"`, `pp. 33-35` becomes `pp. 33–35`; with `"hyphen"`, the reverse.

use crate::rules::DocContext;
use ibid_fmt::Family;

/// ## What it does
/// When the style sets `range-dash` (`[style]` in `ibid.toml`), finds ranges written with
/// another dash: with `"en-dash"`, a hyphen (`pp. 33-35`, the Unicode hyphens U+2010 and
/// U+2011), an em dash or a minus, or any dash with spaces around it (`ll. 67 - 70`);
/// with `"hyphen"`, the reverse. Ranges in `[source] cite`, `locator`, `archive` and in
/// pandoc citations are checked. Ranges written with words (`612 to 614`) are left alone,
/// and so is everything with `as-written` (the default).
///
/// ## Why is this bad?
/// The en dash is the range mark of every common citation style (Chicago, APA, MLA,
/// GOST R 7.0.5). Mixing hyphens and dashes makes the corpus inconsistent, and `ibid fmt`
/// output differs from the stored text.
///
/// ## Example
/// With `range-dash = "en-dash"`:
/// ```toml
/// [source]
/// cite = "Барсегов Ю.Г. Нагорный Карабах, Document 652, pp. 612-614"
/// ```
///
/// Use instead:
/// ```toml
/// [source]
/// cite = "Барсегов Ю.Г. Нагорный Карабах, Document 652, pp. 612–614"
/// ```
///
/// ## Fix
/// The fix replaces the dash (and any spaces around it) with the style's. It is safe: the
/// range keeps its meaning. It is not offered for a value written with escape sequences.
pub struct RangeDash;

/// Report ranges `ibid fmt` would write with another dash.
pub fn check(ctx: &mut DocContext<'_>) {
    ctx.report_formatting(Family::RangeDash);
}
