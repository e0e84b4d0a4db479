//! Which bibliography entry a written `cite` names: its first author's family name and its
//! title against every entry's, looked up by family name so that a corpus costs one probe
//! per cite. The one matching `ibid show`, the exports and `ibid fmt --unify-sources` use.

use crate::bib::{BibEntry, Bibliography};
use crate::model::Source;
use ibid_parse::Name;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// `s` with runs of white space made one space, outer punctuation trimmed, lower case:
/// what two ways of writing one name or title share.
pub(crate) fn normalise(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
        .to_lowercase()
}

/// The digits of a volume (`1`, `т. 1` → `1`), or the volume normalised when it has none
/// (a roman numeral).
fn volume_key(volume: &str) -> String {
    let digits: String = volume.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() {
        normalise(volume)
    } else {
        digits.trim_start_matches('0').to_owned()
    }
}

/// What a written `cite` says about the work it names, for finding its bibliography entry:
/// the first author's family name and the title (normalised), and the volume and year of
/// publication when the cite gives them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WorkIdentity {
    /// The first author's family name, normalised.
    pub family: String,
    /// The title, normalised.
    pub title: String,
    /// The volume, when the cite gives one (its digits).
    pub volume: Option<String>,
    /// The year of publication, when the cite gives one.
    pub year: Option<i32>,
}

impl WorkIdentity {
    /// The identity of the work `source`'s `cite` names: `None` without a parsed cite, a
    /// title and a first author.
    pub fn of(source: &Source) -> Option<WorkIdentity> {
        let cite = source.cite.as_ref()?;
        let reference = &source.reference.as_ref()?.value;
        let text = cite.text.as_str();
        let title = normalise(reference.title?.slice(text));
        let family = match reference.authors.names.first()? {
            Name::Personal { family, .. } => normalise(family.slice(text)),
            Name::Literal { span } => normalise(span.slice(text)),
        };
        if title.is_empty() || family.is_empty() {
            return None;
        }
        Some(WorkIdentity {
            family,
            title,
            volume: reference.volume.map(|v| volume_key(v.slice(text))),
            year: reference
                .issued
                .as_ref()
                .and_then(|d| d.year)
                .map(|y| y.value),
        })
    }
}

/// One entry as matching sees it.
#[derive(Debug, Clone)]
struct Candidate {
    key: String,
    title: String,
    volume: Option<String>,
    year: Option<i32>,
}

impl Candidate {
    /// Whether the entry is the work `identity` names: its title begins with the cited
    /// title, and the cited volume and year, when given, are the entry's.
    fn names(&self, identity: &WorkIdentity) -> bool {
        self.title.starts_with(&identity.title)
            && identity
                .volume
                .as_ref()
                .map_or(true, |v| self.volume.as_ref() == Some(v))
            && match (identity.year, self.year) {
                (Some(cited), Some(entry)) => cited == entry,
                _ => true,
            }
    }
}

/// The entries of a bibliography by their first author's family name, for matching cites.
#[derive(Debug, Clone, Default)]
pub struct EntryIndex {
    by_family: HashMap<String, Vec<Candidate>>,
}

impl EntryIndex {
    /// The index of `bibliography`'s entries.
    pub fn new(bibliography: &Bibliography) -> EntryIndex {
        EntryIndex::of_entries(&bibliography.entries)
    }

    /// The index of `entries`; a key seen twice keeps its first entry (as a corpus
    /// bibliography does).
    pub fn of_entries<'a>(entries: impl IntoIterator<Item = &'a BibEntry>) -> EntryIndex {
        let mut index = EntryIndex::default();
        let mut seen = std::collections::HashSet::new();
        for entry in entries {
            if !seen.insert(entry.key.as_str()) {
                continue;
            }
            let item = &entry.item;
            let family = item
                .author
                .first()
                .and_then(|a| a.family.as_deref().or(a.literal.as_deref()))
                .map(normalise)
                .unwrap_or_default();
            let title = item.title.as_deref().map(normalise).unwrap_or_default();
            if family.is_empty() || title.is_empty() {
                continue;
            }
            index.by_family.entry(family).or_default().push(Candidate {
                key: entry.key.clone(),
                title,
                volume: item.volume.as_deref().map(volume_key),
                year: item
                    .issued
                    .as_ref()
                    .and_then(|d| d.start.as_slice().first().copied()),
            });
        }
        index
    }

    /// The key of the one entry `identity` names: same first author's family name, a
    /// title that begins with the cited title, the same volume and year when the cite
    /// gives them. `None` when no entry or several do.
    pub fn find(&self, identity: &WorkIdentity) -> Option<&str> {
        let mut found = self
            .by_family
            .get(&identity.family)?
            .iter()
            .filter(|c| c.names(identity));
        let first = found.next()?;
        found.next().is_none().then_some(first.key.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bib::BibFormat;
    use std::path::Path;

    fn bib(text: &str) -> Bibliography {
        Bibliography::parse(Path::new("refs.bib"), text, BibFormat::Bibtex)
            .value
            .unwrap()
    }

    fn identity(cite: &str) -> Option<WorkIdentity> {
        let doc = crate::parse_document(
            Path::new("a.md"),
            format!("+++\n[source]\ncite = \"{cite}\"\n+++\n").as_bytes(),
            None,
        )
        .value
        .unwrap();
        WorkIdentity::of(doc.source.as_ref().unwrap())
    }

    const REFS: &str = "@book{nk, author = {Барсегов, Ю. Г.}, title = {Нагорный Карабах в международном праве}, volume = {1}, date = {2008}}\n@book{genocide, author = {Барсегов, Ю. Г.}, title = {Геноцид армян}}\n@book{suny, author = {Suny, Ronald}, title = {Looking toward Ararat}}\n@book{suny-2, author = {Suny, Ronald}, title = {Looking toward Ararat again}}\n";

    #[test]
    fn a_cite_names_the_one_entry_with_its_author_and_title() {
        let index = EntryIndex::new(&bib(REFS));
        let find = |cite: &str| identity(cite).and_then(|i| index.find(&i).map(str::to_owned));
        assert_eq!(
            find("Барсегов Ю.Г. Нагорный Карабах, Document 652, page 612").as_deref(),
            Some("nk")
        );
        assert_eq!(
            find("Барсегов Ю.Г. Нагорный Карабах в международном праве. Т. 1. М., 2008. Док. 670. С. 637.").as_deref(),
            Some("nk")
        );
        // Another volume or year is another book.
        assert_eq!(
            find("Барсегов Ю.Г. Нагорный Карабах. Т. 2. Док. 670."),
            None
        );
        assert_eq!(
            find("Барсегов Ю.Г. Нагорный Карабах. М., 2012. Док. 670."),
            None
        );
        // Two entries begin with the title: ambiguous.
        assert_eq!(find("Suny, R. Looking toward Ararat, p. 5"), None);
        assert_eq!(
            find("Suny, R. Looking toward Ararat again, p. 5").as_deref(),
            Some("suny-2")
        );
        assert_eq!(find("Barsegov, Yu. G., Nagornyi Karabakh, p. 5"), None);
    }
}
