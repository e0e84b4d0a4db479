//! Generated pasted pages for the benchmarks: letters in the seed's shape (preamble, title,
//! dateline, body with markers and omissions, signature, annotations, notes, source line,
//! comment-form debris), varied by an index. Not part of the public API.

/// The `i`-th generated page.
pub fn page(i: usize) -> String {
    let authors = [
        "Narimanov",
        "Chicherin",
        "Ordzhonikidze",
        "Kamenev",
        "Rykov",
    ];
    let recipients = ["Lenin", "Stalin", "Trotsky", "Zinoviev"];
    let author = authors[i % authors.len()];
    let recipient = recipients[i % recipients.len()];
    let day = 1 + i % 28;
    let doc = 600 + i % 300;
    let mut p = String::with_capacity(4096);
    p.push_str(&format!(
        "{author}’s Letter to {recipient} on the Eastern Question, part {i}\n\n"
    ));
    p.push_str("The page's introduction, written by the site's editor, explains the context of the letter and why it matters today. It runs for a few sentences.\n\n");
    p.push_str(&format!(
        "Letter of the chairman {author} to {recipient} on the eastern question\n\n"
    ));
    p.push_str(&format!("February {day}, 1921\n\n"));
    p.push_str(&format!("Dear comrade {recipient},\n\n"));
    for k in 0..4 {
        p.push_str(&format!("Paragraph {k} of the letter: the delegation* is on its way to Moscow, and the question** of the border must be settled before the conference; the Angorians*** wish to connect their fates with us. <…> We must act now****.\n\n"));
    }
    p.push_str(&format!("  1. {author}\n\n"));
    p.push_str("The letter contains notes and remarks:\n\n");
    p.push_str(&format!(
        "  1. “To all members of the CC. {day}/II. {recipient}.”\n"
    ));
    p.push_str(&format!(
        "  2. By {recipient}: “To other members of the CK [Central Committee].”\n"
    ));
    p.push_str("  3. Unknown handwriting: “Turkey”.\n");
    p.push_str("  4. “Read. N. K[restinsky].”\n");
    p.push_str("  5. “L. Serebr[yakov] 22.II.21.”\n\n");
    p.push_str(&format!("*The word was encircled by {recipient}.\n"));
    p.push_str(&format!("**Underlined by {recipient}.\n"));
    p.push_str(&format!(
        "***The paragraph was surrounded by four lines on the margins by {recipient}.\n"
    ));
    p.push_str(&format!("****Underlined by {author}.\n\n"));
    p.push_str(&format!(
        " Source: Барсегов Ю.Г. Нагорный Карабах Document {doc}, page {}\n\n",
        doc - 40
    ));
    p.push_str(
        "Leave a Reply\n\nYour email address will not be published. Required fields are marked *",
    );
    p
}
