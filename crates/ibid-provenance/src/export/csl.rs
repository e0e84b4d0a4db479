//! CSL-JSON export: one item per document, describing the text as published: a part
//! (`chapter`) of the edition that printed it, with `number` for the document number,
//! `archive`/`archive_location`, the translators and the original's date as `original-date`.

use super::util::archive_parts;
use crate::bib::toml_bib::{is_placeholder, name_from_text as name_json};
use crate::bib::Bibliography;
use crate::model::{Document, Text};
use ibid_parse::csl::{date_to_csl, language_of, reference_to_csl};
use ibid_parse::{Locator, LocatorLabel};
use serde_json::{json, Map, Value};

/// The CSL type of a document. A text printed in an edition is a part of it (`chapter`:
/// every processor then prints the container, volume and page; `personal_communication`
/// and `report` lose or relabel them); the kind stays in `genre`. A text known only from
/// its archive is a `manuscript`; others go by their kind.
fn item_type(doc: &Document, in_edition: bool) -> &'static str {
    if in_edition {
        return "chapter";
    }
    let kind = doc
        .kind
        .as_ref()
        .map(|k| k.text.to_lowercase())
        .unwrap_or_default();
    let archival = doc.source.as_ref().is_some_and(|s| {
        !s.cites_edition() && (s.archive.is_some() || s.cited_archive().is_some())
    });
    match kind.as_str() {
        _ if archival => "manuscript",
        "letter"
        | "telegram"
        | "note"
        | "brief"
        | "lettre"
        | "télégramme"
        | "письмо"
        | "телеграмма"
        | "записка" => "personal_communication",
        "speech" | "rede" | "discours" | "речь" => "speech",
        "essay" | "article" => "article",
        "report" | "bericht" | "rapport" | "доклад" | "отчёт" => "report",
        _ => "document",
    }
}

/// A list of names; placeholders (`Unknown translator`) are left out, so that no processor
/// prints them, or puts them in the author's place.
fn names(texts: &[Text]) -> Value {
    Value::Array(
        texts
            .iter()
            .filter(|t| !is_placeholder(&t.text))
            .map(|t| name_json(&t.text))
            .collect(),
    )
}

/// The primary language subtag (`ru` of `ru-RU`), lower-cased.
fn primary(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or(tag)
        .to_ascii_lowercase()
}

/// The item's `language`. CSL has one language per item, and processors title-case every
/// field of an English item: a text in an edition in another language (an English
/// translation in a Russian collection) takes the edition's language, so that the
/// container's title keeps its case; the text's own title is printed as written.
fn item_language(text: Option<&str>, edition: Option<&str>) -> Option<String> {
    match (text, edition) {
        (Some(t), Some(e)) if primary(e) != "en" && primary(e) != primary(t) => Some(e.to_string()),
        (t, e) => t.or(e).map(str::to_string),
    }
}

fn first_value(locators: &[Locator], label: LocatorLabel, input: &str) -> Option<String> {
    locators
        .iter()
        .find(|l| l.label == label)
        .map(|l| l.value_text(input).to_string())
}

fn put(o: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(v) = value {
        let empty = match &v {
            Value::Null => true,
            Value::String(s) => s.is_empty(),
            Value::Array(a) => a.is_empty(),
            _ => false,
        };
        if !empty {
            o.insert(key.to_string(), v);
        }
    }
}

