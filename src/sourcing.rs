//! How a statement's source is given: a named person, a named organization or country, a
//! source whose name the text withholds, or an unnamed group or role.
//!
//! Readers weigh a claim by its source, and a summary that counts "3 statements from anonymous
//! officials" tells them what an article rests on. A source is anonymous when its description
//! is a noun the text uses for withheld names ("a senior official", "sources") and no name is
//! known for it, or when a marker says so near the speaker ("people familiar with the matter",
//! "who asked not to be named"). Both lists are data (`anonymity.tsv`); the look around the
//! speaker is bounded.

use std::ops::Range;

use serde::Serialize;

use crate::doc::Doc;
use crate::lexicon::{lexicon, PartyKind, Pronoun};
use crate::party::Entity;

/// How a statement's source is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sourcing {
    /// A person the text names.
    Person,
    /// An organization, government, country or outlet the text names.
    Organization,
    /// A source whose name the text withholds.
    Anonymous,
    /// A group or role the text does not name, and a speaker not identified.
    Unnamed,
}

/// How far after the speaker's mention a marker of anonymity may stand, in tokens: "an official
/// said on condition of anonymity".
const MAX_MARKER_DISTANCE: usize = 8;

/// How the source of a statement by `speaker`, resolved to `entity`, is given.
pub fn sourcing_of(doc: &Doc, speaker: Option<&Range<usize>>, entity: Option<&Entity>) -> Sourcing {
    let Some(speaker) = speaker else { return Sourcing::Unnamed };
    // A body the text identifies ("the shipping ministry", "Oslo") is an organization, named or
    // described; a person only when named.
    let named = entity.filter(|e| {
        e.proper || matches!(e.kind, PartyKind::Country | PartyKind::Media | PartyKind::Organization)
    });
    if withheld(doc, speaker) && named.is_none_or(|e| e.kind != PartyKind::Person) {
        return Sourcing::Anonymous;
    }
    // "it" is never a person, whatever its antecedent was taken for.
    let it = speaker.len() == 1 && doc.pronoun(speaker.start) == Some(Pronoun::It);
    match named.map(|e| e.kind) {
        Some(PartyKind::Person) if !it => Sourcing::Person,
        Some(_) => Sourcing::Organization,
        None if doc.is_word(speaker.end - 1) && lexicon().is_source_noun(&doc.lower[speaker.end - 1]) => {
            Sourcing::Anonymous
        }
        None => Sourcing::Unnamed,
    }
}

/// Whether a marker of anonymity stands in or near the speaker's mention.
fn withheld(doc: &Doc, speaker: &Range<usize>) -> bool {
    let sentence = doc.sentence(speaker.start);
    let end = sentence.end.min(speaker.end + MAX_MARKER_DISTANCE);
    (speaker.start..end).any(|k| anonymity_marker_at(doc, k).is_some())
}

/// The tokens of the anonymity marker ("on condition of anonymity", "not authorized to speak")
/// that starts at token `k`, if one does.
pub(crate) fn anonymity_marker_at(doc: &Doc, k: usize) -> Option<Range<usize>> {
    if !doc.is_word(k) {
        return None;
    }
    lexicon()
        .anonymity_markers_starting(&doc.lower[k])
        .iter()
        .find(|words| words.iter().enumerate().all(|(n, w)| doc.is_word(k + n) && doc.lower[k + n] == *w))
        .map(|words| k..k + words.len())
}

#[cfg(test)]
mod tests {
    use super::Sourcing;
    use crate::analyze;

    fn sourcing(text: &str) -> Vec<Sourcing> {
        analyze(text).attributions.iter().map(|a| a.sourcing).collect()
    }

    #[test]
    fn named_people_and_organizations() {
        assert_eq!(sourcing("Ingrid Halvorsen said the talks would resume."), [Sourcing::Person]);
        assert_eq!(sourcing("The Ministry of Energy said prices would rise."), [Sourcing::Organization]);
        assert_eq!(sourcing("Oslo said the talks would resume."), [Sourcing::Organization]);
    }

    #[test]
    fn withheld_names() {
        for text in [
            "A senior official said the talks would resume.",
            "Sources said the talks would resume.",
            "People familiar with the matter said the talks would resume.",
            "A spokesperson, who asked not to be named, said the talks would resume.",
            "The talks will resume, an official said on condition of anonymity.",
        ] {
            assert_eq!(sourcing(text), [Sourcing::Anonymous], "{text}");
        }
    }

    #[test]
    fn unnamed_groups() {
        assert_eq!(sourcing("Critics said the plan would fail."), [Sourcing::Unnamed]);
    }
}
