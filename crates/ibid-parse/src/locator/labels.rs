//! The label words of locators in English, Russian, German and French, and their lookup.
//! One sorted table maps every written form (`p.`, `Seite`, `Л.`, `fᵒ`, `ед. хр.`) to a label.

use super::value::lex::{char_at, skip_spaces};
use super::LocatorLabel;
use crate::Span;

/// How a label word may be read differently depending on its neighbours.
///
/// The table gives the default reading; the grammar overrides it from context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reading {
    /// One reading only.
    Plain,
    /// `f.`: folio before a value, fond before `op.` in an archival chain.
    F,
    /// `ff.`: folios (after a value it is a "following" mark, read by the value grammar).
    Ff,
    /// `op.`: opus, or inventory (opis) in an archival chain.
    Op,
    /// `l.`/`ll.`: line, or folio (list) in an archival chain.
    L,
    /// `p.`/`п.`: page or paragraph, or folder (papka) between inventory and file.
    P,
}

/// What the table knows about one written label form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct LabelWord {
    /// The default label.
    pub label: LocatorLabel,
    /// Whether the form is a plural (`pp.`, `ll.`, `Bde.`).
    pub plural: bool,
    /// How context may change the label.
    pub reading: Reading,
}

const fn w(label: LocatorLabel, plural: bool, reading: Reading) -> LabelWord {
    LabelWord {
        label,
        plural,
        reading,
    }
}

/// Longest normalised key, in bytes; longer words are never labels.
const MAX_KEY: usize = 32;

use LocatorLabel::*;
use Reading::*;

