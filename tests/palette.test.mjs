// The palette's promises, computed in Node from www/shared/palette.js as the highlights render
// it (each tint over the palette's background): every two of the eight party tints stand at
// least 10 apart in CIEDE2000 for normal vision and as protanopia and deuteranopia are
// simulated (Machado 2009), and 10 from the grey of smaller parties and from the background;
// text on every tint has 4.5:1, every underline 3:1 against the background; the second channel
// (underline style) and the rank order are what the module says; the line above anonymous
// statements stands 3:1 on every tint and lies where no other line does. The colour math itself is
// checked first against published reference values. Figures are printed for the README.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { partyColor, neutralColor, surface, paletteNames, anonymousLine, RANKED } from '../www/shared/palette.js';
import { highlightLooks, highlightCss, statementHighlight, speakerHighlight, ANONYMOUS_HIGHLIGHT } from '../www/shared/highlight.js';
import { parse, over, simulate, lab, deltaE2000, contrast } from './fixtures/colour.mjs';

const VIEWS = [null, 'deuteranopia', 'protanopia'];
const MIN_DELTA_E = 10;

test('the colour math agrees with published reference values', () => {
  // Sharma, Wu and Dalal (2005), test pairs 1, 2 and 17.
  assert.equal(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485]).toFixed(4), '2.0425');
  assert.equal(deltaE2000([50, -1.3802, -84.2814], [50, 0, -82.7485]).toFixed(4), '1.0000');
  assert.equal(deltaE2000([50, 2.5, 0], [73, 25, -18]).toFixed(4), '27.1492');
  assert.equal(contrast([255, 255, 255], [0, 0, 0]).toFixed(1), '21.0');
  assert.equal(contrast([118, 118, 118], [255, 255, 255]).toFixed(2), '4.54');
  // Full deuteranopia keeps white and black, and folds red and green together.
  assert.deepEqual(simulate([255, 255, 255], 'deuteranopia').map(Math.round), [255, 255, 255]);
  const rg = deltaE2000(lab(simulate([200, 60, 60], 'deuteranopia')), lab(simulate([120, 120, 40], 'deuteranopia')));
  assert.ok(rg < deltaE2000(lab([200, 60, 60]), lab([120, 120, 40])) / 2, 'red and olive come closer');
});

for (const name of paletteNames) {
  const { background, text } = surface(name);
  const rendered = (css) => over(css, background);
  const tints = Array.from({ length: RANKED }, (_, rank) => rendered(partyColor(rank, name).fill));

  test(`${name}: the eight tints stay ${MIN_DELTA_E} apart in CIEDE2000, also with protanopia and deuteranopia`, () => {
    const figures = [];
    for (const view of VIEWS) {
      const labs = tints.map((t) => lab(simulate(t, view)));
      let min = Infinity;
      for (let i = 0; i < labs.length; i++) {
        for (let j = i + 1; j < labs.length; j++) {
          const d = deltaE2000(labs[i], labs[j]);
          assert.ok(d >= MIN_DELTA_E, `${name}, ${view ?? 'normal vision'}: ${partyColor(i, name).name} and ${partyColor(j, name).name} are ${d.toFixed(2)} apart`);
          min = Math.min(min, d);
        }
      }
      const grey = lab(simulate(rendered(neutralColor(name).fill), view));
      const page = lab(simulate(parse(background).slice(0, 3), view));
      for (const [i, l] of labs.entries()) {
        assert.ok(deltaE2000(l, grey) >= MIN_DELTA_E, `${name}, ${view ?? 'normal'}: ${partyColor(i, name).name} is too close to the grey of smaller parties`);
        assert.ok(deltaE2000(l, page) >= MIN_DELTA_E, `${name}, ${view ?? 'normal'}: ${partyColor(i, name).name} is too close to the background`);
      }
      figures.push(`${view ?? 'normal'} ${min.toFixed(2)}`);
    }
    console.log(`palette ${name}: minimum CIEDE2000 between tints: ${figures.join(', ')}`);
  });

  test(`${name}: text on every tint 4.5:1, underlines 3:1 against the background`, () => {
    const page = parse(background).slice(0, 3);
    const ink = parse(text).slice(0, 3);
    const looks = [...tints.map((t, rank) => [partyColor(rank, name), t]), [neutralColor(name), rendered(neutralColor(name).fill)]];
    let minText = Infinity;
    let minLine = Infinity;
    let minFaint = Infinity;
    for (const [look, tint] of looks) {
      const t = contrast(tint, ink);
      const u = contrast(parse(look.base).slice(0, 3), page);
      const f = contrast(rendered(look.faint), ink);
      assert.ok(t >= 4.5, `${name} ${look.name}: text on the tint ${t.toFixed(2)}:1`);
      assert.ok(f >= 4.5, `${name} ${look.name}: text on the faint tint ${f.toFixed(2)}:1`);
      assert.ok(u >= 3, `${name} ${look.name}: underline ${u.toFixed(2)}:1`);
      [minText, minLine, minFaint] = [Math.min(minText, t), Math.min(minLine, u), Math.min(minFaint, f)];
    }
    const fromPage = tints.map((t) => contrast(t, page));
    console.log(`palette ${name}: text on tints ≥ ${minText.toFixed(2)}:1 (faint ≥ ${minFaint.toFixed(2)}:1), underlines ≥ ${minLine.toFixed(2)}:1, tints from the background ${Math.min(...fromPage).toFixed(2)}–${Math.max(...fromPage).toFixed(2)}:1`);
  });
}

