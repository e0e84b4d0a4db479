//! Reading a document: bytes to text (UTF-8, no binary), front matter or sidecar to the
//! model, and the body scan. Errors are values; nothing here panics.

use crate::body::{scan_marks, Body, TextMarks};
use crate::dates::read_date;
use crate::error::{LoadError, LoadErrorKind, Loaded};
use crate::frontmatter::{split, Split};
use crate::model::{
    Annotation, Choice, Debris, Document, Hand, ImportRecord, Note, NoteKind, Source, Target, Text,
    Translation,
};
use crate::source_file::SourceFile;
use crate::suggest::closest;
use crate::toml_read::{Ctx, KeyPath, Schema, TomlSource};
use crate::toml_tree::{Node, Table, Value};
use ibid_parse::Span;
use std::path::{Path, PathBuf};

/// Known top-level keys.
pub const TOP_KEYS: &[&str] = &[
    "title",
    "date",
    "language",
    "kind",
    "author",
    "recipient",
    "place",
    "source",
    "translation",
    "hands",
    "notes",
    "annotations",
    "import",
];
/// Known keys of `[source]`.
pub const SOURCE_KEYS: &[&str] = &[
    "cite",
    "key",
    "locator",
    "cite-as-printed",
    "archive",
    "language",
    "url",
    "accessed",
    "excerpt",
];
/// Known keys of `[translation]`.
pub const TRANSLATION_KEYS: &[&str] = &["from", "to", "by", "date", "original-title"];
/// Known keys of a `[[notes]]` entry.
pub const NOTE_KEYS: &[&str] = &["marker", "kind", "hand", "text", "target", "layer"];
/// Known keys of an `[[annotations]]` entry.
pub const ANNOTATION_KEYS: &[&str] = &["n", "hand", "text", "date", "place"];

/// Known keys of `[import]`.
pub const IMPORT_KEYS: &[&str] = &["preamble", "debris"];
/// Known keys of an `[[import.debris]]` entry.
pub const DEBRIS_KEYS: &[&str] = &["line", "column", "text", "reason"];

const SCHEMA: Schema = &[
    ("", TOP_KEYS),
    ("source", SOURCE_KEYS),
    ("translation", TRANSLATION_KEYS),
    ("notes", NOTE_KEYS),
    ("annotations", ANNOTATION_KEYS),
    ("import", IMPORT_KEYS),
    ("import.debris", DEBRIS_KEYS),
];

/// The sidecar path of a document: `dir/NAME.ibid.toml` for `dir/NAME.txt`.
pub fn sidecar_path(document: &Path) -> PathBuf {
    let stem = document
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    document.with_file_name(format!("{stem}.ibid.toml"))
}

/// Whether `path` is a sidecar file (`NAME.ibid.toml`).
pub fn is_sidecar(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().ends_with(".ibid.toml"))
}

/// Decode `bytes` of the file `path` as UTF-8 text, refusing empty and binary files, and
/// naming UTF-16 and UTF-32 (which have NUL bytes too) with how to convert them.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String, LoadError> {
    if let Some(encoding) = wide_encoding(bytes) {
        let name = path
            .file_name()
            .map_or_else(|| "FILE".to_owned(), |n| n.to_string_lossy().into_owned());
        return Err(LoadError::file(
            LoadErrorKind::NotUtf8,
            path,
            format!("the file is {}, not UTF-8", encoding.describe()),
        )
        .with_help(format!(
            "save it as UTF-8, e.g. `iconv -f {} -t UTF-8 {name} > {name}.utf8` and put that in \
             its place",
            encoding.iconv
        )));
    }
    if let Some(at) = memchr::memchr(0, bytes) {
        return Err(LoadError::file(
            LoadErrorKind::Binary,
            path,
            format!("this is a binary file (a NUL byte at offset {at}), not a text document"),
        )
        .with_help("documents are UTF-8 text files (.md, .txt); exclude this file in ibid.toml"));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let valid = e.valid_up_to();
            let head = std::str::from_utf8(bytes.get(..valid).unwrap_or(&[])).unwrap_or("");
            let byte = bytes.get(valid).copied().unwrap_or(0);
            Err(LoadError::in_text(
                LoadErrorKind::NotUtf8,
                path,
                head,
                Span::new(valid, valid),
                format!("the file is not valid UTF-8 (byte 0x{byte:02X} at offset {valid})"),
            )
            .with_help("save the file as UTF-8, e.g. `iconv -f WINDOWS-1251 -t UTF-8`"))
        }
    }
}

