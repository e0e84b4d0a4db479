//! # ibid-fmt
//!
//! The formatter behind `ibid fmt`, and the one edit engine behind the F rules of
//! `ibid check`: given a loaded document and a [`Style`], the [`Change`]s that write its
//! locators (label form and case, the space after a label, range dashes and ends, recto and
//! verso), its pandoc citations and its front-matter layout the way the style says, each
//! one checked to keep what the text means. [`format_document`] applies them to a fixed
//! point and checks every rewritten span again; [`run`] formats files on disk, atomically.
//!
//! ```
//! use ibid_fmt::{format_document, FrontMatterLayout, Input, LabelCase, LocatorForm, RangeDash, Style};
//! use std::path::Path;
//!
//! let text = "+++\ntitle = \"A letter\"\n[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, Document 652, pages 612-614\"\n+++\nBody [see  @nk ;@suny, p. 5].\n";
//! let style = Style {
//!     locator_form: LocatorForm::Short,
//!     label_case: LabelCase::Sentence,
//!     range_dash: RangeDash::EnDash,
//!     front_matter: FrontMatterLayout::Ordered,
//!     ..Style::default()
//! };
//! let input = Input { path: Path::new("letter.md"), bytes: text.as_bytes(), sidecar: None };
//! let formatted = format_document(input, &style)?;
//! assert_eq!(
//!     formatted.document.as_deref(),
//!     Some("+++\ntitle = \"A letter\"\n\n[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, doc. 652, pp. 612–614\"\n+++\nBody [see @nk; @suny, p. 5].\n")
//! );
//! # Ok::<(), ibid_fmt::FormatError>(())
//! ```
//!
//! The engine ([`document_changes`], [`format_document`]) does no I/O; [`run`] reads and
//! writes files. The words it writes (label forms and recto/verso marks per language) are
//! data: `data/labels.tsv` and `data/sides.tsv`.

mod change;
mod citations;
mod engine;
mod forms;
mod layout;
mod locators;
mod meaning;
mod pages;
pub mod run;
mod style;
mod unify;

pub use change::{apply, Applied, Change, Family, FileTarget, TextEdit, Unit, UnitKind};
pub use engine::{
    document_changes, format_document, format_with, unify_document, verify, FormatError, Formatted,
    Input, MAX_PASSES,
};
pub use forms::Lang;
pub use layout::layout;
pub use meaning::meaning;
pub use pages::range_end;
pub use style::{
    CitationSyntax, FrontMatterLayout, LabelCase, LabelSpace, LeafSide, LocatorForm, PageRange,
    RangeDash, Style, StyleOverrides,
};
pub use unify::{plan, CiteSite, CorpusSources, SourceName, SourceTarget};
