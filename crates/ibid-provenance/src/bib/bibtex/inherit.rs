//! Field aliases and inheritance between `.bib` entries: `crossref` and `xdata` parents
//! give their fields to their children, renamed by biblatex's rules (a book's `title` is
//! an `@inbook` child's `booktitle`). Each entry is resolved once, without recursion.

use super::syntax::{RawEntry, RawField};
use std::collections::HashMap;

/// BibTeX field names and the biblatex names they stand for (biblatex manual, 2.2.5).
const ALIASES: &[(&str, &str)] = &[
    ("address", "location"),
    ("annote", "annotation"),
    ("archiveprefix", "eprinttype"),
    ("journal", "journaltitle"),
    ("key", "sortkey"),
    ("pdf", "file"),
    ("primaryclass", "eprintclass"),
    ("school", "institution"),
];

/// Rename BibTeX's aliases to biblatex's names; a field already given under its biblatex
/// name wins.
pub(crate) fn apply_aliases(entry: &mut RawEntry) {
    for (alias, name) in ALIASES {
        if !entry.has(alias) {
            continue;
        }
        let has_name = entry.has(name);
        if has_name {
            entry.fields.retain(|f| f.name != *alias);
        } else if let Some(f) = entry.fields.iter_mut().find(|f| f.name == *alias) {
            f.name = (*name).to_string();
        }
    }
}

/// Fields a child never inherits (biblatex manual, appendix B).
const NOT_INHERITED: &[&str] = &[
    "ids",
    "crossref",
    "xref",
    "xdata",
    "entryset",
    "entrysubtype",
    "execute",
    "label",
    "options",
    "presort",
    "related",
    "relatedoptions",
    "relatedstring",
    "relatedtype",
    "shorthand",
    "shorthandintro",
    "sortkey",
];

/// The name a parent's field takes in a child.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// Its own name.
    Same,
    /// Another name (`title` → `booktitle`).
    Named(&'static str),
}

/// The names a parent's field takes in a child, by the types of both (empty: not inherited).
fn targets(parent: &str, child: &str, field: &str) -> Vec<Target> {
    let book_children = ["inbook", "bookinbook", "suppbook"];
    if field == "author"
        && matches!(parent, "mvbook" | "book")
        && (book_children.contains(&child) || (parent == "mvbook" && child == "book"))
    {
        return vec![Target::Named("bookauthor"), Target::Named("author")];
    }
    let prefix = match (parent, child) {
        ("mvbook", c) if c == "book" || book_children.contains(&c) => "main",
        (
            "mvcollection" | "mvreference",
            "collection" | "reference" | "incollection" | "inreference" | "suppcollection",
        ) => "main",
        ("mvproceedings", "proceedings" | "inproceedings") => "main",
        ("book", c) if book_children.contains(&c) => "book",
        ("collection" | "reference", "incollection" | "inreference" | "suppcollection") => "book",
        ("proceedings", "inproceedings") => "book",
        ("periodical", "article" | "suppperiodical") => "journal",
        _ => return vec![Target::Same],
    };
    let renamed = match (prefix, field) {
        ("main", "title") => "maintitle",
        ("main", "subtitle") => "mainsubtitle",
        ("main", "titleaddon") => "maintitleaddon",
        ("book", "title") => "booktitle",
        ("book", "subtitle") => "booksubtitle",
        ("book", "titleaddon") => "booktitleaddon",
        ("journal", "title") => "journaltitle",
        ("journal", "subtitle") => "journalsubtitle",
        (_, "shorttitle" | "sorttitle" | "indextitle" | "indexsorttitle") => return Vec::new(),
        _ => return vec![Target::Same],
    };
    vec![Target::Named(renamed)]
}

/// The keys an entry inherits from: its `xdata` entries first, then its `crossref`.
fn parents(entry: &RawEntry) -> Vec<(String, bool)> {
    let mut keys: Vec<(String, bool)> = entry
        .get("xdata")
        .map(|x| {
            x.split(',')
                .map(|k| (k.trim().to_string(), true))
                .filter(|(k, _)| !k.is_empty())
                .collect()
        })
        .unwrap_or_default();
    if let Some(c) = entry.get("crossref") {
        let c = c.trim();
        if !c.is_empty() {
            keys.push((c.to_string(), false));
        }
    }
    keys
}

/// A problem with an inheritance link: the entry and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LinkError {
    pub entry: usize,
    pub message: String,
}

