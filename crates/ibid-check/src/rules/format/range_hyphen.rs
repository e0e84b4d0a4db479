//! F002: a hyphen in a range where the style wants an en dash.
//! Checks the ranges of `[source]` values and replaces the hyphen with `–`.

use crate::codes::Rule;
use crate::diagnostic::{Edit, Finding, Fix};
use crate::rules::references::{locator_sites, report_at, Origin};
use crate::rules::DocContext;
use crate::settings::RangeDash;

/// ## What it does
/// When the configured style writes ranges with an en dash (`[style]` in `ibid.toml`), finds
/// ranges in `[source] cite`, `locator` and `archive` written with a hyphen (`pp. 33-35`,
/// `ll. 67 - 70`, or the Unicode hyphens U+2010 and U+2011). Ranges written with words
/// (`612 to 614`) and pandoc citations in the body (whose locators the citation processor
/// formats) are left alone. Without a configured style the rule is silent.
///
/// ## Why is this bad?
/// The en dash is the range mark of every common citation style (Chicago, APA, MLA,
/// GOST R 7.0.5). Mixing hyphens and dashes makes the corpus inconsistent, and `ibid fmt`
/// output differs from the stored text.
///
/// ## Example
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
/// The fix replaces the hyphen (and any spaces around it) with an en dash. It is safe: the
/// range keeps its meaning. It is not offered for a value written with escape sequences.
pub struct RangeHyphen;

/// Whether a range separator is a hyphen, possibly with spaces around it.
fn is_hyphen(separator: &str) -> bool {
    matches!(separator.trim(), "-" | "\u{2010}" | "\u{2011}")
}

/// Report hyphenated ranges.
pub fn check(ctx: &mut DocContext<'_>) {
    if ctx.style.range_dash != Some(RangeDash::EnDash) {
        return;
    }
    let doc = ctx.doc;
    for site in locator_sites(doc) {
        if matches!(site.origin, Origin::Body) {
            continue;
        }
        for range in &site.locator.ranges {
            let Some(separator) = range.separator else {
                continue;
            };
            let Some(last) = &range.last else { continue };
            let written = separator.slice(site.text);
            if !is_hyphen(written) {
                continue;
            }
            let whole = ibid_parse::Span::new(range.first.span.start, last.span.end);
            let finding = Finding::new(
                Rule::RangeHyphen,
                separator,
                format!(
                    "Range `{}` is written with a hyphen; the style wants an en dash",
                    whole.slice(site.text)
                ),
            )
            .with_fix(Fix::safe("Write an en dash", Edit::replace(separator, "–")));
            report_at(ctx, &site, finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphens_but_not_dashes_or_words() {
        assert!(is_hyphen("-"));
        assert!(is_hyphen(" - "));
        assert!(is_hyphen("\u{2010}"));
        assert!(!is_hyphen("–"));
        assert!(!is_hyphen(" to "));
    }
}
