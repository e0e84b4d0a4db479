//! Comparing how sources are written: Cyrillic transliterated to Latin, case and punctuation
//! folded, spelling variants of transliteration merged, and a bounded edit distance.

use crate::latin::{cyrillic, plain_latin};

/// `text` in lower-case Latin letters and digits, words separated by single spaces:
/// Cyrillic transliterated, diacritics removed, punctuation dropped.
pub fn transliterate(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars() {
        for lower in c.to_lowercase() {
            if let Some(latin) = cyrillic(lower) {
                out.push_str(latin);
                space = false;
            } else if let Some(plain) = plain_latin(lower) {
                out.push(plain);
                space = false;
            } else if lower.is_ascii_alphanumeric()
                || (lower.is_alphanumeric() && !lower.is_ascii())
            {
                out.push(lower);
                space = false;
            } else if !space {
                out.push(' ');
                space = true;
            }
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// A spelling skeleton of `text`: transliterated, then with the usual variants of
/// transliteration merged (`y`/`j` → `i`, `kh` → `h`, `w` → `v`, `x` → `ks`, `ph` → `f`),
/// spaces removed and doubled letters collapsed. Two ways of writing one name or title in
/// Latin or Cyrillic usually share a skeleton, or differ by a letter or two.
pub fn skeleton(text: &str) -> String {
    let latin = transliterate(text);
    let bytes: Vec<char> = latin.chars().filter(|c| *c != ' ').collect();
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let next = bytes.get(i + 1).copied();
        let (piece, used): (&str, usize) = match (c, next) {
            ('k', Some('h')) => ("h", 2),
            ('p', Some('h')) => ("f", 2),
            ('y' | 'j', _) => ("i", 1),
            ('w', _) => ("v", 1),
            ('x', _) => ("ks", 1),
            _ => ("", 1),
        };
        if piece.is_empty() {
            if !out.ends_with(c) {
                out.push(c);
            }
        } else {
            for p in piece.chars() {
                if !out.ends_with(p) {
                    out.push(p);
                }
            }
        }
        i += used;
    }
    out
}

/// The form of `text` that counts as "written the same": lower case, letters and digits of
/// any script, nothing else (`Ю.Г.` and `Ю. Г.` agree; `Ю.Г.` and `Yu. G.` do not).
pub fn exact_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                key.push(c.to_ascii_lowercase());
            }
        } else if matches!(c, '\u{0430}'..='\u{044F}' | '\u{0451}') {
            key.push(c);
        } else if matches!(c, '\u{0410}'..='\u{042F}') {
            // Basic Cyrillic capitals: the lower case is 32 code points on.
            key.extend(char::from_u32(c as u32 + 0x20));
        } else {
            key.extend(c.to_lowercase().filter(|l| l.is_alphanumeric()));
        }
    }
    key
}

/// The runs of digits in `text`, in order (years, volumes, numbers).
pub fn digit_runs(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The edit distance between `a` and `b` if it is at most `max`, counting characters.
///
/// Runs in O(len × max): only a band of the table around its diagonal is filled.
pub fn bounded_levenshtein(a: &[char], b: &[char], max: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > max {
        return None;
    }
    if n == 0 || m == 0 {
        return Some(n.max(m));
    }
    let big = max + 1;
    let mut prev = vec![big; m + 1];
    let mut cur = vec![big; m + 1];
    for (j, cell) in prev.iter_mut().enumerate().take(max.min(m) + 1) {
        *cell = j;
    }
    for i in 1..=n {
        let lo = i.saturating_sub(max).max(1);
        let hi = (i + max).min(m);
        cur.iter_mut().for_each(|c| *c = big);
        if i <= max {
            cur[0] = i;
        }
        let mut row_min = cur[0];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let value = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            cur[j] = value.min(big);
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[m] <= max).then_some(prev[m])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_and_latin_forms_share_a_skeleton() {
        assert_eq!(
            transliterate("Барсегов Ю.Г. Нагорный Карабах"),
            "barsegov yu g nagornyi karabakh"
        );
        assert_eq!(
            skeleton("Барсегов Ю.Г. Нагорный Карабах"),
            skeleton("Barsegov, Yu. G., Nagornyi Karabakh")
        );
        assert_eq!(skeleton("Nagornyj Karabah"), skeleton("Nagorny Karabakh"));
        assert_eq!(skeleton("Nagornyj Karabah"), "nagornikarabah");
        assert_ne!(exact_key("Ю.Г."), exact_key("Yu. G."));
        assert_eq!(exact_key("Ю.Г."), exact_key("ю. г."));
        // The fast paths agree with the plain definition.
        for text in [
            "Барсегов Ю.Г. Нагорный Карабах, т. 2",
            "Zürcher, Erik-Jan",
            "ЁЖ ΑΘΗΝΑ İz",
        ] {
            let plain: String = text
                .chars()
                .flat_map(char::to_lowercase)
                .filter(|c| c.is_alphanumeric())
                .collect();
            assert_eq!(exact_key(text), plain, "{text}");
        }
    }

    #[test]
    fn bounded_distance() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(
            bounded_levenshtein(&chars("kitten"), &chars("sitting"), 3),
            Some(3)
        );
        assert_eq!(
            bounded_levenshtein(&chars("kitten"), &chars("sitting"), 2),
            None
        );
        assert_eq!(bounded_levenshtein(&chars(""), &chars("ab"), 2), Some(2));
        assert_eq!(
            bounded_levenshtein(&chars("abc"), &chars("abc"), 0),
            Some(0)
        );
        assert_eq!(
            bounded_levenshtein(&chars("abcdef"), &chars("abcxef"), 1),
            Some(1)
        );
        assert_eq!(digit_runs("т. 2, 1918-1923"), ["2", "1918", "1923"]);
    }

    #[test]
    fn bounded_agrees_with_the_full_distance() {
        let words = [
            "nagornikarabah",
            "nagornikarabakh",
            "barsegov",
            "barsgov",
            "",
            "a",
            "karabah nagorni",
        ];
        for a in words {
            for b in words {
                let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                let full = strsim::levenshtein(a, b);
                for max in 0..6 {
                    let expected = (full <= max).then_some(full);
                    assert_eq!(
                        bounded_levenshtein(&ca, &cb, max),
                        expected,
                        "{a} {b} {max}"
                    );
                }
            }
        }
    }
}
