//! Checking one document on its own: load it, run every document rule (each guarded against
//! panics), find its suppressions, and gather its facts for the corpus index.

use crate::codes::Rule;
use crate::diagnostic::{Diagnostic, Finding, TextRange};
use crate::index::{doc_facts, DocFacts, FileView};
use crate::load_errors::{rule_for, Origin};
use crate::rules::{DocContext, DocumentCheck, Target};
use crate::settings::Style;
use crate::suppression::{find_suppressions, Suppression};
use ibid_corpus::DocumentBytes;
use ibid_provenance::LoadError;
use ibid_provenance::{LineCol, LineIndex};
use serde::{Deserialize, Serialize};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// What checking one document found; cached between runs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FileResult {
    /// Diagnostics of every document rule, before selection and suppression.
    pub diagnostics: Vec<Diagnostic>,
    /// The suppression comments of each file (document, sidecar) that has any.
    pub suppressions: Vec<FileSuppressions>,
    /// Facts for the corpus rules.
    pub facts: DocFacts,
}

/// The suppression comments of one file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FileSuppressions {
    /// The file, as displayed.
    pub path: String,
    /// Its comments, in order.
    pub list: Vec<Suppression>,
}

/// A diagnostic of `error`'s rule (met in a file of `origin`), resolved against the file's
/// text when there is one, else located by the error's own position.
pub fn from_load_error(
    error: &LoadError,
    origin: Origin,
    display: &str,
    text: Option<(&str, &LineIndex)>,
) -> Diagnostic {
    let rule = rule_for(error.kind, origin);
    let message = crate::rules::provenance::invalid_value::capitalize(&error.message);
    match (error.span, text) {
        (Some(span), Some((text, index))) => {
            let mut finding = Finding::new(rule, span, message);
            finding.help = error.help.clone();
            finding.resolve(display, text, index)
        }
        _ => {
            let at = LineCol::new(error.position.line, error.position.column);
            let range = error.span.map_or(TextRange::empty(0), TextRange::from);
            let mut diagnostic = Diagnostic::located(rule, display, range, at, at, message);
            diagnostic.help = error.help.clone();
            diagnostic
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
    Diagnostic::file_level(
        Rule::InternalError,
        display,
        format!("Internal error {what}: {}", panic_message(payload)),
    )
    .with_help("this is a bug in ibid; please report it with this file")
}

/// Check one document (its file, with its sidecar when the metadata lives there) with the
/// document rules `checks`. Never panics: a panicking rule becomes an E900 diagnostic.
pub fn analyze(
    input: &DocumentBytes,
    style: &Style,
    checks: &[(Rule, DocumentCheck)],
) -> FileResult {
    match catch_unwind(AssertUnwindSafe(|| analyze_inner(input, style, checks))) {
        Ok(result) => result,
        Err(payload) => FileResult {
            diagnostics: vec![internal_error(
                &input.file.display,
                "while reading this document",
                &*payload,
            )],
            ..FileResult::default()
        },
    }
}

fn analyze_inner(
    input: &DocumentBytes,
    style: &Style,
    checks: &[(Rule, DocumentCheck)],
) -> FileResult {
    let loaded = input.parse();
    let file = &input.file;
    let Some(doc) = loaded.value else {
        // Not a document: report why, where the loader says (errors name displayed paths).
        let mut diagnostics = Vec::new();
        for error in &loaded.errors {
            let source = match &input.sidecar {
                Some(s) if error.file.as_os_str() == s.display.as_str() => s,
                _ => file,
            };
            let text = std::str::from_utf8(&source.bytes).ok();
            let index = text.map(LineIndex::new);
            let text = text.zip(index.as_ref());
            diagnostics.push(from_load_error(
                error,
                Origin::Document,
                &source.display,
                text,
            ));
        }
        if diagnostics.is_empty() {
            diagnostics.push(Diagnostic::file_level(
                Rule::UnreadableDocument,
                &file.display,
                "Cannot read this file as a document",
            ));
        }
        return FileResult {
            diagnostics,
            ..FileResult::default()
        };
    };
    let file_display = file.display.as_str();
    let doc_text = doc.file.text.as_str();
    // The loader's line index of each file serves every diagnostic: one index per file.
    let doc_index = doc.file.lines();
    let side = doc.sidecar.as_ref().map(|s| {
        let display = input
            .sidecar
            .as_ref()
            .map_or(file_display, |s| s.display.as_str());
        (display, s.text.as_str(), s.lines())
    });
    let mut diagnostics = Vec::new();
    // What `ibid fmt` would change, computed once for every F rule.
    let formatting = ibid_fmt::document_changes(&doc, style);
    for &(rule, check) in checks {
        let mut ctx = DocContext::new(&doc, &loaded.errors, style, &formatting);
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
                        _ => finding.resolve(file_display, doc_text, doc_index),
                    };
                    diagnostics.push(diagnostic);
                }
            }
            Err(payload) => diagnostics.push(internal_error(
                file_display,
                &format!("in rule {} ({})", rule.code(), rule.name()),
                &*payload,
            )),
        }
    }
    let front_matter = doc.front_matter.map(TextRange::from);
    let mut suppressions = vec![FileSuppressions {
        path: file_display.to_owned(),
        list: find_suppressions(doc_text, front_matter, doc_index),
    }];
    let file_view = FileView {
        path: file_display,
        text: doc_text,
        index: doc_index,
        sidecar: false,
    };
    let facts = match &side {
        Some((display, text, index)) => {
            suppressions.push(FileSuppressions {
                path: (*display).to_owned(),
                list: find_suppressions(text, Some(TextRange::new(0, text.len())), index),
            });
            let meta = FileView {
                path: display,
                text,
                index,
                sidecar: true,
            };
            doc_facts(&doc, &meta, &file_view, style.unify_sources)
        }
        None => doc_facts(&doc, &file_view, &file_view, style.unify_sources),
    };
    suppressions.retain(|file| !file.list.is_empty());
    FileResult {
        diagnostics,
        suppressions,
        facts,
    }
}
