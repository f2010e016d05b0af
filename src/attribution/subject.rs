//! The speaker written before a cue: the subject of its clause.
//!
//! `X said`, `X, a spokesman for the ministry, said`, `X (D-Vt.) has also said`, `Several
//! supporters of reform said`: between the subject and its cue stand adverbs, auxiliaries,
//! time expressions and asides, which are skipped back over within a bounded number of tokens.
//! A participle or coordinated cue (`…, adding that`, `… and warned`) has no subject of its
//! own and takes the clause's (see the `carried_subject` policy).

use std::ops::Range;

use super::clause::is_ly_adverb;
use super::policies::carried_subject::carried_subject;
use crate::doc::Doc;
use crate::lexicon::{lexicon, NounKind, Pronoun, WordRole};
use crate::phrase::{noun_phrase_after, noun_phrase_before};
use crate::text::{has_plural_ending, TokenKind};

/// A cue's speaker, and whether it was carried from the clause before rather than written at
/// the cue.
#[derive(Clone, Debug)]
pub struct Subject {
    pub speaker: Range<usize>,
    pub carried: bool,
}

/// The speaker written before a cue (past adverbs and auxiliaries, appositions and
/// parentheses), or, when `carry` (the `carried_subject` policy) is on, carried from the clause
/// before for participles and coordinated verbs: from `earlier`, the speaker of the sentence's
/// latest attribution, or else the sentence's subject.
pub fn subject_of(
    doc: &Doc,
    sentence: &Range<usize>,
    cue: &Range<usize>,
    carry: bool,
    earlier: Option<&Range<usize>>,
) -> Option<Subject> {
    let k = skip_adverbials(doc, cue.start, sentence.start);
    let s = k.checked_sub(1).filter(|&s| s >= sentence.start)?;
    if carry {
        if let Some(carried) = carried_subject(doc, sentence, cue, k, s, earlier) {
            return carried.map(|speaker| Subject { speaker, carried: true });
        }
    }
    let written = |speaker: Range<usize>| Some(Subject { speaker, carried: false });
    if let Some(np) = noun_phrase_before(doc, s, sentence.start) {
        return written(with_described_head(doc, np, sentence));
    }
    // "Several supporters of reform said": the head stands before "of".
    if let Some(of) = (s.saturating_sub(3).max(sentence.start + 1)..s).rev().find(|&k| &doc.lower[k] == "of")
    {
        let words_between = (of + 1..=s).all(|k| doc.is_word(k) && !doc.has_role(k, WordRole::Clause));
        if let Some(np) = noun_phrase_before(doc, of - 1, sentence.start).filter(|_| words_between) {
            return written(np.start..s + 1);
        }
    }
    // `X, a spokesman for the ministry, said`, `X (D-Vt.) said`, `X — and Y — said`:
    // skip back over a few asides.
    let mut end = s;
    if doc.is_punct(s, ',') && s > sentence.start && doc.is_punct(s - 1, ')') {
        end = s - 1;
    }
    for _ in 0..MAX_ASIDES {
        let open = aside_start(doc, end, sentence)?;
        let before = noun_phrase_before(doc, open - 1, sentence.start);
        // "The chair of the chamber, Leila Haddad, said": an aside that is a name, after a
        // description, is the speaker's name. After a name ("Feinstein, Democrat of California,"),
        // or in parentheses ("Pence (R-IN)"), an aside only describes.
        let after_name = before.as_ref().is_some_and(|np| doc.is_name(np.end - 1));
        let name = doc
            .is_punct(open, ',')
            .then(|| {
                noun_phrase_after(doc, open + 1, end).filter(|np| np.end == end && doc.is_name(np.start))
            })
            .flatten();
        match before {
            // "X, the attorney general of Oklahoma, one of the states …, said", "His partner at
            // Lenox, Lawrence Cummings, said", "X, 56, who …, said": the phrase before this aside
            // ends an earlier aside or a longer description; the subject is further back, or is
            // the name this aside gives.
            Some(np) if is_aside_tail(doc, &np) => {
                // Only a comma as near as the next aside may open counts: one further back
                // opens no aside that this one continues, and looking for it on every cue would
                // read a long sentence once per cue.
                let floor = sentence.start.max(open.saturating_sub(MAX_ASIDE_TOKENS));
                let earlier = (floor..np.start).rev().find(|&k| doc.is_punct(k, ','));
                match (earlier, name) {
                    (None, Some(name)) => return written(name),
                    (Some(_), _) => end = open,
                    (None, None) => return written(np),
                }
            }
            Some(np) if after_name => return written(np),
            Some(np) => return written(name.unwrap_or(np)),
            None if name.is_some() => return written(name?),
            None => end = open - 1,
        }
    }
    None
}

