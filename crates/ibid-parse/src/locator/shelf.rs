//! Shapes of archival text around a locator chain: repository names and call numbers.
//! `PA AA`, `Bundesarchiv`, `Hoover Institution Archives`; `R 43 I/132`, `FO 371/4958`, `F/7/13490`.

use super::value::lex::{char_at, skip_spaces};
use crate::text::is_dash;

/// Repository acronyms that are not written in capitals only, or that are short enough to be
/// taken for something else (`BArch`, `TsGA`, `PA AA`, `AN`).
const KNOWN_REPOSITORIES: [&str; 28] = [
    "AMAE",
    "AN",
    "AVP",
    "BArch",
    "CADN",
    "GARF",
    "GStA",
    "Hoover",
    "NARA",
    "PA",
    "PRO",
    "RGAE",
    "RGANI",
    "RGASPI",
    "RGVA",
    "SHD",
    "TNA",
    "TsGA",
    "TsGAOR",
    "АВП",
    "ГАОО",
    "ГАРФ",
    "РГАНИ",
    "РГАСПИ",
    "РГАЭ",
    "РГВА",
    "ЦГА",
    "ЦГАОР",
];

/// Whether `word` is one of the [`KNOWN_REPOSITORIES`], written exactly so: one hash lookup
/// (this runs on every word of every reference).
fn is_known_repository(word: &str) -> bool {
    static SET: std::sync::OnceLock<crate::text::WordMap<()>> = std::sync::OnceLock::new();
    SET.get_or_init(|| crate::text::word_set(&KNOWN_REPOSITORIES))
        .contains_key(word.as_bytes())
}

/// Whether `word` alone shows a text may name a repository: a known acronym (`BArch`, `TNA`,
/// `РГАСПИ`) or a word with an archive stem (`Bundesarchiv`, `Archives`, `Library`, `архив`).
pub(crate) fn names_repository(word: &str) -> bool {
    // Every acronym is at least two characters long, every stem four; most words are short.
    if word.len() < 2 {
        return false;
    }
    // Every known acronym is at most six letters long, twelve bytes in Cyrillic.
    if word.len() <= 12 && is_known_repository(word) {
        return true;
    }
    if word.len() < 4 {
        return false;
    }
    if has_repository_stem(word) {
        return true;
    }
    // `ARCHIVES`, `МУЗЕЙ`: lower a word written in capitals and look again.
    if word.chars().nth(1).is_some_and(char::is_uppercase) {
        let mut buf = [0u8; 64];
        return crate::text::lower_into(word, &mut buf).is_some_and(has_repository_stem);
    }
    false
}

/// Whether `word` contains a word stem that makes a name a repository (`Bundesarchiv`,
/// `Archives nationales`, `Bibliothèque`, `Hoover Institution`, `музей`). Stems are listed
/// without their first letter, so that they match in a capitalised word too (`Archiv`,
/// `archiv`); callers lower words written in capitals first. One pass over the bytes: a stem
/// is compared only where the word's next bytes are that stem's first ones.
fn has_repository_stem(word: &str) -> bool {
    let bytes = word.as_bytes();
    let mut at = 0;
    while let (Some(&first), Some(&second)) = (bytes.get(at), bytes.get(at + 1)) {
        let third = bytes.get(at + 2).copied();
        let stem = match (first, second) {
            (b'r', b'c') => "rchiv",
            (b'i', b'b') if third == Some(b'r') => "ibrary",
            (b'i', b'b') => "iblioth",
            (b'n', b's') => "nstitution",
            (b'u', b's') if third == Some(b'e') => "useum",
            (b'u', b's') => "usée",
            (0xD1, 0x80) => "рхив",
            (0xD0, 0xB8) => "иблиотек",
            (0xD0, 0xBC) => "музе",
            (0xD0, 0x9C) => "Музе",
            _ => {
                at += 1;
                continue;
            }
        };
        if bytes[at..].starts_with(stem.as_bytes()) {
            return true;
        }
        at += 1;
    }
    false
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
        for acronym in KNOWN_REPOSITORIES {
            assert!(
                acronym.len() <= 12,
                "{acronym} is longer than the length check allows"
            );
            assert!(names_repository(acronym), "{acronym}");
        }
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
