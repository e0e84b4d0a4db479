//! The bibliography as a standalone HTML page: a section per kind of source, an anchor
//! (`id`) on every entry so that documents and indexes can link to it.

use super::write_runs;
use crate::bibliography::Rendered;
use crate::render::Look;

/// `text` with `&`, `<`, `>`, `"` and `'` escaped.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn wrap(look: &Look, text: &str, link: Option<&str>) -> String {
    let mut body = text.to_string();
    let tags: [(bool, &str); 6] = [
        (look.italic, "i"),
        (look.bold, "b"),
        (look.underline, "u"),
        (look.superscript, "sup"),
        (look.subscript, "sub"),
        (look.small_caps, "span style=\"font-variant: small-caps\""),
    ];
    for (on, tag) in tags {
        if on {
            let close = tag.split(' ').next().unwrap_or(tag);
            body = format!("<{tag}>{body}</{close}>");
        }
    }
    match link {
        Some(url) => format!("<a href=\"{}\">{body}</a>", html_escape(url)),
        None => body,
    }
}

/// The start of a standalone page titled `title`, in `language`.
pub(crate) fn page_start(title: &str, language: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\nbody {{ max-width: 48em; margin: 2em auto; font-family: serif; line-height: 1.4; }}\n.csl-entry {{ padding-left: 2em; text-indent: -2em; margin-bottom: 0.6em; }}\n</style>\n</head>\n<body>\n",
        html_escape(language),
        html_escape(title)
    )
}

/// The end of a standalone page.
pub(crate) const PAGE_END: &str = "</body>\n</html>\n";

/// The bibliography as a standalone HTML page in `language` (`en`, `ru`, ...).
pub fn html_page(bib: &Rendered, language: &str) -> String {
    let title = if bib.archival.is_empty() {
        bib.titles.published
    } else {
        bib.titles.archival
    };
    let mut out = page_start(title, language);
    if !bib.archival.is_empty() {
        out.push_str(&format!(
            "<section id=\"archival-sources\">\n<h2>{}</h2>\n",
            html_escape(bib.titles.archival)
        ));
        for repository in &bib.archival {
            out.push_str(&format!(
                "<h3>{}</h3>\n<ul>\n",
                html_escape(&repository.name)
            ));
            for file in &repository.files {
                out.push_str(&format!(
                    "<li id=\"{}\">{}</li>\n",
                    file.anchor,
                    html_escape(&file.text)
                ));
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }
    if !bib.published.is_empty() {
        out.push_str("<section id=\"published-sources\">\n");
        if !bib.archival.is_empty() {
            out.push_str(&format!("<h2>{}</h2>\n", html_escape(bib.titles.published)));
        }
        for entry in &bib.published {
            out.push_str(&format!(
                "<div class=\"csl-entry\" id=\"ref-{}\">",
                html_escape(&entry.id)
            ));
            if !entry.label.is_empty() {
                let mut label = String::new();
                write_runs(&entry.label, &mut label, html_escape, wrap);
                out.push_str(&format!("<span class=\"csl-label\">{label}</span> "));
            }
            let mut body = String::new();
            write_runs(&entry.body, &mut body, html_escape, wrap);
            out.push_str(body.trim());
            out.push_str("</div>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str(PAGE_END);
    out
}
