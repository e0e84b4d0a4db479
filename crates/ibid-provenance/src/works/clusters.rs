//! Grouping written sources into works: equal forms merged, near forms (transliteration,
//! typos) clustered by sorted-neighbourhood comparison, so a corpus costs O(n log n).

use super::normalize::{bounded_levenshtein, digit_runs, exact_key, skeleton, transliterate};
use std::collections::{BTreeMap, HashMap};

/// How many neighbours in sorted order each form is compared with.
const WINDOW: usize = 8;

/// Skeletons shorter than this are only merged when equal: too short to tell a typo.
const MIN_FUZZY_LEN: usize = 8;

/// One way of writing a source, shared by the documents that write it so.
#[derive(Debug)]
pub struct Form {
    /// The text as first written (from the first document given).
    pub text: String,
    /// The documents (the caller's numbers) that write it so, in the order given.
    pub docs: Vec<usize>,
    skeleton: Vec<char>,
    /// The skeleton of the first word (the first author's surname, or the title's first word).
    lead: Vec<char>,
}

/// The skeleton of the first word of `work`.
fn lead_of(work: &str) -> Vec<char> {
    let latin = transliterate(work);
    let first = latin.split(' ').find(|w| !w.is_empty()).unwrap_or("");
    skeleton(first).chars().collect()
}

/// Written sources grouped into clusters of forms that name the same work.
#[derive(Debug, Default)]
pub struct Clusters {
    /// Every distinct form.
    pub forms: Vec<Form>,
    /// The cluster (a representative form) of each form.
    pub cluster_of_form: Vec<usize>,
    /// The form of each document with a written source.
    pub form_of_doc: HashMap<usize, usize>,
}

impl Clusters {
    /// The forms of each cluster, clusters in order of their representative, forms in
    /// order.
    pub fn members(&self) -> Vec<Vec<usize>> {
        let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (form, &cluster) in self.cluster_of_form.iter().enumerate() {
            members.entry(cluster).or_default().push(form);
        }
        members.into_values().collect()
    }

    /// The form of `forms` the most documents write; on a tie, the one whose first
    /// document was given first. `None` for no forms.
    pub fn most_common(&self, forms: &[usize]) -> Option<usize> {
        forms.iter().copied().max_by(|&a, &b| {
            let (fa, fb) = (&self.forms[a], &self.forms[b]);
            fa.docs
                .len()
                .cmp(&fb.docs.len())
                .then(fb.docs.first().cmp(&fa.docs.first()))
        })
    }

    /// The cluster of the document `doc`, if it wrote a source.
    pub fn cluster_of_doc(&self, doc: usize) -> Option<usize> {
        self.form_of_doc
            .get(&doc)
            .map(|&form| self.cluster_of_form[form])
    }
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

/// Group written works (`(document, work)` pairs, in the caller's order; `work` is a
/// `cite` without its pinpoint locators, see [`crate::Source::cited_work`]). Equal forms
/// (case and punctuation aside) are one form; forms whose skeletons are equal or within a
/// small edit distance, with the same numbers, are one cluster. Sorted-neighbourhood
/// comparison keeps this O(n log n).
pub fn cluster_works<'a>(works: impl IntoIterator<Item = (usize, &'a str)>) -> Clusters {
    let mut forms: Vec<Form> = Vec::new();
    let mut by_exact: HashMap<String, usize> = HashMap::new();
    let mut form_of_doc = HashMap::new();
    for (doc, work) in works {
        let exact = exact_key(work);
        if exact.is_empty() {
            continue;
        }
        let form = *by_exact.entry(exact).or_insert_with(|| {
            forms.push(Form {
                text: work.to_owned(),
                docs: Vec::new(),
                skeleton: skeleton(work).chars().collect(),
                lead: lead_of(work),
            });
            forms.len() - 1
        });
        forms[form].docs.push(doc);
        form_of_doc.insert(doc, form);
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

    fn clusters_of(works: &[&str]) -> Clusters {
        cluster_works(works.iter().copied().enumerate())
    }

    #[test]
    fn volumes_that_differ_only_in_a_doubled_digit_are_different_works() {
        let clusters = clusters_of(&[
            "Барсегов Ю.Г. Документы, vol. 1",
            "Барсегов Ю.Г. Документы, vol. 11",
        ]);
        assert_eq!(clusters.forms.len(), 2);
        assert_ne!(clusters.cluster_of_form[0], clusters.cluster_of_form[1]);
    }

    #[test]
    fn transliterated_and_mistyped_forms_cluster() {
        let clusters = clusters_of(&[
            "Барсегов Ю.Г. Нагорный Карабах",
            "Barsegov, Yu. G., Nagornyi Karabakh",
            "Барсегов Ю. Г. Нагорный Карабах",
            "Барсегов Ю.Г. Нагорный Карабаж",
            "Барсегов Ю.Г. Геноцид армян",
            "Барсегов Ю.Г. Нагорный Карабах, т. 2",
            "Ковалёв П.И. Советско-турецкие отношения",
            "Соколов А.Н. Советско-турецкие отношения",
            "Барсигов Ю.Г. Нагорный Карабах",
        ]);
        assert_eq!(
            clusters.forms.len(),
            8,
            "spacing of initials is the same form"
        );
        let cluster = |doc: usize| clusters.cluster_of_doc(doc).unwrap();
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

    #[test]
    fn the_most_common_form_wins_and_a_tie_goes_to_the_first_written() {
        let clusters = clusters_of(&[
            "Barsegov, Yu. G., Nagornyi Karabakh",
            "Барсегов Ю.Г. Нагорный Карабах",
            "Барсегов Ю. Г. Нагорный Карабах",
        ]);
        let members = clusters.members();
        assert_eq!(members, vec![vec![0, 1]]);
        let best = clusters.most_common(&members[0]).unwrap();
        assert_eq!(clusters.forms[best].text, "Барсегов Ю.Г. Нагорный Карабах");
        let tie = clusters_of(&[
            "Barsegov, Yu. G., Nagornyi Karabakh",
            "Барсегов Ю.Г. Нагорный Карабах",
        ]);
        let best = tie.most_common(&tie.members()[0]).unwrap();
        assert_eq!(tie.forms[best].text, "Barsegov, Yu. G., Nagornyi Karabakh");
        assert_eq!(tie.most_common(&[]), None);
    }
}
