//! What starts at a token: the questions every part of the reference grammar asks of the
//! tokens (a locator, a role, a quoted title, a thesis, `op. cit.`, a sentence's end), read-only.

use super::lexicon::{is_roman, Lex, Phrase};
use super::parse::Role;
use super::token::{TokenKind, Tokens};
use crate::locator::{scan_locator, LocatorOptions};
use crate::{Locator, Span};

/// The longest quoted title looked for, in tokens: keeps unclosed quotes from making the
/// search quadratic.
const MAX_QUOTED_TOKENS: usize = 256;

impl Tokens<'_> {
    /// The index after a list number in front of the reference (`[12]`, `(7)`, `12.`, `3)`,
    /// or a bare `4 ` before a name written `Fire A,` or `Nash JF.`), or 0.
    pub(super) fn enumeration_end(&self) -> usize {
        let small = |j: usize| self.tok(j).is_some_and(|t| t.is_num() && t.chars <= 3);
        let spaced_text = |j: usize| {
            self.tok(j)
                .is_some_and(|t| t.space_before && !matches!(t.kind, TokenKind::Num))
        };
        if self.is_p(0, '[') && small(1) && self.is_p(2, ']') && spaced_text(3) {
            return 3;
        }
        if self.is_p(0, '(') && small(1) && self.is_p(2, ')') && spaced_text(3) {
            return 3;
        }
        if small(0) && (self.is_p(1, '.') || self.is_p(1, ')')) && spaced_text(2) {
            return 2;
        }
        // `4 Fire A, Xu S`, `11 Nash JF.`: a surname, then initials in capitals or a comma.
        let surname = self.tok(1).is_some_and(|t| {
            t.is_word() && t.upper_first && t.has_lower && t.space_before && !t.has(Lex::MONTH)
        });
        let initials = self.is_p(2, ',')
            || self
                .tok(2)
                .is_some_and(|t| t.all_upper() && t.chars <= 3 && t.space_before);
        if small(0) && surname && initials {
            return 1;
        }
        0
    }

    /// Whether the full stop at `i` ends a field rather than an abbreviation or initial.
    pub(super) fn sentence_stop(&self, i: usize) -> bool {
        let Some(next) = self.tok(i + 1) else {
            return true;
        };
        if matches!(next.kind, TokenKind::Punct(',' | ':' | ';')) {
            return false;
        }
        if !next.space_before {
            return matches!(next.kind, TokenKind::Punct(')' | ']' | '»' | '"' | '”'));
        }
        if let Some(prev) = i.checked_sub(1).and_then(|p| self.tok(p)) {
            if prev.has(Lex::KEEPS_STOP) {
                return false;
            }
            let ordinal = prev.is_num()
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
            let ordinal = self.tok(j).is_some_and(|n| n.is_num())
                && self.has(j + 1, Lex::ORDINAL)
                && self.edition_ahead(j + 2);
            return self.has(j, Lex::EDITION) || ordinal;
        }
        t.has(Lex::EDITION)
            && t.upper_first
            && self
                .tok(i + 1 + usize::from(self.is_p(i + 1, '.')))
                .is_some_and(|n| n.is_num())
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
                TokenKind::Punct('.') => !self.abbreviation(to - 2) || to - 1 == from,
                TokenKind::Punct(c) => matches!(c, ',' | ':' | ';' | '/' | '–' | '—' | '-'),
                _ => false,
            };
            if !strip {
                break;
            }
            to -= 1;
        }
        self.span(from, to)
    }

    /// Whether the token at `i` could start a locator label followed by its value: a word
    /// or `№` `§` `¶`, an optional full stop or degree mark, then a number or roman numeral.
    pub(super) fn label_shape(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        let label =
            t.is_word() && t.chars <= 12 || matches!(t.kind, TokenKind::Punct('№' | '§' | '¶'));
        if !label {
            return false;
        }
        let mut j = i + 1;
        if self.tok(j).is_some_and(|n| {
            !n.space_before && matches!(n.kind, TokenKind::Punct('.' | '°' | 'º' | '§'))
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
            Some(n) if n.is_num() => true,
            Some(n) if n.is_word() => {
                let dotted_initials = !n.space_before
                    && self.is_p(j + 1, '.')
                    && self
                        .tok(j + 2)
                        .is_some_and(|m| m.is_word() && !m.space_before);
                (is_roman(n.text(self.input)) && !dotted_initials)
                    || self.lettered_number_end(j).is_some()
                    || (n.chars == 1
                        && self.is_p(j + 1, '-')
                        && self.tok(j + 2).is_some_and(|m| m.is_num()))
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
                    .is_some_and(|n| n.is_num() && !n.space_before)
        };
        if !lettered(i) {
            return None;
        }
        let end = i + 2;
        let dash = self.tok(end).is_some_and(|t| {
            !t.space_before && matches!(t.kind, TokenKind::Punct(c) if crate::text::is_dash(c))
        });
        if dash && lettered(end + 1) {
            return Some(end + 3);
        }
        if dash
            && self
                .tok(end + 1)
                .is_some_and(|n| n.is_num() && !n.space_before)
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
            TokenKind::Num | TokenKind::Url | TokenKind::Doi => true,
            TokenKind::Word => {
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
            TokenKind::Punct(c) => matches!(c, '№' | '§') && self.locator_at(i).is_some(),
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
            TokenKind::Word => (n.chars == 1 && n.upper_first) || is_roman(n.text(self.input)),
            TokenKind::Num => n.chars <= 2,
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
        // `Diss.` stands at the start of its sentence or after a comma or colon, perhaps after
        // its degree; other words are ruled out by their classes alone.
        if !self.has(i, Lex::THESIS | Lex::DEGREE) {
            return None;
        }
        let lead = i == 0
            || self.tok(i - 1).is_some_and(|p| {
                matches!(
                    p.kind,
                    TokenKind::Punct(',' | ':' | '.' | '[' | '(' | '”' | '"' | '»' | '’')
                )
            });
        if !lead {
            return None;
        }
        let j = i + usize::from(self.has(i, Lex::DEGREE));
        if !self.has(j, Lex::THESIS) {
            return None;
        }
        let mut k = j + 1;
        let limit = j + 12;
        while k < limit {
            let Some(t) = self.tok(k) else { break };
            let go_on = match t.kind {
                TokenKind::Word => !t.upper_first,
                TokenKind::Punct('.') => !self.sentence_stop(k),
                TokenKind::Punct('…' | '-') => true,
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
        let end = self.phrase_end(i, Phrase::OpCit)?;
        Some(end + usize::from(self.is_p(end, '.')))
    }

    /// Whether bytes `from..to` hold only a few words (a repository or collection name):
    /// no slashes, no sentence stops, and numbers only in a shelfmark (`MS M.126`), never
    /// a year.
    pub(super) fn plain_words(&self, from: usize, to: usize, shelfmark: bool) -> bool {
        let (a, b) = (self.tok_after(from), self.tok_after(to));
        b - a <= 12
            && (a..b).all(|j| {
                self.tok(j).is_some_and(|t| match t.kind {
                    TokenKind::Word => true,
                    TokenKind::Num => shelfmark && self.year_at(j).is_none(),
                    TokenKind::Punct('.') => !self.sentence_stop(j) || j + 1 == b,
                    TokenKind::Punct(c) => {
                        matches!(c, ',' | '-' | '\'' | '’' | '&' | '(' | ')' | '/')
                    }
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
        let language = self
            .phrase_end(i, Phrase::TranslatedFrom)
            .filter(|&k| self.has(k, Lex::LANGUAGE));
        if let Some(language) = language {
            // `Aus dem Englischen (übersetzt) von Karl Heinz Siber`.
            let k = language + 1 + usize::from(self.has(language + 1, Lex::TRANSLATOR));
            return self.has(k, Lex::BY).then_some((Role::Translator, k + 1));
        }
        if let Some(k) = self.phrase_end(i, Phrase::EditedBy) {
            // `sous la direction de`.
            return Some((Role::Editor, k));
        }
        let mut j = i;
        if self.has(i, Lex::EDITOR_LEAD) {
            // `под ред.`, `отв. ред.`, `под общ. ред.`
            j += 1;
            if self.is_p(j, '.') {
                j += 1;
            }
            if self.has(j, Lex::EDITOR_SCOPE) {
                j += 1 + usize::from(self.is_p(j + 1, '.'));
            }
            if !self.has(j, Lex::EDITOR) {
                return None;
            }
        }
        let word = self.tok(j)?;
        // `IEEE Trans. Signal Process.`, `ACM Trans. Program.`, `Trans. AIEE`: the
        // transactions of a society, next to its acronym, name a journal.
        let acronym = |k: usize| self.tok(k).is_some_and(|a| a.all_upper() && a.chars >= 2);
        let transactions = word.upper_first
            && word.chars == 5
            && self.is_p(j + 1, '.')
            && (j.checked_sub(1).is_some_and(acronym) || acronym(j + 2));
        let role = if word.has(Lex::TRANSLATOR) && !transactions {
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
            let of_language = self.has(j, Lex::OF) && self.has(j + 1, Lex::LANGUAGE);
            if n.has(Lex::BY | Lex::LANGUAGE) && !n.upper_first
                || n.has(Lex::LANGUAGE)
                || of_language
            {
                by = true;
                j += 1;
                if self.is_p(j, '.') {
                    j += 1;
                }
                let from = self.has(j - 1, Lex::FROM);
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

    /// A quoted or italic text at `i` (`"…"`, `«…»`, `„…“`, `*…*`, `_…_`): its inner span,
    /// without closing punctuation, and the index after the closing mark.
    pub(super) fn quoted_at(&self, i: usize) -> Option<(Span, usize)> {
        let open = self.tok(i)?;
        let TokenKind::Punct(c) = open.kind else {
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
            } else if let TokenKind::Punct(k) = t.kind {
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
                .is_some_and(|t| matches!(t.kind, TokenKind::Punct(',' | '.' | ';' | ':')))
        {
            end -= 1;
        }
        let inner = self.span(i + 1, end);
        (!inner.is_empty()).then_some((inner, j + 1))
    }
}
