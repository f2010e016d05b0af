// End-to-end tests of the demo page in Debian's Chromium, headless, through playwright-core.
//
// The page is served from www/ by the test itself (127.0.0.1, a free port) after
// `./build.sh wasm`. Everything is read back from the rendered page: counts from the legend,
// colours from the computed style of the ::highlight that the browser hit-tests at the
// quote's position, scrolling from the geometry of the quote's Range. The expected parties
// and counts are those the bundled samples give plainly (a reader would count the same); if
// the engine gets one wrong, its test fails and says what the page showed. No assertion
// depends on wall-clock time: "responsive" means the page answers and keeps working after
// the input, and every wait is for a state of the page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

import { serveStatic } from './serve.mjs';
import { pickSample as pickDemoSample, paste as pasteText, legend as legendOf } from './fixtures/demo.mjs';
import { samples } from '../www/samples.js';

const ROOT = new URL('..', import.meta.url).pathname;
const SHOTS = join(ROOT, 'tests/screenshots');

let server;
let browser;
let page;
const pageErrors = [];

before(async () => {
  server = await serveStatic(join(ROOT, 'www'));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
  // Short enough that the page must scroll to show the last statements.
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(server.url);
  await page.waitForSelector('.sl-legend-item');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const pickSample = (id) => pickDemoSample(page, id);
const paste = (text) => pasteText(page, text);
const legend = () => legendOf(page);

const expectedParties = [
  { sample: 'sanctions', name: 'Farahani', count: 5 },
  { sample: 'sanctions', name: 'Lindqvist', count: 3 },
  { sample: 'sanctions', name: 'Jonas Weber', count: 1 },
  { sample: 'strike', name: 'Carlos Mendes', count: 3 },
  { sample: 'study', name: 'World Health Organization', count: 2 },
];

for (const { sample, name, count } of expectedParties) {
  test(`legend of sample “${sample}” shows ${name} with ${count} statement(s)`, async () => {
    await pickSample(sample);
    const shown = await legend();
    const entry = shown.filter((e) => e.name.includes(name));
    assert.equal(entry.length, 1, `expected one legend entry for ${name}; the legend shows ${JSON.stringify(shown)}`);
    assert.equal(entry[0].count, count, `${name}: the legend shows ${JSON.stringify(shown)}`);
  });
}

// Finds `quote` in the article view, and returns what the browser paints there: the names
// of the highlights hit-tested at its middle and their computed background colours.
function paintedAt(quote) {
  return page.evaluate((q) => {
    const view = document.getElementById('text-view');
    const node = view.firstChild;
    const at = node.data.indexOf(q);
    if (at < 0) return { error: 'quote not in the article view' };
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + q.length);
    scrollBy({ top: range.getClientRects()[0].top - 100, behavior: 'instant' });
    const r = range.getClientRects()[0];
    const hits = CSS.highlights.highlightsFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const names = hits.map((h) => [...CSS.highlights].find(([, v]) => v === h.highlight)[0]);
    return { names, colours: names.map((n) => getComputedStyle(view, `::highlight(${n})`).backgroundColor), x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, quote);
}

const rgb = (css) => css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);

test('a known quote is painted in its party’s legend colour, and hovering it names the speaker', async () => {
  await pickSample('sanctions');
  const quote = 'If the transfers continue, there will be consequences';
  const painted = await paintedAt(quote);
  assert.ok(!painted.error, painted.error);
  const statement = painted.names.findIndex((n) => /^sourcelight-p\d+$/.test(n));
  assert.ok(statement >= 0, `the quote is not painted as a party's statement: highlights ${JSON.stringify(painted.names)}`);
  const swatch = await page.$$eval('.sl-legend-item', (items) => {
    const item = items.find((b) => b.querySelector('.sl-name').textContent.includes('Jonas Weber'));
    return item && getComputedStyle(item.querySelector('.sl-swatch')).backgroundColor;
  });
  assert.ok(swatch, 'Jonas Weber is not in the legend');
  assert.deepEqual(rgb(painted.colours[statement]), rgb(swatch), `quote painted ${painted.colours[statement]}, legend swatch ${swatch}`);

  await page.mouse.move(painted.x, painted.y);
  await page.waitForSelector('#tooltip:not([hidden])');
  const tip = await page.textContent('#tooltip');
  assert.match(tip, /Jonas Weber/);
  assert.match(tip, /Verb: told/);
  assert.match(tip, /Quote: quoted/);
  await page.mouse.move(5, 5);
});

test('wishes and plans are painted fainter with a dotted underline, and the toggle hides them', async () => {
  const text = 'Harbour bridge to open in May\nBy Jane Doe · 5:57 PM ET\n\nThe council plans to open the new harbour bridge in May. “We are ready for the crowds,” said Mayor Helena Marsh.';
  await paste(text);
  await page.waitForFunction(() => document.querySelector('.sl-legend-item') && document.getElementById('text-view').textContent.includes('harbour bridge in May'));
  const painted = await paintedAt('to open the new harbour bridge');
  const intention = painted.names.findIndex((n) => /^sourcelight-i(\d+|n)$/.test(n));
  assert.ok(intention >= 0, `the plan is painted as ${JSON.stringify(painted.names)}`);
  const marsh = await paintedAt('We are ready for the crowds');
  const statement = marsh.names.findIndex((n) => /^sourcelight-p\d+$/.test(n));
  const alpha = (css) => Number(css.match(/[\d.]+/g)[3] ?? 1);
  assert.ok(alpha(painted.colours[intention]) < alpha(marsh.colours[statement]), `a fainter tint (${painted.colours[intention]} against ${marsh.colours[statement]})`);
  const legendBefore = (await legend()).length;
  await page.uncheck('#intentions');
  await page.waitForFunction(() => ![...CSS.highlights.keys()].some((k) => k.startsWith('sourcelight-i')));
  assert.ok((await paintedAt('We are ready for the crowds')).names.some((n) => /^sourcelight-p\d+$/.test(n)), 'assertions stay painted');
  assert.equal((await legend()).length, legendBefore - 1, 'the council, with no other statement, leaves the legend');
  await page.check('#intentions');
  await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('sourcelight-i')));
});

