//! The JSON form of a [`Record`](super::Record), written straight into a byte buffer.
//! Same bytes as `serde_json::to_writer(&Record::new(..))`, without building the record.

mod csl;
mod value;

use ibid_parse::csl::{date_to_csl, reference_to_csl};
use ibid_parse::{
    Calendar, Citation, CitationItem, DatePart, InferenceBasis, Locator, Parsed, ParsedInput,
    PartialDate, Reference, Span,
};
use value::{array, null, signed, Object};

/// Writes records as JSON, reusing its scratch space from one record to the next.
#[derive(Debug, Default)]
pub struct JsonWriter {
    /// `(start, index)` of a reference's locators, for putting them in input order.
    order: Vec<(usize, usize)>,
}

impl JsonWriter {
    /// A writer with empty scratch space.
    pub fn new() -> Self {
        JsonWriter::default()
    }

    /// Append the JSON record for `parsed`, the result of parsing `input`, to `out` (no
    /// newline). The bytes equal `serde_json::to_writer(out, &Record::new(input, parsed))`.
    pub fn write_record(&mut self, input: &str, parsed: &Parsed<ParsedInput>, out: &mut Vec<u8>) {
        let mut o = Object::open(out);
        o.str("input", input);
        o.name("kind", parsed.value.kind().name());
        match &parsed.value {
            ParsedInput::Reference(reference) => {
                csl::write_item(o.key("item"), &reference_to_csl(reference, input));
                self.write_reference_locators(o.key("locators"), reference, input);
            }
            ParsedInput::Locators(locators) => {
                write_locators(o.key("locators"), locators, input);
            }
            ParsedInput::Citation(citation) => {
                write_citation(o.key("citations"), citation.as_ref(), input);
            }
            ParsedInput::Date(Some(date)) => write_date(o.key("date"), date, input),
            _ => {}
        }
        array(o.key("errors"), &parsed.errors, |out, e| {
            let mut o = Object::open(out);
            o.str("message", &e.message);
            o.unsigned("start", e.span.start);
            o.unsigned("end", e.span.end);
            o.close();
        });
        o.str_or_null("remainder", parsed.remainder.map(|s| s.slice(input)));
        o.close();
    }

    /// Write a reference's locators, archival levels included, in the order of their starts
    /// (ties keep archival levels first, as a stable sort of the two lists chained does).
    fn write_reference_locators(&mut self, out: &mut Vec<u8>, reference: &Reference, input: &str) {
        let archival: &[Locator] = reference
            .archive
            .as_ref()
            .map_or(&[], |a| a.locators.as_slice());
        let all = || archival.iter().chain(&reference.locators);
        let in_order = all()
            .zip(all().skip(1))
            .all(|(a, b)| a.span.start <= b.span.start);
        if in_order {
            write_locators(out, all(), input);
            return;
        }
        self.order.clear();
        self.order
            .extend(all().enumerate().map(|(i, l)| (l.span.start, i)));
        self.order.sort_by_key(|&(start, _)| start);
        let nth = |i: usize| {
            archival
                .get(i)
                .or_else(|| reference.locators.get(i.checked_sub(archival.len())?))
        };
        write_locators(out, self.order.iter().filter_map(|&(_, i)| nth(i)), input);
    }
}

/// Append the JSON record for `parsed`, the result of parsing `input`, to `out` (no newline).
///
/// A one-off convenience over [`JsonWriter::write_record`]; keep a [`JsonWriter`] to write
/// many records.
pub fn write_record_json(input: &str, parsed: &Parsed<ParsedInput>, out: &mut Vec<u8>) {
    JsonWriter::new().write_record(input, parsed, out);
}

/// Write one locator: `{"label","locator","start","end","written"}`.
fn write_locator(out: &mut Vec<u8>, locator: &Locator, input: &str) {
    let mut o = Object::open(out);
    o.name("label", locator.label.name());
    o.str("locator", locator.value_text(input));
    o.unsigned("start", locator.value.start);
    o.unsigned("end", locator.value.end);
    o.str("written", locator.span.slice(input));
    o.close();
}

/// Write an array of locators.
fn write_locators<'l>(
    out: &mut Vec<u8>,
    locators: impl IntoIterator<Item = &'l Locator>,
    input: &str,
) {
    array(out, locators, |out, l| write_locator(out, l, input));
}

/// Write a citation's items (an empty array when there is no citation).
fn write_citation(out: &mut Vec<u8>, citation: Option<&Citation>, input: &str) {
    let items = citation.map_or(&[][..], |c| c.items.as_slice());
    array(out, items, |out, item| {
        write_citation_item(out, item, input)
    });
}

