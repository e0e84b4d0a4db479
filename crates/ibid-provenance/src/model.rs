//! The provenance model of one document: its source, translation, hands, notes and
//! annotations, each value kept as written (with its span) beside what was parsed from it.

use crate::body::Body;
use crate::line_index::LineCol;
use crate::source_file::SourceFile;
use ibid_parse::{ArchivalReference, Locator, Parsed, PartialDate, Reference, Span};
use serde::Serialize;

/// A string value from the front matter: the text, and where it was written.
///
/// `span` covers the TOML value in the metadata file (quotes included). `raw` covers the
/// characters of the string itself when it was written without escapes, so that a span
/// into [`Text::text`] (such as one returned by `ibid_parse`) maps exactly to the file;
/// see [`Text::file_span`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    /// The string's value.
    pub text: String,
    /// The TOML value in the metadata file.
    pub span: Span,
    /// The string's characters in the file, when `text` is a verbatim slice of it.
    pub raw: Option<Span>,
}

impl Text {
    /// The value.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The span in the metadata file of `inner`, a span into [`Text::text`]: exact when the
    /// string was written without escapes, otherwise the whole value.
    pub fn file_span(&self, inner: Span) -> Span {
        match self.raw {
            Some(raw) if inner.end <= raw.len() => inner.shift(raw.start),
            _ => self.span,
        }
    }
}

/// A value that is not a string, with the span of the TOML value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// The TOML value in the metadata file.
    pub span: Span,
}

/// A TOML key as written (a hand id), with its span in the metadata file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Key {
    /// The key.
    pub name: String,
    /// The key in the metadata file.
    pub span: Span,
}

/// A closed-vocabulary value (`kind = "encircled"`): the text as written and the value it
/// names, `None` when it names none (a load error says so).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice<T> {
    /// As written.
    pub text: Text,
    /// What it means, when recognised.
    pub value: Option<T>,
}

/// A date as written, and what `ibid_parse::parse_date_with` read from it.
///
/// Spans inside `parsed` are offsets into `written.text`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateValue {
    /// The date as written (for a TOML date literal, its text).
    pub written: Text,
    /// Whether it was written as a TOML date literal (`date = 1921-02-16`), not a string.
    pub literal: bool,
    /// The parsed date, with the inferred parts marked as such.
    pub parsed: Parsed<Option<PartialDate>>,
}

impl DateValue {
    /// The parsed date, if any.
    pub fn date(&self) -> Option<&PartialDate> {
        self.parsed.value.as_ref()
    }

    /// The year, written or inferred.
    pub fn year(&self) -> Option<i32> {
        self.date().and_then(|d| d.year).map(|y| y.value)
    }
}

/// A key the format does not know, kept so that nothing a user wrote is dropped.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnknownKey {
    /// Dotted path of the key (`translation.translaton`, `notes[2].hnad`).
    pub path: String,
    /// The key as written.
    pub key: Key,
    /// Where the key is in its file.
    pub position: LineCol,
    /// The closest known key, when one is close.
    pub suggestion: Option<String>,
    /// The table the format puts this key in, when it is known elsewhere (`source` for a
    /// top-level `cite`; empty for a top-level key written inside a table).
    pub home: Option<String>,
    /// The TOML value as written in the file.
    pub raw_value: String,
    /// The value's span.
    pub value_span: Span,
    /// The value, to write it back.
    pub value: toml::Value,
}

/// `[source]`: the publication the text was taken from, and the archival original.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Source {
    /// `cite`: a free-text reference to the edition, with its pinpoint locators.
    pub cite: Option<Text>,
    /// `cite` parsed (spans into `cite.text`).
    pub reference: Option<Parsed<Reference>>,
    /// `key`: an entry of the corpus bibliography.
    pub key: Option<Text>,
    /// `locator`: where in the keyed entry (`doc. 652, p. 612`).
    pub locator: Option<Text>,
    /// `locator` parsed (spans into `locator.text`).
    pub locators: Option<Parsed<Vec<Locator>>>,
    /// `cite-as-printed`: the `cite` as it was written before `ibid fmt --unify-sources`
    /// rewrote it (to the corpus's form of the source, or to `key` + `locator`), kept
    /// verbatim so that nothing written is lost.
    pub cite_as_printed: Option<Text>,
    /// `archive`: the archival original (`RGASPI, f. 2, op. 1, d. 17663, l. 1`).
    pub archive: Option<Text>,
    /// `archive` parsed (spans into `archive.text`).
    pub archival: Option<Parsed<Option<ArchivalReference>>>,
    /// `language`: the language of the edition's text.
    pub language: Option<Text>,
    /// `url`: the web edition the text was taken from.
    pub url: Option<Text>,
    /// `accessed`: when the web edition was consulted.
    pub accessed: Option<DateValue>,
    /// `excerpt`: the text is an excerpt of the original.
    pub excerpt: Option<Located<bool>>,
    /// The `[source]` table.
    pub span: Span,
    /// Keys of `[source]` the format does not know.
    pub unknown: Vec<UnknownKey>,
}