test('hedges are marked in the neutral style', async () => {
  await pickSample('sanctions');
  const painted = await paintedAt('allegedly');
  assert.ok(painted.names.includes('sourcelight-hedge'), `“allegedly” is painted as ${JSON.stringify(painted.names)}`);
});

test('clicking a claim scrolls the page to it, flashes it, opens its card and puts the focus on the article; Enter comes back', async () => {
  await pickSample('sanctions');
  // The claim whose text stands furthest down the article, and where its text is.
  const target = await page.evaluate(() => {
    const text = document.getElementById('text-view').firstChild.data;
    let best = null;
    for (const b of document.querySelectorAll('.sl-claim')) {
      const first = b.querySelector('.sl-claim-text').textContent.split(' … ')[0];
      const at = text.lastIndexOf(first);
      if (at >= 0 && (!best || at > best.at)) best = { index: b.dataset.attribution, at, length: first.length };
    }
    return best;
  });
  assert.ok(target, 'no claim text found in the article view');
  const where = () => page.evaluate(({ at, length }) => {
    const view = document.getElementById('text-view');
    const range = document.createRange();
    range.setStart(view.firstChild, at);
    range.setEnd(view.firstChild, at + length);
    const r = range.getBoundingClientRect();
    const flash = CSS.highlights.get('sourcelight-flash');
    return { visible: r.top >= 0 && r.bottom <= innerHeight, flashing: !!flash && [...flash].some((x) => x.startOffset <= at && x.endOffset >= at + 1) };
  }, target);
  await page.evaluate(() => scrollTo(0, 0));
  assert.equal((await where()).visible, false, 'the window is tall enough to show the claim without scrolling: the test proves nothing');
  await page.click(`.sl-claim[data-attribution="${target.index}"]`);
  const after = await where();
  assert.ok(after.visible, 'the claim is still outside the window after the click');
  assert.ok(after.flashing, 'the claim is not flashed');
  assert.equal(await page.getAttribute(`.sl-claim-item[data-attribution="${target.index}"]`, 'aria-current'), 'true');
  assert.ok(await page.isVisible('#tooltip'), 'its card is shown by the text');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'text-view', 'the focus is where the view went');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.attribution), target.index, 'Enter goes back to the card');
});

