//! TeX in `.bib` field values read as plain Unicode text (accents, symbols, quotes, dashes,
//! formatting commands), and the brace-aware splitting of name lists, in one linear pass.

use super::tables::{self, Command};
use unicode_normalization::char::compose;

/// Read the TeX of a field value as plain text: braces go, commands become the characters
/// they print, whitespace is collapsed. Linear in the length of `tex`, with no recursion,
/// whatever the nesting.
pub(crate) fn decode(tex: &str) -> String {
    let mut decoder = Decoder::new(tex.len());
    decoder.run(tex);
    decoder.finish()
}

/// What to do with the argument a command is waiting for.
#[derive(Debug, Clone, Copy)]
enum Argument {
    /// Keep it, between these two texts.
    Wrap(&'static str, &'static str),
    /// Skip it.
    Skip,
    /// Look it up as a biblatex localisation key.
    Bibstring,
}

/// An open brace group.
#[derive(Debug, Clone, Copy)]
struct Group {
    /// Written when the group closes.
    close: &'static str,
    /// The group's text is skipped.
    skip: bool,
}

struct Decoder {
    out: String,
    groups: Vec<Group>,
    /// How many open groups are skipped (their text is not written).
    skipping: usize,
    /// Combining marks waiting for the next letter.
    marks: Vec<char>,
    /// A command waiting for its argument.
    argument: Option<Argument>,
    math: bool,
}

impl Decoder {
    fn new(capacity: usize) -> Self {
        Decoder {
            out: String::with_capacity(capacity),
            groups: Vec::new(),
            skipping: 0,
            marks: Vec::new(),
            argument: None,
            math: false,
        }
    }

    fn finish(mut self) -> String {
        self.flush_marks();
        let end = self.out.trim_end_matches(' ').len();
        self.out.truncate(end);
        self.out
    }

    /// Write `c`, putting any waiting accents on it.
    fn put(&mut self, c: char) {
        if self.skipping > 0 {
            return;
        }
        if self.marks.is_empty() {
            self.out.push(c);
            return;
        }
        let mut base = match c {
            'ı' => 'i',
            'ȷ' => 'j',
            other => other,
        };
        let mut rest = Vec::new();
        for mark in self.marks.drain(..) {
            match compose(base, mark) {
                Some(composed) if rest.is_empty() => base = composed,
                _ => rest.push(mark),
            }
        }
        self.out.push(base);
        self.out.extend(rest);
    }

    fn put_str(&mut self, s: &str) {
        for c in s.chars() {
            self.put(c);
        }
    }

    /// One space, unless the text is empty or already ends in one.
    fn space(&mut self) {
        if self.skipping == 0 && !self.out.is_empty() && !self.out.ends_with(' ') {
            self.out.push(' ');
        }
    }

    /// Accents with nothing to sit on are written in their spacing forms.
    fn flush_marks(&mut self) {
        let marks: Vec<char> = self.marks.drain(..).collect();
        for mark in marks {
            let spacing = match mark {
                '\u{301}' => '´',
                '\u{300}' => '`',
                '\u{302}' => '^',
                '\u{303}' => '~',
                '\u{308}' => '¨',
                '\u{304}' => '¯',
                '\u{327}' => '¸',
                '\u{306}' => '˘',
                '\u{30c}' => 'ˇ',
                '\u{307}' => '˙',
                '\u{30a}' => '˚',
                '\u{30b}' => '˝',
                '\u{328}' => '˛',
                other => other,
            };
            if self.skipping == 0 {
                self.out.push(spacing);
            }
        }
    }

    fn open_group(&mut self) {
        let group = match self.argument.take() {
            Some(Argument::Wrap(open, close)) => {
                self.put_str(open);
                Group { close, skip: false }
            }
            Some(Argument::Skip) => Group {
                close: "",
                skip: true,
            },
            Some(Argument::Bibstring) | None => Group {
                close: "",
                skip: false,
            },
        };
        if group.skip {
            self.skipping += 1;
        }
        self.groups.push(group);
    }

