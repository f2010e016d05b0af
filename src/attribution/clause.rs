//! Where a content starts and ends: the clause boundaries that every frame shares.
//!
//! A frame decides where the speaker and the cue are; these functions decide how much of the
//! text around them is the statement. A content after its cue runs from a "that", a colon or
//! the first word to the end of its clause; a content before its speaker runs from the start
//! of the sentence (or of its quote) to the comma or closing mark before the speaker.
//!
//! Design choices:
//! - A quotation that opens a content ends it unless its own clause goes on, because what
//!   follows a quote after a comma, a preposition or another cue is the writer's again.
//! - Every look-ahead is bounded (objects, resumed quotes, quotes inside one content), so the
//!   work per cue is constant.

use std::ops::Range;

use super::policies::resumed_quote::resumed_quote;
use crate::doc::Doc;
use crate::lexicon::{lexicon, Arguments, CueForm, WordRole};
use crate::phrase::noun_phrase_after;
use crate::quotes::Quote;
use crate::span::ByteSpan;
use crate::text::TokenKind;

/// How many tokens after an object verb the finder looks for its "that".
pub const MAX_OBJECT_TOKENS: usize = 10;

/// Whether a that-clause, an embedded question or a quote opens at token `i`.
pub fn opens_clause(doc: &Doc, i: usize) -> bool {
    doc.opens_quote(i) || doc.has_role(i, WordRole::Complementizer)
}

/// Whether a quotation opens at token `i`, possibly after a colon or comma, in this sentence
/// or as the next paragraph (`… issued the following statement:` then a quoted paragraph).
pub fn introduces_quote(doc: &Doc, i: usize, sentence: &Range<usize>) -> bool {
    let mut k = i;
    while k < doc.tokens.len() && matches!(doc.tokens[k].kind, TokenKind::Punct(':' | ',')) {
        k += 1;
    }
    let colon = k > i && doc.is_punct(k - 1, ':');
    doc.opens_quote(k) && (k < sentence.end || colon)
}

/// Whether only an adverbial stands between token `i` and the end of the clause: "announced
/// on Monday.", "said in a statement.", "told reporters late Tuesday,".
pub fn adverbial_to_end(doc: &Doc, i: usize, sentence: &Range<usize>) -> bool {
    let opens = i < sentence.end
        && (doc.has_role(i, WordRole::Clause)
            || lexicon().is_time_word(&doc.lower[i])
            || doc.has_role(i, WordRole::AdverbialOpener));
    if !opens || &doc.lower[i] == "that" {
        return false;
    }
    let end = (i..sentence.end.min(i + MAX_OBJECT_TOKENS + 1)).find(|&k| {
        k + 1 == sentence.end || !doc.is_word(k) || doc.cue_at(k).is_some() || &doc.lower[k] == "that"
    });
    end.is_some_and(|k| {
        k + 1 >= sentence.end
            || (matches!(doc.tokens[k].kind, TokenKind::Punct(',')) && !doc.opens_quote(k + 1))
    })
}

/// Whether the clause ends at token `i`: end of sentence, a comma, a stop or a dash.
pub fn ends_clause(doc: &Doc, i: usize, sentence: &Range<usize>) -> bool {
    i >= sentence.end
        || matches!(doc.tokens[i].kind, TokenKind::Punct('.' | ',' | ';' | '!' | '?' | '—' | '–' | ')'))
        || doc.opens_quote(i)
}

/// Where the content of `X cue …` starts: after a colon or comma; at a "that" past an object
/// or an adverbial (`told reporters on Monday that …`, `said on Jan. 12 that …`); after the one
/// addressed (`told passengers the flight …`).
pub fn content_start(doc: &Doc, after_cue: usize, form: &CueForm, sentence: &Range<usize>) -> usize {
    let mut start = after_cue;
    while start < sentence.end && matches!(doc.tokens[start].kind, TokenKind::Punct(':' | ',')) {
        start += 1;
    }
    let adverbial = start < sentence.end
        && (doc.has_role(start, WordRole::Clause) || lexicon().is_time_word(&doc.lower[start]));
    if form.arguments != Arguments::Speech || adverbial {
        let limit = sentence.end.min(start + MAX_OBJECT_TOKENS);
        // The object ends at a comma, a quote or another cue: "called Cruz a hypocrite,
        // adding that …" has no "that" of its own.
        let that = (start..limit)
            .take_while(|&k| {
                doc.in_quote[k].is_none() && !ends_phrase(doc, k) && (k == start || doc.cue_at(k).is_none())
            })
            .find(|&k| &doc.lower[k] == "that");
        if let Some(that) = that {
            return that;
        }
    }
    if form.arguments == Arguments::Recipient {
        if let Some(end) = recipient_end(doc, start, sentence) {
            return end;
        }
    }
    start
}

