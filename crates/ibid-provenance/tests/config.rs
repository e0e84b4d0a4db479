//! `ibid.toml` as text: bad values are reported with suggestions and line:column (reading
//! files, `extend` chains and discovery are tested in `ibid-corpus`).

use ibid_provenance::Config;
use std::path::Path;

#[test]
fn bad_values_are_reported_with_suggestions() {
    let text = "[style]\nlocator-form = \"shrot\"\n[lint]\nselect = \"D\"\n[linter]\n";
    let loaded = Config::parse(Path::new("ibid.toml"), text);
    let shown: Vec<String> = loaded.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        shown,
        [
            "ibid.toml:2:16: `shrot` is not a valid `style.locator-form`\n  help: did you mean `short`?",
        ],
        "an unknown key is no error: it is kept (for a warning)"

    );
    let config = loaded.value.unwrap();
    assert_eq!(
        config.lint.select.unwrap()[0].value,
        "D",
        "a single string is a list of one"
    );
    assert_eq!(config.unknown[0].path, "linter");
    assert_eq!(config.unknown[0].suggestion.as_deref(), Some("lint"));
    assert_eq!(
        config.unknown[0].position,
        ibid_provenance::LineCol::new(5, 2)
    );
}
