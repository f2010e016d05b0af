//! Policy `negated_act`: an act that is denied or declined is no statement.
//!
//! "The ministry did not say whether …", "A spokesman would not immediately describe the
//! malfunction", "He never claimed …", "She declined to say …", "No group claimed
//! responsibility": the cue is there, the statement is not. A cue is negated when a negation
//! stands among the auxiliaries and adverbs right before it, when a refusal and "to" do
//! ("declined to say"), or when its speaker opens with one ("no group", "nobody").

use std::ops::Range;

use crate::attribution::subject::skip_adverbials;
use crate::doc::Doc;
use crate::lexicon::{lexicon, WordRole};

/// Whether the act of the cue at `cue`, spoken by `speaker`, is denied or declined.
pub fn is_negated(
    doc: &Doc,
    sentence: &Range<usize>,
    cue: &Range<usize>,
    speaker: Option<&Range<usize>>,
) -> bool {
    let negates =
        |k: usize| doc.has_role(k, WordRole::Negation) || lexicon().is_negated_auxiliary(&doc.lower[k]);
    let from = skip_adverbials(doc, cue.start, sentence.start);
    let auxiliaries =
        (from.saturating_sub(1).max(sentence.start)..cue.start).any(|k| doc.is_word(k) && negates(k));
    let declined = cue.start >= sentence.start + 2
        && &doc.lower[cue.start - 1] == "to"
        && doc.has_role(cue.start - 2, WordRole::Refusal);
    let nobody = speaker.is_some_and(|s| doc.has_role(s.start, WordRole::Negation));
    let refusal =
        doc.has_role(cue.start, WordRole::Refusal) && doc.is_word(cue.end) && &doc.lower[cue.end] == "to";
    auxiliaries || declined || nobody || refusal
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::{found, found_without};

    #[test]
    fn denied_and_declined_acts_are_no_statements() {
        for text in [
            "No group claimed responsibility for the attack.",
            "A spokesman would not immediately describe the malfunction.",
            "The ministry didn't say whether the talks would resume.",
            "Reyes declined to say when the bridge would open.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        assert!(
            !found_without("No group claimed responsibility for the attack.", Rule::NegatedAct).is_empty()
        );
    }

    #[test]
    fn an_affirmed_act_stays() {
        assert_eq!(found("The ministry said it would not resume the talks.").len(), 1);
    }
}
