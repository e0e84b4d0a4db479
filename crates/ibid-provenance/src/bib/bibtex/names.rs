//! BibTeX name lists (`van der Berg, Jr., Pieter and {World Health Organization}`) read into
//! CSL names: family, given, particle and suffix split as BibTeX and biblatex do.

use super::latex::{decode, is_one_group, split_and, split_commas, split_words, starts_lower};
use serde_json::{Map, Value};

/// The CSL names of a BibTeX name list. With `useprefix` (biblatex's option), a particle
/// stays with the family name (`non-dropping-particle`); without it, it drops.
pub(crate) fn names(tex: &str, useprefix: bool) -> Vec<Value> {
    split_and(tex)
        .into_iter()
        .map(|name| one(name, useprefix))
        .collect()
}

fn literal(text: String) -> Value {
    let mut o = Map::new();
    o.insert("literal".into(), Value::String(text));
    Value::Object(o)
}

/// One name, in any of BibTeX's three forms or biblatex's `family=..., given=...` form.
fn one(tex: &str, useprefix: bool) -> Value {
    if is_one_group(tex) || tex.eq_ignore_ascii_case("others") {
        return literal(decode(tex));
    }
    if let Some(value) = extended(tex, useprefix) {
        return value;
    }
    let parts = split_commas(tex);
    let (first, von, last, jr): (Vec<&str>, Vec<&str>, Vec<&str>, Vec<&str>) =
        match parts.as_slice() {
            [whole] => {
                let words = split_words(whole);
                first_von_last(&words)
            }
            [von_last, rest @ ..] => {
                let words = split_words(von_last);
                let (von, last) = von_last_split(&words);
                let (jr, first) = match rest {
                    [first] => (Vec::new(), split_words(first)),
                    [jr, first @ ..] => (split_words(jr), split_words_all(first)),
                    [] => (Vec::new(), Vec::new()),
                };
                (first, von, last, jr)
            }
            [] => (Vec::new(), Vec::new(), Vec::new(), Vec::new()),
        };
    let family = join(&last);
    if family.is_empty() {
        return literal(decode(tex));
    }
    let mut o = Map::new();
    o.insert("family".into(), Value::String(family));
    let given = space_initials(&join(&first));
    if !given.is_empty() {
        o.insert("given".into(), Value::String(given));
    }
    let particle = join(&von);
    if !particle.is_empty() {
        let key = if useprefix {
            "non-dropping-particle"
        } else {
            "dropping-particle"
        };
        o.insert(key.into(), Value::String(particle));
    }
    let suffix = join(&jr);
    if !suffix.is_empty() {
        o.insert("suffix".into(), Value::String(suffix));
    }
    Value::Object(o)
}

/// The words of several comma-separated parts, in order.
fn split_words_all<'a>(parts: &[&'a str]) -> Vec<&'a str> {
    parts.iter().flat_map(|p| split_words(p)).collect()
}

/// The decoded words, joined by single spaces.
fn join(words: &[&str]) -> String {
    decode(&words.join(" "))
}

/// `First von Last`: von runs from the first lower-case word to the last one (never the
/// last word); without one, Last is the last word.
fn first_von_last<'a>(
    words: &[&'a str],
) -> (Vec<&'a str>, Vec<&'a str>, Vec<&'a str>, Vec<&'a str>) {
    let Some((last_word, init)) = words.split_last() else {
        return (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    };
    let lower: Vec<usize> = init
        .iter()
        .enumerate()
        .filter(|(_, w)| starts_lower(w))
        .map(|(i, _)| i)
        .collect();
    match (lower.first(), lower.last()) {
        (Some(&from), Some(&to)) => (
            words.get(..from).unwrap_or(&[]).to_vec(),
            words.get(from..=to).unwrap_or(&[]).to_vec(),
            words.get(to + 1..).unwrap_or(&[]).to_vec(),
            Vec::new(),
        ),
        _ => (init.to_vec(), Vec::new(), vec![*last_word], Vec::new()),
    }
}

/// `von Last`: the leading lower-case words are the particle, unless every word is.
fn von_last_split<'a>(words: &[&'a str]) -> (Vec<&'a str>, Vec<&'a str>) {
    let leading = words.iter().take_while(|w| starts_lower(w)).count();
    let leading = leading.min(words.len().saturating_sub(1));
    (
        words.get(..leading).unwrap_or(&[]).to_vec(),
        words.get(leading..).unwrap_or(&[]).to_vec(),
    )
}

