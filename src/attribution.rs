//! Finding attributed statements: a content, the cue that attributes it and the speaker.
//!
//! The finder is driven by cues, not by quotation marks. Each cue phrase from the lexicon that
//! stands outside quotation marks is tried against a small set of frames, in order:
//!
//! 1. `according to X, CONTENT` and `CONTENT, according to X`;
//! 2. a quote right before the speaker or the cue: `"…," X said` / `"…," said X` (direct; a
//!    quote that goes on after the cue, `"…," X said, "…"`, is the same statement);
//! 3. an inverted speaker after the cue at the end of a clause: `CONTENT, said X.`;
//! 4. a subject before the cue (`X said (that) CONTENT`, `X told Y that CONTENT`,
//!    `X accused Y of CONTENT`, `X said: "…"`), where the subject may be a pronoun, a name, a
//!    description, or, for participles and coordinated verbs (`…, adding that …`,
//!    `… and expressed regret that …`), the subject of the clause before;
//! 5. the content before the subject: `CONTENT, X said.`
//!
//! Headlines get two more frames (`Claim: Speaker`, `Speaker: Claim`). Quotes that no cue
//! claimed are then given to the nearest attribution of the same passage, the way a reader
//! carries a speaker over a run of quoted paragraphs.
//!
//! The kind of an attribution follows from its content: all inside one quotation is direct,
//! partly quoted is mixed, unquoted is indirect.

use std::ops::Range;

use crate::doc::Doc;
use crate::lexicon::{lexicon, CueClass, CueForm, Frame, WordRole};
use crate::text::TokenKind;

/// An attribution as the finder sees it, in token ranges and byte spans of one text.
#[derive(Clone, Debug)]
pub struct Found {
    /// Byte spans of the content, in order.
    pub content: Vec<(usize, usize)>,
    pub speaker: Option<Range<usize>>,
    pub cue: Option<Range<usize>>,
    pub class: Option<CueClass>,
    /// The speaker was not written at the cue but carried over from the clause or passage.
    pub carried: bool,
}

impl Found {
    pub fn start(&self) -> usize {
        self.content[0].0
    }

    pub fn end(&self) -> usize {
        self.content[self.content.len() - 1].1
    }
}

/// How many earlier attributions of a sentence a coordinated cue may cut short.
const MAX_CUT_BACK: usize = 4;

/// How many tokens after an object verb the finder looks for its "that".
const MAX_OBJECT_TOKENS: usize = 10;

/// Every attribution in the document, ordered by where its content starts.
pub fn find_attributions(doc: &Doc) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    for sentence in &doc.sentences {
        let first_in_sentence = found.len();
        found.extend(speaker_label(doc, sentence));
        let mut i = sentence.start;
        while i < sentence.end {
            let cue = (doc.in_quote[i].is_none()).then(|| doc.cue_at(i)).flatten();
            let Some((end, form)) = cue.filter(|&(end, form)| end <= sentence.end && is_verb_use(doc, sentence, i, form))
            else {
                i += 1;
                continue;
            };
            let earlier = found.len().checked_sub(1).filter(|&e| e >= first_in_sentence).map(|e| &found[e]);
            if let Some(f) = attribution_at(doc, sentence, i..end, form, earlier) {
                // Only the last few can still run over this cue; the bound keeps a sentence
                // of a thousand cues linear.
                let recent = first_in_sentence.max(found.len().saturating_sub(MAX_CUT_BACK));
                if f.carried {
                    cut_before(doc, &mut found[recent..], i);
                } else if let Some(comma) = relative_clause_comma(doc, &f) {
                    cut_before(doc, &mut found[recent..], comma + 1);
                }
                found.push(f);
            }
            i = end;
        }
        // "Tehran rejects the plan: foreign ministry" is the ministry's claim; the cue inside
        // it is part of the claim and falls away as nested.
        if doc.is_headline(sentence) {
            found.extend(headline_attribution(doc, sentence));
        }
        if found.len() == first_in_sentence {
            found.extend(transcript_turn(doc, sentence));
        }
    }
    found.retain(|f| f.content.iter().all(|&(a, b)| a < b) && f.content.iter().any(|&(a, b)| doc.text[a..b].chars().any(char::is_alphanumeric)));
    found.sort_by_key(|f| (f.start(), f.end()));
    found.dedup_by_key(|f| f.start());
    attach_unclaimed_quotes(doc, without_nested(doc, found))
}

/// Drops attributions whose cue stands inside another attribution's content: in "Kanaani
/// said the ministry considers the decision unwise" the claim on the page is Kanaani's, and
/// the ministry's view is part of what he said.
fn without_nested(doc: &Doc, found: Vec<Found>) -> Vec<Found> {
    let container = cue_containers(doc, &found);
    // Two attributions that each hold the other's cue are one clause seen twice ("X said
    // that according to Y, …"): the one whose content starts first wins.
    let keep: Vec<bool> = (0..found.len())
        .map(|i| match container[i] {
            None => true,
            Some(c) => container[c] == Some(i) && found[c].start() > found[i].start(),
        })
        .collect();
    found.into_iter().zip(keep).filter_map(|(f, k)| k.then_some(f)).collect()
}

/// For each attribution, another whose content holds its cue, if any. One sweep over cues
/// and content parts sorted by start, keeping the part that reaches furthest.
fn cue_containers(doc: &Doc, found: &[Found]) -> Vec<Option<usize>> {
    let mut cues: Vec<(usize, usize, usize)> = found
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.cue.as_ref().map(|c| (doc.tokens[c.start].start(), doc.tokens[c.end - 1].end(), i)))
        .collect();
    cues.sort_unstable();
    let mut parts: Vec<(usize, usize, usize)> =
        found.iter().enumerate().flat_map(|(i, f)| f.content.iter().map(move |&(s, e)| (s, e, i))).collect();
    parts.sort_unstable();
    let mut container = vec![None; found.len()];
    let mut next = 0;
    let mut furthest: Option<(usize, usize)> = None;
    for (a, b, i) in cues {
        while next < parts.len() && parts[next].0 <= a {
            let (_, end, owner) = parts[next];
            if furthest.is_none_or(|(e, _)| end > e) {
                furthest = Some((end, owner));
            }
            next += 1;
        }
        container[i] = furthest.filter(|&(end, owner)| end >= b && owner != i).map(|(_, owner)| owner);
    }
    container
}

