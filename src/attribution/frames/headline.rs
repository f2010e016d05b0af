//! Frame `headline`: `Claim: Speaker` in a headline — `Tehran rejects Nordic sanctions plan:
//! foreign ministry`, `Ferry fares to rise: operator`.
//!
//! A headline (one line, no full stop, short) whose colon is followed by at most four words
//! that name or describe someone gives the claim before the colon to them. A cue inside the
//! claim is part of the claim: the `nested` policy folds it in. `Speaker: Claim` is
//! [`super::speaker_label`]'s.

use std::ops::Range;

use crate::attribution::registry::Rule;
use crate::attribution::Found;
use crate::doc::Doc;
use crate::lexicon::lexicon;
use crate::phrase::noun_phrase_after;

/// The most words after the colon that are still read as the speaker.
const MAX_SPEAKER_WORDS: usize = 4;

pub fn find(doc: &Doc, sentence: &Range<usize>, _found: &[Found]) -> Option<Found> {
    if !doc.is_headline(sentence) {
        return None;
    }
    let colon = sentence.clone().find(|&k| doc.is_punct(k, ':') && doc.in_quote[k].is_none())?;
    let words_after = (colon + 1..sentence.end).filter(|&k| doc.is_word(k)).count();
    if colon <= sentence.start || colon + 1 >= sentence.end || words_after > MAX_SPEAKER_WORDS {
        return None;
    }
    // A speaker is no quotation and has no colon of its own: `Claim: Marsh: "Why"` is not.
    if (colon + 1..sentence.end).any(|k| doc.is_punct(k, ':') || doc.tokens[k].quote_mark().is_some()) {
        return None;
    }
    // The whole tail is the speaker: "Norwegian envoy", "Iranian FM", "foreign ministry".
    let mut end = sentence.end;
    while end > colon + 2 && !doc.is_word(end - 1) {
        end -= 1;
    }
    let lex = lexicon();
    let described = doc.is_word(end - 1)
        && (lex.speaker_noun(&doc.lower[end - 1]).is_some() || lex.is_title_word(&doc.lower[end - 1]));
    if noun_phrase_after(doc, colon + 1, sentence.end).is_none() && !described {
        return None;
    }
    Some(Found {
        content: vec![doc.byte_span(sentence.start, colon - 1)],
        speaker: Some(colon + 1..end),
        cue: Some(colon..colon + 1),
        class: None,
        carried: false,
        frame: Rule::Headline,
    })
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::{found, only_by};

    #[test]
    fn the_claim_before_the_colon_is_the_speakers() {
        let a = only_by("Ferry fares to rise next year: operator", Rule::Headline);
        assert_eq!((a.speaker.as_str(), a.content.as_str()), ("operator", "Ferry fares to rise next year"));
    }

    #[test]
    fn a_cue_inside_the_claim_is_part_of_it() {
        let all = found("Oslo rejects Tehran's denial: foreign ministry");
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(all[0].frame, Rule::Headline.name());
    }

    #[test]
    fn a_sentence_is_not_a_headline() {
        assert!(found("Ferry fares will rise next year: that is the plan.")
            .iter()
            .all(|a| a.frame != "headline"));
    }
}