    fn close_group(&mut self) {
        self.argument = None;
        if !self.marks.is_empty() {
            self.flush_marks();
        }
        // A `}` with no `{` is ignored (the raw parser keeps braces balanced anyway).
        if let Some(group) = self.groups.pop() {
            if group.skip {
                self.skipping = self.skipping.saturating_sub(1);
            }
            self.put_str(group.close);
        }
    }

    fn run(&mut self, tex: &str) {
        let bytes = tex.as_bytes();
        let mut i = 0;
        while i < tex.len() {
            let Some(c) = tex.get(i..).and_then(|s| s.chars().next()) else {
                break;
            };
            let width = c.len_utf8();
            match c {
                '\\' => {
                    i = self.command(tex, i + 1);
                    continue;
                }
                '{' => self.open_group(),
                '}' => self.close_group(),
                c if c.is_whitespace() => {
                    if self.argument.is_none() && self.marks.is_empty() {
                        self.space();
                    }
                }
                _ if self.argument.is_some() => {
                    // A command's argument written without braces: one character.
                    match self.argument.take() {
                        Some(Argument::Wrap(open, close)) => {
                            self.put_str(open);
                            self.put(c);
                            self.put_str(close);
                        }
                        Some(Argument::Bibstring) => self.put(c),
                        Some(Argument::Skip) | None => {}
                    }
                }
                '~' if self.math => self.space(),
                '~' => self.put('\u{a0}'),
                '$' => self.math = !self.math,
                '^' | '_' if self.math => {}
                '-' => {
                    let run = bytes
                        .get(i..)
                        .unwrap_or(&[])
                        .iter()
                        .take_while(|&&b| b == b'-')
                        .count();
                    let mut left = run;
                    while left >= 3 {
                        self.put('—');
                        left -= 3;
                    }
                    match left {
                        2 => self.put('–'),
                        1 => self.put('-'),
                        _ => {}
                    }
                    i += run;
                    continue;
                }
                '`' | '\'' => {
                    let doubled = bytes.get(i + 1) == Some(&(c as u8));
                    let quote = match (c, doubled) {
                        ('`', true) => '“',
                        ('`', false) => '‘',
                        (_, true) => '”',
                        _ => '’',
                    };
                    self.put(quote);
                    i += if doubled { 2 } else { 1 };
                    continue;
                }
                other => self.put(other),
            }
            i += width;
        }
    }

    /// Read the command after a backslash at `start`; returns where reading goes on.
    fn command(&mut self, tex: &str, start: usize) -> usize {
        let rest = tex.get(start..).unwrap_or("");
        let Some(first) = rest.chars().next() else {
            self.put('\\');
            return tex.len();
        };
        let (name, mut next) = if first.is_ascii_alphabetic() {
            let len = rest.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
            let name = rest.get(..len).unwrap_or("");
            // A starred variant (`\enquote*`) reads as the command; TeX skips the spaces
            // after a control word.
            let star = usize::from(rest.as_bytes().get(len) == Some(&b'*'));
            let len = len + star;
            let after = rest.get(len..).unwrap_or("");
            let spaces = after.len() - after.trim_start().len();
            (name, start + len + spaces)
        } else {
            (
                rest.get(..first.len_utf8()).unwrap_or(""),
                start + first.len_utf8(),
            )
        };
        // A command met while another waits for its argument takes that argument's place.
        if let Some(Argument::Wrap(open, _)) = self.argument.take() {
            self.put_str(open);
        }
        if name == "bibstring" {
            return self.bibstring(tex, next);
        }
        match tables::command(name) {
            Some(Command::Symbol(text)) if text == " " => self.space(),
            Some(Command::Symbol(text)) => self.put_str(text),
            Some(Command::Accent(mark)) => self.marks.push(*mark),
            Some(Command::Wrap(open, close)) => {
                self.argument = Some(Argument::Wrap(open.as_str(), close.as_str()));
            }
            Some(Command::Drop) => self.argument = Some(Argument::Skip),
            None if name.chars().all(|c| c.is_ascii_alphabetic()) => {
                // An unknown command is dropped; its arguments are read as text.
            }
            None => {
                // An unknown control symbol prints itself (`\*`, `\|`).
                self.put_str(name);
            }
        }
        if next > tex.len() {
            next = tex.len();
        }
        next
    }

