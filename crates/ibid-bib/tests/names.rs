//! Names reach the engine as written: a family name of several words with one in lower
//! case (`Carrère d’Encausse`) stays the family name, in sorted and in display order.

use ibid_bib::bibliography::Renderer;
use ibid_bib::driver::Driver;
use ibid_bib::item::to_item;
use ibid_bib::style::archived_style;
use serde_json::json;

fn first_entry(style: &str, author: serde_json::Value) -> String {
    let style = archived_style(style).unwrap();
    let entry = json!({
        "id": "a", "type": "book", "title": "Decline of an Empire",
        "author": [author], "issued": {"date-parts": [[1979]]}
    });
    let items = vec![("a".to_string(), to_item(entry.as_object().unwrap()))];
    let driver = Driver {
        style: &style,
        locale: None,
        cache: None,
        grouping: false,
        chunk_size: 64,
    };
    driver.render(&items).entries[0].plain()
}

#[test]
fn a_family_name_with_a_word_in_lower_case_stays_whole() {
    let carrere = json!({"family": "Carrère d’Encausse", "given": "Hélène"});
    let chicago = first_entry("chicago-author-date", carrere.clone());
    assert!(
        chicago.starts_with("Carrère d’Encausse, Hélène. 1979."),
        "{chicago}"
    );
    let apa = first_entry("american-psychological-association", carrere);
    assert!(apa.starts_with("Carrère d’Encausse, H. (1979)."), "{apa}");
}

#[test]
fn particles_given_as_fields_or_leading_the_family_are_still_particles() {
    let fields = json!({"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"});
    let leading = json!({"family": "van Gogh", "given": "Vincent"});
    assert_eq!(
        first_entry("chicago-author-date", fields),
        first_entry("chicago-author-date", leading)
    );
    let double = json!({"family": "Bonham Carter", "given": "Violet"});
    let rendered = first_entry("chicago-author-date", double);
    assert!(rendered.starts_with("Bonham Carter, Violet."), "{rendered}");
}
