//! The document format contract (`docs/format.md`) as a user meets it: documents written from
//! the brief alone (`fixtures/contract/`), run through `ibid show`, each `ibid export` and
//! `ibid graph` as the real binary, with snapshots and structural checks of every format.

use serde_json::Value;
use std::collections::HashSet;

mod support;
use support::{run_in, workspace};

const DIR: &str = "fixtures/contract";
const TEI: &str = "http://www.tei-c.org/ns/1.0";

/// The documents of the contract fixtures, by file name.
const DOCS: [&str; 7] = [
    "01-full-example.md",
    "02-minimal.md",
    "03-keyed.md",
    "04-sidecar.txt",
    "05-marks.md",
    "06-crlf-bom.md",
    "07-pandoc.md",
];

/// Run `ibid` in the contract folder; it must succeed without a word on stderr.
fn ok(args: &[&str]) -> String {
    let (code, stdout, stderr) = run_in(&workspace().join(DIR), args);
    assert_eq!((code, stderr.as_str()), (0, ""), "ibid {args:?}");
    stdout
}

fn export(to: &str, docs: &[&str]) -> String {
    let mut args = vec!["export", "--to", to];
    args.extend_from_slice(docs);
    ok(&args)
}

#[test]
fn show_reports_every_key_of_each_document() {
    for doc in DOCS {
        let out = ok(&["show", doc]);
        insta::assert_snapshot!(format!("contract_show_{doc}"), out);
    }
}

#[test]
fn show_marks_what_was_inferred_or_defaulted() {
    let out = ok(&["show", "05-marks.md"]);
    assert!(out.contains("19/II → 1921-02-19 (year inferred from document date)"));
    assert!(out.contains("22.II.21 → 1921-02-22 (century inferred from a two-digit year)"));
    assert!(out.contains("[1921] → 1921 (supplied by the editor)"));
    assert!(out.contains("n.d. → no year"));
    // Notes of every kind are found where they stand, omissions and expansions included.
    assert!(!out.contains("not found in the body"), "{out}");
    let keyed = ok(&["show", "03-keyed.md"]);
    assert!(keyed.contains("date:       1921-02\n"));
    assert!(keyed.contains("from ru to en (`language`: `to` not given)"));
    assert!(keyed.contains("by:       One Translator"));
    let sidecar = ok(&["show", "04-sidecar.txt"]);
    assert!(sidecar.contains("metadata:   04-sidecar.ibid.toml (sidecar)"));
}

/// The CSL 1.0.2 item types.
const CSL_TYPES: &[&str] = &[
    "article",
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "bill",
    "book",
    "broadcast",
    "chapter",
    "classic",
    "collection",
    "dataset",
    "document",
    "entry",
    "entry-dictionary",
    "entry-encyclopedia",
    "event",
    "figure",
    "graphic",
    "hearing",
    "interview",
    "legal_case",
    "legislation",
    "manuscript",
    "map",
    "motion_picture",
    "musical_score",
    "pamphlet",
    "paper-conference",
    "patent",
    "performance",
    "periodical",
    "personal_communication",
    "post",
    "post-weblog",
    "regulation",
    "report",
    "review",
    "review-book",
    "software",
    "song",
    "speech",
    "standard",
    "thesis",
    "treaty",
    "webpage",
];

/// The CSL-JSON variables these exports may use (a subset of the CSL 1.0.2 schema, whose
/// items allow no other property; anything else goes under `custom`).
const CSL_VARIABLES: &[&str] = &[
    "id",
    "type",
    "title",
    "author",
    "recipient",
    "editor",
    "translator",
    "container-author",
    "container-title",
    "collection-title",
    "publisher",
    "publisher-place",
    "issued",
    "original-date",
    "original-title",
    "original-publisher",
    "original-publisher-place",
    "accessed",
    "volume",
    "issue",
    "edition",
    "number",
    "page",
    "archive",
    "archive_location",
    "language",
    "source",
    "URL",
    "DOI",
    "note",
    "custom",
];

