//! The items of a citation: splitting bracket contents at `;`, finding each item's key, prefix,
//! locator and suffix; and the in-text form `@key [p. 33]`.

use super::key::{key_at, Key};
use super::locsplit::split;
use super::markup::{is_escapable, Markup};
use crate::text::trim_span;
use crate::{Citation, CitationItem, CitationMode, Span};

/// A stretch of bracket contents between top-level `;`, with the first key in it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Segment {
    pub start: usize,
    pub end: usize,
    pub key: Option<Key>,
}

/// Split `text[start..end]` at every `;` outside code, escapes and nested brackets, and find
/// the first key of each part. Only the top level is read, so every byte is read once.
pub(crate) fn segments(text: &str, markup: &Markup, start: usize, end: usize) -> Vec<Segment> {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut segments = Vec::new();
    let mut seg_start = start;
    let mut key: Option<Key> = None;
    let mut i = start;
    while i < end {
        match bytes[i] {
            b'\\' if i + 1 < end && is_escapable(bytes[i + 1]) => i += 2,
            b'`' => {
                i = markup
                    .code_end(text, i)
                    .filter(|&e| e <= end)
                    .unwrap_or(i + 1)
            }
            b'[' => {
                i = markup
                    .close_of(text, i)
                    .filter(|&c| c < end)
                    .map_or(i + 1, |c| c + 1)
            }
            b';' => {
                segments.push(Segment {
                    start: seg_start,
                    end: i,
                    key: key.take(),
                });
                seg_start = i + 1;
                i += 1;
            }
            b'@' | b'-' if key.is_none() => match key_at(text, markup, i, end) {
                Some(k) => {
                    key = Some(k);
                    i = k.end;
                }
                None => i += 1,
            },
            _ => i += 1,
        }
    }
    segments.push(Segment {
        start: seg_start,
        end,
        key,
    });
    segments
}

/// Whether segments make a pandoc citation: the last part has a key (so does every item;
/// text between items belongs to the next item's prefix).
pub(crate) fn is_citation(segments: &[Segment]) -> bool {
    segments.last().is_some_and(|s| s.key.is_some())
}

/// The items of `segments`, and the trailing text after the last key's `;` that cites
/// nothing, if any.
pub(crate) fn items(
    text: &str,
    markup: &Markup,
    segments: &[Segment],
) -> (Vec<CitationItem>, Option<Span>) {
    let mut items = Vec::new();
    let mut pending: Option<usize> = None;
    for seg in segments {
        let start = pending.take().unwrap_or(seg.start);
        match seg.key {
            Some(k) => items.push(item(text, markup, start, k, seg.end)),
            None => pending = Some(start),
        }
    }
    // Text after the last key's `;` that cites nothing; when there is none, the `;` itself.
    let keyless = pending.map(|start| {
        let end = segments.last().map_or(start, |s| s.end);
        let span = trim_span(text, Span::new(start, end));
        match (span.is_empty(), start.checked_sub(1)) {
            (true, Some(semicolon)) if text.as_bytes().get(semicolon) == Some(&b';') => {
                Span::new(semicolon, start)
            }
            (true, _) => Span::new(start, end),
            (false, _) => span,
        }
    });
    (items, keyless)
}

/// One item: prefix before the key, then locator and suffix after it, up to `end`.
fn item(text: &str, markup: &Markup, start: usize, key: Key, end: usize) -> CitationItem {
    let prefix = trim_span(text, Span::new(start, key.marker));
    let prefix = (!prefix.is_empty()).then_some(prefix);
    let parts = split(text, markup, key.end, end);
    CitationItem {
        key: key.span,
        prefix,
        locator: parts.locator,
        locators: parts.locators,
        locator_errors: parts.locator_errors,
        suffix: parts.suffix,
        suppress_author: key.suppress_author,
        span: Span::new(
            prefix.map_or(key.marker, |p| p.start),
            parts.reach.unwrap_or(key.end).max(key.end),
        ),
    }
}

/// A bracketed citation whose `[` is at `open` and `]` at `close`, if its contents are one.
pub(crate) fn bracketed(
    text: &str,
    markup: &Markup,
    open: usize,
    close: usize,
) -> Option<Citation> {
    let segs = segments(text, markup, open + 1, close);
    if !is_citation(&segs) {
        return None;
    }
    let (items, _) = items(text, markup, &segs);
    Some(Citation {
        mode: CitationMode::Bracketed,
        items,
        span: Span::new(open, close + 1),
    })
}

/// The in-text citation whose `@` (or `-@`) is at `at`, ending before `limit`: `@doe99`, or
/// `@doe99 [p. 33]` with a locator and suffix in brackets, possibly followed by more items
/// (`@doe99 [p. 33; @smith04, p. 4]`).
///
/// As in pandoc, the brackets belong to the citation only if they hold no key before their
/// first `;` and are not followed by `(` or `[` (then they are a link).
pub(crate) fn in_text(text: &str, markup: &Markup, at: usize, limit: usize) -> Option<Citation> {
    let key = key_at(text, markup, at, limit)?;
    let mut cited = CitationItem {
        key: key.span,
        prefix: None,
        locator: None,
        locators: Vec::new(),
        locator_errors: Vec::new(),
        suffix: None,
        suppress_author: key.suppress_author,
        span: Span::new(key.marker, key.end),
    };
    let single = |cited: CitationItem| Citation {
        mode: CitationMode::InText,
        span: cited.span,
        items: vec![cited],
    };
    let Some(open) = bracket_after(text, key.end, limit) else {
        return Some(single(cited));
    };
    let close = markup.close_of(text, open).filter(|&c| c < limit);
    let Some(close) = close.filter(|&c| !matches!(text.as_bytes().get(c + 1), Some(b'(' | b'[')))
    else {
        return Some(single(cited));
    };
    let segs = segments(text, markup, open + 1, close);
    let Some((first, rest)) = segs
        .split_first()
        .filter(|(first, rest)| first.key.is_none() && (rest.is_empty() || is_citation(rest)))
    else {
        return Some(single(cited));
    };
    let parts = split(text, markup, first.start, first.end);
    cited.locator = parts.locator;
    cited.locators = parts.locators;
    cited.locator_errors = parts.locator_errors;
    cited.suffix = parts.suffix;
    cited.span = Span::new(key.marker, parts.reach.unwrap_or(key.end).max(key.end));
    let (more, _) = items(text, markup, rest);
    let mut all = vec![cited];
    all.extend(more);
    Some(Citation {
        mode: CitationMode::InText,
        items: all,
        span: Span::new(key.marker, close + 1),
    })
}

/// The `[` after an in-text key, past spaces and at most one line break, unless it opens a
/// footnote (`[^1]`).
fn bracket_after(text: &str, from: usize, limit: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    let mut newlines = 0;
    while i < limit {
        match bytes[i] {
            b' ' | b'\t' | b'\r' => i += 1,
            b'\n' if newlines == 0 => {
                newlines += 1;
                i += 1;
            }
            _ => break,
        }
    }
    (i < limit && bytes[i] == b'[' && bytes.get(i + 1) != Some(&b'^')).then_some(i)
}
