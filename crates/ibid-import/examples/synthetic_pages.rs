//! Write the benchmark's generated pages into a folder, to time `ibid import` by hand:
//! `cargo run --release -p ibid-import --example synthetic_pages -- DIR [COUNT]`.

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| "pages".to_string()));
    let count: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    std::fs::create_dir_all(&dir).expect("create the folder");
    for i in 0..count {
        let path = dir.join(format!("page-{i:05}.txt"));
        std::fs::write(&path, ibid_import::synthetic::page(i)).expect("write a page");
    }
    println!("{count} pages in {}", dir.display());
}
