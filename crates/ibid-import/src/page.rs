//! Reading an input: bytes to text (UTF-8, no NUL bytes, not empty), the input's format
//! (plain text, Markdown, HTML), and the page as lines with their line ending and BOM.

use serde::Serialize;
use std::path::Path;

/// The format of an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum InputFormat {
    /// Plain text pasted from a browser.
    Text,
    /// Markdown.
    Markdown,
    /// An HTML page saved from a browser.
    Html,
}

impl InputFormat {
    /// The format a file's name and first bytes tell: `.html`/`.htm`/`.xhtml`, or text that
    /// opens with `<!DOCTYPE html` or `<html`, is HTML; `.md`/`.markdown` is Markdown.
    pub fn detect(path: &Path, bytes: &[u8]) -> InputFormat {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        match ext.as_str() {
            "html" | "htm" | "xhtml" => return InputFormat::Html,
            "md" | "markdown" => return InputFormat::Markdown,
            _ => {}
        }
        let head = bytes.get(..bytes.len().min(512)).unwrap_or_default();
        let head = String::from_utf8_lossy(head).to_ascii_lowercase();
        let head = head.trim_start_matches('\u{feff}').trim_start();
        if head.starts_with("<!doctype html") || head.starts_with("<html") {
            InputFormat::Html
        } else {
            InputFormat::Text
        }
    }
}

/// Why an input could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ReadError {
    /// The bytes are not UTF-8.
    NotUtf8 {
        /// Offset of the first bad byte.
        offset: usize,
        /// Line (from 1) of that byte.
        line: usize,
        /// Column (from 1, in characters) of that byte.
        column: usize,
    },
    /// A NUL byte: a binary file.
    Binary {
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// Nothing but white space.
    Empty,
}

impl ReadError {
    /// A sentence saying what is wrong.
    pub fn message(&self) -> String {
        match self {
            ReadError::NotUtf8 { offset, .. } => {
                format!("the file is not valid UTF-8 (a bad byte at offset {offset})")
            }
            ReadError::Binary { offset } => {
                format!("this is a binary file (a NUL byte at offset {offset}), not a page")
            }
            ReadError::Empty => "the file is empty".to_string(),
        }
    }

    /// How to fix it.
    pub fn help(&self) -> &'static str {
        match self {
            ReadError::NotUtf8 { .. } => {
                "save the page as UTF-8, e.g. `iconv -f WINDOWS-1251 -t UTF-8 page.txt > page.utf8.txt`"
            }
            ReadError::Binary { .. } => "import text, Markdown or HTML pages only",
            ReadError::Empty => "paste the page's text into the file",
        }
    }

    /// Line and column, when the error has one.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            ReadError::NotUtf8 { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }
}

/// A page as lines of text, ready for extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The lines, without their line endings.
    pub lines: Vec<String>,
    /// Whether the file started with a byte-order mark.
    pub bom: bool,
    /// Whether lines ended with CRLF.
    pub crlf: bool,
    /// Whether the last line ended with a line ending.
    pub final_newline: bool,
    /// The format the page was read from.
    pub format: InputFormat,
}

impl Page {
    /// Read `bytes` in `format`: decode, convert HTML to text, split into lines.
    pub fn read(bytes: &[u8], format: InputFormat) -> Result<Page, ReadError> {
        let text = decode(bytes)?;
        let (text, bom) = match text.strip_prefix('\u{feff}') {
            Some(rest) => (rest, true),
            None => (text, false),
        };
        let owned;
        let text = if format == InputFormat::Html {
            owned = crate::html::to_text(text);
            owned.as_str()
        } else {
            text
        };
        if text.trim().is_empty() {
            return Err(ReadError::Empty);
        }
        Ok(Page::from_text(text, bom, format))
    }

    /// Split `text` into lines (LF or CRLF).
    pub fn from_text(text: &str, bom: bool, format: InputFormat) -> Page {
        let crlf = text.contains("\r\n");
        let final_newline = text.ends_with('\n');
        let body = text.strip_suffix('\n').unwrap_or(text);
        let lines = body
            .split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
            .collect();
        Page {
            lines,
            bom,
            crlf,
            final_newline,
            format,
        }
    }

    /// The line ending to write: the page's own.
    pub fn newline(&self) -> &'static str {
        if self.crlf {
            "\r\n"
        } else {
            "\n"
        }
    }

    /// Whether the page is already a document in format v1 (it opens with `+++` front
    /// matter), so that importing it again must change nothing.
    pub fn has_front_matter(&self) -> bool {
        self.lines.first().is_some_and(|l| l.trim_end() == "+++")
    }
}

/// `bytes` as UTF-8 text, refusing binary files.
fn decode(bytes: &[u8]) -> Result<&str, ReadError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ReadError::Binary { offset });
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let head = std::str::from_utf8(bytes.get(..offset).unwrap_or_default()).unwrap_or("");
        let line = head.matches('\n').count() + 1;
        let column = head.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        ReadError::NotUtf8 {
            offset,
            line,
            column,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_bytes_are_errors_with_positions() {
        let e = Page::read(b"ab\ncd\xff", InputFormat::Text).unwrap_err();
        assert_eq!(e.position(), Some((2, 3)));
        assert!(matches!(
            Page::read(b"a\0b", InputFormat::Text),
            Err(ReadError::Binary { offset: 1 })
        ));
        assert_eq!(
            Page::read(b" \n ", InputFormat::Text),
            Err(ReadError::Empty)
        );
    }

    #[test]
    fn line_endings_and_bom_are_recorded() {
        let p = Page::read("\u{feff}a\r\nb\r\n".as_bytes(), InputFormat::Text).unwrap();
        assert_eq!(p.lines, ["a", "b"]);
        assert!(p.bom && p.crlf && p.final_newline);
    }

    #[test]
    fn formats_are_told_by_name_then_content() {
        assert_eq!(
            InputFormat::detect(Path::new("a.htm"), b""),
            InputFormat::Html
        );
        assert_eq!(
            InputFormat::detect(Path::new("a.txt"), b"  <!DOCTYPE html><p>x"),
            InputFormat::Html
        );
        assert_eq!(
            InputFormat::detect(Path::new("a.md"), b"x"),
            InputFormat::Markdown
        );
        assert_eq!(InputFormat::detect(Path::new("a"), b"x"), InputFormat::Text);
    }
}
