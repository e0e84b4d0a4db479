//! Hayagriva's rendered entries tidied where they depart from CSL: a delimiter written
//! before an element that then rendered nothing, and a period doubled after a `?`, `!` or `.`.

use crate::render::Run;
use std::borrow::Cow;

/// Punctuation that a dangling delimiter's space can end up in front of.
const SPACE_SENSITIVE: [char; 4] = [':', ';', ',', '.'];

/// Closing quotation marks, looked through when a period follows terminal punctuation.
const CLOSING_QUOTES: [char; 5] = ['”', '’', '"', '\'', '»'];

/// What a style writes itself that tidying its output depends on, read once when the
/// style is loaded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StyleText {
    /// Whether the style writes whitespace before `:`, `;`, `,` or `.` itself (French
    /// styles' `" : "`), in an attribute that prints text (`delimiter`, `prefix`, `suffix`,
    /// `value`, and the like) or a term of its own. Then such a space is the style's, and
    /// [`drop_dangling_space`] is not used.
    pub spaced_punctuation: bool,
    /// Each `cs:label` of names: its prefix and suffix, and whether it asks for title case.
    pub labels: Vec<LabelCase>,
    /// The style's own terms (`cs:locale` in the style), every form and number.
    pub terms: Vec<String>,
}

/// A `cs:label` of a style: its affixes, and whether it has `text-case="title"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelCase {
    /// The label's prefix.
    pub prefix: String,
    /// The label's suffix.
    pub suffix: String,
    /// Whether the label is title-cased.
    pub title: bool,
}

impl StyleText {
    /// Read the style's XML (a style that cannot be read is taken to space its punctuation,
    /// so that nothing is dropped, and to have no labels).
    pub(crate) fn read(xml: &str) -> StyleText {
        let Ok(document) = roxmltree::Document::parse(xml) else {
            return StyleText {
                spaced_punctuation: true,
                labels: Vec::new(),
                terms: Vec::new(),
            };
        };
        let spaced = |s: &str| {
            let chars: Vec<char> = s.chars().collect();
            chars
                .windows(2)
                .any(|w| w[0].is_whitespace() && SPACE_SENSITIVE.contains(&w[1]))
        };
        let spaced_punctuation = document.descendants().any(|node| {
            node.attributes().any(|a| {
                matches!(
                    a.name(),
                    "delimiter"
                        | "prefix"
                        | "suffix"
                        | "value"
                        | "sort-separator"
                        | "range-delimiter"
                        | "after-collapse-delimiter"
                        | "cite-group-delimiter"
                        | "year-suffix-delimiter"
                        | "initialize-with"
                ) && spaced(a.value())
            }) || (node.is_text() && spaced(node.text().unwrap_or_default()))
        });
        let labels = document
            .descendants()
            // The labels of names (a label with a variable labels a number).
            .filter(|n| n.tag_name().name() == "label" && n.attribute("variable").is_none())
            .map(|n| LabelCase {
                prefix: n.attribute("prefix").unwrap_or_default().to_string(),
                suffix: n.attribute("suffix").unwrap_or_default().to_string(),
                title: n.attribute("text-case") == Some("title"),
            })
            .collect();
        let terms = document
            .descendants()
            .filter(|n| n.tag_name().name() == "term")
            .flat_map(|n| n.descendants().filter(|d| d.is_text()))
            .filter_map(|t| t.text())
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect();
        StyleText {
            spaced_punctuation,
            labels,
            terms,
        }
    }

    /// Whether `text`, written among names, is a label the style title-cases: a role term
    /// (`is_term`: `ed.`, `trans.`) with the affixes of a `cs:label`, and every label of the
    /// style with those affixes has `text-case="title"`.
    pub(crate) fn title_cases_label(&self, text: &str, is_term: impl Fn(&str) -> bool) -> bool {
        let matching: Vec<&LabelCase> = self
            .labels
            .iter()
            .filter(|l| {
                text.len() >= l.prefix.len() + l.suffix.len()
                    && text.starts_with(l.prefix.as_str())
                    && text.ends_with(l.suffix.as_str())
            })
            .collect();
        !matching.is_empty()
            && matching.iter().all(|l| l.title)
            && matching.iter().any(|l| {
                let core = &text[l.prefix.len()..text.len() - l.suffix.len()];
                is_term(core) || self.terms.iter().any(|t| t == core)
            })
    }
}

