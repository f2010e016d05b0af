// Turns UTF-16 offsets into the text of an element into DOM Ranges.
//
// Contract: `textMap(root)` walks the text nodes under `root` once and returns `{text,
// range(start, end)}`, where `text` is the concatenation of those nodes (what the engine was
// given for that block) and `range` builds a Range over `text.slice(start, end)`, or null when
// the offsets fall outside it. A start that falls on a node boundary belongs to the next node
// and an end to the previous one, so that a range never begins or ends in an empty corner of a
// neighbouring element.
//
// Why a binary search over node starts: an article has thousands of text nodes and a few
// hundred spans; walking once and searching per span keeps painting linear in practice.

export function textMap(root) {
  const doc = root.ownerDocument || root;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  const starts = [];
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.data.length) continue;
    nodes.push(node);
    starts.push(text.length);
    text += node.data;
  }

  // Index of the last node starting at or before `offset`.
  const nodeAt = (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  return {
    text,
    range(start, end) {
      if (!nodes.length || start < 0 || end > text.length || start >= end) return null;
      const a = nodeAt(start); // a start on a boundary lands in the next node by construction
      const b = nodeAt(end - 1); // an end on a boundary stays in the previous node
      const range = doc.createRange();
      range.setStart(nodes[a], start - starts[a]);
      range.setEnd(nodes[b], end - starts[b]);
      return range;
    },
  };
}
