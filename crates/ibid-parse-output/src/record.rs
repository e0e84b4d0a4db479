//! The JSON record `ibid parse --format json` writes for one input, and its readable view.
//! The record's field names are a contract other tools read: change them only additively.

use ibid_parse::csl::{date_to_csl, reference_to_csl, CslDate, CslItem, CslName};
use ibid_parse::{
    Calendar, Citation, DatePart, InferenceBasis, InputKind, Locator, Parsed, ParsedInput,
    PartialDate, Reference, Span,
};
use serde::Serialize;
use std::fmt::{self, Write as _};

/// One locator as the contract writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocatorRecord<'a> {
    /// The CSL (or ibid) label name.
    pub label: &'static str,
    /// The value as written.
    pub locator: &'a str,
    /// Byte offset of the value in the input.
    pub start: usize,
    /// Byte offset just past the value.
    pub end: usize,
    /// The whole locator as written, label included (`page 612`).
    pub written: &'a str,
}

impl<'a> LocatorRecord<'a> {
    /// The record for `locator`, parsed from `input`.
    pub fn new(locator: &Locator, input: &'a str) -> Self {
        LocatorRecord {
            label: locator.label.name(),
            locator: locator.value_text(input),
            start: locator.value.start,
            end: locator.value.end,
            written: locator.span.slice(input),
        }
    }
}

/// One cited item as the contract writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitationItemRecord<'a> {
    /// The citation key.
    pub id: &'a str,
    /// Text before the key.
    pub prefix: Option<&'a str>,
    /// The locator text as pandoc splits it.
    pub locator: Option<&'a str>,
    /// Text after the locator.
    pub suffix: Option<&'a str>,
    /// Whether the author is suppressed (`-@key`).
    pub suppress_author: bool,
    /// The parsed locators.
    pub locators: Vec<LocatorRecord<'a>>,
    /// Byte offset of the item in the input.
    pub start: usize,
    /// Byte offset just past the item.
    pub end: usize,
}

/// One date part as the contract writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DatePartRecord<'a> {
    /// The value (full year, month number, day).
    pub value: i32,
    /// The text as written, or `None` when the part was not written.
    pub written: Option<&'a str>,
    /// Why the value was inferred, when it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inferred: Option<InferenceBasis>,
}

/// A date as the contract writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateRecord<'a> {
    /// The whole date as written.
    pub written: &'a str,
    /// The year, if known.
    pub year: Option<DatePartRecord<'a>>,
    /// The month, if known.
    pub month: Option<DatePartRecord<'a>>,
    /// The day, if known.
    pub day: Option<DatePartRecord<'a>>,
    /// The end of a range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<Box<DateRecord<'a>>>,
    /// Approximate (`ca.`).
    pub approximate: bool,
    /// Explicitly undated (`n.d.`).
    pub undated: bool,
    /// `gregorian` or `julian`.
    pub calendar: Calendar,
    /// The same date in the other calendar (old style), when the document double-dates it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternate: Option<Box<DateRecord<'a>>>,
    /// The CSL form, when there is a year.
    pub csl: Option<CslDate<'a>>,
}

fn part_record<T: Copy + Into<i32>>(
    part: Option<DatePart<T>>,
    input: &str,
) -> Option<DatePartRecord<'_>> {
    part.map(|p| DatePartRecord {
        value: p.value.into(),
        written: p.span.map(|s| s.slice(input)),
        inferred: p.inferred,
    })
}

impl<'a> DateRecord<'a> {
    /// The record for `date`, parsed from `input`.
    pub fn new(date: &PartialDate, input: &'a str) -> Self {
        DateRecord {
            written: date.span.slice(input),
            year: part_record(date.year, input),
            month: part_record(date.month, input),
            day: part_record(date.day, input),
            end: date
                .end
                .as_ref()
                .map(|e| Box::new(DateRecord::new(e, input))),
            approximate: date.approximate,
            undated: date.undated,
            calendar: date.calendar,
            alternate: date
                .alternate
                .as_ref()
                .map(|a| Box::new(DateRecord::new(a, input))),
            csl: date_to_csl(date, input),
        }
    }
}

/// An error as the contract writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorRecord<'a> {
    /// What is wrong.
    pub message: &'a str,
    /// Byte offset of the first byte concerned.
    pub start: usize,
    /// Byte offset just past the bytes concerned.
    pub end: usize,
}

