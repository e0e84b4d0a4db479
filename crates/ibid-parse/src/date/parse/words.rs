//! The words dates are written with in English, Russian, German and French (`data/months.tsv`,
//! `data/date-words.tsv`): months, weekdays, marks of approximate, undated, old-style dates.

use crate::tables;
use crate::text::{eq_lower, lower_into, WordMap};
use std::sync::OnceLock;

/// What the date tables know of a word: the month it names (0 for none) and its classes.
#[derive(Debug, Clone, Copy, Default)]
struct DateWord {
    month: u8,
    flags: u16,
}

/// [`DateWord`] flag: a day of the week.
const WEEKDAY: u16 = 1;
/// [`DateWord`] flag: a mark of an approximate date.
const APPROXIMATE: u16 = 1 << 1;
/// [`DateWord`] flag: a date may begin with the word (a month, a weekday, an approximate
/// mark, a word written before a day or month, the first word of an undated mark).
const BEGINS_DATE: u16 = 1 << 2;
/// [`DateWord`] flag: written before a month or year (`in`, `в`).
const BEFORE_MONTH: u16 = 1 << 3;
/// [`DateWord`] flag: an ordinal ending after a day number (`th`, `er`).
const ORDINAL_SUFFIX: u16 = 1 << 4;
/// [`DateWord`] flag: a Russian ordinal ending after a hyphen (`го`).
const HYPHEN_ORDINAL: u16 = 1 << 5;
/// [`DateWord`] flag: a word after a year in Russian (`г`, `года`).
const YEAR_WORD: u16 = 1 << 6;
/// [`DateWord`] flag: joins the ends of a range (`to`, `bis`, `по`).
const RANGE_WORD: u16 = 1 << 7;
/// [`DateWord`] flag: written before a day (`le`, `den`, `am`, `the`).
const BEFORE_DAY: u16 = 1 << 8;
/// [`DateWord`] flag: between a day and its month (`of` in `16th of February`).
const DAY_MONTH_LINK: u16 = 1 << 9;

/// The word classes of `data/date-words.tsv` and the flags each sets.
const CLASSES: [(&str, u16); 9] = [
    ("weekday", WEEKDAY | BEGINS_DATE),
    ("approximate", APPROXIMATE | BEGINS_DATE),
    ("before-month", BEFORE_MONTH | BEGINS_DATE),
    ("before-day", BEFORE_DAY | BEGINS_DATE),
    ("day-month-link", DAY_MONTH_LINK),
    ("ordinal-suffix", ORDINAL_SUFFIX),
    ("hyphen-ordinal", HYPHEN_ORDINAL),
    ("year-word", YEAR_WORD),
    ("range-word", RANGE_WORD),
];

/// The date tables, read on first use: one hash map from the lower-case word, so that each
/// word is looked up once, and the phrases.
struct DateWords {
    words: WordMap<DateWord>,
    /// "No date" phrases (`n d`, `o j`, `без даты`).
    undated: Vec<Vec<&'static str>>,
    /// Calendar marks and whether each means the Julian calendar (`ст ст`, `new style`).
    calendar_marks: Vec<(Vec<&'static str>, bool)>,
}

fn date_words() -> &'static DateWords {
    static TABLE: OnceLock<DateWords> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = DateWords {
            words: WordMap::default(),
            undated: Vec::new(),
            calendar_marks: Vec::new(),
        };
        for (word, month) in tables::months() {
            let entry = table.words.entry(word.as_bytes()).or_default();
            if entry.month == 0 {
                entry.month = month;
            }
            entry.flags |= BEGINS_DATE;
        }
        for row in tables::DATE_WORDS.rows() {
            let phrase = || row.word.split(' ').collect::<Vec<_>>();
            match row.class {
                "undated" => {
                    let words = phrase();
                    if let Some(first) = words.first() {
                        table.words.entry(first.as_bytes()).or_default().flags |= BEGINS_DATE;
                    }
                    table.undated.push(words);
                }
                "old-style" => table.calendar_marks.push((phrase(), true)),
                "new-style" => table.calendar_marks.push((phrase(), false)),
                class => {
                    if let Some(&(_, flags)) = CLASSES.iter().find(|&&(name, _)| name == class) {
                        table.words.entry(row.word.as_bytes()).or_default().flags |= flags;
                    }
                }
            }
        }
        table
    })
}

