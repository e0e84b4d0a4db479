//! The locator families: label form, number and case (F001), range dash (F002), range ends
//! (F003), the space after a label (F004) and recto/verso marks (F005), for one locator.

use crate::change::Family;
use crate::forms::{forms_of, label_language, normalise, tables, Lang};
use crate::pages::range_end;
use crate::style::{LabelCase, LabelSpace, LeafSide, LocatorForm, PageRange, RangeDash, Style};
use ibid_parse::{Locator, LocatorLabel, LocatorNumber, NumberKind};
use std::borrow::Cow;
use std::ops::Range;

/// One proposed edit inside a value, in the value's own offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Proposal {
    pub family: Family,
    pub range: Range<usize>,
    pub replacement: String,
    pub message: String,
    pub title: String,
}

/// What a locator is read with: the style, the language around it, whether it is part of
/// an archival reference.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LocatorContext<'s> {
    pub style: &'s Style,
    pub language: Option<Lang>,
    pub archival: bool,
}

/// Dashes a range may be written with (hyphens, figure dash, en and em dash, minus).
const DASHES: [char; 7] = [
    '-', '\u{2010}', '\u{2011}', '\u{2012}', '–', '—', '\u{2212}',
];

/// Labels whose values are identifiers of archival units, not counted pages.
fn is_shelf_level(label: LocatorLabel) -> bool {
    use LocatorLabel::*;
    matches!(label, Fond | Inventory | File | Box | Folder)
}

/// Symbols that are labels by themselves (`§`, `¶`, `№`): written as they are.
fn is_symbol(label: &str) -> bool {
    label.chars().all(|c| matches!(c, '§' | '¶' | '№'))
}

/// Every edit the style asks of `locator`, whose spans are offsets into `text`.
pub(crate) fn locator_proposals(
    text: &str,
    locator: &Locator,
    ctx: LocatorContext<'_>,
) -> Vec<Proposal> {
    let mut out = Vec::new();
    let whole = locator.span.slice(text);
    let lang = locator
        .label_span
        .and_then(|s| label_language(locator.label, s.slice(text), ctx.language, ctx.archival));
    label_form(text, locator, ctx, lang, whole, &mut out);
    label_space(text, locator, ctx.style.label_space, whole, &mut out);
    for range in &locator.ranges {
        range_dash(text, range, ctx.style.range_dash, &mut out);
        // Leaves and archival levels are written in full (archival usage, Chicago 14.54).
        if !is_shelf_level(locator.label) && locator.label != LocatorLabel::Folio && !ctx.archival {
            page_range(text, range, ctx.style.page_range, &mut out);
        }
        for n in std::iter::once(&range.first).chain(range.last.as_ref()) {
            leaf_side(
                text,
                n,
                range,
                ctx.style.leaf_side,
                lang.or(ctx.language),
                &mut out,
            );
        }
    }
    out
}

/// Whether the value names more than one unit: `pp. 33–35`, `pp. 3, 7`, but not `л. 3–3 об.`.
fn is_plural(locator: &Locator, text: &str) -> bool {
    let mut numbers = locator
        .ranges
        .iter()
        .flat_map(|r| std::iter::once(&r.first).chain(r.last.as_ref()));
    let Some(first) = numbers.next() else {
        return false;
    };
    numbers.any(|n| !same_unit(first, n, text))
}

/// Whether two numbers name the same unit: the same value, else the same text (`12a`).
fn same_unit(a: &LocatorNumber, b: &LocatorNumber, text: &str) -> bool {
    match (a.value, b.value) {
        (Some(x), Some(y)) => x == y,
        (None, None) => a.span.slice(text) == b.span.slice(text),
        (Some(v), None) | (None, Some(v)) => {
            let unvalued = if a.value.is_none() { a } else { b };
            unvalued.span.slice(text) == v.to_string()
        }
    }
}

/// Whether a label at `at` starts a sentence or an area (`1992. С. 612`, `Т. 2. – С. 5`):
/// a full stop before it that does not end an initial (`Ю.Г. док. 5`).
fn starts_sentence(text: &str, at: usize) -> Option<bool> {
    let before = text.get(..at)?.trim_end();
    if before.is_empty() {
        return None;
    }
    let before = match before.strip_suffix(['–', '—']) {
        Some(b) => b.trim_end(),
        None => before,
    };
    let Some(head) = before.strip_suffix('.') else {
        return Some(false);
    };
    let word: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let initial = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    Some(!word.is_empty() && !initial)
}