impl Source {
    /// The pinpoint locators: those of `locator`, else those parsed from `cite`, with the
    /// text they are spans into.
    pub fn pinpoint(&self) -> Option<(&[Locator], &Text)> {
        if let (Some(parsed), Some(text)) = (&self.locators, &self.locator) {
            return Some((&parsed.value, text));
        }
        match (&self.reference, &self.cite) {
            (Some(parsed), Some(text)) => Some((&parsed.value.locators, text)),
            _ => None,
        }
    }
}

/// `[translation]`: this text is a translation.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Translation {
    /// `from`: the language translated from.
    pub from: Option<Text>,
    /// `to`: the language translated into (defaults to the document's `language`).
    pub to: Option<Text>,
    /// `by`: the translators, a string or a list.
    pub by: Vec<Text>,
    /// `date`: when the translation was made.
    pub date: Option<DateValue>,
    /// `original-title`: the title in the original language.
    pub original_title: Option<Text>,
    /// The `[translation]` table.
    pub span: Span,
    /// Keys of `[translation]` the format does not know.
    pub unknown: Vec<UnknownKey>,
}

/// One entry of `[hands]`: someone who made marks or notes on the original.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hand {
    /// The id notes and annotations use (`lenin`).
    pub id: Key,
    /// The name (`V. I. Lenin`) or a label (`Unknown handwriting`).
    pub name: Text,
}

impl Hand {
    /// Whether the name is a label for an unidentified hand rather than a person's name.
    pub fn is_unidentified(&self) -> bool {
        let name = self.name.text.to_lowercase();
        [
            "unknown",
            "unidentified",
            "неизвест",
            "unbekannt",
            "inconnu",
        ]
        .iter()
        .any(|w| name.contains(w))
    }
}

/// What kind of mark an editorial note explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoteKind {
    /// A word or passage underlined.
    Underlined,
    /// A word encircled.
    Encircled,
    /// Lines drawn in the margin beside a passage.
    MarginalLines,
    /// A word or passage crossed out.
    CrossedOut,
    /// A word or passage inserted (written above the line or in the margin).
    Inserted,
    /// An editorial omission.
    Omission,
    /// An editorial expansion of an abbreviation.
    Expansion,
    /// Anything else.
    Other,
}

impl NoteKind {
    /// Every kind, with its name in the format.
    pub const NAMES: [(&'static str, NoteKind); 8] = [
        ("underlined", NoteKind::Underlined),
        ("encircled", NoteKind::Encircled),
        ("marginal-lines", NoteKind::MarginalLines),
        ("crossed-out", NoteKind::CrossedOut),
        ("inserted", NoteKind::Inserted),
        ("omission", NoteKind::Omission),
        ("expansion", NoteKind::Expansion),
        ("other", NoteKind::Other),
    ];

    /// The name in the format (`marginal-lines`).
    pub fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("other", |(n, _)| n)
    }
}

/// What part of the text a note's mark applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Target {
    /// The word the marker follows (the default).
    Word,
    /// The sentence the marker ends.
    Sentence,
    /// The paragraph the marker is in.
    Paragraph,
    /// The marker's position only.
    Point,
}

impl Target {
    /// Every target, with its name in the format.
    pub const NAMES: [(&'static str, Target); 4] = [
        ("word", Target::Word),
        ("sentence", Target::Sentence),
        ("paragraph", Target::Paragraph),
        ("point", Target::Point),
    ];

    /// The name in the format.
    pub fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("word", |(n, _)| n)
    }
}

/// One `[[notes]]` entry: an editorial note explaining a marker in the body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    /// `marker`: the marker as it stands in the body (`*`, `**`, `†`, `[1]`).
    pub marker: Option<Text>,
    /// `kind`: what kind of mark it explains.
    pub kind: Option<Choice<NoteKind>>,
    /// `hand`: the id of the hand that made the mark.
    pub hand: Option<Text>,
    /// `text`: the note as printed.
    pub text: Option<Text>,
    /// `target`: what the mark applies to (word, sentence, paragraph, point).
    pub target: Option<Choice<Target>>,
    /// `layer`: which witness reported the mark (`edition`, `translation`, `web`).
    pub layer: Option<Text>,
    /// The `[[notes]]` table.
    pub span: Span,
    /// Keys the format does not know.
    pub unknown: Vec<UnknownKey>,
}

/// One `[[annotations]]` entry: a marginal note or endorsement on the original.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Annotation {
    /// `n`: the number an edition gave it.
    pub number: Option<Located<i64>>,
    /// `hand`: the id of the hand that wrote it.
    pub hand: Option<Text>,
    /// `text`: what was written, as printed (editorial brackets included).
    pub text: Option<Text>,
    /// `date`: the date written with it, as written; a missing year is inferred from the
    /// document's date and marked as inferred.
    pub date: Option<DateValue>,
    /// `place`: where on the original (`margin`, `top`, `bottom`, `verso`).
    pub place: Option<Text>,
    /// Editorial omissions and expansions in `text` (spans into `text.text`).
    pub marks: crate::body::TextMarks,
    /// The `[[annotations]]` table.
    pub span: Span,
    /// Keys the format does not know.
    pub unknown: Vec<UnknownKey>,
}

