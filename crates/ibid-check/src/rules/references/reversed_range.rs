//! R002: a reversed range, such as `pp. 612–601`.
//! Checks every locator range whose ends are both numbers; abbreviated ends are expanded.

use crate::codes::Rule;
use crate::diagnostic::Finding;
use crate::rules::references::{locator_sites, report_at};
use crate::rules::DocContext;
use ibid_parse::Span;

/// ## What it does
/// Finds locator ranges whose end comes before their start: `pp. 612–601`, `ll. 70-67`,
/// `fols. XII–IX`. Abbreviated ends are read as usual first, so `pp. 612–13` (612 to 613)
/// is fine. Ranges in `[source] cite`, `locator` and `archive` and in pandoc citations in
/// the body are checked.
///
/// ## Why is this bad?
/// A reversed range is almost always a typing error (two digits swapped, or a wrong end
/// copied). It points readers to pages that do not hold the text, and it breaks sorting and
/// the comparison of locators across the corpus.
///
/// ## Example
/// ```toml
/// [source]
/// cite = "Барсегов Ю.Г. Нагорный Карабах, Document 652, pp. 612–601"
/// ```
///
/// Use instead:
/// ```toml
/// [source]
/// cite = "Барсегов Ю.Г. Нагорный Карабах, Document 652, pp. 601–612"
/// ```
///
/// ## Fix
/// Check the range against the source; the mistake may be in either end, so there is no
/// automatic fix.
pub struct ReversedRange;

/// Report every reversed range.
pub fn check(ctx: &mut DocContext<'_>) {
    let doc = ctx.doc;
    for site in locator_sites(doc) {
        for range in &site.locator.ranges {
            let Some(last) = &range.last else { continue };
            if !range.is_reversed() {
                continue;
            }
            let span = Span::new(range.first.span.start, last.span.end);
            let written = span.slice(site.text);
            let finding = Finding::new(
                Rule::ReversedRange,
                span,
                format!(
                    "Range `{written}` runs backwards: its end `{}` comes before its start `{}`",
                    last.span.slice(site.text),
                    range.first.span.slice(site.text)
                ),
            )
            .with_help("check both ends against the source");
            report_at(ctx, &site, finding);
        }
    }
}
