//! The witness graph of one or more documents as Graphviz DOT or a Mermaid flowchart: one
//! node per witness of each document, one edge per derivation, labelled with its kind.
//! Lineage stays per document (as in PROV-JSON): a document's excerpt of an edition is its
//! own node, linked `excerpt of` to one node for the edition other documents cite too.

use crate::bib::Bibliography;
use crate::model::Document;
use crate::witness::WitnessKind;
use std::collections::{HashMap, HashSet};

/// A node of the graph.
struct Node {
    key: String,
    label: String,
    kind: WitnessKind,
}

/// The nodes and labelled edges of the witness graph of `docs`.
fn graph(
    docs: &[&Document],
    bib: Option<&Bibliography>,
) -> (Vec<Node>, Vec<(usize, usize, &'static str)>) {
    let mut nodes: Vec<Node> = Vec::new();
    let mut at_key: HashMap<String, usize> = HashMap::new();
    let mut edges = Vec::new();
    let mut seen_edges: HashSet<(usize, usize, &'static str)> = HashSet::new();
    let mut node = |nodes: &mut Vec<Node>, key: String, label: String, kind: WitnessKind| {
        *at_key.entry(key.clone()).or_insert_with(|| {
            nodes.push(Node { key, label, kind });
            nodes.len() - 1
        })
    };
    let mut edge = |edges: &mut Vec<(usize, usize, &'static str)>,
                    e: (usize, usize, &'static str)| {
        if seen_edges.insert(e) {
            edges.push(e);
        }
    };
    for doc in docs {
        let chain = doc.witnesses_with(bib);
        let mut index = Vec::with_capacity(chain.witnesses.len());
        for w in &chain.witnesses {
            let kind_label = match w.kind {
                WitnessKind::Original => "original",
                WitnessKind::Edition => "edition",
                WitnessKind::Translation => "translation",
                WitnessKind::WebEdition => "web edition",
            };
            let mut label = format!("{kind_label}: {}", w.label);
            if let (Some(c), WitnessKind::Original) = (&w.citation, w.kind) {
                label.push('\n');
                label.push_str(c);
            }
            if let Some(l) = &w.language {
                label.push_str(&format!(" [{l}]"));
            }
            let key = format!("{}/{}", doc.id, w.kind.id());
            let at = node(&mut nodes, key, label.clone(), w.kind);
            if let (WitnessKind::Edition, Some(shared)) = (&w.kind, &w.shared) {
                let edition = node(&mut nodes, format!("edition:{shared}"), label, w.kind);
                edge(&mut edges, (at, edition, "excerpt of"));
            }
            index.push(at);
        }
        for d in &chain.derivations {
            if let (Some(&a), Some(&b)) = (index.get(d.from), index.get(d.to)) {
                edge(&mut edges, (a, b, d.kind.name()));
            }
        }
    }
    (nodes, edges)
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// The witness graph as Graphviz DOT; `bib` names keyed editions.
pub fn dot(docs: &[&Document], bib: Option<&Bibliography>) -> String {
    let (nodes, edges) = graph(docs, bib);
    let mut o = String::from(
        "digraph ibid {\n  rankdir=LR;\n  node [shape=box, fontname=\"sans-serif\"];\n",
    );
    for n in &nodes {
        let style = match n.kind {
            WitnessKind::Original => ", style=bold",
            WitnessKind::Edition => ", shape=folder",
            WitnessKind::Translation => "",
            WitnessKind::WebEdition => ", shape=note",
        };
        o.push_str(&format!(
            "  \"{}\" [label=\"{}\"{style}];\n",
            dot_escape(&n.key),
            dot_escape(&n.label)
        ));
    }
    for (a, b, label) in &edges {
        if let (Some(x), Some(y)) = (nodes.get(*a), nodes.get(*b)) {
            o.push_str(&format!(
                "  \"{}\" -> \"{}\" [label=\"{label}\"];\n",
                dot_escape(&x.key),
                dot_escape(&y.key)
            ));
        }
    }
    o.push_str("}\n");
    o
}

/// A label as Mermaid text: Mermaid renders labels as HTML, so `<`, `>`, `&` and `"` are
/// written as entity codes (`<b>` stays text, the omission mark `<…>` stays visible) and
/// line breaks as `<br/>`. `#` starts Mermaid's own entity codes, so it is one too.
fn mermaid_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '#' => out.push_str("#35;"),
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '\n' => out.push_str("<br/>"),
            c => out.push(c),
        }
    }
    out
}

/// The witness graph as a Mermaid flowchart; `bib` names keyed editions.
pub fn mermaid(docs: &[&Document], bib: Option<&Bibliography>) -> String {
    let (nodes, edges) = graph(docs, bib);
    let mut o = String::from("flowchart LR\n");
    for (i, n) in nodes.iter().enumerate() {
        let (open, close) = match n.kind {
            WitnessKind::Original => ("[[", "]]"),
            WitnessKind::Edition => ("[(", ")]"),
            WitnessKind::Translation => ("[", "]"),
            WitnessKind::WebEdition => ("([", "])"),
        };
        o.push_str(&format!(
            "  n{i}{open}\"{}\"{close}\n",
            mermaid_escape(&n.label)
        ));
    }
    for (a, b, label) in &edges {
        o.push_str(&format!("  n{a} -->|{label}| n{b}\n"));
    }
    o
}
