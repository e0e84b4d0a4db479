//! The chain of witnesses of a document (archival original, printed edition, translation,
//! web edition) and the typed derivations between them, derived from the front matter.

use crate::bib::Bibliography;
use crate::model::{Document, Source, Text};
use crate::works::{normalise, EntryIndex, WorkIdentity};
use ibid_parse::{ArchivalReference, Name};
use serde::Serialize;

/// What a witness is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WitnessKind {
    /// The archival original (the manuscript, typescript, telegram).
    Original,
    /// The printed edition that published it.
    Edition,
    /// The translation this text is.
    Translation,
    /// The web edition the text was taken from.
    WebEdition,
}

impl WitnessKind {
    /// The short id of the witness within its document (`original`, `edition`, ...).
    pub fn id(self) -> &'static str {
        match self {
            WitnessKind::Original => "original",
            WitnessKind::Edition => "edition",
            WitnessKind::Translation => "translation",
            WitnessKind::WebEdition => "web",
        }
    }
}

/// How one witness was made from another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DerivationKind {
    /// The text was transcribed in full.
    Transcription,
    /// Part of the text was transcribed (the edition marks omissions, or `excerpt = true`).
    Excerpt,
    /// The text was translated.
    Translation,
    /// The text was copied unchanged.
    Copy,
}

impl DerivationKind {
    /// The name used in exports (`transcription`, ...).
    pub fn name(self) -> &'static str {
        match self {
            DerivationKind::Transcription => "transcription",
            DerivationKind::Excerpt => "excerpt",
            DerivationKind::Translation => "translation",
            DerivationKind::Copy => "copy",
        }
    }
}

/// The part a person or body played.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Wrote the original.
    Author,
    /// Made marks or notes on the original.
    Hand,
    /// Author or editor of the edition.
    Editor,
    /// Translated the text.
    Translator,
}

/// A person or body involved in a witness.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Agent {
    /// The name as written (or the hand's label).
    pub name: String,
    /// The part played.
    pub role: Role,
    /// The hand id, for hands.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hand: Option<String>,
}

/// One witness of the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Witness {
    /// What it is.
    pub kind: WitnessKind,
    /// A readable label (the title, the edition's title, the URL).
    pub label: String,
    /// Its language, when known.
    pub language: Option<String>,
    /// Its date as written, when known.
    pub date: Option<String>,
    /// The citation as written (archive reference, edition reference, URL).
    pub citation: Option<String>,
    /// An id shared by every document that cites the same edition (the bibliography key,
    /// or the reference without its pinpoint); `None` for witnesses of one document.
    pub shared: Option<String>,
    /// People and bodies involved.
    pub agents: Vec<Agent>,
}

/// One derivation: `to` was made from `from`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Derivation {
    /// How.
    pub kind: DerivationKind,
    /// The index of the witness it was made from.
    pub from: usize,
    /// The index of the witness made.
    pub to: usize,
    /// Who made it.
    pub agents: Vec<Agent>,
    /// When, as written.
    pub date: Option<String>,
}

/// The witnesses of a document in order, original first, and the derivations between them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WitnessChain {
    /// The witnesses.
    pub witnesses: Vec<Witness>,
    /// The derivations, each from an earlier witness to a later one.
    pub derivations: Vec<Derivation>,
}

fn text(t: &Option<Text>) -> Option<String> {
    t.as_ref().map(|t| t.text.clone())
}

fn names(names: &[Name], input: &str, role: Role) -> Vec<Agent> {
    names
        .iter()
        .map(|n| Agent {
            name: n.span().slice(input).to_string(),
            role,
            hand: None,
        })
        .collect()
}

impl Document {
    /// The chain of witnesses this document describes.
    pub fn witnesses(&self) -> WitnessChain {
        self.witnesses_with(None)
    }

