//! The meaning check: what a rewritten span says, read by the parser, as a comparable
//! value. The formatter writes a span only when its meaning before and after are equal.

use crate::change::UnitKind;
use ibid_parse::{
    parse_archival, parse_citation, parse_locators, parse_reference, scan_citations, Citation,
    Locator, LocatorNumber, NumberKind, Reference,
};
use std::fmt::Write as _;

/// What a span of `kind` holding `text` means, as a string to compare: labels, numbers
/// (range ends expanded), sides, keys, names and titles, but not spacing, dashes or the
/// way a label is spelled.
pub fn meaning(kind: UnitKind, text: &str) -> String {
    let mut out = String::new();
    match kind {
        UnitKind::Reference => {
            let parsed = parse_reference(text);
            reference(&mut out, &parsed.value, text);
            let _ = write!(out, "errors {}", parsed.errors.len());
        }
        UnitKind::Locators => {
            let parsed = parse_locators(text);
            locators(&mut out, &parsed.value, text);
            let _ = write!(out, "errors {}", parsed.errors.len());
        }
        UnitKind::Archive => {
            let parsed = parse_archival(text);
            if let Some(a) = &parsed.value {
                let _ = write!(
                    out,
                    "repository {:?};",
                    a.repository.map(|s| words(s.slice(text)))
                );
                locators(&mut out, &a.locators, text);
            }
            let _ = write!(out, "errors {}", parsed.errors.len());
        }
        UnitKind::Prose => {
            let mut at = 0;
            for c in scan_citations(text) {
                let _ = write!(out, "text {:?};", text.get(at..c.span.start).unwrap_or(""));
                citation(&mut out, &c, text);
                at = c.span.end;
            }
            let _ = write!(out, "text {:?}", text.get(at..).unwrap_or(""));
        }
        UnitKind::Citation => {
            let parsed = parse_citation(text);
            if let Some(c) = &parsed.value {
                citation(&mut out, c, text);
            }
            let _ = write!(out, "errors {}", parsed.errors.len());
        }
        UnitKind::FrontMatter => front_matter(&mut out, text),
        UnitKind::Source => {
            let parsed = text.replace("\r\n", "\n").parse::<toml::Table>();
            match parsed {
                Ok(table) => {
                    let _ = write!(out, "{table:?}");
                }
                Err(_) => out.push_str("invalid TOML"),
            }
        }
    }
    out
}

