//! The head of a reference: the authors or editors it starts with, an author-date year,
//! and the title, with the rules that tell a name from a title.

use super::given_names::is_given_name;
use super::lexicon::{Lex, Phrase};
use super::names::{scan_names, starts_name, Ctx, Form};
use super::parse::{Reader, Style};
use super::token::{TokenKind, Tokens};

impl Tokens<'_> {
    /// Whether the text at `i` can begin a title (used to reject a lead that looked like
    /// a name but is followed by a year, a place or a locator).
    pub(super) fn title_like_at(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        match t.kind {
            TokenKind::Num | TokenKind::Url | TokenKind::Doi => false,
            TokenKind::Punct(c) => matches!(c, '«' | '"' | '“' | '„' | '*' | '_' | '‘' | '['),
            TokenKind::Word => {
                let place = t.has(Lex::PLACE)
                    && self.tok(i + 1).map_or(true, |n| {
                        matches!(n.kind, TokenKind::Punct(',' | ':' | '.' | ';'))
                    });
                !(place || self.element_starts_at(i) || self.pub_colon(i))
            }
        }
    }

    /// Whether `Place: Publisher` starts at `i` for sure: the place is a known one or an
    /// abbreviation (`М.`, `СПб.`), or the publisher is followed by the year. Subtitles
    /// (`Black Garden: Armenia and Azerbaijan …`) are not.
    pub(super) fn pub_colon(&self, i: usize) -> bool {
        if !self.place_colon(i) {
            return false;
        }
        let Some(end) = self.place_end(i) else {
            return false;
        };
        let known = (i..end).any(|j| self.has(j, Lex::PLACE));
        let abbreviated = (i..end).all(|j| {
            self.tok(j)
                .is_some_and(|t| !t.is_word() || self.abbreviation(j) && self.is_p(j + 1, '.'))
        });
        if known || abbreviated {
            return true;
        }
        let publisher = end + 1;
        let after = match self.quoted_at(publisher) {
            Some((_, next)) => next,
            None => self.run_end(publisher),
        };
        let after = after + usize::from(self.is_p(after, ',') || self.is_p(after, ';'));
        self.year_at(after).is_some_and(|(_, next)| {
            let another = self.is_p(next, '.') && self.place_end(next + 1).is_some();
            !(self.is_p(next, '(') || self.is_p(next, ':') || another)
        })
    }

    /// Whether a short run of words at `i` is followed by `:` (a place before a publisher).
    pub(super) fn place_colon(&self, i: usize) -> bool {
        self.place_end(i).is_some()
    }

    /// The colon that ends a place of publication starting at `i`: a few capitalised
    /// words, or a list of them (`Köln, Weimar, Wien:`, `Cambridge, MA:`, `М.; Л.:`).
    pub(super) fn place_end(&self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        let article = t.has(Lex::TITLE_START) && !self.has(i + 1, Lex::PLACE);
        if !t.is_word() || !t.upper_first || article {
            return None;
        }
        let mut j = i;
        for _ in 0..4 {
            let end = self.run_end(j);
            if let Some(colon) = self.state_colon(end) {
                return Some(colon);
            }
            let lower = (j..end)
                .filter(|&k| self.tok(k).is_some_and(|t| t.is_word() && !t.upper_first))
                .count();
            if end - j > 7 || lower > 1 {
                return None;
            }
            if self.is_p(end, ':') {
                let publisher = self
                    .tok(end + 1)
                    .is_some_and(|t| t.is_word() || t.is('«') || t.is('"'));
                return publisher.then_some(end);
            }
            let listed = (j..end).any(|k| self.has(k, Lex::PLACE))
                || (end - j == 1 && self.tok(j).is_some_and(|t| t.all_upper() && t.chars <= 3))
                || (end - j <= 2 && self.abbreviation(j));
            let joined = self.is_p(end, ',') || self.is_p(end, ';');
            if !(listed
                && joined
                && self
                    .tok(end + 1)
                    .is_some_and(|t| t.is_word() && t.upper_first))
            {
                return None;
            }
            j = end + 1;
        }
        None
    }

    /// The colon after a state or country code that follows a place at `j` (`, NJ, USA:`,
    /// `, MA:`, ` (MA):`), when a publisher follows it.
    fn state_colon(&self, j: usize) -> Option<usize> {
        let code = |k: usize| {
            self.tok(k)
                .is_some_and(|t| t.is_word() && t.all_upper() && t.chars == 2)
        };
        let mut k = if self.is_p(j, ',') && code(j + 1) {
            j + 2
        } else if self.is_p(j, '(') && code(j + 1) && self.is_p(j + 2, ')') {
            j + 3
        } else {
            return None;
        };
        if self.is_p(k, ',') && self.has(k + 1, Lex::COUNTRY) {
            k += 2;
        }
        let publisher = self
            .tok(k + 1)
            .is_some_and(|t| t.is_word() && t.upper_first);
        (self.is_p(k, ':') && publisher).then_some(k)
    }

    /// Whether a comma at `j` in a note-style title is followed by more title up to a
    /// colon (`Making War, Forging Revolution: Russia's Continuum …`).
    pub(super) fn colon_segment(&self, j: usize) -> bool {
        let k = j + 1;
        if !self.tok(k).is_some_and(|t| t.is_word() && t.upper_first)
            || self.element_starts_at(k)
            || self.place_at(k)
            || self.pub_colon(k)
        {
            return false;
        }
        let mut m = k;
        while m < k + 8 {
            match self.tok(m) {
                Some(t) if t.is(':') => return m > k,
                Some(t) if t.is_word() || t.is('-') || t.is('\'') || t.is('’') => m += 1,
                _ => return false,
            }
        }
        false
    }

    /// `Ibid., 47`, `Ebd., S. 41`, `Там же. С. 47`: a note that points back to the work cited
    /// just before names neither an author nor a title; returns the index after the word.
    pub(super) fn back_reference(&self, i: usize) -> Option<usize> {
        let mut next = if let Some(end) = self.phrase_end(i, Phrase::Ibid) {
            end
        } else if self.has(i, Lex::ID) && self.is_p(i + 1, '.') {
            // `Id. at 452`, `Id., ibid., p. 14`, `Id., p. 12`: the same work as the note
            // before, named neither by author nor title.
            let k = i + 2;
            if self.has(k, Lex::PINPOINT_AT) && self.tok(k + 1).is_some_and(|t| t.is_num()) {
                return Some(k + 1);
            }
            if !self.is_p(k, ',') {
                return None;
            }
            if let Some(next) = self.back_reference(k + 1) {
                return Some(next);
            }
            return self.locator_at(k + 1).map(|_| k + 1);
        } else {
            return None;
        };
        while self.is_p(next, '.') || self.is_p(next, ',') {
            next += 1;
        }
        Some(next)
    }

    /// Whether a quoted short title at `i` ends the note in a pinpoint, its comma inside or
    /// after the closing quote (`“Minorities,” 52`, `"Stalin, Man of the Borderlands", 1660`).
    fn quoted_pinpoint_follows(&self, i: usize) -> bool {
        let Some((_, next)) = self.quoted_at(i) else {
            return false;
        };
        let comma_inside = self.tok(next.saturating_sub(2)).is_some_and(|t| t.is(','));
        let k = if self.is_p(next, ',') {
            next + 1
        } else if comma_inside {
            next
        } else {
            return false;
        };
        let end = if let Some(locator) = self.locator_at(k) {
            self.tok_after(locator.span.end)
        } else {
            // After a quoted short title a lone number is the pinpoint, even one that could
            // be a year (`Rieber, “Stalin, Man of the Borderlands,” 1660`).
            match self.num_value_end(k) {
                Some(end) => end,
                None => return false,
            }
        };
        self.only_punct_from(end)
    }

    /// Whether the short title at `i` is followed by a comma and a pinpoint (`Title, 45`,
    /// `Title, S. 12`).
    fn note_pinpoint_follows(&self, i: usize) -> bool {
        let mut k = i;
        while k < i + 40 && self.tok(k).is_some_and(|t| !t.is(',') && !t.is('(')) {
            k += 1;
        }
        let pinpoint = self
            .tok(k + 1)
            .is_some_and(|t| t.is_num() && self.year_at(k + 1).is_none())
            || self.locator_at(k + 1).is_some();
        self.is_p(k, ',') && pinpoint
    }

    /// After a weak lead: a year and then a title (`John Smith (1990). Title`).
    pub(super) fn year_then_title(&self, i: usize) -> bool {
        let Some((_, next)) = self.year_group(i).or_else(|| self.year_at(i)) else {
            return false;
        };
        let next = next + usize::from(self.is_p(next, '.') || self.is_p(next, ','));
        self.title_like_at(next)
    }

    /// Whether the `?` or `!` at `j` ends an unquoted title because a field follows it: a
    /// journal and its volume (`… considered complete? Physical Review, 47(10), 777–780`),
    /// an imprint or a labelled field. A subtitle after the mark (`Why Autonomy? A Study`)
    /// keeps the title going.
    fn field_after_question(&self, j: usize) -> bool {
        let k = j + 1;
        let Some(next) = self.tok(k) else {
            return false;
        };
        if !next.space_before {
            return false;
        }
        if !next.is_word() {
            return matches!(
                next.kind,
                TokenKind::Num | TokenKind::Url | TokenKind::Doi | TokenKind::Punct('(')
            );
        }
        if self.element_starts_at(k) || self.pub_colon(k) || self.place_at(k) {
            return true;
        }
        // `Who needs identity? In S. Hall & P. du Gay (Eds.), …`: the container's mark.
        if next.upper_first && next.has(Lex::CONTAINER) {
            return true;
        }
        if !next.upper_first {
            return false;
        }
        if self.abbreviated_journal_end(k).is_some() {
            return true;
        }
        let end = self.run_end(k);
        end - k <= 8 && self.volume_follows(end) && !self.is_p(end, '.')
    }

    /// Whether a year stands within a few tokens from `i`: a range before it is then the
    /// title's (`La Révolution russe, 1917-1921, thèse de doctorat, Université Paris 1, 1993`).
    fn later_year(&self, i: usize) -> bool {
        (i..i + 16).any(|k| self.year_at(k).is_some())
    }

    /// Whether the comma at `j` is inside a list of words closed by `and` (`Minorities,
    /// Mullahs, and Modernity`), so it does not end a title.
    pub(super) fn serial_comma(&self, j: usize) -> bool {
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
}

