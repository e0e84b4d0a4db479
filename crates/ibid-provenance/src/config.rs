//! The corpus configuration `ibid.toml`: bibliography files, which files belong to the
//! corpus, style settings and rule selection; `extend` chains, and typed errors.

use crate::error::{LoadError, LoadErrorKind, Loaded};
use crate::model::UnknownKey;
use crate::read::decode;
use crate::source_file::{LineCol, SourceFile};
use crate::suggest::closest;
use crate::toml_read::{Ctx, Schema, TomlSource};
use globset::{Glob, GlobSet, GlobSetBuilder};
use ibid_parse::Span;
use serde::Serialize;
use std::path::{Path, PathBuf};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// The name of the configuration file.
pub const CONFIG_FILE: &str = "ibid.toml";

/// Known top-level keys of `ibid.toml`.
pub const CONFIG_KEYS: &[&str] = &[
    "bibliography",
    "include",
    "exclude",
    "extend-exclude",
    "extend",
    "style",
    "lint",
];
/// Known keys of `[style]`.
pub const STYLE_KEYS: &[&str] = &["locator-form", "range-dash", "csl"];
/// Known keys of `[lint]`.
pub const LINT_KEYS: &[&str] = &["select", "ignore", "extend-select", "per-file-ignores"];

const SCHEMA: Schema = &[
    ("", CONFIG_KEYS),
    ("style", STYLE_KEYS),
    ("lint", LINT_KEYS),
];

/// Files a corpus includes when `include` is not set.
pub const DEFAULT_INCLUDE: &[&str] = &["**/*.md", "**/*.txt"];
/// Files a corpus excludes when `exclude` is not set.
pub const DEFAULT_EXCLUDE: &[&str] = &[
    ".*/**",
    "**/.*/**",
    "target/**",
    "node_modules/**",
    "_build/**",
];

/// A configuration value with where it was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Setting<T> {
    /// The value.
    pub value: T,
    /// The configuration file it was written in.
    pub file: PathBuf,
    /// Where in that file.
    pub span: Span,
    /// Line and column of `span`.
    pub position: LineCol,
}

/// How locators are written by `ibid fmt`: `p. 12` or `page 12`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LocatorForm {
    /// Abbreviated labels (`p.`, `doc.`, `fol.`).
    Short,
    /// Labels in full (`page`, `document`, `folio`).
    Long,
}

/// Which dash joins the ends of a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RangeDash {
    /// `–` (U+2013).
    EnDash,
    /// `-`.
    Hyphen,
}

/// `[style]`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct StyleConfig {
    /// `locator-form = "short" | "long"`.
    pub locator_form: Option<Setting<LocatorForm>>,
    /// `range-dash = "en-dash" | "hyphen"`.
    pub range_dash: Option<Setting<RangeDash>>,
    /// `csl = "chicago-author-date"`: the CSL style for `fmt` and `bib`.
    pub csl: Option<Setting<String>>,
}

/// One `per-file-ignores` entry: a glob and the rule codes ignored in matching files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PerFileIgnore {
    /// The glob, relative to the corpus root.
    pub pattern: Setting<String>,
    /// The rule codes or prefixes.
    pub codes: Vec<Setting<String>>,
}

/// `[lint]`: rule selection, as in ruff.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct LintConfig {
    /// `select`: the rules to run (codes or prefixes); `None` means the default set.
    pub select: Option<Vec<Setting<String>>>,
    /// `ignore`: rules not to run.
    pub ignore: Vec<Setting<String>>,
    /// `extend-select`: rules added to the selection.
    pub extend_select: Vec<Setting<String>>,
    /// `per-file-ignores = { "glob" = ["CODE"] }`.
    pub per_file_ignores: Vec<PerFileIgnore>,
}

/// The configuration of a corpus (the defaults when there is no `ibid.toml`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Config {
    /// The `ibid.toml` read, if any (the last of an `extend` chain).
    pub path: Option<PathBuf>,
    /// The corpus root: the folder of `ibid.toml`.
    pub root: PathBuf,
    /// `bibliography`: the bibliography files, resolved against the file that named them.
    pub bibliography: Vec<Setting<PathBuf>>,
    /// `include`: globs of the files that belong to the corpus (default `**/*.md`, `**/*.txt`).
    pub include: Option<Vec<Setting<String>>>,
    /// `exclude`: globs of files left out (replaces the default exclusions).
    pub exclude: Option<Vec<Setting<String>>>,
    /// `extend-exclude`: globs left out in addition to `exclude`.
    pub extend_exclude: Vec<Setting<String>>,
    /// `extend`: the configuration this one extends, resolved.
    pub extend: Option<Setting<PathBuf>>,
    /// `[style]`.
    pub style: StyleConfig,
    /// `[lint]`.
    pub lint: LintConfig,
    /// Keys the format does not know (in any of the files read).
    pub unknown: Vec<UnknownKey>,
}

