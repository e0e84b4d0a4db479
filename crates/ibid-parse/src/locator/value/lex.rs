//! Byte-offset helpers shared by the locator scanners: characters, spaces and word edges.
//! Every helper takes an absolute offset and never slices off a `char` boundary.

use crate::text::is_space;

/// The character starting at byte `i` of `text`, if `i` is a boundary inside it.
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The offset of the first non-space character at or after `i`.
pub(crate) fn skip_spaces(text: &str, i: usize) -> usize {
    let Some(rest) = text.get(i..) else {
        return i;
    };
    i + (rest.len() - rest.trim_start_matches(is_space).len())
}

/// Whether no letter or digit starts at `i` (the end of the text counts as a boundary).
pub(crate) fn at_boundary(text: &str, i: usize) -> bool {
    !matches!(char_at(text, i), Some(c) if crate::text::is_alphanumeric(c))
}

/// The end of the run of letters and digits starting at `i`.
pub(crate) fn alnum_end(text: &str, i: usize) -> usize {
    let Some(rest) = text.get(i..) else {
        return i;
    };
    i + (rest.len() - rest.trim_start_matches(crate::text::is_alphanumeric).len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers_respect_char_boundaries() {
        let text = "Л. 5 об.";
        assert_eq!(char_at(text, 0), Some('Л'));
        assert_eq!(char_at(text, 1), None);
        assert_eq!(skip_spaces(text, 3), 4);
        assert_eq!(skip_spaces(text, 1), 1);
        assert!(at_boundary(text, 2));
        assert!(!at_boundary(text, 0));
        assert_eq!(alnum_end(text, 6), 10);
        assert_eq!(skip_spaces(text, 99), 99);
    }
}
