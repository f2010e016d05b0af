// The web benchmark (`./build.sh bench-web`): how fast the wasm engine is in headless
// Chromium, next to the native engine on the same text.
//
// It measures, in a page served from www/ on 127.0.0.1:
// - init: from importing the wasm-bindgen glue to `init()` resolved (fetch from the local
//   server, compile, instantiate), in a fresh browser context each time, median of 7;
// - analyze: from calling `analyze(text)` to holding the JS result (string copy into wasm,
//   engine, conversion to JS objects), after 3 warm-up calls; median and minimum;
// - summary: what the reader's summary adds on the page to each analysis: the words of each
//   statement (withTexts, less its texts alone), the groups, the summary's figures (share of
//   voice, sourcing, who answers whom, each party's line) and drawing it (renderSummary), on
//   the result of the same text; median and minimum;
// on a 3,000-word article and a 100,000-word text, both built from the demo's samples laid
// end to end (the engine's work is linear in the text, so repetition does not flatter it).
// The native figure is the CLI on the same text, `sourcelight analyze FILE` with its JSON
// going to /dev/null, less the command's time on an empty file; median and minimum of 9
// runs. (`sourcelight bench` would time the engine alone, but it also times the text
// repeated 100 times, 60 MB for the long text, so it is printed for the short text only.)
// The ratio compares minimums, the least disturbed by other work on the machine; medians
// are printed beside them.
// It prints a table and a JSON line; it asserts nothing, since timings depend on the machine.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

import { serveStatic } from './serve.mjs';
import { samples } from '../www/samples.js';

const ROOT = new URL('..', import.meta.url).pathname;
const BLANK = '<!doctype html><meta charset="utf-8"><title>bench</title>';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const words = (t) => t.split(/\s+/).filter(Boolean).length;

/** The samples end to end until the text has `n` words, cut at a word. */
function textOf(n) {
  const parts = [];
  let count = 0;
  for (let i = 0; count < n; i++) {
    const sample = samples[i % samples.length].text;
    const w = words(sample);
    if (count + w <= n) {
      parts.push(sample);
      count += w;
    } else {
      parts.push(sample.split(/\s+/).slice(0, n - count).join(' '));
      count = n;
    }
  }
  return parts.join('\n\n');
}

/** Milliseconds the native CLI takes on `text`: `sourcelight analyze FILE` (read, analyze,
 *  write the JSON to /dev/null), less what the same command takes on an empty file (process
 *  start). 9 runs, so that a busy machine shows as a spread rather than as one bad number. */
function nativeMs(text) {
  const bin = join(ROOT, 'target/release/sourcelight');
  if (!existsSync(bin)) execFileSync('cargo', ['build', '--release', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'sourcelight-bench-'));
  const run = (file) => {
    const t0 = performance.now();
    execFileSync(bin, ['analyze', file], { stdio: ['ignore', 'ignore', 'inherit'] });
    return performance.now() - t0;
  };
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'text.txt'), text);
  const start = median(Array.from({ length: 9 }, () => run(join(dir, 'empty.txt'))));
  const runs = Array.from({ length: 9 }, () => Math.max(0, run(join(dir, 'text.txt')) - start));
  return { median: median(runs), min: Math.min(...runs) };
}

/** Milliseconds of the native engine alone on `text`, from `sourcelight bench` (a mean of 5
 *  passes; median of 5 runs). Only for short texts: bench also times the text ×100. */
function engineMs(text) {
  const file = join(mkdtempSync(join(tmpdir(), 'sourcelight-bench-')), 'text.jsonl');
  writeFileSync(file, `${JSON.stringify({ id: 'bench', text })}\n`);
  const runs = Array.from({ length: 5 }, () => {
    const out = execFileSync(join(ROOT, 'target/release/sourcelight'), ['bench', file], { encoding: 'utf8' });
    const m = out.match(/([\d.]+) ms per 1,000 words/);
    if (!m) throw new Error(`cannot read "ms per 1,000 words" in the output of sourcelight bench:\n${out}`);
    return (Number(m[1]) * words(text)) / 1000;
  });
  return median(runs);
}

