//! Offsets in the caller's units, at the engine's edges.
//!
//! The engine works in bytes. The command-line tool and the scorer count Unicode code points;
//! JavaScript strings and DOM Ranges count UTF-16 code units. [`Analysis::in_units`] is the one
//! conversion both edges use, so a field added to an attribution is converted without another
//! line of code.
//!
//! Design choice: only the offsets that spans use are converted. They are gathered per block,
//! sorted, and converted in one sweep over the block's characters, so the work is linear in
//! the text (plus sorting the spans) and the memory is a few words per span, not a table per
//! byte of text.

use serde::Serialize;

use crate::{Analysis, Span};

/// What an offset counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Unicode code points: the command-line tool and the scorer.
    CodePoint,
    /// UTF-16 code units: JavaScript strings and DOM Ranges.
    Utf16,
}

impl Unit {
    fn width(self, c: char) -> u32 {
        match self {
            Unit::CodePoint => 1,
            Unit::Utf16 => c.len_utf16() as u32,
        }
    }
}

/// Units `start..end` of block `block`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct UnitSpan {
    pub block: usize,
    pub start: u32,
    pub end: u32,
}

impl Analysis<Span> {
    /// The analysis of `blocks` with every byte span turned into a span of `unit`s.
    pub fn in_units(self, blocks: &[&str], unit: Unit) -> Analysis<UnitSpan> {
        self.in_units_as(blocks, unit, |s| s)
    }

    /// [`Analysis::in_units`], each span then given as `f` makes it: in one pass, so that a
    /// caller's own span type does not cost a third copy of the analysis.
    pub fn in_units_as<T>(
        self,
        blocks: &[&str],
        unit: Unit,
        mut f: impl FnMut(UnitSpan) -> T,
    ) -> Analysis<T> {
        let mut wanted: Vec<Vec<usize>> = vec![Vec::new(); blocks.len()];
        for span in self.spans() {
            wanted[span.block].extend([span.start, span.end]);
        }
        let tables: Vec<(Vec<usize>, Vec<u32>)> = wanted
            .into_iter()
            .zip(blocks)
            .map(|(mut bytes, text)| {
                bytes.sort_unstable();
                bytes.dedup();
                let units = units_at(text, &bytes, unit);
                (bytes, units)
            })
            .collect();
        let at = |block: usize, byte: usize| {
            let (bytes, units) = &tables[block];
            units[bytes.partition_point(|&b| b < byte)]
        };
        self.map_spans(|s| {
            f(UnitSpan { block: s.block, start: at(s.block, s.start), end: at(s.block, s.end) })
        })
    }
}

/// The unit offset of each of the sorted byte offsets `bytes` of `text`.
fn units_at(text: &str, bytes: &[usize], unit: Unit) -> Vec<u32> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut units = 0u32;
    let mut chars = text.char_indices().peekable();
    for &byte in bytes {
        while let Some((_, c)) = chars.next_if(|&(i, _)| i < byte) {
            units += unit.width(c);
        }
        out.push(units);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_and_utf16_units_of_accents_and_emoji() {
        let text = "Café 😀.\n“Yes,” Zoë said.";
        let analysis = crate::analyze(text);
        let content = analysis.attributions[0].content[0];
        assert_eq!(&text[content.start..content.end], "“Yes,”");
        let points = analysis.clone().in_units(&[text], Unit::CodePoint).attributions[0].content[0];
        let utf16 = analysis.in_units(&[text], Unit::Utf16).attributions[0].content[0];
        assert_eq!((points.start, points.end), (8, 14));
        assert_eq!((utf16.start, utf16.end), (9, 15));
    }
}
