//! Writes N generated mixed inputs (default 1,000,000), one per line, to stdout, for
//! measuring `ibid parse --format json` throughput:
//! `cargo run --release -p ibid-parse --example gen_inputs -- 1000000 > /tmp/inputs.txt`.

#[path = "../benches/support/inputs.rs"]
mod inputs;

use std::io::{BufWriter, Write};

fn main() -> std::io::Result<()> {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let mut m = inputs::Mixer::new(0x1b1d);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for _ in 0..n {
        writeln!(out, "{}", inputs::mixed(&mut m))?;
    }
    out.flush()
}
