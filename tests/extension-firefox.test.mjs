// The extension in Firefox ESR, headless, through selenium-webdriver and geckodriver, as a
// temporary add-on: on the news layout, the strict CSP, the split quotes and the shadow root
// fixtures, the same checks as in Chromium (highlights and colours read from the page, the
// popup's list, a claim click that scrolls, the DOM restored when turned off). Needs
// `./build.sh wasm` first.
//
// Firefox's background is an event page that WebDriver cannot reach, so activation goes
// through the popup itself: it is opened at its extension URL with the article's tab id in its
// query string and asks the background to activate, exactly as after a toolbar click. The
// extension's URL is fixed in advance with the `extensions.webextensions.uuids` preference.
// WebDriver may not navigate to moz-extension: URLs, so that tab is opened from the browser's
// own chrome context (geckodriver's --allow-system-access), a test-only door.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Builder, By, until } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { startServer } from './fixtures/server.mjs';
import { testCopy } from './fixtures/extension-copy.mjs';
import { FIXTURES, pagePaint, pageSerialize, pageRevealed, pagePopup, assertPaint, assertPopup, screenshotPath } from './fixtures/checks.mjs';

const ADDON_ID = JSON.parse(fs.readFileSync(new URL('../extension/manifest.json', import.meta.url), 'utf8')).browser_specific_settings.gecko.id;
const UUID = '5f0c1e2a-7b3d-4c8e-9a61-2d4f6b8c0e13';
const BASE = `moz-extension://${UUID}`;

let server;
let driver;
let dir;

before(async () => {
  server = await startServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcelight-firefox-'));
  const options = new firefox.Options()
    .setBinary('/usr/bin/firefox-esr')
    .addArguments('-headless')
    .setPreference('extensions.webextensions.uuids', JSON.stringify({ [ADDON_ID]: UUID }));
  const service = new firefox.ServiceBuilder(path.join(os.homedir(), '.cargo/bin/geckodriver')).addArguments('--allow-system-access');
  driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  await driver.manage().window().setRect({ width: 1280, height: 900 });
  await driver.installAddon(testCopy(dir), true);
});

after(async () => {
  await driver?.quit();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// Runs `fn(...args)` in the current tab and returns its (awaited) result.
const run = (fn, ...args) =>
  driver.executeAsyncScript(`const done = arguments[arguments.length - 1]; Promise.resolve((${fn}).apply(null, [...arguments].slice(0, -1))).then(done, (e) => done({ error: String(e) }));`, ...args);

// Opens an extension page in a new tab and switches to it; returns its window handle.
async function openExtensionTab(page) {
  const known = new Set(await driver.getAllWindowHandles());
  await driver.setContext(firefox.Context.CHROME);
  await driver.executeScript(
    'gBrowser.selectedTab = gBrowser.addTab(arguments[0], { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });',
    `${BASE}/${page}`,
  );
  await driver.setContext(firefox.Context.CONTENT);
  let handle;
  await driver.wait(async () => (handle = (await driver.getAllWindowHandles()).find((h) => !known.has(h))), 10_000, 'the extension tab opens');
  await driver.switchTo().window(handle);
  await driver.wait(async () => (await driver.getCurrentUrl()).startsWith(BASE), 10_000, 'the extension page loads');
  return handle;
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
    await driver.wait(until.elementLocated(By.css('.sl-claim')), 15_000);

    await t.test('the popup lists the parties and their claims', async () => {
      assertPopup(fixture, await run(pagePopup));
      if (key === 'news') fs.writeFileSync(screenshotPath('firefox-popup.png'), await driver.findElement(By.css('body')).takeScreenshot(), 'base64');
    });

    await driver.switchTo().window(article);
    await t.test('statements are highlighted in their party colours, only in the article', async () => {
      assertPaint(fixture, await run(pagePaint, fixture.host ?? null));
      if (key === 'news') fs.writeFileSync(screenshotPath('firefox-page.png'), await driver.takeScreenshot(), 'base64');
    });

    await t.test('clicking a claim scrolls the page to it and flashes it', async () => {
      await run(() => window.scrollTo(0, 0));
      await driver.switchTo().window(popup);
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
