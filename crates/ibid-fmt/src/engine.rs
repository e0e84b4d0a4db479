//! The edit engine: every change a document needs under a style (what `ibid check`'s F rules
//! report), and formatting a document's files to a fixed point with the meaning check.

use crate::change::{apply, shift, Change, Family, FileTarget, TextEdit, Unit, UnitKind};
use crate::citations::citation_proposals;
use crate::forms::Lang;
use crate::layout::layout;
use crate::locators::{locator_proposals, LocatorContext, Proposal};
use crate::meaning::meaning;
use crate::style::{CitationSyntax, FrontMatterLayout, Style};
use crate::unify::{source_keeps, CiteSite, SourceTarget};
use ibid_parse::{Citation, Locator};
use ibid_provenance::{parse_document, Document, LoadError, Text};
use std::borrow::Cow;
use std::path::Path;

/// The most passes formatting makes before it gives up on reaching a fixed point.
pub const MAX_PASSES: usize = 6;

/// One string value or body span that may be rewritten, with the locators and citations
/// found in it (spans into `read`).
struct Site<'d> {
    unit: Unit,
    /// The site's own text.
    text: &'d str,
    /// The text the spans of `locators` and `citations` are offsets into: `text` itself, or
    /// the whole body for a body citation (the model's citations, not read a second time).
    read: &'d str,
    /// Where `text` starts in `read`.
    origin: usize,
    locators: Vec<(&'d Locator, bool)>,
    citations: Cow<'d, [Citation]>,
    language: Option<Lang>,
}

impl<'d> Site<'d> {
    /// A site whose spans are offsets into its own text.
    fn own(
        unit: Unit,
        text: &'d str,
        locators: Vec<(&'d Locator, bool)>,
        citations: Cow<'d, [Citation]>,
        language: Option<Lang>,
    ) -> Site<'d> {
        Site {
            unit,
            text,
            read: text,
            origin: 0,
            locators,
            citations,
            language,
        }
    }
}

/// A front-matter string that can be edited in place (written without escapes).
fn value_unit(text: &Text, kind: UnitKind) -> Option<Unit> {
    let raw = text.raw?;
    (raw.len() == text.text.len()).then_some(Unit {
        kind,
        file: FileTarget::Meta,
        start: raw.start,
        end: raw.end,
    })
}

fn language_of(tag: Option<&Text>) -> Option<Lang> {
    tag.and_then(|t| Lang::from_bcp47(&t.text))
}

/// Every rewritable span of `doc`, in no particular order.
fn sites(doc: &Document) -> Vec<Site<'_>> {
    let mut sites = Vec::new();
    let doc_lang = doc.text_language().and_then(Lang::from_bcp47);
    if let Some(source) = &doc.source {
        let lang = language_of(source.language.as_ref()).or(doc_lang);
        if let (Some(text), Some(parsed)) = (&source.cite, &source.reference) {
            if let Some(unit) = value_unit(text, UnitKind::Reference) {
                let r = &parsed.value;
                let mut locators: Vec<(&Locator, bool)> =
                    r.locators.iter().map(|l| (l, false)).collect();
                if let Some(a) = &r.archive {
                    locators.extend(a.locators.iter().map(|l| (l, true)));
                }
                sites.push(Site::own(
                    unit,
                    &text.text,
                    locators,
                    Cow::Borrowed(&[]),
                    lang,
                ));
            }
        }
        if let (Some(text), Some(parsed)) = (&source.locator, &source.locators) {
            if let Some(unit) = value_unit(text, UnitKind::Locators) {
                let locators = parsed.value.iter().map(|l| (l, false)).collect();
                sites.push(Site::own(
                    unit,
                    &text.text,
                    locators,
                    Cow::Borrowed(&[]),
                    lang,
                ));
            }
        }
        if let (Some(text), Some(parsed)) = (&source.archive, &source.archival) {
            if let (Some(unit), Some(a)) = (value_unit(text, UnitKind::Archive), &parsed.value) {
                let locators = a.locators.iter().map(|l| (l, true)).collect();
                sites.push(Site::own(
                    unit,
                    &text.text,
                    locators,
                    Cow::Borrowed(&[]),
                    lang,
                ));
            }
        }
    }
    let prose = doc
        .notes
        .iter()
        .filter_map(|n| n.text.as_ref())
        .chain(doc.annotations.iter().filter_map(|a| a.text.as_ref()));
    for text in prose {
        if !text.text.contains('@') {
            continue;
        }
        if let Some(unit) = value_unit(text, UnitKind::Prose) {
            let citations: Vec<Citation> = ibid_parse::scan_citations(&text.text).collect();
            if !citations.is_empty() {
                let citations = Cow::Owned(citations);
                sites.push(Site::own(unit, &text.text, Vec::new(), citations, doc_lang));
            }
        }
    }
    let body = doc.body_text();
    for citation in &doc.body.citations {
        let span = doc.body.file_span(citation.span);
        let unit = Unit {
            kind: UnitKind::Citation,
            file: FileTarget::Document,
            start: span.start,
            end: span.end,
        };
        let Some(text) = body.get(citation.span.range()) else {
            continue;
        };
        sites.push(Site {
            unit,
            text,
            read: body,
            origin: citation.span.start,
            locators: Vec::new(),
            citations: Cow::Borrowed(std::slice::from_ref(citation)),
            language: doc_lang,
        });
    }
    sites
}

