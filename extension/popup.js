// Sourcelight's popup: asks the background to analyze and paint the tab, then lists the parties
// and their claims with the demo page's shared renderers.
//
// Design:
// - Opening the popup is the click: it sends `activate` for the tab, which injects and runs
//   the content script (or returns what it already painted). The content script reads the
//   page's selection if there is one, else the article; a page with no article gets a message
//   that says how to read a selection, and nothing is painted. The tab is the active tab, or
//   the `tab` query parameter when the popup is opened as a page (tests do that).
// - Grouping by person or by side repaints the page in the group colours too, so that the
//   list and the page keep one key.
// - Page text is only ever put in through textContent (the shared renderers do the same).
// - Exports are made here from the analysis the popup already holds: a Blob and a download
//   link, no request of any kind.

import { renderLegend, renderClaims, toMarkdown, toJSON } from './shared/render.js';

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);

// Claims listed per party before a "Show all" button: a 100,000-word page has thousands.
const MAX_CLAIMS_SHOWN = 50;

// What the content script reads when the page is no article: nothing, unless the reader says.
const NOT_ARTICLE = 'This page does not look like an article, so nothing was highlighted. To read part of it, select that text and click Sourcelight again, or right-click the selection and choose “Who said what in the selection”.';

let tabId = null;
let current = null; // the content script's summary: {analysis, palette, grouping, url, title}

async function send(message) {
  const reply = await api.runtime.sendMessage(message);
  if (!reply?.ok) throw new Error(reply?.error ?? 'no answer');
  return reply.value;
}

function status(text) {
  $('status').textContent = text;
}

function render() {
  const { analysis, palette, grouping, scope } = current;
  const n = analysis.attributions.length;
  const where = scope === 'selection' ? 'the selected text' : 'this article';
  const note = scope === 'selection' ? ' Only the selected text was read. To read the whole article, click in the page to clear the selection, then switch Highlights off and on.' : '';
  status(`${n ? '' : `No attributed statements found in ${where}.`}${note}`.trim());
  renderLegend($('legend'), analysis, {
    grouping,
    palette,
    onSelect: (group) => $('claims').querySelector(`[data-group="${CSS.escape(group.key)}"]`)?.scrollIntoView({ block: 'start' }),
  });
  renderClaims($('claims'), analysis, {
    grouping,
    palette,
    maxPerGroup: MAX_CLAIMS_SHOWN,
    onClaimClick: (index) => send({ type: 'reveal', tabId, index }).catch((e) => status(`Cannot show it: ${e.message}`)),
  });
  for (const radio of document.querySelectorAll('input[name="grouping"]')) radio.checked = radio.value === grouping;
}

async function activate(grouping) {
  status('Reading the article…');
  try {
    current = await send({ type: 'activate', tabId, grouping });
    if (!current) throw new Error('no answer from the page');
    // Not painted, and why: too long, took too long, the engine failed (budget.js), no article.
    const unpainted = current.notice ?? (current.notArticle ? NOT_ARTICLE : null);
    if (unpainted) {
      current = null;
      clear(unpainted);
      $('enabled').checked = false;
      return;
    }
    $('enabled').checked = true;
    render();
  } catch (error) {
    current = null;
    clear(`Sourcelight cannot read this page (${error.message}).`);
  }
}

function clear(message) {
  $('legend').replaceChildren();
  $('claims').replaceChildren();
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
      return status(`Could not turn it off: ${error.message}`);
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

  if (!Number.isInteger(tabId)) return status('No tab to read.');
  await activate(null);
}

main();