    /// The chain of witnesses, with a keyed edition described from `bib` (its title and
    /// people) when the entry is there.
    pub fn witnesses_with(&self, bib: Option<&Bibliography>) -> WitnessChain {
        let mut witnesses = Vec::new();
        let mut derivations = Vec::new();
        let source = self.source.as_ref();
        let translation = self.translation.as_ref();
        let original_language = translation
            .and_then(|t| text(&t.from))
            .or_else(|| source.and_then(|s| text(&s.language)))
            .or_else(|| text(&self.language));
        let mut agents: Vec<Agent> = self
            .author
            .iter()
            .map(|a| Agent {
                name: a.text.clone(),
                role: Role::Author,
                hand: None,
            })
            .collect();
        agents.extend(self.hands.iter().map(|h| Agent {
            name: h.name.text.clone(),
            role: Role::Hand,
            hand: Some(h.id.name.clone()),
        }));
        witnesses.push(Witness {
            kind: WitnessKind::Original,
            label: translation
                .and_then(|t| text(&t.original_title))
                .or_else(|| text(&self.title))
                .unwrap_or_else(|| self.id.clone()),
            language: original_language.clone(),
            date: self.date.as_ref().map(|d| d.written.text.clone()),
            citation: source.and_then(|s| {
                text(&s.archive).or_else(|| {
                    s.cited_archive()
                        .and_then(|_| s.cite.as_ref().map(|c| c.text.clone()))
                })
            }),
            shared: None,
            agents,
        });
        let excerpt = source
            .and_then(|s| s.excerpt)
            .map_or(!self.body.marks.omissions.is_empty(), |e| e.value);
        let copy_kind = if excerpt {
            DerivationKind::Excerpt
        } else {
            DerivationKind::Transcription
        };
        if let Some(s) = source.filter(|s| s.cites_edition()) {
            let (label, shared, agents) = edition_identity(s, bib);
            let citation = match (&s.cite, &s.key, &s.locator) {
                (Some(c), _, _) => Some(c.text.clone()),
                (None, Some(k), Some(l)) => Some(format!("@{}, {}", k.text, l.text)),
                (None, Some(k), None) => Some(format!("@{}", k.text)),
                _ => None,
            };
            witnesses.push(Witness {
                kind: WitnessKind::Edition,
                label,
                language: text(&s.language).or_else(|| original_language.clone()),
                date: s.reference.as_ref().and_then(|r| {
                    let cite = s.cite.as_ref()?;
                    r.value
                        .issued
                        .as_ref()
                        .map(|d| d.span.slice(&cite.text).to_string())
                }),
                citation,
                shared: Some(shared),
                agents,
            });
            derivations.push(Derivation {
                kind: copy_kind,
                from: 0,
                to: 1,
                agents: Vec::new(),
                date: None,
            });
        }
        if let Some(t) = translation {
            let from = witnesses.len() - 1;
            let translators: Vec<Agent> =
                t.by.iter()
                    .map(|b| Agent {
                        name: b.text.clone(),
                        role: Role::Translator,
                        hand: None,
                    })
                    .collect();
            let date = t.date.as_ref().map(|d| d.written.text.clone());
            witnesses.push(Witness {
                kind: WitnessKind::Translation,
                label: text(&self.title).unwrap_or_else(|| self.id.clone()),
                language: text(&t.to).or_else(|| text(&self.language)),
                date: date.clone(),
                citation: None,
                shared: None,
                agents: translators.clone(),
            });
            derivations.push(Derivation {
                kind: if from == 0 && excerpt {
                    DerivationKind::Excerpt
                } else {
                    DerivationKind::Translation
                },
                from,
                to: witnesses.len() - 1,
                agents: translators,
                date,
            });
        }
        if let Some(url) = source.and_then(|s| s.url.as_ref()) {
            let from = witnesses.len() - 1;
            witnesses.push(Witness {
                kind: WitnessKind::WebEdition,
                label: url.text.clone(),
                language: self.text_language().map(str::to_string),
                date: source
                    .and_then(|s| s.accessed.as_ref())
                    .map(|d| d.written.text.clone()),
                citation: Some(url.text.clone()),
                shared: None,
                agents: Vec::new(),
            });
            derivations.push(Derivation {
                kind: DerivationKind::Copy,
                from,
                to: witnesses.len() - 1,
                agents: Vec::new(),
                date: None,
            });
        }
        WitnessChain {
            witnesses,
            derivations,
        }
    }
}

impl Source {
    /// The archival reference `cite` is, when it names an archive (`RGASPI, f. 17, op. 3,
    /// d. 140, l. 2`) rather than a publication: then the text was taken from the original.
    pub fn cited_archive(&self) -> Option<&ArchivalReference> {
        if self.key.is_some() {
            return None;
        }
        let r = &self.reference.as_ref()?.value;
        if r.title.is_some() || r.container_title.is_some() || !r.authors.names.is_empty() {
            return None;
        }
        r.archive
            .as_ref()
            .filter(|a| a.repository.is_some() || !a.locators.is_empty())
    }

    /// Whether the source names a publication (an edition witness): a `key`, or a `cite`
    /// that is not an archival reference.
    pub fn cites_edition(&self) -> bool {
        self.key.is_some() || (self.cite.is_some() && self.cited_archive().is_none())
    }

