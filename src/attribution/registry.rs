//! The finder's rules, in one ordered list.
//!
//! A rule is either a *frame*, which recognizes one way of writing an attribution and reports
//! what it found, or a *policy*, which settles how the frames' findings fit together (which of
//! two wins, where one ends). Every attribution carries the name of the frame that found it,
//! and every rule can be turned off ([`RuleSet`]) to see what it is worth: `sourcelight frames`
//! does that against the shared corpora, and a test requires that turning any rule off breaks
//! some construction test, so that no rule exists without a specification.
//!
//! The order of [`RULES`] is the order in which the driver ([`super::find_attributions`]) tries
//! the frames of each phase; a comment on an entry says why it must stand where it does.

use std::ops::Range;

use super::frames;
use super::{CueSite, Found, QuoteSite, Verdict};
use crate::doc::Doc;

/// Every rule, by name. The discriminant is the rule's place in [`RULES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    SpeakerLabel,
    VerbUse,
    AccordingTo,
    PassiveAgent,
    CueThenSpeaker,
    CarriedSubject,
    QuoteThenSpeaker,
    ContentThenSpeaker,
    ColonThenQuote,
    ColonThenList,
    WhatItCalled,
    SubjectCueContent,
    NegatedAct,
    CoordinationCut,
    RelativeClauseCut,
    ResumedQuote,
    Headline,
    Transcript,
    Nested,
    QuotedClause,
    SignedQuote,
    QuoteThenVerb,
    ColonSpeaker,
    PassageSpeaker,
    NeighbourSubject,
}

/// When a rule runs, and with what.
pub enum Phase {
    /// A frame tried on each sentence before its cues.
    SentenceStart(fn(&Doc, &Range<usize>) -> Option<Found>),
    /// A frame tried at each cue: the first frame whose verdict is not [`Verdict::Pass`]
    /// decides for that cue.
    Cue(fn(&CueSite) -> Verdict),
    /// A frame tried on each sentence after its cues, given what they found.
    SentenceEnd(fn(&Doc, &Range<usize>, &[Found]) -> Option<Found>),
    /// A frame tried on each double quote that no attribution claims: the first that finds
    /// a speaker takes the quote.
    UnclaimedQuote(fn(&QuoteSite) -> Option<Found>),
    /// A policy: the driver or a shared step applies it at the point its doc names.
    Policy,
}

/// One rule: its name (as printed in results), what it does, and when it runs.
pub struct RuleInfo {
    pub rule: Rule,
    pub name: &'static str,
    pub about: &'static str,
    pub phase: Phase,
}

impl RuleInfo {
    pub fn is_frame(&self) -> bool {
        !matches!(self.phase, Phase::Policy)
    }
}

