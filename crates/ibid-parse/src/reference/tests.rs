//! Tests of the free-text reference grammar: fields, the page/pinpoint rule, kept text,
//! spans, and linear time on pathological inputs.

use super::{parse_reference, Name, Reference};
use crate::{LocatorLabel, Parsed, Span};
use proptest::prelude::*;

fn text(input: &str, span: Option<Span>) -> Option<&str> {
    span.map(|s| s.slice(input))
}

fn first_author(input: &str, r: &Reference) -> Option<(String, String)> {
    match r.authors.names.first()? {
        Name::Personal { family, given, .. } => Some((
            family.slice(input).to_string(),
            given.map_or(String::new(), |g| g.slice(input).to_string()),
        )),
        Name::Literal { span } => Some((span.slice(input).to_string(), String::new())),
    }
}

fn locators(input: &str, r: &Reference) -> Vec<(LocatorLabel, String)> {
    r.locators
        .iter()
        .map(|l| (l.label, l.value_text(input).to_string()))
        .collect()
}

fn year(r: &Reference) -> Option<i32> {
    r.issued.as_ref().and_then(|d| d.year).map(|y| y.value)
}

/// Every span of the result lies in `input` on char boundaries.
fn assert_spans(input: &str, parsed: &Parsed<Reference>) {
    let json = serde_json::to_value(parsed).unwrap();
    fn walk(input: &str, v: &serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                if let (Some(s), Some(e)) = (map.get("start"), map.get("end")) {
                    let (s, e) = (s.as_u64().unwrap() as usize, e.as_u64().unwrap() as usize);
                    assert!(s <= e && e <= input.len(), "{input:?}: {s}..{e}");
                    assert!(input.is_char_boundary(s) && input.is_char_boundary(e));
                }
                map.values().for_each(|v| walk(input, v));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(input, v)),
            _ => {}
        }
    }
    walk(input, &json);
}

#[test]
fn seed_source_line_with_and_without_comma() {
    for input in [
        "Барсегов Ю.Г. Нагорный Карабах Document 652, page 612",
        "Барсегов Ю.Г. Нагорный Карабах, Document 652, page 612",
    ] {
        let parsed = parse_reference(input);
        assert!(parsed.is_clean(), "{input}: {:?}", parsed.errors);
        let r = &parsed.value;
        assert_eq!(r.authors.names[0].span().slice(input), "Барсегов Ю.Г.");
        assert_eq!(
            first_author(input, r),
            Some(("Барсегов".into(), "Ю.Г.".into()))
        );
        assert_eq!(text(input, r.title), Some("Нагорный Карабах"));
        assert_eq!(
            locators(input, r),
            [
                (LocatorLabel::Document, "652".into()),
                (LocatorLabel::Page, "612".into())
            ]
        );
    }
}

#[test]
fn chicago_note_and_bibliography() {
    let input = "Milovan Djilas, Wartime, trans. Michael B. Petrovich (New York: Harcourt Brace Jovanovich, 1977), 385-387.";
    let r = parse_reference(input).value;
    assert_eq!(
        first_author(input, &r),
        Some(("Djilas".into(), "Milovan".into()))
    );
    assert_eq!(
        r.translators.names[0].span().slice(input),
        "Michael B. Petrovich"
    );
    assert_eq!(text(input, r.title), Some("Wartime"));
    assert_eq!(text(input, r.place), Some("New York"));
    assert_eq!(text(input, r.publisher), Some("Harcourt Brace Jovanovich"));
    assert_eq!(year(&r), Some(1977));
    assert_eq!(r.page, None);
    assert_eq!(
        locators(input, &r),
        [(LocatorLabel::Page, "385-387".into())]
    );

    let input = "Djilas, Milovan. Wartime. Translated by Michael B. Petrovich. New York: Harcourt Brace Jovanovich, 1977.";
    let parsed = parse_reference(input);
    assert!(parsed.is_clean());
    assert_eq!(text(input, parsed.value.title), Some("Wartime"));
    assert!(parsed.value.locators.is_empty());
}

#[test]
fn article_ranges_are_pages_book_numbers_are_pinpoints() {
    let input = "Smith, J. A., & Doe, R. (2005). Title of article. Journal Name, 61(3), 327–335. https://doi.org/10.1000/xyz";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.container_title), Some("Journal Name"));
    assert_eq!(text(input, r.volume), Some("61"));
    assert_eq!(text(input, r.issue), Some("3"));
    assert_eq!(text(input, r.page), Some("327–335"));
    assert_eq!(text(input, r.doi), Some("10.1000/xyz"));
    assert!(r.locators.is_empty());

    let input = "Bergk, V., Haefeli, W. E. & Martin-Facklam, M. Title. Journal 61, 327–335 (2005).";
    let r = parse_reference(input).value;
    assert_eq!(r.authors.names.len(), 3);
    assert_eq!(text(input, r.page), Some("327–335"));
    assert_eq!(year(&r), Some(2005));

    // A multi-volume book: the volume is a field, the page a pinpoint.
    let input = "Ленин В.И. Полн. собр. соч. Т. 52. С. 85.";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.title), Some("Полн. собр. соч."));
    assert_eq!(text(input, r.volume), Some("52"));
    assert_eq!(r.page, None);
    assert_eq!(locators(input, &r), [(LocatorLabel::Page, "85".into())]);

    // A journal issue without a separate article title: the range is the page.
    let input = "Известия ЦК КПСС. 1989. № 12. С. 191–193.";
    let r = parse_reference(input).value;
    assert!(r.authors.names.is_empty());
    assert_eq!(text(input, r.title), Some("Известия ЦК КПСС"));
    assert_eq!(text(input, r.page), Some("191–193"));
}

#[test]
fn a_pinpoint_after_the_page_range_of_an_article() {
    let input = "Halbach, Uwe, Der Kaukasus in neuen Grenzen, in: Osteuropa 44 (1994), H. 7, S. 605–620, hier S. 610.";
    let parsed = parse_reference(input);
    assert!(parsed.is_clean(), "{:?}", parsed.errors);
    let r = parsed.value;
    assert_eq!(text(input, r.page), Some("605–620"));
    assert_eq!(locators(input, &r), [(LocatorLabel::Page, "610".into())]);
}

#[test]
fn gost_fields() {
    let input = "Барсегов Ю.Г. Нагорный Карабах в международном праве и мировой политике. Т. 1. М.: Крон-Пресс, 2008. 1248 с.";
    let parsed = parse_reference(input);
    assert!(parsed.is_clean());
    let r = parsed.value;
    assert_eq!(text(input, r.volume), Some("1"));
    assert_eq!(text(input, r.place), Some("М."));
    assert_eq!(text(input, r.publisher), Some("Крон-Пресс"));
    assert_eq!(text(input, r.number_of_pages), Some("1248"));
    assert!(r.locators.is_empty());

    let input = "Мартин Т. Империя «положительной деятельности» / пер. с англ. О. Р. Щелоковой; под ред. А. Б. Петрова. М.: РОССПЭН, 2011. 855 с.";
    let r = parse_reference(input).value;
    assert_eq!(
        r.translators.names[0].span().slice(input),
        "О. Р. Щелоковой"
    );
    assert_eq!(r.editors.names[0].span().slice(input), "А. Б. Петрова");
    assert_eq!(year(&r), Some(2011));
}

