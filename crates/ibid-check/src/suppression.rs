//! Inline suppressions: `<!-- ibid: ignore[S004] -->` in a body, `# ibid: ignore[S004]` in
//! front matter, and `ignore-file[...]` for a whole file; which of them silenced something.
//!
//! A comment that shares its line with other text applies to that line; a comment alone on
//! its line applies to the next line that is not blank. `ignore` without a list applies to
//! every rule.

use crate::codes::Rule;
use crate::diagnostic::{Diagnostic, Edit, Finding, Fix, TextRange};
use ibid_provenance::LineIndex;
use serde::{Deserialize, Serialize};

/// How far a suppression reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Reach {
    /// One line (1-based row).
    Row(usize),
    /// The whole file.
    File,
}

/// One code listed in a suppression, as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SuppressedCode {
    /// The code as written (`S004`).
    pub code: String,
    /// Where it is written.
    pub range: TextRange,
}

/// One suppression comment.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Suppression {
    /// The whole comment (`<!-- ibid: ignore[S004] -->`).
    pub range: TextRange,
    /// The comment's line, with its line ending, when the comment is alone on it.
    pub own_line: Option<TextRange>,
    /// What to delete to remove the comment: its line when alone on it, else the comment
    /// and the blanks before it.
    pub removal: TextRange,
    /// The list between the brackets, when there is one.
    pub list: Option<TextRange>,
    /// The codes listed; empty means every rule.
    pub codes: Vec<SuppressedCode>,
    /// What it applies to.
    pub reach: Reach,
}

impl Suppression {
    /// Whether this suppression silences `diagnostic` (of the same file), and through which
    /// listed code (`None` for a blanket suppression).
    fn silences(&self, diagnostic: &Diagnostic) -> Option<Option<usize>> {
        if let Reach::Row(row) = self.reach {
            if diagnostic.noqa_row() != row {
                return None;
            }
        }
        if self.codes.is_empty() {
            return Some(None);
        }
        self.codes
            .iter()
            .position(|c| c.code.eq_ignore_ascii_case(diagnostic.code()))
            .map(Some)
    }
}

/// Find every suppression comment in `text`. `front_matter` is the range of the front matter,
/// where comments are TOML comments (`# ibid: ...`); elsewhere they are HTML comments.
pub fn find_suppressions(
    text: &str,
    front_matter: Option<TextRange>,
    index: &LineIndex,
) -> Vec<Suppression> {
    let mut found = Vec::new();
    let mut from = 0;
    // `ibid:` cannot overlap itself, so these are all its occurrences.
    for at in memchr::memmem::find_iter(text.as_bytes(), "ibid:") {
        if at < from {
            continue;
        }
        from = at + "ibid:".len();
        let in_front_matter = front_matter.is_some_and(|fm| fm.start <= at && at < fm.end);
        if let Some(suppression) = parse_at(text, at, in_front_matter, index) {
            from = suppression.range.end.max(from);
            found.push(suppression);
        }
    }
    found
}

/// Parse the suppression whose `ibid:` starts at byte `at`, if it is one.
fn parse_at(text: &str, at: usize, toml: bool, index: &LineIndex) -> Option<Suppression> {
    let before = text.get(..at)?;
    let opener = before.trim_end_matches([' ', '\t']);
    let start = if toml {
        opener.strip_suffix('#')?;
        opener.len() - 1
    } else {
        opener.strip_suffix("<!--")?;
        opener.len() - 4
    };
    let mut pos = at + "ibid:".len();
    pos += leading_blanks(text.get(pos..)?);
    let rest = text.get(pos..)?;
    let (reach_file, word_len) = if rest.starts_with("ignore-file") {
        (true, "ignore-file".len())
    } else if rest.starts_with("ignore") {
        (false, "ignore".len())
    } else {
        return None;
    };
    pos += word_len;
    let mut codes = Vec::new();
    let mut list = None;
    if text.get(pos..)?.starts_with('[') {
        let close = pos + text.get(pos..)?.find([']', '\n'])?;
        if text.as_bytes().get(close) != Some(&b']') {
            return None;
        }
        list = Some(TextRange::new(pos + 1, close));
        let inner = text.get(pos + 1..close)?;
        let mut offset = pos + 1;
        for part in inner.split(',') {
            let trimmed = part.trim();
            if !trimmed.is_empty() {
                let lead = part.len() - part.trim_start().len();
                codes.push(SuppressedCode {
                    code: trimmed.to_owned(),
                    range: TextRange::new(offset + lead, offset + lead + trimmed.len()),
                });
            }
            offset += part.len() + 1;
        }
        pos = close + 1;
        if codes.is_empty() {
            return None;
        }
    } else {
        // `ignored`, `ignore_all`, `ignore-me` are other words, not a suppression.
        let mut next = text.get(pos..)?.chars();
        let word_goes_on = match next.next() {
            Some(c) if c.is_alphanumeric() || c == '_' => true,
            Some('-') => next.next().is_some_and(char::is_alphanumeric),
            _ => false,
        };
        if word_goes_on {
            return None;
        }
    }
    let end = if toml {
        pos
    } else {
        let after = text.get(pos..)?;
        let blanks = leading_blanks(after);
        if !after.get(blanks..)?.starts_with("-->") {
            return None;
        }
        pos + blanks + 3
    };
    let range = TextRange::new(start, end);
    let line = index.line_of(start);
    let line_range = index.line_range(line, text);
    let alone = text.get(line_range.start..start)?.trim().is_empty()
        && text.get(end..line_range.end)?.trim().is_empty();
    let reach = if reach_file {
        Reach::File
    } else if alone {
        Reach::Row(next_nonblank_row(text, index, line) + 1)
    } else {
        Reach::Row(line + 1)
    };
    let own_line = if alone {
        let next = index.line_start(line + 1).unwrap_or(text.len());
        Some(TextRange::new(line_range.start, next))
    } else {
        None
    };
    // Removing the comment also removes the blanks that separate it from the text before.
    let blanks_before = text.get(line_range.start..start)?;
    let removal = TextRange::new(
        line_range.start + blanks_before.trim_end_matches([' ', '\t']).len(),
        end,
    );
    Some(Suppression {
        range,
        own_line,
        removal,
        list,
        codes,
        reach,
    })
}

