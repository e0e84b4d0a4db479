//! CSL-JSON items built from parsed references, with CSL variable names.
//! This is the shape `ibid parse --format json` and the exports write, owned or borrowed.

use crate::{Locator, LocatorLabel, Name, Names, PartialDate, Reference, Span};
use serde::{Deserialize, Serialize};

pub use crate::csl_key::{archive_key, item_key};

/// The language a title's script or words show: `ru`, `uk`, `en`, `de` or `fr` (see
/// `docs/parse-json.md`), or `None` when they do not decide.
pub fn language_of(title: &str) -> Option<&'static str> {
    crate::language::guess(title)
}

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
    /// A particle that moves after the given name when the name is inverted
    /// (`Gogh, Vincent van`), as BibLaTeX writes `van` without `useprefix`.
    #[serde(
        rename = "dropping-particle",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub dropping_particle: Option<String>,
    /// A suffix (`Jr.`, `III`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub suffix: Option<String>,
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
    /// The kind of work (`PhD diss.`, `letter`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub genre: Option<String>,
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

impl CslItem {
    /// The CSL-JSON names of the variables [`CslItem`] has a field for, in its order.
    pub const VARIABLES: &'static [&'static str] = &[
        "id",
        "type",
        "author",
        "editor",
        "translator",
        "title",
        "container-title",
        "collection-title",
        "publisher",
        "publisher-place",
        "issued",
        "volume",
        "issue",
        "page",
        "number-of-pages",
        "edition",
        "genre",
        "number",
        "DOI",
        "URL",
        "archive",
        "archive_location",
        "language",
        "note",
    ];
}

/// `span`'s text in `input`, or `None` when there is no span or it covers nothing.
fn text(input: &str, span: Option<Span>) -> Option<&str> {
    span.map(|s| s.slice(input)).filter(|s| !s.is_empty())
}

/// An optional borrowed string as an owned one.
fn owned(text: Option<&str>) -> Option<String> {
    text.map(str::to_string)
}

/// A CSL-JSON name borrowed from the input: the fields of [`CslName`] without copying them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CslNameRef<'a> {
    /// Family name.
    pub family: Option<&'a str>,
    /// Given names or initials.
    pub given: Option<&'a str>,
    /// A particle kept with the family name.
    pub particle: Option<&'a str>,
    /// The whole name, for institutions and labels.
    pub literal: Option<&'a str>,
}

impl CslNameRef<'_> {
    /// The owned [`CslName`] with the same fields.
    pub fn to_owned_name(&self) -> CslName {
        CslName {
            family: owned(self.family),
            given: owned(self.given),
            particle: owned(self.particle),
            dropping_particle: None,
            suffix: None,
            literal: owned(self.literal),
        }
    }
}

/// The borrowed CSL-JSON form of one name.
pub fn name_to_csl_ref<'a>(name: &Name, input: &'a str) -> CslNameRef<'a> {
    match name {
        Name::Personal {
            family,
            given,
            particle,
            ..
        } => CslNameRef {
            family: Some(family.slice(input)),
            given: text(input, *given),
            particle: text(input, *particle),
            literal: None,
        },
        Name::Literal { span } => CslNameRef {
            family: None,
            given: None,
            particle: None,
            literal: Some(span.slice(input)),
        },
    }
}

/// The CSL-JSON form of one name.
pub fn name_to_csl(name: &Name, input: &str) -> CslName {
    name_to_csl_ref(name, input).to_owned_name()
}

/// A list of names borrowed from a parsed reference, converted to CSL names on demand.
#[derive(Debug, Clone, Copy)]
pub struct CslNamesRef<'a> {
    names: &'a [Name],
    input: &'a str,
}

impl<'a> CslNamesRef<'a> {
    /// Whether there are no names.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The names in CSL form, in order.
    pub fn iter(&self) -> impl Iterator<Item = CslNameRef<'a>> + 'a {
        let input = self.input;
        self.names.iter().map(move |n| name_to_csl_ref(n, input))
    }

    /// The owned CSL names.
    pub fn to_owned_names(&self) -> Vec<CslName> {
        self.iter().map(|n| n.to_owned_name()).collect()
    }
}

/// The CSL `date-parts` of one date, `[year, month, day]`, held without a heap allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateParts {
    values: [i32; 3],
    len: usize,
}

impl DateParts {
    /// The parts of `date`, stopping at the first missing one (as
    /// [`PartialDate::date_parts`]); empty if there is no year.
    pub fn of(date: &PartialDate) -> Self {
        let mut parts = DateParts {
            values: [0; 3],
            len: 0,
        };
        if let Some(y) = date.year {
            parts.push(y.value);
            if let Some(m) = date.month {
                parts.push(i32::from(m.value));
                if let Some(d) = date.day {
                    parts.push(i32::from(d.value));
                }
            }
        }
        parts
    }

