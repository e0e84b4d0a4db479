//! The body scan: note markers (`Angorians*`, `†`, `[^1]`), editorial omissions (`<…>`,
//! `[...]`) and expansions (`K[restinsky]`) in a text, in one linear pass.

use ibid_parse::{Citation, Span};
use serde::Serialize;
use std::collections::HashSet;

/// How a marker is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MarkerKind {
    /// A run of asterisks: `*`, `**`, `***`, `****`.
    Asterisks,
    /// A run of daggers: `†`, `‡`, `††`.
    Dagger,
    /// A number in brackets, `[1]` (only when a note declares it).
    Bracketed,
    /// A pandoc footnote, `[^1]` or `[^note]`.
    Footnote,
    /// Superscript digits, `¹`, `²³` (only when a note declares them).
    Superscript,
}

/// Whether a marker occurrence points at a note or starts the note's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MarkerRole {
    /// In running text, after the word it marks (`Angorians*`).
    Reference,
    /// At the start of a line, followed by the note's text (`*The word was encircled`,
    /// `[^1]: ...`): the note is also written in the body.
    Definition,
}

/// One marker found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MarkerOccurrence {
    /// The marker as written (`***`, `†`, `[1]`, `[^1]`, `¹`).
    pub marker: String,
    /// How it is written.
    pub kind: MarkerKind,
    /// Reference or definition.
    pub role: MarkerRole,
    /// Where it stands.
    pub span: Span,
}

/// An editorial omission: `<…>`, `<...>`, `[…]` or `[...]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Omission {
    /// The mark as written.
    pub written: String,
    /// Where it stands.
    pub span: Span,
}

/// An editorial expansion of an abbreviation: `K[restinsky]`, `Zinov’[yev]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Expansion {
    /// The word as written, brackets included (`Zinov’[yev]`).
    pub span: Span,
    /// The letters the editor supplied, inside the brackets (`yev`).
    pub supplied: Span,
    /// The word as the writer abbreviated it (`Zinov’`).
    pub abbreviated: String,
    /// The word with the brackets removed (`Zinov’yev`).
    pub expanded: String,
}

/// What a scan finds in one text; spans are offsets into that text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct TextMarks {
    /// Note markers, in order.
    pub markers: Vec<MarkerOccurrence>,
    /// Editorial omissions, in order.
    pub omissions: Vec<Omission>,
    /// Editorial expansions, in order.
    pub expansions: Vec<Expansion>,
}

/// The body of a document: where it is in the file, and what a scan found in it.
///
/// Spans in `marks` and `citations` are offsets into the body text; add `span.start`
/// (or call [`Body::file_span`]) for offsets into the document file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Body {
    /// The body in the document file.
    pub span: Span,
    /// Markers, omissions and expansions.
    pub marks: TextMarks,
    /// Pandoc citations (`[see @key, p. 12]`), from `ibid_parse::scan_citations`.
    pub citations: Vec<Citation>,
}

impl Body {
    /// Scan `text`, which stands at `span` in its file; `declared` are the markers the
    /// document's notes declare (needed for `[1]` and superscripts).
    pub fn scan(text: &str, span: Span, declared: &[&str]) -> Body {
        Body {
            span,
            marks: scan_marks(text, declared),
            citations: ibid_parse::scan_citations(text).collect(),
        }
    }

    /// The body text, given the document file's text.
    pub fn text<'a>(&self, file_text: &'a str) -> &'a str {
        self.span.slice(file_text)
    }

    /// The span in the document file of `inner`, a span into the body.
    pub fn file_span(&self, inner: Span) -> Span {
        inner.shift(self.span.start)
    }
}

/// A run of asterisks waiting for its paragraph to end before it can be classified.
#[derive(Debug, Clone, Copy)]
struct StarRun {
    start: usize,
    len: usize,
    can_open: bool,
    can_close: bool,
    after_word: bool,
    line_start: bool,
    emphasis: bool,
}

const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Characters a marker may directly follow: a word, or punctuation closing one.
fn ends_word(c: char) -> bool {
    is_word(c) || ".,;:!?’'\"”»)]…".contains(c)
}

