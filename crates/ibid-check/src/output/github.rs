//! The `github` format: GitHub Actions workflow commands, which become annotations on a PR.
//! Values are escaped as the runner expects: `%`, CR and LF everywhere, `:` and `,` in properties.

use crate::diagnostic::Diagnostic;
use std::io::{self, Write};

/// Write one `::error ...::message` line per diagnostic.
pub fn render(diagnostics: &[Diagnostic], out: &mut dyn Write) -> io::Result<()> {
    for d in diagnostics {
        writeln!(
            out,
            "::error title={},file={},line={},col={},endLine={},endColumn={}::{}",
            escape_property(&format!("ibid ({})", d.code())),
            escape_property(&d.path),
            d.start.line,
            d.start.column,
            d.end.line,
            d.end.column,
            escape_data(&format!("{} {}", d.code(), d.message)),
        )?;
    }
    Ok(())
}

/// Escape a message: `%`, `\r`, `\n`.
fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Escape a property value: as a message, plus `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{render_to_string, test_support::sample, OutputFormat};

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(escape_data("100%\r\nx:y,z"), "100%25%0D%0Ax:y,z");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }

    #[test]
    fn one_command_per_diagnostic() {
        let out = render_to_string(OutputFormat::Github, &sample());
        insta::assert_snapshot!(out, @r#"
        ::error title=ibid (R002),file=docs/a.md,line=4,col=9,endLine=4,endColumn=16::R002 Range `612–601` runs backwards
        ::error title=ibid (F002),file=docs/a.md,line=4,col=23,endLine=4,endColumn=24::F002 Range `33-35` is written with a hyphen
        ::error title=ibid (S004),file=docs/b%2Cc%3Ad.md,line=1,col=1,endLine=1,endColumn=37::S004 Source written differently in `docs/a.md`: "x", a,b:c%25%0D%0Anext
        "#);
    }
}
