//! S004: the same source written differently in different documents.
//! Names a document with the most common form and suggests that form.

use crate::codes::Rule;
use crate::diagnostic::Diagnostic;
use crate::index::CorpusIndex;

/// ## What it does
/// Finds documents whose `[source] cite` names the same work as other documents but writes
/// it differently: in another script (`Барсегов Ю.Г. Нагорный Карабах` and
/// `Barsegov, Yu. G., Nagornyi Karabakh`), with a typo (`Нагорный Карабаж`), or in another
/// order of its parts. Only the work is compared (authors, title, edition details), not the
/// pinpoint locators, and differences of case, spacing and punctuation do not count. Forms
/// with different numbers (volume, year), or whose first words (usually the author's
/// surname) differ by more than a typo, are different works.
///
/// Each document that does not use the most common form is reported, naming a document
/// that does and suggesting that form.
///
/// The comparison transliterates Cyrillic to Latin, folds the usual variants of
/// transliteration (`y`/`j`/`i`, `kh`/`h`), and allows a few edits in proportion to the
/// length; documents are compared with their neighbours in sorted order only, so large
/// corpora stay fast.
///
/// ## Why is this bad?
/// A reader (or `ibid bib`) sees two sources where there is one; a typo in a title makes
/// the source impossible to find in a library catalogue; locators cannot be compared across
/// the corpus (S005) when the source is not recognised as the same.
///
/// ## Example
/// In `narimanov-1921.md`:
/// ```toml
/// [source]
/// cite = "Барсегов Ю.Г. Нагорный Карабах, Document 652, page 612"
/// ```
/// and in `chicherin-1921.md`:
/// ```toml
/// [source]
/// cite = "Barsegov, Yu. G., Nagornyi Karabakh, Document 655, page 617"
/// ```
///
/// Use instead: one form everywhere, or better, a bibliography entry cited by `key`.
/// ```toml
/// [source]
/// key = "barsegov-nk"
/// locator = "doc. 655, p. 617"
/// ```
///
/// ## Fix
/// Write the source the same way in every document, or move it to the bibliography and cite
/// it by `key`. There is no automatic fix: which form is right is for the editor to decide.
pub struct InconsistentSource;

/// Report documents that write a source differently from the rest.
pub fn check(index: &CorpusIndex<'_>, out: &mut Vec<Diagnostic>) {
    let clusters = index.clusters();
    for forms in clusters.members() {
        if forms.len() < 2 {
            continue;
        }
        // The most common form; on a tie, the one whose first document comes first.
        let Some(canonical) = clusters.most_common(&forms) else {
            continue;
        };
        let model = &clusters.forms[canonical];
        let Some(&model_doc) = model.docs.first() else {
            continue;
        };
        let model_path = index.docs[model_doc].path;
        for &form in &forms {
            if form == canonical {
                continue;
            }
            for &doc in &clusters.forms[form].docs {
                let Some(source) = &index.docs[doc].facts.source else {
                    continue;
                };
                let (Some(work), Some(anchor)) = (&source.work, &source.work_anchor) else {
                    continue;
                };
                let count = model.docs.len();
                let documents = if count == 1 { "document" } else { "documents" };
                out.push(index.docs[doc].diagnostic(
                    anchor,
                    Rule::InconsistentSource,
                    format!(
                        "Source `{work}` is written `{}` in `{model_path}`",
                        model.text
                    ),
                    Some(format!(
                        "write it one way in every document, e.g. `{}` ({count} {documents}), or cite a bibliography entry by `key`",
                        model.text
                    )),
                ));
            }
        }
    }
}
