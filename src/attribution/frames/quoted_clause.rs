//! Frame `quoted_clause`: a quote inside a clause whose verb the lexicon lacks — `He
//! infamously referred to immigrants as "criminals"`, `The mayor described the plan as "a
//! gift to developers"`.
//!
//! Tried on a quote that stands inside its sentence and that no cue claimed, once per
//! sentence. The nearest verb before the quote (a cue or a past tense) whose subject names
//! someone is the cue; the content runs from its "that", or from the verb, to the quote: what
//! follows the quote is the writer's again. A title ("Meet the Press") or a single quoted word
//! far from its verb is seldom anyone's statement.

use crate::attribution::clause::{content_after, quote_ends_clause};
use crate::attribution::registry::Rule;
use crate::attribution::subject::{is_verb_like, subject_of};
use crate::attribution::{Found, QuoteSite};
use crate::lexicon::{lexicon, NounKind, Pronoun};
use crate::text::TokenKind;

/// How far after its verb a quote may open and still be that verb's, in tokens.
const MAX_QUOTED_CLAUSE_REACH: usize = 20;

/// How far after its verb a quoted single word may open.
const MAX_SINGLE_WORD_REACH: usize = 6;

pub fn find(site: &QuoteSite) -> Option<Found> {
    let (doc, q) = (site.doc, site.quote);
    if site.alone {
        return None;
    }
    let words: Vec<usize> = (q.first..q.last).filter(|&k| doc.is_word(k)).collect();
    let capitalized = words.iter().filter(|&&k| doc.is_capitalized(k)).count();
    if words.is_empty() || capitalized * 3 >= words.len() * 2 {
        return None;
    }
    // A single quoted word must stand close to its verb ("described him as a "reformer"").
    let reach = if words.len() == 1 { MAX_SINGLE_WORD_REACH } else { MAX_QUOTED_CLAUSE_REACH };
    let sentence = doc.sentence(q.first);
    let floor = sentence.start.max(q.first.saturating_sub(reach));
    let carry = site.rules.has(Rule::CarriedSubject);
    // The nearest verb before the quote that has a subject naming someone.
    let (verb, subject) = (floor..q.first).rev().find_map(|v| {
        // A cue or a past tense: a present "-s" form is as often a plural noun ("guns").
        if !is_verb_like(doc, v) || !(doc.cue_at(v).is_some() || doc.lower[v].ends_with("ed")) {
            return None;
        }
        let subject = subject_of(doc, &sentence, &(v..v + 1), carry, None)?;
        let head = subject.speaker.end - 1;
        let names = doc.is_name(head)
            || doc.pronoun(subject.speaker.start).is_some_and(|p| !matches!(p, Pronoun::It | Pronoun::Who))
            || lexicon().speaker_noun(&doc.lower[head]).is_some_and(|k| k != NounKind::Document);
        (!subject.carried && names).then_some((v, subject.speaker))
    })?;
    let start = (verb + 1..q.first).find(|&k| &doc.lower[k] == "that").unwrap_or(verb + 1);
    let content = if quote_ends_clause(doc, q.last + 1) {
        let mut end = q.last;
        while end + 1 < sentence.end && matches!(doc.tokens[end + 1].kind, TokenKind::Punct('.' | '!' | '?'))
        {
            end += 1;
        }
        vec![doc.byte_span(start, end)]
    } else {
        content_after(doc, start, &sentence)?
    };
    Some(Found {
        content,
        speaker: Some(subject),
        cue: Some(verb..verb + 1),
        class: None,
        carried: false,
        frame: Rule::QuotedClause,
    })
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::{found, only_by};

    #[test]
    fn the_subject_of_the_verb_before_the_quote_speaks() {
        let a =
            only_by("The mayor likened the harbour plan to \"a gift to developers\".", Rule::QuotedClause);
        assert_eq!((a.speaker.as_str(), a.cue.as_str()), ("The mayor", "likened"));
        assert_eq!(a.content, "the harbour plan to \"a gift to developers");
    }

    #[test]
    fn a_quoted_title_is_no_statement() {
        assert!(found("She appeared on \"Morning Edition With Jones\" last week.").is_empty());
    }
}
