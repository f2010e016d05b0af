//! Policy `verb_use`: a cue word attributes only where it is used as a verb, and a passive
//! one only through its agent.
//!
//! Many cue verbs are also nouns or names: "the claims", "Trump's remarks", "the state of
//! Maine", "Hope Hicks". A cue is a noun when a determiner or a possessive stands before it,
//! when it is capitalized inside a sentence, when its bare form is followed by "of" ("state
//! of"), and when a plural form is followed by "of" without a subject before it ("claims of
//! fraud", but "Smith says of the plan"). A cue after an auxiliary ("was criticized") or a past
//! form followed by "by" ("criticized by the council") is passive: its subject is not its
//! speaker, and only the `passive_agent` frame reads it.

use std::ops::Range;

use crate::attribution::subject::is_possessive_word;
use crate::doc::Doc;
use crate::lexicon::{lexicon, Arguments, CueForm, WordRole};
use crate::sourcing::anonymity_marker_at;
use crate::text::has_plural_ending;

/// How a cue word is used where it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueUse {
    /// An active verb: the frames read its subject as the speaker.
    Verb,
    /// A passive verb: its speaker, if any, is the agent after "by".
    Passive,
    /// A noun or a name: no cue here.
    Noun,
}

/// How the cue at token `i` is used here.
pub fn cue_use(doc: &Doc, sentence: &Range<usize>, i: usize, form: &CueForm) -> CueUse {
    if form.arguments == Arguments::Source {
        return CueUse::Verb;
    }
    if doc.is_capitalized(i) && i != sentence.start && !doc.is_headline(sentence) {
        return CueUse::Noun;
    }
    let next = i + form.words.len();
    let by_follows = doc.is_word(next) && &doc.lower[next] == "by";
    if i > sentence.start {
        let prev = i - 1;
        // "was told" is passive; "is calling" is not.
        if doc.has_role(prev, WordRole::Auxiliary) && !doc.lower[i].ends_with("ing") {
            return CueUse::Passive;
        }
        // "his tweets", "Trump's claims", "early-morning tweets": after a determiner, a possessive
        // or a hyphenated modifier, a plural form is a noun.
        let plural = has_plural_ending(&doc.lower[i]);
        let modified = plural && doc.word(prev).contains('-') && !doc.is_capitalized(prev);
        let noun = (doc.has_role(prev, WordRole::Determiner) && &doc.lower[prev] != "that")
            || is_possessive_word(doc.word(prev))
            || modified;
        if noun {
            return CueUse::Noun;
        }
    }
    if by_follows && !form.base && !doc.lower[next - 1].ends_with("ing") {
        return CueUse::Passive;
    }
    // "who asked not to be named", "speaking on condition of anonymity": words that withhold a
    // name, not an act of speech. A finite cue before the marker ("said on condition of
    // anonymity") still reports what was said.
    let participle = doc.lower[i].ends_with("ing");
    if in_anonymity_marker(doc, i) || (participle && anonymity_marker_at(doc, next).is_some()) {
        return CueUse::Noun;
    }
    // "a person briefed on the talks": describes a source, it is not her act.
    let describes =
        doc.has_role(i, WordRole::PostmodifierAdjective) && doc.has_role(next, WordRole::PostmodifierLink);
    if describes && i > sentence.start && lexicon().speaker_noun(&doc.lower[i - 1]).is_some() {
        return CueUse::Noun;
    }
    // "claims of fraud" is a noun, "says of the plan" a verb: with "of" after it, a plural
    // form is a verb only when a subject stands right before it, and a bare form never is.
    let plural_form = has_plural_ending(&doc.lower[next - 1]);
    let of_follows = doc.is_word(next) && &doc.lower[next] == "of" && form.arguments != Arguments::Object;
    if of_follows && form.base {
        return CueUse::Noun;
    }
    let subject_before = i > sentence.start
        && (doc.is_capitalized(i - 1)
            || doc.pronoun(i - 1).is_some()
            || lexicon().speaker_noun(&doc.lower[i - 1]).is_some()
            || doc.lower[i - 1].ends_with("man"));
    if plural_form && of_follows && !subject_before {
        CueUse::Noun
    } else {
        CueUse::Verb
    }
}

/// How far before a cue an anonymity marker that holds it may start ("who asked not to be
/// named": one word).
const MAX_MARKER_LEAD: usize = 2;

/// Whether the cue at token `i` stands inside an anonymity marker phrase.
fn in_anonymity_marker(doc: &Doc, i: usize) -> bool {
    (i.saturating_sub(MAX_MARKER_LEAD)..i)
        .any(|k| anonymity_marker_at(doc, k).is_some_and(|m| m.contains(&i)))
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::{found, found_without};

    #[test]
    fn nouns_and_passives_are_not_cues() {
        for text in ["The claims were false.", "He was told to leave.", "Her remarks angered the council."] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        assert!(!found_without("He was told to leave the hall at once.", Rule::VerbUse).is_empty());
    }

    #[test]
    fn a_plural_after_a_hyphenated_modifier_is_a_noun() {
        let text = "Halvorsen ignored his early-morning tweets in which he called a rival \"disgusting\".";
        let found = found(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].speaker.as_str(), found[0].cue.as_str()), ("he", "called"));
    }

    #[test]
    fn a_plural_before_of_is_a_verb_only_after_a_subject() {
        assert!(found("Claims of fraud spread online.").is_empty());
        assert_eq!(found("Smith says of the plan that it will fail.")[0].speaker, "Smith");
    }
}