/// `form` with its first letter upper or lower case (borrowed when it already is).
fn with_initial(form: &str, upper: bool) -> Cow<'_, str> {
    let mut chars = form.chars();
    let Some(first) = chars.next() else {
        return Cow::Borrowed(form);
    };
    let as_wanted = if upper {
        first.to_uppercase().eq([first])
    } else {
        first.to_lowercase().eq([first])
    };
    if as_wanted {
        return Cow::Borrowed(form);
    }
    let mut out: String = if upper {
        first.to_uppercase().collect()
    } else {
        first.to_lowercase().collect()
    };
    out.push_str(chars.as_str());
    Cow::Owned(out)
}

fn label_form(
    text: &str,
    locator: &Locator,
    ctx: LocatorContext<'_>,
    lang: Option<Lang>,
    whole: &str,
    out: &mut Vec<Proposal>,
) {
    let style = ctx.style;
    if style.locator_form == LocatorForm::AsWritten && style.label_case == LabelCase::AsWritten {
        return;
    }
    let (Some(span), Some(lang)) = (locator.label_span, lang) else {
        return;
    };
    let written = span.slice(text);
    if is_symbol(written) {
        return;
    }
    let long = match style.locator_form {
        LocatorForm::Short => Some(false),
        LocatorForm::Long => Some(true),
        LocatorForm::AsWritten => None,
    };
    let form = match long {
        Some(long) => {
            forms_of(locator.label, lang).and_then(|f| f.pick(long, is_plural(locator, text)))
        }
        None => None,
    };
    // The same form spelled otherwise (`N°` and `nᵒ`) keeps its spelling.
    let form = match form {
        Some(f) if normalise(f) != normalise(written) => f,
        _ => {
            if style.label_case == LabelCase::AsWritten && long.is_some() {
                return;
            }
            written
        }
    };
    let written_upper = written.chars().next().is_some_and(char::is_uppercase);
    let upper = if lang.capitalises_labels() {
        true
    } else {
        match style.label_case {
            LabelCase::Sentence => starts_sentence(text, span.start).unwrap_or(written_upper),
            LabelCase::AsWritten => written_upper,
        }
    };
    let want = with_initial(form, upper);
    if want == written {
        return;
    }
    let want = want.into_owned();
    out.push(Proposal {
        family: Family::LabelForm,
        range: span.range(),
        message: format!(
            "Locator `{whole}` is written with `{written}`; the style writes `{want}`"
        ),
        title: format!("Write `{want}`"),
        replacement: want,
    });
}

fn label_space(
    text: &str,
    locator: &Locator,
    style: LabelSpace,
    whole: &str,
    out: &mut Vec<Proposal>,
) {
    let want = match style {
        LabelSpace::Space => " ",
        LabelSpace::Nbsp => "\u{a0}",
        LabelSpace::AsWritten => return,
    };
    let Some(label) = locator.label_span else {
        return;
    };
    let Some(gap) = text.get(label.end..locator.value.start) else {
        return;
    };
    let spaces_only = gap
        .chars()
        .all(|c| matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}'));
    if !spaces_only || gap == want || locator.value.start < label.end {
        return;
    }
    let (what, title) = match style {
        LabelSpace::Nbsp => ("a no-break space", "Write a no-break space"),
        _ => ("a space", "Write a space"),
    };
    let has = match gap {
        "" => "nothing",
        " " => "a space",
        "\u{a0}" => "a no-break space",
        _ => "other spacing",
    };
    out.push(Proposal {
        family: Family::LabelSpace,
        range: label.end..locator.value.start,
        replacement: want.to_owned(),
        message: format!("Locator `{whole}` has {has} after its label; the style writes {what}"),
        title: title.to_owned(),
    });
}

fn range_dash(
    text: &str,
    range: &ibid_parse::LocatorRange,
    style: RangeDash,
    out: &mut Vec<Proposal>,
) {
    let (want, name) = match style {
        RangeDash::EnDash => ("–", "an en dash"),
        RangeDash::Hyphen => ("-", "a hyphen"),
        RangeDash::AsWritten => return,
    };
    let (Some(sep), Some(last)) = (range.separator, &range.last) else {
        return;
    };
    let written = sep.slice(text);
    let mut chars = written.trim().chars();
    let (Some(dash), None) = (chars.next(), chars.next()) else {
        return;
    };
    if !DASHES.contains(&dash) || written == want {
        return;
    }
    let whole = text
        .get(range.first.span.start..last.span.end)
        .unwrap_or("");
    let has = match dash {
        '-' | '\u{2010}' | '\u{2011}' => "a hyphen",
        '–' => "an en dash",
        _ => "another dash",
    };
    let has = if written.len() != dash.len_utf8() {
        format!("{has} and spaces")
    } else {
        has.to_owned()
    };
    out.push(Proposal {
        family: Family::RangeDash,
        range: sep.range(),
        replacement: want.to_owned(),
        message: format!("Range `{whole}` is written with {has}; the style writes {name}"),
        title: format!("Write {name}"),
    });
}

