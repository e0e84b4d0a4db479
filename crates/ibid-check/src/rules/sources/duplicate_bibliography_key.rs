//! S006: a key defined by two bibliography entries.
//! Checks the entries of every bibliography file of a corpus together.

use crate::codes::Rule;
use crate::diagnostic::Diagnostic;
use crate::index::CorpusIndex;
use std::collections::HashMap;

/// ## What it does
/// Finds bibliography entries whose key an earlier entry already defines, in the same file
/// or in another bibliography file of the same corpus. The second entry is reported, naming
/// where the first one is.
///
/// ## Why is this bad?
/// Citations of the key resolve to the first entry only; the second is unreachable, and if
/// the two describe different works, some documents cite the wrong one.
///
/// ## Example
/// ```bibtex
/// @book{barsegov-nk, author = {Барсегов, Ю. Г.}, title = {Нагорный Карабах}, volume = {1}}
/// @book{barsegov-nk, author = {Барсегов, Ю. Г.}, title = {Нагорный Карабах}, volume = {2}}
/// ```
///
/// Use instead:
/// ```bibtex
/// @book{barsegov-nk-1, author = {Барсегов, Ю. Г.}, title = {Нагорный Карабах}, volume = {1}}
/// @book{barsegov-nk-2, author = {Барсегов, Ю. Г.}, title = {Нагорный Карабах}, volume = {2}}
/// ```
///
/// ## Fix
/// Give each entry its own key, or remove the copy. There is no automatic fix.
pub struct DuplicateBibliographyKey;

/// Report repeated keys.
pub fn check(index: &CorpusIndex<'_>, out: &mut Vec<Diagnostic>) {
    for bib in &index.corpora {
        let mut first: HashMap<&str, &crate::index::BibKey> = HashMap::new();
        for entry in &bib.entries {
            match first.get(entry.key.as_str()) {
                Some(earlier) => out.push(entry.diagnostic(
                    Rule::DuplicateBibliographyKey,
                    format!(
                        "Bibliography key `{}` is already defined at {}:{}:{}",
                        entry.key,
                        earlier.path,
                        earlier.anchor.start.line,
                        earlier.anchor.start.column
                    ),
                    Some("give each entry its own key".to_owned()),
                )),
                None => {
                    first.insert(entry.key.as_str(), entry);
                }
            }
        }
    }
}
