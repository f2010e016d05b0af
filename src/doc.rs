//! The analyzed document: tokens, sentences and quotations of one text, with the lookups that
//! the attribution finder and the party resolver share (noun phrases, cue phrases).
//!
//! Every walk here is bounded by a small constant number of tokens, so that the work done per
//! token stays constant and the engine stays linear however hostile the text.

use std::ops::Range;

use crate::lexicon::{lexicon, CueForm, Pronoun, WordRole, HAS_ROLE, STARTS_CUE};
use crate::quotes::{find_quotes, quote_membership, Quote};
use crate::text::{is_capitalized, sentences, tokenize, MarkRole, Token, TokenKind};

/// How far a noun phrase may reach, in tokens.
const MAX_NP_TOKENS: usize = 10;

pub struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    /// The lower-cased text of each word token; empty for other tokens.
    pub lower: LowerWords,
    pub sentences: Vec<Range<usize>>,
    pub sentence_of: Vec<u32>,
    pub quotes: Vec<Quote>,
    /// The quote each token stands in, marks included.
    pub in_quote: Vec<Option<u32>>,
    /// For each token, the lexicon's [`crate::lexicon::STARTS_CUE`] bits.
    starts: Vec<u8>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Doc<'a> {
        let tokens = tokenize(text);
        let lower = LowerWords::new(text, &tokens);
        let sentences = sentences(text, &tokens);
        let mut sentence_of = vec![0u32; tokens.len()];
        for (si, range) in sentences.iter().enumerate() {
            for slot in &mut sentence_of[range.clone()] {
                *slot = si as u32;
            }
        }
        let quotes = find_quotes(&tokens);
        let in_quote = quote_membership(tokens.len(), &quotes);
        let starts = (0..tokens.len()).map(|i| if tokens[i].is_word() { lexicon().starts(&lower[i]) } else { 0 }).collect();
        Doc { text, tokens, lower, sentences, sentence_of, quotes, in_quote, starts }
    }

    pub fn word(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.start()..t.end()]
    }

    /// The text from the start of token `a` to the end of token `b - 1`.
    pub fn slice(&self, range: Range<usize>) -> &'a str {
        if range.is_empty() {
            return "";
        }
        &self.text[self.tokens[range.start].start()..self.tokens[range.end - 1].end()]
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(Token::is_word)
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_punct(c))
    }

    pub fn is_capitalized(&self, i: usize) -> bool {
        self.is_word(i) && is_capitalized(self.word(i))
    }

    pub fn has_role(&self, i: usize, role: WordRole) -> bool {
        self.starts_with(i, HAS_ROLE) && lexicon().has_role(&self.lower[i], role)
    }

    /// Whether some lexicon entry of this kind starts at token `i`.
    pub fn starts_with(&self, i: usize, kind: u8) -> bool {
        self.starts.get(i).is_some_and(|s| s & kind != 0)
    }

    /// "He’s", "they’re", "I’ve": a pronoun with its auxiliary, a subject all the same.
    fn contracted_pronoun(&self, i: usize) -> bool {
        let word = &self.lower[i];
        let stem = ["'s", "’s", "'re", "’re", "'ve", "’ve", "'m", "’m", "'d", "’d", "'ll", "’ll"].iter().find_map(|end| word.strip_suffix(end));
        stem.is_some_and(|stem| lexicon().pronoun(stem).is_some_and(|p| p != Pronoun::Who))
    }

    pub fn pronoun(&self, i: usize) -> Option<Pronoun> {
        if self.starts_with(i, HAS_ROLE) {
            lexicon().pronoun(&self.lower[i])
        } else {
            None
        }
    }

    pub fn sentence(&self, i: usize) -> Range<usize> {
        self.sentences[self.sentence_of[i] as usize].clone()
    }

    /// The quote whose last mark is token `i`.
    pub fn quote_closed_at(&self, i: usize) -> Option<&Quote> {
        let q = &self.quotes[self.in_quote.get(i).copied().flatten()? as usize];
        (q.last == i).then_some(q)
    }

    /// The quote whose first mark is token `i`.
    pub fn quote_opened_at(&self, i: usize) -> Option<&Quote> {
        let q = &self.quotes[self.in_quote.get(i).copied().flatten()? as usize];
        (q.first == i).then_some(q)
    }

    /// The longest cue phrase starting at token `i`: its end (exclusive) and form.
    pub fn cue_at(&self, i: usize) -> Option<(usize, &'static CueForm)> {
        if !self.starts_with(i, STARTS_CUE) {
            return None;
        }
        lexicon().cues_starting(&self.lower[i]).iter().find_map(|form| {
            let end = i + form.words.len();
            let fits = end <= self.tokens.len()
                && form.words.iter().enumerate().all(|(k, w)| self.is_word(i + k) && self.lower[i + k] == *w);
            fits.then_some((end, form))
        })
    }

    /// Whether a sentence reads as a headline: one line, no closing full stop, mostly
    /// capitalized or short.
    pub fn is_headline(&self, sentence: &Range<usize>) -> bool {
        let last = sentence.end - 1;
        let alone = (sentence.start == 0 || self.tokens[sentence.start - 1].para != self.tokens[sentence.start].para)
            && (sentence.end == self.tokens.len() || self.tokens[sentence.end].para != self.tokens[last].para);
        let stops = matches!(self.tokens[last].kind, TokenKind::Punct('.' | '!' | '?'))
            || (self.tokens[last].quote_mark().is_some()
                && last > sentence.start
                && self.is_punct(last - 1, '.'));
        alone && !stops && sentence.len() <= 30
    }

    /// A noun phrase that ends at token `head` (inclusive), walking backwards no further than
    /// `floor`: a pronoun, a name, or a description headed by a speaker noun or opened by a
    /// determiner ("the Iranian spokesperson"). Returns the token range.
    pub fn noun_phrase_before(&self, head: usize, floor: usize) -> Option<Range<usize>> {
        if !self.is_word(head) || self.in_quote[head].is_some() {
            return None;
        }
        if self.pronoun(head).is_some() || self.contracted_pronoun(head) {
            return Some(head..head + 1);
        }
        let lex = lexicon();
        let head_word = strip_possessive(self.word(head));
        if lex.is_time_word(&self.lower[head]) || lex.is_function_word(crate::lexicon::lowered(head_word).as_ref()) {
            return None;
        }
        let named = self.is_capitalized(head) && !lex.is_function_word(&self.lower[head]);
        let noun = lex.speaker_noun(head_word).is_some();
        if !named && !noun {
            return self.described_before(head, floor);
        }
        let mut described = false;
        let mut start = head;
        let mut determined = false;
        while start > floor && head - start < MAX_NP_TOKENS {
            let k = start - 1;
            if self.in_quote[k].is_some() {
                break;
            }
            if self.has_role(k, WordRole::Determiner) {
                // "the" inside a name goes on: "Mission of Iran to the United Nations".
                let inside_name = &self.lower[k] == "the" && k > floor && self.has_role(k - 1, WordRole::Link) && self.is_capitalized(start);
                start = k;
                if inside_name {
                    continue;
                }
                determined = true;
                break;
            }
            let name_follows = self.is_capitalized(start) || (&self.lower[start] == "the" && self.is_capitalized(start + 1));
            let joins = self.has_role(k, WordRole::Link)
                && k > floor
                && (self.is_capitalized(k - 1) || self.is_possessive(k - 1))
                && name_follows;
            let abbreviation_stop = self.is_punct(k, '.') && k > floor && lex.is_abbreviation(self.word(k - 1));
            // A capitalized title of several words ending here: "Under Secretary".
            if named {
                if let Some(t) = (k.saturating_sub(3).max(floor)..=k).find(|&t| self.capitalized_title_at(t).is_some_and(|n| t + n == start)) {
                    start = t;
                    continue;
                }
            }
            let part_of_name = (self.is_capitalized(k) && !lex.is_function_word(&self.lower[k]))
                || self.is_possessive(k)
                || (self.is_word(k) && lex.speaker_noun(&self.lower[k]).is_some() && !named);
            // Lower-case titles and their modifiers before a name: "former presidential
            // candidate Herman Cain", "Republican strategist Ryan Williams".
            let title = self.is_word(k) && (lex.is_title_word(&self.lower[k]) || lex.speaker_noun(&self.lower[k]).is_some());
            let modifier = described && self.is_word(k) && !lex.is_function_word(&self.lower[k]) && lex.cues_starting(&self.lower[k]).is_empty() && head - k < 6;
            if joins || abbreviation_stop || part_of_name {
                start = k;
            } else if named && (title || modifier) {
                described = true;
                start = k;
            } else {
                break;
            }
        }
        if !determined && !named && !self.is_capitalized(start) {
            // A bare common noun ("critics said") is a speaker only in the plural or as a group.
            let kind = lex.speaker_noun(head_word);
            if !matches!(kind, Some(crate::lexicon::NounKind::Group)) {
                return self.described_before(head, floor);
            }
        }
        while start < head && (self.has_role(start, WordRole::Link) || self.is_punct(start, '.')) {
            start += 1;
        }
        Some(start..head + 1)
    }

    /// A lower-case description opened by a determiner within a few words: "the gambling
    /// tycoon", "a senior official".
    /// A plural or counted group at the start of its clause: "Corporate lobbyists describe",
    /// "22 percent said", "most of them said".
    fn described_before(&self, head: usize, floor: usize) -> Option<Range<usize>> {
        let lex = lexicon();
        let counted = self.lower[head].chars().all(|c| c.is_ascii_digit()) || &self.lower[head] == "percent";
        if !counted && !looks_like_speaker_noun(&self.lower[head]) {
            return None;
        }
        let mut k = head;
        while k > floor && head - k < 4 {
            // "That letter …" — a demonstrative is a determiner before a noun.
            if self.has_role(k - 1, WordRole::Determiner) || matches!(&self.lower[k - 1], "that" | "this") {
                return Some(k - 1..head + 1);
            }
            // "Gary Johnson's doctor": a possessive name determines the noun.
            if self.is_possessive(k - 1) {
                let owner = self.noun_phrase_before(k - 1, floor).map_or(k - 1, |np| np.start);
                return Some(owner..head + 1);
            }
            if !self.is_word(k - 1) || self.in_quote[k - 1].is_some() || lex.is_function_word(&self.lower[k - 1]) {
                break;
            }
            k -= 1;
        }
        let opens_clause = k == floor || matches!(self.tokens[k - 1].kind, TokenKind::Punct(',' | ';' | '—'));
        let plural = self.lower[head].ends_with('s') && !self.lower[head].ends_with("ss");
        // A cue word is a verb here ("critics say"), not the head of the subject.
        let not_a_cue = lex.cues_starting(&self.lower[head]).is_empty();
        (opens_clause && (plural || counted) && not_a_cue).then_some(k..head + 1)
    }

    fn is_possessive(&self, i: usize) -> bool {
        self.is_word(i) && {
            let w = self.word(i);
            (w.ends_with("'s") || w.ends_with("’s")) && is_capitalized(w)
        }
    }

    /// A noun phrase that starts at token `start`, walking forward no further than `ceil`
    /// (exclusive): a pronoun, or a name with its title ("US Treasury Under Secretary Brian
    /// Nelson"), or a determiner and what it determines ("a new poll").
    pub fn noun_phrase_after(&self, start: usize, ceil: usize) -> Option<Range<usize>> {
        if start >= ceil || !self.is_word(start) || self.in_quote[start].is_some() {
            return None;
        }
        if self.pronoun(start).is_some() {
            return Some(start..start + 1);
        }
        let lex = lexicon();
        let determined = self.has_role(start, WordRole::Determiner);
        if !determined && !self.is_capitalized(start) {
            // "said former Utah governor Michael Leavitt", "said pollster Frank Luntz".
            return self.described_name_after(start, ceil);
        }
        if !determined && lex.is_function_word(&self.lower[start]) {
            return None;
        }
        let mut end = start + 1;
        let mut last_content = start;
        let mut named = self.is_capitalized(start) && !determined;
        while end < ceil && end - start < MAX_NP_TOKENS && self.in_quote[end].is_none() {
            let w = end;
            // A capitalized title such as "Under Secretary" goes on to the name after it.
            if let Some(len) = self.capitalized_title_at(w) {
                end += len;
                continue;
            }
            let name_word = self.is_capitalized(w) && !lex.is_function_word(&self.lower[w]);
            named |= name_word;
            // Lower-case words only before any name: "the gambling tycoon", not "the United
            // States imposed".
            // "a study published on Wednesday": a participle after the head ends the phrase.
            let participle = w > start + 1 && (self.lower[w].ends_with("ed") || self.lower[w].ends_with("ing"));
            let common = determined
                && !named
                && !participle
                && self.is_word(w)
                && !lex.is_function_word(&self.lower[w])
                && lexicon().cues_starting(&self.lower[w]).is_empty()
                && w - start <= 3;
            let title = self.is_word(w) && lex.is_title_word(&self.lower[w]) && self.is_capitalized(w + 1);
            let link = self.has_role(w, WordRole::Link)
                && (self.is_capitalized(w + 1) || (self.is_word(w + 1) && &self.lower[w + 1] == "the" && self.is_capitalized(w + 2)));
            let the_after_link = self.has_role(w, WordRole::Determiner) && w > start && self.has_role(w - 1, WordRole::Link);
            // "one of those advisers", "most of them"
            let of_group = determined && w == start + 1 && &self.lower[w] == "of";
            let abbreviation_stop = self.is_punct(w, '.') && lex.is_abbreviation(self.word(w - 1));
            if name_word || common {
                last_content = w;
            } else if self.pronoun(w).is_some() && of_group_before(self, w, start) {
                last_content = w;
                break;
            } else if !(title || link || of_group || the_after_link || abbreviation_stop) {
                break;
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
    fn described_name_after(&self, start: usize, ceil: usize) -> Option<Range<usize>> {
        let lex = lexicon();
        let mut k = start;
        while k < ceil && k - start < 4 && self.is_word(k) && !self.is_capitalized(k) {
            let w = &self.lower[k];
            if lex.is_function_word(w) || self.cue_at(k).is_some() || lex.is_time_word(w) {
                return None;
            }
            k += 1;
        }
        if k == start || !self.is_capitalized(k) {
            return None;
        }
        let name = self.noun_phrase_after(k, ceil)?;
        Some(start..name.end)
    }

    /// The length in tokens of a capitalized title at token `i` that a capitalized word
    /// follows ("Under Secretary Brian …").
    fn capitalized_title_at(&self, i: usize) -> Option<usize> {
        if !self.is_capitalized(i) {
            return None;
        }
        lexicon().titles_starting(&self.lower[i]).iter().find_map(|t| {
            let n = t.words.len();
            let fits = n > 1
                && t.words.iter().enumerate().all(|(k, w)| self.is_word(i + k) && self.lower[i + k].trim_end_matches('.') == w.trim_end_matches('.'))
                && self.is_capitalized(i + n);
            fits.then_some(n)
        })
    }

    /// The subject of a sentence: its first noun phrase after any opening phrase that ends in
    /// a comma ("In a statement, the mission said ...").
    pub fn sentence_subject(&self, sentence: &Range<usize>, before: usize) -> Option<Range<usize>> {
        let mut start = sentence.start;
        // Past quotation marks and the conjunctions and adverbs that open a clause ("And then
        // Trump …").
        while start < before
            && (self.tokens[start].quote_mark().is_some()
                || (self.is_word(start) && matches!(&self.lower[start], "and" | "but" | "so" | "then" | "yet" | "still" | "also" | "now" | "or")))
        {
            start += 1;
        }
        // Past opening phrases that end in commas: "On July 6, 2015, Sanders …".
        for _ in 0..3 {
            let opener = self.has_role(start, WordRole::Clause)
                || self.has_role(start, WordRole::Adverb)
                || !self.is_word(start)
                || self.lower[start].chars().all(|c| c.is_ascii_digit());
            if !opener {
                break;
            }
            let comma = (start..before.min(start + 12)).find(|&k| self.is_punct(k, ','))?;
            start = comma + 1;
        }
        self.noun_phrase_after(start, before)
    }

    /// Whether token `i` is the last mark of a double or single quotation.
    pub fn closes_quote(&self, i: usize) -> bool {
        self.quote_closed_at(i).is_some()
    }

    /// Whether token `i` opens a quotation.
    pub fn opens_quote(&self, i: usize) -> bool {
        self.quote_opened_at(i).is_some()
            && self.tokens[i].quote_mark().is_some_and(|m| m.role != MarkRole::Close)
    }
}

/// Whether a lower-case word could head a description of a speaker: a listed speaker noun
/// or title, or a word with the ending of a noun for people ("tycoon" is missed, "recent"
/// and "warm" are rightly refused).
fn looks_like_speaker_noun(word: &str) -> bool {
    const PERSON_ENDINGS: [&str; 14] = ["er", "or", "ist", "ian", "man", "men", "ant", "eer", "ess", "ive", "ee", "ers", "ors", "ists"];
    let lex = lexicon();
    !lex.is_function_word(word)
        && !lex.is_time_word(word)
        && (lex.speaker_noun(word).is_some()
            || lex.is_title_word(word)
            || PERSON_ENDINGS.iter().any(|e| word.ends_with(e))
            || (word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("ly")))
}

fn of_group_before(doc: &Doc, w: usize, start: usize) -> bool {
    w == start + 2 && &doc.lower[start + 1] == "of"
}

/// The lower-cased words of a text, in one buffer: one allocation for the whole text rather
/// than one per word. Indexing with a token's index gives its lower-cased text.
pub struct LowerWords {
    text: String,
    spans: Vec<(u32, u32)>,
}

impl LowerWords {
    fn new(text: &str, tokens: &[Token]) -> LowerWords {
        let mut lower = String::with_capacity(text.len());
        let mut spans = Vec::with_capacity(tokens.len());
        for t in tokens {
            let start = lower.len();
            if t.is_word() {
                let word = &text[t.start()..t.end()];
                if word.is_ascii() {
                    lower.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
                } else {
                    lower.push_str(&word.to_lowercase());
                }
            }
            spans.push((start as u32, lower.len() as u32));
        }
        LowerWords { text: lower, spans }
    }
}

impl std::ops::Index<usize> for LowerWords {
    type Output = str;

    fn index(&self, i: usize) -> &str {
        let (a, b) = self.spans[i];
        &self.text[a as usize..b as usize]
    }
}

/// A name without its possessive ending: "Iran’s" -> "Iran".
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
}
