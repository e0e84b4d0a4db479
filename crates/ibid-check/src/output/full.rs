//! The `full` format: rustc-like reports drawn by `annotate-snippets`: the code and message,
//! `path:line:col`, the source lines with a caret under the span, and help lines.

use super::RenderOptions;
use crate::diagnostic::Diagnostic;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use std::io::{self, Write};

/// Write one report per diagnostic, separated by blank lines.
pub fn render(
    diagnostics: &[Diagnostic],
    options: RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for d in diagnostics {
        writeln!(out, "{}\n", renderer.render(&report(d)))?;
    }
    Ok(())
}

fn report(d: &Diagnostic) -> Vec<Group<'_>> {
    let title = Level::ERROR.primary_title(d.message.as_str()).id(d.code());
    let mut group = match &d.snippet {
        Some(snippet) if !snippet.text.is_empty() || d.range.start == d.range.end => {
            let len = snippet.text.len();
            let start = d.range.start.saturating_sub(snippet.offset).min(len);
            let end = d.range.end.saturating_sub(snippet.offset).clamp(start, len);
            title.element(
                Snippet::source(snippet.text.as_str())
                    .line_start(snippet.first_row)
                    .path(d.path.as_str())
                    .fold(false)
                    .annotation(AnnotationKind::Primary.span(start..end)),
            )
        }
        _ => title.element(
            Origin::path(d.path.as_str())
                .line(d.start.line)
                .char_column(d.start.column),
        ),
    };
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    if let Some(fix) = &d.fix {
        let how = match fix.applicability {
            crate::diagnostic::Applicability::Safe => "(`--fix` applies it)",
            crate::diagnostic::Applicability::Unsafe => "(unsafe: not applied by `--fix`)",
        };
        group = group.element(Level::HELP.message(format!("{} {how}", fix.message)));
    }
    vec![group]
}

#[cfg(test)]
mod tests {
    use crate::output::{render_to_string, test_support::sample, OutputFormat};

    #[test]
    fn reports_look_like_rustc() {
        let out = render_to_string(OutputFormat::Full, &sample());
        insta::assert_snapshot!(out);
    }
}
