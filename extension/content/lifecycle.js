// Starting and stopping: one session per page, from the first start to a stop.
//
// `start(grouping, mode)` reads the reader's selection if there is one (mode "auto", the
// popup) or must be one (mode "selection", the context menu), else the article; it asks the
// background for an analysis, paints it, and resolves to a summary for the popup. A page that
// is not an article gets `{notArticle: true}` and no paint, a page that cannot be analyzed
// `{notice}` (budget.js: too long, took too long). A later start with the same grouping (or
// none), and no new selection, answers with the latest summary and the statement the reader
// last clicked on the page (`chosen`, pick.js), for the popup to open. `stop()` removes every
// highlight, mark, rule, element, listener, observer and timer. `reveal(index)` scrolls to a
// statement and flashes it.
//
// Design:
// - A session holds the article, its blocks and the answer it painted; its parts (painter,
//   hover card, page watcher) each keep their own state. Each run takes a generation number;
//   a stop or a newer run makes it stale, and a stale run drops its answer instead of painting
//   it.
// - Nothing is left half-done: a start that fails or gets a notice before anything is painted
//   ends its session, and `stop` takes every part down even if one of them fails.
// - A session names its highlights under a random prefix, so that no page knows them in
//   advance; the background injects their rules, and takes them out again at the stop. Every
//   sheet put in or taken out restyles the whole page (1.4 to 2.6 s on a page of 260,000
//   elements), so a run asks for them once, for every look (palette.js has RANKED), as soon
//   as it has read an article short enough to send, in the user's palette, and they go in
//   while the engine works; a later run asks again only if the palette changed. Rule changes
//   go one after another, since the browser keeps every copy of a sheet inserted twice.
// - A page longer than MAX_CHARS is not sent at all.
// - The painter is chosen once: the CSS Custom Highlight API where the browser has it
//   (paint.js), <mark> elements where it does not (marks.js).
// - Changes to the page come back here as `follow`: same text, the old answer is re-anchored
//   on the new nodes; changed text keeps the highlights of unchanged blocks at once and, once
//   the page settles, is analyzed again.
// - Timings go into the summary for the benchmark: `paintedAt` when the highlights around the
//   viewport are registered.

import { highlightSupported, highlightLooks } from '../shared/highlight.js';
import { RANKED } from '../shared/palette.js';
import { MAX_CHARS, NOTICES } from '../budget.js';
import { sameTexts } from './blocks.js';
import { readScope, selectedRanges, rangesText } from './reading.js';
import { buildPainting, createHighlightPainter } from './paint.js';
import { createMarkPainter } from './marks.js';
import { createCard, cardLines } from './card.js';
import { createPicker } from './pick.js';
import { createWatcher, reanchor } from './observer.js';
import { requestAnalysis, requestRules, keepAwake } from './messaging.js';

let session = null;

// Ten random letters: a CSS identifier no page can know in advance.
function randomPrefix() {
  return String.fromCharCode(...crypto.getRandomValues(new Uint8Array(10)).map((b) => 97 + (b % 26)));
}

function openSession(grouping, scope) {
  const s = { generation: 0, grouping, scope, prefix: randomPrefix(), rules: null, ruling: Promise.resolve(), root: null, blocks: [], answer: null, chosen: null, extraction: null, ready: null, summary: null };
  session = s;
  s.watcher = createWatcher({
    rootOf: () => s.root,
    lastExtraction: () => (s.answer ? s.extraction : null),
    follow: (reanalyze) => follow(s, reanalyze),
  });
  s.painter = highlightSupported ? createHighlightPainter(s.prefix) : createMarkPainter({ onOwnChange: s.watcher.forget });
  s.card = createCard({ whoAt: (x, y, target) => s.painter.whoAt(x, y, target), linesOf: (who) => cardLines(s.answer.analysis, who) });
  s.picker = createPicker({ whoAt: (x, y, target) => s.painter.whoAt(x, y, target), onPick: (i) => (s.chosen = i) });
  s.watcher.observe([document]);
  return s;
}

const stale = (s, generation) => session !== s || s.generation !== generation;

// Has the background inject the rules of the session's highlights in `palette` (null: the
// user's) unless those in place (`s.rules`, `{palette}`) are in it, and take out those they
// replace; after the changes asked for before.
function rulesFor(s, palette) {
  if (!highlightSupported) return Promise.resolve();
  const step = s.ruling.then(async () => {
    const have = s.rules;
    if (have && (palette == null || palette === have.palette)) return;
    s.rules = await requestRules(s.prefix, { palette }, have);
  });
  s.ruling = step.catch(() => {});
  return step;
}

// Ends the session of a run that cannot paint, unless an earlier run painted it.
function notice(s, text) {
  if (!s.answer && session === s) stop();
  return { notice: text };
}

// The page's blocks now, read from its own text nodes; null when the page has no article.
async function extract(s) {
  s.painter.release();
  const read = await readScope(s.scope);
  if (read) s.root = read.root;
  return read;
}

