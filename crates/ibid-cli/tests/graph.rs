//! `ibid graph` run as the real binary: DOT and Mermaid snapshots of the fixture corpus,
//! where documents citing the same collection share one edition node.

mod support;
use support::ibid;

#[test]
fn dot_and_mermaid_of_documents_sharing_a_collection() {
    let docs = [
        "fixtures/corpus/letters/narimanov-letter-1921.txt",
        "fixtures/corpus/letters/chicherin-note-1921.md",
        "fixtures/corpus/letters/lenin-note-1921.md",
        "fixtures/corpus/letters/avprf-instruction-1921.md",
    ];
    for (format, name) in [("dot", "dot"), ("mermaid", "mermaid")] {
        let mut args = vec!["graph", "--format", format];
        args.extend(docs);
        let (code, stdout, stderr) = ibid(&args);
        assert_eq!((code, stderr.as_str()), (0, ""), "{format}");
        insta::assert_snapshot!(format!("graph_{name}"), stdout);
    }
}

#[test]
fn the_whole_corpus_is_one_graph() {
    let (code, stdout, _) = ibid(&["graph", "fixtures/corpus"]);
    assert_eq!(code, 0);
    let shared = stdout
        .lines()
        .filter(|l| l.starts_with("  \"edition:key:barsegov-nk\" ["))
        .count();
    assert_eq!(shared, 1);
    let (code, _, stderr) = ibid(&["graph", "fixtures/bad/binary.md"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("binary file"), "{stderr}");
}

/// Lineage stays per document: documents citing one edition each have their own excerpt of
/// it, so every translation descends from its own original only (before, one shared edition
/// node made each translation descend from every original citing that edition).
#[test]
fn every_translation_descends_from_its_own_original_only() {
    let (code, stdout, stderr) = ibid(&["graph", "--format", "dot", "fixtures/corpus"]);
    assert_eq!(code, 0, "{stderr}");
    let mut parents: std::collections::HashMap<&str, Vec<&str>> = Default::default();
    for line in stdout.lines() {
        let Some((from, rest)) = line.trim().split_once(" -> ") else {
            continue;
        };
        let to = rest.split(" [").next().unwrap();
        parents.entry(to).or_default().push(from);
    }
    let translations: Vec<&str> = parents
        .keys()
        .copied()
        .filter(|n| n.ends_with("/translation\""))
        .collect();
    assert!(translations.len() >= 3, "{stdout}");
    for translation in translations {
        let mut originals = std::collections::BTreeSet::new();
        let mut stack = vec![translation];
        while let Some(node) = stack.pop() {
            if node.ends_with("/original\"") {
                originals.insert(node);
            }
            stack.extend(parents.get(node).into_iter().flatten().copied());
        }
        let document = translation.trim_end_matches("/translation\"");
        assert_eq!(
            originals.into_iter().collect::<Vec<_>>(),
            vec![format!("{document}/original\"").as_str()],
            "{translation}"
        );
    }
}
