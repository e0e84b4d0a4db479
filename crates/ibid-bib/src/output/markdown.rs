//! The bibliography as Markdown: `##` section titles, `###` repositories, entries as
//! paragraphs with emphasis for italics and bold.

use super::write_runs;
use crate::bibliography::Rendered;
use crate::render::Look;

/// `text` with the characters Markdown would read as markup escaped.
pub fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn wrap(look: &Look, text: &str, link: Option<&str>) -> String {
    // Emphasis markers must touch the text: keep outer blanks outside them.
    let inner = text.trim();
    if inner.is_empty() {
        return text.to_string();
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let tail = &text[text.trim_end().len()..];
    let mut body = inner.to_string();
    if look.italic {
        body = format!("*{body}*");
    }
    if look.bold {
        body = format!("**{body}**");
    }
    if look.superscript {
        body = format!("^{body}^");
    }
    if look.subscript {
        body = format!("~{body}~");
    }
    if let Some(url) = link {
        body = format!("[{body}](<{url}>)");
    }
    format!("{lead}{body}{tail}")
}

/// The bibliography as Markdown.
pub fn markdown(bib: &Rendered) -> String {
    let mut out = String::new();
    if !bib.archival.is_empty() {
        out.push_str(&format!("## {}\n\n", bib.titles.archival));
        for repository in &bib.archival {
            out.push_str(&format!("### {}\n\n", markdown_escape(&repository.name)));
            for file in &repository.files {
                out.push_str(&format!("- {}\n", markdown_escape(&file.text)));
            }
            out.push('\n');
        }
    }
    if !bib.published.is_empty() {
        if !bib.archival.is_empty() {
            out.push_str(&format!("## {}\n\n", bib.titles.published));
        }
        for entry in &bib.published {
            let mut line = String::new();
            if !entry.label.is_empty() {
                write_runs(&entry.label, &mut line, markdown_escape, wrap);
                line.push(' ');
            }
            write_runs(&entry.body, &mut line, markdown_escape, wrap);
            out.push_str(line.trim());
            out.push_str("\n\n");
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
