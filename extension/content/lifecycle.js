// Starting and stopping: one session per page, from the first start to a stop.
//
// `start(grouping, mode)` reads the reader's selection if there is one (mode "auto", the
// popup) or must be one (mode "selection", the context menu), else the article; it asks the
// background for an analysis, paints it, and resolves to a summary for the popup. A page that
// is not an article gets `{notArticle: true}` and no paint. A later start with the same grouping
// (or none), and no new selection, answers with the latest summary and the statement the reader
// last clicked on the page (`chosen`, pick.js), for the popup to open. `stop()` removes every highlight, mark, sheet,
// element, listener, observer and timer. `reveal(index)` scrolls to a statement and flashes it.
//
// Design:
// - A session holds the article, its blocks and the answer it painted; its parts (painter,
//   hover card, page watcher) each keep their own state. Each run takes a generation number;
//   a stop or a newer run makes it stale, and a stale run drops its answer instead of painting
//   it.
// - The painter is chosen once: the CSS Custom Highlight API where the browser has it
//   (paint.js), <mark> elements where it does not (marks.js).
// - Changes to the page come back here as `follow`: same text, the old answer is re-anchored
//   on the new nodes; changed text keeps the highlights of unchanged blocks at once and, once
//   the page settles, is analyzed again.
// - Timings go into the summary for the benchmark: `paintedAt` when the highlights in view
//   are registered, `completeAt` when all of them are.

import { highlightSupported, highlightLooks } from '../shared/highlight.js';
import { sameTexts } from './blocks.js';
import { readScope, selectedRanges, rangesText } from './reading.js';
import { buildPainting, createHighlightPainter } from './paint.js';
import { createMarkPainter } from './marks.js';
import { createCard, cardLines } from './card.js';
import { createPicker } from './pick.js';
import { createWatcher, reanchor } from './observer.js';
import { requestAnalysis } from './messaging.js';

let session = null;

function openSession(grouping, scope) {
  const s = { generation: 0, grouping, scope, root: null, blocks: [], answer: null, chosen: null, extractMs: Infinity, ready: null, summary: null };
  s.watcher = createWatcher({
    rootOf: () => s.root,
    extractMs: () => (s.answer ? s.extractMs : Infinity),
    follow: (reanalyze) => follow(s, reanalyze),
  });
  s.painter = highlightSupported ? createHighlightPainter() : createMarkPainter({ onOwnChange: s.watcher.forget });
  s.card = createCard({ whoAt: (x, y, target) => s.painter.whoAt(x, y, target), linesOf: (who) => cardLines(s.answer.analysis, who) });
  s.picker = createPicker({ whoAt: (x, y, target) => s.painter.whoAt(x, y, target), onPick: (i) => (s.chosen = i) });
  s.watcher.observe([document]);
  return s;
}

const stale = (s, generation) => session !== s || s.generation !== generation;

// The number of party colours an answer paints with.
function colourCount(colors) {
  let count = 0;
  for (const c of colors) if (c != null && c >= count) count = c + 1;
  return count;
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
  const { palette, colors } = s.answer;
  const shown = s.painter.show(painting, { looks: highlightLooks(palette, colourCount(colors)), trees: [document, ...shadowRoots] });
  s.watcher.observe(shadowRoots);
  return shown;
}

/** Extracts (unless given blocks), analyzes and paints; resolves to the summary, or null if stale. */
async function run(s, grouping, extracted = null) {
  const generation = ++s.generation;
  const t0 = performance.now();
  const read = extracted ?? (await extract(s));
  if (!read) return { notArticle: true, url: location.href, title: document.title };
  const { blocks, shadowRoots } = read;
  const t1 = performance.now();
  s.extractMs = t1 - t0;
  const answer = await requestAnalysis(blocks, grouping);
  const t2 = performance.now();
  if (stale(s, generation)) return null;
  const painting = await buildPainting(answer, blocks);
  if (stale(s, generation)) return null;
  s.blocks = blocks;
  s.answer = answer;
  s.chosen = null; // an index into the answer just replaced
  s.grouping = answer.grouping;
  const shown = show(s, painting, shadowRoots); // registers the highlights in view before returning
  const t3 = performance.now();
  await shown;
  const t4 = performance.now();
  if (stale(s, generation)) return null;
  s.summary = {
    url: location.href,
    title: document.title,
    scope: s.scope.kind,
    grouping: answer.grouping,
    palette: answer.palette,
    analysis: answer.analysis,
    timings: { extract: t1 - t0, analyze: t2 - t1, paint: t3 - t2, complete: t4 - t2 },
    paintedAt: performance.timeOrigin + t3,
    completeAt: performance.timeOrigin + t4,
  };
  return s.summary;
}

/** Follows the page after a change; with `reanalyze`, changed text is analyzed again. */
async function follow(s, reanalyze) {
  const generation = s.generation;
  const extracted = await extract(s);
  if (stale(s, generation) || !s.answer || !extracted) return;
  const { blocks, shadowRoots } = extracted;
  const same = sameTexts(blocks, s.blocks);
  const painting = await buildPainting(s.answer, blocks, same ? undefined : reanchor(s.blocks, blocks));
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
  if (session && (grouping == null || grouping === session.grouping)) return session.ready.then(() => session?.summary && { ...session.summary, chosen: session.chosen });
  session ??= openSession(grouping, text === null ? { kind: 'article' } : { kind: 'selection', ranges });
  session.selected = text;
  session.grouping = grouping;
  const s = session;
  s.ready = run(s, grouping).then((summary) => {
    if (summary?.notArticle && session === s) stop();
    return summary;
  });
  return s.ready;
}

/** Gives the page back as it was. */
export function stop() {
  if (!session) return { active: false };
  const s = session;
  session = null;
  s.generation++;
  s.watcher.stop();
  s.card.remove();
  s.picker.remove();
  s.painter.clear();
  return { active: false };
}

/** Scrolls to attribution `index` and flashes it; returns where it ended up, or null. */
export function reveal(index) {
  return session?.painter.reveal(index) ?? null;
}
