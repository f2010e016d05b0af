// The painter for browsers without the CSS Custom Highlight API: statements and hedges are
// wrapped in <mark> elements, in the fill of their highlight. It has the shape of the
// highlight painter (paint.js), so the rest of the script does not know which one it has.
//
// Design:
// - A text node to mark is replaced by pieces (text nodes and marks), and the original node is
//   remembered with its pieces: unwrapping puts back the very same node, so the page's own
//   references to its nodes stay good and Off restores the DOM exactly.
// - A range over several text nodes (a quote with an <em> inside) gets one mark per node.
// - Only highlights with a fill are marked: speakers are underlined, and their marks would
//   nest inside the statements'.
// - Before the page's text is read again, the marks come out (`release`), so that the blocks
//   are made of the page's own nodes.
// - Our own changes to the DOM are not the page's: `onOwnChange` lets the observer forget them.
// - Revealing a statement outlines its marks through the Web Animations API, which leaves no
//   trace in the DOM once finished.

const REVEAL_MS = 1500;

export function createMarkPainter({ onOwnChange }) {
  let wrapped = []; // {node, pieces}: an original text node and what replaced it
  let ownerOf = new WeakMap(); // mark -> {attribution} | {hedge}
  let marksOf = new Map(); // attribution index -> its marks

  function unwrap() {
    for (const { node, pieces } of wrapped.reverse()) {
      const first = pieces[0];
      if (first.parentNode) first.parentNode.replaceChild(node, first);
      for (let i = 1; i < pieces.length; i++) pieces[i].remove();
    }
    wrapped = [];
    ownerOf = new WeakMap();
    marksOf = new Map();
    onOwnChange();
  }

  function wrap(painting, looks) {
    for (const [node, parts] of partsByNode(painting, looks)) {
      if (!node.parentNode) continue;
      const pieces = piecesOf(node, parts);
      const parent = node.parentNode;
      for (const piece of pieces) parent.insertBefore(piece, node);
      node.remove();
      wrapped.push({ node, pieces });
    }
    onOwnChange();
  }

  // The text and mark nodes that replace `node`, its `parts` marked.
  function piecesOf(node, parts) {
    parts.sort((a, b) => a.start - b.start);
    const pieces = [];
    let at = 0;
    for (const part of parts) {
      if (part.start < at) continue;
      if (part.start > at) pieces.push(document.createTextNode(node.data.slice(at, part.start)));
      const mark = document.createElement('mark');
      mark.textContent = node.data.slice(part.start, part.end);
      mark.style.backgroundColor = part.fill;
      mark.style.color = 'inherit';
      ownerOf.set(mark, part.who);
      if (part.who.attribution != null) {
        if (!marksOf.has(part.who.attribution)) marksOf.set(part.who.attribution, []);
        marksOf.get(part.who.attribution).push(mark);
      }
      pieces.push(mark);
      at = part.end;
    }
    if (at < node.data.length) pieces.push(document.createTextNode(node.data.slice(at)));
    return pieces;
  }

  return {
    async show(painting, { looks }) {
      unwrap();
      wrap(painting, looks);
    },
    release: unwrap,
    whoAt(x, y, target) {
      const mark = target?.closest?.('mark');
      return mark ? ownerOf.get(mark) ?? null : null;
    },
    reveal(index) {
      const marks = marksOf.get(index);
      if (!marks?.length) return null;
      marks[0].scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      for (const mark of marks) mark.animate([{ outline: '3px solid currentColor' }, { outline: '3px solid transparent' }], REVEAL_MS);
      const rect = marks[0].getBoundingClientRect();
      return { text: marks.map((m) => m.textContent).join(''), top: rect.top, bottom: rect.bottom, viewport: innerHeight };
    },
    clear: unwrap,
  };
}

// For each text node to mark, its parts `{start, end, fill, who}`.
function partsByNode(painting, looks) {
  const byNode = new Map();
  for (const [name, ranges] of painting.groups) {
    const fill = looks.get(name)?.['background-color'];
    if (!fill) continue;
    for (const range of ranges) {
      const who = painting.owner.get(range);
      for (const { node, start, end } of textSegments(range)) {
        if (!byNode.has(node)) byNode.set(node, []);
        byNode.get(node).push({ start, end, fill, who });
      }
    }
  }
  return byNode;
}

// The text-node segments `{node, start, end}` a range covers.
function textSegments(range) {
  if (range.startContainer === range.endContainer) return [{ node: range.startContainer, start: range.startOffset, end: range.endOffset }];
  const out = [];
  const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) continue;
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.data.length;
    if (start < end) out.push({ node, start, end });
  }
  return out;
}
