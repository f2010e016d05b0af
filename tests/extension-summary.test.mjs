// The popup's summary and the anonymous line on the page, in Debian's Chromium and then in
// Firefox ESR, on a news page of the cyberattack sample (fixtures/cyberattack.html), against
// what a reader counts in it (fixtures/summary-answers.mjs): the bar's segments read back from
// the popup, by person and by side, drawn to scale; the sourcing counts; the anonymous filter
// listing only the anonymous statements; who answers whom; each party's line; a segment that
// opens its party; axe with the summary shown; and on the article, the line above exactly the
// anonymous statements. Needs `./build.sh wasm` first. The browsers run one after the other.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { By, until } from 'selenium-webdriver';
import { startServer } from './fixtures/server.mjs';
import { launchChromium } from './fixtures/chromium.mjs';
import { launchFirefox } from './fixtures/firefox.mjs';
import { axeViolations, AXE_SOURCE, pageAxe } from './fixtures/axe.mjs';
import { CYBERATTACK } from './fixtures/summary-answers.mjs';
import { pageSummary, pagePartyLines, pageListed, pageAnonymous, assertShare, assertListed, assertAnonymous } from './fixtures/summary-checks.mjs';

const FILE = 'cyberattack.html';

// Runs in the popup: chooses a grouping and waits for the popup to show it.
async function pageGroup(grouping) {
  document.querySelector(`input[name="grouping"][value="${grouping}"]`).click();
  const side = grouping === 'side';
  for (let i = 0; i < 200; i++) {
    if (Boolean(document.querySelector('.sl-claims-group[data-group^="side:"]')) === side && document.querySelector('.sl-share-segment')) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

// Runs in the popup: presses a sourcing filter.
function pageFilter(cls) {
  document.querySelector(`.sl-sourcing-filter[data-sourcing="${cls}"]`).click();
  return document.querySelector(`.sl-sourcing-filter[data-sourcing="${cls}"]`).getAttribute('aria-pressed');
}

// The checks both browsers share, given `run(fn, arg)` in the popup.
async function checkPopup(t, run) {
  await t.test('the bar, by person: the statements and words a reader counts, drawn to scale', async () => {
    const summary = await run(pageSummary);
    assertShare(summary, CYBERATTACK.share.person, 'by person');
    assert.deepEqual(summary.sourcing, CYBERATTACK.sourcing, 'the sourcing counts');
    assert.deepEqual(summary.answers, CYBERATTACK.answers.person, 'who answers whom');
    const lines = await run(pagePartyLines);
    assert.equal(lines['Arben Kola'], 'says 2 · accuses 1First: “The attack was prepared and paid for by the Islamic Republic of Iran,”');
  });
  await t.test('Anonymous lists only the anonymous statements, their parties opened; pressed again, all', async () => {
    assert.equal(await run(pageFilter, 'anonymous'), 'true');
    assertListed(await run(pageListed), CYBERATTACK.anonymous, 'the anonymous statements');
    assert.equal(await run(pageFilter, 'anonymous'), 'false');
    assert.equal((await run(pageListed)).length, 0, 'every party folded again');
  });
  await t.test('the bar, by side', async () => {
    assert.equal(await run(pageGroup, 'side'), true);
    const summary = await run(pageSummary);
    assertShare(summary, CYBERATTACK.share.side, 'by side');
    assert.deepEqual(summary.answers, CYBERATTACK.answers.side);
    assert.equal(await run(pageGroup, 'person'), true);
  });
}

test('Chromium: the popup’s summary and the anonymous line', async (t) => {
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    const url = `${server.origin}/${FILE}`;
    await page.goto(url);
    await browser.activate(url);
    await t.test('the line above lies over the anonymous statements, and only them', async () => {
      assertAnonymous(await page.evaluate(pageAnonymous), CYBERATTACK.anonymous);
    });
    const popup = await browser.context.newPage({ viewport: { width: 380, height: 600 } });
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${browser.id}/popup.html?tab=${await browser.tabId(url)}`);
    await popup.waitForSelector('.sl-group-toggle');
    await checkPopup(t, (fn, arg) => popup.evaluate(fn, arg));
    await t.test('a party’s button, focused, shows its figures; a segment clicked opens its party', async () => {
      await popup.focus('.sl-group-toggle[data-group="party:6"]');
      const summary = await popup.evaluate(pageSummary);
      assert.equal(summary.caption, 'Elira Dushi: 2 statements, 18% of the words (20 words)');
      assert.equal(summary.active, 'party:6');
      await popup.click('.sl-share-segment[data-key="party:0"]');
      assert.equal(await popup.evaluate(() => document.activeElement.dataset.group), 'party:0');
      assert.equal(await popup.getAttribute('.sl-group-toggle[data-group="party:0"]', 'aria-expanded'), 'true');
    });
    await t.test('axe: no violation with the summary shown, light and dark, a filter pressed', async () => {
      for (const colorScheme of ['light', 'dark']) {
        await popup.emulateMedia({ colorScheme });
        assert.deepEqual(await axeViolations(popup), [], colorScheme);
        await popup.evaluate(pageFilter, 'anonymous');
        assert.deepEqual(await axeViolations(popup), [], `${colorScheme}, anonymous only`);
        await popup.evaluate(pageFilter, 'anonymous');
      }
    });
  } finally {
    await browser.close();
    await server.close();
  }
});

test('Firefox: the popup’s summary and the anonymous line', async (t) => {
  const server = await startServer();
  const firefox = await launchFirefox(fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelight-firefox-')));
  const { driver, run } = firefox;
  try {
    const url = `${server.origin}/${FILE}`;
    await driver.get(url);
    const article = await driver.getWindowHandle();
    const tabOf = async (u) => (await browser.tabs.query({})).find((tab) => tab.url === u)?.id;
    await firefox.openExtensionTab('options.html');
    await driver.wait(async () => Number.isInteger(await run(tabOf, url)), 10_000, 'the article tab is found');
    await run((id) => location.assign(`popup.html?tab=${id}`), await run(tabOf, url));
    await driver.wait(until.elementLocated(By.css('.sl-group-toggle')), 15_000);
    await checkPopup(t, run);
    await t.test('axe: no violation in the popup with the summary shown', async () => {
      await driver.executeScript(AXE_SOURCE);
      assert.deepEqual(await run(pageAxe), []);
    });
    await driver.switchTo().window(article);
    await t.test('the line above lies over the anonymous statements, and only them', async () => {
      assertAnonymous(await run(pageAnonymous), CYBERATTACK.anonymous);
    });
  } finally {
    await firefox.quit();
    await server.close();
  }
});
