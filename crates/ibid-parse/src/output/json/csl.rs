//! CSL-JSON items, names and dates written as JSON from their borrowed forms.
//! Key order and omitted fields follow the serde derives of `crate::csl`'s owned types.

use super::value::{array, boolean, signed, Object};
use crate::csl::{CslDateRef, CslItemRef, CslNameRef, CslNamesRef, DateParts};

/// Write one name: only the fields it has.
fn write_name(out: &mut Vec<u8>, name: CslNameRef) {
    let mut o = Object::open(out);
    o.str_if_some("family", name.family);
    o.str_if_some("given", name.given);
    o.str_if_some("non-dropping-particle", name.particle);
    o.str_if_some("literal", name.literal);
    o.close();
}

/// Write a list of names under `key`, unless it is empty.
fn write_names(o: &mut Object, key: &str, names: CslNamesRef) {
    if !names.is_empty() {
        array(o.key(key), names.iter(), write_name);
    }
}

/// Write one date's parts: `[1921,2,16]`.
fn write_parts(out: &mut Vec<u8>, parts: &DateParts) {
    array(out, parts.as_slice(), |out, &n| signed(out, i64::from(n)));
}

/// Write a CSL date: `{"date-parts":[[...]],"raw":...,"circa":true}`.
pub(crate) fn write_date(out: &mut Vec<u8>, date: &CslDateRef) {
    let mut o = Object::open(out);
    array(
        o.key("date-parts"),
        std::iter::once(&date.start).chain(&date.end),
        write_parts,
    );
    o.str_if_some("raw", date.raw);
    if date.circa {
        boolean(o.key("circa"), true);
    }
    o.close();
}

/// Write a CSL item, in `CslItem`'s field order.
pub(crate) fn write_item(out: &mut Vec<u8>, item: &CslItemRef) {
    let mut o = Object::open(out);
    o.str("id", &item.key());
    o.name("type", item.item_type);
    write_names(&mut o, "author", item.author);
    write_names(&mut o, "editor", item.editor);
    write_names(&mut o, "translator", item.translator);
    o.str_if_some("title", item.title);
    o.str_if_some("container-title", item.container_title);
    o.str_if_some("collection-title", item.collection_title);
    o.str_if_some("publisher", item.publisher);
    o.str_if_some("publisher-place", item.publisher_place);
    if let Some(issued) = &item.issued {
        write_date(o.key("issued"), issued);
    }
    let texts = [
        ("volume", item.volume),
        ("issue", item.issue),
        ("page", item.page),
        ("number-of-pages", item.number_of_pages),
        ("edition", item.edition),
        ("genre", item.genre),
        ("number", item.number),
        ("DOI", item.doi),
        ("URL", item.url),
        ("archive", item.archive),
        ("archive_location", item.archive_location),
    ];
    for (key, value) in texts {
        o.str_if_some(key, value);
    }
    if let Some(language) = item.language {
        o.name("language", language);
    }
    o.close();
}
