//! A resolved `.bib` entry as CSL-JSON variables: types, names, titles (main, volume,
//! container), numbers, places and publishers as lists, dates, links, notes; every field
//! with no CSL variable is kept under its own name.

use super::dates;
use super::latex::{decode, split_and};
use super::names::names;
use super::syntax::RawEntry;
use super::tables;
use crate::bib::languages::language_tag;
use crate::bib::{DATE_FIELDS, NAME_FIELDS};
use serde_json::{json, Map, Value};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Fields whose value is verbatim (no TeX is read in them), as in biblatex's data model.
const VERBATIM: &[&str] = &[
    "url", "urlraw", "doi", "eprint", "file", "pdf", "verba", "verbb", "verbc",
];

/// Fields that only steer inheritance; they are not kept.
const CONTROL: &[&str] = &["crossref", "xdata"];

/// Every CSL 1.0.2 item type.
const CSL_TYPES: &[&str] = &[
    "article",
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "bill",
    "book",
    "broadcast",
    "chapter",
    "classic",
    "collection",
    "dataset",
    "document",
    "entry",
    "entry-dictionary",
    "entry-encyclopedia",
    "event",
    "figure",
    "graphic",
    "hearing",
    "interview",
    "legal_case",
    "legislation",
    "manuscript",
    "map",
    "motion_picture",
    "musical_score",
    "pamphlet",
    "paper-conference",
    "patent",
    "performance",
    "periodical",
    "personal_communication",
    "post",
    "post-weblog",
    "regulation",
    "report",
    "review",
    "review-book",
    "software",
    "song",
    "speech",
    "standard",
    "thesis",
    "treaty",
    "webpage",
];

/// The type tables of `data/bibtex-types.tsv`: entry type → CSL type, and CSL type →
/// (BibLaTeX type, BibTeX type).
pub(crate) struct TypeTables {
    pub read: HashMap<&'static str, &'static str>,
    pub write: HashMap<&'static str, (&'static str, &'static str)>,
}

/// The type tables, read once.
pub(crate) fn type_tables() -> &'static TypeTables {
    static TABLES: OnceLock<TypeTables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut read = HashMap::new();
        let mut write = HashMap::new();
        for line in include_str!("../../../data/bibtex-types.tsv").lines() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let cols: Vec<&'static str> = line.split('\t').collect();
            match cols.as_slice() {
                ["read", entry, csl] => {
                    read.insert(*entry, *csl);
                }
                ["write", csl, biblatex, bibtex] => {
                    write.insert(*csl, (*biblatex, *bibtex));
                }
                _ => {}
            }
        }
        TypeTables { read, write }
    })
}

/// The CSL type of an entry of type `kind`, with its `entrysubtype` and whether it
/// describes an event; also whether the subtype was used to decide.
pub(crate) fn csl_type(kind: &str, subtype: Option<&str>, is_event: bool) -> (&'static str, bool) {
    let subtype = subtype.map(|s| s.trim().to_ascii_lowercase());
    if matches!(kind, "article" | "periodical" | "suppperiodical") {
        match subtype.as_deref() {
            Some("magazine") => return ("article-magazine", true),
            Some("newspaper") => return ("article-newspaper", true),
            _ => {}
        }
    }
    if let Some(t) = subtype
        .as_deref()
        .and_then(|s| CSL_TYPES.iter().find(|t| **t == s))
    {
        return (t, true);
    }
    if kind == "unpublished" && is_event {
        return ("speech", false);
    }
    (
        type_tables().read.get(kind).copied().unwrap_or("document"),
        false,
    )
}

/// Entry types whose `number` is the number in a series (read here, written by `write.rs`).
pub(super) const SERIES_NUMBERED: &[&str] = &[
    "book",
    "collection",
    "proceedings",
    "reference",
    "mvbook",
    "mvcollection",
    "mvproceedings",
    "mvreference",
    "bookinbook",
    "inbook",
    "incollection",
    "inproceedings",
    "inreference",
    "suppbook",
    "suppcollection",
];

/// Entry types that are part of a book (their `booktitle` is the container).
const CHAPTER_LIKE: &[&str] = &[
    "inbook",
    "incollection",
    "inproceedings",
    "inreference",
    "bookinbook",
    "suppbook",
    "suppcollection",
];

/// A field whose value could not be read, with the field's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FieldProblem {
    pub field: String,
    pub message: String,
}

/// Reads fields of one entry, remembering which were used.
struct Fields<'e> {
    entry: &'e RawEntry,
    used: HashSet<String>,
}

