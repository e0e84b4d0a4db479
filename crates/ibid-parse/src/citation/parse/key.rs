//! Citation keys: `@doe99`, `-@doe99`, `@Foo_bar.baz` (trailing punctuation left out), and the
//! braced form `@{https://example.com/x}`; and when an `@` may start one at all.

use super::markup::Markup;
use crate::Span;
use nom::branch::alt;
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::{peek, recognize};
use nom::multi::many0_count;
use nom::sequence::{pair, terminated};
use nom::{IResult, Parser};

/// A citation key found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Key {
    /// Where the key starts: the `-` of `-@key`, or the `@`.
    pub marker: usize,
    /// `-@key`.
    pub suppress_author: bool,
    /// The key itself, without `@` or braces.
    pub span: Span,
    /// One past the end of the key as written (after the `}` of a braced key).
    pub end: usize,
}

fn is_regular(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Punctuation allowed inside a key when a letter, digit or `_` follows.
fn is_internal(c: char) -> bool {
    matches!(
        c,
        ':' | '.' | '#' | '$' | '%' | '&' | '-' | '+' | '?' | '<' | '>' | '~' | '/'
    )
}

/// An unbraced key, as pandoc reads it: a letter, digit or `_`, then more of them, with
/// single internal punctuation before another (`Foo_bar.baz`), and `//` inside (URLs).
fn bare_key(input: &str) -> IResult<&str, &str> {
    let regular = || satisfy(is_regular);
    recognize(pair(
        regular(),
        many0_count(alt((
            regular(),
            terminated(satisfy(is_internal), peek(regular())),
            terminated(one_of(":/"), peek(char('/'))),
        ))),
    ))
    .parse(input)
}

/// Whether an `@` (or the `-` of `-@`) at `at` may start a key: it must not follow a letter
/// or digit, as in `user@example.com`.
pub(crate) fn may_start(text: &str, at: usize) -> bool {
    text.get(..at)
        .and_then(|before| before.chars().next_back())
        .map_or(true, |c| !c.is_alphanumeric())
}

/// The key whose `@` or `-@` is at `at`, ending before `limit`.
pub(crate) fn key_at(text: &str, markup: &Markup, at: usize, limit: usize) -> Option<Key> {
    let limit = limit.min(text.len());
    let bytes = text.as_bytes();
    let (suppress_author, at_sign) = match bytes.get(at) {
        Some(b'-') => (true, at + 1),
        Some(b'@') => (false, at),
        _ => return None,
    };
    if bytes.get(at_sign) != Some(&b'@') || !may_start(text, at) {
        return None;
    }
    let start = at_sign + 1;
    if bytes.get(start) == Some(&b'{') {
        let close = markup.close_of(text, start).filter(|&c| c < limit)?;
        let span = Span::new(start + 1, close);
        return (!span.is_empty()).then_some(Key {
            marker: at,
            suppress_author,
            span,
            end: close + 1,
        });
    }
    let rest = text.get(start..limit)?;
    let (_, key) = bare_key(rest).ok()?;
    let end = key.len();
    Some(Key {
        marker: at,
        suppress_author,
        span: Span::new(start, start + end),
        end: start + end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> Option<(&str, bool, usize)> {
        let m = Markup::new(text, 0, text.len());
        key_at(text, &m, 0, text.len()).map(|k| (k.span.slice(text), k.suppress_author, k.end))
    }

    #[test]
    fn simple_keys_leave_trailing_punctuation_out() {
        assert_eq!(key("@doe99"), Some(("doe99", false, 6)));
        assert_eq!(key("@Foo_bar.baz."), Some(("Foo_bar.baz", false, 12)));
        assert_eq!(key("-@smith04,"), Some(("smith04", true, 9)));
        assert_eq!(key("@_key"), Some(("_key", false, 5)));
        assert_eq!(key("@1999doe"), Some(("1999doe", false, 8)));
        assert_eq!(key("@a::b"), Some(("a", false, 2)));
        assert_eq!(key("@http://x.org/y"), Some(("http://x.org/y", false, 15)));
        assert_eq!(key("@барсегов-нк"), Some(("барсегов-нк", false, 22)));
    }

    #[test]
    fn braced_keys_take_anything_up_to_the_matching_brace() {
        assert_eq!(
            key("@{https://example.com/x}"),
            Some(("https://example.com/x", false, 24))
        );
        assert_eq!(key("@{Foo Bar}, p. 3"), Some(("Foo Bar", false, 10)));
        assert_eq!(key("@{}"), None);
        assert_eq!(key("@{open"), None);
    }

    #[test]
    fn not_keys() {
        assert_eq!(key("@"), None);
        assert_eq!(key("@-x"), None);
        assert_eq!(key("@.x"), None);
        let text = "user@example.com";
        let m = Markup::new(text, 0, text.len());
        assert_eq!(key_at(text, &m, 4, text.len()), None);
    }
}
