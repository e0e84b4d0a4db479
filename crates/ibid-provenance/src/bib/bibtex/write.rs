//! CSL-JSON items written as BibLaTeX or BibTeX: types and fields mapped back, names in
//! BibTeX's forms, what LaTeX would misread escaped. Reading the output back gives the same
//! CSL variables (see `docs/corpus.md` for the few that cannot survive).

use super::convert::{csl_type, type_tables};
use crate::bib::languages::babel_name;
use crate::bib::{DATE_FIELDS, NAME_FIELDS};
use serde_json::{Map, Value};
use std::collections::HashSet;
use std::fmt::Write as _;

/// Which flavour of `.bib` to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BibtexDialect {
    /// BibLaTeX (biber): `date`, `location`, `journaltitle`, `@online`, `@thesis`, ...
    Biblatex,
    /// Classic BibTeX: `year`/`month`, `address`, `journal`, `@phdthesis`, `@misc`, ...
    Bibtex,
}

/// CSL types whose container is a journal (`journaltitle`).
const JOURNAL_TYPES: &[&str] = &[
    "article",
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "review",
    "review-book",
    "periodical",
];

/// CSL variables written under another BibLaTeX name, or not written at all (`None`):
/// they are handled by the code below.
fn handled(csl: &str) -> bool {
    matches!(
        csl,
        "id" | "type"
            | "custom"
            | "title"
            | "volume-title"
            | "container-title"
            | "title-short"
            | "container-title-short"
            | "collection-title"
            | "collection-number"
            | "number"
            | "volume"
            | "issue"
            | "page"
            | "number-of-pages"
            | "number-of-volumes"
            | "chapter-number"
            | "genre"
            | "language"
            | "publisher"
            | "publisher-place"
            | "original-publisher"
            | "original-publisher-place"
            | "original-title"
            | "event-title"
            | "event-place"
            | "jurisdiction"
            | "URL"
            | "DOI"
            | "ISBN"
            | "ISSN"
            | "PMID"
            | "PMCID"
            | "call-number"
            | "annote"
            | "keyword"
            | "status"
            | "author"
            | "editor"
            | "translator"
            | "container-author"
            | "director"
            | "compiler"
            | "organizer"
            | "contributor"
    ) || DATE_FIELDS.contains(&csl)
}

/// The `.bib` text of `items` (CSL-JSON objects; other values are skipped), one entry per
/// item, keys from their `id` (made safe for BibTeX).
pub fn write_bibtex(items: &[Value], dialect: BibtexDialect) -> String {
    let mut out = String::new();
    let mut keys = HashSet::new();
    for (i, item) in items.iter().enumerate() {
        let Some(object) = item.as_object() else {
            continue;
        };
        if i > 0 {
            out.push('\n');
        }
        let key = unique(entry_key(object, i), &mut keys);
        write_entry(&mut out, object, &key, dialect);
    }
    out
}

/// `key`, or `key-2`, `key-3`, … when an earlier entry has it: made safe, two ids may
/// meet, and BibTeX refuses a key twice.
fn unique(key: String, used: &mut HashSet<String>) -> String {
    if used.insert(key.clone()) {
        return key;
    }
    let mut n = 2usize;
    loop {
        let candidate = format!("{key}-{n}");
        if used.insert(candidate.clone()) {
            return candidate;
        }
        n += 1;
    }
}

/// One field being written.
struct Field {
    name: String,
    value: String,
    /// The value is written as it is (a macro such as `mar`), not in braces.
    bare: bool,
}

/// The fields of one entry, in the order written.
#[derive(Default)]
struct Fields(Vec<Field>);

impl Fields {
    /// Add a braced field, unless the value is absent or blank.
    fn add(&mut self, name: &str, value: Option<String>) {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            self.0.push(Field {
                name: name.to_string(),
                value,
                bare: false,
            });
        }
    }
}

