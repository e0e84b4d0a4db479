//! `ibid rule CODE` and `ibid rule --all`: explain rules, from their doc comments.
//! Text shows the Markdown page; `--output-format json` gives code, name, summary and page.

use crate::Outcome;
use anyhow::{bail, Result};
use clap::{Args, ValueEnum};
use ibid_check::{rule_page, rule_summary, Rule, Scope};
use serde::Serialize;
use std::io::{self, Write};

/// Arguments of `ibid rule`.
#[derive(Debug, Args)]
pub struct RuleArgs {
    /// The rule's code (`S004`).
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub code: Option<String>,
    /// Explain every rule.
    #[arg(long)]
    pub all: bool,
    /// Text (the Markdown page) or JSON.
    #[arg(long, value_enum, default_value_t = RuleFormat::Text)]
    pub output_format: RuleFormat,
}

/// Output formats of `ibid rule`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RuleFormat {
    /// The rule's page, as Markdown.
    Text,
    /// A JSON object per rule (a list with `--all`).
    Json,
}

#[derive(Serialize)]
struct RuleJson {
    code: &'static str,
    name: &'static str,
    summary: String,
    scope: &'static str,
    fix: &'static str,
    explanation: String,
}

fn to_json(rule: Rule) -> RuleJson {
    RuleJson {
        code: rule.code(),
        name: rule.name(),
        summary: rule_summary(rule),
        scope: match rule.scope() {
            Scope::Document => "document",
            Scope::Corpus => "corpus",
            Scope::Checker => "checker",
        },
        fix: match rule.fix_availability() {
            ibid_check::FixAvailability::Always => "always",
            ibid_check::FixAvailability::Sometimes => "sometimes",
            ibid_check::FixAvailability::None => "none",
        },
        explanation: rule_page(rule),
    }
}

/// Print one rule's page, or all of them.
pub fn run(args: RuleArgs) -> Result<Outcome> {
    let rules: Vec<Rule> = match &args.code {
        Some(code) => match Rule::from_code(code.trim()) {
            Some(rule) => vec![rule],
            None => {
                let codes: Vec<&str> = Rule::ALL.iter().map(|r| r.code()).collect();
                bail!(
                    "unknown rule code `{code}`; the codes are {}",
                    codes.join(", ")
                );
            }
        },
        None => Rule::ALL.to_vec(),
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match args.output_format {
        RuleFormat::Json if args.all => {
            let list: Vec<RuleJson> = rules.into_iter().map(to_json).collect();
            serde_json::to_writer_pretty(&mut out, &list)?;
            writeln!(out)?;
        }
        RuleFormat::Json => {
            for rule in rules {
                serde_json::to_writer_pretty(&mut out, &to_json(rule))?;
                writeln!(out)?;
            }
        }
        RuleFormat::Text => {
            for (i, rule) in rules.into_iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                write!(out, "{}", rule_page(rule))?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Clean)
}