// Swaps the shown painting for `painting` and watches the trees its text is in.
function show(s, painting, shadowRoots) {
  const looks = highlightLooks(s.answer.palette, RANKED, s.prefix);
  const shown = s.painter.show(painting, { looks, shadowRoots: [...shadowRoots] });
  s.watcher.observe(shadowRoots);
  return shown;
}

// Records what the latest extraction cost, for the watcher to judge whether the next change
// may be followed at once (observer.js). Blocks handed to `run` were measured where extracted.
function measured(s, ms) {
  s.extraction = { ms, elements: document.getElementsByTagName('*').length };
}

/** Extracts (unless given blocks), analyzes and paints; resolves to the summary, or null if stale. */
async function run(s, grouping, extracted = null) {
  const generation = ++s.generation;
  const t0 = performance.now();
  const read = extracted ?? (await extract(s));
  if (!read) return { notArticle: true, url: location.href, title: document.title };
  const { blocks, shadowRoots } = read;
  const t1 = performance.now();
  if (!extracted) measured(s, t1 - t0);
  if (stale(s, generation)) return null;
  let chars = 0;
  for (const b of blocks) chars += b.text.length;
  if (chars > MAX_CHARS) return notice(s, NOTICES.tooLong);
  rulesFor(s, null).catch(() => {}); // a failure shows when the answer's rules are asked for
  const outcome = await requestAnalysis(blocks, grouping);
  const t2 = performance.now();
  if (!outcome || stale(s, generation)) return null;
  if (outcome.notice) return notice(s, outcome.notice);
  const { answer } = outcome;
  // The answer's rules, in place already unless the palette changed meanwhile; if they cannot
  // go in, nothing is painted.
  const [painting] = await Promise.all([buildPainting(answer, blocks, undefined, s.prefix), rulesFor(s, answer.palette)]);
  if (stale(s, generation)) return null;
  s.blocks = blocks;
  s.answer = answer;
  s.chosen = null; // an index into the answer just replaced
  s.grouping = answer.grouping;
  await show(s, painting, shadowRoots); // registers the highlights around the viewport
  const t3 = performance.now();
  if (stale(s, generation)) return null;
  s.summary = {
    url: location.href,
    title: document.title,
    scope: s.scope.kind,
    grouping: answer.grouping,
    palette: answer.palette,
    analysis: answer.analysis,
    timings: { extract: t1 - t0, analyze: t2 - t1, paint: t3 - t2 },
    paintedAt: performance.timeOrigin + t3,
  };
  return s.summary;
}

/** Follows the page after a change; with `reanalyze`, changed text is analyzed again. */
async function follow(s, reanalyze) {
  const generation = s.generation;
  const t0 = performance.now();
  const extracted = await extract(s);
  measured(s, performance.now() - t0);
  if (stale(s, generation) || !s.answer || !extracted) return;
  const { blocks, shadowRoots } = extracted;
  const same = sameTexts(blocks, s.blocks);
  const painting = await buildPainting(s.answer, blocks, same ? undefined : reanchor(s.blocks, blocks), s.prefix);
  if (stale(s, generation)) return;
  await show(s, painting, shadowRoots);
  if (same) {
    s.blocks = blocks;
    if (!reanalyze) s.watcher.settle();
  } else if (reanalyze) {
    s.painter.release(); // the blocks are the page's own nodes, which marks may have replaced since
    await run(s, s.grouping, extracted);
  }
}

/** Analyzes and paints the page, or answers with what is painted; see the header comment. */
export async function start(grouping, mode = 'auto') {
  const ranges = selectedRanges();
  if (mode === 'selection' && !ranges.length) return { noSelection: true, url: location.href, title: document.title };
  const text = ranges.length ? rangesText(ranges) : null;
  // A new selection is a new session; without one, the session goes on with what it reads.
  if (session && text !== null && text !== session.selected) stop();
  if (session && (grouping == null || grouping === session.grouping)) return session.ready.then((first) => (session?.summary ? { ...session.summary, chosen: session.chosen } : first));
  let s = session;
  try {
    s ??= openSession(grouping, text === null ? { kind: 'article' } : { kind: 'selection', ranges });
    s.selected = text;
    s.grouping = grouping;
    const sleep = keepAwake();
    s.ready = run(s, grouping).then((summary) => {
      if (summary?.notArticle && session === s) stop();
      return summary;
    });
    s.ready.then(sleep, sleep);
    return await s.ready;
  } catch (error) {
    // A session made here and broken while being made is `session` but not yet `s`.
    if (session && (s == null || session === s) && !session.answer) stop();
    throw error;
  }
}

/** Gives the page back as it was, whatever state the session is in. */
export function stop() {
  if (!session) return { active: false };
  const s = session;
  session = null;
  s.generation++;
  for (const end of [() => s.watcher?.stop(), () => s.card?.remove(), () => s.picker?.remove(), () => s.painter?.clear()]) {
    try {
      end();
    } catch {
      // Take the other parts down all the same.
    }
  }
  s.ruling.then(() => s.rules && requestRules(s.prefix, null, s.rules)).catch(() => {});
  return { active: false };
}

/** Scrolls to attribution `index` and flashes it; returns where it ended up, or null. */
export function reveal(index) {
  return session?.painter.reveal(index) ?? null;
}
