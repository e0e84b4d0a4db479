//! The words dates are written with in English, Russian, German and French: months, weekdays,
//! and the marks for approximate, undated, old-style dates and the Russian `г.` after a year.

use crate::text::{eq_lower, lower_into, WordMap};
use std::sync::OnceLock;

/// Month names and their abbreviations, lower case, with the month number.
const MONTHS: &[(&str, u8)] = &[
    // English
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("febr", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("feber", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mrz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("okt", 10),
    ("dezember", 12),
    ("dez", 12),
    // French
    ("janvier", 1),
    ("janv", 1),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fevr", 2),
    ("fév", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    // Russian: nominative, genitive, prepositional, abbreviations
    ("январь", 1),
    ("января", 1),
    ("январе", 1),
    ("янв", 1),
    ("февраль", 2),
    ("февраля", 2),
    ("феврале", 2),
    ("фев", 2),
    ("февр", 2),
    ("март", 3),
    ("марта", 3),
    ("марте", 3),
    ("мар", 3),
    ("апрель", 4),
    ("апреля", 4),
    ("апреле", 4),
    ("апр", 4),
    ("май", 5),
    ("мая", 5),
    ("мае", 5),
    ("июнь", 6),
    ("июня", 6),
    ("июне", 6),
    ("июн", 6),
    ("июль", 7),
    ("июля", 7),
    ("июле", 7),
    ("июл", 7),
    ("август", 8),
    ("августа", 8),
    ("августе", 8),
    ("авг", 8),
    ("сентябрь", 9),
    ("сентября", 9),
    ("сентябре", 9),
    ("сен", 9),
    ("сент", 9),
    ("октябрь", 10),
    ("октября", 10),
    ("октябре", 10),
    ("окт", 10),
    ("ноябрь", 11),
    ("ноября", 11),
    ("ноябре", 11),
    ("ноя", 11),
    ("нояб", 11),
    ("декабрь", 12),
    ("декабря", 12),
    ("декабре", 12),
    ("дек", 12),
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
];

/// Words that make a date approximate (`ca.`, `um`, `vers`, `около`).
const APPROXIMATE: &[&str] = &[
    "ca",
    "c",
    "circa",
    "approx",
    "approximately",
    "about",
    "around",
    "um",
    "etwa",
    "gegen",
    "vers",
    "env",
    "environ",
    "около",
    "ок",
    "прибл",
    "приблизительно",
    "примерно",
];

/// Word sequences meaning "no date" (`n.d.`, `o. J.`, `б. г.`), dots and spaces ignored.
const UNDATED: &[&[&str]] = &[
    &["n", "d"],
    &["nd"],
    &["s", "d"],
    &["sd"],
    &["s", "a"],
    &["o", "j"],
    &["oj"],
    &["o", "d"],
    &["б", "д"],
    &["бд"],
    &["б", "г"],
    &["бг"],
    &["b", "g"],
    &["b", "d"],
    &["undated"],
    &["no", "date"],
    &["sine", "anno"],
    &["sans", "date"],
    &["ohne", "jahr"],
    &["ohne", "datum"],
    &["без", "даты"],
    &["без", "года"],
];

/// Word sequences naming the calendar (`ст. ст.`, `O.S.`, `n. st.`): true for the Julian
/// (old style), false for the Gregorian (new style).
const CALENDAR_MARKS: &[(&[&str], bool)] = &[
    (&["ст", "ст"], true),
    (&["по", "ст", "ст"], true),
    (&["стар", "ст"], true),
    (&["старого", "стиля"], true),
    (&["по", "старому", "стилю"], true),
    (&["н", "ст"], false),
    (&["нов", "ст"], false),
    (&["по", "н", "ст"], false),
    (&["по", "нов", "ст"], false),
    (&["нового", "стиля"], false),
    (&["по", "новому", "стилю"], false),
    (&["o", "s"], true),
    (&["os"], true),
    (&["old", "style"], true),
    (&["n", "s"], false),
    (&["ns"], false),
    (&["new", "style"], false),
    (&["a", "st"], true),
    (&["alten", "stils"], true),
    (&["n", "st"], false),
    (&["neuen", "stils"], false),
    (&["v", "st"], true),
    (&["vieux", "style"], true),
    (&["ancien", "style"], true),
    (&["nouveau", "style"], false),
];

/// Ordinal endings written straight after a day number (`16th`, `1er`, `1ᵉʳ`).
const ORDINALS: &[&str] = &["st", "nd", "rd", "th", "er", "re", "e", "ᵉʳ", "ᵉ", "ʳᵉ"];

/// Russian ordinal endings written after a hyphen (`16-го`, `16-е`).
const RU_ORDINALS: &[&str] = &["го", "е", "ое", "ого"];

/// Words written after a year in Russian (`1921 г.`, `1921 года`, `1921–1922 гг.`).
const YEAR_WORDS: &[&str] = &["г", "год", "года", "гг", "годы", "годов"];

/// Words that join the ends of a range (`16 February to 2 March`).
const RANGE_WORDS: &[&str] = &["to", "till", "until", "bis", "au", "à", "по"];

/// The first entry of `table` that `word` lowercased equals, lowercasing `word` once.
fn find_lower<'t, T>(word: &str, table: &'t [T], key: impl Fn(&T) -> &str) -> Option<&'t T> {
    if word.is_ascii() {
        return table.iter().find(|e| word.eq_ignore_ascii_case(key(e)));
    }
    let mut buf = [0u8; 48];
    let lowered = lower_into(word, &mut buf)?;
    table.iter().find(|e| key(e) == lowered)
}

/// Whether `word` lowercased is one of `table`.
fn in_table(word: &str, table: &[&str]) -> bool {
    find_lower(word, table, |e| e).is_some()
}

/// What the one-word date table knows of a word: the month it names (0 for none) and flags.
#[derive(Debug, Clone, Copy, Default)]
struct DateWord {
    month: u8,
    flags: u8,
}

/// [`DateWord`] flag: a day of the week.
const WEEKDAY: u8 = 1;
/// [`DateWord`] flag: a mark of an approximate date.
const APPROXIMATE_MARK: u8 = 2;
/// [`DateWord`] flag: a date may begin with the word.
const BEGINS_DATE: u8 = 4;

/// Words written before a day or month (`in February`, `le 16 février`, `den 5. März`).
const LEADING_WORDS: &[&str] = &["in", "im", "en", "в", "во", "le", "den", "am", "the"];

/// Months, weekdays, approximate marks and the words a date may begin with, in one hash map
/// from the lower-case word, so that each word is looked up once.
fn date_words() -> &'static WordMap<DateWord> {
    static TABLE: OnceLock<WordMap<DateWord>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: WordMap<DateWord> = WordMap::default();
        let mut add = |word: &'static str, month: u8, flags: u8| {
            let entry = map.entry(word.as_bytes()).or_default();
            if entry.month == 0 {
                entry.month = month;
            }
            entry.flags |= flags | BEGINS_DATE;
        };
        for &(name, month) in MONTHS {
            add(name, month, 0);
        }
        for &day in WEEKDAYS {
            add(day, 0, WEEKDAY);
        }
        for &mark in APPROXIMATE {
            add(mark, 0, APPROXIMATE_MARK);
        }
        for &word in LEADING_WORDS {
            add(word, 0, 0);
        }
        for phrase in UNDATED {
            if let Some(&first) = phrase.first() {
                add(first, 0, 0);
            }
        }
        map
    })
}

