//! The settings a check runs with, made from each corpus's `ibid.toml` (rule selection,
//! per-file ignores, the style `ibid fmt` writes) and resolved per file.

use crate::selection::{parse_selectors, resolve, RuleSelector, RuleSet, SelectionLayer};
use globset::{GlobBuilder, GlobMatcher};
use ibid_corpus::relative_to;
use ibid_provenance::config::Setting;
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

impl From<ibid_corpus::CorpusError> for ConfigError {
    fn from(error: ibid_corpus::CorpusError) -> Self {
        ConfigError(error.to_string())
    }
}

/// The style the corpus is formatted in: the F rules report what `ibid fmt` would change.
pub use ibid_fmt::Style;

/// A hash of what a document's findings depend on besides its text, for cache keys: the
/// style, and today's date (D004 flags dates after it, so a cached finding lasts a day).
pub fn style_fingerprint(style: &Style) -> u64 {
    let text = format!("{style:?}");
    let today = crate::rules::dates::future_date::today().to_string();
    crate::cache::hash_bytes(&[text.as_bytes(), today.as_bytes()])
}

/// One `per-file-ignores` entry: files matching a glob, and the rules ignored in them.
#[derive(Debug, Clone)]
pub struct PerFileIgnore {
    /// The glob as written.
    pub pattern: String,
    matcher: GlobMatcher,
    /// Matches the file name only (the glob has no `/`).
    basename: bool,
    /// The rules ignored.
    pub rules: RuleSet,
}

impl PerFileIgnore {
    /// An entry for `pattern`, relative to the folder of the config that declares it.
    pub fn new(pattern: &str, rules: RuleSet) -> Result<Self, globset::Error> {
        let matcher = GlobBuilder::new(pattern)
            .literal_separator(true)
            .build()?
            .compile_matcher();
        Ok(PerFileIgnore {
            pattern: pattern.to_owned(),
            matcher,
            basename: !pattern.contains('/'),
            rules,
        })
    }

    /// Whether the entry applies to `relative`, a path relative to the config's folder.
    pub fn matches(&self, relative: &Path) -> bool {
        if self.matcher.is_match(relative) {
            return true;
        }
        self.basename
            && relative
                .file_name()
                .is_some_and(|name| self.matcher.is_match(Path::new(name)))
    }
}

/// Everything the checker needs to know about one corpus configuration (`ibid.toml`).
#[derive(Debug, Clone, Default)]
pub struct CorpusSettings {
    /// The folder of the `ibid.toml` (or the folder the check was run from).
    pub root: PathBuf,
    /// The config file, when there is one.
    pub config_file: Option<PathBuf>,
    /// Rule selection from the config, outermost (`extend`ed) first.
    pub layers: Vec<SelectionLayer>,
    /// `per-file-ignores`.
    pub per_file_ignores: Vec<PerFileIgnore>,
    /// Bibliography files, resolved against `root`.
    pub bibliographies: Vec<PathBuf>,
    /// The style `ibid fmt` writes, which the F rules expect.
    pub style: Style,
}

impl CorpusSettings {
    /// The rules that apply to `path` (a file under this corpus), with `cli` applied last.
    pub fn rules_for(&self, path: &Path, cli: &SelectionLayer) -> RuleSet {
        let mut layers: Vec<&SelectionLayer> = self.layers.iter().collect();
        layers.push(cli);
        let mut set = resolve(&layers);
        let relative = relative_to(path, &self.root);
        for entry in &self.per_file_ignores {
            if entry.matches(&relative) {
                for rule in entry.rules.iter() {
                    set = set.without(rule);
                }
            }
        }
        set
    }
}

impl CorpusSettings {
    /// The checker's settings for a corpus of the plan: its selectors are checked against
    /// the rule codes, its globs compiled.
    pub fn new(corpus: &ibid_corpus::Corpus) -> Result<CorpusSettings, ConfigError> {
        let config = &corpus.config;
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
        let style = Style::from_config(&config.style);
        Ok(CorpusSettings {
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
        })
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::Rule;

    #[test]
    fn per_file_ignores_match_paths_and_basenames() {
        let rules = crate::selection::RuleSelector::Prefix("S".into()).rules();
        let by_dir = PerFileIgnore::new("drafts/**", rules).unwrap();
        assert!(by_dir.matches(Path::new("drafts/a/b.md")));
        assert!(!by_dir.matches(Path::new("final/b.md")));
        let by_name = PerFileIgnore::new("README.md", rules).unwrap();
        assert!(by_name.matches(Path::new("any/where/README.md")));
        let settings = CorpusSettings {
            root: PathBuf::from("corpus"),
            per_file_ignores: vec![by_dir],
            layers: vec![SelectionLayer {
                ignore: parse_selectors(&["M003"]).unwrap(),
                ..SelectionLayer::default()
            }],
            ..CorpusSettings::default()
        };
        let cli = SelectionLayer::default();
        let set = settings.rules_for(Path::new("corpus/drafts/x.md"), &cli);
        assert!(!set.contains(Rule::MissingSource));
        assert!(!set.contains(Rule::MarkerSequenceGap));
        assert!(set.contains(Rule::UnexplainedMarker));
        let set = settings.rules_for(Path::new("corpus/final/x.md"), &cli);
        assert!(set.contains(Rule::MissingSource));
    }
}