/// What the date tables know of `word`, compared without regard to case.
fn date_word(word: &str) -> DateWord {
    let mut buf = [0u8; MAX_WORD];
    lower_into(word, &mut buf)
        .and_then(|lower| date_words().words.get(lower.as_bytes()).copied())
        .unwrap_or_default()
}

/// The longest word (in bytes, lower-cased) looked up.
const MAX_WORD: usize = 48;

/// Whether `word` is in any of the classes `flags`.
fn is(word: &str, flags: u16) -> bool {
    date_word(word).flags & flags != 0
}

/// The month a word names, if it names one.
pub(super) fn month(word: &str) -> Option<u8> {
    Some(date_word(word).month).filter(|&m| m != 0)
}

/// Whether a word is a day of the week.
pub(super) fn is_weekday(word: &str) -> bool {
    is(word, WEEKDAY)
}

/// Whether a word makes the date approximate.
pub(super) fn is_approximate(word: &str) -> bool {
    is(word, APPROXIMATE)
}

/// Whether a word is an ordinal ending after a day number.
pub(super) fn is_ordinal(word: &str) -> bool {
    is(word, ORDINAL_SUFFIX)
}

/// Whether a word is a Russian ordinal ending written after a hyphen.
pub(super) fn is_ru_ordinal(word: &str) -> bool {
    is(word, HYPHEN_ORDINAL)
}

/// Whether a word follows a year in Russian (`г.`, `года`).
pub(super) fn is_year_word(word: &str) -> bool {
    is(word, YEAR_WORD)
}

/// Whether a word joins the ends of a range.
pub(super) fn is_range_word(word: &str) -> bool {
    is(word, RANGE_WORD)
}

/// Whether a word stands before a month or year (`in February 1921`, `в феврале 1921 г.`).
pub(super) fn is_month_filler(word: &str) -> bool {
    is(word, BEFORE_MONTH)
}

/// Whether a word stands before a day (`le 16 février`, `den 16. Februar`).
pub(super) fn is_day_filler(word: &str) -> bool {
    is(word, BEFORE_DAY)
}

/// Whether a word stands between a day and its month (`16th of February`).
pub(super) fn is_day_month_link(word: &str) -> bool {
    is(word, DAY_MONTH_LINK)
}

/// Whether a date may begin with `word` (a month, a weekday, an approximate or undated mark,
/// or a word written before a day or month). Lets callers that only guess the kind of a
/// text rule out a date without reading the whole text.
pub(super) fn may_begin_date(word: &str) -> bool {
    is(word, BEGINS_DATE)
}

/// The longest undated phrase that `words` starts with: how many words it takes.
pub(super) fn undated_len(words: &[&str]) -> Option<usize> {
    date_words()
        .undated
        .iter()
        .filter(|p| phrase_matches(words, p))
        .map(Vec::len)
        .max()
}

/// The longest calendar mark that `words` starts with: how many words, and whether it
/// means the Julian calendar.
pub(super) fn calendar_mark(words: &[&str]) -> Option<(usize, bool)> {
    let mut best: Option<(usize, bool)> = None;
    for (phrase, julian) in &date_words().calendar_marks {
        if phrase_matches(words, phrase) && best.map_or(true, |(n, _)| phrase.len() > n) {
            best = Some((phrase.len(), *julian));
        }
    }
    best
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
    fn every_class_of_the_table_is_read() {
        let phrases = ["undated", "old-style", "new-style"];
        for row in tables::DATE_WORDS.rows() {
            let known = CLASSES.iter().any(|&(name, _)| name == row.class);
            assert!(known || phrases.contains(&row.class), "{row:?}");
            assert!(row.word.len() <= MAX_WORD, "{row:?}");
            if !phrases.contains(&row.class) {
                assert!(!row.word.contains(' '), "{row:?} is a phrase");
            }
        }
        for (word, number) in tables::months() {
            assert_eq!(month(word), Some(number), "{word}");
            assert!(may_begin_date(word), "{word}");
        }
        assert!(is_year_word("года") && is_range_word("bis") && is_ordinal("ᵉʳ"));
        assert!(is_month_filler("во") && !is_month_filler("le") && may_begin_date("le"));
        assert!(is_day_filler("Den") && !is_day_filler("in") && is_day_month_link("of"));
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
