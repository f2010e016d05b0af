// The demo page: paste or drop an article, see who said what.
//
// The page is glue between three parts: the engine, run in a Web Worker (worker.js) so that
// the page stays responsive on any input; the shared renderers (shared/), which the
// extension's popup uses too; and the article view, one text node painted with the CSS
// Custom Highlight API, so that offsets from the engine map straight to DOM Ranges and the
// text is never re-parsed as markup. Analysis runs as you type, debounced; only the newest
// text is analyzed, and an answer for text that has changed since is dropped.

import { samples } from './samples.js';
import { checkText, textFromFile } from './intake.js';
import { withTexts, groupParties, colorOfAttribution, renderLegend, renderClaims, toMarkdown, toJSON } from './shared/render.js';
import { paintHighlights, installHighlightStyles, highlightSupported, clearHighlights } from './shared/highlight.js';
import { textMap } from './shared/textmap.js';

const DEBOUNCE_MS = 300;
// A 2-million-character text takes well under a second; an answer this late means the engine
// is stuck, and the worker is replaced rather than left to hold the next analysis back.
const OVERDUE_MS = 20_000;

// Claims listed a party before a "Show all" button: a whole article's worth, not a book's.
const CLAIMS_PER_GROUP = 60;

const $ = (id) => document.getElementById(id);
const source = $('source');
const textView = $('text-view');
const statusLine = $('status');
const tooltip = $('tooltip');

const state = {
  text: '',
  analysis: null,
  map: null,
  painter: null,
  groups: [],
  grouping: 'person',
  selected: null, // key of the group the legend shows alone, or null for all
  current: -1, // attribution last moved to with the keyboard or a click
  theme: localStorage.getItem('sourcelight-theme') || 'auto',
};

// ---- status -------------------------------------------------------------------------------

function setStatus(message, { error = false } = {}) {
  statusLine.textContent = message;
  statusLine.classList.toggle('error', error);
}

