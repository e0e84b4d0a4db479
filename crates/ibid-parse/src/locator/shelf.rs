//! Shapes of archival text around a locator chain: repository names and call numbers.
//! `PA AA`, `Bundesarchiv`, `Hoover Institution Archives`; `R 43 I/132`, `FO 371/4958`, `F/7/13490`.

use super::value::lex::{char_at, skip_spaces};
use crate::tables;
use crate::text::{is_dash, WordMap};
use std::sync::OnceLock;

/// The words of `data/archives.tsv`, read on first use.
struct ArchiveWords {
    /// Repository acronyms, exactly as written (`BArch`, `PA`, `РГАСПИ`).
    repositories: WordMap<()>,
    /// Words of archival levels, exactly as written (`op`, `Ф`, `Box`, `box`).
    levels: WordMap<()>,
    /// Repository stems (`archiv`, `музе`), found inside words.
    stems: Stems,
}

fn archive_words() -> &'static ArchiveWords {
    static WORDS: OnceLock<ArchiveWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let exact = |class| {
            tables::ARCHIVES
                .class(class)
                .map(|row| (row.word.as_bytes(), ()))
                .collect()
        };
        ArchiveWords {
            repositories: exact("repository"),
            levels: exact("archival-level"),
            stems: Stems::new(
                tables::ARCHIVES
                    .class("repository-stem")
                    .map(|row| row.word),
            ),
        }
    })
}

/// The shortest and longest repository acronyms, in bytes: shorter or longer words are not
/// looked up (checked against `data/archives.tsv` by a test).
const ACRONYM_BYTES: std::ops::RangeInclusive<usize> = 2..=12;

/// The shortest repository stem, in bytes (checked against `data/archives.tsv` by a test).
const MIN_STEM_BYTES: usize = 4;

/// Whether `word` is a repository acronym of `data/archives.tsv`, written exactly so: one
/// hash lookup (this runs on every word of every reference).
fn is_known_repository(word: &str) -> bool {
    archive_words().repositories.contains_key(word.as_bytes())
}

/// The most chars a word of an archival level has (checked against `data/archives.tsv` by a
/// test), so that callers rule longer words out from their token alone.
pub(crate) const MAX_ARCHIVAL_LEVEL_CHARS: u8 = 6;

/// Whether `word` is written as a word of an archival level (`op`, `Ф`, `delo`, `Box`).
pub(crate) fn is_archival_level(word: &str) -> bool {
    archive_words().levels.contains_key(word.as_bytes())
}

/// Whether `word` alone shows a text may name a repository: a known acronym (`BArch`, `TNA`,
/// `РГАСПИ`) or a word with an archive stem (`Bundesarchiv`, `Archives`, `Library`, `архив`).
pub(crate) fn names_repository(word: &str) -> bool {
    // Most words are short: too short for a stem, or for an acronym.
    if word.len() < *ACRONYM_BYTES.start() {
        return false;
    }
    if word.len() <= *ACRONYM_BYTES.end() && is_known_repository(word) {
        return true;
    }
    if word.len() < MIN_STEM_BYTES {
        return false;
    }
    let stems = &archive_words().stems;
    if stems.found_in(word) {
        return true;
    }
    // `ARCHIVES`, `МУЗЕЙ`: lower a word written in capitals and look again.
    if word.chars().nth(1).is_some_and(char::is_uppercase) {
        let mut buf = [0u8; 64];
        return crate::text::lower_into(word, &mut buf).is_some_and(|lower| stems.found_in(lower));
    }
    false
}

/// Repository stems (`archiv`, `library`, `музе`), found inside a word in one pass over its
/// bytes. A stem matches without its first letter, and that letter is then checked in
/// either case, so that `Archiv` and `Bundesarchiv` both hold `archiv`.
struct Stems {
    /// For each byte, the stems whose second letter starts with it (an index into
    /// `groups`, plus one; zero for none).
    by_byte: [u8; 256],
    /// The stems, grouped by that byte.
    groups: Vec<Vec<Stem>>,
}

