//! The bibliography of a collection: the archival section written in each archive's
//! conventions, and the published sources rendered by the CSL engine, with a warning for
//! every entry the style cannot print properly.

use crate::collection::{Collection, PublishedSource};
use crate::item::to_item;
use crate::render::{fallback, Engine, Pass, RenderedEntry};
use crate::sections::{section_titles, SectionTitles};
use serde_json::Value;
use std::collections::HashMap;

/// One archival file as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedFile {
    /// An anchor for it (`archive-rgaspi-f-2-op-1-d-17663`).
    pub anchor: String,
    /// The file written in its repository's conventions.
    pub text: String,
}

/// One repository and its files, as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedRepository {
    /// The repository as most often written.
    pub name: String,
    /// Its files, in numeric order.
    pub files: Vec<ListedFile>,
}

/// A bibliography ready to write: section titles, archival sources, published sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The section titles in the locale's language.
    pub titles: SectionTitles,
    /// The archival sources, by repository.
    pub archival: Vec<ListedRepository>,
    /// The published sources, in the style's order.
    pub published: Vec<RenderedEntry>,
    /// What the reader of the output should know (entries rendered only in part).
    pub warnings: Vec<String>,
}

/// How to render the published sources of a collection.
pub trait Renderer {
    /// Render `items` (id and CSL item) into entries in the style's order.
    fn render(&self, items: &[(String, hayagriva::citationberg::json::Item)]) -> Pass;
}

impl Renderer for Engine<'_> {
    fn render(&self, items: &[(String, hayagriva::citationberg::json::Item)]) -> Pass {
        Engine::render(self, items)
    }
}

/// The bibliography of `collection`, its published sources rendered by `renderer`;
/// `locale` (the one asked for, else the style's) chooses the section titles.
pub fn bibliography(collection: &Collection, renderer: &dyn Renderer, locale: &str) -> Rendered {
    let mut warnings = Vec::new();
    let items: Vec<(String, hayagriva::citationberg::json::Item)> = collection
        .sources
        .iter()
        .map(|s| (s.id.clone(), to_item(&s.csl)))
        .collect();
    let mut pass = renderer.render(&items);
    for id in &pass.failed {
        warnings.push(format!(
            "`{id}`: the CSL engine could not render this entry; it is written from its own fields"
        ));
    }
    let by_id: HashMap<&str, usize> = items
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (id.as_str(), i))
        .collect();
    for entry in &mut pass.entries {
        if pass.failed.contains(&entry.id) {
            continue;
        }
        let Some(&i) = by_id.get(entry.id.as_str()) else {
            continue;
        };
        if entry.is_blank() {
            warnings.push(format!(
                "`{}` renders as nothing in this style: it is written from its own fields; add the fields the style prints (author, title, date)",
                entry.id
            ));
            *entry = fallback(entry.id.clone(), &items[i].1);
        } else if lacks_every_field(&collection.sources[i]) {
            warnings.push(format!(
                "`{}` has no author, editor, title or container title: it is rendered with what it has",
                entry.id
            ));
        }
    }
    Rendered {
        titles: section_titles(locale),
        archival: collection
            .repositories
            .iter()
            .map(|r| ListedRepository {
                name: r.name.clone(),
                files: r
                    .files
                    .iter()
                    .map(|f| {
                        let text = f.display(&r.name, r.convention);
                        ListedFile {
                            anchor: format!("archive-{}", slug(&text)),
                            text,
                        }
                    })
                    .collect(),
            })
            .collect(),
        published: pass.entries,
        warnings,
    }
}

/// Whether a source has none of the fields styles print first.
fn lacks_every_field(source: &PublishedSource) -> bool {
    let present = |k: &str| match source.csl.get(k) {
        Some(Value::String(s)) => !s.trim().is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Null) | None => false,
        Some(_) => true,
    };
    !["author", "editor", "translator", "title", "container-title"]
        .iter()
        .any(|k| present(k))
}

/// An anchor-safe form of `text`: letters and digits (transliterated), `-` between.
pub fn slug(text: &str) -> String {
    let folded = crate::archive::fold(text);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}