/// Whether a cue word is used as a verb here, not as a noun or a name ("the claims", "Hope").
fn is_verb_use(doc: &Doc, sentence: &Range<usize>, i: usize, form: &CueForm) -> bool {
    if form.frame == Frame::Source {
        return true;
    }
    if doc.is_capitalized(i) && i != sentence.start && !doc.is_headline(sentence) {
        return false;
    }
    if i > sentence.start {
        let prev = i - 1;
        // "was told" is passive; "is calling" is not.
        let passive = matches!(&doc.lower[prev], "is" | "was" | "are" | "were" | "been" | "being" | "be") && !doc.lower[i].ends_with("ing");
        let noun = (doc.has_role(prev, WordRole::Determiner) && &doc.lower[prev] != "that") || is_possessive_word(doc.word(prev));
        if passive || noun {
            return false;
        }
    }
    // "claims of fraud" is a noun, "says of the plan" a verb: with "of" after it, a plural
    // form is a verb only when a subject stands right before it.
    let next = i + form.words.len();
    let plural_form = doc.lower[next - 1].ends_with('s') && !doc.lower[next - 1].ends_with("ss");
    let of_follows = doc.is_word(next) && &doc.lower[next] == "of" && form.frame != Frame::Object;
    !(plural_form && of_follows && (i == sentence.start || !(doc.is_capitalized(i - 1) || doc.pronoun(i - 1).is_some() || lexicon().speaker_noun(&doc.lower[i - 1]).is_some() || doc.lower[i - 1].ends_with("man"))))
}

fn attribution_at(doc: &Doc, sentence: &Range<usize>, cue: Range<usize>, form: &CueForm, earlier: Option<&Found>) -> Option<Found> {
    if form.frame == Frame::Source {
        return according_to(doc, sentence, cue, form);
    }
    let make = |content: Vec<(usize, usize)>, speaker: Range<usize>, carried: bool| Found {
        content,
        speaker: Some(speaker),
        cue: Some(cue.clone()),
        class: Some(form.class),
        carried,
    };
    // `"…," said X` and `CONTENT, said X.` — a speaker after the cue.
    if let Some(f) = inverted(doc, sentence, &cue, form) {
        return Some(make(f.0, f.1, false));
    }
    let (speaker, carried) = subject_of(doc, sentence, &cue, earlier)?;
    if form.base && !carried && !agrees_with_base_form(doc, &speaker, cue.start) {
        return None;
    }
    // A quote right before the subject: `"…," the minister said (to reporters)`.
    if !carried {
        if let Some(p) = quote_before(doc, speaker.start, sentence) {
            let content = content_before(doc, p, sentence, cue.end)?;
            return Some(make(content, speaker, false));
        }
    }
    let after_comma = speaker.start > sentence.start && is_comma(doc, speaker.start - 1);
    let cue_closes = ends_clause(doc, cue.end, sentence) || (after_comma && adverbial_to_end(doc, cue.end, sentence));
    if cue_closes && !introduces_quote(doc, cue.end, sentence) {
        // `CONTENT, X said.`, `CONTENT, X announced on Monday.` and `CONTENT, X said, CONTENT.`
        let p = speaker.start.checked_sub(1).filter(|&p| p > sentence.start)?;
        let mut content = content_before(doc, p, sentence, cue.end)?;
        let participle_follows = doc.cue_at(cue.end + 1).is_some();
        if doc.is_punct(cue.end, ',') && content.len() == 1 && !participle_follows {
            content.extend(content_after(doc, cue.end + 1, sentence).unwrap_or_default());
        }
        return Some(make(content, speaker, carried));
    }
    // `Cruz called them on it:` and the quote as the next paragraph.
    let last = sentence.end - 1;
    if doc.is_punct(last, ':') && last >= cue.end && doc.opens_quote(sentence.end) {
        if let Some(q) = doc.quote_opened_at(sentence.end) {
            return Some(make(q.parts.clone(), speaker, carried));
        }
    }
    let start = content_start(doc, cue.end, form, sentence);
    if form.needs_clause && !opens_clause(doc, start) {
        return None;
    }
    // "for what it called Tehran's "malicious" activity": only the quoted words are its.
    if !carried && speaker.start > sentence.start && &doc.lower[speaker.start - 1] == "what" {
        let quote = (start..sentence.end.min(start + MAX_OBJECT_TOKENS)).find_map(|k| doc.quote_opened_at(k).filter(|_| doc.opens_quote(k)));
        if let Some(q) = quote {
            return Some(make(q.parts.clone(), speaker, false));
        }
    }
    let content = content_after(doc, start, sentence)?;
    Some(make(content, speaker, carried))
}

/// Whether a that-clause, an embedded question or a quote opens at token `i`.
fn opens_clause(doc: &Doc, i: usize) -> bool {
    doc.opens_quote(i) || (doc.is_word(i) && matches!(&doc.lower[i], "that" | "whether" | "if" | "how" | "why" | "what"))
}

/// Byte spans of a content, in order.
type Content = Vec<(usize, usize)>;

/// `"…," said X`, `CONTENT, said X.` and `…, explained X: "…"`: the speaker follows the cue.
/// Returns the content and the speaker.
fn inverted(doc: &Doc, sentence: &Range<usize>, cue: &Range<usize>, form: &CueForm) -> Option<(Content, Range<usize>)> {
    let prev = cue.start.checked_sub(1).filter(|&p| p >= sentence.start)?;
    let after_quote = doc.closes_quote(prev) || (doc.is_punct(prev, ',') && prev > sentence.start && doc.closes_quote(prev - 1));
    if !after_quote && !doc.is_punct(prev, ',') {
        return None;
    }
    let speaker = doc.noun_phrase_after(cue.end, sentence.end)?;
    if !after_quote && introduces_quote(doc, speaker.end, sentence) {
        let start = content_start(doc, speaker.end, form, sentence);
        return Some((content_after(doc, start, sentence)?, speaker));
    }
    // After a quote the cue is surely inverted; after a plain comma only if the clause ends
    // with the speaker ("Clinton, speaking in Iowa, said the plan …" is not inverted).
    if !after_quote && !ends_clause(doc, speaker.end, sentence) {
        return None;
    }
    Some((content_before(doc, prev, sentence, speaker.end)?, speaker))
}