/// The record for one parsed input: `ibid parse --format json` writes one per line.
///
/// [`JsonWriter`](crate::JsonWriter) writes the same JSON without building it: a change here needs the same
/// change there (`tests/json_output.rs` compares the two byte for byte).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record<'a> {
    /// The input as given.
    pub input: &'a str,
    /// `reference`, `locator`, `citation` or `date`.
    pub kind: InputKind,
    /// For a reference: its CSL-JSON item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<CslItem<'a>>,
    /// For a reference or locator input: every locator, archival levels included, in order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locators: Option<Vec<LocatorRecord<'a>>>,
    /// For a citation: its items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citations: Option<Vec<CitationItemRecord<'a>>>,
    /// For a date: its parts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<DateRecord<'a>>,
    /// Problems found.
    pub errors: Vec<ErrorRecord<'a>>,
    /// Text that could not be parsed, if any.
    pub remainder: Option<&'a str>,
}

fn reference_locators(reference: &Reference) -> Vec<&Locator> {
    let mut all: Vec<&Locator> = reference
        .archive
        .iter()
        .flat_map(|a| a.locators.iter())
        .chain(reference.locators.iter())
        .collect();
    all.sort_by_key(|l| l.span.start);
    all
}

fn citation_items<'a>(citation: &Citation, input: &'a str) -> Vec<CitationItemRecord<'a>> {
    let text = |s: Option<Span>| s.map(|s| s.slice(input));
    citation
        .items
        .iter()
        .map(|item| CitationItemRecord {
            id: item.key.slice(input),
            prefix: text(item.prefix),
            locator: text(item.locator),
            suffix: text(item.suffix),
            suppress_author: item.suppress_author,
            locators: item
                .locators
                .iter()
                .map(|l| LocatorRecord::new(l, input))
                .collect(),
            start: item.span.start,
            end: item.span.end,
        })
        .collect()
}

impl<'a> Record<'a> {
    /// The record for `parsed`, the result of parsing `input`.
    pub fn new(input: &'a str, parsed: &'a Parsed<ParsedInput>) -> Self {
        let mut record = Record {
            input,
            kind: parsed.value.kind(),
            item: None,
            locators: None,
            citations: None,
            date: None,
            errors: parsed
                .errors
                .iter()
                .map(|e| ErrorRecord {
                    message: &e.message,
                    start: e.span.start,
                    end: e.span.end,
                })
                .collect(),
            remainder: parsed.remainder.map(|s| s.slice(input)),
        };
        match &parsed.value {
            ParsedInput::Reference(reference) => {
                record.item = Some(reference_to_csl(reference, input));
                record.locators = Some(
                    reference_locators(reference)
                        .into_iter()
                        .map(|l| LocatorRecord::new(l, input))
                        .collect(),
                );
            }
            ParsedInput::Locators(locators) => {
                record.locators = Some(
                    locators
                        .iter()
                        .map(|l| LocatorRecord::new(l, input))
                        .collect(),
                );
            }
            ParsedInput::Citation(citation) => {
                record.citations = Some(
                    citation
                        .as_ref()
                        .map(|c| citation_items(c, input))
                        .unwrap_or_default(),
                );
            }
            ParsedInput::Date(date) => {
                record.date = date.as_ref().map(|d| DateRecord::new(d, input));
            }
            // A kind this version does not know yet has no fields of its own.
            _ => {}
        }
        record
    }
}

fn write_part(out: &mut String, name: &str, part: &Option<DatePartRecord>) {
    if let Some(p) = part {
        let _ = write!(out, "  {name:<8}{}", p.value);
        match (&p.written, p.inferred) {
            (Some(w), None) => {
                let _ = write!(out, "  (written {w:?})");
            }
            (Some(w), Some(basis)) => {
                let _ = write!(out, "  (written {w:?}, inferred: {})", basis_text(basis));
            }
            (None, Some(basis)) => {
                let _ = write!(out, "  (not written, inferred: {})", basis_text(basis));
            }
            (None, None) => {}
        }
        out.push('\n');
    }
}

fn basis_text(basis: InferenceBasis) -> &'static str {
    match basis {
        InferenceBasis::TwoDigitYear => "two-digit year",
        InferenceBasis::ContextYear => "from the document's date",
        InferenceBasis::Supplied => "supplied by the editor",
        _ => "inferred",
    }
}