/// Normalised label forms (lower case, no final full stop, `°`/`º`/`ᵒ` as `o`, no space after
/// an inner full stop), sorted by their UTF-8 bytes for binary search.
static TABLE: &[(&str, LabelWord)] = &[
    ("abb", w(Figure, false, Plain)),
    ("abbildung", w(Figure, false, Plain)),
    ("abs", w(Paragraph, false, Plain)),
    ("absatz", w(Paragraph, false, Plain)),
    ("abschn", w(Section, false, Plain)),
    ("abschnitt", w(Section, false, Plain)),
    ("abschnitte", w(Section, true, Plain)),
    ("act", w(Act, false, Plain)),
    ("acte", w(Act, false, Plain)),
    ("acts", w(Act, true, Plain)),
    ("akt", w(Act, false, Plain)),
    ("anh", w(Appendix, false, Plain)),
    ("anhang", w(Appendix, false, Plain)),
    ("anm", w(Note, false, Plain)),
    ("anmerkung", w(Note, false, Plain)),
    ("annex", w(Appendix, false, Plain)),
    ("annexe", w(Appendix, false, Plain)),
    ("app", w(Appendix, false, Plain)),
    ("appendices", w(Appendix, true, Plain)),
    ("appendix", w(Appendix, false, Plain)),
    ("art", w(ArticleLocator, false, Plain)),
    ("article", w(ArticleLocator, false, Plain)),
    ("articles", w(ArticleLocator, true, Plain)),
    ("artikel", w(ArticleLocator, false, Plain)),
    ("arts", w(ArticleLocator, true, Plain)),
    ("baende", w(Volume, true, Plain)),
    ("band", w(Volume, false, Plain)),
    ("bd", w(Volume, false, Plain)),
    ("bde", w(Volume, true, Plain)),
    ("bk", w(Book, false, Plain)),
    ("bks", w(Book, true, Plain)),
    ("bl", w(Folio, false, Plain)),
    ("blatt", w(Folio, false, Plain)),
    ("blätter", w(Folio, true, Plain)),
    ("book", w(Book, false, Plain)),
    ("books", w(Book, true, Plain)),
    ("box", w(Box, false, Plain)),
    ("boxes", w(Box, true, Plain)),
    ("buch", w(Book, false, Plain)),
    ("bände", w(Volume, true, Plain)),
    ("can", w(Canon, false, Plain)),
    ("canon", w(Canon, false, Plain)),
    ("canons", w(Canon, true, Plain)),
    ("carton", w(Box, false, Plain)),
    ("cartons", w(Box, true, Plain)),
    ("ch", w(Chapter, false, Plain)),
    ("chap", w(Chapter, false, Plain)),
    ("chapitre", w(Chapter, false, Plain)),
    ("chapitres", w(Chapter, true, Plain)),
    ("chaps", w(Chapter, true, Plain)),
    ("chapter", w(Chapter, false, Plain)),
    ("chapters", w(Chapter, true, Plain)),
    ("chs", w(Chapter, true, Plain)),
    ("col", w(Column, false, Plain)),
    ("colonne", w(Column, false, Plain)),
    ("colonnes", w(Column, true, Plain)),
    ("cols", w(Column, true, Plain)),
    ("column", w(Column, false, Plain)),
    ("columns", w(Column, true, Plain)),
    ("d", w(File, false, Plain)),
    ("dd", w(File, true, Plain)),
    ("dela", w(File, true, Plain)),
    ("delo", w(File, false, Plain)),
    ("doc", w(Document, false, Plain)),
    ("docs", w(Document, true, Plain)),
    ("document", w(Document, false, Plain)),
    ("documents", w(Document, true, Plain)),
    ("dok", w(Document, false, Plain)),
    ("dokument", w(Document, false, Plain)),
    ("dokumente", w(Document, true, Plain)),
    ("dossier", w(File, false, Plain)),
    ("ed.khr", w(File, false, Plain)),
    ("elocation", w(Elocation, false, Plain)),
    ("eq", w(Equation, false, Plain)),
    ("eqs", w(Equation, true, Plain)),
    ("equation", w(Equation, false, Plain)),
    ("equations", w(Equation, true, Plain)),
    ("f", w(Folio, false, F)),
    ("fasc", w(Issue, false, Plain)),
    ("fascicule", w(Issue, false, Plain)),
    ("feuillet", w(Folio, false, Plain)),
    ("feuillets", w(Folio, true, Plain)),
    ("ff", w(Folio, true, Ff)),
    ("fig", w(Figure, false, Plain)),
    ("figs", w(Figure, true, Plain)),
    ("figure", w(Figure, false, Plain)),
    ("figures", w(Figure, true, Plain)),
    ("file", w(File, false, Plain)),
    ("files", w(File, true, Plain)),
    ("fn", w(Note, false, Plain)),
    ("fo", w(Folio, false, Plain)),
    ("fol", w(Folio, false, Plain)),
    ("folder", w(Folder, false, Plain)),
    ("folders", w(Folder, true, Plain)),
    ("folio", w(Folio, false, Plain)),
    ("folios", w(Folio, true, Plain)),
    ("fols", w(Folio, true, Plain)),
    ("fond", w(Fond, false, Plain)),
    ("fonds", w(Fond, true, Plain)),
    ("footnote", w(Note, false, Plain)),
    ("fos", w(Folio, true, Plain)),
    ("h", w(Issue, false, Plain)),
    ("heft", w(Issue, false, Plain)),
    ("hefte", w(Issue, true, Plain)),
    ("inv", w(Inventory, false, Plain)),
    ("inventory", w(Inventory, false, Plain)),
    ("issue", w(Issue, false, Plain)),
    ("issues", w(Issue, true, Plain)),
    ("jahrgang", w(Volume, false, Plain)),
    ("jg", w(Volume, false, Plain)),
    ("kap", w(Chapter, false, Plain)),
    ("kapitel", w(Chapter, false, Plain)),
    ("karton", w(Box, false, Plain)),
    ("kartons", w(Box, true, Plain)),
    ("l", w(Line, false, L)),
    ("leaf", w(Folio, false, Plain)),
    ("leaves", w(Folio, true, Plain)),
    ("ligne", w(Line, false, Plain)),
    ("lignes", w(Line, true, Plain)),
    ("line", w(Line, false, Plain)),
    ("lines", w(Line, true, Plain)),
    ("list", w(Folio, false, Plain)),
    ("listy", w(Folio, true, Plain)),
    ("livre", w(Book, false, Plain)),
    ("ll", w(Line, true, L)),
    ("mappe", w(Folder, false, Plain)),
    ("mappen", w(Folder, true, Plain)),
    ("n", w(Note, false, Plain)),
    ("nn", w(Note, true, Plain)),
    ("no", w(Issue, false, Plain)),
    ("nos", w(Issue, true, Plain)),
    ("note", w(Note, false, Plain)),
    ("notes", w(Note, true, Plain)),
    ("nr", w(Issue, false, Plain)),
    ("nrn", w(Issue, true, Plain)),
    ("number", w(Issue, false, Plain)),
    ("numbers", w(Issue, true, Plain)),
    ("numero", w(Issue, false, Plain)),
    ("nummer", w(Issue, false, Plain)),
    ("numéro", w(Issue, false, Plain)),
    ("numéros", w(Issue, true, Plain)),
    ("op", w(Opus, false, Op)),
    ("opis", w(Inventory, false, Plain)),
    ("opisi", w(Inventory, true, Plain)),
    ("opp", w(Opus, true, Plain)),
    ("opus", w(Opus, false, Plain)),
    ("p", w(Page, false, P)),
    ("pag", w(Page, false, Plain)),
    ("page", w(Page, false, Plain)),
    ("pages", w(Page, true, Plain)),
    ("para", w(Paragraph, false, Plain)),
    ("paragr", w(Paragraph, false, Plain)),
    ("paragraph", w(Paragraph, false, Plain)),
    ("paragraphe", w(Paragraph, false, Plain)),
    ("paragraphes", w(Paragraph, true, Plain)),
    ("paragraphs", w(Paragraph, true, Plain)),
    ("paras", w(Paragraph, true, Plain)),
    ("part", w(Part, false, Plain)),
    ("partie", w(Part, false, Plain)),
    ("parties", w(Part, true, Plain)),
    ("parts", w(Part, true, Plain)),
    ("pg", w(Page, false, Plain)),
    ("pgs", w(Page, true, Plain)),
    ("pièce", w(Document, false, Plain)),
    ("pièces", w(Document, true, Plain)),
    ("pp", w(Page, true, Plain)),
    ("pt", w(Part, false, Plain)),
    ("pts", w(Part, true, Plain)),
    ("randnummer", w(Note, false, Plain)),
    ("rn", w(Note, false, Plain)),
    ("rule", w(Rule, false, Plain)),
    ("rules", w(Rule, true, Plain)),
    ("s", w(Page, false, Plain)),
    ("s.v", w(SubVerbo, false, Plain)),
    ("s.vv", w(SubVerbo, true, Plain)),
    ("sc", w(Scene, false, Plain)),
    ("scene", w(Scene, false, Plain)),
    ("scenes", w(Scene, true, Plain)),
    ("scène", w(Scene, false, Plain)),
    ("sec", w(Section, false, Plain)),
    ("secs", w(Section, true, Plain)),
    ("sect", w(Section, false, Plain)),
    ("section", w(Section, false, Plain)),
    ("sections", w(Section, true, Plain)),
    ("sects", w(Section, true, Plain)),
    ("seite", w(Page, false, Plain)),
    ("seiten", w(Page, true, Plain)),
    ("sp", w(Column, false, Plain)),
    ("spalte", w(Column, false, Plain)),
    ("spalten", w(Column, true, Plain)),
    ("sub verbo", w(SubVerbo, false, Plain)),
    ("sub voce", w(SubVerbo, false, Plain)),
    ("supp", w(Supplement, false, Plain)),
    ("suppl", w(Supplement, false, Plain)),
    ("supplement", w(Supplement, false, Plain)),
    ("supplements", w(Supplement, true, Plain)),
    ("szene", w(Scene, false, Plain)),
    ("t", w(Volume, false, Plain)),
    ("tab", w(Table, false, Plain)),
    ("tabelle", w(Table, false, Plain)),
    ("tabl", w(Table, false, Plain)),
    ("table", w(Table, false, Plain)),
    ("tables", w(Table, true, Plain)),
    ("tbl", w(Table, false, Plain)),
    ("tbls", w(Table, true, Plain)),
    ("teil", w(Part, false, Plain)),
    ("teile", w(Part, true, Plain)),
    ("timestamp", w(Timestamp, false, Plain)),
    ("tit", w(TitleLocator, false, Plain)),
    ("tome", w(Volume, false, Plain)),
    ("tomes", w(Volume, true, Plain)),
    ("tt", w(Volume, true, Plain)),
    ("v", w(Volume, false, Plain)),
    ("vers", w(Verse, false, Plain)),
    ("verse", w(Verse, false, Plain)),
    ("verses", w(Verse, true, Plain)),
    ("version", w(Version, false, Plain)),
    ("versions", w(Version, true, Plain)),
    ("vol", w(Volume, false, Plain)),
    ("vols", w(Volume, true, Plain)),
    ("volume", w(Volume, false, Plain)),
    ("volumes", w(Volume, true, Plain)),
    ("vv", w(Verse, true, Plain)),
    ("z", w(Line, false, Plain)),
    ("zeile", w(Line, false, Plain)),
    ("zeilen", w(Line, true, Plain)),
    ("§", w(Section, false, Plain)),
    ("§§", w(Section, true, Plain)),
    ("¶", w(Paragraph, false, Plain)),
    ("¶¶", w(Paragraph, true, Plain)),
    ("вып", w(Issue, false, Plain)),
    ("выпуск", w(Issue, false, Plain)),
    ("гл", w(Chapter, false, Plain)),
    ("глава", w(Chapter, false, Plain)),
    ("главы", w(Chapter, true, Plain)),
    ("д", w(File, false, Plain)),
    ("дд", w(File, true, Plain)),
    ("дела", w(File, true, Plain)),
    ("дело", w(File, false, Plain)),
    ("док", w(Document, false, Plain)),
    ("документ", w(Document, false, Plain)),
    ("документы", w(Document, true, Plain)),
    ("ед.хр", w(File, false, Plain)),
    ("кн", w(Book, false, Plain)),
    ("книга", w(Book, false, Plain)),
    ("коробка", w(Box, false, Plain)),
    ("л", w(Folio, false, Plain)),
    ("лист", w(Folio, false, Plain)),
    ("листов", w(Folio, true, Plain)),
    ("листы", w(Folio, true, Plain)),
    ("лл", w(Folio, true, Plain)),
    ("оп", w(Inventory, false, Plain)),
    ("опись", w(Inventory, false, Plain)),
    ("п", w(Paragraph, false, P)),
    ("пп", w(Paragraph, true, Plain)),
    ("прил", w(Appendix, false, Plain)),
    ("приложение", w(Appendix, false, Plain)),
    ("прим", w(Note, false, Plain)),
    ("примеч", w(Note, false, Plain)),
    ("примечание", w(Note, false, Plain)),
    ("пункт", w(Paragraph, false, Plain)),
    ("разд", w(Section, false, Plain)),
    ("раздел", w(Section, false, Plain)),
    ("рис", w(Figure, false, Plain)),
    ("рисунок", w(Figure, false, Plain)),
    ("с", w(Page, false, Plain)),
    ("сн", w(Note, false, Plain)),
    ("сноска", w(Note, false, Plain)),
    ("сс", w(Page, true, Plain)),
    ("ст", w(ArticleLocator, false, Plain)),
    ("статья", w(ArticleLocator, false, Plain)),
    ("стб", w(Column, false, Plain)),
    ("стих", w(Verse, false, Plain)),
    ("столбец", w(Column, false, Plain)),
    ("стр", w(Page, false, Plain)),
    ("страница", w(Page, false, Plain)),
    ("страницы", w(Page, true, Plain)),
    ("строка", w(Line, false, Plain)),
    ("строки", w(Line, true, Plain)),
    ("т", w(Volume, false, Plain)),
    ("табл", w(Table, false, Plain)),
    ("таблица", w(Table, false, Plain)),
    ("том", w(Volume, false, Plain)),
    ("тома", w(Volume, true, Plain)),
    ("тт", w(Volume, true, Plain)),
    ("ф", w(Fond, false, Plain)),
    ("фонд", w(Fond, false, Plain)),
    ("ч", w(Part, false, Plain)),
    ("части", w(Part, true, Plain)),
    ("часть", w(Part, false, Plain)),
    ("№", w(Issue, false, Plain)),
    ("№№", w(Issue, true, Plain)),
];

