//! `--statistics`: how many diagnostics each rule produced, most frequent first.
//! Shown as a table for people, or as a JSON list with `--output-format json`.

use crate::codes::Rule;
use crate::diagnostic::Diagnostic;
use serde::Serialize;
use std::io::{self, Write};

/// How often one rule fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statistic {
    /// The rule's code.
    pub code: &'static str,
    /// The rule's name.
    pub name: &'static str,
    /// How many diagnostics.
    pub count: usize,
    /// How many of them `--fix` can fix.
    pub fixable: usize,
}

/// Count diagnostics per rule, most frequent first, then by code.
pub fn statistics(diagnostics: &[Diagnostic]) -> Vec<Statistic> {
    let mut counts = vec![(0usize, 0usize); Rule::ALL.len()];
    for d in diagnostics {
        let entry = &mut counts[d.rule.index()];
        entry.0 += 1;
        if d.fix
            .as_ref()
            .is_some_and(|f| f.applicability == crate::diagnostic::Applicability::Safe)
        {
            entry.1 += 1;
        }
    }
    let mut stats: Vec<Statistic> = Rule::ALL
        .iter()
        .zip(counts)
        .filter(|(_, (count, _))| *count > 0)
        .map(|(&rule, (count, fixable))| Statistic {
            code: rule.code(),
            name: rule.name(),
            count,
            fixable,
        })
        .collect();
    stats.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    stats
}

/// Write the statistics as a table, or as JSON when `json` is set.
pub fn render_statistics(
    diagnostics: &[Diagnostic],
    json: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let stats = statistics(diagnostics);
    if json {
        serde_json::to_writer_pretty(&mut *out, &stats)?;
        return out.write_all(b"\n");
    }
    let width = stats
        .iter()
        .map(|s| s.count.to_string().len())
        .max()
        .unwrap_or(1);
    for s in &stats {
        let fix = if s.fixable > 0 { "[*]" } else { "   " };
        writeln!(
            out,
            "{count:>width$}\t{code}\t{fix} {name}",
            count = s.count,
            code = s.code,
            name = s.name
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::test_support::sample;

    #[test]
    fn counts_per_rule() {
        let mut diagnostics = sample();
        diagnostics.push(diagnostics[0].clone());
        let mut out = Vec::new();
        render_statistics(&diagnostics, false, &mut out).unwrap();
        insta::assert_snapshot!(String::from_utf8(out).unwrap(), @r"
        2	R002	    reversed-range
        1	F002	[*] range-dash
        1	S004	    inconsistent-source
        ");
    }
}
