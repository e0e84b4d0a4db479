//! BibTeX/BibLaTeX bibliographies, read and written. Reading runs in stages: syntax (the
//! `biblatex` crate's raw parser, entry by entry when the file has errors), aliases and
//! inheritance, then each entry to CSL variables with its TeX read as plain text.

mod convert;
mod dates;
mod inherit;
mod latex;
mod names;
mod syntax;
mod tables;
pub mod write;

pub(crate) use dates::edtf;

use super::{item_from_json, BibEntry, BibFormat};
use crate::error::{LoadError, LoadErrorKind};
use crate::source_file::SourceFile;
use ibid_parse::Span;
use std::path::Path;

pub(super) fn parse(path: &Path, text: &str) -> (Vec<BibEntry>, Vec<LoadError>) {
    let file = SourceFile::new(path, text.to_string());
    let syntax = syntax::read(text);
    let mut errors: Vec<LoadError> = syntax
        .errors
        .iter()
        .map(|e| {
            LoadError::at(
                LoadErrorKind::BadEntry,
                &file,
                Span::empty(e.at),
                e.message.clone(),
            )
            .with_help(e.help)
        })
        .collect();
    let mut raw = syntax.entries;
    for entry in &mut raw {
        inherit::apply_aliases(entry);
    }
    for link in inherit::resolve(&mut raw) {
        if let Some(entry) = raw.get(link.entry) {
            let at = field_span(entry, "crossref")
                .or_else(|| field_span(entry, "xdata"))
                .unwrap_or(entry.span);
            errors.push(
                LoadError::at(
                    LoadErrorKind::BadEntry,
                    &file,
                    at,
                    format!("entry `{}`: {}", entry.key, link.message),
                )
                .with_help("name an entry of the same file; its fields are then inherited"),
            );
        }
    }
    let mut entries = Vec::with_capacity(raw.len());
    for entry in &raw {
        // `@xdata` entries only hold fields for others to inherit.
        if entry.kind == "xdata" {
            continue;
        }
        let (object, problems) = convert::convert(entry);
        for problem in problems {
            let at = field_span(entry, &problem.field).unwrap_or(entry.span);
            errors.push(
                LoadError::at(LoadErrorKind::InvalidDate, &file, at, format!("entry `{}`: {}", entry.key, problem.message))
                    .with_help("write dates as biblatex does: 1921, 1921-02-16, 1984/1986, 1850~; months as 3 or mar"),
            );
        }
        let span = trimmed_span(text, entry.span);
        match item_from_json(object) {
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
                &file,
                span,
                format!("BibTeX entry `{}` cannot be converted: {e}", entry.key),
            )),
        }
    }
    entries.sort_by_key(|e| e.span.start);
    errors.sort_by_key(|e| e.span.map(|s| s.start));
    (entries, errors)
}

/// The span of the first field called `name` (aliases already applied).
fn field_span(entry: &syntax::RawEntry, name: &str) -> Option<Span> {
    entry.fields.iter().find(|f| f.name == name).map(|f| f.span)
}

fn trimmed_span(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    Span::new(span.start, span.start + s.trim_end().len())
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
        assert_eq!(s.page.as_deref(), Some("123-145"));
        assert_eq!(s.container_title.as_deref(), Some("Slavic Review"));
        assert_eq!(s.issued.as_ref().unwrap().start.as_slice(), [2004]);
    }
}
