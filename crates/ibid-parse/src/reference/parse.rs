//! The free-text reference grammar: the entry point, the state of one reference, and the
//! token tests shared by `head` (authors, title), `fields`, `runs` and `numbers`.

use super::archive::{scan_archival, shelved_archival};
use super::lexicon::Lex;
use super::token::{tokenize, Kind, Tok};
use super::{ArchivalReference, Names, Reference};
use crate::locator::{scan_locator, LocatorOptions};
use crate::text::trim_span;
use crate::{Locator, ParseError, ParseErrorKind, Parsed, Span};

/// The longest quoted title looked for, in tokens: keeps unclosed quotes from making the
/// search quadratic.
const MAX_QUOTED_TOKENS: usize = 256;

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

/// The state of one reference being read.
pub(super) struct Cx<'a> {
    pub input: &'a str,
    pub toks: Vec<Tok>,
    pub r: Reference,
    pub style: Style,
    pub sep: Sep,
    /// The title was quoted or in italics (an article or chapter in MLA, French and notes).
    pub quoted_title: bool,
    /// The index of the token just after the title.
    pub title_end: usize,
    /// A container marker (`In:`, `//`) was read: the next text is the container.
    pub expect_container: bool,
    /// A container was just named: a bare number next is its volume.
    pub container_open: bool,
    /// A place was read with `:`: the next text is the publisher.
    pub expect_publisher: bool,
    /// Brackets open around the current token.
    pub depth: u32,
    /// The input holds a word that labels an archival level.
    pub archival_hint: bool,
    /// How many more times an archival reference may be looked for.
    pub archive_tries: u8,
    /// The first spaced ` / ` (GOST's statement of responsibility), if any.
    pub slash: Option<usize>,
    /// The first `//` (GOST's container mark), if any.
    pub double_slash: Option<usize>,
    /// The volume was read from a label (`Т. 7`), not a bare number after a journal.
    pub volume_labelled: bool,
    /// The container was introduced by GOST's `//`: it runs to the end of its sentence.
    pub gost_container: bool,
    /// The index of the token just after the container title.
    pub container_end: usize,
    /// Text that fits no field.
    pub unknown: Vec<Span>,
    /// The token index of the year read as issued, and whether a place or publisher was
    /// known then (a year before them may belong to the title: `Stalin, 1929–1941`).
    pub issued_at: Option<(usize, bool)>,
    /// The head was a back reference (`Ibid.`) or an author-date note (`Müller 1990`):
    /// no title follows.
    pub no_title: bool,
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
    let mut cx = Cx::new(input, toks, span);
    cx.run();
    let mut parsed = cx.finish();
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
    (t.chars <= 6
        && next.is_some_and(|n| n.is('.') || n.kind == Kind::Num)
        && is_archival_word(t.text(input)))
        || (t.chars >= 2
            && (t.upper_first || !t.first_lower.is_ascii())
            && crate::locator::names_repository(t.text(input)))
}

/// Words naming a thesis (`Diss.`, `thesis`, `дис.`); with the degree words `PhD` and
/// `doctoral`, all are in the lexicon's [`Lex::THESIS`] class.
pub(super) const THESIS_WORDS: &[&str] = &[
    "diss",
    "dissertation",
    "thesis",
    "thèse",
    "дис",
    "дисс",
    "диссертация",
    "автореф",
];

/// Whether `text` is a word naming an archival level (`op.`, `Ф.`, `delo`, `Box`).
fn is_archival_word(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "op",
        "оп",
        "Оп",
        "ОП",
        "d",
        "д",
        "Д",
        "ф",
        "Ф",
        "fond",
        "фонд",
        "opis",
        "опись",
        "delo",
        "дело",
        "box",
        "Box",
        "folder",
        "Folder",
        "Karton",
        "ед",
        "ll",
        "лл",
        "fol",
    ];
    WORDS.contains(&text)
}

