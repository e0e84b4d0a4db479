//! F001: a locator label written in another form than the configured style's.
//! With `label-form = "short"`, `page 612` becomes `p. 612`; with `"long"`, the reverse.

use crate::codes::Rule;
use crate::diagnostic::{Edit, Finding, Fix};
use crate::rules::references::{locator_sites, report_at, Origin};
use crate::rules::DocContext;
use crate::settings::LabelForm;
use ibid_parse::{Locator, LocatorLabel};

/// ## What it does
/// When the configured style says how locator labels are written (`[style]` in
/// `ibid.toml`), finds English labels in `[source] cite`, `locator` and `archive` written in
/// the other form: `page 612` or `Document 652` where the style writes `p. 612` and
/// `doc. 652`, or `p. 612` where it writes `page 612`. Labels in other languages (`с.`,
/// `S.`, `л.`) and pandoc citations in the body are left alone. Without a configured style
/// the rule is silent.
///
/// ## Why is this bad?
/// One corpus, one way of writing locators: mixed forms look careless in an edition, and
/// they make the stored text differ from what `ibid fmt` and `ibid bib` produce.
///
/// ## Example
/// With `label-form = "short"`:
/// ```toml
/// [source]
/// cite = "Барсегов Ю.Г. Нагорный Карабах, Document 652, page 612"
/// ```
///
/// Use instead:
/// ```toml
/// [source]
/// cite = "Барсегов Ю.Г. Нагорный Карабах, doc. 652, p. 612"
/// ```
///
/// ## Fix
/// The fix replaces the label with the style's form (singular or plural to match the
/// value). It is safe: the locator keeps its meaning. It is not offered for a value written
/// with escape sequences.
pub struct LocatorStyle;

/// English label forms: the label, its short singular and plural, its long singular and plural.
const FORMS: &[(LocatorLabel, [&str; 4])] = &[
    (LocatorLabel::Page, ["p.", "pp.", "page", "pages"]),
    (
        LocatorLabel::Document,
        ["doc.", "docs.", "document", "documents"],
    ),
    (LocatorLabel::Volume, ["vol.", "vols.", "volume", "volumes"]),
    (
        LocatorLabel::Chapter,
        ["chap.", "chaps.", "chapter", "chapters"],
    ),
    (LocatorLabel::Folio, ["fol.", "fols.", "folio", "folios"]),
    (LocatorLabel::Line, ["l.", "ll.", "line", "lines"]),
    (LocatorLabel::Note, ["n.", "nn.", "note", "notes"]),
    (
        LocatorLabel::Section,
        ["sec.", "secs.", "section", "sections"],
    ),
    (
        LocatorLabel::Paragraph,
        ["para.", "paras.", "paragraph", "paragraphs"],
    ),
    (LocatorLabel::Column, ["col.", "cols.", "column", "columns"]),
    (LocatorLabel::Figure, ["fig.", "figs.", "figure", "figures"]),
    (LocatorLabel::Part, ["pt.", "pts.", "part", "parts"]),
    (LocatorLabel::Book, ["bk.", "bks.", "book", "books"]),
    (LocatorLabel::Verse, ["v.", "vv.", "verse", "verses"]),
];

/// Whether the locator's value names more than one unit (a range or a list).
fn is_plural(locator: &Locator) -> bool {
    locator.ranges.len() > 1 || locator.ranges.iter().any(|r| r.last.is_some())
}

/// The label the style wants instead of `written`, if `written` is an English label in the
/// other form.
fn preferred(
    label: LocatorLabel,
    written: &str,
    form: LabelForm,
    plural: bool,
) -> Option<&'static str> {
    let (_, forms) = FORMS.iter().find(|(l, _)| *l == label)?;
    let lower = written.to_lowercase();
    let (wrong, right) = match form {
        LabelForm::Short => (&forms[2..4], &forms[0..2]),
        LabelForm::Long => (&forms[0..2], &forms[2..4]),
    };
    if !wrong.iter().any(|w| *w == lower) {
        return None;
    }
    Some(if plural { right[1] } else { right[0] })
}

/// Report labels in the other form.
pub fn check(ctx: &mut DocContext<'_>) {
    let Some(form) = ctx.style.label_form else {
        return;
    };
    let doc = ctx.doc;
    for site in locator_sites(doc) {
        if matches!(site.origin, Origin::Body) {
            continue;
        }
        let Some(label_span) = site.locator.label_span else {
            continue;
        };
        let written = label_span.slice(site.text);
        let Some(want) = preferred(site.locator.label, written, form, is_plural(site.locator))
        else {
            continue;
        };
        let finding = Finding::new(
            Rule::LocatorStyle,
            label_span,
            format!(
                "Locator `{}` is written with `{written}`; the style writes `{want}`",
                site.locator.span.slice(site.text)
            ),
        )
        .with_fix(Fix::safe(
            format!("Write `{want}`"),
            Edit::replace(label_span, want),
        ));
        report_at(ctx, &site, finding);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_switch_form_and_number() {
        use LocatorLabel::*;
        assert_eq!(preferred(Page, "page", LabelForm::Short, false), Some("p."));
        assert_eq!(
            preferred(Page, "Pages", LabelForm::Short, true),
            Some("pp.")
        );
        assert_eq!(
            preferred(Document, "Document", LabelForm::Short, false),
            Some("doc.")
        );
        assert_eq!(preferred(Page, "p.", LabelForm::Short, false), None);
        assert_eq!(preferred(Page, "pp.", LabelForm::Long, true), Some("pages"));
        assert_eq!(preferred(Page, "с.", LabelForm::Long, false), None);
        assert_eq!(preferred(Fond, "fond", LabelForm::Short, false), None);
    }
}