/// A text encoding with two or four bytes per character, recognised in a file's first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WideEncoding {
    /// Its name for people (`UTF-16 (little-endian)`).
    name: &'static str,
    /// Whether the file starts with a byte-order mark.
    bom: bool,
    /// Its name for `iconv -f`.
    iconv: &'static str,
}

impl WideEncoding {
    /// `UTF-16 text (little-endian, with a byte-order mark)`.
    fn describe(self) -> String {
        let (family, order) = self.name.split_once(' ').unwrap_or((self.name, ""));
        let order = order.trim_matches(['(', ')']);
        let bom = if self.bom {
            ", with a byte-order mark"
        } else {
            ""
        };
        format!("{family} text ({order}{bom})")
    }
}

/// UTF-16 or UTF-32 by its byte-order mark, or UTF-16 without one by the NUL bytes of its
/// ASCII characters: in the first bytes, nearly every other byte is NUL, all on one side.
fn wide_encoding(bytes: &[u8]) -> Option<WideEncoding> {
    let with_bom = |name, iconv| {
        Some(WideEncoding {
            name,
            bom: true,
            iconv,
        })
    };
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) {
        return with_bom("UTF-32 (little-endian)", "UTF-32");
    }
    if bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return with_bom("UTF-32 (big-endian)", "UTF-32");
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return with_bom("UTF-16 (little-endian)", "UTF-16");
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return with_bom("UTF-16 (big-endian)", "UTF-16");
    }
    let head = &bytes[..bytes.len().min(512) & !1];
    let pairs = head.len() / 2;
    // Without a NUL byte in its head, a text is not UTF-16 (nor counting worth doing).
    if pairs < 2 || memchr::memchr(0, head).is_none() {
        return None;
    }
    let zeros_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let (name, iconv) = if odd * 10 >= pairs * 4 && even * 20 < pairs {
        ("UTF-16 (little-endian)", "UTF-16LE")
    } else if even * 10 >= pairs * 4 && odd * 20 < pairs {
        ("UTF-16 (big-endian)", "UTF-16BE")
    } else {
        return None;
    };
    Some(WideEncoding {
        name,
        bom: false,
        iconv,
    })
}

/// Load a document from memory: `bytes` of the file `path`, and the sidecar's path and
/// bytes when the metadata lives in one. No I/O.
pub fn parse_document(
    path: &Path,
    bytes: &[u8],
    sidecar: Option<(&Path, &[u8])>,
) -> Loaded<Document> {
    let text = match decode(path, bytes) {
        Ok(t) => t,
        Err(e) => return Loaded::failed(e),
    };
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Loaded::failed(
            LoadError::file(LoadErrorKind::Empty, path, "the document is empty").with_help(
                "write the text of the document, with its provenance in `+++` front matter",
            ),
        );
    }
    let file = SourceFile::new(path, text);
    let sidecar = match sidecar {
        Some((p, b)) => match decode(p, b) {
            Ok(t) => Some(SourceFile::new(p, t)),
            Err(e) => return Loaded::failed(e),
        },
        None => None,
    };
    let mut errors = Vec::new();
    let (toml, body) = match split(&file.text) {
        Split::Plain { body } => (None, body),
        Split::FrontMatter { toml, body } => (Some(toml), body),
        Split::Unclosed { open } => {
            return Loaded::failed(
                LoadError::at(
                    LoadErrorKind::UnclosedFrontMatter,
                    &file,
                    open,
                    "the front matter opened here is never closed",
                )
                .with_help("end the TOML with a line holding only `+++`"),
            )
        }
    };
    if let (Some(toml), Some(side)) = (toml, &sidecar) {
        errors.push(
            LoadError::at(
                LoadErrorKind::DuplicateMetadata,
                &file,
                Span::empty(toml.start),
                format!(
                    "this document has front matter and a sidecar file `{}`",
                    side.path.display()
                ),
            )
            .with_help(
                "keep the provenance in one place: the front matter is read, the sidecar ignored",
            ),
        );
    }
    let (meta_file, meta_span) = match (&sidecar, toml) {
        (_, Some(toml)) => (&file, Some(toml)),
        (Some(side), None) => (side, Some(Span::new(0, side.text.len()))),
        (None, None) => (&file, None),
    };
    let source = if toml.is_some() {
        TomlSource::FrontMatter
    } else {
        TomlSource::Sidecar
    };
    let mut ctx = Ctx::new(meta_file, meta_span.map_or(0, |s| s.start), source);
    let mut doc = Document {
        id: document_id(path),
        file: SourceFile::new(path, String::new()),
        sidecar: None,
        front_matter: toml,
        title: None,
        date: None,
        language: None,
        kind: None,
        author: Vec::new(),
        recipient: Vec::new(),
        place: None,
        source: None,
        translation: None,
        hands: Vec::new(),
        notes: Vec::new(),
        annotations: Vec::new(),
        import: None,
        unknown: Vec::new(),
        body: Body::default(),
    };
    if let Some(meta) = meta_span {
        let toml_text = meta.slice(&ctx.file.text);
        // The sidecar's own text may start with a BOM, which TOML does not allow.
        let skip = if toml_text.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        ctx.base += skip;
        let toml_text = toml_text.get(skip..).unwrap_or("");
        let Some(table) = ctx.parse(toml_text) else {
            errors.append(&mut ctx.errors);
            return Loaded::new(None, errors);
        };
        read_top(&mut ctx, &table.table(), &mut doc);
    }
    errors.append(&mut ctx.errors);
    let declared: Vec<&str> = doc
        .notes
        .iter()
        .filter_map(|n| n.marker.as_ref().map(Text::as_str))
        .collect();
    let body_text = body.slice(&file.text);
    doc.body = Body::scan(body_text, body, &declared);
    // Keep only the sidecar that was read.
    if toml.is_none() {
        doc.sidecar = sidecar;
    }
    doc.file = file;
    errors.sort_by(|a, b| {
        (&a.file, a.span.map(|s| s.start)).cmp(&(&b.file, b.span.map(|s| s.start)))
    });
    Loaded::new(Some(doc), errors)
}