impl<'a> Cx<'a> {
    fn new(input: &'a str, toks: Vec<Tok>, span: Span) -> Self {
        // One pass over the tokens gathers what the grammar needs to know of the whole text
        // (a long input is read from memory once, not once per question).
        let mut archival_hint = false;
        let mut slash = None;
        let mut double_slash = None;
        for (k, t) in toks.iter().enumerate() {
            let next = toks.get(k + 1);
            if t.is('/') {
                // A GOST ` / ` before the responsibility statement, and `//` before a container.
                if slash.is_none()
                    && t.space_before
                    && next.is_some_and(|n| n.space_before && !n.is('/'))
                {
                    slash = Some(k);
                }
                if double_slash.is_none() && k > 0 && toks[k - 1].is('/') {
                    double_slash = Some(k);
                }
            } else if !archival_hint && t.is_word() {
                archival_hint = archival_hint_at(input, t, next);
            }
        }
        Cx {
            input,
            toks,
            r: Reference {
                span,
                ..Reference::default()
            },
            style: Style::Period,
            sep: Sep::Stop,
            quoted_title: false,
            title_end: usize::MAX,
            expect_container: false,
            container_open: false,
            expect_publisher: false,
            depth: 0,
            archival_hint,
            archive_tries: MAX_ARCHIVE_TRIES,
            slash,
            double_slash,
            volume_labelled: false,
            gost_container: false,
            container_end: usize::MAX,
            unknown: Vec::new(),
            issued_at: None,
            no_title: false,
        }
    }

    fn run(&mut self) {
        if self.toks.is_empty() {
            return;
        }
        let mut i = self.enumeration_end();
        if self.archival_hint && self.back_reference(i).is_none() {
            if let Some(next) = self.archive_at(i) {
                i = next;
                if self.only_punct_from(i) {
                    return;
                }
            }
        }
        i = self.authors(i);
        if !self.no_title {
            i = self.title(i);
        }
        self.rest(i);
        self.corporate_author();
    }

