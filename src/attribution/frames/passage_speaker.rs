//! Frame `passage_speaker`: a quote standing alone belongs to the speaker named in its
//! paragraph — before it (`Marsh said the plan was sound. "We have checked every figure."`)
//! or, failing that, after it in the same paragraph.
//!
//! This is how a reader carries a speaker over a run of quotes. The speaker carried is the
//! latest one named at a cue, except after a belief or plan ("wants", "thinks"), which rarely
//! introduces quotes, and a relative "who".

use crate::attribution::registry::Rule;
use crate::attribution::{Found, QuoteSite};

pub fn find(site: &QuoteSite) -> Option<Found> {
    let (doc, q) = (site.doc, site.quote);
    if !site.alone {
        return None;
    }
    let para = doc.tokens[q.first].para;
    let before = site.voice.filter(|v| v.para == para).map(|v| (v.speaker.clone(), v.class));
    let after = || {
        let next = site.next?;
        let speaker = next.speaker.clone()?;
        let same_paragraph = doc.tokens.get(q.last + 1).is_some_and(|t| t.para == para)
            && doc.tokens[speaker.start].para == para;
        same_paragraph.then_some((speaker, next.class))
    };
    let (speaker, class) = before.or_else(after)?;
    Some(Found {
        content: q.parts.clone(),
        speaker: Some(speaker),
        cue: None,
        class,
        carried: true,
        frame: Rule::PassageSpeaker,
    })
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::found;

    #[test]
    fn the_speaker_named_before_in_the_paragraph() {
        let all = found("Marsh said the plan was sound. \"We have checked every figure.\"");
        let a = all
            .iter()
            .find(|a| a.content == "We have checked every figure")
            .expect("the quote is attributed");
        assert_eq!((a.frame, a.speaker.as_str()), (Rule::PassageSpeaker.name(), "Marsh"));
    }

    #[test]
    fn the_speaker_named_after_in_the_paragraph() {
        // Far enough from the quote that the two are separate sentences.
        let all = found("\"We have checked every figure.\" Councillors will meet again next week in the old town hall to settle it, Marsh said.");
        let a = all
            .iter()
            .find(|a| a.content == "We have checked every figure")
            .expect("the quote is attributed");
        assert_eq!((a.frame, a.speaker.as_str()), (Rule::PassageSpeaker.name(), "Marsh"));
    }
}
