//! The roles of the words a reference is read by (`data/lexicon.tsv`, with the months of
//! `data/months.tsv`), looked up once per word by the tokenizer.

use crate::tables::{self, Row};
use crate::text::WordMap;
use std::sync::OnceLock;

/// The roles a word has, as bit flags: one per word class of `data/lexicon.tsv`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Lex(u64);

impl Lex {
    /// Name particle (`van`, `de`, `von`).
    pub const PARTICLE: u64 = 1;
    /// List connector (`and`, `und`, `et`, `и`).
    pub const AND: u64 = 1 << 1;
    /// Editor role word (`ed`, `Hrsg`, `ред`, `dir`).
    pub const EDITOR: u64 = 1 << 2;
    /// Translator role word (`trans`, `пер`, `übers`, `trad`).
    pub const TRANSLATOR: u64 = 1 << 3;
    /// The word that introduces the names after a role (`by`, `von`, `par`).
    pub const BY: u64 = 1 << 4;
    /// Container marker (`In`, `Dans`, `В`).
    pub const CONTAINER: u64 = 1 << 5;
    /// Edition word (`edn`, `Aufl`, `изд`).
    pub const EDITION: u64 = 1 << 6;
    /// Ordinal suffix written after an edition number (`nd`, `e`, `е`).
    pub const ORDINAL: u64 = 1 << 7;
    /// Month name (`months.tsv`).
    pub const MONTH: u64 = 1 << 8;
    /// Word found in the names of institutions (`Institute`, `Комитет`).
    pub const INSTITUTION: u64 = 1 << 9;
    /// Common place of publication (`London`, `М`, `Paris`).
    pub const PLACE: u64 = 1 << 10;
    /// Word that starts a title, never a personal name (`The`, `Die`, `Les`).
    pub const TITLE_START: u64 = 1 << 11;
    /// Abbreviation whose full stop does not end a sentence (`St`, `Dr`).
    pub const KEEPS_STOP: u64 = 1 << 12;
    /// Introduces an access date (`accessed`, `consulté`, `обращения`).
    pub const ACCESS: u64 = 1 << 13;
    /// Page label written after a total page count (`с`, `pp`, `S`).
    pub const PAGES: u64 = 1 << 14;
    /// First word of an "et al." phrase (`et`, `и`, `u`, `and`): it ends a name.
    pub const ET_AL_START: u64 = 1 << 15;
    /// First word of an `op-cit` phrase (`op`, `a`, `указ`).
    pub const OP_CIT_START: u64 = 1 << 50;
    /// First word of an `ibid` phrase (`ibid`, `там`).
    pub const IBID_START: u64 = 1 << 51;
    /// First word of an `undated` phrase (`n`, `б`).
    pub const UNDATED_START: u64 = 1 << 52;
    /// First word of an `editor-phrase` (`sous`).
    pub const EDITED_BY_START: u64 = 1 << 53;
    /// First word of a `translated-from` phrase (`aus`).
    pub const TRANSLATED_FROM_START: u64 = 1 << 54;
    /// First word of a `same-author-lead` phrase (`ders`, `он`).
    pub const SAME_AUTHOR_LEAD_START: u64 = 1 << 55;
    /// Word before an access word (`дата` in `дата обращения`).
    pub const ACCESS_LEAD: u64 = 1 << 16;
    /// Language name after a translator role (`англ`, `Russian`, `Englischen`).
    pub const LANGUAGE: u64 = 1 << 17;
    /// Compiler role word (`сост`, `comp`): kept with the editors.
    pub const COMPILER: u64 = 1 << 18;
    /// Ordinal word (`second`, `revised`, `new`) before an edition word.
    pub const ORDINAL_WORD: u64 = 1 << 19;
    /// Medium designation to skip (`Электронный ресурс`, `online`, `Text`).
    pub const MEDIUM: u64 = 1 << 20;
    /// Abbreviation whose full stop is kept at the end of a field (`соч.`, `гг.`, `СПб.`).
    pub const ABBREV: u64 = 1 << 21;
    /// Series word (`Сер.`, `Series`, `Reihe`).
    pub const SERIES: u64 = 1 << 22;
    /// Label before a link (`URL`, `Режим доступа`, `Available at`).
    pub const LINK: u64 = 1 << 23;
    /// Word that only introduces a pinpoint (`hier`, `here`, `здесь`).
    pub const PINPOINT: u64 = 1 << 24;
    /// Word standing for the previous author (`Id.`, `Idem`, `Ders.`, `Он же`).
    pub const SAME_AUTHOR: u64 = 1 << 25;
    /// A cross-reference word before a note (`See`, `Vgl.`, `Cf.`, `См.`, `Voir`).
    pub const SEE: u64 = 1 << 26;
    /// A standard number label (`ISBN`, `ISSN`).
    pub const STANDARD_NUMBER: u64 = 1 << 27;
    /// A word naming a thesis (`Diss.`, `thesis`, `дис.`).
    pub const THESIS: u64 = 1 << 28;
    /// The degree a thesis is for, before the thesis word (`PhD`, `doctoral`).
    pub const DEGREE: u64 = 1 << 29;
    /// A word after a year in Russian that belongs to it (`г.`, `гг.`, `годы`).
    pub const YEAR_WORD: u64 = 1 << 30;
    /// The `s` of a decade (`1870s`).
    pub const DECADE_SUFFIX: u64 = 1 << 31;
    /// A word before a count of volumes (`в`, `in`, `en`).
    pub const COUNT_LEAD: u64 = 1 << 32;
    /// The unit of a count of volumes after [`Lex::COUNT_LEAD`] (`т.`, `vols.`, `Bänden`).
    pub const VOLUME_UNIT: u64 = 1 << 33;
    /// Counts volumes after a number (`vols.`, `Bde.`, `tomes`).
    pub const VOLUME_COUNT: u64 = 1 << 34;
    /// Counts volumes after a number above one only (French `vol.`).
    pub const VOLUME_COUNT_SINGULAR: u64 = 1 << 35;
    /// Introduces a reprint's imprint (`Reprint`, `Nachdruck`, `réimpr.`).
    pub const REPRINT: u64 = 1 << 36;
    /// A kind of book after a Russian container marker (`кн.`, `сб.`).
    pub const BOOK_KIND: u64 = 1 << 37;
    /// A document label before a number sign (`Док.`, `Dok.`, `doc.`).
    pub const DOCUMENT: u64 = 1 << 38;
    /// `u.` for `und` in an edition statement (`verb. u. erw.`).
    pub const AND_ABBREVIATION: u64 = 1 << 39;
    /// Labels a pasted source line (`Source:`, `Источник:`).
    pub const SOURCE_LABEL: u64 = 1 << 40;
    /// May follow a cross-reference word (`also`, `auch`, `по`).
    pub const SEE_JOINER: u64 = 1 << 41;
    /// A country after a state code in a place (`USA`).
    pub const COUNTRY: u64 = 1 << 42;
    /// A suffix after a name (`Jr.`, `Sr.`, `III`).
    pub const NAME_SUFFIX: u64 = 1 << 43;
    /// Before an abbreviated language after a translator's role (`с`, `from`).
    pub const FROM: u64 = 1 << 44;
    /// Before a language after a translator's role (`du`, `de`).
    pub const OF: u64 = 1 << 45;
    /// Comes before an editor's role word (`под`, `отв`).
    pub const EDITOR_LEAD: u64 = 1 << 46;
    /// Between [`Lex::EDITOR_LEAD`] and the role word (`общ`, `науч`).
    pub const EDITOR_SCOPE: u64 = 1 << 47;
    /// `Id.`: the work of the note before, in legal notes.
    pub const ID: u64 = 1 << 48;
    /// Introduces a pinpoint after `Id.` (`at`).
    pub const PINPOINT_AT: u64 = 1 << 49;
    /// A small word inside a journal's title (`of`, `and`, `für`): `Journal of Physics`.
    pub const JOURNAL_JOINER: u64 = 1 << 56;

