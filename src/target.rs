//! Whom a statement answers: the target of an accusation, a denial, a criticism, an appeal or a
//! concession.
//!
//! A reader wants to see who accuses whom: "Tirana accused Tehran of …" is Albania against
//! Iran, "Iran rejected the accusation" is Iran answering Albania. The target is the object of
//! the cue when the sentence names it — by name, description or pronoun ("accused him of") — or,
//! for a denial of "the accusation", "the claims", "the charge", whoever made the latest such
//! claim before it. Only cues of the classes that aim at someone have a target; the walk after
//! the cue is bounded, so finding targets stays linear.

use crate::attribution::subject::{is_verb_like, skip_adverbs_forward};
use crate::attribution::Found;
use crate::doc::Doc;
use crate::lexicon::{lexicon, Arguments, CueClass, Pronoun, WordRole};
use crate::phrase::noun_phrase_after;

/// How a statement names its target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetPhrase {
    /// A noun phrase after the cue: "accused Tehran", "criticized the ministry".
    Mention(std::ops::Range<usize>),
    /// A pronoun in the object case after the cue: "accused him".
    Pronoun(Pronoun, usize),
    /// "rejected the accusation": the claim made last before it.
    EarlierClaim,
}

/// Whether a cue class aims at someone.
pub fn aims(class: Option<CueClass>) -> bool {
    matches!(
        class,
        Some(
            CueClass::Accusing
                | CueClass::Critical
                | CueClass::Denying
                | CueClass::Urging
                | CueClass::Conceding
        )
    )
}

/// Whether a statement of this cue class is a claim that a later denial may answer: anything
/// said, but not a view or a plan, nor a denial itself.
pub fn claims(class: Option<CueClass>) -> bool {
    !matches!(class, Some(CueClass::Belief | CueClass::Intention | CueClass::Denying))
}

/// How the statement names its target, if it does.
pub fn target_phrase(doc: &Doc, f: &Found) -> Option<TargetPhrase> {
    if !aims(f.class) {
        return None;
    }
    let cue = f.cue.as_ref()?;
    let sentence = doc.sentence(cue.start);
    let at = skip_adverbs_forward(doc, cue.end).min(sentence.end);
    if at >= sentence.end || !doc.is_word(at) {
        return None;
    }
    if let Some(p) = lexicon().object_pronoun(&doc.lower[at]) {
        return Some(TargetPhrase::Pronoun(p, at));
    }
    // "criticized prosecutors for …": a bare plural group is a target too.
    let group = || {
        let plural_group = lexicon().speaker_noun(&doc.lower[at]) == Some(crate::lexicon::NounKind::Group);
        plural_group.then(|| at..at + 1)
    };
    let np = noun_phrase_after(doc, at, sentence.end).or_else(group)?;
    if np.clone().any(|k| doc.has_role(k, WordRole::ClaimNoun)) {
        return (f.class == Some(CueClass::Denying)).then_some(TargetPhrase::EarlierClaim);
    }
    // The subject of a reported clause is no target: "denied the ministry was involved".
    let speech = doc.cue_at(cue.start).is_some_and(|(_, form)| form.arguments == Arguments::Speech);
    let clause_goes_on = is_verb_like(doc, np.end) || doc.has_role(np.end, WordRole::Auxiliary);
    (!(speech && clause_goes_on)).then_some(TargetPhrase::Mention(np))
}

#[cfg(test)]
mod tests {
    use crate::analyze;

    fn target_of(text: &str, speaker: &str) -> Option<String> {
        let analysis = analyze(text);
        let a = analysis
            .attributions
            .iter()
            .find(|a| a.speaker_text.as_deref() == Some(speaker))
            .expect("the speaker");
        a.target.map(|t| analysis.parties[t].name.clone())
    }

    #[test]
    fn the_object_of_an_accusation_is_its_target() {
        let text = "Tirana accused Tehran of carrying out the attack.";
        assert_eq!(target_of(text, "Tirana").as_deref(), Some("Iran"));
    }

    #[test]
    fn a_denial_of_the_accusation_answers_the_accuser() {
        let text = "Tirana accused Tehran of carrying out the attack. Iran rejected the accusation.";
        assert_eq!(target_of(text, "Iran").as_deref(), Some("Albania"));
    }

    #[test]
    fn a_pronoun_object_is_the_person_it_points_to() {
        let text = "Tomas Reyes defended the budget. Ingrid Halvorsen accused him of misleading the council.";
        assert_eq!(target_of(text, "Ingrid Halvorsen").as_deref(), Some("Tomas Reyes"));
    }

    #[test]
    fn a_plain_statement_has_no_target() {
        assert_eq!(target_of("Tirana said Tehran was behind the attack.", "Tirana"), None);
    }
}
