//! Format rules (`F`): the lint face of `ibid fmt`. Each reports one family of the changes
//! the formatter's edit engine would make, so `check` and `fmt` can never disagree; F008
//! (`unify-sources`) looks at the corpus index, the others at one document.

pub mod citation_syntax;
pub mod front_matter_layout;
pub mod label_space;
pub mod leaf_side;
pub mod locator_style;
pub mod page_range;
pub mod range_dash;
pub mod unify_sources;

use crate::codes::Rule;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Finding, Fix};
use ibid_fmt::{Change, Family};
use ibid_provenance::LineIndex;

/// The rule that reports a family of formatting changes.
pub fn rule_of(family: Family) -> Option<Rule> {
    Some(match family {
        Family::LabelForm => Rule::LocatorStyle,
        Family::RangeDash => Rule::RangeDash,
        Family::PageRange => Rule::PageRange,
        Family::LabelSpace => Rule::LabelSpace,
        Family::LeafSide => Rule::LeafSide,
        Family::CitationSyntax => Rule::CitationSyntax,
        Family::FrontMatter => Rule::FrontMatterLayout,
        Family::Source => Rule::UnifySources,
        _ => return None,
    })
}

/// A formatting change as a finding of its rule, with its edits as a safe fix.
pub fn finding_of(change: &Change) -> Option<Finding> {
    let rule = rule_of(change.family)?;
    let fix = Fix {
        applicability: Applicability::Safe,
        message: change.title.clone(),
        edits: change
            .edits
            .iter()
            .map(|e| Edit::replace(e.range.clone(), e.replacement.clone()))
            .collect(),
    };
    Some(Finding::new(rule, change.at.clone(), change.message.clone()).with_fix(fix))
}

/// Formatting changes as diagnostics of the file `display` whose text is `text` (for
/// `ibid fmt --check --output-format ...`).
pub fn diagnostics_of<'c>(
    changes: impl IntoIterator<Item = &'c Change>,
    display: &str,
    text: &str,
) -> Vec<Diagnostic> {
    let index = LineIndex::new(text);
    changes
        .into_iter()
        .filter_map(finding_of)
        .map(|f| f.resolve(display, text, &index))
        .collect()
}