    /// Whether the word is in any of the classes `mask`.
    pub fn has(self, mask: u64) -> bool {
        self.0 & mask != 0
    }
}

/// The word classes of `data/lexicon.tsv` and the bit each sets.
const CLASSES: [(&str, u64); 49] = [
    ("particle", Lex::PARTICLE),
    ("and", Lex::AND),
    ("editor", Lex::EDITOR),
    ("translator", Lex::TRANSLATOR),
    ("by", Lex::BY),
    ("container-marker", Lex::CONTAINER),
    ("edition", Lex::EDITION),
    ("ordinal-suffix", Lex::ORDINAL),
    ("institution", Lex::INSTITUTION),
    ("place", Lex::PLACE),
    ("title-start", Lex::TITLE_START),
    ("keeps-stop", Lex::KEEPS_STOP),
    ("accessed", Lex::ACCESS),
    ("page-count-label", Lex::PAGES),
    ("access-lead", Lex::ACCESS_LEAD),
    ("language", Lex::LANGUAGE),
    ("compiler", Lex::COMPILER),
    ("edition-qualifier", Lex::ORDINAL_WORD),
    ("medium", Lex::MEDIUM),
    ("abbreviation", Lex::ABBREV),
    ("series", Lex::SERIES),
    ("link-label", Lex::LINK),
    ("pinpoint-marker", Lex::PINPOINT),
    ("same-author", Lex::SAME_AUTHOR),
    ("see", Lex::SEE),
    ("standard-number", Lex::STANDARD_NUMBER),
    ("thesis", Lex::THESIS),
    ("degree", Lex::DEGREE),
    ("year-word", Lex::YEAR_WORD),
    ("decade-suffix", Lex::DECADE_SUFFIX),
    ("count-lead", Lex::COUNT_LEAD),
    ("volume-unit", Lex::VOLUME_UNIT),
    ("volume-count", Lex::VOLUME_COUNT),
    ("volume-count-singular", Lex::VOLUME_COUNT_SINGULAR),
    ("reprint", Lex::REPRINT),
    ("book-kind", Lex::BOOK_KIND),
    ("document", Lex::DOCUMENT),
    ("and-abbreviation", Lex::AND_ABBREVIATION),
    ("source-label", Lex::SOURCE_LABEL),
    ("see-joiner", Lex::SEE_JOINER),
    ("country", Lex::COUNTRY),
    ("name-suffix", Lex::NAME_SUFFIX),
    ("from", Lex::FROM),
    ("of", Lex::OF),
    ("editor-lead", Lex::EDITOR_LEAD),
    ("editor-scope", Lex::EDITOR_SCOPE),
    ("id", Lex::ID),
    ("pinpoint-at", Lex::PINPOINT_AT),
    ("journal-joiner", Lex::JOURNAL_JOINER),
];

