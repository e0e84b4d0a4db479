//! Small text helpers shared by the parsers: dashes, spaces, trimming with spans.
//! Kept here so every grammar agrees on what a dash or a space is.

use crate::Span;

/// Whether `c` is a dash that may join the ends of a range (`-` `‐` `‑` `‒` `–` `—` `−`).
pub(crate) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
    )
}

/// A table of the bytes in `set`, for scans that pass over every other byte at one lookup
/// each.
pub(crate) const fn byte_set(set: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut k = 0;
    while k < set.len() {
        table[set[k] as usize] = true;
        k += 1;
    }
    table
}

/// Whether `c` is white space, including no-break and thin spaces.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// `span` shrunk to exclude leading and trailing white space of `input`.
pub(crate) fn trim_span(input: &str, span: Span) -> Span {
    let text = span.slice(input);
    let start = span.start + (text.len() - text.trim_start_matches(is_space).len());
    let end = span.start + text.trim_end_matches(is_space).len();
    if start >= end {
        Span::empty(start.min(span.end))
    } else {
        Span::new(start, end)
    }
}

/// Whether `c` is a letter: `char::is_alphabetic` with fast paths for ASCII, Latin-1 and
/// Latin Extended-A and B, the basic Cyrillic block and general punctuation (dashes, quotes),
/// which make up nearly all of the text ibid reads.
pub(crate) fn is_letter(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphabetic(),
        '\u{0410}'..='\u{044F}' | '\u{0401}' | '\u{0451}' => true,
        '\u{00C0}'..='\u{024F}' => !matches!(c, '\u{00D7}' | '\u{00F7}'),
        '\u{0080}'..='\u{00BF}' => matches!(c, '\u{00AA}' | '\u{00B5}' | '\u{00BA}'),
        '\u{2000}'..='\u{206F}' => false,
        _ => c.is_alphabetic(),
    }
}

/// Whether `c` is a letter or a digit: `char::is_alphanumeric` with [`is_letter`]'s fast paths.
pub(crate) fn is_alphanumeric(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{0080}'..='\u{00BF}' => matches!(
            c,
            '\u{00AA}' | '\u{00B2}' | '\u{00B3}' | '\u{00B5}' | '\u{00B9}' | '\u{00BA}' | '\u{00BC}'
                ..='\u{00BE}'
        ),
        '\u{2000}'..='\u{206F}' => false,
        _ => is_letter(c) || c.is_numeric(),
    }
}

/// `c` in lower case, with fast paths for ASCII and basic Cyrillic; other characters use
/// the first character of `char::to_lowercase` (only `İ` lowers to more than one).
pub(crate) fn lower_char(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        _ if c.is_ascii() => c,
        '\u{0410}'..='\u{042F}' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        '\u{0430}'..='\u{044F}' | '\u{0451}' => c,
        '\u{0401}' => '\u{0451}',
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// `word` in lower case, written into `buf` without allocating; `None` if it does not fit
/// (callers compare with tables of short words, so a longer word matches nothing anyway).
pub(crate) fn lower_into<'b, const N: usize>(word: &str, buf: &'b mut [u8; N]) -> Option<&'b str> {
    // ASCII, most words: one copy and one pass, and still valid UTF-8.
    if word.is_ascii() {
        let slot = buf.get_mut(..word.len())?;
        slot.copy_from_slice(word.as_bytes());
        slot.make_ascii_lowercase();
        return std::str::from_utf8(slot).ok();
    }
    let mut len = 0;
    for c in word.chars().map(lower_char) {
        let n = c.len_utf8();
        let slot = buf.get_mut(len..len + n)?;
        c.encode_utf8(slot);
        len += n;
    }
    std::str::from_utf8(buf.get(..len)?).ok()
}

/// Whether `word` in lower case is `lower` (which is already lower case), without allocating.
pub(crate) fn eq_lower(word: &str, lower: &str) -> bool {
    // Equal bytes but for ASCII case settle it at once, and so do different ASCII first
    // letters; only the rest needs the text lowered char by char.
    if word.len() == lower.len() && word.as_bytes().eq_ignore_ascii_case(lower.as_bytes()) {
        return true;
    }
    match (word.as_bytes().first(), lower.as_bytes().first()) {
        (Some(w), Some(l)) if w.is_ascii() && l.is_ascii() && w.to_ascii_lowercase() != *l => {
            return false
        }
        _ => {}
    }
    !word.is_ascii() && word.chars().map(lower_char).eq(lower.chars())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_fast_paths_agree_with_the_standard_library_on_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn lower_case_matches_the_standard_library_on_common_scripts() {
        for word in [
            "Барсегов",
            "ЁЛКА",
            "Février",
            "MÜLLER",
            "Straße",
            "ΑΘΗΝΑ",
            "ёж",
        ] {
            let mut buf = [0u8; 64];
            assert_eq!(
                lower_into(word, &mut buf),
                Some(word.to_lowercase().as_str())
            );
            assert!(eq_lower(word, &word.to_lowercase()));
        }
        let mut small = [0u8; 4];
        assert_eq!(lower_into("Барсегов", &mut small), None);
    }

    #[test]
    fn eq_lower_agrees_with_lowering_char_by_char() {
        let words = [
            "", "a", "A", "ed", "Ed", "ED", "eds", "éd", "Éd", "под", "Под", "ПОД", "по", "Straße",
            "strasse", "K", "\u{212A}", "k", "İ", "i", "ёж", "Ёж", "op", "Op.", "dé",
        ];
        for word in words {
            for other in words {
                let lower: String = other.chars().map(lower_char).collect();
                let expected = word.chars().map(lower_char).eq(lower.chars());
                assert_eq!(eq_lower(word, &lower), expected, "{word:?} vs {lower:?}");
            }
        }
    }
}

/// A small, fast hasher for the crate's word tables (short keys, built once, never exposed
/// to untrusted keys that could be chosen to collide: the tables are static).
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes at a time, the last few packed into one word: a short word costs one
        // or two multiplications.
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        let tail = chunks.remainder();
        if !tail.is_empty() {
            let mut word = [0u8; 8];
            word[..tail.len()].copy_from_slice(tail);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map keyed by the UTF-8 bytes of static words, hashed with [`WordHasher`]. Keyed
/// by bytes so that a word lowered into a byte buffer is looked up without validating it again.
pub(crate) type WordMap<V> =
    std::collections::HashMap<&'static [u8], V, std::hash::BuildHasherDefault<WordHasher>>;
