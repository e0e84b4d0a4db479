//! CSL-JSON entries as hayagriva renders them (`citationberg::json::Item`): strings, names
//! and dates only, dates reduced to what the engine accepts, and a language for entries
//! without one so that styles title-case English titles only.

use crate::dates::{year_range_end, ISSUED_END};
use crate::language::guess_language;
use hayagriva::citationberg::json::{
    DateValue, Item, LiteralName, NameItem, NameValue, Value as CslValue, VecDate, VecDateRange,
};
use hayagriva::{ElemChild, ElemChildren, ElemMeta};
use ibid_provenance::bib::{DATE_FIELDS, NAME_FIELDS};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The first year of a CSL-JSON item's `issued` date (`date-parts`), when it has one.
pub(crate) fn issued_year(item: &Map<String, Value>) -> Option<i64> {
    item.get("issued")
        .and_then(|d| d.get("date-parts"))
        .and_then(|p| p.get(0))
        .and_then(|p| p.get(0))
        .and_then(Value::as_i64)
}

/// The hayagriva item of a CSL-JSON object. Fields hayagriva cannot read (objects other
/// than dates and names, `custom`) are left out; the entry data itself is not changed.
pub fn to_item(csl: &Map<String, Value>) -> Item {
    let mut fields = BTreeMap::new();
    let mut joined = false;
    for (key, value) in csl {
        let converted = if DATE_FIELDS.contains(&key.as_str()) {
            date(value)
        } else if NAME_FIELDS.contains(&key.as_str()) {
            names(value, &mut joined)
        } else {
            match value {
                Value::String(s) if !s.trim().is_empty() => Some(CslValue::String(s.clone())),
                Value::Number(n) => Some(CslValue::String(n.to_string())),
                _ => None,
            }
        };
        if let Some(v) = converted {
            fields.insert(key.clone(), v);
        }
    }
    // The end of a range of years, which the engine cannot render: kept aside for
    // `dates::extend_year_range` to put back after rendering.
    if let Some(end) = csl.get("issued").and_then(year_range_end) {
        fields.insert(ISSUED_END.into(), CslValue::String(end));
    }
    if joined {
        fields.insert(JOINED_FAMILY.into(), CslValue::String("true".into()));
    }
    // The key, for styles that print it (and for the sorting pass of grouped rendering).
    if let (Some(Value::String(id)), false) = (csl.get("id"), fields.contains_key("citation-key")) {
        fields.insert("citation-key".into(), CslValue::String(id.clone()));
    }
    if !fields.contains_key("type") {
        fields.insert("type".into(), CslValue::String("document".into()));
    }
    if !fields.contains_key("language") {
        let title = ["title", "container-title", "collection-title"]
            .iter()
            .filter_map(|k| csl.get(*k).and_then(Value::as_str))
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(language) = guess_language(&title) {
            fields.insert("language".into(), CslValue::String(language.into()));
        }
    }
    Item(fields)
}

/// A CSL name list; names with nothing in them are dropped.
fn names(value: &Value, joined: &mut bool) -> Option<CslValue> {
    let list: Vec<NameValue> = value
        .as_array()?
        .iter()
        .filter_map(|n| {
            let text = |k: &str| {
                n.get(k)
                    .and_then(Value::as_str)
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
            };
            if let Some(literal) = text("literal") {
                return Some(NameValue::Literal(LiteralName { literal }));
            }
            let family = text("family");
            let given = text("given");
            match (family, given) {
                (None, None) => None,
                (None, Some(given)) => Some(NameValue::Literal(LiteralName { literal: given })),
                (Some(family), given) => {
                    let mut item = NameItem {
                        family,
                        given,
                        non_dropping_particle: text("non-dropping-particle"),
                        dropping_particle: text("dropping-particle"),
                        suffix: text("suffix"),
                        comma_suffix: n.get("comma-suffix").and_then(Value::as_bool),
                    };
                    keep_family_whole(&mut item);
                    *joined |= keep_capitalised_first_word(&mut item);
                    Some(NameValue::Item(item))
                }
            }
        })
        .collect();
    (!list.is_empty()).then_some(CslValue::Names(list))
}

/// Keep a family name such as `Carrère d’Encausse` whole. Given a name without particles,
/// hayagriva 0.10.1 reads particles out of the family name itself (`Person::from_strings`):
/// everything up to its last word that begins in lower case becomes a prefix, so
/// `Carrère d’Encausse` is left with no family name at all (`, Hélène Carrère d’Encausse`).
/// A name with a particle is taken as written, the particle and the family joined by a
/// space, so such a family is handed over split at its first space. A family that begins
/// in lower case (`van Gogh` given without particle fields) is left to the engine, which
/// reads `van` as a particle as citeproc-js does.
fn keep_family_whole(item: &mut NameItem) {
    if item.non_dropping_particle.is_some() || item.dropping_particle.is_some() {
        return;
    }
    let mut words = item.family.split(' ');
    let starts_upper = words
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(|c| !c.is_lowercase());
    let later_lower = words.any(|w| w.chars().next().is_some_and(char::is_lowercase));
    if !(starts_upper && later_lower) {
        return;
    }
    if let Some((first, rest)) = item.family.split_once(' ') {
        let (first, rest) = (first.to_string(), rest.to_string());
        item.non_dropping_particle = Some(first);
        item.family = rest;
    }
}

/// The key that marks an item whose family names [`keep_capitalised_first_word`] joined
/// with no-break spaces; [`rejoin_family_names`] turns them back into spaces once rendered.
pub(crate) const JOINED_FAMILY: &str = "ibid-joined-family";

