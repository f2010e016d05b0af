// The extension in Firefox ESR, headless, through selenium-webdriver and geckodriver, as a
// temporary add-on: on the news layout, the strict CSP, the split quotes, the shadow root and
// the hostile page's fixtures, the same checks as in Chromium (highlights and colours read
// from the page, the popup's list, a claim click that scrolls, the DOM restored when turned
// off); then what the hostile page sees and does, a stuck analysis next to a normal tab, a
// page over the size limit, and the options page's refusals. Needs `./build.sh wasm` first.
//
// Firefox's background is an event page that WebDriver cannot reach, so activation goes
// through the popup itself: it is opened at its extension URL with the article's tab id in its
// query string and asks the background to activate, exactly as after a toolbar click (see
// fixtures/firefox.mjs for how an extension page is opened).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { By, until } from 'selenium-webdriver';
import { startServer } from './fixtures/server.mjs';
import { launchFirefox } from './fixtures/firefox.mjs';
import { AXE_SOURCE, pageAxe } from './fixtures/axe.mjs';
import { FIXTURES, pageOpenGroupOf, pagePaint, pageSerialize, pageRevealed, pagePopup, assertPaint, assertPopup, screenshotPath } from './fixtures/checks.mjs';
import { NOTICES } from '../extension/budget.js';

let server;
let firefox;
let driver;
let run;

