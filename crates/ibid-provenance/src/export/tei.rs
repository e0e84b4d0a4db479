//! TEI P5 export: a `teiHeader` (title, responsibility for the translation, the edition in
//! `sourceDesc/bibl`, the original in `msDesc`, `handNote` per hand, editorial notes) and the
//! text with marks as `hi`/`ref`, omissions as `gap`, expansions as `expan`/`ex`, marginalia
//! as `note place="margin"`. Everything is escaped; the output is well-formed XML.

use super::util::{archival, archive_parts, archive_text, iso_date, slug, xml_escape as esc};
use crate::bib::Bibliography;
use crate::body::{MarkerRole, TextMarks};
use crate::model::{DateValue, Document, NoteKind, Source, Target};
use ibid_parse::csl::CslName;
use ibid_parse::{Locator, LocatorLabel};
use std::fmt::Write as _;

const TEI_NS: &str = "http://www.tei-c.org/ns/1.0";

/// One TEI document for `doc`; `bib` resolves `[source] key`.
pub fn tei(doc: &Document, bib: Option<&Bibliography>) -> String {
    let mut o = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    write_tei(&mut o, doc, bib, true);
    o
}

/// A `teiCorpus` holding one `TEI` per document.
pub fn tei_corpus(docs: &[&Document], bib: Option<&Bibliography>) -> String {
    let mut o = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(o, "<teiCorpus xmlns=\"{TEI_NS}\">");
    o.push_str("  <teiHeader>\n    <fileDesc>\n      <titleStmt><title>Corpus exported by ibid</title></titleStmt>\n      <publicationStmt><p>Exported by ibid; the TOML front matter is the record of truth.</p></publicationStmt>\n      <sourceDesc><p>See the header of each document.</p></sourceDesc>\n    </fileDesc>\n  </teiHeader>\n");
    for d in docs {
        write_tei(&mut o, d, bib, false);
    }
    o.push_str("</teiCorpus>\n");
    o
}

fn date_el(tag: &str, d: &DateValue) -> String {
    let when = d.date().and_then(iso_date);
    let inferred = d.date().is_some_and(|p| {
        p.year.is_some_and(|y| y.is_inferred()) || p.month.is_some_and(|m| m.is_inferred())
    });
    let mut attrs = String::new();
    if let Some(w) = when {
        let _ = write!(attrs, " when=\"{}\"", esc(&w));
    }
    if inferred {
        attrs.push_str(" cert=\"medium\" evidence=\"conjecture\"");
    }
    format!("<{tag}{attrs}>{}</{tag}>", esc(&d.written.text))
}

fn bibl_scopes(o: &mut String, locators: &[Locator], input: &str, indent: &str) {
    for l in locators {
        let unit = match l.label {
            LocatorLabel::Document => "document",
            LocatorLabel::Page => "page",
            LocatorLabel::Volume => "volume",
            LocatorLabel::Folio => "folio",
            other => other.name(),
        };
        let _ = writeln!(
            o,
            "{indent}<biblScope unit=\"{}\">{}</biblScope>",
            esc(unit),
            esc(l.value_text(input))
        );
    }
}

