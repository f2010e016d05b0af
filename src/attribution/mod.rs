//! Finding attributed statements: a content, the cue that attributes it and the speaker.
//!
//! The finder is a list of named rules ([`registry::RULES`]): *frames*, each of which recognizes
//! one way of writing an attribution (one file each in [`frames`]), and *policies*, which settle
//! how the frames' findings fit together (one file each in [`policies`]). This driver runs them
//! in phases and owns the decisions between them:
//!
//! 1. **Per sentence.** Sentence-start frames; then every cue phrase of the lexicon that stands
//!    outside quotation marks and is used as a verb (`verb_use`) is offered to the cue frames
//!    in registry order, and the first that does not pass decides, even when it decides that
//!    the cue attributes nothing here; then sentence-end frames. Within the sentence, a cue
//!    whose subject was carried ends the earlier contents before it (`coordination_cut`), and
//!    so does a cue opening a clause with its own speaker (`relative_clause_cut`).
//! 2. **Per document.** Contents with no letter or digit go. Of attributions whose contents
//!    start at the same byte, the shortest wins (the finer reading of one clause). A cue inside
//!    another statement's content is folded into it (`nested`).
//! 3. **Per passage.** Each double quote that no attribution claims (less than half of it
//!    covered) is offered to the unclaimed-quote frames, with what a reader knows at that point:
//!    the latest speaker named in the paragraph and the next attribution. A quote inside a
//!    sentence is offered once per sentence, to the frames that read a quoted clause.
//!
//! Every walk in the frames is bounded by a constant number of tokens, so the work per cue and
//! per quote is constant and the finder is linear in the text.

pub mod clause;
pub mod frames;
pub mod policies;
pub mod registry;
pub mod subject;

use std::cell::OnceCell;
use std::ops::Range;

use crate::doc::Doc;
use crate::letters::Letters;
use crate::lexicon::{CueClass, CueForm, Pronoun};
use crate::quotes::Quote;
use crate::span::{ByteSpan, Coverage};
use policies::coordination_cut::{cut_before, MAX_CUT_BACK};
use policies::negated_act;
use policies::relative_clause_cut::relative_clause_comma;
use policies::verb_use::{cue_use, CueUse};
use registry::{Phase, Rule, RuleSet};
use subject::{agrees_with_base_form, subject_of, Subject};

/// An attribution as the finder sees it: byte spans of content, token ranges of speaker and cue.
#[derive(Clone, Debug)]
pub struct Found {
    /// The content's parts, in order.
    pub content: Vec<ByteSpan>,
    pub speaker: Option<Range<usize>>,
    pub cue: Option<Range<usize>>,
    pub class: Option<CueClass>,
    /// The speaker was not written at the cue but carried over from the clause or passage.
    pub carried: bool,
    /// The frame that found it.
    pub frame: Rule,
}

impl Found {
    pub fn start(&self) -> usize {
        self.content[0].start
    }

    pub fn end(&self) -> usize {
        self.content[self.content.len() - 1].end
    }
}

/// What a cue frame says of a cue.
pub enum Verdict {
    /// The frame recognizes the cue and found this attribution.
    Found(Found),
    /// The frame recognizes the shape, and it attributes nothing here: no later frame is tried.
    Refused,
    /// Not this frame's shape: the next frame is tried.
    Pass,
}

impl Verdict {
    /// Found, or refused when the frame recognized its shape but found no content.
    pub fn decided(found: Option<Found>) -> Verdict {
        found.map_or(Verdict::Refused, Verdict::Found)
    }

    /// Found, or pass.
    pub fn tried(found: Option<Found>) -> Verdict {
        found.map_or(Verdict::Pass, Verdict::Found)
    }
}

