//! Resolving what the documents cite into sources: bibliography entries by key or by the
//! matching `show` does, written-out cites clustered as S004 does (one entry per work),
//! and archival files grouped by repository. Every citation keeps a link to its source.

use crate::archive::{fold, read_archival, ArchivalFile, Convention};
use crate::collect::{Cited, DocumentCitations};
use crate::ids::item_id;
use ibid_provenance::works::cluster_works;
use ibid_provenance::Bibliography;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// Where a published source's data comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum SourceData {
    /// An entry of the corpus bibliography.
    Bibliography {
        /// The file it is defined in.
        file: PathBuf,
        /// Its line there.
        line: usize,
    },
    /// Built from a `cite` written in documents (no bibliography entry matched): every
    /// way it was written, the most common first.
    Text {
        /// The forms, most common first.
        forms: Vec<String>,
    },
}

/// A published source: one entry of the bibliography to render.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedSource {
    /// Its id: the bibliography key, or one made from author, year and title.
    pub id: String,
    /// The entry as a CSL-JSON object (its `id` included).
    pub csl: Map<String, Value>,
    /// Where the data comes from.
    pub data: SourceData,
    /// Whether any document cites it (`--all` adds entries nobody cites).
    pub cited: bool,
}

/// A repository and the files of it that are cited, sorted numerically.
#[derive(Debug, Clone, PartialEq)]
pub struct Repository {
    /// The repository as most often written.
    pub name: String,
    /// How its references are written.
    pub convention: Convention,
    /// Its files, in numeric order (fond, inventory, file).
    pub files: Vec<ArchivalFile>,
}

/// What a citation resolved to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceRef {
    /// A published source (index into [`Collection::sources`]).
    Published(usize),
    /// An archival file (indices into [`Collection::repositories`] and its files).
    Archival {
        /// The repository.
        repository: usize,
        /// The file within it.
        file: usize,
    },
}

/// A citation resolved: which document, which of its citations, and what it names.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The document (index into [`Collection::documents`]).
    pub document: usize,
    /// The citation (index into that document's citations).
    pub citation: usize,
    /// The source it names.
    pub source: SourceRef,
    /// The pinpoint inside the source, as written.
    pub pinpoint: Option<String>,
}

/// Why a citation deserves a word on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// A `cite` no bibliography entry matches: the entry is built from the text.
    FromText,
    /// A key that names no bibliography entry: it cannot be listed.
    UnknownKey,
}

/// A citation that was not resolved through the bibliography.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// What happened.
    pub kind: NoticeKind,
    /// The document (index into [`Collection::documents`]).
    pub document: usize,
    /// The citation (index into that document's citations).
    pub citation: usize,
    /// What to say.
    pub message: String,
}

/// Everything the documents cite, resolved.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Collection {
    /// The documents and their citations, in the order given.
    pub documents: Vec<DocumentCitations>,
    /// The published sources, cited ones first in order of first citation.
    pub sources: Vec<PublishedSource>,
    /// The archival sources, by repository, sorted.
    pub repositories: Vec<Repository>,
    /// Every resolved citation.
    pub links: Vec<Link>,
    /// Citations resolved from the text or not at all.
    pub notices: Vec<Notice>,
}

/// How to build a collection.
#[derive(Debug, Clone, Copy, Default)]
pub struct CollectOptions {
    /// Add the bibliography entries no document cites.
    pub all: bool,
}

/// A written-out cite waiting to be clustered with the other ways of writing its work.
struct Written {
    document: usize,
    citation: usize,
    work: String,
    cite: String,
    item: Map<String, Value>,
}

/// An archival reference waiting for its repository to be grouped.
struct ArchivalUse {
    /// The document and citation that cite it; `None` for an uncited entry under `--all`.
    cited: Option<(usize, usize)>,
    file: ArchivalFile,
    pinpoint: Option<String>,
}

