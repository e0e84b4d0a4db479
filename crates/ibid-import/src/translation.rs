//! The translation statement (`Translated from the Russian by …`, `Перевод с …`,
//! `Aus dem Russischen übersetzt von …`, `Traduit du russe par …`) → `[translation]`.

use crate::fields::{Found, Origin, TranslationFields};
use crate::placement::{Claims, Place};
use crate::words::{strip_prefix_ci, words, Role};

/// Claim the first translation statement and read it.
pub(crate) fn find(lines: &[String], claims: &mut Claims) -> Option<TranslationFields> {
    for (i, line) in lines.iter().enumerate() {
        if !claims.is_free(i) {
            continue;
        }
        let trimmed = line.trim();
        for pattern in words().labels(Role::Translation) {
            if let Some(found) = read_statement(i, line, trimmed, pattern) {
                claims.claim(i, Place::Translation);
                return Some(found);
            }
        }
    }
    None
}

/// `line` read against `pattern` (`Translated from the {from} by {by}`).
fn read_statement(i: usize, line: &str, text: &str, pattern: &str) -> Option<TranslationFields> {
    // The head of every pattern is a word or more: rule out most lines by their first
    // letter before splitting the pattern.
    let first = text.chars().next()?;
    if !pattern
        .chars()
        .next()
        .is_some_and(|p| crate::words::chars_eq_ci(p, first))
    {
        return None;
    }
    let (head, rest_pattern) = pattern.split_once("{from}")?;
    let after_head = strip_prefix_ci(text, head)?;
    let word_end = after_head
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(after_head.len());
    let language_word = &after_head[..word_end];
    let code = *words()
        .languages
        .get(language_word.to_lowercase().as_str())?;
    let after_language = &after_head[word_end..];
    let mut fields = TranslationFields {
        from: Some(Found::read(code, Origin::within(i, line, language_word))),
        ..TranslationFields::default()
    };
    match rest_pattern.split_once("{by}") {
        Some((between, _)) => {
            let names = strip_prefix_ci(after_language, between)?;
            let names = names.trim().trim_end_matches('.');
            for name in split_names(names) {
                fields
                    .by
                    .push(Found::read(name, Origin::within(i, line, name)));
            }
            if fields.by.is_empty() {
                return None;
            }
        }
        None => {
            let rest = after_language.trim();
            // The statement must be the whole line (a full stop aside).
            if !rest.trim_end_matches('.').trim().is_empty() && rest != rest_pattern.trim() {
                let rest = strip_prefix_ci(rest, rest_pattern.trim())?;
                if !rest.trim().trim_end_matches('.').is_empty() {
                    return None;
                }
            }
        }
    }
    Some(fields)
}

/// `A and B`, `A, B и C` → each name.
fn split_names(text: &str) -> Vec<&str> {
    let mut out = vec![text];
    for sep in [", ", " and ", " и ", " und ", " et "] {
        out = out.iter().flat_map(|t| t.split(sep)).collect();
    }
    out.into_iter()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str) -> Option<TranslationFields> {
        let lines = vec![line.to_string()];
        find(&lines, &mut Claims::new(1))
    }

    #[test]
    fn statements_in_four_languages() {
        let t = read("Translated from the Russian by A. Smith and B. Jones.").unwrap();
        assert_eq!(t.from.unwrap().value, "ru");
        let by: Vec<_> = t.by.iter().map(|b| b.value.as_str()).collect();
        assert_eq!(by, ["A. Smith", "B. Jones"]);
        assert_eq!(
            read("Перевод с английского И. Петрова")
                .unwrap()
                .from
                .unwrap()
                .value,
            "en"
        );
        let de = read("Aus dem Russischen übersetzt von Anna Weber").unwrap();
        assert_eq!(de.by[0].value, "Anna Weber");
        let fr = read("Traduit du russe par Marie Dupont.").unwrap();
        assert_eq!(
            (fr.from.unwrap().value, fr.by[0].value.clone()),
            ("ru".into(), "Marie Dupont".into())
        );
        assert!(read("Translated from the Russian.").unwrap().by.is_empty());
        assert!(read("Translated from the heart of the matter").is_none());
    }
}
