//! Loading speed: 10,000 generated documents of typical size (about 3 KB: front matter with
//! source, translation, hands, notes and annotations, and a body with markers and omissions)
//! parsed from memory. The goal is at least 50 MB/s of input on one core.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ibid_provenance::parse_document;
use std::hint::black_box;
use std::path::{Path, PathBuf};

/// One generated document; `i` varies the numbers so that no two are alike.
fn document(i: usize) -> String {
    let day = i % 28 + 1;
    let mut s = format!(
        "+++\ntitle = \"Letter No. {i} of the revkom to the Central Committee\"\ndate = \"1921-02-{day:02}\"\nlanguage = \"en\"\nkind = \"letter\"\nauthor = \"N. Narimanov\"\n\n[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, Document {doc}, page {page}\"\narchive = \"RGASPI, f. 2, op. 1, d. {file}, l. {leaf}\"\nlanguage = \"ru\"\n\n[translation]\nfrom = \"ru\"\nto = \"en\"\nby = [\"Unknown translator\"]\n\n[hands]\nlenin = \"V. I. Lenin\"\nkrestinsky = \"N. N. Krestinsky\"\nunknown = \"Unknown handwriting\"\n",
        doc = 600 + i % 400,
        page = 500 + i % 700,
        file = 17000 + i,
        leaf = i % 40 + 1,
    );
    for (marker, kind, hand) in [
        ("*", "encircled", "lenin"),
        ("**", "underlined", "lenin"),
        ("***", "marginal-lines", "krestinsky"),
    ] {
        s.push_str(&format!(
            "\n[[notes]]\nmarker = \"{marker}\"\nkind = \"{kind}\"\nhand = \"{hand}\"\ntext = \"Marked by {hand} on the original.\"\n"
        ));
    }
    for (n, (hand, date, text)) in [
        ("lenin", "19/II", "C. Stalin! I beg two words of comment to resend to all members of the Central Committee. 19/II. Lenin."),
        ("krestinsky", "22.II.21", "Sending back, N. K[restinsky]. 22.II.21."),
        ("unknown", "22/II", "“Narimanov”, “Turkey”."),
    ]
    .into_iter()
    .enumerate()
    {
        s.push_str(&format!(
            "\n[[annotations]]\nn = {}\nhand = \"{hand}\"\ndate = \"{date}\"\ntext = \"{text}\"\n",
            n + 1
        ));
    }
    s.push_str("+++\n");
    let paragraph = "A Turkish delegation is on its way to Moscow. I had a rather in-depth conversation with the delegation. I have no doubts that the Angorians* sincerely wish to connect their fates with us. The most troubling question for them is the Armenian** question, and they are ready to resolve it. <…> I have to warn you that the eastern question*** needs attention. [...]\n\n";
    while s.len() < 3000 {
        s.push_str(paragraph);
    }
    s
}

fn load(c: &mut Criterion) {
    let docs: Vec<(PathBuf, String)> = (0..10_000)
        .map(|i| (PathBuf::from(format!("corpus/doc-{i}.md")), document(i)))
        .collect();
    let bytes: usize = docs.iter().map(|(_, d)| d.len()).sum();
    // The generated documents must load clean, or the benchmark measures error paths.
    let first = parse_document(Path::new("x.md"), docs[0].1.as_bytes(), None);
    assert!(first.errors.is_empty(), "{:?}", first.errors);
    let mut group = c.benchmark_group("load");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("10k documents of ~3 KB", |b| {
        b.iter(|| {
            let mut markers = 0;
            for (path, text) in &docs {
                let loaded = parse_document(path, black_box(text.as_bytes()), None);
                markers += loaded.value.map_or(0, |d| d.body.marks.markers.len());
            }
            black_box(markers)
        })
    });
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