/// One repository stem, split after its first letter.
struct Stem {
    /// The first letter, lower case.
    first: char,
    /// The rest of the stem.
    rest: &'static [u8],
}

impl Stems {
    fn new(stems: impl Iterator<Item = &'static str>) -> Self {
        let mut found = Stems {
            by_byte: [0; 256],
            groups: Vec::new(),
        };
        for stem in stems {
            let mut chars = stem.chars();
            let (Some(first), rest) = (chars.next(), chars.as_str()) else {
                continue;
            };
            let rest = rest.as_bytes();
            let Some(&byte) = rest.first() else {
                continue;
            };
            let slot = &mut found.by_byte[usize::from(byte)];
            if *slot == 0 {
                found.groups.push(Vec::new());
                *slot = u8::try_from(found.groups.len()).unwrap_or(u8::MAX);
            }
            if let Some(group) = found.groups.get_mut(usize::from(*slot) - 1) {
                group.push(Stem { first, rest });
            }
        }
        found
    }

    /// Whether `word` holds a stem, its first letter in either case.
    fn found_in(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        (1..bytes.len()).any(|at| {
            let slot = self.by_byte[usize::from(bytes[at])];
            slot != 0
                && self.groups[usize::from(slot) - 1].iter().any(|stem| {
                    // (The second byte first: most words part ways with a stem there.)
                    bytes.get(at + 1) == stem.rest.get(1)
                        && bytes[at..].starts_with(stem.rest)
                        && word
                            .get(..at)
                            .and_then(|before| before.chars().next_back())
                            .is_some_and(|c| crate::text::lower_char(c) == stem.first)
                })
        })
    }
}

/// The longest repository name or name part looked at, in bytes.
const MAX_PART: usize = 160;

/// How a repository name was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Repository {
    /// A known acronym (`BArch`, `PA AA`) or a name with an archive word (`Bundesarchiv`).
    Named,
    /// Capitals only (`ЦГА РСФСР`, `AVP RF`): an acronym, but maybe not of an archive.
    Acronym,
}

/// The part of `text` from `start` to the next comma (exclusive), if it is short and holds no
/// sentence break (`;`, `:`, a full stop after a word of three or more letters).
fn part(text: &str, start: usize) -> Option<(&str, usize)> {
    let rest = text.get(start..)?;
    let window = rest.get(..MAX_PART.min(rest.len())).unwrap_or(rest);
    let window = match window.find(',') {
        Some(comma) => &window[..comma],
        None if rest.len() <= MAX_PART => window,
        None => return None,
    };
    let mut word = 0usize;
    for c in window.chars() {
        match c {
            ';' | ':' | '"' | '«' | '»' | '“' | '”' => return None,
            '.' if word >= 3 => return None,
            _ => {}
        }
        word = if c.is_alphabetic() { word + 1 } else { 0 };
    }
    Some((window, start + window.len()))
}

/// A repository name at `start` ending just before a comma: the kind and the comma's offset.
///
/// The name holds no digit, and is a known acronym (`BArch`, `PA AA`, `BArch-MA`), capitals
/// only (`ЦГА РСФСР`), or a name with an archive word (`Politisches Archiv des Auswärtigen
/// Amts (PA AA)`, `Hoover Institution Archives`). A bracketed acronym or place may follow.
pub(crate) fn repository_at(text: &str, start: usize) -> Option<(Repository, usize)> {
    let (name, end) = part(text, start)?;
    if char_at(text, end) != Some(',') || name.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut words = name
        .split(|c: char| crate::text::is_space(c) || matches!(c, '-' | '(' | ')'))
        .filter(|w| !w.is_empty());
    let first = words.next()?;
    let count = 1 + words.clone().count();
    if count > 12 {
        return None;
    }
    let known = is_known_repository;
    // `Service historique de la Défense (SHD)`: a known acronym in brackets names it too.
    let bracketed = name
        .split('(')
        .skip(1)
        .filter_map(|b| b.split([')', ' ', '-']).next())
        .any(known);
    if known(first) || bracketed || words.clone().chain([first]).any(names_repository) {
        return Some((Repository::Named, end));
    }
    let acronym = |w: &str| w.chars().count() >= 2 && w.chars().all(char::is_uppercase);
    (acronym(first) && words.all(acronym) && count <= 4).then_some((Repository::Acronym, end))
}