/// How many asides may stand between a subject and its cue ("X, 56, of Springfield, who …,
/// said").
const MAX_ASIDES: usize = 3;

/// Whether a phrase found before an aside is the end of a longer phrase rather than a subject:
/// the object of a link ("of Oklahoma", "at Lenox", "for the coalition") or a bare number (an
/// age: "Schiff, 56,").
fn is_aside_tail(doc: &Doc, np: &Range<usize>) -> bool {
    let linked = np.start > 0
        && (doc.has_role(np.start - 1, WordRole::Link)
            || doc.has_role(np.start - 1, WordRole::AffiliationLink)
            || doc.has_role(np.start - 1, WordRole::PostmodifierLink));
    let number = np.len() == 1 && doc.lower[np.start].chars().all(|c| c.is_ascii_digit());
    linked || number
}

/// The speaker whose description ends with the phrase `np`: "a source familiar with the
/// talks", "officials at the agency", "critics of the plan" — a person or group noun, a link and
/// what it links, where the cue's nearest noun phrase is only the last part.
fn with_described_head(doc: &Doc, np: Range<usize>, sentence: &Range<usize>) -> Range<usize> {
    let Some(link) = np
        .start
        .checked_sub(1)
        .filter(|&k| k > sentence.start && doc.has_role(k, WordRole::PostmodifierLink))
    else {
        return np;
    };
    let mut end = link - 1;
    if doc.has_role(end, WordRole::PostmodifierAdjective) && end > sentence.start {
        end -= 1;
    }
    let head = noun_phrase_before(doc, end, sentence.start).filter(|h| {
        let word = &doc.lower[h.end - 1];
        !doc.is_name(h.end - 1)
            && matches!(lexicon().speaker_noun(word), Some(NounKind::Person | NounKind::Group))
    });
    head.map_or(np.clone(), |h| h.start..np.end)
}

/// The token that opens the aside (apposition, parenthesis, dashes) closed at token `end`.
pub fn aside_start(doc: &Doc, end: usize, sentence: &Range<usize>) -> Option<usize> {
    let open_mark = match doc.tokens[end].kind {
        TokenKind::Punct(',') => ',',
        TokenKind::Punct(')') => '(',
        TokenKind::Punct(c @ ('—' | '–' | '-')) => c,
        _ => return None,
    };
    let floor = sentence.start.max(end.saturating_sub(MAX_ASIDE_TOKENS));
    let open = (floor..end).rev().find(|&j| doc.is_punct(j, open_mark) || doc.in_quote[j].is_some())?;
    (doc.is_punct(open, open_mark) && open > sentence.start).then_some(open)
}

/// The most tokens of adverbs, auxiliaries and time expressions between a subject and its cue
/// ("has also repeatedly and publicly said late on Friday").
pub const MAX_ADVERBIAL_TOKENS: usize = 10;

/// How far back an apposition or parenthesis before a cue may start, in tokens.
pub const MAX_ASIDE_TOKENS: usize = 25;

