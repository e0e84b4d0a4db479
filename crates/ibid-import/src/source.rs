//! The source line (`Source:`, `Источник:`, `Quelle:`, `Source :`) and archival lines
//! (`RGASPI, f. …`, `РГАСПИ. Ф. …`): `[source] cite`, or `key` + `locator` when the cite
//! matches an entry of the target corpus's bibliography, and `archive`.

use crate::fields::{Found, Origin, SourceFields};
use crate::language::detect;
use crate::placement::{Claims, Place};
use crate::words::{strip_prefix_ci, words, Role};
use ibid_provenance::{Bibliography, Source, Text};

/// An unlabelled line longer than this is not an archival reference.
const MAX_ARCHIVE_CHARS: usize = 160;

/// Claim source and archive lines and read them.
pub(crate) fn find(
    lines: &[String],
    claims: &mut Claims,
    bibliography: Option<&Bibliography>,
) -> SourceFields {
    let mut source = SourceFields::default();
    for (i, line) in lines.iter().enumerate() {
        if !claims.is_free(i) || line.trim().is_empty() {
            continue;
        }
        let trimmed = line.trim_start();
        if let Some(value) = after_label(trimmed, Role::Source) {
            let value = archival_stop(value);
            let origin = Origin::within(i, line, value);
            if is_archival(value) {
                if source.archive.is_none() {
                    source.archive = Some(Found::read(value, origin));
                    claims.claim(i, Place::Archive);
                }
            } else if source.cite.is_none() {
                source.cite = Some(Found::read(value, origin));
                claims.claim(i, Place::Source);
            }
        } else if let Some(value) = after_label(trimmed, Role::Archive) {
            let value = archival_stop(value);
            if source.archive.is_none() && is_archival(value) {
                source.archive = Some(Found::read(value, Origin::within(i, line, value)));
                claims.claim(i, Place::Archive);
            }
        } else if source.archive.is_none()
            && trimmed.chars().count() <= MAX_ARCHIVE_CHARS
            && starts_with_repository(trimmed)
            && is_archival(trimmed.trim_end())
        {
            let value = trimmed.trim_end().trim_end_matches('.');
            source.archive = Some(Found::read(value, Origin::within(i, line, value)));
            claims.claim(i, Place::Archive);
        }
    }
    if let Some(cite) = &source.cite {
        if let Some(lang) = detect(&cite.value) {
            source.language = Some(Found::read_as(
                lang.code,
                cite.from
                    .clone()
                    .unwrap_or_else(|| Origin::at(0, "", 0, "")),
                format!("the source line is written in {}", lang.evidence),
            ));
        }
        if let Some((key, locator)) = bibliography.and_then(|b| match_entry(&cite.value, b)) {
            let origin = cite.from.clone();
            source.key = Some(Found {
                value: key.clone(),
                from: origin.clone(),
                basis: Some(format!(
                    "the cite names the author and title of bibliography entry `{key}`"
                )),
            });
            if let (Some(locator), Some(origin)) = (locator, origin) {
                let offset = cite.value.len() - locator.len();
                let column = origin.column + cite.value[..offset].chars().count();
                source.locator = Some(Found::read(
                    locator.clone(),
                    Origin {
                        line: origin.line,
                        column,
                        text: locator,
                    },
                ));
            }
        }
    }
    source
}

/// The text after a label of `role` at the start of `line`, trimmed; `None` when there is
/// no label or nothing after it.
pub(crate) fn after_label(line: &str, role: Role) -> Option<&str> {
    strip_label(line, role)
        .map(|(_, rest)| rest)
        .filter(|rest| !rest.is_empty())
}

/// The label of `role` that starts `line` (as written) and the trimmed text after it.
pub(crate) fn strip_label(line: &str, role: Role) -> Option<(&str, &str)> {
    let first = line.chars().next()?;
    if !words().may_start_label(role, first) {
        return None;
    }
    words().labels(role).find_map(|label| {
        // Most lines start with no label's first letter: one comparison rules them out.
        if !label
            .chars()
            .next()
            .is_some_and(|l| crate::words::chars_eq_ci(l, first))
        {
            return None;
        }
        let rest = strip_prefix_ci(line, label)?;
        // A label that ends in a letter must end a word.
        if label.ends_with(char::is_alphabetic) && rest.starts_with(char::is_alphabetic) {
            return None;
        }
        let written = &line[..line.len() - rest.len()];
        Some((
            written,
            rest.trim_start_matches([' ', ':', '\u{a0}']).trim_end(),
        ))
    })
}

/// An archival reference without its final full stop (`Л. 67–70.`), as the format writes
/// `archive`; any other text as it is.
fn archival_stop(text: &str) -> &str {
    match text.strip_suffix('.') {
        Some(rest) if is_archival(text) && !rest.ends_with(" об") => rest,
        _ => text,
    }
}

/// Whether `text` is an archival reference: a repository and at least one level, read
/// without errors.
fn is_archival(text: &str) -> bool {
    let parsed = ibid_parse::parse_archival(text);
    parsed.is_clean()
        && parsed
            .value
            .as_ref()
            .is_some_and(|a| a.repository.is_some() && !a.locators.is_empty())
}

/// Whether `line` opens with an acronym (`RGASPI`, `РГАСПИ`, `PA AA`, `AN`).
fn starts_with_repository(line: &str) -> bool {
    let first = line.split([' ', ',', '.']).next().unwrap_or("");
    first.chars().count() >= 2 && first.chars().all(|c| c.is_uppercase())
}

/// The key of the one bibliography entry `cite` names (by first author and title, as the
/// witness chain matches them), and the cite's pinpoint from its first locator on.
fn match_entry(cite: &str, bibliography: &Bibliography) -> Option<(String, Option<String>)> {
    let reference = ibid_parse::parse_reference(cite);
    let first_locator = reference.value.locators.iter().map(|l| l.span.start).min();
    let source = Source {
        cite: Some(Text {
            text: cite.to_string(),
            span: ibid_parse::Span::new(0, 0),
            raw: None,
        }),
        reference: Some(reference),
        ..Source::default()
    };
    let (key, _) = source.edition_key(Some(bibliography))?;
    let locator = first_locator
        .and_then(|start| cite.get(start..))
        .map(|l| l.trim().trim_end_matches('.').to_string());
    Some((key, locator))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_four_languages() {
        assert_eq!(after_label("Source: X Y", Role::Source), Some("X Y"));
        assert_eq!(after_label("Source : X", Role::Source), Some("X"));
        assert_eq!(after_label("Источник: X", Role::Source), Some("X"));
        assert_eq!(after_label("Quelle: X", Role::Source), Some("X"));
        assert_eq!(after_label("Sourced from the", Role::Source), None);
    }

    #[test]
    fn archival_lines() {
        assert!(is_archival("RGASPI, f. 2, op. 1, d. 17663, l. 1"));
        assert!(is_archival("РГАСПИ. Ф. 85. Оп. 15. Д. 45. Л. 3–3 об."));
        assert!(!is_archival(
            "Барсегов Ю.Г. Нагорный Карабах Document 652, page 612"
        ));
    }
}