fn write_tei(o: &mut String, doc: &Document, bib: Option<&Bibliography>, root: bool) {
    let lang = doc.text_language().unwrap_or("und");
    let ns = if root {
        format!(" xmlns=\"{TEI_NS}\"")
    } else {
        String::new()
    };
    let _ = writeln!(
        o,
        "<TEI{ns} xml:id=\"{}\" xml:lang=\"{}\">",
        esc(&xml_id(&doc.id)),
        esc(lang)
    );
    o.push_str("  <teiHeader>\n    <fileDesc>\n      <titleStmt>\n");
    let title = doc
        .title
        .as_ref()
        .map_or(doc.id.as_str(), |t| t.text.as_str());
    let _ = writeln!(o, "        <title>{}</title>", esc(title));
    for a in &doc.author {
        let _ = writeln!(o, "        <author>{}</author>", esc(&a.text));
    }
    if let Some(t) = &doc.translation {
        for by in &t.by {
            let _ = writeln!(
                o,
                "        <respStmt><resp>translation</resp><name>{}</name></respStmt>",
                esc(&by.text)
            );
        }
    }
    o.push_str("      </titleStmt>\n");
    let _ = writeln!(
        o,
        "      <publicationStmt><p>Exported by ibid from {}; the TOML front matter is the record of truth.</p></publicationStmt>",
        // The file's name only: an export is shared, the folders of the machine it was
        // made on are nobody's business.
        esc(&doc
            .file
            .path
            .file_name()
            .map_or_else(|| doc.id.clone(), |n| n.to_string_lossy().into_owned()))
    );
    // Editorial notes explaining markers.
    if !doc.notes.is_empty() {
        o.push_str("      <notesStmt>\n");
        for (i, n) in doc.notes.iter().enumerate() {
            let mut attrs = format!(" xml:id=\"{}\"", note_id(doc, i));
            if let Some(m) = &n.marker {
                let _ = write!(attrs, " n=\"{}\"", esc(&m.text));
            }
            if let Some(k) = &n.kind {
                let _ = write!(attrs, " type=\"{}\"", esc(&k.text.text));
            }
            if let Some(h) = &n.hand {
                let _ = write!(attrs, " hand=\"#{}\"", esc(&hand_id(doc, &h.text)));
            }
            if let Some(l) = &n.layer {
                let _ = write!(attrs, " resp=\"#{}\"", esc(&slug(&l.text)));
            }
            let text = n.text.as_ref().map_or("", |t| t.text.as_str());
            let _ = writeln!(o, "        <note{attrs}>{}</note>", esc(text));
        }
        o.push_str("      </notesStmt>\n");
    }
    o.push_str("      <sourceDesc>\n");
    let mut wrote_source = false;
    if let Some(s) = &doc.source {
        if s.cites_edition() {
            wrote_source = true;
            write_edition(o, s, bib);
        }
        if let Some(url) = &s.url {
            wrote_source = true;
            let _ = writeln!(
                o,
                "        <bibl type=\"web-edition\"><ref target=\"{}\">{}</ref>",
                esc(&url.text),
                esc(&url.text)
            );
            if let Some(d) = &s.accessed {
                let _ = writeln!(
                    o,
                    "          {}",
                    date_el("date", d).replacen("<date", "<date type=\"accessed\"", 1)
                );
            }
            o.push_str("        </bibl>\n");
        }
        if archive_text(s).is_some() {
            wrote_source = true;
            write_ms_desc(o, s);
        }
    }
    if !wrote_source {
        o.push_str("        <p>No source recorded.</p>\n");
    }
    o.push_str("      </sourceDesc>\n    </fileDesc>\n    <profileDesc>\n");
    if let Some(d) = &doc.date {
        let _ = writeln!(o, "      <creation>{}</creation>", date_el("date", d));
    }
    o.push_str("      <langUsage>\n");
    let _ = writeln!(o, "        <language ident=\"{}\"/>", esc(lang));
    if let Some(from) = doc.translation.as_ref().and_then(|t| t.from.as_ref()) {
        if from.text != lang {
            let _ = writeln!(
                o,
                "        <language ident=\"{}\">original</language>",
                esc(&from.text)
            );
        }
    }
    o.push_str("      </langUsage>\n");
    if !doc.hands.is_empty() {
        o.push_str("      <handNotes>\n");
        for h in &doc.hands {
            // `scribe` is an XML name: the hand's id, for identified hands.
            let scribe = if h.is_unidentified() {
                String::new()
            } else {
                format!(" scribe=\"{}\"", esc(&xml_id(&h.id.name)))
            };
            let _ = writeln!(
                o,
                "        <handNote xml:id=\"{}\"{scribe}>{}</handNote>",
                esc(&hand_id(doc, &h.id.name)),
                esc(&h.name.text)
            );
        }
        o.push_str("      </handNotes>\n");
    }
    o.push_str("    </profileDesc>\n  </teiHeader>\n  <text>\n    <body>\n");
    let div = if doc.translation.is_some() {
        "translation"
    } else {
        "transcription"
    };
    let _ = writeln!(o, "      <div type=\"{div}\">");
    let body = doc.body_text();
    for (start, end) in paragraphs(body) {
        let p = inline(doc, body, &doc.body.marks, start, end);
        if !p.trim().is_empty() {
            let _ = writeln!(o, "        <p>{}</p>", p.trim());
        }
    }
    o.push_str("      </div>\n");
    if !doc.annotations.is_empty() {
        o.push_str("      <div type=\"annotations\">\n");
        for (i, a) in doc.annotations.iter().enumerate() {
            let mut attrs = String::new();
            let place = a.place.as_ref().map_or("margin", |p| p.text.as_str());
            let _ = write!(attrs, " place=\"{}\"", esc(place));
            if let Some(h) = &a.hand {
                let _ = write!(attrs, " hand=\"#{}\"", esc(&hand_id(doc, &h.text)));
            }
            let n = a.number.map_or(i as i64 + 1, |n| n.value);
            let _ = write!(attrs, " n=\"{n}\"");
            // A date written inside the text is marked up where it stands; otherwise it
            // goes first.
            let mut date = a
                .date
                .as_ref()
                .map(|d| format!("{} ", date_el("date", d)))
                .unwrap_or_default();
            let mut extra = Vec::new();
            if let (Some(d), Some(t)) = (&a.date, &a.text) {
                if let Some(at) = t
                    .text
                    .find(d.written.text.as_str())
                    .filter(|_| !d.written.text.is_empty())
                {
                    extra.push(Event {
                        start: at,
                        end: at + d.written.text.len(),
                        xml: date_el("date", d),
                    });
                    date.clear();
                }
            }
            let text = a
                .text
                .as_ref()
                .map(|t| inline_with(doc, &t.text, &a.marks, 0, t.text.len(), extra))
                .unwrap_or_default();
            let _ = writeln!(o, "        <note{attrs}>{date}{text}</note>");
        }
        o.push_str("      </div>\n");
    }
    o.push_str("    </body>\n  </text>\n</TEI>\n");
}