const server = await serveStatic(join(ROOT, 'www'), { '/bench.html': BLANK });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
try {
  const inits = [];
  for (let i = 0; i < 7; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}bench.html`);
    inits.push(await page.evaluate(async () => {
      const t0 = performance.now();
      const glue = await import('/pkg/sourcelight.js');
      await glue.default();
      return performance.now() - t0;
    }));
    await context.close();
  }

  const page = await browser.newPage();
  await page.goto(`${server.url}bench.html`);
  await page.evaluate(async () => {
    const glue = await import('/pkg/sourcelight.js');
    await glue.default();
    window.engine = glue;
    window.groups = await import('/shared/groups.js');
    window.summary = await import('/shared/summary.js');
    window.view = await import('/shared/summary-view.js');
  });
  const rows = [];
  for (const [label, n, runs] of [['3,000-word article', 3000, 200], ['100,000-word text', 100000, 20]]) {
    const text = textOf(n);
    const times = await page.evaluate(({ text, runs }) => {
      for (let i = 0; i < 3; i++) window.engine.analyze(text);
      const out = [];
      let found = 0;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        found = window.engine.analyze(text).attributions.length;
        out.push(performance.now() - t0);
      }
      // The summary's cost, on the last result: words counted, groups, figures, drawing.
      const raw = window.engine.analyze(text);
      const { countWords, groupParties } = window.groups;
      const { shareOfVoice, sourcingCounts, answers, partyLine } = window.summary;
      const box = document.body.appendChild(document.createElement('section'));
      const summaryMs = [];
      for (let i = 0; i < runs; i++) {
        const analysis = { ...raw, attributions: raw.attributions.map((a) => ({ ...a, text: text.slice(a.content[0]?.start ?? 0, a.content[0]?.end ?? 0) })) };
        const t0 = performance.now();
        for (const a of analysis.attributions) a.words = countWords(a.text);
        const groups = groupParties(analysis, 'person');
        shareOfVoice(analysis, groups);
        sourcingCounts(analysis);
        answers(analysis, groups, 'person');
        for (const g of groups) partyLine(analysis, g);
        window.view.renderSummary(box, analysis, { groups, grouping: 'person' });
        summaryMs.push(performance.now() - t0);
      }
      box.remove();
      return { out, found, summaryMs };
    }, { text, runs });
    const native = nativeMs(text);
    const engine = n <= 10000 ? engineMs(text) : null;
    rows.push({ label, words: words(text), chars: text.length, statements: times.found, wasm: { median: median(times.out), min: Math.min(...times.out) }, summary: { median: median(times.summaryMs), min: Math.min(...times.summaryMs) }, native, engine, runs });
  }

  const version = browser.version();
  const f = (x) => x.toFixed(2).padStart(9);
  console.log(`Sourcelight wasm in headless Chromium ${version}`);
  console.log(`init (import + compile + instantiate): median ${median(inits).toFixed(1)} ms, min ${Math.min(...inits).toFixed(1)} ms over ${inits.length} fresh contexts`);
  console.log(`${'text'.padEnd(20)} ${'words'.padStart(8)} ${'statements'.padStart(10)} ${'wasm med'.padStart(9)} ${'wasm min'.padStart(9)} ${'nat. med'.padStart(9)} ${'nat. min'.padStart(9)} ${'ratio'.padStart(6)}`);
  for (const r of rows) {
    console.log(`${r.label.padEnd(20)} ${String(r.words).padStart(8)} ${String(r.statements).padStart(10)} ${f(r.wasm.median)} ${f(r.wasm.min)} ${f(r.native.median)} ${f(r.native.min)} ${(r.wasm.min / r.native.min).toFixed(2).padStart(6)}`);
  }
  console.log('(milliseconds; wasm = analyze() call to JS result in Chromium; native = sourcelight analyze');
  console.log(' FILE > /dev/null less its time on an empty file; ratio = wasm min / native min)');
  for (const r of rows) {
    console.log(`summary on the page (words, groups, figures, drawing) for the ${r.label}: median ${r.summary.median.toFixed(2)} ms, min ${r.summary.min.toFixed(2)} ms`);
  }
  for (const r of rows.filter((x) => x.engine != null)) {
    console.log(`native engine alone (sourcelight bench) on the ${r.label}: ${r.engine.toFixed(2)} ms; wasm median / engine = ${(r.wasm.median / r.engine).toFixed(2)}`);
  }
  console.log(JSON.stringify({ chromium: version, init: { median: median(inits), min: Math.min(...inits) }, rows }));
} finally {
  await browser.close();
  await server.close();
}
