//! Accuracy benchmark: `parse_reference` + `reference_to_csl` on real-looking references
//! from published bibliographies and editions (EN/RU/DE/FR), compared field by field.
//!
//! One test runs every set of `tests/accuracy/tuning/*.jsonl` and `tests/accuracy/holdout/*.jsonl`
//! (what the sets are, the rule that holdout sets are never tuned on, and how to add a set:
//! `tests/accuracy/README.md`). One JSON object a line:
//! `{"id", "input", "lang", "style", "expect": {field: value}}`. For every scored field:
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
//! The failing `(case id, field)` pairs of each set must equal its `NAME.known-failures.txt`,
//! which also records how many cases the set has, and each set's figure must equal its row
//! in the README's table: a new failure is a regression, a listed pair that now passes is
//! progress to record. Record it with
//! `UPDATE_ACCURACY=1 cargo test -p ibid-parse --test accuracy -- --nocapture`;
//! `ACCURACY_DETAILS=1` prints every failure of the tuning sets with what was expected and
//! what came out.

use ibid_parse::csl::{reference_to_csl, CslItem, CslName};
use ibid_parse::{parse_citation, parse_reference, LocatorLabel, Reference};
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

/// The scored fields of a pandoc citation set (`pandoc-N.jsonl`): of the first cited item,
/// the locator text as split from the suffix (label included; inside `{…}` the text between
/// the braces), the CSL label of its first locator, that locator's value as read by the
/// locator grammar (a list is one value: `5(b), 2.3.1`), and the suffix.
const PANDOC_FIELDS: [&str; 4] = ["locator", "label", "value", "suffix"];

/// What a set scores: references (`set-N.jsonl`) or pandoc citations (`pandoc-N.jsonl`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SetKind {
    Reference,
    Pandoc,
}

impl SetKind {
    fn fields(self) -> &'static [&'static str] {
        match self {
            SetKind::Reference => &FIELDS,
            SetKind::Pandoc => &PANDOC_FIELDS,
        }
    }
}

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

/// One case of a set: a line of its `.jsonl` file.
struct Case {
    /// The case's id (`8-023`), unique across all sets and never changed.
    id: String,
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

/// One set of cases: `tuning/NAME.jsonl` or `holdout/NAME.jsonl`, with its known failures in
/// `NAME.known-failures.txt` beside it.
struct Set {
    /// `tuning/set-8`, for messages.
    name: String,
    /// The `.jsonl` file.
    path: PathBuf,
    /// What its cases are.
    kind: SetKind,
}

impl Set {
    fn known_failures(&self) -> PathBuf {
        self.path.with_extension("known-failures.txt")
    }

    fn is_holdout(&self) -> bool {
        self.name.starts_with("holdout/")
    }

    /// A holdout set that has never been measured: it has no known-failures file yet. It is
    /// not scored (nobody may see a figure of it) until it is measured once, at the end of
    /// the work it was held out from, with `UPDATE_ACCURACY=1 ACCURACY_UNSEAL=1`.
    fn is_sealed(&self) -> bool {
        self.is_holdout() && !self.known_failures().exists()
    }
}

/// Every set, in `tuning/` and `holdout/`, in order of name.
fn sets() -> Vec<Set> {
    let mut sets = Vec::new();
    for folder in ["tuning", "holdout"] {
        let Ok(entries) = std::fs::read_dir(dir().join(folder)) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("read the accuracy folder").path();
            if path.extension().is_some_and(|e| e == "jsonl") {
                let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
                let kind = if stem.starts_with("pandoc-") {
                    SetKind::Pandoc
                } else {
                    SetKind::Reference
                };
                sets.push(Set {
                    name: format!("{folder}/{stem}"),
                    path,
                    kind,
                });
            }
        }
    }
    sets.sort_by(|a, b| a.name.cmp(&b.name));
    sets
}

