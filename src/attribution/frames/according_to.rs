//! Frame `according_to`: `according to X, CONTENT`, `CONTENT, according to X` and `CONTENT
//! according to X`.
//!
//! The speaker follows the cue. "According to X," leads its clause at the start of a sentence,
//! after an opening quotation mark, or after a clause word ("said that according to X, …"),
//! and the content runs from the comma after the speaker; elsewhere the content is what comes
//! before the cue.

use crate::attribution::clause::{content_after, content_before};
use crate::attribution::registry::Rule;
use crate::attribution::{CueSite, Verdict};
use crate::lexicon::WordRole;
use crate::phrase::noun_phrase_after;

/// How far after the source its comma may stand ("According to a report released on Monday by
/// the ministry,"), in tokens: a bound on the work per cue.
const MAX_SOURCE_TAIL: usize = 30;

pub fn find(site: &CueSite) -> Verdict {
    let (doc, sentence, cue) = (site.doc, &site.sentence, &site.cue);
    let Some(speaker) = noun_phrase_after(doc, cue.end, sentence.end) else { return Verdict::Refused };
    let leads = cue.start == sentence.start
        || (cue.start > sentence.start
            && doc.tokens[cue.start - 1].quote_mark().is_some()
            && cue.start - 1 == sentence.start)
        || (cue.start > sentence.start && doc.has_role(cue.start - 1, WordRole::Clause));
    let content = if leads {
        (speaker.end..sentence.end.min(speaker.end + MAX_SOURCE_TAIL))
            .find(|&k| doc.is_punct(k, ','))
            .and_then(|comma| content_after(doc, comma + 1, sentence))
    } else {
        let p = cue.start - 1;
        if doc.is_punct(p, ',') || doc.closes_quote(p) {
            content_before(doc, p, sentence, site.resume_at(speaker.end))
        } else {
            Some(vec![doc.byte_span(sentence.start, p)])
        }
    };
    Verdict::decided(content.map(|content| site.found(Rule::AccordingTo, content, speaker, false)))
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::only_by;

    #[test]
    fn speaker_first() {
        let a = only_by(
            "According to the harbour authority, the ferry will resume on Monday.",
            Rule::AccordingTo,
        );
        assert_eq!(
            (a.speaker.as_str(), a.content.as_str()),
            ("the harbour authority", "the ferry will resume on Monday")
        );
    }

    #[test]
    fn speaker_last() {
        let a = only_by(
            "The ferry will resume on Monday, according to the harbour authority.",
            Rule::AccordingTo,
        );
        assert_eq!(
            (a.speaker.as_str(), a.content.as_str()),
            ("the harbour authority", "The ferry will resume on Monday")
        );
    }

    #[test]
    fn speaker_last_without_a_comma() {
        let a = only_by("Fares rose by a fifth according to Ilse Brandt.", Rule::AccordingTo);
        assert_eq!((a.speaker.as_str(), a.content.as_str()), ("Ilse Brandt", "Fares rose by a fifth"));
    }
}
