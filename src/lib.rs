//! Sourcelight's engine: who said what in a news text.
//!
//! [`analyze`] takes the text of an article and returns every attributed statement in it
//! ([`Attribution`]: content, cue, speaker, kind), the [`Party`] each statement belongs to after
//! coreference, and the [`Hedge`]s that attribute a claim to no one. [`analyze_blocks`] does the
//! same for text that comes in blocks (the paragraphs of a web page), and gives every span
//! with the block it stands in, so that a browser can map it back to its element.
//!
//! The engine is pure Rust with no I/O. Offsets are byte offsets into the text (or the block);
//! the command-line tool and the WebAssembly facade convert them to code points or UTF-16 units
//! at their edge. The pipeline is: [`text`] tokens and sentences, [`quotes`] quotation marks,
//! [`attribution`] cues and frames, [`party`] coreference, [`hedge`] hedges. Each step is linear
//! in the length of the text.

pub mod attribution;
pub mod block;
pub mod doc;
pub mod hedge;
pub mod letters;
pub mod lexicon;
pub mod party;
pub mod phrase;
pub mod quotes;
pub mod sourcing;
pub mod span;
pub mod steps;
pub mod target;
pub mod text;
pub mod units;
#[cfg(target_arch = "wasm32")]
mod wasm;

use serde::Serialize;

pub use attribution::registry::{Rule, RuleInfo, RuleSet, RULES};
pub use block::{Block, Role};
pub use lexicon::{CueClass, PartyKind};
pub use sourcing::Sourcing;
pub use units::{Unit, UnitSpan};

use attribution::{find_attributions, Found};
use block::BlockMap;
use doc::Doc;
use letters::Letters;
use span::{ByteSpan, Coverage};

/// A stretch of text: bytes `start..end` of block `block` (block 0 for a plain text).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    pub block: usize,
    pub start: usize,
    pub end: usize,
}

/// How much of the content is the speaker's own words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// All of it is inside quotation marks.
    Direct,
    /// Reported speech that quotes some words.
    Mixed,
    /// Reported speech with no quoted words.
    Indirect,
}

/// One attributed statement. Its spans are byte [`Span`]s inside the engine, and offsets in the
/// caller's units at its edges ([`Analysis::in_units`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Attribution<S = Span> {
    pub kind: Kind,
    /// The statement, in one or more parts (a quote split around its cue, or running over
    /// several paragraphs, has several).
    pub content: Vec<S>,
    /// The speaker as written ("the Iranian spokesperson", "he").
    pub speaker: Option<S>,
    pub speaker_text: Option<String>,
    /// The cue that attributes the statement ("said", "according to"); none for a quote whose
    /// speaker is named in a sentence around it.
    pub cue: Option<S>,
    pub cue_text: Option<String>,
    pub cue_class: Option<CueClass>,
    /// The name of the frame that found the statement ("quote_then_speaker"): see [`RULES`].
    pub frame: &'static str,
    /// Index into [`Analysis::parties`].
    pub party: Option<usize>,
    /// How the source is given: a named person or organization, withheld, or unnamed.
    pub sourcing: Sourcing,
    /// The party an accusation, denial, criticism, appeal or concession aims at, if named.
    pub target: Option<usize>,
}

/// Someone who speaks in the text, with every mention that names them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Party {
    pub id: usize,
    pub name: String,
    pub kind: PartyKind,
    /// The role the text gives ("Under Secretary", "Spokesperson").
    pub role: Option<String>,
    /// The organization the party speaks for ("US Treasury").
    pub affiliation: Option<String>,
    /// The country the party speaks for.
    pub side: Option<String>,
    /// The mentions, as written, in order of first use.
    pub mentions: Vec<String>,
    /// How many attributions belong to the party.
    pub statements: usize,
}

/// A word or phrase that attributes a claim to no one ("allegedly").
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hedge<S = Span> {
    pub span: S,
    pub text: String,
}

/// Everything the engine finds in a text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Analysis<S = Span> {
    pub attributions: Vec<Attribution<S>>,
    pub parties: Vec<Party>,
    pub hedges: Vec<Hedge<S>>,
}

impl<S> Analysis<S> {
    /// The same analysis with every span replaced by `f(span)`: the one place that knows every
    /// field holding a span.
    pub fn map_spans<T>(self, mut f: impl FnMut(S) -> T) -> Analysis<T> {
        let attributions = self
            .attributions
            .into_iter()
            .map(|a| Attribution {
                kind: a.kind,
                content: a.content.into_iter().map(&mut f).collect(),
                speaker: a.speaker.map(&mut f),
                speaker_text: a.speaker_text,
                cue: a.cue.map(&mut f),
                cue_text: a.cue_text,
                cue_class: a.cue_class,
                frame: a.frame,
                party: a.party,
                sourcing: a.sourcing,
                target: a.target,
            })
            .collect();
        let hedges = self.hedges.into_iter().map(|h| Hedge { span: f(h.span), text: h.text }).collect();
        Analysis { attributions, parties: self.parties, hedges }
    }

    /// Every span, in the order [`Analysis::map_spans`] visits them.
    fn spans(&self) -> impl Iterator<Item = &S> {
        let attributions =
            self.attributions.iter().flat_map(|a| a.content.iter().chain(&a.speaker).chain(&a.cue));
        attributions.chain(self.hedges.iter().map(|h| &h.span))
    }
}

