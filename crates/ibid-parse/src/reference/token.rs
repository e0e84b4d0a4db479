//! Tokens of a free-text reference: words, numbers, punctuation, URLs and DOIs, with byte
//! spans and word shapes. The reference and name grammars walk these once.

use super::lexicon::{classify_lower, phrases, Lex, Phrase, MAX_WORD};
use crate::text::is_space;
use crate::Span;
use nom::bytes::complete::{tag_no_case, take_while1};
use nom::Parser;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// A run of letters, with inner hyphens and apostrophes (`Martin-Facklam`, `d'Alembert`).
    Word,
    /// A run of ASCII digits.
    Num,
    /// Any other single character.
    Punct(char),
    /// A URL (`https://…`, `www.…`), up to the next space.
    Url,
    /// A DOI without its prefix (`10.1000/xyz` of `doi:10.1000/xyz` or `https://doi.org/…`).
    Doi,
}

/// One token with its span and, for words, its shape and lexical classes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the token.
    pub end: usize,
    /// What the token is.
    pub kind: TokenKind,
    /// Whether white space comes before the token.
    pub space_before: bool,
    /// Number of chars, capped at 255.
    pub chars: u8,
    /// Whether the first char is an upper-case letter.
    pub upper_first: bool,
    /// Whether the word has a lower-case letter.
    pub has_lower: bool,
    /// The word's lexical classes.
    pub lex: Lex,
    /// The first char in lower case (for words; the char itself for punctuation), so that
    /// comparing a word with another rules most pairs out without reading the text.
    pub first_lower: char,
}

impl Tok {
    /// The token's span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    /// The token's text in `input`.
    pub fn text<'a>(&self, input: &'a str) -> &'a str {
        input.get(self.start..self.end).unwrap_or("")
    }

    /// Whether the token is the punctuation `c`.
    pub fn is(&self, c: char) -> bool {
        matches!(self.kind, TokenKind::Punct(p) if p == c)
    }

    /// Whether the token is a word. (These tests match the kind rather than compare it with
    /// the derived `==`, which reads the payload of `Punct` too.)
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word)
    }

    /// Whether the token is a run of digits.
    pub fn is_num(&self) -> bool {
        matches!(self.kind, TokenKind::Num)
    }

    /// Whether the token is a word in any of the lexical classes `mask`.
    pub fn has(&self, mask: u64) -> bool {
        self.is_word() && self.lex.has(mask)
    }

    /// Whether the word is written all in capitals (`RGASPI`, `ЦК`, `J`).
    pub fn all_upper(&self) -> bool {
        self.is_word() && self.upper_first && !self.has_lower
    }
}

/// The tokens of one text and the text they point into: what the reference and name grammars
/// ask of a token by its index (an index past the end is no token, and answers no).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tokens<'a> {
    /// The text.
    pub input: &'a str,
    /// Its tokens, in order.
    pub toks: &'a [Tok],
}

