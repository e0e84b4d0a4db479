//! S005: conflicting locators across the corpus for one source.
//! The same document number on different pages, or numbers and pages in opposite orders.

use crate::codes::Rule;
use crate::diagnostic::Diagnostic;
use crate::index::{CorpusIndex, Number};
use std::collections::BTreeMap;

/// ## What it does
/// Compares the pinpoint locators of documents that cite the same source (the same
/// bibliography `key`, or `cite` texts that S004 recognises as one work, in the same
/// volume):
///
/// - the same document number given with pages that do not overlap (`Document 652, page
///   612` in one file and `Document 652, page 621` in another);
/// - document numbers and pages that run in opposite orders: in a collection, a later
///   document is never on an earlier page, so `doc. 652, p. 612` and `doc. 660, p. 600`
///   cannot both be right.
///
/// For a repeated number, the page most documents give is taken as right and the others
/// are reported; with no majority, every document is reported. For the order, the largest
/// set of documents in agreement is kept and the others are reported, naming a document
/// they conflict with.
///
/// ## Why is this bad?
/// One of the locators is wrong (a misread digit, a number copied from the neighbouring
/// document), so a reader looking the text up lands on the wrong page.
///
/// ## Example
/// In `narimanov-1921.md`:
/// ```toml
/// [source]
/// key = "barsegov-nk"
/// locator = "doc. 652, p. 612"
/// ```
/// and in `chicherin-1921.md`:
/// ```toml
/// [source]
/// key = "barsegov-nk"
/// locator = "doc. 660, p. 600"
/// ```
///
/// ## Fix
/// Check both locators against the source. There is no automatic fix.
pub struct ConflictingLocators;

/// One document's pinpoint in a source.
#[derive(Debug, Clone, Copy)]
struct Entry<'a> {
    doc: usize,
    document: &'a Number,
    page: &'a Number,
}

/// Report conflicting locators.
pub fn check(index: &CorpusIndex<'_>, out: &mut Vec<Diagnostic>) {
    let clusters = index.clusters();
    // Identity of a source: a bibliography key, or a cluster of written forms; plus volume.
    let mut sources: BTreeMap<(String, String), Vec<Entry<'_>>> = BTreeMap::new();
    for (i, doc) in index.docs.iter().enumerate() {
        let Some(source) = &doc.facts.source else {
            continue;
        };
        let (Some(document), Some(page)) = (&source.document, &source.page) else {
            continue;
        };
        let identity = match (&source.key, clusters.form_of_doc.get(&i)) {
            (Some(key), _) => format!("key:{}:{key}", doc.corpus),
            (None, Some(&form)) => format!("form:{}", clusters.cluster_of_form[form]),
            (None, None) => continue,
        };
        let volume = source.volume.clone().unwrap_or_default();
        sources.entry((identity, volume)).or_default().push(Entry {
            doc: i,
            document,
            page,
        });
    }
    for entries in sources.values() {
        let by_number = by_document_number(entries);
        same_number_other_page(index, &by_number, out);
        opposite_orders(index, &by_number, out);
    }
}

