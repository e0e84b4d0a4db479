//! The free-text reference grammar: the entry point, and the state of one reference being read
//! (cursor, fields being built, expectation) that `head`, `fields`, `runs`, `numbers` advance.

use super::archive::{scan_archival, shelved_archival};
use super::lexicon::Lex;
use super::serial::Serial;
use super::token::{tokenize, Tok, TokenKind, Tokens};
use super::{ArchivalReference, Names, Reference};
use crate::locator::{is_archival_level, names_repository, MAX_ARCHIVAL_LEVEL_CHARS};
use crate::text::trim_span;
use crate::{ParseError, ParseErrorKind, Parsed, Span};

/// How many places an archival reference is looked for in one reference.
const MAX_ARCHIVE_TRIES: u8 = 4;

/// How the fields of a reference are separated after the authors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    /// Bibliography style: `Djilas, Milovan. Wartime. New York: …`; commas stay in the title.
    Period,
    /// Note style: `Milovan Djilas, Wartime, trans. …`; a comma ends the title.
    Comma,
}

/// The last separator met before the current token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sep {
    /// No separator: the previous token belonged to a field.
    None,
    /// A full stop ending a field.
    Stop,
    /// A comma.
    Comma,
    /// A colon.
    Colon,
    /// A semicolon.
    Semicolon,
    /// A dash between fields (`. – `).
    Dash,
    /// An opening bracket.
    Open,
    /// A closing bracket.
    Close,
}

/// A role read before or after names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// Editor or compiler.
    Editor,
    /// Translator.
    Translator,
}

/// One reference being read: the cursor (the tokens, read-only, and where reading stands),
/// the fields being built (the reference, how it is laid out so far, the text that fits no
/// field) and what the text read so far makes the next run.
///
/// The recognisers that only look at tokens (`shapes`, and the `impl Tokens` blocks of
/// `head`, `fields`, `runs`, `numbers`) cannot change any of it; the `impl Reader` blocks
/// read fields and set them.
pub(super) struct Reader<'a> {
    /// The tokens of the reference.
    pub t: Tokens<'a>,
    /// Where reading stands, and what the whole text holds.
    pub cursor: Cursor,
    /// The fields read so far.
    pub r: Reference,
    /// How the reference is laid out, as far as it has been read.
    pub layout: Layout,
    /// Text that fits no field.
    pub unknown: Vec<Span>,
    /// What the next run is expected to be.
    pub expect: Expect,
}

/// Where reading stands, and the landmarks of the whole text found before reading it.
pub(super) struct Cursor {
    /// The last separator met before the current token.
    pub sep: Sep,
    /// Brackets open around the current token.
    pub depth: u32,
    /// How many more times an archival reference may be looked for.
    pub archive_tries: u8,
    /// The text holds a word of an archival level or a repository's name.
    pub archival_hint: bool,
    /// The first spaced ` / ` (GOST's statement of responsibility), if any.
    pub slash: Option<usize>,
    /// The first `//` (GOST's container mark), if any.
    pub double_slash: Option<usize>,
    /// The source of a journal article in a science style (`Lancet 1998; 352: 117-22`),
    /// found before reading: the authors and title end before its journal.
    pub serial: Option<Serial>,
}

/// How the reference is laid out, as far as it has been read: its style, where its title
/// and container end, and how some fields were written.
pub(super) struct Layout {
    /// How fields are separated after the authors.
    pub style: Style,
    /// The index of the token just after the title.
    pub title_end: usize,
    /// The title was quoted or in italics (an article or chapter in MLA, French and notes).
    pub quoted_title: bool,
    /// The head was a back reference (`Ibid.`) or an author-date note (`Müller 1990`):
    /// no title follows.
    pub no_title: bool,
    /// The index of the token just after the container title.
    pub container_end: usize,
    /// The volume was read from a label (`Т. 7`), not a bare number after a journal.
    pub volume_labelled: bool,
    /// The token index of the year read as issued, and whether a place or publisher was
    /// known then (a year before them may belong to the title: `Stalin, 1929–1941`).
    pub issued_at: Option<(usize, bool)>,
}

/// What the text read so far makes the next run: one expectation at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Expect {
    /// Nothing in particular: a run is placed by what surrounds it.
    Nothing,
    /// A container marker was read (`In:`, `//`): the next run is the container. After
    /// GOST's `//` (`gost`) the container runs to the end of its sentence.
    Container {
        /// Whether the marker was GOST's `//`.
        gost: bool,
    },
    /// A container was just named: a bare number next is its volume.
    Volume,
    /// A place was read with `:`: the next run or quoted text is the publisher.
    Publisher,
}