impl Config {
    /// The default configuration for a corpus rooted at `root`.
    pub fn default_for(root: impl Into<PathBuf>) -> Self {
        Config {
            root: root.into(),
            ..Config::default()
        }
    }

    /// The nearest `ibid.toml` in `start` (a folder, or a file's folder) or its parents.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let dir = if start.is_dir() {
            start
        } else {
            start.parent()?
        };
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let absolute = dir.canonicalize().ok()?;
        absolute
            .ancestors()
            .map(|d| d.join(CONFIG_FILE))
            .find(|p| p.is_file())
    }

    /// Load the configuration for `start`: the nearest `ibid.toml`, or the defaults rooted
    /// at `start`'s folder.
    pub fn for_path(start: &Path) -> Loaded<Config> {
        match Self::discover(start) {
            Some(path) => Self::load(&path),
            None => {
                let root = if start.is_dir() {
                    start.to_path_buf()
                } else {
                    start.parent().map(Path::to_path_buf).unwrap_or_default()
                };
                Loaded::new(Some(Config::default_for(root)), Vec::new())
            }
        }
    }

    /// Load `path` and the chain of configurations it extends.
    pub fn load(path: &Path) -> Loaded<Config> {
        let mut chain: Vec<PathBuf> = Vec::new();
        load_chain(path, &mut chain)
    }

    /// Parse the text of one `ibid.toml` (no `extend` resolution, no I/O).
    pub fn parse(path: &Path, text: &str) -> Loaded<Config> {
        let file = SourceFile::new(path, text.to_string());
        let mut ctx = Ctx::new(&file, 0, TomlSource::Config);
        let mut config = Config::default_for(parent_of(path));
        config.path = Some(path.to_path_buf());
        let skip = if text.starts_with('\u{feff}') { 3 } else { 0 };
        ctx.base = skip;
        let Some(table) = ctx.parse(text.get(skip..).unwrap_or("")) else {
            return Loaded::new(None, ctx.errors);
        };
        read_config(&mut ctx, table.get_ref(), &mut config);
        Loaded::new(Some(config), ctx.errors)
    }

    /// `self` on top of `parent`: settings `self` writes replace the parent's;
    /// `extend-select`, `extend-exclude` and `per-file-ignores` add to them.
    pub fn over(self, parent: Config) -> Config {
        let mut unknown = parent.unknown;
        unknown.extend(self.unknown);
        let mut extend_select = parent.lint.extend_select;
        extend_select.extend(self.lint.extend_select);
        let mut per_file_ignores = parent.lint.per_file_ignores;
        per_file_ignores.extend(self.lint.per_file_ignores);
        let mut extend_exclude = parent.extend_exclude;
        extend_exclude.extend(self.extend_exclude);
        Config {
            path: self.path.or(parent.path),
            root: self.root,
            bibliography: if self.bibliography.is_empty() {
                parent.bibliography
            } else {
                self.bibliography
            },
            include: self.include.or(parent.include),
            exclude: self.exclude.or(parent.exclude),
            extend_exclude,
            extend: self.extend,
            style: StyleConfig {
                locator_form: self.style.locator_form.or(parent.style.locator_form),
                range_dash: self.style.range_dash.or(parent.style.range_dash),
                csl: self.style.csl.or(parent.style.csl),
            },
            lint: LintConfig {
                select: self.lint.select.or(parent.lint.select),
                ignore: if self.lint.ignore.is_empty() {
                    parent.lint.ignore
                } else {
                    self.lint.ignore
                },
                extend_select,
                per_file_ignores,
            },
            unknown,
        }
    }

    /// A matcher for the files that belong to the corpus (paths relative to the root).
    pub fn file_matcher(&self) -> Result<FileMatcher, LoadError> {
        let include: Vec<&str> = match &self.include {
            Some(list) => list.iter().map(|s| s.value.as_str()).collect(),
            None => DEFAULT_INCLUDE.to_vec(),
        };
        let mut exclude: Vec<&str> = match &self.exclude {
            Some(list) => list.iter().map(|s| s.value.as_str()).collect(),
            None => DEFAULT_EXCLUDE.to_vec(),
        };
        exclude.extend(self.extend_exclude.iter().map(|s| s.value.as_str()));
        Ok(FileMatcher {
            include: glob_set(&include, self)?,
            exclude: glob_set(&exclude, self)?,
        })
    }

    /// The `per-file-ignores` codes that apply to `relative` (a path relative to the root).
    pub fn ignored_codes_for(&self, relative: &Path) -> Vec<&str> {
        self.lint
            .per_file_ignores
            .iter()
            .filter(|p| {
                Glob::new(&p.pattern.value)
                    .map(|g| g.compile_matcher().is_match(relative))
                    .unwrap_or(false)
            })
            .flat_map(|p| p.codes.iter().map(|c| c.value.as_str()))
            .collect()
    }
}

