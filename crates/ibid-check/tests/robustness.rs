//! No input makes a rule fail: documents stitched from the fragments real documents are made
//! of (front-matter keys, markers, citations, dates, Cyrillic, stray bytes) never produce an
//! internal error, and every diagnostic points inside its file on character boundaries.

use ibid_check::analysis::analyze;
use ibid_check::rules::DOCUMENT_RULES;
use ibid_check::settings::Style;
use ibid_check::Rule;
use ibid_corpus::{DocumentBytes, FileBytes};
use ibid_fmt::{LabelCase, LabelSpace, LeafSide, LocatorForm, PageRange, RangeDash};
use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
    "+++\n",
    "title = \"Letter\"\n",
    "date = \"1921-02-30\"\n",
    "date = \"19/II\"\n",
    "date = 1921-02-16\n",
    "language = \"en\"\n",
    "[source]\n",
    "cite = \"Барсегов Ю.Г. Нагорный Карабах, Document 652, pp. 612-601\"\n",
    "key = \"barsegov-nk\"\n",
    "locator = \"doc. 652, pp. 612–\"\n",
    "archive = \"RGASPI, f. 2, op. 1, d. 17663, ll. 70-67\"\n",
    "[translation]\n",
    "from = \"ru\"\n",
    "to = \"de\"\n",
    "[hands]\n",
    "lenin = \"V. I. Lenin\"\n",
    "[[notes]]\n",
    "marker = \"**\"\n",
    "hand = \"lennin\"\n",
    "kind = \"circled\"\n",
    "[[annotations]]\n",
    "date = \"9/II\"\n",
    "text = \"Read.\"\n",
    "hnad = 3\n",
    "Angorians* ",
    "question*** ",
    "[^1] ",
    "[^3]: note\n",
    "**Underlined.\n",
    "[see @barsegov-nk, doc. 652, p. 612] ",
    "@suny-1993 [pp. 35-33] ",
    "<…> ",
    "<!-- ibid: ignore[M001] -->",
    "<!-- ibid: ignore",
    "# ibid: ignore[D002]\n",
    "\u{feff}",
    "\r\n",
    "\n",
    " ",
    "ж",
    "\"",
    "[",
    "]",
    "{",
    "=",
    "*",
    "\u{0}",
];

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_input_makes_a_rule_fail(text in document(), short in any::<bool>()) {
        let style = Style {
            range_dash: RangeDash::EnDash,
            locator_form: if short { LocatorForm::Short } else { LocatorForm::Long },
            label_case: LabelCase::Sentence,
            label_space: LabelSpace::Nbsp,
            page_range: PageRange::Chicago,
            leaf_side: if short { LeafSide::Short } else { LeafSide::Long },
            ..Style::default()
        };
        let input = DocumentBytes {
            file: FileBytes { path: "doc.md".into(), display: "doc.md".into(), bytes: text.clone().into_bytes() },
            sidecar: None,
        };
        let result = analyze(&input, &style, DOCUMENT_RULES);
        for d in &result.diagnostics {
            prop_assert_ne!(d.rule, Rule::InternalError, "{}", d.message);
            prop_assert!(d.range.start <= d.range.end && d.range.end <= text.len());
            prop_assert!(text.is_char_boundary(d.range.start) && text.is_char_boundary(d.range.end));
            prop_assert!(d.start.line >= 1 && d.start.column >= 1);
            for edit in d.fix.iter().flat_map(|f| &f.edits) {
                prop_assert!(edit.range.end <= text.len());
                prop_assert!(text.is_char_boundary(edit.range.start) && text.is_char_boundary(edit.range.end));
            }
        }
    }
}
