//! HTML saved from a browser to text lines, as a browser's copy and paste gives them:
//! paragraphs apart by a blank line, list items numbered, scripts and styles left out.

use scraper::{Html, Node};

/// Elements whose content is never text of the page.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "iframe", "object", "canvas",
];
/// Elements set apart by a blank line.
const PARAGRAPHS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "table",
    "hr",
    "figure",
    "address",
    "header",
    "footer",
    "nav",
    "aside",
    "section",
    "article",
    "main",
    "form",
    "dl",
];
/// Elements that start a new line.
const LINES: &[&str] = &[
    "div",
    "li",
    "tr",
    "dt",
    "dd",
    "figcaption",
    "caption",
    "label",
];

/// The text of the HTML page `html`, one line per paragraph or list item.
pub(crate) fn to_text(html: &str) -> String {
    let document = Html::parse_document(html);
    let mut out = Writer::default();
    out.walk(document.tree.root(), &mut Vec::new());
    out.finish()
}

#[derive(Default)]
struct Writer {
    lines: Vec<String>,
    line: String,
    /// 0: none, 1: a line break, 2: a blank line, before the next text.
    pending: u8,
    pre: usize,
    sup: usize,
}

/// A list being written: its next number, or `None` for bullets.
type List = Option<i64>;

impl Writer {
    fn walk(&mut self, node: ego_tree::NodeRef<'_, Node>, lists: &mut Vec<List>) {
        match node.value() {
            Node::Text(t) => self.text(t),
            Node::Element(e) => {
                let name = e.name();
                if SKIPPED.contains(&name) {
                    return;
                }
                let level = if PARAGRAPHS.contains(&name) {
                    2
                } else if LINES.contains(&name) {
                    1
                } else {
                    0
                };
                self.brk(level);
                match name {
                    "br" => self.hard_break(),
                    "td" | "th" if !self.line.is_empty() => self.line.push('\t'),
                    _ => {}
                }
                if name == "li" {
                    let prefix = match lists.last_mut() {
                        Some(Some(n)) => {
                            let p = format!("{n}. ");
                            *n += 1;
                            p
                        }
                        _ => "• ".to_string(),
                    };
                    self.start_text();
                    self.line.push_str(&prefix);
                }
                let list = match name {
                    "ol" => Some(Some(
                        e.attr("start")
                            .and_then(|s| s.trim().parse().ok())
                            .unwrap_or(1),
                    )),
                    "ul" => Some(None),
                    _ => None,
                };
                if let Some(l) = list {
                    lists.push(l);
                }
                self.pre += usize::from(name == "pre");
                self.sup += usize::from(name == "sup");
                for child in node.children() {
                    self.walk(child, lists);
                }
                self.pre -= usize::from(name == "pre");
                self.sup -= usize::from(name == "sup");
                if list.is_some() {
                    lists.pop();
                }
                self.brk(level);
            }
            _ => {
                for child in node.children() {
                    self.walk(child, lists);
                }
            }
        }
    }

    fn brk(&mut self, level: u8) {
        self.pending = self.pending.max(level);
    }

    fn hard_break(&mut self) {
        let line = std::mem::take(&mut self.line);
        self.lines.push(line.trim_end().to_string());
        self.pending = 0;
    }

    /// Write the pending break before text.
    fn start_text(&mut self) {
        if self.pending > 0 && (!self.line.is_empty() || !self.lines.is_empty()) {
            let line = std::mem::take(&mut self.line);
            if !line.trim().is_empty() || self.pending == 1 {
                self.lines.push(line.trim_end().to_string());
            }
            if self.pending == 2 && self.lines.last().is_some_and(|l| !l.is_empty()) {
                self.lines.push(String::new());
            }
        }
        self.pending = 0;
    }

    fn text(&mut self, text: &str) {
        if self.pre > 0 {
            self.start_text();
            let mut parts = text.split('\n');
            if let Some(first) = parts.next() {
                self.line.push_str(first);
            }
            for part in parts {
                self.hard_break();
                self.line.push_str(part);
            }
            return;
        }
        let collapsed = collapse(text);
        if collapsed.trim().is_empty() {
            if !collapsed.is_empty() && !self.line.is_empty() && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
            return;
        }
        self.start_text();
        let mut piece = collapsed.as_str();
        if self.line.is_empty() || self.line.ends_with(' ') {
            piece = piece.trim_start();
        }
        if self.sup > 0 && piece.trim().chars().all(|c| c.is_ascii_digit()) {
            self.line.extend(piece.trim().chars().map(superscript));
        } else {
            self.line.push_str(piece);
        }
    }

    fn finish(mut self) -> String {
        if !self.line.trim().is_empty() {
            self.lines.push(self.line.trim_end().to_string());
        }
        while self.lines.last().is_some_and(|l| l.is_empty()) {
            self.lines.pop();
        }
        let mut text = self.lines.join("\n");
        text.push('\n');
        text
    }
}

/// White space runs (no-break spaces included) as one space.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// A digit as a superscript digit (`1` → `¹`), as `<sup>1</sup>` reads.
fn superscript(d: char) -> char {
    match d {
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '0' => '⁰',
        d => char::from_u32(0x2070 + d.to_digit(10).unwrap_or(0)).unwrap_or(d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_and_breaks() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body>\
            <h1>Letter  of X</h1><p>One\n two<br>three</p><ol><li>Narimanov</li></ol>\
            <ul><li>a</li><li>b</li></ul><p>word<sup>1</sup> &amp; more</p>\
            <script>var x;</script></body></html>";
        assert_eq!(
            to_text(html),
            "Letter of X\n\nOne two\nthree\n\n1. Narimanov\n\n• a\n• b\n\nword¹ & more\n"
        );
    }

    #[test]
    fn pre_keeps_its_lines() {
        assert_eq!(to_text("<pre>a\n  b</pre>"), "a\n  b\n");
    }
}
