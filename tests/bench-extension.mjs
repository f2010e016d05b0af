// Benchmark: from the click to the highlights on screen, in headless Chromium, on a typical
// article (news.html, about 1,500 words), the 100,000-word page and a page of 260,000 elements
// (huge.html); then a normal article clicked while a 400 KB one-paragraph page is analyzed in
// another tab. Run with `./build.sh bench-extension` (or `node tests/bench-extension.mjs` after
// `./build.sh wasm`); RUNS=n sets the warm runs per page (the 260,000-element page gets at
// most 3).
//
// "Click" is the moment the service worker starts the function a toolbar click runs; the
// clock is the epoch in milliseconds (performance.timeOrigin + now) in both the worker and the
// page, so the two can be compared. End points: when the content script has registered the
// highlights around the viewport (its task ends there), and the first animation frame in which
// the page sees them (the frame the browser then paints). Each run loads the page in a fresh
// tab, so the content script is injected every time; the first run also pays for starting the
// engine.
//
// The page's main thread is watched with Long Animation Frames (frames over 50 ms): the
// longest frame, and the longest style and layout work in one, which is the browser's own
// work after a change (of highlight rules, of highlights). A frame's scripts are listed
// without those of a content script's isolated world, so the rest of a frame stands for
// script, ours or the page's.
//
// Then the popup, opened on each page once it is painted (what a reader does after the click:
// the content script answers with the summary it holds): from the popup's navigation to the
// frame after its status line says the count and the parties are listed, median of the page's
// warm runs' count of openings. The moment is taken inside the popup by a script the browser
// runs before the popup's own (a MutationObserver on the status line), so no test-only code is
// in the popup.

import { startServer } from './fixtures/server.mjs';
import { launchChromium } from './fixtures/chromium.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const PAGES = [
  ['news.html', 'article, ~1,500 words', RUNS],
  ['long.html', '100,000 words', RUNS],
  ['huge.html', '260,000 elements', Math.min(RUNS, 3)],
];

// In the page, before the click: records long animation frames and the first frame showing highlights.
function watch() {
  window.__bench = { frames: [], frame: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const style = e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0;
      window.__bench.frames.push({ duration: e.duration, style, rest: e.duration - style });
    }
  }).observe({ type: 'long-animation-frame' });
  const poll = () => {
    if (CSS.highlights.size) window.__bench.frame = performance.timeOrigin + performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

// In the popup, before its own script: the time (ms since its navigation) of the frame after
// the status line first gives the count, with the parties listed.
function popupClock() {
  const done = () => {
    const status = document.getElementById('status');
    return status && /statement/.test(status.textContent) && document.querySelector('.sl-group-toggle');
  };
  const watch = new MutationObserver(() => {
    if (!done()) return;
    watch.disconnect();
    requestAnimationFrame(() => (window.__popupShown = performance.now()));
  });
  watch.observe(document, { childList: true, subtree: true, characterData: true });
}

/** Median milliseconds of `runs` openings of the popup on tab `tab` to its frame with the parties listed. */
async function popupOpenMs(browser, tab, runs) {
  const times = [];
  for (let i = 0; i < runs + 1; i++) {
    const popup = await browser.context.newPage({ viewport: { width: 380, height: 600 } });
    await popup.addInitScript(popupClock);
    await popup.goto(`chrome-extension://${browser.id}/popup.html?tab=${tab}`);
    await popup.waitForFunction(() => window.__popupShown !== undefined, null, { timeout: 30_000 });
    times.push(await popup.evaluate(() => window.__popupShown));
    await popup.close();
  }
  return median(times.slice(1)); // the first opening also loads the popup's modules cold
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);
const longest = (x) => (x ? ms(x) : 'none over 50 ms');

// Opens `file`, clicks, and returns the click's timings and what the page's main thread did;
// then, if `popups` is over 0, the median time of as many openings of the popup on the page.
async function clickOn(browser, server, file, popups = 0) {
  const page = await browser.context.newPage();
  const url = `${server.origin}/${file}`;
  await page.goto(url);
  await page.evaluate(watch);
  const requested = Date.now();
  const tab = await browser.tabId(url);
  const result = await browser.worker().evaluate(async (id) => {
    const clicked = performance.timeOrigin + performance.now();
    const summary = await globalThis.sourcelightActivate(id);
    return { clicked, painted: summary.paintedAt, timings: summary.timings, statements: summary.analysis.attributions.length };
  }, tab);
  await page.waitForFunction(() => window.__bench.frame !== null);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300))); // let the observer report
  const { frame, frames } = await page.evaluate(() => window.__bench);
  const popup = popups > 0 ? await popupOpenMs(browser, tab, popups) : null;
  await page.close();
  const max = (key) => Math.max(0, ...frames.map((f) => f[key]));
  return { ...result, requested, frame, popup, longest: max('duration'), style: max('style'), rest: max('rest') };
}