/// The proposals for one site, in the offsets of its own text.
fn site_proposals(site: &Site<'_>, style: &Style) -> Vec<Proposal> {
    let mut out = Vec::new();
    let ctx = |archival| LocatorContext {
        style,
        language: site.language,
        archival,
    };
    if style.formats_locators() {
        for &(locator, archival) in &site.locators {
            out.extend(locator_proposals(site.read, locator, ctx(archival)));
        }
        for c in site.citations.iter() {
            for item in &c.items {
                for locator in &item.locators {
                    out.extend(locator_proposals(site.read, locator, ctx(false)));
                }
            }
        }
    }
    if style.citation_syntax == CitationSyntax::Pandoc {
        for c in site.citations.iter() {
            out.extend(citation_proposals(site.read, c));
        }
    }
    let own = site.origin..site.origin + site.text.len();
    out.retain(|p| own.start <= p.range.start && p.range.end <= own.end);
    for p in &mut out {
        p.range = p.range.start - own.start..p.range.end - own.start;
    }
    out.sort_by_key(|p| (p.range.start, p.range.end));
    out.dedup_by(|b, a| a.range == b.range);
    out
}

/// `text` with `proposals` (sorted, non-overlapping) applied.
fn applied(text: &str, proposals: &[&Proposal]) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 8);
    let mut at = 0;
    for p in proposals {
        if p.range.start < at || p.range.end > text.len() {
            return None;
        }
        out.push_str(text.get(at..p.range.start)?);
        out.push_str(&p.replacement);
        at = p.range.end;
    }
    out.push_str(text.get(at..)?);
    Some(out)
}

/// `text`, a `[source] locator` value in `language`, with the locator families of `style`
/// applied to a fixed point (each pass keeping the meaning): how a new `locator` is written.
pub(crate) fn format_locators(text: &str, language: Option<Lang>, style: &Style) -> String {
    let mut current = text.to_owned();
    for _ in 0..MAX_PASSES {
        let parsed = ibid_parse::parse_locators(&current);
        let unit = Unit {
            kind: UnitKind::Locators,
            file: FileTarget::Meta,
            start: 0,
            end: current.len(),
        };
        let locators = parsed.value.iter().map(|l| (l, false)).collect();
        let site = Site::own(unit, &current, locators, Cow::Borrowed(&[]), language);
        let proposals = site_proposals(&site, style);
        let kept = meaning_keeping(&site, &proposals);
        let next = match applied(&current, &kept) {
            Some(next) if !kept.is_empty() && next != current => next,
            _ => break,
        };
        current = next;
    }
    current
}

/// The proposals of a site that keep its meaning: all of them when together they do; else
/// each one that does on its own, if together those do; else none.
fn meaning_keeping<'p>(site: &Site<'_>, proposals: &'p [Proposal]) -> Vec<&'p Proposal> {
    let before = meaning(site.unit.kind, site.text);
    let keeps = |set: &[&Proposal]| {
        applied(site.text, set).is_some_and(|after| meaning(site.unit.kind, &after) == before)
    };
    let all: Vec<&Proposal> = proposals.iter().collect();
    if keeps(&all) {
        return all;
    }
    let each: Vec<&Proposal> = all.into_iter().filter(|p| keeps(&[p])).collect();
    if keeps(&each) {
        each
    } else {
        Vec::new()
    }
}

