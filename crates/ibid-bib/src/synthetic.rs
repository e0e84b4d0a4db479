//! Generated bibliographies for benchmarks: books, articles and chapters by authors drawn
//! from a pool of family names (so some share a family name, and some share a year), a few
//! edited volumes without an author, and titles in English, German, French and Russian.
//! Deterministic for a given seed.

use ibid_check::synthetic::Rng;
use serde_json::{json, Map, Value};

const FAMILIES: &[&str] = &[
    "Adams",
    "Baker",
    "Clark",
    "Davis",
    "Evans",
    "Fischer",
    "Garcia",
    "Hovannisian",
    "Ivanov",
    "Jones",
    "Kuznetsov",
    "Lefebvre",
    "Martin",
    "Nelson",
    "Orlov",
    "Petrov",
    "Quinn",
    "Roberts",
    "Smith",
    "Suny",
    "Taylor",
    "Urban",
    "Volkov",
    "Walker",
    "Young",
    "Zimmermann",
    "Барсегов",
    "Микаелян",
    "Müller",
    "Dubois",
];
const SUFFIXES: &[&str] = &[
    "", "son", "er", "ova", "ski", "berg", "feld", "man", "ley", "ton",
];
const GIVEN: &[&str] = &[
    "John", "Anna", "Peter", "Maria", "Ivan", "Olga", "Hans", "Claire", "R. G.", "Ю. Г.",
];
const WORDS: &[&str] = &[
    "history",
    "politics",
    "war",
    "peace",
    "empire",
    "revolution",
    "diplomacy",
    "treaty",
    "nation",
    "state",
    "border",
    "conflict",
    "memory",
    "archive",
    "caucasus",
    "armenia",
];
const FOREIGN: &[&str] = &[
    "Akten zur deutschen auswärtigen Politik",
    "Documents diplomatiques français",
    "Нагорный Карабах в международном праве",
    "Die Grenze und der Krieg",
    "La frontière et la guerre",
];

fn name(rng: &mut Rng) -> Value {
    let family = format!("{}{}", rng.pick(FAMILIES), rng.pick(SUFFIXES));
    json!({"family": family, "given": rng.pick(GIVEN)})
}

fn title(rng: &mut Rng) -> String {
    if rng.chance(10) {
        return rng.pick(FOREIGN).to_string();
    }
    let mut words: Vec<&str> = (0..4).map(|_| rng.pick(WORDS)).collect();
    words.insert(0, "the");
    let mut t = words.join(" ");
    if let Some(first) = t.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    t
}

/// `n` CSL-JSON entries with ids `e0`, `e1`, ...
pub fn bibliography(n: usize, seed: u64) -> Vec<Map<String, Value>> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| {
            let kind = ["book", "article-journal", "chapter"][rng.below(3)];
            let mut o = Map::new();
            o.insert("id".into(), json!(format!("e{i}")));
            o.insert("type".into(), json!(kind));
            let authors: Vec<Value> = (0..[1, 1, 1, 2, 3][rng.below(5)])
                .map(|_| name(&mut rng))
                .collect();
            if rng.chance(5) {
                o.insert("editor".into(), json!([name(&mut rng)]));
            } else {
                o.insert("author".into(), Value::Array(authors));
            }
            o.insert("title".into(), json!(title(&mut rng)));
            o.insert(
                "issued".into(),
                json!({"date-parts": [[1950 + rng.below(70) as i64]]}),
            );
            match kind {
                "article-journal" => {
                    o.insert(
                        "container-title".into(),
                        json!(format!("Journal of {}", rng.pick(WORDS))),
                    );
                    o.insert("volume".into(), json!((1 + rng.below(60)).to_string()));
                    o.insert("issue".into(), json!((1 + rng.below(4)).to_string()));
                    let start = 1 + rng.below(400);
                    o.insert(
                        "page".into(),
                        json!(format!("{start}–{}", start + 5 + rng.below(30))),
                    );
                }
                "chapter" => {
                    o.insert(
                        "container-title".into(),
                        json!(format!("Essays on {}", rng.pick(WORDS))),
                    );
                    o.insert("editor".into(), json!([name(&mut rng)]));
                    o.insert("publisher".into(), json!("Press"));
                    o.insert("publisher-place".into(), json!("Berlin"));
                    let start = 1 + rng.below(300);
                    o.insert("page".into(), json!(format!("{start}–{}", start + 20)));
                }
                _ => {
                    o.insert("publisher".into(), json!("University Press"));
                    o.insert(
                        "publisher-place".into(),
                        json!(rng.pick(&["Berkeley", "Москва", "Göttingen", "Paris"])),
                    );
                }
            }
            o
        })
        .collect()
}
