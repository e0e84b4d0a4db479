//! One document's `[source] cite` as `unify-sources` rewrites it: where its entry stands in
//! the metadata file, and the change to a [`SourceTarget`] with `cite-as-printed` keeping
//! what was written; the change is proposed only when the pinpoint reads the same after.

use super::SourceTarget;
use crate::change::{Change, Family, FileTarget, TextEdit, Unit, UnitKind};
use crate::engine::format_locators;
use crate::forms::Lang;
use crate::meaning::{locators_meaning, meaning};
use crate::style::Style;
use ibid_parse::{parse_locators, parse_reference};
use ibid_provenance::works::normalize::exact_key;
use ibid_provenance::works::work_span;
use ibid_provenance::{Document, Text};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A document's `cite` entry, as facts enough to rewrite it without the document: the text
/// of the lines it covers and where they are. Offsets below `text` are into it; `base` is
/// where it starts in the metadata file (the front matter's file, or the sidecar).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CiteSite {
    /// Where `text` starts in the metadata file: the `cite` key.
    base: usize,
    /// From the `cite` key to the end of its line, or of the `locator` line after it.
    text: String,
    /// The TOML value of `cite` (quotes included).
    value: Range<usize>,
    /// The end of the `cite` line (before its line break).
    line_end: usize,
    /// The end of the `locator` line, when `[source]` has one after `cite`.
    locator_line_end: Option<usize>,
    /// The indentation of the `cite` line.
    indent: String,
    /// The line break of the file.
    eol: String,
    /// The work, in the string's characters (`value.start + 1` on).
    work: Range<usize>,
    /// The pinpoint locators, in the string's characters.
    pinpoint: Option<Range<usize>>,
    /// Whether `[source]` has a `locator` (then it holds the pinpoint).
    has_locator: bool,
    /// Whether `[source]` has a `cite-as-printed` already (the first one is kept).
    has_printed: bool,
    /// The language of the source (BCP 47), for the labels of a new `locator`.
    language: Option<String>,
    /// The `cite` as it was read before formatting changed its labels, when it did: what
    /// `cite-as-printed` keeps.
    read_as: Option<String>,
}

/// A `key = value` entry on a line of its own: where the key starts, its indentation,
/// where the line ends (before the break) and the break.
struct EntryLine {
    key_start: usize,
    indent: String,
    end: usize,
    eol: &'static str,
}

/// The line of the entry `key` whose value is `value` in `meta`, when it is written
/// `key = value` (the key bare or quoted) on a line of its own, with at most a comment
/// after the value; `None` for a dotted key or an inline table.
fn entry_line(meta: &str, value: Range<usize>, key: &str) -> Option<EntryLine> {
    let line_start = meta.get(..value.start)?.rfind('\n').map_or(0, |i| i + 1);
    let prefix = meta.get(line_start..value.start)?;
    let name = prefix.trim_start_matches([' ', '\t', '\u{feff}']);
    let indent = &prefix[..prefix.len() - name.len()];
    let name = name
        .trim_end_matches([' ', '\t'])
        .strip_suffix('=')?
        .trim_end_matches([' ', '\t']);
    let quoted = |q: char| name.strip_prefix(q).and_then(|n| n.strip_suffix(q)) == Some(key);
    if name != key && !quoted('"') && !quoted('\'') {
        return None;
    }
    let after = meta.get(value.end..)?;
    let line = after.find('\n').map_or(after, |n| &after[..n]);
    let crlf = line.ends_with('\r');
    let tail = line.strip_suffix('\r').unwrap_or(line);
    let rest = tail.trim_start_matches([' ', '\t']);
    if !rest.is_empty() && !rest.starts_with('#') {
        return None;
    }
    let eol = if crlf || (!after.contains('\n') && meta.contains("\r\n")) {
        "\r\n"
    } else {
        "\n"
    };
    Some(EntryLine {
        key_start: line_start + indent.len(),
        indent: indent.trim_start_matches('\u{feff}').to_owned(),
        end: value.end + tail.len(),
        eol,
    })
}

/// `text` as a TOML basic string, when it needs no escapes.
fn basic_string(text: &str) -> Option<String> {
    let plain = !text.contains(['"', '\\']) && !text.chars().any(char::is_control);
    plain.then(|| format!("\"{text}\""))
}

/// Whether `text` can stand between the quotes of the TOML string `value` as it is.
fn fits_quotes(value: &str, text: &str) -> bool {
    let control = text.chars().any(|c| c.is_control() && c != '\t');
    match value.chars().next() {
        Some('"') => !control && !text.contains(['"', '\\']),
        Some('\'') => !control && !text.contains('\''),
        _ => false,
    }
}

