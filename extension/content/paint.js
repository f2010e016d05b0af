// Paints an answer from the background onto the page with the CSS Custom Highlight API.
//
// `buildPainting(answer, blocks, blockFor, prefix)` turns the engine's spans into a painting
// of Ranges (shared/painting.js) over the page's `blocks` now, `blockFor(id)` giving the block
// that a span's block id stands for (null when its text is gone; by default the block of that
// id), its highlights named under `prefix`. The painting keeps both, to register the ranges
// nearest the viewport. `createHighlightPainter(prefix)` shows paintings; the <mark> painter of
// marks.js has the same shape, for browsers without the API:
//   show(painting, {looks, shadowRoots})  swap the shown painting for this one. `looks` are
//                  the highlight colours (shared/highlight.js), `shadowRoots` the open shadow
//                  roots that hold the article's text.
//   release()      give the page its own text nodes back before they are read (a no-op here)
//   whoAt(x, y, target)  the statement or hedge under a viewport point
//   reveal(index)  scroll to statement `index` and flash it
//   clear()        remove every trace
//
// Design:
// - Highlights never touch the page's nodes. The document's rules are a style sheet the
//   background injects (messaging.js), which the page cannot see or change; the open shadow
//   roots that hold article text, which injected sheets do not reach in Firefox, adopt a
//   constructed sheet of the same rules, rewritten only when those change: on a page of
//   260,000 elements every change of rules restyles them all (a second or more).
// - At most MAX_RANGES ranges are registered, those of the blocks nearest the viewport, in one
//   task; scrolling near the edge of them registers those around the new viewport instead.
//   Each change of the registered highlights costs the browser work that grows with all the
//   ranges registered, so that registering a page's 40,000 ranges in small chunks took
//   minutes, and all at once seconds, on a page of 260,000 elements.
// - The page shares `CSS.highlights` with us and may clear it, or empty or replace our
//   highlights: once a second, what is missing is put back. A page that keeps removing them
//   wins; nothing we do throws into it.
// - Building the ranges of thousands of statements yields to the page (pace.js). Hovering
//   tests only the registered ranges: what is not painted has no card.

import { highlightSheet, highlightCss, newHighlight, flash } from '../shared/highlight.js';
import { newPainting, paintAttribution, paintHedge, unregisterPainting, whoAt } from '../shared/painting.js';
import { blockRanges } from './blocks.js';
import { pacer } from './pace.js';

/** Ranges registered at once: a 1,500-word article has about 120. */
export const MAX_RANGES = 1000;
const CHECK_EVERY = 64; // statements placed between two looks at the clock
const GUARD_MS = 1000; // how often highlights the page removed are put back
const FLASH_MS = 1500;

