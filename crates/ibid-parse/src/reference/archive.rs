//! Archival references: repository and the chain fond / inventory / file / leaves.
//! The repository is the text before the first archival level; the chain is a locator list.

use super::ArchivalReference;
use crate::locator::{
    call_number_at, explain_locator_error, is_count, name_part_at, names_repository, repository_at,
    scan_archival_chain, Locator, LocatorLabel, Repository,
};
use crate::text::is_space;
use crate::{ParseError, ParseErrorKind, Parsed, Span};

/// Parse `input` as an archival reference (`RGASPI, f. 558, op. 11, d. 97, ll. 67-70`).
///
/// Everything before the first archival level is the repository (`RGASPI`, `ГАОО`,
/// `MS M.126`); when a comma follows its first part, the rest belongs to the location
/// (`Bundesarchiv, R 43 I/1309, Bl. 12`). Text after the chain, other than a final full
/// stop, is kept as the remainder with an error.
///
/// ```
/// use ibid_parse::{parse_archival, LocatorLabel};
///
/// let input = "РГАСПИ. Ф. 17. Оп. 3. Д. 1234. Л. 5–6 об.";
/// let archive = parse_archival(input).value.unwrap();
/// assert_eq!(archive.repository.unwrap().slice(input), "РГАСПИ");
/// let labels: Vec<_> = archive.locators.iter().map(|l| l.label).collect();
/// assert_eq!(
///     labels,
///     [LocatorLabel::Fond, LocatorLabel::Inventory, LocatorLabel::File, LocatorLabel::Folio]
/// );
/// ```
pub fn parse_archival(input: &str) -> Parsed<Option<ArchivalReference>> {
    let start = skip_spaces(input, 0);
    let trimmed_end = input.trim_end_matches(is_space).len();
    if start >= trimmed_end {
        return Parsed::ok(None);
    }
    let found = find(input, start, false);
    let Some(reference) = found else {
        let span = Span::new(start, trimmed_end);
        return Parsed {
            value: None,
            errors: vec![ParseError::new(
                ParseErrorKind::NotRecognized,
                "no archival level found: expected a fond, inventory, file, folio, box or \
                 folder, as in `f. 558, op. 11, d. 97, l. 5`",
                span,
            )],
            remainder: Some(span),
        };
    };
    let tail = skip_spaces(input, reference.span.end);
    if tail >= trimmed_end || input.get(tail..trimmed_end) == Some(".") {
        return Parsed::ok(Some(reference));
    }
    let error = explain_locator_error(input, reference.span.end);
    Parsed {
        value: Some(reference),
        errors: vec![error],
        remainder: Some(Span::new(tail, trimmed_end)),
    }
}

/// Parse an archival reference starting at byte `at` of `text`; spans are offsets into `text`.
///
/// The chain is the first list of locators after `at` that holds an archival level (fond,
/// inventory, file, box, folder), or a folio when a repository precedes it. The repository is
/// taken from the last sentence before the chain (`Letter of 12 May 1921. RGASPI, f. 2`).
pub(crate) fn scan_archival(text: &str, at: usize) -> Option<ArchivalReference> {
    find(text, skip_spaces(text, at), true)
}

/// An archival reference at byte `at` of `text` read by the shape of its parts alone: a
/// repository name, then call numbers and name parts, then perhaps a locator list.
pub(crate) fn shelved_archival(text: &str, at: usize) -> Option<ArchivalReference> {
    shelved(text, skip_spaces(text, at))
}

fn skip_spaces(text: &str, at: usize) -> usize {
    let Some(rest) = text.get(at..) else {
        return at;
    };
    at + (rest.len() - rest.trim_start_matches(is_space).len())
}

/// Whether `locators` make an archival chain: an archival level, or a folio after a
/// repository (`MS M.126, fol. 4r`). Counts (`320 л.`) do not count.
fn is_archival(locators: &[Locator], has_repository: bool) -> bool {
    use LocatorLabel::*;
    locators.iter().filter(|l| !is_count(l)).any(|l| {
        matches!(l.label, Fond | Inventory | File | Box | Folder)
            || (has_repository && l.label == Folio)
    })
}

/// Characters after which a new token (and possibly the chain) may begin.
fn is_delimiter(c: char) -> bool {
    is_space(c)
        || matches!(
            c,
            ',' | ';' | ':' | '(' | ')' | '[' | ']' | '«' | '»' | '"' | '“' | '”'
        )
}

