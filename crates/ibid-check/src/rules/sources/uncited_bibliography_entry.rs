//! S003: a bibliography entry that no document cites.
//! Reported once, on the bibliography file, and only when the whole corpus was checked.

use crate::codes::Rule;
use crate::diagnostic::Diagnostic;
use crate::index::CorpusIndex;
use std::collections::HashSet;

/// ## What it does
/// Finds entries of the corpus bibliography that no document cites, neither by
/// `[source] key` nor by a pandoc `@key` in its body. Each entry is reported once, at its
/// place in the bibliography file. The rule runs only when `ibid check` was given the whole
/// corpus (the folder of `ibid.toml` or one above it), since a check of a few files cannot
/// tell what the rest of the corpus cites.
///
/// ## Why is this bad?
/// An entry nobody cites is either left over (a document was removed or re-keyed), or a
/// document that should cite it cites something else or nothing: a sign of a lost link
/// between a text and its source.
///
/// ## Example
/// ```bibtex
/// @book{barsegov-nk, author = {Барсегов, Ю. Г.}, title = {Нагорный Карабах}}
/// @book{barsegov-old, author = {Барсегов, Ю. Г.}, title = {Геноцид армян}}
/// ```
/// when no document has `key = "barsegov-old"` or cites `@barsegov-old`.
///
/// ## Fix
/// Cite the entry where it belongs, or remove it from the bibliography. There is no
/// automatic fix.
pub struct UncitedBibliographyEntry;

/// Report entries nobody cites.
pub fn check(index: &CorpusIndex<'_>, out: &mut Vec<Diagnostic>) {
    for (corpus, bib) in index.corpora.iter().enumerate() {
        if !bib.complete || bib.entries.is_empty() {
            continue;
        }
        let cited: HashSet<&str> = index
            .docs
            .iter()
            .filter(|d| d.corpus == corpus)
            .flat_map(|d| d.facts.keys.iter().map(|k| k.key.as_str()))
            .collect();
        let mut seen = HashSet::new();
        for entry in &bib.entries {
            if cited.contains(entry.key.as_str()) || !seen.insert(entry.key.as_str()) {
                continue;
            }
            out.push(entry.diagnostic(
                Rule::UncitedBibliographyEntry,
                format!(
                    "Bibliography entry `{}` is not cited by any document",
                    entry.key
                ),
                Some("cite it with `[source] key` or `@key`, or remove it".to_owned()),
            ));
        }
    }
}
