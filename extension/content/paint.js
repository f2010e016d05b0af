// Paints an answer from the background onto the page with the CSS Custom Highlight API.
//
// `buildPainting(answer, blocks, blockFor)` turns the engine's spans into a painting of Ranges
// (shared/painting.js) over the page's `blocks` now, `blockFor(id)` giving the block that a
// span's block id stands for (null when its text is gone; by default the block of that id).
// The painting keeps both, to register the ranges nearest the viewport first.
// `createHighlightPainter()` shows paintings; the <mark> painter of marks.js has the same
// shape, for browsers without the API:
//   show(painting, {looks, trees})  swap the shown painting for this one; resolves once all of
//                                   it is registered. `looks` are the highlight colours
//                                   (shared/highlight.js), `trees` the document and shadow
//                                   roots that hold the article's text.
//   release()      give the page its own text nodes back before they are read (a no-op here)
//   whoAt(x, y, target)  the statement or hedge under a viewport point
//   reveal(index)  scroll to statement `index` and flash it
//   clear()        remove every trace
//
// Design:
// - Highlights never touch the page's nodes. The rules live in one constructed style sheet,
//   adopted by the document and each shadow root that holds article text.
// - The browser's cost of a highlight grows with its ranges, so a long page is registered in
//   chunks, one per frame, from the viewport outwards; the swap of the old highlights for the
//   first chunk is one task, so the reader sees no frame without highlights.
// - The first chunk is placed by the layout as it stands, before the style sheet changes: a new
//   sheet first would make the browser lay out the whole page again to say where the viewport is.
// - Building the ranges of thousands of statements yields to the page (pace.js).

import { highlightSheet, newHighlight, flash } from '../shared/highlight.js';
import { newPainting, paintAttribution, paintHedge, unregisterPainting, whoAt } from '../shared/painting.js';
import { blockRanges } from './blocks.js';
import { pacer } from './pace.js';

const PAINT_CHUNK = 800; // ranges registered per frame (a 1,500-word article needs one chunk)
const CHECK_EVERY = 64; // statements placed between two looks at the clock
const FLASH_MS = 1500;

/** The painting of `answer` over the page's blocks now; see the header comment. */
export async function buildPainting(answer, blocks, blockFor = (id) => blocks[id] ?? null) {
  const painting = newPainting();
  const place = (span) => blockRanges(blockFor(span.block), span.start, span.end);
  const { attributions, hedges } = answer.analysis;
  const pace = pacer();
  for (let i = 0; i < attributions.length; i++) {
    if (i % CHECK_EVERY === CHECK_EVERY - 1 && pace.due()) await pace.pause();
    paintAttribution(painting, i, attributions[i], answer.colors[i], place);
  }
  hedges.forEach((h, i) => paintHedge(painting, i, h, place));
  painting.blocks = blocks;
  painting.blockFor = blockFor;
  return painting;
}

export function createHighlightPainter() {
  let shown = null;
  const sheet = highlightSheet();

  async function show(painting, { looks, trees }) {
    const old = shown;
    shown = painting;
    const highlights = new Map();
    for (const name of painting.groups.keys()) highlights.set(name, newHighlight(name));
    const items = viewportFirst(painting);
    const register = (from) => {
      for (const item of items.slice(from, from + PAINT_CHUNK)) highlights.get(item.name).add(item.range);
    };
    register(0);
    for (const [name, h] of highlights) CSS.highlights.set(name, h);
    if (old) for (const name of old.groups.keys()) if (!highlights.has(name)) CSS.highlights.delete(name);
    sheet.set(looks);
    sheet.adopt(trees);
    for (let i = PAINT_CHUNK; i < items.length; i += PAINT_CHUNK) {
      await nextFrame();
      if (shown !== painting) return; // a newer painting or a stop took over
      register(i);
    }
  }

  function reveal(index) {
    const ranges = shown?.contentRanges[index];
    if (!ranges?.length) return null;
    const first = ranges[0];
    const el = first.startContainer.nodeType === 1 ? first.startContainer : first.startContainer.parentElement;
    el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    flash(ranges, FLASH_MS);
    const rect = first.getBoundingClientRect();
    return { text: ranges.map(String).join(' '), top: rect.top, bottom: rect.bottom, viewport: innerHeight };
  }

  return {
    show,
    reveal,
    release() {},
    whoAt: (x, y) => (shown ? whoAt(shown, x, y, [...sheet.trees].filter((t) => t !== document)) : null),
    clear() {
      if (shown) unregisterPainting(shown);
      shown = null;
      sheet.remove();
    },
  };
}

// The painting's ranges, those of the blocks nearest the viewport first when there is more
// than one chunk of them.
function viewportFirst(painting) {
  const { items, blocks, blockFor } = painting;
  if (items.length <= PAINT_CHUNK) return items;
  const visible = firstVisibleBlock(blocks);
  const distance = items.map((item) => Math.abs(blockFor(item.block).id - visible));
  return items.map((_, i) => i).sort((a, b) => distance[a] - distance[b]).map((i) => items[i]);
}

// The index of the first block at or below the top of the viewport (blocks are in document
// order, so their tops mostly grow with the index).
function firstVisibleBlock(blocks) {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].el.getBoundingClientRect().bottom < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Waits for a frame to be painted, or a moment in a hidden tab, which paints no frame.
function nextFrame() {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 50);
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), resolve()), 0));
  });
}
