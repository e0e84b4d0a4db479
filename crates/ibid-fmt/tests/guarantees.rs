//! The formatter's guarantees, tested on the engine: idempotence over every fixture of the
//! repository and over generated documents in four languages, edits confined to their
//! spans, the meaning check catching a faulty change, and files changed during a run.

use ibid_fmt::run::{format_files_with, Job, Mode, Outcome};
use ibid_fmt::{
    document_changes, format_document, format_with, Change, CitationSyntax, FormatError,
    FrontMatterLayout, Input, LabelCase, LabelSpace, LeafSide, LocatorForm, PageRange, RangeDash,
    Style, TextEdit,
};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

/// Every style worth trying: each key at each of its values, and everything at once.
fn styles() -> Vec<Style> {
    let base = Style {
        front_matter: FrontMatterLayout::Ordered,
        ..Style::default()
    };
    let mut all = vec![Style::default(), base];
    for form in [LocatorForm::Short, LocatorForm::Long] {
        for (case, space, dash, range, side) in [
            (
                LabelCase::Sentence,
                LabelSpace::Space,
                RangeDash::EnDash,
                PageRange::Chicago,
                LeafSide::Short,
            ),
            (
                LabelCase::AsWritten,
                LabelSpace::Nbsp,
                RangeDash::Hyphen,
                PageRange::Full,
                LeafSide::Long,
            ),
            (
                LabelCase::Sentence,
                LabelSpace::AsWritten,
                RangeDash::EnDash,
                PageRange::Minimal,
                LeafSide::AsWritten,
            ),
        ] {
            all.push(Style {
                locator_form: form,
                label_case: case,
                label_space: space,
                range_dash: dash,
                page_range: range,
                leaf_side: side,
                citation_syntax: CitationSyntax::Pandoc,
                front_matter: FrontMatterLayout::Ordered,
                unify_sources: false,
            });
        }
    }
    all
}

/// A file's path and bytes.
type File = (PathBuf, Vec<u8>);

/// Every document of the repository's fixtures, with its sidecar.
fn fixture_documents() -> Vec<(PathBuf, Vec<u8>, Option<File>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if !matches!(ext, "md" | "txt") {
                continue;
            }
            let side = ibid_provenance::sidecar_path(&path);
            let sidecar = side.is_file().then(|| {
                let bytes = std::fs::read(&side).unwrap();
                (side, bytes)
            });
            let bytes = std::fs::read(&path).unwrap();
            out.push((path, bytes, sidecar));
        }
    }
    out.sort();
    out
}

/// Formatting the result of formatting changes nothing, and every change stays inside the
/// span it rewrites.
fn assert_idempotent(path: &Path, bytes: &[u8], sidecar: Option<(&Path, &[u8])>, style: &Style) {
    let input = Input {
        path,
        bytes,
        sidecar,
    };
    let Ok(first) = format_document(input, style) else {
        return; // unreadable documents are refused, never formatted
    };
    for change in &first.changes {
        for edit in &change.edits {
            assert!(
                change.unit.start <= edit.range.start && edit.range.end <= change.unit.end,
                "{}: an edit outside its span",
                path.display()
            );
        }
    }
    let doc = first
        .document
        .clone()
        .unwrap_or_else(|| String::from_utf8(bytes.to_vec()).unwrap());
    let side = first
        .sidecar
        .clone()
        .or_else(|| sidecar.map(|(_, b)| String::from_utf8(b.to_vec()).unwrap()));
    let again = format_document(
        Input {
            path,
            bytes: doc.as_bytes(),
            sidecar: sidecar
                .map(|(p, _)| p)
                .zip(side.as_deref().map(str::as_bytes)),
        },
        style,
    )
    .unwrap_or_else(|e| panic!("{}: the formatted text does not load: {e}", path.display()));
    assert!(
        !again.is_changed(),
        "{}: not idempotent under {style:?}:\n{doc}\n---\n{:?}",
        path.display(),
        again.document
    );
}

#[test]
fn every_fixture_is_idempotent_under_every_style() {
    let docs = fixture_documents();
    assert!(docs.len() > 80, "{} fixtures", docs.len());
    for style in styles() {
        for (path, bytes, sidecar) in &docs {
            let side = sidecar.as_ref().map(|(p, b)| (p.as_path(), b.as_slice()));
            assert_idempotent(path, bytes, side, &style);
        }
    }
}

