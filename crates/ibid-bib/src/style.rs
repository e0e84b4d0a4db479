//! Choosing a CSL style and locale: any style of hayagriva's archive by name, any `.csl`
//! file by path (a dependent style through its parent in the archive), and the CSL locales
//! of the archive; each mistake is an error that says what would work.

pub use crate::tidy::{LabelCase, StyleText};
use hayagriva::archive::{locales, ArchivedStyle};
use hayagriva::citationberg::{IndependentStyle, Locale, LocaleCode, Style};
use ibid_check::cache::ContentKey;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A style ready to render with, and what identifies it in the cache.
#[derive(Debug, Clone)]
pub struct LoadedStyle {
    /// The name it was asked for by (`chicago-author-date`, or the file's path).
    pub name: String,
    /// The style.
    pub csl: IndependentStyle,
    /// The archived style, when it is one (grouped rendering is proved for these only).
    pub archived: Option<ArchivedStyle>,
    /// What identifies the style's content: the archive name, or a hash of the file.
    pub identity: String,
    /// What the style writes itself that tidying its output depends on.
    pub text: StyleText,
}

/// Why a style or locale cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StyleError {
    /// No archived style has this name.
    UnknownStyle {
        /// The name asked for.
        name: String,
        /// Archived names close to it.
        close: Vec<String>,
    },
    /// The `.csl` file cannot be read.
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The file is not a CSL style.
    NotCsl {
        /// The file.
        path: PathBuf,
        /// Line of the problem, from 1.
        line: usize,
        /// Column of the problem, from 1.
        column: usize,
        /// What is wrong.
        reason: String,
    },
    /// A dependent style whose parent is not in the archive.
    UnknownParent {
        /// The file.
        path: PathBuf,
        /// The parent's link.
        parent: String,
    },
    /// No CSL locale has this code.
    UnknownLocale {
        /// The code asked for.
        code: String,
        /// Every available code.
        available: Vec<String>,
    },
}

impl fmt::Display for StyleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StyleError::UnknownStyle { name, close } if close.is_empty() => write!(
                f,
                "unknown style `{name}`; `ibid bib --list-styles` lists the styles, or give a CSL file with --csl"
            ),
            StyleError::UnknownStyle { name, close } => write!(
                f,
                "unknown style `{name}`; did you mean {}? (`ibid bib --list-styles` lists them all)",
                close
                    .iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            StyleError::Unreadable { path, reason } => {
                write!(f, "cannot read the CSL style {}: {reason}", path.display())
            }
            StyleError::NotCsl {
                path,
                line,
                column,
                reason,
            } => write!(
                f,
                "{}:{line}:{column}: not a CSL style: {reason}",
                path.display()
            ),
            StyleError::UnknownParent { path, parent } => write!(
                f,
                "{}: a dependent style of `{parent}`, which is not among the archived styles; give the parent .csl file instead",
                path.display()
            ),
            StyleError::UnknownLocale { code, available } => write!(
                f,
                "unknown locale `{code}`; available: {}",
                available.join(", ")
            ),
        }
    }
}

impl std::error::Error for StyleError {}

/// Every name of every archived style, sorted.
pub fn style_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = ArchivedStyle::all()
        .iter()
        .flat_map(|s| s.names().iter().copied())
        .collect();
    names.sort_unstable();
    names
}

/// The archived style called `name`.
pub fn archived_style(name: &str) -> Result<LoadedStyle, StyleError> {
    let wanted = name.trim().to_lowercase();
    let Some(archived) = ArchivedStyle::by_name(&wanted) else {
        return Err(StyleError::UnknownStyle {
            name: name.to_string(),
            close: close_names(&wanted),
        });
    };
    match archived.get() {
        Style::Independent(csl) => Ok(LoadedStyle {
            name: wanted,
            identity: format!("archive:{}", archived.names()[0]),
            text: style_text(&csl),
            csl,
            archived: Some(archived),
        }),
        Style::Dependent(_) => Err(StyleError::UnknownStyle {
            name: name.to_string(),
            close: Vec::new(),
        }),
    }
}