/// Parse `input` as a free-text reference.
///
/// Reads the authors (or editors), the title, and what follows in the common styles
/// (Chicago notes and bibliography, APA, MLA, Harvard, Nature/Vancouver, GOST, German and
/// French conventions): container, place, publisher, year, volume, issue, page range,
/// edition, page count, DOI, URL, an archival original, and pinpoint locators. A page range
/// is the `page` of a work in a container (a journal or book with volume or issue); in a
/// book or a note the numbers at the end are pinpoint `locators`. Text that fits no field is
/// reported with its span; trailing such text is also the remainder.
///
/// ```
/// use ibid_parse::parse_reference;
///
/// let input = "Milovan Djilas. Wartime. Translated by Michael B. Petrovich. \
///              (New York: Harcourt Brace Jovanovich, 1977), 385-387.";
/// let reference = parse_reference(input).value;
/// assert_eq!(reference.title.unwrap().slice(input), "Wartime");
/// assert_eq!(reference.translators.names.len(), 1);
/// assert_eq!(reference.place.unwrap().slice(input), "New York");
/// assert_eq!(reference.issued.unwrap().date_parts(), [1977]);
/// assert_eq!(reference.locators[0].value_text(input), "385-387");
/// ```
pub fn parse_reference(input: &str) -> Parsed<Reference> {
    let toks = tokenize(input);
    let span = trim_span(input, Span::new(0, input.len()));
    let mut reader = Reader::new(Tokens { input, toks: &toks }, span);
    reader.run();
    let mut parsed = reader.finish();
    let reference = &parsed.value;
    let locators = reference
        .archive
        .iter()
        .flat_map(|a| a.locators.iter())
        .chain(reference.locators.iter());
    let mistyped = crate::locator::mistyped_numbers(locators, input);
    parsed.errors.splice(0..0, mistyped);
    parsed
}

/// Whether the word `t` (followed by `next`) hints that the text is an archival reference: an
/// archival level written as such (`op.`, `Ф. 17`) or a repository name (`RGASPI`,
/// `Bundesarchiv`, `архив`).
///
/// Cheap tests on the token come first: most words are neither, and are ruled out without
/// looking at their text. Repository names in Latin script are capitalised (`Bundesarchiv`,
/// `Archives nationales`); a lower-case Cyrillic word may name one (`архив`), a lower-case
/// Latin word does not.
fn archival_hint_at(input: &str, t: &Tok, next: Option<&Tok>) -> bool {
    (t.chars <= MAX_ARCHIVAL_LEVEL_CHARS
        && next.is_some_and(|n| n.is('.') || n.is_num())
        && is_archival_level(t.text(input)))
        || (t.chars >= 2
            && (t.upper_first || !t.first_lower.is_ascii())
            && names_repository(t.text(input)))
}

impl<'a> Reader<'a> {
    /// A reader at the start of the tokens `t` of a reference spanning `span`.
    fn new(t: Tokens<'a>, span: Span) -> Self {
        // One pass over the tokens gathers what the grammar needs to know of the whole text
        // (a long input is read from memory once, not once per question).
        let mut archival_hint = false;
        let mut slash = None;
        let mut double_slash = None;
        let toks = t.toks;
        for (k, tok) in toks.iter().enumerate() {
            let next = toks.get(k + 1);
            if tok.is('/') {
                // A GOST ` / ` before the responsibility statement, and `//` before a container.
                if slash.is_none()
                    && tok.space_before
                    && next.is_some_and(|n| n.space_before && !n.is('/'))
                {
                    slash = Some(k);
                }
                if double_slash.is_none() && k > 0 && toks[k - 1].is('/') {
                    double_slash = Some(k);
                }
            } else if !archival_hint && tok.is_word() {
                archival_hint = archival_hint_at(t.input, tok, next);
            }
        }
        let serial = if double_slash.is_some() {
            None
        } else {
            t.serial_source()
        };
        Reader {
            t,
            cursor: Cursor {
                sep: Sep::Stop,
                depth: 0,
                archive_tries: MAX_ARCHIVE_TRIES,
                archival_hint,
                slash,
                double_slash,
                serial,
            },
            r: Reference {
                span,
                ..Reference::default()
            },
            layout: Layout {
                style: Style::Period,
                title_end: usize::MAX,
                quoted_title: false,
                no_title: false,
                container_end: usize::MAX,
                volume_labelled: false,
                issued_at: None,
            },
            unknown: Vec::new(),
            expect: Expect::Nothing,
        }
    }

