//! Personal names as pages write them (`N. K[restinsky]`, `В. И. Ленину`, `Radek`): finding
//! one at the start or end of a text, a hand id from the surname, and telling two forms of
//! one surname apart from two people.

use crate::words::{words, Role};

/// A name found in a text: its byte range and its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameAt {
    /// Byte offset of the name's first character.
    pub start: usize,
    /// Byte offset after its last character.
    pub end: usize,
    /// The name as written (`N. K[restinsky]`).
    pub written: String,
}

impl NameAt {
    /// The name with editorial brackets resolved (`N. Krestinsky`).
    pub fn expanded(&self) -> String {
        expand(&self.written)
    }

    /// How many initials it has.
    pub fn initials(&self) -> usize {
        self.written
            .split_whitespace()
            .filter(|w| is_initial(w))
            .count()
    }

    /// The surname with brackets resolved.
    pub fn surname(&self) -> String {
        expand(self.written.split_whitespace().last().unwrap_or(""))
    }
}

/// `K[restinsky]` → `Krestinsky`.
pub(crate) fn expand(name: &str) -> String {
    name.chars().filter(|&c| c != '[' && c != ']').collect()
}

/// An initial or initials: `N.`, `Ю.Г.`, `V.I.`.
pub(crate) fn is_initial(word: &str) -> bool {
    let mut chars = word.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        if !c.is_uppercase() {
            return false;
        }
        // `Ch.`, `Sh.`, `Ph.`, `Yu.`: initials of two letters.
        if let Some(&n) = chars.peek() {
            let digraph = (n == 'h' && "CSZKTP".contains(c)) || (c == 'Y' && "aeuo".contains(n));
            if digraph {
                chars.next();
            }
        }
        if chars.next() != Some('.') {
            return false;
        }
        any = true;
    }
    any
}

/// A surname: a capital letter, then letters, with `’`, `-` and editorial brackets.
pub(crate) fn is_surname(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() || !first.is_alphabetic() {
        return false;
    }
    let rest = chars.as_str();
    if rest.is_empty() {
        return false;
    }
    let opens = word.matches('[').count();
    if opens != word.matches(']').count() || opens > 1 {
        return false;
    }
    let letters = rest.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    letters >= 1
        && !all_caps
        && rest
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '’' | '\'' | '-' | '[' | ']'))
}

/// Characters around a name that are not part of it.
fn is_edge(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '"'
            | '“'
            | '”'
            | '«'
            | '»'
            | '„'
            | ')'
            | '('
            | '—'
            | '–'
    )
}

/// Words of `text` with their byte ranges, punctuation around them left out (a final
/// full stop kept when the word is an initial).
fn words_of(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                let raw = &text[s..i];
                let lead = raw.len() - raw.trim_start_matches(|c| is_edge(c) && c != '.').len();
                let body = &raw[lead..];
                let trimmed = if is_initial(body) {
                    body
                } else {
                    body.trim_end_matches(is_edge)
                };
                if !trimmed.is_empty() {
                    out.push((s + lead, s + lead + trimmed.len(), trimmed));
                }
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    out
}

/// The name that ends `text` (`... periphery. L. Kamenev.` → `L. Kamenev`): a surname,
/// with the initials before it.
pub(crate) fn trailing_name(text: &str) -> Option<NameAt> {
    let words = words_of(text);
    let (last_at, &(s_start, s_end, surname)) = words
        .iter()
        .enumerate()
        .rev()
        .find(|(_, w)| !w.2.is_empty())?;
    if !is_surname(surname) || !text[s_end..].trim().chars().all(is_edge) {
        return None;
    }
    // One particle right before the surname (`A. von Maltzan`) belongs to the name when
    // initials come before it.
    let mut k = last_at;
    if k > 0 && is_particle(words[k - 1].2) {
        k -= 1;
    }
    let initials_start = words[..k]
        .iter()
        .rev()
        .take_while(|w| is_initial(w.2))
        .last()
        .map(|w| w.0);
    let start = initials_start.unwrap_or(s_start);
    Some(NameAt {
        start,
        end: s_end,
        written: text[start..s_end].to_string(),
    })
}

/// Whether `word` is a particle of a surname (`von`, `de`, `van`).
pub(crate) fn is_particle(word: &str) -> bool {
    words().labels(Role::Particle).any(|p| p == word)
}

/// The name that starts `text` (`V. I. Lenin in support of ...` → `V. I. Lenin`); not an
/// office (`Président du Conseil`, `Chairman of the Revkom`).
pub(crate) fn leading_name(text: &str) -> Option<NameAt> {
    let words = words_of(text);
    let mut start = None;
    for (k, &(w_start, w_end, w)) in words.iter().enumerate() {
        if is_initial(w) || (start.is_some() && is_particle(w)) {
            start.get_or_insert(w_start);
            continue;
        }
        let office = start.is_none()
            && words
                .get(k + 1)
                .is_some_and(|n| is_particle(n.2) || matches!(n.2, "of" | "the"))
            && words
                .get(k + 2)
                .is_some_and(|n| n.2.starts_with(char::is_uppercase));
        if is_surname(w) && !office {
            let s = start.unwrap_or(w_start);
            return Some(NameAt {
                start: s,
                end: w_end,
                written: text[s..w_end].to_string(),
            });
        }
        return None;
    }
    None
}

/// Whether `word` can be a name on its own (not a stop word, not an endorsement such as
/// `Read`).
pub(crate) fn may_be_lone_name(word: &str) -> bool {
    let lower = word.to_lowercase();
    let w = words();
    !w.endorsements.contains(lower.as_str()) && !w.stopwords.contains_key(lower.as_str())
}