impl CiteSite {
    /// The `cite` of `doc`, when `unify-sources` could rewrite it: a single-line string
    /// written without escapes, on a line of its own in a `[source]` table, naming a work,
    /// in a source without `key`.
    pub fn of(doc: &Document) -> Option<CiteSite> {
        let source = doc.source.as_ref()?;
        if source.key.is_some() {
            return None;
        }
        let cite = source.cite.as_ref()?;
        let reference = &source.reference.as_ref()?.value;
        let meta = doc.meta_file().text.as_str();
        let raw = cite.raw?;
        let value = cite.span.range();
        let written = meta.get(value.clone())?;
        if raw.len() != cite.text.len()
            || raw.start != value.start + 1
            || written.contains('\n')
            || written.starts_with("\"\"\"")
            || written.starts_with("'''")
        {
            return None;
        }
        let line = entry_line(meta, value.clone(), "cite")?;
        let work = work_span(&cite.text, reference)?;
        let pinpoint = ibid_provenance::works::pinpoint_span(reference);
        let locator_line = source
            .locator
            .as_ref()
            .filter(|l| l.span.start > value.end)
            .and_then(|l| entry_line(meta, l.span.range(), "locator"));
        let end = locator_line.as_ref().map_or(line.end, |l| l.end);
        let base = line.key_start;
        Some(CiteSite {
            base,
            text: meta.get(base..end)?.to_owned(),
            value: value.start - base..value.end - base,
            line_end: line.end - base,
            locator_line_end: locator_line.map(|l| l.end - base),
            indent: line.indent,
            eol: line.eol.to_owned(),
            work: work.range(),
            pinpoint: pinpoint.map(|p| p.range()),
            has_locator: source.locator.is_some(),
            has_printed: source.cite_as_printed.is_some(),
            language: source
                .language
                .as_ref()
                .map(Text::as_str)
                .or(doc.text_language())
                .map(str::to_owned),
            read_as: None,
        })
    }

    /// The work as written (`cite` without its pinpoint).
    pub fn work(&self) -> &str {
        self.cite().get(self.work.clone()).unwrap_or("")
    }

    /// The value of `cite`.
    fn cite(&self) -> &str {
        let v = &self.value;
        self.text.get(v.start + 1..v.end - 1).unwrap_or("")
    }

    /// Remember the `cite` of `first`, this site before formatting changed it (`ibid fmt`
    /// formats a document before it unifies its source; `ibid check --fix` applies the
    /// document rules' fixes first): `cite-as-printed` keeps the cite as it was read.
    pub fn read_before(&mut self, first: &CiteSite) {
        let first = first.read_as.as_deref().unwrap_or(first.cite());
        if first != self.cite() {
            self.read_as = Some(first.to_owned());
        }
    }

    /// What `cite-as-printed` keeps: the `cite` as it was read, in this value's quotes (the
    /// quotes the front-matter layout chose), else this value as written.
    fn printed(&self) -> String {
        let written = self.text.get(self.value.clone()).unwrap_or("");
        match &self.read_as {
            Some(read) if fits_quotes(written, read) => {
                let quote = &written[..1];
                format!("{quote}{read}{quote}")
            }
            _ => written.to_owned(),
        }
    }

    /// A new line `key = value` at this site's indentation, with the line break first.
    fn line(&self, key: &str, value: &str) -> String {
        format!("{}{}{key} = {value}", self.eol, self.indent)
    }

