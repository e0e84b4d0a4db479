//! `ibid check`: lint a corpus and report diagnostics in one of seven formats.
//! Exit status 0 when clean, 1 with findings, 2 on usage, configuration or internal errors.

use crate::commands::progress::Bar;
use crate::Outcome;
use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use ibid_check::{
    parse_selectors, render, render_statistics, CheckOptions, FixMode, OutputFormat, RenderOptions,
    SelectionLayer,
};
use ibid_provenance::terminal::escape_controls;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

/// Arguments of `ibid check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders to check; the current folder when none is given.
    pub paths: Vec<PathBuf>,
    /// How to show the diagnostics.
    #[arg(long, value_enum, default_value_t = FormatArg::Full)]
    pub output_format: FormatArg,
    /// Rules to run, replacing the configured selection: codes or prefixes (`S004`, `S`, `ALL`).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Option<Vec<String>>,
    /// Rules not to run: codes or prefixes.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// Rules to run in addition to the configured selection: codes or prefixes.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub extend_select: Vec<String>,
    /// Show how many diagnostics each rule produced instead of the diagnostics.
    #[arg(long)]
    pub statistics: bool,
    /// Exit with status 0 even when there are findings.
    #[arg(long)]
    pub exit_zero: bool,
    /// Apply safe fixes, writing the files.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// Show the changes safe fixes would make, as a unified diff; write nothing.
    #[arg(long)]
    pub diff: bool,
    /// Neither read nor write the `.ibid_cache/` folder.
    #[arg(long)]
    pub no_cache: bool,
}

/// The output formats, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// rustc-like: path:line:col, the source line, a caret and help lines.
    #[value(alias = "text")]
    Full,
    /// One line per diagnostic: path:row:col: CODE message.
    Concise,
    /// A JSON list of diagnostics.
    Json,
    /// One JSON object per line.
    JsonLines,
    /// SARIF 2.1.0.
    Sarif,
    /// GitHub Actions annotations.
    Github,
    /// JUnit XML.
    Junit,
}

impl From<FormatArg> for OutputFormat {
    fn from(f: FormatArg) -> OutputFormat {
        match f {
            FormatArg::Full => OutputFormat::Full,
            FormatArg::Concise => OutputFormat::Concise,
            FormatArg::Json => OutputFormat::Json,
            FormatArg::JsonLines => OutputFormat::JsonLines,
            FormatArg::Sarif => OutputFormat::Sarif,
            FormatArg::Github => OutputFormat::Github,
            FormatArg::Junit => OutputFormat::Junit,
        }
    }
}

