//! CSL-JSON items built from parsed references, with CSL variable names: one type per CSL
//! object, borrowing the input's text when built from a parse and owning it when read from JSON.

use crate::{Locator, LocatorLabel, Name, Names, PartialDate, Reference, Span};
use std::borrow::Cow;

pub use crate::csl_key::{archive_key, item_key};

/// The language a title's script or words show: `ru`, `uk`, `en`, `de` or `fr` (see
/// `docs/parse-json.md`), or `None` when they do not decide.
///
/// ```
/// use ibid_parse::csl::language_of;
///
/// assert_eq!(language_of("Нагорный Карабах в международном праве"), Some("ru"));
/// assert_eq!(language_of("Akten zur deutschen auswärtigen Politik"), Some("de"));
/// assert_eq!(language_of("Dark Continent"), None);
/// ```
pub fn language_of(title: &str) -> Option<&'static str> {
    crate::language::guess(title)
}

/// A CSL-JSON name: `{family, given}` for a person, `{literal}` for anything kept whole.
///
/// Built from a parse ([`name_to_csl`]) it borrows the input; read from JSON it owns its text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct CslName<'a> {
    /// Family name.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub family: Option<Cow<'a, str>>,
    /// Given names or initials.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub given: Option<Cow<'a, str>>,
    /// A particle kept with the family name (`van`, `de`).
    #[cfg_attr(
        feature = "serde",
        serde(
            rename = "non-dropping-particle",
            skip_serializing_if = "Option::is_none",
            default
        )
    )]
    pub particle: Option<Cow<'a, str>>,
    /// A particle that moves after the given name when the name is inverted
    /// (`Gogh, Vincent van`), as BibLaTeX writes `van` without `useprefix`.
    #[cfg_attr(
        feature = "serde",
        serde(
            rename = "dropping-particle",
            skip_serializing_if = "Option::is_none",
            default
        )
    )]
    pub dropping_particle: Option<Cow<'a, str>>,
    /// A suffix (`Jr.`, `III`).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub suffix: Option<Cow<'a, str>>,
    /// The whole name, for institutions and labels.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub literal: Option<Cow<'a, str>>,
}

impl CslName<'_> {
    /// The same name, owning its text.
    pub fn into_owned(self) -> CslName<'static> {
        CslName {
            family: owned(self.family),
            given: owned(self.given),
            particle: owned(self.particle),
            dropping_particle: owned(self.dropping_particle),
            suffix: owned(self.suffix),
            literal: owned(self.literal),
        }
    }
}

/// The CSL `date-parts` of one date, `[year, month, day]` or a prefix of it, held without a
/// heap allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateParts {
    values: [i32; 3],
    len: usize,
}

impl DateParts {
    /// The parts of `date`, stopping at the first missing one; empty if there is no year.
    pub fn of(date: &PartialDate) -> Self {
        let mut parts = DateParts::default();
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

    /// Parts from a list of at most three numbers; `None` for a longer list.
    #[cfg(feature = "serde")]
    fn from_slice(values: &[i32]) -> Option<Self> {
        let mut parts = DateParts::default();
        if values.len() > parts.values.len() {
            return None;
        }
        values.iter().for_each(|&v| parts.push(v));
        Some(parts)
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

    /// Whether there are no parts (not even a year).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// A CSL-JSON date: `{"date-parts": [[y, m, d]]}` (two lists for a range), with the text as
/// written in `raw` and `circa` for an approximate date.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct CslDate<'a> {
    /// The parts of the date (empty only when read from JSON that had none).
    pub start: DateParts,
    /// The parts of the end of a range, when it is one.
    pub end: Option<DateParts>,
    /// The date as written.
    pub raw: Option<Cow<'a, str>>,
    /// Whether the date is approximate.
    pub circa: bool,
}

impl CslDate<'_> {
    /// The `date-parts` lists: the start, then the end of a range.
    pub fn date_parts(&self) -> impl Iterator<Item = &DateParts> {
        std::iter::once(&self.start).chain(&self.end)
    }

    /// The same date, owning its text.
    pub fn into_owned(self) -> CslDate<'static> {
        CslDate {
            start: self.start,
            end: self.end,
            raw: owned(self.raw),
            circa: self.circa,
        }
    }
}