/// The speaker written before a cue (past adverbs and auxiliaries, appositions and
/// parentheses), or carried from the clause before for participles and coordinated verbs.
/// Returns the speaker and whether it was carried.
fn subject_of(doc: &Doc, sentence: &Range<usize>, cue: &Range<usize>, earlier: Option<&Found>) -> Option<(Range<usize>, bool)> {
    let k = skip_adverbials(doc, cue.start, sentence.start);
    let s = k.checked_sub(1).filter(|&s| s >= sentence.start)?;
    let participle = doc.lower[cue.start].ends_with("ing") && k == cue.start;
    let coordinated = matches!(&doc.lower[s], "and" | "but");
    if coordinated || (participle && !doc.is_punct(s, ')')) {
        if participle && !coordinated && !is_comma(doc, s) && !is_clause_opener(doc, s) && doc.noun_phrase_before(s, sentence.start).is_none() {
            return None;
        }
        // "After saying …, Clinton …": at the start of a sentence the subject comes later.
        let limit = if s == sentence.start { sentence.end } else { s };
        let speaker = earlier.and_then(|f| f.speaker.clone()).or_else(|| doc.sentence_subject(sentence, limit))?;
        return Some((speaker, true));
    }
    if let Some(np) = doc.noun_phrase_before(s, sentence.start) {
        return Some((np, false));
    }
    // "Several supporters of reform said": the head stands before "of".
    if let Some(of) = (s.saturating_sub(3).max(sentence.start + 1)..s).rev().find(|&k| &doc.lower[k] == "of") {
        let words_between = (of + 1..=s).all(|k| doc.is_word(k) && !doc.has_role(k, WordRole::Clause));
        if let Some(np) = doc.noun_phrase_before(of - 1, sentence.start).filter(|_| words_between) {
            return Some((np.start..s + 1, false));
        }
    }
    // `X, a spokesman for the ministry, said`, `X (D-Vt.) said`, `X — and Y — said`:
    // skip up to two asides.
    let mut end = s;
    if doc.is_punct(s, ',') && s > sentence.start && doc.is_punct(s - 1, ')') {
        end = s - 1;
    }
    for _ in 0..2 {
        let open = aside_start(doc, end, sentence)?;
        // "The chair of the chamber, Leila Haddad, said": the aside is the name.
        if let Some(name) = doc.noun_phrase_after(open + 1, end).filter(|np| np.end == end && doc.is_capitalized(np.start)) {
            return Some((name, false));
        }
        if let Some(np) = doc.noun_phrase_before(open - 1, sentence.start) {
            return Some((np, false));
        }
        end = open - 1;
    }
    None
}

