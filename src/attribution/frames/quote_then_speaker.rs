//! Frame `quote_then_speaker`: a quote right before the subject of its cue — `"…," the
//! minister said`, `"…," said X` aside, `"…," former mayor Anna Lind said to reporters`.
//!
//! The quote must lead its sentence (or follow a comma, colon or dash there): a quote ending a
//! clause of the writer's (`walking in to chants of "Marco!", the senator said …`) is not the
//! statement. A few lower-case words of description may stand between the quote and the name.

use std::ops::Range;

use crate::attribution::clause::{content_before, leads_sentence};
use crate::attribution::registry::Rule;
use crate::attribution::{CueSite, Verdict};
use crate::doc::Doc;
use crate::lexicon::WordRole;

/// How many words of description may stand between a quote and its speaker's name.
const MAX_SPEAKER_PREFIX: usize = 8;

pub fn find(site: &CueSite) -> Verdict {
    let Some(subject) = site.subject().filter(|s| !s.carried) else { return Verdict::Pass };
    let Some(p) = quote_before(site.doc, subject.speaker.start, &site.sentence) else { return Verdict::Pass };
    let content = content_before(site.doc, p, &site.sentence, site.resume_at(site.cue.end));
    Verdict::decided(
        content.map(|content| site.found(Rule::QuoteThenSpeaker, content, subject.speaker.clone(), false)),
    )
}

/// The closing mark (or the comma after it) of a quote that ends right before the speaker
/// phrase at `speaker_start`.
fn quote_before(doc: &Doc, speaker_start: usize, sentence: &Range<usize>) -> Option<usize> {
    let floor = sentence.start.max(speaker_start.saturating_sub(MAX_SPEAKER_PREFIX));
    let mut p = speaker_start.checked_sub(1).filter(|&p| p >= sentence.start)?;
    let leads = |close: usize| doc.quote_closed_at(close).is_some_and(|q| leads_sentence(doc, q, sentence));
    loop {
        if doc.closes_quote(p) {
            return leads(p).then_some(p);
        }
        if doc.is_punct(p, ',') && p > sentence.start && doc.closes_quote(p - 1) {
            return leads(p - 1).then_some(p);
        }
        // Words of the speaker's description that the noun phrase left out ("for example"
        // and a coordination belong to the clause, not to a description).
        let describes = doc.is_word(p)
            && doc.cue_at(p).is_none()
            && !doc.has_role(p, WordRole::Clause)
            && !doc.has_role(p, WordRole::Coordinator)
            && !doc.has_role(p, WordRole::ExampleMarker);
        if !(describes || doc.is_punct(p, ',')) || p <= floor {
            return None;
        }
        p -= 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::{found, only_by};

    #[test]
    fn quote_then_speaker_then_cue() {
        let a = only_by("\"We are ready,\" the harbour master said on Tuesday.", Rule::QuoteThenSpeaker);
        assert_eq!((a.speaker.as_str(), a.content.as_str()), ("the harbour master", "We are ready"));
    }

    #[test]
    fn a_quoted_phrase_of_the_writer_is_not_the_statement() {
        let all = found("Walking in to chants of \"Lind!\", the mayor said the vote was won.");
        assert!(all.iter().all(|a| a.frame != "quote_then_speaker"), "{all:?}");
    }
}
