// Party colours for the demo page, the extension's page highlights and its popup.
//
// Contract: `partyColor(rank, paletteName)` gives the look of the party (or group) of rank
// `rank` (0 for the party with most statements) in the "light" or "dark" palette, as
// `{name, base, fill, faint, line}`:
//   fill  the tint behind the statement's text (opaque, so that it reads the same on any page),
//   faint a fainter tint, for statements of wishes and plans (cue class "intention"),
//   base  the speaker's underline and the swatch's edge,
//   line  the underline style ("solid", "dashed", "double", "wavy"): the second channel.
// Ranks from RANKED on, and null, give `neutralColor(paletteName)`: the grey shared by the
// smaller parties and by statements whose speaker is not identified (their name is in the
// card). `surface(paletteName)` is the background and text colour the palette is made for;
// `paletteNames` lists the palettes. `anonymousLine(paletteName)` is the line drawn above a
// statement whose source is anonymous (a CSS text-decoration): solid, 2px, in the palette's
// text colour, which stands at 4.5:1 or more on every tint (the palette test checks it).
//
// Why these colours: chosen by search so that, as rendered over the palette's background,
// every two of the eight tints stand at least 10 apart in CIEDE2000 for normal vision and as
// protanopia and deuteranopia are simulated (Machado et al. 2009, full severity), and at least
// 10 from the grey and from the background; text on every tint has a contrast of 4.5:1 or more
// and every underline 3:1 or more against the background (tests/palette.test.mjs computes all
// of it from this file). The list is in rank order: each next colour is the one farthest from
// those before it, so the largest parties get the most distinct colours. Each light tint is the
// dark palette's underline and each dark tint the light palette's, so a party keeps its hue in
// both. The underline style is a second channel that does not depend on colour at all (it stays
// in forced-colours mode, where every tint becomes one system colour). Past eight parties no
// colour is reused: the smaller parties are grey rather than lookalikes of larger ones.

// [name, light tint (= dark underline), dark tint (= light underline), underline style]
const PARTIES = [
  ['yellow', '#FCD87E', '#78660C', 'solid'],
  ['violet', '#96A2F6', '#6060A8', 'dashed'],
  ['red', '#E48484', '#662424', 'double'],
  ['pink', '#E4669C', '#661254', 'wavy'],
  ['teal', '#5AB4BA', '#007278', 'solid'],
  ['green', '#A2F6C0', '#1E7248', 'dashed'],
  ['blue', '#B4CCFC', '#124290', 'double'],
  ['ochre', '#D2964E', '#664200', 'wavy'],
];

/** How many parties get a colour of their own. */
export const RANKED = PARTIES.length;

const SURFACES = {
  light: { background: '#FFFFFF', text: '#1D1D1F' },
  dark: { background: '#1D1F23', text: '#ECEBE8' },
};

const NEUTRAL = {
  light: { fill: '#D6D6D6', base: '#6B6B6B' },
  dark: { fill: '#4A4A4A', base: '#A0A0A0' },
};

const FAINT = 0.45; // the opacity of a tint left for wishes and plans

/** The names `partyColor` accepts. */
export const paletteNames = Object.keys(SURFACES);

function check(name) {
  if (!SURFACES[name]) throw new Error(`unknown palette "${name}": use one of ${paletteNames.join(', ')}`);
}

function faint(hex) {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${FAINT})`;
}

/** The background and text colours palette `paletteName` is made for. */
export function surface(paletteName = 'light') {
  check(paletteName);
  return SURFACES[paletteName];
}

/** The line above an anonymous statement's words, as a CSS text-decoration. */
export function anonymousLine(paletteName = 'light') {
  return `overline solid ${surface(paletteName).text} 2px`;
}

/** The look of the party of rank `rank` (null or past RANKED: grey); see the header comment. */
export function partyColor(rank, paletteName = 'light') {
  check(paletteName);
  if (rank == null || rank >= RANKED) return neutralColor(paletteName);
  const [name, light, dark, line] = PARTIES[rank];
  const [fill, base] = paletteName === 'dark' ? [dark, light] : [light, dark];
  return { name, base, fill, faint: faint(fill), line };
}

/** The grey of the smaller parties and of statements whose speaker is not identified. */
export function neutralColor(paletteName = 'light') {
  check(paletteName);
  const { fill, base } = NEUTRAL[paletteName];
  return { name: 'grey', base, fill, faint: faint(fill), line: 'solid' };
}