/// The start of the token after the one at `pos` (always past `pos`).
fn next_token(text: &str, pos: usize) -> usize {
    let Some(rest) = text.get(pos..) else {
        return text.len();
    };
    let mut after_delimiter = false;
    for (i, c) in rest.char_indices() {
        if i == 0 {
            after_delimiter = is_delimiter(c);
        } else if is_delimiter(c) {
            after_delimiter = true;
        } else if after_delimiter {
            return pos + i;
        }
    }
    text.len()
}

/// Look for a chain from `start` on, token by token; a list that is not archival is skipped
/// whole, so every byte is looked at a bounded number of times.
fn find(text: &str, start: usize, last_sentence: bool) -> Option<ArchivalReference> {
    if let Some(reference) = shelved(text, start) {
        return Some(reference);
    }
    let mut pos = start;
    while pos < text.len() {
        let (locators, end) = scan_archival_chain(text, pos);
        if locators.is_empty() {
            pos = next_token(text, pos);
            continue;
        }
        if is_archival(&locators, has_text(text, start, pos)) {
            return Some(build(text, start, pos, locators, end, last_sentence));
        }
        pos = next_token(text, end.max(pos));
    }
    None
}

/// The most comma-separated parts read after a repository.
const MAX_PARTS: usize = 8;

/// A repository named by its shape at `start`, then comma-separated parts: call numbers
/// (`R 43 I/132`, `FO 371/4958`), names (`Kew`, `Nicolaevsky Collection`) and at last a
/// locator list (`Bl. 23–25`, `pièce 12`, `f. 04, op. 39`), which needs no archival level.
///
/// `PA AA, R 14086, Bl. 23–25` and `Archives nationales, F/7/13490` are archival references:
/// there must be a call number or a locator list after the repository.
fn shelved(text: &str, start: usize) -> Option<ArchivalReference> {
    let (kind, comma) = repository_at(text, start)?;
    let location = skip_spaces(text, comma + 1);
    let mut pos = location;
    let mut end = None;
    let mut locators = Vec::new();
    for _ in 0..MAX_PARTS {
        let (chain, chain_end) = scan_archival_chain(text, pos);
        if !chain.is_empty() && !chain.iter().any(is_count) {
            locators = chain;
            end = Some(chain_end);
            break;
        }
        if let Some(after) = call_number_at(text, pos, kind == Repository::Acronym) {
            end = Some(after);
            pos = after;
        } else if let Some(after) = name_part_at(text, pos) {
            pos = after;
        } else {
            break;
        }
        if !text.get(pos..).is_some_and(|rest| rest.starts_with(',')) {
            break;
        }
        pos = skip_spaces(text, pos + 1);
    }
    let end = end?;
    let repository = trim_repository(text, Span::new(start, comma));
    Some(ArchivalReference {
        repository: Some(repository),
        location: Some(Span::new(location, end)),
        locators,
        span: Span::new(repository.start, end),
    })
}

/// Whether there is more than separators between `start` and `end`.
fn has_text(text: &str, start: usize, end: usize) -> bool {
    text.get(start..end)
        .is_some_and(|t| t.chars().any(|c| !is_delimiter(c) && c != '.'))
}

/// Assemble the reference whose chain starts at `chain` and ends at `end`.
fn build(
    text: &str,
    start: usize,
    chain: usize,
    locators: Vec<Locator>,
    end: usize,
    last_sentence: bool,
) -> ArchivalReference {
    let segment = if last_sentence {
        sentence_start(text, start, chain)
    } else {
        start
    };
    let before = text.get(segment..chain).unwrap_or("");
    let (repository, location) = if has_text(text, segment, chain) {
        // The repository is the first comma-separated part; the rest is the location.
        match before.find(',') {
            Some(comma) if has_text(text, segment + comma + 1, chain) => {
                let repository = trim_repository(text, Span::new(segment, segment + comma));
                let location = skip_spaces(text, segment + comma + 1);
                (Some(repository), location)
            }
            _ => {
                let repository = trim_repository(text, Span::new(segment, chain));
                match split_call_number(text, repository) {
                    Some((repository, location)) => (Some(repository), location),
                    None => (Some(repository), chain),
                }
            }
        }
    } else {
        (None, chain)
    };
    let span_start = repository.map_or(chain, |r| r.start);
    ArchivalReference {
        repository,
        location: Some(Span::new(location, end)),
        locators,
        span: Span::new(span_start, end),
    }
}