test('keyboard: n moves the focus to the next statement and announces it, and every control is a focusable button', async () => {
  await pickSample('strike');
  await page.focus('#text-view');
  await page.keyboard.press('n');
  const current = await page.$eval('.sl-claim-item[aria-current="true"]', (li) => li.dataset.attribution);
  assert.ok(current != null);
  assert.ok(await page.evaluate(() => CSS.highlights.has('sourcelight-flash')));
  assert.equal(await page.evaluate(() => document.activeElement.dataset.attribution), current, 'the focus is on the statement');
  await page.waitForFunction(() => /^Statement 1 of \d+, .+ \w+ \((quoted|partly quoted|paraphrased)\): /.test(document.getElementById('announce').textContent));
  await page.keyboard.press('n');
  await page.waitForFunction(() => /^Statement 2 of /.test(document.getElementById('announce').textContent));
  const tags = await page.$$eval('.sl-legend-item, .sl-claim', (els) => [...new Set(els.map((e) => e.tagName))]);
  assert.deepEqual(tags, ['BUTTON']);
});

test('grouping by side puts a country’s speakers under the country', async () => {
  await pickSample('sanctions');
  await page.check('input[name="grouping"][value="side"]');
  const shown = await legend();
  assert.ok(shown.some((e) => e.name === 'Germany' && e.count === 1), `no “Germany” group with Jonas Weber's statement: ${JSON.stringify(shown)}`);
  await page.check('input[name="grouping"][value="person"]');
  assert.ok((await legend()).some((e) => e.name.includes('Jonas Weber')));
});

test('JSON and Markdown exports match what the page shows', async () => {
  await pickSample('strike');
  const shown = await legend();
  const total = shown.reduce((n, e) => n + e.count, 0);
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const analysis = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.equal(analysis.attributions.length, total);
  assert.ok(analysis.attributions.every((a) => typeof a.text === 'string' && a.text.length > 0));
  const [md] = await Promise.all([page.waitForEvent('download'), page.click('#export-md')]);
  const markdown = readFileSync(await md.path(), 'utf8');
  for (const e of shown) assert.ok(markdown.includes(`## ${e.name} (${e.count} statement`), `Markdown lacks a section for ${e.name}`);
});

test('a legend entry shows that party alone, and a second press shows everyone again', async () => {
  await pickSample('strike');
  const sections = () => page.$$eval('.sl-claims-group', (all) => all.filter((s) => !s.hidden).map((s) => s.dataset.group));
  const all = await sections();
  const key = await page.$eval('.sl-legend-item', (b) => b.dataset.group);
  await page.click(`.sl-legend-item[data-group="${key}"]`);
  assert.equal(await page.getAttribute(`.sl-legend-item[data-group="${key}"]`, 'aria-pressed'), 'true');
  assert.deepEqual(await sections(), [key]);
  await page.keyboard.press('Enter'); // the button keeps the focus: the keyboard undoes it
  assert.deepEqual(await sections(), all);
});

test('a dropped .txt file is read and analyzed', async () => {
  const text = '“The bridge will reopen in June,” said Mayor Ines Duarte.';
  const data = await page.evaluateHandle((t) => {
    const d = new DataTransfer();
    d.items.add(new File([t], 'note.txt', { type: 'text/plain' }));
    return d;
  }, text);
  await page.dispatchEvent('#source', 'drop', { dataTransfer: data });
  await page.waitForFunction((t) => document.getElementById('text-view').textContent === t, text);
  assert.equal(await page.inputValue('#source'), text);
});

