// Highlight names, their priorities, their colours and the style sheet that paints them, for
// the demo page and the extension's content script alike.
//
// Contract: a statement of colour N is painted by the highlight `<prefix>-pM`, where M is N
// modulo LOOKS (colours N and N + LOOKS look the same, palette.js), its speaker mention by
// `<prefix>-sM` (underlined in the same colour); a statement of a wish or plan (cue class
// "intention": "the council plans to…") by `<prefix>-iM`, a fainter tint with a dotted
// underline, since it reports what someone wants rather than what they assert; statements
// with no party use `<prefix>-n`, `<prefix>-in` and `<prefix>-sn`, hedges `<prefix>-hedge`,
// and a statement being pointed at `<prefix>-flash`. The prefix is `sourcelight` unless
// another is given: the extension gives each page session a random one, so that a page cannot
// style or pre-register our highlights by a name known in advance.
// `statementHighlight(colour, cueClass, prefix)` and `speakerHighlight(colour, prefix)` give
// those names (colour null for no party); `newHighlight(name, ranges)` makes a Highlight with
// the name's priority. `highlightLooks(paletteName, count, prefix)` gives, for `count` colours,
// each name's CSS declarations as data (`Map name -> {property: value}`): the style sheets are
// written from it, and the extension's <mark> fallback reads its fills from it.
// `highlightSheet()` is one constructed style sheet with those rules, adopted by any number of
// documents and shadow roots. `flash(ranges, ms, prefix)` shows the flash highlight for a
// moment. `colourCount(colors)` is the number of colours a list of colour indexes uses.
//
// Why the CSS Custom Highlight API: it paints ranges without touching the DOM, so it cannot
// break a page that owns its nodes (the extension's case) and needs no re-rendering of the text
// (the demo's). Why a constructed sheet: a page's Content-Security-Policy does not block it the
// way it blocks an inline <style>.

import { partyColor, neutralColor, LOOKS } from './palette.js';

const PREFIX = 'sourcelight';

/** Whether the browser can paint highlights at all. */
export const highlightSupported = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/** The highlight of the statements of colour `colour` (null: no party) and cue class `cueClass`. */
export function statementHighlight(colour, cueClass = null, prefix = PREFIX) {
  const look = colour == null ? 'n' : colour % LOOKS;
  if (cueClass === 'intention') return `${prefix}-i${look}`;
  return colour == null ? `${prefix}-n` : `${prefix}-p${look}`;
}

/** The highlight of the speaker mentions of colour `colour` (null: no party). */
export const speakerHighlight = (colour, prefix = PREFIX) => `${prefix}-s${colour == null ? 'n' : colour % LOOKS}`;

export const hedgeHighlight = (prefix = PREFIX) => `${prefix}-hedge`;
export const flashHighlight = (prefix = PREFIX) => `${prefix}-flash`;

// Speakers and hedges sit above statement tints, so that their underline shows inside a
// statement that contains them; a flash sits above everything.
function priorityOf(name) {
  if (name.endsWith('-flash')) return 2;
  return /-(hedge|s\d+|sn)$/.test(name) ? 1 : 0;
}

/** A Highlight over `ranges` with the priority its name calls for. */
export function newHighlight(name, ranges = []) {
  const highlight = new Highlight(...ranges);
  highlight.priority = priorityOf(name);
  return highlight;
}

/** Each highlight name's CSS declarations for `count` colours (at most LOOKS) of palette `paletteName`. */
export function highlightLooks(paletteName, count, prefix = PREFIX) {
  const looks = new Map();
  for (let n = 0; n < Math.min(count, LOOKS); n++) {
    const c = partyColor(n, paletteName);
    looks.set(statementHighlight(n, null, prefix), { 'background-color': c.fill });
    looks.set(statementHighlight(n, 'intention', prefix), intentionLook(c));
    looks.set(speakerHighlight(n, prefix), { 'text-decoration': `underline ${c.line} ${c.base} 3px` });
  }
  const g = neutralColor(paletteName);
  looks.set(statementHighlight(null, null, prefix), { 'background-color': g.fill });
  looks.set(statementHighlight(null, 'intention', prefix), intentionLook(g));
  looks.set(speakerHighlight(null, prefix), { 'text-decoration': `underline solid ${g.base} 3px` });
  looks.set(hedgeHighlight(prefix), { 'text-decoration': `underline dotted ${g.base} 2px`, 'background-color': g.fill });
  const dark = paletteName === 'dark';
  looks.set(flashHighlight(prefix), { 'background-color': dark ? '#FFFFFF' : '#111111', color: dark ? '#111111' : '#FFFFFF' });
  return looks;
}

function intentionLook(colour) {
  return { 'background-color': colour.faint, 'text-decoration': `underline dotted ${colour.base} 2px` };
}

/** The number of colours that `colors` (a colour index or null per statement) uses. */
export function colourCount(colors) {
  let count = 0;
  for (const c of colors) if (c != null && c >= count) count = c + 1;
  return count;
}

/** The `::highlight()` rules for `looks`. */
export function highlightCss(looks) {
  const rules = [];
  for (const [name, declarations] of looks) {
    const body = Object.entries(declarations).map(([property, value]) => `${property}: ${value};`).join(' ');
    rules.push(`::highlight(${name}) { ${body} }`);
  }
  return rules.join('\n');
}

/**
 * One constructed style sheet of highlight rules: `set(looks)` replaces its rules, `adopt(trees)`
 * adds it to documents or shadow roots that lack it (again, where something took it out),
 * `trees` lists them, `remove()` takes it out of every one, leaving their sheets as they were.
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
        trees.add(tree);
        if (!tree.adoptedStyleSheets.includes(sheet)) tree.adoptedStyleSheets = [...tree.adoptedStyleSheets, sheet];
      }
    },
    remove() {
      for (const tree of trees) tree.adoptedStyleSheets = [...tree.adoptedStyleSheets].filter((s) => s !== sheet);
      trees.clear();
    },
  };
}

let flashTimer = 0;
let flashing = null; // the name of the flash highlight shown

/** Marks `ranges` strongly for `ms`, so that the eye finds them after a scroll. */
export function flash(ranges, ms, prefix = PREFIX) {
  clearFlash();
  flashing = flashHighlight(prefix);
  CSS.highlights.set(flashing, newHighlight(flashing, ranges));
  flashTimer = setTimeout(clearFlash, ms);
}

/** Ends a flash at once. */
export function clearFlash() {
  clearTimeout(flashTimer);
  if (flashing) CSS.highlights.delete(flashing);
  flashing = null;
}
