//! Collecting what one document cites: `[source]` (key, cite, archive), pandoc `@key`
//! citations in the body, and citations inside notes and annotations, each with its place.

use ibid_parse::csl::reference_to_csl;
use ibid_parse::{scan_citations, Locator, Reference, Span};
use ibid_provenance::{Bibliography, Document, SourceFile, Text};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Where in a document a citation is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// `[source] key` with its `locator`.
    SourceKey,
    /// `[source] cite`, a free-text reference to the edition.
    SourceCite,
    /// `[source] archive`, or a `cite` that is an archival reference: the original.
    SourceArchive,
    /// A pandoc citation in the body.
    Body,
    /// A pandoc citation in the text of a `[[notes]]` entry.
    Note,
    /// A pandoc citation in the text of an `[[annotations]]` entry.
    Annotation,
}

/// What a citation names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Cited {
    /// A bibliography entry by its key.
    Key {
        /// The key.
        key: String,
    },
    /// A `cite` written out: matched to a bibliography entry when one fits, else the
    /// parser's item stands for it.
    Text {
        /// The cite as written.
        cite: String,
        /// The work without its pinpoint locators (what S004 compares).
        work: String,
        /// The CSL-JSON item the parser built, without the pinpoint.
        item: serde_json::Map<String, serde_json::Value>,
        /// The bibliography entry `cite` matches (first author and title), if exactly one.
        matched: Option<String>,
    },
    /// An archival original as written (`RGASPI, f. 2, op. 1, d. 17663, l. 1`).
    Archive {
        /// The reference as written.
        text: String,
    },
}

/// One citation in a document, with the place it is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    /// What it cites.
    pub cited: Cited,
    /// The pinpoint as written (`doc. 652, p. 612`), if any.
    pub locator: Option<String>,
    /// Where it is written.
    pub origin: Origin,
    /// The file it is written in (the sidecar for a sidecar's `[source]`).
    pub file: PathBuf,
    /// Line of the citation, from 1.
    pub line: usize,
    /// Column of the citation, from 1.
    pub column: usize,
}

/// Every citation of one document, in the order written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentCitations {
    /// The document file.
    pub path: PathBuf,
    /// Its title, if it has one.
    pub title: Option<String>,
    /// The citations.
    pub citations: Vec<Citation>,
}

/// Collect every citation of `doc`; `bib` is used to match a written `cite` to an entry.
pub fn collect_document(doc: &Document, bib: &Bibliography) -> DocumentCitations {
    let mut out = DocumentCitations {
        path: doc.file.path().to_path_buf(),
        title: doc.title.as_ref().map(|t| t.text.clone()),
        citations: Vec::new(),
    };
    collect_source(doc, bib, &mut out.citations);
    let body = doc.body_text();
    for citation in &doc.body.citations {
        for item in &citation.items {
            let key = item.key.slice(body);
            if key.is_empty() {
                continue;
            }
            let at = doc.body.file_span(item.span).start;
            let locator = item.locator.map(|l| l.slice(body).trim().to_string());
            out.citations.push(place(
                &doc.file,
                at,
                Origin::Body,
                Cited::Key {
                    key: key.to_string(),
                },
                locator.filter(|l| !l.is_empty()),
            ));
        }
    }
    let meta = doc.meta_file();
    for note in &doc.notes {
        if let Some(text) = &note.text {
            collect_in_text(meta, text, Origin::Note, &mut out.citations);
        }
    }
    for annotation in &doc.annotations {
        if let Some(text) = &annotation.text {
            collect_in_text(meta, text, Origin::Annotation, &mut out.citations);
        }
    }
    out
}

/// A citation at byte `at` of `file`.
fn place(
    file: &SourceFile,
    at: usize,
    origin: Origin,
    cited: Cited,
    locator: Option<String>,
) -> Citation {
    let position = file.line_col(at);
    Citation {
        cited,
        locator,
        origin,
        file: file.path().to_path_buf(),
        line: position.line,
        column: position.column,
    }
}

