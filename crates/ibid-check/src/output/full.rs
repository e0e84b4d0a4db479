//! The `full` format: rustc-like reports drawn by `annotate-snippets`: the code and message,
//! `path:line:col`, the source lines with a caret under the span, and help lines.

use super::escape_controls;
use crate::diagnostic::Diagnostic;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;

/// What stands for the part of a long line that is not shown.
const CUT: &str = "...";

/// Write one report per diagnostic, separated by blank lines.
pub fn render(diagnostics: &[Diagnostic], color: bool, out: &mut dyn Write) -> io::Result<()> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for d in diagnostics {
        writeln!(out, "{}\n", report(&renderer, d))?;
    }
    Ok(())
}

/// One diagnostic drawn as rustc would. Text from documents (the path, the message, help
/// lines, the snippet) cannot drive the terminal: controls are escaped.
fn report(renderer: &Renderer, d: &Diagnostic) -> String {
    let message = escape_controls(&d.message);
    let path = escape_controls(&d.path);
    let title = Level::ERROR.primary_title(message).id(d.code());
    let origin = || {
        Origin::path(path.clone())
            .line(d.start.line)
            .char_column(d.start.column)
    };
    match &d.snippet {
        Some(snippet) if snippet.first_column > 1 || snippet.cut_after => {
            // A window of a long line: `...` marks where it was cut. The renderer would
            // count the header's column from the window's start, so the header is drawn
            // on its own, with the real column, above the window.
            let before = if snippet.first_column > 1 { CUT } else { "" };
            let after = if snippet.cut_after { CUT } else { "" };
            let (text, span) = escape_c1(&snippet.text, annotated(d, snippet));
            let source = format!("{before}{text}{after}");
            let span = span.start + before.len()..span.end + before.len();
            // Drawn alone, the header's arrow has no room for line numbers: indent it as
            // the window's line numbers are.
            let header = renderer.render(&[title.element(origin())]);
            let indent = " ".repeat(snippet.first_row.to_string().len());
            let header = match header.split_once('\n') {
                Some((title, arrow)) => format!("{title}\n{indent}{arrow}"),
                None => header,
            };
            let window = Group::with_level(Level::ERROR).element(
                Snippet::source(source)
                    .line_start(snippet.first_row)
                    .fold(false)
                    .annotation(AnnotationKind::Primary.span(span)),
            );
            let body = renderer.render(&[advice(d, window)]);
            format!("{header}\n{body}")
        }
        Some(snippet) if !snippet.text.is_empty() || d.range.start == d.range.end => {
            let (text, span) = escape_c1(&snippet.text, annotated(d, snippet));
            let group = title.element(
                Snippet::source(text)
                    .line_start(snippet.first_row)
                    .path(path.clone())
                    .fold(false)
                    .annotation(AnnotationKind::Primary.span(span)),
            );
            renderer.render(&[advice(d, group)])
        }
        _ => renderer.render(&[advice(d, title.element(origin()))]),
    }
}

/// `text` with its C1 controls (U+0080 to U+009F, which the renderer leaves as they are)
/// escaped, and `span` moved to match. The renderer shows the other controls as pictures.
fn escape_c1(text: &str, span: Range<usize>) -> (Cow<'_, str>, Range<usize>) {
    let c1 = |c: char| ('\u{80}'..='\u{9f}').contains(&c);
    if !text.contains(c1) {
        return (Cow::Borrowed(text), span);
    }
    let escaped = |part: &str| -> String {
        part.chars()
            .map(|c| {
                if c1(c) {
                    format!("\\u{{{:x}}}", u32::from(c))
                } else {
                    c.to_string()
                }
            })
            .collect()
    };
    let start = escaped(text.get(..span.start).unwrap_or("")).len();
    let end = start + escaped(text.get(span.clone()).unwrap_or("")).len();
    (Cow::Owned(escaped(text)), start..end)
}

/// The bytes of `snippet` the diagnostic's range covers.
fn annotated(d: &Diagnostic, snippet: &crate::diagnostic::Snippet) -> std::ops::Range<usize> {
    let len = snippet.text.len();
    let start = d.range.start.saturating_sub(snippet.offset).min(len);
    let end = d.range.end.saturating_sub(snippet.offset).clamp(start, len);
    start..end
}

/// `group` with the diagnostic's help and fix lines.
fn advice<'a>(d: &'a Diagnostic, mut group: Group<'a>) -> Group<'a> {
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(escape_controls(help)));
    }
    if let Some(fix) = &d.fix {
        let how = match fix.applicability {
            crate::diagnostic::Applicability::Safe => "(`--fix` applies it)",
            crate::diagnostic::Applicability::Unsafe => "(unsafe: not applied by `--fix`)",
        };
        let message = escape_controls(&fix.message);
        group = group.element(Level::HELP.message(format!("{message} {how}")));
    }
    group
}

#[cfg(test)]
mod tests {
    use crate::output::{render_to_string, test_support::sample, OutputFormat};

    #[test]
    fn reports_look_like_rustc() {
        let out = render_to_string(OutputFormat::Full, &sample());
        insta::assert_snapshot!(out);
    }

    #[test]
    fn long_lines_are_cut_around_the_span_with_the_real_column() {
        use crate::diagnostic::{Finding, TextRange};
        use crate::Rule;
        use ibid_provenance::LineIndex;
        let text = format!(
            "+++\n+++\n{} Angorians* {}\n",
            "word ".repeat(60),
            "more ".repeat(60)
        );
        let at = text.find('*').unwrap();
        let d = Finding::new(
            Rule::UnexplainedMarker,
            TextRange::new(at, at + 1),
            "Marker `*` has no note explaining it",
        )
        .resolve("letter.md", &text, &LineIndex::new(&text));
        assert_eq!(d.start.column, 311);
        let out = render_to_string(OutputFormat::Full, &[d]);
        insta::assert_snapshot!(out);
    }
}
