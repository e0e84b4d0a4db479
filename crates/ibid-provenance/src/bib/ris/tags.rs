//! The RIS tables of `data/`: reference types (TY) and tags, and which CSL variable each
//! holds for which types, read once and used by both the reader and the writer.

use std::collections::HashMap;
use std::sync::OnceLock;

/// How a tag's value is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Text, as it is.
    Text,
    /// One name: `Family, Given, Suffix`.
    Name,
    /// A date: `YYYY/MM/DD/other` or `YYYY-MM-DD`.
    Date,
    /// A date of which only the year is read; a fuller date from another tag wins.
    Year,
    /// The first page of a range.
    PageStart,
    /// The last page of a range.
    PageEnd,
    /// One item of a list; repeated lines are joined with `, `.
    List,
}

/// One row of `ris-tags.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TagRow {
    pub tag: &'static str,
    pub variable: &'static str,
    pub kind: Kind,
    /// The TY values the row is for; empty for any other.
    pub types: Vec<&'static str>,
    pub write: bool,
}

impl TagRow {
    /// Whether the row applies to an item of type `ty`, given the other rows for its tag
    /// (a row for any type yields to one naming `ty`).
    fn applies(&self, ty: &str) -> bool {
        self.types.is_empty() || self.types.contains(&ty)
    }
}

/// The RIS tables.
pub(crate) struct Tables {
    /// TY → CSL type.
    pub read_types: HashMap<&'static str, &'static str>,
    /// CSL type → TY.
    pub write_types: HashMap<&'static str, &'static str>,
    /// The rows of each tag, specific ones first.
    pub tags: HashMap<&'static str, Vec<TagRow>>,
    /// Every row, in the order of the file (the writer's order).
    pub rows: Vec<TagRow>,
}

impl Tables {
    /// The row for `tag` in an item of type `ty`.
    pub fn row(&self, tag: &str, ty: &str) -> Option<&TagRow> {
        self.tags.get(tag)?.iter().find(|r| r.applies(ty))
    }
}

fn kind(name: &str) -> Kind {
    match name {
        "name" => Kind::Name,
        "date" => Kind::Date,
        "year" => Kind::Year,
        "page-start" => Kind::PageStart,
        "page-end" => Kind::PageEnd,
        "list" => Kind::List,
        _ => Kind::Text,
    }
}

/// The tables, read once.
pub(crate) fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut read_types = HashMap::new();
        let mut write_types = HashMap::new();
        for line in include_str!("../../../data/ris-types.tsv").lines() {
            match line.split('\t').collect::<Vec<_>>().as_slice() {
                ["read", ty, csl] => {
                    read_types.insert(*ty, *csl);
                }
                ["write", csl, ty] => {
                    write_types.insert(*csl, *ty);
                }
                _ => {}
            }
        }
        let mut rows = Vec::new();
        for line in include_str!("../../../data/ris-tags.tsv").lines() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let cols: Vec<&'static str> = line.split('\t').collect();
            let (Some(tag), Some(variable), Some(k), Some(types)) =
                (cols.first(), cols.get(1), cols.get(2), cols.get(3))
            else {
                continue;
            };
            rows.push(TagRow {
                tag,
                variable,
                kind: kind(k),
                types: if *types == "*" {
                    Vec::new()
                } else {
                    types.split(',').collect()
                },
                write: cols.get(4) == Some(&"w"),
            });
        }
        let mut tags: HashMap<&'static str, Vec<TagRow>> = HashMap::new();
        for row in &rows {
            tags.entry(row.tag).or_default().push(row.clone());
        }
        for list in tags.values_mut() {
            // Rows naming their types are tried before the row for any type.
            list.sort_by_key(|r| r.types.is_empty());
        }
        Tables {
            read_types,
            write_types,
            tags,
            rows,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_by_type() {
        let t = tables();
        assert_eq!(t.read_types.get("JOUR"), Some(&"article-journal"));
        assert_eq!(t.write_types.get("chapter"), Some(&"CHAP"));
        assert_eq!(t.row("T2", "JOUR").unwrap().variable, "container-title");
        assert_eq!(t.row("T2", "BOOK").unwrap().variable, "collection-title");
        assert_eq!(t.row("A2", "PCOMM").unwrap().variable, "recipient");
        assert_eq!(t.row("A2", "CHAP").unwrap().variable, "editor");
        assert_eq!(t.row("SN", "JOUR").unwrap().variable, "ISSN");
        assert_eq!(t.row("SN", "BOOK").unwrap().variable, "ISBN");
        assert_eq!(t.row("SP", "BOOK").unwrap().variable, "number-of-pages");
        assert_eq!(t.row("SP", "JOUR").unwrap().kind, Kind::PageStart);
        assert!(t.row("XX", "JOUR").is_none());
    }
}
