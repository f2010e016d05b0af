//! Noun phrases: the walks that find a speaker's mention around a cue.
//!
//! A speaker is written as a pronoun ("she"), a name with its titles and affiliation ("US
//! Treasury Under Secretary Brian Nelson"), a description ("the Iranian spokesperson", "a senior
//! official"), or a group ("critics", "22 percent"). These functions find such a phrase ending
//! at a token (walking backwards from a cue) or starting at one (walking forwards after an
//! inverted cue), and the subject of a sentence.
//!
//! Design choices:
//! - Every walk is bounded by a small constant ([`MAX_NP_TOKENS`] and a few words of
//!   description), so the work per cue is constant and the engine stays linear.
//! - Capitalization is the main evidence of a name; the lexicon says which capitalized words
//!   are grammatical words, titles or time words, and which lower-case nouns can head a
//!   speaker's description.
//! - A phrase never reaches into a quotation: quoted words are someone's statement.

use std::ops::Range;

use crate::doc::{strip_possessive, Doc};
use crate::lexicon::{lexicon, lowered, NounKind, Pronoun, WordRole};
use crate::text::{has_plural_ending, is_capitalized, TokenKind};

/// How far a noun phrase may reach, in tokens.
const MAX_NP_TOKENS: usize = 10;

/// "He’s", "they’re", "I’ve": a pronoun with its auxiliary, a subject all the same.
fn contracted_pronoun(doc: &Doc, i: usize) -> bool {
    let stem = lexicon().contraction_stem(&doc.lower[i]);
    stem.is_some_and(|stem| lexicon().pronoun(stem).is_some_and(|p| p != Pronoun::Who))
}

/// A noun phrase that ends at token `head` (inclusive), walking backwards no further than
/// `floor`: a pronoun, a name, or a description headed by a speaker noun or opened by a
/// determiner ("the Iranian spokesperson"). Returns the token range.
pub fn noun_phrase_before(doc: &Doc, head: usize, floor: usize) -> Option<Range<usize>> {
    if !doc.is_word(head) || doc.in_quote[head].is_some() {
        return None;
    }
    // A phrase never crosses a paragraph: blocks of a page are paragraphs.
    let floor = floor.max(doc.paragraph_start(head));
    if doc.pronoun(head).is_some() || contracted_pronoun(doc, head) {
        return Some(head..head + 1);
    }
    let lex = lexicon();
    let head_word = strip_possessive(&doc.lower[head]);
    let continues = doc.continues_name(head);
    if (lex.is_time_word(&doc.lower[head]) || lex.is_function_word(lowered(head_word).as_ref())) && !continues
    {
        return None;
    }
    // A common word that opens the sentence is a name when a cue follows it at once: "Smith
    // said", not "However, …".
    let named = continues
        || ((doc.is_name(head) || (doc.is_capitalized(head) && doc.cue_at(head + 1).is_some()))
            && !lex.is_function_word(&doc.lower[head]));
    let noun = lex.speaker_noun(head_word).is_some();
    if !named && !noun {
        return described_before(doc, head, floor);
    }
    let mut described = false;
    let mut start = head;
    let mut determined = false;
    while start > floor && head - start < MAX_NP_TOKENS {
        let k = start - 1;
        if doc.in_quote[k].is_some() {
            break;
        }
        // "Julie A. Diaz": an initial, though "A" is also an article.
        let initial = doc.is_abbreviation_stop(k + 1) && doc.word(k).chars().count() == 1;
        if doc.has_role(k, WordRole::Determiner) && !initial {
            // An article inside a name goes on: "Mission of Iran to the United Nations",
            // "Committee for a Responsible Budget".
            let inside_name = doc.is_article(k) && k > floor && doc.links_name(k - 1) && doc.is_name(start);
            start = k;
            if inside_name {
                continue;
            }
            determined = true;
            break;
        }
        let name_follows = doc.is_name(start) || (doc.is_article(start) && doc.is_name(start + 1));
        let joins = doc.links_name(k)
            && k > floor
            && (doc.is_name(k - 1) || is_possessive(doc, k - 1))
            && name_follows;
        let abbreviation_stop = doc.is_punct(k, '.') && k > floor && doc.is_abbreviation_stop(k);
        // A capitalized title of several words ending here: "Under Secretary".
        if named {
            if let Some(t) = (k.saturating_sub(3).max(floor)..=k)
                .find(|&t| capitalized_title_at(doc, t).is_some_and(|n| t + n == start))
            {
                start = t;
                continue;
            }
        }
        let part_of_name = (doc.is_name(k) && !lex.is_function_word(&doc.lower[k]))
            || initial
            || is_possessive(doc, k)
            || (doc.is_word(k) && lex.speaker_noun(&doc.lower[k]).is_some() && !named);
        // Lower-case titles and their modifiers before a name: "former presidential
        // candidate Herman Cain", "Republican strategist Ryan Williams".
        let title =
            doc.is_word(k) && (lex.is_title_word(&doc.lower[k]) || lex.speaker_noun(&doc.lower[k]).is_some());
        let modifier = described
            && doc.is_word(k)
            && !lex.is_function_word(&doc.lower[k])
            && lex.cues_starting(&doc.lower[k]).is_empty()
            && head - k < 6;
        if joins || abbreviation_stop || part_of_name {
            start = k;
        } else if named && (title || modifier) {
            described = true;
            start = k;
        } else {
            break;
        }
    }
    if !determined && !named && !doc.is_name(start) {
        // A bare common noun ("critics said") is a speaker only in the plural or as a group.
        let kind = lex.speaker_noun(head_word);
        if !matches!(kind, Some(NounKind::Group)) {
            return described_before(doc, head, floor);
        }
        start = with_modifiers(doc, start, floor);
    }
    while start < head && (doc.links_name(start) || doc.is_punct(start, '.')) {
        start += 1;
    }
    Some(start..head + 1)
}