/// The rules in the order they are tried.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        rule: Rule::SpeakerLabel,
        name: "speaker_label",
        about: "`Trump: Clinton should have congratulated me` — a name and a colon open a paragraph",
        phase: Phase::SentenceStart(frames::speaker_label::find),
    },
    // Decides which cue words are verbs before any cue frame sees them.
    RuleInfo {
        rule: Rule::VerbUse,
        name: "verb_use",
        about: "a cue word counts only as a verb: not \"the claims\", \"was told\", \"Hope\"",
        phase: Phase::Policy,
    },
    // First among cue frames: "according to" has its own shape, and no other frame may read
    // it as a verb.
    RuleInfo {
        rule: Rule::AccordingTo,
        name: "according_to",
        about: "`according to X, CONTENT` and `CONTENT, according to X`",
        phase: Phase::Cue(frames::according_to::find),
    },
    // The only frame a passive cue is offered to.
    RuleInfo {
        rule: Rule::PassiveAgent,
        name: "passive_agent",
        about: "`The plan was criticized by the council as reckless` — the agent after \"by\" speaks",
        phase: Phase::Cue(frames::passive_agent::find),
    },
    // Before the frames that look for a subject: after a quote or a comma, the words after
    // the cue are its speaker, and the words before are the content, not a subject.
    RuleInfo {
        rule: Rule::CueThenSpeaker,
        name: "cue_then_speaker",
        about: "`\"…,\" said X`, `CONTENT, said X.` and `…, explained X: \"…\"`",
        phase: Phase::Cue(frames::cue_then_speaker::find),
    },
    // Applies to every frame below that looks for the cue's subject.
    RuleInfo {
        rule: Rule::CarriedSubject,
        name: "carried_subject",
        about:
            "a participle or coordinated cue (`…, adding that`, `… and warned`) takes the clause's subject",
        phase: Phase::Policy,
    },
    // Before content_then_speaker: a quote right before the subject is the whole statement,
    // not the tail of a clause.
    RuleInfo {
        rule: Rule::QuoteThenSpeaker,
        name: "quote_then_speaker",
        about: "`\"…,\" the minister said (to reporters)`",
        phase: Phase::Cue(frames::quote_then_speaker::find),
    },
    RuleInfo {
        rule: Rule::ContentThenSpeaker,
        name: "content_then_speaker",
        about: "`CONTENT, X said.`, `CONTENT, X announced on Monday.` and `CONTENT, X said, CONTENT.`",
        phase: Phase::Cue(frames::content_then_speaker::find),
    },
    RuleInfo {
        rule: Rule::ColonThenQuote,
        name: "colon_then_quote",
        about: "`X called them on it:` and the quote as the next paragraph",
        phase: Phase::Cue(frames::colon_then_quote::find),
    },
    RuleInfo {
        rule: Rule::ColonThenList,
        name: "colon_then_list",
        about: "`X set out three demands:` and the list items after it",
        phase: Phase::Cue(frames::colon_then_list::find),
    },
    // Before subject_cue_content, which would take the whole clause after the cue.
    RuleInfo {
        rule: Rule::WhatItCalled,
        name: "what_it_called",
        about: "`for what it called Tehran's \"malicious\" activity` — only the quoted words",
        phase: Phase::Cue(frames::what_it_called::find),
    },
    // Last cue frame: the general shape, which the frames above refine.
    RuleInfo {
        rule: Rule::SubjectCueContent,
        name: "subject_cue_content",
        about: "`X said (that) CONTENT`, `X told Y that CONTENT`, `X accused Y of CONTENT`",
        phase: Phase::Cue(frames::subject_cue_content::find),
    },
    // Judges what a cue frame found: a denied act is dropped before it cuts any other.
    RuleInfo {
        rule: Rule::NegatedAct,
        name: "negated_act",
        about:
            "a denied or declined act is no statement: `did not say`, `declined to say`, `no group claimed`",
        phase: Phase::Policy,
    },
    RuleInfo {
        rule: Rule::CoordinationCut,
        name: "coordination_cut",
        about: "a coordinated or participle cue ends the content before it: `rejected X and described …`",
        phase: Phase::Policy,
    },
    RuleInfo {
        rule: Rule::RelativeClauseCut,
        name: "relative_clause_cut",
        about: "a clause with its own speaker ends the content before it: `…, which Tirana said …`",
        phase: Phase::Policy,
    },
    RuleInfo {
        rule: Rule::ResumedQuote,
        name: "resumed_quote",
        about: "`\"…,\" X said, \"…\"` is one statement in two parts",
        phase: Phase::Policy,
    },
    // After the cue frames: a cue inside a headline's claim is part of the claim, and falls
    // away as nested.
    RuleInfo {
        rule: Rule::Headline,
        name: "headline",
        about: "`Tehran rejects Nordic sanctions plan: foreign ministry` — Claim: Speaker in a headline",
        phase: Phase::SentenceEnd(frames::headline::find),
    },
    // Last of a sentence: a transcript turn only where nothing else was found.
    RuleInfo {
        rule: Rule::Transcript,
        name: "transcript",
        about: "`PENCE: Well, the question …` — a transcript turn opened by a name in capitals",
        phase: Phase::SentenceEnd(frames::transcript::find),
    },
    // Once every sentence is read: nesting needs all contents.
    RuleInfo {
        rule: Rule::Nested,
        name: "nested",
        about: "a cue inside another statement's content is part of that statement",
        phase: Phase::Policy,
    },
    // The frames for unclaimed quotes run after nesting, so that a quote inside a statement
    // counts as claimed. A quote inside a sentence goes to quoted_clause; a quote that stands
    // as a sentence goes to the others, in this order.
    RuleInfo {
        rule: Rule::QuotedClause,
        name: "quoted_clause",
        about: "`He referred to Mexican immigrants as \"criminals\"` — a quote inside a clause with any verb",
        phase: Phase::UnclaimedQuote(frames::quoted_clause::find),
    },
    RuleInfo {
        rule: Rule::SignedQuote,
        name: "signed_quote",
        about: "`\"…\" ― Jane Doe` — a quote signed with a dash and a name",
        phase: Phase::UnclaimedQuote(frames::signed_quote::find),
    },
    RuleInfo {
        rule: Rule::QuoteThenVerb,
        name: "quote_then_verb",
        about: "`\"…,\" exhorted X`, `\"…?\" Hannity pressed` — a quote and a clause with any verb",
        phase: Phase::UnclaimedQuote(frames::quote_then_verb::find),
    },
    RuleInfo {
        rule: Rule::ColonSpeaker,
        name: "colon_speaker",
        about: "`Clinton: \"…\"`, `Trump leaned in and boomed: \"…\"`",
        phase: Phase::UnclaimedQuote(frames::colon_speaker::find),
    },
    // After the frames that read the quote's own sentence: a speaker carried over is a guess.
    RuleInfo {
        rule: Rule::PassageSpeaker,
        name: "passage_speaker",
        about: "a quote standing alone belongs to the speaker named in its paragraph",
        phase: Phase::UnclaimedQuote(frames::passage_speaker::find),
    },
    // Last: the weakest evidence.
    RuleInfo {
        rule: Rule::NeighbourSubject,
        name: "neighbour_subject",
        about: "a quote standing alone belongs to whoever the sentence before (or after) is about",
        phase: Phase::UnclaimedQuote(frames::neighbour_subject::find),
    },
];

