//! # ibid-import
//!
//! Turns a web page holding a historical document, pasted as text, written in Markdown or
//! saved as HTML, into an ibid document (format v1, `docs/format.md`): the title, date,
//! place, author and recipient; the source line (matched against the target corpus's
//! bibliography) and archival line; the translation; the notes that explain markers, the
//! annotations with their hands and dates, the hands; the page's preamble and its debris.
//! Every value comes with the line, column and text it was read from, and every line of the
//! page ends up in exactly one place: the body, a front-matter field, or the debris list.
//! The crate does no I/O: it is handed a page's bytes and returns text; `ibid import` writes
//! it with `ibid_corpus`'s writers, as every command writes a user's file.
//!
//! ```
//! use ibid_import::{import, InputFormat, Options, Page};
//!
//! let text = "Letter of N. Narimanov to V. I. Lenin\n\nFebruary 16, 1921\n\n\
//!             The Angorians* wish it.\n\nN. Narimanov\n\n*Underlined by Lenin.\n\n\
//!             Source: Барсегов Ю.Г. Нагорный Карабах Document 652, page 612\n";
//! let page = Page::read(text.as_bytes(), InputFormat::Text).unwrap();
//! let imported = import(&page, None, &Options::default()).expect("not yet a document");
//! assert_eq!(imported.fields.date.as_ref().unwrap().value, "1921-02-16");
//! assert_eq!(imported.fields.author.as_ref().unwrap().value, "N. Narimanov");
//! assert_eq!(imported.fields.notes[0].hand.as_ref().unwrap().value, "lenin");
//! assert!(imported.document().starts_with("+++\ntitle = \"Letter of N. Narimanov"));
//! ```

mod annotations;
mod assemble;
mod dates;
mod debris;
mod fields;
mod hands;
mod heading;
mod html;
mod language;
mod names;
mod notes;
mod page;
mod placement;
mod report;
mod signature;
mod source;
#[doc(hidden)]
pub mod synthetic;
mod translation;
mod words;

pub use fields::{
    AnnotationEntry, DebrisEntry, Fields, Found, HandEntry, NoteEntry, Origin, SourceFields,
    TranslationFields, Undetermined,
};
pub use page::{InputFormat, Page, ReadError};
pub use placement::Place;
pub use report::{FieldReport, LineRange, Report, Status};

use fields::Found as F;
use hands::{Mention, UnknownHand, Use};
use ibid_provenance::Bibliography;
use placement::Claims;

/// How to import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Keep page debris in the body instead of `[[import.debris]]` (still reported).
    pub keep_debris: bool,
    /// The front matter goes to a sidecar: the text file stays as it is, so nothing leaves
    /// the body and no preamble is written.
    pub sidecar: bool,
}

impl Options {
    /// Options with debris kept in the body or not, and a sidecar or not.
    pub fn new(keep_debris: bool, sidecar: bool) -> Options {
        Options {
            keep_debris,
            sidecar,
        }
    }
}

/// The result of importing one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// Every field found, with where it came from.
    pub fields: Fields,
    /// What could not be determined.
    pub undetermined: Vec<Undetermined>,
    /// Where each line of the page went (index = line − 1).
    pub places: Vec<Place>,
    /// The front matter (TOML, without `+++`).
    pub front_matter: String,
    /// The body.
    pub body: String,
    page_bom: bool,
    page: Page,
}

impl Imported {
    /// The document: front matter between `+++` lines, then the body.
    pub fn document(&self) -> String {
        assemble::document(&self.page, &self.front_matter, &self.body)
    }

    /// The sidecar `NAME.ibid.toml`'s text.
    pub fn sidecar(&self) -> String {
        assemble::sidecar(&self.page, &self.front_matter)
    }

    /// The report (file and output names left for the caller to fill in).
    pub fn report(&self) -> Report {
        Report::new(&self.fields, &self.places, self.undetermined.clone())
    }

