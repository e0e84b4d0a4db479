//! I002: a suppression comment naming a code that is not a rule.
//! Such a code silences nothing; it is usually a typo for a real code.

/// ## What it does
/// Finds codes in `ibid: ignore[...]` and `ibid: ignore-file[...]` comments that are not
/// rule codes (`S04`, `X001`, `S0004`).
///
/// ## Why is this bad?
/// A mistyped code silences nothing, so the problem it was meant to silence is still
/// reported, while the comment suggests otherwise.
///
/// ## Example
/// ```markdown
/// Source: Barsegov, Yu. G., Nagornyi Karabakh <!-- ibid: ignore[S04] -->
/// ```
///
/// Use instead:
/// ```markdown
/// Source: Barsegov, Yu. G., Nagornyi Karabakh <!-- ibid: ignore[S004] -->
/// ```
///
/// ## Fix
/// Correct the code (`ibid rule --all` lists them), or remove it. There is no automatic fix.
pub struct UnknownSuppressionCode;
