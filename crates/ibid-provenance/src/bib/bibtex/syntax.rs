//! The syntax of a `.bib` file: entries, fields and `@string` macros, read with the
//! `biblatex` crate's raw parser; when the file does not parse, each entry is read alone.

use biblatex::{RawBibliography, RawChunk};
use ibid_parse::Span;
use std::collections::HashMap;

/// A field of an entry: lower-case name, TeX value (macros expanded, `#` parts joined).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawField {
    pub name: String,
    pub value: String,
    pub span: Span,
}

/// An entry as written: key, lower-case type, fields in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawEntry {
    pub key: String,
    pub kind: String,
    pub span: Span,
    pub fields: Vec<RawField>,
}

impl RawEntry {
    /// The first field called `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.value.as_str())
    }

    /// Whether the entry has a field called `name`.
    pub fn has(&self, name: &str) -> bool {
        self.fields.iter().any(|f| f.name == name)
    }
}

/// A problem met reading the syntax, at a byte offset of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub at: usize,
    pub message: String,
    pub help: &'static str,
}

/// The entries of a file and the problems met.
pub(crate) struct Syntax {
    pub entries: Vec<RawEntry>,
    pub errors: Vec<SyntaxError>,
}

/// One `@...` chunk of the file.
struct Chunk {
    start: usize,
    end: usize,
    kind: String,
    key: Option<String>,
}

/// Split `text` at every `@` that starts a line (after blanks).
fn chunks(text: &str) -> Vec<Chunk> {
    let mut starts = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with('@') {
            starts.push(line_start + (line.len() - trimmed.len()));
        }
        line_start += line.len();
    }
    let mut out = Vec::with_capacity(starts.len());
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        let body = text.get(start + 1..end).unwrap_or("");
        let kind_len = body
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-')
            .count();
        let kind = body.get(..kind_len).unwrap_or("").to_ascii_lowercase();
        let after = body.get(kind_len..).unwrap_or("").trim_start();
        let key = after
            .strip_prefix(['{', '('])
            .map(|rest| {
                rest.chars()
                    .take_while(|c| *c != ',' && *c != '}' && *c != ')' && !c.is_whitespace())
                    .collect::<String>()
            })
            .filter(|k| !k.is_empty());
        out.push(Chunk {
            start,
            end,
            kind,
            key,
        });
    }
    out
}

/// The English month names BibTeX's standard styles define as macros; biblatex reads the
/// same macros in `month` as numbers.
const MONTHS: [(&str, &str); 12] = [
    ("jan", "January"),
    ("feb", "February"),
    ("mar", "March"),
    ("apr", "April"),
    ("may", "May"),
    ("jun", "June"),
    ("jul", "July"),
    ("aug", "August"),
    ("sep", "September"),
    ("oct", "October"),
    ("nov", "November"),
    ("dec", "December"),
];

/// `@string` macros by lower-case name (BibTeX's macro names ignore case).
#[derive(Default)]
struct Macros(HashMap<String, String>);