    /// Whether the page started with a byte-order mark.
    pub fn had_bom(&self) -> bool {
        self.page_bom
    }
}

/// Import `page`; `bibliography` is the target corpus's, to match the source line against.
/// `None` when the page is already a document (it has front matter): importing an imported
/// document changes nothing.
pub fn import(
    page: &Page,
    bibliography: Option<&Bibliography>,
    options: &Options,
) -> Option<Imported> {
    if page.has_front_matter() {
        return None;
    }
    let lines = &page.lines;
    let mut claims = Claims::new(lines.len());
    let mut mentions: Vec<Mention> = Vec::new();
    let mut unknown: Vec<UnknownHand> = Vec::new();
    let mut undetermined = Vec::new();

    let mut debris = debris::judge(lines, &mut claims);
    let mut source = source::find(lines, &mut claims, bibliography);
    let statement = translation::find(lines, &mut claims);
    let (raw_annotations, mut headings) =
        annotations::find(lines, &mut claims, &mut mentions, &mut unknown);
    let (raw_notes, unexplained, note_headings) = notes::find(lines, &mut claims, &mut mentions);
    headings.extend(note_headings);
    let head = heading::find(lines, &mut claims, &mut mentions);
    let closing = signature::find(lines, &mut claims, &mut mentions);
    debris.extend(closing.debris);
    debris.sort_by_key(|d| d.line);
    let places = claims.settle(lines);
    let mut head = head;
    if let Some(preamble) = &mut head.preamble {
        // The preamble is every line placed in it, the blank lines after it included.
        preamble.value = lines
            .iter()
            .zip(&places)
            .filter(|(_, p)| **p == Place::Preamble)
            .map(|(l, _)| l.as_str())
            .collect::<Vec<_>>()
            .join("\n");
    }

    let body = assemble::body(page, &places, options.keep_debris || options.sidecar);
    let language = language::detect(&body_prose(page, &places, head.title_line, head.dateline))
        .map(|d| F::inferred(d.code, format!("the body: {}", d.evidence)));
    let people = hands::people(&mentions);
    let mut fields = Fields {
        title: head.title,
        date: head.date,
        place: head.place,
        kind: head.kind,
        language,
        source: std::mem::take(&mut source),
        preamble: head.preamble,
        headings,
        debris,
        ..Fields::default()
    };
    fields.author = person_field(&people, Use::Author);
    fields.recipient = person_field(&people, Use::Recipient);
    fields.translation = translation_fields(statement, &fields);
    fields.hands = hands::entries(&people, &unknown);
    fields.notes = raw_notes
        .into_iter()
        .enumerate()
        .map(|(i, n)| NoteEntry {
            hand: hands::hand_of(&people, &unknown, Use::Note(i))
                .map(|(id, origin)| F::read(id, origin)),
            marker: n.marker,
            kind: n.kind,
            target: n.target,
            text: n.text,
        })
        .collect();
    fields.annotations = raw_annotations
        .into_iter()
        .enumerate()
        .map(|(i, a)| AnnotationEntry {
            n: a.n,
            hand: hands::hand_of(&people, &unknown, Use::Annotation(i))
                .map(|(id, origin)| F::read(id, origin)),
            date: a.date,
            text: a.text,
        })
        .collect();
    undetermined.extend(missing(&fields, &unexplained));
    if options.sidecar {
        fields.preamble = None;
    }
    let front_matter = assemble::front_matter(&fields, options.keep_debris, options.sidecar);
    let body = if options.sidecar {
        assemble::body(page, &vec![Place::Body; lines.len()], true)
    } else {
        body
    };
    Some(Imported {
        fields,
        undetermined,
        places,
        front_matter,
        body,
        page_bom: page.bom,
        page: page.clone(),
    })
}

