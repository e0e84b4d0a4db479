//! S002: a citation key that no bibliography defines.
//! Checks `[source] key` and pandoc `@key` citations against the corpus bibliography.

use crate::codes::Rule;
use crate::diagnostic::Diagnostic;
use crate::index::CorpusIndex;
use std::collections::HashSet;

/// ## What it does
/// Finds citation keys that no entry of the corpus bibliography defines: `key = "..."` in
/// `[source]`, and pandoc citations in the body (`[see @barsegov-nk, doc. 652]`,
/// `@barsegov-nk [p. 612]`). The bibliography is every file listed in `bibliography = [...]`
/// of the document's `ibid.toml` (BibTeX, CSL-JSON or ibid TOML). The closest defined key
/// is suggested.
///
/// ## Why is this bad?
/// An undefined key cites nothing: pandoc prints `???` or the bare key, `ibid bib` leaves
/// the source out, and the document's provenance points nowhere.
///
/// ## Example
/// ```toml
/// [source]
/// key = "barsegov-nkk"
/// locator = "doc. 652, p. 612"
/// ```
///
/// Use instead:
/// ```toml
/// [source]
/// key = "barsegov-nk"
/// locator = "doc. 652, p. 612"
/// ```
///
/// ## Fix
/// Correct the key, or add the entry to a bibliography file listed in `ibid.toml`. There
/// is no automatic fix.
pub struct UndefinedCitationKey;

/// Report keys that no bibliography defines.
pub fn check(index: &CorpusIndex<'_>, out: &mut Vec<Diagnostic>) {
    let defined: Vec<HashSet<&str>> = index
        .corpora
        .iter()
        .map(|c| c.entries.iter().map(|e| e.key.as_str()).collect())
        .collect();
    for doc in &index.docs {
        let Some(bib) = index.corpora.get(doc.corpus) else {
            continue;
        };
        let keys = &defined[doc.corpus];
        for used in &doc.facts.keys {
            if keys.contains(used.key.as_str()) {
                continue;
            }
            let help = if !bib.configured {
                "no bibliography is configured: list the files in ibid.toml, e.g. `bibliography = [\"refs.bib\"]`".to_owned()
            } else {
                match ibid_provenance::closest(&used.key, keys.iter().copied()) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => "add the entry to a bibliography file listed in ibid.toml".to_owned(),
                }
            };
            out.push(doc.diagnostic(
                &used.anchor,
                Rule::UndefinedCitationKey,
                format!(
                    "Citation key `{}` is not defined in the corpus bibliography",
                    used.key
                ),
                Some(help),
            ));
        }
    }
}
