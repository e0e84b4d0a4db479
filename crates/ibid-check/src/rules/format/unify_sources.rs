//! F008: a source the corpus writes several ways (`unify-sources`): the `cite` `ibid fmt`
//! would rewrite to the corpus's most common form, or to `key` + `locator`.

use crate::codes::Rule;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::index::CorpusIndex;
use ibid_fmt::{plan, CorpusSources, SourceName};

/// ## What it does
/// With `unify-sources = true` (`[style]` in `ibid.toml`, or `ibid fmt --unify-sources`),
/// finds the `[source] cite`s that `ibid fmt` rewrites because the corpus writes their
/// source several ways: to `key` + `locator` when the source is a bibliography entry, else
/// to the form the corpus writes most, keeping the cite's own pinpoint locators. What was
/// written is kept as `cite-as-printed`.
///
/// The written sources are grouped into works as S004 groups them (another script, a
/// typo, other spacing or punctuation; not another volume or author). A work is written
/// several ways when the corpus writes it in two forms or more, or when it is a
/// bibliography entry that other documents cite by `key` (a `cite` names an entry as
/// `ibid show` matches it: the first author's family name, a title the entry's begins
/// with, and the same volume and year when the cite gives them). Then every `cite` of the
/// work becomes `key` + `locator` when its cites match exactly one entry; otherwise every
/// `cite` not written in the work's most common form takes that form (on a tie, the form
/// of the first document in path order).
///
/// The rule reports nothing with the default `unify-sources = false`, and looks at the
/// documents of the run: check the whole corpus.
///
/// ## Why is this bad?
/// One source written several ways reads as several sources, in the corpus and in its
/// bibliography (S004 reports it); a source the bibliography registers is better cited by
/// its key, which `ibid bib` and the exports describe from the entry.
///
/// ## Example
/// With `unify-sources = true`, where most documents write
/// `Барсегов Ю.Г. Нагорный Карабах, Document ...` and the bibliography has no entry for it:
/// ```toml
/// [source]
/// cite = "Barsegov, Yu. G., Nagornyi Karabakh, Document 655, page 617"
/// ```
///
/// Use instead:
/// ```toml
/// [source]
/// cite = "Барсегов Ю.Г. Нагорный Карабах, Document 655, page 617"
/// cite-as-printed = "Barsegov, Yu. G., Nagornyi Karabakh, Document 655, page 617"
/// ```
///
/// When the bibliography has the entry `barsegov-nk` for it, and other documents cite it by
/// `key`:
/// ```toml
/// [source]
/// key = "barsegov-nk"
/// locator = "Document 655, page 617"
/// cite-as-printed = "Barsegov, Yu. G., Nagornyi Karabakh, Document 655, page 617"
/// ```
///
/// ## Fix
/// The fix is the one `ibid fmt --unify-sources` makes, and it is safe: it is offered only
/// when the new `cite` (or `locator`) reads as the same pinpoint locators (document numbers,
/// pages, ...), the new `cite` names the chosen form, and `cite-as-printed` holds the old
/// `cite` exactly as written (an existing `cite-as-printed` is kept, not replaced). A `cite`
/// written with escape sequences, as a dotted key or in an inline table is not rewritten.
pub struct UnifySources;

/// Report the cites `ibid fmt --unify-sources` would rewrite, with its change as the fix.
pub fn check(index: &CorpusIndex<'_>, out: &mut Vec<Diagnostic>) {
    let names: Vec<SourceName<'_>> = index
        .docs
        .iter()
        .map(|doc| {
            let source = doc.facts.source.as_deref();
            SourceName {
                corpus: doc.corpus,
                work: source.and_then(|s| s.work.as_deref()),
                key: source.and_then(|s| s.key.as_deref()),
                identity: source.and_then(|s| s.identity.as_deref()),
            }
        })
        .collect();
    let corpora: Vec<CorpusSources<'_>> = index
        .corpora
        .iter()
        .map(|corpus| CorpusSources {
            enabled: corpus.style.unify_sources,
            entries: &corpus.entries_by_author,
        })
        .collect();
    let targets = plan(&names, &corpora);
    for (doc, target) in index.docs.iter().zip(targets) {
        let Some(target) = target else { continue };
        let Some(source) = &doc.facts.source else {
            continue;
        };
        let (Some(site), Some(anchor)) = (&source.site, &source.work_anchor) else {
            continue;
        };
        let Some(corpus) = index.corpora.get(doc.corpus) else {
            continue;
        };
        let Some(change) = site.change(&target, &corpus.style) else {
            continue;
        };
        let mut diagnostic = doc.diagnostic(anchor, Rule::UnifySources, change.message, None);
        diagnostic.fix = Some(Fix {
            applicability: Applicability::Safe,
            message: change.title,
            edits: change
                .edits
                .into_iter()
                .map(|e| Edit::replace(e.range, e.replacement))
                .collect(),
        });
        out.push(diagnostic);
    }
}
