// Highlight names, their priorities, their colours and the style sheet that paints them, for
// the demo page and the extension's content script alike.
//
// Contract: a statement of colour N is painted by the highlight `sourcelight-pN`, its speaker
// mention by `sourcelight-sN` (underlined in the same colour); a statement of a wish or plan
// (cue class "intention": "the council plans to…") by `sourcelight-iN`, a fainter tint with a
// dotted underline, since it reports what someone wants rather than what they assert;
// statements with no party use `sourcelight-n`, `sourcelight-in` and `sourcelight-sn`, hedges `sourcelight-hedge`, and a statement being
// pointed at `sourcelight-flash`. The content of a statement whose source is anonymous (the
// engine's `sourcing`) is also in `sourcelight-anon`: a solid line above the words, in the
// palette's text colour. Why above: the line below is the speaker's (four styles, one per
// party look) and dotted lines are hedges and wishes; a line on the other side of the words
// collides with none of them and needs no colour to be seen, so it holds in forced colours and
// for every kind of colour vision. `statementHighlight(colour, cueClass)` and
// `speakerHighlight(colour)` give those names (colour null for no party); `newHighlight(name, ranges)` makes a Highlight
// with the name's priority. `highlightLooks(paletteName, count)` gives, for `count` colours
// (at most RANKED: the smaller parties share the grey of no party), each name's CSS
// declarations as data (`Map name -> {property: value}`): the style sheet is written from it,
// and the extension's <mark> fallback reads its fills from it. Hedges ("allegedly": a claim
// with no source) are a dotted grey underline with no tint. `highlightCss(looks)` adds a
// forced-colours block: there every tint becomes the system's mark colour, and speakers keep
// their party's underline style, so statements, speakers and hedges stay apart.
// `highlightSheet()` is one constructed style sheet with those rules, adopted by any number of
// documents and shadow roots. `flash(ranges, ms)` shows the flash highlight for a moment.
//
// Why the CSS Custom Highlight API: it paints ranges without touching the DOM, so it cannot
// break a page that owns its nodes (the extension's case) and needs no re-rendering of the text
// (the demo's). Why a constructed sheet: a page's Content-Security-Policy does not block it the
// way it blocks an inline <style>.

import { partyColor, neutralColor, surface, anonymousLine, RANKED } from './palette.js';

const PREFIX = 'sourcelight';

/** Whether the browser can paint highlights at all. */
export const highlightSupported = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/** The highlight of the statements of colour `colour` (null: no party) and cue class `cueClass`. */
export function statementHighlight(colour, cueClass = null) {
  if (cueClass === 'intention') return `${PREFIX}-i${colour == null ? 'n' : colour}`;
  return colour == null ? `${PREFIX}-n` : `${PREFIX}-p${colour}`;
}

/** The highlight of the speaker mentions of colour `colour` (null: no party). */
export const speakerHighlight = (colour) => `${PREFIX}-s${colour == null ? 'n' : colour}`;

export const HEDGE_HIGHLIGHT = `${PREFIX}-hedge`;
export const ANONYMOUS_HIGHLIGHT = `${PREFIX}-anon`;
export const FLASH_HIGHLIGHT = `${PREFIX}-flash`;

// Speakers, hedges and the anonymous line sit above statement tints, so that their lines
// show inside a statement that contains them; a flash sits above everything.
function priorityOf(name) {
  if (name === FLASH_HIGHLIGHT) return 2;
  return name === HEDGE_HIGHLIGHT || name === ANONYMOUS_HIGHLIGHT || name.startsWith(`${PREFIX}-s`) ? 1 : 0;
}

/** A Highlight over `ranges` with the priority its name calls for. */
export function newHighlight(name, ranges = []) {
  const highlight = new Highlight(...ranges);
  highlight.priority = priorityOf(name);
  return highlight;
}

