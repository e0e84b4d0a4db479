//! What `ibid parse` prints for one input: the JSON record, a contract other tools read
//! (`docs/parse-json.md`), and the readable view of the same record.
//!
//! [`Record`] is the record as a value (serde writes it); [`JsonWriter`] writes the same bytes
//! straight into a buffer without building it, which is what `ibid parse --format json` uses.
//! `tests/json_output.rs` pins the two to each other, byte for byte.
//!
//! ```
//! use ibid_parse::parse;
//! use ibid_parse_output::{JsonWriter, Record};
//!
//! let input = "Л. 5 об.";
//! let parsed = parse(input);
//! let mut out = Vec::new();
//! JsonWriter::new().write_record(input, &parsed, &mut out);
//! assert_eq!(
//!     String::from_utf8(out).unwrap(),
//!     r#"{"input":"Л. 5 об.","kind":"locator","locators":[{"label":"folio","locator":"5 об.","start":4,"end":11,"written":"Л. 5 об."}],"errors":[],"remainder":null}"#
//! );
//! assert!(Record::new(input, &parsed).to_string().starts_with("locator \"Л. 5 об.\""));
//! ```

#![warn(missing_docs)]

mod json;
mod record;

pub use json::{write_record_json, JsonWriter};
pub use record::{
    CitationItemRecord, DatePartRecord, DateRecord, ErrorRecord, LocatorRecord, Record,
};
