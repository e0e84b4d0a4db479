//! BibTeX/BibLaTeX bibliographies via the `biblatex` crate. The file is split into entries
//! at `@` at line start; when the whole file does not parse, each entry is parsed on its
//! own (with the file's `@string` definitions), so a bad entry is reported and the rest read.

use super::{item_from_json, BibEntry, BibFormat};
use crate::error::{LoadError, LoadErrorKind};
use crate::source_file::SourceFile;
use biblatex::{ChunksExt, Entry, Person};
use ibid_parse::Span;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::path::Path;

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
        let kind: String = body
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect::<String>()
            .to_ascii_lowercase();
        let after = body.get(kind.len()..).unwrap_or("").trim_start();
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

pub(super) fn parse(path: &Path, text: &str) -> (Vec<BibEntry>, Vec<LoadError>) {
    let file = SourceFile::new(path, text.to_string());
    let chunks = chunks(text);
    let is_entry = |c: &Chunk| !matches!(c.kind.as_str(), "string" | "preamble" | "comment");
    let positions: HashMap<&str, &Chunk> = chunks
        .iter()
        .filter(|c| is_entry(c))
        .filter_map(|c| c.key.as_deref().map(|k| (k, c)))
        .collect();
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    if let Ok(bib) = biblatex::Bibliography::parse(text) {
        for entry in bib.iter() {
            let span = positions
                .get(entry.key.as_str())
                .map_or(Span::empty(0), |c| Span::new(c.start, trim_end(text, c)));
            convert(&file, entry, span, &mut entries, &mut errors);
        }
        entries.sort_by_key(|e| e.span.start);
        return (entries, errors);
    }
    // Some entry is bad: read each one alone, with the file's @string definitions.
    let strings: String = chunks
        .iter()
        .filter(|c| c.kind == "string")
        .map(|c| text.get(c.start..c.end).unwrap_or(""))
        .filter(|s| biblatex::Bibliography::parse(s).is_ok())
        .collect();
    for chunk in chunks.iter().filter(|c| is_entry(c)) {
        let own = text.get(chunk.start..chunk.end).unwrap_or("");
        let source = format!("{strings}{own}");
        let span = Span::new(chunk.start, trim_end(text, chunk));
        match biblatex::Bibliography::parse(&source) {
            Ok(bib) => {
                for entry in bib.iter() {
                    convert(&file, entry, span, &mut entries, &mut errors);
                }
            }
            Err(e) => {
                let at = e.span.start.saturating_sub(strings.len()) + chunk.start;
                let at = at.min(span.end.max(span.start));
                let name = chunk.key.as_deref().unwrap_or("?");
                let mut error = LoadError::at(
                    LoadErrorKind::BadEntry,
                    &file,
                    Span::empty(at),
                    format!("BibTeX entry `{name}` cannot be read: {}", e.kind),
                )
                .with_help(
                    "check the braces, quotes and commas of this entry; the other entries are read",
                );
                error.span = Some(Span::new(at, at));
                errors.push(error);
            }
        }
    }
    (entries, errors)
}

fn trim_end(text: &str, chunk: &Chunk) -> usize {
    let s = text.get(chunk.start..chunk.end).unwrap_or("");
    chunk.start + s.trim_end().len()
}

fn person_json(p: &Person) -> Value {
    let mut o = Map::new();
    if p.given_name.is_empty() && p.prefix.is_empty() && p.name.contains(' ') {
        o.insert("literal".into(), Value::String(p.name.clone()));
        return Value::Object(o);
    }
    o.insert("family".into(), Value::String(p.name.clone()));
    if !p.given_name.is_empty() {
        o.insert("given".into(), Value::String(p.given_name.clone()));
    }
    if !p.prefix.is_empty() {
        o.insert(
            "non-dropping-particle".into(),
            Value::String(p.prefix.clone()),
        );
    }
    if !p.suffix.is_empty() {
        o.insert("suffix".into(), Value::String(p.suffix.clone()));
    }
    Value::Object(o)
}

/// The CSL type of a BibTeX/BibLaTeX entry type.
fn csl_type(kind: &str) -> &'static str {
    match kind {
        "article" => "article-journal",
        "book" | "mvbook" | "collection" | "mvcollection" | "reference" | "mvreference" => "book",
        "inbook" | "incollection" | "inreference" | "bookinbook" | "suppbook"
        | "suppcollection" => "chapter",
        "inproceedings" | "conference" => "paper-conference",
        "proceedings" | "mvproceedings" => "book",
        "thesis" | "phdthesis" | "mastersthesis" => "thesis",
        "report" | "techreport" => "report",
        "online" | "electronic" | "www" => "webpage",
        "manual" | "booklet" => "pamphlet",
        "unpublished" | "manuscript" => "manuscript",
        "periodical" => "periodical",
        "patent" => "patent",
        "dataset" => "dataset",
        "software" => "software",
        "letter" => "personal_communication",
        _ => "document",
    }
}

