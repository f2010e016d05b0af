//! The analyzed document: tokens, sentences and quotations of one text, with the lookups that
//! the attribution finder and the party resolver share (noun phrases, cue phrases).
//!
//! Every walk here is bounded by a small constant number of tokens, so that the work done per
//! token stays constant and the engine stays linear however hostile the text.

use std::ops::Range;

use crate::block::Role;
use crate::lexicon::{lexicon, CueForm, HashSet, Pronoun, WordRole, HAS_ROLE, STARTS_CUE};
use crate::quotes::{find_quotes, quote_membership, InQuote, Quote};
use crate::span::ByteSpan;
use crate::steps::{step, Counted};
use crate::text::{is_capitalized, sentences, tokenize, MarkRole, Token, TokenKind};

/// The most tokens a headline may have.
const MAX_HEADLINE_TOKENS: usize = 30;

pub struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Counted<Token>,
    /// The lower-cased text of each word token; empty for other tokens.
    pub lower: LowerWords,
    pub sentences: Vec<Range<usize>>,
    pub sentence_of: Counted<u32>,
    pub quotes: Vec<Quote>,
    /// The quote each token stands in, marks included.
    pub in_quote: Counted<InQuote>,
    /// For each token, the lexicon's [`crate::lexicon::STARTS_CUE`] bits.
    starts: Vec<u8>,
    /// For each paragraph, the index of the token after its last.
    paragraph_ends: Vec<u32>,
    /// For each paragraph, the role of the block it stands in.
    paragraph_roles: Vec<Role>,
    /// Lower-cased words the text writes capitalized where a capital means a name: inside a
    /// sentence of running text.
    named: HashSet<String>,
    /// For each sentence, the index of its first word token.
    first_words: Vec<u32>,
    /// For each token, whether it is a name word ([`Doc::is_name`]).
    names: Vec<bool>,
}

