// The extension in Firefox ESR, headless, through selenium-webdriver and geckodriver, as a
// temporary add-on: on the news layout, the strict CSP, the split quotes and the shadow root
// fixtures, the same checks as in Chromium (highlights and colours read from the page, the
// popup's list, a claim click that scrolls, the DOM restored when turned off). Needs
// `./build.sh wasm` first.
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

async function waitFor(fn, arg, what) {
  await driver.wait(async () => (await run(fn, arg)) === true, 10_000, `timed out waiting: ${what}`);
}

for (const key of ['news', 'csp', 'split', 'shadow']) {
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
      if (key === 'news') fs.writeFileSync(screenshotPath('firefox-popup.png'), await driver.findElement(By.css('body')).takeScreenshot(), 'base64');
    });

    await t.test('axe finds no violation in the popup', async () => {
      await driver.executeScript(AXE_SOURCE);
      assert.deepEqual(await run(pageAxe), []);
    });

    await driver.switchTo().window(article);
    await t.test('statements are highlighted in their party colours, only in the article', async () => {
      assertPaint(fixture, await run(pagePaint, fixture.host ?? null));
      if (key === 'news') fs.writeFileSync(screenshotPath('firefox-page.png'), await driver.takeScreenshot(), 'base64');
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
      await waitFor(() => ![...CSS.highlights.keys()].some((k) => k.startsWith('sourcelight-')), null, 'highlights removed');
      assert.equal(await run(pageSerialize, fixture.volatile ?? null), before);
    });

    await driver.switchTo().window(popup);
    await driver.close();
    await driver.switchTo().window(article);
  });
}
