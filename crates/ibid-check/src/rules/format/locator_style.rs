//! F001: a locator label written in another form, number or case than the style's.
//! With `locator-form = "short"`, `page 612` becomes `p. 612` and `С. 33-35` stays `С.`.

use crate::rules::DocContext;
use ibid_fmt::Family;

/// ## What it does
/// Finds locator labels that `ibid fmt` would write otherwise: in the other form
/// (`locator-form = "short"` writes `p. 612`, `doc. 652`, `С. 5`, `S. 5`, `f. 2`;
/// `"long"` writes `page 612`, `document 652`, `страница 5`, `Seite 5`), in the wrong
/// number (`p. 33–35` where the value is a range: `pp. 33–35`; `л. 3–5`: `лл. 3–5`), or
/// with the wrong capital (`label-case = "sentence"`: `С. 612` after a full stop, `с. 612`
/// inside running text; German labels always capitalised). Each label keeps its own
/// language (a Russian reference may cite `Document 652, page 612` in English); French
/// writes `p.` for one page and for many. Labels in `[source] cite`, `locator` and
/// `archive`, in pandoc citations in the body and in note and annotation texts are
/// checked. Symbols (`§`, `№`) and forms a language lacks are left as written, and so is
/// everything when the style says `as-written` (the default).
///
/// ## Why is this bad?
/// One corpus, one way of writing locators: mixed forms look careless in an edition, and
/// they make the stored text differ from what `ibid fmt` and `ibid bib` produce.
///
/// ## Example
/// With `locator-form = "short"`:
/// ```toml
/// [source]
/// cite = "Барсегов Ю.Г. Нагорный Карабах, document 652, pages 612-614"
/// ```
///
/// Use instead:
/// ```toml
/// [source]
/// cite = "Барсегов Ю.Г. Нагорный Карабах, doc. 652, pp. 612-614"
/// ```
///
/// ## Fix
/// The fix writes the label the way `ibid fmt` does, through the same edit engine. It is
/// safe: the formatter only proposes a label that ibid-parse reads back as the same label
/// with the same values. It is not offered for a value written with escape sequences.
pub struct LocatorStyle;

/// Report labels `ibid fmt` would rewrite.
pub fn check(ctx: &mut DocContext<'_>) {
    ctx.report_formatting(Family::LabelForm);
}
