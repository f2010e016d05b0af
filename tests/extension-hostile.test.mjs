// The extension in Debian's Chromium against pages that could hurt a reader: a page that
// defines the hover card's old element name, breaks attachShadow, freezes prototypes and
// clears our highlights (hostile.html); a page the test copy's engine hangs on (stall.html), a
// page of 400 KB in one paragraph and a page of 260,000 elements, each next to a normal page
// in another tab; and a page longer than the extension analyzes at once. Needs
// `./build.sh wasm` first.
//
// Every check counts or orders what happened (which tab got its answer while which was still
// running, how many ranges are registered, what the page recorded) and never how long it took.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './fixtures/server.mjs';
import { launchChromium } from './fixtures/chromium.mjs';
import { FIXTURES, pagePaint, pageSerialize, pagePointOf, assertPaint } from './fixtures/checks.mjs';
import { NOTICES } from '../extension/budget.js';
import { MAX_RANGES } from '../extension/content/paint.js';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(file) {
  const page = await browser.context.newPage();
  const url = `${server.origin}/${file}`;
  await page.goto(url);
  return { page, url };
}

const stats = () => browser.worker().evaluate(() => globalThis.sourcelightEngine.stats());
const frames = (page) => page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));

async function until(check, what) {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`never happened: ${what}`);
}

// Turns the extension off in a tab the way a reader does: the popup's switch.
async function switchOff(url) {
  const tab = await browser.tabId(url);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.id}/popup.html?tab=${tab}`);
  await popup.waitForSelector('#enabled:checked');
  await popup.uncheck('#enabled');
  await popup.waitForFunction(() => document.getElementById('status').textContent.includes('Highlights are off'));
  await popup.close();
}

// Whether a hover card is on the page: a <div> child of <html> with a shadow root.
const cardShown = (page) => page.evaluate(() => [...document.documentElement.children].some((el) => el.localName === 'div'));

test('Chromium: a hostile page sees no element of ours, and start, stop, start works', async () => {
  const { page, url } = await open(FIXTURES.hostile.file);
  const before = await page.evaluate(pageSerialize, null);
  const seen = () => page.evaluate(() => ({ constructed: hostile.constructed, attachShadowCalls: hostile.attachShadowCalls, added: hostile.added, errors: hostile.errors }));

  for (let round = 0; round < 2; round++) {
    const summary = await browser.activate(url);
    assert.ok(summary?.analysis, `round ${round}: the page is analyzed`);
    assertPaint(FIXTURES.hostile, await page.evaluate(pagePaint, null));
    assert.deepEqual(await seen(), { constructed: 0, attachShadowCalls: 0, added: [], errors: [] }, 'the page saw no element of ours and no error');

    const point = await page.evaluate(pagePointOf, 'Nobody wins a strike');
    await page.mouse.move(point.x, point.y);
    await frames(page);
    assert.ok(await cardShown(page), 'hovering a statement shows the card');
    await page.mouse.move(5, 5);
    await frames(page);
    assert.equal(await cardShown(page), false, 'the card is gone once the pointer leaves');
    assert.deepEqual((await seen()).added, ['div'], 'the page saw one plain <div>, while the card was shown');
    assert.equal((await seen()).constructed, 0, 'the page’s own sourcelight-card was never made');
    await page.evaluate(() => (hostile.added = []));

    await switchOff(url);
    assert.equal(await page.evaluate(pageSerialize, null), before, 'Off gives the page back exactly');
  }
  assert.deepEqual((await seen()).errors, []);
  await page.close();
});

test('Chromium: highlights the page clears or empties are put back, and none after Off', async () => {
  const { page, url } = await open(FIXTURES.hostile.file);
  await browser.activate(url);
  const names = await page.evaluate(() => [...CSS.highlights.keys()].sort());
  await page.evaluate(() => startClearing(100));
  await page.waitForFunction(() => hostile.clears >= 3);
  await page.evaluate(() => stopClearing());
  await page.waitForFunction((n) => [...CSS.highlights.keys()].sort().join() === n.join(), names);
  assertPaint(FIXTURES.hostile, await page.evaluate(pagePaint, null));

  await page.evaluate(() => emptyHighlights());
  await page.waitForFunction(() => CSS.highlights.size > 0 && [...CSS.highlights.values()].every((h) => h.size > 0));
  assertPaint(FIXTURES.hostile, await page.evaluate(pagePaint, null));

  await switchOff(url);
  await page.waitForTimeout(1500); // longer than the mending interval: nothing comes back
  assert.equal(await page.evaluate(() => CSS.highlights.size), 0);
  assert.deepEqual(await page.evaluate(() => hostile.errors), []);
  await page.close();
});

test('Chromium: a stuck analysis holds up no other tab, and is stopped at its deadline', async () => {
  const stuckPage = await open('stall.html');
  const news = await open(FIXTURES.news.file);
  const before = await stuckPage.page.evaluate(pageSerialize, null);
  const { abandoned } = await stats();

  let stuckSettled = false;
  const stuck = browser.activate(stuckPage.url).finally(() => (stuckSettled = true));
  await until(async () => (await stats()).running === 1, 'the stuck analysis runs');
  const summary = await browser.activate(news.url);
  assert.ok(summary.analysis, 'the other tab gets its analysis');
  assertPaint(FIXTURES.news, await news.page.evaluate(pagePaint, null));
  assert.equal(stuckSettled, false, 'while the stuck one is still running');
  assert.equal((await stats()).running, 1);

  assert.deepEqual(await stuck, { notice: NOTICES.tookTooLong }, 'the stuck tab is told');
  assert.equal((await stats()).abandoned, abandoned + 1, 'its worker was abandoned');
  assert.equal(await stuckPage.page.evaluate(pageSerialize, null), before, 'and its page left as it was');

  const regrouped = await browser.worker().evaluate((tab) => globalThis.sourcelightActivate(tab, 'side'), await browser.tabId(news.url));
  assert.equal(regrouped.grouping, 'side', 'a fresh worker answers the next request');
  await stuckPage.page.close();
  await news.page.close();
});

test('Chromium: 400 KB in one paragraph gets an answer or a notice, and another tab its highlights meanwhile', async () => {
  const long = await open('paragraph.html');
  const news = await open(FIXTURES.news.file);
  const before = await long.page.evaluate(pageSerialize, null);
  let longSettled = false;
  const outcome = browser.activate(long.url).finally(() => (longSettled = true));
  await until(async () => longSettled || (await stats()).running >= 1, 'the long page is sent');
  await browser.activate(news.url);
  assertPaint(FIXTURES.news, await news.page.evaluate(pagePaint, null));

  const result = await outcome;
  if (result.notice) {
    assert.ok([NOTICES.tookTooLong, NOTICES.tooLong].includes(result.notice), result.notice);
    assert.equal(await long.page.evaluate(pageSerialize, null), before);
  } else {
    assert.ok(result.analysis.attributions.length > 0);
    assert.ok((await long.page.evaluate(pagePaint, null)).ranges.length > 0);
  }
  await long.page.close();
  await news.page.close();
});

test('Chromium: a page too long to analyze says so in the popup, and is left as it was', async () => {
  const { page, url } = await open('too-long.html');
  const before = await page.evaluate(pageSerialize, null);
  const { started, answered } = await stats();
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.id}/popup.html?tab=${await browser.tabId(url)}`);
  await popup.waitForFunction((text) => document.getElementById('status').textContent === text, NOTICES.tooLong);
  assert.equal(await popup.isChecked('#enabled'), false);
  assert.equal(await popup.locator('.sl-group-toggle, .sl-claim').count(), 0, 'no party and no statement listed');
  assert.equal(await page.evaluate(pageSerialize, null), before);
  const now = await stats();
  assert.deepEqual([now.started, now.answered], [started, answered], 'nothing was sent to the engine');
  await popup.close();
  await page.close();
});