/// A hand id from a surname: lower case ASCII letters, Cyrillic transliterated
/// (`Зиновьев` → `zinoviev`), accents dropped (`Lénine` → `lenine`), and a soft sign
/// written `’y` before a vowel read as `i` (`Zinov’yev` → `zinoviev`), so both scripts and
/// both habits give one id.
pub(crate) fn hand_id(surname: &str) -> String {
    let lower = expand(surname).to_lowercase();
    let mut latin = String::with_capacity(lower.len());
    let mut rest = lower.as_str();
    'outer: while let Some(c) = rest.chars().next() {
        if c.is_ascii() {
            latin.push(c);
            rest = &rest[1..];
            continue;
        }
        for (cyr, lat) in &words().translit {
            if let Some(after) = rest.strip_prefix(cyr) {
                latin.push_str(lat);
                rest = after;
                continue 'outer;
            }
        }
        latin.push(c);
        rest = &rest[c.len_utf8()..];
    }
    let chars: Vec<char> = latin.chars().collect();
    let mut id = String::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '’' | '\'')
            && chars.get(i + 1) == Some(&'y')
            && chars.get(i + 2).is_some_and(|v| "aeiou".contains(*v))
        {
            id.push('i');
            i += 2;
            continue;
        }
        if let Some(base) = fold_accent(c) {
            id.push(base);
        }
        i += 1;
    }
    id
}

/// A Latin letter without its accent; `None` for anything that is not a letter or digit.
fn fold_accent(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c);
    }
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' => 's',
        'ž' => 'z',
        'ß' => 's',
        _ => return None,
    };
    Some(base)
}

/// Whether two written surnames are one surname in two grammatical cases (`Нариманова`
/// and `Нариманов`, `Narimanovs` and `Narimanov`, `Лениным` and `Ленин`).
pub(crate) fn same_surname(a: &str, b: &str) -> bool {
    let (fa, fb) = (surname_forms(a), surname_forms(b));
    fa.iter().any(|x| fb.contains(x))
}

/// The forms a written surname may stand for, lower case: itself, its nominative, and
/// without a German genitive `s` (`Brief Narimanovs`) when the endings list it.
pub(crate) fn surname_forms(surname: &str) -> Vec<String> {
    let lower = expand(surname).to_lowercase();
    let mut out = Vec::with_capacity(2);
    out.extend(nominative(&lower));
    let genitive_s = words()
        .endings
        .iter()
        .any(|(e, n)| *e == "s" && n.is_empty());
    if let Some(stem) = lower
        .strip_suffix('s')
        .filter(|st| genitive_s && st.chars().count() >= 4)
    {
        out.push(stem.to_string());
    }
    out.push(lower);
    out
}

/// The nominative of a Russian surname written in another case, when its ending says so
/// (`Ленину` → `Ленин`, `Крестинского` → `Крестинский`); `None` when it does not.
pub(crate) fn nominative(surname: &str) -> Option<String> {
    if !surname
        .chars()
        .any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
    {
        return None;
    }
    words().endings.iter().find_map(|(end, nom)| {
        surname
            .strip_suffix(end)
            .filter(|stem| stem.chars().count() >= 2)
            .map(|stem| format!("{stem}{nom}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_at_the_end() {
        let n = trailing_name("Read. N. Bukharin. If ... Thursday. N. B[ukharin].").unwrap();
        assert_eq!(n.written, "N. B[ukharin]");
        assert_eq!(n.expanded(), "N. Bukharin");
        assert_eq!(trailing_name("19/II. Lenin.").unwrap().written, "Lenin");
        assert_eq!(
            trailing_name("Read. G. Zinov’[yev].").unwrap().written,
            "G. Zinov’[yev]"
        );
        assert_eq!(trailing_name("the CK [Central Committee]."), None);
        assert_eq!(trailing_name("to send back to me."), None);
        assert_eq!(
            trailing_name("Согласен. И. Сталин»").unwrap().written,
            "И. Сталин"
        );
    }

    #[test]
    fn names_at_the_start() {
        assert_eq!(
            leading_name("Lenin in support of").unwrap().written,
            "Lenin"
        );
        assert_eq!(
            leading_name("В. И. Ленину о Турции").unwrap().written,
            "В. И. Ленину"
        );
        assert_eq!(leading_name("the chairman"), None);
    }

    #[test]
    fn ids_from_surnames() {
        assert_eq!(hand_id("Zinov’[yev]"), "zinoviev");
        assert_eq!(hand_id("Зиновьев"), "zinoviev");
        assert_eq!(hand_id("K[restinsky]"), "krestinsky");
        assert_eq!(hand_id("Lénine"), "lenine");
        assert_eq!(hand_id("Каменев"), "kamenev");
    }

    #[test]
    fn case_forms_of_one_surname() {
        assert!(same_surname("Нариманова", "Нариманов"));
        assert!(same_surname("Лениным", "Ленин"));
        assert!(same_surname("Narimanovs", "Narimanov"));
        assert!(!same_surname("Radek", "Rykov"));
        assert_eq!(nominative("Ленину").as_deref(), Some("Ленин"));
        assert_eq!(nominative("Крестинского").as_deref(), Some("Крестинский"));
    }

    #[test]
    fn initials() {
        assert!(is_initial("N.") && is_initial("Ю.Г.") && is_initial("Ch."));
        assert!(!is_initial("Lenin."));
    }
}
