//! Checking one document on its own: load it, run every document rule (each guarded against
//! panics), find its suppressions, and gather its facts for the corpus index.

use crate::codes::Rule;
use crate::diagnostic::{Diagnostic, Finding, TextRange};
use crate::index::{doc_facts, DocFacts, FileView};
use crate::line_index::{LineIndex, Location};
use crate::rules::{DocContext, DocumentCheck, Target};
use crate::settings::StyleSettings;
use crate::suppression::{find_suppressions, Suppression};
use ibid_provenance::{parse_document, LoadError};
use serde::{Deserialize, Serialize};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

/// One file of a document: the document itself or its sidecar.
#[derive(Debug, Clone, Copy)]
pub struct InputFile<'a> {
    /// Where it is.
    pub path: &'a Path,
    /// How diagnostics name it.
    pub display: &'a str,
    /// Its bytes.
    pub bytes: &'a [u8],
}

/// What checking one document found; cached between runs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FileResult {
    /// Diagnostics of every document rule, before selection and suppression.
    pub diagnostics: Vec<Diagnostic>,
    /// The suppression comments of each file (document, sidecar), by displayed path.
    pub suppressions: Vec<(String, Vec<Suppression>)>,
    /// Facts for the corpus rules.
    pub facts: DocFacts,
}

/// A diagnostic built from a load error, located by the error's own position.
fn from_load_error(
    rule: Rule,
    error: &LoadError,
    display: &str,
    text: Option<(&str, &LineIndex)>,
) -> Diagnostic {
    let message = crate::rules::provenance::invalid_value::capitalize(&error.message);
    match (error.span, text) {
        (Some(span), Some((text, index))) => {
            let mut finding = Finding::new(rule, span, message);
            finding.help = error.help.clone();
            finding.resolve(display, text, index)
        }
        _ => {
            let at = Location::new(error.position.line, error.position.column);
            Diagnostic {
                rule,
                message,
                path: display.to_owned(),
                range: error.span.map_or(TextRange::empty(0), TextRange::from),
                start: at,
                end: at,
                help: error.help.clone(),
                fix: None,
                snippet: None,
            }
        }
    }
}

/// The message of a caught panic.
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_owned()
    }
}

/// An internal-error diagnostic at the start of `display`.
pub(crate) fn internal_error(
    display: &str,
    what: &str,
    payload: &(dyn std::any::Any + Send),
) -> Diagnostic {
    Diagnostic {
        rule: Rule::InternalError,
        message: format!("Internal error {what}: {}", panic_message(payload)),
        path: display.to_owned(),
        range: TextRange::empty(0),
        start: Location::new(1, 1),
        end: Location::new(1, 1),
        help: Some("this is a bug in ibid; please report it with this file".to_owned()),
        fix: None,
        snippet: None,
    }
}

/// Check one document (`file`, with its `sidecar` when the metadata lives there) with the
/// document rules `checks`. Never panics: a panicking rule becomes an E900 diagnostic.
pub fn analyze(
    file: InputFile<'_>,
    sidecar: Option<InputFile<'_>>,
    style: &StyleSettings,
    checks: &[(Rule, DocumentCheck)],
) -> FileResult {
    match catch_unwind(AssertUnwindSafe(|| {
        analyze_inner(file, sidecar, style, checks)
    })) {
        Ok(result) => result,
        Err(payload) => FileResult {
            diagnostics: vec![internal_error(
                file.display,
                "while reading this document",
                &*payload,
            )],
            ..FileResult::default()
        },
    }
}

fn analyze_inner(
    file: InputFile<'_>,
    sidecar: Option<InputFile<'_>>,
    style: &StyleSettings,
    checks: &[(Rule, DocumentCheck)],
) -> FileResult {
    let loaded = if ibid_provenance::is_sidecar(file.path) {
        ibid_provenance::Loaded::failed(ibid_provenance::sidecar_named_as_document(file.path))
    } else {
        parse_document(file.path, file.bytes, sidecar.map(|s| (s.path, s.bytes)))
    };
    let display_of = |path: &Path| match sidecar {
        Some(s) if s.path == path => s.display,
        _ => file.display,
    };
    let Some(doc) = loaded.value else {
        // Not a document: report why, where the loader says.
        let mut diagnostics = Vec::new();
        for error in &loaded.errors {
            let display = display_of(&error.file);
            let text = std::str::from_utf8(if display == file.display {
                file.bytes
            } else {
                sidecar.map_or(&[][..], |s| s.bytes)
            })
            .ok();
            let index = text.map(LineIndex::new);
            let text = text.zip(index.as_ref());
            diagnostics.push(from_load_error(
                Rule::UnreadableDocument,
                error,
                display,
                text,
            ));
        }
        if diagnostics.is_empty() {
            diagnostics.push(Diagnostic {
                rule: Rule::UnreadableDocument,
                message: "Cannot read this file as a document".to_owned(),
                path: file.display.to_owned(),
                range: TextRange::empty(0),
                start: Location::new(1, 1),
                end: Location::new(1, 1),
                help: None,
                fix: None,
                snippet: None,
            });
        }
        return FileResult {
            diagnostics,
            ..FileResult::default()
        };
    };
    let doc_text = doc.file.text.as_str();
    let doc_index = LineIndex::new(doc_text);
    let side = doc.sidecar.as_ref().map(|s| {
        let display = sidecar.map_or(file.display, |s| s.display);
        (display, s.text.as_str(), LineIndex::new(&s.text))
    });
    let mut diagnostics = Vec::new();
    for &(rule, check) in checks {
        let mut ctx = DocContext::new(&doc, &loaded.errors, style);
        match catch_unwind(AssertUnwindSafe(|| {
            check(&mut ctx);
            ctx.into_findings()
        })) {
            Ok(findings) => {
                for (target, finding) in findings {
                    let diagnostic = match (&side, target) {
                        (Some((display, text, index)), Target::Meta) => {
                            finding.resolve(display, text, index)
                        }
                        _ => finding.resolve(file.display, doc_text, &doc_index),
                    };
                    diagnostics.push(diagnostic);
                }
            }
            Err(payload) => diagnostics.push(internal_error(
                file.display,
                &format!("in rule {} ({})", rule.code(), rule.name()),
                &*payload,
            )),
        }
    }
    let front_matter = doc.front_matter.map(TextRange::from);
    let mut suppressions = vec![(
        file.display.to_owned(),
        find_suppressions(doc_text, front_matter, &doc_index),
    )];
    let file_view = FileView {
        path: file.display,
        text: doc_text,
        index: &doc_index,
        sidecar: false,
    };
    let facts = match &side {
        Some((display, text, index)) => {
            suppressions.push((
                (*display).to_owned(),
                find_suppressions(text, Some(TextRange::new(0, text.len())), index),
            ));
            let meta = FileView {
                path: display,
                text,
                index,
                sidecar: true,
            };
            doc_facts(&doc, &meta, &file_view)
        }
        None => doc_facts(&doc, &file_view, &file_view),
    };
    suppressions.retain(|(_, list)| !list.is_empty());
    FileResult {
        diagnostics,
        suppressions,
        facts,
    }
}