impl<'a> Doc<'a> {
    /// The document of a plain text, whose roles are unknown.
    pub fn new(text: &'a str) -> Doc<'a> {
        Doc::with_roles(text, |_| Role::Text)
    }

    /// The document of a text whose byte offsets `role_at` gives roles to.
    pub fn with_roles(text: &'a str, role_at: impl Fn(usize) -> Role) -> Doc<'a> {
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
        let starts = (0..tokens.len())
            .map(|i| if tokens[i].is_word() { lexicon().starts(&lower[i]) } else { 0 })
            .collect();
        let paragraphs = tokens.last().map_or(0, |t| t.para as usize + 1);
        let mut paragraph_ends = vec![0u32; paragraphs];
        let mut paragraph_roles = vec![Role::Text; paragraphs];
        for (i, t) in tokens.iter().enumerate() {
            if i == 0 || tokens[i - 1].para != t.para {
                paragraph_roles[t.para as usize] = role_at(t.start());
            }
            paragraph_ends[t.para as usize] = i as u32 + 1;
        }
        let mut doc = Doc {
            text,
            tokens: Counted(tokens),
            lower,
            sentences,
            sentence_of: Counted(sentence_of),
            quotes,
            in_quote: Counted(in_quote),
            starts,
            paragraph_ends,
            paragraph_roles,
            named: HashSet::default(),
            first_words: Vec::new(),
            names: Vec::new(),
        };
        doc.first_words = doc
            .sentences
            .iter()
            .map(|s| s.clone().find(|&k| doc.is_word(k)).unwrap_or(s.end) as u32)
            .collect();
        doc.named = doc.words_capitalized_as_names();
        doc.names = (0..doc.tokens.len()).map(|i| doc.name_at(i)).collect();
        doc
    }

    /// The lower-cased words written capitalized inside a sentence of running text. One pass.
    fn words_capitalized_as_names(&self) -> HashSet<String> {
        let mut named = HashSet::default();
        for sentence in
            self.sentences.iter().filter(|s| self.role(s.start).is_running_text() && !self.is_headline(s))
        {
            for i in sentence.clone() {
                if is_capitalized_at(self, i) && !self.capital_tells_nothing(i) {
                    named.insert(self.lower[i].to_string());
                }
            }
        }
        named
    }

    /// Whether word `i` is capitalized only by its place, and nowhere else in the text ("Enraged,
    /// definitely.", "Chastened by the analyses, …"), whatever the word lists say of it.
    pub fn capitalized_by_place_only(&self, i: usize) -> bool {
        self.capital_tells_nothing(i) && !self.named.contains(strip_possessive(&self.lower[i]))
    }

    /// Whether a capital at word `i` is required by its place, whatever the word: the first
    /// word of a sentence or of a clause after a colon, dash or opening quotation mark.
    fn capital_tells_nothing(&self, i: usize) -> bool {
        let sentence = self.sentence(i);
        let first_word = self.first_words[self.sentence_of[i] as usize] as usize == i;
        let after_opener = i > sentence.start
            && (matches!(self.tokens[i - 1].kind, TokenKind::Punct(':' | '—' | '–' | '(' | '•'))
                || self.tokens[i - 1].quote_mark().is_some_and(|m| m.role != MarkRole::Close));
        first_word || after_opener
    }

    /// Whether word `i` is capitalized as a name is: not a common word capitalized only because
    /// it opens a sentence or stands in a title-case headline ("However", "Children", "Talking"),
    /// unless the text writes it capitalized elsewhere ("Trump", "Price").
    pub fn is_name(&self, i: usize) -> bool {
        self.names.get(i).copied().unwrap_or(false)
    }

    /// [`Doc::is_name`], worked out once per token when the document is built.
    fn name_at(&self, i: usize) -> bool {
        if !is_capitalized_at(self, i) {
            return false;
        }
        let first = self.capital_tells_nothing(i);
        // "Coach Rafael Duarte", "Health Minister Anders Molin": a common noun that opens the
        // sentence belongs to the name after it ("Neither Clinton" is no name).
        let grammatical = self.starts_with(i, HAS_ROLE);
        self.is_name_alone(i, first) || (first && !grammatical && self.is_name_alone(i + 1, false))
    }

    /// Whether word `i` continues the name before it, whatever word it is: a surname that is
    /// also a month or a modal ("Theresa May"), an initial that is also an article ("Julie A.
    /// Diaz").
    pub fn continues_name(&self, i: usize) -> bool {
        // A day or month after a place is a date ("Florida Friday"), after a given name a
        // surname ("Theresa May"); another time word after a name belongs to it ("The New York
        // Times").
        let time = lexicon().is_date_word(&self.lower[i.min(self.tokens.len().saturating_sub(1))]);
        let given = i > 0 && self.is_word(i - 1) && lexicon().given_name_gender(self.word(i - 1)).is_some();
        i > 0
            && (!time || given)
            && is_capitalized_at(self, i)
            && is_capitalized_at(self, i - 1)
            && !self.capital_tells_nothing(i)
            && !self.is_headline(&self.sentence(i))
            && !self
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.is_word() && self.word(i + 1).starts_with(|c: char| c.is_ascii_digit()))
    }

    /// [`Doc::is_name`] for word `i`, not looking at the words after it; `first` says whether
    /// it opens its sentence or clause.
    fn is_name_alone(&self, i: usize, first: bool) -> bool {
        if !is_capitalized_at(self, i) {
            return false;
        }
        let word = strip_possessive(&self.lower[i]);
        let placed = first || self.is_headline(&self.sentence(i));
        let ordinary = lexicon().is_common_word(word) || lexicon().speaker_noun(word).is_some();
        !(placed && ordinary && !self.named.contains(word))
    }

    /// The role of the block that token `i` stands in.
    pub fn role(&self, i: usize) -> Role {
        self.paragraph_roles[self.tokens[i].para as usize]
    }

    /// Whether a sentence is a dateline ("LONDON —"), which the sentence splitter sets apart.
    pub fn is_dateline(&self, sentence: &Range<usize>) -> bool {
        self.opens_paragraph(sentence.start)
            && crate::text::dateline_end(self.text, &self.tokens, sentence.start) == Some(sentence.end)
    }

    /// Whether a sentence is running text of the article, whose subjects a reader carries on:
    /// not a headline, caption, byline or dateline.
    pub fn is_running_text(&self, sentence: &Range<usize>) -> bool {
        self.role(sentence.start).is_running_text()
            && !self.is_dateline(sentence)
            && !self.is_headline(sentence)
    }

    /// Whether token `i` opens its paragraph's text: it is the first of the paragraph, or comes
    /// right after a dateline or kicker in capitals ("LONDON —", "EXCLUSIVE –").
    pub fn opens_paragraph_text(&self, i: usize) -> bool {
        let para = self.tokens[i].para as usize;
        let first = if para == 0 { 0 } else { self.paragraph_ends[para - 1] as usize };
        i == first || crate::text::dateline_end(self.text, &self.tokens, first) == Some(i)
    }

    /// Whether token `i` is the first of its paragraph.
    pub fn opens_paragraph(&self, i: usize) -> bool {
        i == 0 || self.tokens[i - 1].para != self.tokens[i].para
    }

    /// The index of the first token of token `i`'s paragraph.
    pub fn paragraph_start(&self, i: usize) -> usize {
        let para = self.tokens[i].para as usize;
        if para == 0 {
            0
        } else {
            self.paragraph_ends[para - 1] as usize
        }
    }

    /// The index of the token after the last of token `i`'s paragraph.
    pub fn paragraph_end(&self, i: usize) -> usize {
        self.paragraph_ends[self.tokens[i].para as usize] as usize
    }

    pub fn word(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.start()..t.end()]
    }