/// `[import]`: what `ibid import` took off a page that is not part of the document, kept
/// verbatim so that no line of the page is lost.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ImportRecord {
    /// `preamble`: the page's own text before the document (headline, introduction).
    pub preamble: Option<Text>,
    /// `[[import.debris]]`: lines judged page debris, each with the reason.
    pub debris: Vec<Debris>,
    /// The `[import]` table.
    pub span: Span,
    /// Keys of `[import]` the format does not know.
    pub unknown: Vec<UnknownKey>,
}

/// One `[[import.debris]]` entry: text of the page judged not to be part of the document.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Debris {
    /// `line`: the line of the page it was on (from 1).
    pub line: Option<Located<i64>>,
    /// `column`: the column it started at (from 1), when it was part of a line.
    pub column: Option<Located<i64>>,
    /// `text`: the text, verbatim.
    pub text: Option<Text>,
    /// `reason`: why it was judged debris.
    pub reason: Option<Text>,
    /// The entry's table.
    pub span: Span,
    /// Keys the format does not know.
    pub unknown: Vec<UnknownKey>,
}

/// A loaded document: its provenance from the front matter (or sidecar), and its body.
///
/// Spans of front-matter values are offsets into [`Document::meta_file`] (the document's
/// own file, or its sidecar); body spans are offsets into [`Body`]'s text (see
/// [`Body::file_span`] for offsets into [`Document::file`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// A short id: the file name without its extension.
    pub id: String,
    /// The document file.
    pub file: SourceFile,
    /// The sidecar `NAME.ibid.toml`, when the metadata lives there.
    pub sidecar: Option<SourceFile>,
    /// The TOML between the `+++` lines, in `file` (none with a sidecar or no metadata).
    pub front_matter: Option<Span>,
    /// `title`.
    pub title: Option<Text>,
    /// `date`: the date of the original.
    pub date: Option<DateValue>,
    /// `language`: BCP 47 tag of this text.
    pub language: Option<Text>,
    /// `kind`: letter, telegram, report, ...
    pub kind: Option<Text>,
    /// `author`: who wrote the original, a string or a list.
    pub author: Vec<Text>,
    /// `recipient`: to whom, a string or a list.
    pub recipient: Vec<Text>,
    /// `place`: where the original was written.
    pub place: Option<Text>,
    /// `[source]`.
    pub source: Option<Source>,
    /// `[translation]`.
    pub translation: Option<Translation>,
    /// `[hands]`, in the order written.
    pub hands: Vec<Hand>,
    /// `[[notes]]`, in order.
    pub notes: Vec<Note>,
    /// `[[annotations]]`, in order.
    pub annotations: Vec<Annotation>,
    /// `[import]`: what `ibid import` took off the page that is not the document.
    pub import: Option<ImportRecord>,
    /// Top-level keys the format does not know.
    pub unknown: Vec<UnknownKey>,
    /// The body after the front matter.
    pub body: Body,
}

impl Document {
    /// The file the front-matter spans point into: the sidecar when there is one.
    pub fn meta_file(&self) -> &SourceFile {
        self.sidecar.as_ref().unwrap_or(&self.file)
    }

    /// The body text, verbatim.
    pub fn body_text(&self) -> &str {
        self.body.span.slice(&self.file.text)
    }

    /// The hand with id `id`.
    pub fn hand(&self, id: &str) -> Option<&Hand> {
        self.hands.iter().find(|h| h.id.name == id)
    }

    /// The declared hands by id, for looking up many (the first of a repeated id wins, as
    /// with [`Document::hand`]).
    pub fn hands_by_id(&self) -> std::collections::HashMap<&str, &Hand> {
        let mut map = std::collections::HashMap::with_capacity(self.hands.len());
        for hand in &self.hands {
            map.entry(hand.id.name.as_str()).or_insert(hand);
        }
        map
    }

    /// The year of the document's date, written or inferred.
    pub fn year(&self) -> Option<i32> {
        self.date.as_ref().and_then(DateValue::year)
    }

    /// The language of this text: `language`, else `[translation] to`.
    pub fn text_language(&self) -> Option<&str> {
        self.language
            .as_ref()
            .or_else(|| self.translation.as_ref().and_then(|t| t.to.as_ref()))
            .map(Text::as_str)
    }

    /// Every unknown key of the document, at any level, in file order.
    pub fn unknown_keys(&self) -> Vec<&UnknownKey> {
        let mut all: Vec<&UnknownKey> = self.unknown.iter().collect();
        if let Some(s) = &self.source {
            all.extend(&s.unknown);
        }
        if let Some(t) = &self.translation {
            all.extend(&t.unknown);
        }
        all.extend(self.notes.iter().flat_map(|n| &n.unknown));
        all.extend(self.annotations.iter().flat_map(|a| &a.unknown));
        if let Some(i) = &self.import {
            all.extend(&i.unknown);
            all.extend(i.debris.iter().flat_map(|d| &d.unknown));
        }
        all.sort_by_key(|u| u.key.span.start);
        all
    }
}
