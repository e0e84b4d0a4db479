//! The entries exported as BibTeX or BibLaTeX: CSL types and variables mapped to entry
//! types and fields, names as `Family, Given`, and every character LaTeX treats specially
//! escaped, so that the biblatex crate (and biber, bibtex, pandoc) read back the same values.

use super::csljson::export_items;
use crate::collection::Collection;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Which of the two `.bib` dialects to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BibtexDialect {
    /// Classic BibTeX: `journal`, `address`, `year`/`month`, `@phdthesis`.
    Bibtex,
    /// BibLaTeX: `journaltitle`, `location`, `date`, `@thesis`, `langid`.
    Biblatex,
}

/// The entry type for a CSL type.
fn entry_type(csl_type: &str, dialect: BibtexDialect) -> &'static str {
    use BibtexDialect::{Biblatex, Bibtex};
    match (csl_type, dialect) {
        ("article-journal" | "article-magazine" | "article-newspaper" | "article", _) => "article",
        ("book", _) => "book",
        ("chapter" | "entry-encyclopedia" | "entry-dictionary" | "entry", _) => "incollection",
        ("paper-conference", _) => "inproceedings",
        ("thesis", Biblatex) => "thesis",
        ("thesis", Bibtex) => "phdthesis",
        ("report", Biblatex) => "report",
        ("report", Bibtex) => "techreport",
        ("webpage" | "post-weblog" | "post", Biblatex) => "online",
        ("manuscript", _) => "unpublished",
        ("personal_communication", Biblatex) => "letter",
        ("periodical", Biblatex) => "periodical",
        ("pamphlet", _) => "booklet",
        ("dataset", Biblatex) => "dataset",
        ("software", Biblatex) => "software",
        ("patent", Biblatex) => "patent",
        _ => "misc",
    }
}

/// The babel name of a BCP 47 language code (`ru` → `russian`), from `data/babel-languages.tsv`.
pub fn babel_name(code: &str) -> Option<&'static str> {
    babel_table().iter().find_map(|(c, n)| {
        (c.eq_ignore_ascii_case(code)
            || code
                .split('-')
                .next()
                .is_some_and(|base| c.eq_ignore_ascii_case(base)))
        .then_some(*n)
    })
}

/// The BCP 47 code of a babel name (`russian` → `ru`).
pub fn babel_code(name: &str) -> Option<&'static str> {
    babel_table()
        .iter()
        .find_map(|(c, n)| n.eq_ignore_ascii_case(name).then_some(*c))
}

fn babel_table() -> &'static [(&'static str, &'static str)] {
    static TABLE: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("../../data/babel-languages.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t'))
            .map(|(c, n)| (c.trim(), n.trim()))
            .collect()
    })
}

/// `text` with LaTeX's special characters escaped.
pub fn latex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\{"),
            '}' => out.push_str("\\}"),
            '$' => out.push_str("\\$"),
            '&' => out.push_str("\\&"),
            '%' => out.push_str("\\%"),
            '#' => out.push_str("\\#"),
            '_' => out.push_str("\\_"),
            '^' => out.push_str("\\^{}"),
            '~' => out.push_str("\\~{}"),
            c => out.push(c),
        }
    }
    out
}

/// A CSL name list as a BibTeX `and`-list.
fn names(value: &Value) -> Option<String> {
    let list: Vec<String> = value
        .as_array()?
        .iter()
        .filter_map(|n| {
            let get = |k: &str| n.get(k).and_then(Value::as_str).filter(|s| !s.is_empty());
            if let Some(literal) = get("literal") {
                // Kept whole: BibTeX splits nothing inside braces.
                return Some(format!("{{{}}}", latex_escape(literal)));
            }
            let family = get("family")?;
            let family = match get("non-dropping-particle") {
                Some(p) => format!("{} {}", latex_escape(p), latex_escape(family)),
                None => latex_escape(family),
            };
            let mut name = family;
            if let Some(suffix) = get("suffix") {
                name = format!("{name}, {}", latex_escape(suffix));
            }
            if let Some(given) = get("given") {
                name = format!("{name}, {}", latex_escape(given));
            }
            Some(name)
        })
        .collect();
    (!list.is_empty()).then(|| list.join(" and "))
}

/// The parts of a CSL date's first date.
fn date_parts(value: &Value) -> Option<Vec<i64>> {
    let parts: Vec<i64> = value
        .get("date-parts")?
        .get(0)?
        .as_array()?
        .iter()
        .filter_map(|p| p.as_i64().or_else(|| p.as_str()?.trim().parse().ok()))
        .collect();
    (!parts.is_empty()).then_some(parts)
}

/// A CSL date as an ISO date (`1921`, `1921-02`, `1921-02-16`).
fn iso(parts: &[i64]) -> String {
    let mut out = format!("{:04}", parts[0]);
    for p in parts.iter().skip(1).take(2) {
        out.push_str(&format!("-{p:02}"));
    }
    out
}

