//! The locator grammar: label before or after a value, lists, and the entry points.
//! Ambiguous label words (`f.`, `op.`, `l.`, `v.`, `S.`) are read in context; see `context`.

mod context;
mod diagnose;
mod render;
mod validate;

pub(crate) use render::render_list;

use super::labels::{lookup, scan_label, LabelHit, Reading};
use super::value::lex::{char_at, skip_spaces};
use super::value::{scan_value, ValueContext};
use super::{Locator, LocatorLabel};
use crate::{Parsed, Span};
use diagnose::diagnose;
pub(crate) use validate::mistyped_numbers;

/// Options that change how ambiguous locators are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocatorOptions {
    /// Read a bare arabic number with no label as a page (pandoc's rule). Default: true.
    pub bare_number_is_page: bool,
}

impl Default for LocatorOptions {
    fn default() -> Self {
        LocatorOptions {
            bare_number_is_page: true,
        }
    }
}

/// Parse `input` as exactly one locator.
///
/// Text after the locator, other than a final full stop, is kept as the remainder with an
/// error; a second locator is reported as such.
///
/// ```
/// use ibid_parse::{parse_locator, LocatorLabel, Side};
///
/// let input = "Л. 5 об.";
/// let locator = parse_locator(input).value.unwrap();
/// assert_eq!(locator.label, LocatorLabel::Folio);
/// assert_eq!(locator.ranges[0].first.side, Some(Side::Verso));
/// assert_eq!(locator.to_canonical(input), "fol. 5v");
/// ```
pub fn parse_locator(input: &str) -> Parsed<Option<Locator>> {
    let options = LocatorOptions::default();
    let start = skip_spaces(input, 0);
    if start == input.len() {
        return Parsed::ok(None);
    }
    let Some(locator) = scan_one(input, start, &options, Form::Any) else {
        return failed(input, None, start, false);
    };
    let end = locator.span.end;
    if let Some(tail) = unread_tail(input, end) {
        let second =
            separator(input, end).and_then(|at| scan_one(input, at, &options, Form::Labelled));
        let error = match second {
            Some(second) => crate::ParseError::new(
                crate::ParseErrorKind::UnexpectedText,
                "expected one locator, found a second one",
                second.span,
            ),
            None => diagnose(input, end, true),
        };
        let mut errors = mistyped_numbers(std::slice::from_ref(&locator), input);
        errors.push(error);
        return Parsed {
            value: Some(locator),
            errors,
            remainder: Some(tail),
        };
    }
    let errors = mistyped_numbers(std::slice::from_ref(&locator), input);
    Parsed {
        value: Some(locator),
        errors,
        remainder: None,
    }
}

/// Parse `input` as a list of locators (`Document 652, page 612`, `Ф. 17. Оп. 3. Д. 1234`).
///
/// Locators are separated by `,` `;` `.`, `and`/`und`/`et`/`и`, or spaces. What cannot be
/// read is kept as the remainder, with an error on the bytes at fault.
///
/// ```
/// use ibid_parse::{parse_locators, LocatorLabel};
///
/// let input = "pp. 33–35, 38; n. 4";
/// let locators = parse_locators(input).value;
/// assert_eq!(locators[0].label, LocatorLabel::Page);
/// assert_eq!(locators[0].value_text(input), "33–35, 38");
/// assert_eq!(locators[0].ranges.len(), 2);
/// assert_eq!(locators[1].label, LocatorLabel::Note);
/// ```
pub fn parse_locators(input: &str) -> Parsed<Vec<Locator>> {
    let start = skip_spaces(input, 0);
    if start == input.len() {
        return Parsed::ok(Vec::new());
    }
    parse_locators_if_any(input).unwrap_or_else(|| failed(input, Vec::new(), start, false))
}

/// [`parse_locators`] for a caller that only wants a list: `None`, and no error built, when
/// `input` does not start with a locator. Kind detection uses it to read a locator once.
pub(crate) fn parse_locators_if_any(input: &str) -> Option<Parsed<Vec<Locator>>> {
    let options = LocatorOptions::default();
    let first = scan_one(input, skip_spaces(input, 0), &options, Form::Any)?;
    let (locators, end) = scan_list_from(input, first, &options, false);
    let mut errors = mistyped_numbers(&locators, input);
    let remainder = unread_tail(input, end);
    if remainder.is_some() {
        errors.push(diagnose(input, end, true));
    }
    Some(Parsed {
        value: locators,
        errors,
        remainder,
    })
}

