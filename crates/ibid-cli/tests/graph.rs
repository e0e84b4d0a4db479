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
