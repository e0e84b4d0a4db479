use hayagriva::archive::ArchivedStyle;
use hayagriva::citationberg::json::Item;
use hayagriva::citationberg::{IndependentStyle, Style};
use hayagriva::{BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = &args[1];
    let style_name = &args[2];
    let text = std::fs::read_to_string(path).unwrap();
    let items: Vec<Item> = serde_json::from_str(&text).unwrap();
    let t0 = Instant::now();
    let Style::Independent(style) = ArchivedStyle::by_name(style_name).unwrap().get() else {
        panic!()
    };
    let mut locales = hayagriva::archive::locales();
    if std::env::var("FEW").is_ok() {
        locales.retain(|l| l.lang.as_ref().map(|c| c.0.as_str()) == Some("en-US"));
    }
    eprintln!("{} locales", locales.len());
    eprintln!("load {:?}", t0.elapsed());
    let t1 = Instant::now();
    let mut driver = BibliographyDriver::new();
    for item in &items {
        driver.citation(CitationRequest::from_items(
            vec![CitationItem::with_entry(item)],
            &style,
            &locales,
        ));
    }
    let r = driver.finish(BibliographyRequest {
        style: &style,
        locale: None,
        locale_files: &locales,
    });
    eprintln!("render {:?}", t1.elapsed());
    let bib = r.bibliography.unwrap();
    let mut n = 0;
    for i in bib.items.iter().take(3) {
        println!("{}", i.content);
        n += 1;
    }
    let _ = (n, IndependentStyle::from_xml);
}
