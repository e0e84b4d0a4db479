//! CSL-JSON export: one item per document, describing the text as published (its edition
//! as container, `number` for the document number, `archive`/`archive_location`, the
//! translators and the original's date as `original-date`).

use super::util::archive_parts;
use crate::bib::toml_bib::name_from_text as name_json;
use crate::bib::Bibliography;
use crate::model::{Document, Text};
use ibid_parse::csl::{date_to_csl, reference_to_csl};
use ibid_parse::{Locator, LocatorLabel};
use serde_json::{json, Map, Value};

/// The CSL type for a document `kind`.
fn item_type(doc: &Document) -> &'static str {
    let kind = doc
        .kind
        .as_ref()
        .map(|k| k.text.to_lowercase())
        .unwrap_or_default();
    match kind.as_str() {
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
        "" if doc.source.as_ref().is_some_and(|s| {
            !s.cites_edition() && (s.archive.is_some() || s.cited_archive().is_some())
        }) =>
        {
            "manuscript"
        }
        _ => "document",
    }
}

fn names(texts: &[Text]) -> Value {
    Value::Array(texts.iter().map(|t| name_json(&t.text)).collect())
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
    o.insert("type".into(), Value::String(item_type(doc).to_string()));
    put(&mut o, "title", doc.title.as_ref().map(|t| json!(t.text)));
    put(&mut o, "author", Some(names(&doc.author)));
    put(&mut o, "recipient", Some(names(&doc.recipient)));
    put(&mut o, "language", doc.text_language().map(|l| json!(l)));
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
            let get = |k: &str| e.get(k).cloned();
            put(&mut o, "container-title", get("title"));
            put(&mut o, "container-author", get("author"));
            put(&mut o, "editor", get("editor"));
            put(&mut o, "collection-title", get("collection-title"));
            put(&mut o, "publisher", get("publisher"));
            put(&mut o, "publisher-place", get("publisher-place"));
            put(&mut o, "volume", get("volume"));
            put(&mut o, "edition", get("edition"));
            put(&mut o, "DOI", get("DOI"));
            if o.get("language").is_none() {
                put(&mut o, "language", get("language"));
            }
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
    if !custom.is_empty() {
        o.insert("custom".into(), Value::Object(custom));
    }
    Value::Object(o)
}

/// The CSL-JSON array of `docs`.
pub fn csl_json(docs: &[&Document], bib: Option<&Bibliography>) -> Value {
    Value::Array(docs.iter().map(|d| document_item(d, bib)).collect())
}
