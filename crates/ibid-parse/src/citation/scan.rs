//! Finding every pandoc citation in a Markdown body, in one pass and linear time.
//! Code (spans and fenced blocks), escapes, e-mail addresses, URLs, link targets and HTML are skipped.

use super::parse::items::{bracketed, in_text};
use super::parse::markup::{is_escapable, Markup};
use super::Citation;
use crate::text::{byte_set, is_space};
use std::collections::VecDeque;

/// An iterator over the citations of a Markdown body, in order.
///
/// The body is read a paragraph (a run of non-blank lines) at a time; fenced code blocks
/// (```` ``` ```` or `~~~`) are skipped whole.
#[derive(Debug, Clone)]
pub struct CitationScanner<'a> {
    body: &'a str,
    at: usize,
    found: VecDeque<Citation>,
}

/// Find every pandoc citation in `body`; spans are offsets into `body`.
pub fn scan_citations(body: &str) -> CitationScanner<'_> {
    CitationScanner {
        body,
        at: 0,
        found: VecDeque::new(),
    }
}

impl Iterator for CitationScanner<'_> {
    type Item = Citation;
    fn next(&mut self) -> Option<Citation> {
        loop {
            if let Some(c) = self.found.pop_front() {
                return Some(c);
            }
            let (start, end) = self.next_paragraph()?;
            // Every citation has an `@`: a paragraph without one is passed over unread.
            let paragraph = self.body.as_bytes().get(start..end).unwrap_or_default();
            if memchr::memchr(b'@', paragraph).is_some() {
                scan_paragraph(self.body, start, end, &mut self.found);
            }
        }
    }
}

/// A fence that opens a code block: its character and length.
fn fence_open(line: &str) -> Option<(u8, usize)> {
    let trimmed = line.trim_start_matches([' ', '\t']);
    let c = *trimmed.as_bytes().first()?;
    if c != b'`' && c != b'~' {
        return None;
    }
    let len = trimmed.bytes().take_while(|&b| b == c).count();
    let info = &trimmed[len..];
    (len >= 3 && !(c == b'`' && info.contains('`'))).then_some((c, len))
}

fn fence_closes(line: &str, (c, len): (u8, usize)) -> bool {
    let trimmed = line.trim_matches(|ch| ch == ' ' || ch == '\t' || ch == '\r');
    trimmed.len() >= len && trimmed.bytes().all(|b| b == c)
}

impl CitationScanner<'_> {
    /// The line starting at `at`: its end (before `\n`) and the start of the next line.
    fn line(&self, at: usize) -> (usize, usize) {
        let rest = self.body.as_bytes().get(at..).unwrap_or_default();
        match memchr::memchr(b'\n', rest) {
            Some(i) => (at + i, at + i + 1),
            None => (self.body.len(), self.body.len()),
        }
    }

    /// The next run of non-blank lines outside fenced code, as a byte range.
    fn next_paragraph(&mut self) -> Option<(usize, usize)> {
        let mut para: Option<(usize, usize)> = None;
        while self.at < self.body.len() {
            let start = self.at;
            let (end, next) = self.line(start);
            let line = self.body.get(start..end).unwrap_or("");
            if let Some(fence) = fence_open(line) {
                if para.is_some() {
                    return para;
                }
                self.at = next;
                while self.at < self.body.len() {
                    let (end, next) = self.line(self.at);
                    let closes = fence_closes(self.body.get(self.at..end).unwrap_or(""), fence);
                    self.at = next;
                    if closes {
                        break;
                    }
                }
                continue;
            }
            self.at = next;
            if line.chars().all(is_space) {
                if para.is_some() {
                    return para;
                }
                continue;
            }
            para = Some((para.map_or(start, |(s, _)| s), end));
        }
        para
    }
}