/// A cue as the cue frames see it: where it stands and what the sentence holds so far.
pub struct CueSite<'d, 'a> {
    pub doc: &'d Doc<'a>,
    pub sentence: Range<usize>,
    pub cue: Range<usize>,
    pub form: &'static CueForm,
    /// The cue is passive ("was criticized by"): its subject is not its speaker.
    pub passive: bool,
    pub rules: RuleSet,
    /// The speaker of the sentence's latest attribution, for a cue that carries it.
    earlier_speaker: Option<Range<usize>>,
    subject: OnceCell<Option<Subject>>,
}

impl<'d, 'a> CueSite<'d, 'a> {
    /// The cue's subject, found once for all frames. A bare verb form ("say", "show") needs a
    /// subject it agrees with ("polls show", "I say", "will say"), else it has none: "the TV
    /// show" is no cue.
    pub fn subject(&self) -> Option<&Subject> {
        self.subject
            .get_or_init(|| {
                let carry = self.rules.has(Rule::CarriedSubject);
                let subject =
                    subject_of(self.doc, &self.sentence, &self.cue, carry, self.earlier_speaker.as_ref())?;
                let agrees = !self.form.base
                    || subject.carried
                    || agrees_with_base_form(self.doc, &subject.speaker, self.cue.start);
                agrees.then_some(subject)
            })
            .as_ref()
    }

    /// Where a split quote may resume after the attribution, unless `resumed_quote` is off.
    pub fn resume_at(&self, token: usize) -> Option<usize> {
        self.rules.has(Rule::ResumedQuote).then_some(token)
    }

    /// An attribution of this cue by `frame`.
    pub fn found(&self, frame: Rule, content: Vec<ByteSpan>, speaker: Range<usize>, carried: bool) -> Found {
        Found {
            content,
            speaker: Some(speaker),
            cue: Some(self.cue.clone()),
            class: Some(self.form.class),
            carried,
            frame,
        }
    }
}

/// The speaker a reader carries through a paragraph of quotes: the latest named at a cue.
#[derive(Clone, Debug)]
pub struct PassageVoice {
    pub speaker: Range<usize>,
    pub para: u32,
    pub class: Option<CueClass>,
}

/// An unclaimed double quote as the quote frames see it.
pub struct QuoteSite<'d, 'a> {
    pub doc: &'d Doc<'a>,
    pub quote: &'d Quote,
    /// Whether the quote opens its sentence (or follows a colon there).
    pub alone: bool,
    pub rules: RuleSet,
    /// The latest speaker named before the quote, in any paragraph.
    pub voice: Option<&'d PassageVoice>,
    /// The next attribution after the quote.
    pub next: Option<&'d Found>,
}

/// Every attribution in the document, ordered by where its content starts.
pub fn find_attributions(doc: &Doc, rules: RuleSet) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    for sentence in
        doc.sentences.iter().filter(|s| doc.role(s.start).holds_statements() && !doc.is_dateline(s))
    {
        find_in_sentence(doc, sentence, rules, &mut found);
    }
    let letters =
        Letters::count(doc.text, found.iter().flat_map(|f| f.content.iter().copied()), &Coverage::none());
    found.retain(|f| {
        f.content.iter().all(|p| !p.is_empty())
            && f.content.iter().any(|&p| letters.of(p).0 > 0)
            && speaker_outside(doc, f)
    });
    found.sort_by_key(|f| (f.start(), f.end()));
    found.dedup_by_key(|f| f.start());
    if rules.has(Rule::Nested) {
        found = policies::nested::without_nested(doc, found);
    }
    let mut found = attach_unclaimed_quotes(doc, found, rules);
    found.retain(|f| speaker_outside(doc, f));
    found
}

/// Whether the speaker stands outside what it says. A speaker carried over a passage may not
/// (`„THE MINISTRY: …"` is a quote that holds its would-be speaker), and such an attribution
/// is dropped: the outputs promise a speaker outside its content (`tests/common/invariants.rs`).
fn speaker_outside(doc: &Doc, f: &Found) -> bool {
    f.speaker.as_ref().is_none_or(|s| {
        let s = doc.range_span(s);
        f.content.iter().all(|p| p.end <= s.start || s.end <= p.start)
    })
}

