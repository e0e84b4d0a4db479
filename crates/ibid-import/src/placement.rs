//! Where each line of the page goes: the body, a front-matter field, the preamble or the
//! debris list. A line is claimed once; blank lines follow their neighbours.

use serde::Serialize;

/// The place a line of the page went to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Place {
    /// The body of the document, verbatim.
    Body,
    /// `[import] preamble`: the page's own text before the document.
    Preamble,
    /// `[source] cite` / `key` + `locator`.
    Source,
    /// `[source] archive`.
    Archive,
    /// `[translation]`.
    Translation,
    /// `[[notes]]`.
    Notes,
    /// `[[annotations]]`.
    Annotations,
    /// `[[import.debris]]`.
    Debris,
    /// Its start (`1. `) is debris, the rest is in the body.
    DebrisThenBody,
}

impl Place {
    /// The name used in reports (`source`, `annotations`).
    pub fn name(self) -> &'static str {
        match self {
            Place::Body => "body",
            Place::Preamble => "import.preamble",
            Place::Source => "source",
            Place::Archive => "source.archive",
            Place::Translation => "translation",
            Place::Notes => "notes",
            Place::Annotations => "annotations",
            Place::Debris => "import.debris",
            Place::DebrisThenBody => "import.debris + body",
        }
    }
}

/// Which lines have been claimed, and by what.
#[derive(Debug, Clone)]
pub(crate) struct Claims {
    places: Vec<Option<Place>>,
}

impl Claims {
    pub fn new(lines: usize) -> Self {
        Claims {
            places: vec![None; lines],
        }
    }

    /// Whether line `i` (from 0) is still free.
    pub fn is_free(&self, i: usize) -> bool {
        matches!(self.places.get(i), Some(None))
    }

    /// The place of line `i`, if claimed.
    pub fn place(&self, i: usize) -> Option<Place> {
        self.places.get(i).copied().flatten()
    }

    /// Claim line `i` for `place`; a line already claimed keeps its place.
    pub fn claim(&mut self, i: usize, place: Place) -> bool {
        match self.places.get_mut(i) {
            Some(slot @ None) => {
                *slot = Some(place);
                true
            }
            _ => false,
        }
    }

    /// Give every free line its place: text lines go to the body; a run of blank lines goes
    /// with its neighbours (to the body only when both are in the body, so the body neither
    /// starts nor ends with the blanks around a block taken out of it).
    pub fn settle(mut self, lines: &[String]) -> Vec<Place> {
        for (i, line) in lines.iter().enumerate() {
            if self.is_free(i) && !line.trim().is_empty() {
                self.places[i] = Some(Place::Body);
            }
        }
        let n = self.places.len();
        let mut i = 0;
        while i < n {
            if self.places[i].is_some() {
                i += 1;
                continue;
            }
            let start = i;
            while i < n && self.places[i].is_none() {
                i += 1;
            }
            let before = start.checked_sub(1).and_then(|b| self.places[b]);
            let after = self.places.get(i).copied().flatten();
            let place = match (before, after) {
                (Some(b), Some(a)) if is_body(b) && is_body(a) => Place::Body,
                (Some(b), Some(a)) if b == a => b,
                (Some(b), Some(a)) => {
                    if is_body(b) {
                        a
                    } else if is_body(a) {
                        b
                    } else {
                        a
                    }
                }
                (Some(b), None) if is_body(b) => Place::Body,
                (Some(b), None) => b,
                (None, Some(a)) if is_body(a) => Place::Body,
                (None, Some(a)) => a,
                (None, None) => Place::Body,
            };
            for slot in &mut self.places[start..i] {
                *slot = Some(place);
            }
        }
        self.places
            .into_iter()
            .map(|p| p.unwrap_or(Place::Body))
            .collect()
    }
}

fn is_body(p: Place) -> bool {
    matches!(p, Place::Body | Place::DebrisThenBody)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_go_with_their_neighbours() {
        let lines: Vec<String> = ["a", "", "b", "", "n1", "", "", "d"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut c = Claims::new(lines.len());
        c.claim(4, Place::Notes);
        c.claim(7, Place::Debris);
        assert!(!c.claim(4, Place::Body));
        let places = c.settle(&lines);
        use Place::*;
        assert_eq!(
            places,
            [Body, Body, Body, Notes, Notes, Debris, Debris, Debris]
        );
    }
}
