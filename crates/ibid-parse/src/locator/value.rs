//! Locator values: numbers, roman numerals, identifiers, ranges, lists, recto/verso.
//! (Placeholder: to be filled by the locator work.)
