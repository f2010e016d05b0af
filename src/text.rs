//! Tokens, paragraphs and sentences.
//!
//! The engine never looks at characters again after this module: it works on a flat list of
//! tokens (words, punctuation, quotation marks) that carry byte offsets into the text and the
//! paragraph they stand in. One pass over the characters builds the tokens; one pass over the
//! tokens finds the sentences. Both are linear and neither can fail: any byte sequence that is
//! valid UTF-8 gives some tokens.
//!
//! Design choices:
//! - Apostrophes and hyphens between letters belong to the word (`Iran’s`, `short-sighted`), so
//!   that they are never taken for quotation marks.
//! - A quotation mark gets a role from its shape (`“` opens, `”` closes) corrected by what
//!   flanks it, because scraped text mixes straight and curly marks and sometimes uses them
//!   the wrong way round. Straight marks that flank nothing useful stay `Either`.
//! - Any line break ends a paragraph: headlines and standfirsts are usually one line each.

use crate::lexicon::lexicon;

/// A piece of text with its place, in bytes of the analyzed text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    pub kind: TokenKind,
    pub para: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Punct(char),
    Quote(QuoteMark),
}

/// A quotation mark, double (`"`, `“`, `«`) or single (`'`, `‘`, `‹`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteMark {
    pub double: bool,
    pub role: MarkRole,
    /// `„` and `‚` open a quote that `“`/`‘` close, as in German typography.
    pub low: bool,
    /// A straight mark (`"`, `'`, `''`), which scraped text leaves stray more often than a
    /// curly one.
    pub straight: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkRole {
    Open,
    Close,
    Either,
}

impl Token {
    fn new(start: usize, end: usize, kind: TokenKind, para: u32) -> Token {
        Token { start: start as u32, end: end as u32, kind, para }
    }

    /// The byte where the token starts. Offsets are kept in 32 bits to keep tokens small, so
    /// the tokenizer reads at most [`MAX_TEXT`] bytes of a text.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.end as usize
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }

    pub fn quote_mark(&self) -> Option<QuoteMark> {
        match self.kind {
            TokenKind::Quote(mark) => Some(mark),
            _ => None,
        }
    }
}

fn quote_shape(c: char) -> Option<(bool, MarkRole, bool)> {
    Some(match c {
        '"' => (true, MarkRole::Either, false),
        '“' | '‟' | '«' => (true, MarkRole::Open, false),
        '„' => (true, MarkRole::Open, true),
        '”' | '»' => (true, MarkRole::Close, false),
        '\'' => (false, MarkRole::Either, false),
        '‘' | '‛' | '‹' => (false, MarkRole::Open, false),
        '‚' => (false, MarkRole::Open, true),
        '’' | '›' => (false, MarkRole::Close, false),
        _ => return None,
    })
}

fn is_opening_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':'),
    }
}

fn is_closing_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '—' | '–' | '…')
        }
    }
}

/// The role a quotation mark plays, from its shape and the characters on each side.
fn mark_role(shape: MarkRole, before: Option<char>, after: Option<char>) -> MarkRole {
    let opens = is_opening_context(before) && !is_closing_context(after);
    let closes = !is_opening_context(before) && is_closing_context(after);
    match (shape, opens, closes) {
        (_, true, false) => MarkRole::Open,
        (_, false, true) => MarkRole::Close,
        (shape, _, _) => shape,
    }
}

/// Characters that may join two parts of one word when letters stand on both sides.
fn is_word_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‑' | '.' | '&')
}

/// The most bytes of one text that the engine reads: 4 GiB, far past any page.
pub const MAX_TEXT: usize = u32::MAX as usize - 4;

/// Splits text into tokens. Linear in the text, and it keeps no copy of it.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut limit = text.len().min(MAX_TEXT);
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let text = &text[..limit];
    // News text runs at about one token per four or five bytes.
    let mut tokens = Vec::with_capacity(text.len() / 4 + 16);
    let mut para = 0u32;
    let mut seen_newline = false;
    // Whether a single quotation mark opened in this paragraph and has not closed: without
    // one, "teachers' union" has a possessive apostrophe, not a closing mark.
    let mut single_open = false;
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        let start = i;
        if c.is_whitespace() {
            seen_newline |= c == '\n' || c == '\r' || c == '\u{2029}';
            i += c.len_utf8();
            continue;
        }
        if seen_newline && !tokens.is_empty() {
            para += 1;
            single_open = false;
        }
        seen_newline = false;
        if c.is_alphanumeric() {
            let end = word_end(text, i + c.len_utf8(), single_open);
            tokens.push(Token::new(start, end, TokenKind::Word, para));
            i = end;
            continue;
        }
        // Two straight apostrophes or two backticks stand for one double mark ('' and ``),
        // as some newspapers' systems write them.
        let doubled = matches!(c, '\'' | '`') && char_at(text, i + 1) == Some(c);
        let end = if doubled { i + 2 } else { i + c.len_utf8() };
        let shape = match (doubled, c) {
            (true, '`') => Some((true, MarkRole::Open, false)),
            (true, _) => Some((true, MarkRole::Either, false)),
            (false, c) => quote_shape(c),
        };
        let kind = match shape {
            Some((double, shape, low)) => {
                let role = mark_role(shape, text[..i].chars().next_back(), char_at(text, end));
                if !double {
                    single_open = role != MarkRole::Close && !single_open;
                }
                TokenKind::Quote(QuoteMark { double, role, low, straight: matches!(c, '"' | '\'') })
            }
            None => TokenKind::Punct(c),
        };
        tokens.push(Token::new(start, end, kind, para));
        i = end;
    }
    tokens.shrink_to_fit();
    tokens
}

