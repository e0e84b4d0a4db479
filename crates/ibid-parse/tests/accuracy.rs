//! Accuracy benchmark: `parse_reference` + `reference_to_csl` on real-looking references
//! from published bibliographies and editions (EN/RU/DE/FR), compared field by field.
//!
//! The cases are eight sets, scored separately: `tests/accuracy/references.jsonl` (set 1, used
//! while tuning the parser) and `tests/accuracy/references-N.jsonl` for N = 2..8, each written
//! later than the one before, checked against the earlier sets for repeated works, and first
//! scored before any fix made for it (the first figures are in `tests/accuracy/README.md`). One JSON object a line:
//! `{"input", "lang", "style", "expect": {field: value}}`. For every scored field:
//!
//! - a key with a value means the parser must produce exactly that value (after the
//!   normalisation below);
//! - a key set to `null` means the field is not scored for that reference (genuinely ambiguous);
//! - a missing key means the reference has no such field, and the parser must produce none.
//!   `author_given` is not scored where `author_family` is `null`.
//!
//! Normalisation: whitespace runs collapse to one space; dash variants become `-` in
//! numbers (page, volume, issue, locator values); titles, containers, publishers, places and
//! archives are compared after trimming surrounding quotes and trailing `.,;:`; given names
//! after trimming a trailing `.` or `,`. The first author is the first editor when a work has
//! no author. Locators are the archival levels and pinpoints in order, as
//! `[label, value as written]`; volume locators are left out (the `volume` field scores them,
//! since CSL takes the volume from a volume locator).
//!
//! The failing `(line, field)` pairs must equal `tests/accuracy/known-failures.txt`
//! (`known-failures-2.txt` to `known-failures-7.txt` for sets 2 to 7): a new
//! failure is a regression, a listed pair that now passes is progress to record. Regenerate
//! the list with `UPDATE_ACCURACY=1 cargo test -p ibid-parse --test accuracy -- --nocapture`;
//! `ACCURACY_DETAILS=1` prints every failure with what was expected and what came out.

use ibid_parse::csl::{reference_to_csl, CslItem, CslName};
use ibid_parse::{parse_reference, LocatorLabel, Reference};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The scored fields, in table order.
const FIELDS: [&str; 12] = [
    "author_family",
    "author_given",
    "title",
    "year",
    "volume",
    "issue",
    "page",
    "container",
    "publisher",
    "place",
    "archive",
    "locators",
];

/// Floors on each field's accuracy, set just below the measured values: `(field, share of
/// the references that have the field which come out right, share of all scored references
/// (with or without the field) which come out right)`.
const FLOORS: [(&str, f64, f64); 12] = [
    ("author_family", 0.93, 0.92),
    ("author_given", 0.92, 0.93),
    ("title", 0.80, 0.80),
    ("year", 0.93, 0.93),
    ("volume", 0.89, 0.95),
    ("issue", 0.89, 0.97),
    ("page", 0.88, 0.94),
    ("container", 0.80, 0.91),
    ("publisher", 0.90, 0.91),
    ("place", 0.88, 0.91),
    ("archive", 0.75, 0.97),
    ("locators", 0.86, 0.91),
];

/// One line of `references.jsonl`.
struct Case {
    line: usize,
    input: String,
    lang: String,
    expect: serde_json::Map<String, Value>,
}

/// What the parser produced for one field, normalised for comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Got {
    None,
    Text(String),
    Year(i64),
    Locators(Vec<(String, String)>),
}

impl std::fmt::Display for Got {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Got::None => f.write_str("(none)"),
            Got::Text(s) => write!(f, "{s:?}"),
            Got::Year(y) => write!(f, "{y}"),
            Got::Locators(l) => {
                let items: Vec<String> = l.iter().map(|(a, b)| format!("{a} {b:?}")).collect();
                write!(f, "[{}]", items.join(", "))
            }
        }
    }
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/accuracy")
}

