//! biblatex's own example file, read by ibid and compared entry by entry with what pandoc
//! read from it (recorded once in `fixtures/bib/biblatex-examples/pandoc.json`, so that
//! the test needs no pandoc). Every difference must be of a kind explained in that folder's
//! README; the counts per kind are a snapshot.

use ibid_provenance::{BibFormat, Bibliography};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../fixtures/bib/biblatex-examples"
);

/// Read a bibliography file from disk (ibid-provenance itself does no I/O).
fn load(path: &Path) -> ibid_provenance::Loaded<Bibliography> {
    let text = std::fs::read_to_string(path).unwrap();
    let format = BibFormat::from_path(path).unwrap();
    Bibliography::parse(path, &text, format)
}

/// CSL 1.0.2 variables: only these are compared (ibid also keeps the fields that have no
/// CSL variable, under their own names; pandoc drops them).
const CSL_VARIABLES: &[&str] = &[
    "abstract",
    "accessed",
    "annote",
    "archive",
    "archive_collection",
    "archive_location",
    "archive-place",
    "authority",
    "call-number",
    "chapter-number",
    "collection-number",
    "collection-title",
    "container-title",
    "container-title-short",
    "dimensions",
    "division",
    "DOI",
    "edition",
    "event-date",
    "event-title",
    "event-place",
    "genre",
    "ISBN",
    "ISSN",
    "issue",
    "issued",
    "jurisdiction",
    "keyword",
    "language",
    "license",
    "medium",
    "note",
    "number",
    "number-of-pages",
    "number-of-volumes",
    "original-date",
    "original-publisher",
    "original-publisher-place",
    "original-title",
    "page",
    "part-number",
    "part-title",
    "PMCID",
    "PMID",
    "publisher",
    "publisher-place",
    "references",
    "reviewed-genre",
    "reviewed-title",
    "scale",
    "section",
    "source",
    "status",
    "submitted",
    "title",
    "title-short",
    "type",
    "URL",
    "version",
    "volume",
    "volume-title",
    "year-suffix",
    "author",
    "chair",
    "collection-editor",
    "compiler",
    "composer",
    "container-author",
    "contributor",
    "curator",
    "director",
    "editor",
    "editorial-director",
    "executive-producer",
    "guest",
    "host",
    "illustrator",
    "interviewer",
    "narrator",
    "organizer",
    "original-author",
    "performer",
    "producer",
    "recipient",
    "reviewed-author",
    "script-writer",
    "series-creator",
    "translator",
];

/// The kinds of deliberate difference from pandoc (see the README next to the fixture).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// pandoc turns English titles into sentence case; ibid keeps the case as written.
    Case,
    /// pandoc writes CSL's HTML-like markup (`<i>`, small caps); ibid writes plain text.
    Markup,
    /// pandoc cuts a title at its first colon for `title-short`; ibid only takes a short
    /// title that is written (`shorttitle`) or a main title before a separate subtitle.
    ShortTitle,
    /// pandoc reads `@periodical` as `article-journal` and `@set` as no type; ibid uses
    /// CSL 1.0.2's `periodical` and `document`.
    Type,
}

