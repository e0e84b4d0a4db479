//! Language names as `.bib` and RIS files write them (`russian`, `English`) and the BCP 47
//! tags CSL expects (`ru-RU`), both ways, from `data/languages.tsv`.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The rows of the table: (name, tag).
fn rows() -> impl Iterator<Item = (&'static str, &'static str)> {
    include_str!("../../data/languages.tsv")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
}

/// The BCP 47 tag of a babel/polyglossia language name (`russian` → `ru-RU`).
pub(crate) fn language_tag(name: &str) -> Option<&'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE
        .get_or_init(|| rows().collect())
        .get(name.trim().to_ascii_lowercase().as_str())
        .copied()
}

/// The babel name for a BCP 47 tag, for writing `langid` (`ru` or `ru-RU` → `russian`).
pub(crate) fn babel_name(tag: &str) -> Option<&'static str> {
    static TABLE: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut map = HashMap::new();
        // The first name listed for a tag (and for its language alone) is the one written.
        for (name, tag) in rows() {
            map.entry(tag.to_ascii_lowercase()).or_insert(name);
            let language = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
            map.entry(language).or_insert(name);
        }
        map
    });
    let tag = tag.trim().to_ascii_lowercase();
    table.get(&tag).copied().or_else(|| {
        let language = tag.split(['-', '_']).next().unwrap_or("");
        table.get(language).copied()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_ways() {
        assert_eq!(language_tag("Russian"), Some("ru-RU"));
        assert_eq!(language_tag("english"), Some("en-US"));
        assert_eq!(babel_name("ru"), Some("russian"));
        assert_eq!(babel_name("en-GB"), Some("british"));
        assert_eq!(babel_name("de-DE"), Some("german"));
        assert_eq!(babel_name("fr"), Some("french"));
        assert_eq!(babel_name("xx"), None);
    }
}
