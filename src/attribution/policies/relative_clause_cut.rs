//! Policy `relative_clause_cut`: a clause with its own speaker ends the content before it.
//!
//! In `Tirana said the ministry was behind the attack, which Tehran said never happened`
//! and `X said …, and Y vowed …`, the first claim ends at the comma: what follows is another
//! speaker's. The cue's speaker must stand right after a comma or semicolon, or after one and
//! a relative or conjunction ("which", "and", "while").

use crate::attribution::clause::is_comma;
use crate::attribution::Found;
use crate::doc::Doc;
use crate::lexicon::WordRole;

/// The comma or semicolon that opens the clause of `f`'s speaker, if it opens one.
pub fn relative_clause_comma(doc: &Doc, f: &Found) -> Option<usize> {
    let speaker = f.speaker.as_ref()?;
    let mut k = speaker.start.checked_sub(1)?;
    if doc.has_role(k, WordRole::ClauseBreak) {
        k = k.checked_sub(1)?;
    }
    (is_comma(doc, k) || doc.is_punct(k, ';')).then_some(k)
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::{found, found_without};

    const TEXT: &str = "Tirana said the ministry was behind the attack, which Tehran said never happened.";

    #[test]
    fn the_first_claim_ends_at_the_comma() {
        let all = found(TEXT);
        assert_eq!(all[0].content, "the ministry was behind the attack", "{all:?}");
        let without = found_without(TEXT, Rule::RelativeClauseCut);
        assert_ne!(without[0].content, "the ministry was behind the attack", "{without:?}");
    }
}