/// Run the check and report.
pub fn run(args: CheckArgs) -> Result<Outcome> {
    let selection = SelectionLayer {
        select: args
            .select
            .as_deref()
            .map(parse_selectors)
            .transpose()
            .context("--select")?,
        extend_select: parse_selectors(&args.extend_select).context("--extend-select")?,
        ignore: parse_selectors(&args.ignore).context("--ignore")?,
    };
    let fix = if args.fix {
        FixMode::Apply
    } else if args.diff {
        FixMode::Diff
    } else {
        FixMode::Off
    };
    let options = CheckOptions {
        paths: args.paths.clone(),
        selection,
        fix,
        cache: !args.no_cache,
        cwd: PathBuf::from("."),
    };
    let result = ibid_check::check(&options, &Bar::new("checking"))?;
    for warning in &result.warnings {
        eprintln!("ibid: warning: {}", escape_controls(warning));
    }
    for error in &result.read_errors {
        eprintln!("ibid: error: {error}");
    }
    let format = OutputFormat::from(args.output_format);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if fix == FixMode::Diff {
        out.write_all(result.diff.as_bytes())?;
        out.flush()?;
        let n = result.fixed;
        eprintln!("Would fix {n} {}.", plural(n, "error", "errors"));
        internal_errors_under_diff(&result, &mut io::stderr().lock())?;
        incomplete(&result)?;
        return Ok(if n > 0 && !args.exit_zero {
            Outcome::Findings
        } else {
            Outcome::Clean
        });
    }
    let color =
        format.is_human() && io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    if args.statistics {
        render_statistics(&result.diagnostics, format == OutputFormat::Json, &mut out)?;
    } else {
        render(
            format,
            &result.diagnostics,
            RenderOptions { color, base: None },
            &mut out,
        )?;
    }
    if format.is_human() {
        summary(&result, fix, &mut out)?;
    }
    out.flush()?;
    if result.has_internal_errors() {
        bail!("internal errors occurred while checking (E900 above); the results are incomplete");
    }
    incomplete(&result)?;
    Ok(if result.diagnostics.is_empty() || args.exit_zero {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

/// Under `--diff`, where no diagnostic is printed, the internal errors (E900) are written to
/// `err` and end the run with exit code 2, as they do without `--diff`.
fn internal_errors_under_diff(result: &ibid_check::CheckResult, err: &mut dyn Write) -> Result<()> {
    if !result.has_internal_errors() {
        return Ok(());
    }
    let internal: Vec<_> = result
        .diagnostics
        .iter()
        .filter(|d| d.rule == ibid_check::Rule::InternalError)
        .cloned()
        .collect();
    let options = RenderOptions {
        color: false,
        base: None,
    };
    render(OutputFormat::Concise, &internal, options, err)?;
    bail!("internal errors occurred while checking (E900 above); the diff is incomplete")
}

/// An error (exit code 2) when folders could not be read: the results are incomplete.
fn incomplete(result: &ibid_check::CheckResult) -> Result<()> {
    match result.read_errors.len() {
        0 => Ok(()),
        1 => bail!("1 folder could not be read (above); the results are incomplete"),
        n => bail!("{n} folders could not be read (above); the results are incomplete"),
    }
}

/// The closing lines for people: how many findings, how many fixable or fixed.
fn summary(result: &ibid_check::CheckResult, fix: FixMode, out: &mut dyn Write) -> io::Result<()> {
    let remaining = result.diagnostics.len();
    let fixed = result.fixed;
    if remaining == 0 {
        if !result.read_errors.is_empty() {
            let files = result.files;
            writeln!(
                out,
                "No findings in the {files} {} read, but not everything could be read.",
                plural(files, "document", "documents")
            )?;
        } else if fixed > 0 {
            writeln!(
                out,
                "Found {fixed} {} ({fixed} fixed, 0 remaining).",
                plural(fixed, "error", "errors")
            )?;
        } else {
            let files = result.files;
            writeln!(
                out,
                "All checks passed! ({files} {} checked)",
                plural(files, "document", "documents")
            )?;
        }
        return Ok(());
    }
    if fix == FixMode::Apply && fixed > 0 {
        let total = remaining + fixed;
        writeln!(
            out,
            "Found {total} {} ({fixed} fixed, {remaining} remaining).",
            plural(total, "error", "errors")
        )?;
    } else {
        writeln!(
            out,
            "Found {remaining} {}.",
            plural(remaining, "error", "errors")
        )?;
    }
    let fixable = result.fixable();
    if fixable > 0 {
        writeln!(out, "[*] {fixable} fixable with the `--fix` option.")?;
    }
    Ok(())
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_check::{CheckResult, Diagnostic, Rule};

    #[test]
    fn an_internal_error_under_diff_is_printed_and_fails_the_run() {
        let mut result = CheckResult::default();
        let finding = Diagnostic::file_level(Rule::UnreadableDocument, "b.md", "a finding");
        result.diagnostics.push(finding);
        let mut err = Vec::new();
        assert!(internal_errors_under_diff(&result, &mut err).is_ok());
        assert!(err.is_empty());

        let internal = Diagnostic::file_level(Rule::InternalError, "a.md", "Internal error x");
        result.diagnostics.push(internal);
        let error = internal_errors_under_diff(&result, &mut err).unwrap_err();
        let printed = String::from_utf8(err).unwrap();
        assert!(
            printed.contains("a.md:1:1: E900 Internal error x"),
            "{printed}"
        );
        assert!(!printed.contains("b.md"), "{printed}");
        assert!(error.to_string().contains("the diff is incomplete"));
    }
}
