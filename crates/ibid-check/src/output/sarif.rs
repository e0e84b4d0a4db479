//! The `sarif` format: a SARIF 2.1.0 log with one run, every rule described in the tool's
//! driver, and one result per diagnostic with its region and a stable fingerprint.

use crate::codes::Rule;
use crate::diagnostic::Diagnostic;
use crate::docs::rule_summary;
use serde_json::{json, Value};
use std::io::{self, Write};

/// Write the log.
pub fn render(diagnostics: &[Diagnostic], out: &mut dyn Write) -> io::Result<()> {
    let rules: Vec<Value> = Rule::ALL
        .iter()
        .map(|&rule| {
            json!({
                "id": rule.code(),
                "name": rule.name(),
                "shortDescription": { "text": rule_summary(rule) },
                "fullDescription": { "text": crate::docs::rule_doc(rule) },
                "helpUri": rule.url(),
                "defaultConfiguration": { "level": "error" },
            })
        })
        .collect();
    let results: Vec<Value> = diagnostics.iter().map(result).collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "ibid",
                    "version": crate::VERSION,
                    "informationUri": crate::REPOSITORY_URL,
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    out.write_all(b"\n")
}

fn result(d: &Diagnostic) -> Value {
    let mut result = json!({
        "ruleId": d.code(),
        "ruleIndex": d.rule.index(),
        "level": "error",
        "message": { "text": d.message },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri(&d.path) },
                "region": {
                    "startLine": d.start.line,
                    "startColumn": d.start.column,
                    "endLine": d.end.line,
                    "endColumn": d.end.column,
                }
            }
        }],
        "partialFingerprints": { "ibid/v1": fingerprint(d) },
    });
    if let Some(fix) = &d.fix {
        let replacements: Vec<Value> = fix
            .edits
            .iter()
            .map(|e| {
                json!({
                    "deletedRegion": {
                        "startLine": e.start.line,
                        "startColumn": e.start.column,
                        "endLine": e.end.line,
                        "endColumn": e.end.column,
                    },
                    "insertedContent": { "text": e.content },
                })
            })
            .collect();
        result["fixes"] = json!([{
            "description": { "text": fix.message },
            "artifactChanges": [{
                "artifactLocation": { "uri": uri(&d.path) },
                "replacements": replacements,
            }]
        }]);
    }
    result
}

/// A fingerprint that survives lines moving: the rule, the file, the message and the text of
/// the first line pointed at, without surrounding blanks.
fn fingerprint(d: &Diagnostic) -> String {
    let line = d
        .snippet
        .as_ref()
        .and_then(|s| s.text.lines().next())
        .unwrap_or("")
        .trim();
    let mut bytes = Vec::new();
    for part in [d.code(), d.path.as_str(), d.message.as_str(), line] {
        bytes.extend_from_slice(part.as_bytes());
        bytes.push(0);
    }
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(&bytes))
}

/// A relative URI reference for a path: `/`-separated, with reserved and non-ASCII bytes
/// percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.replace('\\', "/").as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{render_to_string, test_support::sample, OutputFormat};

    #[test]
    fn the_log_has_the_required_fields() {
        let out = render_to_string(OutputFormat::Sarif, &sample());
        let log: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(log["version"], "2.1.0");
        assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
        let run = &log["runs"][0];
        let driver = &run["tool"]["driver"];
        assert_eq!(driver["name"], "ibid");
        assert!(driver["version"].is_string());
        assert!(driver["informationUri"].is_string());
        let rules = driver["rules"].as_array().unwrap();
        assert_eq!(rules.len(), Rule::ALL.len());
        let results = run["results"].as_array().unwrap();
        assert_eq!(results.len(), 3);
        for r in results {
            let index = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], r["ruleId"]);
            assert!(r["message"]["text"].is_string());
            let region = &r["locations"][0]["physicalLocation"]["region"];
            for key in ["startLine", "startColumn", "endLine", "endColumn"] {
                assert!(region[key].as_u64().unwrap() >= 1, "{key}");
            }
            assert!(r["partialFingerprints"]["ibid/v1"].is_string());
        }
        assert_eq!(
            results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "docs/b%2Cc%3Ad.md"
        );
        assert!(results[1]["fixes"][0]["artifactChanges"][0]["replacements"].is_array());
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri("a b/Нк.md"), "a%20b/%D0%9D%D0%BA.md");
    }
}