/// Characters after which an emphasis run may open.
fn opens_after(c: char) -> bool {
    c.is_whitespace() || "([{\"“«‘'—–-/".contains(c)
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// What an ASCII byte does to the scan when it starts no marker, omission or expansion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Plain {
    /// Not plain: a line end, `\\`, `*`, `<`, `[`, or a byte of a non-ASCII character.
    No,
    /// A letter or digit: starts or continues a word.
    Word,
    /// ASCII white space other than a line end: ends a word.
    Space,
    /// `'`: continues a word it is inside, like `’`.
    Apostrophe,
    /// Any other ASCII character: ends a word.
    Punctuation,
}

/// [`Plain`] for each byte, so the scan looks a byte up once.
const PLAIN_ASCII: [Plain; 256] = {
    let mut table = [Plain::No; 256];
    let mut b = 0;
    while b < 0x80 {
        table[b] = match b as u8 {
            b'\n' | b'\\' | b'*' | b'<' | b'[' => Plain::No,
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => Plain::Word,
            b' ' | b'\t' | b'\r' | 0x0b | 0x0c => Plain::Space,
            b'\'' => Plain::Apostrophe,
            _ => Plain::Punctuation,
        };
        b += 1;
    }
    table
};

/// Scan `text` for markers, omissions and expansions.
///
/// `*` runs count as markers when they directly follow a word and are not Markdown
/// emphasis (a run matched by an opening run of the same length earlier in the same
/// paragraph); list bullets (`* item`) never count. `[1]` and superscript digits count
/// only when a note declares them. Fenced code blocks are skipped. Linear time.
pub fn scan_marks(text: &str, declared: &[&str]) -> TextMarks {
    scan::<true>(text, declared)
}

/// [`scan_marks`]; with `PLAIN_RUNS` false every character takes the general path (the
/// tests' oracle for the plain-ASCII runs).
fn scan<const PLAIN_RUNS: bool>(text: &str, declared: &[&str]) -> TextMarks {
    // Looked up at every `[1]` and superscript: a set, so many notes cost linear time.
    let declared: HashSet<&str> = declared.iter().copied().collect();
    let declared = &declared;
    let mut marks = TextMarks::default();
    let mut runs: Vec<StarRun> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut prev: Option<char> = None;
    let mut line_has_content = false;
    let mut at_line_start = true;
    let mut in_fence = false;
    let mut word_start: Option<usize> = None;
    while i < bytes.len() {
        if at_line_start {
            at_line_start = false;
            let line_end = line_end(text, i);
            let line = text.get(i..line_end).unwrap_or("").trim();
            let fence = line.starts_with("```") || line.starts_with("~~~");
            if in_fence || fence || line.is_empty() {
                if fence {
                    in_fence = !in_fence;
                }
                flush_paragraph(&mut runs, text, &mut marks);
                i = line_end + 1;
                at_line_start = true;
                prev = Some('\n');
                line_has_content = false;
                word_start = None;
                continue;
            }
        }
        // ASCII that starts no marker, omission or expansion (letters, digits, spaces and most
        // punctuation) only moves the word and line state, and that state after a run of it
        // follows from the run's end: the run is passed over a byte at a time without
        // decoding a char or keeping state (most of any body), then its end is read.
        let run_len = bytes[i..]
            .iter()
            .position(|&b| PLAIN_ASCII[usize::from(b)] == Plain::No)
            .unwrap_or(bytes.len() - i);
        if PLAIN_RUNS && run_len > 0 {
            let run = &bytes[i..i + run_len];
            word_start = word_after_run(run, i, word_start);
            line_has_content |= run
                .iter()
                .any(|&b| PLAIN_ASCII[usize::from(b)] != Plain::Space);
            prev = Some(char::from(run[run_len - 1]));
            i += run_len;
            continue;
        }
        let Some(c) = char_at(text, i) else { break };
        let width = c.len_utf8();
        match c {
            '\n' => {
                at_line_start = true;
                line_has_content = false;
            }
            '\\' => {
                // An escaped character is plain text.
                let next = char_at(text, i + 1);
                let skip = next.map_or(0, char::len_utf8);
                prev = next.or(Some('\\'));
                word_start = None;
                line_has_content = true;
                i += 1 + skip;
                continue;
            }
            '*' => {
                let end = run_end(bytes, i, b'*');
                let next = char_at(text, end);
                runs.push(StarRun {
                    start: i,
                    len: end - i,
                    can_open: next.is_some_and(|n| !n.is_whitespace())
                        && prev.map_or(true, opens_after),
                    can_close: prev.is_some_and(|p| !p.is_whitespace())
                        && next.map_or(true, |n| !is_word(n) && n != '*'),
                    after_word: prev.is_some_and(ends_word),
                    line_start: !line_has_content,
                    emphasis: false,
                });
                prev = Some('*');
                line_has_content = true;
                word_start = None;
                i = end;
                continue;
            }
            '†' | '‡' => {
                let mut end = i;
                while let Some(d @ ('†' | '‡')) = char_at(text, end) {
                    end += d.len_utf8();
                }
                let next = char_at(text, end);
                let role = if !line_has_content && next.is_some_and(|n| !n.is_whitespace()) {
                    Some(MarkerRole::Definition)
                } else if prev.is_some_and(ends_word) {
                    Some(MarkerRole::Reference)
                } else {
                    None
                };
                if let Some(role) = role {
                    push_marker(&mut marks, text, i, end, MarkerKind::Dagger, role);
                }
                prev = Some(c);
                line_has_content = true;
                word_start = None;
                i = end;
                continue;
            }
            '<' => {
                if let Some(len) = omission_at(text, i, '<', '>') {
                    push_omission(&mut marks, text, i, i + len);
                    prev = Some('>');
                    line_has_content = true;
                    word_start = None;
                    i += len;
                    continue;
                }
            }
            '[' => {
                if let Some(next_i) = bracket_at(
                    text,
                    i,
                    prev,
                    word_start,
                    !line_has_content,
                    declared,
                    &mut marks,
                ) {
                    prev = Some(']');
                    line_has_content = true;
                    if next_i.1 {
                        // An expansion keeps the word going (`Nar[iman]ov`).
                    } else {
                        word_start = None;
                    }
                    i = next_i.0;
                    continue;
                }
            }
            c if SUPERSCRIPTS.contains(&c) => {
                let mut end = i;
                while let Some(d) = char_at(text, end).filter(|d| SUPERSCRIPTS.contains(d)) {
                    end += d.len_utf8();
                }
                let written = text.get(i..end).unwrap_or("");
                if declared.contains(written) {
                    let role = if line_has_content {
                        MarkerRole::Reference
                    } else {
                        MarkerRole::Definition
                    };
                    push_marker(&mut marks, text, i, end, MarkerKind::Superscript, role);
                }
                prev = Some(c);
                line_has_content = true;
                word_start = None;
                i = end;
                continue;
            }
            _ => {}
        }
        if is_word(c) || ((c == '’' || c == '\'') && word_start.is_some()) {
            if word_start.is_none() {
                word_start = Some(i);
            }
        } else {
            word_start = None;
        }
        if !c.is_whitespace() {
            line_has_content = true;
        }
        prev = Some(c);
        i += width;
    }
    flush_paragraph(&mut runs, text, &mut marks);
    marks.markers.sort_by_key(|m| m.span.start);
    marks
}

