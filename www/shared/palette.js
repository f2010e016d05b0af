// Party colours for the demo page and the extension popup.
//
// Contract: `partyColor(index, paletteName)` gives the colours of party (or group) `index` in
// the "light" or "dark" palette, as `{name, base, fill, line}`:
//   base  the solid colour (legend swatch, speaker underline),
//   fill  a translucent tint of it for highlighted statement text, readable under the
//         palette's own text colour,
//   faint a fainter tint, for statements of wishes and plans (cue class "intention"),
//   line  the underline style ("solid", "dashed", "dotted", "wavy").
// `neutralColor(paletteName)` is the grey used for hedges and statements with no party;
// `paletteNames` lists the palettes; `LOOKS` is how many parties look different (hue and line
// together) before colour N + LOOKS looks like colour N again.
//
// Why these colours: the first seven are Okabe & Ito's palette, chosen to stay apart under
// the common colour-vision deficiencies; three darker extras (from Paul Tol's "muted" set)
// follow. Past ten parties the colours repeat and the underline style changes, so that two
// parties never look the same even where their hue does. The dark palette keeps the same hues,
// lightened so that they stand out on a dark background, and uses a stronger tint since
// light text on a faint tint loses the colour.

const LIGHT = [
  ['blue', '#0072B2'],
  ['orange', '#E69F00'],
  ['bluish green', '#009E73'],
  ['vermillion', '#D55E00'],
  ['reddish purple', '#CC79A7'],
  ['sky blue', '#56B4E9'],
  ['yellow', '#F0E442'],
  ['wine', '#882255'],
  ['olive', '#999933'],
  ['indigo', '#332288'],
];

const DARK = [
  ['blue', '#3FA2E8'],
  ['orange', '#F0B030'],
  ['bluish green', '#2FC79A'],
  ['vermillion', '#FF7A33'],
  ['reddish purple', '#E69AC6'],
  ['sky blue', '#8FD3FF'],
  ['yellow', '#F5EC6A'],
  ['wine', '#D65C96'],
  ['olive', '#C4C45A'],
  ['indigo', '#8A7BE0'],
];

const LINES = ['solid', 'dashed', 'dotted', 'wavy'];
const FAINT = 0.4; // the share of a tint left for wishes and plans

export const LOOKS = LIGHT.length * LINES.length;

const PALETTES = {
  light: { colours: LIGHT, alpha: 0.3, neutral: '#6B6B6B' },
  dark: { colours: DARK, alpha: 0.42, neutral: '#A0A0A0' },
};

/** The names `partyColor` accepts. */
export const paletteNames = Object.keys(PALETTES);

function palette(name) {
  const p = PALETTES[name];
  if (!p) throw new Error(`unknown palette "${name}": use one of ${paletteNames.join(', ')}`);
  return p;
}

function tint(hex, alpha) {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** The colours of party (or group) `index` (0, 1, …) in palette "light" or "dark". */
export function partyColor(index, paletteName = 'light') {
  const p = palette(paletteName);
  const [name, base] = p.colours[index % p.colours.length];
  const line = LINES[Math.floor(index / p.colours.length) % LINES.length];
  return { name, base, fill: tint(base, p.alpha), faint: tint(base, p.alpha * FAINT), line };
}

/** The grey for hedges and for statements whose speaker belongs to no party. */
export function neutralColor(paletteName = 'light') {
  const p = palette(paletteName);
  return { name: 'grey', base: p.neutral, fill: tint(p.neutral, p.alpha * 0.7), faint: tint(p.neutral, p.alpha * 0.7 * FAINT), line: 'dotted' };
}