/** The painting of `answer` over the page's blocks now; see the header comment. */
export async function buildPainting(answer, blocks, blockFor = (id) => blocks[id] ?? null, prefix = undefined) {
  const painting = newPainting(prefix);
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

export function createHighlightPainter(prefix) {
  let shown = null; // the painting shown, with `byBlock`: its items by block index
  let registered = new Map(); // name -> {highlight, ranges}: what we put in CSS.highlights
  let span = null; // {lo, hi}: the blocks whose ranges are registered
  let hoverable = { owner: new Map() }; // the registered ranges' owners, for whoAt
  let rules = '';
  let scrollFrame = 0;
  let guard = 0;
  const sheet = highlightSheet();

  // Registers the ranges of the blocks nearest block `centre`, in place of those registered.
  function registerAround(centre) {
    const { byBlock } = shown;
    const chosen = new Map([...shown.groups.keys()].map((name) => [name, []]));
    let count = 0;
    let lo = centre;
    let hi = centre - 1;
    const owner = new Map();
    const take = (b) => {
      for (const item of byBlock[b] ?? []) {
        chosen.get(item.name).push(item.range);
        owner.set(item.range, shown.owner.get(item.range));
      }
      count += byBlock[b]?.length ?? 0;
    };
    while (count < MAX_RANGES && (lo > 0 || hi < byBlock.length - 1)) {
      if (hi < byBlock.length - 1) take(++hi);
      if (count < MAX_RANGES && lo > 0) take(--lo);
    }
    const next = new Map();
    for (const [name, ranges] of chosen) next.set(name, { highlight: newHighlight(name, ranges), ranges });
    for (const [name, { highlight }] of next) CSS.highlights.set(name, highlight);
    for (const name of registered.keys()) if (!next.has(name)) CSS.highlights.delete(name);
    registered = next;
    span = { lo, hi };
    hoverable = { owner };
  }

  // Registers the ranges around the viewport when it has come near the edge of those registered.
  function follow() {
    const { blocks } = shown;
    if (span.lo === 0 && span.hi >= blocks.length - 1) return; // all of it is registered
    const first = blockAt(blocks, 0);
    const last = blockAt(blocks, innerHeight);
    const margin = Math.floor((span.hi - span.lo) / 4);
    if ((span.lo > 0 && first < span.lo + margin) || (span.hi < blocks.length - 1 && last > span.hi - margin)) registerAround(first);
  }

  function onScroll() {
    if (scrollFrame) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      try {
        if (shown) follow();
      } catch {
        // The page changed under us; the next scroll or the next painting tries again.
      }
    });
  }

  // Puts back what the page took out of CSS.highlights or out of our highlights.
  function mend() {
    try {
      for (const [name, { highlight, ranges }] of registered) {
        if (highlight.size !== ranges.length) {
          highlight.clear();
          for (const range of ranges) highlight.add(range);
        }
        if (CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
      }
      sheet.adopt([...sheet.trees]);
    } catch {
      // Nothing to mend with, or a page that fights: leave it.
    }
  }

  async function show(painting, { looks, shadowRoots }) {
    shown = painting;
    shown.byBlock = itemsByBlock(painting);
    // Where the viewport is matters only when not every range can be registered; asking
    // would make the browser restyle the page at once for rules that just went in.
    registerAround(painting.items.length <= MAX_RANGES ? 0 : blockAt(painting.blocks, 0));
    if (shadowRoots.length) {
      const css = highlightCss(looks);
      if (css !== rules) sheet.set(looks);
      rules = css;
      sheet.adopt(shadowRoots);
    }
    if (!guard) {
      guard = setInterval(mend, GUARD_MS);
      document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    }
  }

  function reveal(index) {
    const ranges = shown?.contentRanges[index];
    if (!ranges?.length) return null;
    const first = ranges[0];
    const el = first.startContainer.nodeType === 1 ? first.startContainer : first.startContainer.parentElement;
    el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    follow();
    flash(ranges, FLASH_MS, prefix);
    const rect = first.getBoundingClientRect();
    return { text: ranges.map(String).join(' '), top: rect.top, bottom: rect.bottom, viewport: innerHeight };
  }

  return {
    show,
    reveal,
    release() {},
    whoAt: (x, y) => (shown ? whoAt(hoverable, x, y, [...sheet.trees]) : null),
    clear() {
      clearInterval(guard);
      guard = 0;
      document.removeEventListener('scroll', onScroll, { capture: true });
      cancelAnimationFrame(scrollFrame);
      scrollFrame = 0;
      for (const name of registered.keys()) CSS.highlights.delete(name);
      if (shown) unregisterPainting(shown);
      registered = new Map();
      hoverable = { owner: new Map() };
      shown = null;
      sheet.remove();
    },
  };
}

// The painting's items, listed by the index of the block they are in now.
function itemsByBlock(painting) {
  const { items, blocks, blockFor } = painting;
  const byBlock = blocks.map(() => []);
  for (const item of items) byBlock[blockFor(item.block).id].push(item);
  return byBlock;
}

// The index of the first block whose bottom is below viewport height `y` (blocks are in
// document order, so their tops mostly grow with the index).
function blockAt(blocks, y) {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].el.getBoundingClientRect().bottom < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