#[test]
fn csl_json_items_follow_the_csl_schema_and_the_mappings() {
    let out = export("csl-json", &DOCS);
    insta::assert_snapshot!("contract_csl_json", out);
    let items: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(items.len(), DOCS.len());
    for item in &items {
        let o = item.as_object().unwrap();
        for key in o.keys() {
            assert!(CSL_VARIABLES.contains(&key.as_str()), "{key} is not CSL");
        }
        let kind = item["type"].as_str().unwrap();
        assert!(CSL_TYPES.contains(&kind), "{kind} is not a CSL type");
        for date in ["issued", "original-date"] {
            if let Some(d) = o.get(date) {
                assert!(d["date-parts"][0][0].is_i64(), "{date}: {d}");
            }
        }
    }
    let by_id = |id: &str| items.iter().find(|i| i["id"] == id).unwrap();
    // The §2 example: document number, archive, translator, original date.
    let full = by_id("01-full-example");
    assert_eq!(full["number"], "652");
    assert_eq!(full["page"], "612");
    assert_eq!(full["archive"], "RGASPI");
    assert_eq!(full["archive_location"], "f. 2, op. 1, d. 17663, l. 1");
    // The placeholder translator is not a name any processor should print.
    assert!(full.get("translator").is_none(), "{full}");
    assert_eq!(
        full["original-date"]["date-parts"][0],
        serde_json::json!([1921, 2, 16])
    );
    // A letter printed in a collection is a part of it, so that processors print the
    // container, volume and page; its language is the Russian edition's, so that the
    // container's title is not title-cased as English.
    assert_eq!(full["type"], "chapter");
    assert_eq!(full["language"], "ru-RU");
    // A keyed source: the edition from the bibliography, `by` as a single string, a
    // partial date as the original's.
    let keyed = by_id("03-keyed");
    assert_eq!(keyed["custom"]["ibid-key"], "nk-1918-1923");
    assert_eq!(keyed["editor"][0]["family"], "Микаелян");
    assert_eq!(keyed["number"], "412");
    assert_eq!(keyed["translator"].as_array().unwrap().len(), 1);
    assert_eq!(
        keyed["original-date"]["date-parts"][0],
        serde_json::json!([1921, 2])
    );
    assert_eq!(keyed["issued"]["date-parts"][0], serde_json::json!([1992]));
    // A TOML date literal reads like the string.
    let marks = by_id("05-marks");
    assert_eq!(
        marks["original-date"]["date-parts"][0],
        serde_json::json!([1921, 2, 16])
    );
    // `by = ["Jane Smith", "Unknown translator"]`: the person, not the placeholder.
    assert_eq!(
        marks["translator"],
        serde_json::json!([{"family": "Smith", "given": "Jane"}])
    );
    // A `cite` that is an archival reference is the original itself.
    let archival = by_id("06-crlf-bom");
    assert_eq!(archival["type"], "manuscript");
    assert_eq!(archival["archive"], "RGASPI");
    assert_eq!(archival["archive_location"], "f. 17, op. 3, d. 140, l. 2");
    assert!(archival.get("container-title").is_none());
    let minimal = by_id("02-minimal");
    assert_eq!(minimal["type"], "chapter");
    assert_eq!(minimal["number"], "652");
}

#[test]
fn tei_snapshots() {
    for doc in ["01-full-example.md", "05-marks.md", "06-crlf-bom.md"] {
        insta::assert_snapshot!(format!("contract_tei_{doc}"), export("tei", &[doc]));
    }
}

/// Whether `s` is an XML name (what TEI's `teidata.name` and `xml:id` require), for the
/// ASCII names these exports write and any letters beyond.
fn is_xml_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == ':')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | ':' | '-' | '.'))
}

