//! Stable citation keys for CSL items that have none: first author's family name, year and
//! first title word that is not a function word, folded to ASCII (`barsegov2008nagornyi`).

use unicode_normalization::UnicodeNormalization;

/// The Latin transliterations of the basic Cyrillic small letters `а` to `я` (U+0430 to
/// U+044F), in order: a simplified BGN/PCGN scheme without diacritics.
const BASIC_CYRILLIC: [&str; 32] = [
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o",
    "p", // а–п
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu",
    "ia", // р–я
];

/// The transliteration of a basic Cyrillic letter (`а`–`я`, `А`–`Я`), from its offset to `а`
/// or `А` in the code table.
fn basic_cyrillic(c: char, first: char) -> &'static str {
    let offset = u32::from(c).wrapping_sub(u32::from(first));
    usize::try_from(offset)
        .ok()
        .and_then(|i| BASIC_CYRILLIC.get(i).copied())
        .unwrap_or("")
}

/// The Latin transliteration of a Cyrillic letter (lower case), or `None` for any other
/// character.
fn cyrillic(c: char) -> Option<&'static str> {
    Some(match c {
        'а'..='я' => basic_cyrillic(c, 'а'),
        'ё' | 'є' => "e",
        'і' | 'ї' => "i",
        'ў' => "u",
        'ґ' => "g",
        _ => return None,
    })
}

/// A key being built, as bytes: everything appended is ASCII (letters and digits, and the
/// `-` of a negative year), so no byte goes through a char's UTF-8 encoding.
type KeyBytes = Vec<u8>;

/// The finished key as a `String`; every byte is ASCII, so this only moves the buffer.
fn into_key(bytes: KeyBytes) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Append `latin` (ASCII) one byte at a time: for the one to four letters of a
/// transliteration this is cheaper than the bulk copy of `extend_from_slice`.
fn push_ascii(out: &mut KeyBytes, latin: &str) {
    for b in latin.bytes() {
        out.push(b);
    }
}

/// Append `c` (already lower case) folded to ASCII: Cyrillic transliterated, accents
/// dropped (`ä` → `a`, `ß` → `ss`), anything that is not a letter or digit left out.
fn push_folded(out: &mut KeyBytes, c: char) {
    if let Some(b) = u8::try_from(c).ok().filter(u8::is_ascii_alphanumeric) {
        out.push(b);
    } else if c.is_ascii() {
    } else if let Some(latin) = cyrillic(c) {
        push_ascii(out, latin);
    } else {
        match c {
            'ß' => push_ascii(out, "ss"),
            'æ' => push_ascii(out, "ae"),
            'œ' => push_ascii(out, "oe"),
            'ø' => out.push(b'o'),
            'ł' => out.push(b'l'),
            'đ' | 'ð' => out.push(b'd'),
            'þ' => push_ascii(out, "th"),
            'ı' => out.push(b'i'),
            _ => out.extend(
                std::iter::once(c)
                    .nfd()
                    .filter_map(|d| u8::try_from(d).ok())
                    .filter(u8::is_ascii_alphanumeric),
            ),
        }
    }
}

/// Append `text` lower-cased and folded to ASCII letters and digits: Cyrillic
/// transliterated, diacritics dropped (`Ä` → `a`, `ß` → `ss`), everything else left out.
fn fold_into(out: &mut KeyBytes, text: &str) {
    if text.is_ascii() {
        out.extend(
            text.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| b.to_ascii_lowercase()),
        );
        return;
    }
    for c in text.chars() {
        match c {
            // Basic Cyrillic, most non-ASCII text here: one table read, either case.
            'а'..='я' => push_ascii(out, basic_cyrillic(c, 'а')),
            'А'..='Я' => push_ascii(out, basic_cyrillic(c, 'А')),
            'Ё' => push_folded(out, 'ё'),
            c if c.is_ascii() => push_folded(out, c.to_ascii_lowercase()),
            c if c.is_lowercase() || !c.is_alphabetic() => push_folded(out, c),
            c => c.to_lowercase().for_each(|l| push_folded(out, l)),
        }
    }
}

/// `text` folded as [`fold_into`] appends it.
#[cfg(test)]
pub(crate) fn fold_ascii(text: &str) -> String {
    let mut out = KeyBytes::new();
    fold_into(&mut out, text);
    into_key(out)
}

