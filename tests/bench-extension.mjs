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
    });
  }
  console.log(`Click to highlights in headless Chromium (median of ${RUNS} warm runs; the cold run starts the engine)\n`);
  console.log('| page | statements | click → in view registered | click → painted frame | click → all registered | cold click → frame | extract | message + engine | ranges + first chunk | longest main-thread task |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.label} | ${r.statements} | ${ms(r.registered)} | ${ms(r.frame)} | ${ms(r.complete)} | ${ms(r.cold)} | ${ms(r.extract)} | ${ms(r.analyze)} | ${ms(r.paint)} | ${r.longest ? ms(r.longest) : 'none over 50 ms'} |`);
  }
} finally {
  await browser.close();
  await server.close();
}
