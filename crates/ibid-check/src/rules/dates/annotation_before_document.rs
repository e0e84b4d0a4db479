//! D003: an annotation dated before the document it annotates.
//! Compares each annotation's date with the document's date, at the precision both have.

use crate::codes::Rule;
use crate::diagnostic::Finding;
use crate::rules::DocContext;
use ibid_parse::{InferenceBasis, PartialDate};
use std::cmp::Ordering;

/// ## What it does
/// Finds `[[annotations]]` whose `date` comes before the document's own `date`. Dates are
/// compared at the precision both have: `1921-02` against `1921-02-16` compares only years
/// and months. When the annotation's year was not written (`19/II`) and was taken from the
/// document's date, it is reported only when it falls less than half a year before the
/// document, since a mark made early in the next year reads the same.
///
/// ## Why is this bad?
/// Nobody can write on a letter before it exists. An annotation dated earlier than its
/// document points to a misread day or month, a wrong document date, or an annotation
/// attached to the wrong document.
///
/// ## Example
/// ```toml
/// date = "1921-02-16"
///
/// [[annotations]]
/// hand = "lenin"
/// text = "C. Stalin! I beg two words of comment ..."
/// date = "9/II"
/// ```
///
/// Use instead:
/// ```toml
/// date = "1921-02-16"
///
/// [[annotations]]
/// hand = "lenin"
/// text = "C. Stalin! I beg two words of comment ..."
/// date = "19/II"
/// ```
///
/// ## Fix
/// Check both dates against the source. There is no automatic fix.
pub struct AnnotationBeforeDocument;

/// The date as (year, month, day) parts, as far as they are known.
fn parts(date: &PartialDate) -> Option<(i32, Option<u8>, Option<u8>)> {
    let year = date.year?.value;
    let month = date.month.map(|m| m.value);
    let day = month.and(date.day.map(|d| d.value));
    Some((year, month, day))
}

/// How `a` compares with `b` at the precision both have.
fn compare(a: (i32, Option<u8>, Option<u8>), b: (i32, Option<u8>, Option<u8>)) -> Ordering {
    let years = a.0.cmp(&b.0);
    if years != Ordering::Equal {
        return years;
    }
    let (Some(am), Some(bm)) = (a.1, b.1) else {
        return Ordering::Equal;
    };
    let months = am.cmp(&bm);
    if months != Ordering::Equal {
        return months;
    }
    match (a.2, b.2) {
        (Some(ad), Some(bd)) => ad.cmp(&bd),
        _ => Ordering::Equal,
    }
}

/// Days from `a` to `b` in the same year, approximately (months of 30.5 days).
fn days_between(a: (i32, Option<u8>, Option<u8>), b: (i32, Option<u8>, Option<u8>)) -> f64 {
    let day = |p: (i32, Option<u8>, Option<u8>)| {
        f64::from(p.1.unwrap_or(1)) * 30.5 + f64::from(p.2.unwrap_or(1))
    };
    day(b) - day(a)
}

/// Report annotations dated before the document.
pub fn check(ctx: &mut DocContext<'_>) {
    let Some(doc_date) = ctx.doc.date.as_ref() else {
        return;
    };
    let Some(doc_parts) = doc_date.date().and_then(parts) else {
        return;
    };
    // A date that is impossible or only partly read is reported by D001/D002; comparing
    // with it would only repeat the problem.
    if !doc_date.parsed.is_clean() {
        return;
    }
    for (i, annotation) in ctx.doc.annotations.iter().enumerate() {
        let Some(date) = annotation.date.as_ref() else {
            continue;
        };
        let Some(parsed) = date.date() else { continue };
        if !date.parsed.is_clean() {
            continue;
        }
        let Some(ann_parts) = parts(parsed) else {
            continue;
        };
        if compare(ann_parts, doc_parts) != Ordering::Less {
            continue;
        }
        let inferred = parsed
            .year
            .and_then(|y| y.inferred)
            .is_some_and(|basis| basis == InferenceBasis::ContextYear);
        if inferred && days_between(ann_parts, doc_parts) >= 182.0 {
            continue;
        }
        let mut message = format!(
            "Annotation {} is dated `{}`, before the document's date `{}`",
            i + 1,
            date.written.text,
            doc_date.written.text
        );
        if inferred {
            message.push_str(&format!(
                " (its year {} is taken from the document)",
                ann_parts.0
            ));
        }
        ctx.report_meta(
            Finding::new(Rule::AnnotationBeforeDocument, date.written.span, message).with_help(
                "check the annotation's day and month, and the document's date, against the source",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparison_stops_at_the_common_precision() {
        assert_eq!(
            compare((1921, Some(2), None), (1921, Some(2), Some(16))),
            Ordering::Equal
        );
        assert_eq!(
            compare((1921, Some(2), Some(9)), (1921, Some(2), Some(16))),
            Ordering::Less
        );
        assert_eq!(
            compare((1920, None, None), (1921, Some(2), Some(16))),
            Ordering::Less
        );
        assert_eq!(
            compare((1921, Some(3), None), (1921, Some(2), Some(16))),
            Ordering::Greater
        );
    }
}
