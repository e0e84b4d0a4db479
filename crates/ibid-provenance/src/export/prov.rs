//! W3C PROV-JSON export of the witness chains: witnesses are entities, derivations are
//! activities linked by `wasDerivedFrom`/`wasGeneratedBy`/`used`, people are agents
//! (`wasAssociatedWith` a derivation with a `prov:role`; `wasAttributedTo` for authors and
//! annotations, typed with `prov:type`, as attribution takes no role).
//!
//! Lineage stays per document: each document's excerpt of an edition is its own entity
//! (`doc:ID.edition`), derived from that document's original only; an edition cited by several
//! documents is one more entity, a `prov:Collection` that `hadMember` each excerpt. Every id
//! is a prefix and an `NCName`, so the document converts to PROV-XML as it is.

use super::util::ncname;
use crate::bib::Bibliography;
use crate::model::Document;
use crate::witness::{Role, WitnessKind};
use serde_json::{json, Map, Value};

/// The PROV-JSON document for `docs`; `bib` describes keyed editions.
pub fn prov_json(docs: &[&Document], bib: Option<&Bibliography>) -> Value {
    let mut b = Bundle::default();
    for doc in docs {
        add_document(&mut b, doc, bib);
    }
    let mut out = Map::new();
    out.insert(
        "prefix".into(),
        json!({
            "ibid": VOCABULARY,
            "doc": "urn:ibid:doc:",
            "edition": "urn:ibid:edition:",
            "agent": "urn:ibid:agent:"
        }),
    );
    for (name, map) in [
        ("entity", b.entity),
        ("activity", b.activity),
        ("agent", b.agent),
        ("wasDerivedFrom", b.derived),
        ("wasGeneratedBy", b.generated),
        ("used", b.used),
        ("wasAssociatedWith", b.associated),
        ("wasAttributedTo", b.attributed),
        ("hadMember", b.members),
    ] {
        if !map.is_empty() {
            out.insert(name.into(), Value::Object(map));
        }
    }
    Value::Object(out)
}

/// The namespace of ibid's own PROV terms (`ibid:Edition`, `ibid:hand`): a URN, as ibid has
/// no web address of its own; documented in docs/format.md.
pub const VOCABULARY: &str = "urn:ibid:vocab:";

#[derive(Default)]
struct Bundle {
    entity: Map<String, Value>,
    activity: Map<String, Value>,
    agent: Map<String, Value>,
    derived: Map<String, Value>,
    generated: Map<String, Value>,
    used: Map<String, Value>,
    associated: Map<String, Value>,
    attributed: Map<String, Value>,
    members: Map<String, Value>,
    /// (entity, agent) pairs already attributed, so a shared edition credits its people once.
    credited: std::collections::HashSet<(String, String)>,
    counter: usize,
}

impl Bundle {
    fn blank(&mut self, prefix: &str) -> String {
        self.counter += 1;
        format!("_:{prefix}{}", self.counter)
    }

    fn agent(&mut self, name: &str) -> String {
        let id = format!("agent:{}", ncname(name));
        let kind = if is_label(name) {
            "prov:Agent"
        } else {
            "prov:Person"
        };
        self.agent
            .entry(id.clone())
            .or_insert_with(|| json!({ "prov:type": qname(kind), "prov:label": name }));
        id
    }
}

/// A qualified name as a PROV-JSON value: a typed literal, so that it is not read as a
/// plain string.
fn qname(name: &str) -> Value {
    json!({ "$": name, "type": "xsd:QName" })
}

fn is_label(name: &str) -> bool {
    let n = name.to_lowercase();
    [
        "unknown",
        "unidentified",
        "неизвест",
        "unbekannt",
        "inconnu",
        "main inconnue",
    ]
    .iter()
    .any(|w| n.contains(w))
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Author => "ibid:author",
        Role::Hand => "ibid:hand",
        Role::Editor => "ibid:editor",
        Role::Translator => "ibid:translator",
    }
}

/// The id of a document's own node `what` (`doc:narimanov-letter-1921.original`).
fn doc_id(doc: &Document, what: &str) -> String {
    format!("doc:{}.{what}", ncname(&doc.id))
}

/// Attribute `entity` to the agent `name` in the part `kind` (`ibid:author`, `ibid:hand`).
fn attribute(b: &mut Bundle, entity: &str, name: &str, kind: &str) {
    let agent = b.agent(name);
    let key = b.blank("wat");
    b.attributed.insert(
        key,
        json!({ "prov:entity": entity, "prov:agent": agent, "prov:type": qname(kind) }),
    );
}