/// Every change `style` asks of `doc` (locators, citations, front-matter layout), with
/// offsets into the document's files; none changes what a span means. What `ibid check`
/// reports, one finding per change.
pub fn document_changes(doc: &Document, style: &Style) -> Vec<Change> {
    let mut changes = Vec::new();
    for site in sites(doc) {
        let proposals = site_proposals(&site, style);
        if proposals.is_empty() {
            continue;
        }
        let kept = meaning_keeping(&site, &proposals);
        let base = site.unit.start;
        let edit = |p: &Proposal| TextEdit {
            range: base + p.range.start..base + p.range.end,
            replacement: p.replacement.clone(),
        };
        let mut syntax: Option<Change> = None;
        for p in kept {
            if p.family == Family::CitationSyntax {
                let change = syntax.get_or_insert_with(|| Change {
                    family: Family::CitationSyntax,
                    unit: site.unit,
                    at: site.unit.range(),
                    message: p.message.clone(),
                    title: p.title.clone(),
                    edits: Vec::new(),
                });
                if change.message.is_empty() {
                    change.message = p.message.clone();
                }
                change.edits.push(edit(p));
                continue;
            }
            changes.push(Change {
                family: p.family,
                unit: site.unit,
                at: base + p.range.start..base + p.range.end,
                message: p.message.clone(),
                title: p.title.clone(),
                edits: vec![edit(p)],
            });
        }
        if let Some(mut change) = syntax {
            if change.message.is_empty() {
                let whole = &site.text;
                change.message =
                    format!("Citation `{whole}` is not punctuated as pandoc writes it");
            }
            changes.push(change);
        }
    }
    if style.front_matter == FrontMatterLayout::Ordered {
        changes.extend(layout_change(doc));
    }
    changes.sort_by_key(|c| (c.unit.file == FileTarget::Document, c.at.start, c.at.end));
    changes
}

/// The front matter laid out, as one change over the whole TOML.
fn layout_change(doc: &Document) -> Option<Change> {
    let meta = doc.meta_file();
    let (start, end) = match (doc.front_matter, &doc.sidecar) {
        (Some(span), _) => (span.start, span.end),
        (None, Some(side)) => {
            let bom = if side.text.starts_with('\u{feff}') {
                3
            } else {
                0
            };
            (bom, side.text.len())
        }
        (None, None) => return None,
    };
    let toml = meta.text.get(start..end)?;
    let new = layout(toml)?;
    let first_difference = toml
        .bytes()
        .zip(new.bytes())
        .position(|(a, b)| a != b)
        .unwrap_or(toml.len().min(new.len()));
    // Point at the start of the first line that changes.
    let line_start = toml[..first_difference].rfind('\n').map_or(0, |i| i + 1);
    let line_end = toml[line_start..]
        .find(['\r', '\n'])
        .map_or(toml.len(), |i| line_start + i);
    Some(Change {
        family: Family::FrontMatter,
        unit: Unit {
            kind: UnitKind::FrontMatter,
            file: FileTarget::Meta,
            start,
            end,
        },
        at: start + line_start..start + line_end,
        message: "The front matter is not laid out as `ibid fmt` writes it (order of keys and tables, one blank line between tables, `key = \"value\"`)".to_owned(),
        title: "Lay out the front matter".to_owned(),
        edits: vec![TextEdit {
            range: start..end,
            replacement: new,
        }],
    })
}

/// A document's files, as bytes: what formatting reads.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The document's path (for messages and its id).
    pub path: &'a Path,
    /// Its bytes.
    pub bytes: &'a [u8],
    /// Its sidecar `NAME.ibid.toml`, when it has one.
    pub sidecar: Option<(&'a Path, &'a [u8])>,
}