before(async () => {
  server = await startServer();
  firefox = await launchFirefox(fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelight-firefox-')));
  ({ driver, run } = firefox);
});

after(async () => {
  await firefox?.quit();
  await server?.close();
});

const openExtensionTab = (page) => firefox.openExtensionTab(page);

// A picture for the README: geckodriver sometimes fails to capture one while the page is still
// settling ("Unable to capture screenshot"), so it is asked again a few times.
async function saveScreenshot(name, capture) {
  for (let attempt = 1; ; attempt++) {
    try {
      fs.writeFileSync(screenshotPath(name), await capture(), 'base64');
      return;
    } catch (error) {
      if (attempt === 3 || error.name !== 'WebDriverError') throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function waitFor(fn, arg, what) {
  await driver.wait(async () => (await run(fn, arg)) === true, 10_000, `timed out waiting: ${what}`);
}

for (const key of ['news', 'csp', 'split', 'shadow', 'hostile']) {
  const fixture = FIXTURES[key];
  test(`Firefox: ${fixture.file}`, async (t) => {
    const url = `${server.origin}/${fixture.file}`;
    await driver.get(url);
    const article = await driver.getWindowHandle();
    const before = await run(pageSerialize, fixture.volatile ?? null);

    // The popup's tab: first an extension page to learn the article's tab id, then the popup.
    const popup = await openExtensionTab('options.html');
    await driver.wait(async () => Number.isInteger(await run(async (u) => (await browser.tabs.query({})).find((tab) => tab.url === u)?.id, url)), 10_000, 'the article tab is found');
    const tabId = await run(async (u) => (await browser.tabs.query({})).find((tab) => tab.url === u)?.id, url);
    await run((id) => location.assign(`popup.html?tab=${id}`), tabId);
    await driver.wait(until.elementLocated(By.css('.sl-group-toggle')), 15_000);

    await t.test('the popup lists the parties and their claims', async () => {
      assertPopup(fixture, await run(pagePopup));
      if (key === 'news') await saveScreenshot('firefox-popup.png', () => driver.findElement(By.css('body')).takeScreenshot());
    });

    await t.test('axe finds no violation in the popup', async () => {
      await driver.executeScript(AXE_SOURCE);
      assert.deepEqual(await run(pageAxe), []);
    });

    await driver.switchTo().window(article);
    await t.test('statements are highlighted in their party colours, only in the article', async () => {
      assertPaint(fixture, await run(pagePaint, fixture.host ?? null));
      if (key === 'news') await saveScreenshot('firefox-page.png', () => driver.takeScreenshot());
    });

    await t.test('clicking a claim scrolls the page to it and flashes it', async () => {
      await run(() => window.scrollTo(0, 0));
      await driver.switchTo().window(popup);
      await run(pageOpenGroupOf, fixture.farClaim);
      const claims = await driver.findElements(By.css('.sl-claim'));
      let clicked = false;
      for (const claim of claims) {
        if ((await claim.getText()).includes(fixture.farClaim)) {
          await claim.click();
          clicked = true;
          break;
        }
      }
      assert.ok(clicked, 'the claim is in the popup');
      await driver.switchTo().window(article);
      await waitFor(pageRevealed, fixture.farClaim, 'the claim is in view and flashing');
    });

    await t.test('turning it off restores the page exactly', async () => {
      await driver.switchTo().window(popup);
      await driver.findElement(By.css('#enabled')).click();
      await driver.switchTo().window(article);
      await waitFor(() => CSS.highlights.size === 0, null, 'highlights removed');
      assert.equal(await run(pageSerialize, fixture.volatile ?? null), before);
    });

    await driver.switchTo().window(popup);
    await driver.close();
    await driver.switchTo().window(article);
  });
}

// Opens the popup for the tab showing `url` in a tab of its own, which activates it there.
async function openPopupFor(url) {
  const handle = await openExtensionTab('options.html');
  const tabOf = async (u) => (await browser.tabs.query({})).find((tab) => tab.url === u)?.id;
  await driver.wait(async () => Number.isInteger(await run(tabOf, url)), 10_000, 'the article tab is found');
  await run((id) => location.assign(`popup.html?tab=${id}`), await run(tabOf, url));
  await driver.wait(async () => (await driver.getCurrentUrl()).includes('popup.html'), 10_000, 'the popup loads');
  return handle;
}

const statusIs = (text) => async () => (await run(() => document.getElementById('status').textContent)) === text;

async function closeTab(handle, back) {
  await driver.switchTo().window(handle);
  await driver.close();
  await driver.switchTo().window(back);
}

test('Firefox: the hostile page sees no element of ours, and highlights it clears come back', async () => {
  const url = `${server.origin}/${FIXTURES.hostile.file}`;
  await driver.get(url);
  const article = await driver.getWindowHandle();
  const before = await run(pageSerialize, null);
  const popup = await openPopupFor(url);
  await driver.wait(until.elementLocated(By.css('.sl-group-toggle')), 15_000);
  await driver.switchTo().window(article);
  assertPaint(FIXTURES.hostile, await run(pagePaint, null));
  assert.deepEqual(await run(() => hostile), { constructed: 0, attachShadowCalls: 0, clears: 0, added: [], errors: [] });

  const names = await run(() => [...CSS.highlights.keys()].sort().join());
  await run(() => startClearing(100));
  await waitFor(() => hostile.clears >= 3, null, 'the page clears the highlights');
  await run(() => stopClearing());
  await waitFor((n) => [...CSS.highlights.keys()].sort().join() === n, names, 'the highlights come back');
  await run(() => emptyHighlights());
  await waitFor(() => CSS.highlights.size > 0 && [...CSS.highlights.values()].every((h) => h.size > 0), null, 'emptied highlights are filled again');
  assertPaint(FIXTURES.hostile, await run(pagePaint, null));

  await driver.switchTo().window(popup);
  await driver.findElement(By.css('#enabled')).click();
  await driver.switchTo().window(article);
  await waitFor(() => CSS.highlights.size === 0, null, 'highlights removed');
  assert.equal(await run(pageSerialize, null), before);
  assert.deepEqual(await run(() => hostile.errors), []);
  await closeTab(popup, article);
});

test('Firefox: a stuck analysis holds up no other tab, and is stopped at its deadline', async () => {
  const stuckUrl = `${server.origin}/stall.html`;
  const newsUrl = `${server.origin}/${FIXTURES.news.file}`;
  await driver.get(stuckUrl);
  const stuckTab = await driver.getWindowHandle();
  const before = await run(pageSerialize, null);
  const stuckPopup = await openPopupFor(stuckUrl);
  await driver.switchTo().window(stuckTab);
  await driver.switchTo().newWindow('tab');
  const newsTab = await driver.getWindowHandle();
  await driver.get(newsUrl);
  const newsPopup = await openPopupFor(newsUrl);
  await driver.wait(until.elementLocated(By.css('.sl-group-toggle')), 15_000);
  await driver.switchTo().window(stuckPopup);
  assert.ok(await statusIs('Reading the article…')(), 'the stuck tab is still waiting when the other has its claims');
  await driver.wait(statusIs(NOTICES.tookTooLong), 30_000, 'the stuck tab is told');
  await driver.switchTo().window(stuckTab);
  assert.equal(await run(pageSerialize, null), before);
  await closeTab(newsPopup, newsTab);
  await closeTab(newsTab, stuckTab);
  await closeTab(stuckPopup, stuckTab);
});

test('Firefox: a page too long to analyze says so in the popup', async () => {
  const url = `${server.origin}/too-long.html`;
  await driver.get(url);
  const article = await driver.getWindowHandle();
  const before = await run(pageSerialize, null);
  const popup = await openPopupFor(url);
  await driver.wait(statusIs(NOTICES.tooLong), 30_000, 'the popup says the page is too long');
  await driver.switchTo().window(article);
  assert.equal(await run(pageSerialize, null), before);
  await closeTab(popup, article);
});

test('Firefox: the options page refuses wildcards and non-web sites', async () => {
  const article = await driver.getWindowHandle();
  const options = await openExtensionTab('options.html');
  const status = () => run(() => document.getElementById('sites-status').textContent);
  for (const [address, reason] of [['https://*', 'wildcards'], ['*.example.com', 'wildcards'], ['file:///etc/passwd', 'only http and https']]) {
    await run(() => (document.getElementById('sites-status').textContent = ''));
    const input = await driver.findElement(By.css('#site'));
    await input.clear();
    await input.sendKeys(address);
    await driver.findElement(By.css('#add-site button')).click();
    await driver.wait(async () => (await status()).includes(reason), 10_000, `${address} is refused`);
  }
  assert.deepEqual(await run(() => browser.storage.local.get({ sites: [] })), { sites: [] });
  await closeTab(options, article);
});
