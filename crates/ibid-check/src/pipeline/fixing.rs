//! `--fix` and `--diff` in the stages of `ibid check`: a document's safe fixes applied until
//! they converge (stage 2), then the fixes known only after the corpus pass (stage 4: I001).

use crate::analysis::FileResult;
use crate::codes::Rule;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::fix::{apply_fixes, unified_diff, MAX_FIX_PASSES};
use crate::pipeline::texts::Texts;
use crate::run::FixMode;
use crate::selection::RuleSet;
use crate::suppression::apply_suppressions;
use ibid_corpus::{replace_file, DocumentBytes};
use std::collections::HashMap;
use std::path::PathBuf;

/// A file's text after `--diff` applied its fixes, for the fixes applied later (I001).
#[derive(Debug, Clone)]
pub struct FixedText {
    /// The file, as displayed.
    pub display: String,
    /// Where it is.
    pub path: PathBuf,
    /// Its text on disk.
    pub old: String,
    /// Its text with the fixes applied.
    pub new: String,
}

/// What fixing one document did.
#[derive(Debug, Default)]
pub struct DocumentFixes {
    /// How many fixes were written (`--fix`: a file that could not be written counts none)
    /// or would be (`--diff`).
    pub fixed: usize,
    /// The unified diff of the fixes (`--diff`).
    pub diff: String,
    /// The fixed texts (`--diff`), for the fixes applied later.
    pub texts: Vec<FixedText>,
}

/// A document after its fixes: the result of analysing its fixed text, and what was fixed.
#[derive(Debug)]
pub struct FixedDocument {
    /// The document's files as they are now (written by `--fix`, only shown by `--diff`).
    pub input: DocumentBytes,
    /// The analysis of those files.
    pub result: FileResult,
    /// What was fixed.
    pub fixes: DocumentFixes,
}

/// Apply the safe fixes of `result` (the analysis of `input`) that `rules` select, analyse
/// again with `analyse`, and repeat until nothing changes (at most [`MAX_FIX_PASSES`]); then
/// write the files (`--fix`) or describe the change (`--diff`). A file that cannot be written
/// keeps its text: its fixes do not count, and its findings are those of the file on disk.
pub fn fix_document(
    mut input: DocumentBytes,
    mut result: FileResult,
    rules: RuleSet,
    mode: FixMode,
    analyse: impl Fn(&DocumentBytes) -> FileResult,
) -> FixedDocument {
    let original = input.clone();
    let mut fixes = DocumentFixes::default();
    // The cite as read, which F008's fix keeps as `cite-as-printed` once the document's
    // own fixes have formatted it.
    let cite_as_read = cite_site(&result).cloned();
    // Fixes applied to the document (0) and to its sidecar (1).
    let mut fixed = [0usize; 2];
    for _ in 0..MAX_FIX_PASSES {
        let fixable = fixable_now(&result, rules);
        if fixable.is_empty() {
            break;
        }
        let mut changed = false;
        let targets = std::iter::once(&mut input.file).chain(input.sidecar.as_mut());
        for (target, count) in targets.zip(fixed.iter_mut()) {
            let Ok(text) = std::str::from_utf8(&target.bytes) else {
                continue;
            };
            let mine: Vec<&Diagnostic> = fixable
                .iter()
                .filter(|d| d.path == target.display)
                .copied()
                .collect();
            if mine.is_empty() {
                continue;
            }
            let (new, applied) = apply_fixes(text, mine);
            if applied > 0 && new != text {
                *count += applied;
                target.bytes = new.into_bytes();
                changed = true;
            }
        }
        if !changed {
            break;
        }
        result = analyse(&input);
    }
    if let (Some(first), Some(site)) = (&cite_as_read, cite_site_mut(&mut result)) {
        site.read_before(first);
    }
    let mut unwritten = Vec::new();
    let pairs = [
        (Some(&mut input.file), Some(&original.file)),
        (input.sidecar.as_mut(), original.sidecar.as_ref()),
    ];
    for (target, (now, before)) in pairs.into_iter().enumerate() {
        let (Some(now), Some(before)) = (now, before) else {
            continue;
        };
        if now.bytes == before.bytes {
            continue;
        }
        let new = String::from_utf8_lossy(&now.bytes).into_owned();
        let old = String::from_utf8_lossy(&before.bytes).into_owned();
        match mode {
            FixMode::Apply => {
                if let Err(e) = replace_file(&now.path, new.as_bytes()) {
                    // Nothing was written: the file keeps its text, its fixes do not count,
                    // and its findings are reported as they stand on disk.
                    now.bytes = before.bytes.clone();
                    fixed[target] = 0;
                    unwritten.push(
                        Diagnostic::file_level(
                            Rule::UnreadableDocument,
                            &now.display,
                            format!("Cannot write the fixed file: {e}"),
                        )
                        .with_help(
                            "its findings are listed as they are in the file; make the file \
                             and its folder writable and run `ibid check --fix` again",
                        ),
                    );
                }
            }
            FixMode::Diff => {
                fixes.diff.push_str(&unified_diff(&now.display, &old, &new));
                fixes.texts.push(FixedText {
                    display: now.display.clone(),
                    path: now.path.clone(),
                    old,
                    new,
                });
            }
            FixMode::Off => {}
        }
    }
    if !unwritten.is_empty() {
        result = analyse(&input);
        result.diagnostics.append(&mut unwritten);
    }
    fixes.fixed = fixed.iter().sum();
    FixedDocument {
        input,
        result,
        fixes,
    }
}

