//! The words the formatter writes: locator label forms and recto/verso marks per language,
//! read once from `data/labels.tsv` and `data/sides.tsv`, and the language of a written label.

use ibid_parse::{LocatorLabel, Side};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A language whose locator conventions the formatter knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English.
    En,
    /// French.
    Fr,
    /// German.
    De,
    /// Russian, in Cyrillic.
    Ru,
    /// Russian archival references transliterated to Latin (`f. 2, op. 1, d. 17663, l. 1`).
    RuLatn,
}

impl Lang {
    /// Every language, in the order ties are broken when nothing else decides.
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Fr, Lang::De, Lang::Ru, Lang::RuLatn];

    /// The tag used in the data files.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Ru => "ru",
            Lang::RuLatn => "ru-Latn",
        }
    }

    /// The language of a BCP 47 tag (`ru`, `en-GB`, `de-AT`), by its primary subtag.
    pub fn from_bcp47(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            "de" => Some(Lang::De),
            "ru" => Some(Lang::Ru),
            _ => None,
        }
    }

    fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.tag() == tag)
    }

    /// Whether the language writes its labels with a capital whatever their position
    /// (German nouns and their abbreviations: `S.`, `Bd.`, `Seite`).
    pub fn capitalises_labels(self) -> bool {
        self == Lang::De
    }
}

/// The four forms of one label in one language; `None` where the language has no such form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelForms {
    /// The language.
    pub lang: Lang,
    /// The label.
    pub label: LocatorLabel,
    /// `p.`
    pub short: Option<String>,
    /// `pp.`
    pub short_plural: Option<String>,
    /// `page`
    pub long: Option<String>,
    /// `pages`
    pub long_plural: Option<String>,
}

impl LabelForms {
    /// Every form with its (long, plural) flags.
    pub fn all(&self) -> impl Iterator<Item = (&str, bool, bool)> {
        [
            (&self.short, false, false),
            (&self.short_plural, false, true),
            (&self.long, true, false),
            (&self.long_plural, true, true),
        ]
        .into_iter()
        .filter_map(|(form, long, plural)| form.as_deref().map(|f| (f, long, plural)))
    }

    /// The form to write.
    pub fn pick(&self, long: bool, plural: bool) -> Option<&str> {
        match (long, plural) {
            (false, false) => self.short.as_deref(),
            (false, true) => self.short_plural.as_deref(),
            (true, false) => self.long.as_deref(),
            (true, true) => self.long_plural.as_deref(),
        }
    }
}

/// One recto/verso mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideMark {
    /// The language.
    pub lang: Lang,
    /// Recto or verso.
    pub side: Side,
    /// The long form (`verso`) rather than the short (`v`, `об.`).
    pub long: bool,
    /// The mark.
    pub text: String,
    /// Written straight after the number (`4v`) rather than after a space (`5 об.`).
    pub tight: bool,
    /// Whether this is the form the formatter writes (the first row of its kind).
    pub preferred: bool,
}

/// The tables, read from the data files once.
pub struct Tables {
    /// Every label's forms per language.
    pub labels: Vec<LabelForms>,
    /// Every recto/verso mark, longest first.
    pub sides: Vec<SideMark>,
    /// What the label forms say about each label and form as [`normalise`]d, computed once
    /// from `labels` (a form is looked up for every locator checked).
    written: HashMap<LocatorLabel, HashMap<String, Written>>,
}

/// Data rows: non-empty lines that are not comments, split at tabs.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn cell(text: &str) -> Option<String> {
    (text != "-").then(|| text.to_owned())
}

fn side_named(name: &str) -> Option<Side> {
    match name {
        "recto" => Some(Side::Recto),
        "verso" => Some(Side::Verso),
        _ => None,
    }
}