/// Pieces of documents in English, Russian, German and French, written every which way.
const CITES: &[&str] = &[
    "Барсегов Ю.Г. Нагорный Карабах, Document 652, page 612",
    "Барсегов Ю.Г. Нагорный Карабах. Ереван, 1992. Док. 652. с. 612-614",
    "Suny, R. G. The Baku Commune. Princeton, 1972, pp. 321–328",
    "Akten zur deutschen auswärtigen Politik. Göttingen, 1986, Seite 212-219",
    "Documents diplomatiques français, 1921, t. 1, pages 33 - 35",
    "Nagornyi Karabakh, doc.37, p.58",
];
const LOCATORS: &[&str] = &[
    "doc. 652, p. 612",
    "pp.101-108, 1087–1089",
    "Blatt 4 verso",
    "ll. 5об.–6",
    "страницы 296–297",
    "p. 5 ff.",
    "fols. 101v–108r",
    "pages xii-xiv",
];
const ARCHIVES: &[&str] = &[
    "RGASPI, f. 2, op. 1, d. 17663, l. 1",
    "РГАСПИ. ф. 85. оп. 15. д. 45. Л. 3–3об",
    "RGVA, fond 33987, opis 3, delo 52, ll. 67 - 70",
    "Archives nationales, F/7/13430, fᵒ  4",
];
const BODIES: &[&str] = &[
    "Narimanov wrote [see  @barsegov-nk,Document 652, page 612 ;@suny-1993].",
    "Слушали [@nk-1918-1923, страницы 296-297].",
    "Vgl. @adap-a4  [ Seiten 212–214 ] und [-@adap-a4, Bl. 5 verso].",
    "Voir [@ddf-1921 , p.12] et [@ddf-1921, chapitre 3].",
    "A citation over a line break [@a;\n@b], and code `[@not ;@cited]`.",
    "Plain text with no citation.\r\n",
];

