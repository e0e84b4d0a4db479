//! The `concise` format: one line per diagnostic, `path:row:col: CODE message`.
//! Easy to grep, and understood by editors' "jump to error" features.

use super::escape_controls;
use crate::diagnostic::Diagnostic;
use std::io::{self, Write};

/// Write one line per diagnostic.
pub fn render(diagnostics: &[Diagnostic], color: bool, out: &mut dyn Write) -> io::Result<()> {
    for d in diagnostics {
        let message = one_line(&d.message);
        let message = escape_controls(&message);
        let path = escape_controls(&d.path);
        if color {
            writeln!(
                out,
                "\x1b[1m{}\x1b[0m:{}:{}: \x1b[1;31m{}\x1b[0m {}",
                path,
                d.start.line,
                d.start.column,
                d.code(),
                message
            )?;
        } else {
            writeln!(
                out,
                "{}:{}:{}: {} {}",
                path,
                d.start.line,
                d.start.column,
                d.code(),
                message
            )?;
        }
    }
    Ok(())
}

/// A message with its line breaks shown as spaces, so each diagnostic stays on one line.
pub(crate) fn one_line(message: &str) -> String {
    message
        .split(['\r', '\n'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use crate::output::{render_to_string, test_support::sample, OutputFormat};

    #[test]
    fn one_line_each() {
        let out = render_to_string(OutputFormat::Concise, &sample());
        insta::assert_snapshot!(out, @r#"
        docs/a.md:4:9: R002 Range `612–601` runs backwards
        docs/a.md:4:23: F002 Range `33-35` is written with a hyphen
        docs/b,c:d.md:1:1: S004 Source written differently in `docs/a.md`: "x", a,b:c% next
        "#);
    }
}
