//! Parser throughput (placeholder until the corpus generator lands).
fn main() {}