/// The TEI elements these exports may write, each with the parents P5 allows it in
/// (as far as these exports use it).
const TEI_PARENTS: &[(&str, &[&str])] = &[
    ("TEI", &["teiCorpus", ""]),
    ("teiCorpus", &[""]),
    ("teiHeader", &["TEI", "teiCorpus"]),
    ("fileDesc", &["teiHeader"]),
    ("titleStmt", &["fileDesc"]),
    ("title", &["titleStmt", "bibl"]),
    ("author", &["titleStmt", "bibl"]),
    ("editor", &["bibl"]),
    ("respStmt", &["titleStmt"]),
    ("resp", &["respStmt"]),
    ("name", &["respStmt"]),
    ("publicationStmt", &["fileDesc"]),
    ("p", &["publicationStmt", "sourceDesc", "div"]),
    ("notesStmt", &["fileDesc"]),
    ("note", &["notesStmt", "bibl", "msItem", "div"]),
    ("sourceDesc", &["fileDesc"]),
    ("bibl", &["sourceDesc"]),
    ("pubPlace", &["bibl"]),
    ("publisher", &["bibl"]),
    ("date", &["bibl", "creation", "note"]),
    ("biblScope", &["bibl"]),
    ("idno", &["bibl", "msIdentifier"]),
    ("msDesc", &["sourceDesc"]),
    ("msIdentifier", &["msDesc"]),
    ("repository", &["msIdentifier"]),
    ("msContents", &["msDesc"]),
    ("msItem", &["msContents"]),
    ("locus", &["msItem"]),
    ("profileDesc", &["teiHeader"]),
    ("creation", &["profileDesc"]),
    ("langUsage", &["profileDesc"]),
    ("language", &["langUsage"]),
    ("handNotes", &["profileDesc"]),
    ("handNote", &["handNotes"]),
    ("text", &["TEI"]),
    ("body", &["text"]),
    ("div", &["body"]),
    ("hi", &["p"]),
    ("ref", &["p", "note"]),
    ("gap", &["p", "note"]),
    ("desc", &["gap"]),
    ("choice", &["p", "note"]),
    ("abbr", &["choice"]),
    ("expan", &["choice"]),
    ("ex", &["expan"]),
];