/// Phase 1 for one sentence: appends what its frames find to `found`.
fn find_in_sentence(doc: &Doc, sentence: &Range<usize>, rules: RuleSet, found: &mut Vec<Found>) {
    let first = found.len();
    for rule in rules.active() {
        if let Phase::SentenceStart(find) = rule.phase {
            found.extend(find(doc, sentence));
        }
    }
    let mut i = sentence.start;
    while i < sentence.end {
        let cue = doc.in_quote[i]
            .is_none()
            .then(|| doc.cue_at(i))
            .flatten()
            .filter(|&(end, _)| end <= sentence.end);
        let used = cue.map(|(_, form)| match rules.has(Rule::VerbUse) {
            true => cue_use(doc, sentence, i, form),
            false => CueUse::Verb,
        });
        let (Some((end, form)), Some(used)) = (cue, used.filter(|&u| u != CueUse::Noun)) else {
            i += 1;
            continue;
        };
        let earlier_speaker = found[first..].last().and_then(|f| f.speaker.clone());
        let site = CueSite {
            doc,
            sentence: sentence.clone(),
            cue: i..end,
            form,
            passive: used == CueUse::Passive,
            rules,
            earlier_speaker,
            subject: OnceCell::new(),
        };
        if let Some(f) = attribution_at(&site) {
            let recent = first.max(found.len().saturating_sub(MAX_CUT_BACK));
            if f.carried {
                if rules.has(Rule::CoordinationCut) {
                    cut_before(doc, &mut found[recent..], i);
                }
            } else if let Some(comma) =
                relative_clause_comma(doc, &f).filter(|_| rules.has(Rule::RelativeClauseCut))
            {
                cut_before(doc, &mut found[recent..], comma + 1);
            }
            // A denied act still ends the statement before it ("…, but he refused to say").
            if !rules.has(Rule::NegatedAct)
                || !negated_act::is_negated(doc, sentence, &site.cue, f.speaker.as_ref())
            {
                found.push(f);
            }
        }
        i = end;
    }
    for rule in rules.active() {
        if let Phase::SentenceEnd(find) = rule.phase {
            let more = find(doc, sentence, &found[first..]);
            found.extend(more);
        }
    }
}

/// The attribution the first deciding cue frame finds at a cue. "According to" is offered to
/// its own frame only, and so is a passive cue.
fn attribution_at(site: &CueSite) -> Option<Found> {
    let own_frame = if site.form.arguments == crate::lexicon::Arguments::Source {
        Some(Rule::AccordingTo)
    } else if site.passive {
        Some(Rule::PassiveAgent)
    } else {
        None
    };
    for rule in site.rules.active() {
        let Phase::Cue(find) = rule.phase else { continue };
        let mine = match own_frame {
            Some(own) => rule.rule == own,
            None => !matches!(rule.rule, Rule::AccordingTo | Rule::PassiveAgent),
        };
        if !mine {
            continue;
        }
        match find(site) {
            Verdict::Found(f) => return Some(f),
            Verdict::Refused => return None,
            Verdict::Pass => {}
        }
    }
    None
}