/// Which files belong to a corpus.
#[derive(Debug, Clone)]
pub struct FileMatcher {
    include: GlobSet,
    exclude: GlobSet,
}

impl FileMatcher {
    /// Whether `relative` (a path relative to the corpus root) belongs to the corpus.
    pub fn matches(&self, relative: &Path) -> bool {
        self.include.is_match(relative) && !self.exclude.is_match(relative)
    }

    /// Whether the folder `relative` is excluded (so a walk need not enter it).
    pub fn excludes_dir(&self, relative: &Path) -> bool {
        self.exclude.is_match(relative) || self.exclude.is_match(relative.join("x"))
    }
}

fn glob_set(patterns: &[&str], config: &Config) -> Result<GlobSet, LoadError> {
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        match Glob::new(p) {
            Ok(g) => {
                builder.add(g);
            }
            Err(e) => {
                let file = config.path.clone().unwrap_or_default();
                return Err(LoadError::file(
                    LoadErrorKind::InvalidValue,
                    &file,
                    format!("invalid glob `{p}`: {e}"),
                )
                .with_help("write globs such as \"letters/**/*.md\""));
            }
        }
    }
    builder.build().map_err(|e| {
        let file = config.path.clone().unwrap_or_default();
        LoadError::file(
            LoadErrorKind::InvalidValue,
            &file,
            format!("invalid globs: {e}"),
        )
    })
}

