//! Which `ibid.toml` governs each file (the closest one above it wins, with its `extend`
//! chain), turned into [`CorpusSettings`]; configuration errors stop the run (exit 2).

use crate::selection::{parse_selectors, RuleSelector, RuleSet, SelectionLayer};
use crate::settings::{CorpusSettings, LabelForm, PerFileIgnore, RangeDash, StyleSettings};
use ibid_provenance::config::{FileMatcher, LocatorForm, Setting};
use ibid_provenance::Config;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A configuration, or a path to check, that cannot be used: the message says where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

/// One corpus: its settings and which files belong to it.
#[derive(Debug)]
pub struct Corpus {
    /// The settings.
    pub settings: CorpusSettings,
    /// Which files under the root belong to the corpus (`include`/`exclude`).
    pub matcher: FileMatcher,
}

/// The corpora met so far, found by walking up from each file's folder.
#[derive(Debug)]
pub struct Corpora {
    /// Every corpus, in the order met.
    pub list: Vec<Corpus>,
    by_config: HashMap<Option<PathBuf>, usize>,
    by_dir: HashMap<PathBuf, usize>,
    default_root: PathBuf,
    /// Warnings about the configurations (unknown keys).
    pub warnings: Vec<String>,
}

impl Corpora {
    /// No corpora yet; files with no `ibid.toml` above them get the defaults rooted at
    /// `default_root`.
    pub fn new(default_root: PathBuf) -> Self {
        Corpora {
            list: Vec::new(),
            by_config: HashMap::new(),
            by_dir: HashMap::new(),
            default_root,
            warnings: Vec::new(),
        }
    }

    /// The corpus `file` belongs to.
    pub fn corpus_for(&mut self, file: &Path) -> Result<usize, ConfigError> {
        let dir = match file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if let Some(&i) = self.by_dir.get(&dir) {
            return Ok(i);
        }
        let config_path = Config::discover(&dir);
        let i = match self.by_config.get(&config_path) {
            Some(&i) => i,
            None => {
                let config = match &config_path {
                    Some(path) => {
                        let (config, unknown_keys) = load(path)?;
                        // `path:line:col: unknown key ...` with its help line.
                        self.warnings
                            .extend(unknown_keys.iter().map(ToString::to_string));
                        config
                    }
                    None => Config::default_for(self.default_root.clone()),
                };
                let corpus = convert(&config)?;
                self.list.push(corpus);
                let i = self.list.len() - 1;
                self.by_config.insert(config_path, i);
                i
            }
        };
        self.by_dir.insert(dir, i);
        Ok(i)
    }
}

/// Load an `ibid.toml` with its `extend` chain: the configuration and its unknown keys (to
/// warn about, with their places); any other error is fatal.
fn load(path: &Path) -> Result<(Config, Vec<ibid_provenance::LoadError>), ConfigError> {
    let loaded = Config::load(path);
    let (unknown, errors): (Vec<_>, Vec<_>) = loaded
        .errors
        .into_iter()
        .partition(|e| e.kind == ibid_provenance::LoadErrorKind::UnknownKey);
    if !errors.is_empty() {
        let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        return Err(ConfigError(text.join("\n")));
    }
    let config = loaded
        .value
        .ok_or_else(|| ConfigError(format!("{}: cannot read the configuration", path.display())))?;
    Ok((config, unknown))
}

/// Parse a list of selectors written in a config file, pointing at the bad one.
fn selectors(list: &[Setting<String>]) -> Result<Vec<RuleSelector>, ConfigError> {
    list.iter()
        .map(|s| {
            parse_selectors(&[s.value.as_str()])
                .map(|mut v| v.remove(0))
                .map_err(|e| {
                    ConfigError(format!(
                        "{}:{}:{}: {e}",
                        s.file.display(),
                        s.position.line,
                        s.position.column
                    ))
                })
        })
        .collect()
}

/// The checker's settings for a loaded configuration.
fn convert(config: &Config) -> Result<Corpus, ConfigError> {
    let lint = &config.lint;
    let layer = SelectionLayer {
        select: lint.select.as_deref().map(selectors).transpose()?,
        extend_select: selectors(&lint.extend_select)?,
        ignore: selectors(&lint.ignore)?,
    };
    let mut per_file_ignores = Vec::new();
    for entry in &lint.per_file_ignores {
        let rules = selectors(&entry.codes)?
            .iter()
            .fold(RuleSet::empty(), |set, s| {
                s.rules().iter().fold(set, |set, r| set.with(r))
            });
        let pattern = &entry.pattern;
        let ignore = PerFileIgnore::new(&pattern.value, rules).map_err(|e| {
            ConfigError(format!(
                "{}:{}:{}: invalid glob `{}`: {e}",
                pattern.file.display(),
                pattern.position.line,
                pattern.position.column,
                pattern.value
            ))
        })?;
        per_file_ignores.push(ignore);
    }
    let style = StyleSettings {
        range_dash: config.style.range_dash.as_ref().map(|s| match s.value {
            ibid_provenance::config::RangeDash::EnDash => RangeDash::EnDash,
            ibid_provenance::config::RangeDash::Hyphen => RangeDash::Hyphen,
        }),
        label_form: config.style.locator_form.as_ref().map(|s| match s.value {
            LocatorForm::Short => LabelForm::Short,
            LocatorForm::Long => LabelForm::Long,
        }),
    };
    let matcher = config
        .file_matcher()
        .map_err(|e| ConfigError(e.to_string()))?;
    Ok(Corpus {
        settings: CorpusSettings {
            root: config.root.clone(),
            config_file: config.path.clone(),
            layers: if layer.is_empty() {
                Vec::new()
            } else {
                vec![layer]
            },
            per_file_ignores,
            bibliographies: config
                .bibliography
                .iter()
                .map(|s| s.value.clone())
                .collect(),
            style,
        },
        matcher,
    })
}
