//! Date rules (`D`): dates that cannot be read, impossible dates, annotations dated before the
//! document they annotate, and dates after today.

pub mod annotation_before_document;
pub mod future_date;
pub mod impossible_date;
pub mod unparsed_date;

use ibid_provenance::{DateValue, Document};

/// Every date of a document with the key it was written under, in file order.
pub(crate) fn all_dates(doc: &Document) -> Vec<(String, &DateValue)> {
    let mut dates = Vec::new();
    if let Some(date) = &doc.date {
        dates.push(("date".to_owned(), date));
    }
    if let Some(date) = doc.source.as_ref().and_then(|s| s.accessed.as_ref()) {
        dates.push(("source.accessed".to_owned(), date));
    }
    if let Some(date) = doc.translation.as_ref().and_then(|t| t.date.as_ref()) {
        dates.push(("translation.date".to_owned(), date));
    }
    for (i, annotation) in doc.annotations.iter().enumerate() {
        if let Some(date) = &annotation.date {
            dates.push((format!("annotations[{i}].date"), date));
        }
    }
    dates.sort_by_key(|(_, d)| d.written.span.start);
    dates
}