/// `path` with `.` and `dir/..` removed, without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                let last = out.components().next_back();
                if matches!(last, Some(Component::Normal(_))) {
                    out.pop();
                } else if !matches!(last, Some(Component::RootDir | Component::Prefix(_))) {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

fn parent_of(path: &Path) -> PathBuf {
    path.parent().map(Path::to_path_buf).unwrap_or_default()
}

fn load_chain(path: &Path, chain: &mut Vec<PathBuf>) -> Loaded<Config> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return Loaded::failed(LoadError::file(
                LoadErrorKind::Io,
                path,
                format!("cannot read the configuration: {e}"),
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
    if !extend.value.is_file() {
        errors.push(bad(format!(
            "`extend` names `{}`, which does not exist",
            extend.value.display()
        )));
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

fn setting<T>(ctx: &Ctx<'_>, value: T, range: std::ops::Range<usize>) -> Setting<T> {
    let span = ctx.span(range);
    Setting {
        value,
        file: ctx.file.path.clone(),
        span,
        position: ctx.file.line_col(span.start),
    }
}

fn strings(ctx: &mut Ctx<'_>, path: &str, value: &Spanned<DeValue<'_>>) -> Vec<Setting<String>> {
    ctx.texts(path, value)
        .into_iter()
        .map(|t| {
            let span = t.span;
            Setting {
                value: t.text,
                file: ctx.file.path.clone(),
                span,
                position: ctx.file.line_col(span.start),
            }
        })
        .collect()
}

fn choice<T: Copy>(
    ctx: &mut Ctx<'_>,
    path: &str,
    value: &Spanned<DeValue<'_>>,
    names: &[(&str, T)],
) -> Option<Setting<T>> {
    let text = ctx.text(path, value)?;
    match names.iter().find(|(n, _)| *n == text.text) {
        Some((_, v)) => Some(setting(ctx, *v, value.span())),
        None => {
            let all: Vec<&str> = names.iter().map(|(n, _)| *n).collect();
            let help = match closest(&text.text, all.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("write one of: {}", all.join(", ")),
            };
            ctx.error(
                LoadErrorKind::InvalidValue,
                text.span,
                format!("`{}` is not a valid `{path}`", text.text),
                Some(help),
            );
            None
        }
    }
}

fn read_config(ctx: &mut Ctx<'_>, table: &DeTable<'_>, config: &mut Config) {
    let dir = config.root.clone();
    for (key, value) in ctx.entries(table) {
        match key.get_ref().as_ref() {
            "bibliography" => {
                config.bibliography = strings(ctx, "bibliography", value)
                    .into_iter()
                    .map(|s| Setting {
                        value: normalize(&dir.join(&s.value)),
                        file: s.file,
                        span: s.span,
                        position: s.position,
                    })
                    .collect()
            }
            "include" => config.include = Some(strings(ctx, "include", value)),
            "exclude" => config.exclude = Some(strings(ctx, "exclude", value)),
            "extend-exclude" => config.extend_exclude = strings(ctx, "extend-exclude", value),
            "extend" => {
                config.extend = ctx.text("extend", value).map(|t| {
                    let mut s = setting(ctx, normalize(&dir.join(&t.text)), value.span());
                    s.span = t.span;
                    s
                })
            }
            "style" => {
                if let Some(t) = ctx.table("style", value) {
                    read_style(ctx, t, config);
                }
            }
            "lint" => {
                if let Some(t) = ctx.table("lint", value) {
                    read_lint(ctx, t, config);
                }
            }
            _ => {
                let u = ctx.unknown("", key, value, CONFIG_KEYS, SCHEMA);
                config.unknown.push(u);
            }
        }
    }
}

fn read_style(ctx: &mut Ctx<'_>, table: &DeTable<'_>, config: &mut Config) {
    for (key, value) in ctx.entries(table) {
        match key.get_ref().as_ref() {
            "locator-form" => {
                config.style.locator_form = choice(
                    ctx,
                    "style.locator-form",
                    value,
                    &[("short", LocatorForm::Short), ("long", LocatorForm::Long)],
                )
            }
            "range-dash" => {
                config.style.range_dash = choice(
                    ctx,
                    "style.range-dash",
                    value,
                    &[
                        ("en-dash", RangeDash::EnDash),
                        ("hyphen", RangeDash::Hyphen),
                    ],
                )
            }
            "csl" => {
                config.style.csl = ctx
                    .text("style.csl", value)
                    .map(|t| setting(ctx, t.text, value.span()))
            }
            _ => {
                let u = ctx.unknown("style", key, value, STYLE_KEYS, SCHEMA);
                config.unknown.push(u);
            }
        }
    }
}

fn read_lint(ctx: &mut Ctx<'_>, table: &DeTable<'_>, config: &mut Config) {
    for (key, value) in ctx.entries(table) {
        match key.get_ref().as_ref() {
            "select" => config.lint.select = Some(strings(ctx, "lint.select", value)),
            "ignore" => config.lint.ignore = strings(ctx, "lint.ignore", value),
            "extend-select" => {
                config.lint.extend_select = strings(ctx, "lint.extend-select", value)
            }
            "per-file-ignores" => {
                let Some(t) = ctx.table("lint.per-file-ignores", value) else {
                    continue;
                };
                for (pattern, codes) in ctx.entries(t) {
                    let pattern_setting =
                        setting(ctx, pattern.get_ref().to_string(), pattern.span());
                    let path = format!("lint.per-file-ignores.\"{}\"", pattern.get_ref());
                    let codes = strings(ctx, &path, codes);
                    config.lint.per_file_ignores.push(PerFileIgnore {
                        pattern: pattern_setting,
                        codes,
                    });
                }
            }
            _ => {
                let u = ctx.unknown("lint", key, value, LINT_KEYS, SCHEMA);
                config.unknown.push(u);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_section_and_reports_unknown_keys() {
        let text = "bibliography = [\"refs.bib\", \"sources.toml\"]\ninclude = [\"**/*.md\"]\nextend-exclude = [\"drafts/**\"]\n[style]\nlocator-form = \"short\"\nrange-dash = \"en-dash\"\ncsl = \"chicago-author-date\"\n[lint]\nselect = [\"IB\"]\nignore = [\"IB101\"]\nper-file-ignores = { \"drafts/*.md\" = [\"IB2\"] }\nselcet = 1\n";
        let loaded = Config::parse(Path::new("corpus/ibid.toml"), text);
        let config = loaded.value.unwrap();
        assert_eq!(config.bibliography[0].value, Path::new("corpus/refs.bib"));
        assert_eq!(
            config.style.locator_form.as_ref().unwrap().value,
            LocatorForm::Short
        );
        assert_eq!(
            config.style.range_dash.as_ref().unwrap().value,
            RangeDash::EnDash
        );
        assert_eq!(config.lint.select.as_ref().unwrap()[0].value, "IB");
        assert_eq!(config.lint.per_file_ignores[0].codes[0].value, "IB2");
        assert_eq!(config.ignored_codes_for(Path::new("drafts/a.md")), ["IB2"]);
        assert_eq!(loaded.errors.len(), 1);
        assert_eq!(loaded.errors[0].message, "unknown key `selcet` in [lint]");
        assert_eq!(
            loaded.errors[0].help.as_deref(),
            Some("did you mean `select`?")
        );
        assert_eq!(
            loaded.errors[0].position,
            LineCol {
                line: 12,
                column: 1
            }
        );
        let m = config.file_matcher().unwrap();
        assert!(m.matches(Path::new("letters/a.md")));
        assert!(!m.matches(Path::new("drafts/a.md")));
        assert!(!m.matches(Path::new("a.txt")));
    }
}
