//! # ibid-corpus
//!
//! Files and corpora for ibid: which documents a command reads and how, and how a user's
//! file is written back. Every command (`check`, `show`, `export`, `graph`, `fmt`) starts
//! from one [`Plan`]: the named paths walked once (`.gitignore`, `.ibidignore`,
//! `include`/`exclude` of the nearest `ibid.toml`), each document with its sidecar and
//! corpus; then reads each file once, safely: only regular files ([`read_regular_file`]
//! refuses FIFOs, devices and link loops without blocking) and never more than the
//! corpus's `max-file-size`.
//!
//! ```
//! use ibid_corpus::Plan;
//! use std::path::PathBuf;
//!
//! let dir = tempfile::tempdir()?;
//! std::fs::write(dir.path().join("ibid.toml"), "bibliography = [\"refs.toml\"]\n")?;
//! std::fs::write(
//!     dir.path().join("refs.toml"),
//!     "[barsegov-nk]\ntype = \"book\"\ntitle = \"Нагорный Карабах\"\n",
//! )?;
//! std::fs::create_dir(dir.path().join("letters"))?;
//! std::fs::write(
//!     dir.path().join("letters/narimanov.md"),
//!     "+++\ntitle = \"Letter of N. Narimanov\"\n[source]\nkey = \"barsegov-nk\"\nlocator = \"doc. 652, p. 612\"\n+++\nDear Vladimir Ilyich,\n",
//! )?;
//! std::fs::write(dir.path().join("README.md"), "Not a document.\n")?;
//!
//! let plan = Plan::new(&[PathBuf::from(".")], dir.path())?;
//! assert!(plan.errors.is_empty() && plan.warnings.is_empty());
//! let shown: Vec<&str> = plan.files.iter().map(|f| f.display.as_str()).collect();
//! assert_eq!(shown, ["letters/narimanov.md"]);
//!
//! let documents = plan.load_documents();
//! let letter = documents[0].value.as_ref().expect("the letter loads");
//! assert_eq!(letter.title.as_ref().unwrap().text, "Letter of N. Narimanov");
//!
//! let bibliographies = plan.load_bibliographies()?;
//! let corpus = plan.files[0].corpus;
//! let bibliography = bibliographies[corpus].merged().value.unwrap();
//! assert!(bibliography.get("barsegov-nk").is_some());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! What is read and what is refused:
//! - a path named by the user must exist and be a regular file or a folder (a symbolic link
//!   to one is followed); anything else stops the run with a [`CorpusError`] (exit code 2);
//!   a sidecar `NAME.ibid.toml` named on its own stands for its document beside it (one
//!   without a document is refused);
//! - inside folders, symbolic links are not followed and special files (FIFOs, sockets,
//!   devices) are skipped with a warning; a folder that cannot be read is a [`WalkError`]
//!   in [`Plan::errors`] (the run goes on and is reported incomplete);
//! - every file (document, sidecar, bibliography, `ibid.toml`) is read with
//!   [`read_regular_file`], within [`DEFAULT_MAX_FILE_SIZE`] unless `max-file-size` says
//!   otherwise;
//! - a bibliography file that cannot be read is a configuration error, not a finding.
//!
//! What is written: a user's file is only ever changed through [`replace_file`] (atomic
//! rename keeping mode and owner, in place for hard links, never a read-only file), by
//! `ibid check --fix`, `ibid fmt` and `ibid import` alike; a new file (`ibid import`) is
//! made by [`create_file`] (atomic, never over an existing file); an output the user names
//! (`ibid bib -o`) by [`write_file`], one or the other.

#![warn(missing_docs)]

mod config;
mod load;
mod paths;
mod plan;
mod read;
mod replace;
mod walk;

pub use config::{find_config, load_config, unknown_key_warnings};
pub use load::{
    BibliographyFile, CorpusBibliography, DocumentBytes, Documents, FileBytes, LoadedDocument,
    MergedBibliographies,
};
pub use paths::{display_path, relative_to, sibling_display};
pub use plan::{Corpus, CorpusError, DocumentFile, Plan, SidecarFile};
pub use read::{
    file_kind, read_regular_file, FileKind, ReadError, ReadErrorKind, DEFAULT_MAX_FILE_SIZE,
};
pub use replace::{create_file, replace_file, write_file, Replaced};
pub use walk::{walk_pages, Pages, WalkError};