/// The phrase classes of `data/lexicon.tsv`: word sequences the grammar reads where a rule
/// needs them (`op. cit.`, `Там же`), rather than roles of single tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phrase {
    /// The work cited before (`op. cit.`, `a.a.O.`, `указ. соч.`).
    OpCit,
    /// The work of the note before (`Ibid.`, `Ebd.`, `Там же`).
    Ibid,
    /// "No date", dotted (`n. d.`, `o. J.`, `б. г.`).
    Undated,
    /// Ends a list of names (`et al.`, `и др.`, `u. a.`).
    EtAl,
    /// The editors' role in words (`sous la direction de`).
    EditedBy,
    /// Before the language of a German translation (`Aus dem Englischen`).
    TranslatedFrom,
    /// The author already named, at the head of a container (`Ders.:`, `Он же`).
    SameAuthorLead,
}

/// The phrase classes of `data/lexicon.tsv`, in the order of [`Phrase`], and the bit each
/// gives to the first word of its phrases: a token without it starts none of them.
const PHRASES: [(&str, Phrase, u64); 7] = [
    ("op-cit", Phrase::OpCit, Lex::OP_CIT_START),
    ("ibid", Phrase::Ibid, Lex::IBID_START),
    ("undated", Phrase::Undated, Lex::UNDATED_START),
    ("et-al", Phrase::EtAl, Lex::ET_AL_START),
    ("editor-phrase", Phrase::EditedBy, Lex::EDITED_BY_START),
    (
        "translated-from",
        Phrase::TranslatedFrom,
        Lex::TRANSLATED_FROM_START,
    ),
    (
        "same-author-lead",
        Phrase::SameAuthorLead,
        Lex::SAME_AUTHOR_LEAD_START,
    ),
];