fn write_entry(out: &mut String, o: &Map<String, Value>, key: &str, dialect: BibtexDialect) {
    let biblatex = dialect == BibtexDialect::Biblatex;
    let text = |k: &str| -> Option<String> {
        match o.get(k)? {
            Value::String(s) => Some(s.clone()).filter(|s| !s.trim().is_empty()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let csl = text("type").unwrap_or_else(|| "document".to_string());
    let has_names = |k: &str| {
        o.get(k)
            .and_then(Value::as_array)
            .is_some_and(|a| !a.is_empty())
    };
    let genre = text("genre");
    let (mut kind, bibtex_kind) = type_tables()
        .write
        .get(csl.as_str())
        .copied()
        .unwrap_or(("misc", "misc"));
    if csl == "chapter" && !has_names("editor") {
        kind = "inbook";
    }
    let mut kind = if biblatex { kind } else { bibtex_kind }.to_string();
    if !biblatex && csl == "chapter" {
        kind = if has_names("editor") {
            "incollection"
        } else {
            "inbook"
        }
        .to_string();
    }
    let masters = genre.as_deref().is_some_and(|g| {
        let g = g.to_lowercase();
        g.contains("master") || g == "mathesis" || g.starts_with("ma ")
    });
    if !biblatex && csl == "thesis" && masters {
        kind = "mastersthesis".to_string();
    }
    let mut fields = Fields::default();
    // The subtype tells the reader the CSL type when the entry type alone does not.
    let is_event = o.contains_key("event-title")
        || o.contains_key("event-date")
        || o.contains_key("event-place");
    if csl_type(&kind, None, is_event).0 != csl {
        let subtype = match csl.as_str() {
            "article-magazine" => "magazine",
            "article-newspaper" => "newspaper",
            other => other,
        };
        fields.add("entrysubtype", Some(subtype.to_string()));
    }
    let english = text("language").map_or(true, |l| l.to_ascii_lowercase().starts_with("en"));

    // Names.
    for (csl_name, field) in [
        ("author", "author"),
        ("editor", "editor"),
        ("translator", "translator"),
        ("container-author", "bookauthor"),
    ] {
        fields.add(field, names(o.get(csl_name), biblatex));
    }
    let roles = ["director", "compiler", "organizer", "contributor"];
    if !has_names("editor") {
        if let Some(role) = roles.iter().find(|r| has_names(r)) {
            fields.add("editor", names(o.get(*role), biblatex));
            let editortype = if *role == "contributor" {
                "collaborator"
            } else {
                role
            };
            fields.add("editortype", Some((*editortype).to_string()));
        }
    }

    // Titles.
    let title = text("title");
    let volume_title = text("volume-title");
    let container = text("container-title");
    let chapter_like = matches!(
        kind.as_str(),
        "inbook"
            | "incollection"
            | "inproceedings"
            | "inreference"
            | "bookinbook"
            | "suppbook"
            | "suppcollection"
    );
    let protect = |t: Option<String>| {
        t.map(|t| {
            if english {
                protect_case(&t)
            } else {
                escape(&t)
            }
        })
    };
    match (&volume_title, chapter_like) {
        (Some(vt), false) => {
            fields.add("maintitle", protect(title.clone()));
            fields.add("title", protect(Some(vt.clone())));
        }
        _ => fields.add("title", protect(title.clone())),
    }
    if let Some(c) = container {
        let field = if JOURNAL_TYPES.contains(&csl.as_str()) {
            if biblatex {
                "journaltitle"
            } else {
                "journal"
            }
        } else if chapter_like && volume_title.is_some() {
            "maintitle"
        } else {
            "booktitle"
        };
        let value = if field.starts_with("journal") {
            escape(&c)
        } else {
            protect(Some(c)).unwrap_or_default()
        };
        fields.add(field, Some(value));
    }
    if chapter_like {
        if let Some(vt) = volume_title {
            fields.add("booktitle", protect(Some(vt)));
        }
    }
    fields.add("shorttitle", text("title-short").map(|t| escape(&t)));
    fields.add(
        "shortjournal",
        text("container-title-short").map(|t| escape(&t)),
    );
    fields.add("series", protect(text("collection-title")));
    fields.add("origtitle", protect(text("original-title")));
    fields.add("eventtitle", protect(text("event-title")));

    // Numbers.
    let series_type = super::convert::SERIES_NUMBERED.contains(&kind.as_str());
    let journal = JOURNAL_TYPES.contains(&csl.as_str());
    if journal {
        fields.add("number", text("issue").map(|t| escape(&t)));
        fields.add(
            "number",
            text("number")
                .map(|t| escape(&t))
                .filter(|_| !o.contains_key("issue")),
        );
    } else {
        fields.add("issue", text("issue").map(|t| escape(&t)));
        if series_type && o.contains_key("collection-title") {
            fields.add("number", text("collection-number").map(|t| escape(&t)));
        } else {
            fields.add("number", text("number").map(|t| escape(&t)));
        }
    }
    fields.add("volume", text("volume").map(|t| escape(&t)));
    fields.add("volumes", text("number-of-volumes").map(|t| escape(&t)));
    fields.add(
        "pages",
        text("page").map(|p| escape(&p).replace(['-', '–'], "--")),
    );
    fields.add("pagetotal", text("number-of-pages").map(|t| escape(&t)));
    fields.add("chapter", text("chapter-number").map(|t| escape(&t)));
    fields.add("type", genre.map(|g| escape(&g)));

    // Publishers and places.
    let publisher_field = match (csl.as_str(), biblatex) {
        ("thesis", true) | ("report", _) => "institution",
        ("thesis", false) => "school",
        _ => "publisher",
    };
    fields.add(publisher_field, text("publisher").map(|p| list(&p)));
    let place_field = if biblatex { "location" } else { "address" };
    if csl == "patent" {
        fields.add(place_field, text("jurisdiction").map(|p| list(&p)));
    } else {
        fields.add(place_field, text("publisher-place").map(|p| list(&p)));
        fields.add("jurisdiction", text("jurisdiction").map(|t| escape(&t)));
    }
    fields.add("venue", text("event-place").map(|t| escape(&t)));
    fields.add(
        "origpublisher",
        text("original-publisher").map(|p| list(&p)),
    );
    fields.add(
        "origlocation",
        text("original-publisher-place").map(|p| list(&p)),
    );

    // Dates.
    for (csl_date, field) in [
        ("issued", "date"),
        ("original-date", "origdate"),
        ("accessed", "urldate"),
        ("event-date", "eventdate"),
    ] {
        let Some(date) = o.get(csl_date) else {
            continue;
        };
        if csl_date == "issued" && !biblatex {
            if let Some((year, month)) = year_month(date) {
                fields.add("year", Some(year));
                if let Some(day) = start_parts_day(date) {
                    fields.add("day", Some(day));
                }
                if let Some(m) = month {
                    fields.0.push(Field {
                        name: "month".into(),
                        value: m,
                        bare: true,
                    });
                }
                continue;
            }
        }
        fields.add(field, edtf(date));
    }
    for csl_date in DATE_FIELDS {
        if !matches!(
            *csl_date,
            "issued" | "original-date" | "accessed" | "event-date"
        ) {
            if let Some(d) = o.get(*csl_date) {
                fields.add(csl_date, edtf(d));
            }
        }
    }

    // Links, identifiers, notes.
    fields.add(
        "url",
        text("URL").map(|u| u.replace('{', "%7B").replace('}', "%7D")),
    );
    fields.add(
        "doi",
        text("DOI").map(|u| u.replace('{', "%7B").replace('}', "%7D")),
    );
    fields.add("isbn", text("ISBN").map(|t| escape(&t)));
    fields.add("issn", text("ISSN").map(|t| escape(&t)));
    fields.add("pmid", text("PMID").map(|t| escape(&t)));
    fields.add("pmcid", text("PMCID").map(|t| escape(&t)));
    fields.add("library", text("call-number").map(|t| escape(&t)));
    fields.add("annotation", text("annote").map(|t| escape(&t)));
    fields.add("keywords", text("keyword").map(|t| escape(&t)));
    fields.add("pubstate", text("status").map(|t| escape(&t)));
    if let Some(lang) = text("language") {
        fields.add(
            "langid",
            Some(babel_name(&lang).map_or_else(|| escape(&lang), str::to_string)),
        );
    }

    // Every other variable under its own name: names as name lists, text escaped.
    for (key, value) in o {
        if handled(key) {
            continue;
        }
        let written = if NAME_FIELDS.contains(&key.as_str()) {
            names(Some(value), biblatex)
        } else {
            match value {
                Value::String(s) => Some(escape(s)),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            }
        };
        fields.add(key, written);
    }

    let _ = writeln!(out, "@{kind}{{{key},");
    let width = fields.0.iter().map(|f| f.name.len()).max().unwrap_or(0);
    for f in &fields.0 {
        if f.bare {
            let _ = writeln!(out, "  {:width$} = {},", f.name, f.value);
        } else {
            let _ = writeln!(out, "  {:width$} = {{{}}},", f.name, f.value);
        }
    }
    out.push_str("}\n");
}

/// The entry's key: its `id` with the characters BibTeX cannot take in a key replaced.
fn entry_key(o: &Map<String, Value>, index: usize) -> String {
    let id = match o.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => format!("item{}", index + 1),
    };
    id.chars()
        .map(|c| {
            if c.is_whitespace()
                || matches!(
                    c,
                    ',' | '{' | '}' | '(' | ')' | '"' | '#' | '%' | '\'' | '=' | '\\' | '~'
                )
            {
                '-'
            } else {
                c
            }
        })
        .collect()
}

/// Escape what LaTeX would read as markup, and what the reader would turn into
/// typography (`--`, straight quotes).
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    let mut last_space = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '#' | '$' | '%' | '&' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\'' => out.push_str("\\textquotesingle{}"),
            '`' => out.push_str("\\textasciigrave{}"),
            '\u{a0}' => out.push('~'),
            '-' if chars.peek() == Some(&'-') => out.push_str("-{}"),
            c if c.is_whitespace() => {
                if !last_space {
                    out.push(' ');
                }
                last_space = true;
                continue;
            }
            other => out.push(other),
        }
        last_space = false;
    }
    out.trim().to_string()
}

