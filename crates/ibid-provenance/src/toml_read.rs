//! Reading the spanned TOML tree (`toml_tree`) into the model: typed values with spans,
//! type errors with what to write instead, and unknown keys kept with a suggestion.

use crate::error::{LoadError, LoadErrorKind};
use crate::model::{Key, Located, Text, UnknownKey};
use crate::source_file::SourceFile;
use crate::suggest::closest;
use crate::toml_tree::{Name, Node, Table, Value};
use ibid_parse::Span;
use toml::de::DeTable;

/// A parsed TOML text: the fast reader's tree, or the `toml` crate's.
pub(crate) enum Parsed<'i> {
    /// Read by [`toml_subset`](crate::toml_subset).
    Fast(Table<'i>),
    /// Read by the `toml` crate.
    Full(DeTable<'i>),
}

impl Parsed<'_> {
    /// The tree to read the model from (the `toml` crate's converted, borrowing its strings).
    pub fn table(&self) -> std::borrow::Cow<'_, Table<'_>> {
        match self {
            Parsed::Fast(table) => std::borrow::Cow::Borrowed(table),
            Parsed::Full(table) => std::borrow::Cow::Owned(Table::from_de(table)),
        }
    }
}

/// What a piece of TOML is, for the advice its syntax errors get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TomlSource {
    /// A document's front matter between `+++` lines.
    FrontMatter,
    /// A sidecar `NAME.ibid.toml`.
    Sidecar,
    /// A corpus configuration, `ibid.toml`.
    Config,
}

/// The reading context: the metadata file, where the TOML starts in it, and the errors met.
pub(crate) struct Ctx<'f> {
    /// The file the TOML is in.
    pub file: &'f SourceFile,
    /// Byte offset of the TOML text in the file.
    pub base: usize,
    /// What the TOML is.
    pub source: TomlSource,
    /// Errors met so far.
    pub errors: Vec<LoadError>,
}

/// Where a value is in the TOML (`notes[2].hand`), spelled out only when a message needs it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum KeyPath<'a> {
    /// A path already spelled out: `source.cite`.
    Spelled(&'a str),
    /// Item `index` of the list at a path: `notes[2]`.
    Item(&'a KeyPath<'a>, usize),
    /// A key of the table at a path: `notes[2].hand`.
    Key(&'a KeyPath<'a>, &'a str),
}

impl<'a> From<&'a str> for KeyPath<'a> {
    fn from(path: &'a str) -> Self {
        KeyPath::Spelled(path)
    }
}

impl<'a> From<&'a String> for KeyPath<'a> {
    fn from(path: &'a String) -> Self {
        KeyPath::Spelled(path)
    }
}

impl std::fmt::Display for KeyPath<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyPath::Spelled(path) => f.write_str(path),
            KeyPath::Item(list, index) => write!(f, "{list}[{index}]"),
            KeyPath::Key(table, key) => write!(f, "{table}.{key}"),
        }
    }
}

/// The known keys of each table, to say where a misplaced key belongs.
pub(crate) type Schema = &'static [(&'static str, &'static [&'static str])];

impl<'f> Ctx<'f> {
    /// A context for TOML of kind `source` starting at byte `base` of `file`.
    pub fn new(file: &'f SourceFile, base: usize, source: TomlSource) -> Self {
        Ctx {
            file,
            base,
            source,
            errors: Vec::new(),
        }
    }

    /// A span of the TOML text, as a span of the file.
    pub fn span(&self, range: std::ops::Range<usize>) -> Span {
        Span::new(range.start + self.base, range.end + self.base)
    }

    /// Record an error about `span`.
    pub fn error(
        &mut self,
        kind: LoadErrorKind,
        span: Span,
        message: String,
        help: Option<String>,
    ) {
        let mut e = LoadError::at(kind, self.file, span, message);
        e.help = help;
        self.errors.push(e);
    }