impl Phrase {
    /// The class of the first words of this class's phrases.
    pub fn first_words(self) -> u64 {
        PHRASES.get(self as usize).map_or(0, |&(_, _, bit)| bit)
    }
}

/// The lexicon, as read from the tables.
struct Lexicon {
    /// Every word's classes, keyed by the word's lower-case UTF-8 bytes (a word listed in
    /// several classes gets the union).
    words: WordMap<u64>,
    /// The phrases of each [`Phrase`] class, as lists of lower-case words.
    phrases: [Vec<Vec<&'static str>>; PHRASES.len()],
}

/// The lexicon, read from the tables on first use.
fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut lexicon = Lexicon {
            words: WordMap::default(),
            phrases: Default::default(),
        };
        for row in tables::LEXICON.rows() {
            lexicon.add(row);
        }
        for (word, _) in tables::months() {
            *lexicon.words.entry(word.as_bytes()).or_insert(0) |= Lex::MONTH;
        }
        lexicon
    })
}

impl Lexicon {
    /// Add one row of `lexicon.tsv`: a word's class, or a phrase (whose first word gets
    /// the bit of the phrase's class).
    fn add(&mut self, row: Row) {
        if let Some(slot) = PHRASES.iter().position(|&(name, ..)| name == row.class) {
            let words: Vec<&'static str> = row.word.split(' ').collect();
            if let Some(first) = words.first() {
                *self.words.entry(first.as_bytes()).or_insert(0) |= PHRASES[slot].2;
            }
            self.phrases[slot].push(words);
        } else if let Some(&(_, bit)) = CLASSES.iter().find(|&&(name, _)| name == row.class) {
            *self.words.entry(row.word.as_bytes()).or_insert(0) |= bit;
        }
    }
}

/// Longest word (in bytes, lower-cased) worth looking up.
pub(crate) const MAX_WORD: usize = 32;

/// The classes of `word`, compared without regard to case.
#[cfg(test)]
pub(crate) fn classify(word: &str) -> Lex {
    let mut buf = [0u8; MAX_WORD];
    let Some(lower) = crate::text::lower_into(word, &mut buf) else {
        return Lex::default();
    };
    classify_lower(lower.as_bytes())
}

/// The classes of `lower`, the UTF-8 bytes of a word already in lower case.
pub(crate) fn classify_lower(lower: &[u8]) -> Lex {
    Lex(lexicon().words.get(lower).copied().unwrap_or(0))
}

/// The phrases of class `phrase`, each a list of lower-case words.
pub(crate) fn phrases(phrase: Phrase) -> &'static [Vec<&'static str>] {
    lexicon()
        .phrases
        .get(phrase as usize)
        .map_or(&[], Vec::as_slice)
}

