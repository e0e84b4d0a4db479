//! `ibid fmt`: format citations and front matter to the corpus style, in place, or report
//! what would change (`--check`, `--diff`). Exit 0 done/clean, 1 changes found, 2 errors.

use crate::commands::progress::Bar;
use crate::Outcome;
use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use ibid_check::rules::format::diagnostics_of;
use ibid_check::{render, OutputFormat, Progress, RenderOptions};
use ibid_corpus::Plan;
use ibid_fmt::run::{format_corpus, Job, Mode, Outcome as FileOutcome, Report, Run};
use ibid_fmt::{
    format_document, CitationSyntax, FormatError, FrontMatterLayout, Input, LabelCase, LabelSpace,
    LeafSide, LocatorForm, PageRange, RangeDash, Style, StyleOverrides,
};
use ibid_provenance::works::EntryIndex;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

/// Arguments of `ibid fmt`.
#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Files or folders to format; the current folder when none is given; `-` reads a
    /// document on stdin and writes it formatted on stdout.
    pub paths: Vec<PathBuf>,
    /// Write nothing; list the files that would change and exit 1 if there are any.
    #[arg(long, conflicts_with = "diff")]
    pub check: bool,
    /// Write nothing; show the changes as a unified diff and exit 1 if there are any.
    #[arg(long)]
    pub diff: bool,
    /// With `-`: the path the document on stdin would have (finds its `ibid.toml`).
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// How `--check` reports: the files (`text`), or the changes as diagnostics of the F
    /// rules in any of `ibid check`'s formats.
    #[arg(long, value_enum, default_value_t = FmtFormat::Text)]
    pub output_format: FmtFormat,
    /// Override `[style] locator-form` for this run.
    #[arg(long, value_enum, value_name = "FORM")]
    pub locator_form: Option<LocatorFormArg>,
    /// Override `[style] label-case` for this run.
    #[arg(long, value_enum, value_name = "CASE")]
    pub label_case: Option<LabelCaseArg>,
    /// Override `[style] label-space` for this run.
    #[arg(long, value_enum, value_name = "SPACE")]
    pub label_space: Option<LabelSpaceArg>,
    /// Override `[style] range-dash` for this run.
    #[arg(long, value_enum, value_name = "DASH")]
    pub range_dash: Option<RangeDashArg>,
    /// Override `[style] page-range` for this run.
    #[arg(long, value_enum, value_name = "RULE")]
    pub page_range: Option<PageRangeArg>,
    /// Override `[style] leaf-side` for this run.
    #[arg(long, value_enum, value_name = "FORM")]
    pub leaf_side: Option<LeafSideArg>,
    /// Override `[style] citation-syntax` for this run.
    #[arg(long, value_enum, value_name = "SYNTAX")]
    pub citation_syntax: Option<CitationSyntaxArg>,
    /// Override `[style] front-matter` for this run.
    #[arg(long, value_enum, value_name = "LAYOUT")]
    pub front_matter: Option<FrontMatterArg>,
    /// Turn `[style] unify-sources` on for this run: write each source the way the corpus
    /// writes it most, or as `key` + `locator` when it matches a bibliography entry.
    #[arg(long)]
    pub unify_sources: bool,
}

/// How `--check` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FmtFormat {
    /// `Would reformat: PATH`, one line per file.
    Text,
    /// rustc-like diagnostics of the F rules.
    Full,
    /// One line per change: path:row:col: CODE message.
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

