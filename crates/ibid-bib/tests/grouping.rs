//! Grouped rendering equals one pass: on the fixture corpus and on generated bibliographies
//! (shared family names, same-year works, entries without authors, particles, Cyrillic),
//! for every archived style grouping is switched on for.

use hayagriva::archive::ArchivedStyle;
use hayagriva::citationberg::json::Item;
use ibid_bib::bibliography::Renderer;
use ibid_bib::driver::Driver;
use ibid_bib::item::to_item;
use ibid_bib::style::{archived_style, LoadedStyle};
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use std::path::Path;

/// Every archived style grouping is on for.
fn grouped_styles() -> Vec<LoadedStyle> {
    ArchivedStyle::all()
        .iter()
        .map(|a| archived_style(a.names()[0]).unwrap())
        .filter(ibid_bib::group::groupable)
        .collect()
}

fn render(style: &LoadedStyle, items: &[(String, Item)], grouping: bool) -> Vec<String> {
    let driver = Driver {
        style,
        locale: None,
        cache: None,
        grouping,
        chunk_size: 2,
    };
    driver
        .render(items)
        .entries
        .iter()
        .map(|e| format!("{} | {:?} | {:?}", e.id, e.label, e.body))
        .collect()
}

/// How many groups of the partition hold more than one entry: only such a group can hold
/// citations that need telling apart.
fn groups_with_several(style: &LoadedStyle, items: &[(String, Item)]) -> usize {
    let refs: Vec<&(String, Item)> = items.iter().collect();
    // Enough buckets that distinct groups almost never share one.
    ibid_bib::group::partition(&refs, &style.csl, 1 << 20).map_or(usize::MAX, |chunks| {
        chunks.iter().filter(|c| c.len() > 1).count()
    })
}

/// Grouped equals one pass on every bibliography with at most one group of several
/// entries. With more, one pass is not the reference: hayagriva 0.10.1 shares one
/// "changed" set between the ambiguous groups of a round (`csl/mod.rs`, step 2), so a
/// group whose names were tried starves every later group of year suffixes for that round,
/// and after three rounds the rest stay alike. Groups rendered apart are each
/// disambiguated (see `every_pair_by_one_author_in_one_year_is_told_apart`).
fn check(styles: &[LoadedStyle], items: &[(String, Item)]) -> Result<(), String> {
    for style in styles {
        if groups_with_several(style, items) > 1 {
            continue;
        }
        let one = render(style, items, false);
        let grouped = render(style, items, true);
        if one != grouped {
            return Err(format!(
                "{}: one pass {one:#?}\ngrouped {grouped:#?}",
                style.name
            ));
        }
    }
    Ok(())
}

#[test]
fn styles_grouping_is_on_for() {
    let names: Vec<String> = grouped_styles().iter().map(|s| s.name.clone()).collect();
    eprintln!("{} styles: {names:?}", names.len());
    assert!(names.iter().any(|n| n == "chicago-author-date"));
    assert!(names
        .iter()
        .any(|n| n == "american-psychological-association"));
    assert!(
        !names.iter().any(|n| n.starts_with("gost")),
        "numeric styles are never grouped"
    );
}

/// The items of the fixture corpus's bibliography and its written-out cites.
fn fixture_items() -> Vec<(String, Item)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/corpus");
    let plan = ibid_corpus::Plan::new(&[root], Path::new(".")).unwrap();
    let collected =
        ibid_bib::collect_corpus(&plan, ibid_bib::CollectOptions { all: true }).unwrap();
    assert!(collected.errors.is_empty(), "{:?}", collected.errors);
    let collection = collected.collection;
    collection
        .sources
        .iter()
        .map(|s| (s.id.clone(), to_item(&s.csl)))
        .collect()
}

#[test]
fn grouped_equals_one_pass_on_the_fixtures() {
    let items = fixture_items();
    assert!(items.len() >= 6);
    check(&grouped_styles(), &items).unwrap();
}

