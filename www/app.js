// The demo page: paste or drop an article, see who said what.
//
// The page is glue between its parts: the engine in a Web Worker (engine.js, worker.js), so
// that the page stays responsive on any input; the article view (view.js), one text node
// painted with the CSS Custom Highlight API, with its card (tooltip.js); the inputs (input.js),
// exports (exports.js) and keys (keys.js); and the shared renderers (shared/), which the
// extension uses too. Analysis runs as you type, debounced. This file holds the page's state
// and draws it: summary, key, parties, statements, status, theme.
//
// Two filters narrow what is painted and listed (filters.js): a party chosen in the legend or
// on the summary's bar, and a way of giving sources chosen in the summary. Going to a
// statement that a filter hides lifts the filters.
//
// Links go both ways and focus goes where the view goes: a statement chosen in the list is
// shown in the text, flashed, with its card, and the article takes the focus (Enter there
// comes back); a highlight clicked or tapped in the text opens its statement in the list,
// focused. Screen readers hear one summary when typing pauses (not one per keystroke), and
// the statement moved to with n / p. Timings and engine details sit in the About section.

import { samples } from './samples.js';
import { checkText } from './intake.js';
import { withTexts, withoutIntentions, groupParties, colorOfAttribution, renderLegend, renderClaims, renderKey, openClaim, renderSummary, followList } from './shared/render.js';
import { INTRO, statementSentence } from './shared/words.js';
import { highlightLooks, highlightSupported } from './shared/highlight.js';
import { RANKED } from './shared/palette.js';
import { createEngine } from './engine.js';
import { createArticleView } from './view.js';
import { describe } from './tooltip.js';
import { wireInput } from './input.js';
import { wireExports } from './exports.js';
import { wireKeys } from './keys.js';
import { createFilters } from './filters.js';

const DEBOUNCE_MS = 300;
// After the last keystroke, how long the page waits before it speaks the result to a screen
// reader: one announcement per pause, not one per word.
const PAUSE_MS = 1500;
// Statements listed a party before a "Show all" button: a whole article's worth, not a book's.
const CLAIMS_PER_GROUP = 60;

const $ = (id) => document.getElementById(id);
const store = (key, fallback) => localStorage.getItem(`sourcelight-${key}`) ?? fallback;

const state = {
  analysis: null,
  groups: [],
  grouping: 'person',
  selected: null, // key of the group the legend shows alone, or null for all
  sourcing: null, // the sourcing class the summary lists alone, or null for all
  current: -1, // statement last shown, from the list, the text or the keys
  theme: store('theme', 'auto'),
  intentions: store('intentions', 'shown') !== 'hidden', // show wishes and plans
  last: null, // the latest answer: {text, analysis, ms}
  typedAt: 0, // when the text now analyzed was last typed into (0: not typed)
};

let announceTimer = 0;
/** Says `message` to screen readers through the live region, after `delay` ms. */
function announce(message, delay = 0) {
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    $('announce').textContent = message;
  }, delay);
}

function setStatus(message, { error = false } = {}) {
  $('status').textContent = message;
  $('status').classList.toggle('error', error);
  if (error) announce(message);
}

