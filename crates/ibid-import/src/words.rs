//! The word lists of `data/*.tsv` (marks, targets, stop words, debris, title patterns,
//! labels, language names, endorsements, transliteration), parsed once into lookup tables.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A language ibid import recognises: `en`, `ru`, `de`, `fr`.
pub(crate) type Lang = &'static str;

/// A title pattern: literal parts between `{author}` / `{recipient}` slots.
#[derive(Debug)]
pub(crate) struct TitlePattern {
    /// The kind of document it names (`letter`).
    pub kind: &'static str,
    /// The pattern as written in `titles.tsv`.
    pub pattern: &'static str,
    /// Whether the names stand in the nominative (`Letter of X to Y`), not in a case the
    /// construction asks for (`Письмо Нариманова — Ленину`).
    pub nominative: bool,
}

/// A phrase that introduces something at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Role {
    Source,
    Archive,
    Annotations,
    Notes,
    Hand,
    UnknownHand,
    MarkBy,
    Translation,
    Particle,
}

/// Every table, built once from the data files.
#[derive(Debug)]
pub(crate) struct Words {
    /// `(phrase, kind)`, longest phrase first.
    pub marks: Vec<(&'static str, &'static str)>,
    /// Word of a note → target.
    pub targets: HashMap<&'static str, &'static str>,
    /// Stop word → the languages it belongs to.
    pub stopwords: HashMap<&'static str, Vec<Lang>>,
    /// `(phrase, reason)`, longest phrase first.
    pub debris: Vec<(&'static str, &'static str)>,
    /// Title patterns, in file order.
    pub titles: Vec<TitlePattern>,
    /// The phrases of each role, longest first.
    pub labels: HashMap<Role, Vec<&'static str>>,
    /// The first letters (lower case) the phrases of each role start with.
    pub label_firsts: HashMap<Role, Vec<char>>,
    /// The first word of each mark phrase → the indices in `marks` of the phrases it starts.
    pub mark_starts: HashMap<&'static str, Vec<usize>>,
    /// Language name (lower case) → code.
    pub languages: HashMap<&'static str, Lang>,
    /// Words written alone in marginalia that are never a signature.
    pub endorsements: HashSet<&'static str>,
    /// `(cyrillic, latin)`, two letters before one.
    pub translit: Vec<(&'static str, &'static str)>,
    /// Surname case endings `(as written, nominative)`, longest first.
    pub endings: Vec<(&'static str, &'static str)>,
}

const MARKS: &str = include_str!("../data/marks.tsv");
const TARGETS: &str = include_str!("../data/targets.tsv");
const STOPWORDS: &str = include_str!("../data/stopwords.tsv");
const DEBRIS: &str = include_str!("../data/debris.tsv");
const TITLES: &str = include_str!("../data/titles.tsv");
const LABELS: &str = include_str!("../data/labels.tsv");
const LANGUAGES: &str = include_str!("../data/languages.tsv");
const ENDORSEMENTS: &str = include_str!("../data/endorsements.tsv");
const TRANSLIT: &str = include_str!("../data/translit.tsv");
const ENDINGS: &str = include_str!("../data/endings.tsv");

/// The tables, built on first use.
pub(crate) fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(build)
}

