//! The one spanned TOML tree the model is read from: borrowed strings, entries in the order
//! written, small vectors instead of maps; built by the fast reader or from the `toml` crate's.
//!
//! [`toml_subset`](crate::toml_subset) builds it straight from plain front matter, with no
//! allocation for a string; [`Table::from_de`] converts the `toml` crate's `DeTable` (for
//! everything else), borrowing its strings. `toml_read.rs`, `read.rs`, `dates.rs` and
//! `config.rs` read only this tree, so the model is built by one piece of code either way.

use std::ops::Range;
use toml::de::{DeTable, DeValue};
use toml::value::Datetime;
use toml::Spanned;

/// A table: its keys and values in the order they were written.
#[derive(Debug, Clone, Default)]
pub(crate) struct Table<'t> {
    /// The entries, by the position of their key in the text.
    pub entries: Vec<(Name<'t>, Node<'t>)>,
}

/// A key as written (unquoted), with its span in the TOML text.
#[derive(Debug, Clone)]
pub(crate) struct Name<'t> {
    /// The key.
    pub text: &'t str,
    /// Where the key is written.
    pub span: Range<usize>,
}

/// A value with its span in the TOML text.
#[derive(Debug, Clone)]
pub(crate) struct Node<'t> {
    /// Where the value is written (for a table from a header, the header).
    pub span: Range<usize>,
    /// The value.
    pub value: Value<'t>,
}

/// A TOML value. Strings are borrowed: from the input when written without escapes (which
/// gives their exact place in the file), else from the `toml` crate's unescaped copy.
#[derive(Debug, Clone)]
pub(crate) enum Value<'t> {
    /// A string.
    String(&'t str),
    /// An integer: its digits as written (with any `_`, without the `0x`-style prefix) and
    /// their radix.
    Integer {
        /// The digits, with a sign if written.
        digits: &'t str,
        /// 10, or 2, 8, 16 for `0b`, `0o`, `0x`.
        radix: u32,
    },
    /// A float, as written.
    Float(&'t str),
    /// `true` or `false`.
    Boolean(bool),
    /// A date, time or both.
    Datetime(Datetime),
    /// A list.
    Array(Vec<Node<'t>>),
    /// A table (a header, an inline table or an entry of an array of tables).
    Table(Table<'t>),
}

impl<'t> Table<'t> {
    /// The entries in the order they were written.
    pub fn iter(&self) -> impl Iterator<Item = (&Name<'t>, &Node<'t>)> {
        self.entries.iter().map(|(name, node)| (name, node))
    }

    /// The value of `key`, if the table has it.
    pub fn get(&self, key: &str) -> Option<&Node<'t>> {
        self.entries
            .iter()
            .find(|(name, _)| name.text == key)
            .map(|(_, node)| node)
    }

    /// The `toml` crate's table as this tree, its entries sorted by where their keys are
    /// written (the crate keeps them by name).
    pub fn from_de(table: &'t DeTable<'_>) -> Self {
        let mut entries: Vec<(Name<'t>, Node<'t>)> = table
            .iter()
            .map(|(key, value)| {
                let name = Name {
                    text: key.get_ref().as_ref(),
                    span: key.span(),
                };
                (name, Node::from_de(value))
            })
            .collect();
        entries.sort_by_key(|(name, _)| name.span.start);
        Table { entries }
    }
}

impl Name<'_> {
    /// The key.
    pub fn as_str(&self) -> &str {
        self.text
    }

    /// Where the key is written.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }
}

impl<'t> Node<'t> {
    /// Where the value is written.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The value.
    pub fn get_ref(&self) -> &Value<'t> {
        &self.value
    }

    /// The `toml` crate's spanned value as a node of this tree.
    pub fn from_de(value: &'t Spanned<DeValue<'_>>) -> Self {
        let kind = match value.get_ref() {
            DeValue::String(s) => Value::String(s.as_ref()),
            DeValue::Integer(i) => Value::Integer {
                digits: i.as_str(),
                radix: i.radix(),
            },
            DeValue::Float(f) => Value::Float(f.as_str()),
            DeValue::Boolean(b) => Value::Boolean(*b),
            DeValue::Datetime(d) => Value::Datetime(*d),
            DeValue::Array(items) => Value::Array(items.iter().map(Node::from_de).collect()),
            DeValue::Table(t) => Value::Table(Table::from_de(t)),
        };
        Node {
            span: value.span(),
            value: kind,
        }
    }
}

impl Value<'_> {
    /// The integer's value, if it is one that fits an `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Integer { digits, radix } => parse_digits(digits, *radix, i64::from_str_radix),
            _ => None,
        }
    }

    /// The integer's value, if it is one that fits a `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Integer { digits, radix } => parse_digits(digits, *radix, u64::from_str_radix),
            _ => None,
        }
    }

    /// The name of the value's type, for messages: `a string`, `a list`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::String(_) => "a string",
            Value::Integer { .. } => "an integer",
            Value::Float(_) => "a number",
            Value::Boolean(_) => "a boolean",
            Value::Datetime(_) => "a date",
            Value::Array(_) => "a list",
            Value::Table(_) => "a table",
        }
    }

    /// The value as a plain `toml::Value` (an integer too large for one keeps its digits as
    /// a string).
    pub fn to_toml(&self) -> toml::Value {
        use toml::Value as V;
        match self {
            Value::String(s) => V::String((*s).to_string()),
            Value::Integer { digits, .. } => self
                .as_i64()
                .map_or_else(|| V::String((*digits).to_string()), V::Integer),
            Value::Float(text) => {
                let text = text.replace('_', "");
                let v = match text.as_str() {
                    "inf" | "+inf" => f64::INFINITY,
                    "-inf" => f64::NEG_INFINITY,
                    "nan" | "+nan" | "-nan" => f64::NAN,
                    t => t.parse().unwrap_or(0.0),
                };
                V::Float(v)
            }
            Value::Boolean(b) => V::Boolean(*b),
            Value::Datetime(d) => V::Datetime(*d),
            Value::Array(a) => V::Array(a.iter().map(|v| v.value.to_toml()).collect()),
            Value::Table(t) => V::Table(
                t.iter()
                    .map(|(k, v)| (k.text.to_string(), v.value.to_toml()))
                    .collect(),
            ),
        }
    }
}

/// `digits` (with any `_` separators) in `radix`, read by `from` (`i64::from_str_radix`,
/// `u64::from_str_radix`).
fn parse_digits<T>(
    digits: &str,
    radix: u32,
    from: fn(&str, u32) -> Result<T, std::num::ParseIntError>,
) -> Option<T> {
    if digits.contains('_') {
        from(&digits.replace('_', ""), radix).ok()
    } else {
        from(digits, radix).ok()
    }
}
