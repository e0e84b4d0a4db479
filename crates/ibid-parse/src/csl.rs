//! CSL-JSON items built from parsed references, with CSL variable names.
//! This is the shape `ibid parse --format json` and the exports write; it owns its strings.

use crate::{Locator, LocatorLabel, Name, Names, PartialDate, Reference, Span};
use serde::{Deserialize, Serialize};

/// A CSL-JSON name: `{family, given}` for a person, `{literal}` for anything kept whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CslName {
    /// Family name.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub family: Option<String>,
    /// Given names or initials.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub given: Option<String>,
    /// A particle kept with the family name (`van`, `de`).
    #[serde(
        rename = "non-dropping-particle",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub particle: Option<String>,
    /// The whole name, for institutions and labels.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub literal: Option<String>,
}

/// A CSL-JSON date: `{"date-parts": [[y, m, d]]}`, with the text as written in `raw`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CslDate {
    /// `[[year, month, day]]`, or `[[start], [end]]` for a range.
    #[serde(rename = "date-parts")]
    pub date_parts: Vec<Vec<i32>>,
    /// The date as written.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub raw: Option<String>,
    /// Set when the date is approximate.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub circa: Option<bool>,
}

/// A CSL-JSON item. Only the variables ibid can fill are listed; all are optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct CslItem {
    /// The item's id, when it has one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub id: Option<String>,
    /// The CSL item type (`book`, `article-journal`, `chapter`, `manuscript`, `document`).
    #[serde(rename = "type")]
    pub item_type: String,
    /// Authors.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub author: Vec<CslName>,
    /// Editors.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub editor: Vec<CslName>,
    /// Translators.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub translator: Vec<CslName>,
    /// Title.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub title: Option<String>,
    /// Title of the container (journal, book, collection).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub container_title: Option<String>,
    /// Series title.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub collection_title: Option<String>,
    /// Publisher.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub publisher: Option<String>,
    /// Place of publication.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub publisher_place: Option<String>,
    /// Date of issue.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub issued: Option<CslDate>,
    /// Volume.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub volume: Option<String>,
    /// Issue.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub issue: Option<String>,
    /// Page range of the item in its container.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub page: Option<String>,
    /// Total number of pages.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub number_of_pages: Option<String>,
    /// Edition.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub edition: Option<String>,
    /// A number identifying the item: ibid writes a document number in a collection here.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub number: Option<String>,
    /// DOI.
    #[serde(rename = "DOI", skip_serializing_if = "Option::is_none", default)]
    pub doi: Option<String>,
    /// URL.
    #[serde(rename = "URL", skip_serializing_if = "Option::is_none", default)]
    pub url: Option<String>,
    /// The archive holding the original.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub archive: Option<String>,
    /// Where in the archive (`f. 558, op. 11, d. 97, ll. 67-70`).
    #[serde(
        rename = "archive_location",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub archive_location: Option<String>,
    /// Language of the item.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub language: Option<String>,
    /// Free-text note.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub note: Option<String>,
}

fn text(input: &str, span: Option<Span>) -> Option<String> {
    span.map(|s| s.slice(input).to_string())
        .filter(|s| !s.is_empty())
}

/// The CSL-JSON form of one name.
pub fn name_to_csl(name: &Name, input: &str) -> CslName {
    match name {
        Name::Personal {
            family,
            given,
            particle,
            ..
        } => CslName {
            family: Some(family.slice(input).to_string()),
            given: text(input, *given),
            particle: text(input, *particle),
            literal: None,
        },
        Name::Literal { span } => CslName {
            family: None,
            given: None,
            particle: None,
            literal: Some(span.slice(input).to_string()),
        },
    }
}

fn names_to_csl(names: &Names, input: &str) -> Vec<CslName> {
    names.names.iter().map(|n| name_to_csl(n, input)).collect()
}

/// The CSL-JSON form of a date.
pub fn date_to_csl(date: &PartialDate, input: &str) -> Option<CslDate> {
    let first = date.date_parts();
    if first.is_empty() {
        return None;
    }
    let mut date_parts = vec![first];
    if let Some(end) = &date.end {
        let last = end.date_parts();
        if !last.is_empty() {
            date_parts.push(last);
        }
    }
    Some(CslDate {
        date_parts,
        raw: Some(date.span.slice(input).to_string()).filter(|s| !s.is_empty()),
        circa: date.approximate.then_some(true),
    })
}

/// The value of the first locator with `label`, as written.
fn first_value(locators: &[Locator], label: LocatorLabel, input: &str) -> Option<String> {
    locators
        .iter()
        .find(|l| l.label == label)
        .map(|l| l.value_text(input).to_string())
}

/// The CSL item type a reference most likely is.
fn item_type(reference: &Reference) -> &'static str {
    if reference.archive.is_some() && reference.title.is_none() {
        "manuscript"
    } else if reference.container_title.is_some() {
        if reference.volume.is_some() || reference.issue.is_some() {
            "article-journal"
        } else {
            "chapter"
        }
    } else {
        "book"
    }
}

/// The CSL-JSON item for `reference`, parsed from `input`.
///
/// A document number among the pinpoint locators becomes `number` (CSL has no document
/// locator); an archival reference becomes `archive` and `archive_location`.
pub fn reference_to_csl(reference: &Reference, input: &str) -> CslItem {
    let (archive, archive_location) = match &reference.archive {
        Some(a) => (text(input, a.repository), text(input, a.location)),
        None => (None, None),
    };
    CslItem {
        id: None,
        item_type: item_type(reference).to_string(),
        author: names_to_csl(&reference.authors, input),
        editor: names_to_csl(&reference.editors, input),
        translator: names_to_csl(&reference.translators, input),
        title: text(input, reference.title),
        container_title: text(input, reference.container_title),
        collection_title: text(input, reference.collection_title),
        publisher: text(input, reference.publisher),
        publisher_place: text(input, reference.place),
        issued: reference
            .issued
            .as_ref()
            .and_then(|d| date_to_csl(d, input)),
        volume: text(input, reference.volume)
            .or_else(|| first_value(&reference.locators, LocatorLabel::Volume, input)),
        issue: text(input, reference.issue),
        page: text(input, reference.page),
        number_of_pages: text(input, reference.number_of_pages),
        edition: text(input, reference.edition),
        number: first_value(&reference.locators, LocatorLabel::Document, input),
        doi: text(input, reference.doi),
        url: text(input, reference.url),
        archive,
        archive_location,
        language: None,
        note: None,
    }
}