/// The character at byte `i`, if `i` is inside the text.
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// Where the word that continues at byte `i` ends: letters and digits, joiners between them
/// ("Iran’s", "short-sighted", "3.5"), combining marks, the last period of an initialism
/// ("U.S."), and a plural's possessive apostrophe when no single quote is open.
fn word_end(text: &str, mut i: usize, single_open: bool) -> usize {
    let start = text[..i].char_indices().next_back().map_or(0, |(b, _)| b);
    while let Some(d) = char_at(text, i) {
        let joins = is_word_joiner(d) && char_at(text, i + d.len_utf8()).is_some_and(char::is_alphanumeric);
        if d.is_alphanumeric() || joins || is_mark(d) {
            i += d.len_utf8();
        } else {
            break;
        }
    }
    if char_at(text, i) == Some('.') && is_initialism(&text[start..i]) {
        i += 1;
    }
    if let Some(apostrophe @ ('\'' | '’')) = char_at(text, i) {
        let after = i + apostrophe.len_utf8();
        let plural = text[..i].ends_with('s');
        if !single_open && plural && char_at(text, after).is_none_or(char::is_whitespace) {
            i = after;
        }
    }
    i
}

/// Combining marks stay inside the word they decorate.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_initialism(word: &str) -> bool {
    word.chars().count() >= 3
        && word.chars().enumerate().all(|(k, c)| if k % 2 == 0 { c.is_alphabetic() } else { c == '.' })
}

/// Whether the text of a word starts with an upper-case letter.
/// Whether a word ends as an English plural does ("officials", not "press").
pub fn has_plural_ending(word: &str) -> bool {
    word.ends_with('s') && !word.ends_with("ss")
}

pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The sentences, as ranges of token indices. A sentence never crosses a paragraph.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        // "LONDON — After …": a dateline is a sentence of its own, so that no content and no
        // subject includes it.
        if i == start && (i == 0 || tokens[i - 1].para != tokens[i].para) {
            if let Some(end) = dateline_end(text, tokens, i) {
                out.push(start..end);
                start = end;
                i = end;
                continue;
            }
        }
        let mut end = i + 1;
        let boundary = if tokens.get(end).is_some_and(|t| t.para != tokens[i].para) || end == tokens.len() {
            true
        } else if ends_sentence(text, tokens, i) {
            // Closing quotation marks and brackets after the stop belong to this sentence.
            while tokens.get(end).is_some_and(|t| closes_after_stop(t) && t.para == tokens[i].para) {
                end += 1;
            }
            // Only a sentence that is a quote so far: `"Why?" Trump asked.`
            let quoted = end > i + 1
                && tokens[end - 1].quote_mark().is_some()
                && tokens[start].quote_mark().is_some_and(|m| m.role != MarkRole::Close);
            tokens.get(end).is_some_and(|next| {
                next.para != tokens[i].para
                    || (opens_sentence(text, next) && !(quoted && attribution_follows(text, tokens, end)))
            })
        } else {
            false
        };
        if boundary {
            out.push(start..end);
            start = end;
        }
        i = end;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// The most tokens a dateline may have before its dash ("SAN FRANCISCO, Calif. (Reuters) —").
const MAX_DATELINE_TOKENS: usize = 10;

/// Where a dateline that opens the paragraph at token `start` ends (after its dash): a place in
/// capitals, perhaps a region, an agency in parentheses or a date, then a dash and the story.
pub fn dateline_end(text: &str, tokens: &[Token], start: usize) -> Option<usize> {
    let word = |t: &Token| &text[t.start()..t.end()];
    let shouting = |t: &Token| {
        t.is_word()
            && word(t).chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !word(t).chars().any(char::is_lowercase)
    };
    if !shouting(tokens.get(start)?) {
        return None;
    }
    let para = tokens[start].para;
    let mut k = start + 1;
    while k < tokens.len().min(start + MAX_DATELINE_TOKENS) && tokens[k].para == para {
        let t = &tokens[k];
        match t.kind {
            TokenKind::Punct('—' | '–' | '―' | '-') => {
                let goes_on = tokens.get(k + 1).is_some_and(|n| n.para == para);
                return goes_on.then_some(k + 1);
            }
            TokenKind::Punct(',' | '.' | '(' | ')' | '/') => {}
            TokenKind::Word if is_capitalized(word(t)) || word(t).chars().all(|c| c.is_ascii_digit()) => {}
            _ => return None,
        }
        k += 1;
    }
    None
}