/// Phase 3: offers each double quote that no attribution claims to the unclaimed-quote frames,
/// in reading order, keeping the speaker a reader would carry through the passage.
fn attach_unclaimed_quotes(doc: &Doc, mut found: Vec<Found>, rules: RuleSet) -> Vec<Found> {
    let covered = Coverage::of(found.iter().flat_map(|f| f.content.iter().copied()));
    // The quotes attached, kept apart and merged at the end: a second list of everything found
    // would double the finder's memory at its peak.
    let mut attached: Vec<Found> = Vec::new();
    let mut next = 0;
    let mut voice: Option<PassageVoice> = None;
    let mut quoted_sentence = None;
    for q in doc.quotes.iter().filter(|q| q.double && doc.role(q.first).holds_statements()) {
        while let Some(f) = found.get(next).filter(|f| f.start() <= q.start()) {
            next += 1;
            // Beliefs and plans ("thinks", "wants") rarely introduce a run of quotes, and a
            // relative "who" stands for the speaker named just before it.
            let relative = f.speaker.as_ref().is_some_and(|s| doc.pronoun(s.start) == Some(Pronoun::Who));
            let held = matches!(f.class, Some(CueClass::Belief | CueClass::Intention));
            if let Some(s) = f.speaker.as_ref().filter(|_| !held && !relative) {
                voice =
                    Some(PassageVoice { speaker: s.clone(), para: doc.tokens[s.start].para, class: f.class });
            }
        }
        let length: usize = q.parts.iter().map(ByteSpan::len).sum();
        let claimed: usize = q.parts.iter().map(|&p| covered.overlap(p)).sum();
        if claimed * 2 >= length {
            continue;
        }
        let alone = stands_alone(doc, q.first);
        if !alone {
            let sentence = doc.sentence_of[q.first];
            if quoted_sentence == Some(sentence) {
                continue;
            }
            quoted_sentence = Some(sentence);
        }
        let site = QuoteSite { doc, quote: q, alone, rules, voice: voice.as_ref(), next: found.get(next) };
        attached.extend(rules.active().find_map(|rule| match rule.phase {
            Phase::UnclaimedQuote(find) => find(&site),
            _ => None,
        }));
    }
    // A stable sort keeps what was found before a quote attached at the same place.
    found.extend(attached);
    found.sort_by_key(|f| (f.start(), f.end()));
    found
}

/// Whether a quote opening at token `first` begins a sentence (or follows a colon).
fn stands_alone(doc: &Doc, first: usize) -> bool {
    let sentence = doc.sentence(first);
    first == sentence.start || doc.is_punct(first - 1, ':')
}

/// What the frames' unit tests look at: each attribution as plain strings.
#[cfg(test)]
pub mod testing {
    use super::registry::{Rule, RuleSet};
    use crate::doc::Doc;

    /// One attribution: its frame, content (parts joined by " … ", without quotation marks
    /// and end punctuation), speaker, cue and number of content parts.
    #[derive(Debug, PartialEq)]
    pub struct Seen {
        pub frame: &'static str,
        pub content: String,
        pub speaker: String,
        pub cue: String,
        pub parts: usize,
    }

    fn strip(text: &str) -> String {
        text.trim_matches(|c: char| c.is_whitespace() || "\"“”‘’'.,;:!?—–".contains(c)).to_string()
    }

    fn find(text: &str, rules: RuleSet) -> Vec<Seen> {
        let doc = Doc::new(text);
        super::find_attributions(&doc, rules)
            .into_iter()
            .map(|f| Seen {
                frame: f.frame.name(),
                content: f
                    .content
                    .iter()
                    .map(|p| strip(&text[p.start..p.end]))
                    .collect::<Vec<_>>()
                    .join(" … "),
                speaker: f.speaker.map(|s| doc.slice(s).to_string()).unwrap_or_default(),
                cue: f.cue.map(|c| doc.slice(c).to_string()).unwrap_or_default(),
                parts: f.content.len(),
            })
            .collect()
    }

    /// What the finder finds in `text` with every rule on.
    pub fn found(text: &str) -> Vec<Seen> {
        find(text, RuleSet::all())
    }

    /// What it finds with `rule` off.
    pub fn found_without(text: &str, rule: Rule) -> Vec<Seen> {
        find(text, RuleSet::all().without(rule))
    }

    /// The one attribution found in `text`, which `frame` must have found.
    pub fn only_by(text: &str, frame: Rule) -> Seen {
        let all = found(text);
        assert_eq!(all.len(), 1, "{text}: expected one attribution, found {all:?}");
        let seen = all.into_iter().next().expect("one attribution");
        assert_eq!(seen.frame, frame.name(), "{text}: found by another frame: {seen:?}");
        seen
    }
}
