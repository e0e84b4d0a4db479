//! Finding and reading `ibid.toml`: the nearest one in a folder or above it, and the chain
//! of configurations it `extend`s, each read as a regular file within the size limit.

use crate::read::{read_regular_file, ReadErrorKind, DEFAULT_MAX_FILE_SIZE};
use ibid_provenance::config::CONFIG_FILE;
use ibid_provenance::{decode, Config, LoadError, LoadErrorKind, Loaded};
use std::path::{Path, PathBuf};

/// The nearest `ibid.toml` in `dir` or one of its parents, as a canonical path.
///
/// Anything named `ibid.toml` that is not a folder counts, so a configuration that is a
/// FIFO or a broken link is reported when it is read rather than silently passed over.
pub fn find_config(dir: &Path) -> Option<PathBuf> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let absolute = dir.canonicalize().ok()?;
    absolute
        .ancestors()
        .map(|d| d.join(CONFIG_FILE))
        .find(|p| is_config_candidate(p))
}

fn is_config_candidate(path: &Path) -> bool {
    match std::fs::metadata(path) {
        Ok(meta) => !meta.is_dir(),
        Err(_) => std::fs::symlink_metadata(path).is_ok(),
    }
}

/// The warnings about a configuration: each key it does not define (kept, and not used),
/// as `ibid.toml:4:1: unknown key `selcet` in [lint]` with the closest known key or the
/// table the key belongs in. The file is shown relative to `base`. Every command that reads
/// `ibid.toml` shows these.
pub fn unknown_key_warnings(config: &Config, base: &Path) -> Vec<String> {
    let file = config.path.as_deref().unwrap_or(Path::new(CONFIG_FILE));
    let shown = crate::display_path(file, base);
    config
        .unknown
        .iter()
        .map(|unknown| {
            let name = unknown.key.name.as_str();
            let table = unknown
                .path
                .strip_suffix(name)
                .and_then(|t| t.strip_suffix('.'))
                .unwrap_or("");
            let place = match table.split('[').next().unwrap_or(table) {
                "" => "at the top level".to_string(),
                table => format!("in [{table}]"),
            };
            let mut warning = format!(
                "{shown}:{}:{}: unknown key `{name}` {place}",
                unknown.position.line, unknown.position.column
            );
            let help = match (&unknown.suggestion, unknown.home.as_deref()) {
                (_, Some("")) => Some(format!(
                    "`{name}` belongs at the top level, before any [table]"
                )),
                (_, Some(home)) => Some(format!("`{name}` belongs in [{home}]")),
                (Some(s), None) => Some(format!("did you mean `{s}`?")),
                (None, None) => None,
            };
            if let Some(help) = help {
                warning.push_str(&format!("\n  help: {help}"));
            }
            warning
        })
        .collect()
}

/// Read the configuration at `path` and the chain of configurations it extends.
///
/// Errors are values: unreadable files, TOML errors, invalid values, unknown keys (kept in
/// [`Config::unknown`] too) and `extend` cycles or missing targets.
pub fn load_config(path: &Path) -> Loaded<Config> {
    let mut chain: Vec<PathBuf> = Vec::new();
    load_chain(path, &mut chain)
}

fn load_chain(path: &Path, chain: &mut Vec<PathBuf>) -> Loaded<Config> {
    let bytes = match read_regular_file(path, DEFAULT_MAX_FILE_SIZE) {
        Ok(b) => b,
        Err(e) => {
            return Loaded::failed(LoadError::file(
                LoadErrorKind::Io,
                path,
                format!("cannot read the configuration: {}", e.reason()),
            ))
        }
    };
    let text = match decode(path, &bytes) {
        Ok(t) => t,
        Err(e) => return Loaded::failed(e),
    };
    chain.push(path.canonicalize().unwrap_or_else(|_| path.to_path_buf()));
    let Loaded { value, mut errors } = Config::parse(path, &text);
    let Some(config) = value else {
        return Loaded::new(None, errors);
    };
    let Some(extend) = config.extend.clone() else {
        return Loaded::new(Some(config), errors);
    };
    let target = extend
        .value
        .canonicalize()
        .unwrap_or_else(|_| extend.value.clone());
    let bad = |message: String| LoadError {
        kind: LoadErrorKind::BadExtend,
        message,
        help: Some("`extend` names another ibid.toml, relative to this one".to_string()),
        file: extend.file.clone(),
        span: Some(extend.span),
        position: extend.position,
    };
    if chain.contains(&target) {
        errors.push(bad(format!(
            "`extend` makes a cycle: `{}` is already being read",
            extend.value.display()
        )));
        return Loaded::new(Some(config), errors);
    }
    let shown = extend.value.display();
    let refused = match crate::read::file_kind(&extend.value) {
        Ok(crate::FileKind::Regular) => None,
        Err(e) if matches!(e.kind, ReadErrorKind::NotFound) => {
            Some(format!("`extend` names `{shown}`, which does not exist"))
        }
        Ok(kind) => Some(format!(
            "`extend` names `{shown}`, which is {}, not a configuration file",
            kind.describe()
        )),
        Err(e) => Some(format!("`extend` names `{shown}`: {}", e.reason())),
    };
    if let Some(message) = refused {
        errors.push(bad(message));
        return Loaded::new(Some(config), errors);
    }
    let parent = load_chain(&extend.value, chain);
    errors.extend(parent.errors);
    let merged = match parent.value {
        Some(p) => config.over(p),
        None => config,
    };
    Loaded::new(Some(merged), errors)
}
