//! Policy `nested`: a cue inside another statement's content is part of that statement.
//!
//! In `Kanaani said the ministry considers the decision unwise`, the claim on the page is
//! Kanaani's, and the ministry's view is part of what he said: the inner attribution is
//! dropped. Two attributions that each hold the other's cue are one clause seen twice (`X said
//! that according to Y, …`): the one whose content starts first wins.
//!
//! A clear second act keeps its own statement: in `South Africa said Mugabe had told Zuma that
//! he was confined`, Mugabe's telling is an act of his, reported, not a view folded into South
//! Africa's claim. An inner cue is a clear act when it is no belief or plan and it is in the
//! past perfect ("had told") or tells someone that something is so ("told Zuma that").
//!
//! One sweep over cues and content parts sorted by start finds, for every cue, the content
//! that reaches furthest over it: linear after sorting.

use crate::attribution::Found;
use crate::doc::Doc;
use crate::lexicon::{Arguments, CueClass};
use crate::span::ByteSpan;

/// The attributions whose cue stands inside no other attribution's content.
pub fn without_nested(doc: &Doc, found: Vec<Found>) -> Vec<Found> {
    let container = cue_containers(doc, &found);
    let keep: Vec<bool> = (0..found.len())
        .map(|i| match container[i] {
            None => true,
            Some(c) => {
                (container[c] == Some(i) && found[c].start() > found[i].start())
                    || is_clear_act(doc, &found[i])
            }
        })
        .collect();
    found.into_iter().zip(keep).filter_map(|(f, k)| k.then_some(f)).collect()
}

/// Whether an attribution inside another is an act of its own speaker (see the module doc).
fn is_clear_act(doc: &Doc, f: &Found) -> bool {
    let Some((cue, form)) = f.cue.as_ref().and_then(|c| doc.cue_at(c.start).map(|(_, form)| (c, form)))
    else {
        return false;
    };
    if matches!(form.class, CueClass::Belief | CueClass::Intention) || f.speaker.is_none() {
        return false;
    }
    let perfect = cue.start > 0 && doc.is_word(cue.start - 1) && &doc.lower[cue.start - 1] == "had";
    let told_that = form.arguments == Arguments::Recipient && doc.text[f.start()..].starts_with("that ");
    perfect || told_that
}

/// For each attribution, another whose content holds its cue, if any.
fn cue_containers(doc: &Doc, found: &[Found]) -> Vec<Option<usize>> {
    let mut cues: Vec<(ByteSpan, usize)> = found
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.cue.as_ref().map(|c| (doc.range_span(c), i)))
        .collect();
    cues.sort_unstable();
    let mut parts: Vec<(ByteSpan, usize)> =
        found.iter().enumerate().flat_map(|(i, f)| f.content.iter().map(move |&part| (part, i))).collect();
    parts.sort_unstable();
    let mut container = vec![None; found.len()];
    let mut next = 0;
    let mut furthest: Option<(usize, usize)> = None;
    for (cue, i) in cues {
        while next < parts.len() && parts[next].0.start <= cue.start {
            let (part, owner) = parts[next];
            if furthest.is_none_or(|(e, _)| part.end > e) {
                furthest = Some((part.end, owner));
            }
            next += 1;
        }
        container[i] = furthest.filter(|&(end, owner)| end >= cue.end && owner != i).map(|(_, owner)| owner);
    }
    container
}

#[cfg(test)]
mod tests {
    use crate::attribution::registry::Rule;
    use crate::attribution::testing::{found, found_without};

    const TEXT: &str = "Kanaani said the ministry considers the decision unwise.";

    #[test]
    fn the_inner_view_is_part_of_the_outer_statement() {
        let all = found(TEXT);
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(all[0].speaker, "Kanaani");
        assert_eq!(found_without(TEXT, Rule::Nested).len(), 2);
    }

    #[test]
    fn a_clear_second_act_keeps_its_statement() {
        let all = found("Pretoria said Mr Mbeki had told President Banda that he was confined.");
        assert_eq!(all.len(), 2, "{all:?}");
        assert_eq!((all[1].speaker.as_str(), all[1].content.as_str()), ("Mr Mbeki", "that he was confined"));
    }
}
