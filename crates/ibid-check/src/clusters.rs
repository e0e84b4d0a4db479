//! Grouping the corpus's written sources into works (for S003 and S004): equal forms merged,
//! near forms (transliteration, typos) clustered by sorted-neighbourhood comparison.

use crate::index::CorpusIndex;
use crate::normalize::{bounded_levenshtein, digit_runs, exact_key, skeleton};
use std::collections::HashMap;

/// How many neighbours in sorted order each form is compared with.
const WINDOW: usize = 8;

/// Skeletons shorter than this are only merged when equal: too short to tell a typo.
const MIN_FUZZY_LEN: usize = 8;

/// One way of writing a source, shared by the documents that write it so.
#[derive(Debug)]
pub struct Form {
    /// The text as first written (from the first document, in path order).
    pub text: String,
    /// The documents (indices into [`CorpusIndex::docs`]) that write it so, in path order.
    pub docs: Vec<usize>,
    skeleton: Vec<char>,
    /// The skeleton of the first word (the first author's surname, or the title's first word).
    lead: Vec<char>,
}

/// The skeleton of the first word of `work`.
fn lead_of(work: &str) -> Vec<char> {
    let latin = crate::normalize::transliterate(work);
    let first = latin.split(' ').find(|w| !w.is_empty()).unwrap_or("");
    skeleton(first).chars().collect()
}

/// The sources of the corpus grouped into clusters of forms that name the same work.
#[derive(Debug, Default)]
pub struct Clusters {
    /// Every distinct form.
    pub forms: Vec<Form>,
    /// The cluster (a representative form) of each form.
    pub cluster_of_form: Vec<usize>,
    /// The form of each document with a written source.
    pub form_of_doc: HashMap<usize, usize>,
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        // The smaller index (earlier form) becomes the representative.
        let (keep, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[child] = keep;
    }
}

/// Whether two forms are close enough to be one source written differently: the same
/// numbers, the same first word up to a typo, and few edits overall.
fn similar(a: &Form, b: &Form, a_digits: &[String], b_digits: &[String]) -> bool {
    if a_digits != b_digits {
        return false;
    }
    let longest = a.skeleton.len().max(b.skeleton.len());
    if longest < MIN_FUZZY_LEN {
        return false;
    }
    // The first word (usually the author's surname) must agree up to one typo: two works of
    // the same title by different authors are different sources.
    let lead_typo = if a.lead.len().min(b.lead.len()) >= 5 {
        1
    } else {
        0
    };
    if bounded_levenshtein(&a.lead, &b.lead, lead_typo).is_none() {
        return false;
    }
    let max = (longest * 15) / 100;
    bounded_levenshtein(&a.skeleton, &b.skeleton, max.max(1)).is_some()
}

