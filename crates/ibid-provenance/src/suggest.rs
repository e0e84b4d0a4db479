//! "Did you mean ...?": the closest known word to a misspelt key or name.
//! Used for unknown keys, unknown hands, unknown bibliography keys and rule values.

/// The candidate closest to `word`, if any is close enough to be a plausible misspelling.
///
/// Comparison ignores case; a candidate equal to `word` up to case always wins.
pub fn closest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let lower = word.to_lowercase();
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let cand_lower = candidate.to_lowercase();
        if cand_lower == lower {
            return Some(candidate);
        }
        let distance = strsim::damerau_levenshtein(&lower, &cand_lower);
        let longest = lower.chars().count().max(cand_lower.chars().count());
        let limit = (longest / 3).clamp(1, 3);
        let prefix = cand_lower.starts_with(&lower) && lower.chars().count() >= 3;
        if distance <= limit || prefix {
            let score = if prefix {
                distance.min(limit)
            } else {
                distance
            };
            if best.map_or(true, |(d, _)| score < d) {
                best = Some((score, candidate));
            }
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn finds_misspellings_and_rejects_strangers() {
        let keys = ["title", "translation", "source", "hands"];
        assert_eq!(closest("translaton", keys), Some("translation"));
        assert_eq!(closest("Title", keys), Some("title"));
        assert_eq!(closest("hand", keys), Some("hands"));
        assert_eq!(closest("zzz", keys), None);
        assert_eq!(closest("transl", keys), Some("translation"));
    }
}
