//! Stage 3 of `ibid check`: the corpus. The bibliographies' unreadable entries (E002), then
//! the corpus rules (S002–S006, F008), in parallel, over one index of every document's facts.

use crate::analysis::{from_load_error, internal_error};
use crate::codes::Rule;
use crate::diagnostic::{Diagnostic, TextRange};
use crate::index::{Anchor, BibKey, CorpusBib, CorpusIndex, DocEntry};
use crate::load_errors::{rule_for, Origin};
use crate::pipeline::documents::CheckedDocument;
use crate::pipeline::plan::{CheckPlan, PlannedDocument};
use crate::rules::sources::CORPUS_RULES;
use ibid_corpus::CorpusBibliography;
use ibid_provenance::works::EntryIndex;
use ibid_provenance::LineIndex;
use rayon::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// The diagnostics of the corpus as a whole: the bibliography files' unreadable entries,
/// then every corpus rule over the facts of `checked` (one per planned document, in order).
/// A rule that panics becomes an E900 diagnostic; the others still run.
pub fn check_corpus(
    plan: &CheckPlan,
    documents: &[PlannedDocument<'_>],
    checked: &[CheckedDocument],
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut bibliographies = Vec::with_capacity(plan.corpora.len());
    for (check, corpus) in plan.corpora.iter().zip(&plan.files.corpora) {
        let (mut bibliography, mut found) =
            bibliography_index(&check.bibliography, corpus.complete);
        bibliography.style = check.settings.style;
        diagnostics.append(&mut found);
        bibliographies.push(bibliography);
    }
    let entries: Vec<DocEntry<'_>> = documents
        .iter()
        .zip(checked)
        .map(|(document, checked)| DocEntry {
            path: &document.file.display,
            corpus: document.file.corpus,
            facts: &checked.result.facts,
        })
        .collect();
    let index = CorpusIndex::new(entries, bibliographies);
    // The rules are independent: they run in parallel, their findings kept in rule order.
    let found: Vec<Vec<Diagnostic>> = CORPUS_RULES
        .par_iter()
        .map(|&(rule, check)| {
            let mut found = Vec::new();
            match catch_unwind(AssertUnwindSafe(|| check(&index, &mut found))) {
                Ok(()) => found,
                Err(payload) => vec![internal_error(
                    documents.first().map_or(".", |d| d.file.display.as_str()),
                    &format!("in rule {} ({})", rule.code(), rule.name()),
                    &*payload,
                )],
            }
        })
        .collect();
    diagnostics.extend(found.into_iter().flatten());
    diagnostics
}

/// The corpus index's view of one corpus's bibliography files (read once, by the plan):
/// their entries, repeats included (for S002, S003, S006), and the diagnostics of entries
/// that cannot be read (E002).
fn bibliography_index(
    bibliography: &CorpusBibliography,
    complete: bool,
) -> (CorpusBib, Vec<Diagnostic>) {
    let mut bib = CorpusBib {
        configured: !bibliography.files.is_empty(),
        entries: Vec::new(),
        complete,
        entries_by_author: EntryIndex::of_entries(
            bibliography
                .files
                .iter()
                .filter_map(|f| f.loaded.value.as_ref())
                .flat_map(|b| &b.entries),
        ),
        style: crate::settings::Style::default(),
    };
    let mut diagnostics = Vec::new();
    for file in &bibliography.files {
        let text = file.text.as_deref().unwrap_or("");
        let index = LineIndex::new(text);
        for error in &file.loaded.errors {
            // A repeated key is S006's, which reports it from the repeated entry itself.
            if rule_for(error.kind, Origin::Bibliography) == Rule::DuplicateBibliographyKey {
                continue;
            }
            let resolved = (error.span.is_some() && !text.is_empty()).then_some((text, &index));
            diagnostics.push(from_load_error(
                error,
                Origin::Bibliography,
                &file.display,
                resolved,
            ));
        }
        let Some(value) = &file.loaded.value else {
            continue;
        };
        // Repeats within the file come after the entries, as S006 expects them.
        for entry in value.entries.iter().chain(&value.duplicates) {
            let anchor = Anchor::new(text, &index, key_range(text, entry.span, &entry.key), false);
            bib.entries.push(BibKey {
                key: entry.key.clone(),
                path: file.display.clone(),
                anchor,
            });
        }
    }
    (bib, diagnostics)
}

/// The key's range inside an entry's span, or the entry's start.
fn key_range(text: &str, span: ibid_parse::Span, key: &str) -> TextRange {
    let entry = span.slice(text);
    match entry.find(key) {
        Some(at) if !key.is_empty() => TextRange::new(span.start + at, span.start + at + key.len()),
        _ => TextRange::empty(span.start),
    }
}
