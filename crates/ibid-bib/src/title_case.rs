//! Title case as CSL 1.0.2 defines it, put in place of hayagriva's where the two differ:
//! hayagriva keeps a capital after a comma, lowercases `Front` and the inside of `L’Empire`.

use crate::style::all_locales;
use crate::tidy::StyleText;
use hayagriva::citationberg::json::{Item, Value};
use hayagriva::citationberg::taxonomy::Term;
use hayagriva::lang::{Case, TitleCase};
use hayagriva::{ElemChild, ElemChildren, ElemMeta};
use std::collections::HashSet;
use std::sync::OnceLock;

/// The CSL stop words, single words and phrases (each a list of words).
struct StopWords {
    words: HashSet<&'static str>,
    phrases: Vec<Vec<&'static str>>,
}

fn stop_words() -> &'static StopWords {
    static WORDS: OnceLock<StopWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = HashSet::new();
        let mut phrases = Vec::new();
        for line in include_str!("../data/stop-words.txt").lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.contains(' ') {
                phrases.push(line.split(' ').collect());
            } else {
                words.insert(line);
            }
        }
        StopWords { words, phrases }
    })
}

/// Whether `c` separates words: whitespace, and hyphens and dashes ("Hyphenated word parts
/// are treated as distinct words").
fn separates(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–' | '—')
}

/// A word without the punctuation around it (`(and,` → `and`), lower-cased.
fn core(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// `text` in title case by the CSL 1.0.2 rules ("Title Case Conversion"): in a string
/// with lower-case letters, each word written all in lower case gets a capital and other
/// words stay as they are; in an upper-case string each word keeps its first letter and
/// the rest is lower-cased; stop words (`data/stop-words.txt`) are lower-cased unless they
/// are the first or last word or follow a colon, or (in a string with lower-case letters)
/// are written with a capital, since "the case of words in mixed or uppercase stays the
/// same" and such a capital is an initial or a name (`John C. Calhoun`, `Plan A`).
pub(crate) fn title_case(text: &str) -> String {
    let all_upper = !text.chars().any(char::is_lowercase) && text.chars().any(char::is_uppercase);
    // Words (start, end) in bytes; separators between them are kept as they are.
    let words = ibid_provenance::words::word_ranges(text, separates);
    let cores: Vec<String> = words.iter().map(|&(s, e)| core(&text[s..e])).collect();
    let stop = stop_flags(text, &words, &cores);
    let mut out = String::with_capacity(text.len());
    let mut written = 0;
    for (n, &(s, e)) in words.iter().enumerate() {
        out.push_str(&text[written..s]);
        let word = &text[s..e];
        let first = n == 0;
        let last = n + 1 == words.len();
        let after_colon = n > 0 && {
            let (ps, pe) = words[n - 1];
            text[ps..pe]
                .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ':')
                .ends_with(':')
        };
        // In a string with lower-case letters a word written with a capital is kept as
        // written, stop word or not: `John C. Calhoun`, `Martin Van Buren`, `Plan A`.
        let lowered = all_upper || !word.chars().any(char::is_uppercase);
        if stop[n] && !first && !last && !after_colon && lowered {
            out.push_str(&word.to_lowercase());
        } else if all_upper {
            out.push_str(&first_kept_rest_lower(word));
        } else if !word.chars().any(char::is_uppercase) {
            out.push_str(&capitalised(word));
        } else {
            out.push_str(word);
        }
        written = e;
    }
    out.push_str(&text[written..]);
    out
}

/// Which words are stop words, phrases (`according to`) included. A word with a period
/// (`v.`, `vs.`) is looked up with it.
fn stop_flags(text: &str, words: &[(usize, usize)], cores: &[String]) -> Vec<bool> {
    let stop = stop_words();
    let mut flags: Vec<bool> = words
        .iter()
        .zip(cores)
        .map(|(&(s, e), core)| {
            let dotted = format!("{core}.");
            stop.words.contains(core.as_str())
                || (text[s..e].ends_with('.') && stop.words.contains(dotted.as_str()))
        })
        .collect();
    for phrase in &stop.phrases {
        for at in 0..cores.len().saturating_sub(phrase.len() - 1) {
            if phrase
                .iter()
                .zip(&cores[at..])
                .all(|(p, c)| *p == c.as_str())
            {
                flags[at..at + phrase.len()].fill(true);
            }
        }
    }
    flags
}

