//! Locators: where inside a source a citation points (`p. 12`, `ll. 5–6 об.`, `fol. 4r`).
//! The model lives here; `labels` knows the label words, `value` the numbers, `parse` the grammar.

mod labels;
mod parse;
mod shelf;
mod value;

pub(crate) use labels::lookup_label;
pub(crate) use parse::LocatorOptions;
#[allow(unused_imports)] // the grammar's crate-internal entry points, for the other parsers
pub(crate) use parse::{
    explain_locator_error, is_count, list_errors, mistyped_numbers, parse_locators_if_any,
    render_list, scan_archival_chain, scan_locator, scan_locator_list,
};
pub use parse::{parse_locator, parse_locators};
#[allow(unused_imports)] // `names_repository`: for the reference parser's archival hint
pub(crate) use shelf::{
    call_number_at, is_archival_level, name_part_at, names_repository, repository_at, Repository,
    MAX_ARCHIVAL_LEVEL_CHARS,
};

use crate::Span;

/// What kind of division a locator names.
///
/// The CSL 1.0.2 locator names, plus the archival and collection levels CSL lacks
/// (`document`, `fond`, `inventory`, `file`, `box`, `folder`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum LocatorLabel {
    /// CSL `act`.
    Act,
    /// CSL `appendix`.
    Appendix,
    /// CSL `article-locator`.
    ArticleLocator,
    /// CSL `book`.
    Book,
    /// CSL `canon`.
    Canon,
    /// CSL `chapter`.
    Chapter,
    /// CSL `column`.
    Column,
    /// CSL `elocation`.
    Elocation,
    /// CSL `equation`.
    Equation,
    /// CSL `figure`.
    Figure,
    /// CSL `folio`: a leaf (Russian `л.`, German `Bl.`).
    Folio,
    /// CSL `issue`.
    Issue,
    /// CSL `line`.
    Line,
    /// CSL `note`.
    Note,
    /// CSL `opus`.
    Opus,
    /// CSL `page`.
    Page,
    /// CSL `paragraph`.
    Paragraph,
    /// CSL `part`.
    Part,
    /// CSL `rule`.
    Rule,
    /// CSL `scene`.
    Scene,
    /// CSL `section`.
    Section,
    /// CSL `sub-verbo`.
    SubVerbo,
    /// CSL `supplement`.
    Supplement,
    /// CSL `table`.
    Table,
    /// CSL `timestamp`.
    Timestamp,
    /// CSL `title-locator`.
    TitleLocator,
    /// CSL `verse`.
    Verse,
    /// CSL `version`.
    Version,
    /// CSL `volume`.
    Volume,
    /// A numbered document within a collection (not in CSL; exported as CSL `number`).
    Document,
    /// An archival fond (record group), Russian `фонд`, `ф.`.
    Fond,
    /// An archival inventory, Russian `опись`, `оп.`.
    Inventory,
    /// An archival file or storage unit, Russian `дело`, `д.`.
    File,
    /// An archival box.
    Box,
    /// An archival folder.
    Folder,
}

impl LocatorLabel {
    /// Every label, in declaration order.
    pub const ALL: [LocatorLabel; 35] = [
        LocatorLabel::Act,
        LocatorLabel::Appendix,
        LocatorLabel::ArticleLocator,
        LocatorLabel::Book,
        LocatorLabel::Canon,
        LocatorLabel::Chapter,
        LocatorLabel::Column,
        LocatorLabel::Elocation,
        LocatorLabel::Equation,
        LocatorLabel::Figure,
        LocatorLabel::Folio,
        LocatorLabel::Issue,
        LocatorLabel::Line,
        LocatorLabel::Note,
        LocatorLabel::Opus,
        LocatorLabel::Page,
        LocatorLabel::Paragraph,
        LocatorLabel::Part,
        LocatorLabel::Rule,
        LocatorLabel::Scene,
        LocatorLabel::Section,
        LocatorLabel::SubVerbo,
        LocatorLabel::Supplement,
        LocatorLabel::Table,
        LocatorLabel::Timestamp,
        LocatorLabel::TitleLocator,
        LocatorLabel::Verse,
        LocatorLabel::Version,
        LocatorLabel::Volume,
        LocatorLabel::Document,
        LocatorLabel::Fond,
        LocatorLabel::Inventory,
        LocatorLabel::File,
        LocatorLabel::Box,
        LocatorLabel::Folder,
    ];