/// A CSL-JSON item. Only the variables ibid can fill are listed; all are optional.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub struct CslItem<'a> {
    /// The item's id, when it has one.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub id: Option<Cow<'a, str>>,
    /// The CSL item type (`book`, `article-journal`, `chapter`, `manuscript`, `document`).
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub item_type: Cow<'a, str>,
    /// Authors.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Vec::is_empty", default)
    )]
    pub author: Vec<CslName<'a>>,
    /// Editors.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Vec::is_empty", default)
    )]
    pub editor: Vec<CslName<'a>>,
    /// Translators.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Vec::is_empty", default)
    )]
    pub translator: Vec<CslName<'a>>,
    /// Title.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub title: Option<Cow<'a, str>>,
    /// Title of the container (journal, book, collection).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub container_title: Option<Cow<'a, str>>,
    /// Series title.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub collection_title: Option<Cow<'a, str>>,
    /// Publisher.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub publisher: Option<Cow<'a, str>>,
    /// Place of publication.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub publisher_place: Option<Cow<'a, str>>,
    /// Date of issue.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub issued: Option<CslDate<'a>>,
    /// Volume.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub volume: Option<Cow<'a, str>>,
    /// Issue.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub issue: Option<Cow<'a, str>>,
    /// Page range of the item in its container.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub page: Option<Cow<'a, str>>,
    /// Total number of pages.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub number_of_pages: Option<Cow<'a, str>>,
    /// Edition.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub edition: Option<Cow<'a, str>>,
    /// The kind of work (`PhD diss.`, `letter`).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub genre: Option<Cow<'a, str>>,
    /// A number identifying the item: ibid writes a document number in a collection here.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub number: Option<Cow<'a, str>>,
    /// DOI.
    #[cfg_attr(
        feature = "serde",
        serde(rename = "DOI", skip_serializing_if = "Option::is_none", default)
    )]
    pub doi: Option<Cow<'a, str>>,
    /// URL.
    #[cfg_attr(
        feature = "serde",
        serde(rename = "URL", skip_serializing_if = "Option::is_none", default)
    )]
    pub url: Option<Cow<'a, str>>,
    /// The archive holding the original.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub archive: Option<Cow<'a, str>>,
    /// Where in the archive (`f. 558, op. 11, d. 97, ll. 67-70`).
    #[cfg_attr(
        feature = "serde",
        serde(
            rename = "archive_location",
            skip_serializing_if = "Option::is_none",
            default
        )
    )]
    pub archive_location: Option<Cow<'a, str>>,
    /// Language of the item.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub language: Option<Cow<'a, str>>,
    /// Free-text note.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub note: Option<Cow<'a, str>>,
}

impl CslItem<'_> {
    /// The CSL-JSON names of the variables [`CslItem`] has a field for.
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

    /// A stable id for the item: the first author's (or editor's) family name, the year and
    /// the first significant title word, folded to ASCII ([`item_key`]); for an archival
    /// item with neither names nor title, its repository and location ([`archive_key`]).
    ///
    /// ```
    /// use ibid_parse::{csl::reference_to_csl, parse_reference};
    ///
    /// let input = "Барсегов Ю.Г. Нагорный Карабах. М., 2008.";
    /// let item = reference_to_csl(&parse_reference(input).value, input);
    /// assert_eq!(item.key(), "barsegov2008nagornyi");
    /// ```
    pub fn key(&self) -> String {
        let title = self.title.as_deref().or(self.container_title.as_deref());
        self.key_with(title.and_then(|t| crate::language::scan_title(t).key_word))
    }

    /// [`CslItem::key`] with the title's key word already found.
    fn key_with(&self, word: Option<&str>) -> String {
        if self.author.is_empty() && self.editor.is_empty() && self.title.is_none() {
            if let Some(archive) = self.archive.as_deref() {
                return archive_key(Some(archive), self.archive_location.as_deref());
            }
        }
        let name = self
            .author
            .iter()
            .chain(&self.editor)
            .find_map(|n| n.family.as_deref().or(n.literal.as_deref()));
        let year = self
            .issued
            .as_ref()
            .and_then(|d| d.start.as_slice().first().copied());
        crate::csl_key::key_with_word(name, year, word)
    }

    /// The same item, owning its text.
    pub fn into_owned(self) -> CslItem<'static> {
        let names = |names: Vec<CslName<'_>>| names.into_iter().map(CslName::into_owned).collect();
        CslItem {
            id: owned(self.id),
            item_type: Cow::Owned(self.item_type.into_owned()),
            author: names(self.author),
            editor: names(self.editor),
            translator: names(self.translator),
            title: owned(self.title),
            container_title: owned(self.container_title),
            collection_title: owned(self.collection_title),
            publisher: owned(self.publisher),
            publisher_place: owned(self.publisher_place),
            issued: self.issued.map(CslDate::into_owned),
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
            language: owned(self.language),
            note: owned(self.note),
        }
    }
}