/** Each highlight name's CSS declarations for `count` colours of palette `paletteName`. */
export function highlightLooks(paletteName, count) {
  const looks = new Map();
  for (let n = 0; n < Math.min(count, RANKED); n++) {
    const c = partyColor(n, paletteName);
    looks.set(statementHighlight(n), { 'background-color': c.fill });
    looks.set(statementHighlight(n, 'intention'), intentionLook(c));
    looks.set(speakerHighlight(n), { 'text-decoration': `underline ${c.line} ${c.base} 3px` });
  }
  const g = neutralColor(paletteName);
  looks.set(statementHighlight(null), { 'background-color': g.fill });
  looks.set(statementHighlight(null, 'intention'), intentionLook(g));
  looks.set(speakerHighlight(null), { 'text-decoration': `underline ${g.line} ${g.base} 3px` });
  looks.set(HEDGE_HIGHLIGHT, { 'text-decoration': `underline dotted ${g.base} 2px` });
  looks.set(ANONYMOUS_HIGHLIGHT, { 'text-decoration': anonymousLine(paletteName) });
  const { background, text } = surface(paletteName);
  looks.set(FLASH_HIGHLIGHT, { 'background-color': text, color: background });
  return looks;
}

function intentionLook(colour) {
  return { 'background-color': colour.faint, 'text-decoration': `underline dotted ${colour.base} 2px` };
}

// The same looks in system colours, for forced-colours mode (Windows high contrast and the like).
// A look without a tint says Canvas outright: left alone, the browser gives every highlight the
// same system colour, and speakers would look like statements.
// The anonymous line lies on a statement's Mark, so it keeps the Mark and draws in MarkText.
function forced(name, declarations) {
  if (name === FLASH_HIGHLIGHT) return { 'background-color': 'Highlight', color: 'HighlightText' };
  if (name === ANONYMOUS_HIGHLIGHT) return { 'background-color': 'Mark', color: 'MarkText', 'text-decoration': declarations['text-decoration'].replace(/#[0-9A-Fa-f]{6}/, 'MarkText') };
  const out = declarations['background-color'] ? { 'background-color': 'Mark', color: 'MarkText' } : { 'background-color': 'Canvas', color: 'CanvasText' };
  const line = declarations['text-decoration'];
  if (line) out['text-decoration'] = line.replace(/#[0-9A-Fa-f]{6}/, 'CanvasText');
  return out;
}

const rule = (name, declarations) => `::highlight(${name}) { ${Object.entries(declarations).map(([p, v]) => `${p}: ${v};`).join(' ')} }`;

/** The `::highlight()` rules for `looks`, then the same in forced-colours mode. */
export function highlightCss(looks) {
  const rules = [...looks].map(([name, declarations]) => rule(name, declarations));
  const system = [...looks].map(([name, declarations]) => `  ${rule(name, forced(name, declarations))}`);
  return `${rules.join('\n')}\n@media (forced-colors: active) {\n${system.join('\n')}\n}`;
}

/**
 * One constructed style sheet of highlight rules: `set(looks)` replaces its rules, `adopt(trees)`
 * adds it to documents or shadow roots that lack it, `trees` lists them, `remove()` takes it out
 * of every one, leaving their sheets as they were.
 */
export function highlightSheet() {
  const sheet = new CSSStyleSheet();
  const trees = new Set();
  return {
    trees,
    set(looks) {
      sheet.replaceSync(highlightCss(looks));
    },
    adopt(list) {
      for (const tree of list) {
        if (trees.has(tree)) continue;
        tree.adoptedStyleSheets = [...tree.adoptedStyleSheets, sheet];
        trees.add(tree);
      }
    },
    remove() {
      for (const tree of trees) tree.adoptedStyleSheets = [...tree.adoptedStyleSheets].filter((s) => s !== sheet);
      trees.clear();
    },
  };
}

let flashTimer = 0;

/** Marks `ranges` strongly for `ms`, so that the eye finds them after a scroll. */
export function flash(ranges, ms) {
  clearTimeout(flashTimer);
  CSS.highlights.set(FLASH_HIGHLIGHT, newHighlight(FLASH_HIGHLIGHT, ranges));
  flashTimer = setTimeout(clearFlash, ms);
}

/** Ends a flash at once. */
export function clearFlash() {
  clearTimeout(flashTimer);
  CSS.highlights.delete(FLASH_HIGHLIGHT);
}
