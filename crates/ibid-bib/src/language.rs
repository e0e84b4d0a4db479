//! The language of an entry without a `language` field, guessed from its title's script
//! function words (`data/language-hints.tsv`) and letters: only so that styles never title-case
//! Russian, German or French titles as if they were English.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The hint words, loaded once from the data file.
fn hints() -> &'static HashMap<&'static str, &'static str> {
    static HINTS: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    HINTS.get_or_init(|| {
        include_str!("../data/language-hints.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t'))
            .map(|(language, word)| (word.trim(), language.trim()))
            .collect()
    })
}

/// The language `text` is most likely in (`ru`, `uk`, `el`, `de`, `fr`), or `None` when
/// nothing tells it is not English.
pub fn guess_language(text: &str) -> Option<&'static str> {
    let mut cyrillic = 0usize;
    let mut greek = 0usize;
    let mut ukrainian = false;
    for c in text.chars() {
        match c {
            'є' | 'ї' | 'і' | 'ґ' | 'Є' | 'Ї' | 'І' | 'Ґ' => {
                ukrainian = true;
                cyrillic += 1;
            }
            '\u{0400}'..='\u{04FF}' => cyrillic += 1,
            '\u{0370}'..='\u{03FF}' => greek += 1,
            _ => {}
        }
    }
    if cyrillic > 0 {
        return Some(if ukrainian { "uk" } else { "ru" });
    }
    if greek > 0 {
        return Some("el");
    }
    let mut counts: HashMap<&'static str, usize> = HashMap::new();
    for word in text.split(|c: char| c.is_whitespace() || ",.;:()[]«»\"“”".contains(c)) {
        let lower = word.to_lowercase();
        let elided = lower
            .find(['’', '\''])
            .map(|i| &lower[..i + lower[i..].chars().next().map_or(1, char::len_utf8)]);
        let hit = hints()
            .get(lower.as_str())
            .or_else(|| elided.and_then(|e| hints().get(e)));
        if let Some(&language) = hit {
            *counts.entry(language).or_insert(0) += 1;
        }
        if lower.contains('ß') {
            *counts.entry("de").or_insert(0) += 1;
        }
    }
    let by_words = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(language, _)| language);
    // No function word: letters English does not use tell German or French.
    by_words.or_else(|| {
        if text.chars().any(|c| "äöüÄÖÜ".contains(c)) {
            Some("de")
        } else if text.chars().any(|c| "çéèêëàâîôûœÇÉÈÊÀ".contains(c)) {
            Some("fr")
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::guess_language;

    #[test]
    fn scripts_and_function_words() {
        assert_eq!(
            guess_language("Нагорный Карабах в 1918–1923 гг."),
            Some("ru")
        );
        assert_eq!(
            guess_language("Akten zur deutschen auswärtigen Politik 1918–1945"),
            Some("de")
        );
        assert_eq!(
            guess_language("Documents diplomatiques français. 1921, tome I"),
            Some("fr")
        );
        assert_eq!(
            guess_language("Histoire de la diplomatie et des traités"),
            Some("fr")
        );
        assert_eq!(guess_language("L’Arménie entre deux empires"), Some("fr"));
        assert_eq!(guess_language("The Republic of Armenia"), None);
    }
}
