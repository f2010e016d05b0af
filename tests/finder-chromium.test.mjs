// The article finder, the roles of blocks and the reading of a selection, in Debian's Chromium
// with the extension: on fixture pages of our own, each a shape seen on real sites (a story cut
// into sibling containers, a layout wrapper named "sidebar", widgets and promotions inside the
// story, a section front of teasers, blocks whose role decides what they can say), what is
// painted and what is not is read back from the page's highlights, and the blocks the content
// script sends (with their roles) are caught by a second listener in the service worker. Also:
// statements of wishes and plans in their fainter style, and hidden by the setting; a selection
// read by the popup and by the context menu's entry. Needs `./build.sh wasm` first.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './fixtures/server.mjs';
import { launchChromium } from './fixtures/chromium.mjs';
import { pageSerialize, pagePaint } from './fixtures/checks.mjs';
import { FINDER_FIXTURES, pageHighlights, pageSelect, assertHighlights, assertRoles, assertSpeakers } from './fixtures/finder-checks.mjs';

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

// In the service worker: keeps the blocks each tab's content script sends for analysis.
function installCapture() {
  if (globalThis.testCapture) return;
  globalThis.testCapture = new Map();
  chrome.runtime.onMessage.addListener((message, sender) => {
    if (message?.type === 'analyze' && sender.tab) globalThis.testCapture.set(sender.tab.id, message.blocks);
  });
}

async function activate(url, mode = 'auto') {
  await browser.worker().evaluate(installCapture);
  const tab = await browser.tabId(url);
  const summary = await browser.worker().evaluate(([t, m]) => globalThis.sourcelightActivate(t, null, m), [tab, mode]);
  const blocks = await browser.worker().evaluate((t) => globalThis.testCapture.get(t) ?? [], tab);
  return { summary, blocks, tab };
}