    /// Append one part (at most three are ever pushed).
    fn push(&mut self, value: i32) {
        if let Some(slot) = self.values.get_mut(self.len) {
            *slot = value;
            self.len += 1;
        }
    }

    /// The parts, in order.
    pub fn as_slice(&self) -> &[i32] {
        self.values.get(..self.len).unwrap_or(&[])
    }
}

/// A CSL-JSON date borrowed from the input: the fields of [`CslDate`] without copying them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CslDateRef<'a> {
    /// The parts of the date (never empty).
    pub start: DateParts,
    /// The parts of the end of a range, when it has any.
    pub end: Option<DateParts>,
    /// The date as written, unless empty.
    pub raw: Option<&'a str>,
    /// Whether the date is approximate.
    pub circa: bool,
}

impl CslDateRef<'_> {
    /// The owned [`CslDate`] with the same fields.
    pub fn to_owned_date(&self) -> CslDate {
        let mut date_parts = vec![self.start.as_slice().to_vec()];
        if let Some(end) = &self.end {
            date_parts.push(end.as_slice().to_vec());
        }
        CslDate {
            date_parts,
            raw: owned(self.raw),
            circa: self.circa.then_some(true),
        }
    }
}

/// The borrowed CSL-JSON form of a date; `None` when it has no year.
pub fn date_to_csl_ref<'a>(date: &PartialDate, input: &'a str) -> Option<CslDateRef<'a>> {
    let start = DateParts::of(date);
    if start.as_slice().is_empty() {
        return None;
    }
    let end = date
        .end
        .as_ref()
        .map(|e| DateParts::of(e))
        .filter(|e| !e.as_slice().is_empty());
    Some(CslDateRef {
        start,
        end,
        raw: text(input, Some(date.span)),
        circa: date.approximate,
    })
}

/// The CSL-JSON form of a date.
pub fn date_to_csl(date: &PartialDate, input: &str) -> Option<CslDate> {
    date_to_csl_ref(date, input).map(|d| d.to_owned_date())
}

/// The value of the first locator with `label`, as written.
fn first_value<'a>(locators: &[Locator], label: LocatorLabel, input: &'a str) -> Option<&'a str> {
    locators
        .iter()
        .find(|l| l.label == label)
        .map(|l| l.value_text(input))
}

/// The CSL item type a reference most likely is.
fn item_type(reference: &Reference) -> &'static str {
    if reference.genre.is_some() {
        "thesis"
    } else if reference.archive.is_some() && reference.title.is_none() {
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

/// A CSL-JSON item borrowed from a parsed reference and its input: the variables ibid fills,
/// in [`CslItem`]'s order, without copying any text. Its `id` is derived ([`CslItemRef::key`]);
/// `note` is never set.
#[derive(Debug, Clone, Copy)]
pub struct CslItemRef<'a> {
    /// The CSL item type.
    pub item_type: &'static str,
    /// Authors.
    pub author: CslNamesRef<'a>,
    /// Editors.
    pub editor: CslNamesRef<'a>,
    /// Translators.
    pub translator: CslNamesRef<'a>,
    /// Title.
    pub title: Option<&'a str>,
    /// Title of the container.
    pub container_title: Option<&'a str>,
    /// Series title.
    pub collection_title: Option<&'a str>,
    /// Publisher.
    pub publisher: Option<&'a str>,
    /// Place of publication.
    pub publisher_place: Option<&'a str>,
    /// Date of issue.
    pub issued: Option<CslDateRef<'a>>,
    /// Volume.
    pub volume: Option<&'a str>,
    /// Issue.
    pub issue: Option<&'a str>,
    /// Page range of the item in its container.
    pub page: Option<&'a str>,
    /// Total number of pages.
    pub number_of_pages: Option<&'a str>,
    /// Edition.
    pub edition: Option<&'a str>,
    /// The kind of work (a thesis statement).
    pub genre: Option<&'a str>,
    /// A document number in a collection.
    pub number: Option<&'a str>,
    /// DOI.
    pub doi: Option<&'a str>,
    /// URL.
    pub url: Option<&'a str>,
    /// The archive holding the original.
    pub archive: Option<&'a str>,
    /// Where in the archive.
    pub archive_location: Option<&'a str>,
    /// The language of the title (or of the container's), when its script or words show
    /// it: `ru`, `uk`, `en`, `de` or `fr`.
    pub language: Option<&'static str>,
}