/// The token that opens the aside (apposition, parenthesis, dashes) closed at token `end`.
fn aside_start(doc: &Doc, end: usize, sentence: &Range<usize>) -> Option<usize> {
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

/// How far back an apposition or parenthesis before a cue may start, in tokens.
const MAX_ASIDE_TOKENS: usize = 25;

/// Whether a subject can go with a cue in its base form: "polls show", "I say", "will say",
/// but not "the TV show" (a noun after a singular name).
fn agrees_with_base_form(doc: &Doc, speaker: &Range<usize>, cue: usize) -> bool {
    let head = speaker.end - 1;
    let auxiliary = cue > speaker.end;
    let plural = doc.lower[head].ends_with('s') && !doc.lower[head].ends_with("ss");
    let pronoun = matches!(doc.pronoun(head), Some(crate::lexicon::Pronoun::I | crate::lexicon::Pronoun::We | crate::lexicon::Pronoun::You | crate::lexicon::Pronoun::They | crate::lexicon::Pronoun::Who));
    auxiliary || plural || pronoun || speaker.clone().any(|k| &doc.lower[k] == "and")
}

/// A comma, or a closing quotation mark with the comma inside it (`"…," adding that`).
fn is_comma(doc: &Doc, i: usize) -> bool {
    doc.is_punct(i, ',') || (i > 0 && doc.closes_quote(i) && doc.is_punct(i - 1, ','))
}

fn is_clause_opener(doc: &Doc, i: usize) -> bool {
    matches!(&doc.lower[i], "after" | "before" | "while" | "by" | "when" | "in" | "without" | "as")
}

/// The closing mark (or the comma after it) of a quote that ends right before the speaker
/// phrase at `speaker_start`, allowing a few lower-case words between ("former ... said").
fn quote_before(doc: &Doc, speaker_start: usize, sentence: &Range<usize>) -> Option<usize> {
    let floor = sentence.start.max(speaker_start.saturating_sub(MAX_SPEAKER_PREFIX));
    let mut p = speaker_start.checked_sub(1).filter(|&p| p >= sentence.start)?;
    // The quote must be the statement, not a phrase of the clause before ("walking in to
    // chants of "Marco!", the senator said …").
    let leads = |close: usize| doc.quote_closed_at(close).is_some_and(|q| leads_sentence(doc, q, sentence));
    loop {
        if doc.closes_quote(p) {
            return leads(p).then_some(p);
        }
        if doc.is_punct(p, ',') && p > sentence.start && doc.closes_quote(p - 1) {
            return leads(p - 1).then_some(p);
        }
        // Words of the speaker's description that the noun phrase left out.
        let describes = doc.is_word(p)
            && doc.cue_at(p).is_none()
            && !doc.has_role(p, WordRole::Clause)
            && !matches!(&doc.lower[p], "and" | "or" | "nor" | "instance" | "example");
        if !(describes || doc.is_punct(p, ',')) || p <= floor {
            return None;
        }
        p -= 1;
    }
}

/// Whether a quote opens its sentence (or follows a comma, colon or dash there), and so is a
/// statement rather than words quoted inside a clause.
fn leads_sentence(doc: &Doc, q: &crate::quotes::Quote, sentence: &Range<usize>) -> bool {
    q.first <= sentence.start
        || matches!(doc.tokens[q.first - 1].kind, TokenKind::Punct(',' | ':' | '(' | '—' | '–' | '―'))
        || doc.closes_quote(q.first - 1)
}

/// How many words of description may stand between a quote and its speaker's name.
const MAX_SPEAKER_PREFIX: usize = 8;

/// Whether a quotation opens at token `i`, possibly after a colon or comma, in this sentence
/// or as the next paragraph (`… issued the following statement:` then a quoted paragraph).
fn introduces_quote(doc: &Doc, i: usize, sentence: &Range<usize>) -> bool {
    let mut k = i;
    while k < doc.tokens.len() && matches!(doc.tokens[k].kind, TokenKind::Punct(':' | ',')) {
        k += 1;
    }
    let colon = k > i && doc.is_punct(k - 1, ':');
    doc.opens_quote(k) && (k < sentence.end || colon)
}

/// The start of the run of adverbs, auxiliaries and time expressions that ends before token
/// `end` ("has also", "on Friday", "two weeks ago").
fn skip_adverbials(doc: &Doc, end: usize, floor: usize) -> usize {
    let lex = lexicon();
    let mut k = end;
    while k > floor {
        let p = k - 1;
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
        while j > floor && end - j < 6 && doc.is_word(j - 1) && (lex.is_time_word(&doc.lower[j - 1]) || doc.has_role(j - 1, WordRole::Determiner) || doc.lower[j - 1].chars().all(|c| c.is_ascii_digit())) {
            j -= 1;
        }
        if j > floor && matches!(&doc.lower[j - 1], "on" | "in" | "at" | "last" | "this" | "next" | "earlier" | "late" | "early") {
            j -= 1;
        }
        k = j;
    }
    k
}

/// An emoji, flag or other pictograph, which says nothing of the grammar around it.
fn is_symbol(doc: &Doc, i: usize) -> bool {
    matches!(doc.tokens[i].kind, TokenKind::Punct(c) if matches!(c as u32, 0x2190..=0x2BFF | 0xFE00..=0xFE0F | 0x1F000..=0x1FAFF | 0x200D))
}

fn is_possessive_word(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s") || word.ends_with("s'") || word.ends_with("s’")
}

fn is_ly_adverb(doc: &Doc, i: usize) -> bool {
    doc.is_word(i) && !doc.is_capitalized(i) && doc.lower[i].ends_with("ly") && doc.lower[i].len() > 4
}

/// Whether only an adverbial stands between token `i` and the end of the clause: "announced
/// on Monday.", "said in a statement.", "told reporters late Tuesday,".
fn adverbial_to_end(doc: &Doc, i: usize, sentence: &Range<usize>) -> bool {
    let opens = i < sentence.end
        && (doc.has_role(i, WordRole::Clause) || lexicon().is_time_word(&doc.lower[i]) || matches!(&doc.lower[i], "to" | "late" | "early" | "last"));
    if !opens || &doc.lower[i] == "that" {
        return false;
    }
    let end = (i..sentence.end.min(i + MAX_OBJECT_TOKENS + 1))
        .find(|&k| k + 1 == sentence.end || !doc.is_word(k) || doc.cue_at(k).is_some() || &doc.lower[k] == "that");
    end.is_some_and(|k| k + 1 >= sentence.end || (matches!(doc.tokens[k].kind, TokenKind::Punct(',')) && !doc.opens_quote(k + 1)))
}

/// Whether the clause ends at token `i`: end of sentence, a comma, a stop or a dash.
fn ends_clause(doc: &Doc, i: usize, sentence: &Range<usize>) -> bool {
    i >= sentence.end
        || matches!(doc.tokens[i].kind, TokenKind::Punct('.' | ',' | ';' | '!' | '?' | '—' | '–' | ')'))
        || doc.opens_quote(i)
}

/// Where the content of `X cue …` starts: after a colon or comma; at a "that" past an object
/// or an adverbial (`told reporters on Monday that …`, `said on Jan. 12 that …`); after the one
/// addressed (`told passengers the flight …`).
fn content_start(doc: &Doc, after_cue: usize, form: &CueForm, sentence: &Range<usize>) -> usize {
    let mut start = after_cue;
    while start < sentence.end && matches!(doc.tokens[start].kind, TokenKind::Punct(':' | ',')) {
        start += 1;
    }
    let adverbial = start < sentence.end && (doc.has_role(start, WordRole::Clause) || lexicon().is_time_word(&doc.lower[start]));
    if form.frame != Frame::Speech || adverbial {
        let limit = sentence.end.min(start + MAX_OBJECT_TOKENS);
        // The object ends at a comma, a quote or another cue: "called Cruz a hypocrite,
        // adding that …" has no "that" of its own.
        let that = (start..limit)
            .take_while(|&k| doc.in_quote[k].is_none() && !ends_phrase(doc, k) && (k == start || doc.cue_at(k).is_none()))
            .find(|&k| &doc.lower[k] == "that");
        if let Some(that) = that {
            return that;
        }
    }
    if form.frame == Frame::Recipient {
        if let Some(end) = recipient_end(doc, start, sentence) {
            return end;
        }
    }
    start
}

/// Whether token `k` ends a phrase: a comma, a semicolon, or a full stop that is not an
/// abbreviation's ("Jan.").
fn ends_phrase(doc: &Doc, k: usize) -> bool {
    match doc.tokens[k].kind {
        TokenKind::Punct(',' | ';') => true,
        TokenKind::Punct('.') => !(k > 0 && doc.is_word(k - 1) && lexicon().is_abbreviation(doc.word(k - 1))),
        _ => false,
    }
}

/// The end of the one addressed by a cue like "told", when a clause follows it: "told
/// passengers the flight …", "told him it was over", "told Reuters he would run".
fn recipient_end(doc: &Doc, start: usize, sentence: &Range<usize>) -> Option<usize> {
    if start >= sentence.end || !doc.is_word(start) {
        return None;
    }
    let word = &doc.lower[start];
    let end = if matches!(word, "him" | "her" | "them" | "us" | "me" | "you") || (!doc.is_capitalized(start) && word.ends_with('s') && !lexicon().is_function_word(word)) {
        start + 1
    } else {
        doc.noun_phrase_after(start, sentence.end)?.end
    };
    let clause_follows = end < sentence.end
        && (doc.has_role(end, WordRole::Determiner) || doc.pronoun(end).is_some() || doc.is_capitalized(end) || &doc.lower[end] == "to");
    clause_follows.then_some(end)
}

/// The content from token `start` to the end of its clause: the end of the sentence without
/// its full stop, or the end of a quotation that runs on past the sentence.
fn content_after(doc: &Doc, start: usize, sentence: &Range<usize>) -> Option<Vec<(usize, usize)>> {
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
    while last > start && matches!(doc.tokens[last].kind, TokenKind::Punct('.' | '!' | '?' | ':' | ',' | ';')) {
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
    Some(vec![(doc.tokens[start].start(), doc.tokens[end].end())])
}

/// How many quotes inside one content are looked at, to keep the work per cue bounded.
const MAX_QUOTES_IN_CONTENT: usize = 4;

/// The last token of the first quote in `start..=last` after which the clause ends before
/// `last`, if any.
fn quoted_end(doc: &Doc, start: usize, last: usize) -> Option<usize> {
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
            let coordinated = !comma_inside && doc.is_word(next) && matches!(&doc.lower[next], "and" | "but" | "or");
            q.double && q.parts.len() == 1 && !coordinated && quote_ends_clause(doc, next) && doc.tokens[next].para == doc.tokens[q.last].para
        })
        .map(|q| q.last)
}

