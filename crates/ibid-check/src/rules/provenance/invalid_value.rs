//! P005: a front-matter value of the wrong type, outside its vocabulary, or missing.
//! Reports the loader's findings about values, with its help line.

use crate::codes::Rule;
use crate::diagnostic::{Finding, TextRange};
use crate::load_errors::{rule_for, Origin};
use crate::rules::DocContext;

/// ## What it does
/// Reports front-matter values the format cannot use: a value of the wrong TOML type
/// (`date = 1921` is fine, `hands = "lenin"` is not), a value outside a closed vocabulary
/// (`kind = "circled"` in a note, where the kinds are `underlined`, `encircled`,
/// `marginal-lines`, `crossed-out`, `inserted`, `omission`, `expansion` and `other`), a
/// required key that is missing, and a document that has both front matter and a sidecar
/// file.
///
/// ## Why is this bad?
/// The value is ignored where it is used (exports, other rules), so the provenance it was
/// meant to record is lost without anyone noticing.
///
/// ## Example
/// ```toml
/// [[notes]]
/// marker = "*"
/// kind = "circled"
/// ```
///
/// Use instead:
/// ```toml
/// [[notes]]
/// marker = "*"
/// kind = "encircled"
/// ```
///
/// ## Fix
/// Write the value as the message and its help line say. There is no automatic fix.
pub struct InvalidValue;

/// Report the loader's value errors (those the load-error table gives to this rule).
pub fn check(ctx: &mut DocContext<'_>) {
    let doc = ctx.doc;
    for error in ctx.errors {
        if rule_for(error.kind, Origin::Document) != Rule::InvalidValue {
            continue;
        }
        let range = error.span.map_or(TextRange::empty(0), TextRange::from);
        let mut finding = Finding::new(Rule::InvalidValue, range, capitalize(&error.message));
        if let Some(help) = &error.help {
            finding = finding.with_help(help.clone());
        }
        if error.file == doc.file.path {
            ctx.report_file(finding);
        } else {
            ctx.report_meta(finding);
        }
    }
}

/// The message with its first letter in upper case, like the other rules' messages.
pub(crate) fn capitalize(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