    /// The change that writes this `cite` as `target` says, in `style`; `None` when it
    /// cannot be written without changing what the source cites (its pinpoint locators),
    /// or without escapes.
    pub fn change(&self, target: &SourceTarget, style: &Style) -> Option<Change> {
        let chars = self.value.start + 1;
        let work = self.work().to_owned();
        let printed = self.printed();
        let after_locator = self.locator_line_end.unwrap_or(self.line_end);
        let keep_printed = (!self.has_printed).then(|| self.line("cite-as-printed", &printed));
        let (edits, message, title) = match target {
            SourceTarget::Key(key) => {
                let mut entry = format!("key = {}", basic_string(key)?);
                let mut edits = Vec::new();
                if self.has_locator {
                    if let Some(line) = keep_printed {
                        edits.push(TextEdit {
                            range: after_locator..after_locator,
                            replacement: line,
                        });
                    }
                } else {
                    if let Some(p) = &self.pinpoint {
                        let lang = self.language.as_deref().and_then(Lang::from_bcp47);
                        let locator = format_locators(self.cite().get(p.clone())?, lang, style);
                        entry.push_str(&self.line("locator", &basic_string(&locator)?));
                    }
                    entry.push_str(keep_printed.as_deref().unwrap_or(""));
                }
                edits.push(TextEdit {
                    range: 0..self.value.end,
                    replacement: entry,
                });
                (
                    edits,
                    format!("Source `{work}` is the bibliography entry `{key}`: cite it by `key`"),
                    format!("Cite `{key}` by `key` (the cite kept as `cite-as-printed`)"),
                )
            }
            SourceTarget::Form(form) => {
                if form == &work || !fits_quotes(&printed, form) {
                    return None;
                }
                let mut edits = vec![TextEdit {
                    range: chars + self.work.start..chars + self.work.end,
                    replacement: form.clone(),
                }];
                if let Some(line) = keep_printed {
                    edits.push(TextEdit {
                        range: after_locator..after_locator,
                        replacement: line,
                    });
                }
                let new_cite = format!(
                    "{}{form}{}",
                    self.cite().get(..self.work.start)?,
                    self.cite().get(self.work.end..)?
                );
                if !names_work(&new_cite, form, self.cite()) {
                    return None;
                }
                (
                    edits,
                    format!("Source `{work}` is written `{form}` by most of the corpus"),
                    format!("Write `{form}` (the cite kept as `cite-as-printed`)"),
                )
            }
        };
        let mut edits = edits;
        edits.sort_by_key(|e| (e.range.start, e.range.end));
        let new_text = apply_local(&self.text, &edits)?;
        if !source_keeps(&self.text, &new_text) {
            return None;
        }
        let shift = |e: TextEdit| TextEdit {
            range: self.base + e.range.start..self.base + e.range.end,
            replacement: e.replacement,
        };
        Some(Change {
            family: Family::Source,
            unit: Unit {
                kind: UnitKind::Source,
                file: FileTarget::Meta,
                start: self.base,
                end: self.base + self.text.len(),
            },
            at: self.base + chars + self.work.start..self.base + chars + self.work.end,
            message,
            title,
            edits: edits.into_iter().map(shift).collect(),
        })
    }
}

/// Whether `cite` names `work` (the same form: case and punctuation aside) with the
/// pinpoint locators `old` cites, read by ibid-parse.
fn names_work(cite: &str, work: &str, old: &str) -> bool {
    let parsed = parse_reference(cite);
    let before = parse_reference(old);
    work_span(cite, &parsed.value)
        .is_some_and(|span| exact_key(span.slice(cite)) == exact_key(work))
        && locators_meaning(&parsed.value.locators, cite)
            == locators_meaning(&before.value.locators, old)
}

/// `text` with sorted, non-overlapping `edits` applied.
fn apply_local(text: &str, edits: &[TextEdit]) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for e in edits {
        if e.range.start < at {
            return None;
        }
        out.push_str(text.get(at..e.range.start)?);
        out.push_str(&e.replacement);
        at = e.range.end;
    }
    out.push_str(text.get(at..)?);
    Some(out)
}

/// What lines of `[source]` say, as far as rewriting a cite may not change it.
#[derive(Debug, PartialEq)]
struct SourceLines {
    /// The pinpoint: `locator`'s locators, else those of `cite`, read by ibid-parse.
    pinpoint: String,
    /// `cite`, when written.
    cite: Option<String>,
    /// `cite-as-printed`, when written.
    printed: Option<String>,
}

/// Read lines of a `[source]` table (`key = value` entries, comments).
fn source_lines(text: &str) -> Option<SourceLines> {
    let unix = text.replace("\r\n", "\n");
    let table: toml::Table = unix.parse().ok()?;
    let string = |key: &str| -> Option<String> { table.get(key)?.as_str().map(str::to_owned) };
    let cite = string("cite");
    let pinpoint = match (string("locator"), &cite) {
        (Some(locator), _) => {
            let parsed = parse_locators(&locator);
            if !parsed.errors.is_empty() {
                return None;
            }
            locators_meaning(&parsed.value, &locator)
        }
        (None, Some(cite)) => locators_meaning(&parse_reference(cite).value.locators, cite),
        (None, None) => String::new(),
    };
    Some(SourceLines {
        pinpoint,
        cite,
        printed: string("cite-as-printed"),
    })
}