fn add_document(b: &mut Bundle, doc: &Document, bib: Option<&Bibliography>) {
    let chain = doc.witnesses_with(bib);
    // Every witness is this document's own; an edition other documents cite as well is
    // also a collection this document's excerpt is a member of.
    let ids: Vec<String> = chain
        .witnesses
        .iter()
        .map(|w| doc_id(doc, w.kind.id()))
        .collect();
    for (w, id) in chain.witnesses.iter().zip(&ids) {
        let mut attrs = Map::new();
        let kind = match w.kind {
            WitnessKind::Original => "ibid:Original",
            WitnessKind::Edition => "ibid:Edition",
            WitnessKind::Translation => "ibid:Translation",
            WitnessKind::WebEdition => "ibid:WebEdition",
        };
        attrs.insert("prov:type".into(), qname(kind));
        attrs.insert("prov:label".into(), json!(w.label));
        if let Some(l) = &w.language {
            attrs.insert("ibid:language".into(), json!(l));
        }
        if let Some(d) = &w.date {
            attrs.insert("ibid:date".into(), json!(d));
        }
        if let Some(c) = &w.citation {
            attrs.insert("ibid:citation".into(), json!(c));
        }
        if w.kind == WitnessKind::WebEdition {
            if let Some(c) = &w.citation {
                attrs.insert("prov:location".into(), json!(c));
            }
        }
        b.entity.insert(id.clone(), Value::Object(attrs));
        // The people of a shared edition are the collection's; of the others, the entity's.
        let mut credited = id.clone();
        if let (WitnessKind::Edition, Some(shared)) = (w.kind, &w.shared) {
            let collection = format!("edition:{}", ncname(shared));
            b.entity.entry(collection.clone()).or_insert_with(|| {
                json!({
                    "prov:type": [qname("prov:Collection"), qname("ibid:Edition")],
                    "prov:label": w.label,
                })
            });
            let key = b.blank("hm");
            b.members.insert(
                key,
                json!({ "prov:collection": collection, "prov:entity": id }),
            );
            credited = collection;
        }
        for a in &w.agents {
            if w.kind == WitnessKind::Translation || a.role == Role::Hand {
                // Translators are associated with the translation activity; hands are
                // attributed their annotations and marks below.
                continue;
            }
            if b.credited.insert((credited.clone(), a.name.clone())) {
                attribute(b, &credited, &a.name, role_name(a.role));
            }
        }
    }
    for d in &chain.derivations {
        let (Some(from), Some(to)) = (ids.get(d.from), ids.get(d.to)) else {
            continue;
        };
        let activity = doc_id(doc, &format!("{}-{}", d.kind.name(), d.to));
        let mut attrs = Map::new();
        attrs.insert(
            "prov:type".into(),
            qname(&format!("ibid:{}", d.kind.name())),
        );
        if let Some(date) = &d.date {
            attrs.insert("ibid:date".into(), json!(date));
        }
        b.activity.insert(activity.clone(), Value::Object(attrs));
        let key = b.blank("wdf");
        b.derived.insert(
            key,
            json!({
                "prov:generatedEntity": to,
                "prov:usedEntity": from,
                "prov:activity": activity,
                "prov:type": qname(&format!("ibid:{}", d.kind.name()))
            }),
        );
        let key = b.blank("wgb");
        b.generated
            .insert(key, json!({ "prov:entity": to, "prov:activity": activity }));
        let key = b.blank("u");
        b.used.insert(
            key,
            json!({ "prov:activity": activity, "prov:entity": from }),
        );
        for a in &d.agents {
            let agent = b.agent(&a.name);
            let key = b.blank("waw");
            b.associated.insert(
                key,
                json!({ "prov:activity": activity, "prov:agent": agent, "prov:role": qname(role_name(a.role)) }),
            );
        }
    }
    let hands = doc.hands_by_id();
    // Marginalia: each annotation is an entity on the original, attributed to its hand.
    let original = ids.first().cloned().unwrap_or_default();
    for (i, a) in doc.annotations.iter().enumerate() {
        let n = a.number.map_or(i as i64 + 1, |n| n.value);
        let id = doc_id(doc, &format!("annotation-{n}"));
        let mut attrs = Map::new();
        attrs.insert("prov:type".into(), qname("ibid:Annotation"));
        if let Some(t) = &a.text {
            attrs.insert("prov:value".into(), json!(t.text));
        }
        if let Some(d) = &a.date {
            attrs.insert("ibid:date".into(), json!(d.written.text));
            if let Some(iso) = d.date().and_then(super::util::iso_date) {
                attrs.insert("ibid:dateRead".into(), json!(iso));
            }
            // What was not written but inferred, and on what basis.
            if let Some(why) = d.date().and_then(super::util::inference_note) {
                attrs.insert("ibid:dateInferred".into(), json!(why));
            }
        }
        attrs.insert("ibid:on".into(), qname(&original));
        b.entity.insert(id.clone(), Value::Object(attrs));
        if let Some(hand) = a.hand.as_ref().and_then(|h| hands.get(h.text.as_str())) {
            attribute(b, &id, &hand.name.text, "ibid:hand");
        }
    }
    // Marks explained by notes: entities on the original, attributed to their hands.
    for (i, n) in doc.notes.iter().enumerate() {
        let Some(hand) = n.hand.as_ref().and_then(|h| hands.get(h.text.as_str())) else {
            continue;
        };
        let id = doc_id(doc, &format!("mark-{}", i + 1));
        let mut attrs = Map::new();
        attrs.insert("prov:type".into(), qname("ibid:Mark"));
        if let Some(k) = &n.kind {
            attrs.insert("ibid:kind".into(), json!(k.text.text));
        }
        if let Some(m) = &n.marker {
            attrs.insert("ibid:marker".into(), json!(m.text));
        }
        if let Some(t) = &n.text {
            attrs.insert("prov:value".into(), json!(t.text));
        }
        attrs.insert("ibid:on".into(), qname(&original));
        b.entity.insert(id.clone(), Value::Object(attrs));
        attribute(b, &id, &hand.name.text, "ibid:hand");
    }
}
