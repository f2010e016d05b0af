// Sourcelight's popup: asks the background to analyze and paint the tab, then lists the parties
// and their claims with the demo page's shared renderers.
//
// Design:
// - Opening the popup is the click: it sends `activate` for the tab, which injects and runs
//   the content script (or returns what it already painted). The content script reads the
//   page's selection if there is one, else the article; a page with no article gets a message
//   that says how to read a selection, and nothing is painted. The tab is the active tab, or
//   the `tab` query parameter when the popup is opened as a page (tests do that).
// - The summary comes first (shared/summary-view.js): the share of the words per party or
//   side as a bar, the sources by how they are given, who answers whom. A sourcing class
//   chosen there lists only its statements; a segment of the bar opens its party.
// - Parties come next, largest first, each a disclosure over its statements (made when it is
//   first opened, so that a long page's popup opens at once); the count is spoken by the
//   status line. A statement the reader clicked on the page comes back with
//   the summary (`chosen`): its party opens and the statement is focused and in view, so the
//   link from the page to the list holds even though the popup closes when the page is used.
// - Grouping by person or by side repaints the page in the group colours too, so that the
//   list and the page keep one key.
// - The browser's errors are put in plain words with what to do (plain-errors.js).
// - Page text is only ever put in through textContent (the shared renderers do the same).
// - Exports are made here from the analysis the popup already holds: a Blob and a download
//   link, no request of any kind.

import { renderClaims, renderKey, openClaim, groupParties, toMarkdown, toJSON, renderSummary, followList } from './shared/render.js';
import { INTRO } from './shared/words.js';
import { plainError } from './plain-errors.js';

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);

// Claims listed per party before a "Show all" button: a 100,000-word page has thousands.
const MAX_CLAIMS_SHOWN = 50;

// What the content script reads when the page is no article: nothing, unless the reader says.
const NOT_ARTICLE = 'This page does not look like an article, so nothing was highlighted. To read part of it, select that text and click Sourcelight again, or right-click the selection and choose “Who said what in the selection”.';

let tabId = null;
let current = null; // the content script's summary: {analysis, palette, grouping, url, title}
let sourcing = null; // the sourcing class listed alone, or null
let groups = []; // the groups listed, largest first

async function send(message) {
  const reply = await api.runtime.sendMessage(message);
  if (!reply?.ok) throw new Error(reply?.error ?? 'no answer');
  return reply.value;
}

function status(text) {
  $('status').textContent = text;
}

const plural = (n, one, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

// Shows or hides what only statements have: the summary, the parties and the exports.
function showFound(found) {
  $('summary').hidden = !found;
  $('parties-box').hidden = !found;
  for (const id of ['export-json', 'export-md']) $(id).disabled = !found;
}

function render() {
  const { analysis, palette, grouping, scope, chosen } = current;
  const n = analysis.attributions.length;
  const where = scope === 'selection' ? 'the selected text' : 'this article';
  groups = groupParties(analysis, grouping);
  const parties = groups.filter((g) => g.key !== 'none').length;
  const found = n ? `${plural(n, 'statement')} from ${plural(parties, 'party', 'parties')} in ${where}.` : `No statement attributed to anyone in ${where}.`;
  const note = scope === 'selection' ? ' Only the selected text was read. To read the whole article, click in the page to clear the selection, then switch Highlights off and on.' : '';
  status(`${found}${note}`);
  renderKey($('key'), palette);
  showFound(n > 0);
  if (sourcing && !analysis.attributions.some((a) => a.sourcing === sourcing)) sourcing = null;
  renderSummary($('summary'), analysis, { groups, grouping, palette, filter: sourcing, onSegment: openGroup, onFilter: filter });
  followList($('summary'), $('claims'));
  renderClaims($('claims'), analysis, {
    grouping,
    palette,
    collapsed: true,
    sourcing,
    maxPerGroup: MAX_CLAIMS_SHOWN,
    onClaimClick: (index) => send({ type: 'reveal', tabId, index }).catch(() => status('That statement is no longer on the page. Reload the page and click Sourcelight again.')),
  });
  for (const radio of document.querySelectorAll('input[name="grouping"]')) radio.checked = radio.value === grouping;
  const button = Number.isInteger(chosen) ? openClaim($('claims'), chosen) : null;
  if (button) {
    button.focus({ preventScroll: true });
    button.scrollIntoView({ block: 'center' });
  }
}

// A sourcing class listed alone (null: all), the focus staying on its button.
function filter(cls) {
  const pressed = cls ?? sourcing;
  sourcing = cls;
  render();
  document.querySelector(`.sl-sourcing-filter[data-sourcing="${pressed}"]`)?.focus();
}

// A segment of the bar: its party (or the first of the smaller ones) opened and focused.
function openGroup(key) {
  const group = key === 'smaller' ? groups.find((g) => g.color == null && g.key !== 'none')?.key : key;
  const toggle = [...document.querySelectorAll('.sl-claims-group:not([hidden]) .sl-group-toggle')].find((t) => t.dataset.group === group);
  if (!toggle) return;
  if (toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
  toggle.focus();
  toggle.scrollIntoView({ block: 'nearest' });
}

async function activate(grouping) {
  status('Reading the article…');
  try {
    current = await send({ type: 'activate', tabId, grouping });
    if (!current) throw new Error('no answer from the page');
    if (current.notArticle) {
      current = null;
      clear(NOT_ARTICLE);
      $('enabled').checked = false;
      return;
    }
    $('enabled').checked = true;
    render();
  } catch (error) {
    current = null;
    clear(plainError(error.message));
  }
}

function clear(message) {
  $('claims').replaceChildren();
  $('summary').replaceChildren();
  showFound(false);
  status(message);
}

function download(text, type, extension) {
  const host = current?.url ? new URL(current.url).hostname : 'page';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = `sourcelight-${host}.${extension}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

async function main() {
  const param = new URLSearchParams(location.search).get('tab');
  tabId = param !== null && /^\d+$/.test(param) ? Number(param) : (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  $('enabled').addEventListener('change', async (event) => {
    if (event.target.checked) return activate(null);
    try {
      await send({ type: 'deactivate', tabId });
    } catch (error) {
      event.target.checked = true;
      return status(`The highlights could not be switched off. ${plainError(error.message)}`);
    }
    current = null;
    clear('Highlights are off; the page is as it was.');
  });
  for (const radio of document.querySelectorAll('input[name="grouping"]')) {
    radio.addEventListener('change', () => activate(radio.value));
  }
  $('export-json').addEventListener('click', () => current && download(toJSON(current.analysis), 'application/json', 'json'));
  $('export-md').addEventListener('click', () => current && download(toMarkdown(current.analysis, { grouping: current.grouping }), 'text/markdown', 'md'));
  $('options').addEventListener('click', () => api.runtime.openOptionsPage());

  renderKey($('key'), 'light');
  $('intro-text').textContent = INTRO;
  // The explanation is open the first time only.
  // Not awaited before the activation: the popup's first frame should not wait on storage.
  const intro = api.storage.local.get({ introSeen: false }).then(({ introSeen }) => {
    $('intro').open = !introSeen;
    if (!introSeen) api.storage.local.set({ introSeen: true });
  });

  if (!Number.isInteger(tabId)) return status('There is no tab to read. Open a news article and click Sourcelight again.');
  await Promise.all([activate(null), intro]);
}

main();
