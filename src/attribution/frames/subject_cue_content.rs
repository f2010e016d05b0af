//! Frame `subject_cue_content`: the subject, the cue, then the content — `X said (that)
//! CONTENT`, `X told Y that CONTENT`, `X accused Y of CONTENT`, `X said: "…"`.
//!
//! The general shape, tried last among cue frames. Where the content starts depends on the
//! cue's arguments in the lexicon: after a colon or comma; at a "that" past an object or an
//! adverbial (`told reporters on Monday that …`); after the one addressed by a recipient cue
//! (`told passengers the flight …`), who is not part of the content; with the object of an
//! object cue (`accused Tehran of …`), who is. A cue that needs a clause ("announced") attributes
//! nothing without one ("announced sanctions" is an act, not a statement).

use crate::attribution::clause::{content_after, content_start, opens_clause};
use crate::attribution::registry::Rule;
use crate::attribution::{CueSite, Verdict};

pub fn find(site: &CueSite) -> Verdict {
    let (doc, sentence) = (site.doc, &site.sentence);
    let Some(subject) = site.subject() else { return Verdict::Pass };
    let start = content_start(doc, site.cue.end, site.form, sentence);
    if site.form.needs_clause && !opens_clause(doc, start) {
        return Verdict::Refused;
    }
    // "In defending himself and his business record, Trump offered …": the subject of a
    // clause that opens the sentence comes after it, and what it says ends before it.
    let clause =
        if subject.speaker.start >= start { sentence.start..subject.speaker.start } else { sentence.clone() };
    let content = content_after(doc, start, &clause);
    Verdict::decided(content.map(|content| {
        site.found(Rule::SubjectCueContent, content, subject.speaker.clone(), subject.carried)
    }))
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::{found, only_by};

    #[test]
    fn said_that() {
        let a = only_by("Ilse Brandt said that the ferry would resume on Monday.", Rule::SubjectCueContent);
        assert_eq!(
            (a.speaker.as_str(), a.content.as_str()),
            ("Ilse Brandt", "that the ferry would resume on Monday")
        );
    }

    #[test]
    fn told_someone_that_leaves_the_one_told_out() {
        let a =
            only_by("Brandt told reporters on Monday that the ferry would resume.", Rule::SubjectCueContent);
        assert_eq!(a.content, "that the ferry would resume");
    }

    #[test]
    fn accused_someone_of_keeps_the_object() {
        let a = only_by("The union accused the operator of cutting corners.", Rule::SubjectCueContent);
        assert_eq!(a.content, "the operator of cutting corners");
    }

    #[test]
    fn a_leading_clause_ends_before_its_subject() {
        let a = only_by(
            "In defending himself and his record, Lindqvist offered a glimpse of his methods.",
            Rule::SubjectCueContent,
        );
        assert_eq!((a.speaker.as_str(), a.content.as_str()), ("Lindqvist", "himself and his record"));
    }

    #[test]
    fn a_cue_that_needs_a_clause_attributes_no_act() {
        assert!(found("The ministry announced sanctions against three firms.").is_empty());
        // An order given to someone is an act; an order that something be done reports it.
        assert!(found("The government ordered the envoys to leave within two days.").is_empty());
        let a = only_by("The judge ordered that the files be released.", Rule::SubjectCueContent);
        assert_eq!(a.content, "that the files be released");
        // Speaking somewhere is an act; speaking of something says it.
        assert!(found("The mayor spoke at a rally in the harbour on Monday.").is_empty());
        let a = only_by("The mayor spoke of a betrayal of the town.", Rule::SubjectCueContent);
        assert_eq!(a.content, "a betrayal of the town");
    }
}