/// The first letter of `word` in upper case.
fn capitalised(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut done = false;
    for c in word.chars() {
        if !done && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            done = true;
        } else {
            out.push(c);
        }
    }
    out
}

/// `word` with its first letter kept and the other letters lower-cased.
fn first_kept_rest_lower(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut seen = false;
    for c in word.chars() {
        if seen {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
            seen = c.is_alphabetic();
        }
    }
    out
}

/// Fields whose text styles title-case.
const TITLE_FIELDS: &[&str] = &[
    "title",
    "title-short",
    "container-title",
    "container-title-short",
    "collection-title",
    "volume-title",
    "part-title",
    "original-title",
    "reviewed-title",
    "event-title",
];

/// Each title of `item` as hayagriva 0.10.1 title-cases it, with the CSL title case to put
/// in its place, where the two differ.
pub(crate) fn corrections(item: &Item) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    // Hayagriva title-cases English items only (as CSL says).
    if !is_english(item) {
        return pairs;
    }
    for field in TITLE_FIELDS {
        let Some(Value::String(raw)) = item.0.get(*field) else {
            continue;
        };
        let theirs = Case::Title(TitleCase::default()).transform(raw);
        if theirs == *raw {
            // Nothing tells title-cased output from the field as written.
            continue;
        }
        let ours = title_case(raw.trim());
        if ours != theirs {
            pairs.push((theirs, ours));
        }
    }
    pairs
}

/// Whether hayagriva takes `item` for English: no `language`, or one starting with `en`.
pub(crate) fn is_english(item: &Item) -> bool {
    item.0
        .get("language")
        .and_then(|l| l.to_str())
        .is_none_or(|l| l.starts_with("en"))
}

/// Title-case the labels of a non-English item that the style title-cases
/// ([`StyleText::title_cases_label`]): APA's `(Ed.)`, `(Trans.)`. Hayagriva applies CSL's
/// "title case only affects English-language items" to the style's own terms as well and
/// writes `(ed.)` for a Russian book; the terms are the locale's English words, and
/// citeproc-js (the CSL reference processor, which applies the rule to the item's
/// variables) and pandoc's citeproc both write `(Ed.)`.
pub(crate) fn retitle_labels(children: &mut ElemChildren, style: &StyleText) {
    for child in &mut children.0 {
        if let ElemChild::Elem(e) = child {
            if matches!(e.meta, Some(ElemMeta::Names(_))) {
                // A label is text among the names, not inside one.
                for part in &mut e.children.0 {
                    if let ElemChild::Text(t) = part {
                        if style.title_cases_label(&t.text, is_role_term) {
                            t.text = title_case(&t.text);
                        }
                    }
                }
            }
            retitle_labels(&mut e.children, style);
        }
    }
}

/// Whether `text` is a term of a name role (`ed.`, `eds.`, `trans.`, `edited by`) in any
/// CSL locale.
fn is_role_term(text: &str) -> bool {
    static TERMS: OnceLock<HashSet<String>> = OnceLock::new();
    TERMS
        .get_or_init(|| {
            all_locales()
                .iter()
                .filter_map(|l| l.terms.as_ref())
                .flat_map(|t| &t.terms)
                .filter(|t| matches!(t.name, Term::NameVariable(_)))
                .flat_map(|t| [t.single(), t.multiple()])
                .flatten()
                .map(str::to_string)
                .collect()
        })
        .contains(text)
}

