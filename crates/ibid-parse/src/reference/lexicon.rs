//! The words a reference is read by: name particles, role and container markers, edition
//! words, months, places, institutions. Looked up once per word, case-insensitively.

use crate::text::WordMap;
use std::sync::OnceLock;

/// The classes a word belongs to, as bit flags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Lex(u32);

impl Lex {
    /// Name particle (`van`, `de`, `von`).
    pub const PARTICLE: u32 = 1;
    /// List connector (`and`, `und`, `et`, `и`).
    pub const AND: u32 = 1 << 1;
    /// Editor role word (`ed`, `Hrsg`, `ред`, `dir`).
    pub const EDITOR: u32 = 1 << 2;
    /// Translator role word (`trans`, `пер`, `übers`, `trad`).
    pub const TRANSLATOR: u32 = 1 << 3;
    /// The word that introduces the names after a role (`by`, `von`, `par`).
    pub const BY: u32 = 1 << 4;
    /// Container marker (`In`, `Dans`, `В`).
    pub const CONTAINER: u32 = 1 << 5;
    /// Edition word (`edn`, `Aufl`, `изд`).
    pub const EDITION: u32 = 1 << 6;
    /// Ordinal suffix written after a number (`nd`, `e`, `е`).
    pub const ORDINAL: u32 = 1 << 7;
    /// Month name.
    pub const MONTH: u32 = 1 << 8;
    /// Word found in the names of institutions (`Institute`, `Комитет`).
    pub const INSTITUTION: u32 = 1 << 9;
    /// Common place of publication (`London`, `М`, `Paris`).
    pub const PLACE: u32 = 1 << 10;
    /// Word that starts a title, never a personal name (`The`, `Die`, `Les`).
    pub const TITLE_START: u32 = 1 << 11;
    /// Abbreviation whose full stop does not end a sentence (`St`, `Dr`).
    pub const KEEPS_STOP: u32 = 1 << 12;
    /// Introduces an access date (`accessed`, `consulté`, `обращения`).
    pub const ACCESS: u32 = 1 << 13;
    /// Page label written after a total page count (`с`, `pp`, `S`).
    pub const PAGES: u32 = 1 << 14;
    /// First word of "et al." (`et`, `и`, `u`, `and`).
    pub const ETAL_HEAD: u32 = 1 << 15;
    /// Second word of "et al." (`al`, `др`, `a`, `others`).
    pub const ETAL_TAIL: u32 = 1 << 16;
    /// Language name after a translator role (`англ`, `Russian`, `Englischen`).
    pub const LANGUAGE: u32 = 1 << 17;
    /// Compiler role word (`сост`, `comp`): kept with the editors.
    pub const COMPILER: u32 = 1 << 18;
    /// Ordinal word (`second`, `revised`, `new`) before an edition word.
    pub const ORDINAL_WORD: u32 = 1 << 19;
    /// Medium designation to skip (`Электронный ресурс`, `online`).
    pub const MEDIUM: u32 = 1 << 20;
    /// Abbreviation whose full stop is kept at the end of a field (`соч.`, `гг.`, `СПб.`).
    pub const ABBREV: u32 = 1 << 21;
    /// Series word (`Сер.`, `Series`, `Reihe`).
    pub const SERIES: u32 = 1 << 22;
    /// Label before a link (`URL`, `Режим доступа`, `Available at`).
    pub const LINK: u32 = 1 << 23;
    /// Word that only introduces a pinpoint (`hier`, `here`, `здесь`).
    pub const PINPOINT: u32 = 1 << 24;
    /// Word standing for the previous author (`Id.`, `Idem`, `Ders.`, `Он же`).
    pub const SAME_AUTHOR: u32 = 1 << 25;
    /// A cross-reference word before a note (`See`, `Vgl.`, `Cf.`, `См.`, `Voir`).
    pub const SEE: u32 = 1 << 26;
    /// A standard number label (`ISBN`, `ISSN`).
    pub const STANDARD_NUMBER: u32 = 1 << 27;
    /// A word naming a thesis or the degree it is for (`Diss.`, `thesis`, `дис.`, `PhD`).
    pub const THESIS: u32 = 1 << 28;

