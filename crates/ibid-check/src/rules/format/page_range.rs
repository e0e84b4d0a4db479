//! F003: the end of a range abbreviated otherwise than the style says (`page-range`).
//! With `"chicago"`, `pp. 321–328` becomes `pp. 321–28`; with `"full"`, the reverse.

use crate::rules::DocContext;
use ibid_fmt::Family;

/// ## What it does
/// When the style sets `page-range`, finds numeric ranges whose end is written with more
/// or fewer digits than the style's: `"full"` writes every digit (`321–328`);
/// `"chicago"` follows the Chicago Manual of Style 9.61 (`3–10`, `100–104`, `101–8`,
/// `321–28`, `1496–500`, `12991–3001`); `"minimal"` writes only the digits that change
/// (`321–8`, but `112–15` for the teens). Roman numerals, leaves with a recto or verso
/// mark (`5 об.–6`, `4v–5r`), numbers with letters (`12a–13`), archival shelf numbers
/// (fond, inventory, file, box, folder) and ranges that run backwards (R002) are never
/// touched; with `as-written` (the default) nothing is.
///
/// ## Why is this bad?
/// A corpus that writes `321–328` in one document and `321–28` in the next reads as
/// careless, and readers expand abbreviated ends by the rule of the style: an end
/// abbreviated by another rule can be misread.
///
/// ## Example
/// With `page-range = "chicago"`:
/// ```toml
/// [source]
/// cite = "Suny, R. G. The Baku Commune. Princeton, 1972, pp. 321–328"
/// ```
///
/// Use instead:
/// ```toml
/// [source]
/// cite = "Suny, R. G. The Baku Commune. Princeton, 1972, pp. 321–28"
/// ```
///
/// ## Fix
/// The fix rewrites the end of the range. It is safe: ibid-parse expands the new end to
/// the same number, which the formatter checks before proposing it.
pub struct PageRange;

/// Report range ends `ibid fmt` would write otherwise.
pub fn check(ctx: &mut DocContext<'_>) {
    ctx.report_formatting(Family::PageRange);
}
