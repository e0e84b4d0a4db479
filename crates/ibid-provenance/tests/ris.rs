//! RIS as a bibliography: a Zotero export and an EndNote export read into CSL items (types,
//! names, dates, pages, repeated KW/UR), a broken file reported record by record, and the
//! writer: RIS → items → RIS gives the same lines.

use ibid_provenance::bib::write_ris;
use ibid_provenance::{BibFormat, Bibliography};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/bib/ris")
        .join(name)
}

/// Read a bibliography file from disk (ibid-provenance itself does no I/O).
fn load(path: &Path) -> ibid_provenance::Loaded<Bibliography> {
    let text = std::fs::read_to_string(path).unwrap();
    let format = BibFormat::from_path(path).unwrap();
    Bibliography::parse(path, &text, format)
}

fn items(bib: &Bibliography) -> Vec<Value> {
    bib.entries.iter().map(|e| e.to_csl_json()).collect()
}

#[test]
fn a_zotero_export_is_a_bibliography() {
    let loaded = load(&fixture("zotero-export.ris"));
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let bib = loaded.value.unwrap();
    assert!(bib.entries.iter().all(|e| e.format == BibFormat::Ris));
    let keys: Vec<_> = bib.keys().collect();
    assert_eq!(
        keys,
        [
            "barsegov2008nagornyi",
            "suny1997soviet",
            "saparov2012why",
            "suny1968baku",
            "narimanov1921pismo",
            "chicherin1921note",
            "auswartiges1921bericht",
            "armenian",
            "ministere1921note"
        ]
    );
    let lines: Vec<usize> = bib.entries.iter().map(|e| e.position.line).collect();
    assert_eq!(lines, [1, 12, 27, 48, 59, 69, 80, 94, 102]);
    let get = |key: &str| bib.get(key).unwrap().to_csl_json();
    let chapter = get("suny1997soviet");
    assert_eq!(chapter["type"], "chapter");
    assert_eq!(
        chapter["container-title"],
        "The Armenian People from Ancient to Modern Times"
    );
    assert_eq!(
        chapter["editor"][0],
        json!({"family": "Hovannisian", "given": "Richard G."})
    );
    assert_eq!(chapter["page"], "347-387");
    let article = get("saparov2012why");
    assert_eq!(
        article["keyword"],
        "Nagorno-Karabakh, Soviet nationality policy, Transcaucasia"
    );
    assert_eq!(
        article["URL"],
        "https://doi.org/10.1080/09668136.2011.642583"
    );
    assert_eq!(
        article["UR"], "https://www.jstor.org/stable/41478348",
        "a second URL is kept"
    );
    assert_eq!(article["issued"]["date-parts"], json!([[2012, 3]]));
    assert_eq!(article["ISSN"], "0966-8136");
    let thesis = get("suny1968baku");
    assert_eq!(
        (thesis["type"].as_str(), thesis["genre"].as_str()),
        (Some("thesis"), Some("PhD diss."))
    );
    assert_eq!(thesis["publisher"], "Columbia University");
    let letter = get("chicherin1921note");
    assert_eq!(letter["recipient"][0]["family"], "Lenin");
    assert_eq!(
        (
            letter["archive"].as_str(),
            letter["archive_location"].as_str()
        ),
        (Some("RGASPI"), Some("f. 2, op. 1, d. 17672, l. 1"))
    );
    let report = get("auswartiges1921bericht");
    assert_eq!(report["author"][0], json!({"literal": "Auswärtiges Amt"}));
    assert_eq!(report["number"], "45");
    assert_eq!(
        report["collection-title"],
        "Politische Berichte aus dem Kaukasus"
    );
    let note = get("ministere1921note");
    assert_eq!(note["archive-place"], "Pierrefitte-sur-Seine");
    assert_eq!(note["original-date"]["date-parts"], json!([[1921, 4, 12]]));
    assert_eq!(
        get("armenian")["accessed"]["date-parts"],
        json!([[2024, 5, 2]])
    );
}

#[test]
fn an_endnote_export_with_other_tags_bom_and_crlf() {
    let loaded = load(&fixture("endnote-export.ris"));
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let bib = loaded.value.unwrap();
    let landau = bib.get("landau1941").unwrap().to_csl_json();
    assert_eq!(
        landau["author"][0],
        json!({"family": "Landau", "given": "L. D."})
    );
    assert_eq!(landau["title"], "The Theory of Superfluidity of Helium II");
    assert_eq!(landau["container-title"], "Journal of Physics (USSR)");
    assert_eq!(landau["issued"]["date-parts"], json!([[1941, 5, 12]]));
    assert_eq!(landau["issue"], "1");
    assert_eq!(landau["page"], "71-90");
    assert_eq!(
        landau["abstract"],
        "The theory of superfluidity is derived from the quantization of the motion of a liquid."
    );
    let lenin = bib.get("lenin-pss-42").unwrap().to_csl_json();
    assert_eq!(lenin["container-title"], "Полное собрание сочинений");
    assert_eq!(lenin["editor"][0]["family"], "Поспелов");
    assert_eq!(lenin["language"], "ru-RU");
    assert_eq!(lenin["page"], "367");
    assert_eq!(lenin["U1"], "checked against the 5th edition");
    assert_eq!(bib.get("landau1941").unwrap().position.line, 1);
    assert_eq!(bib.get("lenin-pss-42").unwrap().position.line, 15);
}

#[test]
fn one_bad_record_never_hides_the_rest() {
    let loaded = load(&fixture("broken.ris"));
    let bib = loaded.value.unwrap();
    let keys: Vec<_> = bib.keys().collect();
    assert_eq!(keys, ["mazower1998dark", "record", "smithrecord"]);
    let report: Vec<String> = loaded
        .errors
        .iter()
        .map(|e| {
            format!(
                "{}:{}:{}: {}",
                e.file.file_name().unwrap().to_string_lossy(),
                e.position.line,
                e.position.column,
                e.message
            )
        })
        .collect();
    insta::assert_snapshot!("broken_ris", report.join("\n"));
    assert_eq!(bib.get("record").unwrap().item.item_type, "document");
}

/// The lines of a RIS text, sorted, without the `ID` lines the writer adds for keys that
/// were derived (the exports have none).
fn lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with("ID  - "))
        .map(str::to_string)
        .collect();
    out.sort();
    out
}

#[test]
fn ris_to_items_to_ris_keeps_every_line() {
    let path = fixture("zotero-export.ris");
    let original = std::fs::read_to_string(&path).unwrap();
    let bib = Bibliography::parse(&path, &original, BibFormat::Ris)
        .value
        .unwrap();
    let written = write_ris(&items(&bib));
    assert_eq!(lines(&written), lines(&original));
    // And once more: the written file reads back to the same items, keys included.
    let again = Bibliography::parse(Path::new("again.ris"), &written, BibFormat::Ris);
    assert!(again.errors.is_empty(), "{:?}", again.errors);
    assert_eq!(items(&again.value.unwrap()), items(&bib));
}
