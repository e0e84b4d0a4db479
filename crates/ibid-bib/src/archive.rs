//! Archival sources: each cited original read into repository → fond → inventory → file
//! (with `ibid_parse::parse_archival`), grouped, sorted numerically and written in the
//! archive's own conventions (`РГАСПИ. Ф. 2. Оп. 1. Д. 17663.` / `RGASPI, f. 2, op. 1, d. 17663`).

use crate::natural::{natural_key, NaturalKey};
use ibid_parse::{parse_archival, LocatorLabel};
use serde::{Deserialize, Serialize};

/// How an archive writes its references.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Convention {
    /// Russian: `РГАСПИ. Ф. 2. Оп. 1. Д. 17663.` (capitalised labels, full stops).
    Russian,
    /// Latin script: `RGASPI, f. 2, op. 1, d. 17663` (transliterated labels, commas).
    Latin,
}

impl Convention {
    /// The convention of a repository name as written: Cyrillic is Russian.
    pub fn of(repository: &str) -> Convention {
        if repository
            .chars()
            .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
        {
            Convention::Russian
        } else {
            Convention::Latin
        }
    }

    /// The abbreviation of an archival level in this convention.
    fn label(self, label: LocatorLabel) -> &'static str {
        match (self, label) {
            (Convention::Russian, LocatorLabel::Fond) => "Ф.",
            (Convention::Russian, LocatorLabel::Inventory) => "Оп.",
            (Convention::Russian, LocatorLabel::File) => "Д.",
            (Convention::Russian, LocatorLabel::Box) => "Кор.",
            (Convention::Russian, LocatorLabel::Folder) => "Папка",
            (Convention::Latin, LocatorLabel::Fond) => "f.",
            (Convention::Latin, LocatorLabel::Inventory) => "op.",
            (Convention::Latin, LocatorLabel::File) => "d.",
            (Convention::Latin, LocatorLabel::Box) => "box",
            (Convention::Latin, LocatorLabel::Folder) => "folder",
            _ => "",
        }
    }
}

/// One level of an archival file's address (fond 2, inventory 1, file 17663).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Level {
    /// What the level is (`fond`, `inventory`, `file`, `box`, `folder`).
    pub label: LocatorLabel,
    /// Its number as written (`2`, `Р-1235`).
    pub value: String,
}

/// An archival file (a unit an archive keeps and numbers): its repository and address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ArchivalFile {
    /// The repository as written (`RGASPI`, `ГАРФ`, `Archives nationales`).
    pub repository: String,
    /// The levels written (fond, inventory, file), in order.
    pub levels: Vec<Level>,
    /// The call number when the address has no levels (`R 901/71200`, `F/7/13490`).
    pub call_number: Option<String>,
}

/// An archival reference as written, split into its file and the leaves it cites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchivalCitation {
    /// The file.
    pub file: ArchivalFile,
    /// The leaves or pages cited inside the file (`l. 1`, `Л. 3–3 об.`), as written.
    pub pinpoint: Option<String>,
}

/// Whether `label` addresses a file (as opposed to a leaf or page inside it).
fn is_level(label: LocatorLabel) -> bool {
    matches!(
        label,
        LocatorLabel::Fond
            | LocatorLabel::Inventory
            | LocatorLabel::File
            | LocatorLabel::Box
            | LocatorLabel::Folder
    )
}

/// Characters that end or separate the parts of an archival reference.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || ",.;:".contains(c)
}

/// Read an archival reference as written; `None` when it names no repository or file.
pub fn read_archival(text: &str) -> Option<ArchivalCitation> {
    let parsed = parse_archival(text).value?;
    let repository = parsed
        .repository
        .map(|s| s.slice(text).trim_matches(is_separator).to_string())
        .filter(|s| !s.is_empty());
    let levels: Vec<Level> = parsed
        .locators
        .iter()
        .filter(|l| is_level(l.label))
        .map(|l| Level {
            label: l.label,
            value: l.value_text(text).trim().to_string(),
        })
        .collect();
    let leaves: Vec<_> = parsed
        .locators
        .iter()
        .filter(|l| !is_level(l.label))
        .collect();
    let pinpoint = match (leaves.first(), leaves.last()) {
        (Some(first), Some(last)) => text
            .get(first.span.start..last.span.end)
            .map(|s| s.trim().to_string()),
        _ => None,
    };
    // Without levels, the address is the location up to the first leaf (`R 901/71200`).
    let call_number = if levels.is_empty() {
        let location = parsed.location?;
        let end = leaves
            .first()
            .map_or(location.end, |l| l.span.start)
            .max(location.start);
        text.get(location.start..end)
            .map(|s| s.trim_matches(is_separator).to_string())
            .filter(|s| !s.is_empty())
    } else {
        None
    };
    if levels.is_empty() && call_number.is_none() {
        return None;
    }
    let repository = repository.unwrap_or_default();
    Some(ArchivalCitation {
        file: ArchivalFile {
            repository,
            levels,
            call_number,
        },
        pinpoint,
    })
}

