//! Deterministic generator of realistic parser inputs for benchmarks and load tests.
//! Shared by `benches/parse.rs` and `examples/gen_inputs.rs`; no randomness source needed.

/// A tiny xorshift generator: deterministic, fast, good enough to mix templates.
pub struct Mixer(u64);

impl Mixer {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Mixer(seed.max(1))
    }

    /// The next pseudo-random number.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// One of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const LOCATOR_LABELS: &[&str] = &[
    "p.", "pp.", "page", "S.", "Seite", "с.", "С.", "стр.", "vol.", "Bd.", "т.", "no.", "Nr.", "№",
    "fol.", "f.", "л.", "Л.", "ll.", "chap.", "Kap.", "гл.", "§", "para.", "col.", "Sp.", "n.",
    "Anm.", "doc.", "Document", "док.",
];

const DASHES: &[&str] = &["-", "–", "—", " to ", " bis "];

/// A locator string such as `pp. 33–35, 38` or `Л. 5 об.`.
pub fn locator(m: &mut Mixer) -> String {
    let label = m.pick(LOCATOR_LABELS);
    let first = 1 + m.below(900);
    match m.below(6) {
        0 => format!("{label} {first}"),
        1 => format!(
            "{label} {first}{}{}",
            m.pick(DASHES),
            first + 1 + m.below(30)
        ),
        2 => format!("{label} {first}–{}, {}", first + 2, first + 7),
        3 => format!(
            "{label} {first} {}",
            m.pick(&["f.", "ff.", "et seq.", "passim"])
        ),
        4 => format!("{label} {first}{}", m.pick(&["v", "r", " об.", "об."])),
        _ => format!("{label} {}", m.pick(&["VII", "xi", "iv", "XIV"])),
    }
}

const AUTHORS: &[&str] = &[
    "Барсегов Ю.Г.",
    "Bergk, V., Haefeli, W. E. & Martin-Facklam, M.",
    "Milovan Djilas",
    "Smith, J. A., & Doe, R.",
    "Müller, Hans",
    "Dupont (Jean)",
    "Иванов И. И., Петров П. П.",
];

const TITLES: &[&str] = &[
    "Нагорный Карабах",
    "Wartime",
    "The Armenian question in Soviet diplomacy",
    "Die Orientpolitik der Sowjetunion",
    "La question arménienne",
    "Большевики и Турция",
];

/// A free-text reference in one of several styles.
pub fn reference(m: &mut Mixer) -> String {
    let author = m.pick(AUTHORS);
    let title = m.pick(TITLES);
    let year = 1950 + m.below(70);
    let page = 1 + m.below(700);
    match m.below(6) {
        0 => format!(
            "{author} {title} Document {}, page {page}",
            1 + m.below(900)
        ),
        1 => format!(
            "{author} {title}. М.: Наука, {year}. {} с.",
            100 + m.below(900)
        ),
        2 => format!(
            "{author} ({year}). {title}. Journal of History, {}({}), {page}–{}.",
            1 + m.below(80),
            1 + m.below(12),
            page + 20
        ),
        3 => format!(
            "{author}. {title}. New York: Harcourt, {year}, {page}-{}.",
            page + 3
        ),
        4 => format!("{author}: {title}. Berlin: Verlag {year}, S. {page} f."),
        _ => format!(
            "RGASPI, f. {}, op. {}, d. {}, ll. {page}-{}",
            1 + m.below(600),
            1 + m.below(20),
            1 + m.below(2000),
            page + 4
        ),
    }
}

/// A pandoc citation.
pub fn citation(m: &mut Mixer) -> String {
    let key = m.pick(&[
        "doe99",
        "barsegov-nk",
        "smith04",
        "Foo_bar.baz",
        "djilas1977",
    ]);
    match m.below(4) {
        0 => format!(
            "[see @{key}, pp. {}-{} and *passim*; @smith04, chap. 1]",
            3, 35
        ),
        1 => format!("@{key} [p. {}]", 1 + m.below(500)),
        2 => format!(
            "[-@{key}, doc. {}, p. {}]",
            1 + m.below(900),
            1 + m.below(900)
        ),
        _ => format!("[@{key}]"),
    }
}

/// A date in one of the forms documents use.
pub fn date(m: &mut Mixer) -> String {
    let day = 1 + m.below(28);
    let year = 1900 + m.below(60);
    match m.below(8) {
        0 => format!("{year}-02-{day:02}"),
        1 => format!("February {day}, {year}"),
        2 => format!("{day} февраля {year} г."),
        3 => format!("{day}/II"),
        4 => format!("{day}.II.{}", year % 100),
        5 => format!("[{year}]"),
        6 => "n.d.".to_string(),
        _ => format!("{year}–{}", year + 1),
    }
}

/// A mixed input of any kind: 40% locators, 30% references, 15% citations, 15% dates.
pub fn mixed(m: &mut Mixer) -> String {
    match m.below(20) {
        0..=7 => locator(m),
        8..=13 => reference(m),
        14..=16 => citation(m),
        _ => date(m),
    }
}
