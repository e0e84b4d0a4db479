//! The CSL-JSON export rendered by a real processor (hayagriva, typst's CSL engine) in
//! Chicago author-date and APA: every fixture document prints its container, its pinpoint
//! (cited as the locator) and its archive, and no Russian title is title-cased as English.
//! The same check with pandoc's citeproc is `scripts/csl-export-check.sh` (not in CI).

use hayagriva::archive::{locales, ArchivedStyle};
use hayagriva::citationberg::json as csl_json;
use hayagriva::citationberg::taxonomy::Locator;
use hayagriva::citationberg::Style;
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, LocatorPayload,
    SpecificLocator,
};
use ibid_provenance::bib::csl_variables_only;
use ibid_provenance::export::csl;
use ibid_provenance::Document;
use serde_json::Value;

mod fixture;

fn exported() -> Vec<Value> {
    let docs = fixture::documents();
    let bibliography = fixture::bibliography();
    let refs: Vec<&Document> = docs.iter().collect();
    match csl::csl_json(&refs, Some(&bibliography)) {
        Value::Array(items) => items,
        other => panic!("not an array: {other}"),
    }
}

/// Each item's citation (with its page as the locator) and bibliography entry, as text.
fn render(style_name: &str, items: &[Value]) -> Vec<(String, String, String)> {
    let Style::Independent(style) = ArchivedStyle::by_name(style_name).unwrap().get() else {
        panic!("{style_name} is a dependent style");
    };
    let locales = locales();
    let entries: Vec<csl_json::Item> = items
        .iter()
        .map(|i| serde_json::from_value(csl_variables_only(i)).expect("hayagriva reads the item"))
        .collect();
    let pages: Vec<Option<String>> = items
        .iter()
        .map(|i| i.get("page").and_then(Value::as_str).map(str::to_string))
        .collect();
    let mut driver: BibliographyDriver<'_, csl_json::Item> = BibliographyDriver::new();
    for (entry, page) in entries.iter().zip(&pages) {
        let locator = page
            .as_deref()
            .map(|p| SpecificLocator(Locator::Page, LocatorPayload::Str(p)));
        driver.citation(CitationRequest::from_items(
            vec![CitationItem::with_locator(entry, locator)],
            &style,
            &locales,
        ));
    }
    let rendered = driver.finish(BibliographyRequest::new(&style, None, &locales));
    let bibliography = rendered.bibliography.expect("a bibliography");
    items
        .iter()
        .zip(&rendered.citations)
        .map(|(item, citation)| {
            let id = item["id"].as_str().unwrap().to_string();
            let entry = bibliography
                .items
                .iter()
                .find(|b| b.key == id)
                .map(|b| format!("{:#}", b.content))
                .unwrap_or_default();
            (id, format!("{:#}", citation.citation), entry)
        })
        .collect()
}

#[test]
fn every_document_prints_its_container_pinpoint_and_archive() {
    let items = exported();
    assert!(items.len() >= 16);
    for style in ["chicago-author-date", "apa"] {
        let rendered = render(style, &items);
        let mut report = Vec::new();
        for (item, (id, citation, entry)) in items.iter().zip(&rendered) {
            // Styles capitalise a first letter (`F. 2, op. 1`) and set page ranges with
            // their own dash: compare without case or dash kinds.
            let norm = |s: &str| s.to_lowercase().replace(['–', '—'], "-");
            let text = |k: &str| item.get(k).and_then(Value::as_str).map(norm);
            let (citation, entry) = (norm(citation), norm(entry));
            let both = format!("{citation} {entry}");
            let mut missing = Vec::new();
            if let Some(container) = text("container-title") {
                if !entry.contains(&container) {
                    missing.push(format!("container `{container}`"));
                }
            }
            if let Some(page) = text("page") {
                if !both.contains(&page) {
                    missing.push(format!("pinpoint `{page}`"));
                }
            }
            for archival in ["archive", "archive_location"] {
                if let Some(value) = text(archival) {
                    if !entry.contains(&value) {
                        missing.push(format!("{archival} `{value}`"));
                    }
                }
            }
            if !missing.is_empty() {
                report.push(format!(
                    "{style} {id}: missing {}\n  {citation}\n  {entry}",
                    missing.join(", ")
                ));
            }
        }
        assert!(report.is_empty(), "{}", report.join("\n"));
    }
}

#[test]
fn russian_containers_keep_their_case_and_placeholders_are_not_names() {
    let items = exported();
    let rendered = render("chicago-author-date", &items);
    let letter = rendered
        .iter()
        .find(|(id, _, _)| id == "narimanov-letter-1921")
        .unwrap();
    assert!(
        letter
            .2
            .contains("Нагорный Карабах в международном праве и мировой политике"),
        "{}",
        letter.2
    );
    for (id, citation, entry) in &rendered {
        assert!(
            !citation.contains("Unknown") && !entry.contains("Unknown translator"),
            "{id}: {citation} / {entry}"
        );
    }
}
