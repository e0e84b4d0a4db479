//! Hands: every mention of a person (a note's `by Lenin`, an annotation's signature, the
//! title's author and recipient) grouped by surname, case forms included, into `[hands]`
//! entries with an id from the surname and the fullest form of the name seen.

use crate::fields::{Found, HandEntry, Origin};
use crate::names::{hand_id, is_initial, nominative, surname_forms, NameAt};

/// Who refers to a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Use {
    /// The hand of note `i`.
    Note(usize),
    /// The hand of annotation `i`.
    Annotation(usize),
    /// The document's author.
    Author,
    /// The document's recipient.
    Recipient,
}

/// A name seen on the page.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    /// The name, brackets resolved (`N. Krestinsky`).
    pub name: String,
    /// Its surname, brackets resolved.
    pub surname: String,
    /// How many initials it has.
    pub initials: usize,
    /// Whether it stands in the nominative (a signature), not in a case a phrase asks for
    /// (`Письмо Нариманова`, `Подчеркнуто Лениным`).
    pub nominative: bool,
    /// Where it was written.
    pub origin: Origin,
    /// What refers to it.
    pub used_by: Use,
}

impl Mention {
    /// A mention of `name`, found at `origin`.
    pub fn new(name: &NameAt, nominative: bool, origin: Origin, used_by: Use) -> Mention {
        Mention {
            name: name.expanded(),
            surname: name.surname(),
            initials: name.initials(),
            nominative,
            origin,
            used_by,
        }
    }
}

/// An unidentified hand, as the page labels it (`Unknown handwriting`).
#[derive(Debug, Clone)]
pub(crate) struct UnknownHand {
    pub label: String,
    pub origin: Origin,
    pub used_by: Use,
}

/// One person: the mentions of one surname.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub id: String,
    pub name: String,
    pub mentions: Vec<Mention>,
}

impl Person {
    /// The mention the name was built from, for the report.
    fn origin(&self) -> Origin {
        self.mentions
            .iter()
            .max_by_key(|m| (m.initials, m.nominative))
            .map(|m| m.origin.clone())
            .unwrap_or_else(|| Origin::at(0, "", 0, ""))
    }
}

/// The people of `mentions`, in the order first mentioned.
pub(crate) fn people(mentions: &[Mention]) -> Vec<Person> {
    // Each group with every form of its surnames, computed once per mention.
    let mut groups: Vec<(Vec<String>, Vec<Mention>)> = Vec::new();
    for m in mentions {
        let forms = surname_forms(&m.surname);
        match groups
            .iter_mut()
            .find(|(known, _)| forms.iter().any(|f| known.contains(f)))
        {
            Some((known, g)) => {
                known.extend(forms);
                g.push(m.clone());
            }
            None => groups.push((forms, vec![m.clone()])),
        }
    }
    let groups: Vec<Vec<Mention>> = groups.into_iter().map(|(_, g)| g).collect();
    let mut people: Vec<Person> = groups.into_iter().map(person).collect();
    // Two people whose surnames give one id: number the later ones.
    for i in 1..people.len() {
        let taken = people[..i].iter().filter(|p| p.id == people[i].id).count();
        if taken > 0 {
            people[i].id = format!("{}-{}", people[i].id, taken + 1);
        }
    }
    people
}

/// A person from the mentions of one surname: the surname in the nominative (as a
/// signature writes it, else de-inflected, else as written) with the most initials seen.
fn person(mentions: Vec<Mention>) -> Person {
    let surname = mentions
        .iter()
        .find(|m| m.nominative)
        .map(|m| m.surname.clone())
        .unwrap_or_else(|| {
            let written = &mentions[0].surname;
            nominative(written).unwrap_or_else(|| written.clone())
        });
    let fullest = mentions
        .iter()
        .max_by_key(|m| (m.initials, m.nominative, m.name.len()));
    if let Some(m) = fullest.filter(|m| m.surname == surname) {
        return Person {
            id: hand_id(&surname),
            name: m.name.clone(),
            mentions,
        };
    }
    let fullest = fullest.map(|m| m.name.as_str()).unwrap_or("");
    let initials: Vec<&str> = fullest
        .split_whitespace()
        .take_while(|w| is_initial(w))
        .collect();
    let name = if initials.is_empty() {
        surname.clone()
    } else {
        format!("{} {surname}", initials.join(" "))
    };
    Person {
        id: hand_id(&surname),
        name,
        mentions,
    }
}

/// The `[hands]` entries: every person who made a mark or wrote an annotation, then the
/// unidentified hand.
pub(crate) fn entries(people: &[Person], unknown: &[UnknownHand]) -> Vec<HandEntry> {
    let mut out: Vec<HandEntry> = people
        .iter()
        .filter(|p| {
            p.mentions
                .iter()
                .any(|m| matches!(m.used_by, Use::Note(_) | Use::Annotation(_)))
        })
        .map(|p| HandEntry {
            id: p.id.clone(),
            name: Found::read_as(
                p.name.clone(),
                p.origin(),
                format!(
                    "the fullest of {} mention(s) of this surname",
                    p.mentions.len()
                ),
            ),
        })
        .collect();
    if let Some(u) = unknown.first() {
        out.push(HandEntry {
            id: "unknown".to_string(),
            name: Found::read(u.label.clone(), u.origin.clone()),
        });
    }
    out
}

/// The id of the hand `used_by` refers to, and the mention's origin.
pub(crate) fn hand_of(
    people: &[Person],
    unknown: &[UnknownHand],
    used_by: Use,
) -> Option<(String, Origin)> {
    if let Some(u) = unknown.iter().find(|u| u.used_by == used_by) {
        return Some(("unknown".to_string(), u.origin.clone()));
    }
    people.iter().find_map(|p| {
        p.mentions
            .iter()
            .find(|m| m.used_by == used_by)
            .map(|m| (p.id.clone(), m.origin.clone()))
    })
}

/// The person `used_by` refers to.
pub(crate) fn person_of(people: &[Person], used_by: Use) -> Option<(&Person, &Mention)> {
    people.iter().find_map(|p| {
        p.mentions
            .iter()
            .find(|m| m.used_by == used_by)
            .map(|m| (p, m))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::trailing_name;

    fn mention(text: &str, nominative: bool, used_by: Use) -> Mention {
        let name = trailing_name(text).unwrap();
        Mention::new(&name, nominative, Origin::at(0, text, 0, text), used_by)
    }

    #[test]
    fn fullest_form_and_case_forms() {
        let ms = [
            mention("Read. N. Bukharin.", true, Use::Annotation(0)),
            mention("N. B[ukharin].", true, Use::Annotation(0)),
            mention("Письмо Н. Нариманова", false, Use::Author),
            mention("Нариманов", true, Use::Annotation(1)),
            mention("K[restinsky].", true, Use::Annotation(2)),
            mention("Sending back, N. K[restinsky].", true, Use::Annotation(3)),
        ];
        let people = people(&ms);
        let names: Vec<(&str, &str)> = people
            .iter()
            .map(|p| (p.id.as_str(), p.name.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("bukharin", "N. Bukharin"),
                ("narimanov", "Н. Нариманов"),
                ("krestinsky", "N. Krestinsky")
            ]
        );
    }
}