/// How many lower-case words may describe a group before its noun ("senior administration
/// officials").
const MAX_MODIFIERS: usize = 3;

/// The start of a group's description with its lower-case modifiers ("foreign ministry
/// officials", "top black lawmakers"), when they open a clause; else `start` unchanged.
fn with_modifiers(doc: &Doc, start: usize, floor: usize) -> usize {
    let lex = lexicon();
    let mut k = start;
    while k > floor && start - k < MAX_MODIFIERS {
        let w = k - 1;
        let modifier = doc.is_word(w)
            && !doc.is_capitalized(w)
            && doc.in_quote[w].is_none()
            && !lex.is_function_word(&doc.lower[w])
            && !lex.is_time_word(&doc.lower[w])
            && doc.cue_at(w).is_none();
        if !modifier {
            break;
        }
        k = w;
    }
    let opens_clause =
        k == floor || matches!(doc.tokens[k - 1].kind, TokenKind::Punct(',' | ';' | ':' | '—' | '–'));
    if opens_clause {
        k
    } else {
        start
    }
}

/// A lower-case description opened by a determiner within a few words: "the gambling
/// tycoon", "a senior official".
/// A plural or counted group at the start of its clause: "Corporate lobbyists describe",
/// "22 percent said", "most of them said".
fn described_before(doc: &Doc, head: usize, floor: usize) -> Option<Range<usize>> {
    let lex = lexicon();
    let counted = doc.lower[head].chars().all(|c| c.is_ascii_digit()) || &doc.lower[head] == "percent";
    if !counted && !looks_like_speaker_noun(&doc.lower[head]) {
        return None;
    }
    let mut k = head;
    while k > floor && head - k < 4 {
        // "That letter …" — a demonstrative is a determiner before a noun.
        if doc.has_role(k - 1, WordRole::Determiner) || matches!(&doc.lower[k - 1], "that" | "this") {
            return Some(k - 1..head + 1);
        }
        // "Gary Johnson's doctor": a possessive name determines the noun.
        if is_possessive(doc, k - 1) {
            let owner = noun_phrase_before(doc, k - 1, floor).map_or(k - 1, |np| np.start);
            return Some(owner..head + 1);
        }
        if !doc.is_word(k - 1) || doc.in_quote[k - 1].is_some() || lex.is_function_word(&doc.lower[k - 1]) {
            break;
        }
        k -= 1;
    }
    let opens_clause = k == floor || matches!(doc.tokens[k - 1].kind, TokenKind::Punct(',' | ';' | '—'));
    let plural = has_plural_ending(&doc.lower[head]);
    // A cue word is a verb here ("critics say"), not the head of the subject.
    let not_a_cue = lex.cues_starting(&doc.lower[head]).is_empty();
    (opens_clause && (plural || counted) && not_a_cue).then_some(k..head + 1)
}