/// Resolve the citations of `documents` against `bib`.
pub fn resolve(
    documents: Vec<DocumentCitations>,
    bib: &Bibliography,
    options: CollectOptions,
) -> Collection {
    let mut out = Collection {
        documents,
        ..Collection::default()
    };
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut written = Vec::new();
    let mut archival = Vec::new();
    for (d, doc) in out.documents.iter().enumerate() {
        for (c, citation) in doc.citations.iter().enumerate() {
            match &citation.cited {
                Cited::Key { key } => match bib.get(key) {
                    Some(_) if is_archival_entry(bib, key) => {
                        if let Some(file) = archival_entry(bib, key) {
                            archival.push(ArchivalUse {
                                cited: Some((d, c)),
                                file,
                                pinpoint: citation.locator.clone(),
                            });
                        }
                    }
                    Some(_) => {
                        let s = keyed_source(&mut out.sources, &mut by_key, bib, key);
                        out.links.push(Link {
                            document: d,
                            citation: c,
                            source: SourceRef::Published(s),
                            pinpoint: citation.locator.clone(),
                        });
                    }
                    None => out.notices.push(Notice {
                        kind: NoticeKind::UnknownKey,
                        document: d,
                        citation: c,
                        message: format!("`{key}` is not a key of the corpus bibliography"),
                    }),
                },
                Cited::Text {
                    matched: Some(key), ..
                } if bib.get(key).is_some() => {
                    let s = keyed_source(&mut out.sources, &mut by_key, bib, key);
                    out.links.push(Link {
                        document: d,
                        citation: c,
                        source: SourceRef::Published(s),
                        pinpoint: citation.locator.clone(),
                    });
                }
                Cited::Text {
                    cite, work, item, ..
                } => {
                    let item = item.clone();
                    written.push(Written {
                        document: d,
                        citation: c,
                        work: work.clone(),
                        cite: cite.clone(),
                        item,
                    });
                }
                Cited::Archive { text } => {
                    let (file, pinpoint) = match read_archival(text) {
                        Some(a) => (a.file, a.pinpoint),
                        // Not read as an archival reference: kept whole, as written.
                        None => (
                            ArchivalFile {
                                repository: text.clone(),
                                levels: Vec::new(),
                                call_number: None,
                            },
                            None,
                        ),
                    };
                    archival.push(ArchivalUse {
                        cited: Some((d, c)),
                        file,
                        pinpoint,
                    });
                }
            }
        }
    }
    add_written(&mut out, written);
    if options.all {
        // Archival entries nobody cites are listed under their repository all the same.
        let place = |f: &ArchivalFile| (fold(&f.repository), f.address_key());
        let cited_files: HashSet<_> = archival.iter().map(|u| place(&u.file)).collect();
        for entry in &bib.entries {
            if is_archival_entry(bib, &entry.key) {
                if let Some(file) = archival_entry(bib, &entry.key) {
                    if !cited_files.contains(&place(&file)) {
                        archival.push(ArchivalUse {
                            cited: None,
                            file,
                            pinpoint: None,
                        });
                    }
                }
            }
        }
    }
    add_archival(&mut out, archival);
    if options.all {
        for entry in &bib.entries {
            if !by_key.contains_key(&entry.key) && !is_archival_entry(bib, &entry.key) {
                let s = keyed_source(&mut out.sources, &mut by_key, bib, &entry.key);
                out.sources[s].cited = false;
            }
        }
    }
    out
}

/// The index of the source for bibliography entry `key`, added on first use.
fn keyed_source(
    sources: &mut Vec<PublishedSource>,
    by_key: &mut HashMap<String, usize>,
    bib: &Bibliography,
    key: &str,
) -> usize {
    if let Some(&i) = by_key.get(key) {
        return i;
    }
    let (csl, data) = match bib.get(key) {
        Some(entry) => (
            match entry.to_csl_json() {
                Value::Object(o) => o,
                _ => Map::new(),
            },
            SourceData::Bibliography {
                file: entry.file.clone(),
                line: entry.position.line,
            },
        ),
        None => (Map::new(), SourceData::Text { forms: Vec::new() }),
    };
    sources.push(PublishedSource {
        id: key.to_string(),
        csl,
        data,
        cited: true,
    });
    by_key.insert(key.to_string(), sources.len() - 1);
    sources.len() - 1
}

