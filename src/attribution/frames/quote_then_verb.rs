//! Frame `quote_then_verb`: `"…," exhorted X` and `"…?" Hannity pressed` — a quote that ends
//! its words with a comma, a question or an exclamation is attributed by the clause that
//! follows it, whatever verb that clause uses, lexicon or not.

use std::ops::Range;

use crate::attribution::registry::Rule;
use crate::attribution::subject::{is_verb_like, skip_adverbs_forward};
use crate::attribution::{Found, QuoteSite};
use crate::lexicon::CueClass;
use crate::phrase::noun_phrase_after;
use crate::text::TokenKind;

/// How far after the quote its speaker's name may reach, in tokens.
const MAX_SPEAKER_REACH: usize = 12;

pub fn find(site: &QuoteSite) -> Option<Found> {
    let (doc, q) = (site.doc, site.quote);
    if !site.alone {
        return None;
    }
    let inner = q.last.checked_sub(1)?;
    let open_ended = matches!(doc.tokens[inner].kind, TokenKind::Punct(',' | '?' | '!' | '—' | '–'))
        || doc.is_punct(q.last + 1, ',');
    if !open_ended {
        return None;
    }
    let mut next = q.last + 1;
    if doc.is_punct(next, ',') {
        next += 1;
    }
    let sentence = doc.sentence(q.last);
    let sentence_end = sentence.end.max(next);
    let found = |speaker: Range<usize>, cue: usize| Found {
        content: q.parts.clone(),
        speaker: Some(speaker),
        cue: Some(cue..cue + 1),
        class: Some(doc.cue_at(cue).map_or(CueClass::Neutral, |(_, form)| form.class)),
        carried: false,
        frame: Rule::QuoteThenVerb,
    };
    if is_verb_like(doc, next) {
        let speaker = noun_phrase_after(doc, next + 1, sentence_end.max(next + 1).min(doc.tokens.len()))?;
        return Some(found(speaker, next));
    }
    let speaker = noun_phrase_after(doc, next, doc.tokens.len().min(next + MAX_SPEAKER_REACH))?;
    let verb = skip_adverbs_forward(doc, speaker.end);
    is_verb_like(doc, verb).then(|| found(speaker, verb))
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::only_by;

    #[test]
    fn any_verb_after_an_open_ended_quote() {
        let a = only_by("\"Where is the money?\" Reyes bellowed.", Rule::QuoteThenVerb);
        assert_eq!(
            (a.speaker.as_str(), a.content.as_str(), a.cue.as_str()),
            ("Reyes", "Where is the money", "bellowed")
        );
        let b = only_by("\"Build it now,\" bellowed the mayor.", Rule::QuoteThenVerb);
        assert_eq!(b.speaker, "the mayor");
    }
}