/// A repository written with its call number and no comma between them (`BArch R 901/71200`):
/// the repository's name (at least one word naming an archive) and where the call number
/// starts, when the rest of `span` is one.
fn split_call_number(text: &str, span: Span) -> Option<(Span, usize)> {
    let written = span.slice(text);
    let mut name_end = None;
    for (offset, c) in written.char_indices() {
        if !is_space(c) {
            continue;
        }
        let at = skip_spaces(text, span.start + offset);
        let name = Span::new(span.start, span.start + offset);
        let names = name.slice(text).split(is_space).any(names_repository);
        if names && call_number_at(text, at, true).is_some_and(|end| end >= span.end) {
            name_end = Some((name, at));
            break;
        }
    }
    name_end
}

/// `span` without leading spaces and trailing separators; a full stop is kept after a short
/// abbreviation (`Arch. Nat.`) and dropped after an acronym (`ГАОО.`).
fn trim_repository(text: &str, span: Span) -> Span {
    let written = span.slice(text);
    let lead = written.len() - written.trim_start_matches(is_space).len();
    let mut body = written.trim_start_matches(is_space);
    loop {
        let trimmed = body.trim_end_matches(|c: char| is_space(c) || matches!(c, ',' | ';' | ':'));
        let dropped = match trimmed.strip_suffix('.') {
            Some(without) if !is_abbreviation(without) => without,
            _ => trimmed,
        };
        if dropped.len() == body.len() {
            break;
        }
        body = dropped;
    }
    let start = span.start + lead;
    Span::new(start, start + body.len())
}

/// Whether `text` ends in a short word with a lower-case letter (`Arch`, `Nat`, `Bibl`), which
/// a full stop abbreviates.
fn is_abbreviation(text: &str) -> bool {
    let word: Vec<char> = text
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .take(5)
        .collect();
    !word.is_empty() && word.len() <= 4 && word.iter().any(|c| c.is_lowercase())
}

