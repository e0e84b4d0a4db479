//! Ids for entries built from the text (no bibliography key): the first author's family
//! name, the year and the first word of the title, transliterated (`barsegov-2008-nagornyi`).

use crate::archive::fold;
use serde_json::{Map, Value};

/// Words skipped when taking the first word of a title.
const ARTICLES: &[&str] = &[
    "a", "an", "the", "der", "die", "das", "ein", "eine", "le", "la", "les", "l", "un", "une",
];

/// The id of a CSL-JSON item: `family-year-word`, with the parts it has (`item` when none).
pub fn item_id(item: &Map<String, Value>) -> String {
    let mut parts: Vec<String> = Vec::new();
    let name = ["author", "editor", "translator"].iter().find_map(|v| {
        let first = item.get(*v)?.as_array()?.first()?;
        first
            .get("family")
            .or_else(|| first.get("literal"))
            .and_then(Value::as_str)
            .map(str::to_string)
    });
    if let Some(name) = name {
        if let Some(word) = fold(&name).split(' ').find(|w| !w.is_empty()) {
            parts.push(word.to_string());
        }
    }
    if let Some(year) = crate::item::issued_year(item) {
        parts.push(year.to_string());
    }
    if let Some(title) = item.get("title").and_then(Value::as_str) {
        let folded = fold(title);
        if let Some(word) = folded
            .split(' ')
            .find(|w| !w.is_empty() && !ARTICLES.contains(w))
        {
            parts.push(word.to_string());
        }
    }
    if parts.is_empty() {
        "item".to_string()
    } else {
        parts.join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ids_from_author_year_and_title() {
        let item = json!({
            "author": [{"family": "Барсегов", "given": "Ю. Г."}],
            "title": "Нагорный Карабах",
            "issued": {"date-parts": [[2008]]}
        });
        assert_eq!(item_id(item.as_object().unwrap()), "barsegov-2008-nagornyi");
        let bare = json!({"title": "The Republic of Armenia"});
        assert_eq!(item_id(bare.as_object().unwrap()), "republic");
        assert_eq!(item_id(&Map::new()), "item");
    }
}