/// The rows of a TSV file: lines that are neither empty nor comments, split at tabs.
fn rows(file: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    file.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn lang(code: &str) -> Lang {
    match code {
        "en" => "en",
        "ru" => "ru",
        "de" => "de",
        "fr" => "fr",
        "tr" => "tr",
        "hy" => "hy",
        "az" => "az",
        _ => "und",
    }
}

fn role(name: &str) -> Option<Role> {
    Some(match name {
        "source" => Role::Source,
        "archive" => Role::Archive,
        "annotations" => Role::Annotations,
        "notes" => Role::Notes,
        "hand" => Role::Hand,
        "unknown-hand" => Role::UnknownHand,
        "mark-by" => Role::MarkBy,
        "translation" => Role::Translation,
        "particle" => Role::Particle,
        _ => return None,
    })
}

fn build() -> Words {
    let mut marks: Vec<_> = rows(MARKS)
        .filter_map(|r| Some((*r.get(2)?, *r.get(1)?)))
        .collect();
    marks.sort_by_key(|(p, _)| std::cmp::Reverse(p.chars().count()));
    let targets = rows(TARGETS)
        .filter_map(|r| Some((*r.get(2)?, *r.get(1)?)))
        .collect();
    let mut stopwords: HashMap<&'static str, Vec<Lang>> = HashMap::new();
    for r in rows(STOPWORDS) {
        let Some((code, words)) = r.first().zip(r.get(1)) else {
            continue;
        };
        for w in words.split_whitespace() {
            stopwords.entry(w).or_default().push(lang(code));
        }
    }
    let mut debris: Vec<_> = rows(DEBRIS)
        .filter_map(|r| Some((*r.get(1)?, *r.first()?)))
        .collect();
    debris.sort_by_key(|(p, _)| std::cmp::Reverse(p.chars().count()));
    let titles = rows(TITLES)
        .filter_map(|r| {
            Some(TitlePattern {
                kind: r.get(1)?,
                pattern: r.get(2)?,
                nominative: r.get(3).map_or(true, |n| *n != "inflected"),
            })
        })
        .collect();
    let mut labels: HashMap<Role, Vec<&'static str>> = HashMap::new();
    for r in rows(LABELS) {
        if let (Some(role), Some(phrase)) = (r.first().and_then(|n| role(n)), r.get(2)) {
            labels.entry(role).or_default().push(*phrase);
        }
    }
    let mut label_firsts: HashMap<Role, Vec<char>> = HashMap::new();
    for (role, phrases) in &mut labels {
        phrases.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
        let firsts = label_firsts.entry(*role).or_default();
        for p in phrases.iter() {
            for c in p.chars().take(1).flat_map(char::to_lowercase) {
                if !firsts.contains(&c) {
                    firsts.push(c);
                }
            }
        }
    }
    let mut mark_starts: HashMap<&'static str, Vec<usize>> = HashMap::new();
    for (i, (phrase, _)) in marks.iter().enumerate() {
        let first = phrase.split(' ').next().unwrap_or(phrase);
        mark_starts.entry(first).or_default().push(i);
    }
    let mut languages = HashMap::new();
    for r in rows(LANGUAGES) {
        if let Some((code, names)) = r.split_first() {
            for n in names {
                languages.insert(*n, lang(code));
            }
        }
    }
    let endorsements = rows(ENDORSEMENTS)
        .flat_map(|r| r.into_iter().skip(1))
        .collect();
    let mut translit: Vec<_> = rows(TRANSLIT)
        .map(|r| {
            (
                r.first().copied().unwrap_or(""),
                r.get(1).copied().unwrap_or(""),
            )
        })
        .filter(|(c, _)| !c.is_empty())
        .collect();
    translit.sort_by_key(|(c, _)| std::cmp::Reverse(c.chars().count()));
    let mut endings: Vec<_> = rows(ENDINGS)
        .filter_map(|r| Some((*r.get(1)?, r.get(2).copied().unwrap_or(""))))
        .collect();
    endings.sort_by_key(|(e, _)| std::cmp::Reverse(e.chars().count()));
    Words {
        label_firsts,
        endings,
        mark_starts,
        marks,
        targets,
        stopwords,
        debris,
        titles,
        labels,
        languages,
        endorsements,
        translit,
    }
}

impl Words {
    /// The phrases of `role`, longest first.
    pub fn labels(&self, role: Role) -> impl Iterator<Item = &'static str> + '_ {
        self.labels.get(&role).into_iter().flatten().copied()
    }

    /// Whether a phrase of `role` can start with `c` (case aside).
    pub fn may_start_label(&self, role: Role, c: char) -> bool {
        let lower = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            c.to_lowercase().next().unwrap_or(c)
        };
        let quote = |x: char| x == '\'' || x == '’';
        self.label_firsts
            .get(&role)
            .is_some_and(|f| f.contains(&lower) || (quote(lower) && f.iter().any(|&x| quote(x))))
    }

    /// The kind of mark the longest phrase of `marks.tsv` found in `lower` (a lower-cased
    /// note) names, with the phrase; phrases are looked up by their first word.
    pub fn mark_in(&self, lower: &str) -> Option<(&'static str, &'static str)> {
        let mut best: Option<(&'static str, &'static str)> = None;
        let mut at = 0;
        for word in lower.split(|c: char| !c.is_alphabetic()) {
            let start = at;
            at += word.len()
                + lower[at + word.len()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
            let Some(candidates) = self.mark_starts.get(word) else {
                continue;
            };
            for &i in candidates {
                let (phrase, kind) = self.marks[i];
                let rest = &lower[start..];
                let ends_word = rest
                    .get(phrase.len()..)
                    .is_some_and(|after| after.chars().next().map_or(true, |c| !c.is_alphabetic()));
                if rest.starts_with(phrase)
                    && ends_word
                    && best.map_or(true, |(p, _)| p.len() < phrase.len())
                {
                    best = Some((phrase, kind));
                }
            }
        }
        best
    }
}

/// Whether `text` starts with `prefix`, case aside; returns the rest.
pub(crate) fn strip_prefix_ci<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let mut rest = text;
    for pc in prefix.chars() {
        let mut it = rest.chars();
        let tc = it.next()?;
        if !chars_eq_ci(tc, pc) {
            return None;
        }
        rest = it.as_str();
    }
    Some(rest)
}

/// Two characters equal case aside (and `'` equal to `’`).
pub(crate) fn chars_eq_ci(a: char, b: char) -> bool {
    if a == b {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(&b);
    }
    let quote = |c| c == '\'' || c == '’';
    if quote(a) && quote(b) {
        return true;
    }
    a.to_lowercase().eq(b.to_lowercase())
}

/// The byte offset of the first match of `needle` in `hay`, case aside.
pub(crate) fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.char_indices()
        .map(|(i, _)| i)
        .find(|&i| strip_prefix_ci(&hay[i..], needle).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_filled() {
        let w = words();
        assert!(w.marks.len() > 40);
        assert!(w.stopwords.len() > 150);
        assert!(w.debris.len() > 40);
        assert!(w.titles.len() > 30);
        assert_eq!(w.languages.get("русского"), Some(&"ru"));
        assert!(w.labels(Role::Source).any(|p| p == "Источник:"));
        assert_eq!(
            w.mark_in("the paragraph was surrounded by lines on the margins by lenin"),
            Some(("lines on the margins", "marginal-lines"))
        );
        assert_eq!(
            w.mark_in("подчеркнуто лениным"),
            Some(("подчеркнуто", "underlined"))
        );
        assert_eq!(w.mark_in("uncircled"), None);
        assert_eq!(w.translit.first().map(|t| t.0.chars().count()), Some(2));
    }

    #[test]
    fn prefixes_are_matched_case_aside() {
        assert_eq!(strip_prefix_ci("SOURCE: x", "Source:"), Some(" x"));
        assert_eq!(strip_prefix_ci("Источник: x", "источник:"), Some(" x"));
        assert_eq!(find_ci("Narimanov’s Letter", "'s letter"), Some(9));
    }
}