/// Whether `word` is written in roman numerals (`IV`, `xii`), all in one case.
pub(crate) fn is_roman(word: &str) -> bool {
    !word.is_empty()
        && word.len() <= 12
        && (word.bytes().all(|b| b"IVXLCDM".contains(&b))
            || word.bytes().all(|b| b"ivxlcdm".contains(&b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_merge_and_ignore_case() {
        assert!(classify("Van").has(Lex::PARTICLE));
        assert!(classify("ED").has(Lex::EDITOR));
        assert!(classify("ed").has(Lex::EDITION));
        assert!(classify("Hrsg").has(Lex::EDITOR));
        assert!(classify("Пер").has(Lex::TRANSLATOR));
        assert!(classify("и").has(Lex::AND | Lex::ET_AL_START));
        assert!(classify("М").has(Lex::PLACE));
        assert!(classify("Февраля").has(Lex::MONTH));
        assert!(classify("december").has(Lex::MONTH));
        assert!(classify("гг").has(Lex::YEAR_WORD | Lex::ABBREV));
        assert_eq!(classify("Wartime"), Lex::default());
        assert_eq!(classify(&"x".repeat(100)), Lex::default());
    }

    #[test]
    fn every_class_of_the_table_is_known_and_every_word_fits() {
        for row in tables::LEXICON.rows() {
            let known = CLASSES.iter().any(|&(name, _)| name == row.class)
                || PHRASES.iter().any(|&(name, ..)| name == row.class);
            assert!(known, "lexicon.tsv: unknown class in {row:?}");
            let is_phrase = PHRASES.iter().any(|&(name, ..)| name == row.class);
            assert!(
                is_phrase || !row.word.contains(' '),
                "lexicon.tsv: {row:?} is a phrase in a word class"
            );
            for word in row.word.split(' ') {
                assert!(word.len() <= MAX_WORD, "{word} is longer than MAX_WORD");
            }
        }
        for (word, _) in tables::months() {
            assert!(word.len() <= MAX_WORD, "{word} is longer than MAX_WORD");
        }
        for (name, bit) in CLASSES {
            assert_eq!(bit.count_ones(), 1, "{name}");
            assert_eq!(
                CLASSES.iter().filter(|&&(_, b)| b == bit).count(),
                1,
                "{name} shares its bit"
            );
            assert_ne!(bit, Lex::MONTH, "{name}");
        }
    }

    #[test]
    fn every_month_word_is_a_month() {
        // One month table for the date and reference grammars: every form the date grammar
        // reads is a month to the reference grammar too (`janv.`, `okt.`, `сентябре`).
        for (word, _) in tables::months() {
            assert!(classify(word).has(Lex::MONTH), "{word}");
        }
        for word in ["janv", "févr", "okt", "dez", "сентябре"] {
            assert!(classify(word).has(Lex::MONTH), "{word}");
        }
    }

    #[test]
    fn phrases_are_read_with_their_first_words() {
        assert!(phrases(Phrase::OpCit).contains(&vec!["a", "a", "o"]));
        assert!(phrases(Phrase::Ibid).contains(&vec!["там", "же"]));
        let mut starts = 0;
        for (slot, (_, phrase, bit)) in PHRASES.into_iter().enumerate() {
            assert_eq!(phrase as usize, slot, "PHRASES is in the order of Phrase");
            assert_eq!(phrase.first_words(), bit);
            assert!(!phrases(phrase).is_empty(), "{phrase:?}");
            for words in phrases(phrase) {
                assert!(classify(words[0]).has(bit), "{words:?}");
            }
            assert_eq!(bit.count_ones(), 1, "{phrase:?}");
            assert!(
                CLASSES.iter().all(|&(_, b)| b != bit),
                "{phrase:?} shares its bit"
            );
            assert_eq!(starts & bit, 0, "{phrase:?} shares its bit");
            starts |= bit;
        }
    }

    #[test]
    fn roman_numerals() {
        assert!(is_roman("XII"));
        assert!(is_roman("iv"));
        assert!(!is_roman("Iv"));
        assert!(!is_roman("Vol"));
        assert!(!is_roman(""));
    }
}