/// The locator label a word (`p.`, `Seite`, `Л.`, `fᵒ`) stands for, if it is one.
///
/// Case, a final full stop, the way `°` `º` `ᵒ` are written and spaces after an inner full
/// stop (`ed. khr.`) do not matter. Ambiguous words get their most common reading (`f.` folio,
/// `op.` opus, `l.` line, `v.` volume, `S.` page); the locator grammar resolves them from
/// context.
pub fn lookup_label(word: &str) -> Option<LocatorLabel> {
    lookup(word).map(|w| w.label)
}

/// The table entry for `word`, normalised as [`lookup_label`] describes.
pub(super) fn lookup(word: &str) -> Option<LabelWord> {
    let mut buf = [0u8; MAX_KEY];
    let key = normalise(word, &mut buf)?;
    index().get(key).copied()
}

/// The table as a hash map: one hash and one comparison per lookup.
fn index() -> &'static crate::text::WordMap<LabelWord> {
    static INDEX: std::sync::OnceLock<crate::text::WordMap<LabelWord>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        TABLE
            .iter()
            .map(|&(key, word)| (key.as_bytes(), word))
            .collect()
    })
}

/// Write the normalised form of `word` into `buf` (lower case, no apostrophes, one space
/// between words but none after a full stop, no final full stop); `None` if it does not fit.
fn normalise<'b>(word: &str, buf: &'b mut [u8; MAX_KEY]) -> Option<&'b [u8]> {
    // Most label words are ASCII letters with or without a full stop (`p.`, `Seite`): lowered
    // in one copy.
    let letters = word.strip_suffix('.').unwrap_or(word);
    if !letters.is_empty() && letters.bytes().all(|b| b.is_ascii_alphabetic()) {
        let key = buf.get_mut(..letters.len())?;
        for (to, from) in key.iter_mut().zip(letters.bytes()) {
            *to = from.to_ascii_lowercase();
        }
        return Some(key);
    }
    let mut len = 0;
    let mut after_dot = false;
    let mut pending_space = false;
    for c in word.trim_matches(crate::text::is_space).chars() {
        // ASCII letters, full stops and digits, nearly everything a label is written with.
        if c.is_ascii_alphanumeric() || c == '.' {
            if pending_space {
                push_byte(buf, &mut len, b' ')?;
                pending_space = false;
            }
            after_dot = c == '.';
            push_byte(buf, &mut len, c.to_ascii_lowercase() as u8)?;
            continue;
        }
        if crate::text::is_space(c) {
            pending_space = !after_dot;
            continue;
        }
        if pending_space {
            push_byte(buf, &mut len, b' ')?;
            pending_space = false;
        }
        after_dot = false;
        match c {
            '°' | 'º' | 'ᵒ' => push_byte(buf, &mut len, b'o')?,
            'ˢ' => push_byte(buf, &mut len, b's')?,
            '\'' | '’' | 'ʹ' | 'ʼ' => {}
            _ => push(buf, &mut len, crate::text::lower_char(c))?,
        }
    }
    if len > 0 && buf[len - 1] == b'.' {
        len -= 1;
    }
    buf.get(..len)
}

