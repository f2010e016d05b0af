// The demo page: paste or drop an article, see who said what.
//
// The page is glue between its parts: the engine in a Web Worker (engine.js, worker.js), so
// that the page stays responsive on any input; the article view (view.js), one text node
// painted with the CSS Custom Highlight API, with its tooltip (tooltip.js); the inputs
// (input.js) and exports (exports.js); and the shared renderers (shared/), which the
// extension uses too. Analysis runs as you type, debounced. This file holds the page's state
// and draws it: legend, claims, status, theme, keys.

import { samples } from './samples.js';
import { checkText } from './intake.js';
import { withTexts, withoutIntentions, groupParties, colorOfAttribution, renderLegend, renderClaims } from './shared/render.js';
import { highlightLooks, highlightSupported } from './shared/highlight.js';
import { createEngine } from './engine.js';
import { createArticleView } from './view.js';
import { describe } from './tooltip.js';
import { wireInput } from './input.js';
import { wireExports } from './exports.js';

const DEBOUNCE_MS = 300;
// Claims listed a party before a "Show all" button: a whole article's worth, not a book's.
const CLAIMS_PER_GROUP = 60;
const THEMES = ['auto', 'light', 'dark'];

const $ = (id) => document.getElementById(id);
const statusLine = $('status');

const state = {
  analysis: null,
  groups: [],
  grouping: 'person',
  selected: null, // key of the group the legend shows alone, or null for all
  current: -1, // attribution last moved to with the keyboard or a click
  theme: localStorage.getItem('sourcelight-theme') || 'auto',
  intentions: localStorage.getItem('sourcelight-intentions') !== 'hidden', // show wishes and plans
  last: null, // the latest answer: {text, analysis, ms}
};

function setStatus(message, { error = false } = {}) {
  statusLine.textContent = message;
  statusLine.classList.toggle('error', error);
}

const plural = (n, one, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

const view = createArticleView({ view: $('text-view'), tooltip: $('tooltip'), describe: (hit) => describe(hit, state) });

const engine = createEngine({
  onReady(initMs, waiting) {
    $('engine-info').textContent = `Engine: WebAssembly in a Web Worker, loaded in ${initMs.toFixed(0)} ms.`;
    if (!waiting && !state.analysis) setStatus('Ready. Paste an article or choose a sample.');
  },
  onAnswer: showAnalysis,
  onLongRun: (text) => setStatus(`Analyzing ${plural(text.length, 'character')}…`),
  onFailed: (message) => showNothing(message, { error: true }),
  onBroken: (message) => setStatus(message, { error: true }),
});

/** Asks for an analysis of `text`, replacing any request not yet started. */
function request(text) {
  clearTimeout(debounceTimer);
  if (!text.trim()) {
    engine.cancel();
    showNothing('Paste an article or choose a sample.');
    return;
  }
  const check = checkText(text);
  if (!check.ok) {
    engine.cancel();
    showNothing(check.message, { error: true });
    return;
  }
  if (!engine.ready) setStatus('Loading the engine…');
  engine.analyze(text);
}

let debounceTimer = null;
function requestSoon(text) {
  clearTimeout(debounceTimer);
  debounceTimer = setTimeout(() => request(text), DEBOUNCE_MS);
}

function showNothing(message, options) {
  state.analysis = null;
  state.last = null;
  view.clear();
  $('legend').replaceChildren();
  $('claims').replaceChildren();
  setStatus(message, options);
}

function showAnalysis(text, analysis, ms) {
  state.last = { text, analysis, ms };
  const all = withTexts(analysis, () => text);
  state.analysis = state.intentions ? all : withoutIntentions(all);
  state.current = -1;
  if (state.selected && !groupParties(state.analysis, state.grouping).some((g) => g.key === state.selected)) state.selected = null;
  view.show(text);
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
  const shown = state.selected ? new Set(state.groups.find((g) => g.key === state.selected).attributions) : null;
  // A legend filter paints only its group's statements; indices stay those of the analysis.
  const painted = shown
    ? { ...analysis, attributions: analysis.attributions.map((a, i) => (shown.has(i) ? a : { ...a, content: [], speaker: null })) }
    : analysis;
  view.paint(painted, colorOfAttribution(state.groups), highlightLooks(palette, Math.max(1, state.groups.length)));

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
  if (!view.goTo(i)) {
    if (state.selected) {
      state.selected = null; // the filter hid it: show everything, then go
      render();
      goTo(i, { fromKeyboard });
    }
    return;
  }
  state.current = i;
  for (const b of document.querySelectorAll('.sl-claim[aria-current]')) b.removeAttribute('aria-current');
  const claim = document.querySelector(`.sl-claim[data-attribution="${i}"]`);
  claim?.setAttribute('aria-current', 'true');
  if (fromKeyboard) {
    claim?.scrollIntoView({ block: 'nearest' });
    view.tooltipAt(i);
  }
}

// Moves `delta` statements on in reading order, for n / p.
function step(delta) {
  const attributions = state.analysis?.attributions;
  if (!attributions?.length) return;
  const start = (i) => (attributions[i].content[0] ? attributions[i].content[0].start : Infinity);
  const order = attributions.map((a, i) => i).sort((x, y) => start(x) - start(y));
  const at = order.indexOf(state.current);
  const next = at < 0 ? (delta > 0 ? 0 : order.length - 1) : (at + delta + order.length) % order.length;
  goTo(order[next], { fromKeyboard: true });
}

function applyTheme() {
  document.documentElement.dataset.theme = effectiveTheme();
  $('theme').textContent = `Theme: ${state.theme}`;
  render();
}

for (const radio of document.querySelectorAll('input[name="grouping"]')) {
  radio.addEventListener('change', () => {
    state.grouping = radio.value;
    state.selected = null;
    render();
  });
}

// Statements of wishes and plans ("the council plans to…") are painted fainter; this hides them.
$('intentions').checked = state.intentions;
$('intentions').addEventListener('change', () => {
  state.intentions = $('intentions').checked;
  localStorage.setItem('sourcelight-intentions', state.intentions ? 'shown' : 'hidden');
  state.selected = null;
  if (state.last) showAnalysis(state.last.text, state.last.analysis, state.last.ms);
});

addEventListener('keydown', (e) => {
  if (e.key === 'Escape') view.hideTooltip();
  if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest('textarea, input, select')) return;
  if (e.key === 'n' || e.key === 'j') step(1);
  else if (e.key === 'p' || e.key === 'k') step(-1);
});

$('theme').addEventListener('click', () => {
  state.theme = THEMES[(THEMES.indexOf(state.theme) + 1) % THEMES.length];
  localStorage.setItem('sourcelight-theme', state.theme);
  applyTheme();
});
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', applyTheme);

wireExports({ current: () => state.analysis && { analysis: state.analysis, grouping: state.grouping }, setStatus });
const input = wireInput({ request, requestSoon, onError: (message) => setStatus(message, { error: true }) });

applyTheme();
input.showSample(samples[0].id);
