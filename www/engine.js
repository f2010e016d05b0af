// The engine as the demo page sees it: a Web Worker (worker.js) that analyzes one text at a
// time.
//
// Contract: `createEngine(callbacks)` starts the worker; `analyze(text)` asks for an analysis
// (the text goes to the worker as blocks with the roles it shows, blocks.js, and the answer's
// spans come back as offsets into the whole text),
// replacing any text still waiting; `cancel()` forgets the waiting text; `ready` says whether
// the module has loaded. Callbacks: `onReady(initMs, waiting)` once loaded (`waiting`: a text
// is queued), `onAnswer(text, analysis, ms)` for the newest text only, `onLongRun(text)` when a
// long text starts, `onFailed(message)` when a text made the engine fail or stall, and
// `onBroken(message)` when the engine cannot start at all.
//
// Why: the page must stay responsive whatever is pasted. Only the newest text is analyzed; an
// answer for text that has changed since is dropped. After a panic the module's memory may be
// inconsistent, and an answer that is far overdue means the engine is stuck: either way the
// worker is replaced by a fresh one rather than left to hold the next analysis back.

import { textBlocks, inText } from './blocks.js';

// A 2-million-character text takes well under a second; an answer this late means a stuck engine.
const OVERDUE_MS = 20_000;
const LONG_TEXT = 100_000; // characters from which the page says that it is analyzing

export function createEngine({ onReady, onAnswer, onLongRun, onFailed, onBroken }) {
  let worker = null;
  let ready = false;
  let running = null; // id of the request the worker is on
  let runningText = '';
  let runningBlocks = [];
  let queued = null; // the newest text not yet sent
  let nextId = 0;
  let overdue = null;

  function start() {
    ready = false;
    worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      onBroken(`The analysis engine could not start: ${e.message || 'unknown error'}.`);
    });
  }

  function restart() {
    clearTimeout(overdue);
    worker.terminate();
    running = null;
    start();
  }

  function onMessage({ data }) {
    if (data.ready) {
      ready = true;
      onReady(data.initMs, queued !== null);
      pump();
      return;
    }
    if (data.failed) {
      onBroken(data.failed);
      return;
    }
    if (data.id !== running) return;
    clearTimeout(overdue);
    running = null;
    if (data.error) {
      restart();
      onFailed(data.error);
    } else if (queued === null) {
      onAnswer(runningText, inText(data.analysis, runningBlocks), data.ms);
    }
    pump();
  }

  function pump() {
    if (!ready || running !== null || queued === null) return;
    const text = queued;
    queued = null;
    running = ++nextId;
    runningText = text;
    runningBlocks = textBlocks(text);
    if (text.length > LONG_TEXT) onLongRun(text);
    worker.postMessage({ id: running, blocks: runningBlocks });
    overdue = setTimeout(() => {
      restart();
      onFailed(`The analysis of this text took more than ${OVERDUE_MS / 1000} s and was stopped.`);
    }, OVERDUE_MS);
  }

  start();
  return {
    get ready() {
      return ready;
    },
    analyze(text) {
      queued = text;
      pump();
    },
    cancel() {
      queued = null;
    },
  };
}
