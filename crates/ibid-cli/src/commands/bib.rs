//! `ibid bib [PATH...]`: the bibliography of what the documents cite, in a CSL style or
//! exported, or the index of cited locations. Wiring only: the work is in `ibid-bib`.

use super::documents::{finish, report};
use crate::Outcome;
use anyhow::{anyhow, bail, Context, Result};
use clap::{Args, ValueEnum};
use ibid_bib::bibliography::bibliography;
use ibid_bib::driver::{Driver, RenderCache, DEFAULT_CHUNK};
use ibid_bib::index::{index, index_html, index_json, index_markdown, index_text};
use ibid_bib::output::{self, BibtexDialect};
use ibid_bib::sections::section_titles;
use ibid_bib::style::{archived_style, locale, locale_codes, style_file, style_names, LoadedStyle};
use ibid_bib::{collect_corpus, CollectOptions, Collected, Collection, NoticeKind};
use ibid_corpus::Plan;
use ibid_provenance::Config;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The style used when neither the command line nor `ibid.toml` names one.
const DEFAULT_STYLE: &str = "chicago-author-date";

/// Arguments of `ibid bib`.
#[derive(Debug, Args)]
pub struct BibArgs {
    /// Documents, or folders of documents (default: the current folder).
    pub paths: Vec<PathBuf>,
    /// A CSL style of hayagriva's archive by name (`chicago-notes`, `apa`, `mla`,
    /// `gost-r-705-2008-numeric`, ...); default: `[style] csl` in ibid.toml, else
    /// chicago-author-date.
    #[arg(long, conflicts_with = "csl")]
    pub style: Option<String>,
    /// A CSL style file (`.csl`).
    #[arg(long, value_name = "FILE")]
    pub csl: Option<PathBuf>,
    /// The locale of the style's terms and dates (`en-US`, `ru-RU`, `de-DE`, `fr-FR`, ...).
    #[arg(long)]
    pub locale: Option<String>,
    /// The output: a rendered bibliography (text, markdown, html), the entries exported
    /// (bibtex, biblatex, csl-json, ris), or the index of cited locations (index, json).
    #[arg(long = "to", value_enum, default_value_t = BibFormat::Text)]
    pub to: BibFormat,
    /// Write the index of cited locations instead of the bibliography (`--to` text,
    /// markdown, html or json).
    #[arg(long)]
    pub index: bool,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Add the bibliography entries no document cites (pandoc's `nocite: @*`).
    #[arg(long)]
    pub all: bool,
    /// Make a citation that is not in the bibliography (listed from the text, or an
    /// unknown key) an error (exit 2).
    #[arg(long)]
    pub strict: bool,
    /// List the names of the archived styles and exit.
    #[arg(long)]
    pub list_styles: bool,
    /// List the available locales and exit.
    #[arg(long)]
    pub list_locales: bool,
    /// Write the chosen style as CSL XML and exit (to render with another processor).
    #[arg(long)]
    pub write_style: bool,
    /// Neither read nor write the render cache (`.ibid_cache/` at the corpus root).
    #[arg(long)]
    pub no_cache: bool,
}

/// What `ibid bib --to` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BibFormat {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// A standalone HTML page with an anchor per entry.
    Html,
    /// BibTeX.
    Bibtex,
    /// BibLaTeX.
    Biblatex,
    /// CSL-JSON.
    CslJson,
    /// RIS, as Zotero and EndNote import it.
    Ris,
    /// The index of cited locations, as text.
    Index,
    /// The index of cited locations, as JSON (with --index).
    Json,
}

