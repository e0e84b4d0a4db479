//! Stable citation keys for CSL items that have none: first author's family name, year and
//! first title word that is not a function word, folded to ASCII (`barsegov2008nagornyi`).

use unicode_normalization::UnicodeNormalization;

/// The Latin transliteration of a Cyrillic letter (lower case; a simplified BGN/PCGN
/// scheme without diacritics), or `None` for any other character.
fn cyrillic(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' | 'є' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'й' | 'і' | 'ї' => "i",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'ю' => "iu",
        'я' => "ia",
        'ґ' => "g",
        _ => return None,
    })
}

/// `text` lower-cased and folded to ASCII letters and digits: Cyrillic transliterated,
/// diacritics dropped (`Ä` → `a`, `ß` → `ss`), everything else removed.
pub(crate) fn fold_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if let Some(latin) = cyrillic(c) {
            out.push_str(latin);
        } else {
            match c {
                'ß' => out.push_str("ss"),
                'æ' => out.push_str("ae"),
                'œ' => out.push_str("oe"),
                'ø' => out.push('o'),
                'ł' => out.push('l'),
                'đ' | 'ð' => out.push('d'),
                'þ' => out.push_str("th"),
                'ı' => out.push('i'),
                _ => out.extend(std::iter::once(c).nfd().filter(char::is_ascii_alphanumeric)),
            }
        }
    }
    out
}

/// The first word of `title` that is not a function word (or its first word), folded.
fn title_word(title: &str) -> String {
    let mut first = None;
    for word in
        title.split(|c: char| c.is_whitespace() || matches!(c, '-' | '’' | '\'' | '«' | '„'))
    {
        let lower = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let folded = fold_ascii(&lower);
        if folded.is_empty() {
            continue;
        }
        if !crate::language::is_function_word(&lower) {
            return folded;
        }
        first.get_or_insert(folded);
    }
    first.unwrap_or_default()
}

/// A citation key for an item with no id: the first author's (or editor's) family name,
/// the year and the first significant word of the title, each folded to ASCII lower case
/// (`Барсегов`, 2008, `Нагорный Карабах` → `barsegov2008nagornyi`). The same author, year
/// and title always give the same key. A name given whole (an institution) gives its
/// first significant word; with nothing to go on the key is `item`.
pub fn item_key(name: Option<&str>, year: Option<i32>, title: Option<&str>) -> String {
    let mut key = name
        .map(|n| {
            if n.split_whitespace().count() > 1 {
                title_word(n)
            } else {
                fold_ascii(n)
            }
        })
        .unwrap_or_default();
    if let Some(y) = year {
        key.push_str(&y.to_string());
    }
    if let Some(t) = title {
        key.push_str(&title_word(t));
    }
    if key.is_empty() {
        key.push_str("item");
    }
    key
}

/// A citation key for an archival item with no author or title: its repository and
/// location, folded (`RGASPI`, `f. 2, op. 1, d. 17663, l. 1` → `rgaspif2op1d17663l1`), at
/// most 48 characters.
pub fn archive_key(repository: Option<&str>, location: Option<&str>) -> String {
    let mut key = fold_ascii(repository.unwrap_or(""));
    key.push_str(&fold_ascii(location.unwrap_or("")));
    key.truncate(48);
    if key.is_empty() {
        key.push_str("item");
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_in_four_languages() {
        assert_eq!(
            item_key(Some("Барсегов"), Some(2008), Some("Нагорный Карабах")),
            "barsegov2008nagornyi"
        );
        assert_eq!(
            item_key(Some("Mazower"), Some(1998), Some("Dark Continent")),
            "mazower1998dark"
        );
        assert_eq!(
            item_key(
                Some("Müller-Tamm"),
                Some(1921),
                Some("Die Akten der Reichskanzlei")
            ),
            "mullertamm1921akten"
        );
        assert_eq!(
            item_key(Some("Ducœur"), None, Some("L’Arménie et la France")),
            "ducoeurarmenie"
        );
        assert_eq!(
            item_key(Some("World Health Organization"), Some(2020), None),
            "world2020"
        );
        assert_eq!(item_key(None, None, None), "item");
        assert_eq!(
            archive_key(Some("RGASPI"), Some("f. 2, op. 1, d. 17663, l. 1")),
            "rgaspif2op1d17663l1"
        );
        assert_eq!(
            archive_key(Some("BArch"), Some("R 901/71200, Bl. 45–47")),
            "barchr90171200bl4547"
        );
        assert_eq!(fold_ascii("Çetinkaya Straße Łódź"), "cetinkayastrasselodz");
    }
}
