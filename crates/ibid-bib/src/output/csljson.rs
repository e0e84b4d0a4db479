//! The entries exported as CSL-JSON: the published sources as they are, each archival file
//! as a `manuscript` with `archive` and `archive_location`.

use crate::bibliography::slug;
use crate::collection::Collection;
use serde_json::{Map, Value};

/// Every source of `collection` as a CSL-JSON object: published sources first (their data
/// unchanged), then the archival files.
pub fn export_items(collection: &Collection) -> Vec<Map<String, Value>> {
    let mut items: Vec<Map<String, Value>> = collection
        .sources
        .iter()
        .map(|s| {
            let mut csl = s.csl.clone();
            csl.insert("id".into(), Value::String(s.id.clone()));
            csl
        })
        .collect();
    for repository in &collection.repositories {
        for file in &repository.files {
            let full = file.display(&repository.name, repository.convention);
            let location = file.display("", repository.convention);
            let mut o = Map::new();
            o.insert(
                "id".into(),
                Value::String(format!("archive-{}", slug(&full))),
            );
            o.insert("type".into(), Value::String("manuscript".into()));
            if !repository.name.is_empty() {
                o.insert("archive".into(), Value::String(repository.name.clone()));
            }
            if !location.is_empty() && location != "." {
                o.insert("archive_location".into(), Value::String(location));
            }
            items.push(o);
        }
    }
    items
}

/// The sources of `collection` as a CSL-JSON array (pretty-printed, with a final newline).
pub fn csl_json(collection: &Collection) -> String {
    let items: Vec<Value> = export_items(collection)
        .into_iter()
        .map(Value::Object)
        .collect();
    let mut out = serde_json::to_string_pretty(&Value::Array(items)).unwrap_or_default();
    out.push('\n');
    out
}
