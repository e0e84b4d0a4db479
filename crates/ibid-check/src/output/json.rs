//! The `json` and `json-lines` formats: ruff's shape (`code`, `message`, `filename`,
//! `location`, `end_location`, `fix`, `url`, `noqa_row`), as a list or one object per line.

use crate::diagnostic::{Applicability, Diagnostic};
use ibid_provenance::LineCol;
use serde::Serialize;
use std::io::{self, Write};

/// A position as ruff writes it: `row` and `column`, both 1-based.
#[derive(Serialize)]
struct JsonLocation {
    row: usize,
    column: usize,
}

impl From<LineCol> for JsonLocation {
    fn from(at: LineCol) -> Self {
        JsonLocation {
            row: at.line,
            column: at.column,
        }
    }
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    content: &'a str,
    location: JsonLocation,
    end_location: JsonLocation,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    applicability: Applicability,
    message: &'a str,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'static str,
    message: &'a str,
    filename: &'a str,
    location: JsonLocation,
    end_location: JsonLocation,
    fix: Option<JsonFix<'a>>,
    help: Option<&'a str>,
    url: String,
    noqa_row: usize,
}

fn to_json(d: &Diagnostic) -> JsonDiagnostic<'_> {
    JsonDiagnostic {
        code: d.code(),
        message: &d.message,
        filename: &d.path,
        location: d.start.into(),
        end_location: d.end.into(),
        fix: d.fix.as_ref().map(|fix| JsonFix {
            applicability: fix.applicability,
            message: &fix.message,
            edits: fix
                .edits
                .iter()
                .map(|e| JsonEdit {
                    content: &e.content,
                    location: e.start.into(),
                    end_location: e.end.into(),
                })
                .collect(),
        }),
        help: d.help.as_deref(),
        url: d.rule.url(),
        noqa_row: d.noqa_row(),
    }
}

/// Write a pretty-printed JSON list.
pub fn render(diagnostics: &[Diagnostic], out: &mut dyn Write) -> io::Result<()> {
    let list: Vec<_> = diagnostics.iter().map(to_json).collect();
    serde_json::to_writer_pretty(&mut *out, &list)?;
    out.write_all(b"\n")
}

/// Write one compact JSON object per line.
pub fn render_lines(diagnostics: &[Diagnostic], out: &mut dyn Write) -> io::Result<()> {
    for d in diagnostics {
        serde_json::to_writer(&mut *out, &to_json(d))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::output::{render_to_string, test_support::sample, OutputFormat};

    #[test]
    fn json_is_a_list_in_ruffs_shape() {
        let out = render_to_string(OutputFormat::Json, &sample());
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        insta::assert_json_snapshot!(value);
    }

    #[test]
    fn json_lines_has_one_object_per_line() {
        let out = render_to_string(OutputFormat::JsonLines, &sample());
        let lines: Vec<_> = out.lines().collect();
        assert_eq!(lines.len(), 3);
        for line in lines {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            assert!(value["code"].is_string());
            assert!(value["location"]["row"].is_u64());
        }
        assert_eq!(render_to_string(OutputFormat::Json, &[]), "[]\n");
        assert_eq!(render_to_string(OutputFormat::JsonLines, &[]), "");
    }
}