#[test]
fn editors_translators_and_et_al() {
    let input = "Müller, H./Schmidt, K. (Hrsg.): Titel. In: Zeitschrift 12 (1990), H. 3, S. 45–67.";
    let r = parse_reference(input).value;
    assert!(r.authors.names.is_empty());
    assert_eq!(r.editors.names.len(), 2);
    assert_eq!(text(input, r.container_title), Some("Zeitschrift"));
    assert_eq!(text(input, r.volume), Some("12"));
    assert_eq!(text(input, r.issue), Some("3"));
    assert_eq!(text(input, r.page), Some("45–67"));

    let input = "Сванидзе Н.К., Иванов П.П., Сидоров С.С. и др. Кавказ. СПб.: Питер, 2001.";
    let r = parse_reference(input).value;
    assert_eq!(r.authors.names.len(), 3);
    assert!(r.authors.et_al);
    assert_eq!(text(input, r.title), Some("Кавказ"));
}

#[test]
fn years_in_titles_and_the_year_of_publication() {
    let input =
        "Kotkin, Stephen. Stalin: Waiting for Hitler, 1929–1941. New York: Penguin Press, 2017.";
    let r = parse_reference(input).value;
    assert_eq!(
        text(input, r.title),
        Some("Stalin: Waiting for Hitler, 1929–1941")
    );
    assert_eq!(year(&r), Some(2017));
}

#[test]
fn archival_references_alone_and_at_the_end() {
    let input = "RGASPI, f. 558, op. 11, d. 97, ll. 67-70";
    let parsed = parse_reference(input);
    assert!(parsed.is_clean());
    let archive = parsed.value.archive.expect("an archive");
    assert_eq!(text(input, archive.repository), Some("RGASPI"));
    assert!(parsed.value.title.is_none());

    let input = "Ленин В.И. Записка И.В. Сталину // РГАСПИ. Ф. 2. Оп. 1. Д. 17663. Л. 1.";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.title), Some("Записка И.В. Сталину"));
    assert_eq!(r.container_title, None);
    assert_eq!(
        text(input, r.archive.and_then(|a| a.repository)),
        Some("РГАСПИ")
    );
}

#[test]
fn text_that_fits_no_field_is_reported_not_dropped() {
    let input = "Smith, John. Title. London: Macmillan, 1990. ###, @@@";
    let parsed = parse_reference(input);
    assert_eq!(text(input, parsed.value.title), Some("Title"));
    assert_eq!(year(&parsed.value), Some(1990));

    let input = "Pipes, Richard. The Russian Revolution. New York: Knopf, 1990, 512, zzz qqq.";
    let parsed = parse_reference(input);
    let remainder = parsed.remainder.map(|r| r.slice(input));
    assert_eq!(remainder, Some("zzz qqq."));
    assert_eq!(parsed.errors.len(), 1);
    assert_eq!(parsed.errors[0].span.slice(input), "zzz qqq");
}

#[test]
fn empty_and_blank_inputs() {
    for input in ["", "   ", ".", "(((", "«", "*"] {
        let parsed = parse_reference(input);
        assert_spans(input, &parsed);
        assert!(parsed.value.title.is_none_or(|t| !t.is_empty()));
    }
}

/// Repetitive inputs are read without panicking; their timing (linear growth) is measured by
/// `cargo bench -p ibid-parse`, group `pathological`, never in tests.
#[test]
fn pathological_inputs_are_read_without_panicking() {
    let unit = [
        ".",
        "p. ",
        "1",
        "[",
        "\"a ",
        "«",
        "a, ",
        "J.-",
        "A. ",
        "Smith, ",
        "f. 1, ",
        "(",
        "In: ",
        "// ",
        "doi ",
        "www.",
        "1990, ",
        "Т. ",
        "p. 1, ",
        "S. 1 f. ",
        "1, ",
        "a. M. ",
        "(1990) ",
        "«a» ",
        "Smith, J., ",
        "Иванов И.И. ",
        "М.: ",
        "— ",
        "ed. ",
        "In ",
        "vol. 1, no. 2, ",
    ];
    for piece in unit {
        let input = piece.repeat(60_000 / piece.len().max(1));
        let parsed = parse_reference(&input);
        assert!(parsed.value.span.end <= input.len(), "{piece:?}");
    }
}

proptest! {
    #[test]
    fn never_panics_and_spans_stay_in_bounds(input in "\\PC{0,80}") {
        let parsed = parse_reference(&input);
        assert_spans(&input, &parsed);
    }

    #[test]
    fn reference_like_noise(input in "[A-ZА-Я][a-zа-я]{1,8}( [A-ZА-Я]\\.){0,2}[ .,:;/()«»\"0-9a-zа-я–-]{0,60}") {
        let parsed = parse_reference(&input);
        assert_spans(&input, &parsed);
        if parsed.remainder.is_some() {
            prop_assert!(!parsed.errors.is_empty());
        }
    }
}

#[test]
fn back_references_and_short_notes() {
    // A back reference names neither author nor title; what follows is the pinpoint.
    for (input, page) in [
        ("Ibid., 47.", "47"),
        ("Ebd., S. 41.", "41"),
        ("Там же. С. 47.", "47"),
        ("Ibid., p. 130.", "130"),
    ] {
        let r = parse_reference(input).value;
        assert!(r.title.is_none() && r.authors.names.is_empty(), "{input}");
        assert_eq!(locators(input, &r), vec![(LocatorLabel::Page, page.into())]);
    }
    // `Name, op. cit.` and `Name Year, S. n` name the author.
    for (input, family, y) in [
        ("Bourdieu, op. cit., p. 78.", "Bourdieu", None),
        ("Habermas, a.a.O., S. 112.", "Habermas", None),
        ("Vgl. Müller 1990, S. 12.", "Müller", Some(1990)),
        ("Smith 2004: 45.", "Smith", Some(2004)),
    ] {
        let r = parse_reference(input).value;
        assert_eq!(
            first_author(input, &r).map(|a| a.0),
            Some(family.into()),
            "{input}"
        );
        assert!(r.title.is_none(), "{input}");
        assert_eq!(year(&r), y, "{input}");
        assert_eq!(locators(input, &r).len(), 1, "{input}");
    }
    // A lead-in `Ср.:` is not part of the author.
    let input = "Ср.: Зализняк А. А. Древненовгородский диалект. М., 2004. С. 12.";
    let r = parse_reference(input).value;
    assert_eq!(
        first_author(input, &r).map(|a| a.0),
        Some("Зализняк".into())
    );
}

#[test]
fn french_family_first_and_editor_in_container() {
    let input = "Mercier Yves, « Les ports bretons », dans Sylvie Durand (dir.), La Mer et ses rivages, Rennes, PUR, 2004, p. 10-20.";
    let parsed = parse_reference(input);
    let r = &parsed.value;
    assert_eq!(
        first_author(input, r),
        Some(("Mercier".into(), "Yves".into()))
    );
    assert_eq!(
        text(input, r.container_title),
        Some("La Mer et ses rivages")
    );
    assert_eq!(r.editors.names[0].span().slice(input), "Sylvie Durand");
}

