//! The settings a check runs with, resolved per file: rule selection (config layers, then
//! the command line), per-file ignores, bibliographies, and the citation style's demands.

use crate::selection::{resolve, RuleSet, SelectionLayer};
use globset::{GlobBuilder, GlobMatcher};
use std::path::{Path, PathBuf};

/// The dash a style puts between the ends of a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RangeDash {
    /// `pp. 33–35`.
    EnDash,
    /// `pp. 33-35`.
    Hyphen,
}

/// How a style writes locator labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LabelForm {
    /// `p. 612`, `doc. 652`.
    Short,
    /// `page 612`, `document 652`.
    Long,
}

/// What the configured citation style says about locators; `None` means the style does
/// not say, and the `F` rules stay silent about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct StyleSettings {
    /// The dash ranges take.
    pub range_dash: Option<RangeDash>,
    /// How labels are written.
    pub label_form: Option<LabelForm>,
}

impl StyleSettings {
    /// A hash of what a document's findings depend on besides its text, for cache keys: the
    /// settings, and today's date (D004 flags dates after it, so a cached finding lasts a day).
    pub fn fingerprint(&self) -> u64 {
        let text = format!("{self:?}");
        let today = crate::rules::dates::future_date::today().to_string();
        crate::cache::hash_bytes(&[text.as_bytes(), today.as_bytes()])
    }
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
    /// The style's demands on locators.
    pub style: StyleSettings,
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

/// `path` relative to `base`, comparing canonical forms when the plain prefix fails.
pub fn relative_to(path: &Path, base: &Path) -> PathBuf {
    if let Ok(rel) = path.strip_prefix(base) {
        return rel.to_path_buf();
    }
    let abs = |p: &Path| {
        p.canonicalize()
            .or_else(|_| std::path::absolute(p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let (path_abs, base_abs) = (abs(path), abs(base));
    path_abs
        .strip_prefix(&base_abs)
        .map(Path::to_path_buf)
        .unwrap_or(path_abs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::Rule;
    use crate::selection::parse_selectors;

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
