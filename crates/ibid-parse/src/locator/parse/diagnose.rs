//! Explaining why locator text could not be read, with the precise bytes at fault.
//! Called once, at the point where the grammar stopped; it looks at one or two tokens only.

use super::SEPARATOR_WORDS;
use crate::locator::labels::scan_label;
use crate::locator::value::lex::{alnum_end, char_at, skip_spaces};
use crate::locator::value::roman_value;
use crate::text::is_dash;
use crate::{ParseError, ParseErrorKind, Span};

/// The longest token quoted in a message, in bytes.
const MAX_TOKEN: usize = 40;

/// The span of the token at `pos`: a word with its full stop, or a run of other characters up
/// to a space (`*passim*`), at most [`MAX_TOKEN`] bytes.
fn token(text: &str, pos: usize) -> Span {
    let end = alnum_end(text, pos);
    if end > pos {
        let end = if char_at(text, end) == Some('.') {
            end + 1
        } else {
            end
        };
        return Span::new(pos, end);
    }
    let rest = text.get(pos..).unwrap_or("");
    let mut end = pos;
    for c in rest.chars() {
        if crate::text::is_space(c) || end - pos + c.len_utf8() > MAX_TOKEN {
            break;
        }
        end += c.len_utf8();
    }
    Span::new(pos, end)
}

/// Skip list separators (`,` `;` `.` and joining words) from `pos`.
fn skip_separators(text: &str, mut pos: usize) -> usize {
    loop {
        pos = skip_spaces(text, pos);
        match char_at(text, pos) {
            Some(',' | ';' | '.') => pos += 1,
            Some(_) => {
                let word = token(text, pos).slice(text);
                let joins = SEPARATOR_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w));
                if !joins || skip_spaces(text, pos + word.len()) == pos + word.len() {
                    return pos;
                }
                pos += word.len();
            }
            None => return pos,
        }
    }
}

/// Why the text at `pos` could not be read; `after_locator` when a locator precedes it.
pub(super) fn diagnose(text: &str, pos: usize, after_locator: bool) -> ParseError {
    let start = skip_spaces(text, pos);
    if let Some(c) = char_at(text, start).filter(|&c| is_dash(c)) {
        if after_locator {
            let span = Span::new(start, start + c.len_utf8());
            return ParseError::new(
                ParseErrorKind::MissingValue,
                format!("a range needs a value after `{c}`"),
                span,
            );
        }
    }
    let at = skip_separators(text, start);
    let Some(c) = char_at(text, at) else {
        let span = Span::new(start, text.len());
        return ParseError::new(
            ParseErrorKind::MissingValue,
            format!("`{}` must be followed by a locator", span.slice(text)),
            span,
        );
    };
    let tok = token(text, at);
    let written = tok.slice(text);
    if let Some(label) = scan_label(text, at) {
        let label_text = label.span.slice(text);
        return ParseError::new(
            ParseErrorKind::MissingValue,
            format!("locator label `{label_text}` needs a value, such as `{label_text} 12`"),
            label.span,
        );
    }
    let next = skip_spaces(text, tok.end);
    let number_next = char_at(text, next).is_some_and(|c| c.is_ascii_digit());
    if c.is_alphabetic() && number_next {
        return ParseError::new(
            ParseErrorKind::UnknownLabel,
            format!("unknown locator label `{written}`"),
            tok,
        );
    }
    let word = text.get(at..alnum_end(text, at)).unwrap_or("");
    if roman_value(word).is_some() {
        let span = Span::new(at, at + word.len());
        return ParseError::new(
            ParseErrorKind::MissingLabel,
            format!("a bare roman numeral is not read as a page: add a label, as in `p. {word}`"),
            span,
        );
    }
    if c.is_ascii_digit() {
        let span = Span::new(at, alnum_end(text, at));
        return ParseError::new(
            ParseErrorKind::MissingLabel,
            format!(
                "`{}` has no label: write one, as in `p. {}`",
                span.slice(text),
                span.slice(text)
            ),
            span,
        );
    }
    if after_locator {
        ParseError::new(
            ParseErrorKind::NotRecognized,
            format!("cannot read `{written}` as part of a locator"),
            tok,
        )
    } else {
        ParseError::new(
            ParseErrorKind::NotRecognized,
            format!("expected a locator, such as `p. 12`, not `{written}`"),
            tok,
        )
    }
}