fn leading_blanks(text: &str) -> usize {
    text.len() - text.trim_start_matches([' ', '\t']).len()
}

/// The first line after 0-based `line` with something on it (or `line + 1` at the end).
fn next_nonblank_row(text: &str, index: &LineIndex, line: usize) -> usize {
    let mut next = line + 1;
    while next < index.line_count() && index.line_text(next, text).trim().is_empty() {
        next += 1;
    }
    if next >= index.line_count() {
        line + 1
    } else {
        next
    }
}

/// Drop the diagnostics of one file that its suppressions silence, and report the
/// suppressions that silenced nothing (I001) and the codes they name that do not exist (I002).
///
/// `enabled` tells whether a rule runs; a suppression naming a rule that does not run is not
/// reported as unused, since it may silence something when that rule is selected.
pub fn apply_suppressions(
    diagnostics: &mut Vec<Diagnostic>,
    suppressions: &[Suppression],
    enabled: &dyn Fn(Rule) -> bool,
) -> Vec<Finding> {
    if suppressions.is_empty() {
        return Vec::new();
    }
    let mut used: Vec<Vec<bool>> = suppressions
        .iter()
        .map(|s| vec![false; s.codes.len().max(1)])
        .collect();
    diagnostics.retain(|diagnostic| {
        if !diagnostic.rule.is_ignorable() {
            return true;
        }
        let mut keep = true;
        for (i, suppression) in suppressions.iter().enumerate() {
            if let Some(code) = suppression.silences(diagnostic) {
                used[i][code.unwrap_or(0)] = true;
                keep = false;
            }
        }
        keep
    });
    let mut findings = Vec::new();
    for (suppression, used) in suppressions.iter().zip(&used) {
        let mut unused = Vec::new();
        for (code, &was_used) in suppression.codes.iter().zip(used) {
            match Rule::from_code(&code.code) {
                None => findings.push(
                    Finding::new(
                        Rule::UnknownSuppressionCode,
                        code.range,
                        format!(
                            "Suppression names `{}`, which is not a rule code",
                            code.code
                        ),
                    )
                    .with_help("`ibid rule --all` lists the codes"),
                ),
                Some(rule) if !was_used && enabled(rule) => unused.push(code),
                Some(_) => {}
            }
        }
        let blanket_unused = suppression.codes.is_empty() && !used[0];
        if !unused.is_empty() || blanket_unused {
            findings.push(unused_finding(suppression, &unused));
        }
    }
    findings
}

/// The I001 finding for a suppression whose `unused` codes silenced nothing.
fn unused_finding(suppression: &Suppression, unused: &[&SuppressedCode]) -> Finding {
    let names: Vec<String> = unused.iter().map(|c| format!("`{}`", c.code)).collect();
    let all_unused = suppression.codes.is_empty() || unused.len() == suppression.codes.len();
    let message = if suppression.codes.is_empty() {
        "Suppression silences nothing".to_owned()
    } else {
        format!(
            "Suppression silences nothing (unused: {})",
            names.join(", ")
        )
    };
    let fix = if all_unused {
        let range = suppression.own_line.unwrap_or(suppression.removal);
        Fix::safe("Remove the suppression", Edit::replace(range, ""))
    } else {
        let kept: Vec<&str> = suppression
            .codes
            .iter()
            .filter(|c| !unused.iter().any(|u| u.range == c.range))
            .map(|c| c.code.as_str())
            .collect();
        let list = suppression.list.unwrap_or(suppression.range);
        Fix::safe(
            "Remove the unused codes",
            Edit::replace(list, kept.join(", ")),
        )
    };
    Finding::new(Rule::UnusedSuppression, suppression.range, message).with_fix(fix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str, front_matter: Option<TextRange>) -> Vec<Suppression> {
        find_suppressions(text, front_matter, &LineIndex::new(text))
    }

    #[test]
    fn body_comments_apply_to_their_line_or_the_next() {
        let text = "a <!-- ibid: ignore[M001, S004] -->\n<!--ibid: ignore-->\n\nb\n";
        let found = find(text, None);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].reach, Reach::Row(1));
        let codes: Vec<_> = found[0].codes.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, ["M001", "S004"]);
        assert_eq!(&text[found[0].codes[1].range.range()], "S004");
        assert_eq!(found[1].reach, Reach::Row(4));
        assert!(found[1].codes.is_empty());
        assert_eq!(found[1].own_line, Some(TextRange::new(36, 56)));
    }

    #[test]
    fn front_matter_comments_are_toml_comments() {
        let text = "+++\ndate = \"1921-02-30\" # ibid: ignore[D002]\n+++\n# ibid: ignore[D002]\n";
        let found = find(text, Some(TextRange::new(0, 49)));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].reach, Reach::Row(2));
    }

    #[test]
    fn file_wide_and_malformed_comments() {
        let text = "<!-- ibid: ignore-file[S001] -->\n<!-- ibid: ignored -->\n<!-- ibid: ignore[] -->\n<!-- ibid: ignore[S001 -->";
        let found = find(text, None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].reach, Reach::File);
    }
}