/// The value of a CSL variable as text, if it is text or a number.
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The fields of one entry, in a fixed order.
fn fields(item: &Map<String, Value>, dialect: BibtexDialect) -> Vec<(String, String)> {
    use BibtexDialect::{Biblatex, Bibtex};
    let csl_type = item.get("type").and_then(Value::as_str).unwrap_or("");
    let is_article = entry_type(csl_type, dialect) == "article";
    let mut out: Vec<(String, String)> = Vec::new();
    let mut done: HashMap<&str, ()> = HashMap::new();
    for name in ["author", "editor", "translator"] {
        if let Some(v) = item.get(name).and_then(names) {
            out.push((name.into(), v));
        }
        done.insert(name, ());
    }
    for (key, value) in item {
        if done.contains_key(key.as_str()) {
            continue;
        }
        let field: &str = match (key.as_str(), dialect) {
            ("id" | "type" | "custom", _) => continue,
            ("issued", _) => {
                if let Some(parts) = date_parts(value) {
                    match dialect {
                        Biblatex => out.push(("date".into(), iso(&parts))),
                        Bibtex => {
                            out.push(("year".into(), parts[0].to_string()));
                            if let Some(m) = parts.get(1) {
                                out.push(("month".into(), m.to_string()));
                            }
                        }
                    }
                }
                continue;
            }
            ("accessed" | "original-date", _) => {
                if let Some(parts) = date_parts(value) {
                    let name = if key == "accessed" {
                        "urldate"
                    } else {
                        "origdate"
                    };
                    out.push((name.into(), iso(&parts)));
                }
                continue;
            }
            ("language", _) => {
                if let Some(code) = scalar(value) {
                    let name = babel_name(&code).map_or(code, str::to_string);
                    out.push(("langid".into(), name));
                }
                continue;
            }
            ("container-title", Biblatex) if is_article => "journaltitle",
            ("container-title", Bibtex) if is_article => "journal",
            ("container-title", _) => "booktitle",
            ("collection-title", _) => "series",
            ("publisher-place", Biblatex) => "location",
            ("publisher-place", Bibtex) => "address",
            ("issue", _) if is_article => "number",
            ("page", _) => "pages",
            ("number-of-pages", _) => "pagetotal",
            ("DOI", _) => "doi",
            ("URL", _) => "url",
            ("ISBN", _) => "isbn",
            ("ISSN", _) => "issn",
            ("original-title", _) => "origtitle",
            ("original-publisher", _) => "origpublisher",
            ("original-publisher-place", _) => "origlocation",
            ("genre", _) => "type",
            ("archive_location", _) => "archive_location",
            (other, _) => other,
        };
        if let Some(text) = scalar(value) {
            let text = if field == "pages" {
                latex_escape(&text).replace(['–', '—'], "--")
            } else {
                latex_escape(&text)
            };
            out.push((field.to_string(), text));
        }
    }
    out
}

/// A key BibTeX accepts: no blanks, braces, commas, quotes or `#%~\`.
fn bib_key(id: &str) -> String {
    let key: String = id
        .chars()
        .map(|c| {
            if c.is_whitespace() || "{}(),\"#%~\\'=".contains(c) {
                '-'
            } else {
                c
            }
        })
        .collect();
    if key.is_empty() {
        "entry".into()
    } else {
        key
    }
}

/// The sources of `collection` as a `.bib` file in `dialect`.
pub fn bibtex(collection: &Collection, dialect: BibtexDialect) -> String {
    let mut out = String::new();
    for item in export_items(collection) {
        let id = item.get("id").and_then(Value::as_str).unwrap_or("entry");
        let csl_type = item.get("type").and_then(Value::as_str).unwrap_or("");
        out.push_str(&format!(
            "@{}{{{},\n",
            entry_type(csl_type, dialect),
            bib_key(id)
        ));
        for (field, value) in fields(&item, dialect) {
            out.push_str(&format!("  {field} = {{{value}}},\n"));
        }
        out.push_str("}\n\n");
    }
    if out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latex_specials_are_escaped() {
        assert_eq!(
            latex_escape("Vandenhoeck & Ruprecht, 50% {x} $_#^~\\"),
            "Vandenhoeck \\& Ruprecht, 50\\% \\{x\\} \\$\\_\\#\\^{}\\~{}\\textbackslash{}"
        );
    }

    #[test]
    fn languages_as_babel_names() {
        assert_eq!(babel_name("ru"), Some("russian"));
        assert_eq!(babel_name("ru-RU"), Some("russian"));
        assert_eq!(babel_name("de"), Some("ngerman"));
        assert_eq!(babel_code("french"), Some("fr"));
    }
}
