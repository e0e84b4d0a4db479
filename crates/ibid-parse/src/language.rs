//! The language of a title, when its script or its words show it: Cyrillic is Russian (or
//! Ukrainian by its own letters); a Latin title is English, German or French by its function
//! words (`data/function-words.tsv`) and letters.

use crate::tables::FUNCTION_WORDS;
use crate::text::{lower_into, WordMap};
use std::sync::OnceLock;

/// The languages of `data/function-words.tsv`, as bit flags per word.
const LANGUAGES: [&str; 4] = ["en", "de", "fr", "ru"];

/// The function words, and the length of the longest in bytes.
struct FunctionWords {
    /// Each word (lower case, as bytes) with its languages as bits of [`LANGUAGES`].
    words: WordMap<u8>,
    /// Longer words are not looked up.
    longest: usize,
}

fn function_words() -> &'static FunctionWords {
    static TABLE: OnceLock<FunctionWords> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut words = WordMap::default();
        for row in FUNCTION_WORDS.rows() {
            for language in row.language.split(',') {
                if let Some(bit) = LANGUAGES.iter().position(|l| *l == language) {
                    *words.entry(row.word.as_bytes()).or_default() |= 1 << bit;
                }
            }
        }
        let longest = words.keys().map(|w| w.len()).max().unwrap_or(0);
        FunctionWords { words, longest }
    })
}

/// The languages (bits of [`LANGUAGES`]) `word` is a function word of; 0 for none.
fn function_word_bits(word: &str) -> u8 {
    let table = function_words();
    if word.is_empty() || word.len() > table.longest {
        return 0;
    }
    let mut buf = [0u8; 32];
    // Most title words are ASCII: lowered byte by byte and looked up by bytes, with no UTF-8
    // check (the table is keyed by bytes, and ASCII lowered is still the same word's bytes).
    if word.is_ascii() {
        let Some(slot) = buf.get_mut(..word.len()) else {
            return 0;
        };
        slot.copy_from_slice(word.as_bytes());
        slot.make_ascii_lowercase();
        return table.words.get(&*slot).copied().unwrap_or(0);
    }
    lower_into(word, &mut buf)
        .and_then(|lower| table.words.get(lower.as_bytes()).copied())
        .unwrap_or(0)
}

/// Whether `word` (in any case) is a function word of any of the four languages.
#[cfg(test)]
pub(crate) fn is_function_word(word: &str) -> bool {
    function_word_bits(word) != 0
}

/// What one pass over a title finds: its language, and the first word that is not a
/// function word (the word a citation key takes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TitleScan<'a> {
    /// `ru`, `uk`, `en`, `de` or `fr`, when the script or the words decide.
    pub language: Option<&'static str>,
    /// The first word that is not a function word, else the first word.
    pub key_word: Option<&'a str>,
}

/// How many words of a title count towards its language: enough for the articles and
/// prepositions that tell it, few enough to keep a long title cheap.
const SCORED_WORDS: usize = 8;

/// Read `text` (a title) once for its language and its key word.
pub(crate) fn scan_title(text: &str) -> TitleScan<'_> {
    let ascii = text.is_ascii();
    // An ASCII title has no letters of other scripts to weigh against its Latin ones: its
    // function words alone decide (a title without letters scores nothing), so its letters
    // are not counted.
    let latin = if ascii {
        0
    } else {
        text.bytes().filter(u8::is_ascii_alphabetic).count()
    };
    let (mut cyrillic, mut german, mut french) = (0usize, 0usize, 0usize);
    let (mut ukrainian, mut russian_only) = (false, false);
    if !ascii {
        for c in text.chars().filter(|c| !c.is_ascii()) {
            match c {
                'ё' | 'Ё' | 'ы' | 'э' | 'ъ' => {
                    cyrillic += 1;
                    russian_only = true;
                }
                'а'..='я' | 'А'..='Я' => cyrillic += 1,
                'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => {
                    cyrillic += 1;
                    ukrainian = true;
                }
                'ä' | 'ö' | 'ü' | 'ß' | 'Ä' | 'Ö' | 'Ü' => german += 1,
                'é' | 'è' | 'ê' | 'à' | 'ç' | 'ù' | 'œ' | 'â' | 'î' | 'ô' | 'û' | 'ë' | 'ï'
                | 'É' | 'È' | 'À' | 'Ç' => french += 1,
                _ => {}
            }
        }
    }
    let is_cyrillic = cyrillic > latin + german + french;
    let mut scores = [0usize; 3];
    let (mut key_word, mut first_word) = (None, None);
    let separator = |c: char| {
        if ascii {
            !c.is_ascii_alphanumeric() && c != '\''
        } else {
            !crate::text::is_alphanumeric(c) && c != '\'' && c != '’'
        }
    };
    for (n, word) in text.split(separator).filter(|w| !w.is_empty()).enumerate() {
        // A Cyrillic title's language is its script's: its words are read only up to the key
        // word.
        if key_word.is_some() && (is_cyrillic || n >= SCORED_WORDS) {
            break;
        }
        // `l'Arménie`, `d’un`: the article before the apostrophe, the word after it.
        let (head, tail) = match word.find(['\'', '’']) {
            Some(at) => {
                let rest = word.get(at..).unwrap_or("");
                let tail = rest.trim_start_matches(['\'', '’']);
                (word.get(..at).unwrap_or(""), tail)
            }
            None => (word, ""),
        };
        let bits = function_word_bits(head);
        if n < SCORED_WORDS && !is_cyrillic {
            for (i, score) in scores.iter_mut().enumerate() {
                if bits & (1 << i) != 0 {
                    *score += 1;
                }
            }
        }
        first_word.get_or_insert(head);
        if key_word.is_none() {
            // A head that is no function word is the key word (its bits are known); after an
            // elided article (`l'Arménie`) the tail is looked up.
            if bits == 0 {
                key_word = Some(head).filter(|h| !h.is_empty());
            } else if !tail.is_empty() && function_word_bits(tail) == 0 {
                key_word = Some(tail);
            }
        }
    }
    let language = if is_cyrillic {
        Some(if ukrainian && !russian_only {
            "uk"
        } else {
            "ru"
        })
    } else if !ascii && latin + german + french == 0 {
        None
    } else {
        scores[1] += german;
        scores[2] += french;
        let best = scores.iter().copied().max().unwrap_or(0);
        if best == 0 || scores.iter().filter(|s| **s == best).count() > 1 {
            None
        } else {
            scores
                .iter()
                .position(|s| *s == best)
                .and_then(|i| LANGUAGES.get(i).copied())
        }
    };
    TitleScan {
        language,
        key_word: key_word.or(first_word).filter(|w| !w.is_empty()),
    }
}

/// The language of `text` (a title): `ru`, `uk`, `en`, `de` or `fr`, or `None` when neither
/// its script nor its words decide.
pub(crate) fn guess(text: &str) -> Option<&'static str> {
    scan_title(text).language
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