/// Five authors with two works each in one year, and nothing else: every pair needs a
/// year suffix. One pass through hayagriva 0.10.1 gives suffixes to at most three
/// ambiguous groups (see [`check`]); ibid's groups give them to all five.
#[test]
fn every_pair_by_one_author_in_one_year_is_told_apart() {
    let style = archived_style("chicago-author-date").unwrap();
    let items: Vec<(String, Item)> = ["Adams", "Baker", "Clark", "Dunn", "Evans"]
        .iter()
        .flat_map(|family| {
            ["First", "Second"].iter().map(move |title| {
                let id = format!("{family}-{title}");
                let mut o = Map::new();
                o.insert("id".into(), json!(id));
                o.insert("type".into(), json!("book"));
                o.insert("author".into(), json!([{"family": family, "given": "Ann"}]));
                o.insert("title".into(), json!(format!("The {title} Book")));
                o.insert("issued".into(), json!({"date-parts": [[1921]]}));
                (id, to_item(&o))
            })
        })
        .collect();
    let grouped = render(&style, &items, true);
    for family in ["Adams", "Baker", "Clark", "Dunn", "Evans"] {
        for (title, suffix) in [("First", "1921a"), ("Second", "1921b")] {
            let line = grouped
                .iter()
                .find(|l| l.starts_with(&format!("{family}-{title} |")))
                .unwrap();
            assert!(line.contains(suffix), "{family} {title}: {line}");
        }
    }
}

const FAMILIES: &[&str] = &[
    "Smith",
    "Smyth",
    "Müller",
    "Muller",
    "Gogh",
    "Барсегов",
    "Adams",
    "Ådams",
    "Suny",
];
const GIVEN: &[&str] = &["John", "J.", "Anna", "Ю. Г.", "Ronald Grigor"];
const TITLES: &[&str] = &[
    "Smith",
    "Documents",
    "Нагорный Карабах",
    "Looking toward Ararat",
    "Akten zur deutschen Politik",
    "A History",
];
const TYPES: &[&str] = &["book", "article-journal", "chapter", "report", "manuscript"];

fn name() -> impl Strategy<Value = Value> {
    (0..FAMILIES.len(), 0..GIVEN.len(), 0..6u8).prop_map(|(f, g, shape)| match shape {
        0 => json!({"literal": FAMILIES[f]}),
        1 => json!({"family": FAMILIES[f]}),
        2 => json!({"family": FAMILIES[f], "given": GIVEN[g], "non-dropping-particle": "van"}),
        _ => json!({"family": FAMILIES[f], "given": GIVEN[g]}),
    })
}

fn entry() -> impl Strategy<Value = Map<String, Value>> {
    (
        0..TYPES.len(),
        prop::collection::vec(name(), 0..3),
        prop::collection::vec(name(), 0..2),
        prop::option::of(0..TITLES.len()),
        prop::option::of(prop::sample::select(vec![1921, 1921, 1990, 2008])),
        prop::option::of(0..TITLES.len()),
    )
        .prop_map(|(t, authors, editors, title, year, container)| {
            let mut o = Map::new();
            o.insert("type".into(), json!(TYPES[t]));
            if !authors.is_empty() {
                o.insert("author".into(), Value::Array(authors));
            }
            if !editors.is_empty() {
                o.insert("editor".into(), Value::Array(editors));
            }
            if let Some(i) = title {
                o.insert("title".into(), json!(TITLES[i]));
            }
            if let Some(y) = year {
                o.insert("issued".into(), json!({"date-parts": [[y]]}));
            }
            if let Some(c) = container.filter(|_| TYPES[t] != "book") {
                o.insert("container-title".into(), json!(TITLES[c]));
            }
            o
        })
}

proptest! {
    // 12 cases in CI; `IBID_GROUPING_CASES=256` for a longer search.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("IBID_GROUPING_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(12),
        ..ProptestConfig::default()
    })]

    #[test]
    fn grouped_equals_one_pass_on_generated_bibliographies(
        entries in prop::collection::vec(entry(), 2..14)
    ) {
        let items: Vec<(String, Item)> = entries
            .into_iter()
            .enumerate()
            .map(|(i, mut o)| {
                let id = format!("e{i}");
                o.insert("id".into(), json!(id));
                (id, to_item(&o))
            })
            .collect();
        let styles = grouped_styles();
        if let Err(e) = check(&styles, &items) {
            prop_assert!(false, "{}", e);
        }
    }
}