/// Append the first word of `title` that is not a function word (else its first word),
/// folded.
fn push_title_word(out: &mut KeyBytes, title: &str) {
    if let Some(word) = crate::language::scan_title(title).key_word {
        fold_into(out, word);
    }
}

/// Append the decimal digits of `n` (a year), without the formatting machinery.
fn push_number(out: &mut KeyBytes, n: i32) {
    if n < 0 {
        out.push(b'-');
    }
    let mut digits = [0u8; 10];
    let mut len = 0;
    let mut rest = n.unsigned_abs();
    loop {
        if let Some(slot) = digits.get_mut(len) {
            *slot = b'0' + (rest % 10) as u8;
        }
        len += 1;
        rest /= 10;
        if rest == 0 || len == digits.len() {
            break;
        }
    }
    for &d in digits.get(..len).unwrap_or(&[]).iter().rev() {
        out.push(d);
    }
}

/// A citation key for an item with no id: the first author's (or editor's) family name,
/// the year and the first significant word of the title, each folded to ASCII lower case
/// (`Барсегов`, 2008, `Нагорный Карабах` → `barsegov2008nagornyi`). The same author, year
/// and title always give the same key. A name given whole (an institution) gives its
/// first significant word; with nothing to go on the key is `item`.
pub fn item_key(name: Option<&str>, year: Option<i32>, title: Option<&str>) -> String {
    let word = title.and_then(|t| crate::language::scan_title(t).key_word);
    key_with_word(name, year, word)
}

/// [`item_key`] with the title's key word already found (by [`crate::language::scan_title`]).
pub(crate) fn key_with_word(name: Option<&str>, year: Option<i32>, word: Option<&str>) -> String {
    let mut key = KeyBytes::with_capacity(32);
    if let Some(n) = name {
        if n.contains(char::is_whitespace) {
            push_title_word(&mut key, n);
        } else {
            fold_into(&mut key, n);
        }
    }
    if let Some(y) = year {
        push_number(&mut key, y);
    }
    if let Some(w) = word {
        fold_into(&mut key, w);
    }
    if key.is_empty() {
        key.extend_from_slice(b"item");
    }
    into_key(key)
}

/// A citation key for an archival item with no author or title: its repository and
/// location, folded (`RGASPI`, `f. 2, op. 1, d. 17663, l. 1` → `rgaspif2op1d17663l1`), at
/// most 48 characters.
pub fn archive_key(repository: Option<&str>, location: Option<&str>) -> String {
    let mut key = KeyBytes::with_capacity(48);
    fold_into(&mut key, repository.unwrap_or(""));
    fold_into(&mut key, location.unwrap_or(""));
    key.truncate(48);
    if key.is_empty() {
        key.extend_from_slice(b"item");
    }
    into_key(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_in_four_languages() {
        assert_eq!(
            item_key(Some("Барсегов"), Some(2008), Some("Нагорный Карабах")),
            "barsegov2008nagornyi"
        );
        assert_eq!(
            item_key(Some("Mazower"), Some(1998), Some("Dark Continent")),
            "mazower1998dark"
        );
        assert_eq!(
            item_key(
                Some("Müller-Tamm"),
                Some(1921),
                Some("Die Akten der Reichskanzlei")
            ),
            "mullertamm1921akten"
        );
        assert_eq!(
            item_key(Some("Ducœur"), None, Some("L’Arménie et la France")),
            "ducoeurarmenie"
        );
        assert_eq!(
            item_key(Some("World Health Organization"), Some(2020), None),
            "world2020"
        );
        assert_eq!(item_key(None, None, None), "item");
        assert_eq!(item_key(Some("X"), Some(-44), None), "x-44");
        assert_eq!(item_key(Some("X"), Some(0), None), "x0");
        assert_eq!(
            archive_key(Some("RGASPI"), Some("f. 2, op. 1, d. 17663, l. 1")),
            "rgaspif2op1d17663l1"
        );
        assert_eq!(
            archive_key(Some("BArch"), Some("R 901/71200, Bl. 45–47")),
            "barchr90171200bl4547"
        );
        assert_eq!(fold_ascii("Çetinkaya Straße Łódź"), "cetinkayastrasselodz");
    }
}