    /// The CSL name of the label (`page`, `sub-verbo`, ...), or ibid's own name for the
    /// levels CSL lacks (`document`, `fond`, `inventory`, `file`, `box`, `folder`).
    pub const fn name(self) -> &'static str {
        use LocatorLabel::*;
        match self {
            Act => "act",
            Appendix => "appendix",
            ArticleLocator => "article-locator",
            Book => "book",
            Canon => "canon",
            Chapter => "chapter",
            Column => "column",
            Elocation => "elocation",
            Equation => "equation",
            Figure => "figure",
            Folio => "folio",
            Issue => "issue",
            Line => "line",
            Note => "note",
            Opus => "opus",
            Page => "page",
            Paragraph => "paragraph",
            Part => "part",
            Rule => "rule",
            Scene => "scene",
            Section => "section",
            SubVerbo => "sub-verbo",
            Supplement => "supplement",
            Table => "table",
            Timestamp => "timestamp",
            TitleLocator => "title-locator",
            Verse => "verse",
            Version => "version",
            Volume => "volume",
            Document => "document",
            Fond => "fond",
            Inventory => "inventory",
            File => "file",
            Box => "box",
            Folder => "folder",
        }
    }

    /// The label with this CSL (or ibid) name; `title` is accepted for `title-locator`.
    pub fn from_name(name: &str) -> Option<Self> {
        if name == "title" {
            return Some(LocatorLabel::TitleLocator);
        }
        Self::ALL.iter().copied().find(|l| l.name() == name)
    }

    /// Whether CSL itself defines this label (false for ibid's archival additions).
    pub const fn is_csl(self) -> bool {
        !matches!(
            self,
            LocatorLabel::Document
                | LocatorLabel::Fond
                | LocatorLabel::Inventory
                | LocatorLabel::File
                | LocatorLabel::Box
                | LocatorLabel::Folder
        )
    }
}

impl std::fmt::Display for LocatorLabel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// How a single locator number is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum NumberKind {
    /// Arabic digits, possibly with a letter suffix (`12`, `12a`).
    Arabic,
    /// A roman numeral (`VII`, `xi`).
    Roman,
    /// Any other identifier (`4.4.8`, `LA10/146`, `Р-175`, `123(4)(a)`).
    Identifier,
}

/// Recto or verso of a leaf.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Side {
    /// The front of a leaf (`r`, `r°`).
    Recto,
    /// The back of a leaf (`v`, `v°`, Russian `об.`).
    Verso,
}

/// "And following" marks written after a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Following {
    /// One following unit: `f.`, `sq.`, `и сл.` (singular).
    One,
    /// Several following units: `ff.`, `sqq.`, `et seq.`, `et s.`.
    Many,
    /// Throughout: `passim`.
    Passim,
}

/// One number of a locator value, such as `12`, `VII`, `5об.` or `4r`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct LocatorNumber {
    /// The number as written, without any recto/verso mark.
    pub span: Span,
    /// How it is written.
    pub kind: NumberKind,
    /// Its numeric value, for arabic and roman numbers (`12a` gives 12).
    pub value: Option<u32>,
    /// Recto or verso, when marked.
    pub side: Option<Side>,
}

/// One item of a locator value: a single number or a range.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct LocatorRange {
    /// The first (or only) number.
    pub first: LocatorNumber,
    /// The last number of a range, if this is one.
    pub last: Option<LocatorNumber>,
    /// The bytes between the two numbers (`-`, `–`, ` to `, ` bis `), if a range.
    pub separator: Option<Span>,
}