#[test]
fn german_subtitles_run_to_the_imprint() {
    let input =
        "Meier, Stefan: Die Stadt. Studien zur Verwaltung im Mittelalter. Leipzig: Teubner 1910.";
    let parsed = parse_reference(input);
    let r = &parsed.value;
    assert_eq!(
        text(input, r.title),
        Some("Die Stadt. Studien zur Verwaltung im Mittelalter")
    );
    assert_eq!(text(input, r.place), Some("Leipzig"));
    assert_eq!(year(r), Some(1910));
}

#[test]
fn same_author_pronoun_is_not_the_container() {
    let input = "Weber, Max: Die Stadt. In: Ders.: Wirtschaft und Gesellschaft. Tübingen: Mohr 1922, S. 513–600.";
    let parsed = parse_reference(input);
    let r = &parsed.value;
    assert_eq!(
        text(input, r.container_title),
        Some("Wirtschaft und Gesellschaft")
    );
    assert!(r.editors.names.is_empty());
}

#[test]
fn a_source_label_before_the_reference_is_not_part_of_it() {
    for input in [
        "Source: Барсегов Ю.Г. Нагорный Карабах Document 652, page 612",
        "\u{a0}Источник: Барсегов Ю.Г. Нагорный Карабах Document 652, page 612",
    ] {
        let parsed = parse_reference(input);
        let r = &parsed.value;
        assert_eq!(
            r.authors.names[0].span().slice(input),
            "Барсегов Ю.Г.",
            "{input}"
        );
        assert_eq!(r.title.unwrap().slice(input), "Нагорный Карабах", "{input}");
        assert_eq!(r.locators.len(), 2, "{input}");
    }
    // A title that merely begins with the word keeps it.
    let input = "Smith, J. Source Criticism. London: Methuen, 1990.";
    assert_eq!(
        parse_reference(input).value.title.unwrap().slice(input),
        "Source Criticism"
    );
}

#[test]
fn a_question_mark_ends_a_title_before_the_journal() {
    let input = "Doe, J. (1990). Is it complete? Journal of Things, 47(10), 777–780.";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.title), Some("Is it complete?"));
    assert_eq!(text(input, r.container_title), Some("Journal of Things"));
    assert_eq!(text(input, r.volume), Some("47"));
    assert_eq!(text(input, r.page), Some("777–780"));
    // A subtitle after the mark stays in the title.
    let input = "Doe, J. (1990). Why autonomy? The making of a region. Slavic Review, 4(2), 1–9.";
    let r = parse_reference(input).value;
    assert_eq!(
        text(input, r.title),
        Some("Why autonomy? The making of a region")
    );
}

#[test]
fn abbreviated_journal_titles_stay_whole() {
    for (input, journal, volume) in [
        (
            "A. Doe, Theory of things, Phys. Rev. 108, 1175 (1957).",
            "Phys. Rev.",
            "108",
        ),
        (
            "Doe, A.; Roe, B. Some Effects. J. Chem. Phys. 1965, 140, 1133–1138.",
            "J. Chem. Phys.",
            "140",
        ),
        (
            "A. Doe, “Noise,” Proc. IRE, vol. 37, no. 1, pp. 10–21, Jan. 1949.",
            "Proc. IRE",
            "37",
        ),
    ] {
        let r = parse_reference(input).value;
        assert_eq!(text(input, r.container_title), Some(journal), "{input}");
        assert_eq!(text(input, r.volume), Some(volume), "{input}");
        assert_eq!(r.publisher, None, "{input}");
    }
    // A place and year are no journal.
    let input = "Иванов И. И. История. Л., 1974.";
    let r = parse_reference(input).value;
    assert_eq!(r.container_title, None);
    assert_eq!(text(input, r.place), Some("Л."));
}

#[test]
fn banks_and_groups_are_institutional_authors() {
    for (input, author) in [
        (
            "World Bank. (2020). Poverty and prosperity. World Bank.",
            "World Bank",
        ),
        (
            "International Crisis Group, “Risking War,” Europe Report no. 187, 2007.",
            "International Crisis Group",
        ),
    ] {
        let r = parse_reference(input).value;
        assert_eq!(
            first_author(input, &r),
            Some((author.to_string(), String::new())),
            "{input}"
        );
    }
}

#[test]
fn a_thesis_statement_is_not_part_of_the_title() {
    for (input, title) in [
        (
            "Noether, Emmy: Über die Bildung des Formensystems, Diss. Erlangen 1907.",
            "Über die Bildung des Formensystems",
        ),
        (
            "Гумилев Л. Н. Этногенез и биосфера Земли: дис. … д-ра геогр. наук. Л., 1974.",
            "Этногенез и биосфера Земли",
        ),
        (
            "Bergson, Henri, Essai sur les données, thèse pour le doctorat, Paris, Alcan, 1889.",
            "Essai sur les données",
        ),
    ] {
        let r = parse_reference(input).value;
        assert_eq!(text(input, r.title), Some(title), "{input}");
        assert_eq!(r.container_title, None, "{input}");
    }
    // A word that merely starts the same way is no thesis.
    let input = "Smith, J. Dissertations on Law. London: Methuen, 1990.";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.title), Some("Dissertations on Law"));
}

#[test]
fn law_reports_read_volume_reporter_page_and_pinpoint() {
    let input = "Miranda v. Arizona, 384 U.S. 436, 444 (1966).";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.title), Some("Miranda v. Arizona"));
    assert_eq!(text(input, r.volume), Some("384"));
    assert_eq!(text(input, r.container_title), Some("U.S."));
    assert_eq!(text(input, r.page), Some("436"));
    assert_eq!(r.locators.len(), 1);
    assert_eq!(r.locators[0].value_text(input), "444");
    let input = "Oliver Wendell Holmes, The Path of the Law, 10 Harv. L. Rev. 457 (1897).";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.container_title), Some("Harv. L. Rev."));
    assert_eq!(text(input, r.page), Some("457"));
    // Without the bracketed year it is no law report.
    let input = "Smith, History, 12 U.S. 45.";
    assert_eq!(parse_reference(input).value.container_title, None);
}

#[test]
fn acm_issue_before_the_month_in_brackets() {
    let input = "Butler W. Lampson. 1973. A note on the confinement problem. Commun. ACM 16, 10 (Oct. 1973), 613–615.";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.volume), Some("16"));
    assert_eq!(text(input, r.issue), Some("10"));
    assert_eq!(text(input, r.page), Some("613–615"));
    // A year alone in the bracket leaves the number a page (`Phys. Rev. 108, 1175 (1957)`).
    let input = "J. Bardeen, Theory of superconductivity, Phys. Rev. 108, 1175 (1957).";
    let r = parse_reference(input).value;
    assert_eq!(r.issue, None);
    assert_eq!(text(input, r.page), Some("1175"));
}

#[test]
fn places_with_a_state_code() {
    for (input, place, publisher) in [
        (
            "A. S. Tanenbaum, Modern Operating Systems. Upper Saddle River, NJ, USA: Pearson, 2015.",
            "Upper Saddle River, NJ, USA",
            "Pearson",
        ),
        (
            "Lamport L. LaTeX: a document preparation system. Reading (MA): Addison-Wesley; 1994.",
            "Reading (MA)",
            "Addison-Wesley",
        ),
    ] {
        let r = parse_reference(input).value;
        assert_eq!(text(input, r.place), Some(place), "{input}");
        assert_eq!(text(input, r.publisher), Some(publisher), "{input}");
    }
}

