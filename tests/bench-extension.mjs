// Benchmark: from the click to the highlights on screen, in headless Chromium, on a typical
// article (news.html, about 1,500 words) and on the 100,000-word page; and the longest task the
// page's main thread ran meanwhile. Run with `./build.sh bench-extension` (or `node
// tests/bench-extension.mjs` after `./build.sh wasm`).
//
// "Click" is the moment the service worker starts the function a toolbar click runs; the
// clock is the epoch in milliseconds (performance.timeOrigin + now) in both the worker and the
// page, so the two can be compared. End points: when the content script has registered the
// highlights around the viewport (its task ends there), the first animation frame in which the
// page sees them (the frame the browser then paints), and when every highlight of a long page
// is registered (they are added in chunks, one per frame, from the viewport outwards). Each run loads the page in a fresh tab, so the content script
// is injected every time; the first run also pays for starting the engine in the worker.
// Long tasks come from the page's own PerformanceObserver (tasks over 50 ms).
//
// Then the popup, opened on each page once it is painted (what a reader does after the click:
// the content script answers with the summary it holds): from the popup's navigation to the
// frame after its status line says the count and the parties are listed, median of RUNS
// openings. The moment is taken inside the popup by a script the browser runs before the
// popup's own (a MutationObserver on the status line), so no test-only code is in the popup.

import { startServer } from './fixtures/server.mjs';
import { launchChromium } from './fixtures/chromium.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const PAGES = [
  ['news.html', 'article, ~1,500 words'],
  ['long.html', 'long page, 100,000 words'],
];

// In the page, before the click: records long tasks and the first frame showing highlights.
function watch() {
  window.__bench = { longTasks: [], frame: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longTasks.push(e.duration);
  }).observe({ type: 'longtask' });
  const poll = () => {
    if ([...CSS.highlights.keys()].some((k) => k.startsWith('sourcelight-p'))) window.__bench.frame = performance.timeOrigin + performance.now();
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

/** Median milliseconds from opening the popup on tab `tab` to its frame with the parties listed. */
async function popupOpenMs(tab) {
  const times = [];
  for (let i = 0; i < RUNS + 1; i++) {
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
const ms = (x) => `${x.toFixed(1)} ms`;

const server = await startServer();
const browser = await launchChromium();
try {
  const rows = [];
  for (const [file, label] of PAGES) {
    const runs = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const page = await browser.context.newPage();
      const url = `${server.origin}/${file}`;
      await page.goto(url);
      await page.evaluate(watch);
      const tab = await browser.tabId(url);
      const result = await browser.worker().evaluate(async (id) => {
        const clicked = performance.timeOrigin + performance.now();
        const summary = await globalThis.sourcelightActivate(id);
        return { clicked, painted: summary.paintedAt, complete: summary.completeAt, timings: summary.timings, statements: summary.analysis.attributions.length };
      }, tab);
      await page.waitForFunction(() => window.__bench.frame !== null);
      await page.evaluate(() => new Promise((r) => setTimeout(r, 100))); // let the observer report
      const { frame, longTasks } = await page.evaluate(() => window.__bench);
      runs.push({ ...result, frame, longest: Math.max(0, ...longTasks) });
      if (i === RUNS) runs.popup = await popupOpenMs(tab);
      await page.close();
    }
    const [first, ...warm] = runs;
    rows.push({
      label,
      statements: first.statements,
      cold: first.frame - first.clicked,
      registered: median(warm.map((r) => r.painted - r.clicked)),
      frame: median(warm.map((r) => r.frame - r.clicked)),
      complete: median(warm.map((r) => r.complete - r.clicked)),
      extract: median(warm.map((r) => r.timings.extract)),
      analyze: median(warm.map((r) => r.timings.analyze)),
      paint: median(warm.map((r) => r.timings.paint)),
      longest: Math.max(...runs.map((r) => r.longest)),
      popup: runs.popup,
    });
  }
  console.log(`Click to highlights in headless Chromium (median of ${RUNS} warm runs; the cold run starts the engine)\n`);
  console.log('| page | statements | click → in view registered | click → painted frame | click → all registered | cold click → frame | extract | message + engine | ranges + first chunk | longest main-thread task | popup open → parties listed |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.label} | ${r.statements} | ${ms(r.registered)} | ${ms(r.frame)} | ${ms(r.complete)} | ${ms(r.cold)} | ${ms(r.extract)} | ${ms(r.analyze)} | ${ms(r.paint)} | ${r.longest ? ms(r.longest) : 'none over 50 ms'} | ${ms(r.popup)} |`);
  }
} finally {
  await browser.close();
  await server.close();
}
