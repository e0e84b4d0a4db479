//! The progress bar of long runs (`ibid check`, `ibid fmt`): on stderr, only on a terminal
//! outside CI and for runs of a few hundred documents or more; silent when piped.

use ibid_check::Progress;
use std::io::{self, IsTerminal};

/// A progress bar, or nothing when output is not a terminal.
pub struct Bar {
    bar: Option<indicatif::ProgressBar>,
    verb: &'static str,
}

impl Bar {
    /// A bar that says `verb` (`checking`, `formatting`) while it runs.
    pub fn new(verb: &'static str) -> Self {
        let wanted = io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        Bar {
            bar: wanted.then(indicatif::ProgressBar::hidden),
            verb,
        }
    }
}

impl Progress for Bar {
    fn start(&self, total: usize) {
        if let Some(bar) = &self.bar {
            if total >= 200 {
                bar.set_length(total as u64);
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                let template = format!(
                    "{{spinner}} {} {{pos}}/{{len}} documents [{{bar:30}}] {{eta}}",
                    self.verb
                );
                if let Ok(style) = indicatif::ProgressStyle::with_template(&template) {
                    bar.set_style(style.progress_chars("=> "));
                }
            }
        }
    }

    fn advance(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
