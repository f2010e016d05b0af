//! Quotations: pairs of quotation marks, found in one pass over the tokens.
//!
//! Design choices:
//! - Double marks are paired first, paragraph by paragraph. A quote left open at the end of a
//!   paragraph goes on only if the next paragraph opens with a mark (the news convention for a
//!   quote that runs over several paragraphs); otherwise the stray mark is dropped there, so
//!   that one unbalanced mark, common in scraped text, cannot swallow the rest of the article.
//! - Single marks are paired only outside double quotes and within one paragraph: inside a
//!   double quote they are nested quotes that belong to it, and far apart they are more likely
//!   apostrophes (`the Iranians’ claims`) than quotation marks.
//! - A quote keeps each paragraph's piece as a separate part, because readers' pages render
//!   paragraphs as separate elements.

use crate::span::ByteSpan;
use crate::text::{MarkRole, Token};

/// One quotation: the token index of its first and last mark, and its parts as byte spans
/// (marks included), one per paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub first: usize,
    pub last: usize,
    pub parts: Vec<ByteSpan>,
    pub double: bool,
}

impl Quote {
    pub fn start(&self) -> usize {
        self.parts[0].start
    }
}

/// The most paragraphs a quotation runs over: the longest in the PolNeAR texts runs over 9.
/// One that would run on further is dropped like a mark left open.
pub const MAX_QUOTE_PARAGRAPHS: usize = 20;

/// The longest single-quoted stretch, in tokens, that is still taken for a quotation.
const MAX_SINGLE_QUOTE_TOKENS: usize = 60;

/// Every quotation in the text, ordered by start.
pub fn find_quotes(tokens: &[Token]) -> Vec<Quote> {
    let mut quotes = double_quotes(tokens);
    let inside = quote_membership(tokens.len(), &quotes);
    quotes.extend(single_quotes(tokens, &inside));
    quotes.sort_by_key(|q| q.first);
    quotes
}

/// For each token, the index of the quote it stands in (marks included), if any.
pub fn quote_membership(len: usize, quotes: &[Quote]) -> Vec<InQuote> {
    let mut inside = vec![InQuote::NONE; len];
    for (qi, q) in quotes.iter().enumerate() {
        for slot in &mut inside[q.first..=q.last] {
            if slot.is_none() {
                *slot = InQuote(qi as u32 + 1);
            }
        }
    }
    inside
}

/// The quote a token stands in, if any, in four bytes rather than an `Option<u32>`'s eight:
/// one is kept for every token.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InQuote(u32);

impl InQuote {
    pub const NONE: InQuote = InQuote(0);

    /// The index of the quote.
    pub fn get(self) -> Option<u32> {
        self.0.checked_sub(1)
    }

    pub fn is_some(self) -> bool {
        self.0 != 0
    }

    pub fn is_none(self) -> bool {
        self.0 == 0
    }

    pub fn map<T>(self, f: impl FnOnce(u32) -> T) -> Option<T> {
        self.get().map(f)
    }
}

/// A quote being read: where it opened and the parts of earlier paragraphs.
struct OpenQuote {
    first: usize,
    part_start: usize,
    low: bool,
    straight: bool,
    parts: Vec<ByteSpan>,
}

