//! The report of one import: each field with the text it came from (line:column) or the
//! basis of its inference, what could not be determined, the debris, and where every line
//! of the page went; rendered as text or serialised as JSON.

use crate::fields::{DebrisEntry, Fields, Found, Undetermined};
use crate::placement::Place;
use serde::Serialize;
use std::fmt::Write as _;

/// How an import ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Status {
    /// Every field the page should give was found.
    Imported,
    /// Imported, with fields left undetermined.
    Incomplete,
    /// The file is already a document (front matter or sidecar): nothing to do.
    AlreadyDocument,
}

/// One field found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldReport {
    /// The field's path (`source.cite`, `annotations[3].hand`).
    pub field: String,
    /// Its value.
    pub value: String,
    /// Line of the text it came from, from 1.
    pub line: Option<usize>,
    /// Column, from 1.
    pub column: Option<usize>,
    /// The text it came from, verbatim.
    pub text: Option<String>,
    /// How it was read or inferred.
    pub basis: Option<String>,
}

/// A run of lines that went to one place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineRange {
    /// First line, from 1.
    pub first: usize,
    /// Last line, from 1.
    pub last: usize,
    /// Where they went.
    pub place: Place,
}

/// The report of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The input file, as the caller names it.
    pub file: String,
    /// The file written (or that would be written with `--dry-run`).
    pub output: Option<String>,
    /// How it ended.
    pub status: Status,
    /// Each field found.
    pub fields: Vec<FieldReport>,
    /// What could not be determined.
    pub undetermined: Vec<Undetermined>,
    /// Page debris, each with its reason.
    pub debris: Vec<DebrisEntry>,
    /// Where every line of the page went.
    pub lines: Vec<LineRange>,
}

impl Report {
    /// The report of an import of `fields` with lines placed as `places`.
    pub(crate) fn new(
        fields: &Fields,
        places: &[Place],
        undetermined: Vec<Undetermined>,
    ) -> Report {
        let status = if undetermined.is_empty() {
            Status::Imported
        } else {
            Status::Incomplete
        };
        Report {
            file: String::new(),
            output: None,
            status,
            fields: flatten(fields),
            undetermined,
            debris: fields.debris.clone(),
            lines: ranges(places),
        }
    }

    /// The report of a file that is already a document.
    pub fn already_document() -> Report {
        Report {
            file: String::new(),
            output: None,
            status: Status::AlreadyDocument,
            fields: Vec::new(),
            undetermined: Vec::new(),
            debris: Vec::new(),
            lines: Vec::new(),
        }
    }

    /// The report as readable text.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = match &self.output {
            Some(o) => writeln!(out, "{} → {}", self.file, o),
            None => writeln!(out, "{}", self.file),
        };
        if self.status == Status::AlreadyDocument {
            out.push_str("  already a document (front matter or sidecar): nothing to import\n");
            return out;
        }
        let width = self
            .fields
            .iter()
            .map(|f| f.field.chars().count())
            .max()
            .unwrap_or(0);
        for f in &self.fields {
            let _ = write!(out, "  {:width$}  {}", f.field, short(&f.value, 70));
            if let (Some(l), Some(c)) = (f.line, f.column) {
                let text = f.text.as_deref().unwrap_or("");
                if text == f.value {
                    let _ = write!(out, "  [{l}:{c}]");
                } else {
                    let _ = write!(out, "  [{l}:{c} “{}”]", short(text, 50));
                }
            }
            if let Some(b) = &f.basis {
                let _ = write!(out, "  ({b})");
            }
            out.push('\n');
        }
        for d in &self.debris {
            let _ = writeln!(
                out,
                "  debris {}:{} “{}”: {}",
                d.line,
                d.column,
                short(&d.text, 60),
                d.reason
            );
        }
        for u in &self.undetermined {
            let _ = writeln!(out, "  undetermined {}: {}", u.field, u.reason);
        }
        let lines: Vec<String> = self
            .lines
            .iter()
            .map(|r| {
                if r.first == r.last {
                    format!("{} {}", r.first, r.place.name())
                } else {
                    format!("{}–{} {}", r.first, r.last, r.place.name())
                }
            })
            .collect();
        let _ = writeln!(out, "  lines: {}", lines.join(", "));
        out
    }
}

/// `text` cut to `max` characters with an ellipsis.
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.replace('\n', "⏎");
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{}…", cut.replace('\n', "⏎"))
}

fn field(out: &mut Vec<FieldReport>, name: &str, found: &Option<Found>) {
    if let Some(f) = found {
        push(out, name.to_string(), f);
    }
}

fn push(out: &mut Vec<FieldReport>, name: String, f: &Found) {
    out.push(FieldReport {
        field: name,
        value: f.value.clone(),
        line: f.from.as_ref().map(|o| o.line),
        column: f.from.as_ref().map(|o| o.column),
        text: f.from.as_ref().map(|o| o.text.clone()),
        basis: f.basis.clone(),
    });
}

/// Every field of `fields` as a flat list, in the order of the front matter.
fn flatten(fields: &Fields) -> Vec<FieldReport> {
    let mut out = Vec::new();
    field(&mut out, "title", &fields.title);
    field(&mut out, "date", &fields.date);
    field(&mut out, "language", &fields.language);
    field(&mut out, "kind", &fields.kind);
    field(&mut out, "author", &fields.author);
    field(&mut out, "recipient", &fields.recipient);
    field(&mut out, "place", &fields.place);
    let s = &fields.source;
    field(&mut out, "source.cite", &s.cite);
    field(&mut out, "source.key", &s.key);
    field(&mut out, "source.locator", &s.locator);
    field(&mut out, "source.archive", &s.archive);
    field(&mut out, "source.language", &s.language);
    if let Some(t) = &fields.translation {
        field(&mut out, "translation.from", &t.from);
        field(&mut out, "translation.to", &t.to);
        for b in &t.by {
            push(&mut out, "translation.by".to_string(), b);
        }
    }
    for h in &fields.hands {
        push(&mut out, format!("hands.{}", h.id), &h.name);
    }
    for (i, n) in fields.notes.iter().enumerate() {
        push(&mut out, format!("notes[{i}].marker {}", n.marker), &n.text);
        field(&mut out, &format!("notes[{i}].kind"), &n.kind);
        field(&mut out, &format!("notes[{i}].hand"), &n.hand);
        field(&mut out, &format!("notes[{i}].target"), &n.target);
    }
    for (i, a) in fields.annotations.iter().enumerate() {
        push(&mut out, format!("annotations[{i}].text"), &a.text);
        field(&mut out, &format!("annotations[{i}].hand"), &a.hand);
        field(&mut out, &format!("annotations[{i}].date"), &a.date);
    }
    field(&mut out, "import.preamble", &fields.preamble);
    for h in &fields.headings {
        push(&mut out, "heading".to_string(), h);
    }
    out
}

/// Runs of equal places as line ranges.
fn ranges(places: &[Place]) -> Vec<LineRange> {
    let mut out: Vec<LineRange> = Vec::new();
    for (i, &p) in places.iter().enumerate() {
        match out.last_mut() {
            Some(r) if r.place == p && r.last == i => r.last = i + 1,
            _ => out.push(LineRange {
                first: i + 1,
                last: i + 1,
                place: p,
            }),
        }
    }
    out
}
