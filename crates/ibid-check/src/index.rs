//! The corpus index: small facts each document contributes (its source as written, its
//! pinpoint numbers, the keys it cites), gathered in the same pass as the document rules.
//! Corpus rules (S002–S006) run on it without reading any file again.

use crate::codes::Rule;
use crate::diagnostic::{clamp_range, Diagnostic, Snippet, TextRange};
use ibid_fmt::{CiteSite, Style};
use ibid_parse::{Locator, LocatorLabel};
use ibid_provenance::works::{cluster_works, Clusters, EntryIndex, WorkIdentity};
use ibid_provenance::Document;
use ibid_provenance::{LineCol, LineIndex};
use serde::{Deserialize, Serialize};

/// A place in a document's file (or its sidecar), resolved to rows and columns.
///
/// Anchors keep neither the path (the document's entry has it) nor any source text (there
/// is one or more per document, and they are cached): the lines of the few that become
/// diagnostics are read back when the run ends.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Anchor {
    /// Whether the place is in the document's sidecar rather than the document file.
    pub in_sidecar: bool,
    /// The bytes.
    pub range: TextRange,
    /// Where they start.
    pub start: LineCol,
    /// Where they end.
    pub end: LineCol,
}

impl Anchor {
    /// An anchor at `range` of `text`.
    pub fn new(text: &str, index: &LineIndex, range: TextRange, in_sidecar: bool) -> Self {
        let range = clamp_range(range, text);
        Anchor {
            in_sidecar,
            range,
            start: index.line_col(range.start, text),
            end: index.line_col(range.end, text),
        }
    }

    /// A diagnostic of `rule` at this place of the file `path` (its snippet is filled in
    /// later).
    pub fn diagnostic(
        &self,
        path: &str,
        rule: Rule,
        message: String,
        help: Option<String>,
    ) -> Diagnostic {
        let mut diagnostic =
            Diagnostic::located(rule, path, self.range, self.start, self.end, message);
        diagnostic.help = help;
        diagnostic
    }
}

/// Give the corpus rules' diagnostics that have none the source lines they point at (and
/// their fixes' edits their lines and columns), reading each file once; `read` returns a
/// file's text by its displayed path.
pub fn fill_snippets(diagnostics: &mut [Diagnostic], read: &dyn Fn(&str) -> Option<String>) {
    let mut wanted: Vec<usize> = (0..diagnostics.len())
        .filter(|&i| {
            diagnostics[i].snippet.is_none() && diagnostics[i].rule.scope() == crate::Scope::Corpus
        })
        .collect();
    wanted.sort_by(|&a, &b| diagnostics[a].path.cmp(&diagnostics[b].path));
    let mut current: Option<(String, Option<(String, LineIndex)>)> = None;
    for i in wanted {
        let path = diagnostics[i].path.clone();
        if current.as_ref().map(|(p, _)| p) != Some(&path) {
            let loaded = read(&path).map(|text| {
                let index = LineIndex::new(&text);
                (text, index)
            });
            current = Some((path, loaded));
        }
        if let Some((_, Some((text, index)))) = &current {
            let d = &mut diagnostics[i];
            if d.range.end <= text.len() {
                d.snippet = Some(Snippet::around(d.range, text, index));
            }
            // A corpus rule's fix (F008) is placed in the file now, like its snippet.
            for edit in d.fix.iter_mut().flat_map(|f| f.edits.iter_mut()) {
                if edit.range.end <= text.len() {
                    edit.start = index.line_col(edit.range.start, text);
                    edit.end = index.line_col(edit.range.end, text);
                }
            }
        }
    }
}

/// A number of a pinpoint locator: its first and last values and how it is written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Number {
    /// The first value.
    pub first: u32,
    /// The last value (the first, for a single number).
    pub last: u32,
    /// The locator as written (`p. 612`).
    pub written: String,
}

impl Number {
    /// Whether the two ranges share a value.
    pub fn overlaps(&self, other: &Number) -> bool {
        self.first <= other.last && other.first <= self.last
    }
}