/// The entries of one edition grouped by the first number of their document.
fn by_document_number<'e>(entries: &'e [Entry<'e>]) -> ByNumber<'e> {
    let mut by_number: ByNumber<'e> = BTreeMap::new();
    for entry in entries {
        by_number
            .entry(entry.document.first)
            .or_default()
            .push(entry);
    }
    by_number
}

/// Entries by the first number of their document, in numeric order.
type ByNumber<'e> = BTreeMap<u32, Vec<&'e Entry<'e>>>;

/// The same document number on pages that do not overlap. When most documents agree, the
/// others are reported; when no page has a majority, every document is reported.
fn same_number_other_page(
    index: &CorpusIndex<'_>,
    by_number: &ByNumber<'_>,
    out: &mut Vec<Diagnostic>,
) {
    for group in by_number.values() {
        let overlapping = Overlapping::new(group);
        let Some(reference) = reference_entry(group, &overlapping) else {
            continue;
        };
        let agree = |e: &Entry<'_>| overlapping.count(e.page);
        let best = agree(reference);
        let tie = group
            .iter()
            .any(|e| !e.page.overlaps(reference.page) && agree(e) == best);
        for entry in group {
            let other = if tie {
                group.iter().find(|o| !o.page.overlaps(entry.page))
            } else if entry.page.overlaps(reference.page) {
                None
            } else {
                Some(&reference)
            };
            let Some(other) = other else { continue };
            report(
                index,
                entry,
                format!(
                    "`{}` is on `{}` here, but on `{}` in `{}`",
                    entry.document.written,
                    entry.page.written,
                    other.page.written,
                    index.docs[other.doc].path
                ),
                out,
            );
        }
    }
}

/// How many pages of a group overlap a given page, in logarithmic time: a group may hold
/// every document of a corpus (thousands citing one document of a collection), so counting
/// by comparing each page with every other was quadratic.
struct Overlapping {
    /// The groups' first pages, sorted.
    firsts: Vec<u32>,
    /// The groups' last pages, sorted.
    lasts: Vec<u32>,
}

impl Overlapping {
    fn new(group: &[&Entry<'_>]) -> Self {
        let mut firsts: Vec<u32> = group.iter().map(|e| e.page.first).collect();
        let mut lasts: Vec<u32> = group.iter().map(|e| e.page.last).collect();
        firsts.sort_unstable();
        lasts.sort_unstable();
        Overlapping { firsts, lasts }
    }

    /// The pages that share a value with `page` (`Number::overlaps`): all but those that end
    /// before it starts and those that start after it ends.
    fn count(&self, page: &Number) -> usize {
        let end_before = self.lasts.partition_point(|&last| last < page.first);
        let start_after = self.firsts.len() - self.firsts.partition_point(|&f| f <= page.last);
        self.firsts.len() - end_before - start_after
    }
}

/// The entry whose page most others overlap; on a tie, the first in path order.
fn reference_entry<'a>(
    group: &[&'a Entry<'a>],
    overlapping: &Overlapping,
) -> Option<&'a Entry<'a>> {
    let mut best: Option<(usize, &'a Entry<'a>)> = None;
    for &entry in group {
        let agree = overlapping.count(entry.page);
        if best.map_or(true, |(n, _)| agree > n) {
            best = Some((agree, entry));
        }
    }
    best.map(|(_, e)| e)
}

/// Document numbers and pages in opposite orders: keep the longest run in agreement
/// (a longest non-decreasing subsequence of pages, by number) and report the rest.
fn opposite_orders(index: &CorpusIndex<'_>, by_number: &ByNumber<'_>, out: &mut Vec<Diagnostic>) {
    // One point per document number: the reference page.
    let points: Vec<&Entry<'_>> = by_number
        .values()
        .filter_map(|group| reference_entry(group, &Overlapping::new(group)))
        .collect();
    if points.len() < 2 {
        return;
    }
    // Patience sorting: tails[k] is the index of the smallest last page of a run of k+1.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; points.len()];
    for (i, point) in points.iter().enumerate() {
        let page = point.page.first;
        let at = tails.partition_point(|&t| points[t].page.first <= page);
        previous[i] = at.checked_sub(1).map(|k| tails[k]);
        if at == tails.len() {
            tails.push(i);
        } else {
            tails[at] = i;
        }
    }
    let mut kept = vec![false; points.len()];
    let mut cursor = tails.last().copied();
    while let Some(i) = cursor {
        kept[i] = true;
        cursor = previous[i];
    }
    for (i, point) in points.iter().enumerate() {
        if kept[i] {
            continue;
        }
        // The nearest kept point it conflicts with.
        let conflict = points
            .iter()
            .enumerate()
            .filter(|(j, other)| {
                kept[*j]
                    && ((other.document.first < point.document.first
                        && other.page.first > point.page.first)
                        || (other.document.first > point.document.first
                            && other.page.first < point.page.first))
            })
            .min_by_key(|(_, other)| other.document.first.abs_diff(point.document.first));
        let Some((_, other)) = conflict else { continue };
        report(
            index,
            point,
            format!(
                "`{}` is on `{}` here, but `{}` is on `{}` in `{}`: numbers and pages run in opposite orders",
                point.document.written,
                point.page.written,
                other.document.written,
                other.page.written,
                index.docs[other.doc].path
            ),
            out,
        );
    }
}

fn report(index: &CorpusIndex<'_>, entry: &Entry<'_>, message: String, out: &mut Vec<Diagnostic>) {
    let Some(source) = &index.docs[entry.doc].facts.source else {
        return;
    };
    let Some(anchor) = source
        .pinpoint_anchor
        .as_ref()
        .or(source.work_anchor.as_ref())
    else {
        return;
    };
    out.push(index.docs[entry.doc].diagnostic(
        anchor,
        Rule::ConflictingLocators,
        message,
        Some("check both locators against the source".to_owned()),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn number(first: u32, len: u32) -> Number {
        Number {
            first,
            last: first + len,
            written: String::new(),
        }
    }

    proptest! {
        /// The counting by sorted ends agrees with comparing each page with every other.
        #[test]
        fn overlaps_counted_as_by_comparison(
            pages in proptest::collection::vec((0u32..40, 0u32..5), 1..30),
            probe in (0u32..45, 0u32..6),
        ) {
            let pages: Vec<Number> = pages.into_iter().map(|(f, l)| number(f, l)).collect();
            let entries: Vec<Entry<'_>> = pages
                .iter()
                .enumerate()
                .map(|(doc, page)| Entry { doc, document: page, page })
                .collect();
            let group: Vec<&Entry<'_>> = entries.iter().collect();
            let probe = number(probe.0, probe.1);
            let by_comparison = pages.iter().filter(|p| p.overlaps(&probe)).count();
            prop_assert_eq!(Overlapping::new(&group).count(&probe), by_comparison);
        }
    }
}
