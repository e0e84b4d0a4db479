//! Source rules (`S`): documents without a source, citation keys against the bibliography,
//! and the corpus-wide checks: one source written several ways, conflicting locators.

pub mod conflicting_locators;
pub mod duplicate_bibliography_key;
pub mod inconsistent_source;
pub mod missing_source;
pub mod uncited_bibliography_entry;
pub mod undefined_citation_key;

use crate::codes::Rule;
use crate::diagnostic::Diagnostic;
use crate::index::CorpusIndex;

/// A corpus rule: looks at the corpus index and reports diagnostics.
pub type CorpusCheck = fn(&CorpusIndex<'_>, &mut Vec<Diagnostic>);

/// Every corpus rule with its check function, in code order (F008 is the formatter's, in
/// `rules/format/`).
pub const CORPUS_RULES: &[(Rule, CorpusCheck)] = &[
    (
        Rule::UnifySources,
        crate::rules::format::unify_sources::check,
    ),
    (Rule::UndefinedCitationKey, undefined_citation_key::check),
    (
        Rule::UncitedBibliographyEntry,
        uncited_bibliography_entry::check,
    ),
    (Rule::InconsistentSource, inconsistent_source::check),
    (Rule::ConflictingLocators, conflicting_locators::check),
    (
        Rule::DuplicateBibliographyKey,
        duplicate_bibliography_key::check,
    ),
];
