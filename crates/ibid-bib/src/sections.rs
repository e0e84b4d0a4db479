//! The titles of a bibliography's sections in the locale's language
//! (`data/sections.tsv`): "Archival sources" / "Архивные источники" / "Archivquellen" / ...

/// The section titles for one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionTitles {
    /// Title of the archival sources.
    pub archival: &'static str,
    /// Title of the published sources.
    pub published: &'static str,
    /// Title of the index of cited locations.
    pub index: &'static str,
}

/// The titles for `locale` (`ru-RU`, `de`, ...): by its language, English when unknown.
pub fn section_titles(locale: &str) -> SectionTitles {
    let language = locale.split(['-', '_']).next().unwrap_or("").to_lowercase();
    let mut first = None;
    for line in include_str!("../data/sections.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cells = line.split('\t');
        let (Some(lang), Some(archival), Some(published), Some(index)) =
            (cells.next(), cells.next(), cells.next(), cells.next())
        else {
            continue;
        };
        let titles = SectionTitles {
            archival,
            published,
            index,
        };
        if lang == language {
            return titles;
        }
        first.get_or_insert(titles);
    }
    first.unwrap_or(SectionTitles {
        archival: "Archival sources",
        published: "Published sources",
        index: "Index of cited locations",
    })
}

#[cfg(test)]
mod tests {
    use super::section_titles;

    #[test]
    fn titles_by_language() {
        assert_eq!(section_titles("en-US").archival, "Archival sources");
        assert_eq!(section_titles("ru-RU").archival, "Архивные источники");
        assert_eq!(section_titles("de-DE").archival, "Archivquellen");
        assert_eq!(section_titles("fr-FR").archival, "Sources d'archives");
        assert_eq!(section_titles("ja-JP").archival, "Archival sources");
    }
}
