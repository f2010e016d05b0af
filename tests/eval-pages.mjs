// Measures the extension's article finding on real pages: `./build.sh eval-pages` (or `node
// tests/eval-pages.mjs` after `./build.sh wasm`).
//
// Each page of ../shared/corpus/pages/ (NAME/source.html as served, NAME/expected.html the
// article Firefox's Reader View extracts, NAME/expected-metadata.json its title and whether it
// is an article) is served from 127.0.0.1 and loaded in headless Chromium with the extension;
// every request to another host is aborted at once, so nothing leaves the machine. The
// extension is activated as a toolbar click would, and the text blocks its content script sends
// to the background are caught by a second listener in the service worker. Per page it prints:
//   recall     the share of the article's words that were sent for analysis,
//   precision  the share of the words sent that are article words (the title counts as article),
//   outside    how many painted statements have text that is not in the article.
// Words are counted as multisets: letters and digits, lower case; each Han, kana or Hangul
// character is a word of its own, since those scripts put no spaces between words. The last
// line is one JSON object over the pages whose metadata says they are articles:
//   {"pages", "readerable", "median_recall", "median_precision", "min_recall"}
// Pages that are not articles should give nothing, or the popup's "not an article" message.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './fixtures/chromium.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CORPUS = path.resolve(process.env.SOURCELIGHT_SHARED ?? path.join(HERE, '../../shared'), 'corpus/pages');
const PAGE_TIMEOUT_MS = 30_000;

const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}\p{M}]+/gu;

/** The words of `text`, lower case, in order. */
export function words(text) {
  return (text.toLowerCase().match(WORD) ?? []);
}

function bag(list) {
  const counts = new Map();
  for (const w of list) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** `{recall, precision}` of the words `got` against the article words `want` (plus `extra`, which count as article but need not be found). */
export function score(want, got, extra = []) {
  const wanted = bag(want);
  const allowed = bag([...want, ...extra]);
  let found = 0;
  let fair = 0;
  for (const [w, n] of bag(got)) {
    found += Math.min(n, wanted.get(w) ?? 0);
    fair += Math.min(n, allowed.get(w) ?? 0);
  }
  return { recall: want.length ? found / want.length : 1, precision: got.length ? fair / got.length : 1 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : 0;
};
const round = (x) => Math.round(x * 1000) / 1000;

export function serve(dir) {
  const server = http.createServer((req, res) => {
    const [, name, rest] = /^\/([\w.-]+)\/(.*)$/.exec(new URL(req.url, 'http://x').pathname) ?? [];
    const file = rest === '' ? 'source.html' : rest === 'expected' ? 'expected.html' : null;
    if (!name || !file || !fs.existsSync(path.join(dir, name, file))) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(fs.readFileSync(path.join(dir, name, file)));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) })));
}

const withTimeout = (promise, ms, what) => Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms))]);

// In the service worker: keeps the blocks each tab's content script sends for analysis.
function installCapture() {
  if (globalThis.evalCapture) return;
  globalThis.evalCapture = new Map();
  chrome.runtime.onMessage.addListener((message, sender) => {
    if (message?.type === 'analyze' && sender.tab) globalThis.evalCapture.set(sender.tab.id, message.blocks);
  });
}

export async function measure(browser, origin, name) {
  const page = await browser.context.newPage();
  try {
    await page.goto(`${origin}/${name}/expected`, { waitUntil: 'domcontentloaded' });
    const expected = await page.evaluate(() => document.body.innerText);
    const url = `${origin}/${name}/`;
    await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    await browser.worker().evaluate(installCapture);
    const tab = await browser.tabId(url);
    await browser.worker().evaluate((id) => globalThis.evalCapture.delete(id), tab);
    const summary = await withTimeout(browser.worker().evaluate((id) => globalThis.sourcelightActivate(id), tab), PAGE_TIMEOUT_MS, 'the analysis');
    const blocks = (await browser.worker().evaluate((id) => globalThis.evalCapture.get(id) ?? [], tab)) ?? [];
    return { expected, blocks, summary };
  } finally {
    await page.close();
  }
}

// The painted statements none of whose parts is article text.
function outside(summary, articleText) {
  const article = ` ${words(articleText).join(' ')} `;
  let count = 0;
  for (const a of summary?.analysis?.attributions ?? []) {
    const parts = a.text.split(' … ').map((part) => words(part).join(' ')).filter(Boolean);
    if (parts.length && !parts.some((part) => article.includes(` ${part} `))) count++;
  }
  return count;
}

async function main() {
  if (!fs.existsSync(CORPUS)) {
    console.log(`SKIPPED: ${CORPUS} is missing, so there are no real pages to measure on`);
    return;
  }
  const names = fs.readdirSync(CORPUS).filter((n) => fs.existsSync(path.join(CORPUS, n, 'source.html'))).sort();
  const server = await serve(CORPUS);
  const browser = await launchChromium();
  // Nothing leaves the machine: any request to another host fails at once.
  await browser.context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  const rows = [];
  try {
    console.log('| page | article | recall | precision | words: article / sent | statements | outside the article | note |');
    console.log('|---|---|---:|---:|---:|---:|---:|---|');
    for (const name of names) {
      const meta = JSON.parse(fs.readFileSync(path.join(CORPUS, name, 'expected-metadata.json'), 'utf8'));
      let row;
      try {
        const { expected, blocks, summary } = await measure(browser, server.origin, name);
        const want = words(expected);
        const got = words(blocks.map((b) => b.text).join('\n'));
        const { recall, precision } = score(want, got, words(meta.title ?? ''));
        const note = summary?.notArticle ? 'not an article' : '';
        row = { name, readerable: meta.readerable !== false, recall, precision, want: want.length, got: got.length, statements: summary?.analysis?.attributions.length ?? 0, outside: outside(summary, `${meta.title ?? ''}\n${expected}`), note };
      } catch (error) {
        row = { name, readerable: meta.readerable !== false, recall: 0, precision: 0, want: 0, got: 0, statements: 0, outside: 0, note: `failed: ${String(error.message).split('\n')[0]}` };
      }
      rows.push(row);
      console.log(`| ${name} | ${row.readerable ? 'yes' : 'no'} | ${row.recall.toFixed(3)} | ${row.precision.toFixed(3)} | ${row.want} / ${row.got} | ${row.statements} | ${row.outside} | ${row.note} |`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const articles = rows.filter((r) => r.readerable);
  const others = rows.filter((r) => !r.readerable);
  for (const r of others) console.log(`not an article: ${r.name} sent ${r.got} words${r.note ? ` (${r.note})` : ''}`);
  console.log(JSON.stringify({
    pages: rows.length,
    readerable: articles.length,
    median_recall: round(median(articles.map((r) => r.recall))),
    median_precision: round(median(articles.map((r) => r.precision))),
    min_recall: round(Math.min(...articles.map((r) => r.recall))),
  }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
