//! The tokens a date is read from: runs of digits, runs of letters, single punctuation marks.
//! Each token keeps its span and whether white space came before it, so adjacency can be tested.

use crate::text::is_space;
use crate::Span;
use nom::branch::alt;
use nom::bytes::complete::take_while1;
use nom::combinator::map;
use nom::{IResult, Parser};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tok {
    /// ASCII digits.
    Num,
    /// Letters (any script), with combining marks.
    Word,
    /// Any other single character.
    Punct(char),
}

/// One token of a date.
#[derive(Debug, Clone, Copy)]
pub(super) struct Token<'a> {
    /// What it is.
    pub kind: Tok,
    /// Its text.
    pub text: &'a str,
    /// Where it is in the input.
    pub span: Span,
    /// Whether white space separates it from the token before.
    pub spaced: bool,
}

impl Token<'_> {
    /// The value of a `Num` token, if it has at most nine digits.
    pub fn number(&self) -> Option<u32> {
        if self.kind == Tok::Num && self.text.len() <= 9 {
            self.text.parse().ok()
        } else {
            None
        }
    }

    /// How many digits a `Num` token has (0 for other tokens).
    pub fn digits(&self) -> usize {
        if self.kind == Tok::Num {
            self.text.len()
        } else {
            0
        }
    }

    /// Whether this is the punctuation mark `c`.
    pub fn is(&self, c: char) -> bool {
        self.kind == Tok::Punct(c)
    }
}

fn is_word_char(c: char) -> bool {
    crate::text::is_letter(c) || ('\u{300}'..='\u{36F}').contains(&c)
}

fn run(i: &str) -> IResult<&str, (Tok, &str)> {
    alt((
        map(take_while1(|c: char| c.is_ascii_digit()), |s| (Tok::Num, s)),
        map(take_while1(is_word_char), |s| (Tok::Word, s)),
    ))
    .parse(i)
}

/// Split `input` into tokens, skipping white space.
pub(super) fn tokenize(input: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity((input.len() / 2 + 2).min(64));
    let mut rest = input;
    let mut spaced = false;
    while let Some(c) = rest.chars().next() {
        let start = input.len() - rest.len();
        if is_space(c) {
            spaced = true;
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let (kind, text, next) = match run(rest) {
            Ok((next, (kind, text))) => (kind, text, next),
            Err(_) => {
                let len = c.len_utf8();
                (Tok::Punct(c), &rest[..len], &rest[len..])
            }
        };
        tokens.push(Token {
            kind,
            text,
            span: Span::new(start, start + text.len()),
            spaced,
        });
        spaced = false;
        rest = next;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_digits_letters_and_marks() {
        let toks = tokenize("16. Februar 1921");
        let kinds: Vec<_> = toks.iter().map(|t| (t.kind, t.text, t.spaced)).collect();
        assert_eq!(
            kinds,
            [
                (Tok::Num, "16", false),
                (Tok::Punct('.'), ".", false),
                (Tok::Word, "Februar", true),
                (Tok::Num, "1921", true),
            ]
        );
    }

    #[test]
    fn keeps_cyrillic_and_modifier_letters_in_words() {
        let toks = tokenize("1ᵉʳ февраля");
        assert_eq!(toks[1].text, "ᵉʳ");
        assert!(!toks[1].spaced);
        assert_eq!(toks[2].text, "февраля");
        assert_eq!(toks[2].span, Span::new(7, 21));
    }
}
