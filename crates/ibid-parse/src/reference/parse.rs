//! The free-text reference grammar: the entry point, the authors at the head and the title.
//! The fields after the title are read by `fields`, numbers and dates by `numbers`.

use super::archive::scan_archival;
use super::lexicon::Lex;
use super::names::{scan_names, starts_name, Ctx, Form};
use super::token::{tokenize, Kind, Tok};
use super::{Names, Reference};
use crate::locator::{scan_locator, LocatorOptions};
use crate::text::trim_span;
use crate::{Locator, ParseError, Parsed, Span};

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
    /// Text that fits no field.
    pub unknown: Vec<Span>,
    /// The token index of the year read as issued, and whether a place or publisher was
    /// known then (a year before them may belong to the title: `Stalin, 1929–1941`).
    pub issued_at: Option<(usize, bool)>,
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
pub fn parse_reference(input: &str) -> Parsed<Reference> {
    let toks = tokenize(input);
    let span = trim_span(input, Span::new(0, input.len()));
    let mut cx = Cx::new(input, toks, span);
    cx.run();
    cx.finish()
}

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
        let archival_hint = toks.iter().enumerate().any(|(i, t)| {
            t.is_word()
                && t.chars <= 6
                && is_archival_word(t.text(input))
                && toks
                    .get(i + 1)
                    .is_some_and(|n| n.is('.') || n.kind == Kind::Num)
        });
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
            unknown: Vec::new(),
            issued_at: None,
        }
    }

    fn run(&mut self) {
        if self.toks.is_empty() {
            return;
        }
        let mut i = 0;
        if self.archival_hint {
            if let Some(next) = self.archive_at(0) {
                i = next;
                if self.only_punct_from(i) {
                    return;
                }
            }
        }
        i = self.authors(i);
        i = self.title(i);
        self.rest(i);
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
            t.is_word() && {
                let text = t.text(self.input);
                text.len() <= word.len() * 2
                    && text.chars().flat_map(char::to_lowercase).eq(word.chars())
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
            return matches!(
                next.kind,
                Kind::Punct('–' | '—' | ')' | ']' | '»' | '"' | '”')
            );
        }
        if let Some(prev) = i.checked_sub(1).and_then(|p| self.tok(p)) {
            if prev.has(Lex::KEEPS_STOP) {
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

    /// Whether the word at `i` looks like an abbreviation whose full stop belongs to it.
    pub(super) fn abbreviation(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            t.is_word() && (t.has(Lex::KEEPS_STOP | Lex::ABBREV) || (t.upper_first && t.chars <= 2))
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
            j += 1;
        }
        match self.tok(j) {
            Some(n) if n.kind == Kind::Num => true,
            Some(n) if n.is_word() => {
                super::lexicon::is_roman(n.text(self.input))
                    || (n.chars == 1
                        && self.is_p(j + 1, '-')
                        && self.tok(j + 2).is_some_and(|m| m.kind == Kind::Num))
            }
            _ => false,
        }
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
                    || (t.has(Lex::CONTAINER)
                        && !t.upper_first
                        && self.tok(i + 1).is_some_and(|n| n.is(':') || n.is_word()))
            }
            Kind::Punct(c) => matches!(c, '№' | '§') && self.locator_at(i).is_some(),
        }
    }

    /// `op. cit.`, `loc. cit.`, `a. a. O.`, `указ. соч.`: the index after it.
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
        let archive = scan_archival(self.input, t.start)
            .filter(|a| a.span.start == t.start && a.span.end > t.start)?;
        let chain_start = archive
            .locators
            .first()
            .map_or(archive.span.end, |l| l.span.start);
        let repository_ok = archive
            .repository
            .map_or(true, |r| self.plain_words(r.start, r.end, true));
        let prefix_ok = archive.location.map_or(true, |l| {
            self.plain_words(l.start, chain_start.max(l.start), false)
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
                    Kind::Punct(c) => matches!(c, ',' | '-' | '\'' | '’' | '&'),
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
            if n.has(Lex::BY | Lex::LANGUAGE) && !n.upper_first || n.has(Lex::LANGUAGE) {
                by = true;
                j += 1;
                if self.is_p(j, '.') {
                    j += 1;
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

    // ----- authors and title ---------------------------------------------------------

    /// Whether the text at `i` can begin a title (used to reject a lead that looked like
    /// a name but is followed by a year, a place or a locator).
    fn title_like_at(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        match t.kind {
            Kind::Num | Kind::Url | Kind::Doi => false,
            Kind::Punct(c) => matches!(c, '«' | '"' | '“' | '„' | '*' | '_' | '‘' | '['),
            Kind::Word => {
                let place = t.has(Lex::PLACE)
                    && self.tok(i + 1).map_or(true, |n| {
                        matches!(n.kind, Kind::Punct(',' | ':' | '.' | ';') | Kind::Num)
                    });
                !(place || self.element_starts_at(i) || self.place_colon(i))
            }
        }
    }

    /// Whether a short run of words at `i` is followed by `:` (a place before a publisher).
    pub(super) fn place_colon(&self, i: usize) -> bool {
        if !self.tok(i).is_some_and(|t| t.is_word() && t.upper_first) {
            return false;
        }
        let end = self.run_end(i);
        let lower = (i..end)
            .filter(|&j| self.tok(j).is_some_and(|t| t.is_word() && !t.upper_first))
            .count();
        end - i <= 7
            && lower <= 1
            && self.is_p(end, ':')
            && self
                .tok(end + 1)
                .is_some_and(|t| t.is_word() || t.is('«') || t.is('"'))
    }

    /// Read the authors (or editors) at the head; returns the index after them and their
    /// separator.
    fn authors(&mut self, mut i: usize) -> usize {
        if self.has(i, Lex::SEE) && self.tok(i).is_some_and(|t| t.upper_first) {
            i += 1 + usize::from(self.is_p(i + 1, '.'));
            if self.word_is(i, "also") || self.word_is(i, "auch") {
                i += 1;
            }
        }
        if self.has(i, Lex::SAME_AUTHOR) && self.is_p(i + 1, '.') && self.is_p(i + 2, ',') {
            self.r.authors.names.push(super::Name::Literal {
                span: self.span(i, i + 2),
            });
            self.style = Style::Comma;
            return i + 3;
        }
        let Some(scan) = scan_names(self.input, &self.toks, i, Ctx::Lead) else {
            if let Some(next) = self.short_note_author(i) {
                return next;
            }
            return self.lead_year(i);
        };
        let mut end = scan.end;
        let mut names = scan.names;
        if let Some((family, family_end)) = scan.family_only {
            let short_note = self.is_p(end, ',') && self.element_starts_at(end + 1);
            if names.names.len() == 1 && !names.et_al && short_note {
                names.names = vec![family];
                end = family_end;
            }
        }
        if scan.first_form == Form::FamilyInitials
            && names.names.len() == 1
            && self
                .tok(end.saturating_sub(2))
                .is_some_and(|t| t.chars == 1)
            && self.is_p(end.saturating_sub(1), '.')
            && self.tok(end.saturating_sub(3)).is_some_and(|t| !t.is('.'))
            && starts_name(self.input, &self.toks, end)
        {
            return i;
        }
        let role = self.postfix_role(end);
        let after_role = role.map_or(end, |(_, k)| k);
        let weak = scan.weak || scan.first_form == Form::Literal;
        let sep_at = after_role;
        let sep = self.tok(sep_at).map(|t| t.kind);
        let next = match sep {
            Some(Kind::Punct('.' | ',' | ':')) => sep_at + 1,
            _ => sep_at,
        };
        if weak && role.is_none() {
            let year_next =
                self.is_p(next, '(') || self.tok(next).is_some_and(|t| t.kind == Kind::Num);
            if !(self.title_like_at(next) || year_next && self.year_then_title(next)) {
                return i;
            }
        }
        self.add_names(role.map(|(r, _)| r), names);
        if matches!(sep, Some(Kind::Punct(','))) {
            self.style = Style::Comma;
        }
        self.lead_year(next)
    }

    /// `Baberowski, Der Feind ist überall, S. 215`: a lone surname before the short title
    /// of a note that ends in a pinpoint. Sets the author, returns the title's start.
    fn short_note_author(&mut self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        let plain = t.is_word()
            && t.upper_first
            && t.has_lower
            && t.chars >= 2
            && !t.has(Lex::TITLE_START | Lex::PLACE | Lex::INSTITUTION | Lex::MONTH);
        if !plain || !self.is_p(i + 1, ',') || !self.title_like_at(i + 2) {
            return None;
        }
        let mut k = i + 2;
        while k < i + 40 && self.tok(k).is_some_and(|t| !t.is(',') && !t.is('(')) {
            k += 1;
        }
        if !(self.is_p(k, ',') && self.element_starts_at(k + 1)) {
            return None;
        }
        let span = self.span(i, i + 1);
        self.r.authors.names.push(super::Name::Personal {
            family: span,
            given: None,
            particle: None,
            span,
        });
        self.style = Style::Comma;
        Some(i + 2)
    }

    /// After a weak lead: a year and then a title (`John Smith (1990). Title`).
    fn year_then_title(&self, i: usize) -> bool {
        let Some((_, next)) = self.year_group(i).or_else(|| self.year_at(i)) else {
            return false;
        };
        let next = next + usize::from(self.is_p(next, '.') || self.is_p(next, ','));
        self.title_like_at(next)
    }

    /// An author-date year right after the authors (`(2005).`, `1977.`).
    fn lead_year(&mut self, i: usize) -> usize {
        let found = if self.is_p(i, '(') || self.is_p(i, '[') {
            self.year_group(i)
        } else {
            self.year_at(i).filter(|&(_, next)| self.is_p(next, '.'))
        };
        let Some((date, mut next)) = found else {
            return i;
        };
        self.r.issued = Some(date);
        self.issued_at = Some((i, true));
        if self.is_p(next, '.') || self.is_p(next, ',') || self.is_p(next, ':') {
            next += 1;
        }
        next
    }

    /// Read the title at `i`; returns the index after it.
    fn title(&mut self, i: usize) -> usize {
        if let Some((span, next)) = self.quoted_at(i) {
            self.r.title = Some(span);
            self.quoted_title = true;
            self.title_end = next;
            return next;
        }
        let Some(first) = self.tok(i) else { return i };
        if !(first.is_word() || first.kind == Kind::Num || first.is('«') || first.is('„')) {
            return i;
        }
        if first.is_word() && (self.locator_at(i).is_some() || self.role_at(i).is_some()) {
            return i;
        }
        let mut j = i;
        while let Some(t) = self.tok(j) {
            let stop = match t.kind {
                Kind::Punct('.') => self.sentence_stop(j),
                Kind::Punct(',') => {
                    !self.title_year_at(j)
                        && match self.style {
                            Style::Comma => {
                                let lower = self.tok(j + 1).is_some_and(|n| {
                                    n.is_word() && !n.upper_first && !self.element_starts_at(j + 1)
                                });
                                !(lower || self.serial_comma(j))
                            }
                            Style::Period => {
                                self.element_starts_at(j + 1) || self.quoted_at(j + 1).is_some()
                            }
                        }
                }
                Kind::Punct(';' | '(' | '[') => true,
                Kind::Punct('/') => {
                    t.space_before
                        || self.is_p(j + 1, '/')
                        || self.tok(j + 1).is_some_and(|n| n.space_before)
                }
                Kind::Punct('–' | '—') => {
                    t.space_before
                        && self.tok(j + 1).is_some_and(|n| n.space_before)
                        && self.style == Style::Comma
                }
                Kind::Punct(_) => false,
                Kind::Url | Kind::Doi => true,
                Kind::Num => false,
                Kind::Word => j > i && self.locator_at(j).is_some(),
            };
            if stop {
                break;
            }
            j += 1;
        }
        let mut to = j;
        if self.is_p(j, '.')
            && j > i
            && self.abbreviation(j - 1)
            && !self
                .tok(j - 1)
                .is_some_and(|t| t.upper_first && t.chars == 1)
        {
            to = j + 1;
        }
        let span = self.field_span(i, to);
        if !span.is_empty() {
            self.r.title = Some(span);
        }
        self.title_end = j;
        j
    }

    /// Whether the comma at `j` is followed by a year that ends the title sentence
    /// (`Russian Azerbaijan, 1905–1920: The Shaping …`, `… Nationalism, 1917–1923.`).
    fn title_year_at(&self, j: usize) -> bool {
        let Some((_, after)) = self.year_at(j + 1) else {
            return false;
        };
        self.is_p(after, ':')
            || (self.style == Style::Period && self.is_p(after, '.') && self.sentence_stop(after))
    }

    /// Whether the comma at `j` is inside a list of words closed by `and` (`Minorities,
    /// Mullahs, and Modernity`), so it does not end a title.
    fn serial_comma(&self, j: usize) -> bool {
        if self.has(j + 1, Lex::AND) {
            return self.tok(j + 2).is_some_and(|t| t.is_word());
        }
        let mut k = j + 1;
        while k < j + 6 && self.tok(k).is_some_and(|t| t.is_word()) {
            k += 1;
        }
        k > j + 1
            && self.is_p(k, ',')
            && self.has(k + 1, Lex::AND)
            && self.tok(k + 2).is_some_and(|t| t.is_word())
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