fn load_cases(file: &str) -> Vec<Case> {
    let path = dir().join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {file}: {e}"));
    let mut cases = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        let line = i + 1;
        let value: Value = serde_json::from_str(raw)
            .unwrap_or_else(|e| panic!("{file}:{line}: invalid JSON: {e}"));
        let input = value["input"]
            .as_str()
            .expect("input is a string")
            .to_string();
        let lang = value["lang"]
            .as_str()
            .expect("lang is a string")
            .to_string();
        assert!(
            ["en", "ru", "de", "fr"].contains(&lang.as_str()),
            "{file}:{line}: unknown lang {lang:?}"
        );
        let expect = value["expect"]
            .as_object()
            .expect("expect is an object")
            .clone();
        for key in expect.keys() {
            assert!(
                FIELDS.contains(&key.as_str()),
                "{file}:{line}: unknown field {key:?}"
            );
        }
        cases.push(Case {
            line,
            input,
            lang,
            expect,
        });
    }
    cases
}

/// Collapse whitespace runs to one space and trim.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A number field: whitespace squashed, every dash variant made `-`.
fn number(s: &str) -> String {
    squash(s)
        .chars()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        })
        .collect()
}

/// A text field: whitespace squashed, surrounding quotes and trailing `.,;:` trimmed.
fn text(s: &str) -> String {
    const QUOTES: &[char] = &[
        '"', '\'', '“', '”', '„', '‟', '«', '»', '‘', '’', '‚', '‹', '›',
    ];
    let s = squash(s);
    let mut t = s.as_str();
    loop {
        let before = t.len();
        t = t.trim_start_matches(QUOTES).trim_start();
        t = t
            .trim_end_matches(|c: char| QUOTES.contains(&c) || ".,;:".contains(c))
            .trim_end();
        if t.len() == before {
            break;
        }
    }
    t.to_string()
}

/// A name part: whitespace squashed, a trailing `.` or `,` trimmed.
fn name_part(s: &str) -> String {
    squash(s)
        .trim_end_matches(['.', ','])
        .trim_end()
        .to_string()
}

/// The first author, or the first editor of a work without authors.
fn first_name<'c>(csl: &'c CslItem<'_>) -> Option<&'c CslName<'c>> {
    csl.author.first().or_else(|| csl.editor.first())
}

fn family(name: &CslName) -> Option<String> {
    match (&name.particle, &name.family, &name.literal) {
        (Some(p), Some(f), _) => Some(format!("{p} {f}")),
        (None, Some(f), _) => Some(f.to_string()),
        (_, None, Some(l)) => Some(l.to_string()),
        _ => None,
    }
}

fn opt_text(v: &Option<impl AsRef<str>>, f: fn(&str) -> String) -> Got {
    match v.as_ref().map(|v| f(v.as_ref())) {
        Some(s) if !s.is_empty() => Got::Text(s),
        _ => Got::None,
    }
}

/// The locators of a reference: archival levels and pinpoints, in the order written,
/// without volume locators.
fn locators(reference: &Reference, input: &str) -> Got {
    let mut all: Vec<_> = reference
        .archive
        .iter()
        .flat_map(|a| a.locators.iter())
        .chain(reference.locators.iter())
        .filter(|l| l.label != LocatorLabel::Volume)
        .collect();
    all.sort_by_key(|l| (l.span.start, l.span.end));
    all.dedup_by_key(|l| (l.span.start, l.span.end));
    Got::Locators(
        all.iter()
            .map(|l| (l.label.name().to_string(), number(l.value_text(input))))
            .collect(),
    )
}