fn is_possessive(doc: &Doc, i: usize) -> bool {
    doc.is_word(i) && {
        let w = doc.word(i);
        (w.ends_with("'s") || w.ends_with("’s")) && is_capitalized(w)
    }
}

/// A noun phrase that starts at token `start`, walking forward no further than `ceil`
/// (exclusive): a pronoun, or a name with its title ("US Treasury Under Secretary Brian
/// Nelson"), or a determiner and what it determines ("a new poll").
pub fn noun_phrase_after(doc: &Doc, start: usize, ceil: usize) -> Option<Range<usize>> {
    if start >= ceil || !doc.is_word(start) || doc.in_quote[start].is_some() {
        return None;
    }
    // A phrase never crosses a paragraph: blocks of a page are paragraphs.
    let ceil = ceil.min(doc.paragraph_end(start));
    if doc.pronoun(start).is_some() {
        return Some(start..start + 1);
    }
    let lex = lexicon();
    let determined = doc.has_role(start, WordRole::Determiner);
    if !determined && !doc.is_name(start) {
        // "said former Utah governor Michael Leavitt", "said pollster Frank Luntz".
        return described_name_after(doc, start, ceil);
    }
    if !determined && lex.is_function_word(&doc.lower[start]) {
        return None;
    }
    let mut end = start + 1;
    let mut last_content = start;
    let mut named = doc.is_name(start) && !determined;
    while end < ceil && end - start < MAX_NP_TOKENS && doc.in_quote[end].is_none() {
        let w = end;
        // A capitalized title such as "Under Secretary" goes on to the name after it.
        if let Some(len) = capitalized_title_at(doc, w) {
            end += len;
            continue;
        }
        let initial = doc.is_abbreviation_stop(w + 1) && doc.word(w).chars().count() == 1;
        // "Florida Friday": a day or month ends a name it does not continue ("Theresa May").
        let date = lex.is_date_word(&doc.lower[w]) && !doc.continues_name(w);
        let name_word = (doc.is_name(w) && !lex.is_function_word(&doc.lower[w]) && !date)
            || initial
            || doc.continues_name(w);
        named |= name_word;
        // Lower-case words only before any name: "the gambling tycoon", not "the United
        // States imposed".
        // "a study published on Wednesday": a participle after the head ends the phrase.
        let participle = w > start + 1 && (doc.lower[w].ends_with("ed") || doc.lower[w].ends_with("ing"));
        let common = determined
            && !named
            && !participle
            && doc.is_word(w)
            && !lex.is_function_word(&doc.lower[w])
            && lexicon().cues_starting(&doc.lower[w]).is_empty()
            && w - start <= 3;
        let title = doc.is_word(w) && lex.is_title_word(&doc.lower[w]) && doc.is_name(w + 1);
        let link = doc.links_name(w) && (doc.is_name(w + 1) || (doc.is_article(w + 1) && doc.is_name(w + 2)));
        let the_after_link = doc.has_role(w, WordRole::Determiner) && w > start && doc.links_name(w - 1);
        // "one of those advisers", "most of them"
        let of_group = determined && w == start + 1 && &doc.lower[w] == "of";
        let abbreviation_stop = doc.is_punct(w, '.') && doc.is_abbreviation_stop(w);
        // "Two Western diplomats": a person or group noun heads the capitalized adjectives before
        // it (not a name: "the Clinton aides" stay with Clinton).
        let adjectives = (start + 1..w).all(|k| {
            !doc.is_word(k) || lex.is_common_word(&doc.lower[k]) || lex.country_of(doc.word(k)).is_some()
        });
        let speaker_head = determined
            && named
            && adjectives
            && !name_word
            && doc.is_word(w)
            && matches!(lex.speaker_noun(&doc.lower[w]), Some(NounKind::Person | NounKind::Group));
        if speaker_head {
            last_content = w;
            break;
        }
        if name_word || common {
            last_content = w;
        } else if doc.pronoun(w).is_some() && of_group_before(doc, w, start) {
            last_content = w;
            break;
        } else if !(title || link || of_group || the_after_link || abbreviation_stop) {
            // "Republican presidential nominee Donald Trump": lower-case words of a description
            // between a capitalized modifier and the name.
            let described = named && !doc.is_capitalized(w);
            // "The GOP candidate", "the Democratic presidential nominee": a person's noun after
            // a capitalized modifier heads the phrase when no name follows it.
            let person = || (determined && described).then(|| person_head_after(doc, w, ceil)).flatten();
            return match described.then(|| described_name_after(doc, w, ceil)).flatten() {
                Some(name) => Some(start..name.end),
                None => match person() {
                    Some(head) => Some(start..head + 1),
                    None => Some(start..last_content + 1).filter(|_| last_content > start || !determined),
                },
            };
        }
        end += 1;
    }
    if last_content == start && determined {
        return None;
    }
    Some(start..last_content + 1)
}

