//! Grouped rendering: entries that can never be ambiguous with each other (different
//! first-author family names, and for entries without an author every name and title a
//! style could put in its place) are rendered as separate groups in parallel, then put in
//! the style's order by one sorting pass of the engine. A property test proves the result
//! equals one pass for every style this is switched on for.

use crate::style::LoadedStyle;
use hayagriva::archive::ArchivedStyle;
use hayagriva::citationberg::json::{Item, NameValue, Value};
use hayagriva::citationberg::taxonomy::{StandardVariable, Variable};
use hayagriva::citationberg::{
    DisambiguationRule, IndependentStyle, LayoutRenderingElement, LongShortForm, Style,
    SubsequentAuthorSubstituteRule, Text, TextTarget,
};
use ibid_provenance::bib::NAME_FIELDS;
use std::collections::HashMap;

/// Archived styles whose grouped output differs from one pass on some bibliography (found
/// by the property test in `tests/grouping.rs`): they are always rendered in one pass.
const NOT_GROUPABLE: &[ArchivedStyle] = &[];

/// Whether `style` may be rendered in groups: an archived style (the property test covers
/// every one), with a sorted bibliography, that never numbers its entries.
pub fn groupable(style: &LoadedStyle) -> bool {
    let Some(archived) = style.archived else {
        return false;
    };
    !NOT_GROUPABLE.contains(&archived)
        && sorted_without_numbers(&style.csl)
        && substitutes_whole_lists(&style.csl)
}

/// Whether the style's subsequent-author substitute (`———` for a repeated author), if it
/// has one, replaces whole name lists. hayagriva 0.10.1 switches the rule to
/// `complete-all` for the rest of the bibliography once an entry's names are empty (a
/// title in the author's place), so under any other rule an entry's output depends on
/// entries far before it, and groups would differ from one pass.
fn substitutes_whole_lists(csl: &IndependentStyle) -> bool {
    csl.bibliography.as_ref().is_none_or(|b| {
        b.subsequent_author_substitute.is_none()
            || b.subsequent_author_substitute_rule == SubsequentAuthorSubstituteRule::CompleteAll
    })
}

/// Whether the style sorts its bibliography and prints no citation number (numbers depend
/// on every other entry).
pub fn sorted_without_numbers(csl: &IndependentStyle) -> bool {
    let sorted = csl
        .bibliography
        .as_ref()
        .is_some_and(|b| b.sort.as_ref().is_some_and(|s| !s.keys.is_empty()));
    if !sorted {
        return false;
    }
    match Style::Independent(csl.clone()).to_xml() {
        Ok(xml) => !xml.contains("citation-number"),
        Err(_) => false,
    }
}

/// The names of a name variable of an item, as family names (or literals) folded the way
/// the engine's collator compares them first ([`collation_fold`]): `Ådams` and `Adams` sort
/// side by side, so a repeated author's `———` in one depends on the other, and they must
/// be in one group (found by the property test in `tests/grouping.rs`).
fn families(item: &Item, variable: &str) -> Vec<String> {
    match item.0.get(variable) {
        Some(Value::Names(names)) => names
            .iter()
            .map(|n| match n {
                NameValue::Literal(l) => collation_fold(&l.literal),
                NameValue::Item(i) => collation_fold(&i.family),
            })
            .filter(|s| !s.is_empty())
            .collect(),
        _ => Vec::new(),
    }
}

/// A text variable of an item, folded as [`families`] folds names.
fn text(item: &Item, variable: &str) -> Option<String> {
    item.0
        .get(variable)
        .and_then(Value::to_str)
        .map(|s| collation_fold(&s))
        .filter(|s| !s.is_empty())
}

