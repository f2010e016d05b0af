//! Hedges: words that put a claim forward without saying who makes it ("allegedly",
//! "it is believed", "reportedly"). Readers want these marked apart from attributed claims,
//! because they are the places where a text speaks for no one.

use crate::doc::Doc;
use crate::lexicon::{lexicon, STARTS_HEDGE};

/// The token ranges of every hedge phrase, in order, not overlapping.
pub fn find_hedges(doc: &Doc) -> Vec<std::ops::Range<usize>> {
    let lex = lexicon();
    let mut hedges = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        let phrase = if doc.starts_with(i, STARTS_HEDGE) {
            lex.hedges_starting(&doc.lower[i]).iter().find(|words| {
                // Within one paragraph: blocks of a page are paragraphs.
                words.iter().enumerate().all(|(n, w)| {
                    doc.is_word(i + n)
                        && doc.tokens[i + n].para == doc.tokens[i].para
                        && doc.lower[i + n] == *w
                })
            })
        } else {
            None
        };
        match phrase {
            Some(words) => {
                hedges.push(i..i + words.len());
                i += words.len();
            }
            None => i += 1,
        }
    }
    hedges
}
