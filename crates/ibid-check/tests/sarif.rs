//! The SARIF log is one real clients accept: it validates against the OASIS SARIF 2.1.0
//! schema (formats asserted), and it passes the checks of Microsoft's SARIF multitool that
//! the issue met: SARIF1004 (URIs and base ids) and GH2012 (every rule has `help`).

use ibid_check::{check, render, CheckOptions, NoProgress, OutputFormat, RenderOptions};
use serde_json::Value;
use std::path::Path;

const DOC: &str = "+++\ntitle = \"Telegram\"\ndate = \"1921-02-30\"\n\n[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, Document 660, pages 621-623\"\n+++\nBaku*.\n";

/// A SARIF log of a run over two folders: `inside/` (the base the paths are relative to)
/// and `outside/` (named by an absolute path).
fn log() -> Value {
    let dir = tempfile::tempdir().unwrap();
    let inside = dir.path().join("inside");
    let outside = dir.path().join("outside");
    for folder in [&inside, &outside] {
        std::fs::create_dir_all(folder.join("letters")).unwrap();
        std::fs::write(
            folder.join("ibid.toml"),
            "[style]\nrange-dash = \"en-dash\"\n",
        )
        .unwrap();
        std::fs::write(folder.join("letters/telegram 1921.md"), DOC).unwrap();
    }
    let options = CheckOptions {
        paths: vec![inside.clone(), outside.clone()],
        cache: false,
        cwd: inside.clone(),
        ..CheckOptions::default()
    };
    let result = check(&options, &NoProgress).unwrap();
    assert!(result.diagnostics.iter().any(|d| d.fix.is_some()));
    let mut out = Vec::new();
    let render_options = RenderOptions {
        base: Some(inside.canonicalize().unwrap()),
        ..RenderOptions::default()
    };
    render(
        OutputFormat::Sarif,
        &result.diagnostics,
        render_options,
        &mut out,
    )
    .unwrap();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn the_log_validates_against_the_sarif_2_1_0_schema() {
    let schema_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/sarif-schema-2.1.0.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    compiler
        .add_resource("urn:sarif-schema-2.1.0", schema)
        .unwrap();
    let index = compiler
        .compile("urn:sarif-schema-2.1.0", &mut schemas)
        .unwrap();
    let mut log = log();
    if let Err(e) = schemas.validate(&log, index) {
        panic!("the SARIF log does not validate: {e:#}");
    }
    // The validator does refuse a log the schema does not allow.
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        serde_json::json!(0);
    assert!(schemas.validate(&log, index).is_err());
}

/// Every `artifactLocation` of the log, wherever it is.
fn artifact_locations(value: &Value, found: &mut Vec<Value>) {
    match value {
        Value::Object(map) => {
            if let Some(location) = map.get("artifactLocation") {
                found.push(location.clone());
            }
            map.values().for_each(|v| artifact_locations(v, found));
        }
        Value::Array(list) => list.iter().for_each(|v| artifact_locations(v, found)),
        _ => {}
    }
}

fn is_absolute_uri(uri: &str) -> bool {
    uri.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

#[test]
fn uris_and_base_ids_are_expressed_as_sarif1004_requires() {
    let log = log();
    let run = &log["runs"][0];
    let bases = run["originalUriBaseIds"]
        .as_object()
        .expect("originalUriBaseIds");
    for (name, base) in bases {
        let uri = base["uri"].as_str().expect("a base with a uri");
        assert!(is_absolute_uri(uri), "{name}: {uri} is not absolute");
        assert!(uri.starts_with("file:///"), "{uri}");
        assert!(uri.ends_with('/'), "{name}: {uri} must end with a slash");
        assert!(!uri.split('/').any(|s| s == ".."), "{uri}");
        assert!(!uri.contains(['?', '#']), "{uri}");
    }
    let mut locations = Vec::new();
    artifact_locations(run, &mut locations);
    assert!(!locations.is_empty());
    let (mut relative, mut absolute) = (0, 0);
    for location in &locations {
        let uri = location["uri"].as_str().unwrap();
        match location.get("uriBaseId").and_then(Value::as_str) {
            Some(base) => {
                relative += 1;
                assert!(bases.contains_key(base), "{base} is not declared");
                assert!(!is_absolute_uri(uri), "{uri} has a base but is absolute");
                assert!(!uri.starts_with('/'), "{uri} begins with a slash");
                assert!(uri.starts_with("letters/telegram%201921.md"), "{uri}");
            }
            None => {
                absolute += 1;
                assert!(
                    uri.starts_with("file:///"),
                    "{uri} is neither relative nor file://"
                );
                assert!(
                    uri.ends_with("/outside/letters/telegram%201921.md"),
                    "{uri}"
                );
            }
        }
    }
    assert!(relative > 0 && absolute > 0, "{locations:?}");
}

#[test]
fn every_rule_has_the_help_github_code_scanning_requires() {
    let log = log();
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), ibid_check::Rule::ALL.len());
    for rule in rules {
        let id = rule["id"].as_str().unwrap();
        for key in ["shortDescription", "fullDescription", "help"] {
            let text = rule[key]["text"].as_str().unwrap_or("");
            assert!(!text.trim().is_empty(), "{id}: no {key}.text");
        }
        assert!(rule["help"]["markdown"]
            .as_str()
            .is_some_and(|m| m.contains(id)));
        let help_uri = rule["helpUri"].as_str().unwrap();
        assert_eq!(help_uri, format!("urn:ibid:rule:{id}"));
        assert!(!log.to_string().contains("example.invalid"));
    }
}
