//! The `ibid` command-line tool.
fn main() {}
