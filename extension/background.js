// Sourcelight's background: runs the engine and drives the content script of a tab.
//
// Design:
// - The wasm runs in extension pages only. A page's CSP (even `script-src 'self'`) forbids
//   wasm in a content script, while the extension's own CSP allows it ('wasm-unsafe-eval' for
//   extension pages). Chrome runs this file as a service worker, Firefox as a module event
//   page. The engine itself runs in Web Workers, one per analysis under way, behind a per-tab
//   queue with a size limit and a deadline (engine.js, engine-host.js, budget.js), so that no
//   page can hold up another.
// - `activate(tabId, grouping)` is what a click on the toolbar button does (the popup opens and
//   asks for it) and what the keyboard shortcut does (it opens the popup). It injects content.js
//   (activeTab grants that for the clicked tab; no host permission is needed) and calls the
//   content script's `start`, which extracts the article's text blocks, sends them back here
//   with `runtime.sendMessage`, paints and returns the analysis for the popup. Tests call the
//   same function through `globalThis.sourcelightActivate`, since a headless browser has no
//   toolbar to click.
// - Every message is checked for shape and sender: the content script may only ask for an
//   analysis of well-formed blocks, from a tab; only extension pages may drive tabs.
// - Colours come from the demo page's shared modules (palette, grouping), so that the page and
//   the popup agree with the demo. The answer carries a colour index per statement and the
//   palette's name; the rules that paint them are injected here at the content script's
//   request (page-style.js), where the page cannot reach them.
// - Text the reader selected is read instead of the article: the popup does so when the page
//   has a selection, and so does the context menu's "Who said what in the selection".
// - Running automatically on chosen sites uses content scripts registered at run time for
//   the origins the user granted in the options page; nothing is registered by default.
// - No network request is made: the wasm is loaded from the extension's own files.

import { paletteNames } from './shared/palette.js';
import { MAX_CHARS, NOTICES } from './budget.js';
import { openEngine } from './engine.js';
import { validRules, insertRules, removeRules } from './page-style.js';

const api = globalThis.browser ?? globalThis.chrome;

const DEFAULTS = { palette: 'light', grouping: 'person', sites: [], hideIntentions: false };
const GROUPINGS = ['person', 'side'];
const AUTO_SCRIPT_ID = 'sourcelight-auto';

// Bounds on what a content script may send: far above a real article (a 100,000-word page is
// about 600,000 characters) and far below what could exhaust memory. What is analyzed at once
// is bounded lower, by budget.js.
const MAX_BLOCKS = 100_000;
const MAX_MESSAGE_CHARS = 10_000_000;

const engine = openEngine();

async function settings() {
  const stored = await api.storage.local.get(DEFAULTS);
  return {
    palette: paletteNames.includes(stored.palette) ? stored.palette : DEFAULTS.palette,
    grouping: GROUPINGS.includes(stored.grouping) ? stored.grouping : DEFAULTS.grouping,
    // Exact hosts only: the options page refuses wildcards, and one stored before is ignored.
    sites: Array.isArray(stored.sites) ? stored.sites.filter((s) => typeof s === 'string' && /^https?:\/\/[\w.:[\]-]+\/\*$/.test(s)) : [],
    hideIntentions: stored.hideIntentions === true,
  };
}

// The roles a block may have on its page (the engine rejects any other).
const ROLES = new Set(['headline', 'standfirst', 'byline', 'dateline', 'caption', 'paragraph', 'list_item', 'block_quote', 'label']);

function validBlocks(blocks) {
  if (!Array.isArray(blocks) || blocks.length > MAX_BLOCKS) return false;
  let chars = 0;
  for (const b of blocks) {
    if (!b || typeof b !== 'object' || !Number.isInteger(b.id) || typeof b.text !== 'string') return false;
    if (b.role != null && !ROLES.has(b.role)) return false;
    chars += b.text.length;
    if (chars > MAX_MESSAGE_CHARS) return false;
  }
  return true;
}

/**
 * The engine's outcome for a tab's blocks: `{answer}` with texts and colours for the content
 * script, `{notice}` for the reader, or `{superseded: true}` (see engine-host.js).
 */
async function analyzePage(tabId, blocks, grouping) {
  const prefs = await settings();
  const group = GROUPINGS.includes(grouping) ? grouping : prefs.grouping;
  const chars = blocks.reduce((sum, b) => sum + b.text.length, 0);
  if (chars > MAX_CHARS) return { notice: NOTICES.tooLong };
  const outcome = await engine.analyze(tabId, { blocks, grouping: group, hideIntentions: prefs.hideIntentions }, chars);
  if (outcome.answer) outcome.answer.palette = prefs.palette;
  return outcome;
}

/**
 * Puts in the highlight rules `add` (palette null: the user's) and then takes out the rules
 * `remove`, in a tab (page-style.js); returns the rules put in.
 */
async function swapRules(tabId, prefix, add, remove) {
  const rules = add && { palette: add.palette ?? (await settings()).palette };
  if (rules) await insertRules(tabId, prefix, rules);
  if (remove) await removeRules(tabId, prefix, remove);
  return rules;
}

