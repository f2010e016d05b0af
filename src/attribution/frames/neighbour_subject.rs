//! Frame `neighbour_subject`: a quote standing alone, with no speaker named in its paragraph,
//! belongs to whoever the sentence before it is about, or else the sentence after it in the
//! same paragraph — `Governor Ashdown toured the site. "It is a disgrace."`
//!
//! The weakest evidence, tried last: the subject must name someone (a capitalized name or a
//! personal pronoun).

use std::ops::Range;

use crate::attribution::registry::Rule;
use crate::attribution::{Found, QuoteSite};
use crate::doc::Doc;
use crate::lexicon::Pronoun;
use crate::phrase::sentence_subject;

pub fn find(site: &QuoteSite) -> Option<Found> {
    let (doc, q) = (site.doc, site.quote);
    if !site.alone {
        return None;
    }
    let speaker = previous_subject(doc, q.first).or_else(|| next_subject(doc, q.last))?;
    Some(Found {
        content: q.parts.clone(),
        speaker: Some(speaker),
        cue: None,
        class: None,
        carried: true,
        frame: Rule::NeighbourSubject,
    })
}

/// The subject of the sentence before token `first`, when it names someone.
fn previous_subject(doc: &Doc, first: usize) -> Option<Range<usize>> {
    let si = doc.sentence_of[first] as usize;
    naming_subject(doc, doc.sentences.get(si.checked_sub(1)?)?)
}

/// The subject of the sentence after token `last` in the same paragraph, when it names
/// someone: `"…" Governor Ashdown made the remark on Monday.`
fn next_subject(doc: &Doc, last: usize) -> Option<Range<usize>> {
    let sentence = doc.sentences.get(doc.sentence_of[last] as usize + 1)?;
    (doc.tokens[sentence.start].para == doc.tokens[last].para)
        .then(|| naming_subject(doc, sentence))
        .flatten()
}

fn naming_subject(doc: &Doc, sentence: &Range<usize>) -> Option<Range<usize>> {
    if !doc.is_running_text(sentence) {
        return None;
    }
    let subject = sentence_subject(doc, sentence, sentence.end)?;
    let names = doc.is_name(subject.end - 1)
        || doc
            .pronoun(subject.start)
            .is_some_and(|p| matches!(p, Pronoun::He | Pronoun::She | Pronoun::They | Pronoun::We));
    names.then_some(subject)
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::found;

    #[test]
    fn the_subject_of_the_sentence_before() {
        let all = found("Governor Ashdown toured the flooded school.\n\n\"It is a disgrace.\"");
        let a = all.iter().find(|a| a.content == "It is a disgrace").expect("the quote is attributed");
        assert_eq!((a.frame, a.speaker.as_str()), (Rule::NeighbourSubject.name(), "Governor Ashdown"));
    }
}