/// The tables (a malformed row of the shipped data is a bug, caught by the tests).
pub fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let labels: Vec<LabelForms> = rows(include_str!("../data/labels.tsv"))
            .filter_map(|r| {
                Some(LabelForms {
                    lang: Lang::from_tag(r.first()?)?,
                    label: LocatorLabel::from_name(r.get(1)?)?,
                    short: cell(r.get(2)?),
                    short_plural: cell(r.get(3)?),
                    long: cell(r.get(4)?),
                    long_plural: cell(r.get(5)?),
                })
            })
            .collect();
        let mut sides: Vec<SideMark> = Vec::new();
        for r in rows(include_str!("../data/sides.tsv")) {
            let (Some(lang), Some(side), Some(form), Some(text), Some(join)) = (
                r.first().and_then(|t| Lang::from_tag(t)),
                r.get(1).and_then(|s| side_named(s)),
                r.get(2),
                r.get(3),
                r.get(4),
            ) else {
                continue;
            };
            let long = *form == "long";
            let preferred = !sides
                .iter()
                .any(|m| m.lang == lang && m.side == side && m.long == long);
            sides.push(SideMark {
                lang,
                side,
                long,
                text: (*text).to_owned(),
                tight: *join == "tight",
                preferred,
            });
        }
        sides.sort_by_key(|m| std::cmp::Reverse(m.text.len()));
        let written = written_forms(&labels);
        Tables {
            labels,
            sides,
            written,
        }
    })
}

/// A written label normalised for comparison: lower case, no spaces, `°`/`º` as `ᵒ`, no
/// final full stop. Borrowed from `word` when only the full stop goes (`p.`, `ll.`, `л.`),
/// as most labels are written.
pub fn normalise(word: &str) -> Cow<'_, str> {
    if word.chars().all(kept_as_is) {
        return Cow::Borrowed(word.strip_suffix('.').unwrap_or(word));
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' => {}
            '°' | 'º' => out.push('ᵒ'),
            c => out.extend(c.to_lowercase()),
        }
    }
    if out.ends_with('.') {
        out.pop();
    }
    Cow::Owned(out)
}

/// Whether [`normalise`] keeps `c` as it is: no space, no degree sign, its own lower case.
fn kept_as_is(c: char) -> bool {
    !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '°' | 'º') && c.to_lowercase().eq([c])
}

/// What the tables say about a label as written: the languages that write it so, and
/// whether the written form is a long one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Written {
    /// The languages with this form for this label, in [`Lang::ALL`] order.
    pub langs: Vec<Lang>,
    /// Whether it is a long form (`page`) in those languages.
    pub long: bool,
}

/// What the forms of `labels` say about each label and normalised form: the languages that
/// write it so (each once, sorted) and whether the last of them writes it long.
fn written_forms(labels: &[LabelForms]) -> HashMap<LocatorLabel, HashMap<String, Written>> {
    let mut written: HashMap<LocatorLabel, HashMap<String, Written>> = HashMap::new();
    for forms in labels {
        for (form, long, _) in forms.all() {
            let found = written
                .entry(forms.label)
                .or_default()
                .entry(normalise(form).into_owned())
                .or_default();
            if !found.langs.contains(&forms.lang) {
                found.langs.push(forms.lang);
                found.long = long;
            }
        }
    }
    for found in written.values_mut().flat_map(HashMap::values_mut) {
        found.langs.sort();
    }
    written
}

/// Look `written` up among the forms of `label`: `None` when no language writes it so.
pub fn written_form(label: LocatorLabel, written: &str) -> Option<&'static Written> {
    tables()
        .written
        .get(&label)?
        .get(normalise(written).as_ref())
}

/// The forms of `label` in `lang`.
pub fn forms_of(label: LocatorLabel, lang: Lang) -> Option<&'static LabelForms> {
    tables()
        .labels
        .iter()
        .find(|f| f.label == label && f.lang == lang)
}

