//! The corpus decision of `unify-sources`: the documents that write one source several ways
//! (S004's clusters, joined with the documents that cite its bibliography entry by `key`),
//! and what each should write instead. One clustering per corpus: O(n log n).

use super::SourceTarget;
use ibid_provenance::works::{cluster_works, EntryIndex, WorkIdentity};
use std::collections::{BTreeSet, HashSet};

/// How one document names its source, as [`plan`] sees it.
#[derive(Debug, Clone, Copy, Default)]
pub struct SourceName<'a> {
    /// The document's corpus (an index into the corpora given to [`plan`]).
    pub corpus: usize,
    /// The work its `cite` names, without the pinpoint (`Source::cited_work`).
    pub work: Option<&'a str>,
    /// Its `[source] key`, when it cites the bibliography.
    pub key: Option<&'a str>,
    /// What its `cite` says about the work, for finding the bibliography entry.
    pub identity: Option<&'a WorkIdentity>,
}

/// A corpus as [`plan`] sees it.
#[derive(Debug, Clone, Copy)]
pub struct CorpusSources<'a> {
    /// Whether its style asks for `unify-sources`.
    pub enabled: bool,
    /// Its bibliography, for matching cites to entries.
    pub entries: &'a EntryIndex,
}

/// What each document of `docs` should write instead of its `cite` (`None`: nothing to
/// change). Per corpus that asks for it, written works are clustered as S004 clusters them.
/// A cluster is one source written several ways when it holds two forms or more, or when
/// it matches a bibliography entry (see [`EntryIndex::find`]) that some document of the
/// corpus cites by `key`. Then every cite of the cluster becomes `key` + `locator` when
/// the cluster matches exactly one entry (the cites that match one all match the same);
/// otherwise the cites not written in the cluster's most common form take that form (on a
/// tie, the form of the first document in the order given, which is path order).
pub fn plan(docs: &[SourceName<'_>], corpora: &[CorpusSources<'_>]) -> Vec<Option<SourceTarget>> {
    let mut targets = vec![None; docs.len()];
    // The documents of each corpus, in one pass: each is looked at once, however many
    // corpora there are.
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); corpora.len()];
    for (i, doc) in docs.iter().enumerate() {
        if corpora.get(doc.corpus).is_some_and(|c| c.enabled) {
            members[doc.corpus].push(i);
        }
    }
    for (sources, mine) in corpora.iter().zip(&members) {
        if !mine.is_empty() {
            plan_corpus(docs, mine, sources.entries, &mut targets);
        }
    }
    targets
}

/// [`plan`] for the documents of one corpus (`mine`: their indices into `docs`).
fn plan_corpus(
    docs: &[SourceName<'_>],
    mine: &[usize],
    entries: &EntryIndex,
    targets: &mut [Option<SourceTarget>],
) {
    let mine = || mine.iter().map(|&i| (i, &docs[i]));
    let keyed: HashSet<&str> = mine().filter_map(|(_, d)| d.key).collect();
    let clusters = cluster_works(
        mine()
            .filter(|(_, d)| d.key.is_none())
            .filter_map(|(i, d)| Some((i, d.work?))),
    );
    for forms in clusters.members() {
        let members = || forms.iter().flat_map(|&f| &clusters.forms[f].docs);
        let matched: BTreeSet<&str> = members()
            .filter_map(|&doc| entries.find(docs[doc].identity?))
            .collect();
        let key = match matched.len() {
            1 => matched.first().copied(),
            _ => None,
        };
        let ways = forms.len() + usize::from(key.is_some_and(|k| keyed.contains(k)));
        if ways < 2 {
            continue;
        }
        if let Some(key) = key {
            for &doc in members() {
                targets[doc] = Some(SourceTarget::Key(key.to_owned()));
            }
            continue;
        }
        let Some(canonical) = clusters.most_common(&forms) else {
            continue;
        };
        let text = &clusters.forms[canonical].text;
        for &form in forms.iter().filter(|&&f| f != canonical) {
            for &doc in &clusters.forms[form].docs {
                targets[doc] = Some(SourceTarget::Form(text.clone()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_provenance::{BibFormat, Bibliography};
    use std::path::Path;

    fn identity(family: &str, title: &str) -> WorkIdentity {
        WorkIdentity {
            family: family.to_owned(),
            title: title.to_owned(),
            volume: None,
            year: None,
        }
    }

    fn entries() -> EntryIndex {
        let bib = Bibliography::parse(
            Path::new("refs.bib"),
            "@book{nk, author = {Барсегов, Ю. Г.}, title = {Нагорный Карабах в международном праве}}\n",
            BibFormat::Bibtex,
        );
        EntryIndex::new(&bib.value.unwrap())
    }

    #[test]
    fn variants_take_the_most_common_form() {
        let index = EntryIndex::default();
        let corpus = [CorpusSources {
            enabled: true,
            entries: &index,
        }];
        let docs = [
            SourceName {
                work: Some("Barsegov, Yu. G., Nagornyi Karabakh"),
                ..SourceName::default()
            },
            SourceName {
                work: Some("Барсегов Ю.Г. Нагорный Карабах"),
                ..SourceName::default()
            },
            SourceName {
                work: Some("Барсегов Ю. Г. Нагорный Карабах"),
                ..SourceName::default()
            },
            SourceName {
                work: Some("Suny, R. G. Looking toward Ararat"),
                ..SourceName::default()
            },
        ];
        let targets = plan(&docs, &corpus);
        assert_eq!(
            targets,
            [
                Some(SourceTarget::Form("Барсегов Ю.Г. Нагорный Карабах".into())),
                None,
                None,
                None
            ]
        );
        let off = [CorpusSources {
            enabled: false,
            entries: &index,
        }];
        assert_eq!(plan(&docs, &off), [None, None, None, None]);
    }

    #[test]
    fn a_source_the_bibliography_registers_is_cited_by_key() {
        let index = entries();
        let corpus = [CorpusSources {
            enabled: true,
            entries: &index,
        }];
        let nk = identity("барсегов", "нагорный карабах");
        let suny = identity("suny", "looking toward ararat");
        let docs = [
            // Written once, and cited by key elsewhere: two ways.
            SourceName {
                work: Some("Барсегов Ю.Г. Нагорный Карабах"),
                identity: Some(&nk),
                ..SourceName::default()
            },
            SourceName {
                key: Some("nk"),
                ..SourceName::default()
            },
            // Written once, no entry, nobody else: one way, left alone.
            SourceName {
                work: Some("Suny, R. G. Looking toward Ararat"),
                identity: Some(&suny),
                ..SourceName::default()
            },
        ];
        let targets = plan(&docs, &corpus);
        assert_eq!(targets, [Some(SourceTarget::Key("nk".into())), None, None]);
        // A cluster of two forms goes to the entry as a whole, even the form that does not
        // match it by itself (transliterated).
        let docs = [
            SourceName {
                work: Some("Барсегов Ю.Г. Нагорный Карабах"),
                identity: Some(&nk),
                ..SourceName::default()
            },
            SourceName {
                work: Some("Barsegov, Yu. G., Nagornyi Karabakh"),
                ..SourceName::default()
            },
        ];
        assert_eq!(
            plan(&docs, &corpus),
            [
                Some(SourceTarget::Key("nk".into())),
                Some(SourceTarget::Key("nk".into()))
            ]
        );
    }
}
