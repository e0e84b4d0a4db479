//! Print a bibliography file (`.bib`, `.ris`, `.json`, `.toml`) as the CSL-JSON ibid reads
//! from it, with load errors on stderr: `cargo run -p ibid-provenance --example bib_to_csl FILE`.

use ibid_provenance::{BibFormat, Bibliography};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: bib_to_csl FILE");
        return ExitCode::from(2);
    };
    let path = Path::new(&path);
    let Some(format) = BibFormat::from_path(path) else {
        eprintln!("{}: not a .bib, .ris, .json or .toml file", path.display());
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            return ExitCode::from(2);
        }
    };
    let loaded = Bibliography::parse(path, &text, format);
    for e in &loaded.errors {
        eprintln!(
            "{}:{}:{}: {}",
            e.file.display(),
            e.position.line,
            e.position.column,
            e.message
        );
    }
    let items: Vec<_> = loaded
        .value
        .map(|b| b.entries.iter().map(|e| e.to_csl_json()).collect())
        .unwrap_or_default();
    match serde_json::to_string_pretty(&items) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    }
    if loaded.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
