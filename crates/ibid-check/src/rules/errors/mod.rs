//! Error rules (`E`): files that cannot be read as documents or bibliographies, and internal
//! errors of the checker itself. The checker reports these; no rule function runs.

pub mod internal_error;
pub mod unreadable_bibliography;
pub mod unreadable_document;