/// The CSL-JSON item of `doc`; `bib` resolves `[source] key`.
pub fn document_item(doc: &Document, bib: Option<&Bibliography>) -> Value {
    let mut o = Map::new();
    o.insert("id".into(), Value::String(doc.id.clone()));
    o.insert("type".into(), Value::String("document".to_string()));
    put(&mut o, "title", doc.title.as_ref().map(|t| json!(t.text)));
    put(&mut o, "author", Some(names(&doc.author)));
    put(&mut o, "recipient", Some(names(&doc.recipient)));
    let mut edition_language: Option<String> = None;
    let mut in_edition = false;
    let doc_date = doc
        .date
        .as_ref()
        .and_then(|d| d.date().and_then(|p| date_to_csl(p, &d.written.text)))
        .and_then(|d| serde_json::to_value(d).ok());
    let mut edition_issued = None;
    let mut custom = Map::new();
    if let Some(source) = &doc.source {
        // The edition: a bibliography entry (named by `key`, or matched by `cite`), else the
        // parsed citation; none when `cite` is an archival reference (the original).
        let resolved = source.edition_key(bib);
        let entry = resolved
            .as_ref()
            .and_then(|(key, _)| bib.and_then(|b| b.get(key)));
        let cited = source
            .reference
            .as_ref()
            .zip(source.cite.as_ref())
            .filter(|_| source.cites_edition());
        let edition: Option<Value> = match (entry, &source.key, cited) {
            (Some(e), _, _) => Some(e.to_csl_json()),
            (None, None, Some((r, cite))) => {
                serde_json::to_value(reference_to_csl(&r.value, &cite.text)).ok()
            }
            _ => None,
        };
        // The pinpoint: `locator`, else the locators of an edition `cite`.
        let (pinpoint_input, pinpoint): (String, Vec<Locator>) =
            match (&source.locator, &source.locators, cited) {
                (Some(t), Some(p), _) => (t.text.clone(), p.value.clone()),
                (None, _, Some((r, cite))) => (cite.text.clone(), r.value.locators.clone()),
                _ => (String::new(), Vec::new()),
            };
        if let Some(Value::Object(e)) = edition {
            in_edition = true;
            let get = |k: &str| e.get(k).cloned();
            edition_language = e
                .get("language")
                .and_then(Value::as_str)
                .map(str::to_string)
                .or_else(|| {
                    e.get("title")
                        .and_then(Value::as_str)
                        .and_then(language_of)
                        .map(str::to_string)
                });
            put(&mut o, "container-title", get("title"));
            put(&mut o, "container-author", get("author"));
            put(&mut o, "editor", get("editor"));
            put(&mut o, "collection-title", get("collection-title"));
            put(&mut o, "publisher", get("publisher"));
            put(&mut o, "publisher-place", get("publisher-place"));
            put(&mut o, "volume", get("volume"));
            put(&mut o, "edition", get("edition"));
            put(&mut o, "DOI", get("DOI"));
            edition_issued = get("issued");
        }
        if let Some((key, matched)) = &resolved {
            custom.insert("ibid-key".into(), json!(key));
            if *matched {
                custom.insert("ibid-key-matched".into(), json!(true));
            }
        }
        put(
            &mut o,
            "number",
            first_value(&pinpoint, LocatorLabel::Document, &pinpoint_input).map(Value::String),
        );
        put(
            &mut o,
            "page",
            first_value(&pinpoint, LocatorLabel::Page, &pinpoint_input).map(Value::String),
        );
        if o.get("volume").is_none() {
            put(
                &mut o,
                "volume",
                first_value(&pinpoint, LocatorLabel::Volume, &pinpoint_input).map(Value::String),
            );
        }
        if let Some((archive, location)) = archive_parts(source) {
            put(&mut o, "archive", Some(json!(archive)));
            put(&mut o, "archive_location", location.map(Value::String));
        }
        put(&mut o, "URL", source.url.as_ref().map(|u| json!(u.text)));
        put(
            &mut o,
            "accessed",
            source
                .accessed
                .as_ref()
                .and_then(|d| d.date().and_then(|p| date_to_csl(p, &d.written.text)))
                .and_then(|d| serde_json::to_value(d).ok()),
        );
        put(
            &mut o,
            "source",
            source
                .cite
                .as_ref()
                .filter(|_| source.cites_edition())
                .or(source.cite_as_printed.as_ref())
                .map(|c| json!(c.text)),
        );
    }
    if let Some(t) = &doc.translation {
        put(&mut o, "translator", Some(names(&t.by)));
        put(
            &mut o,
            "original-title",
            t.original_title.as_ref().map(|t| json!(t.text)),
        );
    }
    // The document's date is the original's. A translation is issued when it was made
    // (else with its edition) and keeps the original's date as `original-date`; a text
    // from a dated edition is issued with it; otherwise the original's date is `issued`.
    let translated = doc.translation.as_ref().map(|t| {
        t.date
            .as_ref()
            .and_then(|d| d.date().and_then(|p| date_to_csl(p, &d.written.text)))
            .and_then(|d| serde_json::to_value(d).ok())
    });
    match (translated, edition_issued) {
        (Some(made), edition) => {
            put(&mut o, "issued", made.or(edition));
            put(&mut o, "original-date", doc_date);
        }
        (None, Some(issued)) => {
            o.insert("issued".into(), issued);
            put(&mut o, "original-date", doc_date);
        }
        (None, None) => put(&mut o, "issued", doc_date),
    }
    let item_type = item_type(doc, in_edition);
    o.insert("type".into(), Value::String(item_type.to_string()));
    // The kind names what an unpublished or standalone text is (`[Note]`); in a `chapter`
    // processors print a genre as a label of the document number (`letter 652`) or in
    // place of `In` (Chicago), so there it is left out.
    if item_type != "chapter" {
        put(&mut o, "genre", doc.kind.as_ref().map(|k| json!(k.text)));
    }
    put(
        &mut o,
        "language",
        item_language(doc.text_language(), edition_language.as_deref()).map(Value::String),
    );
    if !custom.is_empty() {
        o.insert("custom".into(), Value::Object(custom));
    }
    Value::Object(o)
}

/// The CSL-JSON array of `docs`.
pub fn csl_json(docs: &[&Document], bib: Option<&Bibliography>) -> Value {
    Value::Array(docs.iter().map(|d| document_item(d, bib)).collect())
}
