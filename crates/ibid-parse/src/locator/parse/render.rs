//! Canonical English rendering of locators (`p. 12`, `pp. 33–35, 38`, `fol. 4v`, `doc. 652`)
//! and of archival chains (`f. 558, op. 11, d. 97, ll. 67–70`), which parse back unchanged.

use crate::locator::{Following, Locator, LocatorLabel, LocatorNumber, Side};
use std::fmt::Write as _;

/// The short English forms of a label, singular and plural; each reads back as the label on
/// its own (ambiguous forms such as `f.` or `op.` are used only in a chain, see [`render_list`]).
fn forms(label: LocatorLabel) -> (&'static str, &'static str) {
    use LocatorLabel::*;
    match label {
        Act => ("act", "acts"),
        Appendix => ("app.", "appendices"),
        ArticleLocator => ("art.", "arts."),
        Book => ("bk.", "bks."),
        Canon => ("canon", "canons"),
        Chapter => ("chap.", "chaps."),
        Column => ("col.", "cols."),
        Elocation => ("elocation", "elocation"),
        Equation => ("eq.", "eqs."),
        Figure => ("fig.", "figs."),
        Folio => ("fol.", "fols."),
        Issue => ("no.", "nos."),
        Line => ("l.", "ll."),
        Note => ("n.", "nn."),
        Opus => ("opus", "opp."),
        Page => ("p.", "pp."),
        Paragraph => ("para.", "paras."),
        Part => ("pt.", "pts."),
        Rule => ("rule", "rules"),
        Scene => ("sc.", "scenes"),
        Section => ("sec.", "secs."),
        SubVerbo => ("s.v.", "s.vv."),
        Supplement => ("suppl.", "supplements"),
        Table => ("tbl.", "tbls."),
        Timestamp => ("timestamp", "timestamp"),
        TitleLocator => ("tit.", "tit."),
        Verse => ("verse", "vv."),
        Version => ("version", "versions"),
        Volume => ("vol.", "vols."),
        Document => ("doc.", "docs."),
        Fond => ("fond", "fonds"),
        Inventory => ("opis", "opisi"),
        File => ("d.", "dd."),
        Box => ("box", "boxes"),
        Folder => ("folder", "folders"),
    }
}

/// Whether the value holds more than one number (`pp.` rather than `p.`).
fn is_plural(locator: &Locator) -> bool {
    locator.ranges.len() > 1 || locator.ranges.iter().any(|r| r.last.is_some())
}

fn write_number(out: &mut String, number: &LocatorNumber, input: &str) {
    out.push_str(number.span.slice(input));
    match number.side {
        Some(Side::Recto) => out.push('r'),
        Some(Side::Verso) => out.push('v'),
        None => {}
    }
}

fn write_value(out: &mut String, locator: &Locator, input: &str) {
    for (i, range) in locator.ranges.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_number(out, &range.first, input);
        if let Some(last) = &range.last {
            out.push('–');
            write_number(out, last, input);
        }
    }
    match locator.following {
        Some(Following::One) => out.push_str(" f."),
        Some(Following::Many) => out.push_str(" ff."),
        Some(Following::Passim) => out.push_str(" passim"),
        None => {}
    }
}

/// Write `locator` with the label `label` (before the value, or after it for a count).
fn write_locator(out: &mut String, locator: &Locator, input: &str, label: &str) {
    if super::is_count(locator) {
        write_value(out, locator, input);
        let _ = write!(out, " {label}");
    } else {
        let _ = write!(out, "{label} ");
        write_value(out, locator, input);
    }
}

fn default_label(locator: &Locator) -> &'static str {
    let (singular, plural) = forms(locator.label);
    if is_plural(locator) || super::is_count(locator) {
        plural
    } else {
        singular
    }
}

/// The canonical English form of one locator, which [`super::parse_locator`] reads back to
/// the same label, numbers, sides and following mark.
pub(crate) fn render_canonical(locator: &Locator, input: &str) -> String {
    let mut out = String::new();
    write_locator(&mut out, locator, input, default_label(locator));
    out
}

/// The canonical form of a list of locators, joined by `, `. In an archival chain (a fond,
/// file, box or folder present) the levels take their archival abbreviations, `f.` `op.` `d.`
/// `l.`/`ll.`, which [`super::parse_locators`] reads back in the same context.
#[allow(dead_code)] // for callers that rewrite whole chains (`ibid fmt`)
pub(crate) fn render_list(locators: &[Locator], input: &str) -> String {
    use LocatorLabel::*;
    let chain = locators
        .iter()
        .any(|l| matches!(l.label, Fond | File | Box | Folder));
    let mut out = String::new();
    let mut seen_lower_level = false;
    for (i, locator) in locators.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let plural = is_plural(locator);
        let next = locators.get(i + 1).map(|l| l.label);
        let label = match locator.label {
            Fond if !seen_lower_level && matches!(next, Some(Inventory | File)) => "f.",
            Inventory if chain => "op.",
            Folio if chain && !super::is_count(locator) => {
                if plural {
                    "ll."
                } else {
                    "l."
                }
            }
            Line if chain => {
                if plural {
                    "lines"
                } else {
                    "line"
                }
            }
            _ => default_label(locator),
        };
        write_locator(&mut out, locator, input, label);
        if matches!(locator.label, Inventory | File) {
            seen_lower_level = true;
        }
    }
    out
}