/// The text a style writes between rendered elements (a delimiter or an affix), with the
/// whitespace dropped that stands right before `:`, `;`, `,` or `.`: CSL writes a
/// delimiter only between non-empty pieces of output (CSL 1.0.2, "Delimiter"), and
/// hayagriva 0.10.1 writes a group's delimiter before an element that then renders nothing
/// (Chicago's journal volume followed by an empty issue group: `35 : 110–22`). The flag
/// says whether the text begins with such punctuation, so that the space ending the text
/// written before it dangles too. Only for styles that never write a space before that
/// punctuation themselves ([`StyleText::spaced_punctuation`]).
pub(crate) fn drop_dangling_space(text: &str) -> (Cow<'_, str>, bool) {
    let starts = text.starts_with(SPACE_SENSITIVE);
    if !text.contains(SPACE_SENSITIVE) {
        return (Cow::Borrowed(text), false);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if SPACE_SENSITIVE.contains(&c) {
            while out.ends_with(' ') {
                out.pop();
            }
        }
        out.push(c);
    }
    (Cow::Owned(out), starts)
}

/// `runs` with a period dropped where it follows a `?` or `!` (looking through closing
/// quotes) or a single period: the title `Power Struggle?` and the suffix `.` give
/// `Power Struggle?”`, as in the CSL test suite's `magic_PunctuationInQuoteTrueSuppressExtra`,
/// and `гг.` with `.` gives `гг.` (`bugreports_ContentPunctuationDuplicate1`). An ellipsis
/// (`...`) keeps its period, and so do periods followed by a letter or digit (`v1..v2`: the
/// text's own, not a join); links are left as they are.
pub(crate) fn drop_doubled_periods(runs: &mut [Run]) {
    if !runs.iter().any(|r| r.text.contains('.')) {
        return;
    }
    // Every character with its run; a link stands as one character nothing matches.
    let chars: Vec<(usize, char)> = runs
        .iter()
        .enumerate()
        .flat_map(|(i, r)| {
            let text: Vec<char> = match r.link {
                Some(_) => vec!['\u{0}'],
                None => r.text.chars().collect(),
            };
            text.into_iter().map(move |c| (i, c))
        })
        .collect();
    let mut dropped = vec![false; chars.len()];
    let mut k = 0;
    while k < chars.len() {
        if chars[k].1 != '.' {
            k += 1;
            continue;
        }
        let length = chars[k..].iter().take_while(|(_, c)| *c == '.').count();
        let mut before = k;
        while before > 0 && CLOSING_QUOTES.contains(&chars[before - 1].1) {
            before -= 1;
        }
        let quoted = before < k;
        let previous = before.checked_sub(1).map(|i| chars[i].1);
        let single_period_before =
            previous == Some('.') && before.checked_sub(2).is_none_or(|i| chars[i].1 != '.');
        // Where two pieces meet, the period is followed by a space, a closing mark or
        // nothing; periods followed by a letter or digit are the text's own (`v1..v2`).
        let joins = chars
            .get(k + length)
            .is_none_or(|&(_, c)| !c.is_alphanumeric());
        if length == 2 && joins {
            dropped[k + 1] = true;
        } else if length == 1
            && joins
            && (matches!(previous, Some('?' | '!')) || (quoted && single_period_before))
        {
            dropped[k] = true;
        }
        k += length;
    }
    if !dropped.contains(&true) {
        return;
    }
    let mut texts: Vec<String> = vec![String::new(); runs.len()];
    for ((run, c), gone) in chars.into_iter().zip(dropped) {
        if !gone && runs[run].link.is_none() {
            texts[run].push(c);
        }
    }
    for (run, text) in runs.iter_mut().zip(texts) {
        if run.link.is_none() {
            run.text = text;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Look;

    fn run(text: &str) -> Run {
        Run {
            text: text.into(),
            look: Look::default(),
            link: None,
        }
    }

    fn periods(parts: &[&str]) -> String {
        let mut runs: Vec<Run> = parts.iter().map(|p| run(p)).collect();
        drop_doubled_periods(&mut runs);
        runs.iter().map(|r| r.text.as_str()).collect()
    }

    #[test]
    fn a_period_after_a_question_mark_is_dropped_inside_and_outside_quotes() {
        assert_eq!(
            periods(&["“Clash or Power Struggle?.”", " Europe-Asia Studies"]),
            "“Clash or Power Struggle?” Europe-Asia Studies"
        );
        assert_eq!(
            periods(&["Power Struggle?", ". Journal"]),
            "Power Struggle? Journal"
        );
        assert_eq!(
            periods(&["“Article A?”", ". Journal B"]),
            "“Article A?” Journal B"
        );
        assert_eq!(periods(&["Yahoo!."]), "Yahoo!");
    }

    #[test]
    fn a_doubled_period_becomes_one_and_an_ellipsis_stays() {
        assert_eq!(
            periods(&["“Москва и регион в 1920–1930-е гг..”"]),
            "“Москва и регион в 1920–1930-е гг.”"
        );
        assert_eq!(periods(&["Jr.", ". Title"]), "Jr. Title");
        assert_eq!(periods(&["Wait...", " Then"]), "Wait... Then");
        assert_eq!(periods(&["“Wait...”", ". Then"]), "“Wait...”. Then");
        assert_eq!(periods(&["“Ibid.”", ". Then"]), "“Ibid.” Then");
        assert_eq!(
            periods(&["Smith, J. (1998). Title."]),
            "Smith, J. (1998). Title."
        );
    }

    #[test]
    fn periods_inside_a_text_are_its_own() {
        assert_eq!(
            periods(&["Versions v1..v2 compared", ". Journal"]),
            "Versions v1..v2 compared. Journal"
        );
        assert_eq!(periods(&["Why?.A question", "."]), "Why?.A question.");
        assert_eq!(periods(&["Title..", " Journal"]), "Title. Journal");
    }

    #[test]
    fn links_are_left_alone() {
        let mut runs = vec![
            run("Title?"),
            Run {
                text: ".https://x.org/a..b".into(),
                look: Look::default(),
                link: Some("https://x.org/a..b".into()),
            },
        ];
        drop_doubled_periods(&mut runs);
        assert_eq!(runs[1].text, ".https://x.org/a..b");
    }

    #[test]
    fn a_dangling_space_before_punctuation_is_dropped() {
        assert_eq!(drop_dangling_space(" : "), (Cow::Owned(": ".into()), false));
        assert_eq!(drop_dangling_space(": "), (Cow::Owned(": ".into()), true));
        assert_eq!(drop_dangling_space(" ("), (Cow::Borrowed(" ("), false));
        assert_eq!(drop_dangling_space(", "), (Cow::Owned(", ".into()), true));
    }

    #[test]
    fn styles_that_space_their_punctuation_are_recognised() {
        let french = r#"<style xmlns="http://purl.org/net/xbiblio/csl"><macro name="p"><group delimiter=" : "><text variable="publisher-place"/><text variable="publisher"/></group></macro></style>"#;
        let chicago = r#"<style xmlns="http://purl.org/net/xbiblio/csl"><macro name="p"><group delimiter=": "><text variable="publisher-place"/><text variable="publisher"/></group><group delimiter=" "><text variable="volume"/></group></macro></style>"#;
        assert!(StyleText::read(french).spaced_punctuation);
        assert!(!StyleText::read(chicago).spaced_punctuation);
    }

    #[test]
    fn labels_are_known_title_cased_only_when_every_label_with_their_affixes_is() {
        let style = r#"<style xmlns="http://purl.org/net/xbiblio/csl"><macro name="n">
            <names variable="editor"><name/><label form="short" prefix=" (" suffix=")" text-case="title"/></names>
            <names variable="translator"><label form="verb" suffix=" "/><name/></names>
            <names variable="director"><label form="verb-short" suffix=" " text-case="title"/><name/></names>
            <group><label variable="page" text-case="capitalize-first"/><text variable="page"/></group>
            </macro></style>"#;
        let text = StyleText::read(style);
        let term = |t: &str| ["ed.", "translated by", "dir."].contains(&t);
        assert!(text.title_cases_label(" (ed.)", term));
        assert!(!text.title_cases_label(" (et al.)", term));
        assert!(!text.title_cases_label("translated by ", term));
        assert!(!text.title_cases_label("dir. ", term));
        assert!(!text.title_cases_label("ed.", term));
    }
}