/// The `cite` site among a document's facts (F008).
fn cite_site(result: &FileResult) -> Option<&ibid_fmt::CiteSite> {
    result.facts.source.as_ref()?.site.as_deref()
}

/// The `cite` site among a document's facts, to change.
fn cite_site_mut(result: &mut FileResult) -> Option<&mut ibid_fmt::CiteSite> {
    result.facts.source.as_mut()?.site.as_deref_mut()
}

/// The diagnostics of `result` that `--fix` should fix now: selected rules, safe fixes, not
/// silenced by the file's own suppressions.
fn fixable_now(result: &FileResult, rules: RuleSet) -> Vec<&Diagnostic> {
    let mut candidates: Vec<Diagnostic> = result
        .diagnostics
        .iter()
        .filter(|d| rules.contains(d.rule) && is_safe_fix(d))
        .cloned()
        .collect();
    for file in &result.suppressions {
        let mut mine: Vec<Diagnostic> = Vec::new();
        candidates.retain(|d| {
            if d.path == file.path {
                mine.push(d.clone());
                false
            } else {
                true
            }
        });
        apply_suppressions(&mut mine, &file.list, &|_| false);
        candidates.extend(mine);
    }
    result
        .diagnostics
        .iter()
        .filter(|d| candidates.iter().any(|c| c == *d))
        .collect()
}

/// Whether `diagnostic` has a fix that `--fix` applies.
pub(crate) fn is_safe_fix(diagnostic: &Diagnostic) -> bool {
    diagnostic
        .fix
        .as_ref()
        .is_some_and(|f| f.applicability == Applicability::Safe)
}

/// What the late fixes did to the run's totals.
#[derive(Debug, Default)]
pub struct LateFixes {
    /// Fixes applied (or that would be).
    pub fixed: usize,
    /// Files that could not be written.
    pub warnings: Vec<String>,
}

/// Apply the fixes known only after the corpus pass (unused suppressions, I001, and the
/// corpus rules', F008) on the texts the document fixes left, taking
/// them out of `diagnostics`; a fix that cannot be applied stays a diagnostic. `diff` (the
/// run's diff so far) gets each such file's diff, replacing the file's earlier one.
pub fn apply_late_fixes(
    diagnostics: &mut Vec<Diagnostic>,
    texts: &Texts<'_>,
    mut fixed_texts: HashMap<String, FixedText>,
    mode: FixMode,
    diff: &mut String,
) -> LateFixes {
    let mut late = LateFixes::default();
    let mut by_file: HashMap<String, Vec<Diagnostic>> = HashMap::new();
    diagnostics.retain(|d| {
        let is_late = (d.rule == Rule::UnusedSuppression || d.rule.scope() == crate::Scope::Corpus)
            && is_safe_fix(d);
        if is_late {
            by_file.entry(d.path.clone()).or_default().push(d.clone());
        }
        !is_late
    });
    let mut files: Vec<_> = by_file.into_iter().collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    for (display, list) in files {
        let fixed = match fixed_texts.remove(&display) {
            Some(fixed) => fixed,
            None => {
                let (Some(file), Some(text)) =
                    (texts.on_disk(&display), texts.lossy_text(&display))
                else {
                    diagnostics.extend(list);
                    continue;
                };
                FixedText {
                    display: display.clone(),
                    path: file.path.to_path_buf(),
                    old: text.clone(),
                    new: text,
                }
            }
        };
        let (new, applied) = apply_fixes(&fixed.new, &list);
        match mode {
            FixMode::Apply => match replace_file(&fixed.path, new.as_bytes()) {
                Ok(_) => late.fixed += applied,
                Err(e) => {
                    // Not written: not fixed, and still reported.
                    late.warnings
                        .push(format!("cannot write {}: {e}", fixed.path.display()));
                    diagnostics.extend(list);
                }
            },
            FixMode::Diff => {
                late.fixed += applied;
                // Replace this file's earlier diff with one that includes these fixes.
                let earlier = unified_diff(&display, &fixed.old, &fixed.new);
                if !earlier.is_empty() {
                    *diff = diff.replacen(&earlier, "", 1);
                }
                diff.push_str(&unified_diff(&display, &fixed.old, &new));
            }
            FixMode::Off => {}
        }
    }
    late
}