impl LocatorRange {
    /// The numeric value of the range's end: the last number, with an abbreviated arabic
    /// end expanded (`612–13` ends at 613), or the first number when this is no range.
    /// `None` when that number has no numeric value (an identifier).
    ///
    /// ```
    /// use ibid_parse::parse_locator;
    ///
    /// let range = |input| parse_locator(input).value.unwrap().ranges[0].clone();
    /// assert_eq!(range("pp. 612–13").last_value(), Some(613));
    /// assert_eq!(range("p. 12").last_value(), Some(12));
    /// assert_eq!(range("ll. xi–xiv").last_value(), Some(14));
    /// ```
    pub fn last_value(&self) -> Option<u32> {
        let Some(last) = &self.last else {
            return self.first.value;
        };
        let value = last.value?;
        match (self.first.kind, self.first.value) {
            (NumberKind::Arabic, Some(first)) => Some(expand_abbreviated_end(first, value)),
            _ => Some(value),
        }
    }

    /// Whether the range runs backwards (`612–601`): both ends numeric and last < first.
    ///
    /// Abbreviated ends (`612–13`, meaning 613) are expanded before comparing.
    pub fn is_reversed(&self) -> bool {
        let (Some(first), Some(_)) = (self.first.value, self.last.as_ref().and_then(|l| l.value))
        else {
            return false;
        };
        self.last_value().is_some_and(|last| last < first)
    }
}

/// `612–13` means 613: an end with fewer digits than the start takes the start's leading digits.
///
/// A two-digit teen is never shortened to one digit (Hart's Rules, Chicago 9.64), so `12–9` is
/// not an abbreviation: the end is returned as written, and the range reads as reversed.
/// Longer starts are read leniently (`612–5` is 612–615), as writers do shorten them.
pub(crate) fn expand_abbreviated_end(first: u32, last: u32) -> u32 {
    let first_digits = first.checked_ilog10().unwrap_or(0) + 1;
    let last_digits = last.checked_ilog10().unwrap_or(0) + 1;
    if last_digits >= first_digits {
        return last;
    }
    if (10..20).contains(&first) {
        return last;
    }
    let scale = 10u32.pow(last_digits);
    first / scale * scale + last
}

/// A parsed locator: a label and its value, such as `pp. 33–35, 38` or `Л. 5 об.`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Locator {
    /// What kind of division it names.
    pub label: LocatorLabel,
    /// The label as written (`pp.`, `Seite`, `Л.`), or `None` when implied (a bare number
    /// is a page).
    pub label_span: Option<Span>,
    /// The value as written: numbers, separators, recto/verso and "following" marks.
    pub value: Span,
    /// The whole locator, label included.
    pub span: Span,
    /// The value's numbers and ranges, in order.
    pub ranges: Vec<LocatorRange>,
    /// An "and following" mark after the value, if any.
    pub following: Option<Following>,
}

impl Locator {
    /// The value as written in `input` (the text CSL calls the locator).
    pub fn value_text<'a>(&self, input: &'a str) -> &'a str {
        self.value.slice(input)
    }

    /// Render the locator in a canonical English form (`p. 12`, `pp. 33–35, 38`, `fol. 4v`,
    /// `doc. 652`), which parses back to the same structure.
    pub fn to_canonical(&self, input: &str) -> String {
        parse::render_canonical(self, input)
    }
}

#[cfg(test)]
mod range_tests {
    use super::expand_abbreviated_end;

    #[test]
    fn abbreviated_ends_take_the_start_digits() {
        assert_eq!(expand_abbreviated_end(612, 13), 613);
        assert_eq!(expand_abbreviated_end(612, 5), 615);
        assert_eq!(expand_abbreviated_end(45, 8), 48);
        assert_eq!(expand_abbreviated_end(1921, 22), 1922);
        assert_eq!(expand_abbreviated_end(612, 601), 601);
    }

    #[test]
    fn two_digit_teens_are_never_shortened() {
        assert_eq!(expand_abbreviated_end(12, 9), 9);
        assert_eq!(expand_abbreviated_end(19, 4), 4);
        assert_eq!(expand_abbreviated_end(112, 5), 115);
    }
}