impl Reader<'_> {
    /// Read the authors (or editors) at the head; returns the index after them and their
    /// separator.
    pub(super) fn authors(&mut self, mut i: usize) -> usize {
        // `Source: Барсегов Ю.Г. …`, as pasted from a page that labels its source line.
        if self.t.has(i, Lex::SOURCE_LABEL) && self.t.is_p(i + 1, ':') {
            i += 2;
        }
        if self.t.has(i, Lex::SEE) && self.t.tok(i).is_some_and(|t| t.upper_first) {
            i += 1 + usize::from(self.t.is_p(i + 1, '.'));
            while self.t.has(i, Lex::SEE_JOINER) {
                // `See also`, `Vgl. auch`, `См. по`.
                i += 1;
            }
            if self.t.is_p(i, ':') {
                i += 1;
            }
        }
        if let Some(next) = self.t.back_reference(i) {
            self.layout.style = Style::Comma;
            self.layout.no_title = true;
            return next;
        }
        if let Some(next) = self.author_date_note(i) {
            self.layout.no_title = true;
            return next;
        }
        if let Some(next) = self.double_surname_op_cit(i) {
            return next;
        }
        if self.t.has(i, Lex::SAME_AUTHOR) && self.t.is_p(i + 1, '.') && self.t.is_p(i + 2, ',') {
            self.r.authors.names.push(super::Name::Literal {
                span: self.t.span(i, i + 2),
            });
            self.layout.style = Style::Comma;
            return i + 3;
        }
        let Some(scan) = scan_names(self.t, i, Ctx::Lead) else {
            if let Some(next) = self.short_note_author(i) {
                return next;
            }
            return self.lead_year(i);
        };
        let mut end = scan.end;
        let mut names = scan.names;
        if let Some((family, family_end)) = scan.family_only {
            let short_note = self.t.is_p(end, ',')
                && (self.t.tok(end + 1).is_some_and(|t| t.is_num())
                    || self.t.locator_at(end + 1).is_some());
            if names.names.len() == 1 && !names.et_al && short_note {
                names.names = vec![family];
                end = family_end;
            }
        }
        if scan.first_form == Form::FamilyFirst
            && end == i + 2
            && names.names.len() == 1
            && self.t.is_p(end, ',')
            && self.t.title_like_at(end + 1)
            && self.t.note_pinpoint_follows(end + 1)
        {
            // `Lloyd George, Truth about the Peace Treaties, 2:811`: a short note names its
            // author by surname alone, so two words before the short title are one surname.
            self.push_surname(i, end);
            self.layout.style = Style::Comma;
            return end + 1;
        }
        if matches!(scan.first_form, Form::Inverted { full_given: true })
            && end == i + 3
            && names.names.len() == 1
            && self.t.is_p(i + 1, ',')
            && self.t.tok(end).is_some_and(|t| t.is_word())
            && self.t.note_pinpoint_follows(i + 2)
        {
            // `Kaiser, Georgian and Soviet, 91–92`: a word running on from the "given name"
            // with no separator makes it the first word of a short title.
            self.push_surname(i, i + 1);
            self.layout.style = Style::Comma;
            return i + 2;
        }
        if scan.first_form == Form::FamilyInitials
            && names.names.len() == 1
            && self
                .t
                .tok(end.saturating_sub(2))
                .is_some_and(|t| t.chars == 1)
            && self.t.is_p(end.saturating_sub(1), '.')
            && self
                .t
                .tok(end.saturating_sub(3))
                .is_some_and(|t| !t.is('.'))
            && starts_name(self.t, end)
        {
            return i;
        }
        // `Ulyanov, Vladimir (Lenin).`, `Blair, Eric (George Orwell).`: the name the person
        // wrote under, in brackets after the name, before the full stop.
        if self.t.is_p(end, '(') {
            let close = (end + 2..end + 5).find(|&k| self.t.is_p(k, ')'));
            let alias = close.is_some_and(|c| {
                (end + 1..c).all(|k| self.t.tok(k).is_some_and(|t| t.is_word() && t.upper_first))
                    && self.t.is_p(c + 1, '.')
            });
            if let Some(close) = close.filter(|_| alias) {
                end = close + 1;
            }
        }
        let role = self.t.postfix_role(end);
        let after_role = role.map_or(end, |(_, k)| k);
        let weak = scan.weak || scan.first_form == Form::Literal;
        let sep_at = after_role;
        let sep = self.t.tok(sep_at).map(|t| t.kind);
        let next = match sep {
            Some(TokenKind::Punct('.' | ',' | ':')) => sep_at + 1,
            _ => sep_at,
        };
        let cyrillic = self
            .t
            .text(i)
            .chars()
            .next()
            .is_some_and(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
        if weak
            && cyrillic
            && scan.first_form != Form::Literal
            && !matches!(sep, Some(TokenKind::Punct(',')))
        {
            // Russian references name people `Фамилия И. О.`; two plain words before a
            // full stop are a title (`История России. XX век`).
            return i;
        }
        if weak && role.is_none() {
            let year_next = self.t.is_p(next, '(') || self.t.tok(next).is_some_and(|t| t.is_num());
            if !(self.t.title_like_at(next) || year_next && self.t.year_then_title(next)) {
                return i;
            }
        }
        self.add_names(role.map(|(r, _)| r), names);
        if matches!(sep, Some(TokenKind::Punct(','))) {
            self.layout.style = Style::Comma;
        }
        self.lead_year(next)
    }

    /// `Koselleck 1979, S. 38`, `Assmann 1992: 48`: an author-date note, a surname straight
    /// followed by the year and then a pinpoint or the end. Sets both; returns the index
    /// after the year.
    pub(super) fn author_date_note(&mut self, i: usize) -> Option<usize> {
        let t = self.t.tok(i)?;
        let plain = t.is_word()
            && t.upper_first
            && t.has_lower
            && t.chars >= 2
            && !t.has(Lex::TITLE_START | Lex::PLACE | Lex::INSTITUTION | Lex::MONTH);
        if !plain || self.t.tok(i + 1).is_some_and(|n| !n.space_before) {
            return None;
        }
        let (date, mut next) = self.t.year_at(i + 1)?;
        let ends = self.t.tok(next).map_or(true, |n| n.is(',') || n.is(':'))
            || self.t.is_p(next, '.') && self.t.only_punct_from(next);
        if !ends {
            return None;
        }
        self.push_surname(i, i + 1);
        self.r.issued = Some(date);
        self.layout.issued_at = Some((i + 1, true));
        self.layout.style = Style::Comma;
        while self.t.is_p(next, ',') || self.t.is_p(next, ':') {
            next += 1;
        }
        Some(next)
    }

    /// Record the surname written from token `from` up to `to`, with no given names.
    fn push_surname(&mut self, from: usize, to: usize) {
        let span = self.t.span(from, to);
        self.r.authors.names.push(super::Name::Personal {
            family: span,
            given: None,
            particle: None,
            span,
        });
    }

    /// `Ter Minassian, op. cit., p. 112`, `Carrère d'Encausse, op. cit.`: two words before a
    /// back reference are one surname, as a note names the author by surname alone, unless
    /// the first is a common given name (`Pierre Bourdieu, op. cit.`, read as given name and
    /// surname). Returns the index after the back reference.
    fn double_surname_op_cit(&mut self, i: usize) -> Option<usize> {
        if !self.t.is_p(i + 2, ',') {
            return None;
        }
        let (a, b) = (self.t.tok(i)?, self.t.tok(i + 1)?);
        let bad = Lex::TITLE_START | Lex::PLACE | Lex::INSTITUTION | Lex::MONTH;
        let word =
            |t: &super::token::Tok| t.is_word() && t.has_lower && t.chars >= 2 && !t.has(bad);
        let elided = b.first_lower == 'd' && {
            let mut chars = b.text(self.t.input).chars().skip(1);
            matches!(chars.next(), Some('\'' | '\u{2019}'))
        };
        if !(word(a) && a.upper_first && word(b) && (b.upper_first || elided)) {
            return None;
        }
        let next = self.t.op_cit_at(i + 3)?;
        if !a.has(Lex::PARTICLE) && b.upper_first && is_given_name(a.text(self.t.input)) {
            self.r.authors.names.push(super::Name::Personal {
                family: self.t.span(i + 1, i + 2),
                given: Some(self.t.span(i, i + 1)),
                particle: None,
                span: self.t.span(i, i + 2),
            });
        } else {
            self.push_surname(i, i + 2);
        }
        self.layout.style = Style::Comma;
        self.layout.no_title = true;
        Some(next + usize::from(self.t.is_p(next, ',')))
    }

    /// `Baberowski, Der Feind ist überall, S. 215`: a lone surname before the short title
    /// of a note that ends in a pinpoint. Sets the author, returns the title's start.
    pub(super) fn short_note_author(&mut self, i: usize) -> Option<usize> {
        let plain_at = |j: usize| {
            self.t.tok(j).is_some_and(|t| {
                t.is_word()
                    && t.upper_first
                    && t.has_lower
                    && t.chars >= 2
                    && !t.has(Lex::TITLE_START | Lex::PLACE | Lex::INSTITUTION | Lex::MONTH)
            })
        };
        if !plain_at(i) {
            return None;
        }
        // `Brower and Lazzerini, Title, 105`, `Lih, Naumov, and Khlevniuk, Title, 208`:
        // surnames joined by `and`, the first of them the author.
        let mut lead = vec![i];
        let mut last = i;
        let mut joined = false;
        while lead.len() < 4 {
            let mut k = last + 1;
            let comma = self.t.is_p(k, ',');
            k += usize::from(comma);
            let and = self.t.has(k, Lex::AND) || self.t.is_p(k, '&');
            k += usize::from(and);
            let ends = self.t.is_p(k + 1, ',') || self.t.has(k + 1, Lex::AND);
            if !(comma || and) || !plain_at(k) || !ends {
                break;
            }
            lead.push(k);
            last = k;
            if and {
                joined = true;
                break;
            }
        }
        let several = joined
            && self.t.is_p(last + 1, ',')
            && self.t.title_like_at(last + 2)
            && self.t.note_pinpoint_follows(last + 2);
        if several {
            for k in lead {
                self.push_surname(k, k + 1);
            }
            self.layout.style = Style::Comma;
            return Some(last + 2);
        }
        if !self.t.is_p(i + 1, ',') {
            return None;
        }
        if let Some(next) = self.t.op_cit_at(i + 2) {
            // `Bourdieu, op. cit., p. 78`, `Habermas, a.a.O., S. 112`.
            self.push_surname(i, i + 1);
            self.layout.style = Style::Comma;
            return Some(next + usize::from(self.t.is_p(next, ',')));
        }
        if !(self.t.quoted_pinpoint_follows(i + 2)
            || self.t.title_like_at(i + 2) && self.t.note_pinpoint_follows(i + 2))
        {
            return None;
        }
        self.push_surname(i, i + 1);
        self.layout.style = Style::Comma;
        Some(i + 2)
    }

    /// An author-date year right after the authors (`(2005).`, `1977.`).
    pub(super) fn lead_year(&mut self, i: usize) -> usize {
        let found = if self.t.is_p(i, '(') || self.t.is_p(i, '[') {
            self.t.year_group(i)
        } else {
            // `Tauber, M. E. 1979, Icarus, 37, 587`: a year and a comma right before the
            // journal of a science-style source.
            let before_journal = |next: usize| {
                self.cursor.serial.is_some()
                    && self.t.is_p(next, ',')
                    && next + 1 == self.t.toks.len()
            };
            self.t
                .year_at(i)
                .filter(|&(_, next)| self.t.is_p(next, '.') || before_journal(next))
        };
        let Some((date, mut next)) = found else {
            return i;
        };
        self.r.issued = Some(date);
        self.layout.issued_at = Some((i, true));
        if self.t.is_p(next, '.') || self.t.is_p(next, ',') || self.t.is_p(next, ':') {
            next += 1;
        }
        next
    }

    /// Read the title at `i`; returns the index after it.
    pub(super) fn title(&mut self, i: usize) -> usize {
        if let Some((span, next)) = self.t.quoted_at(i) {
            if self.t.is_p(next, ':') && self.t.tok(next + 1).is_some_and(|t| t.is_word()) {
                // `"They can live in the desert": A history …`: the quote opens a longer title.
                let end = self.title_sentence_end(next + 1, self.layout.style);
                self.r.title = Some(span.cover(self.t.field_span(next + 1, end)));
                self.layout.title_end = end;
                return end;
            }
            self.r.title = Some(span);
            self.layout.quoted_title = true;
            self.layout.title_end = next;
            return next;
        }
        let Some(first) = self.t.tok(i) else { return i };
        if !(first.is_word() || first.is_num() || first.is('«') || first.is('„')) {
            return i;
        }
        if first.is_word() && (self.t.locator_at(i).is_some() || self.t.role_at(i).is_some()) {
            return i;
        }
        if let Some(next) = self.t.op_cit_at(i) {
            // `Хлевнюк О.В. Указ. соч. С. 112`: the work cited before, no title of its own.
            return next;
        }
        if self.layout.style == Style::Comma
            && self.t.is_p(i + 1, '.')
            && !self.r.authors.names.is_empty()
        {
            if let Some(end) = self.t.abbreviated_journal_end(i) {
                // `L. D. Landau, Phys. Rev. 60, 356 (1941)`: the journal straight after the
                // authors, no title.
                return self.journal_container(i, end);
            }
        }
        let mut j = self.title_sentence_end(i, self.layout.style);
        let named = !(self.r.authors.names.is_empty() && self.r.editors.names.is_empty());
        let colon_head = named && i > 0 && self.t.is_p(i - 1, ':');
        let mut rounds = 0;
        while rounds < 6 && self.subtitle_after(j, colon_head) {
            j = self.title_sentence_end(j + 1, self.layout.style);
            rounds += 1;
        }
        let mut to = j;
        if self.t.is_p(j, '?') || self.t.is_p(j, '!') {
            to = j + 1;
        }
        if self.t.is_p(j, '.')
            && j > i
            && self.t.abbreviation(j - 1)
            && !self
                .t
                .tok(j - 1)
                .is_some_and(|t| t.upper_first && t.chars == 1)
        {
            to = j + 1;
        }
        let span = self.t.field_span(i, to);
        if !span.is_empty() {
            self.r.title = Some(span);
        }
        self.layout.title_end = j;
        if self.r.authors.names.is_empty() && self.r.editors.names.is_empty() && self.t.is_p(j, ',')
        {
            self.layout.style = Style::Comma;
        }
        j
    }

    /// The end of a title-like sentence from `i`: up to a full stop that ends it, a
    /// separator the style ends titles with, a bracket, ` / `, `//`, a link or a locator.
    pub(super) fn title_sentence_end(&self, i: usize, style: Style) -> usize {
        let mut j = i;
        // A science-style source's journal ends every sentence before it.
        let journal = self.cursor.serial.map_or(usize::MAX, |s| s.journal);
        while let Some(t) = self.t.tok(j).filter(|_| j < journal) {
            let stop = match t.kind {
                TokenKind::Punct('.') => self.t.sentence_stop(j) && !self.title_continues(j),
                TokenKind::Punct(',') => {
                    !self.title_year_at(j)
                        && match style {
                            Style::Comma => {
                                let lower = self.t.tok(j + 1).is_some_and(|n| {
                                    n.is_word()
                                        && !n.upper_first
                                        && !self.t.element_starts_at(j + 1)
                                });
                                !(lower || self.t.serial_comma(j) || self.t.colon_segment(j))
                            }
                            Style::Period => {
                                self.t.element_starts_at(j + 1)
                                    || self.t.date_at(j + 1).is_some()
                                    || self.t.place_at(j + 1)
                                    || self.t.pub_colon(j + 1)
                            }
                        }
                }
                TokenKind::Punct('(') => {
                    if self.t.attached_paren(j) {
                        j += 3;
                        continue;
                    }
                    // Before a science-style source, the title runs to the journal: a
                    // bracket inside it is part of it (`The SOFA (Sepsis-related …) score`).
                    self.cursor.serial.is_none()
                }
                TokenKind::Punct(':') => self.t.volume_count_at(j + 1).is_some(),
                TokenKind::Punct('?' | '!') => {
                    style == Style::Period && self.t.field_after_question(j)
                }
                TokenKind::Punct('[') => true,
                TokenKind::Punct(';') => self.cursor.serial.is_none(),
                TokenKind::Punct('/') => {
                    t.space_before
                        || self.t.is_p(j + 1, '/')
                        || self.t.tok(j + 1).is_some_and(|n| n.space_before)
                }
                TokenKind::Punct('–' | '—') => {
                    t.space_before
                        && self.t.tok(j + 1).is_some_and(|n| n.space_before)
                        && style == Style::Comma
                }
                TokenKind::Punct(_) => false,
                TokenKind::Url | TokenKind::Doi => true,
                TokenKind::Num => false,
                TokenKind::Word => {
                    j > i && (self.t.locator_at(j).is_some() || self.t.thesis_at(j).is_some())
                }
            };
            if stop {
                break;
            }
            j += 1;
        }
        j
    }

    /// Whether a subtitle follows the full stop at `j` that ended a title after `Name, Given:`
    /// (`Alltagsgeschichte. Zur Rekonstruktion … Lebensweisen. Frankfurt a. M.: Campus`): a
    /// capitalised sentence, ended by a full stop, that is no imprint, edition or other field
    /// and holds no colon or year (`Frankfurt a. M./New York: Campus 1989`).
    fn subtitle_after(&self, j: usize, colon_head: bool) -> bool {
        if !self.t.is_p(j, '.') || self.layout.style != Style::Period || !colon_head {
            return false;
        }
        let k = j + 1;
        let capitalised = self
            .t
            .tok(k)
            .is_some_and(|t| t.is_word() && t.upper_first && t.has_lower && t.space_before);
        if !capitalised
            || self.t.pub_colon(k)
            || self.t.place_at(k)
            || self.t.element_starts_at(k)
            || self.t.edition_at_shape(k)
            || self.container_marker(k).is_some()
            || self.t.locator_at(k).is_some()
            || self.t.role_at(k).is_some()
            || self.t.abbreviation(k)
        {
            return false;
        }
        let end = self.title_sentence_end(k, Style::Period);
        let imprint = (k..end).any(|m| self.t.is_p(m, ':') || self.t.year_at(m).is_some());
        self.t.is_p(end, '.') && end > k && !imprint
    }

    /// Whether the title goes on past the full stop at `j`: the next sentence holds a year
    /// and ends in `:` (`Переписка. 1912–1927: Сборник документов`), or GOST's ` / `
    /// follows with no imprint before it (`Лубянка. Сталин и ВЧК. Январь 1922 – декабрь
    /// 1936 / Сост. …`).
    fn title_continues(&self, j: usize) -> bool {
        let k = j + 1;
        let Some(next) = self.t.tok(k) else {
            return false;
        };
        let plain = match next.kind {
            TokenKind::Word => {
                !(self.t.pub_colon(k)
                    || self.t.place_at(k)
                    || self.t.element_starts_at(k)
                    || self.t.edition_at_shape(k)
                    || self.container_marker(k).is_some())
            }
            TokenKind::Num => !self.t.edition_shape(k),
            // `Революция как момент истины. 1905–1907 гг. – 1917–1922 гг. / пер. …`
            TokenKind::Punct(c) => crate::text::is_dash(c) && self.t.year_at(k + 1).is_some(),
            _ => false,
        };
        if !plain {
            return false;
        }
        let mut m = k;
        let mut year = false;
        while m < k + 14 {
            let Some(t) = self.t.tok(m) else { break };
            if t.is(':') {
                if year {
                    return true;
                }
                break;
            }
            if t.is('.') && self.t.sentence_stop(m) {
                break;
            }
            year |= self.t.year_at(m).is_some();
            m += 1;
        }
        self.cursor
            .slash
            .is_some_and(|s| s > j && !self.cursor.double_slash.is_some_and(|d| d > j && d < s))
    }

    /// Whether the comma at `j` is followed by a year that ends the title sentence
    /// (`Russian Azerbaijan, 1905–1920: The Shaping …`, `… Nationalism, 1917–1923.`).
    pub(super) fn title_year_at(&self, j: usize) -> bool {
        let Some(after) = self
            .t
            .year_at(j + 1)
            .map(|(_, after)| after)
            .or_else(|| self.t.decades_end(j + 1))
        else {
            return false;
        };
        let range = self
            .t
            .year_at(j + 1)
            .is_some_and(|(date, _)| date.end.is_some());
        self.t.is_p(after, ':')
            || (self.layout.style == Style::Comma && self.t.is_p(after, '('))
            || (range && (self.t.is_p(after, '(') || self.t.is_p(after, '[')))
            || (range && self.t.is_p(after, ',') && self.t.later_year(after + 1))
            || (self.layout.style == Style::Period
                && self.t.is_p(after, '.')
                && self.t.sentence_stop(after))
    }
}
