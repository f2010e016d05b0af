//! Policy `resumed_quote`: `"…," X said, "…"` is one statement in two parts.
//!
//! A quote split by its attribution goes on after it, also past an aside (`"…," Tester said,
//! referring to the excuse, "…"`) or a "but", within the same sentence. Annotators differ here
//! (some mark two statements); a reader sees one person saying one thing.

use crate::doc::Doc;
use crate::quotes::Quote;
use crate::text::TokenKind;

/// How far after an attribution a split quote may resume, in tokens.
const MAX_RESUME_TOKENS: usize = 20;

/// The quote that resumes, from token `resume` on, the split quote whose first mark is `first`.
pub fn resumed_quote<'d>(doc: &'d Doc, resume: usize, first: usize) -> Option<&'d Quote> {
    let sentence = doc.sentence_of.get(resume.saturating_sub(1)).copied()?;
    (resume..doc.tokens.len().min(resume + MAX_RESUME_TOKENS))
        .take_while(|&k| {
            doc.sentence_of[k] == sentence
                && !matches!(doc.tokens[k].kind, TokenKind::Punct('.' | '!' | '?' | ';'))
        })
        .find(|&k| doc.opens_quote(k))
        .filter(|&k| {
            k == resume || doc.is_punct(k - 1, ',') || doc.is_punct(k - 1, ':') || &doc.lower[k - 1] == "but"
        })
        .and_then(|k| doc.quote_opened_at(k))
        .filter(|again| again.first != first)
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::{found, found_without};

    const TEXT: &str = "\"We will not move,\" Marsh said, \"and we will not be moved.\"";

    #[test]
    fn the_quote_after_the_attribution_is_the_same_statement() {
        let all = found(TEXT);
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(all[0].parts, 2, "{all:?}");
        let without = found_without(TEXT, Rule::ResumedQuote);
        assert!(without.iter().all(|a| a.parts == 1), "{without:?}");
    }
}