/// An optional text made to own its bytes.
fn owned(text: Option<Cow<'_, str>>) -> Option<Cow<'static, str>> {
    text.map(|t| Cow::Owned(t.into_owned()))
}

/// `span`'s text in `input`, or `None` when there is no span or it covers nothing.
fn text(input: &str, span: Option<Span>) -> Option<Cow<'_, str>> {
    span.map(|s| s.slice(input))
        .filter(|s| !s.is_empty())
        .map(Cow::Borrowed)
}

/// The CSL-JSON form of one name, borrowing from `input`.
///
/// ```
/// use ibid_parse::{csl::name_to_csl, parse_names};
///
/// let input = "van der Berg, A.";
/// let names = parse_names(input).value;
/// let name = name_to_csl(&names.names[0], input);
/// assert_eq!(name.family.as_deref(), Some("Berg"));
/// assert_eq!(name.particle.as_deref(), Some("van der"));
/// assert_eq!(name.given.as_deref(), Some("A."));
/// ```
pub fn name_to_csl<'a>(name: &Name, input: &'a str) -> CslName<'a> {
    match name {
        Name::Personal {
            family,
            given,
            particle,
            ..
        } => CslName {
            family: Some(Cow::Borrowed(family.slice(input))),
            given: text(input, *given),
            particle: text(input, *particle),
            ..CslName::default()
        },
        Name::Literal { span } => CslName {
            literal: Some(Cow::Borrowed(span.slice(input))),
            ..CslName::default()
        },
    }
}

/// The CSL-JSON form of a date, borrowing from `input`; `None` when it has no year.
///
/// ```
/// use ibid_parse::{csl::date_to_csl, parse_date};
///
/// let input = "ca. 1920–1921";
/// let date = parse_date(input).value.unwrap();
/// let csl = date_to_csl(&date, input).unwrap();
/// assert_eq!(csl.start.as_slice(), [1920]);
/// assert_eq!(csl.end.unwrap().as_slice(), [1921]);
/// assert!(csl.circa);
/// ```
pub fn date_to_csl<'a>(date: &PartialDate, input: &'a str) -> Option<CslDate<'a>> {
    let start = DateParts::of(date);
    if start.is_empty() {
        return None;
    }
    let end = date
        .end
        .as_ref()
        .map(|e| DateParts::of(e))
        .filter(|e| !e.is_empty());
    Some(CslDate {
        start,
        end,
        raw: text(input, Some(date.span)),
        circa: date.approximate,
    })
}

/// The value of the first locator with `label`, as written.
fn first_value<'a>(
    locators: &[Locator],
    label: LocatorLabel,
    input: &'a str,
) -> Option<Cow<'a, str>> {
    locators
        .iter()
        .find(|l| l.label == label)
        .map(|l| Cow::Borrowed(l.value_text(input)))
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

