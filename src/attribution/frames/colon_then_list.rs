//! Frame `colon_then_list`: a clause with a cue that ends in a colon, and a list after it —
//! `The minister set out three demands:` then the list items, each of them hers.
//!
//! A list item is a block whose role says so, or, in plain text, a paragraph opened by a
//! bullet ("•"). The items are one statement in several parts, as a reader reads them.

use crate::attribution::registry::Rule;
use crate::attribution::{CueSite, Verdict};
use crate::block::Role;
use crate::doc::Doc;

/// The most list items one colon introduces: a bound on the work per cue.
const MAX_LIST_ITEMS: usize = 30;

pub fn find(site: &CueSite) -> Verdict {
    let (doc, sentence) = (site.doc, &site.sentence);
    let Some(subject) = site.subject() else { return Verdict::Pass };
    let last = sentence.end - 1;
    if !(doc.is_punct(last, ':') && last >= site.cue.end && doc.paragraph_end(last) == sentence.end) {
        return Verdict::Pass;
    }
    let mut items = Vec::new();
    let mut start = sentence.end;
    while start < doc.tokens.len() && items.len() < MAX_LIST_ITEMS && is_list_item(doc, start) {
        let end = doc.paragraph_end(start);
        items.push(doc.byte_span(start, end - 1));
        start = end;
    }
    if items.is_empty() {
        return Verdict::Pass;
    }
    Verdict::Found(site.found(Rule::ColonThenList, items, subject.speaker.clone(), subject.carried))
}

/// Whether the paragraph that opens at token `i` is a list item.
fn is_list_item(doc: &Doc, i: usize) -> bool {
    match doc.role(i) {
        Role::ListItem => true,
        Role::Text => doc.is_punct(i, '•'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::found;

    #[test]
    fn bulleted_items_after_the_colon() {
        let all = found("The union said:\n• a pay rise of five per cent\n• no cuts to night services\nTalks resume on Monday.");
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(
            (all[0].frame, all[0].speaker.as_str(), all[0].parts),
            (Rule::ColonThenList.name(), "The union", 2)
        );
        assert!(
            all[0].content.contains("no cuts to night services") && !all[0].content.contains("Talks"),
            "{all:?}"
        );
    }
}