/// What formatting produced: the new texts of the files that change.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Formatted {
    /// The document's new text, when it changes.
    pub document: Option<String>,
    /// The sidecar's new text, when it changes.
    pub sidecar: Option<String>,
    /// The changes of the first pass (what `ibid check` reports), in the original files.
    pub changes: Vec<Change>,
    /// Whether the front matter was read from the sidecar (so changes to
    /// [`FileTarget::Meta`] are in the sidecar); a document with both front matter and a
    /// sidecar reads its front matter.
    pub meta_in_sidecar: bool,
}

impl Formatted {
    /// Whether any file changes.
    pub fn is_changed(&self) -> bool {
        self.document.is_some() || self.sidecar.is_some()
    }
}

/// Why a document was not formatted.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum FormatError {
    /// It cannot be read as a document (not UTF-8, binary, empty, broken front matter):
    /// the loader's errors, each with file, line and column.
    Unreadable(Vec<LoadError>),
    /// A rewritten span would mean something else afterwards: a bug in the formatter.
    MeaningChanged {
        /// Which file.
        file: FileTarget,
        /// Line (from 1) of the span in the file as it was before the pass.
        line: usize,
        /// Column (from 1, in characters).
        column: usize,
        /// The span before.
        before: String,
        /// The span after.
        after: String,
    },
    /// The changes did not reach a fixed point within [`MAX_PASSES`] passes.
    NoFixedPoint,
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::Unreadable(errors) => match errors.first() {
                Some(e) => write!(f, "{e}"),
                None => f.write_str("cannot be read as a document"),
            },
            FormatError::MeaningChanged {
                line,
                column,
                before,
                after,
                ..
            } => write!(
                f,
                "{line}:{column}: internal error: formatting `{before}` as `{after}` would change what it means; the file is left as it is (please report this)"
            ),
            FormatError::NoFixedPoint => f.write_str(
                "internal error: formatting does not settle on one text; the file is left as it is (please report this)",
            ),
        }
    }
}

impl std::error::Error for FormatError {}

/// Check that every unit `applied` rewrote in `old` means the same in `new`.
pub fn verify(
    old: &str,
    new: &str,
    applied: &[&Change],
    file: FileTarget,
) -> Result<(), FormatError> {
    let mut edits: Vec<&TextEdit> = applied.iter().flat_map(|c| &c.edits).collect();
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    let mut units: Vec<Unit> = applied.iter().map(|c| c.unit).collect();
    units.sort_by_key(|u| (u.start, u.end));
    units.dedup();
    for unit in units {
        let (start, end) = (
            shift(unit.start, &edits, false),
            shift(unit.end, &edits, true),
        );
        let (before, after) = match (old.get(unit.range()), new.get(start..end)) {
            (Some(b), Some(a)) => (b, a),
            _ => {
                let (line, column) = line_col(old, unit.start.min(old.len()));
                return Err(FormatError::MeaningChanged {
                    file,
                    line,
                    column,
                    before: String::from_utf8_lossy(
                        old.as_bytes().get(unit.range()).unwrap_or(&[]),
                    )
                    .into_owned(),
                    after: String::new(),
                });
            }
        };
        let outside_kept = edits.iter().all(|e| {
            e.range.end <= unit.start
                || e.range.start >= unit.end
                || (e.range.start >= unit.start && e.range.end <= unit.end)
        });
        let keeps = match unit.kind {
            // A source rewritten to the corpus's form on purpose: the pinpoint and what was
            // printed must be kept.
            UnitKind::Source => source_keeps(before, after),
            kind => meaning(kind, before) == meaning(kind, after),
        };
        if !outside_kept || !keeps {
            let (line, column) = line_col(old, unit.start);
            return Err(FormatError::MeaningChanged {
                file,
                line,
                column,
                before: before.to_owned(),
                after: after.to_owned(),
            });
        }
    }
    Ok(())
}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let head = text.get(..offset).unwrap_or(text);
    let line = head.matches('\n').count() + 1;
    let start = head.rfind('\n').map_or(0, |i| i + 1);
    (line, head[start..].chars().count() + 1)
}

/// Format a document's files with `style`: apply every change, read the result again and
/// repeat until nothing changes, checking the meaning of every rewritten span on each pass.
pub fn format_document(input: Input<'_>, style: &Style) -> Result<Formatted, FormatError> {
    format_with(input, style, document_changes)
}