/// Run `ibid bib`.
pub fn run(args: BibArgs) -> Result<Outcome> {
    if args.list_styles {
        return print_lines(style_names().into_iter().map(str::to_string));
    }
    if args.list_locales {
        return print_lines(locale_codes());
    }
    if args.write_style {
        let plan = Plan::new(&args.paths, Path::new("."))?;
        let style = choose_style(&args, first_config(&plan, &args.paths)?)?;
        let xml = ibid_bib::style::style_xml(&style)
            .map_err(|e| anyhow!("cannot write the style: {e}"))?;
        write_output(args.output.as_deref(), &xml)?;
        return Ok(Outcome::Clean);
    }
    let index_mode = args.index || args.to == BibFormat::Index;
    if args.to == BibFormat::Json && !index_mode {
        bail!("`--to json` writes the index of cited locations: add --index, or use --to csl-json for the entries");
    }
    if index_mode
        && matches!(
            args.to,
            BibFormat::Bibtex | BibFormat::Biblatex | BibFormat::CslJson | BibFormat::Ris
        )
    {
        bail!("the index of cited locations is written as text, markdown, html or json");
    }
    let plan = Plan::new(&args.paths, Path::new("."))?;
    for warning in &plan.warnings {
        eprintln!("ibid: warning: {warning}");
    }
    let Collected { collection, errors } = collect_corpus(&plan, CollectOptions { all: args.all })?;
    report(&errors)?;
    let config = first_config(&plan, &args.paths)?;
    let problems = report_notices(&collection, args.strict)?;

    let needs_style = !index_mode
        && matches!(
            args.to,
            BibFormat::Text | BibFormat::Markdown | BibFormat::Html
        );
    let text = if index_mode {
        let code = match &args.locale {
            Some(code) => locale(code)?.0,
            None => "en-US".to_string(),
        };
        let titles = section_titles(&code);
        let idx = index(&collection);
        match args.to {
            BibFormat::Markdown => index_markdown(&idx, &titles),
            BibFormat::Html => index_html(&idx, &titles, language_of(&code)),
            BibFormat::Json => index_json(&idx),
            _ => index_text(&idx, &titles),
        }
    } else if needs_style {
        let style = choose_style(&args, config)?;
        let locale_code = match &args.locale {
            Some(code) => Some(locale(code)?),
            None => None,
        };
        let code = locale_code
            .as_ref()
            .map(|l| l.0.clone())
            .or_else(|| style.csl.default_locale.as_ref().map(|l| l.0.clone()))
            .unwrap_or_else(|| "en-US".to_string());
        let cache = (!args.no_cache)
            .then(|| RenderCache::open(&cache_root(&plan), &style, locale_code.as_ref()));
        if let Some(warning) = cache.as_ref().and_then(|c| c.warning.as_ref()) {
            eprintln!("warning: {warning}");
        }
        let driver = Driver {
            style: &style,
            locale: locale_code.as_ref(),
            cache: cache.as_ref(),
            grouping: true,
            chunk_size: DEFAULT_CHUNK,
        };
        let rendered = bibliography(&collection, &driver, &code);
        if let Some(cache) = &cache {
            if let Err(e) = cache.write() {
                eprintln!("warning: cannot write the render cache: {e}");
            }
        }
        for warning in &rendered.warnings {
            eprintln!("warning: {warning}");
        }
        match args.to {
            BibFormat::Markdown => with_newline(output::markdown(&rendered)),
            BibFormat::Html => output::html_page(&rendered, language_of(&code)),
            _ => with_newline(output::text(&rendered)),
        }
    } else {
        if args.style.is_some() || args.csl.is_some() || args.locale.is_some() {
            eprintln!(
                "warning: --style, --csl and --locale do not change an export of the entries' data"
            );
        }
        match args.to {
            BibFormat::Bibtex => output::bibtex(&collection, BibtexDialect::Bibtex),
            BibFormat::Biblatex => output::bibtex(&collection, BibtexDialect::Biblatex),
            BibFormat::Ris => output::ris(&collection),
            _ => output::csl_json(&collection),
        }
    };
    write_output(args.output.as_deref(), &text)?;
    let outcome = finish(&plan, &errors)?;
    if problems > 0 {
        bail!(
            "{problems} citation{} not in the bibliography (--strict)",
            if problems == 1 { " is" } else { "s are" }
        );
    }
    Ok(outcome)
}