/// A CSL name as TEI writes it: `Family, Given`, or the literal.
fn csl_name(n: &CslName) -> String {
    n.literal.as_deref().map(str::to_string).unwrap_or_else(|| {
        let family = [n.particle.as_deref(), n.family.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        match n.given.as_deref() {
            Some(given) if !family.is_empty() => format!("{family}, {given}"),
            Some(given) => given.to_string(),
            None => family,
        }
    })
}

/// `<bibl type="edition">`: the edition the text was taken from, described from the
/// bibliography entry `key` names (or `cite` matches), else from the parsed `cite`; then
/// the pinpoint as `biblScope`s and the citation as written.
fn write_edition(o: &mut String, s: &Source, bib: Option<&Bibliography>) {
    const IN: &str = "          ";
    o.push_str("        <bibl type=\"edition\">\n");
    let resolved = s.edition_key(bib);
    let entry = resolved
        .as_ref()
        .and_then(|(key, _)| bib.and_then(|b| b.get(key)));
    if let Some(e) = entry {
        for a in &e.item.author {
            let _ = writeln!(o, "{IN}<author>{}</author>", esc(&csl_name(a)));
        }
        for a in &e.item.editor {
            let _ = writeln!(o, "{IN}<editor>{}</editor>", esc(&csl_name(a)));
        }
        if let Some(t) = &e.item.title {
            let _ = writeln!(o, "{IN}<title>{}</title>", esc(t));
        }
        if let Some(t) = &e.item.container_title {
            let level = if e.item.item_type.starts_with("article") {
                "j"
            } else {
                "m"
            };
            let _ = writeln!(o, "{IN}<title level=\"{level}\">{}</title>", esc(t));
        }
        if let Some(p) = &e.item.publisher_place {
            let _ = writeln!(o, "{IN}<pubPlace>{}</pubPlace>", esc(p));
        }
        if let Some(p) = &e.item.publisher {
            let _ = writeln!(o, "{IN}<publisher>{}</publisher>", esc(p));
        }
        if let Some(d) = e.item.issued.as_ref().map(|d| d.start) {
            let when: Vec<String> = d
                .as_slice()
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    if i == 0 {
                        format!("{p:04}")
                    } else {
                        format!("{p:02}")
                    }
                })
                .collect();
            let when = when.join("-");
            let _ = writeln!(o, "{IN}<date when=\"{}\">{}</date>", esc(&when), esc(&when));
        }
        if let Some(v) = &e.item.volume {
            let _ = writeln!(o, "{IN}<biblScope unit=\"volume\">{}</biblScope>", esc(v));
        }
    } else if let (Some(c), Some(r)) = (&s.cite, &s.reference) {
        let r = &r.value;
        for a in &r.authors.names {
            let _ = writeln!(o, "{IN}<author>{}</author>", esc(a.span().slice(&c.text)));
        }
        for a in &r.editors.names {
            let _ = writeln!(o, "{IN}<editor>{}</editor>", esc(a.span().slice(&c.text)));
        }
        if let Some(t) = r.title {
            let _ = writeln!(o, "{IN}<title>{}</title>", esc(t.slice(&c.text)));
        }
        for (tag, span) in [("pubPlace", r.place), ("publisher", r.publisher)] {
            if let Some(span) = span {
                let _ = writeln!(o, "{IN}<{tag}>{}</{tag}>", esc(span.slice(&c.text)));
            }
        }
        if let Some(d) = &r.issued {
            let when = iso_date(d)
                .map(|w| format!(" when=\"{}\"", esc(&w)))
                .unwrap_or_default();
            let _ = writeln!(o, "{IN}<date{when}>{}</date>", esc(d.span.slice(&c.text)));
        }
    }
    if let Some((key, matched)) = &resolved {
        let how = if *matched { " subtype=\"matched\"" } else { "" };
        let _ = writeln!(o, "{IN}<idno type=\"ibid-key\"{how}>{}</idno>", esc(key));
    }
    match (&s.locator, &s.locators, &s.cite, &s.reference) {
        (Some(l), Some(p), _, _) => bibl_scopes(o, &p.value, &l.text, IN),
        (None, _, Some(c), Some(r)) => bibl_scopes(o, &r.value.locators, &c.text, IN),
        _ => {}
    }
    if let Some(c) = &s.cite {
        let _ = writeln!(o, "{IN}<note type=\"as-written\">{}</note>", esc(&c.text));
    }
    if let Some(p) = &s.cite_as_printed {
        let _ = writeln!(o, "{IN}<note type=\"as-printed\">{}</note>", esc(&p.text));
    }
    o.push_str("        </bibl>\n");
}