/// Whether `n` is plain digits (no letter, no side): the only numbers ranges are abbreviated in.
fn plain_digits(n: &LocatorNumber, text: &str) -> bool {
    n.kind == NumberKind::Arabic
        && n.side.is_none()
        && n.span.slice(text).bytes().all(|b| b.is_ascii_digit())
        && !n.span.is_empty()
}

fn page_range(
    text: &str,
    range: &ibid_parse::LocatorRange,
    style: PageRange,
    out: &mut Vec<Proposal>,
) {
    if style == PageRange::AsWritten {
        return;
    }
    let Some(last) = &range.last else { return };
    if !plain_digits(&range.first, text) || !plain_digits(last, text) {
        return;
    }
    // The end as readers (and ibid-parse) expand it: `321–28` ends at 328.
    let (Some(first_value), Some(full)) = (range.first.value, range.last_value()) else {
        return;
    };
    let Some(want) = range_end(first_value, full, style) else {
        return;
    };
    let written = last.span.slice(text);
    if want == written {
        return;
    }
    let whole = text
        .get(range.first.span.start..last.span.end)
        .unwrap_or("");
    let name = match style {
        PageRange::Full => "in full",
        PageRange::Chicago => "the Chicago way",
        _ => "with the digits that change",
    };
    out.push(Proposal {
        family: Family::PageRange,
        range: last.span.range(),
        message: format!(
            "Range `{whole}` ends in `{written}`; the style writes its end {name}, `{want}`"
        ),
        title: format!("Write `{want}`"),
        replacement: want,
    });
}

/// The recto/verso mark written after `n`: where it starts (after any space) and ends,
/// and its language (`prefer` when the mark is written so in several).
fn mark_after(text: &str, n: &LocatorNumber, prefer: Option<Lang>) -> Option<(usize, usize, Lang)> {
    let from = n.span.end;
    let rest = text.get(from..)?;
    let spaces = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
    let at = from + spaces;
    let tail = text.get(at..)?;
    for mark in &tables().sides {
        if mark.side != n.side? {
            continue;
        }
        let Some(found) = tail.get(..mark.text.len()) else {
            continue;
        };
        let same = if mark.text.is_ascii() {
            found.eq_ignore_ascii_case(&mark.text)
        } else {
            found == mark.text
        };
        let end = at + mark.text.len();
        let boundary = text[end..]
            .chars()
            .next()
            .map_or(true, |c| !c.is_alphanumeric() && c != '°' && c != 'ᵒ');
        if same && boundary {
            let langs = tables().sides.iter().filter(|m| m.text == mark.text);
            let lang = langs
                .clone()
                .find(|m| Some(m.lang) == prefer)
                .or_else(|| langs.clone().next())
                .map_or(mark.lang, |m| m.lang);
            return Some((at, end, lang));
        }
    }
    None
}

