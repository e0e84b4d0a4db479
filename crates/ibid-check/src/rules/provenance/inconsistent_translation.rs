//! P003: an inconsistent translation: `to` differs from `language`, or `from` equals `to`.
//! Language tags are compared case-insensitively; `en` and `en-GB` agree.

use crate::codes::Rule;
use crate::diagnostic::Finding;
use crate::rules::DocContext;

/// ## What it does
/// Checks `[translation]` against the document: `to` (the language translated into) must
/// agree with the document's `language`, and `from` must differ from the language
/// translated into (`to`, or `language` when `to` is left out). Tags are compared without
/// regard to case, and a tag agrees with its more specific forms (`en` with `en-GB`).
///
/// ## Why is this bad?
/// A translation from a language into itself is not a translation, and a text whose
/// `language` and `to` disagree says two things about one text: exports to CSL (`language`,
/// `original-*`) and PROV (the translation activity) become wrong.
///
/// ## Example
/// ```toml
/// language = "en"
///
/// [translation]
/// from = "ru"
/// to = "de"
/// ```
///
/// Use instead:
/// ```toml
/// language = "en"
///
/// [translation]
/// from = "ru"
/// to = "en"
/// ```
///
/// ## Fix
/// Correct the language tags. There is no automatic fix.
pub struct InconsistentTranslation;

/// Whether two BCP 47 tags name the same language (one may be more specific).
fn agree(a: &str, b: &str) -> bool {
    let a = a.trim().to_ascii_lowercase().replace('_', "-");
    let b = b.trim().to_ascii_lowercase().replace('_', "-");
    a == b || a.starts_with(&format!("{b}-")) || b.starts_with(&format!("{a}-"))
}

/// Report inconsistent translations.
pub fn check(ctx: &mut DocContext<'_>) {
    let doc = ctx.doc;
    let Some(translation) = &doc.translation else {
        return;
    };
    if let (Some(to), Some(language)) = (&translation.to, &doc.language) {
        if !to.text.trim().is_empty() && !agree(&to.text, &language.text) {
            ctx.report_meta(
                Finding::new(
                    Rule::InconsistentTranslation,
                    to.span,
                    format!(
                        "`[translation] to` is `{}` but the document's `language` is `{}`",
                        to.text, language.text
                    ),
                )
                .with_help(
                    "the language translated into is the language of this text: make them agree",
                ),
            );
        }
    }
    let target = translation.to.as_ref().or(doc.language.as_ref());
    if let (Some(from), Some(target)) = (&translation.from, target) {
        if !from.text.trim().is_empty() && agree(&from.text, &target.text) {
            ctx.report_meta(
                Finding::new(
                    Rule::InconsistentTranslation,
                    from.span,
                    format!(
                        "`[translation] from` is `{}`, the language it is translated into",
                        from.text
                    ),
                )
                .with_help("write the language of the original in `from`"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::agree;

    #[test]
    fn tags_agree_with_their_specific_forms() {
        assert!(agree("en", "EN"));
        assert!(agree("en", "en-GB"));
        assert!(agree("en_GB", "en"));
        assert!(!agree("en", "eng"));
        assert!(!agree("ru", "en"));
    }
}