fn convert(
    file: &SourceFile,
    entry: &Entry,
    span: Span,
    entries: &mut Vec<BibEntry>,
    errors: &mut Vec<LoadError>,
) {
    let kind = entry.entry_type.to_string().to_ascii_lowercase();
    let mut o = Map::new();
    o.insert("type".into(), Value::String(csl_type(&kind).to_string()));
    let text = |name: &str| entry.fields.get(name).map(|c| c.format_verbatim());
    let mut year_month: (Option<String>, Option<String>) = (None, None);
    for (name, chunks) in &entry.fields {
        let value = chunks.format_verbatim();
        let target = match name.as_str() {
            "author" | "editor" | "translator" => {
                let people: Vec<Value> = chunks
                    .parse::<Vec<Person>>()
                    .map(|ps| ps.iter().map(person_json).collect())
                    .unwrap_or_else(|_| vec![serde_json::json!({ "literal": value })]);
                o.insert(name.clone(), Value::Array(people));
                continue;
            }
            "title" => match text("subtitle") {
                Some(sub) => {
                    o.insert("title".into(), Value::String(format!("{value}: {sub}")));
                    continue;
                }
                None => "title",
            },
            "subtitle" => continue,
            "journaltitle" | "journal" | "booktitle" => "container-title",
            "maintitle" if !entry.fields.contains_key("booktitle") => "container-title",
            "series" => "collection-title",
            "location" | "address" => "publisher-place",
            "institution" | "school" | "organization"
                if !entry.fields.contains_key("publisher") =>
            {
                "publisher"
            }
            "date" => "issued",
            "year" => {
                year_month.0 = Some(value);
                continue;
            }
            "month" => {
                year_month.1 = Some(value);
                continue;
            }
            "number" if kind == "article" => "issue",
            "pages" => "page",
            "pagetotal" => "number-of-pages",
            "doi" => "DOI",
            "url" => "URL",
            "isbn" => "ISBN",
            "issn" => "ISSN",
            "urldate" => "accessed",
            "origdate" => "original-date",
            "origtitle" => "original-title",
            "origlocation" => "original-publisher-place",
            "origpublisher" => "original-publisher",
            "langid" | "language" => "language",
            "type" => "genre",
            "archive" | "library" => "archive",
            "archive_location" | "archivelocation" => "archive_location",
            other => other,
        };
        o.entry(target.to_string()).or_insert(Value::String(value));
    }
    if !o.contains_key("issued") {
        if let (Some(year), month) = year_month {
            let raw = match month {
                Some(m) => format!("{year}-{m}"),
                None => year,
            };
            o.insert("issued".into(), Value::String(raw));
        }
    }
    match item_from_json(o) {
        Ok((mut item, extra)) => {
            item.id = Some(entry.key.clone().into());
            entries.push(BibEntry {
                key: entry.key.clone(),
                item,
                extra,
                file: file.path.clone(),
                format: BibFormat::Bibtex,
                span,
                position: file.line_col(span.start),
            });
        }
        Err(e) => errors.push(LoadError::at(
            LoadErrorKind::BadEntry,
            file,
            span,
            format!("BibTeX entry `{}` cannot be converted: {e}", entry.key),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_entry_does_not_hide_the_others() {
        let text = "@string{nk = \"Нагорный Карабах\"}\n\n@book{barsegov,\n  author = {Барсегов, Ю. Г.},\n  title = nk,\n  year = 2008,\n  publisher = {Крук},\n  location = {Москва},\n}\n\n@article{broken,\n  title = {Unclosed,\n\n@article{smith04,\n  author = {Smith, John},\n  title = {A title},\n  journal = {Slavic Review},\n  volume = {63},\n  number = {2},\n  pages = {123--145},\n  year = {2004},\n}\n";
        let (entries, errors) = parse(Path::new("refs.bib"), text);
        let keys: Vec<_> = entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["barsegov", "smith04"]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].message.contains("`broken`"),
            "{}",
            errors[0].message
        );
        assert!(errors[0].position.line >= 11);
        let b = &entries[0].item;
        assert_eq!(b.title.as_deref(), Some("Нагорный Карабах"));
        assert_eq!(b.author[0].family.as_deref(), Some("Барсегов"));
        assert_eq!(b.publisher_place.as_deref(), Some("Москва"));
        assert_eq!(entries[0].position.line, 3);
        let s = &entries[1].item;
        assert_eq!(s.item_type, "article-journal");
        assert_eq!(s.issue.as_deref(), Some("2"));
        assert_eq!(s.container_title.as_deref(), Some("Slavic Review"));
        assert_eq!(s.issued.as_ref().unwrap().start.as_slice(), [2004]);
    }
}
