// The rules of a tab's highlights, as a style sheet that the browser injects into the page.
//
// `insertRules(tabId, prefix, rules)` and `removeRules(tabId, prefix, rules)` put in and take
// out the `::highlight()` rules for the highlights named under `prefix` (a page session's
// random prefix), for `rules` = {palette}: every look of the palette, so that the sheet need
// not change while the session lasts.
//
// Why injected: a sheet injected with `scripting.insertCSS` is not in the page's CSSOM, so the
// page can neither read, change nor remove it, unlike a constructed sheet in its
// `adoptedStyleSheets`. A content script cannot inject one, so it asks the background. The
// sheet's text is all that identifies it for removal, and the browser keeps every copy
// inserted, so the content script asks only when its rules must change and keeps the record
// (lifecycle.js).

import { highlightLooks, highlightCss } from './shared/highlight.js';
import { RANKED, paletteNames } from './shared/palette.js';

const api = globalThis.browser ?? globalThis.chrome;

/** Whether `prefix` and `rules` are what a content script of ours sends. */
export function validRules(prefix, rules) {
  return typeof prefix === 'string' && /^[a-z]{10}$/.test(prefix) && paletteNames.includes(rules?.palette);
}

const target = (tabId) => ({ tabId, frameIds: [0] });
const css = (prefix, { palette }) => highlightCss(highlightLooks(palette, RANKED, prefix));

export function insertRules(tabId, prefix, rules) {
  return api.scripting.insertCSS({ target: target(tabId), css: css(prefix, rules) });
}

export function removeRules(tabId, prefix, rules) {
  return api.scripting.removeCSS({ target: target(tabId), css: css(prefix, rules) });
}