    /// The bibliography entry the source names: its `key`, or the one entry `cite` matches
    /// by first author and title. The flag is `true` when the entry was matched, not named.
    pub fn edition_key(&self, bib: Option<&Bibliography>) -> Option<(String, bool)> {
        match &self.key {
            Some(k) => Some((k.text.clone(), false)),
            None => bib.and_then(|b| matching_entry(self, b)).map(|k| (k, true)),
        }
    }
}

/// The key of the bibliography entry a `cite` names (see [`EntryIndex::find`]).
fn matching_entry(s: &Source, bib: &Bibliography) -> Option<String> {
    let identity = WorkIdentity::of(s)?;
    EntryIndex::new(bib).find(&identity).map(str::to_owned)
}

/// The label, shared id and people of the edition a `[source]` cites: a bibliography entry
/// when `key` names one or `cite` matches exactly one, else the parsed citation.
fn edition_identity(s: &Source, bib: Option<&Bibliography>) -> (String, String, Vec<Agent>) {
    let keyed = s.edition_key(bib).map(|(key, _)| key);
    if let Some(key) = keyed {
        let shared = format!("key:{key}");
        let Some(entry) = bib.and_then(|b| b.get(&key)) else {
            return (key, shared, Vec::new());
        };
        let label = entry
            .item
            .title
            .as_deref()
            .map_or_else(|| key.clone(), str::to_string);
        let agents = entry
            .item
            .author
            .iter()
            .chain(&entry.item.editor)
            .map(|n| Agent {
                name: n.literal.as_deref().map(str::to_string).unwrap_or_else(|| {
                    let family = [n.particle.as_deref(), n.family.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" ");
                    match n.given.as_deref() {
                        Some(given) => format!("{family}, {given}"),
                        None => family,
                    }
                }),
                role: Role::Editor,
                hand: None,
            })
            .collect();
        return (label, shared, agents);
    }
    let Some(cite) = &s.cite else {
        return (String::new(), String::new(), Vec::new());
    };
    let input = cite.text.as_str();
    let mut agents = Vec::new();
    let mut label = cite.text.clone();
    let mut shared = normalise(input);
    if let Some(parsed) = &s.reference {
        let r = &parsed.value;
        agents.extend(names(&r.authors.names, input, Role::Editor));
        agents.extend(names(&r.editors.names, input, Role::Editor));
        // The edition without its pinpoint: cut the text at the first locator.
        if let Some(first) = r.locators.iter().map(|l| l.span.start).min() {
            let head = input.get(..first).unwrap_or(input);
            shared = normalise(head);
        }
        if let Some(title) = r.title {
            label = title.slice(input).to_string();
        }
    }
    (label, format!("cite:{shared}"), agents)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn doc(front: &str) -> Document {
        let text = format!("+++\ntitle = \"T\"\n{front}+++\nBody.\n");
        let loaded = crate::parse_document(Path::new("t.md"), text.as_bytes(), None);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        loaded.value.unwrap()
    }

    #[test]
    fn an_archival_cite_is_the_original_not_an_edition() {
        let d = doc("[source]\ncite = \"RGASPI, f. 17, op. 3, d. 140, l. 2\"\n");
        let s = d.source.as_ref().unwrap();
        assert!(s.cited_archive().is_some());
        assert!(!s.cites_edition());
        let chain = d.witnesses();
        assert_eq!(chain.witnesses.len(), 1);
        assert_eq!(chain.witnesses[0].kind, WitnessKind::Original);
        assert_eq!(
            chain.witnesses[0].citation.as_deref(),
            Some("RGASPI, f. 17, op. 3, d. 140, l. 2")
        );
    }

    #[test]
    fn a_publication_cite_is_an_edition_and_a_translation_follows_it() {
        let d = doc(
            "[source]\ncite = \"Барсегов Ю.Г. Нагорный Карабах, Document 652, page 612\"\n[translation]\nfrom = \"ru\"\nby = \"One Translator\"\n",
        );
        let s = d.source.as_ref().unwrap();
        assert!(s.cited_archive().is_none());
        assert!(s.cites_edition());
        assert_eq!(s.edition_key(None), None);
        let kinds: Vec<WitnessKind> = d.witnesses().witnesses.iter().map(|w| w.kind).collect();
        assert_eq!(
            kinds,
            [
                WitnessKind::Original,
                WitnessKind::Edition,
                WitnessKind::Translation
            ]
        );
    }

    #[test]
    fn a_key_is_named_not_matched() {
        let d = doc("[source]\nkey = \"nk\"\nlocator = \"doc. 1\"\n");
        let s = d.source.as_ref().unwrap();
        assert_eq!(s.edition_key(None), Some(("nk".to_string(), false)));
        assert!(s.cites_edition());
    }
}
