//! The readable text view of a document (`ibid show`): metadata, parsed source, witness
//! chain, hands, notes with where their markers stand, annotations with inferred dates marked.

use super::util::{archive_parts, describe_date};
use crate::bib::Bibliography;
use crate::body::MarkerRole;
use crate::model::{Document, Text};
use ibid_parse::{Locator, Name, Span};
use std::collections::HashMap;
use std::fmt::Write as _;

fn locators_line(locators: &[Locator], input: &str) -> String {
    locators
        .iter()
        .map(|l| format!("{} {}", l.label.name(), l.value_text(input)))
        .collect::<Vec<_>>()
        .join("; ")
}

fn names_line(names: &[Name], input: &str) -> String {
    names
        .iter()
        .map(|n| n.span().slice(input).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn list(texts: &[Text]) -> String {
    texts
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The text view of `doc`; `bib` resolves `[source] key`.
pub fn show(doc: &Document, bib: Option<&Bibliography>) -> String {
    let mut o = String::new();
    let title = doc
        .title
        .as_ref()
        .map_or(doc.id.as_str(), |t| t.text.as_str());
    let _ = writeln!(o, "{title}");
    let _ = writeln!(o, "{}", "=".repeat(title.chars().count().min(80)));
    let _ = writeln!(o, "file:       {}", doc.file.path.display());
    if let Some(side) = &doc.sidecar {
        let _ = writeln!(o, "metadata:   {} (sidecar)", side.path.display());
    }
    if let Some(d) = &doc.date {
        let _ = writeln!(o, "date:       {}", describe_date(d));
    }
    if let Some(l) = &doc.language {
        let _ = writeln!(o, "language:   {}", l.text);
    }
    if let Some(k) = &doc.kind {
        let _ = writeln!(o, "kind:       {}", k.text);
    }
    if !doc.author.is_empty() {
        let _ = writeln!(o, "author:     {}", list(&doc.author));
    }
    if !doc.recipient.is_empty() {
        let _ = writeln!(o, "recipient:  {}", list(&doc.recipient));
    }
    if let Some(p) = &doc.place {
        let _ = writeln!(o, "place:      {}", p.text);
    }
    if let Some(s) = &doc.source {
        let _ = writeln!(o, "\nSource");
        if let Some(c) = &s.cite {
            let _ = writeln!(o, "  cite:     {}", c.text);
            if let Some(r) = &s.reference {
                let r = &r.value;
                let input = c.text.as_str();
                let mut parts = Vec::new();
                if !r.authors.names.is_empty() {
                    parts.push(format!("author {}", names_line(&r.authors.names, input)));
                }
                if let Some(t) = r.title {
                    parts.push(format!("title {}", t.slice(input)));
                }
                for (label, span) in [
                    ("container", r.container_title),
                    ("volume", r.volume),
                    ("place", r.place),
                    ("publisher", r.publisher),
                ] {
                    if let Some(span) = span {
                        parts.push(format!("{label} {}", span.slice(input)));
                    }
                }
                if let Some(d) = &r.issued {
                    parts.push(format!("issued {}", d.span.slice(input)));
                }
                if !r.locators.is_empty() {
                    parts.push(locators_line(&r.locators, input));
                }
                if let Some(a) = &r.archive {
                    if let Some(repo) = a.repository {
                        parts.push(format!("repository {}", repo.slice(input)));
                    }
                    if !a.locators.is_empty() {
                        parts.push(locators_line(&a.locators, input));
                    }
                }
                if !parts.is_empty() {
                    let _ = writeln!(o, "  parsed:   {}", parts.join("; "));
                }
                if s.cited_archive().is_some() {
                    let _ = writeln!(
                        o,
                        "            (an archival reference: the text was taken from the original)"
                    );
                }
            }
            if let Some((key, true)) = s.edition_key(bib) {
                let title = bib
                    .and_then(|b| b.get(&key))
                    .and_then(|e| e.item.title.as_deref())
                    .unwrap_or("(untitled entry)");
                let _ = writeln!(
                    o,
                    "  matches:  {key} → {title} (by author and title; write `key = \"{key}\"` to say so)"
                );
            }
        }
        if let Some(k) = &s.key {
            let entry = bib.and_then(|b| b.get(&k.text));
            let found = match entry {
                Some(e) => format!(
                    " → {}",
                    e.item.title.as_deref().unwrap_or("(untitled entry)")
                ),
                None if bib.is_some() => " (not in the bibliography)".to_string(),
                None => String::new(),
            };
            let _ = writeln!(o, "  key:      {}{found}", k.text);
        }
        if let Some(l) = &s.locator {
            let _ = writeln!(o, "  locator:  {}", l.text);
            if let Some(p) = &s.locators {
                if !p.value.is_empty() {
                    let _ = writeln!(o, "  parsed:   {}", locators_line(&p.value, &l.text));
                }
            }
        }
        if let Some(p) = &s.cite_as_printed {
            let _ = writeln!(
                o,
                "  printed:  {} (as cited before `ibid fmt --unify-sources`)",
                p.text
            );
        }
        if let Some(a) = &s.archive {
            let _ = writeln!(o, "  archive:  {}", a.text);
            let parsed = s.archival.as_ref().and_then(|p| p.value.as_ref());
            match parsed {
                Some(ar) if !ar.locators.is_empty() => {
                    let repo = ar
                        .repository
                        .map(|r| format!("repository {}; ", r.slice(&a.text)))
                        .unwrap_or_default();
                    let _ = writeln!(
                        o,
                        "  parsed:   {repo}{}",
                        locators_line(&ar.locators, &a.text)
                    );
                }
                _ => {
                    if let Some((repo, loc)) = archive_parts(s) {
                        let _ = writeln!(
                            o,
                            "  parsed:   repository {repo}{}",
                            loc.map(|l| format!("; location {l}")).unwrap_or_default()
                        );
                    }
                }
            }
        }
        if let Some(l) = &s.language {
            let _ = writeln!(o, "  language: {}", l.text);
        }
        if let Some(u) = &s.url {
            let _ = writeln!(o, "  url:      {}", u.text);
        }
        if let Some(d) = &s.accessed {
            let _ = writeln!(o, "  accessed: {}", describe_date(d));
        }
        if let Some(e) = s.excerpt {
            let _ = writeln!(o, "  excerpt:  {}", e.value);
        }
    }
    if let Some(t) = &doc.translation {
        let _ = writeln!(o, "\nTranslation");
        let from = t.from.as_ref().map_or("?", |f| f.text.as_str());
        let to = match (&t.to, &doc.language) {
            (Some(to), _) => to.text.clone(),
            (None, Some(l)) => format!("{} (`language`: `to` not given)", l.text),
            (None, None) => "?".to_string(),
        };
        let _ = writeln!(o, "  from {from} to {to}");
        if !t.by.is_empty() {
            let _ = writeln!(o, "  by:       {}", list(&t.by));
        }
        if let Some(d) = &t.date {
            let _ = writeln!(o, "  date:     {}", describe_date(d));
        }
        if let Some(ot) = &t.original_title {
            let _ = writeln!(o, "  original title: {}", ot.text);
        }
    }
    let chain = doc.witnesses_with(bib);
    let _ = writeln!(o, "\nWitnesses");
    for (i, w) in chain.witnesses.iter().enumerate() {
        let mut facts = Vec::new();
        if let Some(l) = &w.language {
            facts.push(l.clone());
        }
        if let Some(d) = &w.date {
            facts.push(d.clone());
        }
        let facts = if facts.is_empty() {
            String::new()
        } else {
            format!(" ({})", facts.join(", "))
        };
        let _ = writeln!(o, "  {}. {}{facts}: {}", i + 1, w.kind.id(), w.label);
        if let Some(c) = w.citation.as_ref().filter(|c| **c != w.label) {
            let _ = writeln!(o, "     {c}");
        }
        for d in chain.derivations.iter().filter(|d| d.to == i) {
            let by = if d.agents.is_empty() {
                String::new()
            } else {
                format!(
                    " by {}",
                    d.agents
                        .iter()
                        .map(|a| a.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            let _ = writeln!(o, "     ← {} of {}{by}", d.kind.name(), d.from + 1);
        }
    }
    if !doc.hands.is_empty() {
        let _ = writeln!(o, "\nHands ({})", doc.hands.len());
        let width = doc
            .hands
            .iter()
            .map(|h| h.id.name.chars().count())
            .max()
            .unwrap_or(0);
        for h in &doc.hands {
            let label = if h.is_unidentified() {
                " (unidentified)"
            } else {
                ""
            };
            let _ = writeln!(o, "  {:width$}  {}{label}", h.id.name, h.name.text);
        }
    }
    let body_text = doc.body_text();
    if !doc.notes.is_empty() {
        let _ = writeln!(o, "\nNotes ({})", doc.notes.len());
        let hands = doc.hands_by_id();
        let places = MarkerPlaces::new(doc, body_text);
        for n in &doc.notes {
            let marker = n.marker.as_ref().map_or("?", |m| m.text.as_str());
            let kind = n.kind.as_ref().map_or("note", |k| k.text.text.as_str());
            let hand = n
                .hand
                .as_ref()
                .map(|h| {
                    let name = hands
                        .get(h.text.as_str())
                        .map(|x| x.name.text.as_str())
                        .unwrap_or("undeclared");
                    format!(" by {} ({name})", h.text)
                })
                .unwrap_or_default();
            let target = n
                .target
                .as_ref()
                .map(|t| format!(", target {}", t.text.text))
                .unwrap_or_default();
            let _ = writeln!(o, "  {marker:5} {kind}{hand}{target}");
            if let Some(t) = &n.text {
                let _ = writeln!(o, "        {}", t.text);
            }
            let _ = writeln!(o, "        {}", places.describe(marker));
        }
    }
    if !doc.annotations.is_empty() {
        let _ = writeln!(o, "\nAnnotations ({})", doc.annotations.len());
        let hands = doc.hands_by_id();
        for (i, a) in doc.annotations.iter().enumerate() {
            let n = a.number.map_or(i as i64 + 1, |n| n.value);
            let hand = a
                .hand
                .as_ref()
                .map(|h| {
                    hands
                        .get(h.text.as_str())
                        .map_or_else(|| h.text.clone(), |x| x.name.text.clone())
                })
                .unwrap_or_else(|| "no hand given".to_string());
            let mut head = format!("  {n:>2}. {hand}");
            if let Some(p) = &a.place {
                head.push_str(&format!(", {}", p.text));
            }
            if let Some(d) = &a.date {
                head.push_str(&format!(", {}", describe_date(d)));
            }
            let _ = writeln!(o, "{head}");
            if let Some(t) = &a.text {
                let _ = writeln!(o, "      “{}”", t.text);
            }
            for e in &a.marks.expansions {
                let written = a.text.as_ref().map_or("", |t| e.span.slice(&t.text));
                let _ = writeln!(o, "      expansion: {written} → {}", e.expanded);
            }
        }
    }
    let marks = &doc.body.marks;
    let _ = writeln!(o, "\nBody");
    let at = doc.file.line_col(doc.body.span.start);
    let _ = writeln!(
        o,
        "  starts at line {}, {} bytes",
        at.line,
        doc.body.span.len()
    );
    let refs: Vec<&str> = marks
        .markers
        .iter()
        .filter(|m| m.role == MarkerRole::Reference)
        .map(|m| m.marker.as_str())
        .collect();
    let _ = writeln!(
        o,
        "  markers:     {}",
        if refs.is_empty() {
            "none".to_string()
        } else {
            refs.join(" ")
        }
    );
    let defs: Vec<&str> = marks
        .markers
        .iter()
        .filter(|m| m.role == MarkerRole::Definition)
        .map(|m| m.marker.as_str())
        .collect();
    if !defs.is_empty() {
        let _ = writeln!(o, "  note texts in the body: {}", defs.join(" "));
    }
    let omissions: Vec<&str> = marks.omissions.iter().map(|m| m.written.as_str()).collect();
    let _ = writeln!(
        o,
        "  omissions:   {}",
        if omissions.is_empty() {
            "none".to_string()
        } else {
            omissions.join(" ")
        }
    );
    for e in &marks.expansions {
        let _ = writeln!(
            o,
            "  expansion:   {} → {}",
            e.span.slice(body_text),
            e.expanded
        );
    }
    if !doc.body.citations.is_empty() {
        let _ = writeln!(o, "  citations:");
        for c in &doc.body.citations {
            let keys: Vec<&str> = c.items.iter().map(|i| i.key.slice(body_text)).collect();
            let pos = doc.file.line_col(doc.body.file_span(c.span).start);
            let _ = writeln!(
                o,
                "    {}:{} {} ({})",
                pos.line,
                pos.column,
                c.span.slice(body_text),
                keys.join(", ")
            );
        }
    }
    if !doc.unknown_keys().is_empty() {
        let _ = writeln!(o, "\nUnknown keys (kept, not understood)");
        for u in doc.unknown_keys() {
            let _ = writeln!(o, "  {} = {}", u.path, u.raw_value);
        }
    }
    o
}

/// Where each marker stands in the body, gathered in one pass so that describing every note
/// costs linear time however many notes and markers there are.
struct MarkerPlaces<'a> {
    doc: &'a Document,
    body: &'a str,
    /// Note markers in running text, by marker as written.
    references: HashMap<&'a str, Vec<Span>>,
    /// Omissions and expansions, by their text (and an expansion by its bracketed part too),
    /// for notes whose marker the scan does not take for a note marker (`<…>`, `K[restinsky]`).
    other_marks: HashMap<&'a str, Vec<Span>>,
}

/// The most places listed for one marker.
const MAX_PLACES: usize = 20;

impl<'a> MarkerPlaces<'a> {
    fn new(doc: &'a Document, body: &'a str) -> Self {
        let marks = &doc.body.marks;
        let mut references: HashMap<&str, Vec<Span>> = HashMap::new();
        for m in &marks.markers {
            if m.role == MarkerRole::Reference {
                references
                    .entry(m.marker.as_str())
                    .or_default()
                    .push(m.span);
            }
        }
        let mut other_marks: HashMap<&str, Vec<Span>> = HashMap::new();
        for g in &marks.omissions {
            other_marks
                .entry(g.written.as_str())
                .or_default()
                .push(g.span);
        }
        for e in &marks.expansions {
            let written = body.get(e.span.range()).unwrap_or("");
            let bracketed = body
                .get(e.supplied.start.saturating_sub(1)..e.supplied.end + 1)
                .unwrap_or("");
            for text in [written, bracketed] {
                if !text.is_empty() {
                    other_marks.entry(text).or_default().push(e.span);
                }
            }
        }
        MarkerPlaces {
            doc,
            body,
            references,
            other_marks,
        }
    }

    /// "in the body at 3:14 after “word”, ..." or "not found in the body".
    fn describe(&self, marker: &str) -> String {
        let mut places: Vec<String> = Vec::new();
        let mut total = 0;
        if let Some(spans) = self.references.get(marker) {
            total = spans.len();
            for span in spans.iter().take(MAX_PLACES) {
                let at = self.doc.file.line_col(self.doc.body.file_span(*span).start);
                let before = self.body.get(..span.start).unwrap_or("").trim_end();
                let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
                let word: String = {
                    let tail: Vec<char> = word.chars().rev().take(30).collect();
                    tail.into_iter().rev().collect()
                };
                places.push(format!("{}:{} after “{word}”", at.line, at.column));
            }
        } else if marker != "?" {
            let spans = self.other_marks.get(marker).map_or(&[][..], Vec::as_slice);
            total = spans.len();
            for span in spans.iter().take(MAX_PLACES) {
                let at = self.doc.file.line_col(self.doc.body.file_span(*span).start);
                let what = self.body.get(span.range()).unwrap_or("");
                places.push(format!("{}:{} “{what}”", at.line, at.column));
            }
        }
        if places.is_empty() {
            return "not found in the body".to_owned();
        }
        if total > places.len() {
            places.push(format!("and {} more", total - places.len()));
        }
        format!("in the body at {}", places.join(", "))
    }
}
