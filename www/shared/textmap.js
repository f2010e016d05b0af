// Turns UTF-16 offsets into a text made of DOM text nodes back into DOM Ranges.
//
// Contract: a text map is `{text, nodes, starts, offsets}`: `text` is what the engine was given,
// made of pieces that each start at `starts[i]`; piece i is the text of the text node `nodes[i]`
// from its offset `offsets[i]` on (0 when the map has no `offsets`: the whole node), or null for
// text with no node of its own (the extension reads a <br> as a space; a selection starts and
// ends inside text nodes). `rangesOver(map, start, end)` gives the Ranges over `text.slice(start, end)`: one per
// tree the text lies in, since a Range cannot cross a shadow root's edge; none when the offsets
// fall outside the text. A start on a node boundary belongs to the next node and an end to the
// previous one, so that a range never begins or ends in an empty corner of a neighbouring
// element. `textMap(root)` maps the text nodes under an element (the demo's article view).
//
// Why a binary search over piece starts: an article has thousands of text nodes and a few
// hundred spans; walking once and searching per span keeps painting linear in practice.

/** Index of the last piece that starts at or before `offset`. */
export function pieceAt(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The Ranges over `map.text.slice(start, end)`, one per tree; see the header comment. */
export function rangesOver(map, start, end) {
  if (start < 0 || end > map.text.length || start >= end) return [];
  const ranges = [];
  let range = null;
  let tree = null;
  for (let i = pieceAt(map.starts, start), last = pieceAt(map.starts, end - 1); i <= last; i++) {
    const node = map.nodes[i];
    if (!node) continue;
    const skip = map.offsets?.[i] ?? 0;
    const length = (map.starts[i + 1] ?? map.text.length) - map.starts[i];
    const from = skip + Math.max(start - map.starts[i], 0);
    const to = skip + Math.min(end - map.starts[i], length, node.data.length - skip);
    if (from >= to) continue;
    const nodeTree = node.getRootNode();
    if (!range || nodeTree !== tree) {
      range = node.ownerDocument.createRange();
      range.setStart(node, from);
      ranges.push(range);
      tree = nodeTree;
    }
    range.setEnd(node, to);
  }
  return ranges;
}

/** The text map of every non-empty text node under `root`, in document order. */
export function textMap(root) {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const map = { text: '', nodes: [], starts: [] };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.data.length) continue;
    map.nodes.push(node);
    map.starts.push(map.text.length);
    map.text += node.data;
  }
  return map;
}
