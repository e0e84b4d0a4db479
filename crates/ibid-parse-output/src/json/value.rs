//! JSON primitives written straight into a byte buffer: escaped strings, integers, objects.
//! The bytes match `serde_json`'s compact output for the same values.

/// Eight copies of the byte `b` in one word, for testing eight bytes at once.
const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// Whether some byte of `word` is less than `n` (exact for `n <= 128`).
const fn has_byte_below(word: u64, n: u8) -> bool {
    word.wrapping_sub(splat(n)) & !word & splat(0x80) != 0
}

/// Whether some byte of `word` equals `b`.
const fn has_byte(word: u64, b: u8) -> bool {
    has_byte_below(word ^ splat(b), 1)
}

/// Whether any of the eight bytes in `word` must be escaped in a JSON string.
const fn word_needs_escape(word: u64) -> bool {
    has_byte_below(word, 0x20) || has_byte(word, b'"') || has_byte(word, b'\\')
}

/// Whether `b` must be escaped in a JSON string: a control character, `"` or `\`.
const fn byte_needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// How many bytes at the start of `bytes` can be copied as they are, tested a word at a time.
fn clean_prefix_len(bytes: &[u8]) -> usize {
    let mut clean = 0;
    for chunk in bytes.chunks_exact(8) {
        let word = chunk.try_into().map_or(0, u64::from_le_bytes);
        if word_needs_escape(word) {
            break;
        }
        clean += 8;
    }
    let rest = bytes.get(clean..).unwrap_or_default();
    clean + rest.iter().take_while(|&&b| !byte_needs_escape(b)).count()
}

/// Write the escape sequence for `b`, a byte [`byte_needs_escape`] accepts.
fn write_escape(out: &mut Vec<u8>, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match b {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x09 => b't',
        0x0a => b'n',
        0x0c => b'f',
        0x0d => b'r',
        _ => {
            let hex = |nibble: u8| HEX.get(usize::from(nibble & 0xf)).copied().unwrap_or(b'0');
            out.extend_from_slice(&[b'\\', b'u', b'0', b'0', hex(b >> 4), hex(b)]);
            return;
        }
    };
    out.extend_from_slice(&[b'\\', short]);
}

/// Write `s` as a quoted JSON string, copying each run that needs no escaping in one go.
pub(crate) fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let mut rest = s.as_bytes();
    loop {
        let (run, tail) = rest.split_at(clean_prefix_len(rest));
        out.extend_from_slice(run);
        let Some((&b, after)) = tail.split_first() else {
            break;
        };
        write_escape(out, b);
        rest = after;
    }
    out.push(b'"');
}

/// Write an unsigned integer in decimal.
pub(crate) fn unsigned(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        if let Some(d) = digits.get_mut(at) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || at == 0 {
            break;
        }
    }
    // Digit by digit: numbers are short, and a copy call would cost more than the pushes.
    for &digit in digits.get(at..).unwrap_or_default() {
        out.push(digit);
    }
}

/// Write a signed integer in decimal.
pub(crate) fn signed(out: &mut Vec<u8>, n: i64) {
    if n < 0 {
        out.push(b'-');
    }
    unsigned(out, n.unsigned_abs());
}

/// Write `true` or `false`.
pub(crate) fn boolean(out: &mut Vec<u8>, b: bool) {
    out.extend_from_slice(if b { b"true" } else { b"false" });
}

/// Write `null`.
pub(crate) fn null(out: &mut Vec<u8>) {
    out.extend_from_slice(b"null");
}

/// Write a JSON array of `items`, each written by `each`.
pub(crate) fn array<T>(
    out: &mut Vec<u8>,
    items: impl IntoIterator<Item = T>,
    mut each: impl FnMut(&mut Vec<u8>, T),
) {
    out.push(b'[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        each(out, item);
    }
    out.push(b']');
}

/// A JSON object being written: keys go in the order they are given, commas in between.
pub(crate) struct Object<'o> {
    out: &'o mut Vec<u8>,
    empty: bool,
}

