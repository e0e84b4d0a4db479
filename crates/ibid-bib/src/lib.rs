//! # ibid-bib
//!
//! The bibliography of everything a corpus cites, rendered in a real CSL style through
//! hayagriva (typst's CSL engine), with the archival sources listed apart in each archive's
//! own conventions, exports to BibTeX, BibLaTeX, CSL-JSON and RIS, and an index of every
//! place each source is cited. The crate does no terminal I/O; the `ibid bib` command wires it.
//!
//! The stages, each a module: [`collect`] what each document cites, [`collection`] resolves
//! it against the bibliography, [`bibliography`] renders it (with [`render`] and [`style`]),
//! [`output`] writes it, [`index`] lists where each source is cited.
//!
//! ```
//! use ibid_bib::{collect_document, resolve, CollectOptions};
//! use ibid_bib::render::Engine;
//! use ibid_provenance::{parse_document, Bibliography};
//! use std::path::Path;
//!
//! let text = "+++\ntitle = \"A letter\"\n[source]\ncite = \"Suny R. G. Looking toward Ararat. Bloomington, 1993, p. 135\"\narchive = \"RGASPI, f. 2, op. 1, d. 17663, l. 1\"\n+++\nBody.\n";
//! let doc = parse_document(Path::new("letter.md"), text.as_bytes(), None).value.unwrap();
//! let bib = Bibliography::default();
//! let collection = resolve(vec![collect_document(&doc, &bib)], &bib, CollectOptions::default());
//! assert_eq!(collection.repositories[0].files.len(), 1);
//!
//! let style = ibid_bib::style::archived_style("chicago-author-date").unwrap();
//! let engine = Engine { style: &style, locale: None, locales: ibid_bib::style::all_locales() };
//! let rendered = ibid_bib::bibliography::bibliography(&collection, &engine, "en-US");
//! let text = ibid_bib::output::text(&rendered);
//! assert!(text.starts_with("Archival sources\n\nRGASPI, f. 2, op. 1, d. 17663\n"));
//! assert!(text.contains("Looking toward Ararat"));
//! ```

pub mod archive;
pub mod bibliography;
pub mod collect;
pub mod collection;
mod dates;
pub mod driver;
pub mod group;
mod ids;
pub mod index;
pub mod item;
mod language;
pub mod natural;
pub mod output;
pub mod render;
pub mod sections;
pub mod style;
pub mod synthetic;
mod tidy;
mod title_case;

pub use collect::{collect_document, collect_plan, Citation, Cited, DocumentCitations, Origin};
pub use collection::{
    collect_corpus, resolve, CollectOptions, Collected, Collection, Notice, NoticeKind,
};
