//! Rendering entries with hayagriva's CSL engine: one `BibliographyDriver` run over a set of
//! entries, its output flattened into formatted runs of text that every output format
//! writes. A panic inside the engine never escapes: the entries are then rendered one by
//! one, and an entry the engine cannot render at all is written from its own fields.

use crate::dates::extend_year_range;
use crate::item::rejoin_family_names;
use crate::style::{LoadedStyle, StyleText};
use crate::tidy::{drop_dangling_space, drop_doubled_periods};
use crate::title_case::{corrections, is_english, retitle, retitle_labels};
use hayagriva::citationberg::json::Item;
use hayagriva::citationberg::{
    Display, FontStyle, FontVariant, FontWeight, Locale, LocaleCode, TextDecoration, VerticalAlign,
};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, ElemChild,
    ElemChildren, ElemMeta, Formatting,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// How a run of text is set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Look {
    /// Italic (or oblique).
    pub italic: bool,
    /// Bold.
    pub bold: bool,
    /// Small capitals.
    pub small_caps: bool,
    /// Underlined.
    pub underline: bool,
    /// Superscript.
    pub superscript: bool,
    /// Subscript.
    pub subscript: bool,
}

impl Look {
    fn of(f: &Formatting) -> Look {
        Look {
            italic: matches!(f.font_style, FontStyle::Italic),
            bold: matches!(f.font_weight, FontWeight::Bold),
            small_caps: matches!(f.font_variant, FontVariant::SmallCaps),
            underline: matches!(f.text_decoration, TextDecoration::Underline),
            superscript: matches!(f.vertical_align, VerticalAlign::Sup),
            subscript: matches!(f.vertical_align, VerticalAlign::Sub),
        }
    }
}

/// A piece of rendered text, set one way, perhaps a link.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Run {
    /// The text.
    pub text: String,
    /// How it is set.
    pub look: Look,
    /// Where it links to, if it is a link.
    pub link: Option<String>,
}

/// One entry as the style prints it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RenderedEntry {
    /// The entry's id.
    pub id: String,
    /// The first field set apart (`[1]` in numeric styles), when the style aligns it.
    pub label: Vec<Run>,
    /// The entry.
    pub body: Vec<Run>,
}

impl RenderedEntry {
    /// The entry as plain text (label, a space, body).
    pub fn plain(&self) -> String {
        let body: String = self.body.iter().map(|r| r.text.as_str()).collect();
        if self.label.is_empty() {
            body
        } else {
            let label: String = self.label.iter().map(|r| r.text.as_str()).collect();
            format!("{label} {body}")
        }
    }

    /// Whether the engine printed nothing but punctuation for it.
    pub fn is_blank(&self) -> bool {
        !self
            .body
            .iter()
            .any(|r| r.text.chars().any(char::is_alphanumeric))
    }
}

/// A style with the locale to render it in.
#[derive(Debug, Clone, Copy)]
pub struct Engine<'a> {
    /// The style.
    pub style: &'a LoadedStyle,
    /// The locale asked for, else the style's own.
    pub locale: Option<&'a LocaleCode>,
    /// The CSL locale files.
    pub locales: &'a [Locale],
}

/// What rendering a set of entries gave: the entries in the style's order, and whether the
/// engine had to be worked around.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pass {
    /// The entries, in the style's order.
    pub entries: Vec<RenderedEntry>,
    /// Ids of the entries the engine could not render (written from their own fields).
    pub failed: Vec<String>,
}

impl Engine<'_> {
    /// Render `items` (each with its id) as one bibliography, in the style's order.
    pub fn render(&self, items: &[(String, Item)]) -> Pass {
        let refs: Vec<&(String, Item)> = items.iter().collect();
        self.render_refs(&refs)
    }

    /// [`Engine::render`] for borrowed entries.
    pub fn render_refs(&self, items: &[&(String, Item)]) -> Pass {
        if items.is_empty() {
            return Pass {
                entries: Vec::new(),
                failed: Vec::new(),
            };
        }
        match catch_unwind(AssertUnwindSafe(|| self.drive(items))) {
            Ok(entries) => Pass {
                entries,
                failed: Vec::new(),
            },
            // The engine failed on the set: find the entries it fails on, one at a time.
            Err(_) => {
                let mut good = Vec::new();
                let mut failed = Vec::new();
                for item in items {
                    let alone = std::slice::from_ref(item);
                    match catch_unwind(AssertUnwindSafe(|| self.drive(alone))) {
                        Ok(_) => good.push(*item),
                        Err(_) => failed.push(item),
                    }
                }
                let mut entries = catch_unwind(AssertUnwindSafe(|| self.drive(&good)))
                    .unwrap_or_else(|_| Vec::new());
                let ids = failed.iter().map(|(id, _)| id.clone()).collect();
                entries.extend(
                    failed
                        .into_iter()
                        .map(|(id, item)| fallback(id.clone(), item)),
                );
                Pass {
                    entries,
                    failed: ids,
                }
            }
        }
    }

    /// One driver run: a citation per entry, then the bibliography (or, for a style without
    /// one, the citations in order).
    fn drive(&self, items: &[&(String, Item)]) -> Vec<RenderedEntry> {
        let csl = &self.style.csl;
        let spaced = self.style.text.spaced_punctuation;
        let locale = self.locale.cloned();
        let mut driver = BibliographyDriver::new();
        for (_, item) in items {
            driver.citation(CitationRequest::new(
                vec![CitationItem::with_entry(item)],
                csl,
                locale.clone(),
                self.locales,
                None,
            ));
        }
        let rendered = driver.finish(BibliographyRequest {
            style: csl,
            locale,
            locale_files: self.locales,
        });
        let by_id: HashMap<&str, &Item> =
            items.iter().map(|(id, item)| (id.as_str(), item)).collect();
        match rendered.bibliography {
            Some(bibliography) => bibliography
                .items
                .into_iter()
                .map(|mut item| {
                    if let Some(source) = by_id.get(item.key.as_str()) {
                        correct(&mut item.content, source, &self.style.text);
                    }
                    RenderedEntry {
                        id: item.key,
                        label: item
                            .first_field
                            .map(|f| runs(&ElemChildren(vec![f]), spaced))
                            .unwrap_or_default(),
                        body: runs(&item.content, spaced),
                    }
                })
                .collect(),
            None => items
                .iter()
                .copied()
                .zip(rendered.citations)
                .map(|((id, source), mut citation)| {
                    correct(&mut citation.citation, source, &self.style.text);
                    RenderedEntry {
                        id: id.clone(),
                        label: Vec::new(),
                        body: runs(&citation.citation, spaced),
                    }
                })
                .collect(),
        }
    }
}