    /// Read the reference: an archival original at its head, the authors, the title, then
    /// every field after it.
    fn run(&mut self) {
        if self.t.toks.is_empty() {
            return;
        }
        let mut i = self.t.enumeration_end();
        if self.cursor.archival_hint && self.t.back_reference(i).is_none() {
            if let Some(next) = self.archive_at(i) {
                i = next;
                if self.t.only_punct_from(i) {
                    return;
                }
            }
        }
        // The authors and the title end before the journal of a science-style source.
        let all = self.t;
        let mut footnote_at = None;
        match self.cursor.serial {
            Some(serial) if serial.journal > i => {
                // A footnote's number left against the title's full stop (`…Kapitalismus.1
                // Archiv für …`) belongs to neither.
                let footnote = serial.journal >= 2
                    && all.toks[serial.journal - 1].is_num()
                    && !all.toks[serial.journal - 1].space_before
                    && all.toks[serial.journal - 2].is('.');
                if footnote {
                    footnote_at = Some(serial.journal - 1);
                }
                self.t = Tokens {
                    input: all.input,
                    toks: &all.toks[..serial.journal - usize::from(footnote)],
                };
            }
            _ => self.cursor.serial = None,
        }
        i = self.authors(i);
        if !self.layout.no_title {
            i = self.title(i);
            i = self.title_to_journal(i);
        }
        self.t = all;
        if let Some(at) = footnote_at.filter(|&at| i <= at && (i..at).all(|k| all.is_p(k, '.'))) {
            i = at + 1;
        }
        self.rest(i);
        self.corporate_author();
    }

    /// Before a science-style source (the tokens end at its journal), the sentences left
    /// after the title read at `i` are more of it (`Enantioselective aldol condensations. 2.
    /// Erythro-selective …. J. Am. Chem. Soc.`, `Density-functional thermochemistry. III. The
    /// role of exact exchange. J. Chem. Phys.`), unless a year, a role, a container's mark or
    /// a locator stands among them. Returns where reading goes on.
    fn title_to_journal(&mut self, i: usize) -> usize {
        let Some(title) = self.r.title.filter(|_| self.cursor.serial.is_some()) else {
            return i;
        };
        let end = self.t.toks.len();
        if self.layout.quoted_title || i >= end || self.r.title.is_none() {
            return i;
        }
        // (A capitalised word cut short may begin the journal the walk back missed: `Proc.
        // London Math. Soc.`, `10 Harv. L. Rev.`; a roman numeral does not.)
        // The last word before the journal's full stop counts when very short (`Justus
        // Liebigs Ann. Chem.`), as a title rarely ends so.
        let abbreviated = |k: usize| {
            let longest = if k + 2 < end { 6 } else { 3 };
            self.t.is_p(k + 1, '.')
                && self.t.tok(k).is_some_and(|t| {
                    t.is_word()
                        && t.upper_first
                        && t.chars <= longest
                        && !(super::lexicon::is_roman(t.text(self.t.input))
                            && (t.chars >= 2 || t.text(self.t.input) == "I"))
                })
        };
        let plain = (i..end).all(|k| {
            !abbreviated(k)
                && self.t.year_at(k).is_none()
                && self.t.role_at(k).is_none()
                && self.t.locator_at(k).is_none()
                && !self.t.has(k, Lex::CONTAINER)
                && !self
                    .t
                    .tok(k)
                    .is_some_and(|t| matches!(t.kind, TokenKind::Url | TokenKind::Doi))
        });
        if !plain || !self.t.tok(end - 1).is_some_and(|t| t.is('.') || t.is(',')) {
            return i;
        }
        self.r.title = Some(title.cover(self.t.field_span(i, end)));
        self.layout.title_end = end - 1;
        end
    }

    /// An author named again as the publisher is an institution (`Human Rights Watch.
    /// Azerbaijan … New York: Human Rights Watch, 1994.`); with no author read, a title that
    /// opens with the publisher's name and a full stop or colon opens with its author
    /// (`League of Nations. The Records … Geneva: League of Nations, 1920.`).
    fn corporate_author(&mut self) {
        let Some(publisher) = self.r.publisher else {
            return;
        };
        let name = publisher.slice(self.t.input);
        if let [super::Name::Personal { span, .. }] = self.r.authors.names.as_slice() {
            if span.slice(self.t.input) == name && span.start != publisher.start {
                self.r.authors.names = vec![super::Name::Literal { span: *span }];
            }
            return;
        }
        let Some(title) = self.r.title else { return };
        if !(self.r.authors.names.is_empty() && self.r.editors.names.is_empty()) {
            return;
        }
        let Some(rest) = title.slice(self.t.input).strip_prefix(name) else {
            return;
        };
        let body = rest.trim_start_matches(['.', ':']);
        if body.len() == rest.len() || !body.starts_with(' ') {
            return;
        }
        let body = body.trim_start();
        if body.is_empty() {
            return;
        }
        let author_end = title.start + name.len();
        self.r.authors.names.push(super::Name::Literal {
            span: Span::new(title.start, author_end),
        });
        self.r.title = Some(Span::new(title.end - body.len(), title.end));
    }