/// Write one cited item.
fn write_citation_item(out: &mut Vec<u8>, item: &CitationItem, input: &str) {
    let text = |s: Option<Span>| s.map(|s| s.slice(input));
    let mut o = Object::open(out);
    o.str("id", item.key.slice(input));
    o.str_or_null("prefix", text(item.prefix));
    o.str_or_null("locator", text(item.locator));
    o.str_or_null("suffix", text(item.suffix));
    o.boolean("suppress_author", item.suppress_author);
    write_locators(o.key("locators"), &item.locators, input);
    o.unsigned("start", item.span.start);
    o.unsigned("end", item.span.end);
    o.close();
}

/// The contract's name for a calendar.
fn calendar_name(calendar: Calendar) -> &'static str {
    match calendar {
        Calendar::Julian => "julian",
        _ => "gregorian",
    }
}

/// The contract's name for why a date part was inferred.
fn basis_name(basis: InferenceBasis) -> &'static str {
    match basis {
        InferenceBasis::TwoDigitYear => "two-digit-year",
        InferenceBasis::ContextYear => "context-year",
        InferenceBasis::Supplied => "supplied",
        _ => "inferred",
    }
}

/// Write one date part under `key`, or `null` when the date lacks it.
fn write_part<T: Copy + Into<i32>>(
    o: &mut Object,
    key: &str,
    part: Option<DatePart<T>>,
    input: &str,
) {
    let out = o.key(key);
    let Some(part) = part else {
        null(out);
        return;
    };
    let mut p = Object::open(out);
    signed(p.key("value"), i64::from(part.value.into()));
    p.str_or_null("written", part.span.map(|s| s.slice(input)));
    p.str_if_some("inferred", part.inferred.map(basis_name));
    p.close();
}

/// Write a date, with its range end and alternate-calendar form when it has them.
fn write_date(out: &mut Vec<u8>, date: &PartialDate, input: &str) {
    let mut o = Object::open(out);
    o.str("written", date.span.slice(input));
    write_part(&mut o, "year", date.year, input);
    write_part(&mut o, "month", date.month, input);
    write_part(&mut o, "day", date.day, input);
    if let Some(end) = &date.end {
        write_date(o.key("end"), end, input);
    }
    o.boolean("approximate", date.approximate);
    o.boolean("undated", date.undated);
    o.name("calendar", calendar_name(date.calendar));
    if let Some(alternate) = &date.alternate {
        write_date(o.key("alternate"), alternate, input);
    }
    match date_to_csl(date, input) {
        Some(csl) => csl::write_date(o.key("csl"), &csl),
        None => null(o.key("csl")),
    }
    o.close();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Record;
    use ibid_parse::{parse_locators, ArchivalReference};

    /// Locators parsed from `text`, moved to start at `at`.
    fn locators_at(text: &str, at: usize) -> Vec<Locator> {
        let mut locators = parse_locators(text).value;
        for l in &mut locators {
            l.span = l.span.shift(at);
            l.value = l.value.shift(at);
        }
        locators
    }

    #[test]
    fn interleaved_archival_and_pinpoint_locators_come_out_in_input_order() {
        let input = "p. 5 RGASPI f. 17 p. 9 op. 3";
        let mut archival = locators_at("f. 17", 12);
        archival.extend(locators_at("op. 3", 23));
        let mut archive = ArchivalReference::default();
        archive.repository = Some(Span::new(5, 11));
        archive.location = Some(Span::new(12, 28));
        archive.locators = archival;
        archive.span = Span::new(5, 28);
        let mut reference = Reference::default();
        reference.archive = Some(archive);
        reference.locators = [locators_at("p. 5", 0), locators_at("p. 9", 18)].concat();
        reference.span = Span::new(0, input.len());
        let parsed = Parsed::ok(ParsedInput::Reference(Box::new(reference)));
        let mut out = Vec::new();
        let mut writer = JsonWriter::new();
        for _ in 0..2 {
            out.clear();
            writer.write_record(input, &parsed, &mut out);
            let expected = serde_json::to_vec(&Record::new(input, &parsed)).unwrap();
            assert_eq!(
                String::from_utf8_lossy(&out),
                String::from_utf8_lossy(&expected)
            );
        }
        let text = String::from_utf8(out).unwrap();
        let order: Vec<_> = ["\"p. 5\"", "\"f. 17\"", "\"p. 9\"", "\"op. 3\""]
            .iter()
            .map(|w| text.find(w).unwrap())
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
    }
}