/// Whether a subject can go with a cue in its base form: "polls show", "I say", "will say",
/// but not "the TV show" (a noun after a singular name).
pub fn agrees_with_base_form(doc: &Doc, speaker: &Range<usize>, cue: usize) -> bool {
    let head = speaker.end - 1;
    let auxiliary = cue > speaker.end;
    // "the US", "Congress" and "the campus" are singular; "Democrats" and "polls" are not.
    let word = &doc.lower[head];
    let acronym = !doc.word(head).chars().any(char::is_lowercase);
    let plural = has_plural_ending(word) && !word.ends_with("us") && !acronym;
    let pronoun = matches!(
        doc.pronoun(head),
        Some(Pronoun::I | Pronoun::We | Pronoun::You | Pronoun::They | Pronoun::Who)
    );
    auxiliary || plural || pronoun || speaker.clone().any(|k| &doc.lower[k] == "and")
}

/// Whether token `i` opens a participle clause whose subject comes later ("After saying …").
pub fn is_clause_opener(doc: &Doc, i: usize) -> bool {
    doc.has_role(i, WordRole::ParticipleOpener)
}

/// The start of the run of adverbs, auxiliaries and time expressions that ends before token
/// `end` ("has also", "on Friday", "two weeks ago"), no further back than
/// [`MAX_ADVERBIAL_TOKENS`].
pub fn skip_adverbials(doc: &Doc, end: usize, floor: usize) -> usize {
    let lex = lexicon();
    let floor = floor.max(end.saturating_sub(MAX_ADVERBIAL_TOKENS));
    let mut k = end;
    while k > floor {
        let p = k - 1;
        // "Theresa May said": a capitalized modal or month that ends a name is the name.
        if doc.continues_name(p) {
            break;
        }
        if doc.has_role(p, WordRole::Adverb) || is_ly_adverb(doc, p) || is_symbol(doc, p) {
            k = p;
            continue;
        }
        let year = doc.lower[p].len() == 4 && doc.lower[p].chars().all(|c| c.is_ascii_digit());
        if !doc.is_word(p) || !(lex.is_time_word(&doc.lower[p]) || year) {
            break;
        }
        // A time expression: back over its words to the preposition that opens it, if any.
        let mut j = p;
        while j > floor
            && end - j < 6
            && doc.is_word(j - 1)
            && (lex.is_time_word(&doc.lower[j - 1])
                || doc.has_role(j - 1, WordRole::Determiner)
                || doc.lower[j - 1].chars().all(|c| c.is_ascii_digit()))
        {
            j -= 1;
        }
        if j > floor && doc.has_role(j - 1, WordRole::TimePreposition) {
            j -= 1;
        }
        k = j;
    }
    k
}

/// An emoji, flag or other pictograph, which says nothing of the grammar around it.
pub fn is_symbol(doc: &Doc, i: usize) -> bool {
    matches!(doc.tokens[i].kind, TokenKind::Punct(c) if matches!(c as u32, 0x2190..=0x2BFF | 0xFE00..=0xFE0F | 0x1F000..=0x1FAFF | 0x200D))
}

/// Whether a word is a possessive ("Iran's", "the Iranians'").
pub fn is_possessive_word(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s") || word.ends_with("s'") || word.ends_with("s’")
}

/// The first token from `i` on that is not an adverb, at most [`MAX_ADVERBIAL_TOKENS`] on.
pub fn skip_adverbs_forward(doc: &Doc, mut i: usize) -> usize {
    let limit = doc.tokens.len().min(i + MAX_ADVERBIAL_TOKENS);
    while i < limit && (doc.has_role(i, WordRole::Adverb) || is_ly_adverb(doc, i)) {
        i += 1;
    }
    i
}

/// A lower-case word that reads as a finite verb: a cue, or a past or present tense form.
pub fn is_verb_like(doc: &Doc, i: usize) -> bool {
    if !doc.is_word(i) || doc.is_capitalized(i) || doc.in_quote[i].is_some() {
        return false;
    }
    let word = &doc.lower[i];
    let lex = lexicon();
    doc.cue_at(i).is_some()
        || (!lex.is_function_word(word)
            && !lex.is_time_word(word)
            && (word.ends_with("ed") || (has_plural_ending(word) && !word.ends_with("us"))))
}
