// The extension for every reader, in Debian's Chromium: axe-core finds no violation in the
// popup (light and dark) or the options page; the popup lists parties first, largest first,
// with their statements folded, and says its count in its status line; each statement's
// button reads as a sentence; the keyboard opens a party, reaches its statements and shows
// one on the page; a statement clicked on the page is the one the popup opens, focused and in
// view; the smaller parties share the grey; the browser's refusals come in plain words. Needs
// `./build.sh wasm` first.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './fixtures/server.mjs';
import { launchChromium } from './fixtures/chromium.mjs';
import { axeViolations } from './fixtures/axe.mjs';
import { pagePointOf, pageRevealed } from './fixtures/checks.mjs';

let server;
let browser;
let page;
let url;
let tab;

before(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await browser.context.newPage();
  url = `${server.origin}/news.html`;
  await page.goto(url);
  await browser.activate(url);
  tab = await browser.tabId(url);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openPopup({ colorScheme = 'light', query = `tab=${tab}` } = {}) {
  const popup = await browser.context.newPage({ viewport: { width: 380, height: 600 } });
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.emulateMedia({ colorScheme });
  await popup.goto(`chrome-extension://${browser.id}/popup.html?${query}`);
  await popup.waitForFunction(() => !/^Reading/.test(document.getElementById('status').textContent));
  return popup;
}

test('axe finds no violation in the popup, light and dark, folded and open', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const popup = await openPopup({ colorScheme });
    assert.deepEqual(await axeViolations(popup), [], `popup, ${colorScheme}`);
    await popup.click('.sl-group-toggle');
    await popup.click('.sl-claim-more').catch(() => {}); // a long statement, where there is one
    assert.deepEqual(await axeViolations(popup), [], `popup with a party open, ${colorScheme}`);
    await popup.close();
  }
});

test('axe finds no violation in the options page', async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.id}/options.html`);
  await options.waitForSelector('#palette option', { state: 'attached' });
  assert.deepEqual(await axeViolations(options), []);
  await options.close();
});

test('the popup: its count in the status line, parties first and largest first, statements folded, the smaller parties grey', async () => {
  const popup = await openPopup();
  assert.match(await popup.textContent('#status'), /^\d+ statements from \d+ parties in this article\.$/);
  assert.equal(await popup.getAttribute('#status', 'role'), 'status', 'the count is spoken');
  const groups = await popup.$$eval('.sl-claims-group', (all) => all.map((g) => ({
    key: g.dataset.group,
    count: Number(g.querySelector('.sl-count').textContent),
    expanded: g.querySelector('.sl-group-toggle').getAttribute('aria-expanded'),
    hidden: g.querySelector('.sl-claims').hidden,
    swatch: getComputedStyle(g.querySelector('.sl-swatch')).backgroundColor,
  })));
  assert.ok(groups.length > 8, `the news page has more than eight parties (${groups.length})`);
  const parties = groups.filter((g) => g.key !== 'none');
  assert.deepEqual(parties.map((g) => g.count), parties.map((g) => g.count).sort((a, b) => b - a), 'largest first');
  assert.ok(groups.every((g) => g.expanded === 'false' && g.hidden), 'every party starts folded');
  assert.equal(new Set(parties.slice(0, 8).map((g) => g.swatch)).size, 8, 'the eight largest have a colour each');
  assert.equal(new Set(parties.slice(8).map((g) => g.swatch)).size, 1, 'the smaller parties share one look');
  assert.ok(!parties.slice(0, 8).some((g) => g.swatch === parties[8].swatch), 'and it is none of the eight');
  // A party's statements are made when it is first opened; each one's button reads as a
  // sentence, with the party and how it was said.
  assert.equal(await popup.locator('.sl-claim').count(), 0, 'no statement is made before its party is opened');
  await popup.click('.sl-group-toggle:has-text("Tomas Reyes")');
  assert.equal(await popup.getByRole('button', { name: /^Tomas Reyes said \(quoted\): “?This is a reckless decision/ }).count(), 1);
  await popup.close();
});

test('keyboard in the popup: Enter opens a party with the focus staying on it, Tab reaches its statements, Enter shows one on the page', async () => {
  const popup = await openPopup();
  await page.evaluate(() => scrollTo(0, 0));
  await popup.focus('.sl-group-toggle');
  await popup.keyboard.press('Enter');
  assert.equal(await popup.getAttribute('.sl-group-toggle', 'aria-expanded'), 'true');
  assert.equal(await popup.evaluate(() => document.activeElement.className), 'sl-group-toggle', 'the focus stays where it was');
  await popup.keyboard.press('Tab');
  const focused = await popup.evaluate(() => ({ cls: document.activeElement.className, text: document.activeElement.querySelector('.sl-claim-text')?.textContent }));
  assert.equal(focused.cls, 'sl-claim', 'Tab goes to the party’s first statement');
  await popup.keyboard.press('Enter');
  const words = focused.text.replace(/^[“"]/, '').split(/\s+/).slice(0, 5).join(' ');
  await page.waitForFunction(pageRevealed, words, { timeout: 5000 });
  await popup.close();
});

test('a statement clicked on the page is the one the popup opens, focused and in view', async () => {
  const text = 'We are not against a bridge';
  const point = await page.evaluate(pagePointOf, text);
  assert.ok(point, 'the statement is painted');
  await page.mouse.click(point.x, point.y);
  const popup = await openPopup();
  const active = await popup.evaluate(() => {
    const el = document.activeElement;
    const r = el.getBoundingClientRect();
    return { cls: el.className, text: el.querySelector('.sl-claim-text')?.textContent ?? '', inView: r.top >= 0 && r.bottom <= innerHeight };
  });
  assert.equal(active.cls, 'sl-claim');
  assert.ok(active.text.includes(text), `the focused statement is “${active.text}”`);
  assert.ok(active.inView, 'and it is in view');
  await popup.close();
});

test('the browser’s refusals come in plain words, with what to do', async () => {
  const gone = await openPopup({ query: 'tab=999999' });
  assert.equal(await gone.textContent('#status'), 'This tab is no longer open. Go back to the article and click Sourcelight again.');
  assert.equal(await gone.isDisabled('#export-json'), true, 'nothing to export');
  assert.equal(await gone.isVisible('#parties-box'), false, 'no empty heading');
  await gone.close();
  const settings = await browser.context.newPage();
  await settings.goto('chrome://version');
  const id = await browser.tabId('chrome://version/');
  const refused = await openPopup({ query: `tab=${id}` });
  assert.equal(await refused.textContent('#status'), 'Browser pages and the add-on store cannot be analyzed. Open a news article and click Sourcelight again.');
  await refused.close();
  await settings.close();
});