/// Whether the words after a quote, from token `next`, leave its clause.
fn quote_ends_clause(doc: &Doc, next: usize) -> bool {
    next >= doc.tokens.len()
        || matches!(doc.tokens[next].kind, TokenKind::Punct(',' | ';' | '—' | '–' | '―' | '-' | '(' | ':' | '.' | '!' | '?'))
        || (doc.is_word(next) && matches!(&doc.lower[next], "which" | "who" | "whom" | "while" | "whereas" | "although" | "though" | "but" | "and"))
        || (doc.is_word(next) && lexicon().is_time_word(&doc.lower[next]))
        || doc.cue_at(next).is_some()
        || is_ly_adverb(doc, next)
        || doc.opens_quote(next)
}

/// Content that starts at token `start` and ends with quote `q`, which may span paragraphs.
fn spans_from(doc: &Doc, start: usize, q: &crate::quotes::Quote) -> Vec<(usize, usize)> {
    let mut parts = q.parts.clone();
    parts[0].0 = doc.tokens[start].start().min(parts[0].0);
    parts
}

/// The content that ends right before token `p` (a comma or a closing quotation mark), for
/// `CONTENT, X said` and `"…," X said`; with the quote that resumes after the attribution
/// (`"…," X said, "…"`) when there is one. `resume` is the first token after the attribution.
fn content_before(doc: &Doc, p: usize, sentence: &Range<usize>, resume: usize) -> Option<Vec<(usize, usize)>> {
    let closing = if doc.closes_quote(p) { Some(p) } else { p.checked_sub(1).filter(|&k| doc.closes_quote(k)) };
    if let Some(q) = closing.and_then(|c| doc.quote_closed_at(c)) {
        // A quote that leads the sentence is the whole statement; one that ends a clause
        // ("Iran will answer with "a firm response," X said") is part of it.
        if leads_sentence(doc, q, sentence) {
            let mut parts = q.parts.clone();
            if let Some(again) = resumed_quote(doc, resume, q.first) {
                parts.extend(again.parts.iter().copied());
            }
            return Some(parts);
        }
        let end = if doc.closes_quote(p) { p } else { p - 1 };
        return Some(vec![(doc.tokens[sentence.start.min(q.first)].start(), doc.tokens[end].end())]);
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
    Some(vec![(doc.tokens[start].start(), doc.tokens[end].end())])
}

/// How far after an attribution a split quote may resume, in tokens.
const MAX_RESUME_TOKENS: usize = 20;

/// The quote that resumes a split quote after its attribution: `"…," X said, "…"`, also past
/// an aside (`"…," Tester said, referring to the excuse, "…"`) or a "but".
fn resumed_quote<'d>(doc: &'d Doc, resume: usize, first: usize) -> Option<&'d crate::quotes::Quote> {
    let sentence = doc.sentence_of.get(resume.saturating_sub(1)).copied()?;
    (resume..doc.tokens.len().min(resume + MAX_RESUME_TOKENS))
        .take_while(|&k| doc.sentence_of[k] == sentence && !matches!(doc.tokens[k].kind, TokenKind::Punct('.' | '!' | '?' | ';')))
        .find(|&k| doc.opens_quote(k))
        .filter(|&k| k == resume || doc.is_punct(k - 1, ',') || doc.is_punct(k - 1, ':') || &doc.lower[k - 1] == "but")
        .and_then(|k| doc.quote_opened_at(k))
        .filter(|again| again.first != first)
}

/// `According to X, CONTENT`, `CONTENT, according to X` and `CONTENT according to X`.
fn according_to(doc: &Doc, sentence: &Range<usize>, cue: Range<usize>, form: &CueForm) -> Option<Found> {
    let speaker = doc.noun_phrase_after(cue.end, sentence.end)?;
    // "According to X, …" leads its clause at the start of a sentence, after an opening quote
    // mark, or after "that" ("said that according to X, …").
    let leads = cue.start == sentence.start
        || (cue.start > sentence.start && doc.tokens[cue.start - 1].quote_mark().is_some() && cue.start - 1 == sentence.start)
        || (cue.start > sentence.start && doc.has_role(cue.start - 1, WordRole::Clause));
    let content = if leads {
        let comma = (speaker.end..sentence.end).find(|&k| doc.is_punct(k, ','))?;
        content_after(doc, comma + 1, sentence)?
    } else {
        let p = cue.start - 1;
        if doc.is_punct(p, ',') || doc.closes_quote(p) {
            content_before(doc, p, sentence, speaker.end)?
        } else {
            vec![(doc.tokens[sentence.start].start(), doc.tokens[p].end())]
        }
    };
    Some(Found { content, speaker: Some(speaker), cue: Some(cue), class: Some(form.class), carried: false })
}

/// The comma that opens a clause with its own speaker: in "X claimed the ministry was behind
/// the attack, which Tirana said mostly failed" and "X said …, and Y vowed …", X's claim
/// ends at the comma.
fn relative_clause_comma(doc: &Doc, f: &Found) -> Option<usize> {
    let speaker = f.speaker.as_ref()?;
    let mut k = speaker.start.checked_sub(1)?;
    if matches!(&doc.lower[k], "which" | "whom" | "whose" | "and" | "but" | "while" | "whereas" | "although" | "though") {
        k = k.checked_sub(1)?;
    }
    (is_comma(doc, k) || doc.is_punct(k, ';')).then_some(k)
}