/// A name after a few lower-case words of description: "former Obama adviser David
/// Axelrod". The description must reach a capitalized name within four words.
fn described_name_after(doc: &Doc, start: usize, ceil: usize) -> Option<Range<usize>> {
    let lex = lexicon();
    let mut k = start;
    while k < ceil && k - start < 4 && doc.is_word(k) && !doc.is_name(k) {
        let w = &doc.lower[k];
        // A verb in the past ("imposed sanctions Wednesday") and a negation ("Neither Clinton
        // nor …") are no description.
        let past = w.ends_with("ed") && !w.ends_with("eed");
        let negation = doc.has_role(k, WordRole::Negation);
        if lex.is_function_word(w) || negation || doc.cue_at(k).is_some() || lex.is_time_word(w) || past {
            return None;
        }
        k += 1;
    }
    if k == start || !doc.is_name(k) || lex.is_time_word(&doc.lower[k]) {
        return None;
    }
    let name = noun_phrase_after(doc, k, ceil)?;
    Some(start..name.end)
}

/// How many lower-case words may stand before the person's noun that heads a described phrase.
const MAX_PERSON_HEAD_LEAD: usize = 2;

/// The person's noun or title within a few lower-case words from `start` ("presidential
/// candidate") that heads its phrase: no name follows it, else the phrase names that person.
fn person_head_after(doc: &Doc, start: usize, ceil: usize) -> Option<usize> {
    let lex = lexicon();
    (start..ceil.min(start + MAX_PERSON_HEAD_LEAD + 1))
        .take_while(|&k| {
            doc.is_word(k)
                && !doc.is_capitalized(k)
                && doc.in_quote[k].is_none()
                && !lex.is_function_word(&doc.lower[k])
                && doc.cue_at(k).is_none()
        })
        .find(|&k| {
            let word = strip_possessive(&doc.lower[k]);
            matches!(lex.speaker_noun(word), Some(NounKind::Person)) || lex.is_single_word_title(word)
        })
        .filter(|&k| !doc.is_name(k + 1))
}