impl Macros {
    /// The value of a field: its parts joined, each macro replaced by its text.
    fn expand(
        &self,
        field: &str,
        parts: &[biblatex::Spanned<RawChunk<'_>>],
        offset: usize,
        errors: &mut Vec<SyntaxError>,
    ) -> String {
        let mut value = String::new();
        for part in parts {
            match part.v {
                RawChunk::Normal(text) => value.push_str(text),
                RawChunk::Abbreviation(name) => {
                    let lower = name.to_ascii_lowercase();
                    if let Some(text) = self.0.get(&lower) {
                        value.push_str(text);
                    } else if let Some(i) = MONTHS.iter().position(|(m, _)| *m == lower) {
                        if field == "month" {
                            value.push_str(&(i + 1).to_string());
                        } else if let Some((_, long)) = MONTHS.get(i) {
                            value.push_str(long);
                        }
                    } else {
                        errors.push(SyntaxError {
                            at: part.span.start + offset,
                            message: format!("unknown @string macro `{name}`"),
                            help: "define it with @string{name = {text}} before the entries, or put the value in braces",
                        });
                        value.push_str(name);
                    }
                }
            }
        }
        value
    }
}

fn convert_raw(
    raw: &RawBibliography<'_>,
    offset: usize,
    macros: &Macros,
    entries: &mut Vec<RawEntry>,
    errors: &mut Vec<SyntaxError>,
) {
    for entry in &raw.entries {
        let fields = entry
            .v
            .fields
            .iter()
            .map(|pair| {
                let name = pair.key.v.to_ascii_lowercase();
                let value = macros.expand(&name, &pair.value.v, offset, errors);
                RawField {
                    span: Span::new(pair.key.span.start + offset, pair.value.span.end + offset),
                    name,
                    value,
                }
            })
            .collect();
        entries.push(RawEntry {
            key: entry.v.key.v.to_string(),
            kind: entry.v.kind.v.to_ascii_lowercase(),
            span: Span::new(entry.span.start + offset, entry.span.end + offset),
            fields,
        });
    }
}

/// Define the macros of `raw` in order (a macro may use the ones before it).
fn define(
    raw: &RawBibliography<'_>,
    offset: usize,
    macros: &mut Macros,
    errors: &mut Vec<SyntaxError>,
) {
    for pair in &raw.abbreviations {
        let name = pair.key.v.to_ascii_lowercase();
        let value = macros.expand("", &pair.value.v, offset, errors);
        macros.0.insert(name, value);
    }
}

/// What a raw parser error means, in the words of someone writing the file.
fn explain(kind: &biblatex::ParseErrorKind) -> String {
    use biblatex::{ParseErrorKind as K, Token};
    match kind {
        K::UnexpectedEof => "it ends before its braces or quotes are closed".to_string(),
        K::Expected(Token::Comma) => "a comma is missing here".to_string(),
        K::Expected(Token::Equals) => "`=` is missing after the field name".to_string(),
        K::Expected(Token::Identifier) => "a field name is expected here".to_string(),
        K::Expected(Token::OpeningBrace) => "`{` is expected after the entry type".to_string(),
        other => other.to_string(),
    }
}

/// Read the syntax of `text`. Linear in its length: the whole file is parsed once, and
/// when that fails, each `@` chunk once more on its own.
pub(crate) fn read(text: &str) -> Syntax {
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    let mut macros = Macros::default();
    if let Ok(raw) = RawBibliography::parse(text) {
        define(&raw, 0, &mut macros, &mut errors);
        convert_raw(&raw, 0, &macros, &mut entries, &mut errors);
        return Syntax { entries, errors };
    }
    // Some chunk is bad: read each one alone, the macros first.
    let chunks = chunks(text);
    let mut parsed = Vec::with_capacity(chunks.len());
    for chunk in &chunks {
        let own = text.get(chunk.start..chunk.end).unwrap_or("");
        parsed.push(RawBibliography::parse(own));
    }
    for (chunk, result) in chunks.iter().zip(&parsed) {
        if let (Ok(raw), "string") = (result, chunk.kind.as_str()) {
            define(raw, chunk.start, &mut macros, &mut errors);
        }
    }
    for (chunk, result) in chunks.iter().zip(&parsed) {
        match (result, chunk.kind.as_str()) {
            (_, "comment" | "preamble") => {}
            (Ok(raw), _) => convert_raw(raw, chunk.start, &macros, &mut entries, &mut errors),
            (Err(e), kind) => {
                let trimmed_end = chunk.start
                    + text
                        .get(chunk.start..chunk.end)
                        .unwrap_or("")
                        .trim_end()
                        .len();
                let at = (e.span.start + chunk.start).min(trimmed_end);
                let what = match (&chunk.key, kind) {
                    (_, "string") => "@string definition".to_string(),
                    (Some(key), _) => format!("BibTeX entry `{key}`"),
                    (None, _) => "BibTeX entry".to_string(),
                };
                errors.push(SyntaxError {
                    at,
                    message: format!("{what} cannot be read: {}", explain(&e.kind)),
                    help: "check the braces, quotes and commas of this entry; the other entries are read",
                });
            }
        }
    }
    Syntax { entries, errors }
}