// A normal article clicked once a 400 KB one-paragraph page in another tab is being analyzed.
async function besideLongPage(browser, server) {
  const long = await browser.context.newPage();
  await long.goto(`${server.origin}/paragraph.html`);
  const tab = await browser.tabId(`${server.origin}/paragraph.html`);
  const pending = browser.worker().evaluate((id) => globalThis.sourcelightActivate(id).catch(String), tab);
  for (let i = 0; i < 200 && !(await browser.worker().evaluate(async () => (await globalThis.sourcelightEngine.stats()).running)); i++) await new Promise((r) => setTimeout(r, 50));
  const normal = await clickOn(browser, server, 'news.html');
  const outcome = await pending;
  await long.close();
  return { ...normal, long: outcome?.notice ?? `${outcome?.analysis?.attributions.length} statements` };
}

const server = await startServer();
const browser = await launchChromium();
try {
  const rows = [];
  for (const [file, label, runs] of PAGES) {
    const all = [];
    for (let i = 0; i < runs + 1; i++) all.push(await clickOn(browser, server, file, i === runs ? runs : 0));
    const [first, ...warm] = all;
    rows.push({
      label,
      statements: first.statements,
      cold: first.frame - first.clicked,
      registered: median(warm.map((r) => r.painted - r.clicked)),
      frame: median(warm.map((r) => r.frame - r.clicked)),
      extract: median(warm.map((r) => r.timings.extract)),
      analyze: median(warm.map((r) => r.timings.analyze)),
      paint: median(warm.map((r) => r.timings.paint)),
      longest: Math.max(...all.map((r) => r.longest)),
      style: Math.max(...all.map((r) => r.style)),
      rest: Math.max(...all.map((r) => r.rest)),
      popup: all.at(-1).popup,
    });
  }
  console.log(`Click to highlights in headless Chromium (median of warm runs; the cold run starts the engine)\n`);
  console.log('| page | statements | click → in view registered | click → painted frame | cold click → frame | extract | message + engine | ranges + registration | longest frame | longest style + layout | longest script (rest of a frame) | popup open → parties listed |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.label} | ${r.statements} | ${ms(r.registered)} | ${ms(r.frame)} | ${ms(r.cold)} | ${ms(r.extract)} | ${ms(r.analyze)} | ${ms(r.paint)} | ${longest(r.longest)} | ${longest(r.style)} | ${longest(r.rest)} | ${ms(r.popup)} |`);
  }
  const beside = [];
  for (let i = 0; i < 3; i++) beside.push(await besideLongPage(browser, server));
  // Here the click is when the request was made: a background busy with the other page
  // starts the function only once it is free.
  console.log(`\nA normal article clicked while a 400 KB one-paragraph page is analyzed in another tab (3 runs):`);
  for (const r of beside) console.log(`  click → painted frame ${ms(r.frame - r.requested)}; the long page: ${r.long}`);
} finally {
  await browser.close();
  await server.close();
}