/// The corrections of hayagriva's rendering of `source` that need the item: CSL title case
/// for its titles and the style's title-cased labels ([`crate::title_case`]), a range of
/// years put back ([`crate::dates`]), family names joined for the engine split again.
/// (Those that need only the text are made as the runs are flattened, [`runs`].)
fn correct(content: &mut ElemChildren, source: &Item, style: &StyleText) {
    let corrections = corrections(source);
    if !corrections.is_empty() {
        retitle(content, &corrections);
    }
    if !is_english(source) {
        retitle_labels(content, style);
    }
    extend_year_range(content, source);
    rejoin_family_names(content, source);
}

/// An entry the engine cannot render (or renders as nothing), written from its own
/// fields: names, titles, publisher, note, year; its id when it has none.
pub(crate) fn fallback(id: String, item: &Item) -> RenderedEntry {
    use hayagriva::citationberg::json::{NameValue, Value};
    let mut parts: Vec<String> = Vec::new();
    if let Some(Value::Names(names)) = item.0.get("author").or_else(|| item.0.get("editor")) {
        let list: Vec<String> = names
            .iter()
            .map(|n| match n {
                NameValue::Literal(l) => l.literal.clone(),
                NameValue::Item(i) => match &i.given {
                    Some(g) => format!("{}, {g}", i.family),
                    None => i.family.clone(),
                },
            })
            .collect();
        parts.push(list.join("; "));
    }
    for key in ["title", "container-title", "publisher", "note"] {
        if let Some(v) = item.0.get(key).and_then(|v| v.to_str()) {
            parts.push(v.into_owned());
        }
    }
    if let Some(Value::Date(d)) = item.0.get("issued") {
        let range: hayagriva::citationberg::json::VecDateRange = d.clone().into();
        if let Some(year) = range.0.first().and_then(|d| d.0.first()) {
            parts.push(year.to_string());
        }
    }
    if parts.is_empty() {
        parts.push(id.clone());
    }
    let mut text = parts.join(". ");
    if !text.ends_with('.') {
        text.push('.');
    }
    RenderedEntry {
        id,
        label: Vec::new(),
        body: vec![Run {
            text,
            look: Look::default(),
            link: None,
        }],
    }
}

/// The runs of rendered elements, adjacent runs set alike joined, tidied where hayagriva
/// departs from CSL ([`crate::tidy`]). `spaced`: the style writes a space before `:`, `;`,
/// `,` or `.` itself, so such a space is never dropped.
pub(crate) fn runs(children: &ElemChildren, spaced: bool) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    flatten(&children.0, &mut out, !spaced);
    drop_doubled_periods(&mut out);
    out.retain(|r| !r.text.is_empty());
    out
}

fn push(out: &mut Vec<Run>, text: &str, look: Look, link: Option<&str>) {
    if text.is_empty() {
        return;
    }
    if let Some(last) = out.last_mut() {
        if last.look == look && last.link.is_none() && link.is_none() {
            last.text.push_str(text);
            return;
        }
    }
    out.push(Run {
        text: text.to_string(),
        look,
        link: link.map(str::to_string),
    });
}

/// Whether an element holds a variable's (or a name's, a date's, a label's) output rather
/// than text the style writes between elements.
fn holds_data(meta: &Option<ElemMeta>) -> bool {
    meta.is_some() && !matches!(meta, Some(ElemMeta::Entry(_)))
}

/// Flatten `children` into `out`. `tidy_literals`: drop a dangling delimiter's space in
/// the style's own text (not in any variable's).
fn flatten(children: &[ElemChild], out: &mut Vec<Run>, tidy_literals: bool) {
    for child in children {
        match child {
            ElemChild::Text(t) if tidy_literals => {
                let (text, dangles_before) = drop_dangling_space(&t.text);
                if dangles_before {
                    if let Some(last) = out.last_mut().filter(|r| r.link.is_none()) {
                        let kept = last.text.trim_end_matches(' ').len();
                        last.text.truncate(kept);
                    }
                }
                push(out, &text, Look::of(&t.formatting), None)
            }
            ElemChild::Text(t) => push(out, &t.text, Look::of(&t.formatting), None),
            ElemChild::Markup(m) => push(out, m, Look::default(), None),
            ElemChild::Link { text, url } => {
                push(out, &text.text, Look::of(&text.formatting), Some(url))
            }
            ElemChild::Transparent { .. } => {}
            ElemChild::Elem(e) => {
                flatten(&e.children.0, out, tidy_literals && !holds_data(&e.meta));
                // A block in an entry (a label set in the margin) is followed by a space.
                if matches!(e.display, Some(Display::LeftMargin | Display::Block))
                    && !out
                        .last()
                        .is_some_and(|r| r.text.ends_with(char::is_whitespace))
                {
                    push(out, " ", Look::default(), None);
                }
            }
        }
    }
}