fn generated() -> impl Strategy<Value = String> {
    (
        prop::sample::select(CITES),
        prop::option::of(prop::sample::select(LOCATORS)),
        prop::option::of(prop::sample::select(ARCHIVES)),
        prop::collection::vec(prop::sample::select(BODIES), 0..4),
        prop::sample::select(&["en", "ru", "de", "fr"][..]),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(cite, locator, archive, body, lang, shuffled, crlf)| {
            let mut source = format!("[source]\ncite = \"{cite}\"\n");
            if let Some(l) = locator {
                source.push_str(&format!("locator = \"{l}\"\n"));
            }
            if let Some(a) = archive {
                source.push_str(&format!("archive = '{a}'\n"));
            }
            let top =
                format!("title = \"A document\"\ndate = \"1921-02-16\"\nlanguage = \"{lang}\"\n");
            let hands = "[hands]\nlenin = \"V. I. Lenin\"\n";
            let notes = "[[notes]]\ntext = \"Compare [@suny-1993 ,p. 12].\"\nmarker = \"*\"\n";
            let front = if shuffled {
                format!("{top}{hands}{notes}{source}")
            } else {
                format!("{top}\n{source}\n{hands}\n{notes}")
            };
            let text = format!("+++\n{front}+++\n{}\n", body.join("\n"));
            if crlf {
                text.replace('\n', "\r\n")
            } else {
                text
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn generated_documents_are_idempotent(text in generated(), style in prop::sample::select(styles())) {
        assert_idempotent(Path::new("doc.md"), text.as_bytes(), None, &style);
    }

    #[test]
    fn formatting_keeps_every_byte_outside_the_rewritten_spans(text in generated(), style in prop::sample::select(styles())) {
        let input = Input { path: Path::new("doc.md"), bytes: text.as_bytes(), sidecar: None };
        let formatted = format_document(input, &style).unwrap();
        if let Some(after) = formatted.document {
            // The body outside citations, and the `+++` lines, are untouched.
            let (head_before, body_before) = text.split_at(text.rfind("+++").unwrap());
            let (head_after, body_after) = after.split_at(after.rfind("+++").unwrap());
            prop_assert!(head_before.starts_with("+++") && head_after.starts_with("+++"));
            let outside = |t: &str| -> String {
                // The space before an in-text citation's brackets is the citation's own.
                let t = t.replace("@suny-1993  [", "@suny-1993 [").replace("@adap-a4  [", "@adap-a4 [");
                let mut out = String::new();
                let mut depth = 0;
                for c in t.chars() {
                    match c {
                        '[' => depth += 1,
                        ']' => depth -= 1,
                        _ if depth == 0 => out.push(c),
                        _ => {}
                    }
                }
                out
            };
            prop_assert_eq!(outside(body_before), outside(body_after));
            // Line endings: a file with only CRLF keeps only CRLF, one with only LF only LF.
            let bare_lf = |t: &str| t.replace("\r\n", "").contains('\n');
            let crlf = |t: &str| t.contains("\r\n");
            prop_assert_eq!(bare_lf(&text), bare_lf(&after));
            prop_assert_eq!(crlf(&text), crlf(&after));
        }
    }
}

/// A faulty change source: it "fixes" every page number by one.
fn off_by_one(doc: &ibid_provenance::Document, style: &Style) -> Vec<Change> {
    let mut changes = document_changes(doc, style);
    let text = &doc.file.text;
    if let (Some(at), Some(raw)) = (
        text.find("p. 612"),
        doc.source
            .as_ref()
            .and_then(|s| s.cite.as_ref())
            .and_then(|c| c.raw),
    ) {
        let unit = ibid_fmt::Unit {
            kind: ibid_fmt::UnitKind::Reference,
            file: ibid_fmt::FileTarget::Meta,
            start: raw.start,
            end: raw.end,
        };
        changes = vec![Change {
            family: ibid_fmt::Family::LabelForm,
            unit,
            at: at..at + 6,
            message: String::new(),
            title: String::new(),
            edits: vec![TextEdit {
                range: at + 5..at + 6,
                replacement: "3".to_owned(),
            }],
        }];
    }
    changes
}

#[test]
fn a_change_of_meaning_is_an_internal_error_naming_the_span() {
    let text = "+++\ntitle = \"x\"\n\n[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, doc. 652, page 612\"\n+++\n";
    let style = Style {
        locator_form: LocatorForm::Short,
        ..Style::default()
    };
    let input = Input {
        path: Path::new("doc.md"),
        bytes: text.as_bytes(),
        sidecar: None,
    };
    // The real engine is fine.
    assert!(format_document(input, &style).unwrap().is_changed());
    // Once the label is short, the faulty source rewrites 612 as 613: refused.
    let error = format_with(input, &style, off_by_one).unwrap_err();
    match &error {
        FormatError::MeaningChanged {
            line,
            column,
            before,
            after,
            ..
        } => {
            assert_eq!((*line, *column), (5, 9));
            assert!(
                before.contains("p. 612") || before.contains("page 612"),
                "{before}"
            );
            assert!(after.contains("613"), "{after}");
        }
        other => panic!("{other:?}"),
    }
    assert!(error.to_string().contains("5:9: internal error"), "{error}");
}

#[test]
fn a_file_that_changes_during_the_run_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.md");
    let other = dir.path().join("other.md");
    let text = "+++\ntitle = \"x\"\n+++\nSee [@a ;@b].\n";
    std::fs::write(&path, text).unwrap();
    std::fs::write(&other, text).unwrap();
    let jobs: Vec<Job> = [&path, &other]
        .iter()
        .map(|p| Job {
            path: p.to_path_buf(),
            display: p.file_name().unwrap().to_string_lossy().into_owned(),
            sidecar: None,
            style: Style::default(),
            max_file_size: ibid_corpus::DEFAULT_MAX_FILE_SIZE,
            corpus: 0,
        })
        .collect();
    let edited = "+++\ntitle = \"x\"\n+++\nSee [@a ;@b]. An edit made meanwhile.\n";
    let reports = format_files_with(&jobs, Mode::Write, &|| {}, &|p: &Path| {
        if p.ends_with("doc.md") {
            std::fs::write(p, edited).unwrap();
        }
    });
    match &reports[0].outcome {
        Outcome::Failed(message) => assert!(
            message.contains("doc.md: changed while it was being formatted"),
            "{message}"
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
    assert!(matches!(reports[1].outcome, Outcome::Changed(_)));
    assert_eq!(
        std::fs::read_to_string(&other).unwrap(),
        "+++\ntitle = \"x\"\n+++\nSee [@a; @b].\n"
    );
}

/// Works written two ways each (Cyrillic and transliterated, or two spellings), and the
/// pinpoints documents cite them with.
const WORKS: &[[&str; 2]] = &[
    [
        "Барсегов Ю.Г. Нагорный Карабах",
        "Barsegov, Yu. G., Nagornyi Karabakh",
    ],
    [
        "Микаелян В.А. Кавказское бюро ЦК",
        "Mikaelian, V. A., Kavkazskoe biuro TsK",
    ],
    [
        "Akten zur deutschen auswärtigen Politik, Serie A, Bd. 5",
        "Akten zur deutschen auswaertigen Politik, Serie A, Bd. 5",
    ],
    [
        "Documents diplomatiques français, 1921, t. I",
        "Documents diplomatiques francais, 1921, t. I",
    ],
];
const PINPOINTS: &[&str] = &[
    "Document 652, page 612",
    "doc. 37, p. 58",
    "Док. 670. С. 637–638",
    "Dok. 45, Seite 112",
    "doc. 118, pages 245-246",
];

/// One document of a generated corpus: a cite of a work in one of its forms, or the
/// bibliography entry by key; quoted either way; LF or CRLF.
fn corpus_document() -> impl Strategy<Value = String> {
    (
        0..WORKS.len(),
        0..2usize,
        prop::sample::select(PINPOINTS),
        0..4usize,
        any::<bool>(),
    )
        .prop_map(|(work, form, pinpoint, how, crlf)| {
            let cite = format!("{}, {pinpoint}", WORKS[work][form]);
            let source = match how {
                0 => format!("key = \"barsegov-nk\"\nlocator = \"{pinpoint}\"\n"),
                1 => format!("cite = '{cite}'   # as printed\n"),
                _ => format!("cite = \"{cite}\"\narchive = \"RGASPI, f. 2, op. 1, d. 17663, l. 1\"\n"),
            };
            let text = format!(
                "+++\ntitle = \"A document\"\nlanguage = \"en\"\n\n[source]\n{source}\n[hands]\nlenin = \"V. I. Lenin\"\n+++\nBody [see @barsegov-nk, p. 3].\n"
            );
            if crlf {
                text.replace('\n', "\r\n")
            } else {
                text
            }
        })
}

/// The bibliography of the generated corpora.
fn entries() -> ibid_provenance::works::EntryIndex {
    let bib = ibid_provenance::Bibliography::parse(
        Path::new("refs.bib"),
        "@book{barsegov-nk, author = {Барсегов, Ю. Г.}, title = {Нагорный Карабах в международном праве и мировой политике}}\n",
        ibid_provenance::BibFormat::Bibtex,
    );
    ibid_provenance::works::EntryIndex::new(&bib.value.unwrap())
}

/// `ibid fmt` over a corpus held in memory, as `run` does it: format each document, plan
/// `unify-sources` over them, rewrite the documents the plan names.
fn format_corpus_in_memory(texts: &[String], style: &Style) -> Vec<String> {
    use ibid_fmt::{plan, unify_document, CiteSite, CorpusSources, SourceName};
    use ibid_provenance::works::WorkIdentity;
    let path = |i: usize| PathBuf::from(format!("doc-{i:02}.md"));
    let formatted: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let input = Input {
                path: &path(i),
                bytes: text.as_bytes(),
                sidecar: None,
            };
            let done = format_document(input, style).expect("the generated documents load");
            done.document.unwrap_or_else(|| text.clone())
        })
        .collect();
    let docs: Vec<ibid_provenance::Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            ibid_provenance::parse_document(&path(i), t.as_bytes(), None)
                .value
                .unwrap()
        })
        .collect();
    let works: Vec<Option<String>> = docs
        .iter()
        .map(|d| {
            let s = d.source.as_ref()?;
            Some(s.cited_work()?.slice(&s.cite.as_ref()?.text).to_owned())
        })
        .collect();
    let identities: Vec<Option<WorkIdentity>> = docs
        .iter()
        .map(|d| WorkIdentity::of(d.source.as_ref()?))
        .collect();
    let names: Vec<SourceName<'_>> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| SourceName {
            corpus: 0,
            work: works[i].as_deref(),
            key: d
                .source
                .as_ref()
                .and_then(|s| s.key.as_ref())
                .map(|k| k.text.as_str()),
            identity: identities[i].as_ref(),
        })
        .collect();
    let index = entries();
    let corpora = [CorpusSources {
        enabled: true,
        entries: &index,
    }];
    let targets = plan(&names, &corpora);
    formatted
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let Some(target) = &targets[i] else {
                return text;
            };
            let input = Input {
                path: &path(i),
                bytes: text.as_bytes(),
                sidecar: None,
            };
            let as_read = CiteSite::of(&docs[i]);
            let done = unify_document(input, target, style, as_read.as_ref())
                .unwrap_or_else(|e| panic!("{e}\n{text}"));
            done.document.unwrap_or(text)
        })
        .collect()
}