/// Escape a title and brace every word with a capital after its first letter or after
/// the first word (its letters, not the punctuation around them), so that processors that
/// change case (pandoc, biblatex styles) keep it.
fn protect_case(title: &str) -> String {
    let mut out = String::with_capacity(title.len() + 16);
    for (i, word) in title.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let capital = word
            .chars()
            .enumerate()
            .any(|(j, c)| c.is_uppercase() && (i > 0 || j > 0));
        // The braces hold the word's letters and digits, not the punctuation around it
        // (`{Sickle}:`, `“{Intention}”`).
        let start = word.find(char::is_alphanumeric);
        let end = word
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_alphanumeric())
            .map(|(at, c)| at + c.len_utf8());
        match (capital, start, end) {
            (true, Some(start), Some(end)) => {
                out.push_str(&escape(word.get(..start).unwrap_or("")));
                out.push('{');
                out.push_str(&escape(word.get(start..end).unwrap_or("")));
                out.push('}');
                out.push_str(&escape(word.get(end..).unwrap_or("")));
            }
            _ => out.push_str(&escape(word)),
        }
    }
    out
}

/// A `; `-separated list (publishers, places) as a BibTeX ` and ` list; an item that
/// itself contains ` and ` is braced.
fn list(value: &str) -> String {
    value
        .split("; ")
        .map(|item| {
            let escaped = escape(item);
            if item.to_lowercase().contains(" and ") {
                format!("{{{escaped}}}")
            } else {
                escaped
            }
        })
        .collect::<Vec<_>>()
        .join(" and ")
}

