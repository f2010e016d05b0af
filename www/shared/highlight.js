// Paints an analysis onto the DOM with the CSS Custom Highlight API.
//
// Contract: `paintHighlights(analysis, rangeOf, {colorOf, prefix})` registers one `Highlight`
// per colour: `sourcelight-p<N>` for the statements of colour N, `sourcelight-s<N>` for the
// speaker mentions of colour N (underlined in the same colour), `sourcelight-n` and
// `sourcelight-sn` for statements with no party, `sourcelight-hedge` for hedges and
// `sourcelight-flash` for a statement being pointed at. `rangeOf(span)` turns a `{block,
// start, end}` span (UTF-16 offsets) into a DOM Range, or null when the span cannot be placed;
// `colorOf(attributionIndex)` gives a colour index (see palette.js) or null for neutral. It
// returns a handle: `ranges(i)` (the content ranges of attribution i), `at(x, y)` (the
// attribution or hedge under a viewport point), `flash(i)` and `clear()`.
// `highlightStyles(paletteName, count)` is the CSS for those names; `installHighlightStyles`
// adopts it into a document or shadow root as a constructed style sheet.
//
// Why this API: it paints ranges without touching the DOM, so it cannot break a page that
// owns its nodes (the extension's case) and needs no re-rendering of the text (the page's).
// Hover finds the caret position under the pointer and the ranges that contain it (see
// `caretAt` for why not `highlightsFromPoint`).

import { partyColor, neutralColor } from './palette.js';

/** Whether the browser can paint highlights at all. */
export const highlightSupported = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/** CSS rules for `count` party colours in palette `paletteName`, under `prefix`. */
export function highlightStyles(paletteName, count, prefix = 'sourcelight') {
  const rules = [];
  for (let n = 0; n < count; n++) {
    const c = partyColor(n, paletteName);
    rules.push(`::highlight(${prefix}-p${n}) { background-color: ${c.fill}; }`);
    rules.push(`::highlight(${prefix}-s${n}) { text-decoration: underline ${c.line} ${c.base} 3px; }`);
  }
  const g = neutralColor(paletteName);
  rules.push(`::highlight(${prefix}-n) { background-color: ${g.fill}; }`);
  rules.push(`::highlight(${prefix}-sn) { text-decoration: underline solid ${g.base} 3px; }`);
  rules.push(`::highlight(${prefix}-hedge) { text-decoration: underline dotted ${g.base} 2px; background-color: ${g.fill}; }`);
  rules.push(`::highlight(${prefix}-flash) { background-color: ${paletteName === 'dark' ? '#FFFFFF' : '#111111'}; color: ${paletteName === 'dark' ? '#111111' : '#FFFFFF'}; }`);
  return rules.join('\n');
}

const sheets = new WeakMap(); // root -> {prefix -> CSSStyleSheet}

/**
 * Puts (or replaces) the highlight rules in `root` (a Document or a ShadowRoot). It uses a
 * constructed style sheet, which a page's Content-Security-Policy does not block the way it
 * blocks an inline <style>.
 */
export function installHighlightStyles(root, paletteName, count, prefix = 'sourcelight') {
  if (!sheets.has(root)) sheets.set(root, {});
  const mine = sheets.get(root);
  if (!mine[prefix]) {
    mine[prefix] = new CSSStyleSheet();
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, mine[prefix]];
  }
  mine[prefix].replaceSync(highlightStyles(paletteName, count, prefix));
}

/**
 * Registers the highlights of `analysis` ({attributions, hedges}); see the header comment.
 * Calling it again with the same prefix replaces the previous painting.
 */
export function paintHighlights(analysis, rangeOf, { colorOf = () => null, prefix = 'sourcelight', flashMs = 1200 } = {}) {
  const owner = new Map(); // Range -> {attribution} | {hedge}
  const contentRanges = [];
  const groups = new Map(); // highlight name -> ranges
  const add = (name, range) => {
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name).push(range);
  };
  const place = (span) => (span ? rangeOf(span) : null);

  analysis.attributions.forEach((a, i) => {
    const colour = colorOf(i);
    const suffix = colour == null ? 'n' : `p${colour}`;
    const mine = [];
    for (const span of a.content) {
      const range = place(span);
      if (!range) continue;
      mine.push(range);
      owner.set(range, { attribution: i });
      add(`${prefix}-${suffix}`, range);
    }
    contentRanges.push(mine);
    const speaker = place(a.speaker);
    if (speaker) {
      owner.set(speaker, { attribution: i });
      add(`${prefix}-s${colour == null ? 'n' : colour}`, speaker);
    }
  });
  (analysis.hedges || []).forEach((h, i) => {
    const range = place(h.span);
    if (!range) return;
    owner.set(range, { hedge: i });
    add(`${prefix}-hedge`, range);
  });

  const names = [...groups.keys(), `${prefix}-flash`];
  let flashTimer = null;
  if (highlightSupported) {
    clearHighlights(prefix);
    for (const [name, ranges] of groups) {
      const h = new Highlight(...ranges);
      // Speakers and hedges sit above statement tints so that their underline shows inside a
      // statement that contains them.
      h.priority = name.includes('-s') || name.endsWith('-hedge') ? 1 : 0;
      CSS.highlights.set(name, h);
    }
  }

  return {
    ranges: (i) => contentRanges[i] || [],

    /** `{attribution: i}` or `{hedge: i}` under viewport point (x, y), or null. */
    at(x, y) {
      const caret = caretAt(x, y);
      if (!caret) return null;
      let found = null;
      for (const [range, what] of owner) {
        // A hedge inside a statement wins over the statement around it.
        if (range.isPointInRange(caret.node, caret.offset) && under(range, x, y)) {
          found = what;
          if (what.hedge != null) break;
        }
      }
      return found;
    },

    /** Marks attribution i strongly for a moment, so that the eye finds it after a scroll. */
    flash(i) {
      if (!highlightSupported) return;
      clearTimeout(flashTimer);
      const flash = new Highlight(...(contentRanges[i] || []));
      flash.priority = 2;
      CSS.highlights.set(`${prefix}-flash`, flash);
      flashTimer = setTimeout(() => CSS.highlights.delete(`${prefix}-flash`), flashMs);
    },

    clear() {
      clearTimeout(flashTimer);
      if (highlightSupported) for (const name of names) CSS.highlights.delete(name);
    },
  };
}

// The text position under a viewport point. CSS.highlights.highlightsFromPoint would answer
// directly, but in Chromium 156 it took seconds on a long article with 20,000 ranges; finding
// the caret and testing each range is a millisecond.
function caretAt(x, y) {
  if (document.caretPositionFromPoint) {
    const p = document.caretPositionFromPoint(x, y);
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

/** Removes every highlight registered under `prefix`. */
export function clearHighlights(prefix = 'sourcelight') {
  if (!highlightSupported) return;
  for (const name of [...CSS.highlights.keys()]) if (name.startsWith(`${prefix}-`)) CSS.highlights.delete(name);
}