/// The citations of `[source]`: the edition (by key or written out) and the archival original.
fn collect_source(doc: &Document, bib: &Bibliography, out: &mut Vec<Citation>) {
    let Some(source) = &doc.source else {
        return;
    };
    let meta = doc.meta_file();
    if let Some(key) = &source.key {
        let key_text = key.text.trim();
        if !key_text.is_empty() {
            let locator = source
                .locator
                .as_ref()
                .map(|l| l.text.trim().to_string())
                .filter(|l| !l.is_empty());
            out.push(place(
                meta,
                key.span.start,
                Origin::SourceKey,
                Cited::Key {
                    key: key_text.to_string(),
                },
                locator,
            ));
        }
    }
    if let (Some(cite), Some(parsed)) = (&source.cite, &source.reference) {
        if source.cited_archive().is_some() {
            out.push(place(
                meta,
                cite.span.start,
                Origin::SourceArchive,
                Cited::Archive {
                    text: cite.text.trim().to_string(),
                },
                None,
            ));
        } else if source.key.is_none() {
            let matched = source.edition_key(Some(bib)).map(|(key, _)| key);
            out.push(place(
                meta,
                cite.span.start,
                Origin::SourceCite,
                written_work(cite, &parsed.value, matched),
                pinpoint_text(&parsed.value.locators, &cite.text),
            ));
        }
    }
    if let Some(archive) = &source.archive {
        let text = archive.text.trim();
        if !text.is_empty() {
            out.push(place(
                meta,
                archive.span.start,
                Origin::SourceArchive,
                Cited::Archive {
                    text: text.to_string(),
                },
                None,
            ));
        }
    }
}

/// A written `cite` as a citation: the work without its pinpoint, and the parser's item.
fn written_work(cite: &Text, reference: &Reference, matched: Option<String>) -> Cited {
    let first_locator = reference.locators.iter().map(|l| l.span.start).min();
    let head = cite
        .text
        .get(..first_locator.unwrap_or(cite.text.len()))
        .unwrap_or(&cite.text);
    let work = head
        .trim_end_matches(|c: char| c.is_whitespace() || ",;:.".contains(c))
        .trim_start()
        .to_string();
    let mut item = match serde_json::to_value(reference_to_csl(reference, &cite.text)) {
        Ok(serde_json::Value::Object(o)) => o,
        _ => serde_json::Map::new(),
    };
    // The document number is the pinpoint of this document, not part of the work.
    item.remove("number");
    Cited::Text {
        cite: cite.text.trim().to_string(),
        work,
        item,
        matched,
    }
}

/// The pinpoint locators of a reference as written, from the first to the last.
fn pinpoint_text(locators: &[Locator], input: &str) -> Option<String> {
    let start = locators.iter().map(|l| l.span.start).min()?;
    let end = locators.iter().map(|l| l.span.end).max()?;
    input
        .get(Span::new(start, end).range())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// Pandoc citations inside a front-matter string (a note's or an annotation's text).
fn collect_in_text(meta: &SourceFile, text: &Text, origin: Origin, out: &mut Vec<Citation>) {
    let value = text.text.as_str();
    if !value.contains('@') {
        return;
    }
    for citation in scan_citations(value) {
        for item in &citation.items {
            let key = item.key.slice(value);
            if key.is_empty() {
                continue;
            }
            let at = text.file_span(item.span).start;
            let locator = item
                .locator
                .map(|l| l.slice(value).trim().to_string())
                .filter(|l| !l.is_empty());
            out.push(place(
                meta,
                at,
                origin,
                Cited::Key {
                    key: key.to_string(),
                },
                locator,
            ));
        }
    }
}

/// The citations of every document of `plan`, read in parallel through the corpus loader
/// (each document is dropped once its citations are taken), with the errors met loading
/// them, in plan order; `bibliographies` holds each corpus's bibliography, for matching a
/// written `cite` to an entry.
pub fn collect_plan(
    plan: &ibid_corpus::Plan,
    bibliographies: &[Bibliography],
) -> (Vec<DocumentCitations>, Vec<ibid_provenance::LoadError>) {
    use rayon::prelude::*;
    let empty = Bibliography::default();
    let results: Vec<(Option<DocumentCitations>, Vec<ibid_provenance::LoadError>)> = plan
        .files
        .par_iter()
        .map(|file| {
            let loaded = plan.load_document(file);
            let bib = bibliographies.get(file.corpus).unwrap_or(&empty);
            let collected = loaded.value.as_ref().map(|doc| collect_document(doc, bib));
            (collected, loaded.errors)
        })
        .collect();
    let mut documents = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    for (doc, errs) in results {
        documents.extend(doc);
        errors.extend(errs);
    }
    (documents, errors)
}
