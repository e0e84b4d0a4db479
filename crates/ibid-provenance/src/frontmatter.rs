//! Finding the TOML front matter between `+++` lines at the top of a document, and the
//! body after it; a UTF-8 byte-order mark and CRLF line endings are allowed.

use ibid_parse::Span;

/// Where the front matter and the body are in a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// No front matter: the body is everything after an optional BOM.
    Plain {
        /// The body.
        body: Span,
    },
    /// Front matter between `+++` lines.
    FrontMatter {
        /// The TOML between the two `+++` lines.
        toml: Span,
        /// The body after the closing line.
        body: Span,
    },
    /// An opening `+++` line with no closing one.
    Unclosed {
        /// The opening line.
        open: Span,
    },
}

const BOM: &str = "\u{feff}";

/// Whether `line` (without its line ending) is a `+++` delimiter (trailing blanks allowed).
fn is_delimiter(line: &str) -> bool {
    line.trim_end_matches([' ', '\t', '\r']) == "+++"
}

/// Split `text` into front matter and body.
pub fn split(text: &str) -> Split {
    let start = if text.starts_with(BOM) { BOM.len() } else { 0 };
    let rest = text.get(start..).unwrap_or("");
    let first_end = rest.find('\n').map_or(rest.len(), |i| i);
    let first = rest.get(..first_end).unwrap_or("");
    if !is_delimiter(first) {
        return Split::Plain {
            body: Span::new(start, text.len()),
        };
    }
    let toml_start = (start + first_end + 1).min(text.len());
    // The closing line is the first delimiter line after the opening one; every delimiter
    // line starts with `+++`, so only the lines that do are looked at.
    let tail = text.get(toml_start..).unwrap_or("").as_bytes();
    for at in memchr::memmem::find_iter(tail, "+++") {
        if at > 0 && tail[at - 1] != b'\n' {
            continue;
        }
        let line_start = toml_start + at;
        let line_end = memchr::memchr(b'\n', &tail[at..]).map_or(text.len(), |i| line_start + i);
        let line = text.get(line_start..line_end).unwrap_or("");
        if is_delimiter(line) {
            return Split::FrontMatter {
                toml: Span::new(toml_start, line_start),
                body: Span::new((line_end + 1).min(text.len()), text.len()),
            };
        }
    }
    Split::Unclosed {
        open: Span::new(start, start + first.trim_end().len()),
    }
}

/// Why a text that seems to try to have front matter has none that ibid reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NearMiss {
    /// It opens with a `---` line: YAML front matter (Jekyll, Hugo's YAML form), not read.
    Yaml {
        /// The `---` line.
        line: Span,
    },
    /// A `+++` line comes after blank lines: front matter must start on the first line.
    NotFirstLine {
        /// The `+++` line.
        line: Span,
        /// How many blank lines come before it.
        blank_lines: usize,
    },
}

/// For a text [`split`] finds no front matter in: whether it looks like an attempt at some,
/// and what is wrong with it. Reads only the blank lines at the top and one more line.
pub fn near_miss(text: &str) -> Option<NearMiss> {
    let start = if text.starts_with(BOM) { BOM.len() } else { 0 };
    let mut offset = start;
    let mut blank_lines = 0;
    for line in text.get(start..).unwrap_or("").split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim_end_matches([' ', '\t']);
        let span = Span::new(offset, offset + trimmed.len());
        if trimmed.trim_start().is_empty() {
            blank_lines += 1;
            offset += line.len();
            continue;
        }
        return match trimmed.trim_start() {
            "---" if blank_lines == 0 => Some(NearMiss::Yaml { line: span }),
            "+++" if blank_lines > 0 => Some(NearMiss::NotFirstLine {
                line: span,
                blank_lines,
            }),
            _ => None,
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_are_named() {
        assert!(matches!(
            near_miss("---\ntitle: x\n---\nBody"),
            Some(NearMiss::Yaml { line }) if line == Span::new(0, 3)
        ));
        assert!(matches!(
            near_miss("\n\r\n+++\ntitle = \"x\"\n+++\n"),
            Some(NearMiss::NotFirstLine { blank_lines: 2, line }) if line == Span::new(3, 6)
        ));
        assert_eq!(near_miss("Plain text.\n---\n"), None);
        assert_eq!(near_miss("\n---\n"), None);
        assert_eq!(near_miss(""), None);
    }

    #[test]
    fn splits_front_matter_with_bom_and_crlf() {
        let text = "\u{feff}+++\r\ntitle = \"x\"\r\n+++\r\nBody\r\n";
        let Split::FrontMatter { toml, body } = split(text) else {
            panic!("no front matter")
        };
        assert_eq!(toml.slice(text), "title = \"x\"\r\n");
        assert_eq!(body.slice(text), "Body\r\n");
    }

    #[test]
    fn plain_and_unclosed() {
        assert_eq!(
            split("Body"),
            Split::Plain {
                body: Span::new(0, 4)
            }
        );
        assert_eq!(
            split("+++\na = 1\n"),
            Split::Unclosed {
                open: Span::new(0, 3)
            }
        );
        assert_eq!(
            split("+++\n+++"),
            Split::FrontMatter {
                toml: Span::new(4, 4),
                body: Span::new(7, 7)
            }
        );
        assert_eq!(
            split("++++\n"),
            Split::Plain {
                body: Span::new(0, 5)
            }
        );
    }
}
