// The article finder, the roles of blocks and the reading of a selection in Firefox ESR, on the
// same fixture pages and with the same expectations as finder-chromium.test.mjs
// (fixtures/finder-checks.mjs); then a smoke run on a few real pages of the shared corpus
// (../shared/corpus/pages, skipped with a SKIPPED line when it is absent), whose recall and
// precision must stay near what `./build.sh eval-pages` measures in Chromium.
//
// The extension's own page (options.html, opened in a tab as in extension-firefox.test.mjs)
// drives the tests: it asks the background to activate the article's tab, as the popup does,
// and its own `runtime.onMessage` listener receives the blocks the content script sends, as
// every extension page does in Firefox. Needs `./build.sh wasm` first.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { By, until } from 'selenium-webdriver';
import { startServer } from './fixtures/server.mjs';
import { launchFirefox } from './fixtures/firefox.mjs';
import { pageSerialize } from './fixtures/checks.mjs';
import { FINDER_FIXTURES, pageHighlights, pageSelect, assertHighlights, assertRoles, assertSpeakers } from './fixtures/finder-checks.mjs';
import { words, score } from './eval-pages.mjs';

const CORPUS = path.resolve(process.env.SOURCELIGHT_SHARED ?? new URL('../../shared', import.meta.url).pathname, 'corpus/pages');
const SMOKE_PAGES = ['002', 'medium-1', 'wikipedia-3', 'bug-1255978'];

let server;
let firefox;
let control; // the extension tab's window handle

before(async () => {
  server = await startServer();
  firefox = await launchFirefox(fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelight-finder-')));
  control = await firefox.openExtensionTab('options.html');
  await firefox.run(() => {
    window.captured = new Map();
    browser.runtime.onMessage.addListener((message, sender) => {
      if (message?.type === 'analyze' && sender.tab) window.captured.set(sender.tab.id, message.blocks);
    });
  });
});

after(async () => {
  await firefox?.quit();
  await server?.close();
});

// Opens `url` in a new tab; returns its window handle.
async function open(url) {
  const { driver } = firefox;
  await driver.switchTo().window(control);
  await driver.switchTo().newWindow('tab');
  await driver.get(url);
  return driver.getWindowHandle();
}

// Activates the tab showing `url` from the control tab, as the popup does.
async function activate(url) {
  await firefox.driver.switchTo().window(control);
  return firefox.run(async (u) => {
    const tab = (await browser.tabs.query({})).find((t) => t.url === u);
    window.captured.delete(tab.id);
    const reply = await browser.runtime.sendMessage({ type: 'activate', tabId: tab.id });
    return { summary: reply.value, blocks: window.captured.get(tab.id) ?? [], tab: tab.id };
  }, url);
}

async function inTab(handle, fn, arg) {
  await firefox.driver.switchTo().window(handle);
  return firefox.run(fn, arg);
}

async function stopIn(tab) {
  await firefox.driver.switchTo().window(control);
  await firefox.run((id) => browser.runtime.sendMessage({ type: 'deactivate', tabId: id }), tab);
}

for (const [key, fixture] of Object.entries(FINDER_FIXTURES)) {
  test(`Firefox: finder on ${fixture.file}`, async (t) => {
    const url = `${server.origin}/${fixture.file}`;
    const page = await open(url);
    const before = await inTab(page, pageSerialize, null);
    const { summary, blocks, tab } = await activate(url);
    if (fixture.notArticle) {
      assert.ok(summary?.notArticle, 'the page is no article');
      assert.deepEqual(blocks, [], 'nothing is sent for analysis');
      assert.deepEqual(await inTab(page, pageHighlights), [], 'nothing is painted');
      await firefox.driver.close();
      return;
    }
    const highlights = await inTab(page, pageHighlights);
    await t.test('the article is painted, its furniture is not', () => assertHighlights(fixture, highlights));
    if (fixture.roles) await t.test('each block is sent with its role', () => assertRoles(fixture, blocks));
    if (fixture.speakers) await t.test('a list after “X said:” is X’s', () => assertSpeakers(fixture, summary.analysis));
    if (key === 'roles') {
      await t.test('wishes and plans are painted under their own highlight', () => {
        assert.ok(highlights.some((h) => /-i(\d+|n)$/.test(h.name) && h.text.includes(fixture.intention)));
      });
    }
    await stopIn(tab);
    assert.equal(await inTab(page, pageSerialize, null), before, 'turned off, the page is as it was');
    await firefox.driver.close();
  });
}

test('Firefox: a selection is read instead of the article', async () => {
  const url = `${server.origin}/news.html`;
  const page = await open(url);
  const selected = await inTab(page, pageSelect, ['who leads the opposition', 'This is a reckless decision', 20]);
  const { summary, blocks, tab } = await activate(url);
  assert.equal(summary.scope, 'selection');
  assert.equal(blocks.map((b) => b.text).join(' ').replace(/\s+/g, ' ').trim(), selected.replace(/\s+/g, ' ').trim());
  const highlights = await inTab(page, pageHighlights);
  assertHighlights({ painted: ['the council had ignored the people', 'This is a reckless decision taken in a hurry'], unpainted: ['We are building a bridge'] }, highlights);
  for (const h of highlights) assert.ok(selected.includes(h.text), `“${h.text}” lies in the selection`);
  await stopIn(tab);
  await firefox.driver.switchTo().window(page);
  await firefox.driver.close();
});

test('Firefox: real pages of the shared corpus', async (t) => {
  if (!fs.existsSync(CORPUS)) {
    console.log(`SKIPPED: ${CORPUS} is missing, so the Firefox smoke run on real pages measures nothing`);
    t.skip('no corpus');
    return;
  }
  const corpus = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname).split('/')[1];
    const file = path.join(CORPUS, name, 'source.html');
    if (!/^[\w.-]+$/.test(name) || !fs.existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(fs.readFileSync(file));
  });
  await new Promise((resolve) => corpus.listen(0, '127.0.0.1', resolve));
  try {
    for (const name of SMOKE_PAGES) {
      await t.test(name, async () => {
        const url = `http://127.0.0.1:${corpus.address().port}/${name}/`;
        const page = await open(url);
        const { blocks, tab } = await activate(url);
        const expected = fs.readFileSync(path.join(CORPUS, name, 'expected.html'), 'utf8').replace(/<[^>]+>/g, ' ');
        const title = JSON.parse(fs.readFileSync(path.join(CORPUS, name, 'expected-metadata.json'), 'utf8')).title ?? '';
        const { recall, precision } = score(words(decodeEntities(expected)), words(blocks.map((b) => b.text).join('\n')), words(title));
        console.log(`Firefox ${name}: recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}`);
        assert.ok(recall >= 0.9, `recall ${recall.toFixed(3)} on ${name}`);
        assert.ok(precision >= 0.9, `precision ${precision.toFixed(3)} on ${name}`);
        await stopIn(tab);
        await firefox.driver.switchTo().window(page);
        await firefox.driver.close();
      });
    }
  } finally {
    await new Promise((resolve) => corpus.close(resolve));
  }
});

function decodeEntities(html) {
  const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return html.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (m, e) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return named[e] ?? m;
  });
}
