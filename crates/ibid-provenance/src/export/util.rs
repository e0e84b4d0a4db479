//! Helpers shared by the exports: ISO forms of partial dates, slugs for ids, XML escaping,
//! and the archival reference split into repository and location.

use crate::model::{DateValue, Source};
use ibid_parse::{ArchivalReference, InferenceBasis, PartialDate};

/// The ISO 8601 form of a partial date's known parts (`1921`, `1921-02`, `1921-02-19`). ISO
/// dates are Gregorian: a full old-style date is written as its new-style day (chrono).
pub fn iso_date(date: &PartialDate) -> Option<String> {
    if let Some(day) = date.gregorian_day() {
        return Some(day.format("%Y-%m-%d").to_string());
    }
    let year = date.year?.value;
    let mut out = format!("{year:04}");
    if let Some(m) = date.month {
        out.push_str(&format!("-{:02}", m.value));
        if let Some(d) = date.day {
            out.push_str(&format!("-{:02}", d.value));
        }
    }
    Some(out)
}

/// Why parts of a date were inferred, in words, if any were.
pub(crate) fn inference_note(date: &PartialDate) -> Option<&'static str> {
    let parts = [
        date.year.and_then(|p| p.inferred),
        date.month.and_then(|p| p.inferred),
        date.day.and_then(|p| p.inferred),
    ];
    parts.into_iter().flatten().next().map(|basis| match basis {
        InferenceBasis::ContextYear => "year inferred from document date",
        InferenceBasis::TwoDigitYear => "century inferred from a two-digit year",
        InferenceBasis::Supplied => "supplied by the editor",
        _ => "inferred",
    })
}

/// `19/II → 1921-02-19 (year inferred from document date)`: a date as written, what it
/// means, and what was inferred.
pub(crate) fn describe_date(value: &DateValue) -> String {
    let written = &value.written.text;
    match value.date() {
        Some(d) => {
            let iso = iso_date(d).unwrap_or_else(|| "no year".to_string());
            let mut out = if iso == *written {
                written.clone()
            } else {
                format!("{written} → {iso}")
            };
            if let Some(end) = d.end.as_deref().and_then(iso_date) {
                out.push_str(&format!(" to {end}"));
            }
            if let Some(note) = inference_note(d) {
                out.push_str(&format!(" ({note})"));
            }
            if d.approximate {
                out.push_str(" (approximate)");
            }
            out
        }
        None => format!("{written} (not read)"),
    }
}

/// An id-safe form of `s`: letters and digits kept (lower-cased), anything else a `-`.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
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

/// An id for `s` that is both a valid `NCName` (an `xml:id`, the local part of an `xs:QName`
/// in PROV-XML) and made of URI characters (PROV-JSON's ids are URIs): ASCII letters and
/// digits kept (lower-cased), Cyrillic transliterated and diacritics removed, other letters
/// as `u` and their code point in hex (so distinct names stay distinct), any other run of
/// characters one `-`, and a `_` in front when it would not start with a letter.
pub fn ncname(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 1);
    let separate = |out: &mut String| {
        if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    };
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if let Some(latin) = crate::latin::cyrillic(c) {
            out.push_str(latin);
        } else if let Some(plain) = crate::latin::plain_latin(c) {
            out.push(plain);
        } else if c.is_alphanumeric() {
            out.push_str(&format!("u{:x}", u32::from(c)));
        } else {
            separate(&mut out);
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    match out.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => out,
        _ => format!("_{out}"),
    }
}

/// `s` with `&`, `<`, `>`, `"` and `'` escaped, and characters XML forbids dropped.
pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The archival original of a source as parsed, with the text its spans point into:
/// `[source] archive`, else a `cite` that is an archival reference.
pub(crate) fn archival(source: &Source) -> Option<(&ArchivalReference, &str)> {
    if let Some(text) = &source.archive {
        return source
            .archival
            .as_ref()
            .and_then(|p| p.value.as_ref())
            .map(|a| (a, text.text.as_str()));
    }
    let cite = source.cite.as_ref()?;
    source.cited_archive().map(|a| (a, cite.text.as_str()))
}

/// The archival original as written: `[source] archive`, else an archival `cite`.
pub(crate) fn archive_text(source: &Source) -> Option<&str> {
    match (&source.archive, &source.cite) {
        (Some(a), _) => Some(a.text.as_str()),
        (None, Some(c)) if source.cited_archive().is_some() => Some(c.text.as_str()),
        _ => None,
    }
}

/// The repository and the location within it of the archival original (`[source]
/// archive`, or an archival `cite`): from `ibid_parse` when it read one, else the text
/// split at its first comma or full stop.
pub(crate) fn archive_parts(source: &Source) -> Option<(String, Option<String>)> {
    let input = archive_text(source)?;
    if let Some((archival, _)) = archival(source) {
        if let Some(repo) = archival.repository {
            let location = archival
                .location
                .map(|l| l.slice(input).to_string())
                .filter(|l| !l.is_empty());
            return Some((repo.slice(input).to_string(), location));
        }
    }
    let cut = input.find([',', '.']);
    match cut {
        Some(at) => {
            let repo = input.get(..at).unwrap_or(input).trim().to_string();
            let rest = input.get(at + 1..).unwrap_or("").trim().to_string();
            Some((repo, Some(rest).filter(|r| !r.is_empty())))
        }
        None => Some((input.trim().to_string(), None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_escapes() {
        assert_eq!(slug("V. I. Lenin"), "v-i-lenin");
        assert_eq!(slug("Барсегов Ю.Г."), "барсегов-ю-г");
        assert_eq!(slug("..."), "x");
        assert_eq!(ncname("V. I. Lenin"), "v-i-lenin");
        assert_eq!(ncname("Барсегов Ю.Г."), "barsegov-yu-g");
        assert_eq!(ncname("Übersetzerin A"), "ubersetzerin-a");
        assert_eq!(ncname("李 王"), "u674e-u738b");
        assert_eq!(ncname("1921 letter²"), "_1921-letterub2");
        assert_eq!(ncname("..."), "_");
        assert_eq!(xml_escape("a<b>&\"'\u{1}"), "a&lt;b&gt;&amp;&quot;&apos;");
    }

    #[test]
    fn iso_dates_are_gregorian_and_keep_partial_dates_partial() {
        let iso = |input| iso_date(&ibid_parse::parse_date(input).value.unwrap());
        assert_eq!(iso("16 February 1921").as_deref(), Some("1921-02-16"));
        assert_eq!(
            iso("25 октября 1917 г. ст. ст.").as_deref(),
            Some("1917-11-07")
        );
        assert_eq!(iso("1921-02").as_deref(), Some("1921-02"));
        assert_eq!(iso("1921").as_deref(), Some("1921"));
        assert_eq!(iso("19/II"), None);
    }
}
