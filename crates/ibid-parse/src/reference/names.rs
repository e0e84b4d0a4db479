//! Personal names and name lists (`Барсегов Ю.Г.`, `Bergk, V., Haefeli, W. E. & Martin-Facklam, M.`),
//! read from tokens: surname and initials in either order, inverted, natural order, institutions.

use super::given_names::is_given_name;
use super::lexicon::Phrase;
use super::lexicon::{is_roman, Lex};
use super::token::{tokenize, TokenKind, Tokens};
use super::{Name, Names};
use crate::{ParseError, ParseErrorKind, Parsed, Span};

/// Where a list of names is read, which decides the shapes accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ctx {
    /// At the head of a reference, where a title may follow directly.
    Lead,
    /// After a role word (`trans.`, `под ред.`, `hrsg. von`).
    AfterRole,
    /// A whole input that is a list of names.
    Standalone,
}

/// The shape a name was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// `Барсегов Ю.Г.`, `Smith JA`.
    FamilyInitials,
    /// `Ю.Г. Барсегов`, `J. A. Smith`.
    InitialsFamily,
    /// `Djilas, Milovan`, `Haefeli, W. E.`; `full_given` when the given part ends in a word.
    Inverted {
        /// Whether the given names end in a full word rather than an initial.
        full_given: bool,
    },
    /// `Milovan Djilas`, `Michael B. Petrovich`; `initials` when an initial is inside.
    Natural {
        /// Whether the name holds an initial.
        initials: bool,
    },
    /// `Dupont (Jean)`.
    ParenGiven,
    /// `DUPONT Jean`.
    UpperFamily,
    /// `Bourdieu Pierre`: family name first, told by a common given name after it.
    FamilyFirst,
    /// `Narimanov` alone.
    Single,
    /// An institution or a label kept whole.
    Literal,
}

/// A list of names read from tokens.
#[derive(Debug, Clone)]
pub(crate) struct NameScan {
    /// The names and the et-al mark.
    pub names: Names,
    /// The shape of the first name.
    pub first_form: Form,
    /// Whether every name is a natural-order name of full words (no initials): the weakest
    /// evidence that the text is a name at all.
    pub weak: bool,
    /// The index of the first token after the list.
    pub end: usize,
    /// For a first name read inverted with a full given name: the family name alone and the
    /// index of the token after it (the comma), for callers that find it was `Family, Title`.
    pub family_only: Option<(Name, usize)>,
    /// Whether the first name is in natural order with a common given name first
    /// (`Jacques Revel`): a name even where two plain words would not be trusted.
    pub known_given: bool,
}

