//! The corpus configuration `ibid.toml`: bibliography files, which files belong to the
//! corpus, style settings and rule selection; `extend` chains, and typed errors.

use crate::error::{LoadError, LoadErrorKind, Loaded};
use crate::line_index::LineCol;
use crate::model::UnknownKey;
use crate::source_file::SourceFile;
use crate::suggest::closest;
use crate::toml_read::{Ctx, Schema, TomlSource};
use crate::toml_tree::{Node, Table, Value};
use globset::{Glob, GlobSet, GlobSetBuilder};
use ibid_parse::Span;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The name of the configuration file.
pub const CONFIG_FILE: &str = "ibid.toml";

/// Known top-level keys of `ibid.toml`.
pub const CONFIG_KEYS: &[&str] = &[
    "bibliography",
    "include",
    "exclude",
    "extend-exclude",
    "extend",
    "max-file-size",
    "style",
    "lint",
];
/// Known keys of `[style]`.
pub const STYLE_KEYS: &[&str] = &[
    "locator-form",
    "label-case",
    "label-space",
    "range-dash",
    "page-range",
    "leaf-side",
    "citation-syntax",
    "front-matter",
    "unify-sources",
    "csl",
];
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

/// How locator labels are written by `ibid fmt`: `p. 12` or `page 12`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LocatorForm {
    /// Abbreviated labels (`p.`, `doc.`, `fol.`, `С.`, `S.`).
    Short,
    /// Labels in full (`page`, `document`, `folio`, `страница`, `Seite`).
    Long,
    /// Labels as each citation writes them (the default).
    AsWritten,
}

/// How the first letter of a locator label is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LabelCase {
    /// The language's convention: a capital after a full stop that ends a sentence or an
    /// area (`…, 1992. С. 612`) and at the start of a value, lower case elsewhere
    /// (`…, с. 612`); German labels are always capitalised (`S.`, `Bd.`).
    Sentence,
    /// As written (the default).
    AsWritten,
}

/// What stands between a locator label and its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LabelSpace {
    /// One space (`p. 12`).
    Space,
    /// One no-break space, U+00A0 (`p.\u{a0}12`), as French and Russian typography want.
    Nbsp,
    /// As written (the default).
    AsWritten,
}

/// Which dash joins the ends of a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RangeDash {
    /// `–` (U+2013).
    EnDash,
    /// `-`.
    Hyphen,
    /// As written (the default).
    AsWritten,
}

/// How the end of a numeric range is written (Chicago Manual of Style 9.61).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageRange {
    /// Every digit: `321–328`.
    Full,
    /// Chicago's abbreviation: `321–28`, `101–8`, `1496–500`.
    Chicago,
    /// Only the digits that change: `321–8` (teens keep two digits: `112–15`).
    Minimal,
    /// As written (the default).
    AsWritten,
}

/// How recto and verso marks of leaves are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LeafSide {
    /// The short mark of the label's language: `4v`, `4r` (English, German, French),
    /// `5 об.` (Russian), `5 ob.` (transliterated Russian).
    Short,
    /// The word: `4 verso`, `5 оборот`.
    Long,
    /// As written (the default).
    AsWritten,
}

/// Whether `ibid fmt` normalises the punctuation of pandoc citations in bodies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CitationSyntax {
    /// pandoc's own spacing: `[see @a, p. 3; @b]` (the default).
    Pandoc,
    /// As written.
    AsWritten,
}

/// Whether `ibid fmt` lays out the front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FrontMatterLayout {
    /// Keys and tables in the order of docs/format.md, one blank line between tables,
    /// `key = "value"` with basic strings.
    Ordered,
    /// As written (the default).
    AsWritten,
}