#[test]
fn reprints_take_the_reprint_imprint_and_year() {
    let input = "Mackinder, Halford J. Democratic Ideals and Reality. 1919. Reprint, New York: W. W. Norton, 1962.";
    let parsed = parse_reference(input);
    let r = &parsed.value;
    assert_eq!(text(input, r.title), Some("Democratic Ideals and Reality"));
    assert_eq!(text(input, r.place), Some("New York"));
    assert_eq!(text(input, r.publisher), Some("W. W. Norton"));
    assert_eq!(r.issued.as_ref().map(|d| d.span.slice(input)), Some("1962"));
    // The original's year is reported, not dropped.
    assert!(parsed.errors.iter().any(|e| e.span.slice(input) == "1919"));
}

#[test]
fn numbered_documents_and_back_references() {
    let input = "Там же. Т. 2. Док. № 47. С. 118.";
    let r = parse_reference(input).value;
    let labels: Vec<_> = r
        .locators
        .iter()
        .map(|l| (l.label, l.value_text(input)))
        .collect();
    assert_eq!(
        labels,
        [(LocatorLabel::Document, "47"), (LocatorLabel::Page, "118")]
    );
    assert_eq!(r.issue, None);
    let input = "Ebd., Nr. 211, S. 289.";
    let r = parse_reference(input).value;
    assert_eq!(r.locators[0].label, LocatorLabel::Document);
    // `Там же` before an archival chain is a back reference, no repository.
    let input = "Там же. Оп. 38. Д. 12. Л. 4.";
    let r = parse_reference(input).value;
    assert!(r.archive.as_ref().map_or(true, |a| a.repository.is_none()));
}

#[test]
fn a_year_range_ends_a_title_before_a_bracket() {
    let input = "Bournoutian, G. A. (1976). The khanate of Erevan under Qajar rule, 1795–1828 (Doctoral dissertation, University of California, Los Angeles).";
    let r = parse_reference(input).value;
    assert_eq!(
        text(input, r.title),
        Some("The khanate of Erevan under Qajar rule, 1795–1828")
    );
}

#[test]
fn translator_statements_end_the_title() {
    for (input, title) in [
        (
            "Hosking, Geoffrey: Rußland. Nation und Imperium 1552–1917. Aus dem Englischen von Karl Heinz Siber. Berlin: Siedler 2000.",
            "Rußland. Nation und Imperium 1552–1917",
        ),
        (
            "Soljenitsyne, Alexandre, L'Archipel du Goulag, trad. du russe par Geneviève Johannet, Paris, Seuil, 1974.",
            "L'Archipel du Goulag",
        ),
    ] {
        let r = parse_reference(input).value;
        assert_eq!(text(input, r.title), Some(title), "{input}");
        assert_eq!(r.translators.names.len(), 1, "{input}");
    }
}

#[test]
fn short_notes_with_several_surnames() {
    let input = "Suny and Martin, State of Nations, 14.";
    let r = parse_reference(input).value;
    assert_eq!(r.authors.names.len(), 2);
    assert_eq!(
        first_author(input, &r).map(|a| a.0),
        Some("Suny".to_string())
    );
    assert_eq!(text(input, r.title), Some("State of Nations"));
    let input = "Brower and Lazzerini, Russia's Orient, 105.";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.title), Some("Russia's Orient"));
    assert_eq!(r.locators[0].value_text(input), "105");
}

#[test]
fn series_statements_of_editions_are_no_container() {
    for (input, title, series) in [
        (
            "Documents on Imperial Policy, 1890–1914, Series C, vol. 4 (London: HMSO, 1970), no. 88, p. 101.",
            "Documents on Imperial Policy, 1890–1914",
            "Series C",
        ),
        (
            "Akten zur Außenpolitik 1900–1920. Serie B: 1905–1910, Bd. 3. Berlin: Verlag 1961, Nr. 12, S. 40.",
            "Akten zur Außenpolitik 1900–1920",
            "Serie B: 1905–1910",
        ),
        (
            "Papers on Colonial Affairs, Part III, Series F, vol. 2 (Bethesda, MD: Publisher, 1990), 45.",
            "Papers on Colonial Affairs",
            "Part III, Series F",
        ),
    ] {
        let r = parse_reference(input).value;
        assert_eq!(text(input, r.title), Some(title), "{input}");
        assert_eq!(r.container_title, None, "{input}");
        assert_eq!(text(input, r.collection_title), Some(series), "{input}");
        assert_eq!(r.issue, None, "{input}");
        assert!(
            r.locators.iter().all(|l| l.label != LocatorLabel::Part),
            "{input}"
        );
    }
    // A document number after a series and a labelled volume, with no imprint.
    let input = "DBFP, 1st ser., vol. 3, no. 271.";
    let r = parse_reference(input).value;
    assert_eq!(r.issue, None);
    assert_eq!(
        locators(input, &r),
        [(LocatorLabel::Document, "271".into())]
    );
    // A journal's issue is still an issue.
    let input = "Smith, John. “A Study.” Slavic Review 53, no. 2 (1994): 414–52.";
    assert!(parse_reference(input).value.issue.is_some());
}

#[test]
fn lettered_pages_and_newspaper_pages() {
    let input = "Doe J, Roe R. A study of gases. Phys Rev. 1970;140(4A):A1133-A1138.";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.page), Some("A1133-A1138"));
    assert!(r.locators.is_empty());
    for (input, container, page) in [
        (
            "Green, K. (1995, June 2). Talks resume in Geneva. The Washington Post, p. B7.",
            "The Washington Post",
            "B7",
        ),
        (
            "Müller, Hans: Die Lage im Osten, in: Berliner Tageblatt, Nr. 101, 3.3.1921, S. 2.",
            "Berliner Tageblatt",
            "2",
        ),
        (
            "Dupont, Jean, « La crise », Le Figaro, 12 mai 1921, p. 3.",
            "Le Figaro",
            "3",
        ),
    ] {
        let r = parse_reference(input).value;
        assert_eq!(text(input, r.container_title), Some(container), "{input}");
        assert_eq!(text(input, r.page), Some(page), "{input}");
        assert!(r.locators.is_empty(), "{input}");
        assert_eq!(r.publisher, None, "{input}");
    }
    // A book's pinpoint in a note stays a pinpoint.
    let input = "Jean Dupont, La crise (Paris: Seuil, 1990), 45.";
    let r = parse_reference(input).value;
    assert_eq!(r.page, None);
    assert_eq!(locators(input, &r), [(LocatorLabel::Page, "45".into())]);
}