/// `text` ending in exactly one newline (empty stays empty).
fn with_newline(mut text: String) -> String {
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// The language part of a locale code (`ru-RU` → `ru`).
fn language_of(code: &str) -> &str {
    code.split('-').next().unwrap_or(code)
}

/// Print `lines` to stdout, one a line.
fn print_lines(lines: impl IntoIterator<Item = String>) -> Result<Outcome> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for line in lines {
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(Outcome::Clean)
}

/// Say on stderr which citations are not from the bibliography; returns how many count as
/// errors (all of them with `--strict`, else none).
fn report_notices(collection: &Collection, strict: bool) -> Result<usize> {
    let stderr = io::stderr();
    let mut err = stderr.lock();
    let level = if strict { "error" } else { "warning" };
    for notice in &collection.notices {
        let doc = &collection.documents[notice.document];
        let citation = &doc.citations[notice.citation];
        writeln!(
            err,
            "{}:{}:{}: {level}: {}",
            citation.file.display(),
            citation.line,
            citation.column,
            notice.message
        )?;
        match notice.kind {
            NoticeKind::FromText => writeln!(
                err,
                "  help: from the text, not the bibliography: add an entry to a bibliography file and cite it by `key`"
            )?,
            NoticeKind::UnknownKey => writeln!(
                err,
                "  help: add the entry to a bibliography file listed in ibid.toml, or correct the key"
            )?,
        }
    }
    Ok(if strict { collection.notices.len() } else { 0 })
}

/// The style asked for: `--csl`, `--style`, `[style] csl` in ibid.toml (a name, or a `.csl`
/// file relative to it), or the default.
/// The configuration of the first corpus the paths name: an error, not a panic, when they
/// hold no document (so no corpus and no `ibid.toml` is met).
fn first_config<'p>(plan: &'p Plan, paths: &[PathBuf]) -> Result<&'p Config> {
    plan.corpora.first().map(|c| &c.config).ok_or_else(|| {
        let named: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        anyhow!(
            "no documents in {}: ibid bib takes the bibliography from the ibid.toml of the documents' corpus; add a document (an empty .md file will do) beside the ibid.toml",
            named.join(", ")
        )
    })
}

fn choose_style(args: &BibArgs, config: &Config) -> Result<LoadedStyle> {
    if let Some(path) = &args.csl {
        return Ok(style_file(path)?);
    }
    if let Some(name) = &args.style {
        return Ok(archived_style(name)?);
    }
    if let Some(setting) = &config.style.csl {
        let value = setting.value.trim();
        let at = format!(
            "{}:{}:{}",
            setting.file.display(),
            setting.position.line,
            setting.position.column
        );
        if value.to_ascii_lowercase().ends_with(".csl") {
            let base = setting.file.parent().unwrap_or(Path::new("."));
            return style_file(&base.join(value)).map_err(|e| anyhow!("{at}: [style] csl: {e}"));
        }
        return archived_style(value).map_err(|e| anyhow!("{at}: [style] csl: {e}"));
    }
    Ok(archived_style(DEFAULT_STYLE)?)
}

/// Where the render cache goes: where `ibid check` caches the corpus's first document, the
/// corpus root (where its `ibid.toml` is) or, without one, the folder named (never the
/// current folder by default).
fn cache_root(plan: &Plan) -> PathBuf {
    let config = &plan.corpora[0].config;
    let config_root = config.path.as_ref().map(|_| config.root.as_path());
    plan.files.iter().find(|file| file.corpus == 0).map_or_else(
        || config.root.clone(),
        |file| ibid_check::cache::cache_root(config_root, &file.path, &plan.roots),
    )
}

/// Write `text` to `path` (atomically, with the writer of every command), or to stdout.
fn write_output(path: Option<&Path>, text: &str) -> Result<()> {
    match path {
        Some(path) => ibid_corpus::write_file(path, text.as_bytes())
            .with_context(|| format!("cannot write {}", path.display())),
        None => {
            let stdout = io::stdout();
            let mut out = stdout.lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
            Ok(())
        }
    }
}
