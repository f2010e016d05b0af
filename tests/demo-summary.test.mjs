// The demo's summary in Debian's Chromium, on the cyberattack sample, against what a reader
// counts in it (fixtures/summary-answers.mjs): the bar's segments read back from the page, by
// person and by side, their widths the shares of the words; the figures on hover and on the
// focus of a party's button; the sourcing counts, and the anonymous filter listing and painting
// only the anonymous statements; the line above those statements on the page and the card that
// says so; who answers whom; each party's line; the Markdown export; axe with the summary
// shown, light and dark, a filter pressed; and the screenshot of the summary for the README.
// Every wait is for a state of the page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from './serve.mjs';
import { axeViolations } from './fixtures/axe.mjs';
import { pickSample, pageTextRect } from './fixtures/demo.mjs';
import { CYBERATTACK } from './fixtures/summary-answers.mjs';
import { pageSummary, pagePartyLines, pageListed, pageAnonymous, pagePaintedStatements, assertShare, assertListed, assertAnonymous } from './fixtures/summary-checks.mjs';

const ROOT = new URL('..', import.meta.url).pathname;

let server;
let browser;
let page;
const pageErrors = [];

before(async () => {
  server = await serveStatic(join(ROOT, 'www'));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(server.url);
  await page.waitForSelector('.sl-legend-item');
  await pickSample(page, 'cyberattack');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const group = (grouping) => page.check(`input[name="grouping"][value="${grouping}"]`);

test('the bar: one segment per party, by person and by side, with the statements and words a reader counts, drawn to scale', async () => {
  assertShare(await page.evaluate(pageSummary), CYBERATTACK.share.person, 'by person');
  await group('side');
  const bySide = await page.evaluate(pageSummary);
  assertShare(bySide, CYBERATTACK.share.side, 'by side');
  assert.match(bySide.bar, /^Share of the quoted and reported words, by side: Albania: 7 statements, 68% of the words \(76 words\); /);
  await group('person');
});

test('the figures show on hover over a segment and on the focus of a party’s button, which outlines its segment', async () => {
  const first = await page.evaluate(pageSummary);
  assert.equal(first.caption, `Largest: Arben Kola: 3 statements, 34% of the words (38 words).`);
  await page.hover('.sl-share-segment[data-key="party:1"]'); // a sliver of the bar
  assert.equal((await page.evaluate(pageSummary)).caption, 'Iran: 1 statement, 2% of the words (2 words)');
  await page.mouse.move(5, 5);
  await page.focus('.sl-legend-item[data-group="party:6"]');
  const focused = await page.evaluate(pageSummary);
  assert.equal(focused.caption, 'Elira Dushi: 2 statements, 18% of the words (20 words)');
  assert.equal(focused.active, 'party:6');
  // A click on a segment is a pointer's shortcut to the party's button: it shows the party alone.
  await page.click('.sl-share-segment[data-key="party:6"]');
  assert.equal(await page.getAttribute('.sl-legend-item[data-group="party:6"]', 'aria-pressed'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.group), 'party:6');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('.sl-legend-item[data-group="party:6"]', 'aria-pressed'), 'false');
});

test('sourcing: the counts a reader makes; Anonymous lists and paints only the anonymous statements, and again shows all', async () => {
  assert.deepEqual((await page.evaluate(pageSummary)).sourcing, CYBERATTACK.sourcing);
  await page.click('.sl-sourcing-filter[data-sourcing="anonymous"]');
  assert.equal(await page.getAttribute('.sl-sourcing-filter[data-sourcing="anonymous"]', 'aria-pressed'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.sourcing), 'anonymous', 'the focus stays on the filter');
  assertListed(await page.evaluate(pageListed), CYBERATTACK.anonymous, 'listed');
  assertListed(await page.evaluate(pagePaintedStatements), CYBERATTACK.anonymous, 'painted');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('.sl-sourcing-filter[data-sourcing="anonymous"]', 'aria-pressed'), 'false');
  assertListed(await page.evaluate(pageListed), CYBERATTACK.texts, 'all listed again');
  assert.equal((await page.evaluate(pagePaintedStatements)).length, CYBERATTACK.statements);
});