async function popupStatus(tab) {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.id}/popup.html?tab=${tab}`);
  await popup.waitForFunction(() => !/^Reading/.test(document.getElementById('status').textContent));
  const status = await popup.evaluate(() => document.getElementById('status').textContent);
  return { popup, status };
}

for (const [key, fixture] of Object.entries(FINDER_FIXTURES)) {
  test(`Chromium: finder on ${fixture.file}`, async (t) => {
    const page = await browser.context.newPage();
    const url = `${server.origin}/${fixture.file}`;
    await page.goto(url);
    const before = await page.evaluate(pageSerialize, null);
    const { summary, blocks, tab } = await activate(url);

    if (fixture.notArticle) {
      assert.ok(summary?.notArticle, 'the page is no article');
      assert.deepEqual(blocks, [], 'nothing is sent for analysis');
      assert.deepEqual(await page.evaluate(pageHighlights), [], 'nothing is painted');
      const { popup, status } = await popupStatus(tab);
      assert.match(status, /does not look like an article/);
      assert.match(status, /select/i, 'the message offers to read a selection');
      await popup.close();
      assert.equal(await page.evaluate(pageSerialize, null), before, 'the page is as it was');
      await page.close();
      return;
    }

    const highlights = await page.evaluate(pageHighlights);
    await t.test('the article is painted, its furniture is not', () => assertHighlights(fixture, highlights));
    if (fixture.roles) await t.test('each block is sent with its role', () => assertRoles(fixture, blocks));
    if (fixture.speakers) await t.test('a list after “X said:” is X’s', () => assertSpeakers(fixture, summary.analysis));
    if (key === 'roles') await t.test('wishes and plans are painted fainter, with a dotted underline', async () => assertIntention(page, fixture.intention));

    await browser.worker().evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, func: () => globalThis.sourcelight.stop() }), tab);
    assert.equal(await page.evaluate(pageSerialize, null), before, 'turned off, the page is as it was');

    if (key === 'roles') {
      await t.test('the setting hides wishes and plans', async () => {
        await browser.worker().evaluate(() => chrome.storage.local.set({ hideIntentions: true }));
        const { summary: hidden } = await activate(url);
        await browser.worker().evaluate(() => chrome.storage.local.set({ hideIntentions: false }));
        assert.ok(!hidden.analysis.attributions.some((a) => a.cue_class === 'intention'), 'no intention in the answer');
        assertHighlights({ painted: fixture.painted, unpainted: [fixture.intention] }, await page.evaluate(pageHighlights));
      });
    }
    await page.close();
  });
}

async function assertIntention(page, text) {
  const { ranges } = await page.evaluate(pagePaint, null);
  const hit = ranges.find((r) => r.text.includes(text));
  assert.ok(hit, `“${text}” is painted`);
  assert.match(hit.role, /^i(\d+|n)$/, 'under an intention highlight');
  // The rules are injected where the page's CSSOM cannot list them: read the computed styles
  // of this highlight and of an assertion of the same party, on the same text.
  const plain = hit.name.replace(/-i(\d+)$/, '-p$1').replace(/-in$/, '-n');
  const [intention, assertion] = await page.evaluate(
    ([names, text]) => {
      const el = [...document.querySelectorAll('p, li')].find((e) => e.textContent.includes(text));
      return names.map((name) => {
        const style = getComputedStyle(el, `::highlight(${name})`);
        return { line: style.textDecorationStyle, fill: style.backgroundColor };
      });
    },
    [[hit.name, plain], text],
  );
  assert.equal(intention.line, 'dotted');
  const alpha = (colour) => Number(/^rgba\([^)]*,\s*([\d.]+)\)$/.exec(colour)?.[1] ?? 1);
  assert.ok(alpha(intention.fill) < alpha(assertion.fill), `a fainter tint than an assertion of the same party (${intention.fill}, ${assertion.fill})`);
}

test('Chromium: a selection is read instead of the article, by the popup and by the context menu', async (t) => {
  const page = await browser.context.newPage();
  const url = `${server.origin}/news.html`;
  await page.goto(url);
  const before = await page.evaluate(pageSerialize, null);
  // From the middle of Reyes's first paragraph to the end of his quote's paragraph.
  const selected = await page.evaluate(pageSelect, ['who leads the opposition', 'This is a reckless decision', 20]);
  const { summary, blocks, tab } = await activate(url);

  await t.test('only the selected text is sent, cut where the selection starts', () => {
    assert.equal(summary.scope, 'selection');
    assert.equal(blocks.map((b) => b.text).join(' ').replace(/\s+/g, ' ').trim(), selected.replace(/\s+/g, ' ').trim());
  });
  await t.test('highlights land on the selected text only', async () => {
    const highlights = await page.evaluate(pageHighlights);
    assertHighlights({ painted: ['the council had ignored the people', 'This is a reckless decision taken in a hurry'], unpainted: ['We are building a bridge', 'Councillor Tomas'] }, highlights);
    for (const h of highlights) assert.ok(selected.includes(h.text), `“${h.text}” lies in the selection`);
  });
  await t.test('the popup says that only the selection was read', async () => {
    const { popup, status } = await popupStatus(tab);
    assert.match(status, /Only the selected text was read/);
    await popup.close();
  });
  await t.test('the context menu’s entry reads the selection too, and a new selection replaces the old', async () => {
    const other = await page.evaluate(pageSelect, ['We are not against a bridge', 'We are not against a bridge', 0]);
    const { summary: again, blocks: sent } = await activate(url, 'selection');
    assert.equal(again.scope, 'selection');
    assert.equal(sent.map((b) => b.text).join(' ').trim(), other.trim());
    assertHighlights({ painted: ['We are against this bridge, in this place'], unpainted: ['This is a reckless decision'] }, await page.evaluate(pageHighlights));
  });
  await t.test('the context menu with nothing selected paints nothing', async () => {
    await browser.worker().evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, func: () => globalThis.sourcelight.stop() }), tab);
    await page.evaluate(() => getSelection().removeAllRanges());
    const { summary: none } = await activate(url, 'selection');
    assert.ok(none.noSelection);
    assert.deepEqual(await page.evaluate(pageHighlights), []);
  });
  assert.equal(await page.evaluate(pageSerialize, null), before, 'the page is as it was');
  await page.close();
});
