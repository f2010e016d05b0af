// The demo page for every reader, in Debian's Chromium: axe-core finds no violation on the
// default sample and on a long text of many parties, light and dark, at 1280 and 375 px; the
// first-use note; the layout (no scroll box inside the page, the key and parties first on a
// phone, the header aligned with the content on a wide screen); links both ways by tap and by
// keyboard, with the focus where the view goes; one announcement when typing pauses; single-key
// shortcuts that can be turned off; long statements that unfold; the empty state; forced
// colours. Every wait is for a state of the page, and counts are counted, never timed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from './serve.mjs';
import { axeViolations } from './fixtures/axe.mjs';
import { pickSample, paste, pageTextRect, pageInView } from './fixtures/demo.mjs';
import { samples } from '../www/samples.js';

const ROOT = new URL('..', import.meta.url).pathname;
const SHOTS = join(ROOT, 'tests/screenshots');
const LONG = samples.map((s) => s.text).join('\n\n'); // every sample at once: many parties

let server;
let browser;
const pageErrors = [];

before(async () => {
  server = await serveStatic(join(ROOT, 'www'));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open({ width = 1280, height = 800, colorScheme = 'light', hasTouch = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, hasTouch });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(server.url);
  await page.waitForSelector('.sl-legend-item');
  return page;
}

async function pasteAndWait(page, text) {
  await paste(page, text);
  await page.waitForFunction((t) => document.getElementById('text-view').textContent === t, text);
}

for (const width of [1280, 375]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe: no violation at ${width} px, ${colorScheme}, on the default sample and on a long text`, async () => {
      const page = await open({ width, colorScheme });
      assert.deepEqual(await axeViolations(page), [], 'default sample');
      await pasteAndWait(page, LONG);
      assert.ok(await page.isVisible('.sl-smaller summary'), 'the long text has more than eight parties');
      await page.click('.sl-smaller summary');
      await page.click('.sl-claim-more').catch(() => {});
      assert.deepEqual(await axeViolations(page), [], 'long text');
      await page.context().close();
    });
  }
}

test('the explanation is open the first time, closed after', async () => {
  const page = await open();
  assert.equal(await page.getAttribute('#intro', 'open'), '');
  await page.reload();
  await page.waitForSelector('.sl-legend-item');
  assert.equal(await page.getAttribute('#intro', 'open'), null);
  assert.match(await page.textContent('#key'), /^Tint: what was said · Underline: who said it · Line above: anonymous source · Dotted: hedged, no source$/);
  await page.context().close();
});

// Elements other than form fields that scroll on their own.
const scrollBoxes = () => [...document.querySelectorAll('body *:not(textarea, select, input)')]
  .filter((el) => /auto|scroll/.test(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight + 1)
  .map((el) => el.className || el.localName);

test('1280 px: the article scrolls with the page, only the statements panel scrolls beside it; 1920 px: the header lines up with the content', async () => {
  const page = await open();
  await pasteAndWait(page, LONG);
  assert.deepEqual(await page.evaluate(scrollBoxes), ['side-claims']);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.side-claims')).position), 'sticky');
  await page.setViewportSize({ width: 1920, height: 1000 });
  const [header, content] = await page.evaluate(() => [document.querySelector('.top h1'), document.querySelector('.input-bar')].map((el) => el.getBoundingClientRect().left));
  assert.ok(Math.abs(header - content) < 1, `header at ${header} px, content at ${content} px`);
  await page.context().close();
});

test('375 px: the key and parties come first, a tapped highlight opens its card in view, a tapped statement is shown in view', async () => {
  const page = await open({ width: 375, height: 700, hasTouch: true });
  await pickSample(page, 'sanctions');
  assert.deepEqual(await page.evaluate(scrollBoxes), [], 'nothing scrolls but the page');
  const top = (sel) => page.$eval(sel, (el) => el.getBoundingClientRect().top + scrollY);
  assert.ok((await top('#key')) < (await top('#text-view')), 'the key before the article');
  assert.ok((await top('#legend')) < (await top('#text-view')), 'the parties before the article');
  const quote = 'If the transfers continue, there will be consequences';
  await page.evaluate((q) => {
    const node = document.getElementById('text-view').firstChild;
    const range = document.createRange();
    range.setStart(node, node.data.indexOf(q));
    range.collapse(true);
    scrollBy(0, range.getBoundingClientRect().top - 200);
  }, quote);
  const point = await page.evaluate(pageTextRect, quote);
  await page.tap('#text-view', { position: await page.$eval('#text-view', (el, p) => ({ x: p.x - el.getBoundingClientRect().left, y: p.y - el.getBoundingClientRect().top }), point) });
  const card = await page.evaluate(() => ({ attribution: document.activeElement.dataset.attribution, text: document.activeElement.textContent }));
  assert.ok(card.text.includes(quote), `the focused card is “${card.text}”`);
  assert.ok(await page.evaluate(pageInView, `.sl-claim[data-attribution="${card.attribution}"]`), 'the card is in view');
  // And back: the statement's button shows it in the text.
  await page.tap(`.sl-claim[data-attribution="${card.attribution}"]`);
  assert.ok((await page.evaluate(pageTextRect, quote)).inView, 'the statement is in view');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'text-view');
  await page.screenshot({ path: join(SHOTS, 'demo-phone.png') });
  await page.context().close();
});

test('keyboard only: a statement’s button reads as a sentence; Enter shows it in the text, Enter there comes back; Escape closes the card', async () => {
  const page = await open();
  await pickSample(page, 'sanctions');
  const button = page.getByRole('button', { name: /^Jonas Weber said \(quoted\): “If the transfers continue/ });
  assert.equal(await button.count(), 1, 'the statement is named as a sentence');
  await button.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'text-view');
  assert.ok((await page.evaluate(pageTextRect, 'If the transfers continue')).inView);
  assert.ok(await page.isVisible('#tooltip'));
  await page.keyboard.press('Escape');
  assert.equal(await page.isVisible('#tooltip'), false);
  await page.keyboard.press('Enter');
  assert.match(await page.evaluate(() => document.activeElement.textContent), /If the transfers continue/);
  await page.context().close();
});

test('the single-key shortcuts can be turned off, and stay off', async () => {
  const page = await open();
  await page.click('#about summary');
  await page.uncheck('#shortcuts');
  await page.focus('#text-view');
  await page.keyboard.press('n');
  assert.equal(await page.$$eval('.sl-claim-item[aria-current]', (l) => l.length), 0, 'n does nothing');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'text-view');
  await page.reload();
  await page.waitForSelector('.sl-legend-item');
  await page.click('#about summary');
  assert.equal(await page.isChecked('#shortcuts'), false);
  await page.check('#shortcuts');
  await page.focus('#text-view');
  await page.keyboard.press('n');
  assert.equal(await page.$$eval('.sl-claim-item[aria-current]', (l) => l.length), 1, 'n works again');
  await page.context().close();
});

test('typing speaks once, when the typing pauses', async () => {
  const page = await open();
  await page.evaluate(() => {
    window.announcements = [];
    const live = document.getElementById('announce');
    new MutationObserver(() => live.textContent && window.announcements.push(live.textContent)).observe(live, { childList: true, characterData: true, subtree: true });
  });
  await page.fill('#source', '');
  await page.focus('#source');
  const words = '“We will rebuild the harbour wall before the winter storms arrive,” said Mayor Ines Duarte.'.split(' ');
  for (const [n, word] of words.entries()) {
    await page.keyboard.type(n ? ` ${word}` : word);
    // Each pause between words is long enough for an analysis: the page shows every one.
    await page.waitForFunction((t) => document.getElementById('text-view').textContent === t, await page.inputValue('#source'));
  }
  assert.ok(words.length >= 14);
  await page.waitForFunction(() => window.announcements.length > 0);
  assert.deepEqual(await page.evaluate(() => window.announcements), ['1 statement from 1 party.']);
  await page.context().close();
});

test('a long statement is folded with “More” and unfolds in place', async () => {
  const page = await open();
  const long = `“${'We will keep the ferry running every day of the winter, and we will not let the storms decide for us. '.repeat(4).trim()}” said Mayor Ines Duarte.`;
  await pasteAndWait(page, long);
  const more = page.locator('.sl-claim-more');
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  const clipped = () => page.$eval('.sl-claim-text', (el) => el.scrollHeight > el.clientHeight + 1);
  assert.ok(await clipped(), 'folded at three lines');
  await more.click();
  assert.equal(await more.getAttribute('aria-expanded'), 'true');
  assert.equal(await more.textContent(), 'Less');
  assert.equal(await clipped(), false, 'unfolded');
  await page.context().close();
});

test('an empty result: one clear message, no empty headings or hints, exports disabled', async () => {
  const page = await open();
  await pasteAndWait(page, 'The harbour wall was rebuilt in the spring. The ferry runs every day.');
  assert.match(await page.textContent('#status'), /^No statement attributed to anyone in this text\./);
  for (const heading of ['#parties-heading', '#claims-heading']) assert.equal(await page.isVisible(heading), false, `${heading} is hidden`);
  assert.equal(await page.$$eval('.hint', (hints) => hints.filter((h) => h.checkVisibility()).length), 0, 'no hint about lists that are empty');
  for (const id of ['#export-json', '#export-md', '#copy-md']) assert.ok(await page.isDisabled(id), `${id} is disabled`);
  await paste(page, '');
  await page.waitForFunction(() => /^Paste an article/.test(document.getElementById('status').textContent));
  assert.ok(await page.isDisabled('#export-json'));
  await pickSample(page, 'strike');
  assert.equal(await page.isDisabled('#export-json'), false);
  await page.context().close();
});

test('forced colours: statements take the system’s mark colour, speakers keep their underline styles', async () => {
  const page = await open();
  await page.emulateMedia({ forcedColors: 'active' });
  await pickSample(page, 'sanctions');
  const looks = await page.evaluate(() => {
    const view = document.getElementById('text-view');
    const style = (name) => getComputedStyle(view, `::highlight(${name})`);
    return {
      statements: ['sourcelight-p0', 'sourcelight-p1'].map((n) => style(n).backgroundColor),
      speakers: ['sourcelight-s0', 'sourcelight-s1'].map((n) => style(n).textDecorationStyle),
      statementLine: style('sourcelight-p0').textDecorationLine,
      hedge: style('sourcelight-hedge').textDecorationStyle,
    };
  });
  assert.equal(looks.statements[0], looks.statements[1], 'one system colour for every statement');
  assert.notEqual(looks.speakers[0], looks.speakers[1], 'speakers told apart by their line');
  // Chromium paints every highlight in its own system colour here, whatever the rules say: the
  // lines are what tell a speaker from a statement, and one party from another.
  assert.equal(looks.statementLine, 'none', 'statements have no line, speakers have one');
  assert.equal(looks.hedge, 'dotted');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'demo-forced-colors.png') });
  await page.context().close();
});

test('no script errors on the pages', () => {
  assert.deepEqual(pageErrors, []);
});
