//! The word tables of `data/*.tsv`, compiled into the crate: one row per word and class, with
//! its language and source. Each grammar reads its tables into a fast structure on first use.

/// One word table: the text of a file of `data/`, a comment block, a header line, then one
/// row per line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Table {
    /// The file's text.
    pub text: &'static str,
}

/// The words a reference is read by, with their roles.
pub(crate) const LEXICON: Table = Table {
    text: include_str!("../data/lexicon.tsv"),
};

/// Month names and abbreviations: the one month table of the date and reference grammars.
pub(crate) const MONTHS: Table = Table {
    text: include_str!("../data/months.tsv"),
};

/// Weekdays and the marks of approximate, undated and old-style dates.
pub(crate) const DATE_WORDS: Table = Table {
    text: include_str!("../data/date-words.tsv"),
};

/// Common given names.
pub(crate) const GIVEN_NAMES: Table = Table {
    text: include_str!("../data/given-names.tsv"),
};

/// The label words of locators.
pub(crate) const LOCATOR_LABELS: Table = Table {
    text: include_str!("../data/locator-labels.tsv"),
};

/// Repository acronyms and stems, and the words of archival levels.
pub(crate) const ARCHIVES: Table = Table {
    text: include_str!("../data/archives.tsv"),
};

/// Articles, prepositions and conjunctions, with their languages.
pub(crate) const FUNCTION_WORDS: Table = Table {
    text: include_str!("../data/function-words.tsv"),
};

/// Every table with its file name, for the tests that check them all.
#[cfg(test)]
pub(crate) const ALL: [(&str, Table); 7] = [
    ("lexicon.tsv", LEXICON),
    ("months.tsv", MONTHS),
    ("date-words.tsv", DATE_WORDS),
    ("given-names.tsv", GIVEN_NAMES),
    ("locator-labels.tsv", LOCATOR_LABELS),
    ("archives.tsv", ARCHIVES),
    ("function-words.tsv", FUNCTION_WORDS),
];

/// One row of a table. Every table starts with `word` and `class` and ends with `language`
/// and `source`; the label table has two columns between them (`number`, `reading`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Row {
    /// The word or phrase.
    pub word: &'static str,
    /// What the word is to the grammar that reads the table.
    pub class: &'static str,
    /// The columns between `class` and `language`, if the table has them.
    pub extra: [&'static str; 2],
    /// The languages that write the word.
    pub language: &'static str,
    /// The key of the row's source, declared in the comment block.
    pub source: &'static str,
}

impl Table {
    /// The column names of the header line (the first line that is not a comment).
    pub fn columns(&self) -> Vec<&'static str> {
        self.lines()
            .next()
            .map_or_else(Vec::new, |header| header.split('\t').collect())
    }

    /// The rows, in file order. A line with the wrong number of cells is left out (the
    /// tests check that there is none).
    pub fn rows(&self) -> impl Iterator<Item = Row> {
        let width = self.columns().len();
        self.lines().skip(1).filter_map(move |line| {
            let cells: Vec<&'static str> = line.split('\t').collect();
            if cells.len() != width || !(4..=6).contains(&width) {
                return None;
            }
            let mut extra = [""; 2];
            for (slot, cell) in extra.iter_mut().zip(&cells[2..width - 2]) {
                *slot = cell;
            }
            Some(Row {
                word: cells[0],
                class: cells[1],
                extra,
                language: cells[width - 2],
                source: cells[width - 1],
            })
        })
    }

    /// The rows of class `class`.
    pub fn class(&self, class: &'static str) -> impl Iterator<Item = Row> {
        self.rows().filter(move |row| row.class == class)
    }

    /// The lines that are not comments or blank, the header first.
    fn lines(&self) -> impl Iterator<Item = &'static str> {
        self.text
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
    }
}

/// The month classes of `months.tsv`, in calendar order.
const MONTH_CLASSES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Every month word of `months.tsv` with its month (1–12).
pub(crate) fn months() -> impl Iterator<Item = (&'static str, u8)> {
    MONTHS.rows().filter_map(|row| {
        let index = MONTH_CLASSES.iter().position(|&c| c == row.class)?;
        Some((row.word, u8::try_from(index + 1).ok()?))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The source keys a table declares in its comment block (`# source KEY: …`).
    fn sources(table: &Table) -> BTreeSet<&'static str> {
        table
            .text
            .lines()
            .filter_map(|line| line.strip_prefix("# source "))
            .filter_map(|rest| rest.split(':').next())
            .collect()
    }

    #[test]
    fn every_table_is_well_formed() {
        for (name, table) in ALL {
            let columns = table.columns();
            assert_eq!(columns[..2], ["word", "class"], "{name}: header");
            assert_eq!(
                columns[columns.len() - 2..],
                ["language", "source"],
                "{name}: header"
            );
            let declared = sources(&table);
            assert!(!declared.is_empty(), "{name}: no `# source` line");
            let lines = table.lines().count() - 1;
            let rows: Vec<Row> = table.rows().collect();
            assert_eq!(
                rows.len(),
                lines,
                "{name}: a row has the wrong number of cells"
            );
            let mut seen = BTreeSet::new();
            for row in &rows {
                let cells = [row.word, row.class, row.language, row.source];
                for cell in cells.iter().chain(&row.extra[..columns.len() - 4]) {
                    assert!(
                        !cell.is_empty() && cell.trim() == *cell,
                        "{name}: empty or padded cell in {row:?}"
                    );
                }
                assert!(
                    !row.word.contains("  "),
                    "{name}: phrase words are separated by one space: {row:?}"
                );
                assert!(
                    declared.contains(row.source),
                    "{name}: undeclared source in {row:?}"
                );
                for language in row.language.split(',') {
                    let (code, script) = language.split_once('-').unwrap_or((language, ""));
                    let code_ok = (2..=3).contains(&code.len())
                        && code.bytes().all(|b| b.is_ascii_lowercase());
                    assert!(
                        code_ok && matches!(script, "" | "Latn"),
                        "{name}: language {language:?} in {row:?}"
                    );
                }
                assert!(
                    seen.insert((row.word, row.class)),
                    "{name}: {row:?} is listed twice"
                );
            }
        }
    }

    #[test]
    fn words_are_lower_case_where_case_does_not_matter() {
        for (name, table) in ALL {
            for row in table.rows() {
                let exact = name == "archives.tsv" && row.class != "repository-stem";
                if !exact {
                    assert_eq!(
                        row.word.to_lowercase(),
                        row.word,
                        "{name}: {row:?} is not lower case"
                    );
                }
            }
        }
    }

    #[test]
    fn every_month_row_names_a_month() {
        assert_eq!(months().count(), MONTHS.rows().count());
        for month in 1..=12 {
            assert!(
                months().any(|(_, m)| m == month),
                "no word for month {month}"
            );
        }
        assert!(months().any(|(w, m)| w == "сентябре" && m == 9));
        assert!(months().any(|(w, m)| w == "févr" && m == 2));
    }
}