/// The TEI `idno` type of an archival level: the Russian terms for fond, opis and delo.
fn level_type(label: LocatorLabel) -> Option<&'static str> {
    match label {
        LocatorLabel::Fond => Some("fond"),
        LocatorLabel::Inventory => Some("opis"),
        LocatorLabel::File => Some("delo"),
        LocatorLabel::Box => Some("box"),
        LocatorLabel::Folder => Some("folder"),
        _ => None,
    }
}

/// `<msDesc>`: the archival original, with the repository and one `idno` per level
/// (fond, opis, delo, box, folder) in `msIdentifier`, and the leaves (`l. 1`) as a `locus`
/// in `msContents`, beside the reference as written.
fn write_ms_desc(o: &mut String, s: &Source) {
    let Some(written) = archive_text(s) else {
        return;
    };
    o.push_str("        <msDesc>\n          <msIdentifier>\n");
    let parsed = archival(s);
    let (repo, location) = archive_parts(s).unwrap_or((String::new(), None));
    if !repo.is_empty() {
        let _ = writeln!(o, "            <repository>{}</repository>", esc(&repo));
    }
    let levels: Vec<(&str, &str)> = parsed
        .map(|(a, input)| {
            a.locators
                .iter()
                .filter_map(|l| level_type(l.label).map(|t| (t, l.value_text(input))))
                .collect()
        })
        .unwrap_or_default();
    if levels.is_empty() {
        if let Some(l) = &location {
            let _ = writeln!(o, "            <idno>{}</idno>", esc(l));
        }
    }
    for (kind, value) in &levels {
        let _ = writeln!(o, "            <idno type=\"{kind}\">{}</idno>", esc(value));
    }
    o.push_str("          </msIdentifier>\n");
    o.push_str("          <msContents>\n            <msItem>\n");
    if let Some((a, input)) = parsed {
        for l in a.locators.iter().filter(|l| level_type(l.label).is_none()) {
            let _ = writeln!(
                o,
                "              <locus>{}</locus>",
                esc(l.span.slice(input))
            );
        }
    }
    let _ = writeln!(
        o,
        "              <note type=\"as-written\">{}</note>",
        esc(written)
    );
    o.push_str("            </msItem>\n          </msContents>\n        </msDesc>\n");
}

/// An XML name for `s`.
fn xml_id(s: &str) -> String {
    super::util::ncname(s)
}

fn hand_id(doc: &Document, hand: &str) -> String {
    xml_id(&format!("{}-hand-{hand}", doc.id))
}

fn note_id(doc: &Document, index: usize) -> String {
    xml_id(&format!("{}-note-{}", doc.id, index + 1))
}

/// Paragraphs of `text` (split at blank lines), as byte ranges.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut at = 0;
    let mut para_start: Option<usize> = None;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if blank {
            if let Some(s) = para_start.take() {
                out.push((s, at));
            }
        } else if para_start.is_none() {
            para_start = Some(at);
        }
        at += line.len();
        start = at;
    }
    let _ = start;
    if let Some(s) = para_start {
        out.push((s, text.len()));
    }
    out
}