/// Where the word going on at the end of `run` (plain ASCII starting at byte `at`) starts,
/// given `carried`, the word going on before it: letters and digits start or continue a
/// word, an apostrophe continues one it is inside (`Zinov'`), anything else ends it.
fn word_after_run(run: &[u8], at: usize, carried: Option<usize>) -> Option<usize> {
    let in_word = |b: &u8| {
        matches!(
            PLAIN_ASCII[usize::from(*b)],
            Plain::Word | Plain::Apostrophe
        )
    };
    // The run's last stretch of letters, digits and apostrophes.
    let stretch = run.len() - run.iter().rev().take_while(|b| in_word(b)).count();
    if stretch == 0 && carried.is_some() {
        return carried;
    }
    // Apostrophes before its first letter or digit are punctuation: no word is going on.
    run[stretch..]
        .iter()
        .position(|&b| PLAIN_ASCII[usize::from(b)] == Plain::Word)
        .map(|first| at + stretch + first)
}

/// Where the line that starts at `from` ends (its `\n`, or the end of `text`).
fn line_end(text: &str, from: usize) -> usize {
    let rest = text.as_bytes().get(from..).unwrap_or_default();
    memchr::memchr(b'\n', rest).map_or(text.len(), |at| from + at)
}

fn run_end(bytes: &[u8], from: usize, byte: u8) -> usize {
    let mut end = from;
    while bytes.get(end) == Some(&byte) {
        end += 1;
    }
    end
}

fn push_marker(
    marks: &mut TextMarks,
    text: &str,
    start: usize,
    end: usize,
    kind: MarkerKind,
    role: MarkerRole,
) {
    marks.markers.push(MarkerOccurrence {
        marker: text.get(start..end).unwrap_or("").to_string(),
        kind,
        role,
        span: Span::new(start, end),
    });
}