fn write_date(out: &mut String, date: &DateRecord) {
    write_part(out, "year", &date.year);
    write_part(out, "month", &date.month);
    write_part(out, "day", &date.day);
    let mut flags = Vec::new();
    if date.approximate {
        flags.push("approximate");
    }
    if date.undated {
        flags.push("undated");
    }
    if date.calendar == Calendar::Julian {
        flags.push("julian calendar");
    }
    if !flags.is_empty() {
        let _ = writeln!(out, "  {}", flags.join(", "));
    }
    if let Some(alternate) = &date.alternate {
        let _ = writeln!(out, "  alternate");
        write_date(out, alternate);
    }
    if let Some(end) = &date.end {
        let _ = writeln!(out, "  to {:?}", end.written);
        write_date(out, end);
    }
}

fn write_locators(out: &mut String, locators: &[LocatorRecord], indent: &str) {
    for l in locators {
        let _ = writeln!(
            out,
            "{indent}{:<10}{}  (written {:?})",
            l.label, l.locator, l.written
        );
    }
}

impl fmt::Display for Record<'_> {
    /// The readable view `ibid parse` prints.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        let _ = writeln!(out, "{} {:?}", self.kind.name(), self.input);
        if let Some(item) = &self.item {
            let names = |names: &[CslName]| {
                names
                    .iter()
                    .map(|n| match (&n.literal, &n.family, &n.given) {
                        (Some(l), _, _) => l.to_string(),
                        (None, Some(f), Some(g)) => format!("{f}, {g}"),
                        (None, Some(f), None) => f.to_string(),
                        _ => String::new(),
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let _ = writeln!(out, "  {:<18}{}", "type", item.item_type);
            if let Some(id) = &item.id {
                let _ = writeln!(out, "  {:<18}{}", "id", id);
            }
            for (label, list) in [
                ("author", &item.author),
                ("editor", &item.editor),
                ("translator", &item.translator),
            ] {
                if !list.is_empty() {
                    let _ = writeln!(out, "  {label:<18}{}", names(list));
                }
            }
            let fields = [
                ("title", &item.title),
                ("container-title", &item.container_title),
                ("collection-title", &item.collection_title),
                ("publisher-place", &item.publisher_place),
                ("publisher", &item.publisher),
                ("edition", &item.edition),
                ("genre", &item.genre),
                ("volume", &item.volume),
                ("issue", &item.issue),
                ("page", &item.page),
                ("number-of-pages", &item.number_of_pages),
                ("number", &item.number),
                ("DOI", &item.doi),
                ("URL", &item.url),
                ("archive", &item.archive),
                ("archive_location", &item.archive_location),
                ("language", &item.language),
            ];
            for (label, value) in fields {
                if let Some(v) = value {
                    let _ = writeln!(out, "  {label:<18}{v}");
                }
            }
            if let Some(issued) = &item.issued {
                let parts: Vec<String> = issued
                    .date_parts()
                    .map(|p| {
                        p.as_slice()
                            .iter()
                            .map(i32::to_string)
                            .collect::<Vec<_>>()
                            .join("-")
                    })
                    .collect();
                let _ = writeln!(out, "  {:<18}{}", "issued", parts.join(" to "));
            }
        }
        if let Some(locators) = &self.locators {
            if self.item.is_some() && !locators.is_empty() {
                let _ = writeln!(out, "  locators");
                write_locators(&mut out, locators, "    ");
            } else {
                write_locators(&mut out, locators, "  ");
            }
        }
        if let Some(citations) = &self.citations {
            for c in citations {
                let _ = writeln!(
                    out,
                    "  @{}{}",
                    c.id,
                    if c.suppress_author {
                        "  (author suppressed)"
                    } else {
                        ""
                    }
                );
                if let Some(p) = &c.prefix {
                    let _ = writeln!(out, "    prefix    {p:?}");
                }
                if let Some(l) = &c.locator {
                    let _ = writeln!(out, "    locator   {l:?}");
                }
                write_locators(&mut out, &c.locators, "      ");
                if let Some(s) = &c.suffix {
                    let _ = writeln!(out, "    suffix    {s:?}");
                }
            }
        }
        if let Some(date) = &self.date {
            write_date(&mut out, date);
        }
        for e in &self.errors {
            let _ = writeln!(out, "  error: {} (bytes {}..{})", e.message, e.start, e.end);
        }
        if let Some(r) = &self.remainder {
            let _ = writeln!(out, "  unparsed: {r:?}");
        }
        f.write_str(&out)
    }
}
