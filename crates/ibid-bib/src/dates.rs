//! Year ranges (`1950–1953`, a work published over several years), which hayagriva 0.10.1
//! cannot render: the item keeps the end year aside, and the rendered start year is extended.

use hayagriva::citationberg::json::{Item, Value as CslValue};
use hayagriva::{ElemChild, ElemChildren, ElemMeta};
use serde_json::Value;

/// The key under which [`crate::item::to_item`] keeps the last year of an `issued` range
/// of years. Hayagriva reads no such variable; only [`extend_year_range`] does.
pub(crate) const ISSUED_END: &str = "ibid-issued-end";

/// The last year of a CSL-JSON `issued` value that is a range of years only
/// (`[[1950], [1953]]`), when it differs from the first.
pub(crate) fn year_range_end(issued: &Value) -> Option<String> {
    let parts = issued.get("date-parts")?.as_array()?;
    let year_only = |d: &Value| -> Option<i64> {
        let d = d.as_array()?;
        if d.len() != 1 {
            return None;
        }
        d[0].as_i64()
            .or_else(|| d[0].as_str().and_then(|s| s.trim().parse().ok()))
    };
    match parts.as_slice() {
        [start, end] => {
            let (start, end) = (year_only(start)?, year_only(end)?);
            (end > start).then(|| end.to_string())
        }
        _ => None,
    }
}

/// Extend the start year of `item`'s `issued` range to the whole range in the dates of a
/// rendered entry (`1950` → `1950–1953`, `1950a` → `1950–1953a`), with CSL's default
/// range delimiter, the en dash. Left alone when another date of the item has the same
/// year, as the two could not be told apart.
pub(crate) fn extend_year_range(children: &mut ElemChildren, item: &Item) {
    let Some(end) = item.0.get(ISSUED_END).and_then(|v| v.to_str()) else {
        return;
    };
    let Some(start) = first_year(item.0.get("issued")) else {
        return;
    };
    let shared = item
        .0
        .iter()
        .filter(|(k, _)| k.as_str() != "issued")
        .any(|(_, v)| first_year(Some(v)) == Some(start));
    if shared {
        return;
    }
    extend(children, &start.to_string(), &format!("{start}–{end}"));
}

fn first_year(value: Option<&CslValue>) -> Option<i64> {
    match value? {
        CslValue::Date(d) => {
            let range: hayagriva::citationberg::json::VecDateRange = d.clone().into();
            range.0.first()?.0.first().map(|y| i64::from(*y))
        }
        _ => None,
    }
}

fn extend(children: &mut ElemChildren, start: &str, range: &str) {
    for child in &mut children.0 {
        if let ElemChild::Elem(e) = child {
            if matches!(e.meta, Some(ElemMeta::Date)) {
                for part in &mut e.children.0 {
                    if let ElemChild::Text(t) = part {
                        if let Some(at) = whole_number(&t.text, start) {
                            t.text.replace_range(at..at + start.len(), range);
                        }
                    }
                }
            } else {
                extend(&mut e.children, start, range);
            }
        }
    }
}

/// Where `number` stands in `text` with no digit on either side.
fn whole_number(text: &str, number: &str) -> Option<usize> {
    text.match_indices(number).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + number.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_ranges_of_years_have_an_end() {
        assert_eq!(
            year_range_end(&json!({"date-parts": [[1950], [1953]]})),
            Some("1953".into())
        );
        assert_eq!(
            year_range_end(&json!({"date-parts": [["1960"], ["1970"]]})),
            Some("1970".into())
        );
        assert_eq!(year_range_end(&json!({"date-parts": [[1950]]})), None);
        assert_eq!(
            year_range_end(&json!({"date-parts": [[1950, 2], [1950, 3]]})),
            None
        );
        assert_eq!(
            year_range_end(&json!({"date-parts": [[1953], [1950]]})),
            None
        );
    }

    #[test]
    fn the_start_year_is_found_as_a_whole_number() {
        assert_eq!(whole_number("1950a", "1950"), Some(0));
        assert_eq!(whole_number("(19501)", "1950"), None);
        assert_eq!(whole_number("May 1950", "1950"), Some(4));
    }
}