test('Chromium: a page of 260,000 elements registers only the ranges around the viewport', async () => {
  const { page, url } = await open('huge.html');
  assert.ok((await page.evaluate(() => document.getElementsByTagName('*').length)) > 250_000);
  const { retired } = await stats();
  const summary = await browser.activate(url);
  assert.ok(summary.analysis.attributions.length > 5 * MAX_RANGES, 'far more statements than are registered at once');
  assert.equal((await stats()).retired, retired + 1, 'the worker grown by this page is retired, and its memory with it');
  // The registered ranges and the paragraphs (by index in the article) they are in.
  const registered = () =>
    page.evaluate(() => {
      const paragraphs = [...document.querySelectorAll('#story p')];
      const index = new Map(paragraphs.map((p, i) => [p, i]));
      const at = [];
      for (const h of CSS.highlights.values()) for (const r of h) at.push(index.get(r.startContainer.parentElement.closest('p')) ?? -1);
      return { count: at.length, first: Math.min(...at), last: Math.max(...at), paragraphs: paragraphs.length };
    });
  const top = await registered();
  assert.ok(top.count > 0 && top.count <= MAX_RANGES, `${top.count} ranges registered at once`);
  assert.equal(top.first, 0, 'from the top of the article, which is in view');

  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await until(async () => (await registered()).last === top.paragraphs - 1, 'the ranges at the bottom are registered once it is in view');
  const bottom = await registered();
  assert.ok(bottom.count <= MAX_RANGES, `${bottom.count} ranges registered at once`);
  assert.ok(bottom.first > top.last, 'and those at the top no longer are');

  await switchOff(url);
  assert.equal(await page.evaluate(() => CSS.highlights.size), 0);
  await page.close();
});