fn double_quotes(tokens: &[Token]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut open: Option<OpenQuote> = None;
    for (i, token) in tokens.iter().enumerate() {
        let new_paragraph = i > 0 && token.para != tokens[i - 1].para;
        let mark = token.quote_mark().filter(|m| m.double);
        if new_paragraph {
            if let Some(mut q) = open.take() {
                // A quote that runs on: the next paragraph must open with a mark of the same
                // style; a straight mark left at a paragraph's start by scraping does not run
                // into a paragraph of curly quotes. A quote runs over a few paragraphs at most,
                // since every statement that claims it carries all its parts.
                if mark.is_some_and(|m| m.role != MarkRole::Close && m.straight == q.straight)
                    && q.parts.len() + 1 < MAX_QUOTE_PARAGRAPHS
                {
                    q.parts.push(ByteSpan::new(q.part_start, tokens[i - 1].end()));
                    q.part_start = token.start();
                    open = Some(q);
                    continue;
                }
            }
        }
        let Some(mark) = mark else { continue };
        let closes = match (&open, mark.role) {
            (None, _) => false,
            (Some(_), MarkRole::Close | MarkRole::Either) => true,
            (Some(q), MarkRole::Open) => q.low && !mark.low,
        };
        if closes {
            let mut q = open.take().expect("a quote is open");
            // Two marks with nothing between quote nothing, and are not kept: a page of
            // quotation marks would otherwise keep a quote for every two bytes.
            if i > q.first + 1 || !q.parts.is_empty() {
                q.parts.push(ByteSpan::new(q.part_start, token.end()));
                quotes.push(Quote { first: q.first, last: i, parts: q.parts, double: true });
            }
        } else if mark.role != MarkRole::Close {
            // An opening mark while a quote is open means the earlier one was never closed.
            open = Some(OpenQuote {
                first: i,
                part_start: token.start(),
                low: mark.low,
                straight: mark.straight,
                parts: Vec::new(),
            });
        }
    }
    quotes
}

fn single_quotes(tokens: &[Token], inside_double: &[InQuote]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut open: Option<usize> = None;
    for (i, token) in tokens.iter().enumerate() {
        if let Some(o) = open {
            if tokens[o].para != token.para || i - o > MAX_SINGLE_QUOTE_TOKENS || inside_double[i].is_some() {
                open = None;
            }
        }
        let Some(mark) = token.quote_mark().filter(|m| !m.double) else { continue };
        if inside_double[i].is_some() {
            continue;
        }
        match (open, mark.role) {
            (Some(o), MarkRole::Close | MarkRole::Either) if i > o + 1 => {
                quotes.push(Quote {
                    first: o,
                    last: i,
                    parts: vec![ByteSpan::new(tokens[o].start(), token.end())],
                    double: false,
                });
                open = None;
            }
            (_, MarkRole::Open) => open = Some(i),
            (None, MarkRole::Either) => open = Some(i),
            _ => {}
        }
    }
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn quoted(text: &str) -> Vec<Vec<&str>> {
        let tokens = tokenize(text);
        find_quotes(&tokens).iter().map(|q| q.parts.iter().map(|p| &text[p.start..p.end]).collect()).collect()
    }

    #[test]
    fn pairs_straight_and_curly_marks() {
        assert_eq!(
            quoted("He said \"yes\" and “no” and «oui» and „ja“."),
            [["\"yes\""], ["“no”"], ["«oui»"], ["„ja“"]]
        );
    }

    #[test]
    fn a_quote_may_run_over_paragraphs() {
        let text = "“First part.\n\n“Second part,” she said.";
        assert_eq!(quoted(text), [["“First part.", "“Second part,”"]]);
    }

    #[test]
    fn a_quote_runs_over_a_few_paragraphs_at_most() {
        let long = format!("“a{}”", "\n\n“b".repeat(MAX_QUOTE_PARAGRAPHS));
        assert_eq!(quoted(&long), [["“b”"]]);
        let fits = format!("“a{}”", "\n\n“b".repeat(MAX_QUOTE_PARAGRAPHS - 1));
        assert_eq!(quoted(&fits)[0].len(), MAX_QUOTE_PARAGRAPHS);
    }

    #[test]
    fn an_unbalanced_mark_is_dropped_at_the_end_of_its_paragraph() {
        let text = "\"Stray start of a paragraph.\n\nThen “a real quote” here.";
        assert_eq!(quoted(text), [["“a real quote”"]]);
    }

    #[test]
    fn single_quotes_outside_double_quotes_only() {
        let text = "Albanian 'baseless' claims: “it is ‘wrong’ here”. The Iranians’ claims.";
        assert_eq!(quoted(text), [vec!["'baseless'"], vec!["“it is ‘wrong’ here”"]]);
    }

    #[test]
    fn thousands_of_marks_stay_linear_and_sane() {
        let text = "\"".repeat(5001);
        let quotes = quoted(&text);
        assert!(quotes.len() <= 2500);
    }
}