/// What the date table knows of `word`, compared without regard to case.
fn date_word(word: &str) -> DateWord {
    let mut buf = [0u8; 48];
    lower_into(word, &mut buf)
        .and_then(|lower| date_words().get(lower.as_bytes()).copied())
        .unwrap_or_default()
}

/// The month a word names, if it names one.
pub(super) fn month(word: &str) -> Option<u8> {
    Some(date_word(word).month).filter(|&m| m != 0)
}

/// Whether a word is a day of the week.
pub(super) fn is_weekday(word: &str) -> bool {
    date_word(word).flags & WEEKDAY != 0
}

/// Whether a word makes the date approximate.
pub(super) fn is_approximate(word: &str) -> bool {
    date_word(word).flags & APPROXIMATE_MARK != 0
}

/// Whether a word is an ordinal ending after a day number.
pub(super) fn is_ordinal(word: &str) -> bool {
    in_table(word, ORDINALS)
}

/// Whether a word is a Russian ordinal ending written after a hyphen.
pub(super) fn is_ru_ordinal(word: &str) -> bool {
    in_table(word, RU_ORDINALS)
}

/// Whether a word follows a year in Russian (`г.`, `года`).
pub(super) fn is_year_word(word: &str) -> bool {
    in_table(word, YEAR_WORDS)
}