/// Ends the content of the sentence's earlier attributions before a coordinated or
/// participle cue at token `cue`: "rejected the claims and described …".
fn cut_before(doc: &Doc, earlier: &mut [Found], cue: usize) {
    let mut cut = cue;
    while cut > 0 && (doc.has_role(cut - 1, WordRole::Adverb) || matches!(&doc.lower[cut - 1], "and" | "but")) {
        cut -= 1;
    }
    while cut > 0 && doc.tokens[cut - 1].kind == TokenKind::Punct(',') {
        cut -= 1;
    }
    let Some(end) = cut.checked_sub(1).map(|k| doc.tokens[k].end()) else { return };
    for f in earlier {
        let last = f.content.len() - 1;
        if f.content[last].0 < end && f.content[last].1 > end {
            f.content[last].1 = end;
        }
    }
}

/// `Claim: Speaker` in a headline (`Speaker: Claim` is [`speaker_label`]'s).
fn headline_attribution(doc: &Doc, sentence: &Range<usize>) -> Option<Found> {
    let colon = sentence.clone().find(|&k| doc.is_punct(k, ':') && doc.in_quote[k].is_none())?;
    let words = |r: Range<usize>| r.filter(|&k| doc.is_word(k)).count();
    let cue = Some(colon..colon + 1);
    if colon > sentence.start && colon + 1 < sentence.end && words(colon + 1..sentence.end) <= 4 {
        // The whole tail is the speaker: "Norwegian envoy", "Iranian FM", "foreign ministry".
        let mut end = sentence.end;
        while end > colon + 2 && !doc.is_word(end - 1) {
            end -= 1;
        }
        let lex = lexicon();
        let described = doc.is_word(end - 1) && (lex.speaker_noun(&doc.lower[end - 1]).is_some() || lex.is_title_word(&doc.lower[end - 1]));
        if doc.noun_phrase_after(colon + 1, sentence.end).is_none() && !described {
            return None;
        }
        let speaker = colon + 1..end;
        let content = vec![(doc.tokens[sentence.start].start(), doc.tokens[colon - 1].end())];
        return Some(Found { content, speaker: Some(speaker), cue, class: None, carried: false });
    }
    None
}

/// `Trump: Clinton should have congratulated me` and `EXCLUSIVE – Roger Stone: Don't trust
/// the machines` — a name and a colon opening a paragraph label what follows as that
/// person's words. Names in capitals are transcript turns, handled apart.
fn speaker_label(doc: &Doc, sentence: &Range<usize>) -> Option<Found> {
    let para_start = sentence.start == 0 || doc.tokens[sentence.start - 1].para != doc.tokens[sentence.start].para;
    if !para_start {
        return None;
    }
    let mut start = sentence.start;
    // A kicker in capitals and a dash: "EXCLUSIVE – …".
    if doc.is_word(start) && doc.word(start).chars().all(|c| !c.is_lowercase()) && matches!(doc.tokens.get(start + 1).map(|t| t.kind), Some(TokenKind::Punct('–' | '—' | '-'))) {
        start += 2;
    }
    let colon = (start..sentence.end.min(start + MAX_LABEL_TOKENS)).find(|&k| doc.is_punct(k, ':'))?;
    let label = start..colon;
    let lex = lexicon();
    // A name of a few capitalized words: not a kicker ("Stealth Over Health:"), a headline
    // ("Veto Power Impedes Peace Efforts:") or a note ("Correction:").
    let words = label.clone().filter(|&k| doc.is_word(k)).count();
    let named = (1..=4).contains(&words)
        && label.clone().all(|k| (doc.is_capitalized(k) && !lex.is_function_word(&doc.lower[k])) || doc.is_punct(k, '.'))
        && !lex.is_not_speaker(&doc.lower[start])
        && label.clone().any(|k| doc.is_word(k) && doc.word(k).chars().any(char::is_lowercase));
    let content_start = colon + 1;
    if !named || content_start >= sentence.end || doc.in_quote[colon].is_some() {
        return None;
    }
    let mut end = sentence.end - 1;
    while end > content_start && matches!(doc.tokens[end].kind, TokenKind::Punct('.' | '!' | '?')) && doc.in_quote[end].is_none() {
        end -= 1;
    }
    let content = vec![(doc.tokens[content_start].start(), doc.tokens[end].end())];
    Some(Found { content, speaker: Some(label), cue: Some(colon..colon + 1), class: Some(CueClass::Neutral), carried: false })
}

/// How far into a paragraph a speaker's label may end with its colon, in tokens.
const MAX_LABEL_TOKENS: usize = 7;

/// `PENCE: Well, the question …` — a paragraph of a transcript, opened by its speaker's name
/// in capitals and a colon. The content is the rest of the paragraph.
fn transcript_turn(doc: &Doc, sentence: &Range<usize>) -> Option<Found> {
    let mut start = sentence.start;
    let para_start = start == 0 || doc.tokens[start - 1].para != doc.tokens[start].para;
    if !para_start {
        return None;
    }
    // Scraped transcripts often keep a stray quotation mark before the label.
    if doc.tokens[start].quote_mark().is_some() {
        start += 1;
    }
    let colon = (start..sentence.end.min(start + 4)).find(|&k| doc.is_punct(k, ':'))?;
    let label = start..colon;
    let all_caps = !label.is_empty()
        && label.clone().all(|k| doc.is_word(k) && doc.word(k).chars().all(|c| !c.is_lowercase()) && doc.word(k).chars().any(char::is_alphabetic));
    let para = doc.tokens[colon].para;
    let end = (colon + 1..doc.tokens.len()).find(|&k| doc.tokens[k].para != para).unwrap_or(doc.tokens.len());
    if !all_caps || end <= colon + 1 {
        return None;
    }
    let content = vec![(doc.tokens[colon + 1].start(), doc.tokens[end - 1].end())];
    Some(Found { content, speaker: Some(label), cue: Some(colon..colon + 1), class: Some(CueClass::Neutral), carried: false })
}

