//! The outputs of `ibid bib`: the rendered bibliography as text, Markdown or a standalone
//! HTML page, and the entries exported as BibTeX, BibLaTeX, CSL-JSON or RIS.

mod bibtex;
mod csljson;
pub(crate) mod html;
mod markdown;
mod ris;
mod text;

pub use bibtex::{bibtex, BibtexDialect};
pub use csljson::csl_json;
pub use html::{html_escape, html_page};
pub use markdown::{markdown, markdown_escape};
pub use ris::ris;
pub use text::text;

use crate::render::{Look, Run};

/// The formats `ibid bib --to` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// A standalone HTML page with an anchor per entry.
    Html,
    /// BibTeX.
    Bibtex,
    /// BibLaTeX.
    Biblatex,
    /// CSL-JSON.
    CslJson,
    /// RIS (Zotero, EndNote).
    Ris,
}

impl Format {
    /// Whether the format is rendered through a style (text, Markdown, HTML) rather than
    /// an export of the entries' data.
    pub fn is_rendered(self) -> bool {
        matches!(self, Format::Text | Format::Markdown | Format::Html)
    }
}

/// Write `runs` with `escape` for their text and `wrap` for how each is set.
pub(crate) fn write_runs(
    runs: &[Run],
    out: &mut String,
    escape: fn(&str) -> String,
    wrap: fn(&Look, &str, Option<&str>) -> String,
) {
    for run in runs {
        let text = escape(&run.text);
        out.push_str(&wrap(&run.look, &text, run.link.as_deref()));
    }
}
