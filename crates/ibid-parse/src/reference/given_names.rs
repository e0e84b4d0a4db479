//! Common given names (first names) in Latin and Cyrillic letters (`data/given-names.tsv`),
//! used to tell `Bourdieu Pierre` (family first) from `Pierre Bourdieu` (given first).

use crate::tables;
use crate::text::WordMap;
use std::sync::OnceLock;

/// The longest given name, in bytes, lower-cased; a longer word is no given name.
const MAX_NAME: usize = 48;

/// Whether `word` is a common given name, ignoring case (`Pierre`, `JÜRGEN`, `Пётр`): the
/// word is lowered once and looked up in a hash set read from `data/given-names.tsv`.
pub(crate) fn is_given_name(word: &str) -> bool {
    static SET: OnceLock<WordMap<()>> = OnceLock::new();
    let set = SET.get_or_init(|| {
        tables::GIVEN_NAMES
            .rows()
            .map(|row| (row.word.as_bytes(), ()))
            .collect()
    });
    let mut buf = [0u8; MAX_NAME];
    crate::text::lower_into(word, &mut buf).is_some_and(|lower| set.contains_key(lower.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_of_the_table_is_found() {
        let mut count = 0;
        for row in crate::tables::GIVEN_NAMES.rows() {
            assert_eq!(row.class, "given-name", "{row:?}");
            assert!(
                row.word.len() <= MAX_NAME,
                "{row:?} is longer than MAX_NAME"
            );
            assert!(is_given_name(row.word), "{row:?}");
            count += 1;
        }
        assert!(count > 1000, "given-names.tsv: {count} names");
    }

    #[test]
    fn finds_names_in_any_case() {
        for name in [
            "Pierre", "PIERRE", "Hélène", "Jürgen", "Пётр", "Петр", "ОЛЕГ", "Ronald",
        ] {
            assert!(is_given_name(name), "{name}");
        }
    }

    #[test]
    fn rejects_family_names_and_other_words() {
        for word in [
            "Bourdieu",
            "Foucault",
            "Иванов",
            "Gallimard",
            "Paris",
            "",
            "pierres",
        ] {
            assert!(!is_given_name(word), "{word}");
        }
    }
}