    /// Parse `toml` (a slice of the file starting at `base`); a syntax error is recorded.
    ///
    /// Plain TOML is read by [`toml_subset`](crate::toml_subset) straight into the tree;
    /// everything else, and every error, by the `toml` crate, whose tree
    /// [`Parsed::table`] converts.
    pub fn parse<'i>(&mut self, toml: &'i str) -> Option<Parsed<'i>> {
        if let Some(table) = crate::toml_subset::parse(toml) {
            return Some(Parsed::Fast(table));
        }
        match DeTable::parse(toml) {
            Ok(table) => Some(Parsed::Full(table.into_inner())),
            Err(e) => {
                let message = e.message().trim().trim_end_matches('.').to_string();
                let deep = message.contains("recursion");
                // The parser gives no place for a key nested too deep: find it.
                let range = match e.span() {
                    Some(range) if !(deep && range.is_empty()) => range,
                    _ if deep => too_deep_key(toml).unwrap_or(0..0),
                    _ => 0..0,
                };
                let span = self.span(range);
                let help = if deep {
                    format!(
                        "TOML nested more than {TOML_DEPTH} levels deep (tables, arrays, inline \
                         tables or the parts of a dotted key) cannot be read; flatten it"
                    )
                } else {
                    toml_help(&message, self.source)
                };
                self.error(
                    LoadErrorKind::Toml,
                    span,
                    format!("malformed TOML: {message}"),
                    Some(help),
                );
                None
            }
        }
    }

    /// A key as written.
    pub fn key(&self, key: &Name<'_>) -> Key {
        Key {
            name: key.as_str().to_string(),
            span: self.span(key.span()),
        }
    }

    /// The TOML value as written in the file.
    pub fn raw(&self, value: &Node<'_>) -> String {
        self.file.slice(self.span(value.span())).to_string()
    }

    /// `value` as a string; a wrong type is recorded and gives `None`.
    pub fn text<'p>(&mut self, path: impl Into<KeyPath<'p>>, value: &Node<'_>) -> Option<Text> {
        let path = path.into();
        match value.get_ref() {
            Value::String(s) => Some(self.make_text(s, value.span())),
            other => {
                self.wrong_type(
                    path,
                    value.span(),
                    other,
                    "a string",
                    &format!("{} = \"...\"", leaf(&path.to_string())),
                );
                None
            }
        }
    }

    /// A [`Text`] for the string `s` written at `range` of the TOML.
    ///
    /// A string the TOML reader borrowed from the file (written without escapes) lies
    /// inside the file's text, which gives its exact span; an unescaped copy does not.
    pub fn make_text(&self, s: &str, range: std::ops::Range<usize>) -> Text {
        let span = self.span(range);
        let base = self.file.text.as_ptr() as usize;
        let at = s.as_ptr() as usize;
        let raw = at
            .checked_sub(base)
            .filter(|start| start + s.len() <= self.file.text.len())
            .map(|start| Span::new(start, start + s.len()));
        Text {
            text: s.to_string(),
            span,
            raw,
        }
    }

    /// `value` as a string or a list of strings (`by = "X"` or `by = ["X", "Y"]`).
    pub fn texts<'p>(&mut self, path: impl Into<KeyPath<'p>>, value: &Node<'_>) -> Vec<Text> {
        let path = path.into();
        match value.get_ref() {
            Value::String(s) => vec![self.make_text(s, value.span())],
            Value::Array(items) => {
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    if let Some(t) = self.text(KeyPath::Item(&path, i), item) {
                        out.push(t);
                    }
                }
                out
            }
            other => {
                let help = format!(
                    "{} = \"...\" or {} = [\"...\", \"...\"]",
                    leaf(&path.to_string()),
                    leaf(&path.to_string())
                );
                self.wrong_type(
                    path,
                    value.span(),
                    other,
                    "a string or a list of strings",
                    &help,
                );
                Vec::new()
            }
        }
    }

    /// `value` as a boolean.
    pub fn boolean<'p>(
        &mut self,
        path: impl Into<KeyPath<'p>>,
        value: &Node<'_>,
    ) -> Option<Located<bool>> {
        let path = path.into();
        match value.get_ref() {
            Value::Boolean(b) => Some(Located {
                value: *b,
                span: self.span(value.span()),
            }),
            other => {
                self.wrong_type(
                    path,
                    value.span(),
                    other,
                    "true or false",
                    &format!("{} = true", leaf(&path.to_string())),
                );
                None
            }
        }
    }

    /// `value` as an integer.
    pub fn integer<'p>(
        &mut self,
        path: impl Into<KeyPath<'p>>,
        value: &Node<'_>,
    ) -> Option<Located<i64>> {
        let path = path.into();
        let parsed = match value.get_ref() {
            Value::String(s) => s.trim().parse::<i64>().ok(),
            other => other.as_i64(),
        };
        match parsed {
            Some(v) => Some(Located {
                value: v,
                span: self.span(value.span()),
            }),
            None => {
                let other = value.get_ref();
                self.wrong_type(
                    path,
                    value.span(),
                    other,
                    "a whole number",
                    &format!("{} = 1", leaf(&path.to_string())),
                );
                None
            }
        }
    }

    /// `value` as a table.
    pub fn table<'t, 'i, 'p>(
        &mut self,
        path: impl Into<KeyPath<'p>>,
        value: &'t Node<'i>,
    ) -> Option<&'t Table<'i>> {
        let path = path.into();
        match value.get_ref() {
            Value::Table(t) => Some(t),
            other => {
                let help = format!("a table: [{path}] on its own line, then its keys");
                self.wrong_type(path, value.span(), other, "a table", &help);
                None
            }
        }
    }

    /// Record that `path` has the wrong type.
    pub fn wrong_type(
        &mut self,
        path: KeyPath<'_>,
        range: std::ops::Range<usize>,
        found: &Value<'_>,
        expected: &str,
        example: &str,
    ) {
        let span = self.span(range);
        // Examples are what to write (`date = "1921-02-16"`); the verb is added here, once.
        let example = example.strip_prefix("write ").unwrap_or(example);
        self.error(
            LoadErrorKind::WrongType,
            span,
            format!("`{path}` must be {expected}, not {}", found.type_name()),
            Some(format!("write {example}")),
        );
    }

    /// An unknown key of the table at `table_path`, kept in the model (not a load error: the
    /// linter's P004 reports it), with the closest of `known` and the table `schema` puts it in.
    pub fn unknown(
        &mut self,
        table_path: &str,
        key: &Name<'_>,
        value: &Node<'_>,
        known: &[&'static str],
        schema: Schema,
    ) -> UnknownKey {
        let key = self.key(key);
        let name = key.name.as_str();
        let path = if table_path.is_empty() {
            name.to_string()
        } else {
            format!("{table_path}.{name}")
        };
        let suggestion = closest(name, known.iter().copied()).map(str::to_string);
        let home = schema
            .iter()
            .find(|(table, keys)| {
                *table != table_path && table_base(table_path) != *table && keys.contains(&name)
            })
            .map(|(table, _)| *table);
        UnknownKey {
            path,
            raw_value: self.raw(value),
            value: value.get_ref().to_toml(),
            value_span: self.span(value.span()),
            position: self.file.line_col(key.span.start),
            key,
            suggestion,
            home: home.map(str::to_owned),
        }
    }
}

