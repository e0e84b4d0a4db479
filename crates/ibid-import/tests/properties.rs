//! Properties of `import` on pages made of random mixes of real page lines and arbitrary
//! text: it never panics; the body, the preamble and the debris list hold exactly the lines
//! placed in them; the document it writes is read by ibid and imports to nothing.

use ibid_import::{import, InputFormat, Options, Page, Place};
use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
    "Letter of N. Narimanov to V. I. Lenin",
    "Narimanov’s Letter to Lenin in Support of the Turkish Expansion into Armenia",
    "February 16, 1921",
    "Moscou, le 16 février 1921",
    "16 февраля 1921 г.",
    "",
    "Dear Vladimir Ilyich,",
    "I have no doubts that the Angorians* sincerely wish it.",
    "the Armenian** question <…> no matter what****. <…>",
    "  1. Narimanov",
    "N. Narimanov",
    "The letter contains notes and remarks:",
    "Пометы на документе:",
    "  1. “C. Stalin! 19/II. Lenin.”",
    "  2. By Lenin: “To other members of the CK [Central Committee].”",
    "  3. Unknown handwriting: “Narimanov”, “Turkey”.",
    "- „Gelesen. A. Maltzan 18.6.“",
    "Резолюция: «Согласен. И. Сталин. 4.III.21».",
    "*The word was encircled by Lenin.",
    "**Underlined by Lenin.",
    "* Слово обведено Лениным.",
    "[1] Underlined by Zinoviev.",
    "¹ Von Simons unterstrichen.",
    "Notes:",
    " Source: Барсегов Ю.Г. Нагорный Карабах Document 652, page 612",
    "Источник: РГАСПИ. Ф. 2. Оп. 1. Д. 17663. Л. 1.",
    "RGASPI, f. 2, op. 1, d. 17663, l. 1",
    "Translated from the Russian by Anna Smith.",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Share this:",
    "+++",
    "\"quoted\" \\ back\tslash",
];

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => "[^\n\r]{0,40}",
    ]
}

fn page() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 1..30).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn parts_hold_exactly_their_lines(text in page(), keep in any::<bool>()) {
        let Ok(page) = Page::read(text.as_bytes(), InputFormat::Text) else {
            return Ok(());
        };
        let Some(imported) = import(&page, None, &Options::new(keep, false)) else {
            prop_assert!(page.has_front_matter());
            return Ok(());
        };
        prop_assert_eq!(imported.places.len(), page.lines.len());
        let mut body = Vec::new();
        let mut debris = Vec::new();
        let mut preamble = Vec::new();
        for (line, place) in page.lines.iter().zip(&imported.places) {
            match place {
                Place::Body => body.push(line.clone()),
                Place::Preamble => preamble.push(line.clone()),
                Place::Debris if keep => {
                    body.push(line.clone());
                    debris.push(line.clone());
                }
                Place::DebrisThenBody if keep => body.push(line.clone()),
                Place::Debris => debris.push(line.clone()),
                Place::DebrisThenBody => {
                    let d = imported.fields.debris.iter().find(|d| d.part_of_line && line.starts_with(&d.text));
                    prop_assert!(d.is_some());
                    body.push(line[d.map_or(0, |d| d.text.len())..].to_string());
                }
                _ => {}
            }
        }
        let got: Vec<&str> = imported.body.lines().collect();
        prop_assert_eq!(got, body.iter().map(String::as_str).collect::<Vec<_>>());
        let whole: Vec<&str> = imported.fields.debris.iter().filter(|d| !d.part_of_line).map(|d| d.text.as_str()).collect();
        let debris_text: Vec<&str> = debris.iter().map(String::as_str).filter(|l| !l.trim().is_empty()).collect();
        prop_assert_eq!(whole, debris_text);
        let p = imported.fields.preamble.as_ref().map(|p| p.value.clone()).unwrap_or_default();
        prop_assert_eq!(p, preamble.join("\n"));
    }

    #[test]
    fn documents_are_read_and_import_to_nothing(text in page()) {
        let Ok(page) = Page::read(text.as_bytes(), InputFormat::Text) else {
            return Ok(());
        };
        let Some(imported) = import(&page, None, &Options::default()) else {
            return Ok(());
        };
        let document = imported.document();
        let loaded = ibid_provenance::parse_document(std::path::Path::new("d.txt"), document.as_bytes(), None);
        prop_assert!(loaded.value.is_some(), "{:?}\n{}", loaded.errors, document);
        let again = Page::read(document.as_bytes(), InputFormat::Text).expect("readable");
        prop_assert!(import(&again, None, &Options::default()).is_none());
    }
}