/// [`format_document`] with another source of changes (tests use it to inject a faulty one).
pub fn format_with(
    input: Input<'_>,
    style: &Style,
    changes_of: fn(&Document, &Style) -> Vec<Change>,
) -> Result<Formatted, FormatError> {
    format_seeing(input, style, changes_of, &mut |_| {})
}

/// [`format_with`], showing `first` the document as read (before any change), so that a
/// caller learns what it needs of it without loading it again.
pub(crate) fn format_seeing(
    input: Input<'_>,
    style: &Style,
    changes_of: fn(&Document, &Style) -> Vec<Change>,
    first: &mut dyn FnMut(&Document),
) -> Result<Formatted, FormatError> {
    let mut result = Formatted::default();
    let mut doc_bytes = input.bytes.to_vec();
    let mut side_bytes = input.sidecar.map(|(_, b)| b.to_vec());
    for pass in 0..=MAX_PASSES {
        let sidecar = input.sidecar.map(|(p, _)| p).zip(side_bytes.as_deref());
        let loaded = parse_document(input.path, &doc_bytes, sidecar);
        let Some(doc) = loaded.value else {
            return Err(FormatError::Unreadable(loaded.errors));
        };
        let changes = changes_of(&doc, style);
        if pass == 0 {
            first(&doc);
            result.changes = changes.clone();
            result.meta_in_sidecar = doc.sidecar.is_some();
        }
        if changes.is_empty() {
            return Ok(result);
        }
        if pass == MAX_PASSES {
            return Err(FormatError::NoFixedPoint);
        }
        // Changes to the front matter go to the sidecar when the document has one.
        let in_sidecar = |c: &&Change| c.unit.file == FileTarget::Meta && doc.sidecar.is_some();
        let (side_changes, file_changes): (Vec<&Change>, Vec<&Change>) =
            changes.iter().partition(in_sidecar);
        let mut progressed = false;
        for (mine, sidecar) in [(file_changes, false), (side_changes, true)] {
            if mine.is_empty() {
                continue;
            }
            let old = if sidecar {
                &doc.meta_file().text
            } else {
                &doc.file.text
            };
            let done = apply(old, mine);
            if done.applied.is_empty() || done.text == *old {
                continue;
            }
            let target = if sidecar {
                FileTarget::Meta
            } else {
                FileTarget::Document
            };
            verify(old, &done.text, &done.applied, target)?;
            progressed = true;
            if sidecar {
                result.sidecar = Some(done.text.clone());
                side_bytes = Some(done.text.into_bytes());
            } else {
                result.document = Some(done.text.clone());
                doc_bytes = done.text.into_bytes();
            }
        }
        if !progressed {
            return Ok(result);
        }
    }
    Err(FormatError::NoFixedPoint)
}