fn push(buf: &mut [u8; MAX_KEY], len: &mut usize, c: char) -> Option<()> {
    let n = c.len_utf8();
    let slot = buf.get_mut(*len..*len + n)?;
    c.encode_utf8(slot);
    *len += n;
    Some(())
}

fn push_byte(buf: &mut [u8; MAX_KEY], len: &mut usize, byte: u8) -> Option<()> {
    *buf.get_mut(*len)? = byte;
    *len += 1;
    Some(())
}

/// A label word found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct LabelHit {
    /// What the table says about it.
    pub word: LabelWord,
    /// The label as written, full stop included.
    pub span: Span,
    /// Whether a value may follow without a space (`p.12`, `§5`, `n°5`).
    pub tight: bool,
}

/// Words that may begin a two-word label (`s. v.`, `ed. khr.`, `ед. хр.`, `sub verbo`).
fn starts_pair(first: &str) -> bool {
    matches!(
        first,
        "s" | "S" | "ed" | "Ed" | "ед" | "Ед" | "ЕД" | "sub" | "Sub"
    )
}

/// Symbols that are labels by themselves, written once or twice (`§`, `§§`).
fn is_symbol(c: char) -> bool {
    matches!(c, '§' | '¶' | '№')
}

/// Whether `c` may be part of a label word.
fn is_word_char(c: char) -> bool {
    crate::text::is_letter(c) || c == '°'
}