/// The errors [`parse_locators`] reports for `text[start..end]`, from the `locators` already
/// read there (spans into `text`) and `reach`, where the last of them ends: a citation keeps
/// them with its item instead of reading its locator twice.
pub(crate) fn list_errors(
    text: &str,
    start: usize,
    end: usize,
    locators: &[Locator],
    reach: usize,
) -> Vec<crate::ParseError> {
    let Some(slice) = text.get(start..end) else {
        return Vec::new();
    };
    let first = skip_spaces(slice, 0);
    if first == slice.len() {
        return Vec::new();
    }
    if locators.is_empty() {
        return vec![diagnose(slice, first, false).shift(start)];
    }
    let mut errors = mistyped_numbers(locators, text);
    let reach = reach.saturating_sub(start);
    if unread_tail(slice, reach).is_some() {
        errors.push(diagnose(slice, reach, true).shift(start));
    }
    errors
}

/// A result for input that holds no locator at `start`.
fn failed<T>(input: &str, value: T, start: usize, after_locator: bool) -> Parsed<T> {
    let trimmed = input.trim_end_matches(crate::text::is_space).len();
    Parsed {
        value,
        errors: vec![diagnose(input, start, after_locator)],
        remainder: Some(Span::new(start, trimmed.max(start))),
    }
}

/// The text after `end` that is more than spaces and one final full stop, trimmed.
fn unread_tail(input: &str, end: usize) -> Option<Span> {
    let mut at = skip_spaces(input, end);
    if char_at(input, at) == Some('.') && skip_spaces(input, at + 1) == input.len() {
        at = input.len();
    }
    if at >= input.len() {
        return None;
    }
    let trimmed = input.trim_end_matches(crate::text::is_space).len();
    Some(Span::new(at, trimmed.max(at)))
}

/// Parse one locator starting at byte `at` of `text` (after any spaces there); spans are
/// offsets into `text`.
///
/// A bare number counts as a page when `options` say so. Labels keep their default reading
/// (`f.` folio, `op.` opus, `l.` line): context needs a list, see [`parse_locators`].
pub(crate) fn scan_locator(text: &str, at: usize, options: &LocatorOptions) -> Option<Locator> {
    scan_one(text, skip_spaces(text, at), options, Form::Any)
}

/// Parse a list of locators starting at byte `at` of `text`, separated by `,` `;` or `and`;
/// returns them and the offset just after the last one (or `at` when none was found).
///
/// A value list never runs into the next locator: `pp. 33-35, 38` is one locator, `p. 12,
/// l. 3` two, and `pp. 33-35 and *passim*` stops before ` and`.
pub(crate) fn scan_locator_list(
    text: &str,
    at: usize,
    options: &LocatorOptions,
) -> (Vec<Locator>, usize) {
    scan_list(text, at, options, false, Form::Any)
}

/// Parse an archival chain (`f. 558, op. 11, d. 97, ll. 67-70`) at byte `at` of `text`,
/// reading `f.`, `op.` and `l.` as archival levels. Every locator needs a label.
pub(crate) fn scan_archival_chain(text: &str, at: usize) -> (Vec<Locator>, usize) {
    let options = LocatorOptions {
        bare_number_is_page: false,
    };
    scan_list(text, at, &options, true, Form::LabelFirst)
}

/// Whether `locator` is a count written after a number (`320 с.`, `320 pp.`, `3 vols.`): in
/// a reference that is the size of the work, not a place in it.
pub(crate) fn is_count(locator: &Locator) -> bool {
    locator
        .label_span
        .is_some_and(|label| label.start >= locator.value.end)
}

/// Why the text at byte `pos` of `text`, just after a locator, could not be read as one.
pub(crate) fn explain_locator_error(text: &str, pos: usize) -> crate::ParseError {
    diagnose(text, pos, true)
}

/// The list grammar behind [`parse_locators`] and [`scan_archival_chain`].
fn scan_list(
    text: &str,
    at: usize,
    options: &LocatorOptions,
    archival: bool,
    first: Form,
) -> (Vec<Locator>, usize) {
    let start = skip_spaces(text, at);
    match scan_one(text, start, options, first) {
        Some(first) => scan_list_from(text, first, options, archival),
        None => (Vec::new(), at),
    }
}

