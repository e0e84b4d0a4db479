//! Markdown structure a citation must respect: code spans, backslash escapes, and the matching
//! of `[]`, `{}` and `()`, computed once per paragraph so that no search is ever repeated.

use crate::text::byte_set;

/// Whether `b` is an ASCII punctuation byte, the only bytes a backslash escapes.
pub(crate) fn is_escapable(b: u8) -> bool {
    b.is_ascii_punctuation()
}

/// Whether the markup pass looks at a byte: a backtick, a backslash or a bracket (a table,
/// so that the bytes between are passed over at one lookup each).
const MARKUP_BYTES: [bool; 256] = byte_set(b"`\\[]{}()");

/// Where code spans and matched delimiters of one region of a text end.
#[derive(Debug, Clone)]
pub(crate) struct Markup {
    /// Sorted by offset: each offset where a code span starts, with one past its end, and
    /// each `[`, `{` or `(` that is closed, with the offset of the delimiter closing it.
    jumps: Vec<(usize, usize)>,
}

impl Markup {
    /// The markup of `text[start..end]`; offsets stay offsets into `text`.
    pub(crate) fn new(text: &str, start: usize, end: usize) -> Self {
        let bytes = text.as_bytes();
        let end = end.min(bytes.len());
        let start = start.min(end);
        let mut jumps = Vec::new();
        let region = bytes.get(start..end).unwrap_or_default();
        let codes = if region.contains(&b'`') {
            code_spans(bytes, start, end)
        } else {
            Vec::new()
        };
        let mut next_code = codes.iter().peekable();
        let mut stacks: [Vec<usize>; 3] = [Vec::new(), Vec::new(), Vec::new()];
        let mut i = start;
        // Only backticks, backslashes and brackets matter: the bytes between are skipped.
        while let Some(offset) = bytes
            .get(i..end)
            .and_then(|rest| rest.iter().position(|&b| MARKUP_BYTES[usize::from(b)]))
        {
            i += offset;
            if let Some(&&(s, e)) = next_code.peek() {
                if s == i {
                    jumps.push((i, e));
                    i = e;
                    next_code.next();
                    continue;
                }
            }
            let b = bytes[i];
            if b == b'\\' && i + 1 < end && is_escapable(bytes[i + 1]) {
                i += 2;
                continue;
            }
            let kind = match b {
                b'[' | b']' => Some(0),
                b'{' | b'}' => Some(1),
                b'(' | b')' => Some(2),
                _ => None,
            };
            if let Some(k) = kind {
                if matches!(b, b'[' | b'{' | b'(') {
                    stacks[k].push(i);
                } else if let Some(open) = stacks[k].pop() {
                    jumps.push((open, i));
                }
            }
            i += 1;
        }
        // Closing delimiters are met after the spans and delimiters they enclose.
        jumps.sort_unstable();
        Markup { jumps }
    }

    fn get(&self, at: usize) -> Option<usize> {
        let i = self
            .jumps
            .binary_search_by_key(&at, |&(from, _)| from)
            .ok()?;
        Some(self.jumps[i].1)
    }

    /// The offset of the delimiter closing the `[`, `{` or `(` at `at`, if it is closed.
    pub(crate) fn close_of(&self, text: &str, at: usize) -> Option<usize> {
        matches!(text.as_bytes().get(at), Some(b'[' | b'{' | b'('))
            .then(|| self.get(at))
            .flatten()
    }

    /// One past the end of the code span starting at `at`, if one does.
    pub(crate) fn code_end(&self, text: &str, at: usize) -> Option<usize> {
        (text.as_bytes().get(at) == Some(&b'`'))
            .then(|| self.get(at))
            .flatten()
    }
}

/// The code spans of `bytes[start..end]`: a run of n backticks up to the next run of exactly
/// n backticks. Runs are paired in one forward pass using, for each run, the next run of the
/// same length (found in one backward pass).
fn code_spans(bytes: &[u8], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize, bool)> = Vec::new();
    let mut i = start;
    let mut backslashes = 0usize;
    while i < end {
        match bytes[i] {
            b'`' => {
                let s = i;
                while i < end && bytes[i] == b'`' {
                    i += 1;
                }
                runs.push((s, i - s, backslashes % 2 == 1));
                backslashes = 0;
            }
            b'\\' => {
                backslashes += 1;
                i += 1;
            }
            _ => {
                backslashes = 0;
                i += 1;
            }
        }
    }
    let mut next_same = vec![usize::MAX; runs.len()];
    let mut last_of_len: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for (k, &(_, len, _)) in runs.iter().enumerate().rev() {
        if let Some(&n) = last_of_len.get(&len) {
            next_same[k] = n;
        }
        last_of_len.insert(len, k);
    }
    let mut spans = Vec::new();
    let mut k = 0;
    while k < runs.len() {
        let (s, _, escaped) = runs[k];
        match next_same
            .get(k)
            .copied()
            .filter(|&n| n != usize::MAX && !escaped)
        {
            Some(n) => {
                let (cs, clen, _) = runs[n];
                spans.push((s, cs + clen));
                k = n + 1;
            }
            None => k += 1,
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_brackets_outside_code_and_escapes() {
        let text = r"[a `]` \] [b] c] x";
        let m = Markup::new(text, 0, text.len());
        assert_eq!(m.close_of(text, 0), Some(15));
        assert_eq!(m.close_of(text, 10), Some(12));
        assert_eq!(m.code_end(text, 3), Some(6));
    }

    #[test]
    fn code_spans_need_runs_of_equal_length() {
        let text = "``a`b`` `c` ```";
        let m = Markup::new(text, 0, text.len());
        assert_eq!(m.code_end(text, 0), Some(7));
        assert_eq!(m.code_end(text, 8), Some(11));
        assert_eq!(m.code_end(text, 12), None);
    }

    #[test]
    fn unbalanced_delimiters_have_no_match() {
        let text = "[[a] {b";
        let m = Markup::new(text, 0, text.len());
        assert_eq!(m.close_of(text, 0), None);
        assert_eq!(m.close_of(text, 1), Some(3));
        assert_eq!(m.close_of(text, 5), None);
    }
}