/// A call number at `start` (`R 43 I/132`, `FO 371/4958`, `GR 16 N 3187`, `F/7/13490`,
/// `861.00/1234`): where it ends, or `None`.
///
/// It is up to six words of capitals, digits and inner `/` `.` `-` `:`, at least one with a
/// digit; it ends at a comma, a semicolon, a final full stop or the end of the text. A lone
/// year (`1962`) is not a call number, and with `lettered` a number alone is not either
/// (`HMSO, 1962`): a capital letter or a slash must show it is a shelfmark.
pub(crate) fn call_number_at(text: &str, start: usize, lettered: bool) -> Option<usize> {
    let rest = text.get(start..)?;
    let mut end = start;
    let mut words = 0;
    let (mut digit, mut letter, mut slash) = (false, false, false);
    let mut at = 0;
    let bytes = rest.as_bytes();
    if let Some(end) = manuscript_at(rest) {
        return Some(start + end);
    }
    loop {
        // One word.
        let word_start = at;
        if let Some(len) = abbreviation_len(&bytes[at..], words == 0) {
            // `I.`, `Rep.`, `Tit.` in `I. HA Rep. 77`: a word of the call number, not its end.
            letter = true;
            words += 1;
            at = skip_spaces(rest, at + len);
            if words >= 6 || at >= rest.len() {
                return None;
            }
            continue;
        }
        let mut word_digit = false;
        for (i, c) in rest[at..].char_indices() {
            let i = at + i;
            let inner = |i: usize| {
                rest.get(i + 1..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_alphanumeric)
            };
            if c.is_ascii_digit() {
                word_digit = true;
            } else if c.is_alphabetic() {
                if !c.is_uppercase() {
                    return None;
                }
                letter = true;
            } else if matches!(c, '/' | '.' | ':') || is_dash(c) {
                if !inner(i) {
                    break;
                }
                slash |= c == '/';
            } else {
                break;
            }
            end = start + i + c.len_utf8();
        }
        let word_end = end - start;
        if word_end <= word_start {
            return None;
        }
        digit |= word_digit;
        words += 1;
        let year = words == 1
            && word_end - word_start == 4
            && rest[word_start..word_end]
                .parse::<u32>()
                .is_ok_and(|y| (1000..2100).contains(&y));
        at = word_end;
        let next = skip_spaces(rest, at);
        match bytes.get(next) {
            None | Some(b',' | b';' | b'.') => {
                let alone = words == 1 && year;
                let shown = !lettered || letter || slash;
                return (digit && !alone && shown).then_some(end);
            }
            Some(_) if next > at && words < 6 => at = next,
            Some(_) => return None,
        }
    }
}

/// The length of an abbreviation inside a German call number (`Rep. `, `Tit. `, `Abt. ` after
/// its first word; a Roman `I. ` or `X. ` anywhere): a capital, up to three lowercase ASCII
/// letters, a full stop and a space. A label first (`Bl. 45`) is no call number.
fn abbreviation_len(bytes: &[u8], first_word: bool) -> Option<usize> {
    let first = *bytes.first()?;
    if !first.is_ascii_uppercase() {
        return None;
    }
    let lower = bytes[1..]
        .iter()
        .take_while(|b| b.is_ascii_lowercase())
        .count();
    let dot = 1 + lower;
    let roman = lower == 0 && matches!(first, b'I' | b'V' | b'X');
    let ok = (roman || (!first_word && (1..=3).contains(&lower)))
        && bytes.get(dot) == Some(&b'.')
        && bytes.get(dot + 1) == Some(&b' ');
    ok.then_some(dot + 1)
}