/// Archived style names close to `name`: those that contain it, then those a few edits away.
fn close_names(name: &str) -> Vec<String> {
    let mut scored: Vec<(f64, &str)> = style_names()
        .into_iter()
        .filter_map(|candidate| {
            let score = if candidate.contains(name) || name.contains(candidate) {
                2.0
            } else {
                strsim::jaro_winkler(name, candidate)
            };
            (score >= 0.85).then_some((score, candidate))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(6)
        .map(|(_, n)| n.to_string())
        .collect()
}

/// The style in the `.csl` file at `path`.
pub fn style_file(path: &Path) -> Result<LoadedStyle, StyleError> {
    let bytes = std::fs::read(path).map_err(|e| StyleError::Unreadable {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| StyleError::Unreadable {
        path: path.to_path_buf(),
        reason: format!(
            "not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ),
    })?;
    parse_style(path, &text)
}

/// The style in `text`, the contents of `path` (no I/O).
pub fn parse_style(path: &Path, text: &str) -> Result<LoadedStyle, StyleError> {
    let not_csl = |line: usize, column: usize, reason: String| StyleError::NotCsl {
        path: path.to_path_buf(),
        line,
        column,
        reason,
    };
    let document = roxmltree::Document::parse(text).map_err(|e| {
        let pos = e.pos();
        not_csl(pos.row as usize, pos.col as usize, e.to_string())
    })?;
    let root = document.root_element();
    let root_at = document.text_pos_at(root.range().start);
    if root.tag_name().name() != "style" {
        return Err(not_csl(
            root_at.row as usize,
            root_at.col as usize,
            format!(
                "the root element is <{}>, a CSL style's is <style>",
                root.tag_name().name()
            ),
        ));
    }
    let style = Style::from_xml(text).map_err(|e| {
        let (line, column) = locate(&document, e.path.as_ref().map(|p| p.to_string()));
        not_csl(line, column, describe(&e))
    })?;
    // The whole text, hashed as the cache keys contents: an edited style is another style.
    let identity = format!("file:{:x}", ContentKey::of(&[text.as_bytes()]));
    let name = path.display().to_string();
    match style {
        Style::Independent(csl) => Ok(LoadedStyle {
            name,
            text: StyleText::read(text),
            csl,
            archived: None,
            identity,
        }),
        Style::Dependent(dependent) => {
            let parent = dependent.parent_link.href.to_string();
            let archived =
                ArchivedStyle::by_id(&parent).ok_or_else(|| StyleError::UnknownParent {
                    path: path.to_path_buf(),
                    parent: parent.clone(),
                })?;
            let Style::Independent(mut csl) = archived.get() else {
                return Err(StyleError::UnknownParent {
                    path: path.to_path_buf(),
                    parent,
                });
            };
            if dependent.default_locale.is_some() {
                csl.default_locale = dependent.default_locale;
            }
            Ok(LoadedStyle {
                name,
                text: style_text(&csl),
                csl,
                archived: None,
                identity,
            })
        }
    }
}

/// What `csl` writes itself (see [`StyleText`]).
fn style_text(csl: &IndependentStyle) -> StyleText {
    match Style::Independent(csl.clone()).to_xml() {
        Ok(xml) => StyleText::read(&xml),
        Err(_) => StyleText::read(""),
    }
}

/// The style as CSL XML (for other processors, e.g. `pandoc --citeproc --csl`).
pub fn style_xml(style: &LoadedStyle) -> Result<String, String> {
    Style::Independent(style.csl.clone())
        .to_xml()
        .map(|xml| {
            // Processors look elements up in the CSL namespace.
            let xml = if xml.contains("xmlns=") {
                xml
            } else {
                xml.replacen(
                    "<style ",
                    "<style xmlns=\"http://purl.org/net/xbiblio/csl\" ",
                    1,
                )
            };
            format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n{xml}\n")
        })
        .map_err(|e| e.to_string())
}

/// A CSL parse error in words, without the internal path syntax.
fn describe(error: &hayagriva::citationberg::XmlDeError) -> String {
    let source = error.source.to_string();
    match &error.path {
        Some(path) if !path.to_string().is_empty() && path.to_string() != "." => {
            format!("{source} (in {})", path.to_string().replace(".$value", ""))
        }
        _ => source,
    }
}

/// The line and column of the element a deserialisation path names, as far as it can be
/// followed (`macro[2].names` → the second `<macro>`'s `<names>`); the root otherwise.
fn locate(document: &roxmltree::Document<'_>, path: Option<String>) -> (usize, usize) {
    let mut node = document.root_element();
    if let Some(path) = path {
        for segment in path.split('.') {
            let (name, index) = match segment.split_once('[') {
                Some((n, rest)) => (n, rest.trim_end_matches(']').parse::<usize>().unwrap_or(0)),
                None => (segment, 0),
            };
            let name = name.trim_start_matches('@');
            let next = node
                .children()
                .filter(|c| c.is_element() && c.tag_name().name() == name)
                .nth(index);
            match next {
                Some(n) => node = n,
                None => continue,
            }
        }
    }
    let at = document.text_pos_at(node.range().start);
    (at.row as usize, at.col as usize)
}

/// A stable hash of a text (FNV-1a), for cache identities.
pub(crate) fn hash_text(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Every CSL locale of the archive, decoded once.
pub fn all_locales() -> &'static [Locale] {
    static LOCALES: OnceLock<Vec<Locale>> = OnceLock::new();
    LOCALES.get_or_init(locales)
}

/// The codes of the available locales, sorted.
pub fn locale_codes() -> Vec<String> {
    let mut codes: Vec<String> = all_locales()
        .iter()
        .filter_map(|l| l.lang.as_ref().map(|c| c.0.clone()))
        .collect();
    codes.sort();
    codes
}

/// The locale `code` names (`ru-RU`, or `ru` for the first `ru-*`), checked against the
/// archive's locales.
pub fn locale(code: &str) -> Result<LocaleCode, StyleError> {
    let codes = locale_codes();
    let wanted = code.trim();
    if let Some(exact) = codes.iter().find(|c| c.eq_ignore_ascii_case(wanted)) {
        return Ok(LocaleCode(exact.clone()));
    }
    // A bare language: its main region (`de-DE`, `fr-FR`, `en-US`), else the first.
    let language = wanted.to_lowercase();
    let prefix = format!("{language}-");
    let regional: Vec<&String> = codes
        .iter()
        .filter(|c| c.to_lowercase().starts_with(&prefix))
        .collect();
    let main = if language == "en" {
        "en-us".to_string()
    } else {
        format!("{language}-{language}")
    };
    if let Some(chosen) = regional
        .iter()
        .find(|c| c.to_lowercase() == main)
        .or(regional.first())
    {
        return Ok(LocaleCode((*chosen).clone()));
    }
    Err(StyleError::UnknownLocale {
        code: code.to_string(),
        available: codes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_close_names() {
        assert!(archived_style("chicago-author-date").is_ok());
        assert!(archived_style("gost-r-705-2008-numeric").is_ok());
        match archived_style("chicago") {
            Err(StyleError::UnknownStyle { close, .. }) => {
                assert!(
                    close.contains(&"chicago-author-date".to_string()),
                    "{close:?}"
                );
                assert!(close.contains(&"chicago-notes".to_string()), "{close:?}");
            }
            other => panic!("{other:?}"),
        }
        match archived_style("chicgo-notes") {
            Err(StyleError::UnknownStyle { close, .. }) => {
                assert_eq!(close.first().map(String::as_str), Some("chicago-notes"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn locales_by_code_or_language() {
        assert_eq!(locale("ru-RU").unwrap().0, "ru-RU");
        assert_eq!(locale("de").unwrap().0, "de-DE");
        assert_eq!(locale("en").unwrap().0, "en-US");
        assert!(matches!(
            locale("xx-YY"),
            Err(StyleError::UnknownLocale { .. })
        ));
    }

    #[test]
    fn files_that_are_not_csl() {
        let p = Path::new("x.csl");
        match parse_style(p, "<html>\n<body/></html>") {
            Err(StyleError::NotCsl { line, reason, .. }) => {
                assert_eq!(line, 1);
                assert!(reason.contains("<html>"), "{reason}");
            }
            other => panic!("{other:?}"),
        }
        match parse_style(p, "<style>\n  <info>\n</style>") {
            Err(StyleError::NotCsl { line, .. }) => assert_eq!(line, 3),
            other => panic!("{other:?}"),
        }
    }
}