impl<'o> Object<'o> {
    /// Open an object (`{`) in `out`.
    #[inline]
    pub(crate) fn open(out: &'o mut Vec<u8>) -> Self {
        out.push(b'{');
        Object { out, empty: true }
    }

    /// Write the key `name` (plain ASCII, no escaping needed) and return the buffer for its value.
    #[inline]
    pub(crate) fn key(&mut self, name: &str) -> &mut Vec<u8> {
        // Single pushes rather than a slice of either length: no call to copy one byte.
        if !self.empty {
            self.out.push(b',');
        }
        self.empty = false;
        self.out.push(b'"');
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(b"\":");
        self.out
    }

    /// A string member.
    #[inline]
    pub(crate) fn str(&mut self, name: &str, value: &str) {
        string(self.key(name), value);
    }

    /// A string member whose value never needs escaping (ibid's own names: `page`,
    /// `reference`, `book`; derived ids; language tags): written without looking for
    /// characters to escape.
    #[inline]
    pub(crate) fn name(&mut self, name: &str, value: &str) {
        debug_assert!(
            !value.bytes().any(byte_needs_escape),
            "{value:?} needs escaping"
        );
        let out = self.key(name);
        out.push(b'"');
        out.extend_from_slice(value.as_bytes());
        out.push(b'"');
    }

    /// A string member, left out when `value` is `None`.
    #[inline]
    pub(crate) fn str_if_some(&mut self, name: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.str(name, value);
        }
    }

    /// A string member that is `null` when `value` is `None`.
    #[inline]
    pub(crate) fn str_or_null(&mut self, name: &str, value: Option<&str>) {
        match value {
            Some(value) => self.str(name, value),
            None => null(self.key(name)),
        }
    }

    /// An unsigned integer member.
    #[inline]
    pub(crate) fn unsigned(&mut self, name: &str, value: usize) {
        unsigned(self.key(name), value as u64);
    }

    /// A boolean member.
    #[inline]
    pub(crate) fn boolean(&mut self, name: &str, value: bool) {
        boolean(self.key(name), value);
    }

    /// Close the object (`}`).
    #[inline]
    pub(crate) fn close(self) {
        self.out.push(b'}');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json_string(s: &str) -> String {
        let mut out = Vec::new();
        string(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_escape_like_serde_json() {
        for s in [
            "",
            "plain",
            "a \"quoted\" \\ back",
            "\u{0}\u{1}\u{8}\t\n\u{b}\u{c}\r\u{1f}\u{7f}",
            "Барсегов Ю.Г. / «Нагорный» — 1921",
            "exactly8!exactly8!\"",
            "0123456\n",
        ] {
            assert_eq!(json_string(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn every_byte_position_in_a_word_is_checked() {
        for special in ['"', '\\', '\n', '\u{1f}', '\u{0}'] {
            for at in 0..20 {
                let mut s = "x".repeat(20);
                s.replace_range(at..=at, &special.to_string());
                assert_eq!(json_string(&s), serde_json::to_string(&s).unwrap());
            }
        }
    }

    #[test]
    fn integers_format_like_serde_json() {
        for n in [0u64, 7, 10, 99, 100, 1921, u64::MAX] {
            let mut out = Vec::new();
            unsigned(&mut out, n);
            assert_eq!(out, serde_json::to_vec(&n).unwrap());
        }
        for n in [0i64, -1, -1921, 42, i64::MIN, i64::MAX] {
            let mut out = Vec::new();
            signed(&mut out, n);
            assert_eq!(out, serde_json::to_vec(&n).unwrap());
        }
    }

    #[test]
    fn objects_put_commas_between_members_only() {
        let mut out = Vec::new();
        let mut o = Object::open(&mut out);
        o.str_if_some("skipped", None);
        o.str("a", "x");
        o.str_or_null("b", None);
        o.unsigned("c", 3);
        o.boolean("d", false);
        array(o.key("e"), [1u64, 2], unsigned);
        o.close();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"a":"x","b":null,"c":3,"d":false,"e":[1,2]}"#
        );
    }
}
