//! F006: a pandoc citation punctuated otherwise than pandoc writes it (`citation-syntax`).
//! `[@a ;@b]` becomes `[@a; @b]`, `[see  @a,p. 3]` becomes `[see @a, p. 3]`.

use crate::rules::DocContext;
use ibid_fmt::Family;

/// ## What it does
/// Finds pandoc citations in document bodies (and in note and annotation texts) whose
/// punctuation differs from pandoc's own: spaces inside the brackets (`[ @a ]`), a `;`
/// between items without one space after it and none before (`[@a ;@b]`), a key and its
/// locator not joined by `, ` (`[@a,p. 3]`, `[@a p. 3]`), several spaces after a prefix
/// (`[see  @a]`), or not one space before an in-text citation's brackets
/// (`@a  [p. 3]`). Prefixes, suffixes, `-@key` and the order of items are never changed,
/// and a line break inside a citation is kept. With `citation-syntax = "as-written"`
/// nothing is reported; the default is `"pandoc"`.
///
/// ## Why is this bad?
/// pandoc reads all of these the same, so the differences are noise: they make diffs
/// larger and searches for a citation miss its variants.
///
/// ## Example
/// ```markdown
/// As Suny shows [see  @suny-1993,p. 135 ;@barsegov-nk, doc. 652].
/// ```
///
/// Use instead:
/// ```markdown
/// As Suny shows [see @suny-1993, p. 135; @barsegov-nk, doc. 652].
/// ```
///
/// ## Fix
/// The fix rewrites the spacing of the whole citation at once. It is safe: the formatter
/// reads the citation again and checks that its keys, prefixes, locators and suffixes are
/// unchanged.
pub struct CitationSyntax;

/// Report citations `ibid fmt` would punctuate otherwise.
pub fn check(ctx: &mut DocContext<'_>) {
    ctx.report_formatting(Family::CitationSyntax);
}
