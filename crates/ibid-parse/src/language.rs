//! The language of a title, when its script or its words show it: Cyrillic is Russian (or
//! Ukrainian by its own letters); a Latin title is English, German or French by its function
//! words (`data/function-words.tsv`) and letters.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The languages of `data/function-words.tsv`, as bit flags per word.
const LANGUAGES: [&str; 4] = ["en", "de", "fr", "ru"];

/// Every function word, with the languages it belongs to as bits of [`LANGUAGES`].
fn function_words() -> &'static HashMap<&'static str, u8> {
    static TABLE: OnceLock<HashMap<&'static str, u8>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: HashMap<&'static str, u8> = HashMap::new();
        for line in include_str!("../data/function-words.tsv").lines() {
            if line.starts_with('#') {
                continue;
            }
            if let Some((language, word)) = line.split_once('\t') {
                if let Some(bit) = LANGUAGES.iter().position(|l| *l == language) {
                    *map.entry(word).or_default() |= 1 << bit;
                }
            }
        }
        map
    })
}

/// Whether `word` (lower case, as written) is a function word of any of the four languages.
pub(crate) fn is_function_word(word: &str) -> bool {
    function_words().contains_key(word)
}

/// The language of `text` (a title): `ru`, `uk`, `en`, `de` or `fr`, or `None` when neither
/// its script nor its words decide.
pub(crate) fn guess(text: &str) -> Option<&'static str> {
    let (mut cyrillic, mut latin) = (0usize, 0usize);
    let mut ukrainian = false;
    let mut russian_only = false;
    // Letters only German or only French writes.
    let (mut german, mut french) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            'а'..='я' | 'А'..='Я' | 'ё' | 'Ё' => cyrillic += 1,
            'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => {
                cyrillic += 1;
                ukrainian = true;
            }
            'a'..='z' | 'A'..='Z' => latin += 1,
            'ä' | 'ö' | 'ü' | 'ß' | 'Ä' | 'Ö' | 'Ü' => {
                latin += 1;
                german += 1;
            }
            'é' | 'è' | 'ê' | 'à' | 'ç' | 'ù' | 'œ' | 'â' | 'î' | 'ô' | 'û' | 'ë' | 'ï' | 'É'
            | 'È' | 'À' | 'Ç' => {
                latin += 1;
                french += 1;
            }
            _ => {}
        }
        if matches!(c, 'ы' | 'э' | 'ъ' | 'ё') {
            russian_only = true;
        }
    }
    if cyrillic > latin {
        return Some(if ukrainian && !russian_only {
            "uk"
        } else {
            "ru"
        });
    }
    if latin == 0 {
        return None;
    }
    let table = function_words();
    let mut scores = [0usize; 3];
    let mut lower = String::new();
    for word in text.split(|c: char| !c.is_alphabetic() && c != '\'') {
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        let word = lower.split('\'').next().unwrap_or("");
        if let Some(bits) = table.get(word) {
            for (i, score) in scores.iter_mut().enumerate() {
                if bits & (1 << i) != 0 {
                    *score += 1;
                }
            }
        }
    }
    scores[1] += german;
    scores[2] += french;
    let best = *scores.iter().max()?;
    if best == 0 || scores.iter().filter(|s| **s == best).count() > 1 {
        return None;
    }
    scores
        .iter()
        .position(|s| *s == best)
        .and_then(|i| LANGUAGES.get(i).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_words() {
        assert_eq!(guess("Нагорный Карабах в международном праве"), Some("ru"));
        assert_eq!(guess("Історія України"), Some("uk"));
        assert_eq!(guess("The Republic of Armenia"), Some("en"));
        assert_eq!(guess("Akten zur deutschen auswärtigen Politik"), Some("de"));
        assert_eq!(guess("Die Lage in Transkaukasien"), Some("de"));
        assert_eq!(guess("L’Arménie et la France"), Some("fr"));
        assert_eq!(guess("Documents diplomatiques français"), Some("fr"));
        assert_eq!(guess("Dark Continent"), None);
        assert_eq!(guess("1921"), None);
        assert!(is_function_word("der") && is_function_word("на") && !is_function_word("karabakh"));
    }
}
