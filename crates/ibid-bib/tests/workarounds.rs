//! Each place where ibid corrects hayagriva's output toward CSL 1.0.2, shown on an item and
//! its rendered entry: dangling delimiters, doubled periods, and CSL title case.

use ibid_bib::bibliography::Renderer;
use ibid_bib::driver::Driver;
use ibid_bib::item::to_item;
use ibid_bib::style::{archived_style, parse_style, LoadedStyle};
use serde_json::{json, Value};
use std::path::Path;

fn render(style: &LoadedStyle, entry: Value) -> String {
    let items = vec![("a".to_string(), to_item(entry.as_object().unwrap()))];
    let driver = Driver {
        style,
        locale: None,
        cache: None,
        grouping: false,
        chunk_size: 64,
    };
    driver.render(&items).entries[0].plain()
}

fn chicago(entry: Value) -> String {
    render(&archived_style("chicago-author-date").unwrap(), entry)
}

fn article(title: &str, language: &str, issue: Option<&str>) -> Value {
    let mut entry = json!({
        "id": "a", "type": "article-journal", "language": language,
        "author": [{"family": "Hughes", "given": "Catherine"}],
        "title": title, "container-title": "Central Asian Survey",
        "volume": "35", "page": "110–122", "issued": {"date-parts": [[2014]]}
    });
    if let Some(issue) = issue {
        entry["issue"] = json!(issue);
    }
    entry
}

#[test]
fn a_volume_without_an_issue_is_followed_by_the_colon_directly() {
    // Hayagriva writes the space before the empty issue group: `35 : 110–22`.
    let out = chicago(article("Nations on paper", "en", None));
    assert_eq!(
        out,
        "Hughes, Catherine. 2014. “Nations on Paper.” Central Asian Survey 35: 110–22."
    );
    let with_issue = chicago(article("Nations on paper", "en", Some("2")));
    assert!(
        with_issue.contains("Central Asian Survey 35 (2): 110–22."),
        "{with_issue}"
    );
}

#[test]
fn a_style_that_spaces_its_colons_keeps_the_space() {
    let csl = r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>t</title><id>t</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout suffix=".">
    <group delimiter=" : "><text variable="publisher-place"/><text variable="publisher"/></group>
  </layout></bibliography>
</style>"#;
    let style = parse_style(Path::new("spaced.csl"), csl).unwrap();
    let out = render(
        &style,
        json!({"id": "a", "type": "book", "publisher-place": "Paris", "publisher": "Gallimard"}),
    );
    assert_eq!(out, "Paris : Gallimard.");
}

#[test]
fn a_title_ending_in_a_question_mark_takes_no_period() {
    let out = chicago(article(
        "The Georgian affair of 1922: policy failure, personality clash or power struggle?",
        "en",
        Some("3"),
    ));
    assert!(
        out.contains("or Power Struggle?” Central Asian Survey"),
        "{out}"
    );
}

#[test]
fn a_title_ending_in_an_abbreviation_takes_no_second_period() {
    let out = chicago(article(
        "Земля и вода в Карабахе: Москва и регион в 1920–1930-е гг.",
        "ru",
        Some("4"),
    ));
    assert!(
        out.contains("1920–1930-е гг.” Central Asian Survey"),
        "{out}"
    );
}

#[test]
fn stop_words_after_a_comma_stay_lower_case() {
    let out = chicago(json!({
        "id": "a", "type": "book", "language": "en",
        "author": [{"family": "Suny", "given": "Ronald Grigor"}],
        "title": "The revenge of the past: nationalism, revolution, and the collapse of the Soviet Union",
        "publisher": "Stanford University Press", "issued": {"date-parts": [[1993]]}
    }));
    assert_eq!(
        out,
        "Suny, Ronald Grigor. 1993. The Revenge of the Past: Nationalism, Revolution, and the \
         Collapse of the Soviet Union. Stanford University Press."
    );
}

