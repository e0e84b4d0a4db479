//! Exports that real clients accept: PROV-JSON validates against the W3C submission's schema,
//! every id converts to a PROV-XML `xs:QName`, attributions carry no role, and lineage stays
//! per document; Mermaid labels are text, not HTML; TEI names no folder of the machine.

use ibid_provenance::export::{graph, prov, tei};
use ibid_provenance::{parse_document, Document};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::path::Path;

mod fixture;

fn prov_of_corpus() -> (Vec<Document>, Value) {
    let (bibliography, docs) = (fixture::bibliography(), fixture::documents());
    let refs: Vec<&Document> = docs.iter().collect();
    let value = prov::prov_json(&refs, Some(&bibliography));
    (docs, value)
}

#[test]
fn prov_json_validates_against_the_w3c_submission_schema() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/prov-json.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    compiler
        .add_resource("urn:prov-json-schema", schema)
        .unwrap();
    let index = compiler
        .compile("urn:prov-json-schema", &mut schemas)
        .unwrap();
    let (_, mut value) = prov_of_corpus();
    if let Err(e) = schemas.validate(&value, index) {
        panic!("the PROV-JSON export does not validate: {e:#}");
    }
    // The validator does refuse what the schema does not allow.
    value["wasDerivedFrom"]["_:bad"] = serde_json::json!({ "prov:usedEntity": "doc:x" });
    assert!(schemas.validate(&value, index).is_err());
}

/// Every qualified name the document uses as an id: record keys and the ids relations name.
fn ids(value: &Value) -> Vec<String> {
    let mut found = Vec::new();
    for (section, records) in value.as_object().unwrap() {
        if section == "prefix" {
            continue;
        }
        for (key, record) in records.as_object().unwrap() {
            found.push(key.clone());
            for (attribute, target) in record.as_object().unwrap() {
                let is_reference = matches!(
                    attribute.as_str(),
                    "prov:entity"
                        | "prov:agent"
                        | "prov:activity"
                        | "prov:generatedEntity"
                        | "prov:usedEntity"
                        | "prov:collection"
                );
                if is_reference {
                    found.push(target.as_str().unwrap().to_owned());
                }
            }
        }
    }
    found
}

#[test]
fn every_id_is_a_qname_prov_xml_accepts() {
    let (_, value) = prov_of_corpus();
    let prefixes = value["prefix"].as_object().unwrap();
    let ids = ids(&value);
    assert!(ids.len() > 50);
    // Each id as an element name of a namespace-aware XML parser: it must be a QName whose
    // prefix is declared (PROV-XML writes ids as `prov:id` values of type `xs:QName`).
    let mut xml = String::from("<root");
    for (prefix, namespace) in prefixes {
        xml.push_str(&format!(
            " xmlns:{prefix}=\"{}\"",
            namespace.as_str().unwrap()
        ));
    }
    xml.push('>');
    for id in &ids {
        let (prefix, local) = id.split_once(':').unwrap();
        // Blank nodes (`_:wat3`) name relations; their local part must be an NCName too.
        let name = if prefix == "_" {
            format!("blank:{local}")
        } else {
            id.clone()
        };
        xml.push_str(&format!("<{name}/>"));
    }
    xml.push_str("</root>");
    let xml = xml.replacen("<root", "<root xmlns:blank=\"urn:blank:\"", 1);
    if let Err(e) = roxmltree::Document::parse(&xml) {
        panic!("an id is no QName: {e}");
    }
    for id in &ids {
        assert!(!id.contains('/'), "{id}");
    }
}

#[test]
fn attributions_carry_no_role() {
    let (_, value) = prov_of_corpus();
    for (key, attribution) in value["wasAttributedTo"].as_object().unwrap() {
        assert!(
            attribution.get("prov:role").is_none(),
            "{key}: {attribution}"
        );
        assert!(
            attribution.get("prov:type").is_some(),
            "{key}: {attribution}"
        );
    }
    // Roles stay where PROV allows them: on associations with activities.
    assert!(value["wasAssociatedWith"]
        .as_object()
        .unwrap()
        .values()
        .any(|a| a.get("prov:role").is_some()));
}

#[test]
fn lineage_stays_per_document() {
    let (docs, value) = prov_of_corpus();
    // generated entity -> entities it was derived from
    let mut from: HashMap<&str, Vec<&str>> = HashMap::new();
    for d in value["wasDerivedFrom"].as_object().unwrap().values() {
        from.entry(d["prov:generatedEntity"].as_str().unwrap())
            .or_default()
            .push(d["prov:usedEntity"].as_str().unwrap());
    }
    let entities = value["entity"].as_object().unwrap();
    let mut shared_editions = 0;
    for doc in &docs {
        let own = format!("doc:{}.", doc.id);
        // Everything a document's witnesses derive from is that document's.
        let mut seen = HashSet::new();
        let mut stack: Vec<&str> = entities
            .keys()
            .map(String::as_str)
            .filter(|id| id.starts_with(&own))
            .collect();
        while let Some(id) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            assert!(id.starts_with(&own), "{} derives from {id}", doc.id);
            stack.extend(from.get(id).into_iter().flatten());
        }
        let originals = seen.iter().filter(|id| id.ends_with(".original")).count();
        assert!(originals <= 1, "{}: {originals} originals", doc.id);
        if seen.contains(format!("{own}edition").as_str()) {
            shared_editions += 1;
        }
    }
    // The edition the documents share is one collection with each excerpt a member.
    let members: Vec<&Value> = value["hadMember"]
        .as_object()
        .unwrap()
        .values()
        .filter(|m| m["prov:collection"] == "edition:key-barsegov-nk")
        .collect();
    assert!(members.len() >= 5, "{members:?}");
    assert!(shared_editions >= members.len());
    let collection = &entities["edition:key-barsegov-nk"];
    assert!(collection["prov:type"]
        .to_string()
        .contains("prov:Collection"));
}

fn doc(path: &str, title: &str) -> Document {
    let text = format!(
        "+++\ntitle = \"{title}\"\ndate = \"1921-02-16\"\n\n[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, Document 652, page 612\"\n\n[translation]\nfrom = \"ru\"\nto = \"en\"\n+++\nText <…> here.\n"
    );
    parse_document(Path::new(path), text.as_bytes(), None)
        .value
        .expect("a document")
}

#[test]
fn mermaid_labels_are_text_not_html() {
    let d = doc("letter.md", "Letter <b>bold</b> on <l. 4> with <…> & #1");
    let out = graph::mermaid(&[&d], None);
    for line in out.lines().filter(|l| l.contains("Letter")) {
        let without_breaks = line.replace("<br/>", "");
        assert!(!without_breaks.contains(['<', '>']), "{line}");
        assert!(line.contains("#lt;b#gt;bold#lt;/b#gt;"), "{line}");
        assert!(line.contains("#lt;l. 4#gt;"), "{line}");
        assert!(line.contains("#lt;…#gt;"), "{line}");
        assert!(line.contains("#amp;") && line.contains("#35;1"), "{line}");
    }
}

#[test]
fn tei_names_the_file_not_the_folders_of_the_machine() {
    let d = doc("/home/someone/private/corpus/letter.md", "Letter");
    let xml = tei::tei(&d, None);
    assert!(!xml.contains("/home/someone"), "{xml}");
    let parsed = roxmltree::Document::parse(&xml).unwrap();
    let statement = parsed
        .descendants()
        .find(|n| n.has_tag_name("publicationStmt"))
        .unwrap();
    let text: String = statement.descendants().filter_map(|n| n.text()).collect();
    assert!(text.contains("from letter.md;"), "{text}");
}