/// Write a document's `[source] cite` as `target` says (`unify-sources`, see
/// [`CiteSite::change`]), check the rewritten lines' meaning, then format the result with
/// `style` to a fixed point. `as_read` is the site as it was read, when formatting has
/// changed the files since (`cite-as-printed` keeps that cite). The
/// [`Formatted::changes`] are the unify change alone; a `cite` that cannot be rewritten
/// safely is only formatted.
pub fn unify_document(
    input: Input<'_>,
    target: &SourceTarget,
    style: &Style,
    as_read: Option<&CiteSite>,
) -> Result<Formatted, FormatError> {
    let loaded = parse_document(input.path, input.bytes, input.sidecar);
    let Some(doc) = loaded.value else {
        return Err(FormatError::Unreadable(loaded.errors));
    };
    let site = CiteSite::of(&doc).map(|mut site| {
        if let Some(first) = as_read {
            site.read_before(first);
        }
        site
    });
    let Some(change) = site.and_then(|site| site.change(target, style)) else {
        return format_document(input, style);
    };
    let in_sidecar = doc.sidecar.is_some();
    let old = &doc.meta_file().text;
    let done = apply(old, [&change]);
    let file = if in_sidecar {
        FileTarget::Meta
    } else {
        FileTarget::Document
    };
    verify(old, &done.text, &done.applied, file)?;
    let unified = done.text;
    let (doc_text, side_text) = if in_sidecar {
        (None, Some(unified))
    } else {
        (Some(unified), None)
    };
    let doc_bytes = doc_text.as_deref().map_or(input.bytes, str::as_bytes);
    let side = input
        .sidecar
        .map(|(p, b)| (p, side_text.as_deref().map_or(b, str::as_bytes)));
    let next = Input {
        path: input.path,
        bytes: doc_bytes,
        sidecar: side,
    };
    let formatted = format_document(next, style)?;
    let document = formatted.document.or(doc_text);
    let sidecar = formatted.sidecar.or(side_text);
    // What was written stays recoverable: the result keeps a `cite-as-printed`.
    let final_doc = document.as_deref().map_or(input.bytes, str::as_bytes);
    let final_side = input
        .sidecar
        .map(|(p, b)| (p, sidecar.as_deref().map_or(b, str::as_bytes)));
    let reread = parse_document(input.path, final_doc, final_side).value;
    let printed = reread
        .as_ref()
        .and_then(|d| d.source.as_ref())
        .is_some_and(|s| s.cite_as_printed.is_some());
    if !printed {
        let (line, column) = line_col(old, change.unit.start);
        return Err(FormatError::MeaningChanged {
            file,
            line,
            column,
            before: old.get(change.unit.range()).unwrap_or("").to_owned(),
            after: String::new(),
        });
    }
    Ok(Formatted {
        document,
        sidecar,
        changes: vec![change],
        meta_in_sidecar: in_sidecar,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::{LabelCase, LabelSpace, LeafSide, LocatorForm, PageRange, RangeDash};

    /// The pandoc citations of `ibid-parse`'s test cases, one a line.
    fn citation_cases() -> impl Iterator<Item = &'static str> {
        [
            include_str!("../../ibid-parse/tests/cases/citation-basic.txt"),
            include_str!("../../ibid-parse/tests/cases/citation-keys.txt"),
            include_str!("../../ibid-parse/tests/cases/citation-errors.txt"),
        ]
        .into_iter()
        .flat_map(str::lines)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    }

    /// A body citation's proposals are the same from the citation the body scan found (spans
    /// into the body) as from the citation parsed again on its own, which is what
    /// `document_changes` did before it reused the model's citations.
    #[test]
    fn body_citations_propose_as_if_parsed_alone() {
        let styles = [
            Style {
                locator_form: LocatorForm::Short,
                label_case: LabelCase::Sentence,
                label_space: LabelSpace::Nbsp,
                range_dash: RangeDash::EnDash,
                page_range: PageRange::Chicago,
                leaf_side: LeafSide::Short,
                ..Style::default()
            },
            Style {
                locator_form: LocatorForm::Long,
                label_space: LabelSpace::Space,
                range_dash: RangeDash::Hyphen,
                page_range: PageRange::Full,
                leaf_side: LeafSide::Long,
                ..Style::default()
            },
        ];
        let unit = Unit {
            kind: UnitKind::Citation,
            file: FileTarget::Document,
            start: 0,
            end: 0,
        };
        let (mut compared, mut proposing) = (0, 0);
        for case in citation_cases() {
            let body = format!("As the minutes say. See {case} and the\nnext line.\n");
            for citation in ibid_parse::scan_citations(&body) {
                let text = &body[citation.span.range()];
                let alone = ibid_parse::parse_citation(text).value;
                let alone = alone.expect("a citation the scan finds reads alone too");
                let from_body = Site {
                    unit,
                    text,
                    read: &body,
                    origin: citation.span.start,
                    locators: Vec::new(),
                    citations: Cow::Borrowed(std::slice::from_ref(&citation)),
                    language: None,
                };
                let parsed_alone = Site::own(unit, text, Vec::new(), Cow::Owned(vec![alone]), None);
                for style in &styles {
                    let proposals = site_proposals(&from_body, style);
                    assert_eq!(proposals, site_proposals(&parsed_alone, style), "{case}");
                    proposing += usize::from(!proposals.is_empty());
                }
                compared += 1;
            }
        }
        assert!(compared > 60, "only {compared} citations compared");
        assert!(proposing > 30, "only {proposing} citations with proposals");
    }
}