/// A CSL name list as a BibTeX name list.
fn names(value: Option<&Value>, biblatex: bool) -> Option<String> {
    let list = value?.as_array()?;
    let written: Vec<String> = list.iter().filter_map(|n| name(n, biblatex)).collect();
    (!written.is_empty()).then(|| written.join(" and "))
}

/// One CSL name as BibTeX writes it: `von Last, Jr, First`, a literal in braces, or
/// biblatex's `family=..., given=..., prefix=..., useprefix=true` for a particle that
/// stays with the family name.
fn name(value: &Value, biblatex: bool) -> Option<String> {
    let o = value.as_object()?;
    let get = |k: &str| {
        o.get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let guard = |s: &str| {
        let e = escape(s);
        let starts_lower = s
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_lowercase);
        if s.contains(',')
            || s.to_lowercase().contains(" and ")
            || starts_lower
            || s.eq_ignore_ascii_case("others")
        {
            format!("{{{e}}}")
        } else {
            e
        }
    };
    let Some(family) = get("family") else {
        return get("literal")
            .or_else(|| get("given"))
            .map(|l| format!("{{{}}}", escape(l)));
    };
    let given = get("given");
    let suffix = get("suffix");
    if let (Some(particle), true) = (get("non-dropping-particle"), biblatex) {
        let mut parts = vec![format!("family={}", guard(family))];
        if let Some(g) = given {
            parts.push(format!("given={}", guard(g)));
        }
        parts.push(format!("prefix={{{}}}", escape(particle)));
        if let Some(s) = suffix {
            parts.push(format!("suffix={}", guard(s)));
        }
        parts.push("useprefix=true".into());
        return Some(parts.join(", "));
    }
    let particle = get("non-dropping-particle").or_else(|| get("dropping-particle"));
    let mut s = String::new();
    if let Some(p) = particle {
        s.push_str(&escape(p));
        s.push(' ');
    }
    s.push_str(&guard(family));
    if let Some(sfx) = suffix {
        s.push_str(", ");
        s.push_str(&guard(sfx));
    }
    match given {
        Some(g) => {
            s.push_str(", ");
            s.push_str(&guard(g));
        }
        // A family name alone ends in a comma when it has several words or braces, so
        // that it is not read as `First Last` or as a name kept whole.
        None if suffix.is_some() || family.contains(' ') || s.starts_with('{') => s.push(','),
        None => {}
    }
    Some(s)
}