/// The id of a document: its file name without the extension.
pub fn document_id(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = name.strip_suffix(".ibid.toml").unwrap_or(&name);
    match name.rfind('.') {
        Some(dot) if dot > 0 => name.get(..dot).unwrap_or(name).to_string(),
        _ => name.to_string(),
    }
}

/// Read the top-level table into `doc`.
fn read_top(ctx: &mut Ctx<'_>, table: &Table<'_>, doc: &mut Document) {
    // The document's date first: annotations infer their years from it.
    if let Some(value) = table.get("date") {
        doc.date = read_date(ctx, "date", value, None);
    }
    let year = doc.year();
    for (key, value) in table.iter() {
        match key.as_str() {
            "date" => {}
            "title" => doc.title = ctx.text("title", value),
            "language" => doc.language = ctx.text("language", value),
            "kind" => doc.kind = ctx.text("kind", value),
            "author" => doc.author = ctx.texts("author", value),
            "recipient" => doc.recipient = ctx.texts("recipient", value),
            "place" => doc.place = ctx.text("place", value),
            "source" => doc.source = read_source(ctx, value, year),
            "translation" => doc.translation = read_translation(ctx, value, year),
            "hands" => doc.hands = read_hands(ctx, value),
            "notes" => {
                doc.notes = array_of_tables(ctx, "notes", value)
                    .into_iter()
                    .map(|(i, t, s)| read_note(ctx, i, t, s))
                    .collect()
            }
            "annotations" => {
                doc.annotations = array_of_tables(ctx, "annotations", value)
                    .into_iter()
                    .map(|(i, t, s)| read_annotation(ctx, i, t, s, year))
                    .collect()
            }
            "import" => doc.import = read_import(ctx, value),
            _ => {
                let u = ctx.unknown("", key, value, TOP_KEYS, SCHEMA);
                doc.unknown.push(u);
            }
        }
    }
}

/// The tables of an array of tables, with their index and span.
fn array_of_tables<'t, 'i>(
    ctx: &mut Ctx<'_>,
    path: &str,
    value: &'t Node<'i>,
) -> Vec<(usize, &'t Table<'i>, Span)> {
    let list = KeyPath::Spelled(path);
    match value.get_ref() {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let span = ctx.span(item.span());
                ctx.table(KeyPath::Item(&list, i), item)
                    .map(|t| (i, t, span))
            })
            .collect(),
        Value::Table(t) => {
            let span = ctx.span(value.span());
            ctx.error(
                LoadErrorKind::WrongType,
                span,
                format!("`{path}` must be a list of tables"),
                Some(format!(
                    "write [[{path}]] (double brackets) before each entry"
                )),
            );
            vec![(0, t, span)]
        }
        other => {
            ctx.wrong_type(
                list,
                value.span(),
                other,
                "a list of tables",
                &format!("[[{path}]] before each entry"),
            );
            Vec::new()
        }
    }
}

