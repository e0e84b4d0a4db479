//! Pandoc citation punctuation (F006): `[@a ;@b]` → `[@a; @b]`, `[see  @a,p. 3]` →
//! `[see @a, p. 3]`, `@a  [p. 3]` → `@a [p. 3]`. Prefixes, suffixes, `-@` and order are kept.

use crate::change::Family;
use crate::locators::Proposal;
use ibid_parse::{Citation, CitationMode};

/// Whether `gap` is blanks only, on one line.
fn blank(gap: &str) -> bool {
    gap.chars().all(|c| c == ' ' || c == '\t')
}

/// The edits that give `citation` (spans into `text`) pandoc's punctuation: nothing inside
/// the brackets' edges, `; ` between items, `, ` between a key and its locator, one space
/// after a prefix and before an in-text citation's brackets. Gaps holding a line break or
/// anything but blanks and the expected mark are left alone.
pub(crate) fn citation_proposals(text: &str, citation: &Citation) -> Vec<Proposal> {
    let mut edits: Vec<(usize, usize, &'static str)> = Vec::new();
    let mut want = |start: usize, end: usize, gap: &'static str| {
        if text.get(start..end).is_some_and(|g| g != gap) {
            edits.push((start, end, gap));
        }
    };
    let span = citation.span;
    let (Some(first), Some(last)) = (citation.items.first(), citation.items.last()) else {
        return Vec::new();
    };
    let bytes = text.as_bytes();
    // The brackets: `[` at the start (bracketed) or after the first key (in-text).
    let inner = match citation.mode {
        CitationMode::Bracketed => Some((span.start + 1, first.span.start)),
        CitationMode::InText => {
            let key_end = key_end(text, first);
            let open = text
                .get(key_end..span.end)
                .and_then(|rest| rest.find('['))
                .map(|i| key_end + i);
            match open {
                Some(open) if first.locator.is_some() || first.suffix.is_some() => {
                    if blank(&text[key_end..open]) {
                        want(key_end, open, " ");
                    }
                    let content = first
                        .locator
                        .map(|l| l.start)
                        .or(first.suffix.map(|s| s.start))
                        .unwrap_or(open + 1);
                    Some((open + 1, content))
                }
                _ => None,
            }
        }
    };
    if let Some((open, content)) = inner {
        if content >= open && text.get(open..content).is_some_and(blank) {
            want(open, content, "");
        }
        let close = span.end.saturating_sub(1);
        if bytes.get(close) == Some(&b']')
            && last.span.end <= close
            && text.get(last.span.end..close).is_some_and(blank)
        {
            want(last.span.end, close, "");
        }
    }
    // Between items: `; `.
    for pair in citation.items.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let Some(gap) = text.get(a.span.end..b.span.start) else {
            continue;
        };
        let Some(semi) = gap.find(';') else { continue };
        let (before, after) = (&gap[..semi], &gap[semi + 1..]);
        if !blank(before) || !(blank(after) || after.trim_matches([' ', '\t', '\r']) == "\n") {
            continue;
        }
        if blank(after) {
            want(a.span.end, b.span.start, "; ");
        } else {
            want(a.span.end, a.span.end + semi + 1, ";");
        }
    }
    for item in &citation.items {
        // Prefix and key: one space.
        if let Some(prefix) = item.prefix {
            let marker = if item.suppress_author { 2 } else { 1 };
            let key_start = item.key.start.saturating_sub(marker);
            let key_start = if bytes.get(key_start) == Some(&b'{') {
                key_start.saturating_sub(1)
            } else {
                key_start
            };
            if prefix.end < key_start
                && text
                    .get(prefix.end..key_start)
                    .is_some_and(|g| blank(g) && !g.is_empty())
            {
                want(prefix.end, key_start, " ");
            }
        }
        // Key and locator, in brackets: `, `.
        if citation.mode == CitationMode::Bracketed {
            if let Some(locator) = item.locator {
                let from = key_end(text, item);
                if let Some(gap) = text.get(from..locator.start) {
                    let trimmed = gap.trim_matches([' ', '\t']);
                    if (trimmed.is_empty() || trimmed == ",") && !gap.contains('{') {
                        want(from, locator.start, ", ");
                    }
                }
            }
        }
    }
    if edits.is_empty() {
        return Vec::new();
    }
    let whole = span.slice(text);
    let mut proposals = Vec::new();
    for (i, (start, end, gap)) in edits.into_iter().enumerate() {
        proposals.push(Proposal {
            family: Family::CitationSyntax,
            range: start..end,
            replacement: gap.to_owned(),
            message: if i == 0 {
                format!("Citation `{whole}` is not punctuated as pandoc writes it")
            } else {
                String::new()
            },
            title: "Write the citation with pandoc's spacing".to_owned(),
        });
    }
    proposals
}

