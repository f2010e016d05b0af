//! Frame `passive_agent`: a passive cue speaks through its agent — `The plan was criticized by
//! the council as reckless`, `The plan, criticized by the council as reckless, …`.
//!
//! The speaker is the noun phrase after "by"; the content is what was acted on (the subject
//! before the auxiliary, or the phrase before the comma of a reduced relative) and what
//! follows the agent in its clause ("as reckless"). A passive without an agent ("he was
//! told") attributes nothing: its speaker is not in the sentence.

use std::ops::Range;

use crate::attribution::registry::Rule;
use crate::attribution::subject::skip_adverbials;
use crate::attribution::{CueSite, Verdict};
use crate::doc::Doc;
use crate::lexicon::WordRole;
use crate::phrase::{noun_phrase_after, noun_phrase_before};
use crate::text::TokenKind;

pub fn find(site: &CueSite) -> Verdict {
    let (doc, sentence, cue) = (site.doc, &site.sentence, &site.cue);
    let by = cue.end;
    if !(doc.is_word(by) && &doc.lower[by] == "by") {
        return Verdict::Refused;
    }
    let Some(agent) = noun_phrase_after(doc, by + 1, sentence.end) else { return Verdict::Refused };
    let Some(patient) = acted_on(doc, sentence, cue.start) else { return Verdict::Refused };
    let mut content = vec![doc.range_span(&patient)];
    // What follows the agent in its clause: "as reckless", up to a comma or a stop.
    let limit = sentence.end.min(agent.end + MAX_TAIL_TOKENS);
    let tail_end = (agent.end..limit)
        .find(|&k| matches!(doc.tokens[k].kind, TokenKind::Punct(',' | ';' | '—' | '–' | '.' | '!' | '?')))
        .unwrap_or(limit);
    if tail_end > agent.end {
        content.push(doc.byte_span(agent.end, tail_end - 1));
    }
    Verdict::Found(site.found(Rule::PassiveAgent, content, agent, false))
}

/// How far after the agent the clause may go on, in tokens.
const MAX_TAIL_TOKENS: usize = 30;

/// What a passive cue at token `cue` acts on: the subject of its auxiliary ("The plan was
/// criticized"), or the phrase before the comma of a reduced relative ("The plan, criticized").
fn acted_on(doc: &Doc, sentence: &Range<usize>, cue: usize) -> Option<Range<usize>> {
    // The auxiliary is among the words skipped back over ("was", "has been", "was also").
    let before = skip_adverbials(doc, cue, sentence.start);
    let head = before.checked_sub(1).filter(|&h| h >= sentence.start)?;
    if (before..cue).any(|k| doc.has_role(k, WordRole::Auxiliary)) {
        return phrase_before(doc, head, sentence.start);
    }
    if doc.is_punct(head, ',') && head > sentence.start {
        return phrase_before(doc, head - 1, sentence.start);
    }
    None
}

/// The most words a thing acted on may have.
const MAX_PATIENT_TOKENS: usize = 6;

/// A noun phrase of any kind ending at token `head`: a speaker's, or back to its determiner
/// ("the harbour plan", "Netanyahu's plan").
fn phrase_before(doc: &Doc, head: usize, floor: usize) -> Option<Range<usize>> {
    if let Some(np) = noun_phrase_before(doc, head, floor) {
        return Some(np);
    }
    let mut start = head;
    while start > floor
        && head - start < MAX_PATIENT_TOKENS
        && doc.is_word(start - 1)
        && doc.in_quote[start - 1].is_none()
    {
        start -= 1;
        if doc.has_role(start, WordRole::Determiner) {
            return Some(start..head + 1);
        }
        if doc.has_role(start, WordRole::Clause) || doc.cue_at(start).is_some() {
            return Some(start + 1..head + 1);
        }
    }
    (doc.is_word(head) && !doc.has_role(head, WordRole::Clause)).then_some(start..head + 1)
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::{found, only_by};

    #[test]
    fn the_agent_speaks() {
        let a = only_by("The harbour plan was criticized by the council as reckless.", Rule::PassiveAgent);
        assert_eq!(
            (a.speaker.as_str(), a.content.as_str()),
            ("the council", "The harbour plan … as reckless")
        );
        let b = only_by(
            "The harbour plan, criticized by the council as reckless, will go ahead.",
            Rule::PassiveAgent,
        );
        assert_eq!(
            (b.speaker.as_str(), b.content.as_str()),
            ("the council", "The harbour plan … as reckless")
        );
    }

    #[test]
    fn no_agent_no_statement() {
        assert!(found("The mayor was told to leave the hall.").is_empty());
    }
}
