//! P004: a front-matter key that format v1 does not define.
//! Suggests the closest known key; the value is kept, never dropped.

use crate::codes::Rule;
use crate::diagnostic::Finding;
use crate::rules::DocContext;

/// ## What it does
/// Finds keys in the front matter (or sidecar) that the document format does not define,
/// at any level: the top level, `[source]`, `[translation]`, `[[notes]]` and
/// `[[annotations]]`, and suggests the known key closest to a misspelling (`translaton`,
/// `hnad`), or the table a key belongs in (`cite` written at the top level belongs in
/// `[source]`). Ids under `[hands]` are names chosen by the corpus and never reported.
///
/// ## Why is this bad?
/// ibid keeps an unknown key's value but cannot use it: a misspelt `date` or `hand` means
/// the document is treated as undated or the mark as unattributed, silently.
///
/// ## Example
/// ```toml
/// [[notes]]
/// marker = "*"
/// hnad = "lenin"
/// ```
///
/// Use instead:
/// ```toml
/// [[notes]]
/// marker = "*"
/// hand = "lenin"
/// ```
///
/// ## Fix
/// Correct the key, or remove it. There is no automatic fix.
pub struct UnknownKey;

/// Report unknown keys.
pub fn check(ctx: &mut DocContext<'_>) {
    for unknown in ctx.doc.unknown_keys() {
        let mut finding = Finding::new(
            Rule::UnknownKey,
            unknown.key.span,
            format!("Unknown key `{}`", unknown.path),
        );
        let name = &unknown.key.name;
        finding = match (&unknown.home, &unknown.suggestion) {
            (Some(home), _) if home.is_empty() => finding.with_help(format!(
                "`{name}` belongs at the top level, before any [table]"
            )),
            (Some(home), _) => finding.with_help(format!("`{name}` belongs in [{home}]")),
            (None, Some(near)) => finding.with_help(format!("did you mean `{near}`?")),
            (None, None) => finding.with_help(
                "the value is kept but not used; check the key against the document format",
            ),
        };
        ctx.report_meta(finding);
    }
}