/// Whether a word joins the ends of a range.
pub(super) fn is_range_word(word: &str) -> bool {
    in_table(word, RANGE_WORDS)
}

/// Whether a word stands before a month or year (`in February 1921`, `в феврале 1921 г.`).
pub(super) fn is_month_filler(word: &str) -> bool {
    in_table(word, &["in", "im", "en", "в", "во"])
}

/// Whether a date may begin with `word` (a month, a weekday, an approximate or undated mark,
/// or a word written before a day or month). Lets callers that only guess the kind of a
/// text rule out a date without reading the whole text.
pub(super) fn may_begin_date(word: &str) -> bool {
    date_word(word).flags & BEGINS_DATE != 0
}

/// The longest undated phrase that `words` starts with: how many words it takes.
pub(super) fn undated_len(words: &[&str]) -> Option<usize> {
    longest_phrase(words, UNDATED.iter().copied())
}

/// The longest calendar mark that `words` starts with: how many words, and whether it
/// means the Julian calendar.
pub(super) fn calendar_mark(words: &[&str]) -> Option<(usize, bool)> {
    let mut best: Option<(usize, bool)> = None;
    for &(phrase, julian) in CALENDAR_MARKS {
        if phrase_matches(words, phrase) && best.map_or(true, |(n, _)| phrase.len() > n) {
            best = Some((phrase.len(), julian));
        }
    }
    best
}

fn longest_phrase<'p>(
    words: &[&str],
    phrases: impl Iterator<Item = &'p [&'p str]>,
) -> Option<usize> {
    phrases
        .filter(|p| phrase_matches(words, p))
        .map(|p| p.len())
        .max()
}

fn phrase_matches(words: &[&str], phrase: &[&str]) -> bool {
    phrase.len() <= words.len() && phrase.iter().zip(words).all(|(p, w)| eq_lower(w, p))
}

/// The value of a roman numeral (`II`, `xiii`), if `word` is one of at most eight letters.
pub(super) fn roman(word: &str) -> Option<u32> {
    if word.is_empty() || word.len() > 8 {
        return None;
    }
    let digit = |c: char| match c.to_ascii_uppercase() {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let mut values = word.chars().map(digit).peekable();
    let mut total = 0i64;
    while let Some(v) = values.next() {
        let v = v?;
        match values.peek() {
            Some(&Some(next)) if next > v => total -= i64::from(v),
            _ => total += i64::from(v),
        }
    }
    u32::try_from(total).ok().filter(|&t| t > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_four_languages() {
        assert_eq!(month("February"), Some(2));
        assert_eq!(month("Feb"), Some(2));
        assert_eq!(month("февраля"), Some(2));
        assert_eq!(month("Februar"), Some(2));
        assert_eq!(month("février"), Some(2));
        assert_eq!(month("ФЕВРАЛЯ"), Some(2));
        assert_eq!(month("Mai"), Some(5));
        assert_eq!(month("Lenin"), None);
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman("II"), Some(2));
        assert_eq!(roman("ix"), Some(9));
        assert_eq!(roman("XIII"), Some(13));
        assert_eq!(roman("XIV"), Some(14));
        assert_eq!(roman("Feb"), None);
        assert_eq!(roman(""), None);
    }

    #[test]
    fn phrases() {
        assert_eq!(undated_len(&["n", "d"]), Some(2));
        assert_eq!(undated_len(&["б", "г"]), Some(2));
        assert_eq!(undated_len(&["n"]), None);
        assert_eq!(calendar_mark(&["ст", "ст"]), Some((2, true)));
        assert_eq!(calendar_mark(&["по", "н", "ст"]), Some((3, false)));
        assert_eq!(calendar_mark(&["O", "S"]), Some((2, true)));
    }
}
