//! Byte spans of the analyzed text, and sets of them.
//!
//! The engine speaks of two kinds of place: token ranges (`Range<usize>` of token indices, what
//! the finder walks) and byte spans ([`ByteSpan`], what a content is made of once found). They
//! are different types so that one is never passed for the other. Byte spans become the public
//! [`crate::Span`] (with their block) only when the analysis is assembled.

/// Bytes `start..end` of the analyzed text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ByteSpan {
    pub start: usize,
    pub end: usize,
}

impl ByteSpan {
    pub fn new(start: usize, end: usize) -> ByteSpan {
        ByteSpan { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// A set of byte spans, merged and sorted, that answers how much of a span it covers.
pub struct Coverage(Vec<ByteSpan>);

impl Coverage {
    pub fn of(spans: impl Iterator<Item = ByteSpan>) -> Coverage {
        let mut spans: Vec<ByteSpan> = spans.collect();
        spans.sort_unstable();
        let mut merged: Vec<ByteSpan> = Vec::with_capacity(spans.len());
        for span in spans {
            match merged.last_mut() {
                Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
                _ => merged.push(span),
            }
        }
        Coverage(merged)
    }

    /// The empty set.
    pub fn none() -> Coverage {
        Coverage(Vec::new())
    }

    /// Every covered piece, sorted.
    pub fn pieces(&self) -> &[ByteSpan] {
        &self.0
    }

    /// The covered pieces of `span`.
    pub fn segments(&self, span: ByteSpan) -> impl Iterator<Item = ByteSpan> + '_ {
        let from = self.0.partition_point(|s| s.end <= span.start);
        self.0[from..].iter().take_while(move |s| s.start < span.end).map(move |s| {
            crate::steps::step();
            ByteSpan::new(s.start.max(span.start), s.end.min(span.end))
        })
    }

    /// How many bytes of `span` are covered.
    pub fn overlap(&self, span: ByteSpan) -> usize {
        self.segments(span).map(|s| s.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_merges_and_measures() {
        let c =
            Coverage::of([ByteSpan::new(10, 20), ByteSpan::new(15, 30), ByteSpan::new(40, 45)].into_iter());
        assert_eq!(c.overlap(ByteSpan::new(0, 100)), 25);
        assert_eq!(c.overlap(ByteSpan::new(25, 42)), 7);
        assert_eq!(c.segments(ByteSpan::new(0, 12)).collect::<Vec<_>>(), [ByteSpan::new(10, 12)]);
    }
}
