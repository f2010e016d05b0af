// A painting: the DOM Ranges of an analysis under the highlight names that colour them, and
// what lies under a point of the screen.
//
// Contract: `newPainting()` is empty. `paintAttribution(painting, i, attribution, colour, place)`
// adds the ranges of statement i (its content, under the highlight of its colour and cue class
// and, when its source is anonymous, under the anonymous line too; and its speaker) and
// `paintHedge(painting, i, hedge, place)` those of hedge i, where `place(span)` gives the
// Ranges of a `{block, start, end}` span (an empty list when it cannot be placed now). A
// painting holds:
//   groups         highlight name -> its Ranges (one Highlight each; see highlight.js)
//   owner          Range -> {attribution: i} or {hedge: i}
//   contentRanges  for each attribution, its content Ranges (to scroll to it and flash it)
//   items          every Range as {name, range, block}, with the block id of its span, for a
//                  painter that registers a long page's ranges a chunk at a time
// `paintAnalysis(analysis, colorOf, place)` builds a painting in one go; `registerPainting` and
// `unregisterPainting` put its highlights in `CSS.highlights` and take them out again, by
// name (a content script in Firefox cannot iterate the registry). `whoAt(painting, x, y,
// shadowRoots)` is the statement or hedge under a viewport point.
//
// Why hover finds the caret position and tests the ranges that hold it, not
// `CSS.highlights.highlightsFromPoint`: in Chromium 156 that took seconds on a long article
// with 20,000 ranges, while this takes a millisecond.

import { statementHighlight, speakerHighlight, HEDGE_HIGHLIGHT, ANONYMOUS_HIGHLIGHT, newHighlight, clearFlash } from './highlight.js';

export function newPainting() {
  return { groups: new Map(), owner: new Map(), contentRanges: [], items: [] };
}

function add(painting, name, range, who, block) {
  let ranges = painting.groups.get(name);
  if (!ranges) painting.groups.set(name, (ranges = []));
  ranges.push(range);
  painting.owner.set(range, who);
  painting.items.push({ name, range, block });
}

/** Adds statement `i` in colour `colour` (null: no party); see the header comment. */
export function paintAttribution(painting, i, attribution, colour, place) {
  const who = { attribution: i };
  const content = [];
  const anonymous = attribution.sourcing === 'anonymous';
  for (const span of attribution.content) {
    for (const range of place(span)) {
      content.push(range);
      add(painting, statementHighlight(colour, attribution.cue_class), range, who, span.block);
      if (anonymous) add(painting, ANONYMOUS_HIGHLIGHT, range, who, span.block);
    }
  }
  painting.contentRanges.push(content);
  const speaker = attribution.speaker;
  if (speaker) for (const range of place(speaker)) add(painting, speakerHighlight(colour), range, who, speaker.block);
}

/** Adds hedge `i`. */
export function paintHedge(painting, i, hedge, place) {
  for (const range of place(hedge.span)) add(painting, HEDGE_HIGHLIGHT, range, { hedge: i }, hedge.span.block);
}

/** The painting of a whole analysis, `colorOf(i)` giving the colour of attribution i. */
export function paintAnalysis(analysis, colorOf, place) {
  const painting = newPainting();
  analysis.attributions.forEach((a, i) => paintAttribution(painting, i, a, colorOf(i), place));
  (analysis.hedges ?? []).forEach((h, i) => paintHedge(painting, i, h, place));
  return painting;
}

/** Registers every highlight of `painting`, replacing those of the same names. */
export function registerPainting(painting) {
  for (const [name, ranges] of painting.groups) CSS.highlights.set(name, newHighlight(name, ranges));
}

/** Removes the highlights of `painting` and any flash. */
export function unregisterPainting(painting) {
  for (const name of painting.groups.keys()) CSS.highlights.delete(name);
  clearFlash();
}

/**
 * `{attribution: i}` or `{hedge: i}` under viewport point (x, y), or null. `shadowRoots` are
 * the open shadow roots whose text the caret may land in. A hedge inside a statement wins
 * over the statement around it.
 */
export function whoAt(painting, x, y, shadowRoots = []) {
  const caret = caretAt(x, y, shadowRoots);
  if (!caret) return null;
  let found = null;
  for (const [range, who] of painting.owner) {
    if (!range.isPointInRange(caret.node, caret.offset) || !under(range, x, y)) continue;
    found = who;
    if (who.hedge != null) break;
  }
  return found;
}

// The text position under a viewport point.
function caretAt(x, y, shadowRoots) {
  if (document.caretPositionFromPoint) {
    const p = document.caretPositionFromPoint(x, y, { shadowRoots });
    return p && { node: p.offsetNode, offset: p.offset };
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return r && { node: r.startContainer, offset: r.startOffset };
}

// Whether the point is on one of the range's boxes, not only nearest to it: the caret
// position of a point in a margin is the nearest character.
function under(range, x, y) {
  for (const r of range.getClientRects()) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  return false;
}
