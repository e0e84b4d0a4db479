//! `ibid import FILE...`: pasted pages (text, Markdown, saved HTML) to documents in format
//! v1, with a report per file. Wiring only: reading, choosing the output, the target
//! corpus's bibliography, writing and printing; the extraction is `ibid_import`'s.

use crate::Outcome;
use anyhow::{bail, Result};
use clap::{Args, ValueEnum};
use ibid_corpus::{
    create_file, find_config, load_config, read_regular_file, write_file, DEFAULT_MAX_FILE_SIZE,
};
use ibid_import::{import, InputFormat, Options, Page, Report, Status};
use ibid_provenance::bib::BibFormat;
use ibid_provenance::{decode, sidecar_path, Bibliography};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Arguments of `ibid import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Pages to import: plain text, Markdown, or HTML saved from a browser; a folder
    /// stands for every such page in it (walked as `ibid check` walks a corpus).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Write each document into this folder (created if needed), named as its page.
    #[arg(long, value_name = "DIR", group = "destination")]
    pub out: Option<PathBuf>,
    /// Leave each text file untouched and write its front matter beside it as `NAME.ibid.toml`.
    #[arg(long, group = "destination")]
    pub sidecar: bool,
    /// Rewrite each page as a document in place.
    #[arg(long, group = "destination")]
    pub in_place: bool,
    /// Report what would be imported; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Keep page debris in the body instead of `[[import.debris]]` (it is still reported).
    #[arg(long)]
    pub keep_debris: bool,
    /// Overwrite existing output files.
    #[arg(long)]
    pub force: bool,
    /// Report format.
    #[arg(long, alias = "output-format", value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

/// Report formats of `ibid import`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A readable report per file.
    Text,
    /// One JSON array of reports.
    Json,
}

/// A page to import, and the folder its document goes to under `--out` (the page's folder
/// relative to the folder named on the command line; empty for a page named itself).
#[derive(Debug, Clone)]
struct Input {
    path: PathBuf,
    sub: PathBuf,
}

/// The pages the command line names: files as given, folders walked (their pages sorted
/// by path). Messages of what could not be walked come back beside them.
fn inputs(args: &[PathBuf]) -> (Vec<Input>, Vec<String>) {
    let cwd = std::env::current_dir().unwrap_or_default();
    let (mut inputs, mut failures) = (Vec::new(), Vec::new());
    for arg in args {
        if !arg.is_dir() {
            inputs.push(Input {
                path: arg.clone(),
                sub: PathBuf::new(),
            });
            continue;
        }
        let walked = ibid_corpus::walk_pages(arg, &cwd);
        for warning in walked.warnings {
            eprintln!("ibid: warning: {warning}");
        }
        failures.extend(walked.errors.iter().map(ToString::to_string));
        if walked.pages.is_empty() && walked.errors.is_empty() {
            failures.push(format!(
                "{}: no pages to import in this folder (text, Markdown or HTML files)",
                arg.display()
            ));
        }
        for path in walked.pages {
            let sub = path
                .parent()
                .and_then(|p| p.strip_prefix(arg).ok())
                .map(Path::to_path_buf)
                .unwrap_or_default();
            inputs.push(Input { path, sub });
        }
    }
    (inputs, failures)
}

/// Where a document goes.
#[derive(Debug, Clone)]
enum Destination {
    Document(PathBuf),
    Sidecar(PathBuf),
    None,
}

/// Run `ibid import`.
pub fn run(args: ImportArgs) -> Result<Outcome> {
    if args.out.is_none() && !args.sidecar && !args.in_place && !args.dry_run {
        bail!(
            "say where the documents go: --out DIR, --sidecar or --in-place \
             (or --dry-run to see the report only)"
        );
    }
    if let (Some(dir), false) = (&args.out, args.dry_run) {
        std::fs::create_dir_all(dir)
            .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", dir.display()))?;
    }
    // The corpora the outputs land in, their bibliographies loaded once each; then the
    // pages, in parallel, reported in the order given.
    let (pages, walk_failures) = inputs(&args.files);
    let mut bibliographies = Bibliographies::default();
    for page in &pages {
        bibliographies.load(&landing_folder(&args, page));
    }
    let results: Vec<Result<Report, String>> = pages
        .par_iter()
        .map(|page| {
            import_one(
                &args,
                page,
                bibliographies.get(&landing_folder(&args, page)),
            )
        })
        .collect();
    let mut reports = Vec::new();
    let (mut failed, mut incomplete) = (walk_failures.len(), 0usize);
    for failure in &walk_failures {
        eprintln!("{failure}");
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for result in results {
        match result {
            Ok(report) => {
                incomplete += usize::from(report.status == Status::Incomplete);
                if args.format == ReportFormat::Text {
                    out.write_all(report.to_text().as_bytes())?;
                }
                reports.push(report);
            }
            Err(message) => {
                failed += 1;
                eprintln!("{message}");
            }
        }
    }
    if args.format == ReportFormat::Json {
        serde_json::to_writer_pretty(&mut out, &reports)?;
        writeln!(out)?;
    }
    out.flush()?;
    match (failed, incomplete) {
        (0, 0) => Ok(Outcome::Clean),
        (0, _) => Ok(Outcome::Findings),
        (1, _) => bail!("1 file could not be imported"),
        (n, _) => bail!("{n} files could not be imported"),
    }
}

/// Import one file: its report, or a message saying why it could not be imported.
fn import_one(
    args: &ImportArgs,
    input: &Input,
    bibliography: Option<&Bibliography>,
) -> Result<Report, String> {
    let file = input.path.as_path();
    let bytes = read_page(file)?;
    let format = InputFormat::detect(file, &bytes);
    let page = Page::read(&bytes, format).map_err(|e| {
        let at = e
            .position()
            .map(|(l, c)| format!(":{l}:{c}"))
            .unwrap_or_default();
        format!(
            "{}{at}: {}\n  help: {}",
            file.display(),
            e.message(),
            e.help()
        )
    })?;
    let destination = destination(args, input, format)?;
    let report_base = |status_report: Report| {
        let mut r = status_report;
        r.file = file.display().to_string();
        r
    };
    if page.has_front_matter() || sidecar_path(file).is_file() {
        return Ok(report_base(Report::already_document()));
    }
    let options = Options::new(
        args.keep_debris,
        matches!(destination, Destination::Sidecar(_)),
    );
    let Some(imported) = import(&page, bibliography, &options) else {
        return Ok(report_base(Report::already_document()));
    };
    let mut report = report_base(imported.report());
    let (path, text) = match destination {
        Destination::Document(p) => (p, imported.document()),
        Destination::Sidecar(p) => (p, imported.sidecar()),
        Destination::None => return Ok(report),
    };
    report.output = Some(path.display().to_string());
    if !args.dry_run {
        if let Some(folder) = path.parent().filter(|_| !input.sub.as_os_str().is_empty()) {
            // A sub-folder of `--out` mirroring the folder the page was found in.
            std::fs::create_dir_all(folder).map_err(|e| {
                format!(
                    "{}: cannot create {}: {e}",
                    file.display(),
                    folder.display()
                )
            })?;
        }
        let overwrite = args.force || (args.in_place && path == file);
        write_document(&path, text.as_bytes(), overwrite).map_err(|e| {
            if e.kind() == io::ErrorKind::AlreadyExists {
                format!(
                    "{}: the output {} exists\n  help: pass --force to overwrite it",
                    file.display(),
                    path.display()
                )
            } else {
                format!("{}: cannot write {}: {e}", file.display(), path.display())
            }
        })?;
    }
    Ok(report)
}

/// Write a document with the corpus's writers: a new file atomically, never over another;
/// with `overwrite`, an existing file replaced as `fmt` replaces it (mode, owner, hard links
/// and symlinks kept, a read-only file refused).
fn write_document(path: &Path, bytes: &[u8], overwrite: bool) -> io::Result<()> {
    if overwrite {
        write_file(path, bytes)
    } else {
        create_file(path, bytes)
    }
}

/// The bytes of `file`, read with the corpus's safe reader: a regular file (never a FIFO
/// or a device) within the size limit.
fn read_page(file: &Path) -> Result<Vec<u8>, String> {
    read_regular_file(file, DEFAULT_MAX_FILE_SIZE)
        .map_err(|e| format!("{}: cannot read the page: {}", file.display(), e.reason()))
}

/// Where the document of `page` goes.
fn destination(
    args: &ImportArgs,
    page: &Input,
    format: InputFormat,
) -> Result<Destination, String> {
    let file = page.path.as_path();
    let name = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = match format {
        InputFormat::Html => "txt".to_string(),
        _ => file
            .extension()
            .map_or("txt".to_string(), |e| e.to_string_lossy().into_owned()),
    };
    let text_only = |what: &str| {
        format!(
            "{}: {what} needs a text page, and this is HTML\n  help: use --out DIR to write the document beside it",
            file.display()
        )
    };
    if let Some(dir) = &args.out {
        return Ok(Destination::Document(
            dir.join(&page.sub).join(format!("{name}.{ext}")),
        ));
    }
    if args.sidecar {
        if format == InputFormat::Html {
            return Err(text_only("--sidecar"));
        }
        return Ok(Destination::Sidecar(sidecar_path(file)));
    }
    if args.in_place {
        if format == InputFormat::Html {
            return Err(text_only("--in-place"));
        }
        return Ok(Destination::Document(file.to_path_buf()));
    }
    Ok(Destination::None)
}

/// The folder the output of `page` lands in: under `--out DIR` (in the page's sub-folder
/// when a folder was named), else the page's own folder.
fn landing_folder(args: &ImportArgs, page: &Input) -> PathBuf {
    match &args.out {
        Some(dir) => dir.join(&page.sub),
        None => page
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default(),
    }
}

/// The bibliographies of the corpora outputs land in, loaded once per folder and per
/// `ibid.toml`.
#[derive(Default)]
struct Bibliographies {
    by_folder: HashMap<PathBuf, Option<PathBuf>>,
    by_config: HashMap<PathBuf, Option<Bibliography>>,
}

impl Bibliographies {
    /// Find the `ibid.toml` of the corpus `folder` is in (or would be, when it does not
    /// exist yet) and load its bibliography.
    fn load(&mut self, folder: &Path) {
        if self.by_folder.contains_key(folder) {
            return;
        }
        let mut start = folder.to_path_buf();
        while !start.exists() {
            match start.parent() {
                Some(p) if !p.as_os_str().is_empty() => start = p.to_path_buf(),
                _ => {
                    start = PathBuf::from(".");
                    break;
                }
            }
        }
        let config_path = find_config(&start);
        if let Some(path) = &config_path {
            self.by_config
                .entry(path.clone())
                .or_insert_with(|| corpus_bibliography(path));
        }
        self.by_folder.insert(folder.to_path_buf(), config_path);
    }

    /// The bibliography loaded for `folder`.
    fn get(&self, folder: &Path) -> Option<&Bibliography> {
        let config = self.by_folder.get(folder)?.as_ref()?;
        self.by_config.get(config)?.as_ref()
    }
}

/// The bibliography of the corpus configured by `config_path`, its files read with the
/// corpus's safe reader; `None` when it has none. A file that cannot be read leaves the
/// source line as a `cite` (`ibid check` reports the file itself).
fn corpus_bibliography(config_path: &Path) -> Option<Bibliography> {
    let config = load_config(config_path).value?;
    let mut merged = Bibliography::default();
    for setting in &config.bibliography {
        let path = &setting.value;
        let Some(format) = BibFormat::from_path(path) else {
            continue;
        };
        let Ok(bytes) = read_regular_file(path, DEFAULT_MAX_FILE_SIZE) else {
            continue;
        };
        let Ok(text) = decode(path, &bytes) else {
            continue;
        };
        if let Some(bib) = Bibliography::parse(path, &text, format).value {
            for entry in bib.entries {
                // A duplicate key keeps its first entry, as the corpus loader does.
                let _ = merged.push(entry);
            }
        }
    }
    (!merged.is_empty()).then_some(merged)
}
