//! Write a synthetic corpus for benchmarking `ibid check`.
//!
//! `cargo run --release -p ibid-check --example synthetic_corpus -- DIR [COUNT] [SEED]`
//! writes COUNT (default 100000) documents of about 3 KB under DIR; then time
//! `ibid check DIR --no-cache` (cold) and `ibid check DIR` twice (the second uses the cache).

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: synthetic_corpus DIR [COUNT] [SEED]");
        std::process::exit(2);
    };
    let count = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(1921);
    ibid_check::synthetic::write_corpus(std::path::Path::new(&dir), count, seed)?;
    eprintln!("wrote {count} documents to {dir}");
    Ok(())
}