    /// The reference read, with an error for each stretch of text that fits no field (and
    /// the last such stretch as the remainder, when nothing meaningful follows it).
    fn finish(mut self) -> Parsed<Reference> {
        let mut errors = Vec::new();
        let mut remainder = None;
        let last_meaningful = self
            .t
            .toks
            .iter()
            .rev()
            .find(|t| !matches!(t.kind, TokenKind::Punct('.' | ',' | ';' | ')' | ']')))
            .map_or(0, |t| t.end);
        let mut unknown = std::mem::take(&mut self.unknown);
        unknown.sort_by_key(|s| (s.start, s.end));
        let mut merged: Vec<Span> = Vec::new();
        for span in unknown {
            match merged.last_mut() {
                Some(last)
                    if span.start <= last.end
                        || self
                            .t
                            .input
                            .get(last.end..span.start)
                            .is_some_and(|gap| gap.trim().chars().count() <= 1) =>
                {
                    *last = last.cover(span)
                }
                _ => merged.push(span),
            }
        }
        for span in &merged {
            errors.push(ParseError::new(
                ParseErrorKind::UnknownField,
                format!(
                    "could not tell which field `{}` is",
                    span.slice(self.t.input)
                ),
                *span,
            ));
        }
        if let Some(last) = merged.last() {
            if last.end >= last_meaningful {
                remainder = Some(Span::new(last.start, self.r.span.end.max(last.end)));
            }
        }
        Parsed {
            value: self.r,
            errors,
            remainder,
        }
    }

    /// An archival reference starting at token `i`: sets it and returns the index after it.
    pub(super) fn archive_at(&mut self, i: usize) -> Option<usize> {
        if self.r.archive.is_some() || self.cursor.archive_tries == 0 {
            return None;
        }
        let t = *self.t.tok(i)?;
        let candidate = t.all_upper()
            || t.has(Lex::INSTITUTION)
            || (t.is_word()
                && t.chars <= MAX_ARCHIVAL_LEVEL_CHARS
                && is_archival_level(t.text(self.t.input)))
            || (i == 0 && t.is_word());
        if !candidate {
            return None;
        }
        self.cursor.archive_tries -= 1;
        // A repository followed by call numbers and name parts (`Bodleian Library, Oxford,
        // MS. Eng. hist. c. 476, fols. 20–23`) was read by its shape, part by part.
        let at_start = |a: &ArchivalReference| a.span.start == t.start && a.span.end > t.start;
        if let Some(archive) = shelved_archival(self.t.input, t.start).filter(at_start) {
            let repository_ok = archive
                .repository
                .map_or(true, |r| self.t.plain_words(r.start, r.end, true));
            if repository_ok {
                let next = self.t.tok_after(archive.span.end);
                self.r.archive = Some(archive);
                return Some(next.max(i + 1));
            }
        }
        let archive = scan_archival(self.t.input, t.start).filter(at_start)?;
        let chain_start = archive
            .locators
            .first()
            .map_or(archive.span.end, |l| l.span.start);
        let repository_ok = archive
            .repository
            .map_or(true, |r| self.t.plain_words(r.start, r.end, true));
        let prefix_ok = archive.location.map_or(true, |l| {
            self.t.plain_words(l.start, chain_start.max(l.start), true)
        });
        if !(repository_ok && prefix_ok) {
            return None;
        }
        let next = self.t.tok_after(archive.span.end);
        self.r.archive = Some(archive);
        Some(next.max(i + 1))
    }

    /// A container marker was read (GOST's `//` if `gost`): the next run is the container,
    /// unless one is named already (`Aus Anlaß …, in: Zeitschrift 25`), when what was
    /// expected stays so.
    pub(super) fn expect_container(&mut self, gost: bool) {
        if self.r.container_title.is_none() {
            self.expect = Expect::Container { gost };
        }
    }

    /// The container is done with: a bare number after this is not its volume.
    pub(super) fn end_container(&mut self) {
        if self.expect == Expect::Volume {
            self.expect = Expect::Nothing;
        }
    }

    /// Add names read in `role` (authors when `None`) to their list.
    pub(super) fn add_names(&mut self, role: Option<Role>, names: Names) {
        let list = match role {
            None => &mut self.r.authors,
            Some(Role::Editor) => &mut self.r.editors,
            Some(Role::Translator) => &mut self.r.translators,
        };
        list.names.extend(names.names);
        list.et_al |= names.et_al;
    }
}
