//! Frame `transcript`: `PENCE: Well, the question …` — a paragraph of a transcript, opened by
//! its speaker's name in capitals and a colon. The content is the rest of the paragraph.
//!
//! Tried last in a sentence, and only where nothing else was found there: inside a turn,
//! ordinary cues ("he said") are the speaker's own words.

use std::ops::Range;

use crate::attribution::registry::Rule;
use crate::attribution::Found;
use crate::doc::Doc;
use crate::lexicon::CueClass;

/// How many tokens a transcript label may have before its colon.
const MAX_LABEL_TOKENS: usize = 4;

pub fn find(doc: &Doc, sentence: &Range<usize>, found: &[Found]) -> Option<Found> {
    if !found.is_empty() || !doc.opens_paragraph(sentence.start) {
        return None;
    }
    let mut start = sentence.start;
    // Scraped transcripts often keep a stray quotation mark before the label.
    if doc.tokens[start].quote_mark().is_some() {
        start += 1;
    }
    let colon = (start..sentence.end.min(start + MAX_LABEL_TOKENS)).find(|&k| doc.is_punct(k, ':'))?;
    let label = start..colon;
    let all_caps = !label.is_empty()
        && label.clone().all(|k| {
            doc.is_word(k)
                && doc.word(k).chars().all(|c| !c.is_lowercase())
                && doc.word(k).chars().any(char::is_alphabetic)
        });
    let end = doc.paragraph_end(colon);
    if !all_caps || end <= colon + 1 {
        return None;
    }
    Some(Found {
        content: vec![doc.byte_span(colon + 1, end - 1)],
        speaker: Some(label),
        cue: Some(colon..colon + 1),
        class: Some(CueClass::Neutral),
        carried: false,
        frame: Rule::Transcript,
    })
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::found;

    #[test]
    fn a_name_in_capitals_opens_a_turn() {
        let all = found("HALVORSEN: Well, the question is a fair one. We will answer it.");
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!((all[0].frame, all[0].speaker.as_str()), (Rule::Transcript.name(), "HALVORSEN"));
        assert_eq!(all[0].content, "Well, the question is a fair one. We will answer it");
    }
}