/// The rest of a list whose `first` locator has been read.
fn scan_list_from(
    text: &str,
    first: Locator,
    options: &LocatorOptions,
    archival: bool,
) -> (Vec<Locator>, usize) {
    let mut end = first.span.end;
    let mut locators = vec![first];
    loop {
        // `doc. 484, 563`: a bare number after a singular one-unit label is a page.
        let form = match locators.last() {
            Some(last) if options.bare_number_is_page && names_one_unit(text, last) => {
                if char_at(text, skip_spaces(text, end)) == Some(',') {
                    Form::Any
                } else {
                    Form::Labelled
                }
            }
            _ => Form::Labelled,
        };
        let Some(next) = separator(text, end).and_then(|at| scan_one(text, at, options, form))
        else {
            break;
        };
        end = next.span.end;
        locators.push(next);
    }
    context::resolve(text, &mut locators, archival);
    (locators, end)
}

/// Words that separate two locators when written between spaces.
pub(super) const SEPARATOR_WORDS: [&str; 6] = ["and", "und", "et", "и", "u.", "&"];

/// The separator after a locator ending at `end`: `,` `;` `.`, a joining word, or spaces.
/// Returns where the next locator would start.
fn separator(text: &str, end: usize) -> Option<usize> {
    let at = skip_spaces(text, end);
    match char_at(text, at)? {
        // `p. 12, and n. 3`: a joining word may follow the comma.
        ',' | ';' | '.' => {
            let next = skip_spaces(text, at + 1);
            Some(after_separator_word(text, next).unwrap_or(next))
        }
        _ if at == end => None,
        _ => Some(after_separator_word(text, at).unwrap_or(at)),
    }
}

/// Where the text after a joining word (`and`, `und`, `et`, `и`, `u.`, `&`) and its space
/// starts, if one is at `at`.
fn after_separator_word(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    let word = SEPARATOR_WORDS.iter().find(|w| {
        rest.as_bytes()
            .get(..w.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(w.as_bytes()))
    })?;
    let after = skip_spaces(text, at + word.len());
    (after > at + word.len()).then_some(after)
}

/// Labels that, written after a number, give a count (`320 с.`, `3 vols.`, `120 л.`).
fn counts(label: LocatorLabel) -> bool {
    matches!(
        label,
        LocatorLabel::Page | LocatorLabel::Volume | LocatorLabel::Folio
    )
}

/// After a number sign (`№`, `No.`, `Nr.`, `n°`) at `at` followed by a value, where the
/// value starts.
fn number_sign(text: &str, at: usize) -> Option<usize> {
    let sign = scan_label(text, at)?;
    let written = sign.span.slice(text);
    let is_sign = written.starts_with('№')
        || ["no.", "no", "nr.", "nr", "n°", "nº", "nᵒ"]
            .iter()
            .any(|s| written.eq_ignore_ascii_case(s));
    let after = skip_spaces(text, sign.span.end);
    let spaced = sign.tight || after > sign.span.end;
    let value_next = char_at(text, after).is_some_and(|c| c.is_alphanumeric());
    (is_sign && spaced && value_next).then_some(after)
}

/// The offset just after the last non-space character before `at`.
fn skip_spaces_back(text: &str, at: usize) -> usize {
    text.get(..at).map_or(at, |before| {
        before.trim_end_matches(crate::text::is_space).len()
    })
}

/// Labels whose singular names one unit that is rarely listed (`vol. 2`, `no. 3`, `doc. 652`).
fn one_unit(label: LocatorLabel) -> bool {
    use LocatorLabel::*;
    matches!(
        label,
        Volume | Issue | Document | Fond | Inventory | File | Box | Folder | Book | Part
    )
}

/// Whether `locator` has a singular one-unit label before its value (`doc. 484`, `vol. 2`).
fn names_one_unit(text: &str, locator: &Locator) -> bool {
    locator.label_span.is_some_and(|label| {
        label.end <= locator.value.start
            && lookup(label.slice(text)).is_some_and(|w| !w.plural && one_unit(w.label))
    })
}

/// How to read the value after a label.
fn value_context(hit: &LabelHit) -> ValueContext {
    ValueContext {
        leafy: hit.word.label == LocatorLabel::Folio
            || matches!(hit.word.reading, Reading::F | Reading::Ff | Reading::L),
        letters: hit.word.label == LocatorLabel::Appendix,
        words: hit.word.label == LocatorLabel::SubVerbo,
        single_unit: !hit.word.plural && one_unit(hit.word.label),
    }
}

/// Which forms of locator a position accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// A label and its value, a value and a count label, or a bare value.
    Any,
    /// A label and its value, or a value and a count label.
    Labelled,
    /// A label and its value only: nothing but a label word is looked at when there is none,
    /// so a caller may try every word of a text in linear time.
    LabelFirst,
}

