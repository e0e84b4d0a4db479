//! F005: a recto or verso mark written otherwise than the style's (`leaf-side`).
//! With `"short"`, `fol. 4 verso` becomes `fol. 4v` and `л. 5об.` becomes `л. 5 об.`.

use crate::rules::DocContext;
use ibid_fmt::Family;

/// ## What it does
/// When the style sets `leaf-side`, finds recto and verso marks of leaves written another
/// way than the style writes them in the locator's language: `"short"` writes `4r`, `4v`
/// in English and German, `4rᵒ`, `4vᵒ` in French, `5 об.` in Russian and `5 ob.` in
/// transliterated Russian; `"long"` writes `4 recto`, `4 verso` (Russian has no long mark
/// that readers expect, so `об.` stays). With `as-written` (the default) nothing is
/// reported.
///
/// ## Why is this bad?
/// `5об.`, `5 об`, `5 об.` and `5ob.` all mean the back of leaf 5; a corpus that writes
/// them four ways looks careless, and tools that search it miss matches.
///
/// ## Example
/// With `leaf-side = "short"`:
/// ```toml
/// [source]
/// archive = "РГАСПИ. Ф. 85. Оп. 15. Д. 45. Л. 3–3об"
/// ```
///
/// Use instead:
/// ```toml
/// [source]
/// archive = "РГАСПИ. Ф. 85. Оп. 15. Д. 45. Л. 3–3 об."
/// ```
///
/// ## Fix
/// The fix writes the style's mark. It is safe: the leaf keeps its side, which the
/// formatter checks by reading the locator again.
pub struct LeafSide;

/// Report recto/verso marks `ibid fmt` would rewrite.
pub fn check(ctx: &mut DocContext<'_>) {
    ctx.report_formatting(Family::LeafSide);
}