for (const name of paletteNames) {
  test(`${name}: the line above anonymous statements is 3:1 on every tint, faint tint and the background, and above the words`, () => {
    const { background } = surface(name);
    const line = anonymousLine(name);
    assert.match(line, /^overline solid #[0-9A-F]{6} 2px$/i, 'an overline: underlines are the speakers’, dotted lines the hedges’ and wishes’');
    const ink = parse(line.match(/#[0-9A-F]{6}/i)[0]).slice(0, 3);
    const looks = [...Array.from({ length: RANKED }, (_, rank) => partyColor(rank, name)), neutralColor(name)];
    const grounds = [parse(background).slice(0, 3), ...looks.flatMap((l) => [over(l.fill, background), over(l.faint, background)])];
    const least = Math.min(...grounds.map((g) => contrast(g, ink)));
    assert.ok(least >= 3, `${name}: the anonymous line stands ${least.toFixed(2)}:1 on its least contrasting ground`);
    console.log(`palette ${name}: the anonymous line ≥ ${least.toFixed(2)}:1 on every tint and the background`);
  });
}

test('ranks: eight looks, each with its own colour, two of each underline style; smaller parties are grey', () => {
  const looks = Array.from({ length: RANKED }, (_, rank) => partyColor(rank, 'light'));
  assert.equal(RANKED, 8);
  assert.equal(new Set(looks.map((l) => l.fill)).size, 8);
  const styles = new Map();
  for (const l of looks) styles.set(l.line, (styles.get(l.line) ?? 0) + 1);
  assert.deepEqual([...styles.entries()].sort(), [['dashed', 2], ['double', 2], ['solid', 2], ['wavy', 2]]);
  assert.ok(!styles.has('dotted'), 'dotted is kept for hedges and for wishes and plans');
  assert.deepEqual(partyColor(RANKED, 'dark'), neutralColor('dark'));
  assert.deepEqual(partyColor(null, 'light'), neutralColor('light'));
  assert.throws(() => partyColor(0, 'sepia'), /unknown palette/);
});

test('forced colours: statements take the system’s mark colour, speakers keep their underline style', () => {
  const css = highlightCss(highlightLooks('light', RANKED));
  const forced = css.slice(css.indexOf('@media (forced-colors: active)'));
  assert.ok(forced.length > 0, 'a forced-colours block');
  assert.match(forced, new RegExp(`::highlight\\(${statementHighlight(0)}\\) \\{ background-color: Mark; color: MarkText; \\}`));
  for (let rank = 0; rank < RANKED; rank++) {
    assert.ok(forced.includes(`::highlight(${speakerHighlight(rank)}) { background-color: Canvas; color: CanvasText; text-decoration: underline ${partyColor(rank).line} CanvasText 3px; }`), `speaker ${rank} keeps its style, on the page's own background`);
  }
  assert.ok(forced.includes(`::highlight(${ANONYMOUS_HIGHLIGHT}) { background-color: Mark; color: MarkText; text-decoration: overline solid MarkText 2px; }`), 'the anonymous line keeps its statement’s Mark and draws in MarkText');
  assert.doesNotMatch(forced, /#[0-9A-F]{6}/i, 'no author colour is left in forced-colours mode');
});
