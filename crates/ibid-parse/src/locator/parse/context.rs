//! Resolving ambiguous label words from their neighbours in a list of locators.
//! `f.` before `op.` is a fond; in a chain `op.`, `l.`, `p.` are inventory, folio, folder.

use crate::locator::labels::{lookup, Reading};
use crate::locator::{Locator, LocatorLabel};

/// How the label of `locator` (read from `text`) may be re-read; `Plain` when the label came
/// after the value or was implied.
pub(super) fn reading(text: &str, locator: &Locator) -> Reading {
    match locator.label_span {
        // Only `f.`, `ff.`, `op.`, `l.`, `ll.`, `p.` and `п.` have readings to resolve: skip
        // the rest.
        Some(label)
            if label.start < locator.value.start
                && matches!(
                    text.get(label.start..).and_then(|t| t.chars().next()),
                    Some('f' | 'F' | 'o' | 'O' | 'l' | 'L' | 'p' | 'P' | 'п' | 'П')
                ) =>
        {
            lookup(label.slice(text))
                .map(|w| w.reading)
                .unwrap_or(Reading::Plain)
        }
        _ => Reading::Plain,
    }
}

/// Whether a locator with this label and reading is itself evidence of an archival chain.
fn archival_level(label: LocatorLabel, reading: Reading) -> bool {
    use LocatorLabel::*;
    reading == Reading::Plain && matches!(label, Fond | Inventory | File | Box | Folder)
}

/// Re-read the ambiguous labels of `locators` (parsed from `text`) in context.
///
/// A list is an archival chain when `archival` says so (the caller saw a repository), when it
/// holds an unambiguous archival level (`ф.`, `оп.`, `d.`, `delo`, `Box`), or when `f.` is
/// followed by `op.`. In a chain, `op.` is an inventory and `l.`/`ll.` are folios. `f.` is a
/// fond when the next level is an inventory or a file and no inventory or file came before it.
pub(super) fn resolve(text: &str, locators: &mut [Locator], archival: bool) {
    if locators.is_empty() {
        return;
    }
    // Each label is looked up once; lists are short, so the readings stay on the stack.
    let mut on_stack = [Reading::Plain; 16];
    let mut on_heap = Vec::new();
    let readings: &mut [Reading] = match on_stack.get_mut(..locators.len()) {
        Some(readings) => readings,
        None => {
            on_heap.resize(locators.len(), Reading::Plain);
            &mut on_heap
        }
    };
    for (slot, locator) in readings.iter_mut().zip(locators.iter()) {
        *slot = reading(text, locator);
    }
    let readings: &[Reading] = readings;
    let mut previous = Reading::Plain;
    let mut chain = archival;
    for (locator, &current) in locators.iter().zip(readings) {
        chain |= archival_level(locator.label, current)
            || (previous == Reading::F && current == Reading::Op);
        previous = current;
    }
    let mut seen_lower_level = false;
    let mut after_inventory = false;
    for i in 0..locators.len() {
        let current = readings.get(i).copied().unwrap_or(Reading::Plain);
        let next = locators
            .get(i + 1)
            .zip(readings.get(i + 1))
            .map(|(n, &reading)| (n.label, reading));
        let locator = &mut locators[i];
        match current {
            Reading::F => {
                let sided = locator.ranges.iter().any(|r| {
                    r.first.side.is_some() || r.last.as_ref().is_some_and(|l| l.side.is_some())
                });
                let before_level = next.is_some_and(|(label, reading)| {
                    reading == Reading::Op
                        || matches!(label, LocatorLabel::Inventory | LocatorLabel::File)
                });
                if !sided && before_level && !seen_lower_level {
                    locator.label = LocatorLabel::Fond;
                }
            }
            Reading::Op if chain => locator.label = LocatorLabel::Inventory,
            Reading::L if chain => locator.label = LocatorLabel::Folio,
            // `оп. 39, п. 232, д. 52987`: a folder (papka) between the inventory and the file.
            Reading::P
                if chain
                    && after_inventory
                    && next.is_some_and(|(label, _)| label == LocatorLabel::File) =>
            {
                locator.label = LocatorLabel::Folder;
            }
            _ => {}
        }
        after_inventory = locator.label == LocatorLabel::Inventory;
        if matches!(locator.label, LocatorLabel::Inventory | LocatorLabel::File) {
            seen_lower_level = true;
        }
    }
}