#[test]
fn id_ebda_art_cit_and_ukaz_soch_in_notes() {
    for (input, page) in [
        ("Id. at 97.", "97"),
        ("Id., ibid., p. 8.", "8"),
        ("Id., p. 31.", "31"),
        ("Ebda., S. 77.", "77"),
    ] {
        let r = parse_reference(input).value;
        assert!(r.authors.names.is_empty(), "{input}");
        assert_eq!(r.title, None, "{input}");
        assert_eq!(
            locators(input, &r),
            [(LocatorLabel::Page, page.into())],
            "{input}"
        );
    }
    let input = "Martin, art. cit., p. 70.";
    let r = parse_reference(input).value;
    assert_eq!(first_author(input, &r).map(|a| a.0), Some("Martin".into()));
    assert_eq!(r.title, None);
    let input = "Петров И.И. Указ. соч. С. 15.";
    let r = parse_reference(input).value;
    assert_eq!(first_author(input, &r).map(|a| a.0), Some("Петров".into()));
    assert_eq!(r.title, None);
    assert_eq!(locators(input, &r), [(LocatorLabel::Page, "15".into())]);
    // `Idem` before a new title still names the work's title.
    let input = "Id., La Russie en 1839, Paris, 1843, p. 5.";
    assert!(parse_reference(input).value.title.is_some());
}

#[test]
fn vancouver_editors_before_the_book() {
    let input = "Roe A, Doe B. Heart failure. In: Smith CD, Jones EF, editors. Textbook of cardiology. 3rd ed. London: Hodder; 2010. p. 45-67.";
    let r = parse_reference(input).value;
    assert_eq!(
        text(input, r.container_title),
        Some("Textbook of cardiology")
    );
    assert_eq!(r.editors.names.len(), 2);
    assert_eq!(text(input, r.page), Some("45-67"));
}

#[test]
fn a_count_of_volumes_is_no_volume() {
    let input = "Carr, E. H. The Bolshevik Revolution. 3 vols. London: Macmillan, 1950–53.";
    let r = parse_reference(input).value;
    assert_eq!(r.volume, None);
    assert!(r.locators.is_empty());
    assert_eq!(text(input, r.publisher), Some("Macmillan"));
    let input = "Ullman, Richard. Anglo-Soviet Relations. Vol. 3. Princeton, 1972.";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.volume), Some("3"));
    let input = "Lenin, Werke, 4 Bde., Berlin 1960.";
    let r = parse_reference(input).value;
    assert_eq!(r.volume, None);
    assert_eq!(year(&r), Some(1960));
}

#[test]
fn double_surnames_without_a_particle() {
    for (input, family, given) in [
        (
            "Bonham Carter, Violet. Winston Churchill as I Knew Him. London: Collins, 1965.",
            "Bonham Carter",
            "Violet",
        ),
        (
            "Schulze Wessel, Martin: Russlands Blick auf Preußen. Stuttgart: Steiner 1995.",
            "Schulze Wessel",
            "Martin",
        ),
        (
            "Service, Robert: Lenin. München: Beck 2000.",
            "Service",
            "Robert",
        ),
        ("Ter Minassian, op. cit., p. 112.", "Ter Minassian", ""),
        (
            "Carrère d'Encausse, op. cit., p. 210.",
            "Carrère d'Encausse",
            "",
        ),
        ("Pierre Bourdieu, op. cit., p. 5.", "Bourdieu", "Pierre"),
        (
            "Lloyd George, Truth about the Peace Treaties, 2:811.",
            "Lloyd George",
            "",
        ),
    ] {
        let r = parse_reference(input).value;
        assert_eq!(
            first_author(input, &r),
            Some((family.to_string(), given.to_string())),
            "{input}"
        );
    }
    // A natural-order list keeps its names apart.
    let input = "Daniel Brower, Edward Lazzerini, Russia's Orient, 12.";
    let r = parse_reference(input).value;
    assert_ne!(
        first_author(input, &r).map(|a| a.0),
        Some("Daniel Brower".into())
    );
}

#[test]
fn institutions_as_authors() {
    for (input, author, title) in [
        (
            "League of Nations. The Records of the First Assembly. Geneva: League of Nations, 1920.",
            "League of Nations",
            "The Records of the First Assembly",
        ),
        (
            "Human Rights Watch. Azerbaijan: Seven Years of Conflict. New York: Human Rights Watch, 1994.",
            "Human Rights Watch",
            "Azerbaijan: Seven Years of Conflict",
        ),
        (
            "Bundeszentrale für politische Bildung: Der Vertrag von Rapallo. URL: https://www.bpb.de/x/ (Zugriff: 12.03.2024).",
            "Bundeszentrale für politische Bildung",
            "Der Vertrag von Rapallo",
        ),
    ] {
        let r = parse_reference(input).value;
        assert_eq!(
            first_author(input, &r),
            Some((author.to_string(), String::new())),
            "{input}"
        );
        assert_eq!(text(input, r.title), Some(title), "{input}");
    }
    // A person who publishes the book keeps the name split.
    let input = "Smith, John. My Life. London: John Smith, 1990.";
    let r = parse_reference(input).value;
    assert_eq!(
        first_author(input, &r),
        Some(("Smith".into(), "John".into()))
    );
}

#[test]
fn pages_behind_a_colon_after_volume_and_year() {
    for (input, page, issued) in [
        (
            "Flexner S, Lewis PA. The transmission of poliomyelitis. JAMA. 1909;53(20):1639.",
            "1639",
            1909,
        ),
        (
            "Alfred J. Rieber, “Stalin, Man of the Borderlands,” American Historical Review 106, no. 5 (2001): 1651–91.",
            "1651–91",
            2001,
        ),
    ] {
        let r = parse_reference(input).value;
        assert_eq!(text(input, r.page), Some(page), "{input}");
        assert_eq!(year(&r), Some(issued), "{input}");
    }
    // A year behind a colon before any volume is still the year.
    let input = "Smith, John. Life. London: 1990.";
    assert_eq!(year(&parse_reference(input).value), Some(1990));
}

#[test]
fn newspaper_pages_after_a_day_and_no_volume() {
    for (input, container, page) in [
        (
            "“Strike Ends at Docks,” Evening Standard, March 3, 1922, 5.",
            "Evening Standard",
            "5",
        ),
        (
            "“Famine on the Volga,” Daily Herald, 12 August 1921, 4.",
            "Daily Herald",
            "4",
        ),
    ] {
        let r = parse_reference(input).value;
        assert_eq!(text(input, r.container_title), Some(container), "{input}");
        assert_eq!(text(input, r.page), Some(page), "{input}");
        assert_eq!(r.volume, None, "{input}");
    }
    // Vancouver: a volume after the day of issue and a semicolon stays a volume.
    let input = "Roe R, Doe J. On gases in the lung. Br J Surg. 1931 May 2;19(5622):950-2.";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.volume), Some("19"));
    assert_eq!(text(input, r.issue), Some("5622"));
    assert_eq!(text(input, r.page), Some("950-2"));
}

#[test]
fn short_notes_with_a_quoted_title() {
    for (input, family, title, page) in [
        (
            "Fink, “Minority Rights,” 41.",
            "Fink",
            "Minority Rights",
            "41",
        ),
        (
            "Gatrell, \"War, Population Displacement and State Formation\", 12–14.",
            "Gatrell",
            "War, Population Displacement and State Formation",
            "12–14",
        ),
        (
            "Rieber, “Borderlands,” 1660.",
            "Rieber",
            "Borderlands",
            "1660",
        ),
        (
            "Dumont, « La crise d'Orient », p. 87.",
            "Dumont",
            "La crise d'Orient",
            "87",
        ),
    ] {
        let r = parse_reference(input).value;
        assert_eq!(
            first_author(input, &r).map(|a| a.0),
            Some(family.into()),
            "{input}"
        );
        assert_eq!(text(input, r.title), Some(title), "{input}");
        assert_eq!(
            locators(input, &r),
            vec![(LocatorLabel::Page, page.into())],
            "{input}"
        );
        assert_eq!(r.issued, None, "{input}");
    }
    // A quoted title followed by a journal is a full note, not a short one.
    let input = "Kotkin, “Modern Times,” Kritika 2, no. 1 (2001): 111–64.";
    let r = parse_reference(input).value;
    assert!(r.locators.is_empty());
    assert_eq!(text(input, r.page), Some("111–64"));
}