/// How to analyze: which rules of the finder are on (all, unless measuring one).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub rules: RuleSet,
}

/// Analyzes one text of unknown roles. Every span has block 0.
pub fn analyze(text: &str) -> Analysis {
    analyze_blocks(&[Block::text(text)])
}

/// Analyzes text given in blocks (headlines, paragraphs, captions…), as one document: a quote
/// may run from one block into the next, and a pronoun may point back to an earlier block.
/// Spans give the block they stand in; a content that crosses blocks is split at them.
pub fn analyze_blocks(blocks: &[Block]) -> Analysis {
    analyze_with(blocks, &Options::default())
}

/// [`analyze_blocks`] with options.
pub fn analyze_with(blocks: &[Block], options: &Options) -> Analysis {
    let (text, blocks) = block::join(blocks);
    let doc = Doc::with_roles(&text, |byte| blocks.role_at(byte));
    let quoted = Coverage::of(doc.quotes.iter().flat_map(|q| q.parts.iter().copied()));
    // A caption's statements are only its quotes: what it says otherwise is the writer's.
    let found = find_attributions(&doc, options.rules);
    let letters = Letters::count(doc.text, found.iter().flat_map(|f| f.content.iter().copied()), &quoted);
    let (kinds, found): (Vec<Kind>, Vec<Found>) = found
        .into_iter()
        .map(|f| (kind_of(&f.content, &letters), f))
        .filter(|(kind, f)| *kind == Kind::Direct || blocks.role_at(f.start()) != Role::Caption)
        .unzip();
    drop((quoted, letters));
    let resolved = party::resolve_parties(&doc, &found);
    let entities = &resolved.entities;

    // Parties are numbered in order of their first statement, so that colours stay stable;
    // parties that are only targets come after every party that speaks.
    let mut party_of_entity: Vec<Option<usize>> = vec![None; entities.len()];
    let mut parties: Vec<Party> = Vec::new();
    let mut party_of = |e: usize, parties: &mut Vec<Party>| {
        *party_of_entity[e].get_or_insert_with(|| {
            parties.push(Party { id: parties.len(), statements: 0, ..entities[e].party.clone() });
            parties.len() - 1
        })
    };
    // What needs the document is taken from it first, and the document is dropped before the
    // answer is written out: the two never hold memory at once.
    let mut drafts = Vec::with_capacity(found.len());
    for (i, (f, kind)) in found.iter().zip(kinds).enumerate() {
        let entity = resolved.speakers[i];
        let party = entity.map(|e| party_of(e, &mut parties));
        if let Some(p) = party {
            parties[p].statements += 1;
        }
        let sourcing = sourcing::sourcing_of(&doc, f.speaker.as_ref(), entity.map(|e| &entities[e]));
        drafts.push(Draft {
            kind,
            speaker: f.speaker.as_ref().map(|r| doc.range_span(r)),
            cue: f.cue.as_ref().map(|r| doc.range_span(r)),
            party,
            sourcing,
            target: None,
        });
    }
    for (d, target) in drafts.iter_mut().zip(&resolved.targets) {
        d.target = target.map(|e| party_of(e, &mut parties));
    }
    let hedges: Vec<ByteSpan> = hedge::find_hedges(&doc).iter().map(|r| doc.range_span(r)).collect();
    drop((doc, resolved));
    let attributions =
        found.into_iter().zip(drafts).map(|(f, d)| attribution_of(&text, f, d, &blocks)).collect();
    let hedges = hedges
        .into_iter()
        .map(|h| Hedge { span: blocks.span(h), text: text[h.start..h.end].to_string() })
        .collect();
    Analysis { attributions, parties, hedges }
}

/// What an attribution takes from the document, kept while the document is dropped.
struct Draft {
    kind: Kind,
    speaker: Option<ByteSpan>,
    cue: Option<ByteSpan>,
    party: Option<usize>,
    sourcing: Sourcing,
    target: Option<usize>,
}

fn attribution_of(text: &str, f: Found, d: Draft, blocks: &BlockMap) -> Attribution {
    Attribution {
        kind: d.kind,
        content: f.content.iter().flat_map(|&part| blocks.spans(text, part)).collect(),
        speaker: d.speaker.map(|s| blocks.span(s)),
        speaker_text: d.speaker.map(|s| text[s.start..s.end].to_string()),
        cue: d.cue.map(|s| blocks.span(s)),
        cue_text: d.cue.map(|s| text[s.start..s.end].to_string()),
        cue_class: f.class,
        frame: f.frame.name(),
        party: d.party,
        sourcing: d.sourcing,
        target: d.target,
    }
}

/// Direct when every letter of the content is quoted, mixed when some are, else indirect.
fn kind_of(content: &[ByteSpan], letters: &Letters) -> Kind {
    let (total, inside) =
        content.iter().map(|&part| letters.of(part)).fold((0, 0), |(t, i), (a, b)| (t + a, i + b));
    match inside {
        0 => Kind::Indirect,
        n if n == total => Kind::Direct,
        _ => Kind::Mixed,
    }
}