fn push_omission(marks: &mut TextMarks, text: &str, start: usize, end: usize) {
    marks.omissions.push(Omission {
        written: text.get(start..end).unwrap_or("").to_string(),
        span: Span::new(start, end),
    });
}

/// The length of an omission mark `<…>` / `<...>` (or with `[`/`]`) at `i`, if there is one.
fn omission_at(text: &str, i: usize, open: char, close: char) -> Option<usize> {
    let rest = text.get(i..)?;
    let inner = rest.strip_prefix(open)?;
    for dots in ["…", "...", "..", "…."] {
        if let Some(after) = inner.strip_prefix(dots) {
            if after.starts_with(close) {
                return Some(open.len_utf8() + dots.len() + close.len_utf8());
            }
        }
    }
    None
}

/// Handle a `[` at `i`: an omission, a footnote, a declared `[1]`, or an expansion.
/// Returns where to continue and whether the current word goes on.
fn bracket_at(
    text: &str,
    i: usize,
    prev: Option<char>,
    word_start: Option<usize>,
    line_start: bool,
    declared: &HashSet<&str>,
    marks: &mut TextMarks,
) -> Option<(usize, bool)> {
    if let Some(len) = omission_at(text, i, '[', ']') {
        push_omission(marks, text, i, i + len);
        return Some((i + len, false));
    }
    let rest = text.get(i + 1..)?;
    // Inside the brackets: at most 64 bytes, one line, no nested bracket.
    let close = rest
        .char_indices()
        .take_while(|&(at, c)| at < 64 && c != '\n' && c != '[')
        .find(|&(_, c)| c == ']')
        .map(|(at, _)| at)?;
    let inner = rest.get(..close)?;
    let end = i + 1 + close + 1;
    let after = char_at(text, end);
    if let Some(id) = inner.strip_prefix('^') {
        if !id.is_empty() && !id.contains(char::is_whitespace) {
            let role = if line_start && after == Some(':') {
                MarkerRole::Definition
            } else {
                MarkerRole::Reference
            };
            push_marker(marks, text, i, end, MarkerKind::Footnote, role);
            return Some((end, false));
        }
        return None;
    }
    if !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_digit()) {
        let written = text.get(i..end).unwrap_or("");
        if declared.contains(written) || declared.contains(inner) {
            let role = if line_start {
                MarkerRole::Definition
            } else {
                MarkerRole::Reference
            };
            push_marker(marks, text, i, end, MarkerKind::Bracketed, role);
            return Some((end, false));
        }
        return None;
    }
    let start = word_start?;
    let prev_is_letter = prev.is_some_and(|p| p.is_alphabetic() || p == '’' || p == '\'');
    let supplied_ok = inner.chars().next().is_some_and(char::is_alphabetic)
        && inner
            .chars()
            .all(|c| c.is_alphabetic() || c == '’' || c == '\'' || c == '-');
    if !prev_is_letter || !supplied_ok {
        return None;
    }
    // The word may go on after the brackets (`Nar[iman]ov`).
    let mut word_end = end;
    while let Some(c) = char_at(text, word_end).filter(|c| c.is_alphabetic()) {
        word_end += c.len_utf8();
    }
    let abbreviated = text.get(start..i).unwrap_or("").to_string();
    let tail = text.get(end..word_end).unwrap_or("");
    marks.expansions.push(Expansion {
        span: Span::new(start, word_end),
        supplied: Span::new(i + 1, i + 1 + close),
        expanded: format!("{abbreviated}{inner}{tail}"),
        abbreviated: format!("{abbreviated}{tail}"),
    });
    Some((word_end, true))
}

