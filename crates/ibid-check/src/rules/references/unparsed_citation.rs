//! R001: a citation, reference or locator that does not parse.
//! Reports the parser's errors for `[source]` values and pandoc citation locators, precisely.

use crate::codes::Rule;
use crate::diagnostic::Finding;
use crate::rules::{in_text, DocContext};
use ibid_parse::{ParseError, Span};
use ibid_provenance::Text;

/// ## What it does
/// Reports the parts of a citation that ibid cannot read: in `[source] cite` (the free-text
/// reference), `[source] locator`, `[source] archive`, and the locators of pandoc citations
/// in the body (`[@barsegov-nk, doc. 652, p. 612]`). Typical causes are an unknown or
/// misspelt locator label (`pge. 612`, `Dokumnet 652`), a malformed value (`pp. 612–`), or
/// text left over after the reference (`p. 612, see below`).
///
/// ## Why is this bad?
/// What cannot be parsed cannot be checked (reversed ranges, conflicting locators across
/// the corpus), formatted by `ibid fmt`, or exported: the citation silently drops out of
/// everything ibid does with it.
///
/// ## Example
/// ```toml
/// [source]
/// key = "barsegov-nk"
/// locator = "Dokumnet 652, pge. 612"
/// ```
///
/// Use instead:
/// ```toml
/// [source]
/// key = "barsegov-nk"
/// locator = "doc. 652, p. 612"
/// ```
///
/// ## Fix
/// Write the locator with a label ibid knows (`ibid parse --as locator "..."` shows how a
/// text is read). There is no automatic fix.
pub struct UnparsedCitation;

/// Report the errors of one parsed front-matter value.
fn report_value(
    ctx: &mut DocContext<'_>,
    key: &str,
    text: &Text,
    errors: &[ParseError],
    remainder: Option<Span>,
) {
    for error in errors {
        let slice = error.span.slice(&text.text);
        let what = if slice.trim().is_empty() {
            String::new()
        } else {
            format!(" `{slice}`")
        };
        ctx.report_meta(Finding::new(
            Rule::UnparsedCitation,
            in_text(text, error.span),
            format!("Cannot read{what} in `{key}`: {}", error.message),
        ));
    }
    if errors.is_empty() {
        if let Some(rest) = remainder {
            ctx.report_meta(Finding::new(
                Rule::UnparsedCitation,
                in_text(text, rest),
                format!("Cannot read `{}` in `{key}`", rest.slice(&text.text)),
            ));
        }
    }
}

/// Report what did not parse.
pub fn check(ctx: &mut DocContext<'_>) {
    if let Some(source) = &ctx.doc.source {
        if let (Some(parsed), Some(text)) = (&source.reference, &source.cite) {
            report_value(ctx, "source.cite", text, &parsed.errors, parsed.remainder);
        }
        if let (Some(parsed), Some(text)) = (&source.locators, &source.locator) {
            report_value(
                ctx,
                "source.locator",
                text,
                &parsed.errors,
                parsed.remainder,
            );
        }
        if let (Some(parsed), Some(text)) = (&source.archival, &source.archive) {
            report_value(
                ctx,
                "source.archive",
                text,
                &parsed.errors,
                parsed.remainder,
            );
        }
    }
    let body = ctx.body_text();
    let mut findings = Vec::new();
    // The citation parser kept what it could not read in each locator: no second reading.
    for citation in &ctx.doc.body.citations {
        for item in &citation.items {
            let key = item.key.slice(body);
            for error in &item.locator_errors {
                findings.push(Finding::new(
                    Rule::UnparsedCitation,
                    error.span,
                    format!(
                        "Cannot read `{}` in the locator of `@{key}`: {}",
                        error.span.slice(body),
                        error.message
                    ),
                ));
            }
        }
    }
    for finding in findings {
        ctx.report_body(finding);
    }
}