/// Collapse runs of whitespace (pandoc keeps the two spaces left by a dropped command).
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Remove CSL-JSON markup tags.
fn strip_markup(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// A value with `raw` dropped from dates and strings squashed, for comparison.
fn normal(v: &Value) -> Value {
    match v {
        Value::Object(o) => Value::Object(
            o.iter()
                .filter(|(k, _)| *k != "raw")
                .map(|(k, v)| (k.clone(), normal(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(normal).collect()),
        Value::String(s) => Value::String(squash(s)),
        other => other.clone(),
    }
}

/// Why `ours` differs from `theirs` in `field`, if it is a known kind.
fn explain(field: &str, ours: Option<&Value>, theirs: Option<&Value>) -> Option<Kind> {
    let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_string);
    let (o, t) = (text(ours), text(theirs));
    match field {
        "type" => match (o.as_deref(), t.as_deref()) {
            (Some("periodical"), Some("article-journal")) | (Some("document"), Some("")) => {
                Some(Kind::Type)
            }
            _ => None,
        },
        "title-short" => match (&o, &t) {
            (None, Some(_)) => Some(Kind::ShortTitle),
            (Some(a), Some(b)) if a.to_lowercase() == strip_markup(b).to_lowercase() => {
                Some(if a != &strip_markup(b) {
                    Kind::Case
                } else {
                    Kind::Markup
                })
            }
            // A main title with a subtitle gives ibid a short title; pandoc has none then.
            (Some(_), None) => Some(Kind::ShortTitle),
            _ => None,
        },
        _ => match (&o, &t) {
            (Some(a), Some(b)) if *a == strip_markup(b) => Some(Kind::Markup),
            (Some(a), Some(b)) if a.to_lowercase() == strip_markup(b).to_lowercase() => {
                Some(Kind::Case)
            }
            _ => None,
        },
    }
}

#[test]
fn every_entry_matches_pandoc_or_differs_for_a_stated_reason() {
    let bib_path = Path::new(DIR).join("biblatex-examples.bib");
    let loaded = load(&bib_path);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let bib = loaded.value.unwrap();
    let pandoc: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(Path::new(DIR).join("pandoc.json")).unwrap())
            .unwrap();
    assert_eq!(bib.entries.len(), pandoc.len());
    let mut identical = 0;
    let mut kinds: BTreeMap<Kind, usize> = BTreeMap::new();
    let mut unexplained = Vec::new();
    for theirs in &pandoc {
        let id = theirs["id"].as_str().unwrap();
        let ours = bib
            .get(id)
            .unwrap_or_else(|| panic!("{id} not read"))
            .to_csl_json();
        let mut same = true;
        for field in CSL_VARIABLES {
            let (a, b) = (ours.get(*field).map(normal), theirs.get(*field).map(normal));
            if a == b {
                continue;
            }
            same = false;
            match explain(field, a.as_ref(), b.as_ref()) {
                Some(kind) => *kinds.entry(kind).or_default() += 1,
                None => unexplained.push(format!("{id} {field}: ibid {a:?}, pandoc {b:?}")),
            }
        }
        if same {
            identical += 1;
        }
    }
    assert!(unexplained.is_empty(), "{}", unexplained.join("\n"));
    let mut summary = format!(
        "{} entries, {identical} identical to pandoc in every CSL variable\n",
        pandoc.len()
    );
    for (kind, n) in &kinds {
        summary.push_str(&format!("{kind:?}: {n} fields\n"));
    }
    insta::assert_snapshot!("differences_from_pandoc", summary);
}

#[test]
fn no_latex_is_left_and_the_issue_cases_are_read() {
    let bib = load(&Path::new(DIR).join("biblatex-examples.bib"))
        .value
        .unwrap();
    fn strings<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
        match value {
            Value::String(s) => out.push(s),
            Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
            Value::Object(o) => o.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    for entry in &bib.entries {
        let json = entry.to_csl_json();
        for (field, value) in json.as_object().unwrap() {
            if matches!(field.as_str(), "URL" | "DOI" | "file" | "eprint" | "urlraw") {
                continue;
            }
            let mut texts = Vec::new();
            strings(value, &mut texts);
            for text in texts {
                assert!(
                    !text.contains(['\\', '~', '{', '}']),
                    "{} {field}: `{text}` keeps TeX",
                    entry.key
                );
            }
        }
    }
    let get = |key: &str| bib.get(key).unwrap().to_csl_json();
    // `\hyphen`, `\mkbibquote`
    assert_eq!(
        get("herrmann")["title"],
        "A carbocyclic carbene as an efficient catalyst ligand for C–C coupling reactions"
    );
    assert!(get("kastenholz")["title"]
        .as_str()
        .unwrap()
        .starts_with("Computation of methodology-independent ionic solvation"));
    assert!(
        get("spiegelberg")["title"]
            .as_str()
            .unwrap()
            .starts_with("„Intention“ und „Intentionalität“")
            || get("spiegelberg")["title"]
                .as_str()
                .unwrap()
                .starts_with("“Intention” und")
    );
    assert!(get("nussbaum")["title"]
        .as_str()
        .unwrap()
        .contains("Aristotle’s “De Motu Animalium”"));
    // `and`-lists of places and publishers
    assert_eq!(
        get("nietzsche:ksa")["publisher-place"],
        "München; Berlin; New York"
    );
    assert_eq!(
        get("nietzsche:ksa")["publisher"],
        "Deutscher Taschenbuch-Verlag; Walter de Gruyter"
    );
    // a date range
    assert_eq!(
        get("knuth:ct")["issued"]["date-parts"],
        serde_json::json!([[1984], [1986]])
    );
    // a crossref child inherits the parent's place
    assert_eq!(
        get("westfahl:space")["publisher-place"],
        "Westport, Conn.; London"
    );
    // `van` with `useprefix=true` stays with the family name; `von` without it drops;
    // `Aks{\i}n`
    assert_eq!(
        get("vangennep")["author"][0],
        serde_json::json!({"family": "Gennep", "given": "Arnold", "non-dropping-particle": "van"})
    );
    assert_eq!(
        get("brandt")["author"][0],
        serde_json::json!({"family": "Brandt", "given": "Ahasver", "dropping-particle": "von"})
    );
    assert_eq!(get("aksin")["author"][0]["family"], "Aksın");
}
