//! Frame `speaker_label`: a name and a colon open a paragraph and label what follows as that
//! person's words — `Trump: Clinton should have congratulated me`, `EXCLUSIVE – Roger Stone:
//! Don't trust the machines`.
//!
//! The label is one to four capitalized words (a kicker in capitals and a dash may precede
//! it: the sentence splitter sets it apart as it does a dateline), with at least one lower-case
//! letter: names in capitals are transcript turns
//! ([`super::transcript`]). Labels that name no speaker ("Correction:", "Photo:") are listed in
//! the lexicon.

use std::ops::Range;

use crate::attribution::registry::Rule;
use crate::attribution::Found;
use crate::doc::Doc;
use crate::lexicon::{lexicon, CueClass};
use crate::text::TokenKind;

/// How far into a paragraph a speaker's label may end with its colon, in tokens.
const MAX_LABEL_TOKENS: usize = 7;

pub fn find(doc: &Doc, sentence: &Range<usize>) -> Option<Found> {
    if !doc.opens_paragraph_text(sentence.start) {
        return None;
    }
    let start = sentence.start;
    let colon = (start..sentence.end.min(start + MAX_LABEL_TOKENS)).find(|&k| doc.is_punct(k, ':'))?;
    let label = start..colon;
    let lex = lexicon();
    // A name of a few capitalized words: not a kicker ("Stealth Over Health:"), a headline
    // ("Veto Power Impedes Peace Efforts:") or a note ("Correction:").
    let words = label.clone().filter(|&k| doc.is_word(k)).count();
    let named = (1..=4).contains(&words)
        && label
            .clone()
            .all(|k| (doc.is_capitalized(k) && !lex.is_function_word(&doc.lower[k])) || doc.is_punct(k, '.'))
        && !lex.is_not_speaker(&doc.lower[start])
        && label.clone().any(|k| doc.is_word(k) && doc.word(k).chars().any(char::is_lowercase));
    let content_start = colon + 1;
    if !named || content_start >= sentence.end || doc.in_quote[colon].is_some() {
        return None;
    }
    let mut end = sentence.end - 1;
    while end > content_start
        && matches!(doc.tokens[end].kind, TokenKind::Punct('.' | '!' | '?'))
        && doc.in_quote[end].is_none()
    {
        end -= 1;
    }
    Some(Found {
        content: vec![doc.byte_span(content_start, end)],
        speaker: Some(label),
        cue: Some(colon..colon + 1),
        class: Some(CueClass::Neutral),
        carried: false,
        frame: Rule::SpeakerLabel,
    })
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::{found, only_by};

    #[test]
    fn a_name_and_a_colon_label_the_paragraph() {
        let a = only_by("Marsh: The bridge will be finished on time", Rule::SpeakerLabel);
        assert_eq!(
            (a.speaker.as_str(), a.content.as_str()),
            ("Marsh", "The bridge will be finished on time")
        );
        let b =
            only_by("EXCLUSIVE – Tomas Reyes: We were never consulted about the road.", Rule::SpeakerLabel);
        assert_eq!(b.speaker, "Tomas Reyes");
    }

    #[test]
    fn notes_and_kickers_are_not_speakers() {
        assert!(found("Correction: An earlier version misstated the date.").is_empty());
        assert!(found("Veto Power Impedes Peace Efforts: what now").is_empty());
    }
}