/// The end of a URL starting at `at`: up to white space, quotes, angle or square brackets,
/// or a `)` that closes nothing in the URL.
fn url_end(bytes: &[u8], at: usize, end: usize) -> usize {
    let mut depth = 0usize;
    let mut i = at;
    while i < end {
        match bytes[i] {
            b' ' | b'\t' | b'\n' | b'\r' | b'<' | b'>' | b'"' | b'\'' | b'[' | b']' | b'`' => break,
            b'(' => depth += 1,
            b')' if depth == 0 => break,
            b')' => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    i
}

/// Whether the paragraph scan stops at a byte: each byte its `match` handles. The bytes
/// between are passed over a run at a time.
const STOPS: [bool; 256] = byte_set(b"\\`<[]@-:wW");

/// Find the citations of `body[start..end]`, one paragraph.
fn scan_paragraph(body: &str, start: usize, end: usize, found: &mut VecDeque<Citation>) {
    let markup = Markup::new(body, start, end);
    let bytes = body.as_bytes();
    let mut comment_unclosed = false;
    let mut i = start;
    let prev = |i: usize| (i > start).then(|| bytes[i - 1]);
    while i < end {
        i += bytes[i..end]
            .iter()
            .position(|&b| STOPS[usize::from(b)])
            .unwrap_or(end - i);
        let Some(&b) = bytes.get(i).filter(|_| i < end) else {
            break;
        };
        match b {
            b'\\' => {
                i += if i + 1 < end && is_escapable(bytes[i + 1]) {
                    2
                } else {
                    1
                }
            }
            b'`' => {
                i = markup.code_end(body, i).unwrap_or_else(|| {
                    let run = bytes[i..end].iter().take_while(|&&c| c == b'`').count();
                    i + run
                })
            }
            b'<' => {
                i = skip_html(body, i, end, &mut comment_unclosed).unwrap_or(i + 1);
            }
            b'[' => {
                let note = bytes.get(i + 1) == Some(&b'^') || prev(i) == Some(b'^');
                let close = markup.close_of(body, i).filter(|_| !note);
                if let Some(close) = close {
                    if is_reference_definition(bytes, start, i, close) {
                        i = url_end(bytes, close + 2, end);
                        continue;
                    }
                    if let Some(citation) = bracketed(body, &markup, i, close) {
                        found.push_back(citation);
                        i = close + 1;
                        continue;
                    }
                }
                i += 1;
            }
            b']' if bytes.get(i + 1) == Some(&b'(') => {
                // A link's destination.
                i = markup.close_of(body, i + 1).map_or(i + 1, |c| c + 1);
            }
            b'@' | b'-' => match in_text(body, &markup, i, end) {
                Some(citation) => {
                    i = citation.span.end;
                    found.push_back(citation);
                }
                None => i += 1,
            },
            b':' if body.get(i..end).is_some_and(|r| r.starts_with("://"))
                && prev(i).is_some_and(|p| p.is_ascii_alphabetic()) =>
            {
                i = url_end(bytes, i, end);
            }
            b'w' | b'W'
                if !prev(i).is_some_and(|p| p.is_ascii_alphanumeric())
                    && body
                        .get(i..end)
                        .and_then(|r| r.get(..4))
                        .is_some_and(|r| r.eq_ignore_ascii_case("www.")) =>
            {
                i = url_end(bytes, i, end);
            }
            _ => i += 1,
        }
    }
}

/// `[label]: target` at the start of a line: a link reference definition, not a citation.
fn is_reference_definition(bytes: &[u8], start: usize, open: usize, close: usize) -> bool {
    if bytes.get(close + 1) != Some(&b':') || bytes.get(open + 1) == Some(&b'@') {
        return false;
    }
    // At most three spaces, then the start of a line (looking back no further).
    let mut i = open;
    while i > start && open - i < 3 && bytes[i - 1] == b' ' {
        i -= 1;
    }
    i == start || bytes[i - 1] == b'\n'
}

/// Skip an HTML comment, tag or autolink at `at`; returns where the text goes on.
fn skip_html(body: &str, at: usize, end: usize, comment_unclosed: &mut bool) -> Option<usize> {
    let rest = body.get(at..end)?;
    if let Some(comment) = rest.strip_prefix("<!--") {
        if *comment_unclosed {
            return None;
        }
        return match comment.find("-->") {
            Some(p) => Some(at + 4 + p + 3),
            None => {
                *comment_unclosed = true;
                None
            }
        };
    }
    let next = *rest.as_bytes().get(1)?;
    if !(next.is_ascii_alphabetic() || next == b'/') {
        return None;
    }
    let stop = rest[1..].find(['<', '>'])? + 1;
    (rest.as_bytes()[stop] == b'>').then_some(at + stop + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CitationMode;

    fn keys(body: &str) -> Vec<(&str, CitationMode, &str)> {
        scan_citations(body)
            .flat_map(|c| {
                let mode = c.mode;
                let whole = c.span.slice(body);
                c.items
                    .into_iter()
                    .map(move |i| (i.key.slice(body), mode, whole))
            })
            .collect()
    }

    #[test]
    fn a_realistic_paragraph() {
        let body = "As @barsegov-nk [doc. 652] shows, the letter was read by the whole CK \
                    [see @barsegov-nk, p. 612; -@lenin-pss, vol. 52]. Write to \
                    editor@example.org or run `grep @doe99` first; the web edition \
                    (https://example.com/@narimanov) cites [@{https://example.com/x}].\n";
        let found: Vec<Citation> = scan_citations(body).collect();
        let spans: Vec<&str> = found.iter().map(|c| c.span.slice(body)).collect();
        assert_eq!(
            spans,
            [
                "@barsegov-nk [doc. 652]",
                "[see @barsegov-nk, p. 612; -@lenin-pss, vol. 52]",
                "[@{https://example.com/x}]",
            ]
        );
        let first = &found[0];
        assert_eq!(first.mode, CitationMode::InText);
        assert_eq!(first.span.start, 3);
        assert_eq!(first.items[0].key, crate::Span::new(4, 15));
        assert_eq!(
            first.items[0].locator.map(|l| l.slice(body)),
            Some("doc. 652")
        );
        let second = &found[1];
        assert_eq!(second.span.start, body.find("[see").unwrap());
        assert_eq!(second.items[0].prefix.map(|p| p.slice(body)), Some("see"));
        assert_eq!(
            second.items[0].locator.map(|l| l.slice(body)),
            Some("p. 612")
        );
        assert!(second.items[1].suppress_author);
        assert_eq!(second.items[1].key.slice(body), "lenin-pss");
        assert_eq!(second.items[1].span.slice(body), "-@lenin-pss, vol. 52");
        let third = &found[2];
        assert_eq!(third.items[0].key.slice(body), "https://example.com/x");
        assert_eq!(third.span.end, body.len() - 2);
    }

    #[test]
    fn spans_are_byte_offsets_in_cyrillic_text() {
        let body = "Как показал Барсегов [см. @barsegov-nk, док. 652, с. 612], письмо было…";
        let found: Vec<Citation> = scan_citations(body).collect();
        assert_eq!(found.len(), 1);
        let c = &found[0];
        let open = body.find('[').unwrap();
        let close = body.find(']').unwrap();
        assert_eq!(c.span, crate::Span::new(open, close + 1));
        let item = &c.items[0];
        assert_eq!(item.prefix.map(|p| p.slice(body)), Some("см."));
        assert_eq!(item.key.start, body.find("barsegov").unwrap());
        assert_eq!(
            item.locator.map(|l| l.slice(body)),
            Some("док. 652, с. 612")
        );
        assert_eq!(item.span, crate::Span::new(open + 1, close));
    }

    #[test]
    fn an_unclosed_fence_hides_the_rest() {
        let body = "@before\n\n```\n@inside\n\n@still inside";
        assert_eq!(keys(body), [("before", CitationMode::InText, "@before")]);
    }

    #[test]
    fn skips_code_escapes_emails_and_links() {
        let body = "```\n[@code]\n```\n\n`@inline` \\@escaped user@example.com \
                    [link](/users/@bob) <https://x.org/@y> <!-- @hidden --> [@real]\n\n\
                    ~~~ md\n@fenced\n~~~\n@last.";
        let found: Vec<&str> = keys(body).into_iter().map(|(k, _, _)| k).collect();
        assert_eq!(found, ["real", "last"]);
    }

    #[test]
    fn citations_followed_by_links_are_citations() {
        let body = "[@doe99](https://example.com) and @smith04 [p. 3](https://example.com)";
        let found = keys(body);
        assert_eq!(
            found,
            [
                ("doe99", CitationMode::Bracketed, "[@doe99]"),
                ("smith04", CitationMode::InText, "@smith04"),
            ]
        );
    }

    #[test]
    fn brackets_that_are_not_citations_leave_their_in_text_keys() {
        let body = "[@doe99; see also] and [^1] and [a [@inner] b]";
        let found = keys(body);
        assert_eq!(
            found,
            [
                ("doe99", CitationMode::InText, "@doe99"),
                ("inner", CitationMode::Bracketed, "[@inner]"),
            ]
        );
    }

    #[test]
    fn unbalanced_brackets_do_not_panic() {
        for body in [
            "[",
            "]",
            "[[[@a",
            "@a [",
            "[@a]]]",
            "[see @doe",
            "`",
            "@{",
            "-@",
            "\\",
        ] {
            let _ = scan_citations(body).count();
        }
        assert_eq!(keys("[[[@a]"), [("a", CitationMode::Bracketed, "[@a]")]);
    }

    #[test]
    fn a_megabyte_of_brackets_or_at_signs_is_scanned_in_linear_time() {
        // Rescanning after each failed bracket would take hours here; one pass takes moments.
        for piece in [
            "[", "@", "[@", "@a [", "[a](", "`", "``x", "-@", "<a", "<!--", "@{", "[x;",
        ] {
            let count = (1 << 20) / piece.len();
            let body = piece.repeat(count);
            let found = scan_citations(&body).count();
            let expected = if piece == "@a [" { count } else { 0 };
            assert_eq!(found, expected, "{piece:?}");
        }
        let nested = format!("{}@a{}", "[".repeat(1 << 19), "]".repeat(1 << 19));
        let found: Vec<Citation> = scan_citations(&nested).collect();
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].span,
            crate::Span::new((1 << 19) - 1, (1 << 19) + 3)
        );
    }

    #[test]
    fn paragraphs_bound_brackets() {
        let body = "[see\n\n@doe99]";
        assert_eq!(keys(body), [("doe99", CitationMode::InText, "@doe99")]);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::{parse_citation, Span};
    use proptest::prelude::*;

    fn markdownish() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "[",
            "]",
            "@",
            "-@",
            "doe99",
            "{",
            "}",
            "(",
            ")",
            "`",
            "```\n",
            "~~~\n",
            "\\",
            ";",
            ",",
            " ",
            "\n",
            "\n\n",
            "p. 33",
            "see ",
            "ff.",
            "л. 5 об.",
            "<",
            ">",
            "<!--",
            "-->",
            "https://",
            "www.",
            "user@x.org",
            "^",
            "é",
            "Ж",
            "\u{301}",
            ":",
            "*",
            "_",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    fn check(body: &str, span: Span, within: Span) {
        assert!(
            span.start <= span.end && span.end <= body.len(),
            "{body:?}: {span:?}"
        );
        assert!(body.is_char_boundary(span.start) && body.is_char_boundary(span.end));
        assert!(
            within.start <= span.start && span.end <= within.end,
            "{body:?}: {span:?} outside {within:?}"
        );
    }

    fn check_citation(body: &str, c: &Citation) {
        check(body, c.span, Span::new(0, body.len()));
        assert!(!c.items.is_empty());
        for item in &c.items {
            check(body, item.span, c.span);
            check(body, item.key, item.span);
            for part in [item.prefix, item.locator, item.suffix]
                .into_iter()
                .flatten()
            {
                check(body, part, item.span);
                assert!(!part.is_empty());
            }
            for l in &item.locators {
                check(body, l.span, item.locator.unwrap_or_default());
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        #[test]
        fn scanned_citations_are_in_order_and_nest_their_parts(body in markdownish()) {
            let found: Vec<Citation> = scan_citations(&body).collect();
            for c in &found {
                check_citation(&body, c);
            }
            for pair in found.windows(2) {
                prop_assert!(pair[0].span.end <= pair[1].span.start);
            }
        }

        #[test]
        fn parsed_citations_nest_their_parts(body in markdownish()) {
            let parsed = parse_citation(&body);
            if let Some(c) = &parsed.value {
                check_citation(&body, c);
            }
            if parsed.remainder.is_some() {
                prop_assert!(!parsed.errors.is_empty());
            }
            for e in &parsed.errors {
                check(&body, e.span, Span::new(0, body.len()));
            }
        }
    }
}