impl Tokens<'_> {
    /// A capitalised word of two or more letters (`Djilas`, `Martin-Facklam`, `d'Alembert`).
    fn cap_word(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        if !t.is_word() || t.chars < 2 || !t.has_lower {
            return false;
        }
        if t.upper_first {
            return true;
        }
        let mut chars = t.text(self.input).chars();
        let (a, b, c) = (chars.next(), chars.next(), chars.next());
        matches!(a, Some('d' | 'l' | 'o'))
            && matches!(b, Some('\'' | '\u{2019}'))
            && c.is_some_and(char::is_uppercase)
    }

    /// A word all in capitals of two or more letters (`DUPONT`).
    fn upper_word(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.all_upper() && t.chars >= 2)
    }

    /// A lower-case name particle (`van`, `de`).
    fn particle(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.has(Lex::PARTICLE) && !t.upper_first)
    }

    /// A capitalised particle that starts a family name (`De Gaulle`, `Van Dyke`, `Le Goff`).
    fn cap_particle(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.has(Lex::PARTICLE) && t.upper_first && t.has_lower)
            && self.cap_word(i + 1)
    }

    /// One initial (`J.`, `Ю.`, `Yu.`, `J.-P.`): the index after it.
    fn initial(&self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        if !t.is_word() || !t.upper_first || t.chars > 2 {
            return None;
        }
        if t.chars == 2
            && (!self.text(i).chars().nth(1).is_some_and(char::is_lowercase)
                || t.has(Lex::KEEPS_STOP))
        {
            return None;
        }
        let dot = self.tok(i + 1)?;
        if !dot.is('.') || dot.space_before {
            return None;
        }
        let mut end = i + 2;
        while self.tok(end).is_some_and(|t| t.is('-') && !t.space_before) && end < i + 8 {
            let Some(part) = self.tok(end + 1) else { break };
            let letter = part.is_word() && part.upper_first && part.chars <= 2;
            if !(letter && self.is_p(end + 2, '.')) {
                break;
            }
            end += 3;
        }
        Some(end)
    }

    /// One or more initials (`W. E.`, `Ю.Г.`, `J.P` with the last full stop left out): the
    /// index after them.
    fn initials(&self, i: usize) -> Option<usize> {
        let mut end = self.initial(i)?;
        while let Some(next) = self.initial(end).filter(|_| end < i + 12) {
            end = next;
        }
        let undotted_last = self
            .tok(end)
            .is_some_and(|t| t.is_word() && t.upper_first && t.chars == 1 && !t.space_before)
            && (self.is_p(end + 1, ',') || self.is_p(end + 1, ';'));
        Some(end + usize::from(undotted_last))
    }

    /// Initials written without full stops after a family name (`Smith JA`), Latin only.
    fn bare_initials(&self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        let text = t.text(self.input);
        if !(t.all_upper() && t.chars <= 3 && text.bytes().all(|b| b.is_ascii_uppercase())) {
            return None;
        }
        // `Brown EJ Jr,`, `Castro AF 3rd,`: a generation after the initials.
        let mut end = i + 1;
        if self.has(end, Lex::NAME_SUFFIX) && self.tok(end).is_some_and(|s| s.upper_first) {
            end += 1;
        } else if self.tok(end).is_some_and(|n| n.is_num() && n.chars == 1)
            && self.has(end + 1, Lex::ORDINAL)
            && self.tok(end + 1).is_some_and(|o| !o.space_before)
        {
            end += 2;
        }
        // The name ends at a list separator, or before the title after `:` (`Pfaffl MW:`)
        // or a bracketed year (`Riddell RH (2014)`).
        let ok = self.tok(end).map_or(true, |n| {
            n.is(',') || n.is('.') || n.is(';') || n.is(':') || n.is('(') && n.space_before
        }) || self.has(end, Lex::AND);
        ok.then_some(end)
    }

    /// Whether a name may end before token `i`.
    fn boundary(&self, i: usize, ctx: Ctx) -> bool {
        let Some(t) = self.tok(i) else { return true };
        match t.kind {
            TokenKind::Punct(c) => !matches!(c, '-' | '\'' | '\u{2019}'),
            TokenKind::Word => {
                t.has(Lex::AND | Lex::ET_AL_START)
                    || (ctx == Ctx::AfterRole && !t.upper_first)
                    || (ctx != Ctx::Standalone && t.has(Lex::EDITOR | Lex::TRANSLATOR))
            }
            TokenKind::Num | TokenKind::Url | TokenKind::Doi => ctx == Ctx::AfterRole,
        }
    }

    /// Whether the word at `i` can be a given name or a natural-order name word.
    fn name_word(&self, i: usize, ctx: Ctx) -> bool {
        let bad = Lex::INSTITUTION | Lex::TITLE_START;
        let bad = if ctx == Ctx::Lead {
            bad | Lex::PLACE
        } else {
            bad
        };
        let date = self.has(i, Lex::MONTH) && self.tok(i + 1).is_some_and(|t| t.is_num());
        // A place that is also a common given name (`Jersild, Austin.`) can be one.
        let place_name = || {
            ctx == Ctx::Lead
                && !self.has(i, Lex::INSTITUTION | Lex::TITLE_START)
                && self.tok(i).is_some_and(|t| t.chars >= 4)
                && is_given_name(self.text(i))
        };
        self.cap_word(i) && (!self.has(i, bad) || place_name()) && !date
    }

    fn personal(
        &self,
        family: (usize, usize),
        given: Option<(usize, usize)>,
        particle: Option<(usize, usize)>,
        whole: (usize, usize),
    ) -> Name {
        Name::Personal {
            family: self.span(family.0, family.1),
            given: given.filter(|g| g.1 > g.0).map(|g| self.span(g.0, g.1)),
            particle: particle.filter(|p| p.1 > p.0).map(|p| self.span(p.0, p.1)),
            span: self.span(whole.0, whole.1),
        }
    }

    /// Lower-case particles starting at `i`: the index after them.
    fn particles(&self, mut i: usize) -> usize {
        let mut n = 0;
        while n < 3 && self.particle(i) {
            i += 1;
            n += 1;
        }
        i
    }

    /// `Барсегов Ю.Г.`, `van Dijk J.`, `Smith JA`.
    fn family_initials(&self, i: usize, ctx: Ctx) -> Option<(Name, usize, Form)> {
        let fam = self.particles(i);
        if !(self.cap_word(fam) || self.upper_word(fam)) || self.has(fam, Lex::INSTITUTION) {
            return None;
        }
        let bare = |k: usize| {
            (ctx != Ctx::AfterRole && (self.cap_word(fam) || self.upper_word(fam)))
                .then(|| self.bare_initials(k))
                .flatten()
        };
        let mut fam_end = fam + 1;
        let mut end = self.initials(fam_end).or_else(|| bare(fam_end));
        let short_lead = self.tok(fam).is_some_and(|t| t.chars <= 3)
            && self.cap_word(fam)
            && self.cap_word(fam + 1);
        if end.is_none() && (self.upper_word(fam) && self.upper_word(fam + 1) || short_lead) {
            // `VAN DAMME K`, `El Sahly HM`: a family name of two words, in capitals or
            // after a short first word.
            fam_end = fam + 2;
            end = bare(fam_end);
        }
        let end = end?;
        let name = self.personal(
            (fam, fam_end),
            Some((fam_end, end)),
            Some((i, fam)),
            (i, end),
        );
        Some((name, end, Form::FamilyInitials))
    }

    /// `Ю.Г. Барсегов`, `J.-P. Sartre`, `A. de Tocqueville`.
    fn initials_family(&self, i: usize) -> Option<(Name, usize, Form)> {
        let given_end = self.initials(i)?;
        let mut fam = self.particles(given_end);
        if fam == given_end && self.cap_particle(fam) {
            fam += 1;
        }
        let article = self.has(fam, Lex::TITLE_START) && !self.has(fam, Lex::PARTICLE);
        if !(self.cap_word(fam) || self.upper_word(fam))
            || self.has(fam, Lex::INSTITUTION)
            || article
        {
            return None;
        }
        let mut fam_at = fam;
        let latin = self
            .text(fam)
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c));
        let second = latin
            && fam == given_end
            && self.cap_word(fam + 1)
            && self
                .tok(fam + 2)
                .is_some_and(|t| matches!(t.kind, TokenKind::Punct(',' | '(' | ':' | ';')));
        if second {
            fam_at = fam + 1;
        }
        let end = fam_at + 1;
        let given = if second { (i, fam + 1) } else { (i, given_end) };
        let name = self.personal((fam_at, end), Some(given), Some((given_end, fam)), (i, end));
        Some((name, end, Form::InitialsFamily))
    }

    /// `Djilas, Milovan`, `Haefeli, W. E.`, `Martin Facklam, M.`, `De Gaulle, Charles`.
    /// `institution_ok` lets the family name be a word of an institution's class.
    fn inverted(&self, i: usize, ctx: Ctx, institution_ok: bool) -> Option<(Name, usize, Form)> {
        let mut fam = self.particles(i);
        if fam == i && self.cap_particle(i) {
            fam = i + 1;
        }
        if !(self.cap_word(fam) || self.upper_word(fam))
            || (!institution_ok && self.has(fam, Lex::INSTITUTION))
        {
            return None;
        }
        let mut fam_end = fam + 1;
        // `DE GAULLE, Charles`, `CARRÈRE D'ENCAUSSE, Hélène`: a family name in capitals of
        // two words.
        if self.upper_word(fam) && self.upper_word(fam_end) && self.is_p(fam_end + 1, ',') {
            fam_end += 1;
        }
        let elided = self.elided_particle(fam_end) && self.is_p(fam_end + 1, ',');
        if elided
            || self.cap_word(fam_end)
                && self.is_p(fam_end + 1, ',')
                && (self.initial(fam_end + 2).is_some() || self.double_family(fam_end, ctx))
        {
            fam_end += 1;
        }
        if !self.is_p(fam_end, ',') {
            return None;
        }
        let given = fam_end + 1;
        let mut g = given;
        let mut items = 0;
        let mut last_initial = false;
        loop {
            if let Some(next) = self.initial(g) {
                g = next;
                last_initial = true;
            } else if !last_initial
                && items < 3
                && (self.name_word(g, ctx) || self.upper_word(fam) && self.upper_word(g))
            {
                // (`SMITH, ADAM`: all in capitals, the given name too.)
                g += 1;
            } else {
                break;
            }
            items += 1;
        }
        let mut end = g;
        let mut particle = (i, fam);
        if fam == i && items > 0 && self.particle(g) && self.boundary(g + 1, ctx) {
            particle = (g, g + 1);
            end = g + 1;
        }
        if items == 0 || (!last_initial && !self.boundary(end, ctx)) {
            return None;
        }
        if let Some(after) = self.suffix(end) {
            end = after;
        }
        let name = self.personal((fam, fam_end), Some((given, g)), Some(particle), (i, end));
        Some((
            name,
            end,
            Form::Inverted {
                full_given: !last_initial,
            },
        ))
    }

    /// `Bonham Carter, Violet.`, `Schulze Wessel, Martin:`: whether the capitalised word at
    /// `second` ends a double family name. Told by the comma after it and a common given
    /// name alone before a full stop, a colon or a bracket, which no natural-order name
    /// list or title has there.
    fn double_family(&self, second: usize, ctx: Ctx) -> bool {
        let given = second + 2;
        self.name_word(second, ctx)
            && self.name_word(given, ctx)
            && self
                .tok(given + 1)
                .is_some_and(|t| t.is('.') || t.is(':') || t.is('('))
            && is_given_name(self.text(given))
    }

    /// A word with an elided particle (`d'Encausse`, `D'Annunzio`).
    fn elided_particle(&self, i: usize) -> bool {
        let mut chars = self.text(i).chars();
        matches!(chars.next(), Some('d' | 'D'))
            && matches!(chars.next(), Some('\'' | '\u{2019}'))
            && chars.next().is_some_and(char::is_uppercase)
    }

    /// `, Jr.`, `, Sr.`, `, III` after a name: the index after it.
    fn suffix(&self, i: usize) -> Option<usize> {
        if !self.is_p(i, ',') {
            return None;
        }
        let suffix = self
            .tok(i + 1)
            .is_some_and(|t| t.upper_first && t.has(Lex::NAME_SUFFIX));
        if !suffix {
            return None;
        }
        // A roman numeral takes no full stop.
        let dot = self.is_p(i + 2, '.') && !is_roman(self.text(i + 1));
        Some(i + 2 + usize::from(dot))
    }

    /// `Milovan Djilas`, `Michael B. Petrovich`, `Charles de Gaulle`.
    fn natural(&self, i: usize, ctx: Ctx) -> Option<(Name, usize, Form)> {
        let mut j = i;
        let mut words = 0;
        let mut initials = false;
        let mut last_word = None;
        let mut particle_start = None;
        while words < 5 {
            if let Some(next) = self.initial(j) {
                if particle_start.is_some() {
                    return None;
                }
                j = next;
                initials = true;
                last_word = None;
            } else if self.name_word(j, ctx) {
                last_word = Some(j);
                j += 1;
            } else if words > 0 && self.particle(j) {
                particle_start.get_or_insert(j);
                j = self.particles(j);
                continue;
            } else {
                break;
            }
            words += 1;
        }
        let family = last_word?;
        if !(2..=4).contains(&words) || !self.boundary(j, ctx) {
            return None;
        }
        if !initials && words == 2 && family == i + 1 {
            if let Some(name) = self.family_first(i, particle_start, j) {
                return Some((name, j, Form::FamilyFirst));
            }
        }
        let mut fam_start = particle_start.filter(|&p| p < family).unwrap_or(family);
        let before = family.checked_sub(1).filter(|&b| b > i);
        if let Some(b) = before.filter(|&b| fam_start == family && self.has(b, Lex::PARTICLE)) {
            // `Anahide Ter Minassian`: a capitalised particle before the family name.
            fam_start = b;
        }
        let compound = words >= 3 && self.elided_particle(family);
        let family_from = if compound { family - 1 } else { family };
        if compound {
            // `Hélène Carrère d'Encausse`: the family name is `Carrère d'Encausse`.
            let name = self.personal(
                (family_from, family + 1),
                Some((i, family_from)),
                None,
                (i, j),
            );
            return Some((name, j, Form::Natural { initials }));
        }
        let name = self.personal(
            (family, family + 1),
            Some((i, fam_start)),
            Some((fam_start, family)),
            (i, j),
        );
        Some((name, j, Form::Natural { initials }))
    }

    /// Two words written family name first (`Bourdieu Pierre`, `Tocqueville Alexis de`): read
    /// so when the second word is a common given name and the first is not.
    fn family_first(&self, i: usize, particle: Option<usize>, end: usize) -> Option<Name> {
        if !is_given_name(self.text(i + 1)) || is_given_name(self.text(i)) {
            return None;
        }
        let particle = particle.map(|p| (p, end));
        Some(self.personal((i, i + 1), Some((i + 1, i + 2)), particle, (i, end)))
    }

    /// `Le Goff Jacques`: a capitalised particle, a family name and a common given name.
    fn particle_family_first(&self, i: usize, ctx: Ctx) -> Option<(Name, usize, Form)> {
        let ok = self.cap_particle(i)
            && !self.has(i + 1, Lex::INSTITUTION | Lex::PLACE)
            && self.name_word(i + 2, ctx)
            && is_given_name(self.text(i + 2))
            && !is_given_name(self.text(i + 1))
            && self.boundary(i + 3, ctx);
        ok.then(|| {
            let name = self.personal(
                (i + 1, i + 2),
                Some((i + 2, i + 3)),
                Some((i, i + 1)),
                (i, i + 3),
            );
            (name, i + 3, Form::FamilyFirst)
        })
    }

    /// `Dupont (Jean)`, `DUPONT (J.)`, `Carrère d'Encausse (Hélène)`.
    fn paren_given(&self, i: usize) -> Option<(Name, usize, Form)> {
        if !(self.cap_word(i) || self.upper_word(i)) || self.has(i, Lex::TITLE_START) {
            return None;
        }
        let mut fam_end = i + 1;
        while fam_end < i + 3 && (self.cap_word(fam_end) || self.particle(fam_end)) {
            fam_end += 1;
        }
        if !self.is_p(fam_end, '(') {
            return None;
        }
        let given = fam_end + 1;
        let mut g = given;
        while g < given + 4 {
            if let Some(next) = self.initial(g) {
                g = next;
            } else if self.cap_word(g)
                && !self.has(
                    g,
                    Lex::EDITOR | Lex::TRANSLATOR | Lex::COMPILER | Lex::PLACE,
                )
            {
                g += 1;
            } else {
                break;
            }
        }
        if g == given || !self.is_p(g, ')') {
            return None;
        }
        let name = self.personal((i, fam_end), Some((given, g)), None, (i, g + 1));
        Some((name, g + 1, Form::ParenGiven))
    }

    /// `DUPONT Jean`, `ИВАНОВ Иван Иванович`, `CARRÈRE D'ENCAUSSE Hélène`.
    fn upper_family(&self, i: usize, ctx: Ctx) -> Option<(Name, usize, Form)> {
        if !self.upper_word(i) || self.has(i, Lex::INSTITUTION) {
            return None;
        }
        let mut fam_end = i + 1;
        while fam_end < i + 3 && self.upper_word(fam_end) && !self.has(fam_end, Lex::INSTITUTION) {
            fam_end += 1;
        }
        let given = fam_end;
        let mut g = given;
        while g < given + 3 {
            if let Some(next) = self.initial(g) {
                g = next;
            } else if self.name_word(g, ctx) {
                g += 1;
            } else {
                break;
            }
        }
        if g == given || !self.boundary(g, ctx) {
            return None;
        }
        let name = self.personal((i, fam_end), Some((given, g)), None, (i, g));
        Some((name, g, Form::UpperFamily))
    }

    /// `Narimanov` alone, before a strong boundary.
    fn single(&self, i: usize) -> Option<(Name, usize, Form)> {
        let strong = self.tok(i + 1).map_or(true, |t| {
            matches!(t.kind, TokenKind::Punct(',' | ';' | '.' | '(' | ')' | ']')) || t.has(Lex::AND)
        });
        (self.cap_word(i) && strong && !self.has(i, Lex::INSTITUTION | Lex::PLACE)).then(|| {
            let name = self.personal((i, i + 1), None, None, (i, i + 1));
            (name, i + 1, Form::Single)
        })
    }

    /// The end of an element kept whole: up to `,` `;` (or, at the head of a reference, a
    /// sentence full stop, a colon, a bracket or GOST's spaced `/` and `//`), and whether it
    /// names an institution.
    fn element_end(&self, i: usize, ctx: Ctx) -> (usize, bool) {
        let mut j = i;
        let mut institution = false;
        while let Some(t) = self.tok(j) {
            if t.is(',')
                || t.is(';')
                || (ctx == Ctx::Lead
                    && (t.is('.') || t.is(':') || t.is('(') || (t.is('/') && t.space_before)))
            {
                break;
            }
            if ctx == Ctx::Standalone && j > i && (t.has(Lex::AND) || t.is('&')) && !institution {
                break;
            }
            institution |= t.has(Lex::INSTITUTION);
            j += 1;
        }
        (j, institution)
    }

    /// An institution (`Institute of Marxism-Leninism`) or, standalone, any label.
    fn literal(&self, i: usize, ctx: Ctx, any: bool) -> Option<(Name, usize, Form)> {
        if !self.tok(i).is_some_and(|t| t.is_word() && t.upper_first) {
            return None;
        }
        let (end, institution) = self.element_end(i, ctx);
        if end == i || !(institution || any) {
            return None;
        }
        let name = Name::Literal {
            span: self.span(i, end),
        };
        Some((name, end, Form::Literal))
    }

    /// One name at `i`, trying the shapes the context allows. `first` is the shape of the
    /// first name of the list, when this is not the first.
    fn name_at(&self, i: usize, ctx: Ctx, first: Option<Form>) -> Option<(Name, usize, Form)> {
        if ctx != Ctx::AfterRole {
            if let Some(found) = self.literal(i, ctx, false) {
                // `Service, Robert:`: one word of an institution's class before a given
                // name is a surname.
                let given = found.1 == i + 1
                    && self.is_p(i + 1, ',')
                    && (self.initial(i + 2).is_some() || is_given_name(self.text(i + 2)));
                let person = given.then(|| self.inverted(i, ctx, true)).flatten();
                return person.or(Some(found));
            }
        }
        let inverted_ok = match first {
            None => ctx != Ctx::AfterRole,
            Some(form) => !matches!(
                form,
                Form::Natural { .. } | Form::InitialsFamily | Form::FamilyFirst
            ),
        };
        if self.middle_initial(i, ctx) {
            if let Some(found) = self.natural(i, ctx) {
                return Some(found);
            }
        }
        let found = self
            .initials_family(i)
            .or_else(|| self.paren_given(i))
            .or_else(|| self.family_initials(i, ctx))
            .or_else(|| inverted_ok.then(|| self.inverted(i, ctx, false)).flatten())
            .or_else(|| self.natural(i, ctx))
            .or_else(|| self.particle_family_first(i, ctx))
            .or_else(|| {
                (ctx != Ctx::AfterRole)
                    .then(|| self.upper_family(i, ctx))
                    .flatten()
            });
        if found.is_some() {
            return found;
        }
        match ctx {
            Ctx::Lead => None,
            Ctx::AfterRole => first.is_none().then(|| self.single(i)).flatten(),
            Ctx::Standalone => self.single(i).or_else(|| self.literal(i, ctx, true)),
        }
    }

    /// `Michael B. Petrovich`: a word, one initial, a word. Read in natural order before
    /// `Family I.` in Latin script or after a role; Cyrillic heads keep `Барсегов Ю. Title`.
    fn middle_initial(&self, i: usize, ctx: Ctx) -> bool {
        let latin = self
            .text(i)
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c));
        // `Lamport L. LaTeX: a document …`, `Lamport L. Time, clocks, and …`: a surname and
        // its initial before a title that goes on after a colon, or after a comma in lower
        // case, unless the first word is a known given name.
        let title_next = self.is_p(i + 4, ':')
            || self.is_p(i + 4, ',')
                && self.tok(i + 5).is_some_and(|t| {
                    t.is_word()
                        && !t.upper_first
                        && !t.has(Lex::AND | Lex::EDITOR | Lex::TRANSLATOR | Lex::COMPILER)
                });
        let title_after = ctx == Ctx::Lead && title_next && !is_given_name(self.text(i));
        self.cap_word(i)
            && self.initial(i + 1) == Some(i + 3)
            && self.cap_word(i + 3)
            && (latin || ctx != Ctx::Lead)
            && !title_after
    }

    /// `et al.`, `et al`, `и др.`, `u. a.`, `and others`, `[и др.]`: the index after it.
    fn et_al(&self, i: usize) -> Option<usize> {
        let bracket = self.is_p(i, '[');
        let mut j = self.phrase_end(i + usize::from(bracket), Phrase::EtAl)?;
        if self.is_p(j, '.') {
            j += 1;
        }
        if bracket {
            if !self.is_p(j, ']') {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// A separator between two names: the index after it, and whether it is a strong one
    /// (`and`, `&`, `;`, `/`) rather than a bare comma.
    fn list_sep(&self, j: usize, ctx: Ctx) -> Option<(usize, bool)> {
        let t = self.tok(j)?;
        // (`Y.` is an initial, not Spanish `y`.)
        let connector =
            |k: usize| self.has(k, Lex::AND) && !self.is_p(k + 1, '.') || self.is_p(k, '&');
        if t.is(',') {
            return Some(if connector(j + 1) {
                (j + 2, true)
            } else {
                (j + 1, false)
            });
        }
        if t.is(';') || connector(j) {
            return Some((j + 1, true));
        }
        let slash =
            t.is('/') && (ctx == Ctx::Standalone || !t.space_before) && !self.is_p(j + 1, '/');
        slash.then_some((j + 1, true))
    }
}

/// Whether a surname with initials, in either order, starts at token `at` (`Нариманова
/// В.И.`, `В.И. Ленину`).
pub(crate) fn starts_name(t: Tokens<'_>, at: usize) -> bool {
    t.family_initials(at, Ctx::AfterRole).is_some() || t.initials_family(at).is_some()
}

/// Read a list of names starting at token `at`, in context `ctx`.
pub(crate) fn scan_names(t: Tokens<'_>, at: usize, ctx: Ctx) -> Option<NameScan> {
    let (input, toks) = (t.input, t.toks);
    let (first, mut end, first_form) = t.name_at(at, ctx, None)?;
    let family_only = match (&first, first_form) {
        (
            Name::Personal {
                family,
                particle,
                span,
                ..
            },
            Form::Inverted { full_given: true },
        ) => {
            let family_end = toks
                .iter()
                .skip(at)
                .position(|tok| tok.start >= family.end)?
                + at;
            let whole = Span::new(span.start, family.end);
            let name = Name::Personal {
                family: *family,
                given: None,
                particle: particle.filter(|p| p.end <= family.start),
                span: whole,
            };
            Some((name, family_end))
        }
        _ => None,
    };
    let known_given = match (&first, first_form) {
        (
            Name::Personal {
                given: Some(given), ..
            },
            Form::Natural { .. },
        ) => given
            .slice(input)
            .split(|c: char| !c.is_alphabetic())
            .next()
            .is_some_and(is_given_name),
        _ => false,
    };
    let mut weak = matches!(
        first_form,
        Form::Natural { initials: false } | Form::Literal | Form::FamilyFirst
    );
    let mut names = vec![first];
    let mut et_al = false;
    let mut confirmed = (1, end);
    loop {
        let after_comma = if t.is_p(end, ',') { end + 1 } else { end };
        if let Some(e) = t.et_al(end).or_else(|| t.et_al(after_comma)) {
            et_al = true;
            end = e;
            confirmed = (names.len(), end);
            break;
        }
        // `MARTIN, Claire. DUPONT, Louis.`: French lists may part names in capitals, each
        // inverted, with full stops.
        let upper_stop = first_form != Form::FamilyInitials
            && t.is_p(end, '.')
            && t.upper_word(end + 1)
            && t.is_p(end + 2, ',')
            && t.tok(at).is_some_and(|f| f.all_upper());
        let Some((next, strong)) = t
            .list_sep(end, ctx)
            .or(upper_stop.then_some((end + 1, true)))
        else {
            break;
        };
        let Some((name, e, form)) = t.name_at(next, ctx, Some(first_form)) else {
            break;
        };
        names.push(name);
        end = e;
        let weak_form = matches!(form, Form::Natural { .. } | Form::Literal | Form::Single);
        if strong || ctx == Ctx::Standalone || !weak_form {
            confirmed = (names.len(), end);
            weak &= matches!(form, Form::Natural { initials: false } | Form::FamilyFirst);
        }
    }
    names.truncate(confirmed.0);
    Some(NameScan {
        names: Names { names, et_al },
        first_form,
        weak,
        end: confirmed.1,
        family_only,
        known_given,
    })
}

/// Parse `input` as a list of names (`Bergk, V., Haefeli, W. E. & Martin-Facklam, M.`,
/// `Иванов И. И., Петров П. П. и др.`, `Unknown translator`).
///
/// Personal names are split into family, given names and particle; institutions and labels
/// are kept whole as [`Name::Literal`]. Text after the list is kept as the remainder.
///
/// ```
/// use ibid_parse::{parse_names, Name};
///
/// let input = "Иванов И. И., Петров П. П. и др.";
/// let names = parse_names(input).value;
/// assert!(names.et_al);
/// let Name::Personal { family, given, .. } = &names.names[1] else { panic!("a person") };
/// assert_eq!(family.slice(input), "Петров");
/// assert_eq!(given.unwrap().slice(input), "П. П.");
/// ```
pub fn parse_names(input: &str) -> Parsed<Names> {
    let toks = tokenize(input);
    let Some(first) = toks.first() else {
        return Parsed::ok(Names::default());
    };
    let Some(scan) = scan_names(Tokens { input, toks: &toks }, 0, Ctx::Standalone) else {
        let span = Span::new(first.start, toks.last().map_or(first.end, |t| t.end));
        return Parsed {
            value: Names::default(),
            errors: vec![ParseError::new(
                ParseErrorKind::NotRecognized,
                format!("could not read `{}` as a name", span.slice(input)),
                span,
            )],
            remainder: Some(span),
        };
    };
    let mut end = scan.end;
    if toks.get(end).is_some_and(|t| t.is('.') || t.is(',')) && end + 1 == toks.len() {
        end += 1;
    }
    let mut parsed = Parsed::ok(scan.names);
    if let (Some(rest), Some(last)) = (toks.get(end), toks.last()) {
        let span = Span::new(rest.start, last.end);
        parsed.errors.push(ParseError::new(
            ParseErrorKind::NotRecognized,
            format!("could not read `{}` as a name", span.slice(input)),
            span,
        ));
        parsed.remainder = Some(span);
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each name as `family|given|particle` or `=literal`.
    fn names(input: &str) -> (Vec<String>, bool) {
        let parsed = parse_names(input);
        assert!(parsed.is_clean(), "{input:?}: {:?}", parsed.errors);
        let list = parsed
            .value
            .names
            .iter()
            .map(|n| match n {
                Name::Personal {
                    family,
                    given,
                    particle,
                    ..
                } => format!(
                    "{}|{}|{}",
                    family.slice(input),
                    given.map_or("", |g| g.slice(input)),
                    particle.map_or("", |p| p.slice(input)),
                ),
                Name::Literal { span } => format!("={}", span.slice(input)),
            })
            .collect();
        (list, parsed.value.et_al)
    }

    #[test]
    fn surname_and_initials_in_both_orders() {
        assert_eq!(names("Барсегов Ю.Г.").0, ["Барсегов|Ю.Г.|"]);
        assert_eq!(names("Ю.Г. Барсегов").0, ["Барсегов|Ю.Г.|"]);
        assert_eq!(names("Ю. Г. Барсегов").0, ["Барсегов|Ю. Г.|"]);
        assert_eq!(names("Иванов И. И.").0, ["Иванов|И. И.|"]);
        assert_eq!(names("J.-P. Sartre").0, ["Sartre|J.-P.|"]);
        assert_eq!(names("Yu. Barsegov").0, ["Barsegov|Yu.|"]);
    }

    #[test]
    fn inverted_and_natural_order() {
        assert_eq!(names("Djilas, Milovan").0, ["Djilas|Milovan|"]);
        assert_eq!(names("Milovan Djilas").0, ["Djilas|Milovan|"]);
        assert_eq!(names("Michael B. Petrovich").0, ["Petrovich|Michael B.|"]);
        assert_eq!(names("Smith, John A.").0, ["Smith|John A.|"]);
        assert_eq!(names("Dupont (Jean)").0, ["Dupont|Jean|"]);
        assert_eq!(names("DUPONT Jean").0, ["DUPONT|Jean|"]);
    }

    #[test]
    fn family_first_told_by_a_given_name() {
        assert_eq!(names("Durand Sylvie").0, ["Durand|Sylvie|"]);
        assert_eq!(names("Sylvie Durand").0, ["Durand|Sylvie|"]);
        assert_eq!(names("Ковалёв Сергей").0, ["Ковалёв|Сергей|"]);
        assert_eq!(names("Musset Alfred de").0, ["Musset|Alfred|de"]);
        assert_eq!(names("La Fontaine Jean").0, ["Fontaine|Jean|La"]);
        assert_eq!(
            names("Durand Sylvie, Mercier Yves").0,
            ["Durand|Sylvie|", "Mercier|Yves|"]
        );
        // Both words, or neither, are given names: natural order stays.
        assert_eq!(names("Thomas Bernard").0, ["Bernard|Thomas|"]);
        assert_eq!(names("Qwerty Zxcvb").0, ["Zxcvb|Qwerty|"]);
    }

    #[test]
    fn particles_and_hyphens() {
        assert_eq!(names("Ludwig van Beethoven").0, ["Beethoven|Ludwig|van"]);
        assert_eq!(names("Charles de Gaulle").0, ["Gaulle|Charles|de"]);
        assert_eq!(names("van der Berg, J.").0, ["Berg|J.|van der"]);
        assert_eq!(names("De Gaulle, Charles").0, ["Gaulle|Charles|De"]);
        assert_eq!(names("Beethoven, Ludwig van").0, ["Beethoven|Ludwig|van"]);
        assert_eq!(names("Martin-Facklam, M.").0, ["Martin-Facklam|M.|"]);
        assert_eq!(names("Jean d'Alembert").0, ["d'Alembert|Jean|"]);
    }

    #[test]
    fn lists_split_at_initials() {
        assert_eq!(
            names("Bergk, V., Haefeli, W. E. & Martin-Facklam, M.").0,
            ["Bergk|V.|", "Haefeli|W. E.|", "Martin-Facklam|M.|"]
        );
        assert_eq!(
            names("Smith, J. A., & Doe, R.").0,
            ["Smith|J. A.|", "Doe|R.|"]
        );
        assert_eq!(
            names("Иванов И.И., Петров П.П. и Сидоров С.С.").0,
            ["Иванов|И.И.|", "Петров|П.П.|", "Сидоров|С.С.|"]
        );
        assert_eq!(
            names("Müller, H./Schmidt, K.").0,
            ["Müller|H.|", "Schmidt|K.|"]
        );
        assert_eq!(names("Smith JA, Doe R").0, ["Smith|JA|", "Doe|R|"]);
        assert_eq!(
            names("Smith, John, and Jane Doe").0,
            ["Smith|John|", "Doe|Jane|"]
        );
        assert_eq!(
            names("John Smith, Jane Doe und Hans Müller").0,
            ["Smith|John|", "Doe|Jane|", "Müller|Hans|"]
        );
        assert_eq!(
            names("Jean Dupont et Marie Curie").0,
            ["Dupont|Jean|", "Curie|Marie|"]
        );
        assert_eq!(
            names("Smith, John; Doe, Jane").0,
            ["Smith|John|", "Doe|Jane|"]
        );
    }

    #[test]
    fn vancouver_names_with_generations_and_undotted_initials() {
        assert_eq!(
            names("Castro AF 3rd, Brown EJ Jr, Dubois J.P, Roussel M").0,
            [
                "Castro|AF 3rd|",
                "Brown|EJ Jr|",
                "Dubois|J.P|",
                "Roussel|M|"
            ]
        );
        // Before a colon or a bracketed year, as BMC and Springer print them.
        let t = super::super::token::tokenize("Pfaffl MW: A new model");
        let tokens = Tokens {
            input: "Pfaffl MW: A new model",
            toks: &t,
        };
        let scan = scan_names(tokens, 0, Ctx::Lead).expect("a name");
        assert_eq!(scan.end, 2);
    }

    #[test]
    fn a_surname_and_initial_before_a_title_are_no_natural_name() {
        let input = "Lamport L. Time, clocks, and the ordering of events";
        let t = super::super::token::tokenize(input);
        let scan = scan_names(Tokens { input, toks: &t }, 0, Ctx::Lead).expect("a name");
        assert_eq!(scan.names.names[0].span().slice(input), "Lamport L.");
        // A known given name keeps the natural order, and so does a role after the name.
        assert_eq!(names("Michael B. Petrovich").0, ["Petrovich|Michael B.|"]);
        let input = "Kemal H. Karpat, ed., The Ottoman State";
        let t = super::super::token::tokenize(input);
        let scan = scan_names(Tokens { input, toks: &t }, 0, Ctx::Lead).expect("a name");
        assert_eq!(scan.names.names[0].span().slice(input), "Kemal H. Karpat");
    }

    #[test]
    fn family_names_in_capitals() {
        assert_eq!(names("DE GAULLE, Charles").0, ["DE GAULLE|Charles|"]);
        assert_eq!(names("SMITH, ADAM").0, ["SMITH|ADAM|"]);
        assert_eq!(
            names("Baden LR, El Sahly HM, Essink B").0,
            ["Baden|LR|", "El Sahly|HM|", "Essink|B|"]
        );
        assert_eq!(
            names("VAN DAMME K, PEETERS M").0,
            ["VAN DAMME|K|", "PEETERS|M|"]
        );
        assert_eq!(
            names("MARTIN, Claire. DUPONT, Louis").0,
            ["MARTIN|Claire|", "DUPONT|Louis|"]
        );
    }

    #[test]
    fn et_al_in_four_languages() {
        assert!(names("Smith, J., et al.").1);
        assert!(names("Smith J et al").1);
        assert!(names("Иванов И.И. и др.").1);
        assert!(names("Иванов И.И. [и др.]").1);
        assert!(names("Müller, H. u. a.").1);
        assert_eq!(names("Dupont, J. et al.").0, ["Dupont|J.|"]);
        assert!(!names("Smith, J.").1);
    }

    #[test]
    fn institutions_and_labels_are_literal() {
        assert_eq!(
            names("Institute of Marxism-Leninism").0,
            ["=Institute of Marxism-Leninism"]
        );
        assert_eq!(names("Unknown translator").0, ["=Unknown translator"]);
        assert_eq!(names("Narimanov").0, ["Narimanov||"]);
        assert_eq!(
            names("Central Intelligence Agency; Smith, J.").0,
            ["=Central Intelligence Agency", "Smith|J.|"]
        );
    }

    #[test]
    fn leftover_text_is_kept() {
        let input = "Smith, J. 1990";
        let parsed = parse_names(input);
        assert_eq!(parsed.value.names.len(), 1);
        assert_eq!(parsed.remainder.map(|r| r.slice(input)), Some("1990"));
        assert_eq!(parsed.errors.len(), 1);
        assert!(parse_names("").is_clean());
        assert!(parse_names("   ").value.names.is_empty());
        let odd = parse_names("(((");
        assert!(odd.value.names.is_empty());
        assert_eq!(odd.remainder.map(|r| r.slice("(((")), Some("((("));
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_keeps_the_rest(input in "\\PC{0,60}") {
            let parsed = parse_names(&input);
            for name in &parsed.value.names {
                let span = name.span();
                proptest::prop_assert!(span.end <= input.len() && input.is_char_boundary(span.start) && input.is_char_boundary(span.end));
            }
            if let Some(rest) = parsed.remainder {
                proptest::prop_assert!(!parsed.errors.is_empty() && rest.end <= input.len());
            }
        }
    }

    #[test]
    fn names_at_the_head_of_a_reference_stop_before_the_title() {
        let input = "Milovan Djilas, Nagorno Karabakh, vol. 2";
        let toks = tokenize(input);
        let scan = scan_names(Tokens { input, toks: &toks }, 0, Ctx::Lead).unwrap();
        assert_eq!(scan.names.names.len(), 1);
        assert_eq!(toks[scan.end].text(input), ",");
        assert!(scan.weak);

        let input = "Барсегов Ю.Г. Нагорный Карабах";
        let toks = tokenize(input);
        let scan = scan_names(Tokens { input, toks: &toks }, 0, Ctx::Lead).unwrap();
        assert_eq!(scan.names.names[0].span().slice(input), "Барсегов Ю.Г.");
        assert_eq!(toks[scan.end].text(input), "Нагорный");
        assert!(!scan.weak);

        let input = "Djilas, Wartime, 45";
        let toks = tokenize(input);
        let scan = scan_names(Tokens { input, toks: &toks }, 0, Ctx::Lead).unwrap();
        let (name, next) = scan.family_only.unwrap();
        assert_eq!(name.span().slice(input), "Djilas");
        assert_eq!(toks[next].text(input), ",");
    }
}