/// Classify the asterisk runs of a finished paragraph: pair emphasis runs, keep markers.
fn flush_paragraph(runs: &mut Vec<StarRun>, text: &str, marks: &mut TextMarks) {
    // One stack of open runs per run length (lengths above 8 share the last stack).
    let mut open: [Vec<usize>; 9] = Default::default();
    for index in 0..runs.len() {
        let Some(run) = runs.get(index).copied() else {
            continue;
        };
        let bucket = run.len.min(8);
        if run.can_close {
            if let Some(opener) = open.get_mut(bucket).and_then(Vec::pop) {
                if let Some(o) = runs.get_mut(opener) {
                    o.emphasis = true;
                }
                if let Some(r) = runs.get_mut(index) {
                    r.emphasis = true;
                }
                continue;
            }
        }
        if run.can_open {
            if let Some(stack) = open.get_mut(bucket) {
                stack.push(index);
            }
        }
    }
    for run in runs.drain(..) {
        if run.emphasis {
            continue;
        }
        let end = run.start + run.len;
        if run.after_word && run.can_close {
            push_marker(
                marks,
                text,
                run.start,
                end,
                MarkerKind::Asterisks,
                MarkerRole::Reference,
            );
        } else if run.line_start && run.can_open {
            push_marker(
                marks,
                text,
                run.start,
                end,
                MarkerKind::Asterisks,
                MarkerRole::Definition,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markers(text: &str) -> Vec<(String, MarkerRole)> {
        scan_marks(text, &["[1]", "¹"])
            .markers
            .into_iter()
            .map(|m| {
                assert_eq!(m.span.slice(text), m.marker);
                (m.marker, m.role)
            })
            .collect()
    }

    #[test]
    fn asterisks_after_words_are_markers() {
        use MarkerRole::*;
        let text = "the Angorians* sincerely; the Armenian** question\nno matter what****. <…>";
        assert_eq!(
            markers(text),
            [
                ("*".into(), Reference),
                ("**".into(), Reference),
                ("****".into(), Reference)
            ]
        );
    }

    #[test]
    fn emphasis_bullets_and_debris_are_not_markers() {
        assert!(markers("a *word* and **bold** text").is_empty());
        assert!(markers("* item one\n* item two").is_empty());
        assert!(markers("Required fields are marked *").is_empty());
        assert!(markers("an *italic\nacross lines* here").is_empty());
        assert!(markers("escaped\\* star").is_empty());
        assert!(markers("```\ncode* here\n```\n").is_empty());
    }

    #[test]
    fn definitions_at_line_start() {
        use MarkerRole::*;
        let text = "*The word was encircled by Lenin.\n**Underlined by Lenin.\n\n[^1]: a note";
        assert_eq!(
            markers(text),
            [
                ("*".into(), Definition),
                ("**".into(), Definition),
                ("[^1]".into(), Definition)
            ]
        );
    }

    #[test]
    fn daggers_footnotes_declared_numbers_and_superscripts() {
        use MarkerRole::*;
        let text = "Lenin† wrote[^a] this [1] and that¹ but not [2] or ²";
        assert_eq!(
            markers(text),
            [
                ("†".into(), Reference),
                ("[^a]".into(), Reference),
                ("[1]".into(), Reference),
                ("¹".into(), Reference)
            ]
        );
    }

    #[test]
    fn omissions_and_expansions() {
        let text = "<…> Read. G. Zinov’[yev]. N. K[restinsky] [...] <...> Nar[iman]ov [Central Committee] [@key]";
        let marks = scan_marks(text, &[]);
        let omissions: Vec<_> = marks.omissions.iter().map(|o| o.written.as_str()).collect();
        assert_eq!(omissions, ["<…>", "[...]", "<...>"]);
        let expansions: Vec<_> = marks
            .expansions
            .iter()
            .map(|e| {
                (
                    e.span.slice(text),
                    e.expanded.as_str(),
                    e.supplied.slice(text),
                )
            })
            .collect();
        assert_eq!(
            expansions,
            [
                ("Zinov’[yev]", "Zinov’yev", "yev"),
                ("K[restinsky]", "Krestinsky", "restinsky"),
                ("Nar[iman]ov", "Narimanov", "iman")
            ]
        );
        assert_eq!(marks.expansions[2].abbreviated, "Narov");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Passing plain ASCII a run at a time finds what reading it a character at a
        /// time finds.
        #[test]
        fn plain_runs_change_nothing(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Zb9", " ", "  ", "\t", "'", "’", ".", ",", "\n", "\n\n", "\r\n", "*", "**",
                "[", "]", "[yev]", "[1]", "[^a]", "<…>", "[...]", "<", "\\", "†", "¹", "é", "-",
                "```\n", "(", "\"",
            ]), 0..40)
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(scan::<true>(&text, &["[1]", "¹"]), scan::<false>(&text, &["[1]", "¹"]));
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "[",
            "[^",
            "*",
            "\\",
            "<",
            "<…",
            "a[",
            "a[b",
            "†",
            "¹",
            "[^]",
            "\u{feff}*",
        ] {
            let _ = scan_marks(text, &["¹"]);
        }
    }
}
