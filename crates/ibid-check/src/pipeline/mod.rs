//! The stages of `ibid check`, each a module with typed inputs and outputs; [`crate::check`]
//! runs them in order, and each file is read once (by stage 2).
//!
//! | stage | module | takes | gives |
//! |---|---|---|---|
//! | 1. plan | [`plan`] | paths, the current folder | [`CheckPlan`]: ibid-corpus's `Plan`, each corpus's settings and bibliography, the cache roots; [`PlannedDocument`]s in path order, each with its rules and cache root |
//! | 2. documents | [`documents`] | the plan, its documents, [`DocumentOptions`] | [`CheckedDocuments`]: per document a [`FileResult`](crate::analysis::FileResult) (from the cache, or read once, analysed, fixed), its fixes and the texts later stages need; each cache written |
//! | 3. corpus | [`corpus`] | the plan, the checked documents | the diagnostics of the bibliographies and of the corpus rules, over one `CorpusIndex` |
//! | 4. finish | [`finish`] | everything above | a [`CheckResult`](crate::CheckResult): snippets, selection, suppressions, late fixes, sorted |
//!
//! `ibid fmt` and `ibid bib` start the same way: stage 1 is [`CheckPlan::new`] over
//! `ibid_corpus::Plan`, and a document is read once with `Plan::read` and parsed with
//! `DocumentBytes::parse`, as stage 2 does.

pub mod corpus;
pub mod documents;
pub mod finish;
pub mod fixing;
pub mod plan;
pub mod texts;

pub use corpus::check_corpus;
pub use documents::{check_documents, CheckedDocument, CheckedDocuments, DocumentOptions};
pub use finish::finish;
pub use plan::{CheckPlan, CorpusCheck, PlannedDocument};