#[test]
fn capitals_of_the_data_are_kept_in_title_case() {
    // Hayagriva lowercases `Front` (not a CSL stop word) and the inside of `L’Empire`.
    let out = chicago(json!({
        "id": "a", "type": "book", "language": "en",
        "author": [{"family": "Ramsey", "given": "Owen"}],
        "title": "The Caucasian Front", "original-title": "L’Empire éclaté",
        "original-date": {"date-parts": [[1978]]},
        "publisher": "Newsweek Books", "issued": {"date-parts": [[1979]]}
    }));
    assert_eq!(
        out,
        "Ramsey, Owen. (1978) 1979. The Caucasian Front. Newsweek Books. Originally published \
         as L’Empire Éclaté."
    );
}

#[test]
fn titles_of_other_languages_are_not_title_cased() {
    let out = chicago(json!({
        "id": "a", "type": "book", "language": "de",
        "author": [{"family": "Brandt", "given": "Heinrich"}],
        "title": "Krieg, und Frieden", "publisher": "Beck", "issued": {"date-parts": [[1983]]}
    }));
    assert_eq!(out, "Brandt, Heinrich. 1983. Krieg, und Frieden. Beck.");
}

#[test]
fn the_style_s_title_cased_labels_are_title_cased_in_items_of_other_languages() {
    // APA writes `(Ed.)` with `text-case="title"`; hayagriva skipped it for a German item.
    let apa = archived_style("american-psychological-association").unwrap();
    let book = |language: &str| {
        json!({
            "id": "a", "type": "book", "language": language,
            "editor": [{"family": "Lepsius", "given": "Johannes"}],
            "title": "Deutschland und Armenien 1914–1918",
            "publisher": "Tempelverlag", "issued": {"date-parts": [[1919]]}
        })
    };
    assert_eq!(
        render(&apa, book("de")),
        "Lepsius, J. (Ed.). (1919). Deutschland und Armenien 1914–1918. Tempelverlag."
    );
    assert_eq!(
        render(&apa, book("en")),
        "Lepsius, J. (Ed.). (1919). Deutschland und Armenien 1914–1918. Tempelverlag."
    );
    // Chicago's label is not title-cased: `edited by` stays as the locale writes it.
    let chicago = chicago(json!({
        "id": "a", "type": "chapter", "language": "de",
        "author": [{"family": "Vogel", "given": "Ute"}], "title": "Diplomatie",
        "editor": [{"family": "Becker", "given": "Werner"}], "container-title": "Die Sowjetisierung",
        "publisher": "Oldenbourg", "issued": {"date-parts": [[1981]]}
    }));
    assert!(chicago.contains(", edited by Werner Becker."), "{chicago}");
}

#[test]
fn a_range_of_years_is_printed_whole() {
    // Hayagriva cannot render a date range; ibid extends the start year it printed.
    let carr = json!({
        "id": "a", "type": "book", "language": "en",
        "author": [{"family": "Carr", "given": "E. H."}],
        "title": "The Bolshevik Revolution, 1917–1923", "number-of-volumes": "3",
        "publisher": "Macmillan", "issued": {"date-parts": [[1950], [1953]]}
    });
    assert_eq!(
        chicago(carr.clone()),
        "Carr, E. H. 1950–1953. The Bolshevik Revolution, 1917–1923. 3 vols. Macmillan."
    );
    let apa = archived_style("american-psychological-association").unwrap();
    assert_eq!(
        render(&apa, carr),
        "Carr, E. H. (1950–1953). The Bolshevik Revolution, 1917–1923 (Vols. 1–3). Macmillan."
    );
}

#[test]
fn a_capitalised_first_word_of_a_family_name_is_no_particle() {
    // Hayagriva read `Ter` as a particle: `Minassian, Anahide Ter`.
    let out = chicago(json!({
        "id": "a", "type": "book", "language": "fr",
        "author": [{"family": "Ter Minassian", "given": "Anahide"}],
        "title": "La République d’Arménie, 1918–1920", "publisher": "Complexe",
        "issued": {"date-parts": [[1989]]}
    }));
    assert_eq!(
        out,
        "Ter Minassian, Anahide. 1989. La République d’Arménie, 1918–1920. Complexe."
    );
}