impl Rule {
    pub fn info(self) -> &'static RuleInfo {
        &RULES[self as usize]
    }

    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// The rule with this name.
    pub fn named(name: &str) -> Option<Rule> {
        RULES.iter().find(|r| r.name == name).map(|r| r.rule)
    }
}

/// Which rules are on. All are, unless turned off to measure what one is worth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleSet {
    off: u64,
}

impl Default for RuleSet {
    fn default() -> RuleSet {
        RuleSet::all()
    }
}

impl RuleSet {
    pub fn all() -> RuleSet {
        RuleSet { off: 0 }
    }

    /// Every rule but `rule`.
    pub fn without(self, rule: Rule) -> RuleSet {
        RuleSet { off: self.off | 1 << rule as u64 }
    }

    pub fn has(&self, rule: Rule) -> bool {
        self.off & (1 << rule as u64) == 0
    }

    /// The rules that are on, in registry order.
    pub fn active(self) -> impl Iterator<Item = &'static RuleInfo> {
        RULES.iter().filter(move |r| self.has(r.rule))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_rule_stands_at_its_own_place_with_a_unique_name() {
        assert!(RULES.len() <= 64, "RuleSet holds at most 64 rules");
        for (i, info) in RULES.iter().enumerate() {
            assert_eq!(info.rule as usize, i, "{} is out of place", info.name);
            assert_eq!(Rule::named(info.name), Some(info.rule));
            assert!(info.name.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        }
    }

    #[test]
    fn turning_a_rule_off_leaves_the_others_on() {
        let set = RuleSet::all().without(Rule::Nested);
        assert!(!set.has(Rule::Nested));
        assert!(set.has(Rule::Headline));
        assert_eq!(set.active().count(), RULES.len() - 1);
    }
}