impl ArchivalFile {
    /// The file written in `convention` under `repository` (the repository's chosen form).
    pub fn display(&self, repository: &str, convention: Convention) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !repository.is_empty() {
            parts.push(repository.to_string());
        }
        if let Some(call) = &self.call_number {
            parts.push(call.clone());
        }
        for level in &self.levels {
            let label = convention.label(level.label);
            parts.push(format!("{label} {}", level.value).trim().to_string());
        }
        match convention {
            Convention::Russian => {
                let mut out = parts.join(". ");
                if !out.ends_with('.') {
                    out.push('.');
                }
                out
            }
            Convention::Latin => parts.join(", "),
        }
    }

    /// The identity of the file across scripts: levels and call number transliterated
    /// and folded (`Р-1235` and `R-1235` are one fond).
    pub fn address_key(&self) -> Vec<(LocatorLabel, String)> {
        let mut key: Vec<(LocatorLabel, String)> = self
            .levels
            .iter()
            .map(|l| (l.label, fold(&l.value)))
            .collect();
        if let Some(call) = &self.call_number {
            key.push((LocatorLabel::File, fold(call)));
        }
        key
    }

    /// The numeric order of the file inside its repository.
    pub fn sort_key(&self) -> Vec<(LocatorLabel, NaturalKey)> {
        let mut key: Vec<(LocatorLabel, NaturalKey)> = self
            .levels
            .iter()
            .map(|l| (l.label, natural_key(&fold(&l.value))))
            .collect();
        if let Some(call) = &self.call_number {
            key.push((LocatorLabel::File, natural_key(&fold(call))));
        }
        key
    }
}

/// A value in lower-case Latin letters and digits, Cyrillic transliterated, for comparing
/// names and numbers written in either script.
pub fn fold(text: &str) -> String {
    ibid_check::normalize::transliterate(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_and_latin_references_split_into_file_and_leaves() {
        let c = read_archival("РГАСПИ. Ф. 85. Оп. 15. Д. 45. Л. 3–3 об.").unwrap();
        assert_eq!(c.file.repository, "РГАСПИ");
        assert_eq!(c.pinpoint.as_deref(), Some("Л. 3–3 об."));
        assert_eq!(
            c.file.display("РГАСПИ", Convention::Russian),
            "РГАСПИ. Ф. 85. Оп. 15. Д. 45."
        );
        assert_eq!(
            c.file.display("RGASPI", Convention::Latin),
            "RGASPI, f. 85, op. 15, d. 45"
        );
        let l = read_archival("RGASPI, f. 2, op. 1, d. 17663, l. 1").unwrap();
        assert_eq!(l.pinpoint.as_deref(), Some("l. 1"));
        assert_eq!(
            l.file.display("РГАСПИ", Convention::Russian),
            "РГАСПИ. Ф. 2. Оп. 1. Д. 17663."
        );
    }

    #[test]
    fn call_numbers_without_levels() {
        let c = read_archival("BArch, R 901/71200, Bl. 45–47").unwrap();
        assert_eq!(c.file.repository, "BArch");
        assert_eq!(c.file.call_number.as_deref(), Some("R 901/71200"));
        assert_eq!(c.pinpoint.as_deref(), Some("Bl. 45–47"));
        assert_eq!(
            c.file.display("BArch", Convention::Latin),
            "BArch, R 901/71200"
        );
        let f = read_archival("Archives nationales, F/7/13490, fᵒ 3 vᵒ").unwrap();
        assert_eq!(f.file.call_number.as_deref(), Some("F/7/13490"));
    }

    #[test]
    fn one_fond_in_two_scripts() {
        let a = read_archival("ГАРФ. Ф. Р-1235. Оп. 118. Д. 4")
            .unwrap()
            .file;
        let b = read_archival("GARF, f. R-1235, op. 118, d. 4")
            .unwrap()
            .file;
        assert_eq!(a.address_key(), b.address_key());
    }
}