/// Whether token `k` ends a phrase: a comma, a semicolon, or a full stop that is not an
/// abbreviation's ("Jan.").
pub fn ends_phrase(doc: &Doc, k: usize) -> bool {
    match doc.tokens[k].kind {
        TokenKind::Punct(',' | ';') => true,
        TokenKind::Punct('.') => !(k > 0 && doc.is_word(k - 1) && lexicon().is_abbreviation(doc.word(k - 1))),
        _ => false,
    }
}

/// The end of the one addressed by a cue like "told", when a clause follows it: "told
/// passengers the flight …", "told him it was over", "told Reuters he would run".
pub fn recipient_end(doc: &Doc, start: usize, sentence: &Range<usize>) -> Option<usize> {
    if start >= sentence.end || !doc.is_word(start) {
        return None;
    }
    let word = &doc.lower[start];
    let end = if doc.has_role(start, WordRole::ObjectPronoun)
        || (!doc.is_capitalized(start) && word.ends_with('s') && !lexicon().is_function_word(word))
    {
        start + 1
    } else {
        noun_phrase_after(doc, start, sentence.end)?.end
    };
    let clause_follows = end < sentence.end
        && (doc.has_role(end, WordRole::Determiner)
            || doc.pronoun(end).is_some()
            || doc.is_capitalized(end)
            || &doc.lower[end] == "to");
    clause_follows.then_some(end)
}

/// The content from token `start` to the end of its clause: the end of the sentence without
/// its full stop, or the end of a quotation that runs on past the sentence.
pub fn content_after(doc: &Doc, start: usize, sentence: &Range<usize>) -> Option<Vec<ByteSpan>> {
    if start >= sentence.end {
        // `… the following statement:` and the quote as the next paragraph.
        return doc.quote_opened_at(start).filter(|_| doc.opens_quote(start)).map(|q| q.parts.clone());
    }
    let mut last = sentence.end - 1;
    if let Some(q) = doc.in_quote[last].map(|q| &doc.quotes[q as usize]) {
        if q.last >= last && q.first >= start {
            return Some(spans_from(doc, start, q));
        }
    }
    // Back over the sentence's closing punctuation, a few marks at most: the work per cue stays
    // bounded however many commas end the sentence.
    let floor = start.max(last.saturating_sub(MAX_CLOSING_MARKS));
    while last > floor && matches!(doc.tokens[last].kind, TokenKind::Punct('.' | '!' | '?' | ':' | ',' | ';'))
    {
        last -= 1;
    }
    if let Some(q) = doc.quote_opened_at(start) {
        // A quote that opens the content ends it, unless its own clause goes on ("the plan"
        // would fail): what follows a comma, a preposition or another cue is the writer's.
        if q.last >= last || quote_ends_clause(doc, q.last + 1) {
            return Some(q.parts.clone());
        }
    }
    // Likewise the first quote inside the content ends it when the writer goes on after it
    // ("… is "true," but in the course of their report …").
    let end = quoted_end(doc, start, last).unwrap_or(last);
    Some(vec![doc.byte_span(start, end)])
}

/// How many punctuation marks at the end of a sentence a content leaves out.
const MAX_CLOSING_MARKS: usize = 8;

/// How many quotes inside one content are looked at, to keep the work per cue bounded.
const MAX_QUOTES_IN_CONTENT: usize = 4;

/// The last token of the first quote in `start..=last` after which the clause ends before
/// `last`, if any.
pub fn quoted_end(doc: &Doc, start: usize, last: usize) -> Option<usize> {
    let from = doc.quotes.partition_point(|q| q.first < start);
    doc.quotes[from..]
        .iter()
        .take(MAX_QUOTES_IN_CONTENT)
        .take_while(|q| q.last < last)
        .find(|q| {
            let next = q.last + 1;
            // "… "a declaration of war" and would be challenged" goes on with the same subject;
            // a comma inside the marks (""a terrible situation," but …") ends it all the same.
            let comma_inside = q.last > 0 && doc.is_punct(q.last - 1, ',');
            let coordinated =
                !comma_inside && doc.is_word(next) && matches!(&doc.lower[next], "and" | "but" | "or");
            q.double
                && q.parts.len() == 1
                && !coordinated
                && quote_ends_clause(doc, next)
                && doc.tokens[next].para == doc.tokens[q.last].para
        })
        .map(|q| q.last)
}

