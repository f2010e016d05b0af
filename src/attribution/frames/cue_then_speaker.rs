//! Frame `cue_then_speaker`: the speaker follows the cue — `"…," said X`, `CONTENT, said X.`
//! and `…, explained X: "…"`.
//!
//! After a closing quotation mark the cue is surely inverted. After a plain comma it is only
//! when the clause ends with the speaker (`Clinton, speaking in Iowa, said the plan …` is not
//! inverted), or when a quote follows the speaker (`…, explained the minister: "…"`). A cue
//! whose object is the one addressed ("told") is never inverted: in `…, told Reuters` the
//! outlet heard the statement; nor is one whose object belongs to the content ("called",
//! "accused"): in `The residents, who were not asked, called the plan reckless` the plan is
//! what was called reckless.

use crate::attribution::clause::{
    content_after, content_before, content_start, ends_clause, introduces_quote,
};
use crate::attribution::registry::Rule;
use crate::attribution::{CueSite, Verdict};
use crate::lexicon::Arguments;
use crate::phrase::noun_phrase_after;

pub fn find(site: &CueSite) -> Verdict {
    let (doc, sentence, cue) = (site.doc, &site.sentence, &site.cue);
    // "…, told Reuters" names who heard it, not who spoke; "…, called the plan reckless" what
    // was said of.
    if matches!(site.form.arguments, Arguments::Recipient | Arguments::Object) {
        return Verdict::Pass;
    }
    let Some(prev) = cue.start.checked_sub(1).filter(|&p| p >= sentence.start) else { return Verdict::Pass };
    let after_quote = doc.closes_quote(prev)
        || (doc.is_punct(prev, ',') && prev > sentence.start && doc.closes_quote(prev - 1));
    if !after_quote && !doc.is_punct(prev, ',') {
        return Verdict::Pass;
    }
    let Some(speaker) = noun_phrase_after(doc, cue.end, sentence.end) else { return Verdict::Pass };
    let content = if !after_quote && introduces_quote(doc, speaker.end, sentence) {
        content_after(doc, content_start(doc, speaker.end, site.form, sentence), sentence)
    } else if !after_quote && !ends_clause(doc, speaker.end, sentence) {
        return Verdict::Pass;
    } else {
        content_before(doc, prev, sentence, site.resume_at(speaker.end))
    };
    Verdict::tried(content.map(|content| site.found(Rule::CueThenSpeaker, content, speaker, false)))
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::{found, only_by};

    #[test]
    fn quote_then_cue_then_speaker() {
        let a = only_by("\"The bridge will open in spring,\" said Helena Marsh.", Rule::CueThenSpeaker);
        assert_eq!(
            (a.speaker.as_str(), a.content.as_str()),
            ("Helena Marsh", "The bridge will open in spring")
        );
    }

    #[test]
    fn content_comma_cue_speaker() {
        let a = only_by("The bridge will open in spring, said the council's engineer.", Rule::CueThenSpeaker);
        assert_eq!(a.speaker, "the council's engineer");
    }

    #[test]
    fn a_cue_whose_object_is_content_is_not_inverted() {
        let all = found("The residents, who were not asked, called the plan reckless.");
        assert!(all.iter().all(|a| a.frame != "cue_then_speaker"), "{all:?}");
    }

    #[test]
    fn a_subject_with_an_aside_is_not_inverted() {
        let all = found("Marsh, speaking in Leeds, said the bridge would open in spring.");
        assert!(all.iter().all(|a| a.frame != "cue_then_speaker"), "{all:?}");
    }
}
