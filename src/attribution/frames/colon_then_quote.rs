//! Frame `colon_then_quote`: a clause with a cue that ends in a colon, and the quote as the
//! next paragraph — `The minister answered her critics:` then `"We will not back down…"`.

use crate::attribution::registry::Rule;
use crate::attribution::{CueSite, Verdict};

pub fn find(site: &CueSite) -> Verdict {
    let (doc, sentence) = (site.doc, &site.sentence);
    let Some(subject) = site.subject() else { return Verdict::Pass };
    let last = sentence.end - 1;
    if !(doc.is_punct(last, ':') && last >= site.cue.end && doc.opens_quote(sentence.end)) {
        return Verdict::Pass;
    }
    let quote = doc.quote_opened_at(sentence.end);
    Verdict::tried(
        quote.map(|q| {
            site.found(Rule::ColonThenQuote, q.parts.clone(), subject.speaker.clone(), subject.carried)
        }),
    )
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::found;

    #[test]
    fn the_next_paragraph_is_the_statement() {
        let all = found("The minister answered her critics in parliament:\n\n\"We will not back down.\"");
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!((all[0].frame, all[0].speaker.as_str()), (Rule::ColonThenQuote.name(), "The minister"));
        assert_eq!(all[0].content, "We will not back down");
    }
}