fn read_source(ctx: &mut Ctx<'_>, value: &Node<'_>, year: Option<i32>) -> Option<Source> {
    let span = ctx.span(value.span());
    // Lenient: `source = "..."` is the citation.
    if let Value::String(s) = value.get_ref() {
        let cite = ctx.make_text(s, value.span());
        return Some(Source {
            reference: Some(ibid_parse::parse_reference(&cite.text)),
            cite: Some(cite),
            span,
            ..Source::default()
        });
    }
    let table = ctx.table("source", value)?;
    let mut source = Source {
        span,
        ..Source::default()
    };
    for (key, value) in table.iter() {
        match key.as_str() {
            "cite" => source.cite = ctx.text("source.cite", value),
            "key" => source.key = ctx.text("source.key", value),
            "locator" => source.locator = ctx.text("source.locator", value),
            "cite-as-printed" => source.cite_as_printed = ctx.text("source.cite-as-printed", value),
            "archive" => source.archive = ctx.text("source.archive", value),
            "language" => source.language = ctx.text("source.language", value),
            "url" => source.url = ctx.text("source.url", value),
            "accessed" => source.accessed = read_date(ctx, "source.accessed", value, year),
            "excerpt" => source.excerpt = ctx.boolean("source.excerpt", value),
            _ => {
                let u = ctx.unknown("source", key, value, SOURCE_KEYS, SCHEMA);
                source.unknown.push(u);
            }
        }
    }
    source.reference = source
        .cite
        .as_ref()
        .map(|c| ibid_parse::parse_reference(&c.text));
    source.locators = source
        .locator
        .as_ref()
        .map(|l| ibid_parse::parse_locators(&l.text));
    source.archival = source
        .archive
        .as_ref()
        .map(|a| ibid_parse::parse_archival(&a.text));
    if source.cite.is_none()
        && source.key.is_none()
        && source.archive.is_none()
        && source.url.is_none()
    {
        ctx.error(
            LoadErrorKind::MissingKey,
            span,
            "[source] says nothing about where the text comes from".to_string(),
            Some("write cite = \"the reference as printed\", or key = \"an entry of the bibliography\" with locator = \"p. 12\", or archive = \"...\"".to_string()),
        );
    }
    Some(source)
}

fn read_translation(ctx: &mut Ctx<'_>, value: &Node<'_>, year: Option<i32>) -> Option<Translation> {
    let table = ctx.table("translation", value)?;
    let mut t = Translation {
        span: ctx.span(value.span()),
        ..Translation::default()
    };
    for (key, value) in table.iter() {
        match key.as_str() {
            "from" => t.from = ctx.text("translation.from", value),
            "to" => t.to = ctx.text("translation.to", value),
            "by" => t.by = ctx.texts("translation.by", value),
            "date" => t.date = read_date(ctx, "translation.date", value, year),
            "original-title" => t.original_title = ctx.text("translation.original-title", value),
            _ => {
                let u = ctx.unknown("translation", key, value, TRANSLATION_KEYS, SCHEMA);
                t.unknown.push(u);
            }
        }
    }
    Some(t)
}

fn read_hands(ctx: &mut Ctx<'_>, value: &Node<'_>) -> Vec<Hand> {
    let Some(table) = ctx.table("hands", value) else {
        return Vec::new();
    };
    let mut hands = Vec::new();
    for (key, value) in table.iter() {
        let id = ctx.key(key);
        match value.get_ref() {
            Value::String(s) => hands.push(Hand {
                name: ctx.make_text(s, value.span()),
                id,
            }),
            other => ctx.wrong_type(
                KeyPath::Spelled(&format!("hands.{}", id.name)),
                value.span(),
                other,
                "a string (the hand's name or a label)",
                &format!(
                    "{} = \"V. I. Lenin\" or {} = \"Unknown handwriting\"",
                    id.name, id.name
                ),
            ),
        }
    }
    hands
}

