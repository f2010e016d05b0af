// Follows a page that changes under the highlights: frameworks re-render, live blogs add
// posts, the article may be replaced whole.
//
// `createWatcher({rootOf, lastExtraction, follow})` observes the document (and, through
// `observe(trees)`, the shadow roots that hold article text) and calls `follow(reanalyze)`:
// - at once, with false, when the painted article is cheap to extract again: the page had at
//   most SMALL_PAGE elements, or its last extraction took under QUICK_EXTRACT_MS
//   (`lastExtraction()` gives `{ms, elements}`, null before an answer). It then needs no pause,
//   so a re-render with the same text is re-anchored inside the observer's own microtask,
//   before the next frame. The count comes first because the clock is a poor judge of a small
//   page: its first extraction also compiles the finder, 13 to 25 ms for a page of 30 elements
//   on a busy 2-core machine, where a second one takes a millisecond or two;
// - after DEBOUNCE_MS of quiet, or MAX_WAIT_MS after the first change on a page that never
//   settles, with true: changed text is analyzed again.
// `settle()` drops the pending call once a quick follow found the text unchanged; `forget()`
// drops records of our own changes to the DOM; `stop()` ends it all. `reanchor(old, blocks)`
// maps the block ids of an answer to the blocks of a new extraction.
//
// Changes outside the article (ads, clocks, comments) are none of our business; a removed
// article shows as a root no longer connected. A page that changes under us never sees our
// errors: a failed follow is dropped, and the next change tries again.

import { composedContains } from './dom.js';

const DEBOUNCE_MS = 250; // quiet time before changed text is re-analyzed
const MAX_WAIT_MS = 1500; // a live blog that never stops changing is still re-analyzed
const QUICK_EXTRACT_MS = 12; // follow a change at once when extracting costs less
const SMALL_PAGE = 500; // elements: a short article with little around it

/** Whether a page whose last extraction was `{ms, elements}` may be followed at once. */
export const quickToFollow = (last) => last != null && (last.elements <= SMALL_PAGE || last.ms <= QUICK_EXTRACT_MS);

export function createWatcher({ rootOf, lastExtraction, follow }) {
  const observed = new Set();
  let debounce = 0;
  let firstChange = null;

  const observer = new MutationObserver((records) => {
    const root = rootOf();
    if (!root) return;
    if (root.isConnected && !records.some((r) => composedContains(root, r.target))) return;
    if (quickToFollow(lastExtraction())) follow(false).catch(() => {});
    clearTimeout(debounce);
    firstChange ??= performance.now();
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, firstChange + MAX_WAIT_MS - performance.now()));
    debounce = setTimeout(() => {
      firstChange = null;
      follow(true).catch(() => {});
    }, wait);
  });

  const settle = () => {
    clearTimeout(debounce);
    firstChange = null;
  };

  return {
    observe(trees) {
      for (const tree of trees) {
        if (observed.has(tree)) continue;
        observed.add(tree);
        observer.observe(tree, { subtree: true, childList: true, characterData: true });
      }
    },
    settle,
    forget: () => observer.takeRecords(),
    stop() {
      observer.disconnect();
      settle();
    },
  };
}

/**
 * `id -> block` for the block ids of the answer made for `old`: a block keeps its spans when a
 * block with the very same text is still there, in order; else it maps to null.
 */
export function reanchor(old, blocks) {
  const byText = new Map();
  for (const b of blocks) {
    if (!byText.has(b.text)) byText.set(b.text, []);
    byText.get(b.text).push(b);
  }
  const map = new Map();
  for (const block of old) {
    const queue = byText.get(block.text);
    if (queue?.length) map.set(block.id, queue.shift());
  }
  return (id) => map.get(id) ?? null;
}
