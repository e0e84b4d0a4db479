//! # ibid-provenance
//!
//! The provenance model of ibid and its readers: documents with TOML front matter (or a
//! sidecar `NAME.ibid.toml`), their sources, translations, hands, editorial notes and
//! annotations, the chain of witnesses; the corpus configuration (`ibid.toml`); the
//! bibliography files (ibid TOML, BibTeX/BibLaTeX, CSL-JSON); and the exports (CSL-JSON,
//! TEI, PROV-JSON, DOT/Mermaid graphs, a readable text view).
//!
//! Every value keeps the text as written and its span; errors are values with file, line,
//! column and a help line; nothing panics on any input. This crate does no I/O: it reads
//! bytes and text handed to it (`ibid-corpus` finds and reads the files).
//!
//! ```
//! use ibid_provenance::parse_document;
//! use std::path::Path;
//!
//! let text = "+++\ntitle = \"A letter\"\ndate = \"1921-02-16\"\n\n[hands]\nlenin = \"V. I. Lenin\"\n\n[[notes]]\nmarker = \"*\"\nkind = \"encircled\"\nhand = \"lenin\"\n+++\nThe Angorians* wish it.\n";
//! let loaded = parse_document(Path::new("letter.md"), text.as_bytes(), None);
//! let doc = loaded.value.unwrap();
//! assert!(loaded.errors.is_empty());
//! assert_eq!(doc.hands[0].name.text, "V. I. Lenin");
//! let marker = &doc.body.marks.markers[0];
//! assert_eq!(marker.marker, "*");
//! assert_eq!(doc.body_text().get(marker.span.range()), Some("*"));
//! ```
//!
//! Spans: front-matter values ([`Text::span`]) are byte offsets into
//! [`Document::meta_file`]; values parsed by `ibid_parse` from a string are offsets into
//! that string ([`Text::file_span`] maps them to the file); body marks and citations are
//! offsets into the body ([`Body::file_span`]). [`SourceFile::line_col`] gives line:column.

pub mod bib;
mod body;
pub mod config;
mod dates;
mod error;
pub mod export;
mod frontmatter;
pub mod latin;
mod line_index;
mod model;
mod read;
mod source_file;
mod suggest;
pub mod terminal;
mod toml_read;
mod toml_subset;
mod toml_tree;
mod witness;
pub mod words;
pub mod works;
pub mod write;

pub use bib::{BibEntry, BibFormat, Bibliography};
pub use body::{
    scan_marks, Body, Expansion, MarkerKind, MarkerOccurrence, MarkerRole, Omission, TextMarks,
};
pub use config::Config;
pub use error::{LoadError, LoadErrorKind, Loaded};
pub use frontmatter::{
    near_miss as front_matter_near_miss, split as split_front_matter, NearMiss, Split,
};
pub use line_index::{LineCol, LineIndex};
pub use model::{
    Annotation, Choice, DateValue, Debris, Document, Hand, ImportRecord, Key, Located, Note,
    NoteKind, Source, Target, Text, Translation, UnknownKey,
};
pub use read::{
    decode, document_id, is_sidecar, parse_document, sidecar_path, ANNOTATION_KEYS, DEBRIS_KEYS,
    IMPORT_KEYS, NOTE_KEYS, SOURCE_KEYS, TOP_KEYS, TRANSLATION_KEYS,
};
pub use source_file::SourceFile;
pub use suggest::closest;
pub use witness::{Agent, Derivation, DerivationKind, Role, Witness, WitnessChain, WitnessKind};