/// What the parser produced for `field`, normalised.
fn actual(field: &str, reference: &Reference, csl: &CslItem, input: &str) -> Got {
    match field {
        "author_family" => match first_name(csl).and_then(family) {
            Some(f) => opt_text(&Some(f), name_part),
            None => Got::None,
        },
        "author_given" => opt_text(&first_name(csl).and_then(|n| n.given.clone()), name_part),
        "title" => opt_text(&csl.title, text),
        "year" => csl
            .issued
            .as_ref()
            .and_then(|d| d.start.as_slice().first())
            .map_or(Got::None, |y| Got::Year(i64::from(*y))),
        "volume" => opt_text(&csl.volume, number),
        "issue" => opt_text(&csl.issue, number),
        "page" => opt_text(&csl.page, number),
        "container" => opt_text(&csl.container_title, text),
        "publisher" => opt_text(&csl.publisher, text),
        "place" => opt_text(&csl.publisher_place, text),
        "archive" => opt_text(&csl.archive, text),
        "locators" => locators(reference, input),
        other => panic!("unknown field {other}"),
    }
}

/// Stop on a malformed expectation.
fn bad<T>(line: usize, field: &str) -> T {
    panic!("references.jsonl:{line}: bad value for {field}")
}

/// What the case expects for `field`: `None` when the field is not scored.
fn expected(case: &Case, field: &str) -> Option<Got> {
    if field == "author_given"
        && !case.expect.contains_key(field)
        && case.expect.get("author_family") == Some(&Value::Null)
    {
        return None;
    }
    let value = match case.expect.get(field) {
        None => {
            return Some(match field {
                "locators" => Got::Locators(Vec::new()),
                _ => Got::None,
            })
        }
        Some(Value::Null) => return None,
        Some(v) => v,
    };
    Some(match field {
        "year" => Got::Year(value.as_i64().unwrap_or_else(|| bad(case.line, field))),
        "locators" => Got::Locators(
            value
                .as_array()
                .unwrap_or_else(|| bad(case.line, field))
                .iter()
                .map(|pair| {
                    let pair = pair.as_array().unwrap_or_else(|| bad(case.line, field));
                    let label = pair
                        .first()
                        .and_then(Value::as_str)
                        .unwrap_or_else(|| bad(case.line, field));
                    let value = pair
                        .get(1)
                        .and_then(Value::as_str)
                        .unwrap_or_else(|| bad(case.line, field));
                    assert!(
                        LocatorLabel::from_name(label).is_some(),
                        "references.jsonl:{}: unknown locator label {label:?}",
                        case.line
                    );
                    (label.to_string(), number(value))
                })
                .collect(),
        ),
        _ => {
            let s = value.as_str().unwrap_or_else(|| bad(case.line, field));
            let normalised = match field {
                "author_family" | "author_given" => name_part(s),
                "volume" | "issue" | "page" => number(s),
                _ => text(s),
            };
            Got::Text(normalised)
        }
    })
}

#[derive(Default)]
struct Tally {
    present: usize,
    present_right: usize,
    absent: usize,
    spurious: usize,
}

impl Tally {
    fn present_share(&self) -> f64 {
        share(self.present_right, self.present)
    }

    fn overall_share(&self) -> f64 {
        share(
            self.present_right + self.absent - self.spurious,
            self.present + self.absent,
        )
    }
}

fn share(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn read_known_failures(path: &Path) -> BTreeSet<(usize, String)> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return BTreeSet::new();
    };
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.split_whitespace();
            let line = parts
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("known-failures.txt: bad line {l:?}"));
            let field = parts
                .next()
                .unwrap_or_else(|| panic!("known-failures.txt: bad line {l:?}"));
            (line, field.to_string())
        })
        .collect()
}

/// Set 1: the cases used while tuning the parser, with floors on every field.
#[test]
fn reference_accuracy() {
    run_set(
        "references.jsonl",
        "known-failures.txt",
        200,
        Some(&FLOORS[..]),
    );
}

/// Set 2: written later, without looking at set 1, across styles and disciplines.
#[test]
fn reference_accuracy_2() {
    run_set("references-2.jsonl", "known-failures-2.txt", 150, None);
}

/// Set 3: written later still, without looking at the parser or sets 1 and 2, across
/// styles, disciplines and document shapes.
#[test]
fn reference_accuracy_3() {
    run_set("references-3.jsonl", "known-failures-3.txt", 200, None);
}