/// Gives each double quote that no attribution covers to the speaker of its paragraph, when
/// the quote stands as a sentence of its own: the speaker of a quoted passage is named once,
/// before or after it. Quotes inside a sentence go to [`quoted_clause`].
fn attach_unclaimed_quotes(doc: &Doc, found: Vec<Found>) -> Vec<Found> {
    let covered = Coverage::of(found.iter().flat_map(|f| f.content.iter().copied()));
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    let mut next_found = found.into_iter().peekable();
    let mut last_speaker: Option<(Range<usize>, u32, Option<CueClass>)> = None;
    let mut quoted_sentence = None;
    for q in doc.quotes.iter().filter(|q| q.double) {
        while let Some(f) = next_found.next_if(|f| f.start() <= q.start()) {
            // Beliefs and plans ("wants", "thinks") rarely introduce a run of quotes, and a
            // relative "who" stands for the speaker named just before it.
            let relative = f.speaker.as_ref().is_some_and(|s| doc.pronoun(s.start) == Some(crate::lexicon::Pronoun::Who));
            if let Some(s) = f.speaker.as_ref().filter(|_| f.class != Some(CueClass::Belief) && !relative) {
                last_speaker = Some((s.clone(), doc.tokens[s.start].para, f.class));
            }
            out.push(f);
        }
        let length: usize = q.parts.iter().map(|&(a, b)| b - a).sum();
        let claimed: usize = q.parts.iter().map(|&(a, b)| covered.overlap(a, b)).sum();
        if claimed * 2 >= length {
            continue;
        }
        if !stands_alone(doc, q.first) {
            let sentence = doc.sentence_of[q.first];
            if quoted_sentence != Some(sentence) {
                quoted_sentence = Some(sentence);
                out.extend(quoted_clause(doc, q));
            }
            continue;
        }
        if let Some(f) = attribution_after_quote(doc, q) {
            out.push(f);
            continue;
        }
        if let Some(speaker) = colon_speaker(doc, q.first) {
            out.push(Found { content: q.parts.clone(), speaker: Some(speaker), cue: None, class: None, carried: true });
            continue;
        }
        // The speaker of the same paragraph, before the quote or else after it.
        let para = doc.tokens[q.first].para;
        let before = last_speaker.clone().filter(|(_, p, _)| *p == para);
        let after = next_found.peek().filter(|f| {
            doc.tokens.get(q.last + 1).is_some_and(|t| t.para == para) && f.speaker.as_ref().is_some_and(|s| doc.tokens[s.start].para == para)
        });
        let speaker = match (before, after) {
            (Some((s, _, class)), _) => Some((s, class)),
            (None, Some(f)) => f.speaker.clone().map(|s| (s, f.class)),
            // Otherwise the quote most likely belongs to whoever the sentence before it is
            // about.
            _ => previous_subject(doc, q.first).or_else(|| next_subject(doc, q.last)).map(|s| (s, None)),
        };
        if let Some((speaker, class)) = speaker {
            out.push(Found { content: q.parts.clone(), speaker: Some(speaker), cue: None, class, carried: true });
        }
    }
    out.extend(next_found);
    out.sort_by_key(|f| (f.start(), f.end()));
    out
}

