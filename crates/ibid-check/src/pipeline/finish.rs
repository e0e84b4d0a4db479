//! Stage 4 of `ibid check`: from every diagnostic found to the run's result. Snippets for the
//! corpus findings, the rule selection, inline suppressions, the late fixes, output order.

use crate::analysis::FileSuppressions;
use crate::diagnostic::{sort_diagnostics, Diagnostic};
use crate::index::fill_snippets;
use crate::pipeline::documents::{CheckedDocument, CheckedDocuments};
use crate::pipeline::fixing::{apply_late_fixes, FixedText};
use crate::pipeline::plan::{CheckPlan, PlannedDocument};
use crate::pipeline::texts::{KeptText, Texts};
use crate::run::{CheckOptions, CheckResult, FixMode};
use crate::selection::RuleSet;
use crate::suppression::{apply_suppressions, Suppression};
use ibid_provenance::LineIndex;
use std::collections::{BTreeMap, HashMap};

/// The result of a run: the documents' diagnostics (`checked`, one per planned document)
/// and the corpus's (`corpus`), with snippets, selected by the rules of their files,
/// suppressed by the files' comments, late fixes applied when asked, and sorted.
pub fn finish<'p>(
    plan: &'p CheckPlan,
    documents: &[PlannedDocument<'p>],
    checked: CheckedDocuments,
    corpus: Vec<Diagnostic>,
    options: &CheckOptions,
) -> CheckResult {
    let mut result = CheckResult {
        files: documents.len(),
        warnings: plan.files.warnings.clone(),
        read_errors: plan.files.errors.iter().map(ToString::to_string).collect(),
        ..CheckResult::default()
    };
    result.warnings.extend(checked.warnings);
    let mut texts = Texts::new(plan, documents);
    let mut diagnostics = corpus;
    let mut suppressions: BTreeMap<String, Vec<Suppression>> = BTreeMap::new();
    let mut fixed_texts: HashMap<String, FixedText> = HashMap::new();
    for document in checked.documents {
        let CheckedDocument {
            result: file,
            fixes,
            kept,
            ..
        } = document;
        result.fixed += fixes.fixed;
        result.diff.push_str(&fixes.diff);
        diagnostics.extend(file.diagnostics);
        for FileSuppressions { path, list } in file.suppressions {
            suppressions.entry(path).or_default().extend(list);
        }
        for text in kept {
            texts.keep(text);
        }
        for fixed in fixes.texts {
            texts.keep(KeptText {
                display: fixed.display.clone(),
                text: fixed.new.clone(),
            });
            fixed_texts.insert(fixed.display.clone(), fixed);
        }
    }
    fill_snippets(&mut diagnostics, &|display: &str| texts.text(display));
    let rules = plan.rules_by_file(documents, &options.selection);
    select(&mut diagnostics, &rules);
    let mut diagnostics = suppress(diagnostics, suppressions, &rules, &texts);
    // Fixes of I001 (unused suppressions) are applied once everything else is known.
    if options.fix != FixMode::Off {
        let late = apply_late_fixes(
            &mut diagnostics,
            &texts,
            fixed_texts,
            options.fix,
            &mut result.diff,
        );
        result.fixed += late.fixed;
        result.warnings.extend(late.warnings);
    }
    sort_diagnostics(&mut diagnostics);
    result.diagnostics = diagnostics;
    result
}

/// The rules of a file a diagnostic names (every rule for a file the plan does not know).
fn rules_of(rules: &HashMap<&str, RuleSet>, display: &str) -> RuleSet {
    rules.get(display).copied().unwrap_or_else(RuleSet::all)
}

/// Keep the diagnostics of the rules selected for their files (internal errors always).
fn select(diagnostics: &mut Vec<Diagnostic>, rules: &HashMap<&str, RuleSet>) {
    diagnostics.retain(|d| !d.rule.is_ignorable() || rules_of(rules, &d.path).contains(d.rule));
}

/// Drop what each file's suppression comments silence, and add the findings about the
/// comments themselves (I001 unused, I002 unknown code), resolved in the file's text.
fn suppress(
    diagnostics: Vec<Diagnostic>,
    suppressions: BTreeMap<String, Vec<Suppression>>,
    rules: &HashMap<&str, RuleSet>,
    texts: &Texts<'_>,
) -> Vec<Diagnostic> {
    let (mut kept, others): (Vec<Diagnostic>, Vec<Diagnostic>) = diagnostics
        .into_iter()
        .partition(|d| !suppressions.contains_key(&d.path));
    let mut by_path: HashMap<String, Vec<Diagnostic>> = HashMap::new();
    for d in others {
        by_path.entry(d.path.clone()).or_default().push(d);
    }
    for (display, list) in suppressions {
        let rules = rules_of(rules, &display);
        let mut mine = by_path.remove(&display).unwrap_or_default();
        let findings: Vec<_> = apply_suppressions(&mut mine, &list, &|rule| rules.contains(rule))
            .into_iter()
            .filter(|f| rules.contains(f.rule))
            .collect();
        kept.append(&mut mine);
        if findings.is_empty() {
            continue;
        }
        // Resolve against the text the suppressions were found in.
        if let Some(text) = texts.lossy_text(&display) {
            let index = LineIndex::new(&text);
            kept.extend(
                findings
                    .into_iter()
                    .map(|f| f.resolve(&display, &text, &index)),
            );
        }
    }
    kept
}