/// The body's prose for telling its language: the body lines other than the title and
/// dateline.
fn body_prose(
    page: &Page,
    places: &[Place],
    title: Option<usize>,
    dateline: Option<usize>,
) -> String {
    page.lines
        .iter()
        .zip(places)
        .enumerate()
        .filter(|(i, (_, p))| **p == Place::Body && Some(*i) != title && Some(*i) != dateline)
        .map(|(_, (l, _))| l.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `author` or `recipient`: the person's fullest name, from the mention that named them.
fn person_field(people: &[hands::Person], used_by: Use) -> Option<F> {
    let (person, mention) = hands::person_of(people, used_by)?;
    let basis = if person.name == mention.name {
        None
    } else {
        Some(format!(
            "“{}” as written; the fullest form of the name on the page is “{}”",
            mention.name, person.name
        ))
    };
    Some(F {
        value: person.name.clone(),
        from: Some(mention.origin.clone()),
        basis,
    })
}

/// `[translation]`: the statement's, completed with the body's language; without a
/// statement, a translation is inferred when the body's language differs from the
/// source's.
fn translation_fields(
    statement: Option<TranslationFields>,
    fields: &Fields,
) -> Option<TranslationFields> {
    let body = fields.language.as_ref();
    match statement {
        Some(mut t) => {
            if t.to.is_none() {
                t.to = body.map(|l| F::inferred(l.value.clone(), "the body's language"));
            }
            if t.by.is_empty() {
                t.by.push(F::inferred(
                    "Unknown translator",
                    "the translation statement names no translator",
                ));
            }
            Some(t)
        }
        None => {
            let (body, source) = (body?, fields.source.language.as_ref()?);
            (body.value != source.value).then(|| TranslationFields {
                from: Some(F::inferred(
                    source.value.clone(),
                    format!(
                        "the source is in `{}` and the body in `{}`",
                        source.value, body.value
                    ),
                )),
                to: Some(F::inferred(body.value.clone(), "the body's language")),
                by: vec![F::inferred(
                    "Unknown translator",
                    "the page names no translator: the format's label for an unnamed one",
                )],
            })
        }
    }
}

/// What the page should have said and did not.
fn missing(fields: &Fields, unexplained: &[(String, Origin)]) -> Vec<Undetermined> {
    let mut out = Vec::new();
    let mut need = |field: &str, present: bool, reason: &str| {
        if !present {
            out.push(Undetermined {
                field: field.to_string(),
                reason: reason.to_string(),
            });
        }
    };
    need(
        "title",
        fields.title.is_some(),
        "no heading or title pattern found",
    );
    need(
        "date",
        fields.date.is_some(),
        "no dateline and no date in the title",
    );
    need(
        "language",
        fields.language.is_some(),
        "the body's script and words tell no language",
    );
    need(
        "author",
        fields.author.is_some(),
        "no title pattern and no signature names the author",
    );
    let s = &fields.source;
    need(
        "source",
        s.cite.is_some() || s.key.is_some() || s.archive.is_some(),
        "no source line (Source:, Источник:, Quelle:, Source :) and no archival line",
    );
    for (marker, origin) in unexplained {
        out.push(Undetermined {
            field: format!("notes {marker}"),
            reason: format!(
                "the marker `{marker}` at {}:{} is explained by no line of the page",
                origin.line, origin.column
            ),
        });
    }
    for (i, n) in fields.notes.iter().enumerate() {
        if n.kind.is_none() {
            out.push(Undetermined {
                field: format!("notes[{i}].kind"),
                reason: format!("no wording of `data/marks.tsv` in “{}”", n.text.value),
            });
        }
        if n.hand.is_none() {
            out.push(Undetermined {
                field: format!("notes[{i}].hand"),
                reason: format!("no name after by/von/par in “{}”", n.text.value),
            });
        }
    }
    for (i, a) in fields.annotations.iter().enumerate() {
        if a.hand.is_none() {
            out.push(Undetermined {
                field: format!("annotations[{i}].hand"),
                reason: format!("no hand prefix and no signature in “{}”", a.text.value),
            });
        }
    }
    out
}