impl<'e> Fields<'e> {
    /// The TeX of field `name`, marked as used; `None` when absent or blank.
    fn raw(&mut self, name: &str) -> Option<&'e str> {
        let value = self.entry.get(name)?;
        self.used.insert(name.to_string());
        let value = value.trim();
        (!value.is_empty()).then_some(value)
    }

    /// Field `name` read as plain text.
    fn text(&mut self, name: &str) -> Option<String> {
        self.raw(name).map(decode).filter(|s| !s.is_empty())
    }

    /// Field `name` as a list (` and `-separated), items joined by `; `.
    fn list(&mut self, name: &str) -> Option<String> {
        let items: Vec<String> = split_and(self.raw(name)?)
            .into_iter()
            .map(decode)
            .filter(|s| !s.is_empty())
            .collect();
        (!items.is_empty()).then(|| items.join("; "))
    }

    fn has(&self, name: &str) -> bool {
        self.entry.get(name).is_some_and(|v| !v.trim().is_empty())
    }
}

/// Join a title and its subtitle (`: `) or addon (`. `), without doubling punctuation.
fn join_title(parts: [Option<String>; 3]) -> Option<String> {
    let [title, subtitle, addon] = parts;
    let mut out = title?;
    for (part, sep) in [(subtitle, ':'), (addon, '.')] {
        if let Some(p) = part {
            if out.ends_with(['!', '?', '.', ',', ':', ';']) {
                out.push(' ');
            } else {
                out.push(sep);
                out.push(' ');
            }
            out.push_str(&p);
        }
    }
    Some(out)
}

/// A title read from `name`, `name` with `sub`/`addon` fields (`title`, `subtitle`, `titleaddon`).
fn title_group(f: &mut Fields, title: &str, subtitle: &str, addon: &str) -> Option<String> {
    join_title([f.text(title), f.text(subtitle), f.text(addon)])
}

/// A value that is a biblatex localisation key (`phdthesis`) as its text (`PhD thesis`);
/// other values as they are.
fn localised(value: String) -> String {
    tables::bibstring(&value).map_or(value, str::to_string)
}

/// The same, first letter upper-cased, for a value that stands alone (`New series`).
fn localised_title(value: String) -> String {
    match tables::bibstring(&value) {
        Some(text) => {
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => value,
            }
        }
        None => value,
    }
}

