//! Which rules run: selectors (`ALL`, `S`, `S00`, `S004`) and the select/ignore/extend-select
//! layers from `ibid.toml` and the command line, resolved ruff's way (the more specific wins).

use crate::codes::Rule;
use std::fmt;

/// A set of rules, as a bit set over [`Rule::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RuleSet(u128);

impl RuleSet {
    /// No rules.
    pub const fn empty() -> Self {
        RuleSet(0)
    }

    /// Every rule.
    pub fn all() -> Self {
        Rule::ALL
            .iter()
            .fold(RuleSet::empty(), |set, &r| set.with(r))
    }

    /// The rules that run when nothing is configured: all of them.
    pub fn default_rules() -> Self {
        RuleSet::all()
    }

    /// This set with `rule` added.
    pub const fn with(self, rule: Rule) -> Self {
        RuleSet(self.0 | 1u128 << (rule as usize))
    }

    /// This set without `rule` (rules that cannot be ignored stay).
    pub const fn without(self, rule: Rule) -> Self {
        if !rule.is_ignorable() {
            return self;
        }
        RuleSet(self.0 & !(1u128 << (rule as usize)))
    }

    /// Whether `rule` is in the set.
    pub const fn contains(self, rule: Rule) -> bool {
        self.0 & (1u128 << (rule as usize)) != 0
    }

    /// The rules in the set, in code order.
    pub fn iter(self) -> impl Iterator<Item = Rule> {
        Rule::ALL.iter().copied().filter(move |&r| self.contains(r))
    }

    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// Something that names rules: `ALL`, a family letter, a code prefix, or a full code.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RuleSelector {
    /// Every rule.
    All,
    /// Every rule whose code starts with this prefix (`S`, `S00`, `S004`), upper case.
    Prefix(String),
}

/// A selector that names no rule, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectorError {
    /// The selector as written.
    pub selector: String,
}

impl fmt::Display for SelectorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown rule selector `{}`: expected `ALL`, a family letter (`S`), a code prefix (`S00`) or a code (`S004`); `ibid rule --all` lists the codes",
            self.selector
        )
    }
}

impl std::error::Error for SelectorError {}

impl std::str::FromStr for RuleSelector {
    type Err = SelectorError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("ALL") {
            return Ok(RuleSelector::All);
        }
        let prefix = text.to_ascii_uppercase();
        if prefix.is_empty() || !Rule::ALL.iter().any(|r| r.code().starts_with(&prefix)) {
            return Err(SelectorError {
                selector: text.to_owned(),
            });
        }
        Ok(RuleSelector::Prefix(prefix))
    }
}

impl fmt::Display for RuleSelector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RuleSelector::All => f.write_str("ALL"),
            RuleSelector::Prefix(p) => f.write_str(p),
        }
    }
}

impl RuleSelector {
    /// Whether the selector names `rule`.
    pub fn matches(&self, rule: Rule) -> bool {
        match self {
            RuleSelector::All => true,
            RuleSelector::Prefix(p) => rule.code().starts_with(p.as_str()),
        }
    }

    /// How specific the selector is: `ALL` least, a full code most.
    pub fn specificity(&self) -> usize {
        match self {
            RuleSelector::All => 0,
            RuleSelector::Prefix(p) => p.len(),
        }
    }

    /// The rules the selector names.
    pub fn rules(&self) -> RuleSet {
        Rule::ALL
            .iter()
            .filter(|&&r| self.matches(r))
            .fold(RuleSet::empty(), |set, &r| set.with(r))
    }
}

/// Parse a list of selectors, failing on the first one that names no rule.
pub fn parse_selectors<S: AsRef<str>>(items: &[S]) -> Result<Vec<RuleSelector>, SelectorError> {
    items.iter().map(|s| s.as_ref().parse()).collect()
}

/// One layer of rule selection: what a config file or the command line says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SelectionLayer {
    /// Replaces the rules selected so far, when given.
    pub select: Option<Vec<RuleSelector>>,
    /// Adds rules.
    pub extend_select: Vec<RuleSelector>,
    /// Removes rules.
    pub ignore: Vec<RuleSelector>,
}