impl<'a> Tokens<'a> {
    /// The token at `i`.
    pub fn tok(&self, i: usize) -> Option<&'a Tok> {
        self.toks.get(i)
    }

    /// Whether the token at `i` is the punctuation `c`.
    pub fn is_p(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.is(c))
    }

    /// Whether the token at `i` is a word in any of the lexical classes `mask`.
    pub fn has(&self, i: usize, mask: u64) -> bool {
        self.tok(i).is_some_and(|t| t.has(mask))
    }

    /// The text of the token at `i` (empty past the end).
    pub fn text(&self, i: usize) -> &'a str {
        self.tok(i).map_or("", |t| t.text(self.input))
    }

    /// Whether the word at `i` is `word` (lower case), ignoring case.
    pub fn word_is(&self, i: usize, word: &str) -> bool {
        self.tok(i).is_some_and(|t| {
            // The first letter, lowered by the tokenizer, rules most words out unread.
            t.is_word() && word.starts_with(t.first_lower) && {
                let text = t.text(self.input);
                text.len() <= word.len() * 2 && crate::text::eq_lower(text, word)
            }
        })
    }

    /// The longest phrase of class `phrase` (`data/lexicon.tsv`) starting at token `i`, its
    /// words compared without regard to case, each but the last perhaps followed by a full
    /// stop (`op. cit`, `a.a.O`, `Там же`): the index after its last word.
    pub fn phrase_end(&self, i: usize, phrase: Phrase) -> Option<usize> {
        if !self.has(i, phrase.first_words()) {
            return None;
        }
        phrases(phrase)
            .iter()
            .filter_map(|words| self.words_end(i, words))
            .max()
    }

    /// The index after `words` read from token `i`, each but the first perhaps after a
    /// full stop, if they are there.
    fn words_end(&self, i: usize, words: &[&str]) -> Option<usize> {
        let mut j = i;
        for (n, word) in words.iter().enumerate() {
            if n > 0 && self.is_p(j, '.') {
                j += 1;
            }
            if !self.word_is(j, word) {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// The span from token `from` up to (not including) token `to`.
    pub fn span(&self, from: usize, to: usize) -> Span {
        match (self.tok(from), to.checked_sub(1).and_then(|l| self.tok(l))) {
            (Some(a), Some(b)) if to > from => Span::new(a.start, b.end),
            _ => Span::empty(self.tok(from).map_or(self.input.len(), |t| t.start)),
        }
    }

    /// The index of the first token starting at or after byte `at`.
    pub fn tok_after(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.start < at)
    }

    /// Whether only punctuation is left from token `i`.
    pub fn only_punct_from(&self, i: usize) -> bool {
        self.toks.get(i..).map_or(true, |rest| {
            rest.iter().all(|t| matches!(t.kind, TokenKind::Punct(_)))
        })
    }
}

fn is_word_char(c: char) -> bool {
    crate::text::is_letter(c) || ('\u{0300}'..='\u{036F}').contains(&c)
}

fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\'' | '\u{2019}' | '\u{02BC}'
    )
}

/// What one pass over a word finds: where it ends and what it looks like.
struct WordScan {
    /// Byte offset just past the word.
    end: usize,
    /// Number of chars, capped at 255.
    chars: u8,
    /// Whether the word has a lower-case letter.
    has_lower: bool,
    /// The word's lexical classes.
    lex: Lex,
}