/// `text` with its runs of white space made single spaces (no-break ones included).
fn words(text: &str) -> String {
    text.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One number; `expanded` is the value of a range's end as ibid-parse expands it.
fn number(out: &mut String, n: &LocatorNumber, text: &str, expanded: Option<u32>) {
    let written = n.span.slice(text);
    match n.kind {
        NumberKind::Arabic => {
            let value = match expanded {
                Some(v) if written.bytes().all(|b| b.is_ascii_digit()) => Some(v),
                _ => n.value,
            };
            let suffix: String = written.chars().filter(|c| !c.is_ascii_digit()).collect();
            let _ = write!(out, "{value:?}{suffix}");
        }
        NumberKind::Roman => {
            let _ = write!(out, "roman {:?}", n.value);
        }
        _ => {
            let _ = write!(out, "id {written:?}");
        }
    }
    let _ = write!(out, " {:?}", n.side);
}

/// What a list of locators (spans into `text`) means: labels, expanded numbers, sides.
pub(crate) fn locators_meaning(list: &[Locator], text: &str) -> String {
    let mut out = String::new();
    locators(&mut out, list, text);
    out
}

fn locators(out: &mut String, list: &[Locator], text: &str) {
    for l in list {
        let _ = write!(out, "[{} {:?}", l.label, l.following);
        for r in &l.ranges {
            out.push(' ');
            number(out, &r.first, text, None);
            if let Some(last) = &r.last {
                out.push('-');
                number(out, last, text, r.last_value());
            }
        }
        out.push_str("];");
    }
}

fn reference(out: &mut String, r: &Reference, text: &str) {
    let span_text = |s: Option<ibid_parse::Span>| s.map(|s| words(s.slice(text)));
    for (role, names) in [
        ("author", &r.authors),
        ("editor", &r.editors),
        ("translator", &r.translators),
    ] {
        let list: Vec<String> = names
            .names
            .iter()
            .map(|n| words(n.span().slice(text)))
            .collect();
        let _ = write!(out, "{role} {list:?} {};", names.et_al);
    }
    for (field, value) in [
        ("title", r.title),
        ("container", r.container_title),
        ("collection", r.collection_title),
        ("place", r.place),
        ("publisher", r.publisher),
        ("volume", r.volume),
        ("issue", r.issue),
        ("page", r.page),
        ("pages", r.number_of_pages),
        ("edition", r.edition),
        ("doi", r.doi),
        ("url", r.url),
    ] {
        let _ = write!(out, "{field} {:?};", span_text(value));
    }
    let _ = write!(
        out,
        "issued {:?};",
        r.issued.as_ref().and_then(|d| d.year).map(|y| y.value)
    );
    if let Some(a) = &r.archive {
        let _ = write!(out, "archive {:?};", span_text(a.repository));
        locators(out, &a.locators, text);
    }
    locators(out, &r.locators, text);
}

fn citation(out: &mut String, c: &Citation, text: &str) {
    let _ = write!(out, "{:?}:", c.mode);
    for item in &c.items {
        let _ = write!(
            out,
            "({:?} {} {:?} ",
            item.key.slice(text),
            item.suppress_author,
            item.prefix.map(|p| words(p.slice(text)))
        );
        locators(out, &item.locators, text);
        let _ = write!(out, " {:?})", item.suffix.map(|s| words(s.slice(text))));
    }
    out.push(';');
}

/// The data of a TOML text and its comments (in any order): what layout must keep.
fn front_matter(out: &mut String, text: &str) {
    let unix = text.replace("\r\n", "\n");
    let body = unix.strip_prefix('\u{feff}').unwrap_or(&unix);
    match body.parse::<toml::Table>() {
        Ok(table) => {
            let _ = write!(out, "{table:?};");
        }
        Err(_) => out.push_str("invalid TOML;"),
    }
    let mut notes = comments(body);
    notes.sort_unstable();
    let _ = write!(out, "comments {notes:?}");
}

/// Every comment of a TOML text, without trailing blanks: `#` to the end of the line,
/// outside strings.
fn comments(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                let end = text[i..].find('\n').map_or(text.len(), |n| i + n);
                found.push(text[i..end].trim_end());
                i = end;
            }
            quote @ (b'"' | b'\'') => {
                let triple = text[i..].starts_with(if quote == b'"' { "\"\"\"" } else { "'''" });
                if triple {
                    let close = if quote == b'"' { "\"\"\"" } else { "'''" };
                    i = text[i + 3..]
                        .find(close)
                        .map_or(text.len(), |n| i + 3 + n + 3);
                    while i < bytes.len() && bytes[i] == quote {
                        i += 1;
                    }
                } else {
                    i += 1;
                    while i < bytes.len() && bytes[i] != quote && bytes[i] != b'\n' {
                        if quote == b'"' && bytes[i] == b'\\' {
                            i += 1;
                        }
                        i += 1;
                    }
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_and_spacing_do_not_count_values_do() {
        let m = |t| meaning(UnitKind::Locators, t);
        assert_eq!(m("pp. 321-328"), m("p.\u{a0}321–28"));
        assert_eq!(m("page 612"), m("p. 612"));
        assert_ne!(m("p. 612"), m("p. 613"));
        assert_ne!(m("p. 612"), m("l. 612"));
        assert_ne!(m("fol. 4r"), m("fol. 4v"));
        assert_eq!(m("fol. 4v"), m("fol. 4 verso"));
        let c = |t| meaning(UnitKind::Citation, t);
        assert_eq!(c("[see  @a , pp. 33-35 ;@b]"), c("[see @a, pp. 33–35; @b]"));
        assert_ne!(c("[@a; @b]"), c("[@b; @a]"));
        assert_ne!(c("[@a]"), c("[-@a]"));
    }

    #[test]
    fn front_matter_keeps_data_and_comments() {
        let f = |t| meaning(UnitKind::FrontMatter, t);
        assert_eq!(f("a = 1 # x\nb = 'y'\n"), f("b = \"y\"\na = 1 # x\n"));
        assert_ne!(f("a = 1 # x\n"), f("a = 1\n"));
        assert_ne!(f("a = 1\n"), f("a = 2\n"));
        assert_eq!(
            comments("a = \"#no\" # yes\nb = '''\n# no\n'''\n"),
            ["# yes"]
        );
    }
}
