//! The language of a text from its script and its stop words (`data/stopwords.tsv`):
//! Cyrillic is Russian; Latin text is English, German or French by which language's
//! commonest words it uses most, with accented letters as a tie-breaker. No model.

use crate::words::{words, Lang};

/// A language told from a text, and what told it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Detected {
    /// The BCP 47 code.
    pub code: Lang,
    /// What told it, for the report (`Cyrillic script`, `12 English stop words`).
    pub evidence: String,
}

/// How much of a text is read to tell its language: a few paragraphs are enough.
const SAMPLE_BYTES: usize = 4096;

/// The language of `text` (its first [`SAMPLE_BYTES`]), when its script or words tell it.
pub(crate) fn detect(text: &str) -> Option<Detected> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &text[..end];
    let (mut cyrillic, mut latin) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if ('\u{400}'..='\u{4ff}').contains(&c) {
            cyrillic += 1;
        } else if c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c) {
            latin += 1;
        }
    }
    if cyrillic == 0 && latin == 0 {
        return None;
    }
    if cyrillic > latin {
        return Some(Detected {
            code: "ru",
            evidence: format!(
                "Cyrillic script ({cyrillic} of {} letters)",
                cyrillic + latin
            ),
        });
    }
    let mut counts = [("en", 0usize), ("de", 0), ("fr", 0)];
    let stop = &words().stopwords;
    let mut lower = String::new();
    for word in text
        .split(|c: char| !c.is_alphabetic() && c != '’' && c != '\'')
        .filter(|w| !w.is_empty() && w.len() <= 12)
    {
        let key = if word.chars().any(char::is_uppercase) {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            lower.as_str()
        } else {
            word
        };
        if let Some(langs) = stop.get(key) {
            for (code, n) in &mut counts {
                if langs.contains(code) {
                    *n += 1;
                }
            }
        }
    }
    for c in text.chars().filter(|c| !c.is_ascii()) {
        match c {
            'ä' | 'ö' | 'ü' | 'ß' | 'Ä' | 'Ö' | 'Ü' => counts[1].1 += 1,
            'é' | 'è' | 'ê' | 'à' | 'ù' | 'ç' | 'â' | 'î' | 'ô' | 'œ' | 'É' | 'È' | 'À' | 'Ç' => {
                counts[2].1 += 1
            }
            _ => {}
        }
    }
    counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let (best, n) = counts[0];
    if n == 0 || counts[1].1 == n {
        return None;
    }
    let name = match best {
        "en" => "English",
        "de" => "German",
        _ => "French",
    };
    Some(Detected {
        code: best,
        evidence: format!("Latin script with {n} {name} stop words or letters"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> Option<&'static str> {
        detect(text).map(|d| d.code)
    }

    #[test]
    fn four_languages() {
        assert_eq!(
            code("Барсегов Ю.Г. Нагорный Карабах Document 652, page 612"),
            Some("ru")
        );
        assert_eq!(
            code("I have no doubts that the Angorians sincerely wish it"),
            Some("en")
        );
        assert_eq!(
            code("Ich habe keinen Zweifel, dass die Angoraner es wünschen"),
            Some("de")
        );
        assert_eq!(
            code("Je n’ai aucun doute que les Angoriens le souhaitent"),
            Some("fr")
        );
        assert_eq!(code("652, 612"), None);
    }
}
