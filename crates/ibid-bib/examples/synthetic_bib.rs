//! Write a corpus for benchmarking `ibid bib`: `refs.json` with COUNT generated entries,
//! an `ibid.toml` naming it, and `pandoc/nocite.md` for `pandoc --citeproc` (`nocite: '@*'`).
//!
//! `cargo run --release -p ibid-bib --example synthetic_bib -- DIR [COUNT] [SEED]`; then
//! `ibid bib DIR --all` renders every entry, as pandoc does with `nocite.md`.

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: synthetic_bib DIR [COUNT] [SEED]");
        std::process::exit(2);
    };
    let count = args.next().and_then(|a| a.parse().ok()).unwrap_or(2000);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(1921);
    let dir = std::path::Path::new(&dir);
    std::fs::create_dir_all(dir)?;
    let items = ibid_bib::synthetic::bibliography(count, seed);
    let json = serde_json::to_string_pretty(&items).map_err(std::io::Error::other)?;
    std::fs::write(dir.join("refs.json"), json)?;
    std::fs::write(
        dir.join("ibid.toml"),
        "bibliography = [\"refs.json\"]\nextend-exclude = [\"pandoc/**\"]\n",
    )?;
    // pandoc reads this; the corpus leaves the folder out.
    std::fs::create_dir_all(dir.join("pandoc"))?;
    std::fs::write(dir.join("pandoc/nocite.md"), "---\nnocite: '@*'\n---\n")?;
    eprintln!("wrote {count} entries to {}", dir.display());
    Ok(())
}
