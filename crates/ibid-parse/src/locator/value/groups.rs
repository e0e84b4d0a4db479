//! Bracket groups inside a locator value, as pandoc's locator grammar reads them: `12(3)[4]5`,
//! `2C.1b.ii(4.1)`, `[14]`, `[20]-[31]`, `(ii)-(v)`, and a pinpoint group after a page (`591 [84]`).
//!
//! A group is a balanced `()`, `[]` or `{}` holding letters, digits, `.`, dashes, `/`, `:` and
//! further groups, with no space. Each group is read within [`MAX_GROUP`] bytes, so a caller
//! that tries every offset of a text stays linear.

use super::lex::{char_at, skip_spaces};
use crate::text::{is_alphanumeric, is_dash};

/// The longest group read, in bytes: a section number with its subdivisions is far shorter.
pub(crate) const MAX_GROUP: usize = 64;

/// The closing bracket of the opening bracket `open`.
fn closer(open: char) -> Option<char> {
    match open {
        '(' => Some(')'),
        '[' => Some(']'),
        '{' => Some('}'),
        _ => None,
    }
}

/// The end (one past the closing bracket) of the balanced group opening at `at`.
///
/// Nested groups must close in order (`([a]12.398{8})`); an empty group, a space, another
/// character or a group longer than [`MAX_GROUP`] bytes is no group.
pub(crate) fn group_end(text: &str, at: usize) -> Option<usize> {
    let open = char_at(text, at)?;
    closer(open)?;
    let mut stack: [char; 8] = ['\0'; 8];
    let mut depth = 0usize;
    let mut i = at;
    let limit = at.saturating_add(MAX_GROUP);
    while i < limit {
        let c = char_at(text, i)?;
        if let Some(close) = closer(c) {
            // An empty group (`()`) is no group.
            if char_at(text, i + c.len_utf8()) == Some(close) {
                return None;
            }
            *stack.get_mut(depth)? = close;
            depth += 1;
        } else if matches!(c, ')' | ']' | '}') {
            if depth == 0 || stack[depth - 1] != c {
                return None;
            }
            depth -= 1;
            if depth == 0 {
                return Some(i + 1);
            }
        } else if !(is_alphanumeric(c) || is_dash(c) || matches!(c, '.' | '/' | ':')) {
            return None;
        }
        i += c.len_utf8();
    }
    None
}

/// Whether the group `text[start..end]` holds a digit.
pub(crate) fn has_digit(text: &str, start: usize, end: usize) -> bool {
    text.get(start..end)
        .is_some_and(|g| g.bytes().any(|b| b.is_ascii_digit()))
}

/// A `[…]` group with a digit written after a page and a space (`591 [84]`, AGLC's page and
/// paragraph): the end of the group, when nothing but a separator or the end follows it.
pub(crate) fn spaced_group_end(text: &str, end: usize) -> Option<usize> {
    let at = skip_spaces(text, end);
    if at == end || char_at(text, at) != Some('[') {
        return None;
    }
    let group = group_end(text, at)?;
    let ends = match char_at(text, group) {
        None => true,
        Some(c) => crate::text::is_space(c) || matches!(c, ',' | ';' | ']' | '}' | ')' | '.'),
    };
    (ends && has_digit(text, at, group)).then_some(group)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balanced_groups() {
        assert_eq!(group_end("(3)[4]5", 0), Some(3));
        assert_eq!(group_end("[4.1]", 0), Some(5));
        assert_eq!(group_end("([a]12.398{8})", 0), Some(14));
        assert_eq!(group_end("[20-31]", 0), Some(7));
        assert_eq!(group_end("(13 entirely", 0), None);
        assert_eq!(group_end("(a]", 0), None);
        assert_eq!(group_end("()", 0), None);
        assert_eq!(group_end("(note 3)", 0), None);
        assert_eq!(group_end("x(1)", 0), None);
        let long = format!("({})", "1".repeat(MAX_GROUP));
        assert_eq!(group_end(&long, 0), None);
        let deep = format!("{}1{}", "(".repeat(20), ")".repeat(20));
        assert_eq!(group_end(&deep, 0), None);
        assert_eq!(group_end("(Л)", 0), Some(4));
    }

    #[test]
    fn a_pinpoint_group_after_a_space() {
        assert_eq!(spaced_group_end("591 [84]", 3), Some(8));
        assert_eq!(spaced_group_end("591 [84], x", 3), Some(8));
        assert_eq!(spaced_group_end("591 [a]", 3), None);
        assert_eq!(spaced_group_end("591[84]", 3), None);
        assert_eq!(spaced_group_end("591 [84]x", 3), None);
    }
}