/// One locator of the given `form` at `pos`.
fn scan_one(text: &str, pos: usize, options: &LocatorOptions, form: Form) -> Option<Locator> {
    if let Some(hit) = scan_label(text, pos) {
        let mut at = skip_spaces(text, hit.span.end);
        if !hit.tight && at == hit.span.end {
            return None;
        }
        let mut label_span = hit.span;
        if let Some(after) = number_sign(text, at).filter(|_| hit.word.label != LocatorLabel::Issue)
        {
            // `Документ № 652`, `Doc. No. 5`: the number sign is part of the label.
            label_span.end = skip_spaces_back(text, after);
            at = after;
        }
        let value = scan_value(text, at, value_context(&hit))?;
        return Some(Locator {
            label: hit.word.label,
            label_span: Some(label_span),
            value: value.span,
            span: Span::new(hit.span.start, value.span.end),
            ranges: value.ranges,
            following: value.following,
        });
    }
    if form == Form::LabelFirst {
        return None;
    }
    let value = scan_value(text, pos, ValueContext::default())?;
    let label_at = skip_spaces(text, value.span.end);
    if label_at > value.span.end {
        if let Some(hit) = scan_label(text, label_at).filter(|h| counts(h.word.label)) {
            let value_after =
                scan_value(text, skip_spaces(text, hit.span.end), value_context(&hit));
            if value_after.is_none() {
                return Some(Locator {
                    label: hit.word.label,
                    label_span: Some(hit.span),
                    value: value.span,
                    span: Span::new(value.span.start, hit.span.end),
                    ranges: value.ranges,
                    following: value.following,
                });
            }
        }
    }
    if form != Form::Any {
        return None;
    }
    let sided = value
        .ranges
        .iter()
        .any(|r| r.first.side.is_some() || r.last.as_ref().is_some_and(|l| l.side.is_some()));
    let label = if sided {
        LocatorLabel::Folio
    } else if options.bare_number_is_page
        && value.span.slice(text).bytes().any(|b| b.is_ascii_digit())
    {
        LocatorLabel::Page
    } else {
        return None;
    };
    Some(Locator {
        label,
        label_span: None,
        value: value.span,
        span: value.span,
        ranges: value.ranges,
        following: value.following,
    })
}

