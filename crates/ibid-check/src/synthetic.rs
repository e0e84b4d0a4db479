//! A generator of synthetic corpora for benchmarks: realistic documents of about 3 KB (front
//! matter with sources, hands, notes and dated annotations; bodies with markers and citations).
//!
//! The output is deterministic for a given seed. A small share of documents carries planted
//! problems (a reversed range, an undeclared hand, an impossible date, a transliterated
//! source), so a run reports findings the way a real corpus would.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

/// A small deterministic random number generator (xorshift64*).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// One item of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const AUTHORS: &[(&str, &str)] = &[
    ("Барсегов Ю.Г.", "Barsegov, Yu. G."),
    ("Микаелян В.А.", "Mikaelian, V. A."),
    ("Киракосян Дж.С.", "Kirakosian, Dzh. S."),
    ("Гусейнов И.А.", "Guseinov, I. A."),
    ("Соколов А.Н.", "Sokolov, A. N."),
    ("Ковалёв П.И.", "Kovalev, P. I."),
];

const TITLES: &[(&str, &str)] = &[
    ("Нагорный Карабах", "Nagornyi Karabakh"),
    (
        "Армения и Советская Россия",
        "Armeniia i Sovetskaia Rossiia",
    ),
    ("Кавказское бюро ЦК", "Kavkazskoe biuro TsK"),
    ("Документы внешней политики", "Dokumenty vneshnei politiki"),
    ("Закавказье в 1920 году", "Zakavkaze v 1920 godu"),
    (
        "Турецкая делегация в Москве",
        "Turetskaia delegatsiia v Moskve",
    ),
    (
        "Советско-турецкие отношения",
        "Sovetsko-turetskie otnosheniia",
    ),
    (
        "Революционные комитеты Азербайджана",
        "Revoliutsionnye komitety Azerbaidzhana",
    ),
];

const FOREIGN: &[&str] = &[
    "Akten zur deutschen auswärtigen Politik, Serie A, Bd.",
    "Documents diplomatiques français, 1921, t.",
    "Documents on British Foreign Policy, First Series, vol.",
];

const PEOPLE: &[(&str, &str)] = &[
    ("lenin", "V. I. Lenin"),
    ("stalin", "I. V. Stalin"),
    ("chicherin", "G. V. Chicherin"),
    ("narimanov", "N. Narimanov"),
    ("radek", "K. B. Radek"),
    ("krestinsky", "N. N. Krestinsky"),
    ("kamenev", "L. B. Kamenev"),
    ("zinoviev", "G. E. Zinoviev"),
    ("molotov", "V. M. Molotov"),
    ("unknown", "Unknown handwriting"),
];

const KINDS: &[&str] = &[
    "letter",
    "telegram",
    "note",
    "report",
    "protocol",
    "resolution",
];

const WORDS: &[&str] = &[
    "the",
    "delegation",
    "question",
    "committee",
    "agreement",
    "Angora",
    "Moscow",
    "Baku",
    "Armenian",
    "Turkish",
    "government",
    "comrade",
    "frontier",
    "negotiations",
    "treaty",
    "must",
    "we",
    "they",
    "will",
    "be",
    "of",
    "to",
    "in",
    "and",
    "with",
    "against",
    "for",
    "immediately",
    "report",
    "telegram",
    "decision",
    "Politburo",
    "Kavburo",
    "region",
    "troops",
    "district",
    "population",
    "council",
    "representatives",
    "conference",
    "position",
    "England",
    "Entente",
    "support",
    "request",
    "information",
    "received",
];

/// One document: its file name within the corpus and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    /// Relative path (`d0003/doc-003012.md`).
    pub path: String,
    /// The text.
    pub text: String,
}

/// A sentence of `n` words, capitalised, with a full stop.
fn sentence(rng: &mut Rng, n: usize, out: &mut String) {
    for i in 0..n {
        let word = rng.pick(WORDS);
        if i == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(word);
        }
    }
    out.push('.');
}

