//! The style `ibid fmt` writes and the F rules of `ibid check` expect: `[style]` of
//! `ibid.toml` with its defaults applied, and command-line overrides on top.

pub use ibid_provenance::config::{
    CitationSyntax, FrontMatterLayout, LabelCase, LabelSpace, LeafSide, LocatorForm, PageRange,
    RangeDash, StyleConfig,
};

/// Every formatting choice, resolved: what `[style]` says, else the documented default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Style {
    /// `locator-form`: short or long labels (default: as written).
    pub locator_form: LocatorForm,
    /// `label-case`: capitals by the language's convention (default: as written).
    pub label_case: LabelCase,
    /// `label-space`: what stands between a label and its value (default: as written).
    pub label_space: LabelSpace,
    /// `range-dash`: the dash of ranges (default: as written).
    pub range_dash: RangeDash,
    /// `page-range`: how range ends are abbreviated (default: as written).
    pub page_range: PageRange,
    /// `leaf-side`: how recto and verso are marked (default: as written).
    pub leaf_side: LeafSide,
    /// `citation-syntax`: pandoc citation punctuation (default: pandoc's).
    pub citation_syntax: CitationSyntax,
    /// `front-matter`: key and table order, blank lines, quoting (default: as written).
    pub front_matter: FrontMatterLayout,
    /// `unify-sources`: where the corpus writes one source several ways, rewrite each
    /// `cite` to the form the corpus uses most, or to `key` + `locator` when it matches a
    /// bibliography entry (default: off).
    pub unify_sources: bool,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            locator_form: LocatorForm::AsWritten,
            label_case: LabelCase::AsWritten,
            label_space: LabelSpace::AsWritten,
            range_dash: RangeDash::AsWritten,
            page_range: PageRange::AsWritten,
            leaf_side: LeafSide::AsWritten,
            citation_syntax: CitationSyntax::Pandoc,
            front_matter: FrontMatterLayout::AsWritten,
            unify_sources: false,
        }
    }
}

impl Style {
    /// The style a corpus configures: `[style]` with the defaults for what it leaves out.
    pub fn from_config(config: &StyleConfig) -> Style {
        let d = Style::default();
        Style {
            locator_form: config
                .locator_form
                .as_ref()
                .map_or(d.locator_form, |s| s.value),
            label_case: config.label_case.as_ref().map_or(d.label_case, |s| s.value),
            label_space: config
                .label_space
                .as_ref()
                .map_or(d.label_space, |s| s.value),
            range_dash: config.range_dash.as_ref().map_or(d.range_dash, |s| s.value),
            page_range: config.page_range.as_ref().map_or(d.page_range, |s| s.value),
            leaf_side: config.leaf_side.as_ref().map_or(d.leaf_side, |s| s.value),
            citation_syntax: config
                .citation_syntax
                .as_ref()
                .map_or(d.citation_syntax, |s| s.value),
            front_matter: config
                .front_matter
                .as_ref()
                .map_or(d.front_matter, |s| s.value),
            unify_sources: config
                .unify_sources
                .as_ref()
                .map_or(d.unify_sources, |s| s.value),
        }
    }

    /// This style with the choices `overrides` makes replacing its own.
    pub fn with(self, overrides: &StyleOverrides) -> Style {
        Style {
            locator_form: overrides.locator_form.unwrap_or(self.locator_form),
            label_case: overrides.label_case.unwrap_or(self.label_case),
            label_space: overrides.label_space.unwrap_or(self.label_space),
            range_dash: overrides.range_dash.unwrap_or(self.range_dash),
            page_range: overrides.page_range.unwrap_or(self.page_range),
            leaf_side: overrides.leaf_side.unwrap_or(self.leaf_side),
            citation_syntax: overrides.citation_syntax.unwrap_or(self.citation_syntax),
            front_matter: overrides.front_matter.unwrap_or(self.front_matter),
            unify_sources: overrides.unify_sources.unwrap_or(self.unify_sources),
        }
    }

    /// Whether any locator family is on (so locator sites need reading at all).
    pub fn formats_locators(&self) -> bool {
        self.locator_form != LocatorForm::AsWritten
            || self.label_case != LabelCase::AsWritten
            || self.label_space != LabelSpace::AsWritten
            || self.range_dash != RangeDash::AsWritten
            || self.page_range != PageRange::AsWritten
            || self.leaf_side != LeafSide::AsWritten
    }
}

/// Choices given for one run (command-line flags), each replacing the configured one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct StyleOverrides {
    /// `--locator-form`.
    pub locator_form: Option<LocatorForm>,
    /// `--label-case`.
    pub label_case: Option<LabelCase>,
    /// `--label-space`.
    pub label_space: Option<LabelSpace>,
    /// `--range-dash`.
    pub range_dash: Option<RangeDash>,
    /// `--page-range`.
    pub page_range: Option<PageRange>,
    /// `--leaf-side`.
    pub leaf_side: Option<LeafSide>,
    /// `--citation-syntax`.
    pub citation_syntax: Option<CitationSyntax>,
    /// `--front-matter`.
    pub front_matter: Option<FrontMatterLayout>,
    /// `--unify-sources`.
    pub unify_sources: Option<bool>,
}
