// The rules of a tab's highlights, as a style sheet that the browser injects into the page.
//
// `insertRules(tabId, prefix, palette)` and `removeRules(tabId, prefix, palette)` put in and
// take out the `::highlight()` rules for the highlights named under `prefix` (a page session's
// random prefix) in `palette`, for every look a party can have (highlight.js), so that the
// sheet never has to change while the session lasts.
//
// Why injected: a sheet injected with `scripting.insertCSS` is not in the page's CSSOM, so the
// page can neither read, change nor remove it, unlike a constructed sheet in its
// `adoptedStyleSheets`. A content script cannot inject one, so it asks the background. The
// sheet's text is all that identifies it for removal, and the browser keeps every copy
// inserted, so the content script asks once per palette and keeps the record (lifecycle.js).

import { highlightLooks, highlightCss } from './shared/highlight.js';
import { LOOKS, paletteNames } from './shared/palette.js';

const api = globalThis.browser ?? globalThis.chrome;

/** Whether `prefix` and `palette` are what a content script of ours sends. */
export const validRules = (prefix, palette) => typeof prefix === 'string' && /^[a-z]{10}$/.test(prefix) && paletteNames.includes(palette);

const target = (tabId) => ({ tabId, frameIds: [0] });
const css = (prefix, palette) => highlightCss(highlightLooks(palette, LOOKS, prefix));

export function insertRules(tabId, prefix, palette) {
  return api.scripting.insertCSS({ target: target(tabId), css: css(prefix, palette) });
}

export function removeRules(tabId, prefix, palette) {
  return api.scripting.removeCSS({ target: target(tabId), css: css(prefix, palette) });
}
