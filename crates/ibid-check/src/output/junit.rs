//! The `junit` format: JUnit XML, one test suite per file and one failing test case per
//! diagnostic, for CI services that show test reports. Everything user-written is escaped.

use crate::diagnostic::Diagnostic;
use std::io::{self, Write};

/// Write the report.
pub fn render(diagnostics: &[Diagnostic], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="ibid" tests="{tests}" failures="{failures}" errors="0">"#,
        tests = diagnostics.len().max(1),
        failures = diagnostics.len(),
    )?;
    if diagnostics.is_empty() {
        writeln!(
            out,
            r#"  <testsuite name="ibid" tests="1" failures="0" errors="0">"#
        )?;
        writeln!(
            out,
            r#"    <testcase name="No problems found" classname="ibid"/>"#
        )?;
        writeln!(out, "  </testsuite>")?;
    }
    let mut rest = diagnostics;
    while let Some(first) = rest.first() {
        let count = rest.iter().take_while(|d| d.path == first.path).count();
        let (group, tail) = rest.split_at(count);
        rest = tail;
        let path = escape(&first.path);
        let classname = escape(&class_name(&first.path));
        writeln!(
            out,
            r#"  <testsuite name="{path}" tests="{count}" failures="{count}" errors="0">"#
        )?;
        for d in group {
            writeln!(
                out,
                r#"    <testcase name="ibid.{code}" classname="{classname}" file="{path}" line="{row}">"#,
                code = d.code(),
                row = d.start.line,
            )?;
            writeln!(
                out,
                r#"      <failure message="{message}" type="{code}">{path}:{row}:{col}: {code} {message}</failure>"#,
                message = escape(&d.message),
                code = d.code(),
                row = d.start.line,
                col = d.start.column,
            )?;
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

/// The JUnit class of a file's findings, as CI services read it: the folders are the
/// package and the file (without its extension) the class, joined by dots, so Jenkins shows
/// `letters` › `narimanov-letter-1921` rather than a class `md`. Dots within a name become
/// `_` so that they do not split it; the exact path is in the `file` attribute.
fn class_name(path: &str) -> String {
    let path = path.trim_start_matches("./").trim_start_matches('/');
    let mut parts: Vec<&str> = path.split(['/', '\\']).filter(|p| !p.is_empty()).collect();
    let stem = parts.pop().map(|file| match file.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => file,
    });
    let name = parts
        .into_iter()
        .chain(stem)
        .map(|part| {
            if part == ".." {
                "parent".to_owned()
            } else {
                part.replace('.', "_")
            }
        })
        .collect::<Vec<_>>()
        .join(".");
    if name.is_empty() {
        "ibid".to_owned()
    } else {
        name
    }
}

/// Escape text for an XML attribute or element; characters XML 1.0 forbids become U+FFFD.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{render_to_string, test_support::sample, OutputFormat};

    #[test]
    fn the_report_is_well_formed_xml() {
        let out = render_to_string(OutputFormat::Junit, &sample());
        let doc = roxmltree::Document::parse(&out).unwrap();
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "testsuites");
        assert_eq!(root.attribute("failures"), Some("3"));
        let suites: Vec<_> = root.children().filter(|n| n.is_element()).collect();
        assert_eq!(suites.len(), 2);
        assert_eq!(suites[1].attribute("name"), Some("docs/b,c:d.md"));
        let failure = doc
            .descendants()
            .filter(|n| n.has_tag_name("failure"))
            .nth(2)
            .unwrap();
        assert_eq!(
            failure.attribute("message"),
            Some("Source written differently in `docs/a.md`: \"x\", a,b:c%\r\nnext")
        );
        insta::assert_snapshot!(out);
    }

    #[test]
    fn an_empty_report_has_one_passing_case() {
        let out = render_to_string(OutputFormat::Junit, &[]);
        let doc = roxmltree::Document::parse(&out).unwrap();
        assert_eq!(doc.root_element().attribute("failures"), Some("0"));
        assert_eq!(
            doc.descendants()
                .filter(|n| n.has_tag_name("testcase"))
                .count(),
            1
        );
    }

    #[test]
    fn class_names_split_into_folder_and_file_as_jenkins_reads_them() {
        let jenkins = |class: &str| {
            class
                .rsplit_once('.')
                .map(|(p, c)| (p.to_owned(), c.to_owned()))
        };
        assert_eq!(
            class_name("letters/narimanov-letter-1921.md"),
            "letters.narimanov-letter-1921"
        );
        assert_eq!(
            jenkins(&class_name("letters/narimanov-letter-1921.md")),
            Some(("letters".to_owned(), "narimanov-letter-1921".to_owned()))
        );
        assert_eq!(class_name("essays/v1.2/doc.v2.md"), "essays.v1_2.doc_v2");
        assert_eq!(class_name("/tmp/corpus/a.md"), "tmp.corpus.a");
        assert_eq!(class_name("README"), "README");
        assert_eq!(class_name("letter.md"), "letter");
    }

    #[test]
    fn control_characters_are_replaced() {
        assert_eq!(escape("a\u{0}b<"), "a\u{FFFD}b&lt;");
    }
}