fn leaf_side(
    text: &str,
    n: &LocatorNumber,
    range: &ibid_parse::LocatorRange,
    style: LeafSide,
    lang: Option<Lang>,
    out: &mut Vec<Proposal>,
) {
    let long = match style {
        LeafSide::Short => false,
        LeafSide::Long => true,
        LeafSide::AsWritten => return,
    };
    let Some(side) = n.side else { return };
    // A mark keeps its own language (`об.` stays Russian in an English citation); only
    // its form and spacing change.
    let Some((_, mark_end, lang)) = mark_after(text, n, lang) else {
        return;
    };
    // A separator that starts inside the mark would overlap: leave such ranges alone.
    if range
        .separator
        .is_some_and(|s| s.start < mark_end && s.start >= n.span.end)
    {
        return;
    }
    let Some(want) = tables()
        .sides
        .iter()
        .find(|m| m.lang == lang && m.side == side && m.long == long && m.preferred)
    else {
        return;
    };
    let replacement = if want.tight {
        want.text.clone()
    } else {
        format!(" {}", want.text)
    };
    let written = &text[n.span.end..mark_end];
    if written == replacement {
        return;
    }
    let number = n.span.slice(text);
    out.push(Proposal {
        family: Family::LeafSide,
        range: n.span.end..mark_end,
        message: format!(
            "Leaf `{number}{written}` is marked `{}`; the style writes `{number}{replacement}`",
            written.trim_start()
        ),
        title: format!("Write `{number}{replacement}`"),
        replacement,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(text: &str, style: Style, language: Option<Lang>) -> String {
        let parsed = ibid_parse::parse_locators(text);
        let ctx = LocatorContext {
            style: &style,
            language,
            archival: false,
        };
        let mut proposals: Vec<Proposal> = parsed
            .value
            .iter()
            .flat_map(|l| locator_proposals(text, l, ctx))
            .collect();
        proposals.sort_by_key(|p| p.range.start);
        let mut out = String::new();
        let mut at = 0;
        for p in proposals {
            out.push_str(&text[at..p.range.start]);
            out.push_str(&p.replacement);
            at = p.range.end;
        }
        out.push_str(&text[at..]);
        out
    }

    fn style() -> Style {
        Style::default()
    }

    #[test]
    fn label_forms_per_language() {
        let short = Style {
            locator_form: LocatorForm::Short,
            ..style()
        };
        let long = Style {
            locator_form: LocatorForm::Long,
            ..style()
        };
        assert_eq!(fmt("page 612", short, None), "p. 612");
        assert_eq!(fmt("pages 33-35", short, None), "pp. 33-35");
        assert_eq!(fmt("p. 33-35", short, None), "pp. 33-35");
        assert_eq!(fmt("p. 33-35", short, Some(Lang::Fr)), "p. 33-35");
        assert_eq!(fmt("pp. 33-35", long, None), "pages 33-35");
        assert_eq!(fmt("Seite 5", short, None), "S. 5");
        assert_eq!(fmt("S. 5–7", long, None), "Seiten 5–7");
        assert_eq!(fmt("страница 5", short, None), "с. 5");
        assert_eq!(fmt("Страница 5", short, None), "С. 5");
        assert_eq!(fmt("л. 3–3 об.", short, None), "л. 3–3 об.");
        assert_eq!(fmt("л. 3–5", short, None), "лл. 3–5");
        assert_eq!(fmt("Document 652", short, None), "Doc. 652");
        assert_eq!(fmt("§ 5", short, None), "§ 5");
    }

    #[test]
    fn label_case_by_sentence() {
        let sentence = Style {
            label_case: LabelCase::Sentence,
            ..style()
        };
        let ctx = |text: &str| fmt(text, sentence, None);
        let at = |text: &str, label: &str| starts_sentence(text, text.rfind(label).unwrap());
        assert_eq!(at("Ереван, 1992. С. 5", "С."), Some(true));
        assert_eq!(at("Барсегов Ю.Г. Док. 5", "Док."), Some(false));
        assert_eq!(at("Т. 2. – С. 5", "С."), Some(true));
        assert_eq!(at("Карабах, с. 5", "с."), Some(false));
        assert_eq!(at("с. 5", "с."), None);
        assert_eq!(ctx("Page 5"), "Page 5");
        assert_eq!(ctx("s. 5"), "S. 5");
    }

    #[test]
    fn spaces_dashes_ends_and_sides() {
        let s = Style {
            label_space: LabelSpace::Nbsp,
            range_dash: RangeDash::EnDash,
            page_range: PageRange::Chicago,
            leaf_side: LeafSide::Short,
            ..style()
        };
        assert_eq!(fmt("pp.321 - 328", s, None), "pp.\u{a0}321–28");
        assert_eq!(fmt("лл. 5об.–6", s, None), "лл.\u{a0}5 об.–6");
        assert_eq!(fmt("fol. 4 verso", s, None), "fol.\u{a0}4v");
        assert_eq!(fmt("pp. xii-xiv", s, None), "pp.\u{a0}xii–xiv");
        assert_eq!(fmt("ll. 101-108", s, None), "ll.\u{a0}101–8");
        let hyphen = Style {
            range_dash: RangeDash::Hyphen,
            page_range: PageRange::Full,
            ..style()
        };
        assert_eq!(fmt("pp. 321–28", hyphen, None), "pp. 321-328");
        let long = Style {
            leaf_side: LeafSide::Long,
            ..style()
        };
        assert_eq!(fmt("fol. 4v", long, None), "fol. 4 verso");
        assert_eq!(fmt("л. 5об.", long, None), "л. 5об.");
    }
}
