//! The works a corpus cites: a `cite` split into the work and its pinpoint, the bibliography
//! entry a cite names, and written forms of one work grouped across documents (S004's
//! clusters, `ibid fmt --unify-sources`, `ibid bib`).
//!
//! ```
//! use ibid_provenance::works::cluster_works;
//!
//! let clusters = cluster_works([
//!     (0, "Барсегов Ю.Г. Нагорный Карабах"),
//!     (1, "Barsegov, Yu. G., Nagornyi Karabakh"),
//!     (2, "Барсегов Ю.Г. Нагорный Карабах"),
//! ]);
//! assert_eq!(clusters.cluster_of_doc(0), clusters.cluster_of_doc(1));
//! let best = clusters.most_common(&clusters.members()[0]).unwrap();
//! assert_eq!(clusters.forms[best].text, "Барсегов Ю.Г. Нагорный Карабах");
//! ```

mod clusters;
mod matching;
pub mod normalize;

pub use clusters::{cluster_works, Clusters, Form};
pub(crate) use matching::normalise;
pub use matching::{EntryIndex, WorkIdentity};

use crate::model::Source;
use ibid_parse::{Reference, Span};

/// The work a reference names, without its pinpoint locators: the text before the first
/// locator, outer spaces and trailing `,;:` trimmed (`Барсегов Ю.Г. Нагорный Карабах` of
/// `Барсегов Ю.Г. Нагорный Карабах, Document 652, page 612`). `reference` is `text` parsed;
/// the span is into `text`, `None` when nothing precedes the locators.
pub fn work_span(text: &str, reference: &Reference) -> Option<Span> {
    let first_locator = reference.locators.iter().map(|l| l.span.start).min();
    let end = first_locator.unwrap_or(text.len());
    let head = text.get(..end)?;
    let work = head.trim_end_matches(|c: char| c.is_whitespace() || ",;:".contains(c));
    let lead = work.len() - work.trim_start().len();
    (work.len() > lead).then(|| Span::new(lead, work.len()))
}

/// The pinpoint locators of a reference, from the first to the end of the last
/// (`Document 652, page 612`): a span into the text `reference` was parsed from, `None`
/// when it has none.
pub fn pinpoint_span(reference: &Reference) -> Option<Span> {
    let start = reference.locators.iter().map(|l| l.span.start).min()?;
    let end = reference.locators.iter().map(|l| l.span.end).max()?;
    Some(Span::new(start, end))
}

impl Source {
    /// The work `cite` names, without its pinpoint locators ([`work_span`]): a span into
    /// `cite.text`, `None` without a parsed `cite`.
    pub fn cited_work(&self) -> Option<Span> {
        let cite = self.cite.as_ref()?;
        work_span(&cite.text, &self.reference.as_ref()?.value)
    }

    /// The pinpoint locators of `cite` ([`pinpoint_span`]): a span into `cite.text`.
    pub fn cited_pinpoint(&self) -> Option<Span> {
        pinpoint_span(&self.reference.as_ref()?.value)
    }
}
