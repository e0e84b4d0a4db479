//! CSL-JSON items, names and dates written as JSON, borrowing from the parse.
//! Key order and omitted fields follow the serde derives of `ibid_parse::csl`'s types.

use super::value::{array, boolean, signed, Object};
use ibid_parse::csl::{CslDate, CslItem, CslName, DateParts};

/// Write one name: only the fields it has.
fn write_name(out: &mut Vec<u8>, name: &CslName) {
    let mut o = Object::open(out);
    o.str_if_some("family", name.family.as_deref());
    o.str_if_some("given", name.given.as_deref());
    o.str_if_some("non-dropping-particle", name.particle.as_deref());
    o.str_if_some("dropping-particle", name.dropping_particle.as_deref());
    o.str_if_some("suffix", name.suffix.as_deref());
    o.str_if_some("literal", name.literal.as_deref());
    o.close();
}

/// Write a list of names under `key`, unless it is empty.
fn write_names(o: &mut Object, key: &str, names: &[CslName]) {
    if !names.is_empty() {
        array(o.key(key), names, |out, name| write_name(out, name));
    }
}

/// Write one date's parts: `[1921,2,16]`.
fn write_parts(out: &mut Vec<u8>, parts: &DateParts) {
    array(out, parts.as_slice(), |out, &n| signed(out, i64::from(n)));
}

/// Write a CSL date: `{"date-parts":[[...]],"raw":...,"circa":true}`.
pub(crate) fn write_date(out: &mut Vec<u8>, date: &CslDate) {
    let mut o = Object::open(out);
    array(o.key("date-parts"), date.date_parts(), write_parts);
    o.str_if_some("raw", date.raw.as_deref());
    if date.circa {
        boolean(o.key("circa"), true);
    }
    o.close();
}

/// Write a CSL item, in `CslItem`'s field order.
pub(crate) fn write_item(out: &mut Vec<u8>, item: &CslItem) {
    let mut o = Object::open(out);
    // A derived id is ASCII letters and digits, a language tag letters and hyphens: written
    // without the escape scan when they are.
    let plain = |s: &str| s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    match item.id.as_deref() {
        Some(id) if plain(id) => o.name("id", id),
        other => o.str_if_some("id", other),
    }
    o.str("type", &item.item_type);
    write_names(&mut o, "author", &item.author);
    write_names(&mut o, "editor", &item.editor);
    write_names(&mut o, "translator", &item.translator);
    o.str_if_some("title", item.title.as_deref());
    o.str_if_some("container-title", item.container_title.as_deref());
    o.str_if_some("collection-title", item.collection_title.as_deref());
    o.str_if_some("publisher", item.publisher.as_deref());
    o.str_if_some("publisher-place", item.publisher_place.as_deref());
    if let Some(issued) = &item.issued {
        write_date(o.key("issued"), issued);
    }
    let texts = [
        ("volume", &item.volume),
        ("issue", &item.issue),
        ("page", &item.page),
        ("number-of-pages", &item.number_of_pages),
        ("edition", &item.edition),
        ("genre", &item.genre),
        ("number", &item.number),
        ("DOI", &item.doi),
        ("URL", &item.url),
        ("archive", &item.archive),
        ("archive_location", &item.archive_location),
    ];
    for (key, value) in texts {
        o.str_if_some(key, value.as_deref());
    }
    match item.language.as_deref() {
        Some(tag) if plain(tag) => o.name("language", tag),
        other => o.str_if_some("language", other),
    }
    o.close();
}