/// Put the CSL title case in place of hayagriva's in the variables' output of an entry
/// (`corrections` from [`corrections`]): a variable rendered with hayagriva's title case
/// of one of the item's titles is rendered with the CSL one.
pub(crate) fn retitle(children: &mut ElemChildren, corrections: &[(String, String)]) {
    for child in &mut children.0 {
        if let ElemChild::Elem(e) = child {
            if matches!(e.meta, Some(ElemMeta::Text)) {
                for part in &mut e.children.0 {
                    if let ElemChild::Text(t) = part {
                        for (theirs, ours) in corrections {
                            if t.text.contains(theirs.as_str()) {
                                t.text = t.text.replacen(theirs.as_str(), ours, 1);
                            }
                        }
                    }
                }
            }
            retitle(&mut e.children, corrections);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_stay_lower_case_after_a_comma() {
        assert_eq!(
            title_case("The revenge of the past: nationalism, revolution, and the collapse"),
            "The Revenge of the Past: Nationalism, Revolution, and the Collapse"
        );
        assert_eq!(
            title_case("The USSR as a communal apartment, or how a socialist state"),
            "The USSR as a Communal Apartment, or How a Socialist State"
        );
    }

    #[test]
    fn words_with_capitals_are_kept_and_front_is_no_stop_word() {
        assert_eq!(title_case("L’Empire éclaté"), "L’Empire Éclaté");
        assert_eq!(
            title_case("The Caucasian Front: Armenia and Azerbaijan, 1918–1921"),
            "The Caucasian Front: Armenia and Azerbaijan, 1918–1921"
        );
        assert_eq!(title_case("iPhone and the web"), "iPhone and the Web");
    }

    #[test]
    fn first_last_after_colon_hyphens_and_phrases() {
        assert_eq!(title_case("of mice and men"), "Of Mice and Men");
        assert_eq!(title_case("what it stands for"), "What It Stands For");
        assert_eq!(title_case("empire: of the east"), "Empire: Of the East");
        assert_eq!(
            title_case("looking toward Ararat under the tsars"),
            "Looking toward Ararat under the Tsars"
        );
        assert_eq!(title_case("a work-in-progress"), "A Work-in-Progress");
        assert_eq!(
            title_case("history according to the archives"),
            "History according to the Archives"
        );
        assert_eq!(title_case("Smith vs. Jones"), "Smith vs. Jones");
    }

    #[test]
    fn stop_words_written_with_a_capital_are_kept_in_mixed_case() {
        assert_eq!(
            title_case("the life of John C. Calhoun"),
            "The Life of John C. Calhoun"
        );
        assert_eq!(
            title_case("vitamin C and the common cold"),
            "Vitamin C and the Common Cold"
        );
        assert_eq!(
            title_case("Martin Van Buren and the war"),
            "Martin Van Buren and the War"
        );
        assert_eq!(title_case("Plan A or plan B"), "Plan A or Plan B");
    }

    #[test]
    fn an_upper_case_string_keeps_first_letters() {
        assert_eq!(title_case("THE WAR IN THE EAST"), "The War in the East");
    }

    #[test]
    fn no_corrections_for_items_in_other_languages() {
        let item: Item = serde_json::from_value(serde_json::json!({
            "id": "x", "type": "book", "language": "de",
            "title": "Krieg, und Frieden"
        }))
        .unwrap();
        assert!(corrections(&item).is_empty());
    }

    #[test]
    fn corrections_name_only_titles_where_hayagriva_differs() {
        let item: Item = serde_json::from_value(serde_json::json!({
            "id": "x", "type": "book", "language": "en",
            "title": "The revenge of the past: nationalism, revolution, and the collapse",
            "container-title": "Slavic review"
        }))
        .unwrap();
        let pairs = corrections(&item);
        assert_eq!(
            pairs,
            vec![(
                "The Revenge of the Past: Nationalism, Revolution, And the Collapse".to_string(),
                "The Revenge of the Past: Nationalism, Revolution, and the Collapse".to_string()
            )]
        );
    }
}