/// The length in tokens of a capitalized title at token `i` that a capitalized word
/// follows ("Under Secretary Brian …").
fn capitalized_title_at(doc: &Doc, i: usize) -> Option<usize> {
    if !doc.is_name(i) {
        return None;
    }
    lexicon().titles_starting(&doc.lower[i]).iter().find_map(|t| {
        let n = t.words.len();
        let fits = n > 1
            && t.words.iter().enumerate().all(|(k, w)| {
                doc.is_word(i + k) && doc.lower[i + k].trim_end_matches('.') == w.trim_end_matches('.')
            })
            && doc.is_name(i + n);
        fits.then_some(n)
    })
}

/// The subject of a sentence: its first noun phrase after any opening phrase that ends in
/// a comma ("In a statement, the mission said ...").
pub fn sentence_subject(doc: &Doc, sentence: &Range<usize>, before: usize) -> Option<Range<usize>> {
    let mut start = sentence.start;
    // Past quotation marks and the conjunctions and adverbs that open a clause ("And then
    // Trump …"), a few at most.
    let limit = before.min(sentence.start + MAX_OPENER_TOKENS);
    while start < limit
        && (doc.tokens[start].quote_mark().is_some() || doc.has_role(start, WordRole::SentenceOpener))
    {
        start += 1;
    }
    // Past opening phrases that end in commas: "On July 6, 2015, Sanders …", "Talking to
    // reporters, Marsh …", "Asked about the vote, she …".
    for _ in 0..3 {
        // A participle opening the sentence ("Chastened by …, Trump …"), though an unlisted word
        // may look like a name there; a given name is one ("Ted"), and one before a name is an
        // adjective ("Retired Gen. Norman Ham").
        let phrase_follows = doc.is_punct(start + 1, ',') || !doc.is_name(start + 1);
        let unnamed = !doc.is_name(start)
            || (doc.capitalized_by_place_only(start)
                && phrase_follows
                && lexicon().given_name_gender(doc.word(start)).is_none());
        let participle = doc.is_word(start)
            && unnamed
            && (doc.lower[start].ends_with("ing") || doc.lower[start].ends_with("ed"));
        // "Wednesday, he …", "In Fort Pierce, Florida Friday, Clinton …": a time, or a place
        // with its date, is no subject.
        let dated = (start..before.min(start + MAX_DATED_PLACE_TOKENS))
            .find(|&k| !doc.is_word(k))
            .is_some_and(|k| k > start && doc.is_punct(k, ',') && lexicon().is_date_word(&doc.lower[k - 1]));
        let opener = doc.has_role(start, WordRole::Clause)
            || doc.has_role(start, WordRole::Adverb)
            || (doc.is_word(start) && lexicon().is_time_word(&doc.lower[start]))
            || dated
            || participle
            || !doc.is_word(start)
            || doc.lower[start].chars().all(|c| c.is_ascii_digit());
        if !opener {
            break;
        }
        let comma = (start..before.min(start + 12)).find(|&k| doc.is_punct(k, ','))?;
        start = comma + 1;
    }
    noun_phrase_after(doc, start, before)
}

/// How many words a place and its date may take before a comma ("Fort Pierce, Florida Friday,").
const MAX_DATED_PLACE_TOKENS: usize = 5;

/// How many quotation marks and conjunctions may open a sentence before its subject.
const MAX_OPENER_TOKENS: usize = 4;

/// Whether a lower-case word could head a description of a speaker: a listed speaker noun
/// or title, or a word with the ending of a noun for people ("tycoon" is missed, "recent"
/// and "warm" are rightly refused).
fn looks_like_speaker_noun(word: &str) -> bool {
    let lex = lexicon();
    !lex.is_function_word(word)
        && !lex.is_time_word(word)
        && (lex.speaker_noun(word).is_some()
            || lex.is_title_word(word)
            || lex.has_person_ending(word)
            || (has_plural_ending(word) && !word.ends_with("ly")))
}

fn of_group_before(doc: &Doc, w: usize, start: usize) -> bool {
    w == start + 2 && &doc.lower[start + 1] == "of"
}