/// Whether `text` is written in Cyrillic (its first letter is).
pub fn is_cyrillic(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

/// The language of a label as written: the one language that writes it so; among several,
/// the context's language when it is one of them, else the first; a form the tables do not
/// know goes by its script (Cyrillic is Russian) and the context.
pub fn label_language(
    label: LocatorLabel,
    written: &str,
    context: Option<Lang>,
    archival: bool,
) -> Option<Lang> {
    let langs = written_form(label, written).map_or(&[][..], |found| &found.langs);
    if let [only] = langs {
        return Some(*only);
    }
    if !langs.is_empty() {
        if let Some(c) = context.filter(|c| langs.contains(c)) {
            return Some(c);
        }
        return langs.first().copied();
    }
    let cyrillic = is_cyrillic(written);
    if cyrillic {
        return Some(Lang::Ru);
    }
    if archival && forms_of(label, Lang::RuLatn).is_some() {
        return Some(Lang::RuLatn);
    }
    match context {
        Some(Lang::Ru) | None => Some(Lang::En),
        Some(other) => Some(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_read() {
        let data_rows = rows(include_str!("../data/labels.tsv")).count();
        assert_eq!(
            tables().labels.len(),
            data_rows,
            "a malformed row in labels.tsv"
        );
        let side_rows = rows(include_str!("../data/sides.tsv")).count();
        assert_eq!(
            tables().sides.len(),
            side_rows,
            "a malformed row in sides.tsv"
        );
    }

    /// `form value` in the context it is written in: archival levels inside a chain.
    fn read_back(lang: Lang, label: LocatorLabel, form: &str, value: &str) -> Vec<LocatorLabel> {
        use LocatorLabel::*;
        let me = format!("{form} {value}");
        let (f, op, d) = if lang == Lang::Ru {
            ("ф. 1", "оп. 2", "д. 3")
        } else {
            ("f. 1", "op. 2", "d. 3")
        };
        let chain = match label {
            Fond => Some(format!("{me}, {op}, {d}")),
            Inventory => Some(format!("{f}, {me}, {d}")),
            File => Some(format!("{f}, {op}, {me}")),
            Folio if lang == Lang::RuLatn => Some(format!("{f}, {op}, {d}, {me}")),
            _ => None,
        };
        match chain {
            Some(chain) => {
                let text = format!("RGASPI, {chain}");
                let parsed = ibid_parse::parse_archival(&text);
                parsed
                    .value
                    .iter()
                    .flat_map(|a| &a.locators)
                    .filter(|l| l.label == label || l.span.slice(&text).starts_with(form))
                    .map(|l| l.label)
                    .collect()
            }
            None => {
                let parsed = ibid_parse::parse_locators(&me);
                if !parsed.errors.is_empty() {
                    return Vec::new();
                }
                parsed.value.iter().map(|l| l.label).collect()
            }
        }
    }

    #[test]
    fn every_label_form_reads_back_as_its_label() {
        let mut wrong = Vec::new();
        for forms in &tables().labels {
            for (form, _, plural) in forms.all() {
                let value = if plural { "3–5" } else { "3" };
                let labels = read_back(forms.lang, forms.label, form, value);
                if labels != [forms.label] {
                    wrong.push(format!(
                        "{} `{form} {value}` reads as {labels:?}, not {}",
                        forms.lang.tag(),
                        forms.label
                    ));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn normalised_forms_borrow_only_what_needs_no_change() {
        use std::borrow::Cow::{Borrowed, Owned};
        assert!(matches!(normalise("pp."), Borrowed("pp")));
        assert!(matches!(normalise("л."), Borrowed("л")));
        assert!(matches!(normalise("nᵒ"), Borrowed("nᵒ")));
        assert_eq!(normalise("С."), Owned::<str>("с".to_owned()));
        assert_eq!(normalise("N°"), Owned::<str>("nᵒ".to_owned()));
        assert_eq!(normalise("ed. khr."), Owned::<str>("ed.khr".to_owned()));
        assert_eq!(normalise("p. "), Owned::<str>("p".to_owned()));
        // Every form of the tables reads the same both ways.
        for forms in &tables().labels {
            for (form, _, _) in forms.all() {
                let slow: String = form
                    .chars()
                    .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
                    .flat_map(|c| match c {
                        '°' | 'º' => 'ᵒ'.to_lowercase(),
                        c => c.to_lowercase(),
                    })
                    .collect();
                let slow = slow.strip_suffix('.').unwrap_or(&slow);
                assert_eq!(normalise(form), slow, "{form}");
            }
        }
    }

    #[test]
    fn languages_of_written_labels() {
        use LocatorLabel::*;
        assert_eq!(label_language(Page, "С.", None, false), Some(Lang::Ru));
        assert_eq!(label_language(Page, "S.", None, false), Some(Lang::De));
        assert_eq!(label_language(Page, "Seite", None, false), Some(Lang::De));
        assert_eq!(
            label_language(Page, "p.", Some(Lang::Fr), false),
            Some(Lang::Fr)
        );
        assert_eq!(
            label_language(Page, "p.", Some(Lang::Ru), false),
            Some(Lang::En)
        );
        assert_eq!(label_language(Page, "pages", None, false), Some(Lang::En));
        assert_eq!(label_language(Fond, "f.", None, true), Some(Lang::RuLatn));
        assert_eq!(label_language(Folio, "l.", None, true), Some(Lang::RuLatn));
        assert_eq!(label_language(Page, "стр.", None, false), Some(Lang::Ru));
        assert_eq!(label_language(Page, "pg.", None, false), Some(Lang::En));
        assert_eq!(Lang::from_bcp47("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_bcp47("hy"), None);
    }
}