    /// `\bibstring{key}`: the key's English text (the key itself when unknown).
    fn bibstring(&mut self, tex: &str, at: usize) -> usize {
        let rest = tex.get(at..).unwrap_or("");
        let Some(body) = rest.strip_prefix('{') else {
            self.argument = Some(Argument::Bibstring);
            return at;
        };
        let Some(end) = body.find('}') else {
            self.argument = Some(Argument::Bibstring);
            return at;
        };
        let key = body.get(..end).unwrap_or("");
        let text = tables::bibstring(key).unwrap_or(key);
        self.put_str(text);
        at + 1 + end + 1
    }
}

/// The byte ranges of the parts of `tex` separated by `sep` outside braces.
fn split_top(tex: &str, mut is_sep: impl FnMut(&[u8], usize) -> Option<usize>) -> Vec<&str> {
    let bytes = tex.as_bytes();
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes.get(i) {
            Some(b'\\') => {
                i += 2;
                continue;
            }
            Some(b'{') => depth += 1,
            Some(b'}') => depth = depth.saturating_sub(1),
            _ if depth == 0 => {
                if let Some(len) = is_sep(bytes, i) {
                    parts.push(tex.get(start..i).unwrap_or(""));
                    i += len;
                    start = i;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    parts.push(tex.get(start..).unwrap_or(""));
    parts
}

/// The items of a BibTeX list (`A and B and {C and D}`), split at ` and ` outside braces.
pub(crate) fn split_and(tex: &str) -> Vec<&str> {
    split_top(tex, |bytes, i| {
        let space = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_whitespace);
        if !space(i) {
            return None;
        }
        let word = bytes.get(i + 1..i + 4)?;
        if word.eq_ignore_ascii_case(b"and") && space(i + 4) {
            Some(5)
        } else {
            None
        }
    })
    .into_iter()
    .map(str::trim)
    .filter(|s| !s.is_empty())
    .collect()
}

/// The parts of a name separated by commas outside braces.
pub(crate) fn split_commas(tex: &str) -> Vec<&str> {
    split_top(tex, |bytes, i| (bytes.get(i) == Some(&b',')).then_some(1))
        .into_iter()
        .map(str::trim)
        .collect()
}

/// The words of a name part, separated by spaces or `~` outside braces.
pub(crate) fn split_words(tex: &str) -> Vec<&str> {
    split_top(tex, |bytes, i| {
        bytes
            .get(i)
            .filter(|b| b.is_ascii_whitespace() || **b == b'~')
            .map(|_| 1)
    })
    .into_iter()
    .map(str::trim)
    .filter(|s| !s.is_empty())
    .collect()
}

/// Whether `tex` is a single brace group (`{World Health Organization}`).
pub(crate) fn is_one_group(tex: &str) -> bool {
    let bytes = tex.as_bytes();
    if bytes.first() != Some(&b'{') || bytes.last() != Some(&b'}') {
        return false;
    }
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes.get(i) {
            Some(b'\\') => i += 1,
            Some(b'{') => depth += 1,
            Some(b'}') => {
                depth = depth.saturating_sub(1);
                if depth == 0 && i + 1 < bytes.len() {
                    return false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    true
}

/// The case of a name word as BibTeX sees it: the first letter outside braces, or of a
/// special character `{\'E}`; a plain brace group counts as upper case.
pub(crate) fn starts_lower(word: &str) -> bool {
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' => {
                if chars.peek() != Some(&'\\') {
                    return false;
                }
                // A special character: the case of the first letter it prints.
                let decoded = decode(word);
                return decoded
                    .chars()
                    .find(|c| c.is_alphabetic())
                    .is_some_and(char::is_lowercase);
            }
            '\\' => {
                let decoded = decode(word);
                return decoded
                    .chars()
                    .find(|c| c.is_alphabetic())
                    .is_some_and(char::is_lowercase);
            }
            c if c.is_alphabetic() => return c.is_lowercase(),
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_symbols_and_quotes() {
        assert_eq!(decode(r"Anton{\'\i}n"), "Antonín");
        assert_eq!(decode(r"Anton\'{\i}n Dvo\v{r}\'ak"), "Antonín Dvořák");
        assert_eq!(
            decode(r#"Sch{\"o}nberg und Stra\ss e"#),
            "Schönberg und Straße"
        );
        assert_eq!(
            decode(r"\c{c}a \c c\`a \^o \~n \=a \u{a} \H{o} \k{a}"),
            "ça çà ô ñ ā ă ő ą"
        );
        assert_eq!(decode(r"L\'{}\'a"), "L´á");
        assert_eq!(decode("J.~Organomet. Chem."), "J.\u{a0}Organomet. Chem.");
        assert_eq!(decode("pp. 431--456, 1--2---3"), "pp. 431–456, 1–2—3");
        assert_eq!(
            decode("``quoted'' and `single' d'Histoire"),
            "“quoted” and ‘single’ d’Histoire"
        );
        assert_eq!(
            decode(r"Vandenhoeck \& Ruprecht, 50\,\% \$"),
            "Vandenhoeck & Ruprecht, 50\u{2009}% $"
        );
    }

    #[test]
    fn formatting_commands_keep_their_text() {
        assert_eq!(
            decode(r"\mkbibquote{Der Anfang} and \emph{\textsc{Kant}} on \textbf x"),
            "“Der Anfang” and Kant on x"
        );
        assert_eq!(
            decode(r"Pd\hyphen N\hyphen heterocyclic"),
            "Pd-N-heterocyclic"
        );
        assert_eq!(
            decode(r"{\noopsort{1984}}The Title \unknown{kept} \href{http://x}{link}"),
            "The Title kept link"
        );
        assert_eq!(
            decode(r"\bibstring{newseries} \TeX\ is \LaTeX{} fine"),
            "new series TeX is LaTeX fine"
        );
        assert_eq!(decode(r"$11^{th}$ and $\alpha$-rays"), "11th and α-rays");
        assert_eq!(decode("  a \n\t b  "), "a b");
        assert_eq!(decode(r"trailing \\"), "trailing");
        assert_eq!(
            decode(r"under \enquote*{E} with \arabic{author} authors"),
            "under “E” with authors"
        );
        assert_eq!(decode(r"\"), "\\");
    }

    #[test]
    fn deep_nesting_is_read_without_recursion() {
        let n = 100_000;
        let tex = format!("{}x{}", "{".repeat(n), "}".repeat(n));
        assert_eq!(decode(&tex), "x");
        let tex = format!("{}x{}", r"\emph{".repeat(n), "}".repeat(n));
        assert_eq!(decode(&tex), "x");
    }

    #[test]
    fn splitting_respects_braces() {
        assert_eq!(
            split_and("Durham and London AND {Barnes and Noble}"),
            ["Durham", "London", "{Barnes and Noble}"]
        );
        assert_eq!(split_and("Sandland"), ["Sandland"]);
        assert_eq!(
            split_commas("van der Berg, Jr., {Pieter, P.}"),
            ["van der Berg", "Jr.", "{Pieter, P.}"]
        );
        assert_eq!(
            split_words("J.~R.~R. {de la} Tolkien"),
            ["J.", "R.", "R.", "{de la}", "Tolkien"]
        );
        assert!(is_one_group("{World Health Organization}"));
        assert!(!is_one_group("{World} {Health}"));
        assert!(starts_lower("van"));
        assert!(!starts_lower("{van}"));
        assert!(!starts_lower(r"{\'E}douard"));
        assert!(starts_lower(r"{\'e}douard"));
        assert!(!starts_lower("Berg"));
    }
}
