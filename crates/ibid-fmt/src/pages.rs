//! Writing the end of a numeric range in full (`321–328`), the Chicago way (`321–28`,
//! Chicago Manual of Style, 17th ed., 9.61) or with the fewest digits (`321–8`).

use crate::style::PageRange;

/// The digits of `n`, most significant first.
fn digits(n: u32) -> Vec<u8> {
    n.to_string().bytes().map(|b| b - b'0').collect()
}

/// How many trailing digits of `last` differ from `first`'s (same length assumed).
fn changed_digits(first: &[u8], last: &[u8]) -> usize {
    let same = first.iter().zip(last).take_while(|(a, b)| a == b).count();
    last.len() - same
}

/// The text of the end of the range `first`–`last` (both full values) in `style`, or
/// `None` when the style leaves ends as written or the range is not one to abbreviate (it
/// runs backwards or ends where it starts).
///
/// Chicago 9.61: below 100 and at multiples of 100 every digit is written (`3–10`,
/// `96–117`, `100–104`, `1100–1113`); from 101 to 109 of each hundred only the digits that
/// change (`101–8`, `808–33`, `1103–4`); otherwise at least two digits, more when more
/// change (`321–28`, `498–532`, `1087–89`, `1496–500`, `11564–615`, `12991–3001`).
/// `minimal` writes only the digits that change, but never shortens a range that starts
/// below 20 and keeps two digits for a teen (`112–15`), so that readers (and ibid-parse)
/// expand every end the same way.
pub fn range_end(first: u32, last: u32, style: PageRange) -> Option<String> {
    if last <= first {
        return None;
    }
    let full = || Some(last.to_string());
    let (f, l) = (digits(first), digits(last));
    let tail = |n: usize| {
        Some(
            l[l.len() - n..]
                .iter()
                .map(|d| char::from(b'0' + d))
                .collect(),
        )
    };
    match style {
        PageRange::AsWritten => None,
        PageRange::Full => full(),
        _ if f.len() != l.len() => full(),
        PageRange::Chicago => {
            if first < 100 || first % 100 == 0 {
                return full();
            }
            let changed = changed_digits(&f, &l);
            if first % 100 < 10 {
                tail(changed)
            } else {
                tail(changed.max(2))
            }
        }
        PageRange::Minimal => {
            if first < 20 {
                return full();
            }
            let mut changed = changed_digits(&f, &l);
            if changed == 1 && l.len() >= 2 && l[l.len() - 2] == 1 {
                changed = 2;
            }
            tail(changed)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How ibid-parse reads the end of `first–end`.
    fn read_end(first: u32, end: &str) -> Option<u32> {
        let text = format!("pp. {first}–{end}");
        ibid_parse::parse_locator(&text)
            .value?
            .ranges
            .first()?
            .last_value()
    }

    fn chicago(first: u32, last: u32) -> String {
        format!(
            "{first}–{}",
            range_end(first, last, PageRange::Chicago).unwrap()
        )
    }

    #[test]
    fn every_chicago_example() {
        // Chicago Manual of Style, 17th ed., 9.61, the table's examples in order.
        for (first, last, written) in [
            (3, 10, "3–10"),
            (71, 72, "71–72"),
            (96, 117, "96–117"),
            (100, 104, "100–104"),
            (1100, 1113, "1100–1113"),
            (101, 108, "101–8"),
            (808, 833, "808–33"),
            (1103, 1104, "1103–4"),
            (321, 328, "321–28"),
            (498, 532, "498–532"),
            (1087, 1089, "1087–89"),
            (1496, 1500, "1496–500"),
            (11564, 11615, "11564–615"),
            (12991, 13001, "12991–3001"),
        ] {
            assert_eq!(chicago(first, last), written);
        }
    }

    #[test]
    fn full_and_minimal() {
        assert_eq!(range_end(321, 328, PageRange::Full).as_deref(), Some("328"));
        assert_eq!(
            range_end(321, 328, PageRange::Minimal).as_deref(),
            Some("8")
        );
        assert_eq!(
            range_end(112, 115, PageRange::Minimal).as_deref(),
            Some("15")
        );
        assert_eq!(range_end(12, 15, PageRange::Minimal).as_deref(), Some("15"));
        assert_eq!(range_end(45, 48, PageRange::Minimal).as_deref(), Some("8"));
        assert_eq!(range_end(321, 328, PageRange::AsWritten), None);
        assert_eq!(range_end(612, 601, PageRange::Chicago), None);
        assert_eq!(range_end(5, 5, PageRange::Full), None);
    }

    #[test]
    fn across_a_hundred_or_a_thousand_every_changed_digit_is_kept() {
        assert_eq!(chicago(196, 203), "196–203");
        assert_eq!(chicago(998, 1003), "998–1003");
        assert_eq!(chicago(1999, 2001), "1999–2001");
        assert_eq!(
            range_end(199, 201, PageRange::Minimal).as_deref(),
            Some("201")
        );
        assert_eq!(
            range_end(98, 102, PageRange::Minimal).as_deref(),
            Some("102")
        );
    }

    #[test]
    fn every_abbreviated_end_expands_back() {
        for style in [PageRange::Full, PageRange::Chicago, PageRange::Minimal] {
            for first in 1..2100u32 {
                for last in first + 1..first + 130 {
                    let end = range_end(first, last, style).unwrap();
                    assert_eq!(
                        read_end(first, &end),
                        Some(last),
                        "{style:?}: {first}–{end}"
                    );
                }
            }
        }
    }
}
