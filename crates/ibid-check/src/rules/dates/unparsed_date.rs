//! D001: a date that cannot be read.
//! Reports front-matter dates that no date form ibid knows matches, and text left over.

use crate::codes::Rule;
use crate::diagnostic::Finding;
use crate::rules::{in_text, DocContext};

/// ## What it does
/// Finds dates in the front matter (`date`, `[translation] date`, `[source] accessed`,
/// `[[annotations]] date`) that cannot be read as a date, in whole or in part.
///
/// ibid reads full dates (`1921-02-16`, `16 February 1921`, `16.02.1921`,
/// `16 февраля 1921 г.`), partial ones (`1921-02`, `1921`, `19/II`, `22.II.21`), editorial
/// forms (`[1921]`, `ca. 1920`, `n.d.`) and ranges (`1921–1922`).
///
/// ## Why is this bad?
/// A date that cannot be read cannot be sorted, exported to CSL or TEI, or checked against
/// the other dates of the document, so mistakes in it go unnoticed.
///
/// ## Example
/// ```toml
/// date = "16 Febuary 1921"
/// ```
///
/// Use instead:
/// ```toml
/// date = "16 February 1921"
/// ```
///
/// ## Fix
/// Write the date in one of the forms above, as printed in the source. There is no
/// automatic fix: only the source can say what was meant.
pub struct UnparsedDate;

/// Report dates that did not parse, or parsed with text left over.
pub fn check(ctx: &mut DocContext<'_>) {
    for (key, date) in super::all_dates(ctx.doc) {
        let written = &date.written;
        if date.date().is_none() {
            let message = if written.text.trim().is_empty() {
                format!("`{key}` is empty")
            } else {
                match date.parsed.errors.first() {
                    Some(error) => format!(
                        "Cannot read `{}` as a date in `{key}`: {}",
                        written.text, error.message
                    ),
                    None => format!("Cannot read `{}` as a date in `{key}`", written.text),
                }
            };
            ctx.report_meta(
                Finding::new(Rule::UnparsedDate, written.span, message).with_help(
                    "write a date such as `1921-02-16`, `16 February 1921`, `1921-02`, `1921` or as printed (`19/II`)",
                ),
            );
        } else if date.parsed.remainder.is_none() {
            // Read to its end, yet not cleanly: an unclosed `[`. Impossible parts are D002's.
            let unread = date
                .parsed
                .errors
                .iter()
                .filter(|e| !e.kind.is_impossible_date());
            for error in unread {
                ctx.report_meta(
                    Finding::new(
                        Rule::UnparsedDate,
                        in_text(written, error.span),
                        format!(
                            "Cannot read `{}` as a date in `{key}`: {}",
                            written.text, error.message
                        ),
                    )
                    .with_help("write the date as printed, with its brackets closed"),
                );
            }
        } else if let Some(rest) = date.parsed.remainder {
            let left = rest.slice(&written.text);
            ctx.report_meta(
                Finding::new(
                    Rule::UnparsedDate,
                    in_text(written, rest),
                    format!(
                        "Cannot read `{left}` at the end of the date `{}` in `{key}`",
                        written.text
                    ),
                )
                .with_help("remove the extra text, or move it to a note"),
            );
        }
    }
}
