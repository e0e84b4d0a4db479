//! The one table that maps permanent rule codes to rules, their names and their documentation.
//! Codes are never reused or renumbered; a retired rule keeps its code out of circulation.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Where a rule looks: one document at a time, or the whole corpus at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Checks one document (its front matter and body) on its own.
    Document,
    /// Checks facts gathered from every document and bibliography.
    Corpus,
    /// Reported by the checker itself (unreadable files, suppressions, internal errors).
    Checker,
}

/// Whether a rule offers automatic fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FixAvailability {
    /// Every diagnostic has a fix.
    Always,
    /// Some diagnostics have a fix.
    Sometimes,
    /// No fixes.
    None,
}

impl FixAvailability {
    /// Words for `ibid rule` and the docs.
    pub fn describe(self) -> &'static str {
        match self {
            FixAvailability::Always => "Fix is always available.",
            FixAvailability::Sometimes => "Fix is sometimes available.",
            FixAvailability::None => "Fix is not available.",
        }
    }
}

macro_rules! rules {
    ($( $code:literal $variant:ident $family:ident / $module:ident, $scope:ident, $fix:ident; )*) => {
        /// A lint rule, one per permanent code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule {
            $(
                #[doc = concat!("`", $code, "` (`", stringify!($module), "`).")]
                $variant,
            )*
        }

        impl Rule {
            /// Every rule, in code order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The permanent code (`S004`).
            pub const fn code(self) -> &'static str {
                match self { $(Rule::$variant => $code,)* }
            }

            /// The rule's name, in kebab case (`inconsistent-source`).
            pub fn name(self) -> &'static str {
                match self {
                    $(Rule::$variant => {
                        const NAME: &str = stringify!($module);
                        static KEBAB: std::sync::OnceLock<String> = std::sync::OnceLock::new();
                        KEBAB.get_or_init(|| NAME.replace('_', "-")).as_str()
                    })*
                }
            }

            /// The family folder the rule lives in (`sources`).
            pub const fn family(self) -> &'static str {
                match self { $(Rule::$variant => stringify!($family),)* }
            }

            /// Where the rule looks.
            pub const fn scope(self) -> Scope {
                match self { $(Rule::$variant => Scope::$scope,)* }
            }

            /// Whether the rule offers fixes.
            pub const fn fix_availability(self) -> FixAvailability {
                match self { $(Rule::$variant => FixAvailability::$fix,)* }
            }

            /// The source file of the rule, whose doc comment is its documentation.
            pub(crate) const fn source(self) -> &'static str {
                match self {
                    $(Rule::$variant => include_str!(concat!(
                        "rules/", stringify!($family), "/", stringify!($module), ".rs"
                    )),)*
                }
            }
        }
    };
}

rules! {
    "D001" UnparsedDate dates/unparsed_date, Document, None;
    "D002" ImpossibleDate dates/impossible_date, Document, None;
    "D003" AnnotationBeforeDocument dates/annotation_before_document, Document, None;
    "D004" FutureDate dates/future_date, Document, None;
    "E001" UnreadableDocument errors/unreadable_document, Checker, None;
    "E002" UnreadableBibliography errors/unreadable_bibliography, Checker, None;
    "E900" InternalError errors/internal_error, Checker, None;
    "F001" LocatorStyle format/locator_style, Document, Always;
    "F002" RangeDash format/range_dash, Document, Always;
    "F003" PageRange format/page_range, Document, Always;
    "F004" LabelSpace format/label_space, Document, Always;
    "F005" LeafSide format/leaf_side, Document, Always;
    "F006" CitationSyntax format/citation_syntax, Document, Always;
    "F007" FrontMatterLayout format/front_matter_layout, Document, Always;
    "F008" UnifySources format/unify_sources, Corpus, Always;
    "I001" UnusedSuppression suppressions/unused_suppression, Checker, Always;
    "I002" UnknownSuppressionCode suppressions/unknown_suppression_code, Checker, None;
    "M001" UnexplainedMarker markers/unexplained_marker, Document, None;
    "M002" UnusedNote markers/unused_note, Document, None;
    "M003" MarkerSequenceGap markers/marker_sequence_gap, Document, None;
    "M004" DuplicateNote markers/duplicate_note, Document, None;
    "P001" UndeclaredHand provenance/undeclared_hand, Document, None;
    "P002" UnusedHand provenance/unused_hand, Document, None;
    "P003" InconsistentTranslation provenance/inconsistent_translation, Document, None;
    "P004" UnknownKey provenance/unknown_key, Document, None;
    "P005" InvalidValue provenance/invalid_value, Document, None;
    "R001" UnparsedCitation references/unparsed_citation, Document, None;
    "R002" ReversedRange references/reversed_range, Document, None;
    "S001" MissingSource sources/missing_source, Document, None;
    "S002" UndefinedCitationKey sources/undefined_citation_key, Corpus, None;
    "S003" UncitedBibliographyEntry sources/uncited_bibliography_entry, Corpus, None;
    "S004" InconsistentSource sources/inconsistent_source, Corpus, None;
    "S005" ConflictingLocators sources/conflicting_locators, Corpus, None;
    "S006" DuplicateBibliographyKey sources/duplicate_bibliography_key, Corpus, None;
}

impl Rule {
    /// The rule with this code (`S004`), case-insensitively.
    pub fn from_code(code: &str) -> Option<Rule> {
        Rule::ALL
            .iter()
            .copied()
            .find(|rule| rule.code().eq_ignore_ascii_case(code))
    }

    /// The rule's position in [`Rule::ALL`], for bit sets.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether selection can turn the rule off. Internal errors are always reported.
    pub const fn is_ignorable(self) -> bool {
        !matches!(self, Rule::InternalError)
    }

    /// The rule's stable name, `urn:ibid:rule:S004` (its page: `docs/rules/S004.md`).
    pub fn url(self) -> String {
        format!("{}{}", crate::RULE_URN_PREFIX, self.code())
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Rule, D::Error> {
        let code = std::borrow::Cow::<str>::deserialize(deserializer)?;
        Rule::from_code(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown rule code `{code}`")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_sorted_and_well_formed() {
        let codes: Vec<_> = Rule::ALL.iter().map(|r| r.code()).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted, "codes must be unique and listed in order");
        for code in codes {
            assert_eq!(code.len(), 4, "{code}");
            assert!(code.as_bytes()[0].is_ascii_uppercase(), "{code}");
            assert!(code[1..].bytes().all(|b| b.is_ascii_digit()), "{code}");
        }
    }

    #[test]
    fn rules_round_trip_through_their_codes() {
        for &rule in Rule::ALL {
            assert_eq!(Rule::from_code(rule.code()), Some(rule));
            assert_eq!(Rule::ALL[rule.index()], rule);
            let json = serde_json::to_string(&rule).unwrap();
            assert_eq!(serde_json::from_str::<Rule>(&json).unwrap(), rule);
        }
        assert_eq!(Rule::from_code("s004"), Some(Rule::InconsistentSource));
        assert_eq!(Rule::InconsistentSource.name(), "inconsistent-source");
        assert_eq!(Rule::from_code("X999"), None);
    }
}