/// Set 4: written after set 3, without looking at the parser or the earlier sets, weighted
/// toward the references of document editions, archives and footnotes.
#[test]
fn reference_accuracy_4() {
    run_set("references-4.jsonl", "known-failures-4.txt", 150, None);
}

/// Set 5: written after set 4, without looking at the earlier sets' expectations, weighted
/// toward document editions, archives, notes, memoirs and newspapers (45% en, 20% ru, 20% de,
/// 15% fr; a fifth sciences and law).
#[test]
fn reference_accuracy_5() {
    run_set("references-5.jsonl", "known-failures-5.txt", 150, None);
}

/// Set 6: written after set 5 and checked against sets 1–5 by title and by author and year,
/// a fresh mix of monographs, articles, chapters, editions, archives, newspapers, theses, web
/// pages and notes (45% en, 20% ru, 20% de, 15% fr).
#[test]
fn reference_accuracy_6() {
    run_set("references-6.jsonl", "known-failures-6.txt", 110, None);
}

/// Set 7: written after set 6 and checked against sets 1–6 by title and by author and year,
/// a fresh mix of monographs, articles, chapters, editions, archives, newspapers, theses, web
/// pages and notes (45% en, 20% ru, 20% de, 15% fr).
#[test]
fn reference_accuracy_7() {
    run_set("references-7.jsonl", "known-failures-7.txt", 100, None);
}

/// Held-out set 8: written after set 7, checked against sets 1–7 by title and author and year.
#[test]
fn reference_accuracy_8() {
    run_set("references-8.jsonl", "known-failures-8.txt", 100, None);
}