/// What an entry's citation can begin with: its first author's family name (every
/// author's when the style disambiguates all names), or, without an author, every name and
/// title a style could substitute, and a token all entries without an author share.
/// Entries sharing none of these can never be ambiguous. Empty for an entry with neither
/// names nor titles.
fn tokens(item: &Item, all_names: bool) -> Vec<String> {
    let authors = families(item, "author");
    if !authors.is_empty() {
        return if all_names {
            authors
        } else {
            authors.into_iter().take(1).collect()
        };
    }
    // Every entry without an author shares one token: some styles put a term in the
    // author's place (`Anon.`, `佚名`), which makes all of them alike.
    let mut out: Vec<String> = vec!["\u{0}without author".to_string()];
    out.extend(
        // Every name variable but `author` can stand in the author's place.
        NAME_FIELDS
            .iter()
            .filter(|v| **v != "author")
            .flat_map(|v| families(item, v).into_iter().take(1)),
    );
    out.extend(
        ["title", "title-short", "container-title"]
            .iter()
            .filter_map(|v| text(item, v)),
    );
    if out.len() == 1 {
        // Neither names nor titles.
        out.clear();
    }
    out
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Split `items` into chunks no two of which hold entries that could be ambiguous with
/// each other. Groups are placed in one of `buckets` chunks by a hash of their smallest
/// token, so a change to one entry leaves the other chunks as they were. Each chunk lists
/// indices into `items` in increasing order; empty chunks are left out.
///
/// `None` when an entry has neither names nor titles: the engine relates such entries to
/// entries that share nothing with them (their citations are disambiguated or not
/// depending on the rest of the bibliography), so the bibliography is rendered in one pass.
pub fn partition(
    items: &[&(String, Item)],
    csl: &IndependentStyle,
    buckets: usize,
) -> Option<Vec<Vec<usize>>> {
    let all_names = csl.citation.disambiguate_add_givenname
        && matches!(
            csl.citation.givenname_disambiguation_rule,
            DisambiguationRule::AllNames | DisambiguationRule::AllNamesWithInitials
        );
    let mut parent: Vec<usize> = (0..items.len()).collect();
    let mut owner: HashMap<String, usize> = HashMap::new();
    let mut item_tokens: Vec<Vec<String>> = Vec::with_capacity(items.len());
    for (i, (_, item)) in items.iter().enumerate() {
        let toks = tokens(item, all_names);
        if toks.is_empty() {
            return None;
        }
        for t in &toks {
            match owner.get(t) {
                Some(&j) => {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                    if a != b {
                        parent[a.max(b)] = a.min(b);
                    }
                }
                None => {
                    owner.insert(t.clone(), i);
                }
            }
        }
        item_tokens.push(toks);
    }
    // The smallest token of each group names it.
    let mut name: HashMap<usize, String> = HashMap::new();
    for (i, toks) in item_tokens.iter().enumerate() {
        let root = find(&mut parent, i);
        for t in toks {
            let entry = name.entry(root).or_insert_with(|| t.clone());
            if t < entry {
                *entry = t.clone();
            }
        }
    }
    let buckets = buckets.max(1);
    let mut chunks: Vec<Vec<usize>> = vec![Vec::new(); buckets];
    for i in 0..items.len() {
        let root = find(&mut parent, i);
        let label = name.get(&root).map_or("", String::as_str);
        let bucket = (crate::style::hash_text(label) % buckets as u64) as usize;
        chunks[bucket].push(i);
    }
    chunks.retain(|c| !c.is_empty());
    Some(chunks)
}

/// How many chunks to split `n` entries into: about `per_chunk` entries a chunk, a power
/// of two (so that the chunks stay the same while the number of entries changes a little).
pub fn bucket_count(n: usize, per_chunk: usize) -> usize {
    (n / per_chunk.max(1)).max(1).next_power_of_two().min(1024)
}

/// A copy of the style that only sorts: the same macros and sort keys, a citation that
/// prints the entry's key (so no two are ever ambiguous) and an empty bibliography entry.
/// The engine's order for it is the order of the style itself.
pub fn sorting_style(csl: &IndependentStyle) -> IndependentStyle {
    let mut style = csl.clone();
    let key = LayoutRenderingElement::Text(Text {
        target: TextTarget::Variable {
            var: Variable::Standard(StandardVariable::CitationKey),
            form: LongShortForm::Long,
        },
        formatting: Default::default(),
        affixes: Default::default(),
        display: None,
        quotes: false,
        strip_periods: false,
        text_case: None,
    });
    style.citation.layout.elements = vec![key];
    style.citation.sort = None;
    style.citation.disambiguate_add_givenname = false;
    style.citation.disambiguate_add_names = false;
    style.citation.disambiguate_add_year_suffix = false;
    if let Some(bib) = style.bibliography.as_mut() {
        bib.layout.elements = Vec::new();
        bib.subsequent_author_substitute = None;
    }
    style
}

/// Letters and digits of `text`, lower-cased, Latin diacritics dropped (the way a collator
/// compares at its first level, punctuation and blanks ignored).
fn collation_fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
            'ç' | 'č' | 'ć' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'š' => 's',
            'ž' => 'z',
            'ё' => 'е',
            c => c,
        };
        if plain.is_alphanumeric() {
            out.push(plain);
        }
    }
    out
}

/// The names of an entry as a sort string: family then given, name after name.
fn name_key(item: &Item, variable: &str) -> Option<String> {
    let Some(Value::Names(names)) = item.0.get(variable) else {
        return None;
    };
    let key: String = names
        .iter()
        .map(|n| match n {
            NameValue::Literal(l) => collation_fold(&l.literal),
            NameValue::Item(i) => {
                let particle = i.non_dropping_particle.as_deref().unwrap_or("");
                // A separator below every letter, as the comma in `Adams, Hans` sorts
                // before the `b` of `Adamsberg`.
                format!(
                    "{}{}\u{1}{}",
                    collation_fold(particle),
                    collation_fold(&i.family),
                    collation_fold(i.given.as_deref().unwrap_or(""))
                )
            }
        })
        .collect::<Vec<_>>()
        .join("\u{1}");
    (!key.is_empty()).then_some(key)
}

/// A cheap first guess at a style's order (names, year, title, id), so that the engine's
/// own sort, which compares by rendering, meets mostly sorted input: Rust's stable sort
/// then merges long sorted runs instead of partitioning. Returns the indices of `items`
/// in that order; the order of the output never depends on it.
pub fn presorted(items: &[(String, Item)]) -> Vec<usize> {
    let key = |item: &Item| {
        let title = item
            .0
            .get("title")
            .and_then(Value::to_str)
            .map(|t| collation_fold(&t))
            .unwrap_or_default();
        let head = ["author", "editor", "translator"]
            .iter()
            .find_map(|v| name_key(item, v))
            .unwrap_or_else(|| title.clone());
        let year = match item.0.get("issued") {
            Some(Value::Date(d)) => {
                let range: hayagriva::citationberg::json::VecDateRange = d.clone().into();
                range.0.first().and_then(|d| d.0.first().copied())
            }
            _ => None,
        };
        (head, year, title)
    };
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_cached_key(|&i| (key(&items[i].1), items[i].0.clone()));
    order
}
