//! Date rules (`D`): dates that cannot be read, impossible dates, annotations dated before the
//! document they annotate, and dates after today.

pub mod annotation_before_document;
pub mod future_date;
pub mod impossible_date;
pub mod unparsed_date;

use crate::rules::KeyPath;
use ibid_provenance::{DateValue, Document};

/// Every date of a document with the key it was written under, in file order.
pub(crate) fn all_dates(doc: &Document) -> Vec<(KeyPath, &DateValue)> {
    let mut dates = Vec::new();
    if let Some(date) = &doc.date {
        dates.push((KeyPath::key("date", None), date));
    }
    if let Some(date) = doc.source.as_ref().and_then(|s| s.accessed.as_ref()) {
        dates.push((KeyPath::key("source", Some("accessed")), date));
    }
    if let Some(date) = doc.translation.as_ref().and_then(|t| t.date.as_ref()) {
        dates.push((KeyPath::key("translation", Some("date")), date));
    }
    for (i, annotation) in doc.annotations.iter().enumerate() {
        if let Some(date) = &annotation.date {
            dates.push((KeyPath::item("annotations", i, Some("date")), date));
        }
    }
    dates.sort_by_key(|(_, d)| d.written.span.start);
    dates
}