test('an HTML file gives its visible text, without scripts or styles', async () => {
  const html = '<!doctype html><html><head><title>T</title><style>p{color:red}</style></head><body><nav>Home</nav><article><h1>Council delays vote</h1><p>“We need more time,” said councillor Ruth Obi.</p><script>document.title = "injected"</script><p>The vote is now set for May.</p></article></body></html>';
  await page.setInputFiles('#file', { name: 'article.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await page.waitForFunction(() => document.getElementById('source').value.includes('Council delays vote'));
  const value = await page.inputValue('#source');
  assert.equal(value, 'Council delays vote\n\n“We need more time,” said councillor Ruth Obi.\n\nThe vote is now set for May.');
  await page.waitForFunction(() => document.getElementById('text-view').textContent.includes('Ruth Obi'));
});

test('binary junk gets a clear message instead of an analysis, and the page keeps working', async () => {
  let junk = '';
  let seed = 7;
  for (let i = 0; i < 200_000; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    junk += String.fromCharCode(seed % 256);
  }
  await paste(junk);
  await page.waitForFunction(() => /does not look like text/.test(document.getElementById('status').textContent));
  assert.equal(await page.$$eval('.sl-legend-item', (l) => l.length), 0);
  // A binary file dropped or opened reads as undecodable UTF-8: the same message.
  const bytes = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 256));
  await page.setInputFiles('#file', { name: 'photo.txt', mimeType: 'text/plain', buffer: bytes });
  await page.waitForFunction(() => /does not look like text/.test(document.getElementById('status').textContent) && document.getElementById('source').value.length > 0);
  await pickSample('strike');
  assert.ok((await legend()).length > 0);
});

test('1 MB of pasted text is analyzed off the main thread with a clear message; over the limit is refused', async () => {
  const base = samples.map((s) => s.text).join('\n\n');
  let big = '';
  while (big.length < 1_000_000) big += `${base}\n\n`;
  big = big.slice(0, 1_000_000);
  await paste(big);
  // While the worker analyzes, the page's own thread still answers.
  assert.equal(await page.evaluate(() => document.getElementById('source').value.length), 1_000_000);
  await page.waitForFunction(() => /1,000,000 characters/.test(document.getElementById('timing').textContent), null, { timeout: 60_000 });
  assert.match(await page.textContent('#status'), /^\d[\d,]* statements from \d+ part/);
  assert.ok((await legend()).length > 0);
  // Thousands of claims are listed a screenful a party, the rest behind a button.
  assert.ok(await page.isVisible('.sl-more'), 'no “Show all” button under a party with thousands of claims');
  await page.mouse.move(400, 600); // hovering the long text answers too

  await paste(big + big + big);
  await page.waitForFunction(() => /analyzes up to 2,000,000/.test(document.getElementById('status').textContent));
  assert.equal(await page.$$eval('.sl-legend-item', (l) => l.length), 0);
  await pickSample('sanctions');
  assert.ok((await legend()).length > 0);
});

test('nothing is fetched after load', async () => {
  const requests = [];
  const listener = (r) => {
    if (!/^(blob|data):/.test(r.url())) requests.push(r.url());
  };
  page.on('request', listener);
  await pickSample('study');
  await pickSample('strike');
  await page.selectOption('#theme', 'dark');
  await page.selectOption('#theme', 'auto');
  await page.check('input[name="grouping"][value="side"]');
  await page.check('input[name="grouping"][value="person"]');
  page.off('request', listener);
  assert.deepEqual(requests, []);
});

test('screenshots, light and dark', async () => {
  mkdirSync(SHOTS, { recursive: true });
  const shot = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  for (const scheme of ['light', 'dark']) {
    await shot.emulateMedia({ colorScheme: scheme });
    await shot.goto(server.url);
    await shot.evaluate(() => localStorage.removeItem('sourcelight-theme'));
    await shot.reload();
    await shot.waitForSelector('.sl-legend-item');
    assert.equal(await shot.getAttribute('html', 'data-theme'), scheme);
    await shot.screenshot({ path: join(SHOTS, `demo-${scheme}.png`) });
  }
  await shot.close();
});

test('no script errors on the page', () => {
  assert.deepEqual(pageErrors, []);
});