/// An English ordinal (`3` → `3rd`).
fn ordinal(n: &str) -> String {
    let suffix = match (
        n.len() >= 2 && n.get(n.len() - 2..n.len() - 1) == Some("1"),
        n.chars().last(),
    ) {
        (true, _) => "th",
        (false, Some('1')) => "st",
        (false, Some('2')) => "nd",
        (false, Some('3')) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The BCP 47 tag of a language name or tag, when it is one.
fn language(value: &str, variant: Option<&str>) -> Option<String> {
    let name = value.trim().to_ascii_lowercase();
    let name = match (name.as_str(), variant) {
        ("english", Some(v)) => match v {
            "british" | "uk" => "british".to_string(),
            "australian" => "australian".to_string(),
            "newzealand" => "newzealand".to_string(),
            "canadian" => "canadian".to_string(),
            _ => "american".to_string(),
        },
        _ => name,
    };
    if let Some(tag) = language_tag(&name) {
        return Some(tag.to_string());
    }
    let is_tag = {
        let mut parts = value.trim().split('-');
        let first = parts.next().unwrap_or("");
        (2..=3).contains(&first.len())
            && first.bytes().all(|b| b.is_ascii_alphabetic())
            && parts.all(|p| {
                !p.is_empty() && p.len() <= 8 && p.bytes().all(|b| b.is_ascii_alphanumeric())
            })
    };
    is_tag.then(|| value.trim().to_string())
}

/// The options of an entry (`useprefix=true, url=false`), lower-cased.
fn options(entry: &RawEntry) -> HashMap<String, String> {
    entry
        .get("options")
        .unwrap_or("")
        .split(',')
        .filter_map(|o| {
            let (k, v) = o.split_once('=').unwrap_or((o, "true"));
            let k = k.trim().to_ascii_lowercase();
            (!k.is_empty()).then(|| (k, v.trim().to_ascii_lowercase()))
        })
        .collect()
}

/// The CSL-JSON variables of `entry` (inheritance already applied), and the fields that
/// could not be read.
pub(crate) fn convert(entry: &RawEntry) -> (Map<String, Value>, Vec<FieldProblem>) {
    let mut f = Fields {
        entry,
        used: HashSet::new(),
    };
    let mut o = Map::new();
    let mut problems = Vec::new();
    let kind = entry.kind.as_str();
    let opts = options(entry);
    f.used.insert("options".into());
    let useprefix = opts.get("useprefix").is_some_and(|v| v == "true");

    // Type and genre.
    let is_event = f.has("eventtitle") || f.has("eventdate") || f.has("venue");
    let subtype = entry.get("entrysubtype");
    let (item_type, used_subtype) = csl_type(kind, subtype, is_event);
    if used_subtype {
        f.used.insert("entrysubtype".into());
    }
    o.insert("type".into(), json!(item_type));
    let genre = f.text("type").map(localised).or_else(|| match kind {
        "phdthesis" => tables::bibstring("phdthesis").map(str::to_string),
        "mastersthesis" => tables::bibstring("mathesis").map(str::to_string),
        _ => None,
    });
    put(&mut o, "genre", genre);

    // Language.
    let variant = f.text("langidopts").and_then(|o| {
        o.split(',').find_map(|kv| {
            kv.trim()
                .strip_prefix("variant=")
                .map(|v| v.trim().to_ascii_lowercase())
        })
    });
    let lang = f
        .text("langid")
        .or_else(|| f.text("hyphenation"))
        .and_then(|l| language(&l, variant.as_deref()))
        .or_else(|| f.text("language").and_then(|l| language(&l, None)));
    put(&mut o, "language", lang);

    // Names.
    let name_list = |f: &mut Fields, field: &str| -> Option<Value> {
        let people = names(f.raw(field)?, useprefix);
        (!people.is_empty()).then_some(Value::Array(people))
    };
    if let Some(v) = name_list(&mut f, "author") {
        o.insert("author".into(), v);
    }
    let editor_role = match f.text("editortype").as_deref() {
        Some("director") => "director",
        Some("compiler") => "compiler",
        Some("organizer") => "organizer",
        Some("collaborator") => "contributor",
        _ => "editor",
    };
    if let Some(v) = name_list(&mut f, "editor") {
        o.insert(editor_role.into(), v);
    }
    for (field, csl) in [
        ("translator", "translator"),
        ("bookauthor", "container-author"),
        ("director", "director"),
    ] {
        if let Some(v) = name_list(&mut f, field) {
            o.entry(csl.to_string()).or_insert(v);
        }
    }

    // Titles.
    let chapter_like = CHAPTER_LIKE.contains(&kind);
    let periodical = kind == "periodical";
    let has_main = f.has("maintitle");
    let main_book = has_main && !chapter_like;
    let title = if periodical && f.has("issuetitle") {
        title_group(&mut f, "issuetitle", "issuesubtitle", "issuetitleaddon")
    } else if main_book {
        title_group(&mut f, "maintitle", "mainsubtitle", "maintitleaddon")
    } else {
        title_group(&mut f, "title", "subtitle", "titleaddon")
    };
    let volume_title = if main_book {
        title_group(&mut f, "title", "subtitle", "titleaddon")
    } else if has_main && chapter_like {
        title_group(&mut f, "booktitle", "booksubtitle", "booktitleaddon")
    } else {
        None
    };
    let container = if periodical && f.has("issuetitle") {
        title_group(&mut f, "title", "subtitle", "titleaddon")
    } else if chapter_like {
        if has_main {
            title_group(&mut f, "maintitle", "mainsubtitle", "maintitleaddon")
        } else {
            title_group(&mut f, "booktitle", "booksubtitle", "booktitleaddon")
        }
    } else {
        // A journal; else a book that holds the item (ibid writes a document in a
        // collection so).
        let journal = title_group(
            &mut f,
            "journaltitle",
            "journalsubtitle",
            "journaltitleaddon",
        );
        if journal.is_none() && !SERIES_NUMBERED.contains(&kind) {
            title_group(&mut f, "booktitle", "booksubtitle", "booktitleaddon")
        } else {
            journal
        }
    };
    // A short title as written, else the main title when a subtitle follows it.
    let short = f.text("shorttitle");
    let title_short = match (short, main_book) {
        (Some(s), false) => Some(s),
        _ if main_book && f.has("mainsubtitle") => f.text("maintitle"),
        _ if !main_book && f.has("subtitle") => f.text("title"),
        _ => None,
    };
    put(&mut o, "title", title);
    put(&mut o, "title-short", title_short.filter(|s| !s.is_empty()));
    put(&mut o, "volume-title", volume_title);
    put(&mut o, "container-title", container);
    put(&mut o, "container-title-short", f.text("shortjournal"));
    let series = f.text("series").map(|s| {
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
            format!("{} series", ordinal(&s))
        } else {
            localised_title(s)
        }
    });
    put(&mut o, "collection-title", series);
    put(&mut o, "original-title", f.text("origtitle"));
    put(&mut o, "event-title", f.text("eventtitle"));

    // Numbers.
    let number = f.text("number");
    // A book's number is its number in a series; with no series it is the book's own.
    if SERIES_NUMBERED.contains(&kind) && f.has("series") {
        put(&mut o, "collection-number", number);
        put(&mut o, "issue", f.text("issue"));
    } else if matches!(kind, "article" | "periodical" | "suppperiodical" | "review") {
        let issue = match (number, f.text("issue")) {
            (Some(n), Some(i)) => Some(format!("{n}, {i}")),
            (n, i) => n.or(i),
        };
        put(&mut o, "issue", issue);
    } else {
        put(&mut o, "number", number);
        put(&mut o, "issue", f.text("issue"));
    }
    let volume = match (f.text("volume"), f.text("part")) {
        (Some(v), Some(p)) => Some(format!("{v}.{p}")),
        (v, p) => v.or(p),
    };
    put(&mut o, "volume", volume);
    put(&mut o, "number-of-volumes", f.text("volumes"));
    put(&mut o, "page", f.text("pages").map(|p| p.replace('–', "-")));
    put(&mut o, "number-of-pages", f.text("pagetotal"));
    put(&mut o, "chapter-number", f.text("chapter"));
    put(&mut o, "edition", f.text("edition"));
    put(&mut o, "version", f.text("version"));

    // Publishers and places.
    let publishers: Vec<String> = ["institution", "organization", "howpublished", "publisher"]
        .iter()
        .filter_map(|field| {
            if *field == "howpublished" {
                f.text(field)
            } else {
                f.list(field)
            }
        })
        .collect();
    put(
        &mut o,
        "publisher",
        (!publishers.is_empty()).then(|| publishers.join("; ")),
    );
    if kind == "patent" {
        let places = f.raw("location").map(|l| {
            split_and(l)
                .into_iter()
                .map(|p| localised_title(decode(p)))
                .collect::<Vec<_>>()
                .join("; ")
        });
        put(&mut o, "jurisdiction", places);
    } else {
        put(&mut o, "publisher-place", f.list("location"));
    }
    put(&mut o, "event-place", f.text("venue"));
    put(&mut o, "original-publisher", f.list("origpublisher"));
    put(&mut o, "original-publisher-place", f.list("origlocation"));

    // Dates.
    for (field, csl, prefix) in [
        ("date", "issued", ""),
        ("eventdate", "event-date", "event"),
        ("origdate", "original-date", "orig"),
        ("urldate", "accessed", "url"),
    ] {
        if let Some(text) = f.text(field) {
            match dates::edtf(&text) {
                Some(d) => {
                    o.insert(csl.into(), d);
                }
                None => {
                    problems.push(FieldProblem {
                        field: field.to_string(),
                        message: format!("`{field}` is not a date biblatex reads: `{text}`"),
                    });
                    o.insert(csl.into(), json!({ "raw": text }));
                }
            }
            continue;
        }
        let year_field = format!("{prefix}year");
        if let Some(year) = f.text(&year_field) {
            let month = f.text(&format!("{prefix}month"));
            let day = f.text(&format!("{prefix}day"));
            let end = (
                f.text(&format!("{prefix}endyear")),
                f.text(&format!("{prefix}endmonth")),
                f.text(&format!("{prefix}endday")),
            );
            match dates::from_fields(
                &year,
                month.as_deref(),
                day.as_deref(),
                (end.0.as_deref(), end.1.as_deref(), end.2.as_deref()),
            ) {
                Some(d) => {
                    if let Some(m) = month.as_deref().filter(|m| dates::month(m).is_none()) {
                        problems.push(FieldProblem {
                            field: format!("{prefix}month"),
                            message: format!("`{prefix}month` is not a month: `{m}`"),
                        });
                    }
                    o.insert(csl.into(), d);
                }
                None => {
                    o.insert(csl.into(), json!({ "raw": year }));
                }
            }
        }
    }

    // Links and identifiers.
    let url = if opts.get("url").is_some_and(|v| v == "false") && kind != "online" {
        None
    } else {
        f.raw("url").map(str::to_string)
    };
    let eprint_url = || {
        let base = match entry
            .get("eprinttype")?
            .trim()
            .to_ascii_lowercase()
            .as_str()
        {
            "arxiv" => "https://arxiv.org/abs/",
            "jstor" => "https://www.jstor.org/stable/",
            "pubmed" => "https://www.ncbi.nlm.nih.gov/pubmed/",
            "googlebooks" => "https://books.google.com?id=",
            "hdl" => "https://hdl.handle.net/",
            _ => return None,
        };
        Some(format!("{base}{}", entry.get("eprint")?.trim()))
    };
    put(&mut o, "URL", url.or_else(eprint_url));
    if !opts.get("doi").is_some_and(|v| v == "false") {
        put(&mut o, "DOI", f.raw("doi").map(str::to_string));
    }
    put(&mut o, "ISBN", f.text("isbn"));
    put(&mut o, "ISSN", f.text("issn"));
    put(&mut o, "PMID", f.text("pmid"));
    put(&mut o, "PMCID", f.text("pmcid"));
    put(&mut o, "call-number", f.text("library"));
    put(&mut o, "archive", f.text("archive"));
    let archive_location = f
        .text("archive_location")
        .or_else(|| f.text("archivelocation"));
    put(&mut o, "archive_location", archive_location);
    put(
        &mut o,
        "archive-place",
        f.text("archive-place").or_else(|| f.text("archiveplace")),
    );

    // Notes.
    let note = match (f.text("note"), f.text("addendum")) {
        (Some(n), Some(a)) => join_title([Some(n), None, Some(a)]),
        (n, a) => n.or(a),
    };
    put(&mut o, "note", note);
    put(&mut o, "annote", f.text("annotation"));
    put(&mut o, "abstract", f.text("abstract"));
    put(&mut o, "keyword", f.text("keywords"));
    put(&mut o, "status", f.text("pubstate").map(localised));

    // Everything else, under its own name.
    for field in &entry.fields {
        if f.used.contains(&field.name) || CONTROL.contains(&field.name.as_str()) {
            continue;
        }
        if o.contains_key(&field.name) {
            continue;
        }
        // A field named after a CSL name or date variable (as ibid writes `recipient`)
        // is read as one.
        if NAME_FIELDS.contains(&field.name.as_str()) {
            let people = names(&field.value, useprefix);
            if !people.is_empty() {
                o.insert(field.name.clone(), Value::Array(people));
            }
            continue;
        }
        if DATE_FIELDS.contains(&field.name.as_str()) {
            let text = decode(&field.value);
            let date = dates::edtf(&text).unwrap_or_else(|| json!({ "raw": text }));
            o.insert(field.name.clone(), date);
            continue;
        }
        let value = if VERBATIM.contains(&field.name.as_str()) {
            field.value.trim().to_string()
        } else {
            decode(&field.value)
        };
        if !value.is_empty() {
            o.insert(field.name.clone(), Value::String(value));
        }
    }
    (o, problems)
}

fn put(o: &mut Map<String, Value>, key: &str, value: Option<String>) {
    if let Some(v) = value.filter(|v| !v.is_empty()) {
        o.insert(key.to_string(), Value::String(v));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        assert_eq!(ordinal("1"), "1st");
        assert_eq!(ordinal("2"), "2nd");
        assert_eq!(ordinal("3"), "3rd");
        assert_eq!(ordinal("11"), "11th");
        assert_eq!(ordinal("13"), "13th");
        assert_eq!(ordinal("22"), "22nd");
    }

    #[test]
    fn types() {
        assert_eq!(
            csl_type("article", Some("newspaper"), false).0,
            "article-newspaper"
        );
        assert_eq!(csl_type("misc", Some("speech"), false).0, "speech");
        assert_eq!(csl_type("unpublished", None, true).0, "speech");
        assert_eq!(csl_type("phdthesis", None, false).0, "thesis");
        assert_eq!(csl_type("nosuchtype", None, false).0, "document");
    }

    #[test]
    fn languages() {
        assert_eq!(
            language("english", Some("british")).as_deref(),
            Some("en-GB")
        );
        assert_eq!(language("russian", None).as_deref(), Some("ru-RU"));
        assert_eq!(language("de", None).as_deref(), Some("de"));
        assert_eq!(language("english and german", None), None);
    }
}