/// The word starting at `at` (a letter), taking inner joiners followed by letters: its end,
/// shape and classes, read in one pass that also lowers it for the lexicon. ASCII letters,
/// most of what is read, take a path without char decoding.
fn scan_word(input: &str, at: usize) -> WordScan {
    let bytes = input.as_bytes();
    let mut lower = LowerBuf::default();
    let mut chars = 0usize;
    let mut has_lower = false;
    let mut end = at;
    let mut i = at;
    while i < bytes.len() {
        // A run of ASCII letters is taken whole.
        let run = bytes[i..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        if run > 0 {
            let letters = &bytes[i..i + run];
            has_lower |= letters.iter().any(u8::is_ascii_lowercase);
            lower.push_ascii_lowered(letters);
            i += run;
            end = i;
            chars += run;
            continue;
        }
        let Some(c) = char_at(input, i) else {
            break;
        };
        let next = i + c.len_utf8();
        let letter = is_word_char(c);
        let continues = letter || (is_joiner(c) && char_at(input, next).is_some_and(is_word_char));
        if !continues {
            break;
        }
        has_lower |= letter && is_lower(c);
        let mut utf8 = [0u8; 4];
        lower.push(crate::text::lower_char(c).encode_utf8(&mut utf8).as_bytes());
        i = next;
        chars += 1;
        if letter {
            end = i;
        }
    }
    WordScan {
        end,
        chars: chars.min(255) as u8,
        has_lower,
        lex: lower.word().map_or(Lex::default(), classify_lower),
    }
}

/// The length of an HTML or XML tag of letters at the start of `bytes` (`<i>`, `<italic>`,
/// `</em>`, `<sup>`), if one starts there.
fn markup_tag_len(bytes: &[u8]) -> Option<usize> {
    let start = 1 + usize::from(bytes.get(1) == Some(&b'/'));
    let letters = bytes
        .get(start..)?
        .iter()
        .take(MAX_TAG_LETTERS + 1)
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let close = start + letters;
    (1..=MAX_TAG_LETTERS).contains(&letters).then_some(())?;
    (bytes.get(close) == Some(&b'>')).then_some(close + 1)
}

/// The longest tag name read as markup (`italic`, `strong`).
const MAX_TAG_LETTERS: usize = 10;

/// The char starting at byte `i` of `text`, if one does.
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// A word in lower case, built byte by byte; a word too long for the lexicon is dropped.
struct LowerBuf {
    bytes: [u8; MAX_WORD],
    len: usize,
    too_long: bool,
}

impl Default for LowerBuf {
    fn default() -> Self {
        LowerBuf {
            bytes: [0; MAX_WORD],
            len: 0,
            too_long: false,
        }
    }
}

impl LowerBuf {
    /// Append the bytes of one char.
    fn push(&mut self, char_bytes: &[u8]) {
        match self.bytes.get_mut(self.len..self.len + char_bytes.len()) {
            Some(slot) if !self.too_long => {
                slot.copy_from_slice(char_bytes);
                self.len += char_bytes.len();
            }
            _ => self.too_long = true,
        }
    }

    /// Append ASCII letters, lowered.
    fn push_ascii_lowered(&mut self, letters: &[u8]) {
        match self.bytes.get_mut(self.len..self.len + letters.len()) {
            Some(slot) if !self.too_long => {
                // A loop rather than a copy call: runs are a few bytes long.
                for (to, from) in slot.iter_mut().zip(letters) {
                    *to = from.to_ascii_lowercase();
                }
                self.len += letters.len();
            }
            _ => self.too_long = true,
        }
    }

    /// The word's UTF-8 bytes, unless it was too long.
    fn word(&self) -> Option<&[u8]> {
        (!self.too_long).then_some(&self.bytes[..self.len])
    }
}

/// Whether `c` is an upper-case letter, with fast paths for ASCII and basic Cyrillic.
fn is_upper(c: char) -> bool {
    match c {
        'A'..='Z' | '\u{0410}'..='\u{042F}' | '\u{0401}' => true,
        _ if c.is_ascii() => false,
        '\u{0430}'..='\u{044F}' | '\u{0451}' => false,
        _ => c.is_uppercase(),
    }
}

/// Whether `c` is a lower-case letter, with fast paths for ASCII and basic Cyrillic.
fn is_lower(c: char) -> bool {
    match c {
        'a'..='z' | '\u{0430}'..='\u{044F}' | '\u{0451}' => true,
        _ if c.is_ascii() => false,
        _ => c.is_lowercase(),
    }
}

/// The end of a URL starting at `at`: the next space, without trailing punctuation or an
/// unbalanced closing bracket.
fn url_end(input: &str, at: usize) -> usize {
    let rest = &input[at..];
    let mut end = at + rest.find(is_space).unwrap_or(rest.len());
    let text = &input[at..end];
    let opened = text.matches('(').count();
    let mut closed = text.matches(')').count();
    let square = text.contains('[');
    while let Some(last) = input[at..end].chars().next_back() {
        let unbalanced = (last == ')' && opened < closed) || (last == ']' && !square);
        if matches!(last, '.' | ',' | ';' | ':' | '"' | '»' | '”' | '>') || unbalanced {
            closed -= usize::from(last == ')');
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// A URL or DOI starting at `at`, as (kind, span start, end).
fn link_at(input: &str, at: usize) -> Option<(TokenKind, usize, usize)> {
    let rest = &input[at..];
    let scheme = (
        take_while1::<_, _, nom::error::Error<&str>>(|c: char| c.is_ascii_alphabetic()),
        tag_no_case("://"),
    )
        .parse(rest)
        .ok()
        .filter(|(_, (s, _))| s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https"));
    if scheme.is_some() || starts_with_ignore_case(rest, "www.") {
        let end = url_end(input, at);
        let url = &input[at..end];
        for resolver in ["doi.org/", "dx.doi.org/"] {
            if let Some(pos) = find_ignore_case(url, resolver) {
                let doi_start = at + pos + resolver.len();
                if input[doi_start..end].starts_with("10.") {
                    return Some((TokenKind::Doi, doi_start, end));
                }
            }
        }
        return Some((TokenKind::Url, at, end));
    }
    if starts_with_ignore_case(rest, "doi") {
        let mut i = at + 3;
        let bytes = input.as_bytes();
        if bytes.get(i) == Some(&b':') {
            i += 1;
        }
        while bytes.get(i) == Some(&b' ') {
            i += 1;
        }
        if input[i..].starts_with("10.") {
            return Some((TokenKind::Doi, i, url_end(input, i)));
        }
    }
    None
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

fn find_ignore_case(text: &str, needle: &str) -> Option<usize> {
    let n = needle.len();
    (0..text.len().saturating_sub(n - 1))
        .find(|&i| text.as_bytes()[i..i + n].eq_ignore_ascii_case(needle.as_bytes()))
}

/// Split `input` into tokens, in one pass.
pub(crate) fn tokenize(input: &str) -> Vec<Tok> {
    let bytes = input.as_bytes();
    // A reference has about one token per four bytes. (Not rounded to a power of two: glibc
    // maps blocks over 32 MiB afresh on every allocation, so a megabyte of `.`, a million
    // tokens, would then pay a page fault per 4 KiB on every parse.)
    let mut toks = Vec::with_capacity(input.len() / 4 + 8);
    let mut at = 0;
    let mut space_before = true;
    while let Some(&byte) = bytes.get(at) {
        // ASCII, nearly every char of a reference, is read without decoding.
        let c = if byte.is_ascii() {
            char::from(byte)
        } else {
            match char_at(input, at) {
                Some(c) => c,
                None => break,
            }
        };
        let is_blank = if byte.is_ascii() {
            matches!(byte, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
        } else {
            is_space(c)
        };
        if is_blank {
            space_before = true;
            at += c.len_utf8();
            continue;
        }
        // Noise of lists pasted from the web and from PDFs: markup tags (`<italic>`,
        // `</em>`) are read as nothing, and a doubled comma, semicolon or full stop
        // (`Review,, 9`, `Sage..`) as one.
        if byte == b'<' {
            if let Some(len) = markup_tag_len(&bytes[at..]) {
                at += len;
                continue;
            }
        }
        if matches!(byte, b',' | b';' | b'.') && !space_before {
            let doubled = toks.last().is_some_and(|p: &Tok| p.is(c) && p.end == at);
            let ellipsis = byte == b'.'
                && (bytes.get(at + 1) == Some(&b'.')
                    || toks.len() >= 2 && toks[toks.len() - 2].is('.'));
            if doubled && !ellipsis {
                at += 1;
                continue;
            }
        }
        let mut tok = Tok {
            start: at,
            end: at + c.len_utf8(),
            kind: TokenKind::Punct(c),
            space_before,
            chars: 1,
            upper_first: false,
            has_lower: false,
            lex: Lex::default(),
            first_lower: c,
        };
        if matches!(byte, b'h' | b'H' | b'w' | b'W' | b'd' | b'D') {
            if let Some((kind, start, end)) = link_at(input, at) {
                tok.kind = kind;
                tok.start = start;
                tok.end = end;
                toks.push(tok);
                at = end.max(at + 1);
                space_before = false;
                continue;
            }
        }
        if byte.is_ascii_alphabetic() || (!byte.is_ascii() && is_word_char(c)) {
            let word = scan_word(input, at);
            tok.kind = TokenKind::Word;
            tok.end = word.end;
            tok.chars = word.chars;
            tok.upper_first = is_upper(c);
            tok.first_lower = crate::text::lower_char(c);
            tok.has_lower = word.has_lower;
            tok.lex = word.lex;
        } else if byte.is_ascii_digit() {
            let len = bytes[at..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            tok.kind = TokenKind::Num;
            tok.end = at + len;
            tok.chars = len.min(255) as u8;
        }
        at = tok.end;
        toks.push(tok);
        space_before = false;
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(input: &str) -> Vec<(TokenKind, &str)> {
        tokenize(input)
            .iter()
            .map(|t| (t.kind, t.text(input)))
            .collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(
            kinds("Барсегов Ю.Г. Martin-Facklam, 327–335"),
            [
                (TokenKind::Word, "Барсегов"),
                (TokenKind::Word, "Ю"),
                (TokenKind::Punct('.'), "."),
                (TokenKind::Word, "Г"),
                (TokenKind::Punct('.'), "."),
                (TokenKind::Word, "Martin-Facklam"),
                (TokenKind::Punct(','), ","),
                (TokenKind::Num, "327"),
                (TokenKind::Punct('–'), "–"),
                (TokenKind::Num, "335"),
            ]
        );
    }

    #[test]
    fn markup_tags_and_doubled_punctuation_are_noise() {
        let texts = |input: &str| -> Vec<String> {
            tokenize(input)
                .iter()
                .map(|t| t.text(input).to_owned())
                .collect()
        };
        assert_eq!(
            texts("<italic>Econ J</italic>, <em>87</em>(3)"),
            ["Econ", "J", ",", "87", "(", "3", ")"]
        );
        assert_eq!(
            texts("Review,, 9 ;; Sage.."),
            ["Review", ",", "9", ";", "Sage", "."]
        );
        // An ellipsis and a lone `<` stay.
        assert_eq!(texts("a... 1 < 2"), ["a", ".", ".", ".", "1", "<", "2"]);
        let input = "<em>87</em>(3)";
        let toks = tokenize(input);
        assert!(!toks[1].space_before, "a tag is no space");
    }

    #[test]
    fn joiners_only_between_letters() {
        assert_eq!(
            kinds("d'Alembert Изд-во 2-е -x"),
            [
                (TokenKind::Word, "d'Alembert"),
                (TokenKind::Word, "Изд-во"),
                (TokenKind::Num, "2"),
                (TokenKind::Punct('-'), "-"),
                (TokenKind::Word, "е"),
                (TokenKind::Punct('-'), "-"),
                (TokenKind::Word, "x"),
            ]
        );
    }

    #[test]
    fn links() {
        assert_eq!(
            kinds("https://doi.org/10.1000/xyz."),
            [
                (TokenKind::Doi, "10.1000/xyz"),
                (TokenKind::Punct('.'), ".")
            ]
        );
        assert_eq!(kinds("doi: 10.1/a"), [(TokenKind::Doi, "10.1/a")]);
        assert_eq!(
            kinds("(www.example.com/a)"),
            [
                (TokenKind::Punct('('), "("),
                (TokenKind::Url, "www.example.com/a"),
                (TokenKind::Punct(')'), ")"),
            ]
        );
        assert_eq!(kinds("Doing"), [(TokenKind::Word, "Doing")]);
        assert_eq!(kinds("http"), [(TokenKind::Word, "http")]);
    }

    #[test]
    fn shapes() {
        let toks = tokenize("RGASPI Wartime ab");
        assert!(toks[0].all_upper());
        assert!(!toks[1].all_upper() && toks[1].upper_first);
        assert!(!toks[2].upper_first);
    }
}