/// The canonical English form of `locator` (see [`Locator::to_canonical`]).
pub(super) fn render_canonical(locator: &Locator, input: &str) -> String {
    render::render_canonical(locator, input)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locator::{Following, NumberKind, Side};
    use LocatorLabel::*;

    /// Label and value text of every locator of `input`, asserting a clean parse.
    fn read(input: &str) -> Vec<(LocatorLabel, &str)> {
        let parsed = parse_locators(input);
        assert!(parsed.is_clean(), "{input:?}: {:?}", parsed.errors);
        parsed
            .value
            .iter()
            .map(|l| (l.label, l.value_text(input)))
            .collect()
    }

    fn one(input: &str) -> Locator {
        let parsed = parse_locator(input);
        assert!(parsed.is_clean(), "{input:?}: {:?}", parsed.errors);
        parsed.value.expect("a locator")
    }

    #[test]
    fn f_and_ff_after_a_value_mean_following() {
        assert_eq!(one("S. 12 f.").following, Some(Following::One));
        assert_eq!(one("S. 12 ff.").following, Some(Following::Many));
        assert_eq!(one("S. 12ff.").following, Some(Following::Many));
        assert_eq!(one("S. 12 f.").value, Span::new(3, 8));
    }

    #[test]
    fn f_and_ff_before_a_value_mean_folio() {
        assert_eq!(read("f. 12"), [(Folio, "12")]);
        assert_eq!(read("ff. 12–15"), [(Folio, "12–15")]);
        // A value then `f.` and a number: the second `f.` is a new folio label.
        assert_eq!(read("S. 12 f. 13"), [(Page, "12"), (Folio, "13")]);
    }

    #[test]
    fn p_between_inventory_and_file_is_a_folder() {
        let folder = [
            (Fond, "04"),
            (Inventory, "39"),
            (Folder, "232"),
            (File, "52987"),
            (Folio, "12"),
        ];
        assert_eq!(read("f. 04, op. 39, p. 232, d. 52987, l. 12"), folder);
        assert_eq!(read("Ф. 04. Оп. 39. П. 232. Д. 52987. Л. 12"), folder);
        assert_eq!(read("ф. 04, оп. 39, п. 232, д. 52987"), folder[..4]);
        // Elsewhere `p.` is a page and `п.` a paragraph.
        assert_eq!(read("оп. 39, p. 232"), [(Inventory, "39"), (Page, "232")]);
        assert_eq!(read("d. 5, p. 232"), [(File, "5"), (Page, "232")]);
        assert_eq!(read("т. 2, п. 5"), [(Volume, "2"), (Paragraph, "5")]);
    }

    #[test]
    fn capital_acronyms_are_not_labels() {
        for input in [
            "FO 371/4958",
            "NS 19/1234",
            "CAB 24/118",
            "WO 95/4",
            "RG 59",
        ] {
            assert!(parse_locators(input).value.is_empty(), "{input}");
        }
        assert_eq!(read("Fo 12"), [(Folio, "12")]);
    }

    #[test]
    fn sides_of_leaf_ranges() {
        let sides = |input: &str| {
            let l = one(input);
            l.ranges
                .iter()
                .map(|r| {
                    (
                        r.first.value,
                        r.first.side,
                        r.last.as_ref().map(|n| (n.value, n.side)),
                    )
                })
                .collect::<Vec<_>>()
        };
        let (r, v) = (Some(Side::Recto), Some(Side::Verso));
        assert_eq!(sides("Л. 5–6 об."), [(Some(5), None, Some((Some(6), v)))]);
        assert_eq!(
            sides("лл. 12 об.–13"),
            [(Some(12), v, Some((Some(13), None)))]
        );
        assert_eq!(sides("fol. 4r–5v"), [(Some(4), r, Some((Some(5), v)))]);
        assert_eq!(sides("ff. 12v–13r"), [(Some(12), v, Some((Some(13), r)))]);
        assert_eq!(sides("Bl. 23 Rs."), [(Some(23), v, None)]);
        assert_eq!(
            sides("Bl. 112r–113v"),
            [(Some(112), r, Some((Some(113), v)))]
        );
        assert_eq!(sides("f° 12 v°"), [(Some(12), v, None)]);
    }

    #[test]
    fn f_before_op_is_a_fond() {
        assert_eq!(
            read("f. 558, op. 11, d. 97"),
            [(Fond, "558"), (Inventory, "11"), (File, "97")]
        );
        assert_eq!(read("f. 5, d. 3"), [(Fond, "5"), (File, "3")]);
        // After the file, `f.` counts leaves again; with a side it is always a leaf.
        assert_eq!(read("d. 97, f. 12"), [(File, "97"), (Folio, "12")]);
        assert_eq!(read("f. 12v, d. 3"), [(Folio, "12v"), (File, "3")]);
        // `ф.` is a fond whatever follows.
        assert_eq!(read("ф. 17"), [(Fond, "17")]);
    }

    #[test]
    fn op_is_an_inventory_only_in_an_archival_chain() {
        assert_eq!(read("op. 27"), [(Opus, "27")]);
        assert_eq!(read("op. 3, d. 12"), [(Inventory, "3"), (File, "12")]);
        assert_eq!(read("оп. 3"), [(Inventory, "3")]);
    }

    #[test]
    fn l_is_a_leaf_only_in_an_archival_chain() {
        assert_eq!(read("l. 5"), [(Line, "5")]);
        assert_eq!(read("p. 12, l. 3"), [(Page, "12"), (Line, "3")]);
        assert_eq!(read("d. 12, l. 5"), [(File, "12"), (Folio, "5")]);
        assert_eq!(read("d. 12, ll. 5–6"), [(File, "12"), (Folio, "5–6")]);
        assert_eq!(read("Л. 5"), [(Folio, "5")]);
    }

    #[test]
    fn a_number_sign_after_a_label_belongs_to_it() {
        let input = "Документ № 652, с. 612";
        assert_eq!(read(input), [(Document, "652"), (Page, "612")]);
        let parsed = parse_locators(input);
        assert_eq!(
            parsed.value[0].label_span.map(|s| s.slice(input)),
            Some("Документ №")
        );
        assert_eq!(read("Doc. No. 5"), [(Document, "5")]);
        assert_eq!(read("Dok. Nr. 5"), [(Document, "5")]);
        assert_eq!(read("vol. 3, no. 2"), [(Volume, "3"), (Issue, "2")]);
    }

    #[test]
    fn lists_with_a_serial_comma() {
        assert_eq!(read("pp. 12, 15, and 18"), [(Page, "12, 15, and 18")]);
        assert_eq!(read("p. 12, and n. 3"), [(Page, "12"), (Note, "3")]);
    }

    #[test]
    fn d_is_a_file() {
        assert_eq!(read("d. 97"), [(File, "97")]);
        assert_eq!(read("Д. 1234"), [(File, "1234")]);
    }

    #[test]
    fn s_with_digits_is_a_page_but_not_before_a_name() {
        assert_eq!(read("S. 12"), [(Page, "12")]);
        assert_eq!(read("S. xii"), [(Page, "xii")]);
        let parsed = parse_locators("S. Smith");
        assert!(parsed.value.is_empty());
        assert_eq!(parsed.remainder, Some(Span::new(0, 8)));
    }

    #[test]
    fn v_before_a_number_is_a_volume_after_a_leaf_a_verso() {
        assert_eq!(read("v. 2"), [(Volume, "2")]);
        let leaf = one("f. 5 v.");
        assert_eq!(
            (leaf.label, leaf.ranges[0].first.side),
            (Folio, Some(Side::Verso))
        );
        let leaf = one("fol. 5 v");
        assert_eq!(leaf.ranges[0].first.side, Some(Side::Verso));
        // After a page, `v.` starts a volume (here an odd order, but not a verso).
        assert_eq!(read("p. 5 v. 2"), [(Page, "5"), (Volume, "2")]);
        assert_eq!(read("fol. 5 v. 2"), [(Folio, "5"), (Volume, "2")]);
    }

    #[test]
    fn str_is_a_page() {
        assert_eq!(read("стр. 45"), [(Page, "45")]);
        assert_eq!(read("Стр. 45–47"), [(Page, "45–47")]);
    }

    #[test]
    fn a_count_after_a_number_is_not_a_place() {
        let parsed = parse_locators("320 с.");
        let count = &parsed.value[0];
        assert!(is_count(count));
        assert_eq!((count.label, count.value_text("320 с.")), (Page, "320"));
        assert!(is_count(&one("320 pp.")));
        assert!(is_count(&one("3 vols.")));
        assert!(is_count(&one("xii + 410 pp.")));
        assert!(!is_count(&one("с. 320")));
        // `с.` before a number is the next locator's label, not a count.
        assert_eq!(read("т. 2 с. 5"), [(Volume, "2"), (Page, "5")]);
    }

    #[test]
    fn bare_numbers() {
        assert_eq!(read("12"), [(Page, "12")]);
        assert_eq!(read("12–15, 18"), [(Page, "12–15, 18")]);
        assert_eq!(read("15 об."), [(Folio, "15 об.")]);
        assert!(!parse_locators("VII").is_clean());
        let options = LocatorOptions {
            bare_number_is_page: false,
        };
        assert_eq!(scan_locator("12", 0, &options), None);
        assert!(scan_locator("12v", 0, &options).is_some());
        assert!(scan_locator("p. 12", 0, &options).is_some());
    }

    #[test]
    fn plurals_do_not_swallow_the_next_locator() {
        let parsed = parse_locators("pp. 33-35, 38");
        assert_eq!(parsed.value.len(), 1);
        assert_eq!(parsed.value[0].ranges.len(), 2);
        assert_eq!(read("p. 12, l. 3"), [(Page, "12"), (Line, "3")]);
        assert_eq!(
            read("pp. 12, 15, vol. 3"),
            [(Page, "12, 15"), (Volume, "3")]
        );
        assert_eq!(read("pp. 12, 15 n. 3"), [(Page, "12, 15"), (Note, "3")]);
    }

    #[test]
    fn a_volume_does_not_take_the_pages_after_it() {
        let text = "Journal of History, vol. 61, 327–335.";
        let at = text.find("vol.").unwrap();
        let located = scan_locator(text, at, &LocatorOptions::default()).unwrap();
        assert_eq!(located.value.slice(text), "61");
        // Note style: a bare number after a singular `vol.` or `doc.` is a page.
        assert_eq!(read("vol. 12, 13"), [(Volume, "12"), (Page, "13")]);
        assert_eq!(read("doc. 484, 563"), [(Document, "484"), (Page, "563")]);
        assert_eq!(read("docs. 484, 563"), [(Document, "484, 563")]);
        assert_eq!(read("doc. 12–14, 16"), [(Document, "12–14, 16")]);
        assert_eq!(read("Dok. 1915-07-07"), [(Document, "1915-07-07")]);
        assert_eq!(
            one("Dok. 1915-07-07").ranges[0].first.kind,
            NumberKind::Identifier
        );
        assert_eq!(read("pp. 12-13"), [(Page, "12-13")]);
        assert_eq!(read("vols. 1, 1990"), [(Volume, "1, 1990")]);
        assert_eq!(read("pp. 12, 1985"), [(Page, "12, 1985")]);
    }

    #[test]
    fn separators_between_locators() {
        for input in [
            "vol. 2, p. 5",
            "vol. 2; p. 5",
            "vol. 2. p. 5",
            "vol. 2 p. 5",
            "vol. 2 and p. 5",
            "vol. 2 und p. 5",
            "vol. 2 et p. 5",
            "vol. 2 и p. 5",
        ] {
            assert_eq!(read(input), [(Volume, "2"), (Page, "5")], "{input}");
        }
        assert_eq!(
            read("Ф. 17. Оп. 3. Д. 1234. Л. 5–6 об."),
            [
                (Fond, "17"),
                (Inventory, "3"),
                (File, "1234"),
                (Folio, "5–6 об.")
            ]
        );
    }

    #[test]
    fn numbers_ranges_and_sides() {
        let l = one("Л. 5–6 об.");
        let range = &l.ranges[0];
        assert_eq!(range.first.value, Some(5));
        let last = range.last.as_ref().unwrap();
        assert_eq!((last.value, last.side), (Some(6), Some(Side::Verso)));
        assert_eq!(range.separator, Some(Span::new(5, 8)));
        let l = one("p. xiv");
        assert_eq!(
            (l.ranges[0].first.kind, l.ranges[0].first.value),
            (NumberKind::Roman, Some(14))
        );
        let l = one("Ф. Р-175");
        assert_eq!(l.ranges[0].first.kind, NumberKind::Identifier);
        assert!(one("pp. 612–601").ranges[0].is_reversed());
        assert!(!one("pp. 612–13").ranges[0].is_reversed());
    }

    #[test]
    fn scanning_inside_a_larger_text() {
        let text = "Барсегов Ю.Г. Нагорный Карабах Document 652, page 612";
        let at = text.find("Document").unwrap();
        let (locators, end) = scan_locator_list(text, at, &LocatorOptions::default());
        assert_eq!(end, text.len());
        assert_eq!(locators[0].span.slice(text), "Document 652");
        assert_eq!(locators[1].value.slice(text), "612");
        let text = "[see @doe99, pp. 33-35 and *passim*; @smith04]";
        let at = text.find("pp.").unwrap();
        let (locators, end) = scan_locator_list(text, at, &LocatorOptions::default());
        assert_eq!(locators.len(), 1);
        assert_eq!(&text[at..end], "pp. 33-35");
        // Nothing there: the offset stays where it was.
        assert_eq!(
            scan_locator_list(text, 0, &LocatorOptions::default()),
            (Vec::new(), 0)
        );
        let located = scan_locator(text, at, &LocatorOptions::default()).unwrap();
        assert_eq!(located.label_span.map(|s| s.slice(text)), Some("pp."));
    }

    #[test]
    fn parse_locator_wants_exactly_one() {
        let parsed = parse_locator("doc. 652, p. 612");
        assert_eq!(parsed.value.map(|l| l.label), Some(Document));
        assert_eq!(
            parsed.errors[0].message,
            "expected one locator, found a second one"
        );
        assert_eq!(parsed.errors[0].span, Span::new(10, 16));
        assert_eq!(parsed.remainder, Some(Span::new(8, 16)));
        assert!(parse_locator("p. 12.").is_clean());
        assert_eq!(parse_locator("").value, None);
    }

    #[test]
    fn errors_point_at_the_bytes() {
        let cases = [
            ("xyz 12", "unknown locator label `xyz`", (0, 3), (0, 6)),
            ("p. 12–", "a range needs a value after `–`", (5, 8), (5, 8)),
            (
                "p.",
                "locator label `p.` needs a value, such as `p. 12`",
                (0, 2),
                (0, 2),
            ),
            (
                "p. 12, xyz 5",
                "unknown locator label `xyz`",
                (7, 10),
                (5, 12),
            ),
            (
                "pp. 33-35 and *passim*",
                "cannot read `*passim*` as part of a locator",
                (14, 22),
                (10, 22),
            ),
        ];
        for (input, message, error, remainder) in cases {
            let parsed = parse_locators(input);
            assert_eq!(parsed.errors.len(), 1, "{input}");
            assert_eq!(parsed.errors[0].message, message, "{input}");
            assert_eq!(
                parsed.errors[0].span,
                Span::new(error.0, error.1),
                "{input}"
            );
            assert_eq!(
                parsed.remainder,
                Some(Span::new(remainder.0, remainder.1)),
                "{input}"
            );
        }
    }

    #[test]
    fn canonical_forms_read_back() {
        for input in [
            "p. 12",
            "pp. 33-35, 38",
            "S. 12 f.",
            "Л. 5–6 об.",
            "fol. 4r–v",
            "Document 652",
            "320 с.",
            "§§ 3–5",
            "s.v. Lenin",
            "f. 12",
            "op. 27",
            "ll. 3-4",
            "Bd. II",
        ] {
            let first = one(input);
            let canonical = first.to_canonical(input);
            let again = one(&canonical);
            assert_eq!(first.label, again.label, "{input} -> {canonical}");
            assert_eq!(first.following, again.following, "{input} -> {canonical}");
            assert_eq!(is_count(&first), is_count(&again), "{input} -> {canonical}");
            let sides = |l: &Locator| {
                l.ranges
                    .iter()
                    .map(|r| {
                        (
                            r.first.value,
                            r.first.side,
                            r.last.as_ref().map(|n| (n.value, n.side)),
                        )
                    })
                    .collect::<Vec<_>>()
            };
            assert_eq!(sides(&first), sides(&again), "{input} -> {canonical}");
        }
        assert_eq!(
            one("pp. 33-35, 38").to_canonical("pp. 33-35, 38"),
            "pp. 33–35, 38"
        );
        assert_eq!(one("Л. 5 об.").to_canonical("Л. 5 об."), "fol. 5v");
        assert_eq!(one("Document 652").to_canonical("Document 652"), "doc. 652");
    }

    #[test]
    fn archival_chains_render_and_read_back() {
        for input in [
            "RGASPI, f. 558, op. 11, d. 97, ll. 67-70",
            "Ф. 17. Оп. 3. Д. 1234. Л. 5–6 об.",
            "Ф. 235. Оп. 7. Д. 42; Оп. 8. Д. 4794",
            "fond 5, opis 1",
            "op. 3, d. 12, l. 5",
            "Box 3, Folder 9",
        ] {
            let (first, _) = scan_archival_chain(input, input.find(['f', 'Ф', 'o', 'B']).unwrap());
            let canonical = render_list(&first, input);
            let (again, end) = scan_archival_chain(&canonical, 0);
            assert_eq!(end, canonical.len(), "{canonical}");
            let labels = |list: &[Locator]| list.iter().map(|l| l.label).collect::<Vec<_>>();
            assert_eq!(labels(&first), labels(&again), "{input} -> {canonical}");
        }
        let input = "f. 558, op. 11, d. 97, ll. 67-70";
        let (chain, _) = scan_archival_chain(input, 0);
        assert_eq!(
            render_list(&chain, input),
            "f. 558, op. 11, d. 97, ll. 67–70"
        );
    }

    #[test]
    fn scanning_from_any_offset_of_mixed_text_is_safe() {
        const PIECES: [&str; 26] = [
            "p.", "pp. ", "S.", "Л. ", "f. ", "op. ", "d. ", "l. ", "§", "№", "n°", " ", ", ",
            "; ", ". ", "12", "xiv", "–", "-", "об.", "v", " f.", " и ", " and ", "é", "\u{a0}",
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let options = LocatorOptions::default();
        for _ in 0..400 {
            let len = (next() % 14) as usize;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let (locators, end) = scan_locator_list(&text, at, &options);
                assert!(end >= at && end <= text.len(), "{text:?} at {at}");
                let mut previous = at;
                for locator in &locators {
                    for span in [locator.span, locator.value] {
                        assert!(
                            span.start >= previous && span.end <= end,
                            "{text:?} at {at}"
                        );
                        assert!(
                            text.is_char_boundary(span.start) && text.is_char_boundary(span.end)
                        );
                    }
                    previous = locator.span.end;
                }
            }
            let parsed = parse_locators(&text);
            assert_eq!(
                parsed.remainder.is_some(),
                !parsed.errors.is_empty(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn pathological_inputs_are_read_without_panicking() {
        // Timing is the benchmarks' job (`cargo bench -p ibid-parse`, group `pathological`);
        // here the inputs only have to be read, with results that stay inside them.
        const N: usize = 1 << 16;
        let inputs = [
            ".".repeat(N),
            "p. ".repeat(N / 3),
            "1".repeat(N),
            "[".repeat(N),
            "p. 1 ".repeat(N / 5),
            "1, ".repeat(N / 3),
            "1-".repeat(N / 2),
            "f. ".repeat(N / 3),
            "s.v. ".repeat(N / 5),
            "a".repeat(N),
            "a ".repeat(N / 2),
            "Л. 5 об. ".repeat(N / 12),
            "RGASPI, ".repeat(N / 8),
        ];
        for input in &inputs {
            let parsed = parse_locators(input);
            let _ = crate::parse_archival(input);
            let _ = parse_locator(input);
            assert!(parsed.value.len() <= input.len());
            assert!(parsed.value.iter().all(|l| l.span.end <= input.len()));
        }
    }
}