#[test]
fn tei_is_well_formed_p5_with_the_header_the_contract_names() {
    let xml = export("tei", &DOCS);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let ids: HashSet<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute(("http://www.w3.org/XML/1998/namespace", "id")))
        .collect();
    for n in doc.descendants().filter(|n| n.is_element()) {
        assert_eq!(n.tag_name().namespace(), Some(TEI), "{:?}", n.tag_name());
        let name = n.tag_name().name();
        let parent = n.parent_element().map_or("", |p| p.tag_name().name());
        let allowed = TEI_PARENTS
            .iter()
            .find(|(el, _)| *el == name)
            .unwrap_or_else(|| panic!("<{name}> is not expected"));
        assert!(allowed.1.contains(&parent), "<{name}> inside <{parent}>");
        for target in ["hand", "target"] {
            if let Some(t) = n.attribute(target) {
                let id = t.strip_prefix('#').expect("a local pointer");
                assert!(ids.contains(id), "@{target}={t} points at nothing");
            }
        }
        if let Some(s) = n.attribute("scribe") {
            assert!(is_xml_name(s), "scribe={s:?} is not an XML name");
        }
    }
    let tei_of = |id: &str| {
        doc.descendants()
            .find(|n| {
                n.has_tag_name((TEI, "TEI"))
                    && n.attribute(("http://www.w3.org/XML/1998/namespace", "id")) == Some(id)
            })
            .unwrap_or_else(|| panic!("TEI {id}"))
    };
    let count = |n: roxmltree::Node, tag: &str| {
        n.descendants()
            .filter(|d| d.has_tag_name((TEI, tag)))
            .count()
    };
    for n in doc.descendants().filter(|n| n.has_tag_name((TEI, "TEI"))) {
        assert_eq!(count(n, "teiHeader"), 1);
        assert_eq!(count(n, "sourceDesc"), 1);
    }
    // The §2 example: msDesc with the repository and fond/opis/delo, a handNote per hand,
    // the note, the translator's respStmt.
    let full = tei_of("_01-full-example");
    let ms = full
        .descendants()
        .find(|n| n.has_tag_name((TEI, "msIdentifier")))
        .expect("msIdentifier");
    assert!(ms.ancestors().any(|a| a.has_tag_name((TEI, "sourceDesc"))));
    let text_of = |n: roxmltree::Node, tag: &str| -> Vec<String> {
        n.children()
            .filter(|c| c.has_tag_name((TEI, tag)))
            .map(|c| c.text().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(text_of(ms, "repository"), ["RGASPI"]);
    let idnos: Vec<(String, String)> = ms
        .children()
        .filter(|c| c.has_tag_name((TEI, "idno")))
        .map(|c| {
            (
                c.attribute("type").unwrap_or("").to_string(),
                c.text().unwrap_or("").to_string(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = [("fond", "2"), ("opis", "1"), ("delo", "17663")]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(idnos, expected);
    assert_eq!(count(full, "handNote"), 3);
    let resp: Vec<String> = full
        .descendants()
        .filter(|n| n.has_tag_name((TEI, "respStmt")))
        .map(|n| text_of(n, "name").join(""))
        .collect();
    assert_eq!(resp, ["Unknown translator"]);
    // Marks with hands, the omission as a gap, expansions, dated marginalia.
    let marks = tei_of("_05-marks");
    assert_eq!(count(marks, "handNote"), 4);
    assert_eq!(
        marks
            .descendants()
            .filter(|n| n.has_tag_name((TEI, "note"))
                && n.parent_element()
                    .is_some_and(|p| p.has_tag_name((TEI, "notesStmt"))))
            .count(),
        6
    );
    let hi: Vec<(&str, &str)> = marks
        .descendants()
        .filter(|n| n.has_tag_name((TEI, "hi")))
        .map(|n| (n.attribute("rend").unwrap(), n.attribute("hand").unwrap()))
        .collect();
    assert_eq!(
        hi,
        [
            ("underline", "#_05-marks-hand-lenin"),
            ("encircled", "#_05-marks-hand-stalin")
        ]
    );
    let gap = marks
        .descendants()
        .find(|n| n.has_tag_name((TEI, "gap")))
        .unwrap();
    assert_eq!(gap.attribute("reason"), Some("editorial"));
    assert_eq!(count(marks, "ex"), 3);
    let margin: Vec<_> = marks
        .descendants()
        .filter(|n| n.has_tag_name((TEI, "note")) && n.attribute("place") == Some("margin"))
        .collect();
    assert_eq!(margin.len(), 4);
    let inferred = margin[0]
        .children()
        .find(|c| c.has_tag_name((TEI, "date")))
        .unwrap();
    assert_eq!(inferred.attribute("when"), Some("1921-02-19"));
    assert_eq!(inferred.attribute("evidence"), Some("conjecture"));
    assert_eq!(inferred.text(), Some("19/II"));
    // An archival `cite` is described as the manuscript.
    let archival = tei_of("_06-crlf-bom");
    assert_eq!(count(archival, "msDesc"), 1);
    assert_eq!(count(archival, "bibl"), 0);
}

#[test]
fn prov_json_is_a_valid_witness_chain() {
    let out = export("prov-json", &["05-marks.md"]);
    insta::assert_snapshot!("contract_prov_json", out);
    let v: Value = serde_json::from_str(&export("prov-json", &DOCS)).unwrap();
    let keys = |section: &str| -> HashSet<String> {
        v[section]
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    };
    let (entities, activities, agents) = (keys("entity"), keys("activity"), keys("agent"));
    let prefixes = keys("prefix");
    for id in entities.iter().chain(&activities).chain(&agents) {
        let prefix = id.split(':').next().unwrap();
        assert!(prefixes.contains(prefix), "{id} has an undeclared prefix");
    }
    // Every qualified-name value is a typed literal with a declared prefix.
    for section in ["entity", "activity", "agent"] {
        for (_, record) in v[section].as_object().unwrap() {
            // One type, or several (a shared edition is a `prov:Collection` too).
            let types = match &record["prov:type"] {
                Value::Array(list) => list.clone(),
                one => vec![one.clone()],
            };
            for t in &types {
                assert_eq!(t["type"], "xsd:QName", "{t}");
                let prefix = t["$"].as_str().unwrap().split(':').next().unwrap();
                assert!(prefix == "prov" || prefixes.contains(prefix), "{t}");
            }
        }
    }
    let refs = |section: &str, field: &str, known: &HashSet<String>| {
        for (_, rel) in v[section].as_object().expect(section) {
            let target = rel[field].as_str().unwrap();
            assert!(known.contains(target), "{section}.{field} = {target}");
        }
    };
    refs("wasDerivedFrom", "prov:generatedEntity", &entities);
    refs("wasDerivedFrom", "prov:usedEntity", &entities);
    refs("wasDerivedFrom", "prov:activity", &activities);
    refs("wasAssociatedWith", "prov:activity", &activities);
    refs("wasAssociatedWith", "prov:agent", &agents);
    refs("wasAttributedTo", "prov:entity", &entities);
    refs("wasAttributedTo", "prov:agent", &agents);
    // Each translation is derived by a translation activity associated with its translators.
    for (doc, translators) in [
        ("01-full-example", vec!["agent:unknown-translator"]),
        ("03-keyed", vec!["agent:one-translator"]),
        (
            "05-marks",
            vec!["agent:jane-smith", "agent:unknown-translator"],
        ),
    ] {
        let derived = v["wasDerivedFrom"]
            .as_object()
            .unwrap()
            .values()
            // Ids are NCNames: a document id starting with a digit gets a `_` in front.
            .find(|r| r["prov:generatedEntity"] == format!("doc:_{doc}.translation"))
            .unwrap_or_else(|| panic!("{doc}: translation derivation"));
        assert_eq!(derived["prov:type"]["$"], "ibid:translation");
        let activity = &derived["prov:activity"];
        let mut with: Vec<&str> = v["wasAssociatedWith"]
            .as_object()
            .unwrap()
            .values()
            .filter(|r| &r["prov:activity"] == activity)
            .map(|r| r["prov:agent"].as_str().unwrap())
            .collect();
        with.sort_unstable();
        assert_eq!(with, translators, "{doc}");
    }
    // Inferred parts of annotation dates are marked as inferred.
    let annotation = &v["entity"]["doc:_05-marks.annotation-1"];
    assert_eq!(annotation["ibid:date"], "19/II");
    assert_eq!(annotation["ibid:dateRead"], "1921-02-19");
    assert_eq!(
        annotation["ibid:dateInferred"],
        "year inferred from document date"
    );
    assert!(v["entity"]["doc:_05-marks.annotation-4"]
        .get("ibid:dateInferred")
        .is_none());
}

#[test]
fn graphs_of_the_contract_folder() {
    insta::assert_snapshot!("contract_graph_dot", ok(&["graph", "."]));
    insta::assert_snapshot!(
        "contract_graph_mermaid",
        ok(&["graph", "--format", "mermaid", "."])
    );
}

#[test]
fn errors_point_at_file_line_column_with_help() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.md"),
        "+++\ntitle = \"Bad\"\ndate = \"1921-02-30\"\nlangauge = \"en\"\n\n[translation]\nfrom = \"ru\"\nby = 5\n\n[[notes]]\nmarker = \"*\"\nkind = \"circled\"\nhand = \"lenni\"\n+++\nBody*\n",
    )
    .unwrap();
    let (code, _, stderr) = run_in(dir.path(), &["show", "bad.md"]);
    assert_eq!(code, 2);
    // 30 February is read (and is D002's to report), so loading says nothing about it; an
    // unknown key is kept in the model (P004's to report, and `show` lists it).
    assert!(!stderr.contains("bad.md:3:"), "{stderr}");
    assert!(!stderr.contains("langauge"), "{stderr}");
    for (at, help) in [
        ("bad.md:8:6: `translation.by`", "help: write by = "),
        ("bad.md:12:8: `circled`", "help: did you mean `encircled`?"),
    ] {
        let line = stderr
            .lines()
            .position(|l| l.starts_with(at))
            .unwrap_or_else(|| panic!("{at} in\n{stderr}"));
        let next = stderr.lines().nth(line + 1).unwrap_or("");
        assert!(next.trim_start().starts_with(help), "{at}: {next}");
    }
    // An undeclared hand does not stop the model from being built: it is the linter's
    // finding (P001), not a load error.
    assert!(!stderr.contains("lenni"), "{stderr}");
    let (code, stdout, _) = run_in(
        dir.path(),
        &[
            "check",
            "--no-cache",
            "--output-format",
            "concise",
            "bad.md",
        ],
    );
    assert_eq!(code, 1);
    for finding in [
        "bad.md:13:8: P001 Hand `lenni` of notes[0] is not declared in `[hands]`",
        "bad.md:4:1: P004 Unknown key `langauge`",
    ] {
        assert!(stdout.contains(finding), "{stdout}");
    }
}
