//! Policy `carried_subject`: a participle or coordinated cue takes the subject of its clause.
//!
//! `Kanaani rejected the claims, adding that …` and `The ministry denied the report and warned
//! that …` name their speaker once; the second cue has no subject of its own and takes the
//! speaker of the sentence's latest attribution, or else the sentence's subject (`After saying
//! …, Clinton …`, where the subject comes later). An attribution found this way is marked
//! `carried`, which lets the `coordination_cut` policy end the earlier content before it.

use std::ops::Range;

use crate::attribution::clause::is_comma;
use crate::attribution::subject::is_clause_opener;
use crate::doc::Doc;
use crate::lexicon::WordRole;
use crate::phrase::{noun_phrase_before, sentence_subject};

/// For a cue with no subject of its own, the speaker it carries (`Some(None)` when there is
/// none to carry); `None` when the cue is neither a participle nor coordinated. `k` is where
/// the adverbials before the cue start and `s` the token before them.
pub fn carried_subject(
    doc: &Doc,
    sentence: &Range<usize>,
    cue: &Range<usize>,
    k: usize,
    s: usize,
    earlier: Option<&Range<usize>>,
) -> Option<Option<Range<usize>>> {
    let participle = doc.lower[cue.start].ends_with("ing") && k == cue.start;
    let coordinated = doc.has_role(s, WordRole::Coordinator);
    if !(coordinated || (participle && !doc.is_punct(s, ')'))) {
        return None;
    }
    // "Critics speaking on Monday said": a participle after its own subject is not carried.
    let own_subject = participle
        && !coordinated
        && !is_comma(doc, s)
        && !is_clause_opener(doc, s)
        && noun_phrase_before(doc, s, sentence.start).is_none();
    if own_subject {
        return Some(None);
    }
    // "After saying …, Clinton …": at the start of a sentence the subject comes later.
    let limit = if s == sentence.start { sentence.end } else { s };
    Some(earlier.cloned().or_else(|| sentence_subject(doc, sentence, limit)))
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::{found, found_without};

    #[test]
    fn a_participle_takes_the_speaker_before_it() {
        let text = "Lindqvist rejected the report, adding that the figures were wrong.";
        let all = found(text);
        assert!(all.iter().any(|a| a.speaker == "Lindqvist" && a.cue == "adding"), "{all:?}");
        let without = found_without(text, Rule::CarriedSubject);
        assert!(!without.iter().any(|a| a.cue == "adding"), "{without:?}");
    }

    #[test]
    fn a_coordinated_cue_takes_the_subject() {
        let all = found("The ministry denied the report and warned that it would respond.");
        assert!(
            all.iter().any(|a| a.speaker == "The ministry" && a.content.contains("it would respond")),
            "{all:?}"
        );
    }
}