    /// An author named again as the publisher is an institution (`Human Rights Watch.
    /// Azerbaijan … New York: Human Rights Watch, 1994.`); with no author read, a title that
    /// opens with the publisher's name and a full stop or colon opens with its author
    /// (`League of Nations. The Records … Geneva: League of Nations, 1920.`).
    fn corporate_author(&mut self) {
        let Some(publisher) = self.r.publisher else {
            return;
        };
        let name = publisher.slice(self.input);
        if let [super::Name::Personal { span, .. }] = self.r.authors.names.as_slice() {
            if span.slice(self.input) == name && span.start != publisher.start {
                self.r.authors.names = vec![super::Name::Literal { span: *span }];
            }
            return;
        }
        let Some(title) = self.r.title else { return };
        if !(self.r.authors.names.is_empty() && self.r.editors.names.is_empty()) {
            return;
        }
        let Some(rest) = title.slice(self.input).strip_prefix(name) else {
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

    /// The index after a list number in front of the reference (`[12]`, `12.`, `3)`), or 0.
    fn enumeration_end(&self) -> usize {
        let small = |j: usize| {
            self.tok(j)
                .is_some_and(|t| t.kind == Kind::Num && t.chars <= 3)
        };
        let spaced_text = |j: usize| {
            self.tok(j)
                .is_some_and(|t| t.space_before && !matches!(t.kind, Kind::Num))
        };
        if self.is_p(0, '[') && small(1) && self.is_p(2, ']') && spaced_text(3) {
            return 3;
        }
        if small(0) && (self.is_p(1, '.') || self.is_p(1, ')')) && spaced_text(2) {
            return 2;
        }
        0
    }

    fn finish(mut self) -> Parsed<Reference> {
        let mut errors = Vec::new();
        let mut remainder = None;
        let last_meaningful = self
            .toks
            .iter()
            .rev()
            .find(|t| !matches!(t.kind, Kind::Punct('.' | ',' | ';' | ')' | ']')))
            .map_or(0, |t| t.end);
        let mut unknown = std::mem::take(&mut self.unknown);
        unknown.sort_by_key(|s| (s.start, s.end));
        let mut merged: Vec<Span> = Vec::new();
        for span in unknown {
            match merged.last_mut() {
                Some(last)
                    if span.start <= last.end
                        || self
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
                format!("could not tell which field `{}` is", span.slice(self.input)),
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

    // ----- token access -------------------------------------------------------------

    pub(super) fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    pub(super) fn is_p(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.is(c))
    }

    pub(super) fn has(&self, i: usize, mask: u32) -> bool {
        self.tok(i).is_some_and(|t| t.has(mask))
    }

    pub(super) fn text(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.input))
    }

    /// Whether the word at `i` is `word`, ignoring case.
    pub(super) fn word_is(&self, i: usize, word: &str) -> bool {
        self.tok(i).is_some_and(|t| {
            // (`str::starts_with(char)` compiles to a slower byte comparison.)
            t.is_word() && word.chars().next().is_some_and(|c| c == t.first_lower) && {
                let text = t.text(self.input);
                text.len() <= word.len() * 2 && crate::text::eq_lower(text, word)
            }
        })
    }

    /// The span from token `from` up to (not including) token `to`.
    pub(super) fn span(&self, from: usize, to: usize) -> Span {
        match (self.tok(from), to.checked_sub(1).and_then(|l| self.tok(l))) {
            (Some(a), Some(b)) if to > from => Span::new(a.start, b.end),
            _ => Span::empty(self.tok(from).map_or(self.input.len(), |t| t.start)),
        }
    }

    /// The index of the first token starting at or after byte `at`.
    pub(super) fn tok_after(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.start < at)
    }

    /// Whether only punctuation is left from token `i`.
    pub(super) fn only_punct_from(&self, i: usize) -> bool {
        self.toks.get(i..).map_or(true, |rest| {
            rest.iter().all(|t| matches!(t.kind, Kind::Punct(_)))
        })
    }

    /// Whether the full stop at `i` ends a field rather than an abbreviation or initial.
    pub(super) fn sentence_stop(&self, i: usize) -> bool {
        let Some(next) = self.tok(i + 1) else {
            return true;
        };
        if matches!(next.kind, Kind::Punct(',' | ':' | ';')) {
            return false;
        }
        if !next.space_before {
            return matches!(next.kind, Kind::Punct(')' | ']' | '»' | '"' | '”'));
        }
        if let Some(prev) = i.checked_sub(1).and_then(|p| self.tok(p)) {
            if prev.has(Lex::KEEPS_STOP) {
                return false;
            }
            let ordinal = prev.kind == Kind::Num
                && prev.chars <= 3
                && i.checked_sub(2)
                    .and_then(|p| self.tok(p))
                    .is_some_and(|w| w.is_word() && !w.upper_first && w.chars <= 4)
                && next.is_word();
            if ordinal {
                return false;
            }
            let two_letters =
                prev.is_word() && prev.chars == 2 && prev.upper_first && prev.has_lower;
            if two_letters && next.is_word() && next.upper_first && !self.element_starts_at(i + 1) {
                return false;
            }
            if prev.is_word()
                && prev.chars == 1
                && !prev.upper_first
                && next.is_word()
                && next.chars <= 2
                && self.is_p(i + 2, '.')
            {
                // `Frankfurt a. M.:`, `Freiburg i. Br.`: an abbreviated preposition and
                // the abbreviation it governs.
                return false;
            }
            if prev.is_word()
                && prev.chars == 1
                && next.is_word()
                && next.chars <= 2
                && self.is_p(i + 2, '.')
                && !self.element_starts_at(i + 1)
                && !self.is_p(i + 3, ':')
            {
                return false;
            }
            if prev.is_word()
                && prev.chars == 1
                && prev.text(self.input) == "v"
                && next.is_word()
                && next.upper_first
                && i >= 2
                && self
                    .tok(i - 2)
                    .is_some_and(|w| w.is_word() && w.upper_first)
            {
                // `Miranda v. Arizona`: the `v.` (versus) of a case name.
                return false;
            }
            if prev.is_word()
                && prev.chars == 1
                && prev.upper_first
                && next.is_word()
                && next.upper_first
            {
                return self.element_starts_at(i + 1) || self.has(i + 1, Lex::PLACE);
            }
        }
        if next.is_word() && !next.upper_first {
            return self.element_starts_at(i + 1);
        }
        true
    }

    /// Whether `(x)` attached to the word before it starts at `j` (`РКП(б)`): read as part
    /// of that word.
    pub(super) fn attached_paren(&self, j: usize) -> bool {
        self.tok(j).is_some_and(|t| t.is('(') && !t.space_before)
            && j.checked_sub(1)
                .and_then(|p| self.tok(p))
                .is_some_and(|p| p.is_word())
            && self
                .tok(j + 1)
                .is_some_and(|t| t.is_word() && t.chars <= 3 && !t.space_before)
            && self
                .tok(j + 2)
                .is_some_and(|t| t.is(')') && !t.space_before)
    }

    /// Whether an edition statement led by a word starts at `i` (`rev. 2nd ed.`, `Rev.
    /// ed.`, `Изд. 2-е`).
    pub(super) fn edition_at_shape(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        if t.has(Lex::ORDINAL_WORD) {
            let j = i + 1 + usize::from(self.is_p(i + 1, '.'));
            let ordinal = self.tok(j).map(|n| n.kind) == Some(Kind::Num)
                && self.has(j + 1, Lex::ORDINAL)
                && self.edition_ahead(j + 2);
            return self.has(j, Lex::EDITION) || ordinal;
        }
        t.has(Lex::EDITION)
            && t.upper_first
            && self
                .tok(i + 1 + usize::from(self.is_p(i + 1, '.')))
                .is_some_and(|n| n.kind == Kind::Num)
    }

    /// Whether the word at `i` looks like an abbreviation whose full stop belongs to it.
    pub(super) fn abbreviation(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            t.is_word()
                && (t.has(Lex::KEEPS_STOP | Lex::ABBREV)
                    || t.chars == 1
                    || (t.upper_first && t.chars <= 2))
        })
    }

    /// The span of tokens `from..to`, without trailing separators, keeping the full stop of
    /// an abbreviation (`соч.`, `М.`).
    pub(super) fn field_span(&self, from: usize, mut to: usize) -> Span {
        while to > from {
            let Some(last) = self.tok(to - 1) else { break };
            let strip = match last.kind {
                Kind::Punct('.') => !self.abbreviation(to - 2) || to - 1 == from,
                Kind::Punct(c) => matches!(c, ',' | ':' | ';' | '/' | '–' | '—' | '-'),
                _ => false,
            };
            if !strip {
                break;
            }
            to -= 1;
        }
        self.span(from, to)
    }

    // ----- shared recognisers --------------------------------------------------------

    /// Whether the token at `i` could start a locator label followed by its value: a word
    /// or `№` `§` `¶`, an optional full stop or degree mark, then a number or roman numeral.
    pub(super) fn label_shape(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        let label = t.is_word() && t.chars <= 12 || matches!(t.kind, Kind::Punct('№' | '§' | '¶'));
        if !label {
            return false;
        }
        let mut j = i + 1;
        if self.tok(j).is_some_and(|n| {
            !n.space_before && matches!(n.kind, Kind::Punct('.' | '°' | 'º' | '§'))
        }) {
            let word = t.text(self.input);
            let full_name = t.chars >= 4
                && word.bytes().all(|b| b.is_ascii_lowercase())
                && crate::LocatorLabel::from_name(word).is_some();
            if full_name && self.is_p(j, '.') {
                return false;
            }
            j += 1;
        }
        match self.tok(j) {
            Some(n) if n.kind == Kind::Num => true,
            Some(n) if n.is_word() => {
                let dotted_initials = !n.space_before
                    && self.is_p(j + 1, '.')
                    && self
                        .tok(j + 2)
                        .is_some_and(|m| m.is_word() && !m.space_before);
                (super::lexicon::is_roman(n.text(self.input)) && !dotted_initials)
                    || self.lettered_number_end(j).is_some()
                    || (n.chars == 1
                        && self.is_p(j + 1, '-')
                        && self.tok(j + 2).is_some_and(|m| m.kind == Kind::Num))
            }
            _ => false,
        }
    }

    /// A page or range written with a letter against its numbers (`A3`, `B864-B871`): the
    /// index after it.
    pub(super) fn lettered_number_end(&self, i: usize) -> Option<usize> {
        let lettered = |k: usize| {
            self.tok(k)
                .is_some_and(|t| t.is_word() && t.chars == 1 && t.upper_first)
                && self
                    .tok(k + 1)
                    .is_some_and(|n| n.kind == Kind::Num && !n.space_before)
        };
        if !lettered(i) {
            return None;
        }
        let end = i + 2;
        let dash = self.tok(end).is_some_and(|t| {
            !t.space_before && matches!(t.kind, Kind::Punct(c) if crate::text::is_dash(c))
        });
        if dash && lettered(end + 1) {
            return Some(end + 3);
        }
        if dash
            && self
                .tok(end + 1)
                .is_some_and(|n| n.kind == Kind::Num && !n.space_before)
        {
            return Some(end + 2);
        }
        Some(end)
    }

    /// A labelled locator starting at token `i` (`Document 652`, `С. 12–25`, `Bd. 2`).
    pub(super) fn locator_at(&self, i: usize) -> Option<Locator> {
        if !self.label_shape(i) {
            return None;
        }
        let start = self.tok(i)?.start;
        let options = LocatorOptions {
            bare_number_is_page: false,
        };
        scan_locator(self.input, start, &options)
            .filter(|l| l.span.start == start && l.label_span.is_some() && l.span.end > start)
    }

    /// Whether a field other than the title starts at token `i`: a labelled locator, a
    /// role, a year or number, a link.
    pub(super) fn element_starts_at(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        match t.kind {
            Kind::Num | Kind::Url | Kind::Doi => true,
            Kind::Word => {
                self.locator_at(i).is_some()
                    || self.role_at(i).is_some()
                    || self.op_cit_at(i).is_some()
                    || self.edition_at_shape(i)
                    || self.thesis_at(i).is_some()
                    || self.series_shape(i).is_some()
                    || (t.has(Lex::CONTAINER)
                        && !t.upper_first
                        && self.tok(i + 1).is_some_and(|n| n.is(':') || n.is_word()))
            }
            Kind::Punct(c) => matches!(c, '№' | '§') && self.locator_at(i).is_some(),
        }
    }

    /// The shape of a series statement at `i`: a capitalised series word and its letter or
    /// number (`Series D`, `Serie B: 1925–1933`, `Series I`), or an ordinal word before it
    /// (`First Series`). The index after it.
    pub(super) fn series_shape(&self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        if !(t.has(Lex::SERIES | Lex::ORDINAL_WORD) && t.upper_first) {
            return None;
        }
        if t.has(Lex::ORDINAL_WORD) {
            let series = self.tok(i + 1)?;
            let ok = series.has(Lex::SERIES) && series.upper_first && series.chars >= 5;
            return ok.then_some(i + 2);
        }
        let n = self.tok(i + 1)?;
        let designation = match n.kind {
            Kind::Word => {
                (n.chars == 1 && n.upper_first) || super::lexicon::is_roman(n.text(self.input))
            }
            Kind::Num => n.chars <= 2,
            _ => false,
        };
        if t.chars < 5 || !designation || !n.space_before {
            return None;
        }
        let end = i + 2;
        if self.is_p(end, ':') && self.year_at(end + 1).is_some() {
            // `Serie B: 1925–1933`: the years the series covers.
            return Some(self.num_value_end(end + 1).unwrap_or(end + 2));
        }
        Some(end)
    }

    /// A thesis statement (`PhD diss.`, `Diss.`, `thèse pour le doctorat`, `дис. … д-ра
    /// геогр. наук`): the genre of the work, no title or container. The index after it.
    pub(super) fn thesis_at(&self, i: usize) -> Option<usize> {
        // `Diss.` stands at the start of its sentence or after a comma or colon; every word
        // of a thesis statement is in the lexicon's thesis class, so other words cost nothing.
        if !self.has(i, Lex::THESIS) {
            return None;
        }
        let lead = i == 0
            || self.tok(i - 1).is_some_and(|p| {
                matches!(
                    p.kind,
                    Kind::Punct(',' | ':' | '.' | '[' | '(' | '”' | '"' | '»' | '’')
                )
            });
        if !lead {
            return None;
        }
        let degree = self.word_is(i, "phd") || self.word_is(i, "doctoral");
        let j = i + usize::from(degree);
        let word = self.tok(j).filter(|t| t.is_word())?;
        let text = word.text(self.input);
        if !THESIS_WORDS.iter().any(|w| crate::text::eq_lower(text, w)) {
            return None;
        }
        let mut k = j + 1;
        let limit = j + 12;
        while k < limit {
            let Some(t) = self.tok(k) else { break };
            let go_on = match t.kind {
                Kind::Word => !t.upper_first,
                Kind::Punct('.') => !self.sentence_stop(k),
                Kind::Punct('…' | '-') => true,
                _ => false,
            };
            if !go_on {
                break;
            }
            k += 1;
        }
        Some(k)
    }

    /// `op. cit.`, `loc. cit.`, `art. cit.`, `a. a. O.`, `указ. соч.`: the index after it.
    pub(super) fn op_cit_at(&self, i: usize) -> Option<usize> {
        let dotted = |words: &[&str]| -> Option<usize> {
            let mut j = i;
            for w in words {
                if !self.word_is(j, w) {
                    return None;
                }
                j += 1;
                if self.is_p(j, '.') {
                    j += 1;
                }
            }
            Some(j)
        };
        dotted(&["op", "cit"])
            .or_else(|| dotted(&["loc", "cit"]))
            .or_else(|| dotted(&["art", "cit"]))
            .or_else(|| dotted(&["a", "a", "o"]))
            .or_else(|| dotted(&["указ", "соч"]))
    }

    /// An archival reference starting at token `i`: sets it and returns the index after it.
    pub(super) fn archive_at(&mut self, i: usize) -> Option<usize> {
        if self.r.archive.is_some() || self.archive_tries == 0 {
            return None;
        }
        let t = *self.tok(i)?;
        let candidate = t.all_upper()
            || t.has(Lex::INSTITUTION)
            || (t.is_word() && t.chars <= 6 && is_archival_word(t.text(self.input)))
            || (i == 0 && t.is_word());
        if !candidate {
            return None;
        }
        self.archive_tries -= 1;
        // A repository followed by call numbers and name parts (`Bodleian Library, Oxford,
        // MS. Eng. hist. c. 476, fols. 20–23`) was read by its shape, part by part.
        let at_start = |a: &ArchivalReference| a.span.start == t.start && a.span.end > t.start;
        if let Some(archive) = shelved_archival(self.input, t.start).filter(at_start) {
            let repository_ok = archive
                .repository
                .map_or(true, |r| self.plain_words(r.start, r.end, true));
            if repository_ok {
                let next = self.tok_after(archive.span.end);
                self.r.archive = Some(archive);
                return Some(next.max(i + 1));
            }
        }
        let archive = scan_archival(self.input, t.start).filter(at_start)?;
        let chain_start = archive
            .locators
            .first()
            .map_or(archive.span.end, |l| l.span.start);
        let repository_ok = archive
            .repository
            .map_or(true, |r| self.plain_words(r.start, r.end, true));
        let prefix_ok = archive.location.map_or(true, |l| {
            self.plain_words(l.start, chain_start.max(l.start), true)
        });
        if !(repository_ok && prefix_ok) {
            return None;
        }
        let next = self.tok_after(archive.span.end);
        self.r.archive = Some(archive);
        Some(next.max(i + 1))
    }

    /// Whether bytes `from..to` hold only a few words (a repository or collection name):
    /// no slashes, no sentence stops, and numbers only in a shelfmark (`MS M.126`), never
    /// a year.
    fn plain_words(&self, from: usize, to: usize, shelfmark: bool) -> bool {
        let (a, b) = (self.tok_after(from), self.tok_after(to));
        b - a <= 12
            && (a..b).all(|j| {
                self.tok(j).is_some_and(|t| match t.kind {
                    Kind::Word => true,
                    Kind::Num => shelfmark && self.year_at(j).is_none(),
                    Kind::Punct('.') => !self.sentence_stop(j) || j + 1 == b,
                    Kind::Punct(c) => matches!(c, ',' | '-' | '\'' | '’' | '&' | '(' | ')' | '/'),
                    _ => false,
                })
            })
    }

    /// A role word and what joins it to the names (`trans.`, `Translated by`, `под ред.`,
    /// `hrsg. von`, `пер. с англ.`, `éd. par`): the role and the index of the first name.
    pub(super) fn role_at(&self, i: usize) -> Option<(Role, usize)> {
        let t = self.tok(i)?;
        if !t.is_word() {
            return None;
        }
        if self.word_is(i, "aus") && self.word_is(i + 1, "dem") && self.has(i + 2, Lex::LANGUAGE) {
            // `Aus dem Englischen (übersetzt) von Karl Heinz Siber`.
            let k = i + 3 + usize::from(self.has(i + 3, Lex::TRANSLATOR));
            return self.word_is(k, "von").then_some((Role::Translator, k + 1));
        }
        let mut j = i;
        if self.word_is(i, "под") || self.word_is(i, "отв") {
            j += 1;
            if self.is_p(j, '.') {
                j += 1;
            }
            if self.word_is(j, "общ") || self.word_is(j, "науч") {
                j += 1 + usize::from(self.is_p(j + 1, '.'));
            }
            if !self.has(j, Lex::EDITOR) {
                return None;
            }
        } else if self.word_is(i, "sous") {
            if !(self.word_is(i + 1, "la")
                && self.word_is(i + 2, "direction")
                && self.word_is(i + 3, "de"))
            {
                return None;
            }
            return Some((Role::Editor, i + 4));
        }
        let word = self.tok(j)?;
        let role = if word.has(Lex::TRANSLATOR) {
            Role::Translator
        } else if word.has(Lex::EDITOR | Lex::COMPILER) {
            Role::Editor
        } else {
            return None;
        };
        let long = word.chars >= 6;
        j += 1;
        let dot = self.is_p(j, '.');
        if dot {
            j += 1;
        }
        let mut by = false;
        let mut steps = 0;
        while steps < 5 {
            let Some(n) = self.tok(j) else { break };
            // `du`/`de l'` before a language (`trad. du russe par`).
            let of_language =
                (self.word_is(j, "du") || self.word_is(j, "de")) && self.has(j + 1, Lex::LANGUAGE);
            if n.has(Lex::BY | Lex::LANGUAGE) && !n.upper_first
                || n.has(Lex::LANGUAGE)
                || of_language
            {
                by = true;
                j += 1;
                if self.is_p(j, '.') {
                    j += 1;
                }
                let from = self.word_is(j - 1, "с") || self.word_is(j - 1, "from");
                let abbreviated = self
                    .tok(j)
                    .is_some_and(|l| l.is_word() && !l.upper_first && self.is_p(j + 1, '.'));
                if from && abbreviated {
                    j += 2;
                }
            } else {
                break;
            }
            steps += 1;
        }
        if !(dot || by || (long && self.tok(j).is_some_and(|n| n.is_word() && n.upper_first))) {
            return None;
        }
        Some((role, j))
    }

    /// A role written after names: `(ed.)`, `(Hrsg.)`, `(dir.)`, `, eds.`, `(ред.)`.
    pub(super) fn postfix_role(&self, i: usize) -> Option<(Role, usize)> {
        let paren = self.is_p(i, '(');
        let comma = self.is_p(i, ',');
        let j = i + usize::from(paren || comma);
        let t = self.tok(j)?;
        let role = if t.has(Lex::TRANSLATOR) {
            Role::Translator
        } else if t.has(Lex::EDITOR | Lex::COMPILER) {
            Role::Editor
        } else {
            return None;
        };
        let mut k = j + 1;
        if self.is_p(k, '.') {
            k += 1;
        }
        if paren {
            if !self.is_p(k, ')') {
                return None;
            }
            k += 1;
        } else if !comma && !self.is_p(k - 1, '.') {
            return None;
        }
        Some((role, k))
    }

    pub(super) fn add_names(&mut self, role: Option<Role>, names: Names) {
        let list = match role {
            None => &mut self.r.authors,
            Some(Role::Editor) => &mut self.r.editors,
            Some(Role::Translator) => &mut self.r.translators,
        };
        list.names.extend(names.names);
        list.et_al |= names.et_al;
    }

    /// A quoted or italic text at `i` (`"…"`, `«…»`, `„…“`, `*…*`, `_…_`): its inner span,
    /// without closing punctuation, and the index after the closing mark.
    pub(super) fn quoted_at(&self, i: usize) -> Option<(Span, usize)> {
        let open = self.tok(i)?;
        let Kind::Punct(c) = open.kind else {
            return None;
        };
        let closers: &[char] = match c {
            '"' => &['"'],
            '“' => &['”', '“'],
            '„' => &['“', '”'],
            '«' => &['»'],
            '‘' => &['’'],
            '\'' => {
                if !open.space_before && i > 0 {
                    return None;
                }
                &['\'']
            }
            '‹' => &['›'],
            '*' | '_' => {
                if self.tok(i + 1).map_or(true, |n| n.space_before) {
                    return None;
                }
                if c == '*' {
                    &['*']
                } else {
                    &['_']
                }
            }
            _ => return None,
        };
        let mut depth = 0u32;
        let mut j = i + 1;
        let limit = i + MAX_QUOTED_TOKENS;
        while let Some(t) = self.tok(j).filter(|_| j < limit) {
            if t.is(c) && !closers.contains(&c) {
                depth += 1;
            } else if let Kind::Punct(k) = t.kind {
                if closers.contains(&k) {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                }
            }
            j += 1;
        }
        if j >= self.toks.len().min(limit) || j == i + 1 {
            return None;
        }
        let mut end = j;
        while end > i + 1
            && self
                .tok(end - 1)
                .is_some_and(|t| matches!(t.kind, Kind::Punct(',' | '.' | ';' | ':')))
        {
            end -= 1;
        }
        let inner = self.span(i + 1, end);
        (!inner.is_empty()).then_some((inner, j + 1))
    }
}
