//! F004: the space between a locator label and its value (`label-space`).
//! With `"space"`, `p.12` becomes `p. 12`; with `"nbsp"`, `p. 12` becomes `p.\u{a0}12`.

use crate::rules::DocContext;
use ibid_fmt::Family;

/// ## What it does
/// When the style sets `label-space`, finds locators whose label and value are joined
/// otherwise: with `"space"`, no space (`p.12`, `л.5`), a no-break space or several
/// spaces; with `"nbsp"` (French and Russian typography), anything but one no-break space
/// (U+00A0). A label and value on different lines are left alone, and so is everything
/// with `as-written` (the default).
///
/// ## Why is this bad?
/// A label glued to its number is hard to read (`p.612`); a label separated from its number
/// by an ordinary space can be broken across lines, which French and Russian typesetting
/// forbid. Either way one corpus should do one thing.
///
/// ## Example
/// With `label-space = "space"`:
/// ```toml
/// [source]
/// locator = "doc.652, p.612"
/// ```
///
/// Use instead:
/// ```toml
/// [source]
/// locator = "doc. 652, p. 612"
/// ```
///
/// ## Fix
/// The fix writes the style's space. It is safe: spacing never changes what a locator says.
pub struct LabelSpace;

/// Report label spacing `ibid fmt` would rewrite.
pub fn check(ctx: &mut DocContext<'_>) {
    ctx.report_formatting(Family::LabelSpace);
}