/// Where an item's key ends, past a closing brace (`@{Foo Bar}`).
fn key_end(text: &str, item: &ibid_parse::CitationItem) -> usize {
    let (start, end) = (item.key.start, item.key.end);
    // Only a key written `@{...}` owns the brace after it: in `{@doe}` the brace is text.
    let braced = start
        .checked_sub(1)
        .is_some_and(|open| text.as_bytes().get(open) == Some(&b'{'));
    if braced && text.as_bytes().get(end) == Some(&b'}') {
        end + 1
    } else {
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(text: &str) -> String {
        let c = ibid_parse::parse_citation(text).value.expect("a citation");
        apply(text, &c)
    }

    /// `text` with the proposals for `c` (spans into `text`) applied.
    fn apply(text: &str, c: &Citation) -> String {
        let mut ps = citation_proposals(text, c);
        ps.sort_by_key(|p| p.range.start);
        let mut out = String::new();
        let mut at = 0;
        for p in ps {
            out.push_str(&text[at..p.range.start]);
            out.push_str(&p.replacement);
            at = p.range.end;
        }
        out.push_str(&text[at..]);
        out
    }

    #[test]
    fn pandoc_spacing() {
        assert_eq!(fmt("[@a ;@b]"), "[@a; @b]");
        assert_eq!(
            fmt("[ see  @a,pp. 33-35 ; -@b ]"),
            "[see @a, pp. 33-35; -@b]"
        );
        assert_eq!(fmt("[@a p. 5]"), "[@a, p. 5]");
        assert_eq!(fmt("[@a , p. 5, and passim]"), "[@a, p. 5, and passim]");
        assert_eq!(fmt("@a  [ p. 5 ]"), "@a [p. 5]");
        assert_eq!(fmt("[@a;\n@b]"), "[@a;\n@b]");
        assert_eq!(fmt("[@a, {chap. 3}]"), "[@a, {chap. 3}]");
        assert_eq!(
            fmt("[see @a, p. 3; @b, ch. 2]"),
            "[see @a, p. 3; @b, ch. 2]"
        );
    }

    /// In running text a brace after a bare key is text (`{@doe}`), not the end of a braced
    /// key: the body is left as it is (this panicked once the F rules read citations in
    /// their bodies), while `@{Foo Bar}` keeps its brace.
    #[test]
    fn a_brace_after_a_bare_key_is_text() {
        let bodies = [
            ("Text {@doe} here.", "Text {@doe} here."),
            ("See @doe}", "See @doe}"),
            ("@doe} [p. 3] and -@doe};", "@doe} [p. 3] and -@doe};"),
            ("{{@doe}} and @doe}}", "{{@doe}} and @doe}}"),
            ("so @{Foo Bar}  [p. 3] too", "so @{Foo Bar} [p. 3] too"),
        ];
        for (body, want) in bodies {
            let citations: Vec<Citation> = ibid_parse::scan_citations(body).collect();
            assert!(!citations.is_empty(), "{body}");
            let mut got = body.to_owned();
            for c in citations.iter().rev() {
                let applied = apply(&got, c);
                got = applied;
            }
            assert_eq!(got, want, "{body}");
        }
    }
}