/// `notes[2]` gives `notes`.
fn table_base(path: &str) -> &str {
    path.split('[').next().unwrap_or(path)
}

/// The last component of a dotted path, without an index.
fn leaf(path: &str) -> &str {
    let last = path.rsplit('.').next().unwrap_or(path);
    last.split('[').next().unwrap_or(last)
}

/// A help line for a TOML syntax error.
fn toml_help(message: &str, source: TomlSource) -> String {
    let m = message.to_lowercase();
    if m.contains("duplicate") {
        "each key may be set only once in a table".to_string()
    } else if m.contains("string") || m.contains("quote") {
        "put text in double quotes: key = \"text\"; inside it, write \\\" for a quote".to_string()
    } else if m.contains("invalid key") || m.contains("expected `=`") || m.contains("key") {
        "write one `key = value` per line; table headers as [name]".to_string()
    } else {
        let what = match source {
            TomlSource::FrontMatter => "front matter (between the two `+++` lines)",
            TomlSource::Sidecar => "a sidecar file",
            TomlSource::Config => "ibid.toml",
        };
        format!("{what} must be TOML: `key = \"value\"` lines and [table] headers")
    }
}

/// How deep the TOML parser nests (tables, arrays and the parts of a dotted key).
const TOML_DEPTH: usize = 80;

/// The key (of a `key = value` line or a `[table]` header) with too many dotted parts, for a
/// recursion error the parser reports without a place. Quotes are respected; one pass.
fn too_deep_key(toml: &str) -> Option<std::ops::Range<usize>> {
    let mut offset = 0;
    for line in toml.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let lead = line.len() - line.trim_start().len();
        let mut parts = 1;
        let mut quote: Option<char> = None;
        let mut end = line.len();
        for (i, c) in line.char_indices().skip_while(|&(i, _)| i < lead) {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '.') => parts += 1,
                (None, '=' | ']' | '#' | '\n') => {
                    end = i;
                    break;
                }
                _ => {}
            }
        }
        if parts >= TOML_DEPTH {
            let key = line.get(lead..end).unwrap_or("").trim_end();
            return Some(start + lead..start + lead + key.len());
        }
    }
    None
}