/// The parts of a CSL date: `[[y, m, d], [y, m, d]]`.
fn date_parts(date: &Value) -> Option<Vec<Vec<i64>>> {
    let parts = date.get("date-parts")?.as_array()?;
    let parts: Vec<Vec<i64>> = parts
        .iter()
        .filter_map(|p| {
            let p: Vec<i64> = p
                .as_array()?
                .iter()
                .filter_map(|n| n.as_i64().or_else(|| n.as_str()?.trim().parse().ok()))
                .collect();
            (!p.is_empty()).then_some(p)
        })
        .collect();
    (!parts.is_empty()).then_some(parts)
}

/// A CSL date as biblatex's ISO 8601-2 text (`1984/1986`, `1921-02-16`, `1850~`); the
/// `raw` or `literal` text when it has no parts.
fn edtf(date: &Value) -> Option<String> {
    let Some(parts) = date_parts(date) else {
        return ["raw", "literal"]
            .iter()
            .find_map(|k| date.get(*k).and_then(Value::as_str))
            .map(escape);
    };
    let point = |p: &[i64]| -> String {
        let mut s = match p.first() {
            Some(y) if *y < 0 => format!("-{:04}", -y),
            Some(y) => format!("{y:04}"),
            None => String::new(),
        };
        for n in p.iter().skip(1).take(2) {
            let _ = write!(s, "-{n:02}");
        }
        s
    };
    let mut s = parts.iter().map(|p| point(p)).collect::<Vec<_>>().join("/");
    if date
        .get("circa")
        .is_some_and(|c| c.as_bool() == Some(true) || c.as_str().is_some())
    {
        s.push('~');
    }
    Some(s)
}