/// The `i`th document of a corpus of `total` documents.
pub fn document(i: usize, total: usize, seed: u64) -> Generated {
    let mut rng = Rng::new(seed ^ (i as u64).wrapping_mul(0x1000_0000_01B3));
    // Collections: documents are spread over them in order, so document numbers and pages
    // rise together within each (no conflicting locators unless planted).
    let collections = (total / 200).max(1);
    let collection = i % collections;
    let within = i / collections;
    let (author, author_latin) = AUTHORS[collection % AUTHORS.len()];
    let (title, title_latin) = TITLES[(collection / AUTHORS.len()) % TITLES.len()];
    let volume = collection / (AUTHORS.len() * TITLES.len()) + 1;
    let doc_number = 100 + within;
    let page = 10 + within * 2;
    let year = 1920 + (i % 3) as i32;
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(20);
    let planted = rng.below(100);

    let mut t = String::with_capacity(3200);
    t.push_str("+++\n");
    let kind = rng.pick(KINDS);
    let _ = writeln!(
        t,
        "title = \"{} no. {i} of the Caucasian Bureau\"",
        capitalize(kind)
    );
    if planted == 0 {
        let _ = writeln!(t, "date = \"{year}-02-30\"");
    } else {
        let _ = writeln!(t, "date = \"{year}-{month:02}-{day:02}\"");
    }
    t.push_str("language = \"en\"\n");
    let _ = writeln!(t, "kind = \"{kind}\"");
    t.push('\n');
    t.push_str("[source]\n");
    let range_end = if planted == 1 { page - 1 } else { page + 1 };
    if rng.chance(10) {
        let series = rng.pick(FOREIGN);
        let _ = writeln!(
            t,
            "cite = \"{series} {volume}, doc. {doc_number}, pp. {page}–{range_end}\""
        );
    } else if planted == 2 {
        let _ = writeln!(
            t,
            "cite = \"{author_latin}, {title_latin}, vol. {volume}, doc. {doc_number}, pp. {page}–{range_end}\""
        );
    } else {
        let _ = writeln!(
            t,
            "cite = \"{author} {title}, vol. {volume}, doc. {doc_number}, pp. {page}–{range_end}\""
        );
    }
    let _ = writeln!(
        t,
        "archive = \"RGASPI, f. {}, op. {}, d. {}, ll. {}–{}\"",
        2 + collection % 500,
        1 + within % 7,
        10_000 + i,
        1 + within % 50,
        3 + within % 50
    );
    t.push_str("\n[translation]\nfrom = \"ru\"\nto = \"en\"\nby = [\"Unknown translator\"]\n\n");
    t.push_str("[hands]\n");
    let first = rng.below(PEOPLE.len() - 3);
    let hands = &PEOPLE[first..first + 3];
    for (id, name) in hands {
        let _ = writeln!(t, "{id} = \"{name}\"");
    }
    let markers = ["*", "**", "***"];
    for (n, marker) in markers.iter().enumerate() {
        let hand = if planted == 3 && n == 2 {
            "nobody"
        } else {
            hands[n].0
        };
        let _ = writeln!(
            t,
            "\n[[notes]]\nmarker = \"{marker}\"\nkind = \"underlined\"\nhand = \"{hand}\"\ntext = \"Underlined by {}.\"",
            hands[n].1
        );
    }
    for (n, (id, name)) in hands.iter().enumerate() {
        let _ = writeln!(
            t,
            "\n[[annotations]]\nn = {}\nhand = \"{id}\"\ndate = \"{}/{}\"\ntext = \"Read. {name}.\"",
            n + 1,
            day + n * 2,
            ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"][month - 1]
        );
    }
    t.push_str("+++\n");
    // The body: paragraphs up to about 3 KB, with the three markers and a citation.
    let mut paragraph = 0;
    while t.len() < 2900 {
        for _ in 0..4 {
            let n = 8 + rng.below(10);
            sentence(&mut rng, n, &mut t);
            t.push(' ');
        }
        if let Some(marker) = markers.get(paragraph) {
            t.push_str("the question");
            t.push_str(marker);
            t.push_str(" is urgent.");
        }
        if paragraph == 1 {
            t.push_str(" See [@barsegov-nk, doc. 652, p. 612].");
        }
        t.push_str("\n\n");
        paragraph += 1;
    }
    t.push_str("<…>\n");
    Generated {
        path: format!("d{:04}/doc-{i:06}.md", i / 1000),
        text: t,
    }
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Write a corpus of `total` documents under `dir`, with an `ibid.toml` and a bibliography.
pub fn write_corpus(dir: &Path, total: usize, seed: u64) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(
        dir.join("ibid.toml"),
        "# A synthetic corpus for benchmarks.\nbibliography = [\"refs.bib\"]\n\n[style]\nlocator-form = \"short\"\nrange-dash = \"en-dash\"\n",
    )?;
    std::fs::write(
        dir.join("refs.bib"),
        "@book{barsegov-nk,\n  author = {Барсегов, Ю. Г.},\n  title = {Нагорный Карабах в международном праве и мировой политике},\n  date = {2008},\n}\n",
    )?;
    for i in 0..total {
        let doc = document(i, total, seed);
        let path = dir.join(&doc.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, doc.text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_deterministic_and_about_three_kilobytes() {
        let a = document(42, 1000, 7);
        assert_eq!(a, document(42, 1000, 7));
        assert_ne!(a.text, document(43, 1000, 7).text);
        for i in 0..50 {
            let len = document(i, 1000, 7).text.len();
            assert!((2800..4000).contains(&len), "document {i} is {len} bytes");
        }
    }
}