/// The label word starting at byte `pos` of `text`, if there is one.
///
/// A one-letter abbreviation needs its full stop (`p.`, `S.`, `л.`): a bare `с` or `v` is a
/// word, not a label. Looks at no more than two words.
pub(super) fn scan_label(text: &str, pos: usize) -> Option<LabelHit> {
    let c = char_at(text, pos)?;
    if is_symbol(c) {
        let mut end = pos + c.len_utf8();
        if char_at(text, end) == Some(c) {
            end += c.len_utf8();
        }
        let word = lookup(text.get(pos..end)?)?;
        return Some(LabelHit {
            word,
            span: Span::new(pos, end),
            tight: true,
        });
    }
    if !crate::text::is_letter(c) {
        return None;
    }
    let word_end = word_end(text, pos)?;
    let dotted = char_at(text, word_end) == Some('.');
    let end = word_end + usize::from(dotted);
    let first = text.get(pos..word_end)?;
    if starts_pair(first) {
        if let Some(hit) = scan_pair(text, pos, end, dotted) {
            return Some(hit);
        }
    }
    if is_acronym(first) {
        return None;
    }
    let last = first.chars().next_back()?;
    let degree = matches!(last, '°' | 'º' | 'ᵒ');
    if !dotted && !degree && first.chars().nth(1).is_none() {
        return None;
    }
    let word = lookup(text.get(pos..end)?)?;
    Some(LabelHit {
        word,
        span: Span::new(pos, end),
        tight: dotted || degree,
    })
}

