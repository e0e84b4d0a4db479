//! Sources across the corpus (`unify-sources`): where one source is written several ways,
//! which form each document should write ([`plan`]), and the change that rewrites one
//! document's `[source] cite` to it, keeping what was written as `cite-as-printed`
//! ([`CiteSite`]).
//!
//! The decision needs the whole corpus, the change only the document: `ibid fmt` plans
//! after reading every document and rewrites the documents that need it; `ibid check`'s
//! F008 plans over its corpus index, where each document's [`CiteSite`] is a fact.

mod plan;
mod site;

pub use plan::{plan, CorpusSources, SourceName};
pub(crate) use site::source_keeps;
pub use site::CiteSite;

use serde::{Deserialize, Serialize};

/// What `unify-sources` asks of one document's `[source] cite`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SourceTarget {
    /// Write the work the way the corpus writes it most (the text of that form); the
    /// document's own pinpoint locators are kept.
    Form(String),
    /// Cite the bibliography entry with this key: `key` + `locator` instead of `cite`.
    Key(String),
}