/// Whether bibliography entry `key` describes an archival unit rather than a publication:
/// an archive and a place in it, and neither container nor publisher.
fn is_archival_entry(bib: &Bibliography, key: &str) -> bool {
    bib.get(key).is_some_and(|e| {
        let item = &e.item;
        item.archive.is_some()
            && item.archive_location.is_some()
            && item.container_title.is_none()
            && item.publisher.is_none()
            && item.title.is_none()
    })
}

/// The archival file an archival bibliography entry describes.
fn archival_entry(bib: &Bibliography, key: &str) -> Option<ArchivalFile> {
    let item = &bib.get(key)?.item;
    let text = format!(
        "{}, {}",
        item.archive.as_deref().unwrap_or_default(),
        item.archive_location.as_deref().unwrap_or_default()
    );
    read_archival(&text).map(|a| a.file)
}

/// Cluster the written-out cites (S004's clustering: one work written several ways is one
/// source) and add one source per cluster, built from its most common form.
fn add_written(out: &mut Collection, written: Vec<Written>) {
    if written.is_empty() {
        return;
    }
    let clusters = cluster_works(
        written
            .iter()
            .enumerate()
            .map(|(i, w)| (i, w.work.as_str())),
    );
    // The members of each cluster, in the order written.
    let mut members: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut cluster_slot: HashMap<usize, usize> = HashMap::new();
    for i in 0..written.len() {
        let cluster = clusters.cluster_of_doc(i).unwrap_or(usize::MAX - i);
        let slot = *cluster_slot.entry(cluster).or_insert_with(|| {
            members.push((cluster, Vec::new()));
            members.len() - 1
        });
        members[slot].1.push(i);
    }
    let mut taken: HashMap<String, usize> = out.sources.iter().map(|s| (s.id.clone(), 1)).collect();
    for (_, group) in members {
        // Forms by how often they are written; on a tie, the first written.
        let mut counts: Vec<(String, usize, usize)> = Vec::new();
        for &i in &group {
            let work = &written[i].work;
            match counts.iter_mut().find(|(w, _, _)| w == work) {
                Some(c) => c.1 += 1,
                None => counts.push((work.clone(), 1, i)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        let model = counts.first().map_or(group[0], |c| c.2);
        let mut csl = written[model].item.clone();
        let id = unique(item_id(&csl), &mut taken);
        csl.insert("id".to_string(), Value::String(id.clone()));
        let forms = counts
            .iter()
            .map(|(_, _, i)| written[*i].cite.clone())
            .collect();
        out.sources.push(PublishedSource {
            id: id.clone(),
            csl,
            data: SourceData::Text { forms },
            cited: true,
        });
        let s = out.sources.len() - 1;
        for &i in &group {
            let w = &written[i];
            let pinpoint = out.documents[w.document].citations[w.citation]
                .locator
                .clone();
            out.links.push(Link {
                document: w.document,
                citation: w.citation,
                source: SourceRef::Published(s),
                pinpoint,
            });
            out.notices.push(Notice {
                kind: NoticeKind::FromText,
                document: w.document,
                citation: w.citation,
                message: format!(
                    "`{}` is listed from the text, not the bibliography (as `{id}`)",
                    w.cite
                ),
            });
        }
    }
}

/// `id`, or `id-2`, `id-3`, ... when taken.
fn unique(id: String, taken: &mut HashMap<String, usize>) -> String {
    let count = taken.entry(id.clone()).or_insert(0);
    *count += 1;
    if *count == 1 {
        return id;
    }
    let mut n = *count;
    loop {
        let candidate = format!("{id}-{n}");
        if !taken.contains_key(&candidate) {
            taken.insert(candidate.clone(), 1);
            return candidate;
        }
        n += 1;
    }
}

/// Group the archival files by repository (one repository written in two scripts is one),
/// merge files cited more than once, sort them numerically, and link the citations.
fn add_archival(out: &mut Collection, uses: Vec<ArchivalUse>) {
    // Repositories by their folded name, with every written form and its count.
    let mut repo_of: HashMap<String, usize> = HashMap::new();
    let mut forms: Vec<Vec<(String, usize)>> = Vec::new();
    let mut files: Vec<Vec<ArchivalFile>> = Vec::new();
    let mut file_of: HashMap<(usize, Vec<(ibid_parse::LocatorLabel, String)>), usize> =
        HashMap::new();
    let mut placed: Vec<(usize, usize)> = Vec::with_capacity(uses.len());
    for u in &uses {
        let folded = fold(&u.file.repository);
        let r = *repo_of.entry(folded).or_insert_with(|| {
            forms.push(Vec::new());
            files.push(Vec::new());
            forms.len() - 1
        });
        match forms[r].iter_mut().find(|(f, _)| *f == u.file.repository) {
            Some(f) => f.1 += 1,
            None => forms[r].push((u.file.repository.clone(), 1)),
        }
        let f = *file_of.entry((r, u.file.address_key())).or_insert_with(|| {
            files[r].push(u.file.clone());
            files[r].len() - 1
        });
        placed.push((r, f));
    }
    // Sort files numerically inside each repository, and repositories by name.
    let mut file_order: Vec<Vec<usize>> = Vec::with_capacity(files.len());
    for list in &files {
        let mut order: Vec<usize> = (0..list.len()).collect();
        order.sort_by_cached_key(|&i| list[i].sort_key());
        file_order.push(order);
    }
    let names: Vec<String> = forms
        .iter()
        .map(|f| {
            f.iter()
                .enumerate()
                .max_by(|(ia, a), (ib, b)| a.1.cmp(&b.1).then(ib.cmp(ia)))
                .map(|(_, (name, _))| name.clone())
                .unwrap_or_default()
        })
        .collect();
    let mut repo_order: Vec<usize> = (0..forms.len()).collect();
    repo_order.sort_by_cached_key(|&r| (crate::natural::natural_key(&fold(&names[r])), r));
    let mut new_repo = vec![0; forms.len()];
    for (new, &old) in repo_order.iter().enumerate() {
        new_repo[old] = new;
    }
    let mut new_file: Vec<Vec<usize>> = file_order
        .iter()
        .map(|order| vec![0; order.len()])
        .collect();
    for (r, order) in file_order.iter().enumerate() {
        for (new, &old) in order.iter().enumerate() {
            new_file[r][old] = new;
        }
    }
    for &r in &repo_order {
        let name = names[r].clone();
        out.repositories.push(Repository {
            convention: Convention::of(&name),
            name,
            files: file_order[r].iter().map(|&i| files[r][i].clone()).collect(),
        });
    }
    for (u, (r, f)) in uses.into_iter().zip(placed) {
        let Some((document, citation)) = u.cited else {
            continue;
        };
        out.links.push(Link {
            document,
            citation,
            source: SourceRef::Archival {
                repository: new_repo[r],
                file: new_file[r][f],
            },
            pinpoint: u.pinpoint,
        });
    }
}

/// What the documents of a plan cite, resolved, and every error met loading them.
#[derive(Debug, Clone, Default)]
pub struct Collected {
    /// The resolved citations and sources.
    pub collection: Collection,
    /// Errors in bibliography entries, then in documents (in plan order).
    pub errors: Vec<ibid_provenance::LoadError>,
}

/// Load the bibliographies and documents of `plan` (through the corpus loader, documents in
/// parallel) and resolve what they cite. A bibliography file that cannot be read is a
/// [`ibid_corpus::CorpusError`]; entries from several corpora are merged, the first
/// corpus's entry kept when two share a key.
pub fn collect_corpus(
    plan: &ibid_corpus::Plan,
    options: CollectOptions,
) -> Result<Collected, ibid_corpus::CorpusError> {
    let merged = plan.load_merged_bibliographies()?;
    let (documents, load_errors) = crate::collect::collect_plan(plan, &merged.bibliographies);
    let bibliography = merged.across_corpora();
    let mut errors = merged.errors;
    errors.extend(load_errors);
    Ok(Collected {
        collection: resolve(documents, &bibliography, options),
        errors,
    })
}