/// Whether `word` is two or more capital letters (`FO`, `NS`, `RG`, `CAB`, `ЦГА`): an
/// acronym or a call-number prefix, never a label.
fn is_acronym(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// The end of the word starting at `pos`, or `None` when it is too long to be a label.
fn word_end(text: &str, pos: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut end = pos;
    while let Some(&byte) = bytes.get(end) {
        // ASCII, most of what is read, without decoding.
        let len = if byte.is_ascii() {
            if !(byte.is_ascii_alphabetic() || (byte == b'\'' && end > pos)) {
                break;
            }
            1
        } else {
            let c = char_at(text, end)?;
            let apostrophe = matches!(c, '’' | 'ʹ' | 'ʼ') && end > pos;
            if !is_word_char(c) && !apostrophe {
                break;
            }
            c.len_utf8()
        };
        end += len;
        if end - pos > MAX_KEY * 2 {
            return None;
        }
    }
    // A trailing apostrophe belongs to the word (`opis'`), an inner one does not (`d'après`).
    if let Some(next) = char_at(text, end) {
        if is_word_char(next) {
            return None;
        }
    }
    Some(end)
}

/// A two-word label (`s. v.`, `ed. khr.`, `sub verbo`) starting at `pos`, whose first word
/// ends at `first_end`.
fn scan_pair(text: &str, pos: usize, first_end: usize, dotted: bool) -> Option<LabelHit> {
    let second = skip_spaces(text, first_end);
    if !dotted && second == first_end {
        return None;
    }
    if !crate::text::is_letter(char_at(text, second)?) {
        return None;
    }
    let second_end = word_end(text, second)?;
    let dotted2 = char_at(text, second_end) == Some('.');
    // `s. v.` is written in lower case with its full stop; `S. V.` is page five.
    let first_is_s = matches!(text.get(pos..first_end), Some("s." | "S."));
    let lower = text
        .get(second..second_end)
        .is_some_and(|w| w.chars().all(char::is_lowercase));
    if first_is_s && !(dotted2 && lower) {
        return None;
    }
    let end = second_end + usize::from(dotted2);
    let word = lookup(text.get(pos..end)?)?;
    Some(LabelHit {
        word,
        span: Span::new(pos, end),
        tight: dotted2,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_normalised() {
        for pair in TABLE.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
        for (key, _) in TABLE {
            let mut buf = [0u8; MAX_KEY];
            assert_eq!(
                normalise(key, &mut buf),
                Some(key.as_bytes()),
                "key {key:?} is not normalised"
            );
        }
    }

    #[test]
    fn every_csl_label_has_a_word() {
        for label in LocatorLabel::ALL {
            assert!(
                TABLE.iter().any(|(_, w)| w.label == label),
                "no word for {label}"
            );
        }
    }

    #[test]
    fn english_words() {
        for (word, label) in [
            ("p.", Page),
            ("pp.", Page),
            ("P.", Page),
            ("page", Page),
            ("Pages", Page),
            ("vol.", Volume),
            ("Vols.", Volume),
            ("v.", Volume),
            ("no.", Issue),
            ("Nos.", Issue),
            ("fol.", Folio),
            ("fols.", Folio),
            ("f.", Folio),
            ("ff.", Folio),
            ("folio", Folio),
            ("leaf", Folio),
            ("leaves", Folio),
            ("chap.", Chapter),
            ("ch.", Chapter),
            ("sec.", Section),
            ("sect.", Section),
            ("para.", Paragraph),
            ("l.", Line),
            ("ll.", Line),
            ("lines", Line),
            ("col.", Column),
            ("cols.", Column),
            ("n.", Note),
            ("nn.", Note),
            ("note", Note),
            ("pt.", Part),
            ("part", Part),
            ("doc.", Document),
            ("Document", Document),
            ("art.", ArticleLocator),
            ("app.", Appendix),
            ("fig.", Figure),
            ("tab.", Table),
            ("vv.", Verse),
            ("s.v.", SubVerbo),
            ("s. v.", SubVerbo),
            ("s.vv.", SubVerbo),
            ("op.", Opus),
            ("suppl.", Supplement),
            ("eq.", Equation),
            ("bk.", Book),
            ("sc.", Scene),
            ("box", Box),
            ("Box", Box),
            ("folder", Folder),
            ("Folder", Folder),
            ("fond", Fond),
            ("opis", Inventory),
            ("opis'", Inventory),
            ("d.", File),
            ("delo", File),
            ("ed. khr.", File),
            ("list", Folio),
            ("listy", Folio),
        ] {
            assert_eq!(lookup_label(word), Some(label), "{word}");
        }
    }

    #[test]
    fn german_words() {
        for (word, label) in [
            ("S.", Page),
            ("Seite", Page),
            ("Seiten", Page),
            ("Bd.", Volume),
            ("Bde.", Volume),
            ("Band", Volume),
            ("Jg.", Volume),
            ("Nr.", Issue),
            ("H.", Issue),
            ("Heft", Issue),
            ("Bl.", Folio),
            ("Blatt", Folio),
            ("Fol.", Folio),
            ("Kap.", Chapter),
            ("Kapitel", Chapter),
            ("Abschn.", Section),
            ("Abs.", Paragraph),
            ("Z.", Line),
            ("Zeile", Line),
            ("Sp.", Column),
            ("Spalte", Column),
            ("Anm.", Note),
            ("Rn.", Note),
            ("Teil", Part),
            ("Dok.", Document),
            ("Dokument", Document),
            ("Karton", Box),
            ("Mappe", Folder),
            ("Abb.", Figure),
        ] {
            assert_eq!(lookup_label(word), Some(label), "{word}");
        }
    }

    #[test]
    fn french_words() {
        for (word, label) in [
            ("p.", Page),
            ("t.", Volume),
            ("tome", Volume),
            ("n°", Issue),
            ("nº", Issue),
            ("nᵒ", Issue),
            ("N°", Issue),
            ("fᵒ", Folio),
            ("f°", Folio),
            ("fᵒˢ", Folio),
            ("chapitre", Chapter),
            ("paragr.", Paragraph),
            ("partie", Part),
            ("pièce", Document),
            ("Pièce", Document),
            ("sect.", Section),
        ] {
            assert_eq!(lookup_label(word), Some(label), "{word}");
        }
    }

    #[test]
    fn russian_words() {
        for (word, label) in [
            ("с.", Page),
            ("сс.", Page),
            ("С.", Page),
            ("стр.", Page),
            ("страница", Page),
            ("т.", Volume),
            ("тт.", Volume),
            ("Т.", Volume),
            ("том", Volume),
            ("№", Issue),
            ("№№", Issue),
            ("вып.", Issue),
            ("л.", Folio),
            ("лл.", Folio),
            ("Л.", Folio),
            ("лист", Folio),
            ("листы", Folio),
            ("гл.", Chapter),
            ("глава", Chapter),
            ("разд.", Section),
            ("п.", Paragraph),
            ("пп.", Paragraph),
            ("стб.", Column),
            ("прим.", Note),
            ("примеч.", Note),
            ("сн.", Note),
            ("ч.", Part),
            ("часть", Part),
            ("док.", Document),
            ("документ", Document),
            ("ф.", Fond),
            ("Ф.", Fond),
            ("фонд", Fond),
            ("оп.", Inventory),
            ("Оп.", Inventory),
            ("опись", Inventory),
            ("д.", File),
            ("Д.", File),
            ("дело", File),
            ("ед. хр.", File),
            ("Ед.хр.", File),
            ("§", Section),
            ("§§", Section),
            ("¶", Paragraph),
        ] {
            assert_eq!(lookup_label(word), Some(label), "{word}");
        }
    }

    #[test]
    fn non_labels() {
        for word in [
            "", ".", "xyz", "pages of", "Smith", "c.", "и", "page12", "ppp.",
        ] {
            assert_eq!(lookup_label(word), None, "{word:?}");
        }
        assert_eq!(lookup_label(&"p".repeat(100)), None);
    }

    #[test]
    fn plurals_and_readings() {
        assert!(lookup("pp.").is_some_and(|w| w.plural));
        assert!(lookup("p.").is_some_and(|w| !w.plural));
        assert_eq!(lookup("f.").map(|w| w.reading), Some(F));
        assert_eq!(lookup("ff.").map(|w| w.reading), Some(Ff));
        assert_eq!(lookup("op.").map(|w| w.reading), Some(Op));
        assert_eq!(lookup("ll.").map(|w| w.reading), Some(L));
        assert_eq!(lookup("оп.").map(|w| w.reading), Some(Plain));
    }

    #[test]
    fn scanning_labels_in_text() {
        let text = "see p.12 and S. 5, л.5об., §§ 3-4, n°7, s. v. Lenin, с 5";
        let at = |needle: &str| text.find(needle).unwrap();
        let hit = scan_label(text, at("p.12")).unwrap();
        assert_eq!(
            (hit.word.label, hit.span.slice(text), hit.tight),
            (Page, "p.", true)
        );
        let hit = scan_label(text, at("S. 5")).unwrap();
        assert_eq!(hit.span.slice(text), "S.");
        let hit = scan_label(text, at("л.5")).unwrap();
        assert_eq!((hit.word.label, hit.span.slice(text)), (Folio, "л."));
        let hit = scan_label(text, at("§§")).unwrap();
        assert_eq!((hit.word.label, hit.span.slice(text)), (Section, "§§"));
        let hit = scan_label(text, at("n°7")).unwrap();
        assert_eq!(
            (hit.word.label, hit.span.slice(text), hit.tight),
            (Issue, "n°", true)
        );
        let hit = scan_label(text, at("s. v.")).unwrap();
        assert_eq!((hit.word.label, hit.span.slice(text)), (SubVerbo, "s. v."));
        // `S. V` and `S. V.` are page five, not `s. v.`.
        assert_eq!(scan_label("S. V", 0).map(|h| h.word.label), Some(Page));
        assert_eq!(scan_label("S. V.", 0).map(|h| h.word.label), Some(Page));
        assert_eq!(
            scan_label("S.v. x", 0).map(|h| h.word.label),
            Some(SubVerbo)
        );
        // A one-letter word without its full stop is not a label.
        assert_eq!(scan_label(text, at("с 5")), None);
        assert_eq!(scan_label(text, at("see")), None);
        assert_eq!(scan_label(text, at("and")), None);
    }
}
