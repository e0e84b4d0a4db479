//! The label words of locators in English, Russian, German and French, and their lookup.
//! (Placeholder: to be filled by the locator work.)

use super::LocatorLabel;

/// The locator label a word (`p.`, `Seite`, `Л.`, `fᵒ`) stands for, if it is one.
pub fn lookup_label(word: &str) -> Option<LocatorLabel> {
    LocatorLabel::from_name(word)
}
