//! Policy `coordination_cut`: a coordinated or participle cue ends the content before it.
//!
//! In `Lindqvist rejected the claims and described them as lies`, the first statement is "the
//! claims", not "the claims and described them as lies": the second cue, whose subject was
//! carried over (see `carried_subject`), starts a statement of its own. The cut goes back over
//! the "and", adverbs and commas before the cue.

use crate::attribution::Found;
use crate::doc::Doc;
use crate::lexicon::WordRole;
use crate::text::TokenKind;

/// How many earlier attributions of a sentence a cue may cut short: only the last few can
/// still run over it, and the bound keeps a sentence of a thousand cues linear.
pub const MAX_CUT_BACK: usize = 4;

/// Ends the content of the sentence's earlier attributions before token `cue`.
pub fn cut_before(doc: &Doc, earlier: &mut [Found], cue: usize) {
    let mut cut = cue;
    while cut > 0 && (doc.has_role(cut - 1, WordRole::Adverb) || doc.has_role(cut - 1, WordRole::Coordinator))
    {
        cut -= 1;
    }
    while cut > 0 && doc.tokens[cut - 1].kind == TokenKind::Punct(',') {
        cut -= 1;
    }
    let Some(end) = cut.checked_sub(1).map(|k| doc.tokens[k].end()) else { return };
    for f in earlier {
        let last = f.content.len() - 1;
        if f.content[last].start < end && f.content[last].end > end {
            f.content[last].end = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::{found, found_without};

    const TEXT: &str = "Lindqvist rejected the claims and described the report as a smear.";

    #[test]
    fn the_first_statement_ends_before_the_second_cue() {
        let all = found(TEXT);
        assert_eq!(all[0].content, "the claims", "{all:?}");
        let without = found_without(TEXT, Rule::CoordinationCut);
        assert_ne!(without[0].content, "the claims", "{without:?}");
    }
}