/// biblatex's extended name format: `family=Berg, given=Pieter, prefix=van der, useprefix=true`.
fn extended(tex: &str, useprefix: bool) -> Option<Value> {
    const KEYS: &[&str] = &["family", "given", "prefix", "suffix", "useprefix"];
    let parts = split_commas(tex);
    let pairs: Vec<(String, &str)> = parts
        .iter()
        .map(|p| {
            let (k, v) = p.split_once('=')?;
            let k = k.trim().to_ascii_lowercase();
            KEYS.contains(&k.as_str()).then_some((k, v.trim()))
        })
        .collect::<Option<_>>()?;
    let get = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| decode(v));
    let family = get("family")?;
    let useprefix = get("useprefix").map_or(useprefix, |v| v.eq_ignore_ascii_case("true"));
    let mut o = Map::new();
    o.insert("family".into(), Value::String(family));
    if let Some(given) = get("given") {
        o.insert("given".into(), Value::String(space_initials(&given)));
    }
    if let Some(prefix) = get("prefix") {
        let key = if useprefix {
            "non-dropping-particle"
        } else {
            "dropping-particle"
        };
        o.insert(key.into(), Value::String(prefix));
    }
    if let Some(suffix) = get("suffix") {
        o.insert("suffix".into(), Value::String(suffix));
    }
    Some(Value::Object(o))
}

/// `J.G.` as `J. G.`, so that CSL processors see two initials (pandoc reads them so too).
fn space_initials(given: &str) -> String {
    let chars: Vec<char> = given.chars().collect();
    let mut out = String::with_capacity(given.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        let initial_before = i >= 1
            && chars.get(i - 1).is_some_and(|p| p.is_uppercase())
            && (i < 2 || !chars.get(i - 2).is_some_and(|p| p.is_alphabetic()));
        if c == '.' && initial_before && chars.get(i + 1).is_some_and(|n| n.is_uppercase()) {
            out.push(' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn three_forms_and_particles() {
        assert_eq!(
            names("van der Berg, Jr., Pieter", false),
            [
                json!({"family": "Berg", "given": "Pieter", "dropping-particle": "van der", "suffix": "Jr."})
            ]
        );
        assert_eq!(
            names(
                "Ludwig van Beethoven and Charles de la Vallée Poussin",
                true
            ),
            [
                json!({"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"}),
                json!({"family": "Vallée Poussin", "given": "Charles", "non-dropping-particle": "de la"})
            ]
        );
        assert_eq!(
            names(
                r"Dvo{\v{r}}{\'a}k, Anton{\'\i}n and J.G. Smith and {World Health Organization} and others",
                false
            ),
            [
                json!({"family": "Dvořák", "given": "Antonín"}),
                json!({"family": "Smith", "given": "J. G."}),
                json!({"literal": "World Health Organization"}),
                json!({"literal": "others"})
            ]
        );
        assert_eq!(
            names("Барсегов, Ю.Г. and Plato", false),
            [
                json!({"family": "Барсегов", "given": "Ю. Г."}),
                json!({"family": "Plato"})
            ]
        );
        assert_eq!(
            names(
                "family=Gennep, given=Arnold, prefix=van, useprefix=true",
                false
            ),
            [json!({"family": "Gennep", "given": "Arnold", "non-dropping-particle": "van"})]
        );
        assert_eq!(
            names("Drummond de Andrade, Carlos", false),
            [json!({"family": "Drummond de Andrade", "given": "Carlos"})]
        );
    }
}