/// `"…," exhorted X` and `"…?" Hannity pressed`: a quote that ends its words with a comma, a
/// question or an exclamation is attributed by the clause that follows it, whatever verb
/// that clause uses, lexicon or not.
fn attribution_after_quote(doc: &Doc, q: &crate::quotes::Quote) -> Option<Found> {
    if let Some(f) = signed_quote(doc, q) {
        return Some(f);
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
    let sentence = sentence.start..sentence.end.max(next);
    let found = |speaker: Range<usize>, cue: usize| Found {
        content: q.parts.clone(),
        speaker: Some(speaker),
        cue: Some(cue..cue + 1),
        class: Some(doc.cue_at(cue).map_or(CueClass::Neutral, |(_, form)| form.class)),
        carried: false,
    };
    if is_verb_like(doc, next) {
        let speaker = doc.noun_phrase_after(next + 1, sentence.end.max(next + 1).min(doc.tokens.len()))?;
        return Some(found(speaker, next));
    }
    let speaker = doc.noun_phrase_after(next, doc.tokens.len().min(next + 12))?;
    let verb = skip_adverbs_forward(doc, speaker.end);
    is_verb_like(doc, verb).then(|| found(speaker, verb))
}

/// `"…" ― Jane Doe`: a quote signed with a dash and a name that ends its paragraph.
fn signed_quote(doc: &Doc, q: &crate::quotes::Quote) -> Option<Found> {
    let dash = q.last + 1;
    if !matches!(doc.tokens.get(dash)?.kind, TokenKind::Punct('―' | '—' | '–' | '-')) || doc.tokens[dash].para != doc.tokens[q.last].para {
        return None;
    }
    let para = doc.tokens[dash].para;
    let end = (dash + 1..doc.tokens.len()).find(|&k| doc.tokens[k].para != para).unwrap_or(doc.tokens.len());
    let speaker = doc.noun_phrase_after(dash + 1, end)?;
    let rest_is_aside = (speaker.end..end).all(|k| !doc.is_word(k) || doc.in_quote[k].is_none() && k - speaker.end < 12);
    rest_is_aside.then(|| Found { content: q.parts.clone(), speaker: Some(speaker), cue: Some(dash..dash + 1), class: Some(CueClass::Neutral), carried: false })
}

fn skip_adverbs_forward(doc: &Doc, mut i: usize) -> usize {
    while i < doc.tokens.len() && (doc.has_role(i, WordRole::Adverb) || is_ly_adverb(doc, i)) {
        i += 1;
    }
    i
}

/// A lower-case word that reads as a finite verb: a cue, or a past or present tense form.
fn is_verb_like(doc: &Doc, i: usize) -> bool {
    if !doc.is_word(i) || doc.is_capitalized(i) || doc.in_quote[i].is_some() {
        return false;
    }
    let word = &doc.lower[i];
    let lex = lexicon();
    doc.cue_at(i).is_some()
        || (!lex.is_function_word(word)
            && !lex.is_time_word(word)
            && (word.ends_with("ed") || (word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us"))))
}

/// The speaker of a quote introduced by a colon: a name standing alone before it
/// (`Clinton: "…"`), else the subject of the clause that the colon ends
/// (`Trump leaned in and boomed: "…"`).
fn colon_speaker(doc: &Doc, first: usize) -> Option<Range<usize>> {
    let colon = first.checked_sub(1).filter(|&c| doc.is_punct(c, ':'))?;
    let sentence = doc.sentence(colon);
    let head = colon.checked_sub(1).filter(|&h| h >= sentence.start)?;
    // `Stated Stone:` — a cue opening the sentence, then the speaker.
    if let Some((end, _)) = doc.cue_at(sentence.start) {
        if let Some(np) = doc.noun_phrase_after(end, colon).filter(|np| np.end == colon) {
            return Some(np);
        }
    }
    let alone = |np: &Range<usize>| np.start == sentence.start || matches!(doc.tokens[np.start - 1].kind, TokenKind::Punct('-' | '—' | '–'));
    match doc.noun_phrase_before(head, sentence.start) {
        Some(np) if alone(&np) => Some(np),
        _ => doc.sentence_subject(&sentence, colon).filter(|np| doc.pronoun(np.start).is_none() || np.len() == 1),
    }
}

/// `He infamously referred to Mexican immigrants as "criminals"`: a sentence that quotes
/// someone's words with a verb the lexicon lacks. The subject is the speaker and what follows
/// its verb is the content, when the subject names someone.
fn quoted_clause(doc: &Doc, q: &crate::quotes::Quote) -> Option<Found> {
    // A title ("Meet the Press") or a single word in quotation marks is seldom anyone's
    // statement when no cue introduces it.
    let words: Vec<usize> = (q.first..q.last).filter(|&k| doc.is_word(k)).collect();
    let capitalized = words.iter().filter(|&&k| doc.is_capitalized(k)).count();
    if words.is_empty() || capitalized * 3 >= words.len() * 2 {
        return None;
    }
    // A single quoted word must stand close to its verb ("described him as a "reformer"").
    let reach = if words.len() == 1 { MAX_SINGLE_WORD_REACH } else { MAX_QUOTED_CLAUSE_REACH };
    let sentence = doc.sentence(q.first);
    let floor = sentence.start.max(q.first.saturating_sub(reach));
    // The nearest verb before the quote that has a subject naming someone.
    let (verb, subject) = (floor..q.first).rev().find_map(|v| {
        // A cue or a past tense: a present "-s" form is as often a plural noun ("guns").
        if !is_verb_like(doc, v) || !(doc.cue_at(v).is_some() || doc.lower[v].ends_with("ed")) {
            return None;
        }
        let (subject, carried) = subject_of(doc, &sentence, &(v..v + 1), None)?;
        let head = subject.end - 1;
        let names = doc.is_capitalized(head)
            || doc.pronoun(subject.start).is_some_and(|p| !matches!(p, crate::lexicon::Pronoun::It | crate::lexicon::Pronoun::Who))
            || lexicon().speaker_noun(&doc.lower[head]).is_some_and(|k| k != crate::lexicon::NounKind::Document);
        (!carried && names).then_some((v, subject))
    })?;
    // The content starts at its "that" when there is one, and runs to the quote: what
    // follows is the writer's again.
    let start = (verb + 1..q.first).find(|&k| &doc.lower[k] == "that").unwrap_or(verb + 1);
    let content = if quote_ends_clause(doc, q.last + 1) {
        let mut end = q.last;
        while end + 1 < sentence.end && matches!(doc.tokens[end + 1].kind, TokenKind::Punct('.' | '!' | '?')) {
            end += 1;
        }
        vec![(doc.tokens[start].start(), doc.tokens[end].end())]
    } else {
        content_after(doc, start, &sentence)?
    };
    Some(Found { content, speaker: Some(subject), cue: Some(verb..verb + 1), class: None, carried: false })
}

/// How far after its verb a quote may open and still be that verb's, in tokens.
const MAX_QUOTED_CLAUSE_REACH: usize = 20;

/// How far after its verb a quoted single word may open.
const MAX_SINGLE_WORD_REACH: usize = 6;

/// The subject of the sentence before token `first`, when it names someone.
fn previous_subject(doc: &Doc, first: usize) -> Option<Range<usize>> {
    let si = doc.sentence_of[first] as usize;
    naming_subject(doc, doc.sentences.get(si.checked_sub(1)?)?)
}

/// The subject of the sentence after token `last` in the same paragraph, when it names
/// someone: `"…" Governor Ashdown made the remark on Monday.`
fn next_subject(doc: &Doc, last: usize) -> Option<Range<usize>> {
    let sentence = doc.sentences.get(doc.sentence_of[last] as usize + 1)?;
    (doc.tokens[sentence.start].para == doc.tokens[last].para).then(|| naming_subject(doc, sentence)).flatten()
}

fn naming_subject(doc: &Doc, sentence: &Range<usize>) -> Option<Range<usize>> {
    let subject = doc.sentence_subject(sentence, sentence.end)?;
    let names = doc.is_capitalized(subject.end - 1) || doc.pronoun(subject.start).is_some_and(|p| matches!(p, crate::lexicon::Pronoun::He | crate::lexicon::Pronoun::She | crate::lexicon::Pronoun::They | crate::lexicon::Pronoun::We));
    names.then_some(subject)
}

/// Whether a quote opening at token `first` begins a sentence (or follows a colon).
fn stands_alone(doc: &Doc, first: usize) -> bool {
    let sentence = doc.sentence(first);
    first == sentence.start || doc.is_punct(first - 1, ':')
}

/// A set of byte ranges, merged and sorted, that answers how much of a span it covers.
pub struct Coverage(Vec<(usize, usize)>);

impl Coverage {
    pub fn of(spans: impl Iterator<Item = (usize, usize)>) -> Coverage {
        let mut spans: Vec<(usize, usize)> = spans.collect();
        spans.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
        for (a, b) in spans {
            match merged.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        Coverage(merged)
    }

    /// The covered pieces of `a..b`.
    pub fn segments(&self, a: usize, b: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let from = self.0.partition_point(|&(_, e)| e <= a);
        self.0[from..].iter().take_while(move |&&(s, _)| s < b).map(move |&(s, e)| (s.max(a), e.min(b)))
    }

    pub fn overlap(&self, a: usize, b: usize) -> usize {
        self.segments(a, b).map(|(s, e)| e - s).sum()
    }
}
