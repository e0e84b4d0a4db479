//! Rule documentation, taken from the doc comment of each rule's source file, so the text of
//! `ibid rule CODE`, `docs/rules/CODE.md` and the rustdoc page are one and the same.

use crate::codes::{Rule, Scope};

/// The doc comment of the rule (the first run of `///` lines in its file), as Markdown.
pub fn rule_doc(rule: Rule) -> String {
    let mut lines = Vec::new();
    let mut started = false;
    for line in rule.source().lines() {
        let trimmed = line.trim_start();
        if let Some(text) = trimmed.strip_prefix("///") {
            started = true;
            lines.push(text.strip_prefix(' ').unwrap_or(text));
        } else if started {
            break;
        }
    }
    let mut doc = lines.join("\n");
    doc.push('\n');
    doc
}

/// The first paragraph under "What it does", on one line.
pub fn rule_summary(rule: Rule) -> String {
    let doc = rule_doc(rule);
    let body = doc
        .split_once("## What it does")
        .map_or(doc.as_str(), |(_, rest)| rest);
    body.trim_start()
        .split("\n\n")
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The page `docs/rules/CODE.md` and `ibid rule CODE` show.
pub fn rule_page(rule: Rule) -> String {
    let scope = match rule.scope() {
        Scope::Document => "Checks each document on its own.",
        Scope::Corpus => "Checks the corpus as a whole.",
        Scope::Checker => "Reported by the checker itself.",
    };
    format!(
        "# {code} ({name})\n\n{scope} {fix}\n\n{doc}",
        code = rule.code(),
        name = rule.name(),
        fix = rule.fix_availability().describe(),
        doc = rule_doc(rule),
    )
}

/// The index page `docs/rules/README.md`: one line per rule.
pub fn rules_index() -> String {
    let mut out = String::from(
        "# Rules\n\nEvery rule of `ibid check`, by permanent code. `ibid rule CODE` shows a page; \
         `--select`, `--ignore` and `--extend-select` take codes or prefixes (`S`, `S00`, `ALL`).\n\n\
         | Code | Name | What it finds | Fix |\n|---|---|---|---|\n",
    );
    for &rule in Rule::ALL {
        let fix = match rule.fix_availability() {
            crate::codes::FixAvailability::Always => "yes",
            crate::codes::FixAvailability::Sometimes => "sometimes",
            crate::codes::FixAvailability::None => "",
        };
        out.push_str(&format!(
            "| [{code}]({code}.md) | `{name}` | {summary} | {fix} |\n",
            code = rule.code(),
            name = rule.name(),
            summary = rule_summary(rule).replace('|', "\\|"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn every_rule_has_the_four_headings() {
        for &rule in Rule::ALL {
            let doc = rule_doc(rule);
            for heading in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Fix",
            ] {
                assert!(doc.contains(heading), "{rule}: missing {heading}\n{doc}");
            }
            assert!(!rule_summary(rule).is_empty(), "{rule}: empty summary");
        }
    }

    /// `docs/rules/*.md` must match the doc comments; `UPDATE_DOCS=1` rewrites them.
    #[test]
    fn docs_are_up_to_date() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules");
        let update = std::env::var_os("UPDATE_DOCS").is_some();
        let mut pages: Vec<(String, String)> = Rule::ALL
            .iter()
            .map(|&r| (format!("{}.md", r.code()), rule_page(r)))
            .collect();
        pages.push(("README.md".into(), rules_index()));
        let mut stale = Vec::new();
        if update {
            std::fs::create_dir_all(&dir).unwrap();
        }
        for (name, page) in &pages {
            let path = dir.join(name);
            if std::fs::read_to_string(&path).ok().as_deref() != Some(page.as_str()) {
                if update {
                    std::fs::write(&path, page).unwrap();
                } else {
                    stale.push(name.clone());
                }
            }
        }
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.ends_with(".md") && !pages.iter().any(|(n, _)| *n == name) {
                    if update {
                        std::fs::remove_file(entry.path()).unwrap();
                    } else {
                        stale.push(name);
                    }
                }
            }
        }
        assert!(
            stale.is_empty(),
            "docs/rules is out of date ({stale:?}); run `UPDATE_DOCS=1 cargo test -p ibid-check docs`"
        );
    }
}