/// The start of the last sentence in `start..chain`: after `;`, `: ` or a full stop that ends
/// a sentence (after a word of five or more letters with a lower-case one, a digit, or a
/// closing bracket) and is followed by a space.
fn sentence_start(text: &str, start: usize, chain: usize) -> usize {
    let Some(before) = text.get(start..chain) else {
        return start;
    };
    let bytes = before.as_bytes();
    let mut segment = 0;
    let mut word_len = 0usize;
    let mut word_lower = false;
    // Whether the word before this one was an acronym (`ФСБ` in `ЦА ФСБ России.`), and
    // whether this one is capitalised: a name after an acronym ends no sentence.
    let (mut after_acronym, mut acronym, mut capital) = (false, false, false);
    let mut previous: Option<char> = None;
    for (i, c) in before.char_indices() {
        let next_is_space = before[i + c.len_utf8()..].starts_with(is_space);
        match c {
            ';' => segment = i + 1,
            ':' if next_is_space => segment = i + 1,
            '.' if next_is_space => {
                let named = after_acronym && capital;
                let ends_sentence = (word_len >= 5 && word_lower && !named)
                    || previous.is_some_and(|p| {
                        p.is_ascii_digit() || matches!(p, ')' | ']' | '»' | '”' | '"')
                    });
                if ends_sentence && i + 1 < bytes.len() {
                    segment = i + 1;
                }
            }
            _ => {}
        }
        if c.is_alphabetic() {
            if word_len == 0 {
                capital = c.is_uppercase();
                acronym = true;
            }
            word_len += 1;
            word_lower |= c.is_lowercase();
            acronym &= c.is_uppercase();
        } else {
            if word_len > 0 {
                after_acronym = acronym && word_len >= 2 && is_space(c);
            } else if !is_space(c) {
                after_acronym = false;
            }
            word_len = 0;
            word_lower = false;
        }
        previous = Some(c);
    }
    skip_spaces(text, start + segment)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn archival(input: &str) -> (Option<String>, Option<String>, Vec<(LocatorLabel, String)>) {
        let parsed = parse_archival(input);
        assert!(parsed.is_clean(), "{input}: {:?}", parsed.errors);
        let reference = parsed.value.expect("an archival reference");
        (
            reference.repository.map(|s| s.slice(input).to_string()),
            reference.location.map(|s| s.slice(input).to_string()),
            reference
                .locators
                .iter()
                .map(|l| (l.label, l.value_text(input).to_string()))
                .collect(),
        )
    }

    fn levels(list: &[(LocatorLabel, &str)]) -> Vec<(LocatorLabel, String)> {
        list.iter().map(|(l, v)| (*l, v.to_string())).collect()
    }

    use LocatorLabel::*;

    #[test]
    fn transliterated_chain() {
        let (repository, location, locators) = archival("RGASPI, f. 558, op. 11, d. 97, ll. 67-70");
        assert_eq!(repository.as_deref(), Some("RGASPI"));
        assert_eq!(
            location.as_deref(),
            Some("f. 558, op. 11, d. 97, ll. 67-70")
        );
        assert_eq!(
            locators,
            levels(&[
                (Fond, "558"),
                (Inventory, "11"),
                (File, "97"),
                (Folio, "67-70")
            ])
        );
        let (_, _, locators) = archival("RGASPI, f. 2, op. 1, d. 17663, l. 1");
        assert_eq!(
            locators,
            levels(&[(Fond, "2"), (Inventory, "1"), (File, "17663"), (Folio, "1")])
        );
    }

    #[test]
    fn repositories_named_after_an_acronym_and_by_shelfmark() {
        let (repository, _, locators) = archival("ЦА ФСБ России. Ф. 1. Оп. 5. Д. 12. Л. 45–46.");
        assert_eq!(repository.as_deref(), Some("ЦА ФСБ России"));
        assert_eq!(locators.len(), 4);
        let (repository, location, locators) =
            archival("Bodleian Library, Oxford, MS. Eng. hist. c. 476, fols. 20–23.");
        assert_eq!(repository.as_deref(), Some("Bodleian Library"));
        assert_eq!(
            location.as_deref(),
            Some("Oxford, MS. Eng. hist. c. 476, fols. 20–23")
        );
        assert_eq!(locators, levels(&[(Folio, "20–23")]));
        let (repository, _, locators) = archival("GStA PK, I. HA Rep. 77, Nr. 1234, Bl. 5.");
        assert_eq!(repository.as_deref(), Some("GStA PK"));
        assert_eq!(locators.last(), Some(&(Folio, "5".to_string())));
        let (repository, _, locators) = archival("CADN, 36PO/1, carton 12.");
        assert_eq!(repository.as_deref(), Some("CADN"));
        assert_eq!(locators, levels(&[(Box, "12")]));
        // A sentence after a plain word still ends before the chain.
        let (repository, _, _) = archival("Письмо Сталину. РГАСПИ. Ф. 558. Оп. 11. Д. 1.");
        assert_eq!(repository.as_deref(), Some("Письмо Сталину. РГАСПИ"));
    }

    #[test]
    fn russian_chain() {
        let (repository, location, locators) =
            archival("РГАСПИ. Ф. 17. Оп. 3. Д. 1234. Л. 5–6 об.");
        assert_eq!(repository.as_deref(), Some("РГАСПИ"));
        assert_eq!(
            location.as_deref(),
            Some("Ф. 17. Оп. 3. Д. 1234. Л. 5–6 об.")
        );
        assert_eq!(
            locators,
            levels(&[
                (Fond, "17"),
                (Inventory, "3"),
                (File, "1234"),
                (Folio, "5–6 об.")
            ])
        );
        let (repository, _, locators) = archival("ГАРФ, ф. Р-130, оп. 5, д. 12, л. 3 об.");
        assert_eq!(repository.as_deref(), Some("ГАРФ"));
        assert_eq!(
            locators,
            levels(&[
                (Fond, "Р-130"),
                (Inventory, "5"),
                (File, "12"),
                (Folio, "3 об.")
            ])
        );
    }

    #[test]
    fn several_files() {
        let (repository, _, locators) = archival("ГАОО. Ф. 235. Оп. 7. Д. 42; Оп. 8. Д. 4794");
        assert_eq!(repository.as_deref(), Some("ГАОО"));
        assert_eq!(
            locators,
            levels(&[
                (Fond, "235"),
                (Inventory, "7"),
                (File, "42"),
                (Inventory, "8"),
                (File, "4794")
            ])
        );
    }

    #[test]
    fn other_archives() {
        let (repository, location, locators) = archival("Box 3, Folder 9");
        assert_eq!(
            (repository, location.as_deref()),
            (None, Some("Box 3, Folder 9"))
        );
        assert_eq!(locators, levels(&[(Box, "3"), (Folder, "9")]));
        let (repository, location, locators) = archival("MS M.126, fol. 4r");
        assert_eq!(repository.as_deref(), Some("MS M.126"));
        assert_eq!(location.as_deref(), Some("fol. 4r"));
        assert_eq!(locators, levels(&[(Folio, "4r")]));
        let (repository, location, locators) = archival("Bundesarchiv, R 43 I/1309, Bl. 12");
        assert_eq!(repository.as_deref(), Some("Bundesarchiv"));
        assert_eq!(location.as_deref(), Some("R 43 I/1309, Bl. 12"));
        assert_eq!(locators, levels(&[(Folio, "12")]));
        let (repository, _, _) = archival("Arch. Nat., F7 12345, dossier 3");
        assert_eq!(repository.as_deref(), Some("Arch. Nat."));
    }

    #[test]
    fn a_named_repository_with_a_shelfmark_only() {
        let (repository, location, locators) = archival("Bundesarchiv, R 43 I/1309");
        assert_eq!(repository.as_deref(), Some("Bundesarchiv"));
        assert_eq!(location.as_deref(), Some("R 43 I/1309"));
        assert!(locators.is_empty());
        assert_eq!(parse_archival("Smith, R 43").value, None);
        assert_eq!(parse_archival("Bundesarchiv, Berlin").value, None);
    }

    #[test]
    fn a_repository_and_a_call_number() {
        for (input, repository, location, chain) in [
            (
                "PA AA, R 14086, Bl. 23–25",
                "PA AA",
                "R 14086, Bl. 23–25",
                &[(Folio, "23–25")][..],
            ),
            ("BArch, R 43 I/132", "BArch", "R 43 I/132", &[]),
            ("BArch, NS 19/1234.", "BArch", "NS 19/1234", &[]),
            (
                "BArch-MA, RH 2/2415, fol. 12.",
                "BArch-MA",
                "RH 2/2415, fol. 12",
                &[(Folio, "12")],
            ),
            (
                "TNA, FO 371/4958, fol. 134.",
                "TNA",
                "FO 371/4958, fol. 134",
                &[(Folio, "134")],
            ),
            (
                "The National Archives, Kew, FO 371/5168, f. 12",
                "The National Archives",
                "Kew, FO 371/5168, f. 12",
                &[(Folio, "12")],
            ),
            (
                "The National Archives, Kew, FO 371/5168, E 1456/134/44.",
                "The National Archives",
                "Kew, FO 371/5168, E 1456/134/44",
                &[],
            ),
            (
                "Archives nationales, F/7/13490.",
                "Archives nationales",
                "F/7/13490",
                &[],
            ),
            ("SHD, GR 16 N 3187", "SHD", "GR 16 N 3187", &[]),
            (
                "Service historique de la Défense (SHD), GR 16 N 3187, pièce 12.",
                "Service historique de la Défense (SHD)",
                "GR 16 N 3187, pièce 12",
                &[(Document, "12")],
            ),
            (
                "Politisches Archiv des Auswärtigen Amts, R 14086",
                "Politisches Archiv des Auswärtigen Amts",
                "R 14086",
                &[],
            ),
            (
                "NARA, RG 59, 861.00/1234",
                "NARA",
                "RG 59, 861.00/1234",
                &[],
            ),
            (
                "Hoover Institution Archives, Boris Nicolaevsky Collection, Box 3, Folder 9",
                "Hoover Institution Archives",
                "Boris Nicolaevsky Collection, Box 3, Folder 9",
                &[(Box, "3"), (Folder, "9")],
            ),
            (
                "ЦГА РСФСР, ф. 130, оп. 3, д. 12",
                "ЦГА РСФСР",
                "ф. 130, оп. 3, д. 12",
                &[(Fond, "130"), (Inventory, "3"), (File, "12")],
            ),
        ] {
            let (r, l, locators) = archival(input);
            assert_eq!(r.as_deref(), Some(repository), "{input}");
            assert_eq!(l.as_deref(), Some(location), "{input}");
            assert_eq!(locators, levels(chain), "{input}");
        }
    }

    #[test]
    fn folders_in_a_chain() {
        let (_, _, locators) = archival("AVP RF, f. 04, op. 39, p. 232, d. 52987, l. 12");
        let expected = [
            (Fond, "04"),
            (Inventory, "39"),
            (Folder, "232"),
            (File, "52987"),
            (Folio, "12"),
        ];
        assert_eq!(locators, levels(&expected));
        let (repository, _, locators) = archival("АВП РФ. Ф. 04. Оп. 39. П. 232. Д. 52987. Л. 12");
        assert_eq!(repository.as_deref(), Some("АВП РФ"));
        assert_eq!(locators, levels(&expected));
    }

    #[test]
    fn a_call_number_starts_right_at_the_repository() {
        let text = "Wangenheim an Bethmann Hollweg, 7.7.1915, PA AA, R 14086.";
        let reference = scan_archival(text, text.find("PA").unwrap()).unwrap();
        assert_eq!(reference.span.slice(text), "PA AA, R 14086");
        assert_eq!(scan_archival(text, 0), None);
        // A year or a plain number after an acronym is not a call number.
        assert_eq!(scan_archival("(London: HMSO, 1962), 45", 10), None);
        assert_eq!(scan_archival("HMSO, 45", 0), None);
    }

    #[test]
    fn a_folio_alone_needs_a_repository() {
        assert_eq!(parse_archival("fol. 4r").value, None);
        assert_eq!(parse_archival("p. 12").value, None);
    }

    #[test]
    fn scanning_inside_a_reference() {
        let text = "Narimanov to Lenin, 16 February 1921. RGASPI, f. 2, op. 1, d. 17663, l. 1. Published in";
        let reference = scan_archival(text, 0).unwrap();
        assert_eq!(reference.repository.unwrap().slice(text), "RGASPI");
        assert_eq!(
            reference.span.slice(text),
            "RGASPI, f. 2, op. 1, d. 17663, l. 1"
        );
        assert_eq!(reference.locators.len(), 4);
        // A list that is not archival is skipped, not mistaken for the chain.
        let text = "Smith, vol. 2, p. 5; ГАОО. Ф. 235. Оп. 7";
        let reference = scan_archival(text, 0).unwrap();
        assert_eq!(reference.repository.unwrap().slice(text), "ГАОО");
        assert_eq!(scan_archival("Smith, vol. 2, p. 5", 0), None);
    }

    #[test]
    fn errors_keep_the_rest() {
        let parsed = parse_archival("RGASPI, f. 558, op. 11, d. 97, xyz 5");
        assert_eq!(
            parsed
                .remainder
                .map(|s| s.slice("RGASPI, f. 558, op. 11, d. 97, xyz 5")),
            Some(", xyz 5")
        );
        assert_eq!(parsed.errors[0].message, "unknown locator label `xyz`");
        let parsed = parse_archival("Some archive");
        assert!(parsed.value.is_none() && parsed.remainder.is_some());
        assert!(parse_archival("  ").is_clean());
        // A final full stop is not a remainder.
        assert!(parse_archival("ГАРФ. Ф. 5. Оп. 1. Д. 3.").is_clean());
    }

    /// Every span of a scanned reference lies inside the text, on char boundaries, in order.
    fn check_spans(text: &str, reference: &ArchivalReference, at: usize) {
        let ok = |s: Span| {
            s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        };
        assert!(ok(reference.span) && reference.span.start >= at, "{text:?}");
        for span in reference.repository.iter().chain(&reference.location) {
            assert!(
                ok(*span) && span.start >= reference.span.start && span.end <= reference.span.end,
                "{text:?}"
            );
        }
        for locator in &reference.locators {
            assert!(ok(locator.span) && ok(locator.value), "{text:?}");
            assert!(
                locator.span.start >= reference.span.start
                    && locator.span.end <= reference.span.end
            );
        }
    }

    #[test]
    fn scanning_from_any_offset_of_mixed_text_is_safe() {
        const PIECES: [&str; 24] = [
            "RGASPI", "ГАОО", ". ", ", ", "; ", ": ", "f. ", "op. ", "d. ", "ll. ", "Ф. ", "Оп. ",
            "Д. ", "Л. ", "5", "–6", " об.", "Р-175", "Box 3", "fol. 4r", "Lenin. ", "é", "\u{a0}",
            "(",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..400 {
            let len = (next() % 16) as usize;
            let text: String = (0..len).map(|_| PIECES[(next() % 24) as usize]).collect();
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                if let Some(reference) = scan_archival(&text, at) {
                    check_spans(&text, &reference, at);
                }
            }
            let parsed = parse_archival(&text);
            if let Some(reference) = &parsed.value {
                check_spans(&text, reference, 0);
            }
        }
    }

    #[test]
    fn pathological_inputs_end() {
        for input in [
            ".".repeat(100_000),
            "p. ".repeat(30_000),
            "1".repeat(100_000),
            "[".repeat(100_000),
            "f. ".repeat(30_000),
            "RGASPI, ".repeat(20_000),
        ] {
            let parsed = parse_archival(&input);
            assert!(parsed.value.is_none() || parsed.remainder.is_some() || parsed.is_clean());
        }
    }
}