    /// The bytes from the start of token `first` to the end of token `last` (inclusive).
    pub fn byte_span(&self, first: usize, last: usize) -> ByteSpan {
        ByteSpan::new(self.tokens[first].start(), self.tokens[last].end())
    }

    /// The bytes of a non-empty token range.
    pub fn range_span(&self, range: &Range<usize>) -> ByteSpan {
        self.byte_span(range.start, range.end - 1)
    }

    /// The text from the start of token `a` to the end of token `b - 1`.
    pub fn slice(&self, range: Range<usize>) -> &'a str {
        if range.is_empty() {
            return "";
        }
        &self.text[self.tokens[range.start].start()..self.tokens[range.end - 1].end()]
    }

    pub fn is_word(&self, i: usize) -> bool {
        step();
        self.tokens.get(i).is_some_and(Token::is_word)
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        step();
        self.tokens.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// Whether token `k` is the period of an abbreviation ("Gen.") or of an initial in a name
    /// ("William G. Gale").
    pub fn is_abbreviation_stop(&self, k: usize) -> bool {
        k > 0
            && self.is_punct(k, '.')
            && self.is_word(k - 1)
            && self.tokens[k - 1].end() == self.tokens[k].start()
            && {
                let word = self.word(k - 1);
                lexicon().is_abbreviation(word) || (word.chars().count() == 1 && is_capitalized(word))
            }
    }

    /// Whether word `i` starts with a capital letter (as written; see [`Doc::is_name`]).
    pub fn is_capitalized(&self, i: usize) -> bool {
        is_capitalized_at(self, i)
    }

    /// Whether word `i` is an article, which a name may hold after a link ("Mission … to the
    /// United Nations", "Committee for a Responsible Budget").
    pub fn is_article(&self, i: usize) -> bool {
        self.is_word(i) && matches!(&self.lower[i][..], "the" | "a")
    }

    /// Whether word `i` may join the words of a name: a link ("of", "for"), or "on" after an
    /// organization's word ("Council on Foreign Relations").
    pub fn links_name(&self, i: usize) -> bool {
        self.has_role(i, WordRole::Link)
            || (i > 0
                && self.has_role(i, WordRole::OrganizationLink)
                && lexicon().is_organization_word(self.word(i - 1)))
    }

    pub fn has_role(&self, i: usize, role: WordRole) -> bool {
        self.starts_with(i, HAS_ROLE) && lexicon().has_role(&self.lower[i], role)
    }

    /// Whether some lexicon entry of this kind starts at token `i`.
    pub fn starts_with(&self, i: usize, kind: u8) -> bool {
        step();
        self.starts.get(i).is_some_and(|s| s & kind != 0)
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
        let q = &self.quotes[self.in_quote.get(i)?.get()? as usize];
        (q.last == i).then_some(q)
    }

    /// The quote whose first mark is token `i`.
    pub fn quote_opened_at(&self, i: usize) -> Option<&Quote> {
        let q = &self.quotes[self.in_quote.get(i)?.get()? as usize];
        (q.first == i).then_some(q)
    }

    /// The longest cue phrase starting at token `i`: its end (exclusive) and form.
    pub fn cue_at(&self, i: usize) -> Option<(usize, &'static CueForm)> {
        if !self.starts_with(i, STARTS_CUE) {
            return None;
        }
        lexicon().cues_starting(&self.lower[i]).iter().find_map(|form| {
            let end = i + form.words.len();
            // Within one paragraph: blocks of a page are paragraphs.
            let fits = end <= self.tokens.len()
                && form.words.iter().enumerate().all(|(k, w)| {
                    self.is_word(i + k)
                        && self.tokens[i + k].para == self.tokens[i].para
                        && self.lower[i + k] == *w
                });
            fits.then_some((end, form))
        })
    }

    /// Whether a sentence is a headline: in a block whose role says so, or, in plain text, one
    /// line with no closing full stop, short.
    pub fn is_headline(&self, sentence: &Range<usize>) -> bool {
        match self.role(sentence.start) {
            Role::Headline => return true,
            Role::Text => {}
            _ => return false,
        }
        let last = sentence.end - 1;
        let alone = (sentence.start == 0
            || self.tokens[sentence.start - 1].para != self.tokens[sentence.start].para)
            && (sentence.end == self.tokens.len()
                || self.tokens[sentence.end].para != self.tokens[last].para);
        let stops = matches!(self.tokens[last].kind, TokenKind::Punct('.' | '!' | '?'))
            || (self.tokens[last].quote_mark().is_some()
                && last > sentence.start
                && self.is_punct(last - 1, '.'));
        sentence.len() <= MAX_HEADLINE_TOKENS && alone && (!stops || self.is_title_case(sentence))
    }

    /// Whether most words of a short sentence of three or more words are capitalized, as in a
    /// headline ("Black Lawmakers Rip Donald Trump As A Fraud.").
    fn is_title_case(&self, sentence: &Range<usize>) -> bool {
        let words = sentence.clone().filter(|&k| self.is_word(k) && self.in_quote[k].is_none());
        let (total, capitalized) =
            words.fold((0, 0), |(t, c), k| (t + 1, c + usize::from(is_capitalized_at(self, k))));
        total >= 3 && capitalized * 4 >= total * 3
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

/// The lower-cased words of a text, in one buffer: one allocation for the whole text rather
/// than one per word. Indexing with a token's index gives its lower-cased text.
pub struct LowerWords {
    text: String,
    /// Where each token's lower-cased text ends; it starts where the token before's ends.
    ends: Vec<u32>,
}

impl LowerWords {
    fn new(text: &str, tokens: &[Token]) -> LowerWords {
        let mut lower = String::with_capacity(text.len());
        let mut ends = Vec::with_capacity(tokens.len());
        for t in tokens {
            if t.is_word() {
                let word = &text[t.start()..t.end()];
                if word.is_ascii() {
                    lower.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
                } else {
                    lower.push_str(&word.to_lowercase());
                }
            }
            ends.push(lower.len() as u32);
        }
        lower.shrink_to_fit();
        LowerWords { text: lower, ends }
    }
}

impl std::ops::Index<usize> for LowerWords {
    type Output = str;

    fn index(&self, i: usize) -> &str {
        step();
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start as usize..self.ends[i] as usize]
    }
}

fn is_capitalized_at(doc: &Doc, i: usize) -> bool {
    doc.is_word(i) && is_capitalized(doc.word(i))
}

/// A name without its possessive ending: "Iran’s" -> "Iran".
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
}
