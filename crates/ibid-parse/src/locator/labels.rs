//! The label words of locators in English, Russian, German and French, and their lookup.
//! One table (`data/locator-labels.tsv`) maps every written form (`p.`, `Seite`, `Л.`, `fᵒ`) to a label.

use super::value::lex::{char_at, skip_spaces};
use super::LocatorLabel;
use crate::tables::{self, Row};
use crate::text::WordMap;
use crate::Span;
use std::sync::OnceLock;

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

/// Longest normalised key, in bytes; longer words are never labels.
const MAX_KEY: usize = 32;

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

/// The table as a hash map from the normalised form: one hash and one comparison per lookup.
fn index() -> &'static WordMap<LabelWord> {
    static INDEX: OnceLock<WordMap<LabelWord>> = OnceLock::new();
    INDEX.get_or_init(|| {
        tables::LOCATOR_LABELS
            .rows()
            .filter_map(|row| Some((row.word.as_bytes(), label_word(row)?)))
            .collect()
    })
}

/// What a row of `data/locator-labels.tsv` says of its form, if the row is well formed.
fn label_word(row: Row) -> Option<LabelWord> {
    let [number, reading] = row.extra;
    Some(LabelWord {
        label: LocatorLabel::from_name(row.class)?,
        plural: match number {
            "plural" => true,
            "singular" => false,
            _ => return None,
        },
        reading: match reading {
            "-" => Reading::Plain,
            "fond" => Reading::F,
            "following" => Reading::Ff,
            "inventory" => Reading::Op,
            "folio" => Reading::L,
            "folder" => Reading::P,
            _ => return None,
        },
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

    use LocatorLabel::*;
    use Reading::*;

    #[test]
    fn every_row_is_read_and_normalised_once() {
        let mut keys = std::collections::BTreeSet::new();
        for row in tables::LOCATOR_LABELS.rows() {
            let key = row.word;
            assert!(label_word(row).is_some(), "bad row {row:?}");
            assert!(keys.insert(key), "{key:?} is listed twice");
            let mut buf = [0u8; MAX_KEY];
            assert_eq!(
                normalise(key, &mut buf),
                Some(key.as_bytes()),
                "key {key:?} is not normalised"
            );
            assert_eq!(lookup(key), label_word(row), "{key:?}");
        }
        assert_eq!(index().len(), keys.len());
    }

    #[test]
    fn every_csl_label_has_a_word() {
        for label in LocatorLabel::ALL {
            assert!(
                index().values().any(|w| w.label == label),
                "no word for {label}"
            );
        }
    }

    #[test]
    fn the_fast_guards_agree_with_the_table() {
        for row in tables::LOCATOR_LABELS.rows() {
            let key = row.word;
            // A two-word form (`s.v`, `ed.khr`, `sub verbo`) is only looked for after the
            // words `starts_pair` lets through, written in lower case or capitalised.
            if let Some(at) = key.find(['.', ' ']) {
                let first = &key[..at];
                let mut chars = first.chars();
                let capitalised: String = chars
                    .next()
                    .into_iter()
                    .flat_map(char::to_uppercase)
                    .chain(chars)
                    .collect();
                assert!(starts_pair(first), "{key:?}: starts_pair({first:?})");
                assert!(
                    starts_pair(&capitalised),
                    "{key:?}: starts_pair({capitalised:?})"
                );
            }
            // A form without letters is made of symbols that are labels by themselves.
            if !key.chars().any(crate::text::is_letter) {
                assert!(key.chars().all(is_symbol), "{key:?}");
            }
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
