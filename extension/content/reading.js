// What a session reads: the page's article, or the text the reader selected.
//
// `selectedRanges()` gives copies of the ranges of the page's selection, or none when nothing
// (or only blank space) is selected. `readScope(scope)`, for `{kind: "article"}` or
// `{kind: "selection", ranges}`, resolves to `{root, blocks, shadowRoots}` (blocks.js), where
// `root` is the element holding all of it, or to null when the page has no article
// (article.js): then nothing is painted and the popup offers to read a selection instead.
//
// Why copies of the selection's ranges: the reader may click elsewhere at once, which empties
// the selection, while a Range kept by us follows the page as it changes (its boundaries move
// with edits), so the same text can be read again after a re-render.

import { findArticle } from './article.js';
import { articleBlocks, rangeBlocks } from './blocks.js';
import { pacer } from './pace.js';

/** Copies of the selection's non-empty ranges, or [] when nothing readable is selected. */
export function selectedRanges() {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed) return [];
  const ranges = [];
  for (let i = 0; i < selection.rangeCount; i++) {
    const range = selection.getRangeAt(i);
    if (!range.collapsed) ranges.push(range.cloneRange());
  }
  return ranges.some((r) => r.toString().trim()) ? ranges : [];
}

/** The text of `scope` as blocks, with the element that holds it; see the header comment. */
export async function readScope(scope) {
  if (scope.kind === 'selection') {
    const ranges = scope.ranges.filter((r) => !r.collapsed);
    if (!ranges.length) return { root: null, blocks: [], shadowRoots: new Set() };
    return rangeBlocks(ranges);
  }
  const pace = pacer(); // one pacer for the whole extraction, so that no step adds to another's task
  const article = await findArticle(document, pace);
  if (!article) return null;
  return { root: article.root, ...(await articleBlocks(article, pace)) };
}

/** The selection's text, to tell one selection from another. */
export const rangesText = (ranges) => ranges.map(String).join('\n');