fn load_cases(set: &Set) -> Vec<Case> {
    let file = &set.name;
    let text =
        std::fs::read_to_string(&set.path).unwrap_or_else(|e| panic!("read {file}.jsonl: {e}"));
    let mut cases = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        let line = i + 1;
        let value: Value = serde_json::from_str(raw)
            .unwrap_or_else(|e| panic!("{file}.jsonl:{line}: invalid JSON: {e}"));
        let field = |key: &str| {
            value[key]
                .as_str()
                .unwrap_or_else(|| panic!("{file}.jsonl:{line}: `{key}` is not a string"))
                .to_string()
        };
        let (id, input, lang) = (field("id"), field("input"), field("lang"));
        assert!(
            ["en", "ru", "de", "fr"].contains(&lang.as_str()),
            "{file}.jsonl:{line}: unknown lang {lang:?}"
        );
        let expect = value["expect"]
            .as_object()
            .unwrap_or_else(|| panic!("{file}.jsonl:{line}: `expect` is not an object"))
            .clone();
        for key in expect.keys() {
            assert!(
                set.kind.fields().contains(&key.as_str()),
                "{file}.jsonl:{line}: unknown field {key:?}"
            );
        }
        cases.push(Case {
            id,
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
fn bad<T>(id: &str, field: &str) -> T {
    panic!("case {id}: bad value for {field}")
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
        "year" => Got::Year(value.as_i64().unwrap_or_else(|| bad(&case.id, field))),
        "locators" => Got::Locators(
            value
                .as_array()
                .unwrap_or_else(|| bad(&case.id, field))
                .iter()
                .map(|pair| {
                    let pair = pair.as_array().unwrap_or_else(|| bad(&case.id, field));
                    let label = pair
                        .first()
                        .and_then(Value::as_str)
                        .unwrap_or_else(|| bad(&case.id, field));
                    let value = pair
                        .get(1)
                        .and_then(Value::as_str)
                        .unwrap_or_else(|| bad(&case.id, field));
                    assert!(
                        LocatorLabel::from_name(label).is_some(),
                        "case {}: unknown locator label {label:?}",
                        case.id
                    );
                    (label.to_string(), number(value))
                })
                .collect(),
        ),
        _ => {
            let s = value.as_str().unwrap_or_else(|| bad(&case.id, field));
            let normalised = match field {
                "author_family" | "author_given" => name_part(s),
                "volume" | "issue" | "page" => number(s),
                "locator" | "label" | "value" | "suffix" => squash(s),
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

/// The set whose per-field accuracy may not fall below [`FLOORS`].
const FLOORS_SET: &str = "tuning/set-1";

/// The known failures of a set: how many cases it had when they were written, and the
/// `(case id, field)` pairs.
struct Known {
    cases: Option<usize>,
    failures: BTreeSet<(String, String)>,
}

fn read_known_failures(set: &Set) -> Known {
    let path = set.known_failures();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let mut known = Known {
        cases: None,
        failures: BTreeSet::new(),
    };
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(n) = comment.trim().strip_suffix(" cases") {
                known.cases = n.parse().ok();
            }
            continue;
        }
        let (id, field) = line
            .split_once(' ')
            .unwrap_or_else(|| panic!("{}: bad line {line:?}", path.display()));
        known
            .failures
            .insert((id.to_string(), field.trim().to_string()));
    }
    known
}

/// A set's figure for the README's table.
enum Figure {
    /// A holdout set never measured, and its number of cases.
    Sealed(usize),
    /// Cases fully right, of how many; `first` when this is the set's first measurement
    /// (a holdout set unsealed now), whose figure is also its `first` figure.
    Measured {
        right: usize,
        cases: usize,
        first: bool,
    },
}

/// The scores of one set.
struct Score {
    tallies: BTreeMap<&'static str, Tally>,
    /// Every failing `(case id, field)`, with what was expected and what came out.
    failures: BTreeMap<(String, String), String>,
    /// Per language: cases, cases with every field right.
    per_lang: BTreeMap<String, (usize, usize)>,
    /// Inputs the parser panicked on.
    panics: Vec<String>,
}

impl Score {
    fn fully_right(&self) -> usize {
        self.per_lang.values().map(|(_, right)| right).sum()
    }
}

/// The accuracy benchmark: every set of `tuning/` and `holdout/` scored, each set's failures
/// compared with its known failures and its figure with the README's table. A regression, an
/// unrecorded improvement, a changed number of cases or a stale README figure fails, for
/// every set at once.
#[test]
fn reference_accuracy() {
    let sets = sets();
    assert!(!sets.is_empty(), "no accuracy sets in {}", dir().display());
    let update = std::env::var_os("UPDATE_ACCURACY").is_some();
    let unseal = update && std::env::var_os("ACCURACY_UNSEAL").is_some();
    let mut ids = BTreeSet::new();
    let mut problems = Vec::new();
    let mut figures = BTreeMap::new();
    for set in &sets {
        let cases = load_cases(set);
        for case in &cases {
            assert!(
                ids.insert(case.id.clone()),
                "{}: case id {} is used twice",
                set.name,
                case.id
            );
        }
        if set.is_sealed() && !unseal {
            // Never measured: its cases are checked for form above, its figure is not taken.
            println!(
                "\n{}: sealed holdout set of {} cases, not scored",
                set.name,
                cases.len()
            );
            figures.insert(set.name.clone(), Figure::Sealed(cases.len()));
            continue;
        }
        let first_measure = set.is_sealed();
        let score = score(&cases, set.kind);
        print_table(set, &cases, &score);
        assert!(
            score.panics.is_empty(),
            "{}: the parser panicked on:\n{}",
            set.name,
            score.panics.join("\n")
        );
        if update {
            write_known_failures(set, &cases, &score);
        } else {
            problems.extend(compare_known(set, &cases, &score));
        }
        if set.name == FLOORS_SET {
            problems.extend(check_floors(set, &score));
        }
        figures.insert(
            set.name.clone(),
            Figure::Measured {
                right: score.fully_right(),
                cases: cases.len(),
                first: first_measure,
            },
        );
    }
    problems.extend(check_readme(&figures, update));
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// What the parser produced for every field of a pandoc citation case: the first item's
/// locator text, the label of its first locator, and its suffix.
fn pandoc_actual(input: &str) -> Vec<Got> {
    let parsed = parse_citation(input);
    let item = parsed.value.as_ref().and_then(|c| c.items.first());
    let text_of = |span: Option<ibid_parse::Span>| match span {
        Some(s) if !s.is_empty() => Got::Text(squash(s.slice(input))),
        _ => Got::None,
    };
    vec![
        text_of(item.and_then(|i| i.locator)),
        item.and_then(|i| i.locators.first())
            .map_or(Got::None, |l| Got::Text(l.label.name().to_string())),
        text_of(item.and_then(|i| i.locators.first()).map(|l| l.value)),
        text_of(item.and_then(|i| i.suffix)),
    ]
}

/// Parse every case and compare every scored field.
fn score(cases: &[Case], kind: SetKind) -> Score {
    let fields = kind.fields();
    let mut score = Score {
        tallies: fields.iter().map(|f| (*f, Tally::default())).collect(),
        failures: BTreeMap::new(),
        per_lang: BTreeMap::new(),
        panics: Vec::new(),
    };
    for case in cases {
        let input = case.input.as_str();
        let result = std::panic::catch_unwind(|| match kind {
            SetKind::Reference => {
                let parsed = parse_reference(input);
                let csl = reference_to_csl(&parsed.value, input);
                FIELDS
                    .map(|f| actual(f, &parsed.value, &csl, input))
                    .to_vec()
            }
            SetKind::Pandoc => pandoc_actual(input),
        });
        let Ok(got) = result else {
            score.panics.push(format!("case {}: {input}", case.id));
            continue;
        };
        let mut all_right = true;
        for (field, got) in fields.iter().zip(got) {
            let Some(want) = expected(case, field) else {
                continue;
            };
            let tally = score.tallies.get_mut(field).expect("tally");
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
                score.failures.insert(
                    (case.id.clone(), field.to_string()),
                    format!(
                        "case {} {field}: expected {want}, got {got}\n    {input}",
                        case.id
                    ),
                );
            }
        }
        let entry = score.per_lang.entry(case.lang.clone()).or_default();
        entry.0 += 1;
        entry.1 += usize::from(all_right);
    }
    score
}

/// Print a set's table, and with `ACCURACY_DETAILS=1` every failure of a tuning set (never
/// of a holdout set: reading its failures would be tuning on it).
fn print_table(set: &Set, cases: &[Case], score: &Score) {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n{}: reference accuracy on {} references ({})",
        set.name,
        cases.len(),
        score
            .per_lang
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
    for field in set.kind.fields() {
        let t = &score.tallies[field];
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
    let _ = writeln!(
        out,
        "fully right: {}; by language: {}",
        fully_right_figure(score.fully_right(), cases.len()),
        score
            .per_lang
            .iter()
            .map(|(l, (n, r))| format!("{l} {r}/{n} ({:.0}%)", 100.0 * share(*r, *n)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!("{out}");
    if std::env::var_os("ACCURACY_DETAILS").is_some() && !set.is_holdout() {
        for detail in score.failures.values() {
            println!("{detail}");
        }
    }
}

/// `96/102 (94.1%)`: how the README writes a set's figure.
fn fully_right_figure(right: usize, cases: usize) -> String {
    format!("{right}/{cases} ({:.1}%)", 100.0 * share(right, cases))
}

/// Rewrite a set's known failures (`UPDATE_ACCURACY=1`).
fn write_known_failures(set: &Set, cases: &[Case], score: &Score) {
    let mut text = format!(
        "# Known failures of {}.jsonl: the (case id, field) pairs the parser gets wrong today.\n\
         # Written by `UPDATE_ACCURACY=1 cargo test -p ibid-parse --test accuracy`; do not edit by hand.\n\
         # {} cases\n",
        set.name,
        cases.len()
    );
    for (id, field) in score.failures.keys() {
        let _ = writeln!(text, "{id} {field}");
    }
    let path = set.known_failures();
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    println!("wrote {} known failures", score.failures.len());
}

/// What differs between a set's failures and its known failures: regressions and progress
/// both count, and so does a change in the number of cases.
fn compare_known(set: &Set, cases: &[Case], score: &Score) -> Vec<String> {
    let known = read_known_failures(set);
    let failing: BTreeSet<(String, String)> = score.failures.keys().cloned().collect();
    let mut problems = Vec::new();
    if known.cases != Some(cases.len()) {
        problems.push(format!(
            "{}: {} cases, but its known failures were written for {:?}: record the change \
             with UPDATE_ACCURACY=1",
            set.name,
            cases.len(),
            known.cases
        ));
    }
    // A holdout set's failures are named, never shown.
    let show = |key: &(String, String)| match score.failures.get(key) {
        Some(detail) if !set.is_holdout() => detail.clone(),
        _ => format!("case {} {}", key.0, key.1),
    };
    let regressed: Vec<String> = failing.difference(&known.failures).map(show).collect();
    if !regressed.is_empty() {
        problems.push(format!(
            "{}: {} new failures (regressions):\n  {}",
            set.name,
            regressed.len(),
            regressed.join("\n  ")
        ));
    }
    let fixed: Vec<String> = known
        .failures
        .difference(&failing)
        .map(|(id, field)| {
            let input = cases
                .iter()
                .find(|c| &c.id == id)
                .map_or("(no such case)", |c| c.input.as_str());
            if set.is_holdout() {
                format!("case {id} {field}")
            } else {
                format!("case {id} {field}\n    {input}")
            }
        })
        .collect();
    if !fixed.is_empty() {
        problems.push(format!(
            "{}: {} listed failures now pass: record the progress with UPDATE_ACCURACY=1:\n  {}",
            set.name,
            fixed.len(),
            fixed.join("\n  ")
        ));
    }
    problems
}

/// Whether each field's accuracy is at least its floor.
fn check_floors(set: &Set, score: &Score) -> Vec<String> {
    FLOORS
        .iter()
        .filter_map(|&(field, present_floor, overall_floor)| {
            let t = &score.tallies[field];
            (t.present_share() < present_floor || t.overall_share() < overall_floor).then(|| {
                format!(
                    "{}: {field} accuracy below the floor: {:.3} (floor {present_floor}) / \
                     overall {:.3} (floor {overall_floor})",
                    set.name,
                    t.present_share(),
                    t.overall_share()
                )
            })
        })
        .collect()
}

/// Check the README's table of figures (`| tuning/set-8 | 102 | first | now |`) against the
/// sets: every set has a row, with its number of cases and its figure now. With `update`, the
/// rows are rewritten instead.
fn check_readme(figures: &BTreeMap<String, Figure>, update: bool) -> Vec<String> {
    let path = dir().join("README.md");
    let text = std::fs::read_to_string(&path).expect("read the accuracy README");
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    let mut lines = Vec::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let row = match cells.as_slice() {
            ["", name, _, first, _, ""] => figures.get(*name).map(|f| (*name, *first, f)),
            _ => None,
        };
        let Some((name, first, figure)) = row else {
            lines.push(line.to_string());
            continue;
        };
        seen.insert(name.to_string());
        let want = match *figure {
            Figure::Sealed(cases) => format!("| {name} | {cases} | sealed | sealed |"),
            Figure::Measured {
                right,
                cases,
                first: true,
            } => {
                let now = fully_right_figure(right, cases);
                format!("| {name} | {cases} | {now} | {now} |")
            }
            Figure::Measured { right, cases, .. } => format!(
                "| {name} | {cases} | {first} | {} |",
                fully_right_figure(right, cases)
            ),
        };
        if line != want && !update {
            problems.push(format!(
                "README.md: the row of {name} should read\n  {want}\nrecord it with UPDATE_ACCURACY=1"
            ));
        }
        lines.push(want);
    }
    for name in figures.keys().filter(|n| !seen.contains(*n)) {
        problems.push(format!(
            "README.md: no row `| {name} | cases | first figure | figure now |` in the table"
        ));
    }
    if update {
        std::fs::write(&path, lines.join("\n") + "\n").expect("write the accuracy README");
    }
    problems
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