    /// Whether the word is in any of the classes `mask`.
    pub fn has(self, mask: u32) -> bool {
        self.0 & mask != 0
    }
}

const P: u32 = Lex::PARTICLE;
const AND: u32 = Lex::AND;
const ED: u32 = Lex::EDITOR;
const TR: u32 = Lex::TRANSLATOR;
const BY: u32 = Lex::BY;
const IN: u32 = Lex::CONTAINER;
const EDN: u32 = Lex::EDITION;
const ORD: u32 = Lex::ORDINAL;
const INST: u32 = Lex::INSTITUTION;
const PLACE: u32 = Lex::PLACE;
const TS: u32 = Lex::TITLE_START;
const KS: u32 = Lex::KEEPS_STOP;
const ACC: u32 = Lex::ACCESS;
const PG: u32 = Lex::PAGES;
const EH: u32 = Lex::ETAL_HEAD;
const ET: u32 = Lex::ETAL_TAIL;
const LANG: u32 = Lex::LANGUAGE;
const COMP: u32 = Lex::COMPILER;
const OW: u32 = Lex::ORDINAL_WORD;
const MED: u32 = Lex::MEDIUM;
const AB: u32 = Lex::ABBREV;
const SER: u32 = Lex::SERIES;
const LINK: u32 = Lex::LINK;
const PIN: u32 = Lex::PINPOINT;
const SAME: u32 = Lex::SAME_AUTHOR;
const SEE: u32 = Lex::SEE;
const STD: u32 = Lex::STANDARD_NUMBER;
const THS: u32 = Lex::THESIS;

const MON: u32 = Lex::MONTH;