test('anonymous statements have a line above their words, and their card says so; a target is named on the card', async () => {
  assertAnonymous(await page.evaluate(pageAnonymous), CYBERATTACK.anonymous);
  const card = async (text) => {
    const point = await page.evaluate(pageTextRect, text);
    await page.evaluate((y) => scrollBy(0, y - 300), point.top);
    const at = await page.evaluate(pageTextRect, text);
    await page.mouse.move(at.x, at.y);
    await page.waitForSelector('#tooltip:not([hidden])');
    const shown = await page.textContent('#tooltip');
    await page.mouse.move(5, 5);
    return shown;
  };
  assert.match(await card('We know who built them'), /Source: anonymous, the name withheld/);
  const accusation = await card('Tehran of hiring four groups');
  assert.match(accusation, /Verb: accused \(accuses\)/);
  assert.match(accusation, /Aimed at: Iran/);
  assert.doesNotMatch(accusation, /Source:/, 'a named person needs no source line');
});

test('who answers whom, by person and by side; each party in one line', async () => {
  assert.deepEqual((await page.evaluate(pageSummary)).answers, CYBERATTACK.answers.person);
  const lines = await page.evaluate(pagePartyLines);
  assert.equal(lines['Arben Kola'], 'says 2 · accuses 1First: “The attack was prepared and paid for by the Islamic Republic of Iran,”');
  assert.equal(lines.Iran, 'denies 1First: the accusation');
  await group('side');
  assert.deepEqual((await page.evaluate(pageSummary)).answers, CYBERATTACK.answers.side);
  assert.match((await page.evaluate(pagePartyLines)).Albania, /^says 5 · accuses 2First: /);
  await group('person');
});

test('the Markdown export carries the summary, and each statement its source and target in plain words', async () => {
  await group('side');
  const [md] = await Promise.all([page.waitForEvent('download'), page.click('#export-md')]);
  const markdown = readFileSync(await md.path(), 'utf8');
  assert.ok(markdown.includes('Who answers whom: Albania accuses Iran ×2 · Iran denies Albania ×1.'));
  assert.ok(markdown.includes('How sources are given: Named person 6 · Named organization or country 1 · Anonymous 3 · Group, no name 1 · Hedged, no source 1.'));
  assert.ok(markdown.includes('source: anonymous, the name withheld'));
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const analysis = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.deepEqual(analysis.attributions.map((a) => a.sourcing).filter((s) => s === 'anonymous').length, 3, 'the JSON carries each statement’s sourcing');
  assert.ok(analysis.attributions.every((a) => 'target' in a && Number.isInteger(a.words)), 'and its target and words');
  await group('person');
});

test('axe: no violation with the summary shown, light and dark, a filter pressed', async () => {
  for (const theme of ['light', 'dark']) {
    await page.selectOption('#theme', theme);
    assert.deepEqual(await axeViolations(page), [], theme);
    await page.click('.sl-sourcing-filter[data-sourcing="anonymous"]');
    assert.deepEqual(await axeViolations(page), [], `${theme}, anonymous only`);
    await page.click('.sl-sourcing-filter[data-sourcing="anonymous"]');
  }
  await page.selectOption('#theme', 'auto');
});

test('screenshot of the summary on the cyberattack sample', async () => {
  const shots = join(ROOT, 'tests/screenshots');
  mkdirSync(shots, { recursive: true });
  await page.mouse.move(5, 5);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.evaluate(() => {
    // Elira Dushi's button focused: her segment outlined, her figures under the bar.
    document.querySelector('.sl-legend-item[data-group="party:6"]').focus({ preventScroll: true });
    scrollTo(0, document.getElementById('status').getBoundingClientRect().top + scrollY - 8);
  });
  await page.screenshot({ path: join(shots, 'demo-summary.png') });
});

test('no script errors on the page', () => {
  assert.deepEqual(pageErrors, []);
});
