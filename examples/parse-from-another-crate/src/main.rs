//! An example of ibid-parse used from another crate: one reference per line on stdin, its
//! CSL-JSON item and pinpoint locators on stdout, and what could not be read on stderr.

use ibid_parse::csl::reference_to_csl;
use ibid_parse::{parse_reference, ParseErrorKind};
use std::io::{self, BufRead, Write};

/// The CSL-JSON of one reference, with its pinpoint locators as `{label, locator}` pairs, and
/// the problems found as `line:start..end: message` lines.
fn describe(line_number: usize, input: &str) -> (serde_json::Value, Vec<String>) {
    let parsed = parse_reference(input);
    let mut item = serde_json::to_value(reference_to_csl(&parsed.value, input))
        .unwrap_or(serde_json::Value::Null);
    let pinpoints: Vec<_> = parsed
        .value
        .locators
        .iter()
        .map(|l| serde_json::json!({ "label": l.label.name(), "locator": l.value_text(input) }))
        .collect();
    if let Some(object) = item.as_object_mut() {
        object.insert("ibid-pinpoints".into(), pinpoints.into());
    }
    let problems = parsed
        .errors
        .iter()
        .map(|e| {
            let what = match e.kind {
                ParseErrorKind::UnknownField => "unplaced text",
                _ => "error",
            };
            format!(
                "{line_number}:{}..{}: {what}: {}",
                e.span.start, e.span.end, e.message
            )
        })
        .collect();
    (item, problems)
}

fn main() -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for (i, line) in io::stdin().lock().lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let (item, problems) = describe(i + 1, &line);
        writeln!(out, "{item}")?;
        for problem in problems {
            eprintln!("{problem}");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn a_reference_becomes_csl_json_with_its_pinpoints() {
        let (item, problems) = describe(
            1,
            "Барсегов Ю.Г. Нагорный Карабах. М., 2008. Document 652, page 612",
        );
        assert_eq!(item["type"], "book");
        assert_eq!(item["author"][0]["family"], "Барсегов");
        assert_eq!(item["title"], "Нагорный Карабах");
        assert_eq!(item["issued"]["date-parts"][0][0], 2008);
        assert_eq!(item["ibid-pinpoints"][1]["locator"], "612");
        assert!(problems.is_empty(), "{problems:?}");
    }
}