/// The CSL-JSON item for `reference`, parsed from `input`, borrowing its text from `input`
/// (call [`CslItem::into_owned`] to keep it longer).
///
/// A document number among the pinpoint locators becomes `number` (CSL has no document
/// locator); an archival reference becomes `archive` and `archive_location`; a thesis
/// statement is the `genre` of a `thesis`. `id` is [`CslItem::key`]; `language` is the
/// title's when its script or words show it ([`language_of`]); `note` is never set.
///
/// ```
/// use ibid_parse::{csl::reference_to_csl, parse_reference};
///
/// let input = "Bergk, V., Haefeli, W. E. & Martin-Facklam, M. Title. Journal 61, 327–335 (2005).";
/// let reference = parse_reference(input).value;
/// let item = reference_to_csl(&reference, input);
/// assert_eq!(item.item_type, "article-journal");
/// assert_eq!(item.author.len(), 3);
/// assert_eq!(item.volume.as_deref(), Some("61"));
/// assert_eq!(item.page.as_deref(), Some("327–335"));
/// ```
pub fn reference_to_csl<'a>(reference: &Reference, input: &'a str) -> CslItem<'a> {
    let (archive, archive_location) = match &reference.archive {
        Some(a) => (text(input, a.repository), text(input, a.location)),
        None => (None, None),
    };
    let names = |names: &Names| -> Vec<CslName<'a>> {
        names.names.iter().map(|n| name_to_csl(n, input)).collect()
    };
    let mut item = CslItem {
        id: None,
        item_type: Cow::Borrowed(item_type(reference)),
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
            .and_then(|d| date_to_csl(d, input)),
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
        language: None,
        note: None,
    };
    // One pass over the title gives both the language and the key's word.
    let title = reference
        .title
        .or(reference.container_title)
        .map(|s| s.slice(input));
    let scan = title.map(crate::language::scan_title);
    item.language = scan.and_then(|s| s.language).map(Cow::Borrowed);
    item.id = Some(Cow::Owned(item.key_with(scan.and_then(|s| s.key_word))));
    item
}

#[cfg(feature = "serde")]
mod serde_date {
    //! `CslDate` as CSL-JSON: `{"date-parts": [[...], [...]], "raw": ..., "circa": true}`.

    use super::{CslDate, DateParts};
    use serde::ser::{SerializeMap, SerializeSeq};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::borrow::Cow;

    impl Serialize for DateParts {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut seq = serializer.serialize_seq(Some(self.as_slice().len()))?;
            for part in self.as_slice() {
                seq.serialize_element(part)?;
            }
            seq.end()
        }
    }

    impl Serialize for CslDate<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let len = 1 + usize::from(self.raw.is_some()) + usize::from(self.circa);
            let mut map = serializer.serialize_map(Some(len))?;
            let parts: Vec<&DateParts> = self.date_parts().collect();
            map.serialize_entry("date-parts", &parts)?;
            if let Some(raw) = &self.raw {
                map.serialize_entry("raw", raw)?;
            }
            if self.circa {
                map.serialize_entry("circa", &true)?;
            }
            map.end()
        }
    }

    /// The JSON shape, read before its parts are checked.
    #[derive(Deserialize)]
    struct Written {
        #[serde(rename = "date-parts")]
        date_parts: Vec<Vec<i32>>,
        #[serde(default)]
        raw: Option<String>,
        #[serde(default)]
        circa: Option<bool>,
    }

    impl<'de, 'a> Deserialize<'de> for CslDate<'a> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            use serde::de::Error;
            let written = Written::deserialize(deserializer)?;
            if written.date_parts.len() > 2 {
                return Err(D::Error::custom(
                    "a CSL date has at most two `date-parts` lists (start and end)",
                ));
            }
            let parts = |list: &[i32]| {
                DateParts::from_slice(list).ok_or_else(|| {
                    D::Error::custom("a CSL `date-parts` list has at most three numbers")
                })
            };
            let mut lists = written.date_parts.iter();
            let start = lists
                .next()
                .map_or(Ok(DateParts::default()), |l| parts(l))?;
            let end = lists.next().map(|l| parts(l)).transpose()?;
            Ok(CslDate {
                start,
                end,
                raw: written.raw.map(Cow::Owned),
                circa: written.circa.unwrap_or(false),
            })
        }
    }
}

#[cfg(all(test, feature = "serde"))]
mod tests {
    use super::*;

    #[test]
    fn variables_are_the_serialized_fields() {
        let some = || Some(Cow::Borrowed("x"));
        let name = CslName {
            family: some(),
            ..CslName::default()
        };
        let item = CslItem {
            id: some(),
            item_type: Cow::Borrowed("book"),
            author: vec![name.clone()],
            editor: vec![name.clone()],
            translator: vec![name],
            title: some(),
            container_title: some(),
            collection_title: some(),
            publisher: some(),
            publisher_place: some(),
            issued: Some(CslDate {
                start: DateParts::from_slice(&[1921]).unwrap_or_default(),
                ..CslDate::default()
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
        let mut keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = CslItem::VARIABLES.to_vec();
        keys.sort_unstable();
        expected.sort_unstable();
        assert_eq!(keys, expected);
    }
}
