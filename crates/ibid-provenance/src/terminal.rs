//! Text from documents on a terminal: the characters that would drive it (colours, cursor
//! moves, screen clears, reordering) are written as escapes, never sent as they are.

use std::borrow::Cow;

/// Whether `c` drives a terminal rather than showing: C0 and C1 controls except tab and line
/// feed, DEL, and the bidirectional overrides and isolates that reorder what is shown.
fn drives_terminal(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every character that drives a terminal written as `\u{1b}`; borrowed when
/// there is nothing to escape. Line feeds and tabs are kept.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(drives_terminal) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if drives_terminal(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::escape_controls;

    #[test]
    fn terminal_controls_are_escaped_and_text_is_kept() {
        assert_eq!(escape_controls("Барсегов\tp. 1\n"), "Барсегов\tp. 1\n");
        assert_eq!(
            escape_controls("le\u{1b}[2Jnin\u{7}\u{9b}\r\u{202e}\u{7f}"),
            "le\\u{1b}[2Jnin\\u{7}\\u{9b}\\u{d}\\u{202e}\\u{7f}"
        );
    }
}