#[test]
fn gost_web_resources_and_bodies_in_quotes() {
    let input = "Приказ НКВД № 00447 // Электронная библиотека документов им. А.Н. Яковлева. URL: https://example.org/1 (дата обращения: 01.02.2024).";
    let r = parse_reference(input).value;
    assert!(r.authors.names.is_empty());
    assert_eq!(text(input, r.title), Some("Приказ НКВД № 00447"));
    assert_eq!(
        text(input, r.container_title),
        Some("Электронная библиотека документов им. А.Н. Яковлева")
    );
    let input = "Списки жертв [Электронный ресурс] / Научно-информационный центр «Мемориал». URL: https://example.org (дата обращения: 12.03.2024).";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.title), Some("Списки жертв"));
    assert_eq!(r.container_title, None);
}

#[test]
fn year_ranges_ending_titles() {
    // A range longer than a century, a range before a thesis statement and a later year,
    // `годы` after a range, and a GOST title ending in two ranges joined by a dash.
    for (input, title, y) in [
        (
            "Burbank, Jane, ed. Russian Empire: Space, People, Power, 1700–1930. Bloomington: Indiana University Press, 2007.",
            "Russian Empire: Space, People, Power, 1700–1930",
            2007,
        ),
        (
            "Martin, Paul, La Révolution russe, 1917-1921, thèse de doctorat, Université de Lyon, 1993.",
            "La Révolution russe, 1917-1921",
            1993,
        ),
        (
            "Иванов И.И. Народы и армия. 1918–1945 годы. М.: Вече, 2007. 480 с.",
            "Народы и армия. 1918–1945 годы",
            2007,
        ),
        (
            "Петров П.П. Революция. 1905–1907 гг. – 1917–1922 гг. / пер. с англ. М.: Весь мир, 1997. 560 с.",
            "Революция. 1905–1907 гг. – 1917–1922 гг.",
            1997,
        ),
    ] {
        let r = parse_reference(input).value;
        assert_eq!(text(input, r.title), Some(title), "{input}");
        assert_eq!(year(&r), Some(y), "{input}");
    }
    // A century or less apart and after the title, the range is still the date.
    let input = "Smith, John. Letters. London: Murray, 1921–1925.";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.title), Some("Letters"));
    assert_eq!(year(&r), Some(1921));
}

#[test]
fn short_note_title_running_on_from_a_given_name() {
    let input = "Kaiser, Georgian and Soviet, 91–92.";
    let r = parse_reference(input).value;
    assert_eq!(
        first_author(input, &r),
        Some(("Kaiser".into(), String::new()))
    );
    assert_eq!(text(input, r.title), Some("Georgian and Soviet"));
    // Two names joined by `and` stay two authors.
    let input = "Smith, John and Mary Jones, The Book, 45.";
    let r = parse_reference(input).value;
    assert_eq!(r.authors.names.len(), 2);
}

#[test]
fn places_that_are_given_names_and_abbreviated_places() {
    let input =
        "Jersild, Austin. Orientalism and Empire. Montreal: McGill-Queen's University Press, 2002.";
    let r = parse_reference(input).value;
    assert_eq!(
        first_author(input, &r),
        Some(("Jersild".into(), "Austin".into()))
    );
    let input = "Gerd Krumeich, Die Niederlage. Das Trauma, Freiburg i. Br. 2018, S. 77–79.";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.title), Some("Die Niederlage. Das Trauma"));
    assert_eq!(text(input, r.place), Some("Freiburg i. Br."));
    // French `2 vol.` counts the volumes; `vol. 2` numbers one.
    let input = "Kriegel, Annie, Aux origines, Paris, Mouton, 1964, 2 vol.";
    let r = parse_reference(input).value;
    assert_eq!(r.volume, None);
}

#[test]
fn abbreviated_journal_straight_after_the_authors() {
    let input = "L. D. Landau, Phys. Rev. 60, 356 (1941).";
    let r = parse_reference(input).value;
    assert_eq!(r.title, None);
    assert_eq!(text(input, r.container_title), Some("Phys. Rev."));
    assert_eq!(text(input, r.volume), Some("60"));
    assert_eq!(text(input, r.page), Some("356"));
    // With a title before it, the journal is still the container.
    let input = "P. W. Anderson, Absence of diffusion, Phys. Rev. 109, 1492 (1958).";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.title), Some("Absence of diffusion"));
    assert_eq!(text(input, r.container_title), Some("Phys. Rev."));
}

#[test]
fn series_in_brackets_after_the_year_keeps_the_publisher() {
    let input = "Dupont, Jean, La Décadence, Paris, Imprimerie nationale, 1979 (coll. « Politique étrangère »).";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.publisher), Some("Imprimerie nationale"));
    assert_eq!(text(input, r.place), Some("Paris"));
    assert_eq!(year(&r), Some(1979));
}

#[test]
fn every_month_form_of_the_date_grammar_dates_a_reference() {
    // One month table for both grammars: the French, German and Russian abbreviations and the
    // Russian prepositional case, once known to the date grammar only, date a newspaper to
    // the day (and its page is no longer read as the day).
    for (input, month, day, page) in [
        ("Le Temps, 14 févr. 1920, p. 2.", 2, Some(14), "2"),
        ("L'Humanité, 2 janv. 1921, p. 1.", 1, Some(2), "1"),
        ("Frankfurter Zeitung, 3. Dez. 1918, S. 1.", 12, Some(3), "1"),
        ("Vossische Zeitung, 12. Okt. 1915, S. 2.", 10, Some(12), "2"),
        ("Smith J. Title. Le Monde, déc. 1921, p. 3.", 12, None, "3"),
    ] {
        let parsed = parse_reference(input);
        assert!(parsed.is_clean(), "{input}: {:?}", parsed.errors);
        let r = &parsed.value;
        let date = r
            .issued
            .as_ref()
            .unwrap_or_else(|| panic!("{input}: no date"));
        assert_eq!(date.month.map(|m| m.value), Some(month), "{input}");
        assert_eq!(date.day.map(|d| d.value), day, "{input}");
        assert_eq!(r.publisher, None, "{input}");
        let pages: Vec<_> = r.page.iter().map(|p| p.slice(input)).collect();
        let pinpoints = locators(input, r);
        assert!(
            pages == [page] || pinpoints == [(LocatorLabel::Page, page.to_string())],
            "{input}: page {pages:?}, locators {pinpoints:?}"
        );
    }
    let input = "Известия, 16 сентябре 1921.";
    let r = parse_reference(input).value;
    assert_eq!(r.place, None);
    assert_eq!(r.issued.and_then(|d| d.month).map(|m| m.value), Some(9));
    // `Commun. ACM 21, 7 (Dez. 1978), 558–565`: the number before the month is the issue.
    let input = "Commun. ACM 21, 7 (Dez. 1978), 558–565.";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.issue), Some("7"));
    assert_eq!(text(input, r.page), Some("558–565"));
}

