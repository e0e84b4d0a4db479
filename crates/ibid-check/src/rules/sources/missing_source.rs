//! S001: a document with no source.
//! A source is a `[source]` with a `cite`, a `key`, an `archive` or a `url`.

use crate::codes::Rule;
use crate::diagnostic::{Finding, TextRange};
use crate::rules::DocContext;
use ibid_provenance::{NearMiss, Text};

/// ## What it does
/// Finds documents that do not say where their text comes from: no front matter and no
/// sidecar at all, no `[source]` table, or a `[source]` with none of `cite` (a reference to
/// the edition), `key` (an entry of the corpus bibliography), `archive` (the original) or
/// `url` (the web edition). A document that cites its sources in its body with pandoc
/// citations (an essay or a commentary written for the corpus) is not reported.
///
/// A file with no front matter that carries a `Source: ...` line (as pages copied from the
/// web do) is reported on that line, with the `cite` to write.
///
/// ## Why is this bad?
/// A transcription or translation without its source cannot be checked against the
/// original, cited, or trusted: it is the one thing every document of a corpus must record.
///
/// ## Example
/// ```toml
/// +++
/// title = "Letter of N. Narimanov to V. I. Lenin"
/// date = "1921-02-16"
/// +++
/// ```
///
/// Use instead:
/// ```toml
/// +++
/// title = "Letter of N. Narimanov to V. I. Lenin"
/// date = "1921-02-16"
///
/// [source]
/// cite = "Барсегов Ю.Г. Нагорный Карабах, Document 652, page 612"
/// +++
/// ```
///
/// ## Fix
/// Add a `[source]` table with `cite` or `key`. There is no automatic fix.
pub struct MissingSource;

fn present(text: &Option<Text>) -> bool {
    text.as_ref().is_some_and(|t| !t.text.trim().is_empty())
}

/// The first line of `text` (without its ending), or an empty range at the start.
fn first_line(text: &str) -> TextRange {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let end = text
        .get(start..)
        .and_then(|t| t.find(['\r', '\n']))
        .map_or(text.len(), |i| start + i);
    TextRange::new(start, end)
}

/// Report a document without a source.
/// Labels that introduce a source line in pasted web pages and editions.
const SOURCE_LABELS: [&str; 6] = ["Source", "Sources", "Источник", "Quelle", "Fonte", "Fuente"];

/// The last line of `text` that reads `Source: ...` (in any of [`SOURCE_LABELS`]): its range
/// and the reference after the label. Web pages put such a line at the end of a document.
fn source_line(text: &str) -> Option<(TextRange, &str)> {
    let mut found = None;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\r', '\n']);
        let indent = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        for label in SOURCE_LABELS {
            let Some(rest) = trimmed.strip_prefix(label) else {
                continue;
            };
            let Some(cite) = rest.trim_start().strip_prefix(':') else {
                continue;
            };
            let cite = cite.trim();
            if !cite.is_empty() {
                let from = start + indent;
                found = Some((TextRange::new(from, from + trimmed.len()), cite));
            }
        }
        start += line.len();
    }
    found
}

pub fn check(ctx: &mut DocContext<'_>) {
    let doc = ctx.doc;
    if !doc.body.citations.is_empty() && doc.source.is_none() {
        return;
    }
    let has_meta = doc.front_matter.is_some() || doc.sidecar.is_some();
    if !has_meta {
        let text = &doc.file.text;
        let finding = match source_line(text) {
            Some((range, cite)) => Finding::new(
                Rule::MissingSource,
                range,
                "Document has no front matter and no sidecar, so its source line is not read",
            )
            .with_help(format!(
                "move it into `+++` front matter: `[source]` then `cite = \"{}\"`",
                cite.replace('"', "\\\"")
            )),
            None => match ibid_provenance::front_matter_near_miss(text) {
                Some(NearMiss::Yaml { line }) => Finding::new(
                    Rule::MissingSource,
                    line,
                    "Document has no front matter ibid reads: `---` opens YAML front matter, \
                     and ibid reads TOML between `+++` lines, so no source",
                )
                .with_help(
                    "write it as TOML: `+++`, then `title = \"...\"` and a `[source]` table \
                     with `cite = \"...\"`, then `+++`",
                ),
                Some(NearMiss::NotFirstLine { line, blank_lines }) => Finding::new(
                    Rule::MissingSource,
                    line,
                    "Document has no front matter ibid reads: the opening `+++` must be the \
                     file's first line, so no source",
                )
                .with_help(format!(
                    "remove the {blank_lines} blank {} before `+++`",
                    if blank_lines == 1 { "line" } else { "lines" }
                )),
                _ => Finding::new(
                    Rule::MissingSource,
                    first_line(text),
                    "Document has no front matter and no sidecar, so no source",
                )
                .with_help(
                    "add `+++` front matter with a `[source]` table (or a sidecar \
                     `NAME.ibid.toml`)",
                ),
            },
        };
        ctx.report_file(finding);
        return;
    }
    match &doc.source {
        Some(source)
            if present(&source.cite)
                || present(&source.key)
                || present(&source.archive)
                || present(&source.url) => {}
        Some(source) => ctx.report_meta(
            Finding::new(
                Rule::MissingSource,
                first_line(ctx.meta_text().get(source.span.start..).unwrap_or(""))
                    .shift(source.span.start),
                "`[source]` has no `cite`, `key`, `archive` or `url`",
            )
            .with_help(
                "write `cite = \"...\"` (a reference) or `key = \"...\"` (a bibliography entry)",
            ),
        ),
        None => {
            let range = match doc.front_matter {
                Some(_) => first_line(&doc.file.text),
                None => first_line(ctx.meta_text()),
            };
            ctx.report_meta(
                Finding::new(Rule::MissingSource, range, "Document has no `[source]`")
                    .with_help("add a `[source]` table with `cite = \"...\"` or `key = \"...\"`"),
            );
        }
    }
}
