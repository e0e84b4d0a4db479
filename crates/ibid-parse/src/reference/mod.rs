//! Free-text references (`Барсегов Ю.Г. Нагорный Карабах Document 652, page 612`) and
//! archival references (`RGASPI, f. 558, op. 11, d. 97, ll. 67-70`): the model and entry points.

mod archive;
mod fields;
mod given_names;
mod head;
mod lexicon;
mod names;
mod numbers;
mod parse;
mod runs;
mod serial;
mod shapes;
#[cfg(test)]
mod tests;
mod token;

pub use archive::parse_archival;
pub use names::parse_names;
pub use parse::parse_reference;

use crate::{Locator, PartialDate, Span};

/// A person's name, split as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "type", rename_all = "kebab-case"))]
pub enum Name {
    /// A personal name with a family part and optional given names or initials
    /// (`Барсегов Ю.Г.`, `Haefeli, W. E.`, `Michael B. Petrovich`).
    Personal {
        /// The family name as written (`Барсегов`, `Martin-Facklam`).
        family: Span,
        /// Given names or initials as written (`Ю.Г.`, `W. E.`), if any.
        given: Option<Span>,
        /// The particle (`van`, `de`, `von`), if any.
        particle: Option<Span>,
        /// The whole name as written.
        span: Span,
    },
    /// A name kept whole: an institution, or a label such as `Unknown translator`.
    Literal {
        /// The name as written.
        span: Span,
    },
}

impl Name {
    /// The whole name as written.
    pub fn span(&self) -> Span {
        match self {
            Name::Personal { span, .. } | Name::Literal { span } => *span,
        }
    }
}

/// A list of names and whether it ends in "et al." (`и др.`, `u. a.`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Names {
    /// The names, in order.
    pub names: Vec<Name>,
    /// Whether the list was cut short with "et al." or an equivalent.
    pub et_al: bool,
}

/// An archival reference: a repository and a chain of levels (fond, inventory, file, leaves).
///
/// `ГАОО. Ф. 235. Оп. 7. Д. 42; Оп. 8. Д. 4794` has repository `ГАОО` and the locators
/// fond 235, inventory 7, file 42, inventory 8, file 4794 in order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ArchivalReference {
    /// The repository's name or acronym as written (`RGASPI`, `ГАОО`, `MS M.126`), if any.
    pub repository: Option<Span>,
    /// The archival location (everything after the repository), as written.
    pub location: Option<Span>,
    /// The levels, in the order written.
    pub locators: Vec<Locator>,
    /// The whole reference.
    pub span: Span,
}

/// A free-text bibliographic reference, split into CSL fields. Every field is a span into
/// the input, so the text as written is always at hand.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Reference {
    /// Authors.
    pub authors: Names,
    /// Editors (`ed.`, `eds.`, `под ред.`, `Hrsg.`).
    pub editors: Names,
    /// Translators (`Translated by`, `пер.`, `übers. von`, `trad.`).
    pub translators: Names,
    /// Title of the work.
    pub title: Option<Span>,
    /// Title of the journal, book or collection that contains it.
    pub container_title: Option<Span>,
    /// Collection or series title.
    pub collection_title: Option<Span>,
    /// Place of publication.
    pub place: Option<Span>,
    /// Publisher.
    pub publisher: Option<Span>,
    /// Date of publication (usually just a year).
    pub issued: Option<PartialDate>,
    /// Volume of the container.
    pub volume: Option<Span>,
    /// Issue of the container.
    pub issue: Option<Span>,
    /// Page range of the work within its container (not a pinpoint).
    pub page: Option<Span>,
    /// Total number of pages (`320 с.`, `xii + 410 pp.`).
    pub number_of_pages: Option<Span>,
    /// Edition (`2nd ed.`, `2-е изд.`).
    pub edition: Option<Span>,
    /// What kind of work it is, as written: a thesis statement (`PhD diss.`,
    /// `дис. … канд. ист. наук`, `Diss.`); the reference is then a thesis.
    pub genre: Option<Span>,
    /// DOI, without the `doi:` or resolver prefix.
    pub doi: Option<Span>,
    /// URL.
    pub url: Option<Span>,
    /// The archival original, when the reference names one.
    pub archive: Option<ArchivalReference>,
    /// Pinpoint locators: where in the work the citation points (`Document 652, page 612`).
    pub locators: Vec<Locator>,
    /// The whole reference.
    pub span: Span,
}