fn choice<'p, T: Copy>(
    ctx: &mut Ctx<'_>,
    path: KeyPath<'p>,
    value: &Node<'_>,
    names: &[(&'static str, T)],
) -> Option<Choice<T>> {
    let text = ctx.text(path, value)?;
    let found = names
        .iter()
        .find(|(n, _)| *n == text.text.trim())
        .map(|(_, v)| *v);
    if found.is_none() {
        let all: Vec<&str> = names.iter().map(|(n, _)| *n).collect();
        let help = match closest(&text.text, all.iter().copied()) {
            Some(s) => format!("did you mean `{s}`? (one of: {})", all.join(", ")),
            None => format!("write one of: {}", all.join(", ")),
        };
        ctx.error(
            LoadErrorKind::InvalidValue,
            text.span,
            format!("`{}` is not a valid `{path}`", text.text),
            Some(help),
        );
    }
    Some(Choice { text, value: found })
}

fn read_note(ctx: &mut Ctx<'_>, index: usize, table: &Table<'_>, span: Span) -> Note {
    let list = KeyPath::Spelled("notes");
    let path = KeyPath::Item(&list, index);
    let mut note = Note {
        marker: None,
        kind: None,
        hand: None,
        text: None,
        target: None,
        layer: None,
        span,
        unknown: Vec::new(),
    };
    for (key, value) in table.iter() {
        match key.as_str() {
            "marker" => note.marker = ctx.text(KeyPath::Key(&path, "marker"), value),
            "kind" => note.kind = choice(ctx, KeyPath::Key(&path, "kind"), value, &NoteKind::NAMES),
            "hand" => note.hand = ctx.text(KeyPath::Key(&path, "hand"), value),
            "text" => note.text = ctx.text(KeyPath::Key(&path, "text"), value),
            "target" => {
                note.target = choice(ctx, KeyPath::Key(&path, "target"), value, &Target::NAMES)
            }
            "layer" => note.layer = ctx.text(KeyPath::Key(&path, "layer"), value),
            _ => {
                let u = ctx.unknown(&path.to_string(), key, value, NOTE_KEYS, SCHEMA);
                note.unknown.push(u);
            }
        }
    }
    if note.marker.is_none() {
        ctx.error(
            LoadErrorKind::MissingKey,
            span,
            format!("note {} has no `marker`", index + 1),
            Some("write marker = \"*\" (the marker as it stands in the body)".to_string()),
        );
    }
    note
}

/// `[import]`: the page's preamble and its debris, as `ibid import` recorded them.
fn read_import(ctx: &mut Ctx<'_>, value: &Node<'_>) -> Option<ImportRecord> {
    let table = ctx.table("import", value)?;
    let mut record = ImportRecord {
        span: ctx.span(value.span()),
        ..ImportRecord::default()
    };
    for (key, value) in table.iter() {
        match key.as_str() {
            "preamble" => record.preamble = ctx.text("import.preamble", value),
            "debris" => {
                record.debris = array_of_tables(ctx, "import.debris", value)
                    .into_iter()
                    .map(|(i, t, s)| read_debris(ctx, i, t, s))
                    .collect()
            }
            _ => {
                let u = ctx.unknown("import", key, value, IMPORT_KEYS, SCHEMA);
                record.unknown.push(u);
            }
        }
    }
    Some(record)
}

fn read_debris(ctx: &mut Ctx<'_>, index: usize, table: &Table<'_>, span: Span) -> Debris {
    let list = KeyPath::Spelled("import.debris");
    let path = KeyPath::Item(&list, index);
    let mut d = Debris {
        span,
        ..Debris::default()
    };
    for (key, value) in table.iter() {
        match key.as_str() {
            "line" => d.line = ctx.integer(KeyPath::Key(&path, "line"), value),
            "column" => d.column = ctx.integer(KeyPath::Key(&path, "column"), value),
            "text" => d.text = ctx.text(KeyPath::Key(&path, "text"), value),
            "reason" => d.reason = ctx.text(KeyPath::Key(&path, "reason"), value),
            _ => {
                let u = ctx.unknown(&path.to_string(), key, value, DEBRIS_KEYS, SCHEMA);
                d.unknown.push(u);
            }
        }
    }
    d
}

fn read_annotation(
    ctx: &mut Ctx<'_>,
    index: usize,
    table: &Table<'_>,
    span: Span,
    year: Option<i32>,
) -> Annotation {
    let list = KeyPath::Spelled("annotations");
    let path = KeyPath::Item(&list, index);
    let mut a = Annotation {
        number: None,
        hand: None,
        text: None,
        date: None,
        place: None,
        marks: TextMarks::default(),
        span,
        unknown: Vec::new(),
    };
    for (key, value) in table.iter() {
        match key.as_str() {
            "n" => a.number = ctx.integer(KeyPath::Key(&path, "n"), value),
            "hand" => a.hand = ctx.text(KeyPath::Key(&path, "hand"), value),
            "text" => a.text = ctx.text(KeyPath::Key(&path, "text"), value),
            "date" => a.date = read_date(ctx, KeyPath::Key(&path, "date"), value, year),
            "place" => a.place = ctx.text(KeyPath::Key(&path, "place"), value),
            _ => {
                let u = ctx.unknown(&path.to_string(), key, value, ANNOTATION_KEYS, SCHEMA);
                a.unknown.push(u);
            }
        }
    }
    match &a.text {
        Some(text) => a.marks = scan_marks(&text.text, &[]),
        None => ctx.error(
            LoadErrorKind::MissingKey,
            span,
            format!("annotation {} has no `text`", index + 1),
            Some("write text = \"...\" (the annotation as printed)".to_string()),
        ),
    }
    a
}
