//! Frame `content_then_speaker`: the content before its speaker and cue — `CONTENT, X said.`,
//! `CONTENT, X announced on Monday.` and `CONTENT, X said, CONTENT.`
//!
//! The cue must close its clause: the sentence ends, a comma or stop follows, or (after a
//! comma before the speaker) only an adverbial does ("said in a statement.", "told reporters
//! late Tuesday,"). A content that goes on after the cue's comma is the same statement, unless
//! a participle cue opens what follows (`…, X said, adding that …`).

use crate::attribution::clause::{
    adverbial_to_end, content_after, content_before, ends_clause, introduces_quote, is_comma,
};
use crate::attribution::registry::Rule;
use crate::attribution::{CueSite, Verdict};
use crate::lexicon::CueClass;

pub fn find(site: &CueSite) -> Verdict {
    let (doc, sentence, cue) = (site.doc, &site.sentence, &site.cue);
    let Some(subject) = site.subject() else { return Verdict::Pass };
    let speaker = &subject.speaker;
    let after_comma = speaker.start > sentence.start && is_comma(doc, speaker.start - 1);
    // "plans to reopen talks," is an infinitive, not an adverbial like "said to reporters,".
    let infinitive = matches!(site.form.class, CueClass::Intention | CueClass::Belief)
        && doc.is_word(cue.end)
        && &doc.lower[cue.end] == "to";
    let cue_closes = ends_clause(doc, cue.end, sentence)
        || (after_comma && !infinitive && adverbial_to_end(doc, cue.end, sentence));
    if !cue_closes || introduces_quote(doc, cue.end, sentence) {
        return Verdict::Pass;
    }
    let Some(p) = speaker.start.checked_sub(1).filter(|&p| p > sentence.start) else {
        return Verdict::Refused;
    };
    let Some(mut content) = content_before(doc, p, sentence, site.resume_at(cue.end)) else {
        return Verdict::Refused;
    };
    let participle_follows = doc.cue_at(cue.end + 1).is_some();
    if doc.is_punct(cue.end, ',') && content.len() == 1 && !participle_follows {
        content.extend(content_after(doc, cue.end + 1, sentence).unwrap_or_default());
    }
    Verdict::Found(site.found(Rule::ContentThenSpeaker, content, speaker.clone(), subject.carried))
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::only_by;

    #[test]
    fn content_then_speaker_then_cue() {
        let a = only_by("The ferry will run again by March, the operator said.", Rule::ContentThenSpeaker);
        assert_eq!(
            (a.speaker.as_str(), a.content.as_str()),
            ("the operator", "The ferry will run again by March")
        );
    }

    #[test]
    fn an_adverbial_may_follow_the_cue() {
        let a = only_by(
            "The ferry will run again by March, the operator announced on Monday.",
            Rule::ContentThenSpeaker,
        );
        assert_eq!(a.speaker, "the operator");
    }

    #[test]
    fn the_content_goes_on_after_the_cue() {
        let a = only_by(
            "The ferry will run again, the operator said, but not before March.",
            Rule::ContentThenSpeaker,
        );
        assert_eq!(a.parts, 2);
    }
}