/// The fields of a science-style source: container, volume, issue, page, year.
fn serial_fields(input: &str) -> [Option<String>; 5] {
    let r = parse_reference(input).value;
    let year = r.issued.and_then(|d| d.year).map(|y| y.value.to_string());
    [
        text(input, r.container_title).map(str::to_owned),
        text(input, r.volume).map(str::to_owned),
        text(input, r.issue).map(str::to_owned),
        text(input, r.page).map(str::to_owned),
        year,
    ]
}

#[test]
fn science_sources_are_read_by_position() {
    let some = |s: &str| Some(s.to_owned());
    for (input, [journal, volume, issue, page, year]) in [
        (
            "Bland JM, Altman DG. Statistical methods. Lancet 1986; 1: 307-10.",
            ["Lancet", "1", "", "307-10", "1986"],
        ),
        (
            "Doe J. A title. Ann Surg Oncol. 2012 Jan;19(1):253-8. PMID: 21725686.",
            ["Ann Surg Oncol", "19", "1", "253-8", "2012"],
        ),
        (
            "Doe J: A title. PLoS Med 2009, 6:e1000097.",
            ["PLoS Med", "6", "", "e1000097", "2009"],
        ),
        (
            "Hanahan, D. and R.A. Weinberg, The hallmarks of cancer. Cell, 2000. 100(1): p. 57-70.",
            ["Cell", "100", "1", "57-70", "2000"],
        ),
        (
            "Romary, J. K.; Barger, J. D. J. Chem. Eng. Data 1967, 12, 224.",
            ["J. Chem. Eng. Data", "12", "", "224", "1967"],
        ),
        (
            "Perdew, J. P. Title. Physical Review Letters 1996, 77, (18), 3865-3868.",
            ["Physical Review Letters", "77", "18", "3865-3868", "1996"],
        ),
        (
            "S. Bravyi and A. Kitaev, Phys. Rev. A 71, 022316 (2005).",
            ["Phys. Rev. A", "71", "", "022316", "2005"],
        ),
        (
            "Pollack, J. B., & Tauber, M. E. 1979, Icarus, 37, 587",
            ["Icarus", "37", "", "587", "1979"],
        ),
        (
            "L. Lamport. 1982. The Byzantine Generals Problem. ACM Trans. Program. Lang. Syst. 4, 3 (1982), 382–401.",
            ["ACM Trans. Program. Lang. Syst.", "4", "3", "382–401", "1982"],
        ),
        (
            "E. F. Codd. 1970. A Relational Model of Data for Large Shared Data Banks. Commun. ACM 13, 6 (June 1970), 377–387.",
            ["Commun. ACM", "13", "6", "377–387", "1970"],
        ),
        (
            "Russell, B. (1905). On Denoting. Mind, 14(56), 479–493.",
            ["Mind", "14", "56", "479–493", "1905"],
        ),
        (
            "Lise Meitner and Otto R. Frisch. Disintegration of uranium by neutrons. Nature 143 (1939): 239–240.",
            ["Nature", "143", "", "239–240", "1939"],
        ),
        (
            "Hintze, O. Staatsverfassung und Heeresverfassung. Historische Zeitschrift, XCVI, 1906, S. 1—37.",
            ["Historische Zeitschrift", "XCVI", "", "1—37", "1906"],
        ),
        (
            "Beard, C. A. Written history. American Historical Review, v, 39, 1934, pp. 219–231.",
            ["American Historical Review", "39", "", "219–231", "1934"],
        ),
        (
            "North DC, Weingast BR. Constitutions and commitment. J Econ Hist 1989; 49 : 803 - 832.",
            ["J Econ Hist", "49", "", "803 - 832", "1989"],
        ),
        (
            "Tiebout CM. A pure theory. J Polit Econ. 1956;64(5):416--424.",
            ["J Polit Econ", "64", "5", "416--424", "1956"],
        ),
        (
            "Becker, G. S. A theory. <italic>The Economic Journal</italic>, 75(299), 493–517 (1965).",
            ["The Economic Journal", "75", "299", "493–517", "1965"],
        ),
        (
            "Weber, Max. Die protestantische Ethik.1 Archiv für Sozialwissenschaft 20 (1904): 1–54.",
            ["Archiv für Sozialwissenschaft", "20", "", "1–54", "1904"],
        ),
    ] {
        let expect = [journal, volume, issue, page, year].map(|s| (!s.is_empty()).then(|| some(s)).flatten());
        assert_eq!(serial_fields(input), expect, "{input}");
    }
    // Numbers that are no journal's: a labelled volume and a date, a book's volume and page.
    for input in [
        "Degras, Jane, ed. Soviet Documents on Foreign Policy. Vol. 1, 1917–1924. London: Oxford University Press, 1951.",
        "Walter Duranty, “Red Russia,” New York Times, June 14, 1931.",
        "FRUS, 1919, The Paris Peace Conference, 12:789.",
    ] {
        let r = parse_reference(input).value;
        assert_eq!(r.page, None, "{input}");
    }
}

#[test]
fn list_numbers_before_the_first_author_are_passed_over() {
    for (input, family) in [
        (
            "[12] Leibniz GW. Nova methodus. Acta Eruditorum 1684; 3: 467-73.",
            "Leibniz",
        ),
        (
            "(7) Marcus, R. A. On the Theory. J. Chem. Phys. 1956, 24, 966–978.",
            "Marcus",
        ),
        (
            "85. Dirac PAM. The quantum theory. Proc R Soc Lond A 1928; 117: 610-24.",
            "Dirac",
        ),
        (
            "4 Fire A, Xu S. Potent interference. Nature 1998; 391: 806-11.",
            "Fire",
        ),
        (
            "11 Nash JF. Equilibrium points. Proc Natl Acad Sci USA 1950; 36: 48-9.",
            "Nash",
        ),
    ] {
        let r = parse_reference(input).value;
        let first = r.authors.names.first().map(|n| match n {
            Name::Personal { family, .. } => family.slice(input),
            Name::Literal { span } => span.slice(input),
        });
        assert_eq!(first, Some(family), "{input}");
    }
    // A number that starts a title is no list number.
    let input = "100 Jahre deutsche Rechtsprechung. München: Beck, 1990.";
    let r = parse_reference(input).value;
    assert_eq!(
        text(input, r.title),
        Some("100 Jahre deutsche Rechtsprechung")
    );
}

#[test]
fn a_title_before_a_science_source_runs_to_the_journal() {
    let input = "Vincent JL, Moreno R. The SOFA (Sepsis-related Organ Failure Assessment) score to describe organ dysfunction. Intensive Care Med 1996;22:707–10.";
    let r = parse_reference(input).value;
    assert_eq!(
        text(input, r.title),
        Some("The SOFA (Sepsis-related Organ Failure Assessment) score to describe organ dysfunction")
    );
}