macro_rules! style_arg {
    ($name:ident => $target:ident { $($variant:ident = $to:ident),* $(,)? }) => {
        #[doc = concat!("A value of `", stringify!($target), "` on the command line.")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
        pub enum $name { $(#[allow(missing_docs)] $variant,)* }

        impl From<$name> for $target {
            fn from(v: $name) -> $target {
                match v { $($name::$variant => $target::$to,)* }
            }
        }
    };
}

style_arg!(LocatorFormArg => LocatorForm { Short = Short, Long = Long, AsWritten = AsWritten });
style_arg!(LabelCaseArg => LabelCase { Sentence = Sentence, AsWritten = AsWritten });
style_arg!(LabelSpaceArg => LabelSpace { Space = Space, Nbsp = Nbsp, AsWritten = AsWritten });
style_arg!(RangeDashArg => RangeDash { EnDash = EnDash, Hyphen = Hyphen, AsWritten = AsWritten });
style_arg!(PageRangeArg => PageRange { Full = Full, Chicago = Chicago, Minimal = Minimal, AsWritten = AsWritten });
style_arg!(LeafSideArg => LeafSide { Short = Short, Long = Long, AsWritten = AsWritten });
style_arg!(CitationSyntaxArg => CitationSyntax { Pandoc = Pandoc, AsWritten = AsWritten });
style_arg!(FrontMatterArg => FrontMatterLayout { Ordered = Ordered, AsWritten = AsWritten });

impl FmtArgs {
    fn overrides(&self) -> StyleOverrides {
        StyleOverrides {
            locator_form: self.locator_form.map(Into::into),
            label_case: self.label_case.map(Into::into),
            label_space: self.label_space.map(Into::into),
            range_dash: self.range_dash.map(Into::into),
            page_range: self.page_range.map(Into::into),
            leaf_side: self.leaf_side.map(Into::into),
            citation_syntax: self.citation_syntax.map(Into::into),
            front_matter: self.front_matter.map(Into::into),
            unify_sources: self.unify_sources.then_some(true),
        }
    }

    fn mode(&self) -> Mode {
        if self.check {
            Mode::Check
        } else if self.diff {
            Mode::Diff
        } else {
            Mode::Write
        }
    }
}

/// Run `ibid fmt`.
pub fn run(args: FmtArgs) -> Result<Outcome> {
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        if args.paths.len() > 1 {
            bail!("`-` (stdin) cannot be combined with other paths");
        }
        return stdin(&args);
    }
    if args.stdin_filename.is_some() {
        bail!("--stdin-filename is only for `ibid fmt -`");
    }
    // A link named on the command line is refused (formatting writes; it must not write
    // through a link); the plan would follow it.
    let cwd = std::env::current_dir()?;
    let (links, paths): (Vec<PathBuf>, Vec<PathBuf>) = args.paths.iter().cloned().partition(|p| {
        std::fs::symlink_metadata(cwd.join(p)).is_ok_and(|m| m.file_type().is_symlink())
            && cwd.join(p).is_file()
    });
    let plan = if paths.is_empty() && !links.is_empty() {
        None
    } else {
        Some(Plan::new(&paths, &cwd)?)
    };
    let overrides = args.overrides();
    let mut jobs: Vec<Job> = Vec::new();
    let mut entries: Vec<EntryIndex> = Vec::new();
    let mut unreadable: Vec<Report> = Vec::new();
    if let Some(plan) = &plan {
        for warning in &plan.warnings {
            eprintln!("ibid: warning: {warning}");
        }
        unreadable.extend(plan.errors.iter().map(|e| Report {
            display: e.to_string(),
            outcome: FileOutcome::Failed(e.to_string()),
        }));
        jobs = plan
            .files
            .iter()
            .map(|f| {
                let corpus = plan.corpus_of(f);
                Job {
                    path: f.path.clone(),
                    display: f.display.clone(),
                    sidecar: f
                        .sidecar
                        .as_ref()
                        .map(|s| (s.path.clone(), s.display.clone())),
                    style: Style::from_config(&corpus.config.style).with(&overrides),
                    max_file_size: corpus.max_file_size,
                    corpus: f.corpus,
                }
            })
            .collect();
        if jobs.iter().any(|j| j.style.unify_sources) {
            entries = bibliographies(plan)?;
        }
    }
    let mode = args.mode();
    let bar = Bar::new("formatting");
    bar.start(jobs.len());
    let run = Run {
        jobs: &jobs,
        entries: &entries,
        mode,
    };
    let mut reports = format_corpus(&run, &|| bar.advance(), &|_| {});
    bar.finish();
    reports.extend(unreadable);
    reports.extend(links.iter().map(|link| Report {
        display: link.display().to_string(),
        outcome: FileOutcome::Failed(format!(
            "{}: is a symbolic link; ibid fmt formats files, not links (format the file it points to)",
            link.display()
        )),
    }));
    report(&args, mode, &reports)
}

/// Each corpus's bibliography, for matching cites to entries (`unify-sources`): every file
/// `bibliography` names, read once; a file that cannot be read stops the run.
fn bibliographies(plan: &Plan) -> Result<Vec<EntryIndex>> {
    let loaded = plan.load_bibliographies()?;
    Ok(loaded
        .iter()
        .map(|corpus| {
            EntryIndex::of_entries(
                corpus
                    .files
                    .iter()
                    .filter_map(|f| f.loaded.value.as_ref())
                    .flat_map(|b| &b.entries),
            )
        })
        .collect())
}

/// Print what happened and choose the exit status.
fn report(args: &FmtArgs, mode: Mode, reports: &[Report]) -> Result<Outcome> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0;
    let mut changed = 0;
    let mut diagnostics = Vec::new();
    for r in reports {
        match &r.outcome {
            FileOutcome::Unchanged => {}
            FileOutcome::Failed(message) => {
                failed += 1;
                eprintln!("ibid: error: {message}");
            }
            FileOutcome::Changed(c) => {
                changed += 1;
                match mode {
                    Mode::Diff => out.write_all(c.diff(&r.display).as_bytes())?,
                    Mode::Check if args.output_format == FmtFormat::Text => {
                        writeln!(out, "Would reformat: {}", r.display)?
                    }
                    Mode::Check => {
                        for file in c.changes_by_file(&r.display) {
                            diagnostics.extend(diagnostics_of(
                                file.changes,
                                file.display,
                                file.before,
                            ));
                        }
                    }
                    Mode::Write => {}
                }
            }
        }
    }
    let total = reports.len();
    let unchanged = total - changed - failed;
    if mode == Mode::Check && args.output_format != FmtFormat::Text {
        let format = output_format(args.output_format);
        let color = format.is_human()
            && io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none();
        render(
            format,
            &diagnostics,
            RenderOptions { color, base: None },
            &mut out,
        )?;
    }
    out.flush()?;
    let summary = match mode {
        Mode::Write => format!(
            "{changed} {} reformatted, {unchanged} {} left unchanged",
            files(changed),
            files(unchanged)
        ),
        _ => format!(
            "{changed} {} would be reformatted, {unchanged} {} already formatted",
            files(changed),
            files(unchanged)
        ),
    };
    let summary = if failed > 0 {
        format!(
            "{summary}, {failed} {} could not be formatted",
            files(failed)
        )
    } else {
        summary
    };
    if mode == Mode::Check && args.output_format == FmtFormat::Text {
        writeln!(io::stdout(), "{summary}")?;
    } else {
        eprintln!("{summary}");
    }
    if failed > 0 {
        bail!(
            "{failed} {} could not be formatted (see above)",
            files(failed)
        );
    }
    Ok(if changed > 0 && mode != Mode::Write {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

fn files(n: usize) -> &'static str {
    if n == 1 {
        "file"
    } else {
        "files"
    }
}

fn output_format(f: FmtFormat) -> OutputFormat {
    match f {
        FmtFormat::Text | FmtFormat::Full => OutputFormat::Full,
        FmtFormat::Concise => OutputFormat::Concise,
        FmtFormat::Json => OutputFormat::Json,
        FmtFormat::JsonLines => OutputFormat::JsonLines,
        FmtFormat::Sarif => OutputFormat::Sarif,
        FmtFormat::Github => OutputFormat::Github,
        FmtFormat::Junit => OutputFormat::Junit,
    }
}

/// `ibid fmt -`: format the document on stdin, write it to stdout.
fn stdin(args: &FmtArgs) -> Result<Outcome> {
    let mut bytes = Vec::new();
    io::stdin()
        .read_to_end(&mut bytes)
        .context("cannot read stdin")?;
    let name = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| PathBuf::from("-"));
    let style = style_for(&name)?.with(&args.overrides());
    if style.unify_sources {
        eprintln!("ibid: warning: `unify-sources` compares the documents of a corpus; `ibid fmt -` formats one document alone, so its source is not unified (run ibid fmt on the corpus)");
    }
    let display = name.display().to_string();
    let input = Input {
        path: &name,
        bytes: &bytes,
        sidecar: None,
    };
    let formatted = match format_document(input, &style) {
        Ok(f) => f,
        Err(FormatError::Unreadable(errors)) => {
            for e in &errors {
                eprintln!(
                    "ibid: error: {display}:{}:{}: {}",
                    e.position.line, e.position.column, e.message
                );
                if let Some(help) = &e.help {
                    eprintln!("  help: {help}");
                }
            }
            bail!("{display} could not be formatted");
        }
        Err(e) => bail!("{display}:{e}"),
    };
    let before = String::from_utf8_lossy(&bytes);
    let after = formatted.document.as_deref().unwrap_or(&before);
    let mut out = io::stdout().lock();
    match args.mode() {
        Mode::Write => out.write_all(after.as_bytes())?,
        Mode::Diff => {
            out.write_all(ibid_fmt::run::unified_diff(&display, &before, after).as_bytes())?
        }
        Mode::Check => {
            if formatted.is_changed() {
                writeln!(out, "Would reformat: {display}")?;
            }
        }
    }
    out.flush()?;
    Ok(if formatted.is_changed() && args.mode() != Mode::Write {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// The style of the corpus `path` would belong to: its nearest `ibid.toml`, or the defaults.
fn style_for(path: &Path) -> Result<Style> {
    let cwd = std::env::current_dir()?;
    let dir = cwd.join(path);
    let dir = dir.parent().unwrap_or(&cwd);
    let Some(config) = ibid_corpus::find_config(dir) else {
        return Ok(Style::default());
    };
    let loaded = ibid_corpus::load_config(&config);
    if !loaded.errors.is_empty() {
        let fatal: Vec<String> = loaded.errors.iter().map(ToString::to_string).collect();
        bail!("{}", fatal.join("\n"));
    }
    let Some(config) = loaded.value else {
        return Ok(Style::default());
    };
    for warning in ibid_corpus::unknown_key_warnings(&config, &cwd) {
        eprintln!("ibid: warning: {warning}");
    }
    Ok(Style::from_config(&config.style))
}