/// Give every entry the fields of its `xdata` and `crossref` parents, parents resolved
/// first. A missing parent or a cycle is reported and the link ignored.
pub(crate) fn resolve(entries: &mut [RawEntry]) -> Vec<LinkError> {
    let index: HashMap<String, usize> = entries
        .iter()
        .enumerate()
        .rev()
        .map(|(i, e)| (e.key.to_lowercase(), i))
        .collect();
    let mut errors = Vec::new();
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        Open,
        Done,
    }
    let mut state = vec![State::New; entries.len()];
    for root in 0..entries.len() {
        if state.get(root) != Some(&State::New) {
            continue;
        }
        // Depth-first with an explicit stack: (entry, its parents still to visit).
        let mut stack: Vec<(usize, Vec<(String, bool)>)> = Vec::new();
        if let Some(s) = state.get_mut(root) {
            *s = State::Open;
        }
        let to_visit = |e: Option<&RawEntry>| {
            let mut keys = e.map(parents).unwrap_or_default();
            keys.reverse();
            keys
        };
        stack.push((root, to_visit(entries.get(root))));
        while let Some((current, pending)) = stack.last_mut() {
            let current = *current;
            if let Some((key, _)) = pending.pop() {
                match index.get(&key.to_lowercase()).copied() {
                    Some(p) if state.get(p) == Some(&State::New) => {
                        if let Some(s) = state.get_mut(p) {
                            *s = State::Open;
                        }
                        stack.push((p, to_visit(entries.get(p))));
                        continue;
                    }
                    Some(p) if state.get(p) == Some(&State::Open) => {
                        errors.push(LinkError {
                            entry: current,
                            message: format!(
                                "`{key}` inherits from this entry in turn: the cycle is ignored"
                            ),
                        });
                        continue;
                    }
                    Some(_) => {}
                    None => {
                        errors.push(LinkError {
                            entry: current,
                            message: format!(
                                "crossref/xdata names `{key}`, which is not in this file"
                            ),
                        });
                        continue;
                    }
                }
                // The parent is done already.
                continue;
            }
            // Every parent of `current` is resolved: inherit, in order.
            let links = entries.get(current).map(parents).unwrap_or_default();
            for (key, is_xdata) in links {
                if let Some(&p) = index.get(&key.to_lowercase()) {
                    if state.get(p) == Some(&State::Done) && p != current {
                        inherit(entries, p, current, is_xdata);
                    }
                }
            }
            if let Some(s) = state.get_mut(current) {
                *s = State::Done;
            }
            stack.pop();
        }
    }
    errors
}

/// Copy the fields of `parent` that `child` lacks into `child`.
fn inherit(entries: &mut [RawEntry], parent: usize, child: usize, is_xdata: bool) {
    let (Some(p), Some(c)) = (entries.get(parent), entries.get(child)) else {
        return;
    };
    let mut added: Vec<RawField> = Vec::new();
    for field in &p.fields {
        if NOT_INHERITED.contains(&field.name.as_str()) {
            continue;
        }
        let names = if is_xdata {
            vec![Target::Same]
        } else {
            targets(&p.kind, &c.kind, &field.name)
        };
        for target in names {
            let name = match target {
                Target::Same => field.name.as_str(),
                Target::Named(name) => name,
            };
            if !c.has(name) && !added.iter().any(|f| f.name == name) {
                added.push(RawField {
                    name: name.to_string(),
                    value: field.value.clone(),
                    span: field.span,
                });
            }
        }
    }
    if let Some(c) = entries.get_mut(child) {
        c.fields.extend(added);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_parse::Span;

    fn entry(key: &str, kind: &str, fields: &[(&str, &str)]) -> RawEntry {
        RawEntry {
            key: key.into(),
            kind: kind.into(),
            span: Span::empty(0),
            fields: fields
                .iter()
                .map(|(n, v)| RawField {
                    name: (*n).into(),
                    value: (*v).into(),
                    span: Span::empty(0),
                })
                .collect(),
        }
    }

    #[test]
    fn children_inherit_renamed_fields_and_address() {
        let mut entries = vec![
            entry(
                "child",
                "incollection",
                &[("title", "Chapter"), ("crossref", "parent")],
            ),
            entry(
                "parent",
                "collection",
                &[
                    ("title", "Book"),
                    ("address", "London"),
                    ("shorttitle", "B"),
                    ("crossref", "grand"),
                ],
            ),
            entry(
                "grand",
                "mvcollection",
                &[("title", "Works"), ("publisher", "P")],
            ),
            entry("loop1", "book", &[("crossref", "loop2")]),
            entry("loop2", "book", &[("crossref", "loop1")]),
            entry("orphan", "book", &[("crossref", "missing")]),
        ];
        for e in &mut entries {
            apply_aliases(e);
        }
        let errors = resolve(&mut entries);
        let child = &entries[0];
        assert_eq!(child.get("title"), Some("Chapter"));
        assert_eq!(child.get("booktitle"), Some("Book"));
        assert_eq!(child.get("location"), Some("London"));
        assert_eq!(child.get("shorttitle"), None);
        assert_eq!(child.get("publisher"), Some("P"));
        assert_eq!(entries[1].get("maintitle"), Some("Works"));
        assert_eq!(errors.len(), 2, "{errors:?}");
    }

    #[test]
    fn a_long_chain_needs_no_recursion() {
        let n = 50_000;
        let mut entries: Vec<RawEntry> = (0..n)
            .map(|i| {
                let parent = format!("e{}", i + 1);
                entry(&format!("e{i}"), "misc", &[("crossref", parent.as_str())])
            })
            .collect();
        entries.push(entry(&format!("e{n}"), "misc", &[("note", "root")]));
        let errors = resolve(&mut entries);
        assert!(errors.is_empty());
        assert_eq!(entries[0].get("note"), Some("root"));
    }
}
