//! Splitting a text into words by a separator rule, as byte ranges, for the code that edits or
//! reads words in place (title case in `ibid-bib`, dates in pasted pages in `ibid-import`).

/// The byte ranges of the words of `text`: the runs of characters for which `separates` is
/// false. The separators between them are not in any range.
pub fn word_ranges(text: &str, separates: impl Fn(char) -> bool) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (separates(c), start) {
            (true, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, text.len()));
    }
    words
}

#[cfg(test)]
mod tests {
    use super::word_ranges;

    #[test]
    fn words_between_separators() {
        let text = "  Нагорный Карабах\tdoc. 652 ";
        let words: Vec<&str> = word_ranges(text, char::is_whitespace)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(words, ["Нагорный", "Карабах", "doc.", "652"]);
        assert!(word_ranges("", char::is_whitespace).is_empty());
        assert_eq!(word_ranges("a-b", |c| c == '-'), [(0, 1), (2, 3)]);
    }
}