/// `[style]`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct StyleConfig {
    /// `locator-form = "short" | "long" | "as-written"`.
    pub locator_form: Option<Setting<LocatorForm>>,
    /// `label-case = "sentence" | "as-written"`.
    pub label_case: Option<Setting<LabelCase>>,
    /// `label-space = "space" | "nbsp" | "as-written"`.
    pub label_space: Option<Setting<LabelSpace>>,
    /// `range-dash = "en-dash" | "hyphen" | "as-written"`.
    pub range_dash: Option<Setting<RangeDash>>,
    /// `page-range = "full" | "chicago" | "minimal" | "as-written"`.
    pub page_range: Option<Setting<PageRange>>,
    /// `leaf-side = "short" | "long" | "as-written"`.
    pub leaf_side: Option<Setting<LeafSide>>,
    /// `citation-syntax = "pandoc" | "as-written"`.
    pub citation_syntax: Option<Setting<CitationSyntax>>,
    /// `front-matter = "ordered" | "as-written"`.
    pub front_matter: Option<Setting<FrontMatterLayout>>,
    /// `unify-sources = true | false`.
    pub unify_sources: Option<Setting<bool>>,
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
    /// `max-file-size`: the most bytes read from one file (an integer, or a string such as
    /// `"64 MiB"`); `None` means the reader's default.
    pub max_file_size: Option<Setting<u64>>,
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
        read_config(&mut ctx, &table.table(), &mut config);
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
            max_file_size: self.max_file_size.or(parent.max_file_size),
            style: StyleConfig {
                locator_form: self.style.locator_form.or(parent.style.locator_form),
                label_case: self.style.label_case.or(parent.style.label_case),
                label_space: self.style.label_space.or(parent.style.label_space),
                range_dash: self.style.range_dash.or(parent.style.range_dash),
                page_range: self.style.page_range.or(parent.style.page_range),
                leaf_side: self.style.leaf_side.or(parent.style.leaf_side),
                citation_syntax: self.style.citation_syntax.or(parent.style.citation_syntax),
                front_matter: self.style.front_matter.or(parent.style.front_matter),
                unify_sources: self.style.unify_sources.or(parent.style.unify_sources),
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

fn setting<T>(ctx: &Ctx<'_>, value: T, range: std::ops::Range<usize>) -> Setting<T> {
    let span = ctx.span(range);
    Setting {
        value,
        file: ctx.file.path.clone(),
        span,
        position: ctx.file.line_col(span.start),
    }
}

fn strings(ctx: &mut Ctx<'_>, path: &str, value: &Node<'_>) -> Vec<Setting<String>> {
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
    value: &Node<'_>,
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

fn read_config(ctx: &mut Ctx<'_>, table: &Table<'_>, config: &mut Config) {
    let dir = config.root.clone();
    for (key, value) in table.iter() {
        match key.as_str() {
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
            "max-file-size" => config.max_file_size = file_size(ctx, value),
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

/// `max-file-size`: a whole number of bytes, or a number with a unit (`"64 MiB"`, `"500 KB"`).
fn file_size(ctx: &mut Ctx<'_>, value: &Node<'_>) -> Option<Setting<u64>> {
    let parsed = match value.get_ref() {
        integer @ Value::Integer { .. } => integer.as_u64(),
        Value::String(s) => parse_size(s),
        _ => None,
    };
    match parsed {
        Some(bytes) if bytes > 0 => Some(setting(ctx, bytes, value.span())),
        _ => {
            let span = ctx.span(value.span());
            ctx.error(
                LoadErrorKind::InvalidValue,
                span,
                "`max-file-size` must be a positive size in bytes".to_string(),
                Some("write max-file-size = \"64 MiB\" (units: B, KB, MB, GB, KiB, MiB, GiB) or a number of bytes".to_string()),
            );
            None
        }
    }
}

/// A size written with an optional unit: `"1048576"`, `"64 MiB"`, `"500KB"`.
fn parse_size(text: &str) -> Option<u64> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit() && c != '_')
        .unwrap_or(text.len());
    let number: u64 = text[..split].replace('_', "").parse().ok()?;
    let factor: u64 = match text[split..].trim().to_ascii_lowercase().as_str() {
        "" | "b" | "bytes" => 1,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        "kib" | "k" => 1 << 10,
        "mib" | "m" => 1 << 20,
        "gib" | "g" => 1 << 30,
        _ => return None,
    };
    number.checked_mul(factor)
}

fn read_style(ctx: &mut Ctx<'_>, table: &Table<'_>, config: &mut Config) {
    const AS_WRITTEN: &str = "as-written";
    let style = &mut config.style;
    for (key, value) in table.iter() {
        match key.as_str() {
            "locator-form" => {
                style.locator_form = choice(
                    ctx,
                    "style.locator-form",
                    value,
                    &[
                        ("short", LocatorForm::Short),
                        ("long", LocatorForm::Long),
                        (AS_WRITTEN, LocatorForm::AsWritten),
                    ],
                )
            }
            "label-case" => {
                style.label_case = choice(
                    ctx,
                    "style.label-case",
                    value,
                    &[
                        ("sentence", LabelCase::Sentence),
                        (AS_WRITTEN, LabelCase::AsWritten),
                    ],
                )
            }
            "label-space" => {
                style.label_space = choice(
                    ctx,
                    "style.label-space",
                    value,
                    &[
                        ("space", LabelSpace::Space),
                        ("nbsp", LabelSpace::Nbsp),
                        (AS_WRITTEN, LabelSpace::AsWritten),
                    ],
                )
            }
            "range-dash" => {
                style.range_dash = choice(
                    ctx,
                    "style.range-dash",
                    value,
                    &[
                        ("en-dash", RangeDash::EnDash),
                        ("hyphen", RangeDash::Hyphen),
                        (AS_WRITTEN, RangeDash::AsWritten),
                    ],
                )
            }
            "page-range" => {
                style.page_range = choice(
                    ctx,
                    "style.page-range",
                    value,
                    &[
                        ("full", PageRange::Full),
                        ("chicago", PageRange::Chicago),
                        ("minimal", PageRange::Minimal),
                        (AS_WRITTEN, PageRange::AsWritten),
                    ],
                )
            }
            "leaf-side" => {
                style.leaf_side = choice(
                    ctx,
                    "style.leaf-side",
                    value,
                    &[
                        ("short", LeafSide::Short),
                        ("long", LeafSide::Long),
                        (AS_WRITTEN, LeafSide::AsWritten),
                    ],
                )
            }
            "citation-syntax" => {
                style.citation_syntax = choice(
                    ctx,
                    "style.citation-syntax",
                    value,
                    &[
                        ("pandoc", CitationSyntax::Pandoc),
                        (AS_WRITTEN, CitationSyntax::AsWritten),
                    ],
                )
            }
            "front-matter" => {
                style.front_matter = choice(
                    ctx,
                    "style.front-matter",
                    value,
                    &[
                        ("ordered", FrontMatterLayout::Ordered),
                        (AS_WRITTEN, FrontMatterLayout::AsWritten),
                    ],
                )
            }
            "unify-sources" => {
                style.unify_sources = match value.get_ref() {
                    Value::Boolean(b) => Some(setting(ctx, *b, value.span())),
                    _ => {
                        let span = ctx.span(value.span());
                        ctx.error(
                            LoadErrorKind::InvalidValue,
                            span,
                            "`style.unify-sources` must be true or false".to_string(),
                            Some("write unify-sources = true".to_string()),
                        );
                        None
                    }
                }
            }
            "csl" => {
                style.csl = ctx
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

fn read_lint(ctx: &mut Ctx<'_>, table: &Table<'_>, config: &mut Config) {
    for (key, value) in table.iter() {
        match key.as_str() {
            "select" => config.lint.select = Some(strings(ctx, "lint.select", value)),
            "ignore" => config.lint.ignore = strings(ctx, "lint.ignore", value),
            "extend-select" => {
                config.lint.extend_select = strings(ctx, "lint.extend-select", value)
            }
            "per-file-ignores" => {
                let Some(t) = ctx.table("lint.per-file-ignores", value) else {
                    continue;
                };
                for (pattern, codes) in t.iter() {
                    let pattern_setting =
                        setting(ctx, pattern.as_str().to_string(), pattern.span());
                    let path = format!("lint.per-file-ignores.\"{}\"", pattern.as_str());
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
    fn parses_every_section_and_keeps_unknown_keys() {
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
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        assert_eq!(config.unknown[0].path, "lint.selcet");
        assert_eq!(config.unknown[0].suggestion.as_deref(), Some("select"));
        assert_eq!(
            config.unknown[0].position,
            LineCol {
                line: 12,
                column: 1
            }
        );
        assert_eq!(config.max_file_size, None);
        let m = config.file_matcher().unwrap();
        assert!(m.matches(Path::new("letters/a.md")));
        assert!(!m.matches(Path::new("drafts/a.md")));
        assert!(!m.matches(Path::new("a.txt")));
    }

    #[test]
    fn every_style_key_is_read_and_unknown_ones_are_kept() {
        let text = "[style]\nlocator-form = \"as-written\"\nlabel-case = \"sentence\"\nlabel-space = \"nbsp\"\nrange-dash = \"hyphen\"\npage-range = \"chicago\"\nleaf-side = \"long\"\ncitation-syntax = \"as-written\"\nfront-matter = \"ordered\"\nunify-sources = false\npage-ragne = \"full\"\n";
        let loaded = Config::parse(Path::new("ibid.toml"), text);
        let config = loaded.value.unwrap();
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        assert_eq!(config.unknown[0].path, "style.page-ragne");
        assert_eq!(config.unknown[0].suggestion.as_deref(), Some("page-range"));
        let style = config.style;
        assert_eq!(style.locator_form.unwrap().value, LocatorForm::AsWritten);
        assert_eq!(style.label_case.unwrap().value, LabelCase::Sentence);
        assert_eq!(style.label_space.unwrap().value, LabelSpace::Nbsp);
        assert_eq!(style.range_dash.unwrap().value, RangeDash::Hyphen);
        assert_eq!(style.page_range.unwrap().value, PageRange::Chicago);
        assert_eq!(style.leaf_side.unwrap().value, LeafSide::Long);
        assert_eq!(
            style.citation_syntax.unwrap().value,
            CitationSyntax::AsWritten
        );
        assert_eq!(
            style.front_matter.unwrap().value,
            FrontMatterLayout::Ordered
        );
        assert!(!style.unify_sources.unwrap().value);
        let bad = Config::parse(
            Path::new("ibid.toml"),
            "[style]\npage-range = \"chicgo\"\nunify-sources = \"yes\"\n",
        );
        let messages: Vec<_> = bad.errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`chicgo` is not a valid `style.page-range`",
                "`style.unify-sources` must be true or false"
            ]
        );
    }

    #[test]
    fn file_sizes_take_units() {
        assert_eq!(parse_size("1048576"), Some(1 << 20));
        assert_eq!(parse_size("64 MiB"), Some(64 << 20));
        assert_eq!(parse_size("500KB"), Some(500_000));
        assert_eq!(parse_size("12 parsecs"), None);
        let loaded = Config::parse(Path::new("ibid.toml"), "max-file-size = \"2 GiB\"\n");
        assert_eq!(loaded.value.unwrap().max_file_size.unwrap().value, 2 << 30);
        let loaded = Config::parse(Path::new("ibid.toml"), "max-file-size = 0\n");
        assert_eq!(loaded.errors[0].to_string(), "ibid.toml:1:17: `max-file-size` must be a positive size in bytes\n  help: write max-file-size = \"64 MiB\" (units: B, KB, MB, GB, KiB, MiB, GiB) or a number of bytes");
    }
}