const plural = (n, one, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

// ---- the engine ---------------------------------------------------------------------------

const engine = { worker: null, ready: false, running: null, runningText: '', queued: null, nextId: 0, timer: null };

function startWorker() {
  engine.ready = false;
  engine.worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  engine.worker.addEventListener('message', onWorkerMessage);
  engine.worker.addEventListener('error', (e) => {
    e.preventDefault();
    setStatus(`The analysis engine could not start: ${e.message || 'unknown error'}.`, { error: true });
  });
}

function restartWorker() {
  clearTimeout(engine.timer);
  engine.worker.terminate();
  engine.running = null;
  startWorker();
}

function onWorkerMessage({ data }) {
  if (data.ready) {
    engine.ready = true;
    $('engine-info').textContent = `Engine: WebAssembly in a Web Worker, loaded in ${data.initMs.toFixed(0)} ms.`;
    if (engine.queued === null && !state.analysis) setStatus('Ready. Paste an article or choose a sample.');
    pump();
    return;
  }
  if (data.failed) {
    setStatus(data.failed, { error: true });
    return;
  }
  if (data.id !== engine.running) return;
  clearTimeout(engine.timer);
  engine.running = null;
  const text = engine.runningText;
  if (data.error) {
    // After a panic the module's memory may be inconsistent: start from a fresh instance.
    restartWorker();
    showNothing(data.error, { error: true });
  } else if (engine.queued === null) {
    showAnalysis(text, data.analysis, data.ms);
  }
  pump();
}

function pump() {
  if (!engine.ready || engine.running !== null || engine.queued === null) return;
  const text = engine.queued;
  engine.queued = null;
  engine.running = ++engine.nextId;
  engine.runningText = text;
  if (text.length > 100_000) setStatus(`Analyzing ${plural(text.length, 'character')}…`);
  engine.worker.postMessage({ id: engine.running, text });
  engine.timer = setTimeout(() => {
    restartWorker();
    showNothing(`The analysis of this text took more than ${OVERDUE_MS / 1000} s and was stopped.`, { error: true });
  }, OVERDUE_MS);
}

/** Asks for an analysis of `text`, replacing any request not yet started. */
function request(text) {
  clearTimeout(debounceTimer);
  if (!text.trim()) {
    engine.queued = null;
    showNothing('Paste an article or choose a sample.');
    return;
  }
  const check = checkText(text);
  if (!check.ok) {
    engine.queued = null;
    showNothing(check.message, { error: true });
    return;
  }
  engine.queued = text;
  if (!engine.ready) setStatus('Loading the engine…');
  pump();
}

let debounceTimer = null;
function requestSoon(text) {
  clearTimeout(debounceTimer);
  debounceTimer = setTimeout(() => request(text), DEBOUNCE_MS);
}

// ---- results ------------------------------------------------------------------------------

function showNothing(message, options) {
  state.text = '';
  state.analysis = null;
  state.painter?.clear();
  state.painter = null;
  clearHighlights();
  textView.textContent = '';
  $('legend').replaceChildren();
  $('claims').replaceChildren();
  hideTooltip();
  setStatus(message, options);
}

function showAnalysis(text, analysis, ms) {
  state.text = text;
  state.analysis = withTexts(analysis, () => text);
  state.current = -1;
  if (state.selected && !groupParties(state.analysis, state.grouping).some((g) => g.key === state.selected)) state.selected = null;
  textView.textContent = text;
  textView.scrollTop = 0;
  state.map = textMap(textView);
  render();
  const { attributions, hedges } = state.analysis;
  const parties = state.groups.filter((g) => g.color != null).length;
  const found = attributions.length
    ? `${plural(attributions.length, 'statement')} from ${plural(parties, 'party', 'parties')}`
    : 'No attributed statements found in this text';
  const hedged = hedges.length ? `, ${plural(hedges.length, 'hedge')}` : '';
  const note = highlightSupported ? '' : ' This browser cannot highlight text (no CSS Custom Highlight API); the claims are listed on the right.';
  setStatus(`${found}${hedged}. Analyzed ${plural(text.length, 'character')} in ${ms.toFixed(1)} ms.${note}`);
}

function effectiveTheme() {
  if (state.theme !== 'auto') return state.theme;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Paints and lists the current analysis for the current grouping, filter and theme. */
function render() {
  const analysis = state.analysis;
  if (!analysis) return;
  const palette = effectiveTheme();
  state.groups = groupParties(analysis, state.grouping);
  installHighlightStyles(document, palette, Math.max(1, state.groups.length));
  const colorOf = colorOfAttribution(state.groups);
  const shown = state.selected ? new Set(state.groups.find((g) => g.key === state.selected).attributions) : null;
  // A legend filter paints only its group's statements; indices stay those of the analysis.
  const painted = shown
    ? { ...analysis, attributions: analysis.attributions.map((a, i) => (shown.has(i) ? a : { ...a, content: [], speaker: null })) }
    : analysis;
  state.painter?.clear();
  state.painter = paintHighlights(painted, (span) => state.map.range(span.start, span.end), { colorOf });

  renderLegend($('legend'), analysis, {
    grouping: state.grouping,
    palette,
    onSelect: (group) => {
      state.selected = state.selected === group.key ? null : group.key;
      render();
      document.querySelector(`.sl-legend-item[data-group="${CSS.escape(group.key)}"]`)?.focus();
    },
  });
  for (const button of document.querySelectorAll('.sl-legend-item')) {
    button.setAttribute('aria-pressed', String(button.dataset.group === state.selected));
  }
  renderClaims($('claims'), analysis, { grouping: state.grouping, palette, onClaimClick: (i) => goTo(i), maxPerGroup: CLAIMS_PER_GROUP });
  if (shown) {
    for (const section of document.querySelectorAll('.sl-claims-group')) section.hidden = section.dataset.group !== state.selected;
  }
}

/** Scrolls the article to attribution `i`, flashes it and marks its claim. */
function goTo(i, { fromKeyboard = false } = {}) {
  const ranges = state.painter?.ranges(i) || [];
  if (!ranges.length) {
    if (state.selected) {
      state.selected = null; // the filter hid it: show everything, then go
      render();
      goTo(i, { fromKeyboard });
    }
    return;
  }
  state.current = i;
  textView.scrollIntoView({ block: 'nearest' });
  const rect = ranges[0].getBoundingClientRect();
  const view = textView.getBoundingClientRect();
  textView.scrollTop += rect.top - view.top - view.height / 3;
  state.painter.flash(i);
  for (const b of document.querySelectorAll('.sl-claim[aria-current]')) b.removeAttribute('aria-current');
  const claim = document.querySelector(`.sl-claim[data-attribution="${i}"]`);
  claim?.setAttribute('aria-current', 'true');
  if (fromKeyboard) {
    claim?.scrollIntoView({ block: 'nearest' });
    const r = ranges[0].getBoundingClientRect();
    showTooltip({ attribution: i }, r.left, r.bottom);
  }
}

// Statements in reading order, for n / p.
function readingOrder() {
  const start = (a) => (a.content[0] ? a.content[0].start : Infinity);
  return state.analysis.attributions.map((a, i) => i).sort((x, y) => start(state.analysis.attributions[x]) - start(state.analysis.attributions[y]));
}

function step(delta) {
  if (!state.analysis?.attributions.length) return;
  const order = readingOrder();
  const at = order.indexOf(state.current);
  const next = at < 0 ? (delta > 0 ? 0 : order.length - 1) : (at + delta + order.length) % order.length;
  goTo(order[next], { fromKeyboard: true });
}

// ---- tooltip ------------------------------------------------------------------------------

function describe(hit) {
  const lines = [];
  if (hit.hedge != null) {
    const h = state.analysis.hedges[hit.hedge];
    return { title: 'Hedge', lines: [`“${h.text}”: a claim attributed to no one.`] };
  }
  const a = state.analysis.attributions[hit.attribution];
  const party = a.party == null ? null : state.analysis.parties[a.party];
  const group = state.groups.find((g) => g.attributions.includes(hit.attribution));
  if (a.speaker_text) lines.push(`Speaker: “${a.speaker_text}”`);
  if (state.grouping === 'side' && group?.kind === 'side') lines.push(`Side: ${group.name}`);
  lines.push(`Cue: ${a.cue_text || 'none'}${a.cue_class ? ` (${a.cue_class})` : ''}`);
  lines.push(`Quote: ${a.kind}`);
  return { title: party ? party.name : 'Speaker not identified', lines };
}

function showTooltip(hit, x, y) {
  const { title, lines } = describe(hit);
  const strong = document.createElement('strong');
  strong.textContent = title;
  tooltip.replaceChildren(strong, ...lines.map((line) => {
    const div = document.createElement('div');
    div.textContent = line;
    return div;
  }));
  tooltip.hidden = false;
  const width = tooltip.offsetWidth;
  tooltip.style.left = `${Math.min(x + 12, innerWidth - width - 8)}px`;
  tooltip.style.top = `${Math.min(y + 14, innerHeight - tooltip.offsetHeight - 8)}px`;
}

function hideTooltip() {
  tooltip.hidden = true;
}

let hoverFrame = 0;
textView.addEventListener('mousemove', (e) => {
  cancelAnimationFrame(hoverFrame);
  hoverFrame = requestAnimationFrame(() => {
    const hit = state.painter?.at(e.clientX, e.clientY);
    if (hit) showTooltip(hit, e.clientX, e.clientY);
    else hideTooltip();
  });
});
textView.addEventListener('mouseleave', () => {
  cancelAnimationFrame(hoverFrame);
  hideTooltip();
});
textView.addEventListener('scroll', hideTooltip, { passive: true });

// ---- input --------------------------------------------------------------------------------

for (const s of samples) {
  const option = document.createElement('option');
  option.value = s.id;
  option.textContent = s.title;
  $('sample').append(option);
}

$('sample').addEventListener('change', (e) => {
  const sample = samples.find((s) => s.id === e.target.value);
  if (!sample) return;
  source.value = sample.text;
  request(sample.text);
});

source.addEventListener('input', () => {
  $('sample').value = '';
  requestSoon(source.value);
});
$('analyze').addEventListener('click', () => request(source.value));

async function openFile(file) {
  try {
    const text = await textFromFile(file);
    source.value = text;
    $('sample').value = '';
    request(text);
  } catch (e) {
    setStatus(e.message, { error: true });
  }
}

$('file').addEventListener('change', (e) => {
  if (e.target.files[0]) openFile(e.target.files[0]);
  e.target.value = '';
});

const dropzone = $('dropzone');
// A file dropped anywhere on the page is read, not opened by the browser in place of the page.
addEventListener('dragover', (e) => {
  if (!e.dataTransfer?.types.includes('Files')) return;
  e.preventDefault();
  dropzone.classList.add('dragging');
});
addEventListener('dragleave', (e) => {
  if (!e.relatedTarget) dropzone.classList.remove('dragging');
});
addEventListener('drop', (e) => {
  if (!e.dataTransfer?.files.length) return;
  e.preventDefault();
  dropzone.classList.remove('dragging');
  openFile(e.dataTransfer.files[0]);
});

// ---- grouping, keys, theme, export --------------------------------------------------------

for (const radio of document.querySelectorAll('input[name="grouping"]')) {
  radio.addEventListener('change', () => {
    state.grouping = radio.value;
    state.selected = null;
    render();
  });
}

addEventListener('keydown', (e) => {
  if (e.key === 'Escape') hideTooltip();
  if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest('textarea, input, select')) return;
  if (e.key === 'n' || e.key === 'j') step(1);
  else if (e.key === 'p' || e.key === 'k') step(-1);
});

const THEMES = ['auto', 'light', 'dark'];
function applyTheme() {
  document.documentElement.dataset.theme = effectiveTheme();
  $('theme').textContent = `Theme: ${state.theme}`;
  render();
}
$('theme').addEventListener('click', () => {
  state.theme = THEMES[(THEMES.indexOf(state.theme) + 1) % THEMES.length];
  localStorage.setItem('sourcelight-theme', state.theme);
  applyTheme();
});
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', applyTheme);

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function needAnalysis() {
  if (state.analysis) return true;
  setStatus('Nothing to export yet: analyze an article first.', { error: true });
  return false;
}

$('export-json').addEventListener('click', () => {
  if (needAnalysis()) download('sourcelight-analysis.json', 'application/json', toJSON(state.analysis));
});
$('export-md').addEventListener('click', () => {
  if (needAnalysis()) download('sourcelight-summary.md', 'text/markdown', toMarkdown(state.analysis, { grouping: state.grouping }));
});
$('copy-md').addEventListener('click', async () => {
  if (!needAnalysis()) return;
  try {
    await navigator.clipboard.writeText(toMarkdown(state.analysis, { grouping: state.grouping }));
    setStatus('The Markdown summary is on the clipboard.');
  } catch {
    setStatus('The browser refused the clipboard; use Download Markdown instead.', { error: true });
  }
});

// ---- start --------------------------------------------------------------------------------

applyTheme();
startWorker();
$('sample').value = samples[0].id;
source.value = samples[0].text;
request(source.value);