#[test]
fn an_alias_in_brackets_after_the_name_is_no_title() {
    let input =
        "Blair, Eric (George Orwell). Homage to Catalonia. London: Secker and Warburg, 1938.";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.title), Some("Homage to Catalonia"));
    assert_eq!(r.authors.names.len(), 1);
}

#[test]
fn french_professional_press() {
    for (input, container, issue, page) in [
        (
            "DUPONT, Marie. La prise en charge de la douleur. Soins, mars 2011, n°212. p. 30-34.",
            "Soins",
            "212",
            Some("30-34"),
        ),
        (
            "FAURE, Isabelle. Accompagner la fin de vie. Soins gérontologie, juillet-août 2016, n°120, p. 18-21.",
            "Soins gérontologie",
            "120",
            Some("18-21"),
        ),
        (
            "LEMAÎTRE, Frédéric. L'Allemagne face au vieillissement. Le Monde, 03/05/2014, n°21540.",
            "Le Monde",
            "21540",
            None,
        ),
        (
            "Lefebvre C., Morin A. Le dossier de soins informatisé. Soins cadres, 2011 ; 20 (78) : 45-48.",
            "Soins cadres",
            "78",
            Some("45-48"),
        ),
    ] {
        let r = parse_reference(input).value;
        assert_eq!(text(input, r.container_title), Some(container), "{input}");
        assert_eq!(text(input, r.issue), Some(issue), "{input}");
        assert_eq!(text(input, r.page), page, "{input}");
        assert_eq!(r.volume.filter(|v| v.slice(input).contains('/')), None, "{input}");
    }
    let input = "PERRIN, Hélène. Dossier. Infirmière magazine, 1er juin 2016, n°373, p. 20-29.";
    let r = parse_reference(input).value;
    assert_eq!(r.volume, None);
    assert_eq!(r.issued.and_then(|d| d.year).map(|y| y.value), Some(2016));
}

#[test]
fn a_preface_to_a_book_names_the_book_as_container() {
    let input = "Eliot, T. S. “Introduction” to Nightwood, by Djuna Barnes. New York: Harcourt, Brace, 1937.";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.title), Some("Introduction"));
    assert_eq!(text(input, r.container_title), Some("Nightwood"));
}

#[test]
fn engineering_and_computing_styles() {
    let input = "H. Nyquist, “Certain topics in telegraph transmission theory,” Trans. AIEE, vol. 47, pp. 617–644, Apr. 1928.";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.container_title), Some("Trans. AIEE"));
    assert!(r.translators.names.is_empty());
    let input = "Y. LeCun, L. Bottou, Y. Bengio, and P. Haffner, \"Gradient-based learning,\" Proc. IEEE, vol. 86, no. 11, pp. 2278–2324, Nov. 1998.";
    let r = parse_reference(input).value;
    assert_eq!(r.authors.names.len(), 4, "`Y.` is an initial");
    assert_eq!(text(input, r.title), Some("Gradient-based learning"));
    let input = "Diego Ongaro and John Ousterhout. 2014. In Search of an Understandable Consensus Algorithm. In Proceedings of the 2014 USENIX Annual Technical Conference. 305–319.";
    let r = parse_reference(input).value;
    assert_eq!(
        text(input, r.container_title),
        Some("Proceedings of the 2014 USENIX Annual Technical Conference")
    );
    assert_eq!(text(input, r.page), Some("305–319"));
    assert_eq!(r.volume, None, "a range is never a volume");
    let input = "J. Dean. 2004. MapReduce. In Proceedings of the 6th Symposium on Operating Systems Design and Implementation (OSDI '04). USENIX Association, 137–150.";
    let r = parse_reference(input).value;
    assert_eq!(
        text(input, r.container_title),
        Some("Proceedings of the 6th Symposium on Operating Systems Design and Implementation (OSDI '04)")
    );
    let input = "S. Boyd and L. Vandenberghe, Convex Optimization. Cambridge, U.K.: Cambridge Univ. Press, 2004.";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.publisher), Some("Cambridge Univ. Press"));
    let input = "T. Mikolov and J. Dean, \"Efficient estimation of word representations,\" 2013, arXiv:1301.3781.";
    let r = parse_reference(input).value;
    assert_eq!((r.container_title, r.volume), (None, None));
}

#[test]
fn springer_imprints_and_series() {
    let input = "Clarke, E.M., Emerson, E.A.: Design and synthesis. In: Kozen, D. (ed.) Logic of Programs. LNCS, vol. 131, pp. 52–71. Springer, Heidelberg (1982)";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.collection_title), Some("LNCS"));
    assert_eq!(text(input, r.publisher), Some("Springer"));
    assert_eq!(text(input, r.place), Some("Heidelberg"));
    let input = "Goodfellow, I., Bengio, Y., Courville, A.: Deep Learning. MIT Press (2016)";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.publisher), Some("MIT Press"));
    assert_eq!(r.issued.and_then(|d| d.year).map(|y| y.value), Some(2016));
}

#[test]
fn acs_book_imprints_name_the_publisher_first() {
    let input = "(21) Hartwig, J. F. Organotransition Metal Chemistry: From Bonding to Catalysis; University Science Books: Sausalito, CA, 2010.";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.publisher), Some("University Science Books"));
    assert_eq!(text(input, r.place), Some("Sausalito, CA"));
    assert_eq!(r.issued.and_then(|d| d.year).map(|y| y.value), Some(2010));
}

#[test]
fn an_apa_page_range_that_looks_like_years_is_pages() {
    let input = "Zhang, Y. (2018). Deep residual networks. IEEE Transactions on Pattern Analysis and Machine Intelligence, 40(8), 1845–1858. https://doi.org/10.1109/TPAMI.2017.2712345";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.page), Some("1845–1858"));
    assert_eq!(text(input, r.issue), Some("8"));
}

#[test]
fn title_sentences_before_a_science_source_stay_in_the_title() {
    let input = "Becke, A. D. Density-functional thermochemistry. III. The role of exact exchange. J. Chem. Phys. 1993, 98, 5648–5652.";
    let r = parse_reference(input).value;
    assert_eq!(
        text(input, r.title),
        Some("Density-functional thermochemistry. III. The role of exact exchange")
    );
    assert_eq!(text(input, r.container_title), Some("J. Chem. Phys."));
    // A journal the walk back cut short is not taken into the title.
    let input = "Diels, O.; Alder, K. Synthesen in der hydroaromatischen Reihe. Justus Liebigs Ann. Chem. 1928, 460, 98–122.";
    let r = parse_reference(input).value;
    assert_eq!(
        text(input, r.title),
        Some("Synthesen in der hydroaromatischen Reihe")
    );
}

#[test]
fn a_state_code_after_the_place_is_the_place() {
    let input = "K. He and J. Sun, \"Deep residual learning,\" in Proc. IEEE Conf. Comput. Vis. Pattern Recognit. (CVPR), Las Vegas, NV, USA, 2016, pp. 770–778.";
    let r = parse_reference(input).value;
    assert_eq!(r.publisher, None);
    assert_eq!(text(input, r.place), Some("Las Vegas, NV, USA"));
    // A publisher's acronym is no state.
    let input = "Carbonnier, Jean, Droit civil, t. 1, Paris, PUF, 2004.";
    let r = parse_reference(input).value;
    assert_eq!(text(input, r.publisher), Some("PUF"));
}