/// How far after a quote that ends in a stop its attribution may come, in tokens.
const MAX_ATTRIBUTION_TAIL: usize = 15;

/// Whether a cue follows within the same clause: `"Why?" Trump asked.` is one sentence.
fn attribution_follows(text: &str, tokens: &[Token], from: usize) -> bool {
    let lex = lexicon();
    for (k, t) in tokens.iter().enumerate().skip(from).take(MAX_ATTRIBUTION_TAIL) {
        let stop = match t.kind {
            TokenKind::Punct('.') => {
                !(k > 0
                    && tokens[k - 1].is_word()
                    && lex.is_abbreviation(&text[tokens[k - 1].start()..tokens[k - 1].end()]))
            }
            TokenKind::Punct('!' | '?') | TokenKind::Quote(_) => true,
            _ => false,
        };
        if stop || t.para != tokens[from].para {
            return false;
        }
        // A cue after a determiner is a noun: "made the remark".
        let after_determiner = k > from
            && tokens[k - 1].is_word()
            && lex.has_role(
                &text[tokens[k - 1].start()..tokens[k - 1].end()].to_lowercase(),
                crate::lexicon::WordRole::Determiner,
            );
        if t.is_word()
            && !after_determiner
            && !lex.cues_starting(&text[t.start()..t.end()].to_lowercase()).is_empty()
        {
            return true;
        }
    }
    false
}

fn closes_after_stop(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Punct(')') | TokenKind::Punct(']'))
        || t.quote_mark().is_some_and(|m| m.role != MarkRole::Open)
}

fn opens_sentence(text: &str, t: &Token) -> bool {
    match t.kind {
        TokenKind::Word => {
            let first = text[t.start()..].chars().next().unwrap_or(' ');
            first.is_uppercase() || first.is_numeric()
        }
        TokenKind::Quote(mark) => mark.role != MarkRole::Close,
        TokenKind::Punct(c) => matches!(c, '(' | '[' | '—' | '–'),
    }
}

/// Whether token `i` is a full stop, question or exclamation mark that ends a sentence,
/// rather than the period of an abbreviation or an initial.
fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    match tokens[i].kind {
        TokenKind::Punct('!' | '?' | '…') => true,
        TokenKind::Punct('.') => match i.checked_sub(1).map(|k| &tokens[k]) {
            Some(prev) if prev.is_word() && prev.end() == tokens[i].start() => {
                let word = &text[prev.start()..prev.end()];
                let initial = word.chars().count() == 1 && is_capitalized(word);
                !(initial || lexicon().is_abbreviation(word))
            }
            _ => true,
        },
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.start()..t.end()]).collect()
    }

    fn sentence_texts(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        sentences(text, &tokens)
            .into_iter()
            .map(|r| text[tokens[r.start].start()..tokens[r.end - 1].end()].to_string())
            .collect()
    }

    #[test]
    fn apostrophes_and_hyphens_stay_inside_words() {
        assert_eq!(words("Iran’s short-sighted don't"), ["Iran’s", "short-sighted", "don't"]);
        assert_eq!(words("the U.S. said"), ["the", "U.S.", "said"]);
        assert_eq!(words("''Yes,'' he said"), ["''", "Yes", ",", "''", "he", "said"]);
        assert_eq!(
            words("The teachers' union and 'these' words'"),
            ["The", "teachers'", "union", "and", "'", "these", "'", "words'"]
        );
    }

    #[test]
    fn quotation_marks_get_roles_from_their_context() {
        let roles: Vec<MarkRole> = tokenize("He said \"no\" and 'yes' then “x”")
            .iter()
            .filter_map(|t| t.quote_mark().map(|m| m.role))
            .collect();
        use MarkRole::*;
        assert_eq!(roles, [Open, Close, Open, Close, Open, Close]);
    }

    #[test]
    fn sentences_survive_abbreviations_and_titles() {
        let s = sentence_texts("Gen. Smith met Mr. Jones in the U.S. on Jan. 5. He left. “Yes.” She nodded.");
        assert_eq!(
            s,
            ["Gen. Smith met Mr. Jones in the U.S. on Jan. 5.", "He left.", "“Yes.”", "She nodded."]
        );
    }

    #[test]
    fn a_quote_ending_in_a_question_does_not_end_the_sentence_before_its_cue() {
        let s = sentence_texts("“Is it over?” he asked. Yes. “Why?” Mr. Lee asked.");
        assert_eq!(s, ["“Is it over?” he asked.", "Yes.", "“Why?” Mr. Lee asked."]);
    }

    #[test]
    fn every_line_is_its_own_paragraph() {
        let tokens = tokenize("Headline here\nBody text.\n\nMore.");
        let paras: Vec<u32> = tokens.iter().map(|t| t.para).collect();
        assert_eq!(paras, [0, 0, 1, 1, 1, 2, 2]);
    }
}
