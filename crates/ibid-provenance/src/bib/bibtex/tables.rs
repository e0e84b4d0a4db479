//! The data tables the `.bib` reader uses (LaTeX commands, biblatex localisation keys), read
//! once from the tab-separated files in `data/`.

use std::collections::HashMap;
use std::sync::OnceLock;

/// What a LaTeX command stands for in plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Command {
    /// Replaced by this text (`\ss` → `ß`, `\textendash` → `–`).
    Symbol(String),
    /// A combining mark for the next letter (`\'` → U+0301).
    Accent(char),
    /// The next argument is kept, between these two texts (`\mkbibquote` → `“`…`”`).
    Wrap(String, String),
    /// The next argument is not text and is skipped (`\noopsort`, the URL of `\href`).
    Drop,
}

/// Undo the escapes of the value column: `\\` is a backslash, `\t` a tab.
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The non-comment lines of a table, split at tabs.
fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// The command named `name` (without its backslash), if the table knows it.
pub(crate) fn command(name: &str) -> Option<&'static Command> {
    static TABLE: OnceLock<HashMap<&'static str, Command>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            rows(include_str!("../../../data/latex-commands.tsv"))
                .filter_map(|row| {
                    let (kind, name) = (*row.first()?, *row.get(1)?);
                    let value = unescape(row.get(2).copied().unwrap_or(""));
                    let command = match kind {
                        "symbol" => Command::Symbol(value),
                        "accent" => Command::Accent(value.chars().next()?),
                        "wrap" => {
                            let (open, close) = value.split_once('|').unwrap_or(("", ""));
                            Command::Wrap(open.to_string(), close.to_string())
                        }
                        _ => Command::Drop,
                    };
                    Some((name, command))
                })
                .collect()
        })
        .get(name)
}

/// The English text of a biblatex localisation key (`phdthesis` → `PhD thesis`).
pub(crate) fn bibstring(key: &str) -> Option<&'static str> {
    static TABLE: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            rows(include_str!("../../../data/biblatex-strings.tsv"))
                .filter_map(|row| Some((row.first()?.to_ascii_lowercase(), *row.get(1)?)))
                .collect()
        })
        .get(key.trim().to_ascii_lowercase().as_str())
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load() {
        assert_eq!(command("ss"), Some(&Command::Symbol("ß".into())));
        assert_eq!(command("'"), Some(&Command::Accent('\u{301}')));
        assert_eq!(
            command("textbackslash"),
            Some(&Command::Symbol("\\".into()))
        );
        assert_eq!(
            command("mkbibquote"),
            Some(&Command::Wrap("“".into(), "”".into()))
        );
        assert_eq!(command("noopsort"), Some(&Command::Drop));
        assert_eq!(command("nosuchcommand"), None);
        assert_eq!(bibstring("PhDThesis"), Some("PhD thesis"));
    }
}