const plural = (n, one, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

const view = createArticleView({
  view: $('text-view'),
  tooltip: $('tooltip'),
  describe: (hit) => describe(hit, state),
  onPick: (hit) => (hit.attribution != null ? openCard(hit.attribution) : view.tooltipAt(hit)),
});

const engine = createEngine({
  onReady(initMs, waiting) {
    $('engine-info').textContent = `The engine is Rust compiled to WebAssembly, running in a Web Worker beside this page; it loaded in ${initMs.toFixed(0)} ms.`;
    if (!waiting && !state.analysis) setStatus('Ready. Paste an article or choose a sample.');
  },
  onAnswer: showAnalysis,
  onLongRun: (text) => setStatus(`Reading ${plural(text.length, 'character')}…`),
  onFailed: (message) => showNothing(message, { error: true }),
  onBroken: (message) => setStatus(message, { error: true }),
});

/** Asks for an analysis of `text`, replacing any request not yet started. */
function request(text, { typed = false } = {}) {
  clearTimeout(debounceTimer);
  state.typedAt = typed ? state.typedAt : 0;
  if (!text.trim()) {
    engine.cancel();
    showNothing('Paste an article or choose a sample to see who said what.');
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
  clearTimeout(announceTimer);
  state.typedAt = performance.now();
  debounceTimer = setTimeout(() => request(text, { typed: true }), DEBOUNCE_MS);
}

// Shows or hides what only an analysis with statements has: headings, lists, hints, exports.
function showFound(found) {
  $('summary').hidden = !found;
  $('parties-box').hidden = !found;
  $('claims-box').hidden = !found;
  for (const id of ['export-json', 'export-md', 'copy-md']) $(id).disabled = !found;
}

function showNothing(message, options) {
  state.analysis = null;
  state.last = null;
  view.clear();
  $('legend').replaceChildren();
  $('claims').replaceChildren();
  $('summary').replaceChildren();
  showFound(false);
  setStatus(message, options);
}

function showAnalysis(text, analysis, ms) {
  state.last = { text, analysis, ms };
  const all = withTexts(analysis, () => text);
  state.analysis = state.intentions ? all : withoutIntentions(all);
  state.current = -1;
  if (state.selected && !groupParties(state.analysis, state.grouping).some((g) => g.key === state.selected)) state.selected = null;
  if (state.sourcing && !state.analysis.attributions.some((a) => a.sourcing === state.sourcing)) state.sourcing = null;
  view.show(text);
  render();
  const { attributions, hedges } = state.analysis;
  const parties = state.groups.filter((g) => g.key !== 'none').length;
  const found = attributions.length
    ? `${plural(attributions.length, 'statement')} from ${plural(parties, 'party', 'parties')}`
    : 'No statement attributed to anyone in this text. Try a news article with quotes, or choose a sample';
  const hedged = hedges.length ? `, ${plural(hedges.length, 'hedged claim')} with no source` : '';
  const note = highlightSupported ? '' : ' This browser cannot highlight text; the statements are listed instead.';
  setStatus(`${found}${hedged}.${note}`);
  announce(`${found}${hedged}.`, state.typedAt ? Math.max(0, state.typedAt + PAUSE_MS - performance.now()) : 0);
  $('timing').textContent = `Last analysis: ${plural(text.length, 'character')} in ${ms.toFixed(1)} ms.`;
}

function effectiveTheme() {
  if (state.theme !== 'auto') return state.theme;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Paints and lists the current analysis for the current grouping, filter and theme. */
function render() {
  const palette = effectiveTheme();
  renderKey($('key'), palette);
  const analysis = state.analysis;
  if (!analysis) return;
  state.groups = groupParties(analysis, state.grouping);
  showFound(analysis.attributions.length > 0);
  view.paint(filters.painted(), colorOfAttribution(state.groups), highlightLooks(palette, RANKED));
  renderSummary($('summary'), analysis, { groups: state.groups, grouping: state.grouping, palette, filter: state.sourcing, onSegment: filters.pickSegment, onFilter: filters.pickSourcing });
  followList($('summary'), $('legend'));
  renderLegend($('legend'), analysis, { grouping: state.grouping, palette, onSelect: (group) => filters.pickGroup(group.key) });
  renderClaims($('claims'), analysis, { grouping: state.grouping, palette, onClaimClick: (i) => showInText(i), maxPerGroup: CLAIMS_PER_GROUP, sourcing: state.sourcing });
  filters.mark();
}

const filters = createFilters({ state, render });

// Marks statement i as the current one in the list.
function markCurrent(i) {
  state.current = i;
  for (const item of document.querySelectorAll('.sl-claim-item[aria-current]')) item.removeAttribute('aria-current');
  document.querySelector(`.sl-claim-item[data-attribution="${i}"]`)?.setAttribute('aria-current', 'true');
}

// Shows statement i in the text: false when it is not painted and no filter hid it.
function reveal(i) {
  if (view.goTo(i)) return true;
  return filters.lift(i) && view.goTo(i);
}

/** From the list to the text: scroll, flash, its card, and the focus on the article. */
function showInText(i) {
  if (!reveal(i)) return;
  markCurrent(i);
  view.tooltipAt({ attribution: i });
  $('text-view').focus({ preventScroll: true });
}

/** From the text to the list: statement i's card opened, in view and focused. */
function openCard(i) {
  filters.lift(i);
  const button = openClaim($('claims'), i);
  if (!button) return null;
  markCurrent(i);
  button.focus({ preventScroll: true });
  button.scrollIntoView({ block: 'center' });
  return button;
}

// Moves `delta` statements on in reading order, for n / p: the text follows where it is
// beside the list, and the focus goes to the statement's card, which is announced.
function step(delta) {
  const attributions = state.analysis?.attributions;
  if (!attributions?.length) return;
  const start = (i) => (attributions[i].content[0] ? attributions[i].content[0].start : Infinity);
  const order = attributions.map((a, i) => i).sort((x, y) => start(x) - start(y));
  const at = order.indexOf(state.current);
  const next = at < 0 ? (delta > 0 ? 0 : order.length - 1) : (at + delta + order.length) % order.length;
  const i = order[next];
  reveal(i);
  if (!openCard(i)) return;
  announce(`Statement ${next + 1} of ${order.length}, ${statementSentence(state.analysis, i)}`);
}

function applyTheme() {
  document.documentElement.dataset.theme = effectiveTheme();
  $('theme').value = state.theme;
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

$('theme').addEventListener('change', () => {
  state.theme = $('theme').value;
  localStorage.setItem('sourcelight-theme', state.theme);
  applyTheme();
});
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', applyTheme);

// The explanation is open the first time only.
$('intro-text').textContent = INTRO;
$('intro').open = store('intro', 'unseen') !== 'seen';
localStorage.setItem('sourcelight-intro', 'seen');

wireKeys({ step, back: () => state.current >= 0 && openCard(state.current), hideCard: view.hideTooltip });
wireExports({ current: () => state.analysis && { analysis: state.analysis, grouping: state.grouping }, setStatus });
const input = wireInput({ request, requestSoon, onError: (message) => setStatus(message, { error: true }) });

showFound(false);
applyTheme();
input.showSample(samples[0].id);