/// What a document says about its source.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SourceFact {
    /// The work as written in `cite`, without the pinpoint locators.
    pub work: Option<String>,
    /// Where `work` is.
    pub work_anchor: Option<Anchor>,
    /// The bibliography key, when the source is given by `key`.
    pub key: Option<String>,
    /// The volume of the pinpoint, when given as a locator (it is part of the source).
    pub volume: Option<String>,
    /// The document number within the source.
    pub document: Option<Number>,
    /// The page(s).
    pub page: Option<Number>,
    /// Where the pinpoint locators are.
    pub pinpoint_anchor: Option<Anchor>,
    /// What the `cite` says about the work, for matching it to a bibliography entry.
    /// (This and `site` are boxed: only `unify-sources` fills them, and every document's
    /// facts are held until the corpus rules run.)
    pub identity: Option<Box<WorkIdentity>>,
    /// The `cite` entry as `unify-sources` rewrites it (F008).
    pub site: Option<Box<CiteSite>>,
}

/// A citation key used by a document (`[source] key` or a pandoc `@key`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct KeyUse {
    /// The key.
    pub key: String,
    /// Where it is written.
    pub anchor: Anchor,
}

/// Everything a document contributes to the corpus index.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct DocFacts {
    /// Its source, when it has one.
    pub source: Option<Box<SourceFact>>,
    /// The displayed path of its sidecar, when its front matter lives there.
    pub sidecar: Option<String>,
    /// The keys it cites.
    pub keys: Vec<KeyUse>,
}

/// A view of one file for making anchors.
pub struct FileView<'a> {
    /// The path as displayed.
    pub path: &'a str,
    /// The text.
    pub text: &'a str,
    /// Its lines.
    pub index: &'a LineIndex,
    /// Whether this is the document's sidecar.
    pub sidecar: bool,
}

impl FileView<'_> {
    fn anchor(&self, range: TextRange) -> Anchor {
        Anchor::new(self.text, self.index, range, self.sidecar)
    }
}

/// The first locator with `label`, as a [`Number`].
fn number(locators: &[Locator], label: LocatorLabel, text: &str) -> Option<Number> {
    let locator = locators.iter().find(|l| l.label == label)?;
    let range = locator.ranges.first()?;
    let first = range.first.value?;
    let last = range.last_value().unwrap_or(first);
    Some(Number {
        first,
        last: last.max(first),
        written: locator.span.slice(text).to_owned(),
    })
}

/// Gather the facts of `doc`. `meta` is the file its front matter is in, `file` the
/// document file (for the body's citations). `unify_sources`: whether its corpus's style
/// asks for it (only then is the `cite` kept as a [`CiteSite`] for F008).
pub fn doc_facts(
    doc: &Document,
    meta: &FileView<'_>,
    file: &FileView<'_>,
    unify_sources: bool,
) -> DocFacts {
    let mut facts = DocFacts {
        sidecar: meta.sidecar.then(|| meta.path.to_owned()),
        ..DocFacts::default()
    };
    if let Some(source) = &doc.source {
        let mut fact = SourceFact {
            work: None,
            work_anchor: None,
            key: source.key.as_ref().map(|k| k.text.trim().to_owned()),
            volume: None,
            document: None,
            page: None,
            pinpoint_anchor: None,
            identity: unify_sources
                .then(|| WorkIdentity::of(source).map(Box::new))
                .flatten(),
            site: unify_sources
                .then(|| CiteSite::of(doc).map(Box::new))
                .flatten(),
        };
        if let Some(key) = &source.key {
            if !key.text.trim().is_empty() {
                facts.keys.push(KeyUse {
                    key: key.text.trim().to_owned(),
                    anchor: meta.anchor(key.span.into()),
                });
            }
        }
        if let (Some(cite), Some(span)) = (&source.cite, source.cited_work()) {
            fact.work = Some(span.slice(&cite.text).to_owned());
            fact.work_anchor = Some(meta.anchor(cite.file_span(span).into()));
        }
        if let Some((locators, text)) = source.pinpoint() {
            fact.volume = number(locators, LocatorLabel::Volume, &text.text).map(|n| n.written);
            fact.document = number(locators, LocatorLabel::Document, &text.text);
            fact.page = number(locators, LocatorLabel::Page, &text.text);
            let start = locators.iter().map(|l| l.span.start).min();
            let end = locators.iter().map(|l| l.span.end).max();
            if let (Some(start), Some(end)) = (start, end) {
                let span = text.file_span(ibid_parse::Span::new(start, end));
                fact.pinpoint_anchor = Some(meta.anchor(span.into()));
            }
        }
        facts.source = Some(Box::new(fact));
    }
    let body = doc.body_text();
    for citation in &doc.body.citations {
        for item in &citation.items {
            let key = item.key.slice(body);
            if key.is_empty() {
                continue;
            }
            let span = doc.body.file_span(item.key);
            facts.keys.push(KeyUse {
                key: key.to_owned(),
                anchor: file.anchor(span.into()),
            });
        }
    }
    facts
}