/// Whether the words after a quote, from token `next`, leave its clause.
pub fn quote_ends_clause(doc: &Doc, next: usize) -> bool {
    next >= doc.tokens.len()
        || matches!(
            doc.tokens[next].kind,
            TokenKind::Punct(',' | ';' | '—' | '–' | '―' | '-' | '(' | ':' | '.' | '!' | '?')
        )
        || doc.has_role(next, WordRole::ClauseBreak)
        || (doc.is_word(next) && lexicon().is_time_word(&doc.lower[next]))
        || doc.cue_at(next).is_some()
        || is_ly_adverb(doc, next)
        || doc.opens_quote(next)
}

/// Content that starts at token `start` and ends with quote `q`, which may span paragraphs.
pub fn spans_from(doc: &Doc, start: usize, q: &Quote) -> Vec<ByteSpan> {
    let mut parts = q.parts.clone();
    parts[0].start = doc.tokens[start].start().min(parts[0].start);
    parts
}

/// The content that ends right before token `p` (a comma or a closing quotation mark), for
/// `CONTENT, X said` and `"…," X said`; with the quote that resumes after the attribution
/// (`"…," X said, "…"`) when there is one. `resume` is the first token after the attribution,
/// or none when the `resumed_quote` policy is off.
pub fn content_before(
    doc: &Doc,
    p: usize,
    sentence: &Range<usize>,
    resume: Option<usize>,
) -> Option<Vec<ByteSpan>> {
    let closing =
        if doc.closes_quote(p) { Some(p) } else { p.checked_sub(1).filter(|&k| doc.closes_quote(k)) };
    if let Some(q) = closing.and_then(|c| doc.quote_closed_at(c)) {
        // A quote that leads the sentence is the whole statement; one that ends a clause
        // ("Iran will answer with "a firm response," X said") is part of it.
        if leads_sentence(doc, q, sentence) {
            let mut parts = q.parts.clone();
            if let Some(again) = resume.and_then(|r| resumed_quote(doc, r, q.first)) {
                parts.extend(again.parts.iter().copied());
            }
            return Some(parts);
        }
        let end = if doc.closes_quote(p) { p } else { p - 1 };
        return Some(vec![doc.byte_span(sentence.start.min(q.first), end)]);
    }
    if !is_comma(doc, p) || p <= sentence.start {
        return None;
    }
    let mut start = sentence.start;
    // A sentence that opens inside a quote begun earlier ends that quote here.
    if let Some(q) = doc.in_quote[start].map(|q| &doc.quotes[q as usize]) {
        if q.last < p {
            start = q.first;
        }
    }
    let mut end = p - 1;
    while end > start && doc.tokens[end].kind == TokenKind::Punct(',') {
        end -= 1;
    }
    Some(vec![doc.byte_span(start, end)])
}

/// The most words of a quoted title ("Make Your Kid a Millionaire").
const MAX_TITLE_WORDS: usize = 10;

/// Whether a quote reads as a title rather than words spoken: a few words, mostly
/// capitalized, with no stop inside.
pub fn is_title(doc: &Doc, q: &Quote) -> bool {
    if q.last - q.first > MAX_TITLE_WORDS * 2 {
        return false;
    }
    let inside = q.first + 1..q.last;
    let words = inside.clone().filter(|&k| doc.is_word(k)).count();
    let capitalized = inside.clone().filter(|&k| doc.is_capitalized(k)).count();
    let stops = inside.clone().any(|k| matches!(doc.tokens[k].kind, TokenKind::Punct('.' | '!' | '?')));
    (2..=MAX_TITLE_WORDS).contains(&words) && capitalized * 3 >= words * 2 && !stops
}

/// A comma, or a closing quotation mark with the comma inside it (`"…," adding that`).
pub fn is_comma(doc: &Doc, i: usize) -> bool {
    doc.is_punct(i, ',') || (i > 0 && doc.closes_quote(i) && doc.is_punct(i - 1, ','))
}

/// Whether a quote opens its sentence (or follows a comma, colon or dash there), and so is a
/// statement rather than words quoted inside a clause.
pub fn leads_sentence(doc: &Doc, q: &Quote, sentence: &Range<usize>) -> bool {
    if is_title(doc, q) {
        return false;
    }
    q.first <= sentence.start
        || matches!(doc.tokens[q.first - 1].kind, TokenKind::Punct(',' | ':' | '(' | '—' | '–' | '―'))
        || doc.closes_quote(q.first - 1)
}

/// A lower-case word in "-ly" long enough to be an adverb ("only" and "fly" are not).
pub fn is_ly_adverb(doc: &Doc, i: usize) -> bool {
    doc.is_word(i) && !doc.is_capitalized(i) && doc.lower[i].ends_with("ly") && doc.lower[i].len() > 4
}
