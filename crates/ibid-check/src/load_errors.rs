//! The one table from the loader's error kinds to rules: which rule `check` reports each
//! error the loader returns under, for documents and for bibliography files.

use crate::codes::Rule;
use ibid_provenance::LoadErrorKind;

/// The kind of file a load error was met in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A document or its sidecar.
    Document,
    /// A bibliography file.
    Bibliography,
}

/// The rule that reports load errors of `kind` met in a file of `origin`.
///
/// Most rules report the loader's error as it is (message, span, help). Three report the
/// same fact from the model the loader built, so that nothing is computed twice:
/// [`Rule::UnknownKey`] from `Document::unknown_keys`, [`Rule::DuplicateBibliographyKey`]
/// from `Bibliography::duplicates`, and [`Rule::UnparsedDate`] from the dates kept in the
/// model (a date that can be read but cannot exist is no load error: D002 maps
/// `ibid-parse`'s error kinds).
pub fn rule_for(kind: LoadErrorKind, origin: Origin) -> Rule {
    use LoadErrorKind as Kind;
    match (kind, origin) {
        (Kind::UnknownKey, _) => Rule::UnknownKey,
        (Kind::InvalidDate, _) => Rule::UnparsedDate,
        (Kind::DuplicateEntry, _) => Rule::DuplicateBibliographyKey,
        (
            Kind::WrongType | Kind::MissingKey | Kind::InvalidValue | Kind::DuplicateMetadata,
            Origin::Document,
        ) => Rule::InvalidValue,
        (
            Kind::Io
            | Kind::NotUtf8
            | Kind::Binary
            | Kind::Empty
            | Kind::UnclosedFrontMatter
            | Kind::Toml
            | Kind::BadEntry
            | Kind::BadExtend,
            Origin::Document,
        ) => Rule::UnreadableDocument,
        (_, Origin::Bibliography) => Rule::UnreadableBibliography,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreadable_files_and_bad_values_have_their_rules() {
        use LoadErrorKind as Kind;
        assert_eq!(
            rule_for(Kind::Binary, Origin::Document),
            Rule::UnreadableDocument
        );
        assert_eq!(
            rule_for(Kind::Binary, Origin::Bibliography),
            Rule::UnreadableBibliography
        );
        assert_eq!(
            rule_for(Kind::WrongType, Origin::Document),
            Rule::InvalidValue
        );
        assert_eq!(
            rule_for(Kind::DuplicateEntry, Origin::Bibliography),
            Rule::DuplicateBibliographyKey
        );
    }
}
