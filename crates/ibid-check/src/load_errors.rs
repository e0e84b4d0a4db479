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
/// The loader reports only what stops it building the model, and these rules report the
/// loader's error as it is (message, span, help). What does not stop it is kept in the model
/// and is no load error: unknown keys (P004, from `Document::unknown_keys`), dates that cannot
/// be read or cannot exist (D001 and D002, from each date's `ibid-parse` errors). A repeated
/// bibliography key is both: the loader's error for commands that merge bibliographies, and
/// S006's finding, reported from `Bibliography::duplicates` (so `check` skips the error).
pub fn rule_for(kind: LoadErrorKind, origin: Origin) -> Rule {
    use LoadErrorKind as Kind;
    match (kind, origin) {
        (Kind::DuplicateEntry, _) => Rule::DuplicateBibliographyKey,
        // Only bibliography entries' dates are load errors; they are D001 as a document's are.
        (Kind::InvalidDate, _) => Rule::UnparsedDate,
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