/// A manuscript shelfmark at the start of `rest` (`MS. Eng. hist. c. 476`, `MS Milner dep.
/// 387`, `MSS Eur F 112`): `MS`/`MSS`, then words up to the next comma, at least one with a
/// digit; the offset where it ends.
fn manuscript_at(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let head = match bytes {
        [b'M', b'S', b'S', b'.' | b' ', ..] => 3,
        [b'M', b'S', b'.' | b' ', ..] => 2,
        _ => return None,
    };
    let part = rest.get(head..)?;
    let comma = part.find([',', ';']).unwrap_or(part.len());
    let body = part[..comma].trim_end_matches(['.', ' ']);
    let plain = body.len() <= 60
        && body.chars().any(|c| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '/' | '-'));
    plain.then_some(head + body.len())
}

/// A part between a repository and its call number or chain (`Kew`, `Boris I. Nicolaevsky
/// Collection`, `série E Levant`): words without digits, up to the next comma.
pub(crate) fn name_part_at(text: &str, start: usize) -> Option<usize> {
    let (name, end) = part(text, start)?;
    let words = name.split_whitespace().count();
    let ok = words > 0
        && words <= 8
        && char_at(text, start).is_some_and(char::is_alphabetic)
        && !name.chars().any(|c| c.is_ascii_digit());
    (ok && char_at(text, end) == Some(',')).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(text: &str) -> Option<&str> {
        call_number_at(text, 0, false).map(|end| &text[..end])
    }

    #[test]
    fn repositories_by_shape() {
        for (text, kind) in [
            ("PA AA, R 1", Repository::Named),
            ("BArch, R 43", Repository::Named),
            ("BArch-MA, RH 2", Repository::Named),
            ("TNA, FO 371", Repository::Named),
            ("The National Archives, Kew", Repository::Named),
            ("Archives nationales, F/7", Repository::Named),
            (
                "Politisches Archiv des Auswärtigen Amts (PA AA), R 1",
                Repository::Named,
            ),
            (
                "Bundesarchiv Berlin-Lichterfelde (BArch), NS 19",
                Repository::Named,
            ),
            ("Hoover Institution Archives, Box 3", Repository::Named),
            (
                "Государственный архив Омской области, ф. 1",
                Repository::Named,
            ),
            ("ЦГА РСФСР, ф. 130", Repository::Named),
            ("ОГАЧО РФ, ф. 1", Repository::Acronym),
            ("AVP RF, f. 04", Repository::Named),
            ("SHD, GR 16", Repository::Named),
            ("GStA PK, I. HA Rep. 77", Repository::Named),
            ("CADN, 36PO/1", Repository::Named),
        ] {
            let (found, end) = repository_at(text, 0).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(found, kind, "{text}");
            assert_eq!(&text[end..end + 1], ",", "{text}");
        }
        for text in [
            "Smith, R 43",
            "Bundesarchiv",
            "MS M.126, fol. 4r",
            "Lenin to Stalin, 12 May",
            "Smith J. Archives of the war. London, 1990",
            "Narimanov N. Letter, f. 1",
        ] {
            assert_eq!(repository_at(text, 0), None, "{text}");
        }
    }

    #[test]
    fn call_numbers_with_abbreviations_and_manuscripts() {
        assert_eq!(call("I. HA Rep. 77, Nr. 1234"), Some("I. HA Rep. 77"));
        assert_eq!(
            call("MS. Eng. hist. c. 476, fols. 20"),
            Some("MS. Eng. hist. c. 476")
        );
        assert_eq!(
            call("MS. Milner dep. 387, fols. 12"),
            Some("MS. Milner dep. 387")
        );
        assert_eq!(call("MS. Milner papers, fols. 12"), None);
        assert_eq!(call("Rep. of the Commission, 12"), None);
        assert_eq!(call("MSc thesis 12, Oxford"), None);
    }

    #[test]
    fn repository_words() {
        for word in [
            "BArch",
            "TNA",
            "RGASPI",
            "РГАСПИ",
            "Bundesarchiv",
            "Archives",
            "ARCHIVES",
            "Library",
            "Bibliothèque",
            "Institution",
            "Museum",
            "musée",
            "архив",
            "архива",
            "Музей",
            "МУЗЕЙ",
        ] {
            assert!(names_repository(word), "{word}");
        }
        for word in ["Smith", "FO", "Lenin", "", &"x".repeat(100)] {
            assert!(!names_repository(word), "{word}");
        }
    }

    #[test]
    fn length_guards_agree_with_the_table() {
        for row in tables::ARCHIVES.rows() {
            let (word, chars) = (row.word, row.word.chars().count());
            match row.class {
                "repository" => {
                    assert!(ACRONYM_BYTES.contains(&word.len()), "{row:?}");
                    assert!(names_repository(word), "{row:?}");
                }
                "repository-stem" => {
                    assert!(word.len() >= MIN_STEM_BYTES, "{row:?}");
                    let capitalised: String = word
                        .chars()
                        .enumerate()
                        .map(|(n, c)| {
                            if n == 0 {
                                c.to_uppercase().next().unwrap_or(c)
                            } else {
                                c
                            }
                        })
                        .collect();
                    for written in [word.to_string(), capitalised, word.to_uppercase()] {
                        assert!(names_repository(&written), "{written}");
                    }
                    assert!(names_repository(&format!("Bundes{word}")), "{word}");
                }
                "archival-level" => {
                    assert!(chars <= usize::from(MAX_ARCHIVAL_LEVEL_CHARS), "{row:?}");
                    assert!(is_archival_level(word), "{row:?}");
                }
                other => panic!("archives.tsv: unknown class {other}"),
            }
        }
        assert!(!is_archival_level("BOX"));
        assert!(!is_archival_level("Op"));
    }

    #[test]
    fn call_numbers() {
        for (text, written) in [
            ("R 43 I/132, Bl. 45", "R 43 I/132"),
            ("FO 371/4958, fol. 134", "FO 371/4958"),
            ("GR 16 N 3187, pièce 12", "GR 16 N 3187"),
            ("F/7/13490.", "F/7/13490"),
            ("861.00/1234", "861.00/1234"),
            ("R 14086.", "R 14086"),
            ("NS 19/1234; x", "NS 19/1234"),
            ("E 1456/134/44.", "E 1456/134/44"),
            ("CAB 24/118", "CAB 24/118"),
        ] {
            assert_eq!(call(text), Some(written), "{text}");
        }
        for text in [
            "1962",
            "1962, p. 5",
            "Bl. 45",
            "Kew, FO 371",
            "f. 12",
            "R",
            "A B C D E F G 1",
            "R 43 of",
        ] {
            assert_eq!(call(text), None, "{text}");
        }
        assert_eq!(call_number_at("12345, x", 0, true), None);
        assert_eq!(call_number_at("12345, x", 0, false), Some(5));
    }

    #[test]
    fn name_parts() {
        assert_eq!(name_part_at("Kew, FO 371", 0), Some(3));
        assert_eq!(
            name_part_at("Boris I. Nicolaevsky Collection, Box 3", 0),
            Some(31)
        );
        assert_eq!(name_part_at("série E Levant, Turquie,", 0), Some(15));
        assert_eq!(name_part_at("Kew", 0), None);
        assert_eq!(name_part_at("vol. 45, f° 12", 0), None);
        assert_eq!(name_part_at("1921, p. 5", 0), None);
    }
}