/// Score one set: print its table, compare its failures with `known` and check `floors`.
fn run_set(file: &str, known: &str, min_cases: usize, floors: Option<&[(&str, f64, f64)]>) {
    let cases = load_cases(file);
    assert!(
        cases.len() >= min_cases,
        "{file}: fewer than {min_cases} accuracy cases"
    );
    let details = std::env::var_os("ACCURACY_DETAILS").is_some();
    let update = std::env::var_os("UPDATE_ACCURACY").is_some();

    let mut tallies: BTreeMap<&str, Tally> =
        FIELDS.iter().map(|f| (*f, Tally::default())).collect();
    let mut failures: BTreeMap<(usize, String), String> = BTreeMap::new();
    let mut per_lang: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut panics = Vec::new();

    for case in &cases {
        let input = case.input.as_str();
        let result = std::panic::catch_unwind(|| {
            let parsed = parse_reference(input);
            let csl = reference_to_csl(&parsed.value, input);
            FIELDS.map(|f| actual(f, &parsed.value, &csl, input))
        });
        let Ok(got) = result else {
            panics.push(format!("line {}: {input}", case.line));
            continue;
        };
        let mut all_right = true;
        for (field, got) in FIELDS.iter().zip(got) {
            let Some(want) = expected(case, field) else {
                continue;
            };
            let tally = tallies.get_mut(field).expect("tally");
            let absent = matches!(want, Got::None) || want == Got::Locators(Vec::new());
            let right = got == want;
            if absent {
                tally.absent += 1;
                tally.spurious += usize::from(!right);
            } else {
                tally.present += 1;
                tally.present_right += usize::from(right);
            }
            if !right {
                all_right = false;
                failures.insert(
                    (case.line, field.to_string()),
                    format!(
                        "line {} {field}: expected {want}, got {got}\n    {input}",
                        case.line
                    ),
                );
            }
        }
        let entry = per_lang.entry(case.lang.clone()).or_default();
        entry.0 += 1;
        entry.1 += usize::from(all_right);
    }

    // The table.
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n{file}: reference accuracy on {} references ({})",
        cases.len(),
        per_lang
            .iter()
            .map(|(l, (n, _))| format!("{l} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        out,
        "{:<14} {:>16} {:>9} {:>14} {:>9}",
        "field", "right/has field", "accuracy", "spurious/lacks", "overall"
    );
    for field in FIELDS {
        let t = &tallies[field];
        let _ = writeln!(
            out,
            "{:<14} {:>16} {:>8.1}% {:>14} {:>8.1}%",
            field,
            format!("{}/{}", t.present_right, t.present),
            100.0 * t.present_share(),
            format!("{}/{}", t.spurious, t.absent),
            100.0 * t.overall_share(),
        );
    }
    let fully: usize = per_lang.values().map(|(_, r)| r).sum();
    let _ = writeln!(
        out,
        "fully right: {fully}/{} ({:.1}%); by language: {}",
        cases.len(),
        100.0 * share(fully, cases.len()),
        per_lang
            .iter()
            .map(|(l, (n, r))| format!("{l} {r}/{n} ({:.0}%)", 100.0 * share(*r, *n)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!("{out}");
    if details {
        for detail in failures.values() {
            println!("{detail}");
        }
    }

    assert!(
        panics.is_empty(),
        "the parser panicked on:\n{}",
        panics.join("\n")
    );

    // Known failures: regressions and progress both fail the test.
    let known_path = dir().join(known);
    let failing: BTreeSet<(usize, String)> = failures.keys().cloned().collect();
    if update {
        let mut text = format!(
            "# (line field) pairs of {file} that the parser gets wrong today.\n\
             # Generated by `UPDATE_ACCURACY=1 cargo test -p ibid-parse --test accuracy`; do not edit by hand.\n",
        );
        for (line, field) in &failing {
            let _ = writeln!(text, "{line} {field}");
        }
        std::fs::write(&known_path, text).unwrap_or_else(|e| panic!("write {known}: {e}"));
        println!("wrote {} known failures", failing.len());
    } else {
        let known = read_known_failures(&known_path);
        let regressed: Vec<&String> = failing.difference(&known).map(|k| &failures[k]).collect();
        let fixed: Vec<String> = known
            .difference(&failing)
            .map(|(line, field)| {
                let input = cases
                    .iter()
                    .find(|c| c.line == *line)
                    .map_or("(no such line)", |c| c.input.as_str());
                format!("line {line} {field}\n    {input}")
            })
            .collect();
        let mut message = String::new();
        if !regressed.is_empty() {
            let _ = writeln!(message, "{} new failures (regressions):", regressed.len());
            for r in &regressed {
                let _ = writeln!(message, "  {r}");
            }
        }
        if !fixed.is_empty() {
            let _ = writeln!(
                message,
                "{} listed failures now pass: record the progress with UPDATE_ACCURACY=1:",
                fixed.len()
            );
            for f in &fixed {
                let _ = writeln!(message, "  {f}");
            }
        }
        assert!(message.is_empty(), "{message}");
    }

    // Floors.
    let mut low = Vec::new();
    for &(field, present_floor, overall_floor) in floors.unwrap_or(&[]) {
        let t = &tallies[field];
        if t.present_share() < present_floor || t.overall_share() < overall_floor {
            low.push(format!(
                "{field}: {:.3} (floor {present_floor}) / overall {:.3} (floor {overall_floor})",
                t.present_share(),
                t.overall_share()
            ));
        }
    }
    assert!(
        low.is_empty(),
        "accuracy below the floor:\n{}",
        low.join("\n")
    );
}

/// The normalisation the comparison relies on.
#[test]
fn normalisation() {
    assert_eq!(text(" «Le Grand  Défi». "), "Le Grand Défi");
    assert_eq!(text("\"Why Autonomy?\""), "Why Autonomy?");
    assert_eq!(text("Полн. собр. соч."), "Полн. собр. соч");
    assert_eq!(number("45 –\u{a0}67"), "45 - 67");
    assert_eq!(number("862–96"), number("862-96"));
    assert_eq!(name_part("Ю.Г."), "Ю.Г");
    assert_ne!(text("Stalin"), text("Stalin, vol"));
}
