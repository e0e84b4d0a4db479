//! # ibid-check
//!
//! The corpus linter behind `ibid check`: rules over each document (dates, markers, hands,
//! locators, the front matter itself), over the bibliography, and over the corpus as a whole
//! (one source written several ways, conflicting locators). Every finding is one
//! [`Diagnostic`] type, and every output format (`full`, `concise`, `json`, `json-lines`,
//! `sarif`, `github`, `junit`) is a renderer of it.
//!
//! ```no_run
//! use ibid_check::{check, render, CheckOptions, NoProgress, OutputFormat, RenderOptions};
//!
//! let options = CheckOptions {
//!     paths: vec!["fixtures/corpus".into()],
//!     ..CheckOptions::default()
//! };
//! let result = check(&options, &NoProgress)?;
//! let mut out = std::io::stdout();
//! render(OutputFormat::Concise, &result.diagnostics, RenderOptions::default(), &mut out)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Rules live one per file under `src/rules/<family>/`; their doc comments are the pages of
//! `ibid rule CODE` and `docs/rules/CODE.md`. [`Rule`] is the table of permanent codes.

pub mod analysis;
pub mod cache;
pub mod codes;
pub mod diagnostic;
pub mod docs;
pub mod fix;
pub mod index;
pub mod load_errors;
pub mod output;
pub mod pipeline;
pub mod rules;
pub mod run;
pub mod selection;
pub mod settings;
pub mod suppression;
pub mod synthetic;

pub use codes::{FixAvailability, Rule, Scope};
pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, TextRange};
pub use docs::{rule_doc, rule_page, rule_summary};
/// Comparing how sources are written; it lives with the works it serves in
/// `ibid_provenance::works` and is re-exported for the crates that reach it here.
pub use ibid_provenance::works::normalize;
pub use ibid_provenance::LineCol;
pub use output::{render, render_statistics, OutputFormat, RenderOptions};
pub use run::{check, CheckOptions, CheckResult, FixMode, NoProgress, Progress};
pub use selection::{parse_selectors, RuleSelector, RuleSet, SelectionLayer, SelectorError};
pub use settings::ConfigError;

/// ibid's version, part of every cache key and of the SARIF driver.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The prefix of the stable names ibid gives its rules (`urn:ibid:rule:S004`). ibid has no
/// web address of its own, so rules are named by URN; each rule's page is
/// `docs/rules/CODE.md` in the repository and `ibid rule CODE` (see docs/ARCHITECTURE.md).
pub const RULE_URN_PREFIX: &str = "urn:ibid:rule:";