impl SelectionLayer {
    /// Whether the layer says nothing.
    pub fn is_empty(&self) -> bool {
        self.select.is_none() && self.extend_select.is_empty() && self.ignore.is_empty()
    }

    /// Apply this layer to `set`.
    ///
    /// A `select` starts over from nothing. Then each rule named by both an enabling selector
    /// (`select` or `extend-select`) and an `ignore` selector goes to the more specific one;
    /// on a tie, `ignore` wins. Rules named by neither keep their state.
    pub fn apply(&self, set: RuleSet) -> RuleSet {
        let mut result = if self.select.is_some() {
            RuleSet::empty()
        } else {
            set
        };
        let enabling: Vec<&RuleSelector> = self
            .select
            .iter()
            .flatten()
            .chain(self.extend_select.iter())
            .collect();
        for &rule in Rule::ALL {
            let on = enabling
                .iter()
                .filter(|s| s.matches(rule))
                .map(|s| s.specificity())
                .max();
            let off = self
                .ignore
                .iter()
                .filter(|s| s.matches(rule))
                .map(|s| s.specificity())
                .max();
            result = match (on, off) {
                (Some(on), Some(off)) if on > off => result.with(rule),
                (_, Some(_)) => result.without(rule),
                (Some(_), None) => result.with(rule),
                (None, None) => result,
            };
        }
        // Rules that cannot be ignored are always on.
        Rule::ALL
            .iter()
            .filter(|r| !r.is_ignorable())
            .fold(result, |set, &r| set.with(r))
    }
}

/// Resolve layers, outermost first (inherited config, config, command line).
pub fn resolve(layers: &[&SelectionLayer]) -> RuleSet {
    layers
        .iter()
        .fold(RuleSet::default_rules(), |set, layer| layer.apply(set))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel(items: &[&str]) -> Vec<RuleSelector> {
        parse_selectors(items).unwrap()
    }

    fn codes(set: RuleSet) -> Vec<&'static str> {
        set.iter().map(|r| r.code()).collect()
    }

    #[test]
    fn selectors_parse_codes_prefixes_and_all() {
        assert_eq!("ALL".parse::<RuleSelector>().unwrap(), RuleSelector::All);
        assert_eq!(
            "s00".parse::<RuleSelector>().unwrap(),
            RuleSelector::Prefix("S00".into())
        );
        assert!("Z".parse::<RuleSelector>().is_err());
        assert!("S9".parse::<RuleSelector>().is_err());
        assert!("".parse::<RuleSelector>().is_err());
    }

    #[test]
    fn select_replaces_and_ignore_removes() {
        let layer = SelectionLayer {
            select: Some(sel(&["S"])),
            extend_select: vec![],
            ignore: sel(&["S004"]),
        };
        let set = resolve(&[&layer]);
        assert_eq!(codes(set), ["E900", "S001", "S002", "S003", "S005", "S006"]);
    }

    #[test]
    fn the_more_specific_selector_wins() {
        let layer = SelectionLayer {
            select: None,
            extend_select: sel(&["S004"]),
            ignore: sel(&["S"]),
        };
        let set = resolve(&[&layer]);
        assert!(set.contains(Rule::InconsistentSource));
        assert!(!set.contains(Rule::MissingSource));
        assert!(set.contains(Rule::UnexplainedMarker));
    }

    #[test]
    fn later_layers_override_earlier_ones() {
        let config = SelectionLayer {
            select: None,
            extend_select: vec![],
            ignore: sel(&["M"]),
        };
        let cli = SelectionLayer {
            select: None,
            extend_select: sel(&["M001"]),
            ignore: vec![],
        };
        let set = resolve(&[&config, &cli]);
        assert!(set.contains(Rule::UnexplainedMarker));
        assert!(!set.contains(Rule::UnusedNote));
        let cli_select = SelectionLayer {
            select: Some(sel(&["D001"])),
            ..SelectionLayer::default()
        };
        assert_eq!(codes(resolve(&[&config, &cli_select])), ["D001", "E900"]);
    }

    #[test]
    fn internal_errors_cannot_be_ignored() {
        let layer = SelectionLayer {
            select: None,
            extend_select: vec![],
            ignore: sel(&["ALL"]),
        };
        assert_eq!(codes(resolve(&[&layer])), ["E900"]);
    }
}
