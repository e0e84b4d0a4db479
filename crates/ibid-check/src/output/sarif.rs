//! The `sarif` format: a SARIF 2.1.0 log with one run, every rule described in the tool's
//! driver, and one result per diagnostic with its region and a stable fingerprint.

use crate::codes::Rule;
use crate::diagnostic::Diagnostic;
use crate::docs::rule_summary;
use serde_json::{json, Value};
use std::io::{self, Write};
use std::path::Path;

/// The base of every relative `uri`: the folder the paths are relative to.
const SRCROOT: &str = "%SRCROOT%";

/// Write the log. `base` is the folder relative paths are relative to (the current folder
/// when `None`); files outside it are named by absolute `file://` URIs.
pub fn render(
    diagnostics: &[Diagnostic],
    base: Option<&Path>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let rules: Vec<Value> = Rule::ALL.iter().map(|&rule| descriptor(rule)).collect();
    let results: Vec<Value> = diagnostics.iter().map(result).collect();
    let base = match base {
        Some(base) => Some(base.to_path_buf()),
        None => std::env::current_dir().ok(),
    };
    let mut root = json!({
        "description": { "text": "The folder ibid was run in; relative paths are relative to it." },
    });
    if let Some(uri) = base.as_deref().and_then(folder_uri) {
        root["uri"] = json!(uri);
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "ibid",
                    "version": crate::VERSION,
                    "rules": rules,
                }
            },
            "originalUriBaseIds": { SRCROOT: root },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    out.write_all(b"\n")
}

/// A rule as SARIF describes it: short and full descriptions, and its whole page as `help`
/// (which GitHub code scanning requires and shows).
fn descriptor(rule: Rule) -> Value {
    let page = crate::docs::rule_page(rule);
    json!({
        "id": rule.code(),
        "name": rule.name(),
        "shortDescription": { "text": rule_summary(rule) },
        "fullDescription": { "text": crate::docs::rule_doc(rule) },
        "help": { "text": page, "markdown": page },
        "helpUri": rule.url(),
        "defaultConfiguration": { "level": "error" },
    })
}

fn result(d: &Diagnostic) -> Value {
    let mut result = json!({
        "ruleId": d.code(),
        "ruleIndex": d.rule.index(),
        "level": "error",
        "message": { "text": d.message },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": artifact_location(&d.path),
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
                "artifactLocation": artifact_location(&d.path),
                "replacements": replacements,
            }]
        }]);
    }
    result
}

/// Where a file is: a relative reference against `%SRCROOT%`, or an absolute `file://` URI
/// for a file outside the base folder (never a relative reference starting with `/`).
fn artifact_location(path: &str) -> Value {
    if Path::new(path).is_absolute() || path.starts_with('/') {
        json!({ "uri": file_uri(path) })
    } else {
        json!({ "uri": encode(path), "uriBaseId": SRCROOT })
    }
}

/// An absolute `file://` URI for an absolute path (`C:\x` becomes `file:///C:/x`).
fn file_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = if path.starts_with('/') {
        path
    } else {
        format!("/{path}")
    };
    let encoded = encode(&path);
    // A Windows drive keeps its colon (`file:///C:/x`, RFC 8089).
    let encoded = match encoded.as_bytes() {
        [b'/', drive, b'%', b'3', b'A', ..] if drive.is_ascii_alphabetic() => {
            format!("/{}:{}", *drive as char, &encoded[5..])
        }
        _ => encoded,
    };
    format!("file://{encoded}")
}

/// The `file://` URI of a folder, ending with `/` as SARIF requires of a base.
fn folder_uri(folder: &Path) -> Option<String> {
    if !folder.is_absolute() {
        return None;
    }
    let mut uri = file_uri(folder.to_str()?);
    if !uri.ends_with('/') {
        uri.push('/');
    }
    Some(uri)
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

/// A path as URI text: `/`-separated, with reserved and non-ASCII bytes percent-encoded.
fn encode(path: &str) -> String {
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
        assert!(!out.contains("example.invalid"));
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
        assert_eq!(encode("a b/Нк.md"), "a%20b/%D0%9D%D0%BA.md");
        assert_eq!(file_uri("/tmp/a b.md"), "file:///tmp/a%20b.md");
        assert_eq!(file_uri("C:\\x\\a.md"), "file:///C:/x/a.md");
    }
}
