//! Policy `nested`: a cue inside another statement's content is part of that statement.
//!
//! In `Kanaani said the ministry considers the decision unwise`, the claim on the page is
//! Kanaani's, and the ministry's view is part of what he said: the inner attribution is
//! dropped. Two attributions that each hold the other's cue are one clause seen twice (`X said
//! that according to Y, …`): the one whose content starts first wins.
//!
//! One sweep over cues and content parts sorted by start finds, for every cue, the content
//! that reaches furthest over it: linear after sorting.

use crate::attribution::Found;
use crate::doc::Doc;
use crate::span::ByteSpan;

/// The attributions whose cue stands inside no other attribution's content.
pub fn without_nested(doc: &Doc, found: Vec<Found>) -> Vec<Found> {
    let container = cue_containers(doc, &found);
    let keep: Vec<bool> = (0..found.len())
        .map(|i| match container[i] {
            None => true,
            Some(c) => container[c] == Some(i) && found[c].start() > found[i].start(),
        })
        .collect();
    found.into_iter().zip(keep).filter_map(|(f, k)| k.then_some(f)).collect()
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
}
