//! The CSL 1.0.2 variables by kind (text, names, dates): the one list every reader and
//! writer of bibliographies uses, and the item a CSL processor is given.

use serde_json::{Map, Value};

/// CSL name variables: their values are lists of names.
pub const NAME_FIELDS: &[&str] = &[
    "author",
    "editor",
    "translator",
    "container-author",
    "collection-editor",
    "composer",
    "director",
    "editorial-director",
    "illustrator",
    "interviewer",
    "original-author",
    "recipient",
    "reviewed-author",
    "chair",
    "compiler",
    "contributor",
    "curator",
    "executive-producer",
    "guest",
    "host",
    "narrator",
    "organizer",
    "performer",
    "producer",
    "script-writer",
    "series-creator",
];

/// CSL date variables.
pub const DATE_FIELDS: &[&str] = &[
    "issued",
    "accessed",
    "original-date",
    "event-date",
    "submitted",
    "available-date",
];

/// CSL standard and number variables (text values).
pub(crate) const TEXT_VARIABLES: &[&str] = &[
    "abstract",
    "annote",
    "archive",
    "archive_collection",
    "archive_location",
    "archive-place",
    "authority",
    "call-number",
    "chapter-number",
    "citation-key",
    "citation-label",
    "collection-number",
    "collection-title",
    "container-title",
    "container-title-short",
    "dimensions",
    "division",
    "DOI",
    "edition",
    "event",
    "event-title",
    "event-place",
    "genre",
    "ISBN",
    "ISSN",
    "issue",
    "jurisdiction",
    "keyword",
    "language",
    "license",
    "medium",
    "note",
    "number",
    "number-of-pages",
    "number-of-volumes",
    "original-publisher",
    "original-publisher-place",
    "original-title",
    "page",
    "page-first",
    "part-number",
    "part-title",
    "PMCID",
    "PMID",
    "printing-number",
    "publisher",
    "publisher-place",
    "references",
    "reviewed-genre",
    "reviewed-title",
    "scale",
    "section",
    "source",
    "status",
    "supplement-number",
    "title",
    "title-short",
    "URL",
    "version",
    "volume",
    "volume-title",
    "volume-title-short",
    "year-suffix",
];

/// `item` with only what a CSL processor reads: CSL variables, each in the shape the CSL-JSON
/// schema gives it (text or number, a list of names, a date object), and `id` and `type`.
/// ibid's own fields (`custom`), the fields a bibliography file has no variable for, and
/// values of the wrong shape are left out: hayagriva's CSL-JSON reader refuses an item that
/// has any of them.
pub fn csl_variables_only(item: &Value) -> Value {
    let Some(object) = item.as_object() else {
        return Value::Object(Map::new());
    };
    let kept = object
        .iter()
        .filter(|(key, value)| {
            let key = key.as_str();
            if key == "id" || key == "type" || TEXT_VARIABLES.contains(&key) {
                value.is_string() || value.is_number()
            } else if NAME_FIELDS.contains(&key) {
                value.as_array().is_some_and(|names| {
                    names.iter().all(|n| {
                        n.as_object()
                            .is_some_and(|o| o.contains_key("family") || o.contains_key("literal"))
                    })
                })
            } else if DATE_FIELDS.contains(&key) {
                value.get("date-parts").is_some() || value.get("raw").is_some()
            } else {
                false
            }
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Value::Object(kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_variables_of_the_right_shape() {
        let item = json!({
            "id": "x", "type": "chapter", "title": "T", "volume": 1,
            "author": [{"family": "F"}], "translator": [{"literal": "L"}],
            "issued": {"date-parts": [[1921]]}, "custom": {"ibid-key": "k"},
            "UR": ["a", "b"], "indextitle": "I", "editor": ["not a name"]
        });
        assert_eq!(
            csl_variables_only(&item),
            json!({
                "id": "x", "type": "chapter", "title": "T", "volume": 1,
                "author": [{"family": "F"}], "translator": [{"literal": "L"}],
                "issued": {"date-parts": [[1921]]}
            })
        );
    }
}
