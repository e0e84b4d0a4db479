//! The bibliography as plain text: each section under its title, one entry a paragraph.

use crate::bibliography::Rendered;

/// The bibliography as plain text.
pub fn text(bib: &Rendered) -> String {
    let mut out = String::new();
    if !bib.archival.is_empty() {
        out.push_str(bib.titles.archival);
        out.push_str("\n\n");
        for repository in &bib.archival {
            for file in &repository.files {
                out.push_str(&file.text);
                out.push('\n');
            }
            out.push('\n');
        }
    }
    if !bib.published.is_empty() {
        if !bib.archival.is_empty() {
            out.push_str(bib.titles.published);
            out.push_str("\n\n");
        }
        for entry in &bib.published {
            out.push_str(entry.plain().trim());
            out.push_str("\n\n");
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