/// One document's facts as the corpus rules see them.
#[derive(Debug, Clone, Copy)]
pub struct DocEntry<'a> {
    /// The document's path, as displayed.
    pub path: &'a str,
    /// Which corpus configuration it belongs to (an index into [`CorpusIndex::corpora`]).
    pub corpus: usize,
    /// Its facts.
    pub facts: &'a DocFacts,
}

impl DocEntry<'_> {
    /// The displayed path of the file `anchor` is in.
    pub fn file(&self, anchor: &Anchor) -> &str {
        match (&self.facts.sidecar, anchor.in_sidecar) {
            (Some(sidecar), true) => sidecar,
            _ => self.path,
        }
    }

    /// A diagnostic of `rule` at `anchor`, in the right file.
    pub fn diagnostic(
        &self,
        anchor: &Anchor,
        rule: Rule,
        message: String,
        help: Option<String>,
    ) -> Diagnostic {
        anchor.diagnostic(self.file(anchor), rule, message, help)
    }
}

/// One bibliography entry as the corpus rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BibKey {
    /// The key.
    pub key: String,
    /// The bibliography file, as displayed.
    pub path: String,
    /// Where the entry is in it.
    pub anchor: Anchor,
}

impl BibKey {
    /// A diagnostic of `rule` at this entry.
    pub fn diagnostic(&self, rule: Rule, message: String, help: Option<String>) -> Diagnostic {
        self.anchor.diagnostic(&self.path, rule, message, help)
    }
}

/// The bibliography of one corpus configuration.
#[derive(Debug, Clone, Default)]
pub struct CorpusBib {
    /// Whether the configuration names any bibliography file.
    pub configured: bool,
    /// Every entry, in file order (duplicates included).
    pub entries: Vec<BibKey>,
    /// Whether the run covered the whole corpus folder (so "never cited" can be told).
    pub complete: bool,
    /// The entries by first author, for matching a `cite` to its entry (F008).
    pub entries_by_author: EntryIndex,
    /// The corpus's style (F008 reads `unify-sources`).
    pub style: Style,
}

/// Everything the corpus rules look at.
#[derive(Debug, Default)]
pub struct CorpusIndex<'a> {
    /// The documents, sorted by path.
    pub docs: Vec<DocEntry<'a>>,
    /// The bibliography of each corpus configuration.
    pub corpora: Vec<CorpusBib>,
    clusters: std::sync::OnceLock<Clusters>,
}

impl<'a> CorpusIndex<'a> {
    /// An index of `docs` (sorted by path) and the corpora's bibliographies.
    pub fn new(docs: Vec<DocEntry<'a>>, corpora: Vec<CorpusBib>) -> Self {
        CorpusIndex {
            docs,
            corpora,
            clusters: std::sync::OnceLock::new(),
        }
    }

    /// The written sources grouped by the work they name, computed once, on first use
    /// (document numbers are indices into [`CorpusIndex::docs`]). Documents keyed to the
    /// bibliography are left out: the key names the source.
    pub fn clusters(&self) -> &Clusters {
        self.clusters.get_or_init(|| {
            cluster_works(self.docs.iter().enumerate().filter_map(|(i, doc)| {
                let source = doc.facts.source.as_ref()?;
                match &source.key {
                    Some(_) => None,
                    None => Some((i, source.work.as_deref()?)),
                }
            }))
        })
    }
}
