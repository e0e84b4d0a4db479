//! Personal names and name lists (`Барсегов Ю.Г.`, `Bergk, V., Haefeli, W. E. & Martin-Facklam, M.`).
//! (Placeholder: to be filled by the reference work.)

use super::Names;
use crate::Parsed;

/// Parse `input` as a list of names.
pub fn parse_names(input: &str) -> Parsed<Names> {
    let _ = input;
    Parsed::ok(Names::default())
}