/**
 * The toolbar click (through the popup) and the keyboard shortcut: analyze and paint a tab, its
 * selection if it has one (mode "auto"); the context menu's entry reads the selection only.
 */
async function activate(tabId, grouping, mode = 'auto') {
  const target = { tabId };
  // The engine loads while the page is read.
  Promise.resolve(engine.warm()).catch(() => {});
  await api.scripting.executeScript({ target, files: ['content.js'] });
  // The summary comes back as one JSON string: the browser clones a string far faster than
  // the thousands of objects of a long page's analysis, and it does so on the page's thread.
  const [{ result }] = await api.scripting.executeScript({
    target,
    func: (g, m) => globalThis.sourcelight.start(g, m).then((summary) => JSON.stringify(summary)),
    args: [grouping ?? null, mode],
  });
  return JSON.parse(result);
}

/** Removes every highlight and listener from a tab. */
async function deactivate(tabId) {
  await api.scripting.executeScript({ target: { tabId }, func: () => globalThis.sourcelight?.stop() });
  return { active: false };
}

/** Scrolls a tab to attribution `index` and flashes it. */
async function reveal(tabId, index) {
  const [{ result }] = await api.scripting.executeScript({
    target: { tabId },
    func: (i) => globalThis.sourcelight?.reveal(i) ?? null,
    args: [index],
  });
  return result;
}

// Test hooks: the same function the popup calls, and the engine's counts, reachable from a
// test driving the worker.
globalThis.sourcelightActivate = activate;
globalThis.sourcelightEngine = engine;

const fromExtensionPage = (sender) => sender.id === api.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(api.runtime.getURL(''));
const fromContentScript = (sender) => sender.id === api.runtime.id && sender.tab && Number.isInteger(sender.tab.id) && sender.frameId === 0;

// Rules to add (their palette may be left to the user's setting) and to remove, or null.
function validSwap({ names, add, remove }) {
  return (add === null || validRules(names, { palette: add?.palette ?? paletteNames[0] })) && (remove === null || validRules(names, remove));
}

function handle(message, sender) {
  if (!message || typeof message !== 'object') return null;
  if (message.type === 'analyze' && fromContentScript(sender) && validBlocks(message.blocks)) {
    return analyzePage(sender.tab.id, message.blocks, message.grouping);
  }
  // A content script still reading a page for an activation keeps the background awake (messaging.js).
  if (message.type === 'awake' && fromContentScript(sender)) return Promise.resolve(true);
  if (message.type === 'rules' && fromContentScript(sender) && validSwap(message)) {
    return swapRules(sender.tab.id, message.names, message.add, message.remove);
  }
  if (!fromExtensionPage(sender) || !Number.isInteger(message.tabId)) return null;
  if (message.type === 'activate') return activate(message.tabId, GROUPINGS.includes(message.grouping) ? message.grouping : null);
  if (message.type === 'deactivate') return deactivate(message.tabId);
  if (message.type === 'reveal' && Number.isInteger(message.index)) return reveal(message.tabId, message.index);
  return null;
}

// sendResponse with `return true` rather than a returned promise: Chrome only recently learned
// promises here, Firefox has long known both.
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const answer = handle(message, sender);
  if (!answer) return false;
  answer.then(
    (value) => sendResponse({ ok: true, value }),
    (error) => sendResponse({ ok: false, error: String(error?.message ?? error) }),
  );
  return true;
});

/** Registers content.js on the sites the user chose and granted, and on nothing else. */
async function syncAutoRun() {
  const { sites } = await settings();
  const granted = [];
  for (const site of sites) if (await api.permissions.contains({ origins: [site] })) granted.push(site);
  const registered = await api.scripting.getRegisteredContentScripts({ ids: [AUTO_SCRIPT_ID] });
  if (registered.length) await api.scripting.unregisterContentScripts({ ids: [AUTO_SCRIPT_ID] });
  if (granted.length) {
    await api.scripting.registerContentScripts([{ id: AUTO_SCRIPT_ID, matches: granted, js: ['content.js'], runAt: 'document_idle' }]);
  }
}

// The context menu's entry on selected text; a click on it grants activeTab like the toolbar's.
const SELECTION_MENU = 'sourcelight-selection';
api.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === SELECTION_MENU && Number.isInteger(tab?.id)) activate(tab.id, null, 'selection').catch(() => {});
});

api.tabs.onRemoved.addListener((tabId) => engine.cancel(tabId));
api.runtime.onInstalled.addListener(() => {
  api.contextMenus.create({ id: SELECTION_MENU, title: 'Who said what in the selection', contexts: ['selection'] }, () => void api.runtime.lastError);
  syncAutoRun();
});
api.runtime.onStartup.addListener(() => syncAutoRun());
api.permissions.onAdded.addListener(() => syncAutoRun());
api.permissions.onRemoved.addListener(() => syncAutoRun());
api.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes.sites) syncAutoRun();
});
