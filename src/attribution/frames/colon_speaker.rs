//! Frame `colon_speaker`: a quote introduced by a colon — `Clinton: "…"`, `Stated Stone:
//! "…"`, `Trump leaned in and boomed: "…"`.
//!
//! The speaker is a name standing alone before the colon (at the start of the sentence or
//! after a dash), a name after a cue that opens the sentence, or else the subject of the
//! clause that the colon ends.

use std::ops::Range;

use crate::attribution::registry::Rule;
use crate::attribution::{Found, QuoteSite};
use crate::doc::Doc;
use crate::phrase::{noun_phrase_after, noun_phrase_before, sentence_subject};
use crate::text::TokenKind;

pub fn find(site: &QuoteSite) -> Option<Found> {
    if !site.alone {
        return None;
    }
    let speaker = speaker_before_colon(site.doc, site.quote.first)?;
    Some(Found {
        content: site.quote.parts.clone(),
        speaker: Some(speaker),
        cue: None,
        class: None,
        carried: true,
        frame: Rule::ColonSpeaker,
    })
}

/// The speaker of a quote whose first mark is token `first`, when a colon stands before it.
fn speaker_before_colon(doc: &Doc, first: usize) -> Option<Range<usize>> {
    let colon = first.checked_sub(1).filter(|&c| doc.is_punct(c, ':'))?;
    let sentence = doc.sentence(colon);
    let head = colon.checked_sub(1).filter(|&h| h >= sentence.start)?;
    // `Stated Stone:` — a cue opening the sentence, then the speaker.
    if let Some((end, _)) = doc.cue_at(sentence.start) {
        if let Some(np) = noun_phrase_after(doc, end, colon).filter(|np| np.end == colon) {
            return Some(np);
        }
    }
    let alone = |np: &Range<usize>| {
        np.start == sentence.start
            || matches!(doc.tokens[np.start - 1].kind, TokenKind::Punct('-' | '—' | '–'))
    };
    match noun_phrase_before(doc, head, sentence.start) {
        Some(np) if alone(&np) => Some(np),
        _ => sentence_subject(doc, &sentence, colon)
            .filter(|np| doc.pronoun(np.start).is_none() || np.len() == 1),
    }
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::found;

    #[test]
    fn a_name_before_the_colon() {
        let all = found("The hall fell silent. Reyes: \"We were never asked.\"");
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!((all[0].frame, all[0].speaker.as_str()), (Rule::ColonSpeaker.name(), "Reyes"));
    }

    #[test]
    fn the_subject_of_the_clause_the_colon_ends() {
        let all = found("Reyes leaned in and growled: \"We were never asked.\"");
        let a = all.iter().find(|a| a.content == "We were never asked").expect("the quote is attributed");
        assert_eq!((a.frame, a.speaker.as_str()), (Rule::ColonSpeaker.name(), "Reyes"));
    }
}