/// The lines of a text that `unify-sources` and the locator families leave alone.
fn untouched_lines(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| {
            !["cite ", "key ", "locator ", "cite-as-printed "]
                .iter()
                .any(|k| l.starts_with(k))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    /// `unify-sources` over generated corpora: a second run changes nothing, only the lines
    /// of `[source]` it rewrites change, and every cite it rewrote is kept as it was read.
    #[test]
    fn unified_corpora_are_idempotent_and_keep_what_was_written(
        texts in prop::collection::vec(corpus_document(), 2..9),
        short in any::<bool>(),
    ) {
        let style = Style {
            unify_sources: true,
            locator_form: if short { LocatorForm::Short } else { LocatorForm::AsWritten },
            ..Style::default()
        };
        let once = format_corpus_in_memory(&texts, &style);
        let twice = format_corpus_in_memory(&once, &style);
        prop_assert_eq!(&once, &twice, "not idempotent");
        for (before, after) in texts.iter().zip(&once) {
            prop_assert_eq!(untouched_lines(before), untouched_lines(after));
            let doc = |t: &str| {
                ibid_provenance::parse_document(Path::new("d.md"), t.as_bytes(), None)
                    .value
                    .unwrap()
            };
            let (old, new) = (doc(before), doc(after));
            let (old, new) = (old.source.unwrap(), new.source.unwrap());
            if let (Some(cite), Some(printed)) = (&old.cite, &new.cite_as_printed) {
                prop_assert_eq!(&cite.text, &printed.text);
            }
            // A cite whose work was rewritten, or that became a key, is kept as it was.
            let work = |s: &ibid_provenance::Source| {
                Some(s.cited_work()?.slice(&s.cite.as_ref()?.text).to_owned())
            };
            if old.cite.is_some() && work(&old) != work(&new) {
                prop_assert!(new.cite_as_printed.is_some(), "a rewritten cite is lost: {after}");
            }
        }
    }
}

/// A faulty `unify-sources` change (one that cites another page) is caught by the meaning
/// check before anything is written.
#[test]
fn a_unified_source_citing_another_page_is_an_internal_error() {
    let old = "[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, Document 652, page 612\"\n";
    let start = old.find("cite").unwrap();
    let unit = ibid_fmt::Unit {
        kind: ibid_fmt::UnitKind::Source,
        file: ibid_fmt::FileTarget::Meta,
        start,
        end: old.len() - 1,
    };
    let change = |locator: &str| {
        Change {
        family: ibid_fmt::Family::Source,
        unit,
        at: unit.range(),
        message: String::new(),
        title: String::new(),
        edits: vec![TextEdit {
            range: unit.range(),
            replacement: format!("key = \"barsegov-nk\"\nlocator = \"{locator}\"\ncite-as-printed = \"Барсегов Ю.Г. Нагорный Карабах, Document 652, page 612\""),
        }],
    }
    };
    for (locator, fine) in [
        ("Document 652, page 612", true),
        ("Document 652, page 613", false),
    ] {
        let c = change(locator);
        let done = ibid_fmt::apply(old, [&c]);
        let verified = ibid_fmt::verify(old, &done.text, &done.applied, ibid_fmt::FileTarget::Meta);
        assert_eq!(verified.is_ok(), fine, "{locator}: {verified:?}");
    }
}