/// The day of a date's start, for BibTeX's `day` field.
fn start_parts_day(date: &Value) -> Option<String> {
    let parts = date_parts(date)?;
    parts.first()?.get(2).map(|d| d.to_string())
}

/// BibTeX's `year` and `month` (a macro such as `mar`) for an issued date.
fn year_month(date: &Value) -> Option<(String, Option<String>)> {
    let parts = date_parts(date)?;
    let start = parts.first()?;
    let mut year = start.first()?.to_string();
    if let Some(end) = parts.get(1).and_then(|p| p.first()) {
        year = format!("{year}--{end}");
    }
    const MACROS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let month = start
        .get(1)
        .and_then(|m| usize::try_from(*m).ok())
        .and_then(|m| m.checked_sub(1))
        .and_then(|m| MACROS.get(m))
        .map(|m| (*m).to_string());
    Some((year, month))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn escapes_what_latex_reads() {
        assert_eq!(
            escape("50% & $5 #1 a_b {x} \\ ~ ^"),
            r"50\% \& \$5 \#1 a\_b \{x\} \textbackslash{} \textasciitilde{} \textasciicircum{}"
        );
        assert_eq!(
            escape("O'Brien -- `x`"),
            r"O\textquotesingle{}Brien -{}- \textasciigrave{}x\textasciigrave{}"
        );
        assert_eq!(
            protect_case("Letter of N. Narimanov to V. I. Lenin"),
            "Letter of {N}. {Narimanov} to {V}. {I}. {Lenin}"
        );
        assert_eq!(
            protect_case("Between Crescent and Sickle: “Partition”"),
            "Between {Crescent} and {Sickle}: “{Partition}”"
        );
    }

    #[test]
    fn names_in_bibtex_forms() {
        let n = |v: Value| name(&v, true).unwrap();
        assert_eq!(
            n(
                json!({"family": "Berg", "given": "Pieter", "dropping-particle": "van der", "suffix": "Jr."})
            ),
            "van der Berg, Jr., Pieter"
        );
        assert_eq!(
            n(json!({"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"})),
            "family=Gogh, given=Vincent, prefix={van}, useprefix=true"
        );
        assert_eq!(
            n(json!({"literal": "Unknown translator"})),
            "{Unknown translator}"
        );
        assert_eq!(
            n(json!({"family": "de Gaulle", "given": "Charles"})),
            "{de Gaulle}, Charles"
        );
        assert_eq!(n(json!({"family": "Plato"})), "Plato");
        assert_eq!(n(json!({"family": "Vallée Poussin"})), "Vallée Poussin,");
        assert_eq!(n(json!({"family": "×a"})), "{×a},");
    }

    #[test]
    fn keys_stay_unique_once_made_safe() {
        // Found by the fuzzer: two ids that differ only in characters a key cannot hold.
        let items = [
            json!({"id": "a\"b"}),
            json!({"id": "a'b"}),
            json!({"id": "a-b"}),
        ];
        let written = write_bibtex(&items, BibtexDialect::Biblatex);
        assert!(
            written.contains("@misc{a-b,")
                && written.contains("@misc{a-b-2,")
                && written.contains("@misc{a-b-3,"),
            "{written}"
        );
        assert!(biblatex::Bibliography::parse(&written).is_ok());
    }

    #[test]
    fn dates() {
        assert_eq!(
            edtf(&json!({"date-parts": [[1984], [1986]]})).unwrap(),
            "1984/1986"
        );
        assert_eq!(
            edtf(&json!({"date-parts": [[1921, 2, 16]]})).unwrap(),
            "1921-02-16"
        );
        assert_eq!(
            edtf(&json!({"date-parts": [[1850]], "circa": true})).unwrap(),
            "1850~"
        );
        assert_eq!(edtf(&json!({"raw": "n.d."})).unwrap(), "n.d.");
        assert_eq!(
            year_month(&json!({"date-parts": [[1921, 3]]})).unwrap(),
            ("1921".to_string(), Some("mar".to_string()))
        );
    }
}