/// One replacement inside a paragraph.
struct Event {
    start: usize,
    end: usize,
    xml: String,
}

/// The XML of `text[start..end]`, with marks turned into elements.
fn inline(doc: &Document, text: &str, marks: &TextMarks, start: usize, end: usize) -> String {
    inline_with(doc, text, marks, start, end, Vec::new())
}

/// [`inline`] with `extra` replacements (such as a date) merged in.
fn inline_with(
    doc: &Document,
    text: &str,
    marks: &TextMarks,
    start: usize,
    end: usize,
    mut events: Vec<Event>,
) -> String {
    let inside = |s: usize, e: usize| s >= start && e <= end;
    for m in marks
        .markers
        .iter()
        .filter(|m| inside(m.span.start, m.span.end))
    {
        let note = doc
            .notes
            .iter()
            .position(|n| n.marker.as_ref().is_some_and(|x| x.text == m.marker));
        let target = note
            .map(|i| format!(" target=\"#{}\"", note_id(doc, i)))
            .unwrap_or_default();
        let marker_xml = format!("<ref type=\"note-marker\"{target}>{}</ref>", esc(&m.marker));
        let n = note.and_then(|i| doc.notes.get(i));
        let wraps_word = m.role == MarkerRole::Reference
            && n.is_some_and(|n| {
                n.target
                    .as_ref()
                    .and_then(|t| t.value)
                    .unwrap_or(Target::Word)
                    == Target::Word
                    && matches!(
                        n.kind.as_ref().and_then(|k| k.value),
                        Some(NoteKind::Underlined | NoteKind::Encircled)
                    )
            });
        let word_start = text
            .get(start..m.span.start)
            .map(|before| {
                let trimmed =
                    before.trim_end_matches(|c: char| !c.is_alphanumeric() && !c.is_whitespace());
                let ws = trimmed.rfind(char::is_whitespace).map_or(0, |i| i + 1);
                start + ws
            })
            .unwrap_or(m.span.start);
        match n {
            Some(n) if wraps_word && word_start < m.span.start => {
                let rend = match n.kind.as_ref().and_then(|k| k.value) {
                    Some(NoteKind::Encircled) => "encircled",
                    _ => "underline",
                };
                let hand = n
                    .hand
                    .as_ref()
                    .map(|h| format!(" hand=\"#{}\"", esc(&hand_id(doc, &h.text))))
                    .unwrap_or_default();
                let word = text.get(word_start..m.span.start).unwrap_or("");
                events.push(Event {
                    start: word_start,
                    end: m.span.end,
                    xml: format!("<hi rend=\"{rend}\"{hand}>{}</hi>{marker_xml}", esc(word)),
                });
            }
            _ => events.push(Event {
                start: m.span.start,
                end: m.span.end,
                xml: marker_xml,
            }),
        }
    }
    for g in marks
        .omissions
        .iter()
        .filter(|g| inside(g.span.start, g.span.end))
    {
        events.push(Event {
            start: g.span.start,
            end: g.span.end,
            xml: format!(
                "<gap reason=\"editorial\"><desc>{}</desc></gap>",
                esc(&g.written)
            ),
        });
    }
    for e in marks
        .expansions
        .iter()
        .filter(|e| inside(e.span.start, e.span.end))
    {
        let before = text
            .get(e.span.start..e.supplied.start.saturating_sub(1))
            .unwrap_or("");
        let supplied = text.get(e.supplied.start..e.supplied.end).unwrap_or("");
        let after = text
            .get((e.supplied.end + 1).min(e.span.end)..e.span.end)
            .unwrap_or("");
        events.push(Event {
            start: e.span.start,
            end: e.span.end,
            xml: format!(
                "<choice><abbr>{}</abbr><expan>{}<ex>{}</ex>{}</expan></choice>",
                esc(&e.abbreviated),
                esc(before),
                esc(supplied),
                esc(after)
            ),
        });
    }
    events.sort_by_key(|e| (e.start, e.end));
    let mut out = String::new();
    let mut at = start;
    for ev in events {
        if ev.start < at {
            continue;
        }
        out.push_str(&esc(text.get(at..ev.start).unwrap_or("")));
        out.push_str(&ev.xml);
        at = ev.end;
    }
    out.push_str(&esc(text.get(at..end).unwrap_or("")));
    out
}