impl CslItemRef<'_> {
    /// The item's stable id: first author's (or editor's) family name, year and first
    /// significant title word, folded to ASCII ([`item_key`]); for an archival item with
    /// neither, its repository and location ([`archive_key`]).
    pub fn key(&self) -> String {
        if self.author.is_empty()
            && self.editor.is_empty()
            && self.title.is_none()
            && self.archive.is_some()
        {
            return archive_key(self.archive, self.archive_location);
        }
        let name = self
            .author
            .iter()
            .chain(self.editor.iter())
            .next()
            .and_then(|n| n.family.or(n.literal));
        let year = self
            .issued
            .and_then(|d| d.start.as_slice().first().copied());
        item_key(name, year, self.title.or(self.container_title))
    }

    /// The owned [`CslItem`] with the same variables.
    pub fn to_owned_item(&self) -> CslItem {
        CslItem {
            id: Some(self.key()),
            item_type: self.item_type.to_string(),
            author: self.author.to_owned_names(),
            editor: self.editor.to_owned_names(),
            translator: self.translator.to_owned_names(),
            title: owned(self.title),
            container_title: owned(self.container_title),
            collection_title: owned(self.collection_title),
            publisher: owned(self.publisher),
            publisher_place: owned(self.publisher_place),
            issued: self.issued.map(|d| d.to_owned_date()),
            volume: owned(self.volume),
            issue: owned(self.issue),
            page: owned(self.page),
            number_of_pages: owned(self.number_of_pages),
            edition: owned(self.edition),
            genre: owned(self.genre),
            number: owned(self.number),
            doi: owned(self.doi),
            url: owned(self.url),
            archive: owned(self.archive),
            archive_location: owned(self.archive_location),
            language: self.language.map(str::to_string),
            note: None,
        }
    }
}

/// The borrowed CSL-JSON item for `reference`, parsed from `input`.
///
/// A document number among the pinpoint locators becomes `number` (CSL has no document
/// locator); an archival reference becomes `archive` and `archive_location`.
pub fn reference_to_csl_ref<'a>(reference: &'a Reference, input: &'a str) -> CslItemRef<'a> {
    let (archive, archive_location) = match &reference.archive {
        Some(a) => (text(input, a.repository), text(input, a.location)),
        None => (None, None),
    };
    let names = |names: &'a Names| CslNamesRef {
        names: &names.names,
        input,
    };
    CslItemRef {
        item_type: item_type(reference),
        author: names(&reference.authors),
        editor: names(&reference.editors),
        translator: names(&reference.translators),
        title: text(input, reference.title),
        container_title: text(input, reference.container_title),
        collection_title: text(input, reference.collection_title),
        publisher: text(input, reference.publisher),
        publisher_place: text(input, reference.place),
        issued: reference
            .issued
            .as_ref()
            .and_then(|d| date_to_csl_ref(d, input)),
        volume: text(input, reference.volume)
            .or_else(|| first_value(&reference.locators, LocatorLabel::Volume, input)),
        issue: text(input, reference.issue),
        page: text(input, reference.page),
        number_of_pages: text(input, reference.number_of_pages),
        edition: text(input, reference.edition),
        genre: text(input, reference.genre),
        number: first_value(&reference.locators, LocatorLabel::Document, input),
        doi: text(input, reference.doi),
        url: text(input, reference.url),
        archive,
        archive_location,
        language: text(input, reference.title)
            .or_else(|| text(input, reference.container_title))
            .and_then(crate::language::guess),
    }
}

/// The CSL-JSON item for `reference`, parsed from `input`.
///
/// A document number among the pinpoint locators becomes `number` (CSL has no document
/// locator); an archival reference becomes `archive` and `archive_location`.
pub fn reference_to_csl(reference: &Reference, input: &str) -> CslItem {
    reference_to_csl_ref(reference, input).to_owned_item()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_are_the_serialized_fields_in_order() {
        let some = || Some("x".to_string());
        let name = CslName {
            family: some(),
            given: None,
            particle: None,
            dropping_particle: None,
            suffix: None,
            literal: None,
        };
        let item = CslItem {
            id: some(),
            item_type: "book".into(),
            author: vec![name.clone()],
            editor: vec![name.clone()],
            translator: vec![name],
            title: some(),
            container_title: some(),
            collection_title: some(),
            publisher: some(),
            publisher_place: some(),
            issued: Some(CslDate {
                date_parts: vec![vec![1921]],
                raw: None,
                circa: None,
            }),
            volume: some(),
            issue: some(),
            page: some(),
            number_of_pages: some(),
            edition: some(),
            genre: some(),
            number: some(),
            doi: some(),
            url: some(),
            archive: some(),
            archive_location: some(),
            language: some(),
            note: some(),
        };
        let value = serde_json::to_value(&item).unwrap();
        let keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = CslItem::VARIABLES.to_vec();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        expected.sort_unstable();
        assert_eq!(sorted, expected);
    }
}
