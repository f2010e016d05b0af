//! Letters and digits in many byte spans of a text at once, in one sweep.
//!
//! Whether a content holds a letter at all, and how many of its letters are quoted (direct,
//! mixed or indirect speech), were counted span by span, character by character: contents
//! overlap (every `CONTENT, X said` of a sentence starts at its start), so a sentence of n
//! cues was read n times. Here every span's start and end are sorted, and the text between
//! two neighbouring ones is read once, if some span covers it, with a pointer over the quoted
//! stretches moving along: linear in the text, plus sorting the spans.

use crate::span::{ByteSpan, Coverage};
use crate::steps;

/// How many letters (alphanumeric characters) stand in each of some spans, and how many of
/// them inside a set of quoted stretches.
pub struct Letters {
    /// Every start and end of a span, sorted, without repeats.
    positions: Vec<usize>,
    /// For each position, the letters before it (in spans) and how many of those were quoted.
    before: Vec<(u32, u32)>,
}

impl Letters {
    /// Counts the letters of `text` in `spans` (on character boundaries), and those inside
    /// `quoted`.
    pub fn count(text: &str, spans: impl Iterator<Item = ByteSpan>, quoted: &Coverage) -> Letters {
        let mut events: Vec<(usize, isize)> = Vec::new();
        for span in spans.filter(|s| !s.is_empty()) {
            events.push((span.start, 1));
            events.push((span.end, -1));
        }
        events.sort_unstable();
        let mut positions = Vec::with_capacity(events.len());
        let mut before = Vec::with_capacity(events.len());
        let mut quoted_pieces = quoted.pieces().iter().peekable();
        let (mut depth, mut total, mut inside) = (0isize, 0u32, 0u32);
        let mut at = 0;
        for (position, delta) in events {
            if position > at && depth > 0 {
                // Text between two neighbouring positions that some span covers, cut where it
                // enters and leaves a quoted stretch.
                let mut x = at;
                while x < position {
                    while quoted_pieces.next_if(|q| q.end <= x).is_some() {}
                    let (in_quote, y) = match quoted_pieces.peek() {
                        Some(q) if q.start <= x => (true, q.end.min(position)),
                        Some(q) => (false, q.start.min(position)),
                        None => (false, position),
                    };
                    let letters = text[x..y].chars().filter(|c| c.is_alphanumeric()).count() as u32;
                    steps::add(y - x);
                    total += letters;
                    if in_quote {
                        inside += letters;
                    }
                    x = y;
                }
            }
            at = at.max(position);
            if positions.last() != Some(&position) {
                positions.push(position);
                before.push((total, inside));
            }
            depth += delta;
        }
        Letters { positions, before }
    }

    fn at(&self, byte: usize) -> (u32, u32) {
        let i = self.positions.partition_point(|&p| p < byte);
        self.before[i]
    }

    /// The letters in `span` (one of the spans counted), and how many of them are quoted.
    pub fn of(&self, span: ByteSpan) -> (usize, usize) {
        if span.is_empty() {
            return (0, 0);
        }
        let (a, b) = (self.at(span.start), self.at(span.end));
        ((b.0 - a.0) as usize, (b.1 - a.1) as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_spans_and_quoted_stretches() {
        let text = "ab \"cd\" e, “fé” g";
        let quoted = Coverage::of([ByteSpan::new(3, 7), ByteSpan::new(11, 20)].into_iter());
        let spans = [ByteSpan::new(0, 10), ByteSpan::new(4, 22), ByteSpan::new(0, 3), ByteSpan::new(8, 9)];
        let letters = Letters::count(text, spans.iter().copied(), &quoted);
        assert_eq!(letters.of(ByteSpan::new(0, 10)), (5, 2));
        assert_eq!(letters.of(ByteSpan::new(4, 22)), (6, 4));
        assert_eq!(letters.of(ByteSpan::new(0, 3)), (2, 0));
        assert_eq!(letters.of(ByteSpan::new(8, 9)), (1, 0));
    }
}
