//! Writing a document's front matter back as TOML from the model (the record of truth),
//! so that reading what was written gives the same model (the round-trip property).

use crate::model::{DateValue, Document, Text, UnknownKey};
use std::fmt::Write as _;

/// A TOML basic string holding `s`, with every character that needs it escaped.
pub fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML key: bare when it can be, quoted otherwise.
pub fn toml_key(k: &str) -> String {
    if !k.is_empty()
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        k.to_string()
    } else {
        toml_string(k)
    }
}

struct Out(String);

impl Out {
    fn text(&mut self, key: &str, value: &Option<Text>) {
        if let Some(v) = value {
            let _ = writeln!(self.0, "{} = {}", toml_key(key), toml_string(&v.text));
        }
    }

    fn texts(&mut self, key: &str, values: &[Text]) {
        match values {
            [] => {}
            [one] => {
                let _ = writeln!(self.0, "{} = {}", toml_key(key), toml_string(&one.text));
            }
            many => {
                let list: Vec<String> = many.iter().map(|t| toml_string(&t.text)).collect();
                let _ = writeln!(self.0, "{} = [{}]", toml_key(key), list.join(", "));
            }
        }
    }

    fn date(&mut self, key: &str, value: &Option<DateValue>) {
        if let Some(d) = value {
            let written = if d.literal {
                d.written.text.clone()
            } else {
                toml_string(&d.written.text)
            };
            let _ = writeln!(self.0, "{} = {}", toml_key(key), written);
        }
    }

    fn unknown(&mut self, keys: &[UnknownKey]) {
        for u in keys {
            let _ = writeln!(self.0, "{} = {}", toml_key(&u.key.name), inline(&u.value));
        }
    }
}

/// A TOML value written inline (tables as `{ ... }`).
fn inline(value: &toml::Value) -> String {
    match value {
        toml::Value::String(s) => toml_string(s),
        toml::Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(inline).collect();
            format!("[{}]", parts.join(", "))
        }
        toml::Value::Table(t) => {
            let parts: Vec<String> = t
                .iter()
                .map(|(k, v)| format!("{} = {}", toml_key(k), inline(v)))
                .collect();
            if parts.is_empty() {
                "{}".to_string()
            } else {
                format!("{{ {} }}", parts.join(", "))
            }
        }
        other => other.to_string(),
    }
}

/// The front matter of `doc` as TOML (without the `+++` lines).
pub fn front_matter(doc: &Document) -> String {
    let mut out = Out(String::new());
    out.text("title", &doc.title);
    out.date("date", &doc.date);
    out.text("language", &doc.language);
    out.text("kind", &doc.kind);
    out.texts("author", &doc.author);
    out.texts("recipient", &doc.recipient);
    out.text("place", &doc.place);
    out.unknown(&doc.unknown);
    if let Some(s) = &doc.source {
        out.0.push_str("\n[source]\n");
        out.text("cite", &s.cite);
        out.text("key", &s.key);
        out.text("locator", &s.locator);
        out.text("cite-as-printed", &s.cite_as_printed);
        out.text("archive", &s.archive);
        out.text("language", &s.language);
        out.text("url", &s.url);
        out.date("accessed", &s.accessed);
        if let Some(e) = s.excerpt {
            let _ = writeln!(out.0, "excerpt = {}", e.value);
        }
        out.unknown(&s.unknown);
    }
    if let Some(t) = &doc.translation {
        out.0.push_str("\n[translation]\n");
        out.text("from", &t.from);
        out.text("to", &t.to);
        out.texts("by", &t.by);
        out.date("date", &t.date);
        out.text("original-title", &t.original_title);
        out.unknown(&t.unknown);
    }
    if !doc.hands.is_empty() {
        out.0.push_str("\n[hands]\n");
        for h in &doc.hands {
            let _ = writeln!(
                out.0,
                "{} = {}",
                toml_key(&h.id.name),
                toml_string(&h.name.text)
            );
        }
    }
    for n in &doc.notes {
        out.0.push_str("\n[[notes]]\n");
        out.text("marker", &n.marker);
        out.text("kind", &n.kind.as_ref().map(|k| k.text.clone()));
        out.text("hand", &n.hand);
        out.text("target", &n.target.as_ref().map(|k| k.text.clone()));
        out.text("layer", &n.layer);
        out.text("text", &n.text);
        out.unknown(&n.unknown);
    }
    for a in &doc.annotations {
        out.0.push_str("\n[[annotations]]\n");
        if let Some(n) = a.number {
            let _ = writeln!(out.0, "n = {}", n.value);
        }
        out.text("hand", &a.hand);
        out.date("date", &a.date);
        out.text("place", &a.place);
        out.text("text", &a.text);
        out.unknown(&a.unknown);
    }
    if let Some(i) = &doc.import {
        out.0.push_str("\n[import]\n");
        out.text("preamble", &i.preamble);
        out.unknown(&i.unknown);
        for d in &i.debris {
            out.0.push_str("\n[[import.debris]]\n");
            for (key, value) in [("line", d.line), ("column", d.column)] {
                if let Some(v) = value {
                    let _ = writeln!(out.0, "{key} = {}", v.value);
                }
            }
            out.text("text", &d.text);
            out.text("reason", &d.reason);
            out.unknown(&d.unknown);
        }
    }
    out.0
}

/// The whole document: front matter between `+++` lines, then the body verbatim. A
/// document whose metadata lives in a sidecar is written with front matter too.
pub fn document(doc: &Document) -> String {
    format!("+++\n{}+++\n{}", front_matter(doc), doc.body_text())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_keys_are_escaped() {
        assert_eq!(toml_string("a \"b\" \\ c\n"), "\"a \\\"b\\\" \\\\ c\\n\"");
        assert_eq!(toml_key("lenin"), "lenin");
        assert_eq!(toml_key("drafts/*.md"), "\"drafts/*.md\"");
    }
}
