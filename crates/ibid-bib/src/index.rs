//! The index of cited locations: for each source, every place a document cites it, with
//! the locators cited, sorted numerically (`p. 612` before `p. 1200`, ranges by their
//! start), each with the document's path and the line of the citation.

use crate::bibliography::slug;
use crate::collect::Origin;
use crate::collection::{Collection, SourceRef};
use crate::natural::{locator_key, natural_key, LocatorKey};
use crate::output::{html_escape, markdown_escape};
use crate::sections::SectionTitles;
use serde::Serialize;
use serde_json::Value;

/// Whether a source is an archival file or a publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// An archival file.
    Archival,
    /// A published source (a bibliography entry, or one built from the text).
    Published,
}

/// One place a source is cited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// The pinpoint as written (`doc. 652, p. 612`), if any.
    pub locator: Option<String>,
    /// The document.
    pub document: String,
    /// The file the citation is written in (the document, or its sidecar).
    pub file: String,
    /// Line of the citation, from 1.
    pub line: usize,
    /// Column of the citation, from 1.
    pub column: usize,
    /// Where in the document the citation is.
    pub origin: Origin,
    #[serde(skip)]
    key: LocatorKey,
}

/// One source and every place it is cited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndexedSource {
    /// The entry's id, or the archival file's anchor.
    pub id: String,
    /// Archival or published.
    pub kind: SourceKind,
    /// How the source is named in the index.
    pub label: String,
    /// The places, in numeric order of their locators.
    pub places: Vec<Place>,
}

/// The index of cited locations of a collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Index {
    /// The sources: archival files first (as the bibliography lists them), then published
    /// sources by label.
    pub sources: Vec<IndexedSource>,
}

/// A short label of a published source from its CSL data: `Family, Title (year)`.
fn label(csl: &serde_json::Map<String, Value>, id: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let name = ["author", "editor"].iter().find_map(|v| {
        let n = csl.get(*v)?.as_array()?.first()?;
        n.get("family")
            .or_else(|| n.get("literal"))
            .and_then(Value::as_str)
            .map(str::to_string)
    });
    parts.extend(name);
    if let Some(title) = csl.get("title").and_then(Value::as_str) {
        parts.push(title.to_string());
    }
    let mut out = if parts.is_empty() {
        id.to_string()
    } else {
        parts.join(", ")
    };
    if let Some(year) = crate::item::issued_year(csl) {
        out.push_str(&format!(" ({year})"));
    }
    out
}

/// The index of `collection`.
pub fn index(collection: &Collection) -> Index {
    let archival_count: Vec<usize> = collection
        .repositories
        .iter()
        .map(|r| r.files.len())
        .collect();
    let archival_offset: Vec<usize> = archival_count
        .iter()
        .scan(0, |sum, n| {
            let at = *sum;
            *sum += n;
            Some(at)
        })
        .collect();
    let archival_total: usize = archival_count.iter().sum();
    let mut sources: Vec<IndexedSource> = Vec::with_capacity(archival_total);
    for r in &collection.repositories {
        for f in &r.files {
            let text = f.display(&r.name, r.convention);
            sources.push(IndexedSource {
                id: format!("archive-{}", slug(&text)),
                kind: SourceKind::Archival,
                label: text,
                places: Vec::new(),
            });
        }
    }
    for s in &collection.sources {
        sources.push(IndexedSource {
            id: s.id.clone(),
            kind: SourceKind::Published,
            label: label(&s.csl, &s.id),
            places: Vec::new(),
        });
    }
    for link in &collection.links {
        let slot = match link.source {
            SourceRef::Archival { repository, file } => archival_offset[repository] + file,
            SourceRef::Published(s) => archival_total + s,
        };
        let doc = &collection.documents[link.document];
        let citation = &doc.citations[link.citation];
        sources[slot].places.push(Place {
            key: locator_key(link.pinpoint.as_deref().unwrap_or("")),
            locator: link.pinpoint.clone(),
            document: doc.path.display().to_string(),
            file: citation.file.display().to_string(),
            line: citation.line,
            column: citation.column,
            origin: citation.origin,
        });
    }
    for s in &mut sources {
        s.places.sort_by(|a, b| {
            a.key
                .cmp(&b.key)
                .then_with(|| a.document.cmp(&b.document))
                .then(a.line.cmp(&b.line))
                .then(a.column.cmp(&b.column))
        });
    }
    // Published sources by label; uncited ones (`--all`) have no place and are left out.
    let published = sources.split_off(archival_total);
    let mut published: Vec<IndexedSource> = published
        .into_iter()
        .filter(|s| !s.places.is_empty())
        .collect();
    published.sort_by_cached_key(|s| (natural_key(&crate::archive::fold(&s.label)), s.id.clone()));
    sources.retain(|s| !s.places.is_empty());
    sources.extend(published);
    Index { sources }
}

/// `path:line` of a place.
fn place_ref(p: &Place) -> String {
    format!("{}:{}", p.file, p.line)
}

/// The index as plain text.
pub fn index_text(index: &Index, titles: &SectionTitles) -> String {
    let mut out = format!("{}\n", titles.index);
    for s in &index.sources {
        out.push('\n');
        out.push_str(&s.label);
        out.push('\n');
        let width = s
            .places
            .iter()
            .map(|p| p.locator.as_deref().unwrap_or("—").chars().count())
            .max()
            .unwrap_or(0);
        for p in &s.places {
            let locator = p.locator.as_deref().unwrap_or("—");
            let pad = width - locator.chars().count();
            out.push_str(&format!(
                "  {locator}{}  {}\n",
                " ".repeat(pad),
                place_ref(p)
            ));
        }
    }
    out
}

/// The index as Markdown: a heading per source, a list of places.
pub fn index_markdown(index: &Index, titles: &SectionTitles) -> String {
    let mut out = format!("## {}\n", titles.index);
    for s in &index.sources {
        out.push_str(&format!("\n### {}\n\n", markdown_escape(&s.label)));
        for p in &s.places {
            let locator = p.locator.as_deref().unwrap_or("—");
            out.push_str(&format!(
                "- {} — [{}](<{}>), line {}\n",
                markdown_escape(locator),
                markdown_escape(&p.document),
                p.file,
                p.line
            ));
        }
    }
    out
}

/// The index as a standalone HTML page: each document a link to its file.
pub fn index_html(index: &Index, titles: &SectionTitles, language: &str) -> String {
    let mut out = crate::output::html::page_start(titles.index, language);
    out.push_str(&format!("<h1>{}</h1>\n", html_escape(titles.index)));
    for s in &index.sources {
        out.push_str(&format!(
            "<section id=\"index-{}\">\n<h2>{}</h2>\n<ul>\n",
            html_escape(&s.id),
            html_escape(&s.label)
        ));
        for p in &s.places {
            let locator = p.locator.as_deref().unwrap_or("—");
            out.push_str(&format!(
                "<li>{} — <a href=\"{}\">{}</a>, line {}</li>\n",
                html_escape(locator),
                html_escape(&p.file),
                html_escape(&p.document),
                p.line
            ));
        }
        out.push_str("</ul>\n</section>\n");
    }
    out.push_str(crate::output::html::PAGE_END);
    out
}

/// The index as JSON (pretty-printed, with a final newline).
pub fn index_json(index: &Index) -> String {
    let mut out = serde_json::to_string_pretty(index).unwrap_or_default();
    out.push('\n');
    out
}
