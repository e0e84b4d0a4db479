//! Load errors: what went wrong reading a document, configuration or bibliography, with
//! file, line and column, and a help line saying what to write instead.

use crate::line_index::LineCol;
use crate::source_file::{line_col, SourceFile};
use ibid_parse::Span;
use serde::Serialize;
use std::fmt;
use std::path::{Path, PathBuf};

/// The class of a load error: what the loader could not read into the model. Checks across
/// values (an undeclared hand, a key missing from the bibliography) are the linter's rules;
/// the linter maps each class to a rule code (`ibid-check`'s `load_errors::rule_for`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LoadErrorKind {
    /// The file could not be read.
    Io,
    /// The file is not valid UTF-8.
    NotUtf8,
    /// The file holds binary data (NUL bytes).
    Binary,
    /// The file is empty.
    Empty,
    /// A `+++` front matter block is opened but never closed.
    UnclosedFrontMatter,
    /// A document has both front matter and a sidecar file.
    DuplicateMetadata,
    /// The TOML itself is malformed.
    Toml,
    /// A value has the wrong TOML type.
    WrongType,
    /// A required key is missing.
    MissingKey,
    /// A value is of the right type but not one the format allows.
    InvalidValue,
    /// A date in a bibliography entry (BibTeX, RIS) cannot be read. A document's dates are
    /// never load errors: they are kept in the model with their errors (D001, D002).
    InvalidDate,
    /// A bibliography entry could not be read (the other entries still are).
    BadEntry,
    /// Two bibliography entries share a key.
    DuplicateEntry,
    /// A configuration file cannot be extended (missing, or a cycle of `extend`).
    BadExtend,
}

/// An error met while loading, with its place and a hint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoadError {
    /// Its class.
    pub kind: LoadErrorKind,
    /// What is wrong.
    pub message: String,
    /// What to write instead, when there is something to say.
    pub help: Option<String>,
    /// The file concerned.
    pub file: PathBuf,
    /// The bytes concerned, when known.
    pub span: Option<Span>,
    /// Line and column of the span's start (1:1 when there is no span).
    pub position: LineCol,
}

impl LoadError {
    /// An error about `span` of `file`.
    pub fn at(
        kind: LoadErrorKind,
        file: &SourceFile,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        LoadError {
            kind,
            message: message.into(),
            help: None,
            file: file.path.clone(),
            position: file.line_col(span.start),
            span: Some(span),
        }
    }

    /// An error about `span` of a text known as `path`, without a prepared line index.
    pub fn in_text(
        kind: LoadErrorKind,
        path: &Path,
        text: &str,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        LoadError {
            kind,
            message: message.into(),
            help: None,
            file: path.to_path_buf(),
            position: line_col(text, span.start),
            span: Some(span),
        }
    }

    /// An error about a whole file.
    pub fn file(kind: LoadErrorKind, path: &Path, message: impl Into<String>) -> Self {
        LoadError {
            kind,
            message: message.into(),
            help: None,
            file: path.to_path_buf(),
            span: None,
            position: LineCol { line: 1, column: 1 },
        }
    }

    /// The same error with a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for LoadError {
    /// `file:line:column: message`, then `  help: ...` on its own line when there is help.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file.display(),
            self.position.line,
            self.position.column,
            self.message
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// The result of loading: the value when one could be built, and every error met.
///
/// A value can come with errors (an unknown key does not stop a document from loading);
/// `value` is `None` only when nothing usable could be read.
#[derive(Debug, Clone, Serialize)]
pub struct Loaded<T> {
    /// What was loaded.
    pub value: Option<T>,
    /// Errors, in the order of the file.
    pub errors: Vec<LoadError>,
}

impl<T> Loaded<T> {
    /// A value with `errors`.
    pub fn new(value: Option<T>, errors: Vec<LoadError>) -> Self {
        Loaded { value, errors }
    }

    /// A failure with one error.
    pub fn failed(error: LoadError) -> Self {
        Loaded {
            value: None,
            errors: vec![error],
        }
    }

    /// Whether a value was loaded without any error.
    pub fn is_clean(&self) -> bool {
        self.value.is_some() && self.errors.is_empty()
    }
}