/// Keep a family name such as `Ter Minassian` whole. Hayagriva 0.10.1 reads the first
/// words of a family name as a non-dropping particle whenever they are on its list of
/// particles, capitalised or not (`Person::name_particle`), and prints `Minassian, Anahide
/// Ter`; CSL processors read particles out of a family name only in lower case (`van
/// Gogh`), as `keep_family_whole` leaves them. Such a family is handed over with its spaces
/// as no-break spaces, which hayagriva does not split at; whether it returns true.
fn keep_capitalised_first_word(item: &mut NameItem) -> bool {
    if item.non_dropping_particle.is_some()
        || item.dropping_particle.is_some()
        || !item.family.contains(' ')
        || !item.family.starts_with(char::is_uppercase)
    {
        return false;
    }
    let read = hayagriva::types::Person::from_strings(vec![item.family.as_str()]);
    let particle = read.as_ref().ok().and_then(|p| p.name_particle());
    if !particle.is_some_and(|p| p.starts_with(char::is_uppercase)) {
        return false;
    }
    item.family = item.family.replace(' ', "\u{a0}");
    true
}

/// Turn the no-break spaces of the names in a rendered entry back into spaces when
/// [`to_item`] joined a family name with them (`JOINED_FAMILY`).
pub(crate) fn rejoin_family_names(children: &mut ElemChildren, item: &Item) {
    if !item.0.contains_key(JOINED_FAMILY) {
        return;
    }
    for child in &mut children.0 {
        if let ElemChild::Elem(e) = child {
            if matches!(e.meta, Some(ElemMeta::Name(..))) {
                for part in &mut e.children.0 {
                    if let ElemChild::Text(t) = part {
                        t.text = t.text.replace('\u{a0}', " ");
                    }
                }
            } else {
                rejoin_family_names(&mut e.children, item);
            }
        }
    }
}

/// A CSL date with its first date only (the engine renders no ranges), its parts checked:
/// a year that fits, a month 1–12, a day 1–31.
fn date(value: &Value) -> Option<CslValue> {
    let first = value.get("date-parts")?.get(0)?.as_array()?;
    let year = first.first()?.as_i64().or_else(|| {
        first
            .first()
            .and_then(Value::as_str)
            .and_then(|s| s.trim().parse().ok())
    })?;
    let year = i16::try_from(year).ok()?;
    let mut parts = vec![year];
    let part = |i: usize| {
        first.get(i).and_then(|v| {
            v.as_i64()
                .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
        })
    };
    if let Some(month) = part(1).filter(|m| (1..=12).contains(m)) {
        parts.push(month as i16);
        if let Some(day) = part(2).filter(|d| (1..=31).contains(d)) {
            parts.push(day as i16);
        }
    }
    let circa = match value.get("circa") {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s == "true",
        Some(Value::Number(n)) => n.as_i64() == Some(1),
        _ => false,
    };
    Some(CslValue::Date(DateValue::DateParts {
        date_parts: VecDateRange(vec![VecDate(parts)]),
        literal: None,
        season: None,
        circa,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn item(v: Value) -> Item {
        to_item(v.as_object().unwrap())
    }

    #[test]
    fn ranges_and_bad_parts_are_reduced_to_what_renders() {
        let i = item(json!({
            "type": "book",
            "issued": {"date-parts": [[1921, 2, 16], [1921, 3, 1]]},
            "accessed": {"date-parts": [[2024, 13, 40]]},
            "original-date": {"date-parts": [[]]},
            "custom": {"x": 1},
            "volume": 4
        }));
        let json = serde_json::to_value(&i).unwrap();
        assert_eq!(json["issued"], json!([[1921, 2, 16]]));
        assert!(json.get("ibid-issued-end").is_none());
        let years = item(json!({"type": "book", "issued": {"date-parts": [[1950], [1953]]}}));
        let range = serde_json::to_value(&years).unwrap();
        assert_eq!(range["issued"], json!([[1950]]));
        assert_eq!(range["ibid-issued-end"], json!("1953"));
        assert_eq!(json["accessed"], json!([[2024]]));
        assert!(json.get("original-date").is_none());
        assert!(json.get("custom").is_none());
        assert_eq!(json["volume"], json!("4"));
    }

    #[test]
    fn a_capitalised_particle_word_is_joined_to_the_family_name() {
        let i = item(json!({"type": "book", "author": [
            {"family": "Ter Minassian", "given": "Anahide"},
            {"family": "van Gogh", "given": "Vincent"},
            {"family": "Lloyd George", "given": "David"}
        ]}));
        let json = serde_json::to_value(&i).unwrap();
        assert_eq!(json["author"][0]["family"], json!("Ter\u{a0}Minassian"));
        assert_eq!(json["author"][1]["family"], json!("van Gogh"));
        assert_eq!(json["author"][2]["family"], json!("Lloyd George"));
        assert_eq!(json[JOINED_FAMILY], json!("true"));
        let plain = item(json!({"type": "book", "author": [{"family": "Suny", "given": "R."}]}));
        assert!(!plain.0.contains_key(JOINED_FAMILY));
    }

    #[test]
    fn a_language_is_guessed_only_when_missing() {
        let ru = item(json!({"type": "book", "title": "Нагорный Карабах"}));
        assert_eq!(ru.0.get("language"), Some(&CslValue::String("ru".into())));
        let set = item(json!({"type": "book", "title": "Нагорный Карабах", "language": "en"}));
        assert_eq!(set.0.get("language"), Some(&CslValue::String("en".into())));
        let en = item(json!({"type": "book", "title": "The Republic of Armenia"}));
        assert_eq!(en.0.get("language"), None);
    }
}