/// Every word with its classes, lower-case. A word may appear more than once; its classes
/// are merged when the table is built.
const WORDS: &[(&str, u32)] = &[
    // Particles.
    ("van", P),
    ("von", P | BY),
    ("de", P),
    ("der", P | TS),
    ("den", P),
    ("du", P | TS),
    ("des", P | TS),
    ("la", P | TS),
    ("le", P | TS),
    ("da", P),
    ("di", P),
    ("del", P),
    ("della", P),
    ("dos", P),
    ("das", P | TS),
    ("do", P),
    ("ten", P),
    ("ter", P),
    ("te", P),
    ("zu", P),
    ("zum", P),
    ("zur", P),
    ("al", P | ET),
    ("el", P),
    ("bin", P),
    ("ibn", P),
    ("dela", P),
    ("vander", P),
    // Connectors and et al.
    ("and", AND | EH),
    ("und", AND),
    ("et", AND | EH),
    ("и", AND | EH),
    ("y", AND),
    ("u", EH),
    ("a", ET | TS),
    ("al", ET),
    ("coll", ET),
    ("others", ET),
    ("др", ET),
    ("другие", ET),
    // Editors and compilers.
    ("ed", ED | EDN),
    ("eds", ED),
    ("edd", ED),
    ("editor", ED),
    ("editors", ED),
    ("edited", ED),
    ("hrsg", ED),
    ("hg", ED),
    ("hgg", ED),
    ("hrsgg", ED),
    ("herausgegeben", ED),
    ("herausgeber", ED),
    ("éd", ED | EDN),
    ("éds", ED),
    ("édité", ED),
    ("édités", ED),
    ("dir", ED),
    ("dirs", ED),
    ("ред", ED),
    ("редактор", ED),
    ("редакцией", ED),
    ("редакция", ED),
    ("сост", COMP),
    ("составитель", COMP),
    ("составители", COMP),
    ("comp", COMP),
    ("comps", COMP),
    ("compiled", COMP),
    ("compiler", COMP),
    ("compilers", COMP),
    ("bearb", COMP),
    ("bearbeitet", COMP),
    // Translators.
    ("trans", TR),
    ("transl", TR),
    ("translated", TR),
    ("translator", TR),
    ("translators", TR),
    ("tr", TR),
    ("übers", TR),
    ("übersetzt", TR),
    ("übersetzung", TR),
    ("trad", TR),
    ("traduit", TR),
    ("traduction", TR),
    ("пер", TR),
    ("перевод", TR),
    ("перевел", TR),
    // Words between a role and the names.
    ("by", BY),
    ("par", BY),
    ("v", BY),
    ("from", BY),
    ("aus", BY),
    ("с", BY | PG),
    ("dem", BY),
    ("the", BY | TS),
    ("l", BY),
    // Languages of a translation.
    ("англ", LANG),
    ("нем", LANG),
    ("фр", LANG),
    ("франц", LANG),
    ("итал", LANG),
    ("исп", LANG),
    ("english", LANG),
    ("russian", LANG),
    ("german", LANG),
    ("french", LANG),
    ("englischen", LANG),
    ("russischen", LANG),
    ("französischen", LANG),
    ("anglais", LANG),
    ("russe", LANG),
    ("allemand", LANG),
    // Container markers.
    ("in", IN | TS),
    ("dans", IN),
    ("в", IN | TS),
    ("aus", IN),
    // Editions.
    ("edn", EDN),
    ("edition", EDN),
    ("édition", EDN),
    ("изд", EDN),
    ("издание", EDN),
    ("aufl", EDN),
    ("auflage", EDN),
    ("ausg", EDN),
    ("ausgabe", EDN),
    ("st", ORD | KS),
    ("nd", ORD),
    ("rd", ORD),
    ("th", ORD),
    ("e", ORD),
    ("er", ORD),
    ("re", ORD),
    ("ème", ORD),
    ("è", ORD),
    ("е", ORD),
    ("ое", ORD),
    ("first", OW),
    ("second", OW),
    ("third", OW),
    ("fourth", OW),
    ("fifth", OW),
    ("revised", OW),
    ("rev", OW),
    ("new", OW),
    ("enlarged", OW),
    ("expanded", OW),
    ("updated", OW),
    ("überarb", OW),
    ("erw", OW),
    ("durchges", OW),
    ("verb", OW),
    ("nouvelle", OW),
    ("испр", OW),
    ("доп", OW),
    ("перераб", OW),
    // Months.
    ("january", MON),
    ("jan", MON),
    ("januar", MON),
    ("janvier", MON),
    ("января", MON),
    ("январь", MON),
    ("янв", MON),
    ("february", MON),
    ("feb", MON),
    ("februar", MON),
    ("février", MON),
    ("февраля", MON),
    ("февраль", MON),
    ("февр", MON),
    ("march", MON),
    ("mar", MON),
    ("märz", MON),
    ("mars", MON),
    ("марта", MON),
    ("март", MON),
    ("april", MON),
    ("apr", MON),
    ("avril", MON),
    ("апреля", MON),
    ("апрель", MON),
    ("апр", MON),
    ("may", MON),
    ("mai", MON),
    ("мая", MON),
    ("май", MON),
    ("june", MON),
    ("jun", MON),
    ("juni", MON),
    ("juin", MON),
    ("июня", MON),
    ("июнь", MON),
    ("july", MON),
    ("jul", MON),
    ("juli", MON),
    ("juillet", MON),
    ("июля", MON),
    ("июль", MON),
    ("august", MON),
    ("aug", MON),
    ("août", MON),
    ("августа", MON),
    ("август", MON),
    ("авг", MON),
    ("september", MON),
    ("sep", MON),
    ("sept", MON),
    ("septembre", MON),
    ("сентября", MON),
    ("сентябрь", MON),
    ("сент", MON),
    ("october", MON),
    ("oct", MON),
    ("oktober", MON),
    ("octobre", MON),
    ("октября", MON),
    ("октябрь", MON),
    ("окт", MON),
    ("november", MON),
    ("nov", MON),
    ("novembre", MON),
    ("ноября", MON),
    ("ноябрь", MON),
    ("нояб", MON),
    ("december", MON),
    ("dec", MON),
    ("dezember", MON),
    ("décembre", MON),
    ("декабря", MON),
    ("декабрь", MON),
    ("дек", MON),
    // Institutions.
    ("institute", INST),
    ("institut", INST),
    ("институт", INST),
    ("university", INST),
    ("université", INST),
    ("universität", INST),
    ("университет", INST),
    ("committee", INST),
    ("комитет", INST),
    ("commission", INST),
    ("комиссия", INST),
    ("kommission", INST),
    ("ministry", INST),
    ("министерство", INST),
    ("ministère", INST),
    ("ministerium", INST),
    ("department", INST),
    ("organization", INST),
    ("organisation", INST),
    ("организация", INST),
    ("association", INST),
    ("society", INST),
    ("gesellschaft", INST),
    ("société", INST),
    ("общество", INST),
    ("academy", INST),
    ("akademie", INST),
    ("académie", INST),
    ("академия", INST),
    ("council", INST),
    ("bureau", INST),
    ("office", INST),
    ("agency", INST),
    ("archive", INST),
    ("archives", INST),
    ("архив", INST),
    ("archiv", INST),
    ("library", INST),
    ("bibliothek", INST),
    ("bibliothèque", INST),
    ("библиотека", INST),
    ("museum", INST),
    ("музей", INST),
    ("musée", INST),
    ("government", INST),
    ("правительство", INST),
    ("regierung", INST),
    ("gouvernement", INST),
    ("foundation", INST),
    ("bank", INST),
    ("group", INST),
    ("fund", INST),
    ("stiftung", INST),
    ("centre", INST),
    ("center", INST),
    ("zentrum", INST),
    ("центр", INST),
    ("corporation", INST),
    ("service", INST),
    ("press", INST),
    ("congress", INST),
    ("parliament", INST),
    ("bundesarchiv", INST),
    ("senate", INST),
    ("league", INST),
    ("commissioner", INST),
    ("bundeszentrale", INST),
    ("bundesamt", INST),
    // Places of publication.
    ("london", PLACE),
    ("paris", PLACE),
    ("berlin", PLACE),
    ("moscow", PLACE),
    ("moskau", PLACE),
    ("moscou", PLACE),
    ("москва", PLACE),
    ("м", PLACE),
    ("л", PLACE),
    ("спб", PLACE),
    ("пг", PLACE),
    ("ленинград", PLACE),
    ("петроград", PLACE),
    ("киев", PLACE),
    ("баку", PLACE),
    ("ереван", PLACE),
    ("тбилиси", PLACE),
    ("минск", PLACE),
    ("leningrad", PLACE),
    ("petrograd", PLACE),
    ("oxford", PLACE),
    ("cambridge", PLACE),
    ("chicago", PLACE),
    ("boston", PLACE),
    ("princeton", PLACE),
    ("stanford", PLACE),
    ("berkeley", PLACE),
    ("washington", PLACE),
    ("toronto", PLACE),
    ("ithaca", PLACE),
    ("baltimore", PLACE),
    ("philadelphia", PLACE),
    ("bloomington", PLACE),
    ("abingdon", PLACE),
    ("basingstoke", PLACE),
    ("edinburgh", PLACE),
    ("dublin", PLACE),
    ("münchen", PLACE),
    ("munich", PLACE),
    ("leipzig", PLACE),
    ("frankfurt", PLACE),
    ("hamburg", PLACE),
    ("stuttgart", PLACE),
    ("köln", PLACE),
    ("wien", PLACE),
    ("vienna", PLACE),
    ("zürich", PLACE),
    ("bern", PLACE),
    ("basel", PLACE),
    ("göttingen", PLACE),
    ("heidelberg", PLACE),
    ("tübingen", PLACE),
    ("wiesbaden", PLACE),
    ("lyon", PLACE),
    ("bruxelles", PLACE),
    ("brussels", PLACE),
    ("genève", PLACE),
    ("geneva", PLACE),
    ("rome", PLACE),
    ("roma", PLACE),
    ("madrid", PLACE),
    ("amsterdam", PLACE),
    ("leiden", PLACE),
    ("prague", PLACE),
    ("praha", PLACE),
    ("warsaw", PLACE),
    ("warszawa", PLACE),
    ("stockholm", PLACE),
    ("helsinki", PLACE),
    ("budapest", PLACE),
    ("istanbul", PLACE),
    ("ankara", PLACE),
    ("tehran", PLACE),
    ("jerusalem", PLACE),
    ("yerevan", PLACE),
    ("baku", PLACE),
    ("tbilisi", PLACE),
    ("париж", PLACE),
    ("берлин", PLACE),
    ("лондон", PLACE),
    ("нью-йорк", PLACE),
    ("вена", PLACE),
    ("прага", PLACE),
    ("варшава", PLACE),
    ("рим", PLACE),
    ("женева", PLACE),
    ("стамбул", PLACE),
    ("тегеран", PLACE),
    ("константинополь", PLACE),
    ("тифлис", PLACE),
    ("эривань", PLACE),
    ("харбин", PLACE),
    ("шанхай", PLACE),
    ("софия", PLACE),
    ("белград", PLACE),
    ("бухарест", PLACE),
    ("мюнхен", PLACE),
    ("лейпциг", PLACE),
    ("иерусалим", PLACE),
    ("анкара", PLACE),
    ("york", PLACE),
    ("haven", PLACE),
    ("delhi", PLACE),
    ("bonn", PLACE),
    ("dresden", PLACE),
    ("mainz", PLACE),
    ("münster", PLACE),
    ("freiburg", PLACE),
    ("marburg", PLACE),
    ("kiel", PLACE),
    ("bremen", PLACE),
    ("hannover", PLACE),
    ("düsseldorf", PLACE),
    ("darmstadt", PLACE),
    ("jena", PLACE),
    ("halle", PLACE),
    ("weimar", PLACE),
    ("potsdam", PLACE),
    ("graz", PLACE),
    ("innsbruck", PLACE),
    ("salzburg", PLACE),
    ("bordeaux", PLACE),
    ("toulouse", PLACE),
    ("marseille", PLACE),
    ("strasbourg", PLACE),
    ("lille", PLACE),
    ("rennes", PLACE),
    ("nancy", PLACE),
    ("grenoble", PLACE),
    ("montpellier", PLACE),
    ("казань", PLACE),
    ("новосибирск", PLACE),
    ("свердловск", PLACE),
    ("екатеринбург", PLACE),
    ("ростов", PLACE),
    ("одесса", PLACE),
    ("харьков", PLACE),
    ("рига", PLACE),
    ("вильнюс", PLACE),
    ("таллин", PLACE),
    ("ташкент", PLACE),
    ("махачкала", PLACE),
    ("ставрополь", PLACE),
    ("краснодар", PLACE),
    ("самара", PLACE),
    ("саратов", PLACE),
    ("воронеж", PLACE),
    ("ярославль", PLACE),
    ("тверь", PLACE),
    ("иркутск", PLACE),
    ("томск", PLACE),
    ("омск", PLACE),
    ("пермь", PLACE),
    ("уфа", PLACE),
    ("ереван", PLACE),
    ("bakı", PLACE),
    ("lausanne", PLACE),
    ("louvain", PLACE),
    ("madison", PLACE),
    ("austin", PLACE),
    ("seattle", PLACE),
    ("montreal", PLACE),
    ("montréal", PLACE),
    ("québec", PLACE),
    ("ottawa", PLACE),
    ("sydney", PLACE),
    ("melbourne", PLACE),
    ("canberra", PLACE),
    // Words that start titles.
    ("an", TS),
    ("on", TS),
    ("of", TS),
    ("die", TS),
    ("ein", TS),
    ("eine", TS),
    ("les", TS),
    ("un", TS),
    ("une", TS),
    ("über", TS),
    ("zur", TS),
    ("о", TS),
    ("об", TS),
    ("на", TS),
    ("к", TS),
    ("по", TS),
    ("из", TS),
    ("от", TS),
    // Abbreviations whose full stop does not end a sentence.
    ("dr", KS),
    ("mr", KS),
    ("mrs", KS),
    ("ms", KS),
    ("prof", KS),
    ("sv", KS),
    ("mt", KS),
    ("ft", KS),
    ("vs", KS),
    ("cf", KS),
    ("jr", KS),
    ("sr", KS),
    ("gen", KS),
    ("capt", KS),
    ("lt", KS),
    ("gov", KS),
    ("hon", KS),
    ("им", KS),
    // Access dates.
    ("accessed", ACC),
    ("retrieved", ACC),
    ("viewed", ACC),
    ("consulted", ACC),
    ("consulté", ACC),
    ("abgerufen", ACC),
    ("zugriff", ACC),
    ("zugegriffen", ACC),
    ("обращения", ACC),
    // Page labels after a total.
    ("pp", PG),
    ("p", PG),
    ("pages", PG),
    ("s", PG),
    ("seiten", PG),
    ("стр", PG),
    ("с", PG),
    // Abbreviations whose full stop stays with the field.
    ("соч", AB),
    ("собр", AB),
    ("сб", AB),
    ("гг", AB),
    ("вв", AB),
    ("г", AB),
    ("в", AB),
    ("т", AB),
    ("тт", AB),
    ("др", AB),
    ("изд", AB),
    ("ст", AB),
    ("см", AB),
    ("докум", AB),
    ("матер", AB),
    ("доп", AB),
    ("испр", AB),
    ("перераб", AB),
    ("расш", AB),
    ("erw", AB),
    ("überarb", AB),
    ("aufl", AB),
    ("rev", AB),
    ("ed", AB),
    ("edn", AB),
    ("éd", AB),
    ("спб", AB),
    ("пг", AB),
    ("etc", AB),
    ("inc", AB | KS),
    ("ltd", AB | KS),
    ("co", AB | KS),
    ("corp", AB | KS),
    ("bros", AB | KS),
    ("jg", AB),
    ("bd", AB),
    ("hrsg", AB),
    // Series.
    ("сер", SER),
    ("серия", SER),
    ("ser", SER),
    ("series", SER),
    ("serie", SER),
    ("reihe", SER),
    ("série", SER),
    ("coll", SER),
    ("collection", SER),
    ("schriftenreihe", SER),
    // Pinpoint markers and stand-ins for the previous author.
    ("hier", PIN),
    ("here", PIN),
    ("esp", PIN),
    ("ici", PIN),
    ("здесь", PIN),
    ("id", SAME),
    ("idem", SAME),
    ("eadem", SAME),
    ("ders", SAME),
    ("dies", SAME),
    ("see", SEE),
    ("цит", SEE),
    ("zit", SEE),
    ("quoted", SEE),
    ("cited", SEE),
    ("vgl", SEE),
    ("cf", SEE | KS),
    ("см", SEE),
    ("ср", SEE),
    ("voir", SEE),
    ("siehe", SEE),
    ("isbn", STD),
    ("issn", STD),
    // Link labels.
    ("url", LINK),
    ("режим", LINK),
    ("available", LINK),
    ("disponible", LINK),
    ("verfügbar", LINK),
    ("online", LINK | MED),
    // Media designations.
    ("электронный", MED),
    ("online", MED),
    ("electronic", MED),
    // Theses and the degrees they are for.
    ("phd", THS),
    ("doctoral", THS),
    ("diss", THS),
    ("dissertation", THS),
    ("thesis", THS),
    ("thèse", THS),
    ("дис", THS),
    ("дисс", THS),
    ("диссертация", THS),
    ("автореф", THS),
];

/// The lexicon as a hash map from lower-case word to its classes (a word listed twice gets
/// the union of its classes).
fn table() -> &'static WordMap<u32> {
    static TABLE: OnceLock<WordMap<u32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = WordMap::default();
        for &(word, flags) in WORDS {
            *map.entry(word.as_bytes()).or_insert(0) |= flags;
        }
        map
    })
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
    Lex(table().get(lower).copied().unwrap_or(0))
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
        assert!(classify("и").has(Lex::AND));
        assert!(classify("М").has(Lex::PLACE));
        assert!(classify("Февраля").has(Lex::MONTH));
        assert!(classify("december").has(Lex::MONTH));
        assert_eq!(classify("Wartime"), Lex::default());
        assert_eq!(classify(&"x".repeat(100)), Lex::default());
    }

    #[test]
    fn thesis_words_are_in_the_thesis_class() {
        for word in super::super::parse::THESIS_WORDS
            .iter()
            .chain(&["phd", "doctoral"])
        {
            assert!(classify(word).has(Lex::THESIS), "{word}");
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