/// Group the written sources of `index` (documents keyed to the bibliography are left out:
/// the key names the source). Equal forms (case and punctuation aside) are one form; forms
/// whose skeletons are equal or within a small edit distance, with the same numbers, are
/// one cluster. Sorted-neighbourhood comparison keeps this O(n log n).
pub fn cluster_sources(index: &CorpusIndex<'_>) -> Clusters {
    let mut forms: Vec<Form> = Vec::new();
    let mut by_exact: HashMap<String, usize> = HashMap::new();
    let mut form_of_doc = HashMap::new();
    for (i, doc) in index.docs.iter().enumerate() {
        let Some(source) = &doc.facts.source else {
            continue;
        };
        if source.key.is_some() {
            continue;
        }
        let Some(work) = &source.work else { continue };
        let exact = exact_key(work);
        if exact.is_empty() {
            continue;
        }
        let form = *by_exact.entry(exact).or_insert_with(|| {
            forms.push(Form {
                text: work.clone(),
                docs: Vec::new(),
                skeleton: skeleton(work).chars().collect(),
                lead: lead_of(work),
            });
            forms.len() - 1
        });
        forms[form].docs.push(i);
        form_of_doc.insert(i, form);
    }
    let digits: Vec<Vec<String>> = forms
        .iter()
        .map(|f| digit_runs(&f.text).into_iter().map(str::to_owned).collect())
        .collect();
    let mut parent: Vec<usize> = (0..forms.len()).collect();
    // Same skeleton and same numbers: one work. (Skeletons collapse doubled characters, so
    // `vol. 11` and `vol. 1` share one; their numbers tell them apart.)
    let mut by_skeleton: HashMap<(&[char], &[String]), usize> = HashMap::new();
    for (i, form) in forms.iter().enumerate() {
        let key = (form.skeleton.as_slice(), digits[i].as_slice());
        if let Some(&first) = by_skeleton.get(&key) {
            union(&mut parent, first, i);
        } else {
            by_skeleton.insert(key, i);
        }
    }
    let mut order: Vec<usize> = (0..forms.len()).collect();
    order.sort_by(|&a, &b| forms[a].skeleton.cmp(&forms[b].skeleton));
    let mut reversed = order.clone();
    reversed.sort_by(|&a, &b| {
        forms[a]
            .skeleton
            .iter()
            .rev()
            .cmp(forms[b].skeleton.iter().rev())
    });
    for sorted in [&order, &reversed] {
        for (pos, &a) in sorted.iter().enumerate() {
            for &b in sorted.iter().skip(pos + 1).take(WINDOW) {
                if find(&mut parent, a) != find(&mut parent, b)
                    && similar(&forms[a], &forms[b], &digits[a], &digits[b])
                {
                    union(&mut parent, a, b);
                }
            }
        }
    }
    let cluster_of_form = (0..forms.len()).map(|i| find(&mut parent, i)).collect();
    Clusters {
        forms,
        cluster_of_form,
        form_of_doc,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::{Anchor, DocEntry, DocFacts, SourceFact};
    use ibid_provenance::LineIndex;

    pub(crate) fn fact(work: &str) -> DocFacts {
        let index = LineIndex::new(work);
        DocFacts {
            sidecar: None,
            source: Some(Box::new(SourceFact {
                work: Some(work.to_owned()),
                work_anchor: Some(Anchor::new(work, &index, (0..work.len()).into(), false)),
                key: None,
                volume: None,
                document: None,
                page: None,
                pinpoint_anchor: None,
            })),
            keys: Vec::new(),
        }
    }

    fn clusters_of(facts: &[DocFacts]) -> Clusters {
        let index = CorpusIndex::new(
            facts
                .iter()
                .map(|f| DocEntry {
                    path: "x",
                    corpus: 0,
                    facts: f,
                })
                .collect(),
            Vec::new(),
        );
        cluster_sources(&index)
    }

    #[test]
    fn volumes_that_differ_only_in_a_doubled_digit_are_different_works() {
        let facts = [
            fact("Барсегов Ю.Г. Документы, vol. 1"),
            fact("Барсегов Ю.Г. Документы, vol. 11"),
        ];
        let clusters = clusters_of(&facts);
        assert_eq!(clusters.forms.len(), 2);
        assert_ne!(clusters.cluster_of_form[0], clusters.cluster_of_form[1]);
    }

    #[test]
    fn transliterated_and_mistyped_forms_cluster() {
        let facts = [
            fact("Барсегов Ю.Г. Нагорный Карабах"),
            fact("Barsegov, Yu. G., Nagornyi Karabakh"),
            fact("Барсегов Ю. Г. Нагорный Карабах"),
            fact("Барсегов Ю.Г. Нагорный Карабаж"),
            fact("Барсегов Ю.Г. Геноцид армян"),
            fact("Барсегов Ю.Г. Нагорный Карабах, т. 2"),
            fact("Ковалёв П.И. Советско-турецкие отношения"),
            fact("Соколов А.Н. Советско-турецкие отношения"),
            fact("Барсигов Ю.Г. Нагорный Карабах"),
        ];
        let clusters = clusters_of(&facts);
        assert_eq!(
            clusters.forms.len(),
            8,
            "spacing of initials is the same form"
        );
        let cluster = |doc: usize| clusters.cluster_of_form[clusters.form_of_doc[&doc]];
        assert_eq!(cluster(0), cluster(1));
        assert_eq!(cluster(0), cluster(2));
        assert_eq!(cluster(0), cluster(3));
        assert_ne!(cluster(0), cluster(4));
        assert_ne!(cluster(0), cluster(5));
        assert_ne!(
            cluster(6),
            cluster(7),
            "one title, two authors: two sources"
        );
        assert_eq!(cluster(0), cluster(8), "a typo in the surname");
    }
}
