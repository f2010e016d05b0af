//! Frame `signed_quote`: `"…" ― Jane Doe` — a quote signed with a dash and a name, perhaps
//! with a short aside after it (`― Jane Doe, harbour master`), ending its paragraph.

use crate::attribution::registry::Rule;
use crate::attribution::{Found, QuoteSite};
use crate::lexicon::CueClass;
use crate::phrase::noun_phrase_after;
use crate::text::TokenKind;

/// How many tokens may follow the signature's name in its paragraph.
const MAX_SIGNATURE_TAIL: usize = 24;

/// How many of them may be words: a short aside ("harbour master, in 1998").
const MAX_ASIDE_WORDS: usize = 12;

pub fn find(site: &QuoteSite) -> Option<Found> {
    let (doc, q) = (site.doc, site.quote);
    if !site.alone {
        return None;
    }
    let dash = q.last + 1;
    if !matches!(doc.tokens.get(dash)?.kind, TokenKind::Punct('―' | '—' | '–' | '-'))
        || doc.tokens[dash].para != doc.tokens[q.last].para
    {
        return None;
    }
    let end = doc.paragraph_end(dash);
    let speaker = noun_phrase_after(doc, dash + 1, end)?;
    if end - speaker.end > MAX_SIGNATURE_TAIL {
        return None;
    }
    let rest_is_aside = (speaker.end..end)
        .all(|k| !doc.is_word(k) || doc.in_quote[k].is_none() && k - speaker.end < MAX_ASIDE_WORDS);
    rest_is_aside.then(|| Found {
        content: q.parts.clone(),
        speaker: Some(speaker),
        cue: Some(dash..dash + 1),
        class: Some(CueClass::Neutral),
        carried: false,
        frame: Rule::SignedQuote,
    })
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::only_by;

    #[test]
    fn a_dash_and_a_name_sign_the_quote() {
        let a =
            only_by("\"The sea gives and the sea takes.\" ― Ilse Brandt, harbour master", Rule::SignedQuote);
        assert_eq!(
            (a.speaker.as_str(), a.content.as_str()),
            ("Ilse Brandt", "The sea gives and the sea takes")
        );
    }
}
