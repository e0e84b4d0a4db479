//! Assembling the output: the front matter in format v1 (TOML, keys in the order of
//! `docs/format.md`), the body from the lines placed in it, and the whole document.

use crate::fields::{Fields, Found};
use crate::page::Page;
use crate::placement::Place;
use ibid_provenance::write::{toml_key, toml_string};
use std::fmt::Write as _;

/// The front matter of `fields` as TOML (without `+++` lines), with `\n` line endings.
pub(crate) fn front_matter(fields: &Fields, keep_debris: bool, sidecar: bool) -> String {
    let mut out = String::new();
    let put = |out: &mut String, key: &str, value: &Option<Found>| {
        if let Some(v) = value {
            let _ = writeln!(out, "{} = {}", toml_key(key), toml_string(&v.value));
        }
    };
    put(&mut out, "title", &fields.title);
    put(&mut out, "date", &fields.date);
    put(&mut out, "language", &fields.language);
    put(&mut out, "kind", &fields.kind);
    put(&mut out, "author", &fields.author);
    put(&mut out, "recipient", &fields.recipient);
    put(&mut out, "place", &fields.place);
    let s = &fields.source;
    if s.cite.is_some() || s.key.is_some() || s.archive.is_some() {
        out.push_str("\n[source]\n");
        if s.key.is_some() {
            put(&mut out, "key", &s.key);
            put(&mut out, "locator", &s.locator);
        } else {
            put(&mut out, "cite", &s.cite);
        }
        put(&mut out, "archive", &s.archive);
        put(&mut out, "language", &s.language);
    }
    if let Some(t) = &fields.translation {
        out.push_str("\n[translation]\n");
        put(&mut out, "from", &t.from);
        put(&mut out, "to", &t.to);
        if !t.by.is_empty() {
            let list: Vec<String> = t.by.iter().map(|b| toml_string(&b.value)).collect();
            let _ = writeln!(out, "by = [{}]", list.join(", "));
        }
    }
    if !fields.hands.is_empty() {
        out.push_str("\n[hands]\n");
        for h in &fields.hands {
            let _ = writeln!(out, "{} = {}", toml_key(&h.id), toml_string(&h.name.value));
        }
    }
    for n in &fields.notes {
        out.push_str("\n[[notes]]\n");
        let _ = writeln!(out, "marker = {}", toml_string(&n.marker));
        put(&mut out, "kind", &n.kind);
        put(&mut out, "hand", &n.hand);
        put(&mut out, "target", &n.target);
        let _ = writeln!(out, "text = {}", toml_string(&n.text.value));
    }
    for a in &fields.annotations {
        out.push_str("\n[[annotations]]\n");
        if let Some(n) = a.n {
            let _ = writeln!(out, "n = {n}");
        }
        put(&mut out, "hand", &a.hand);
        put(&mut out, "date", &a.date);
        let _ = writeln!(out, "text = {}", toml_string(&a.text.value));
    }
    let preamble = fields.preamble.as_ref().filter(|_| !sidecar);
    let debris = if keep_debris {
        &[][..]
    } else {
        &fields.debris[..]
    };
    if preamble.is_some() || !debris.is_empty() {
        out.push_str("\n[import]\n");
        if let Some(p) = preamble {
            let _ = writeln!(out, "preamble = {}", multiline(&p.value));
        }
        for d in debris {
            out.push_str("\n[[import.debris]]\n");
            let _ = writeln!(out, "line = {}", d.line);
            if d.part_of_line {
                let _ = writeln!(out, "column = {}", d.column);
            }
            let _ = writeln!(out, "text = {}", toml_string(&d.text));
            let _ = writeln!(out, "reason = {}", toml_string(&d.reason));
        }
    }
    out
}

/// A TOML multi-line basic string holding `s` exactly.
fn multiline(s: &str) -> String {
    if !s.contains('\n') {
        return toml_string(s);
    }
    let mut out = String::from("\"\"\"\n");
    let mut line_start = true;
    for (i, c) in s.char_indices() {
        // A line of `+++` would close the front matter: write its first `+` escaped.
        if line_start
            && c == '+'
            && s[i..]
                .split('\n')
                .next()
                .is_some_and(|l| l.trim_end() == "+++")
        {
            out.push_str("\\u002B");
            line_start = false;
            continue;
        }
        line_start = c == '\n';
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push('\n'),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push_str("\"\"\"");
    out
}

/// The body: the lines placed in it (the rest of a line whose start is debris, or the
/// whole line with `keep_debris`), each ended by the page's line ending.
pub(crate) fn body(page: &Page, places: &[Place], keep_debris: bool) -> String {
    let nl = page.newline();
    let mut out = String::new();
    for (i, (line, place)) in page.lines.iter().zip(places).enumerate() {
        let text = match place {
            Place::Body => line.as_str(),
            Place::DebrisThenBody if keep_debris => line.as_str(),
            Place::DebrisThenBody => crate::signature::split_list_number(line).1,
            Place::Debris if keep_debris => line.as_str(),
            _ => continue,
        };
        out.push_str(text);
        if i + 1 < page.lines.len() || page.final_newline {
            out.push_str(nl);
        }
    }
    out
}

/// The whole document: `+++`, the front matter, `+++`, the body, in the page's line
/// endings and with its BOM.
pub(crate) fn document(page: &Page, front_matter: &str, body: &str) -> String {
    let nl = page.newline();
    let mut out = String::with_capacity(front_matter.len() + body.len() + 16);
    if page.bom {
        out.push('\u{feff}');
    }
    out.push_str("+++");
    out.push_str(nl);
    for line in front_matter.lines() {
        out.push_str(line);
        out.push_str(nl);
    }
    out.push_str("+++");
    out.push_str(nl);
    out.push_str(body);
    out
}

/// The sidecar's text: the front matter in the page's line endings.
pub(crate) fn sidecar(page: &Page, front_matter: &str) -> String {
    let nl = page.newline();
    front_matter.lines().fold(String::new(), |mut acc, l| {
        acc.push_str(l);
        acc.push_str(nl);
        acc
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiline_strings_round_trip() {
        let s = "a \"quoted\" \\ line\n\nand more\n+++\nend";
        let toml_text = format!("v = {}\n", multiline(s));
        let table: toml::Table = toml::from_str(&toml_text).unwrap();
        assert_eq!(table["v"].as_str(), Some(s));
        assert!(!toml_text.lines().any(|l| l.trim_end() == "+++"));
    }
}
