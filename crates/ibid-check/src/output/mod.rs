//! Output formats: each is a renderer of a sorted list of [`Diagnostic`]s to a writer.
//! `full` and `concise` are for people; the others are for machines and CI services.

mod concise;
mod full;
mod github;
mod json;
mod junit;
mod sarif;
mod statistics;

pub use statistics::{render_statistics, Statistic};

use crate::diagnostic::Diagnostic;
use std::io::{self, Write};

/// The output formats of `ibid check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum OutputFormat {
    /// rustc-like: `path:line:col`, the source line, a caret, a help line.
    #[default]
    Full,
    /// One line per diagnostic: `path:row:col: CODE message`.
    Concise,
    /// A JSON list of diagnostics, like ruff's.
    Json,
    /// One JSON object per line.
    JsonLines,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=...::message`).
    Github,
    /// JUnit XML.
    Junit,
}

impl OutputFormat {
    /// Every format with its command-line name.
    pub const ALL: [(OutputFormat, &'static str); 7] = [
        (OutputFormat::Full, "full"),
        (OutputFormat::Concise, "concise"),
        (OutputFormat::Json, "json"),
        (OutputFormat::JsonLines, "json-lines"),
        (OutputFormat::Sarif, "sarif"),
        (OutputFormat::Github, "github"),
        (OutputFormat::Junit, "junit"),
    ];

    /// The format's command-line name.
    pub fn name(self) -> &'static str {
        OutputFormat::ALL
            .iter()
            .find(|(f, _)| *f == self)
            .map_or("full", |(_, n)| n)
    }

    /// The format with this command-line name (`text` is accepted for `full`).
    pub fn from_name(name: &str) -> Option<Self> {
        if name == "text" {
            return Some(OutputFormat::Full);
        }
        OutputFormat::ALL
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(f, _)| *f)
    }

    /// Whether the format is for people (and so gets a summary line).
    pub fn is_human(self) -> bool {
        matches!(self, OutputFormat::Full | OutputFormat::Concise)
    }
}

/// Options that change how diagnostics are shown.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RenderOptions {
    /// Use colours (only for `full` and `concise`).
    pub color: bool,
    /// The folder the relative paths of the diagnostics are relative to (the check's
    /// `cwd`): SARIF names it as the base of every relative `uri`. The current folder when
    /// not given.
    pub base: Option<std::path::PathBuf>,
}

/// Render `diagnostics` (already sorted) in `format` to `out`.
pub fn render(
    format: OutputFormat,
    diagnostics: &[Diagnostic],
    options: RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        OutputFormat::Full => full::render(diagnostics, options.color, out),
        OutputFormat::Concise => concise::render(diagnostics, options.color, out),
        OutputFormat::Json => json::render(diagnostics, out),
        OutputFormat::JsonLines => json::render_lines(diagnostics, out),
        OutputFormat::Sarif => sarif::render(diagnostics, options.base.as_deref(), out),
        OutputFormat::Github => github::render(diagnostics, out),
        OutputFormat::Junit => junit::render(diagnostics, out),
    }
}

/// `text` with the characters that would drive a terminal escaped
/// (see [`ibid_provenance::terminal::escape_controls`]).
pub(crate) use ibid_provenance::terminal::escape_controls;

/// Render to a string (for tests and snapshots).
pub fn render_to_string(format: OutputFormat, diagnostics: &[Diagnostic]) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = render(format, diagnostics, RenderOptions::default(), &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::codes::Rule;
    use crate::diagnostic::{Diagnostic, Edit, Finding, Fix, TextRange};
    use ibid_provenance::LineIndex;

    /// A few diagnostics over two small files, one with a fix, with awkward characters.
    pub fn sample() -> Vec<Diagnostic> {
        let a = "+++\ntitle = \"Letter\"\n+++\nSee pp. 612–601 and 33-35.\n";
        let b = "Барсегов Ю.Г. <Нагорный> & \"Карабах\", 100%\n";
        let ia = LineIndex::new(a);
        let ib = LineIndex::new(b);
        let dash = a.find("33-35").unwrap() + 2;
        let mut diagnostics = vec![
            Finding::new(
                Rule::ReversedRange,
                TextRange::new(a.find("612").unwrap(), a.find(" and").unwrap()),
                "Range `612–601` runs backwards",
            )
            .with_help("Check the numbers against the source")
            .resolve("docs/a.md", a, &ia),
            Finding::new(
                Rule::RangeDash,
                TextRange::new(dash, dash + 1),
                "Range `33-35` is written with a hyphen",
            )
            .with_fix(Fix::safe(
                "Write an en dash",
                Edit::replace(TextRange::new(dash, dash + 1), "–"),
            ))
            .resolve("docs/a.md", a, &ia),
            Finding::new(
                Rule::InconsistentSource,
                TextRange::new(0, b.find(',').unwrap()),
                "Source written differently in `docs/a.md`: \"x\", a,b:c%\r\nnext",
            )
            .resolve("docs/b,c:d.md", b, &ib),
        ];
        crate::diagnostic::sort_diagnostics(&mut diagnostics);
        diagnostics
    }
}