/// Whether `after`, lines of `[source]` rewritten from `before`, cite the same pinpoint
/// (document numbers, pages, ...) and keep what was written: a `cite-as-printed` they add
/// reads as `before`'s `cite-as-printed`, else its `cite` (the same authors, title, volume,
/// locators...; it may be that cite as it was read before its labels were formatted). The
/// meaning check of `unify-sources`.
pub(crate) fn source_keeps(before: &str, after: &str) -> bool {
    let (Some(before), Some(after)) = (source_lines(before), source_lines(after)) else {
        return false;
    };
    let recoverable = match (
        &after.printed,
        before.printed.as_ref().or(before.cite.as_ref()),
    ) {
        (Some(printed), Some(was)) => {
            meaning(UnitKind::Reference, printed) == meaning(UnitKind::Reference, was)
        }
        (Some(_), None) => false,
        (None, _) => true,
    };
    before.pinpoint == after.pinpoint && recoverable
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn site(front: &str) -> (Document, Option<CiteSite>) {
        let text = format!("+++\n{front}+++\nBody.\n");
        let doc = ibid_provenance::parse_document(Path::new("a.md"), text.as_bytes(), None)
            .value
            .unwrap();
        let site = CiteSite::of(&doc);
        (doc, site)
    }

    fn rewrite(front: &str, target: SourceTarget) -> Option<String> {
        let (doc, site) = site(front);
        let change = site?.change(&target, &Style::default())?;
        let applied = crate::change::apply(&doc.file.text, [&change]);
        Some(applied.text)
    }

    #[test]
    fn a_cite_becomes_key_and_locator_with_the_cite_kept() {
        let front = "title = \"x\"\n\n[source]\n  cite = \"Барсегов Ю.Г. Нагорный Карабах, Document 652, page 612\"  # seed\narchive = \"RGASPI, f. 2\"\n";
        let out = rewrite(front, SourceTarget::Key("barsegov-nk".into())).unwrap();
        assert_eq!(
            out,
            "+++\ntitle = \"x\"\n\n[source]\n  key = \"barsegov-nk\"\n  locator = \"Document 652, page 612\"\n  cite-as-printed = \"Барсегов Ю.Г. Нагорный Карабах, Document 652, page 612\"  # seed\narchive = \"RGASPI, f. 2\"\n+++\nBody.\n"
        );
    }

    #[test]
    fn a_variant_takes_the_corpus_form_and_keeps_its_pinpoint() {
        let front = "[source]\r\ncite = 'Barsegov, Yu. G., Nagornyi Karabakh, Document 655, page 617'\r\nlocator = \"p. 617\"\r\n";
        let out = rewrite(
            front,
            SourceTarget::Form("Барсегов Ю.Г. Нагорный Карабах".into()),
        )
        .unwrap();
        assert_eq!(
            out,
            "+++\n[source]\r\ncite = 'Барсегов Ю.Г. Нагорный Карабах, Document 655, page 617'\r\nlocator = \"p. 617\"\r\ncite-as-printed = 'Barsegov, Yu. G., Nagornyi Karabakh, Document 655, page 617'\r\n+++\nBody.\n"
        );
    }

    #[test]
    fn what_cannot_be_rewritten_safely_is_left_alone() {
        // A dotted key, an inline table, escapes: no site.
        assert!(
            site("source.cite = \"Барсегов Ю.Г. Нагорный Карабах, p. 5\"\n")
                .1
                .is_none()
        );
        assert!(
            site("source = { cite = \"Барсегов Ю.Г. Нагорный Карабах, p. 5\" }\n")
                .1
                .is_none()
        );
        assert!(
            site("[source]\ncite = \"Барсегов \\u042E.Г. Нагорный Карабах, p. 5\"\n")
                .1
                .is_none()
        );
        // A form that would need escapes in this string.
        let front = "[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, p. 5\"\n";
        assert_eq!(
            rewrite(
                front,
                SourceTarget::Form("Барсегов \"Ю.Г.\" Карабах".into())
            ),
            None
        );
        // A cite-as-printed already there is kept, not doubled.
        let front = "[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, p. 5\"\ncite-as-printed = \"Barsegov, Nagornyi Karabakh, p. 5\"\n";
        let out = rewrite(front, SourceTarget::Key("nk".into())).unwrap();
        assert_eq!(out.matches("cite-as-printed").count(), 1, "{out}");
        assert!(
            out.contains("key = \"nk\"\nlocator = \"p. 5\"\ncite-as-printed = \"Barsegov"),
            "{out}"
        );
    }

    #[test]
    fn the_meaning_check_compares_pinpoints_and_what_was_printed() {
        let before = "cite = \"Барсегов Ю.Г. Нагорный Карабах, doc. 652, p. 612\"";
        let key = "key = \"nk\"\nlocator = \"doc. 652, p. 612\"\ncite-as-printed = \"Барсегов Ю.Г. Нагорный Карабах, doc. 652, p. 612\"";
        assert!(source_keeps(before, key));
        let other_page = key.replace(
            "locator = \"doc. 652, p. 612\"",
            "locator = \"doc. 652, p. 613\"",
        );
        assert!(!source_keeps(before, &other_page));
        let lost = key.replace("cite-as-printed = \"Барсегов", "cite-as-printed = \"Другой");
        assert!(!source_keeps(before, &lost));
        // The cite as it was read, before its labels were formatted, reads the same.
        let long = key.replace(
            "cite-as-printed = \"Барсегов Ю.Г. Нагорный Карабах, doc. 652, p. 612\"",
            "cite-as-printed = \"Барсегов Ю.Г. Нагорный Карабах, Document 652, page 612\"",
        );
        assert!(source_keeps(before, &long));
        assert!(!source_keeps(before, "key = \"nk\"\nlocator = "));
    }
}
