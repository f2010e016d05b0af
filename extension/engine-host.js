// Runs the engine for every tab at once, so that no page can hold up another.
//
// `createEngineHost({spawn, maxWorkers, retireBytes, idleMs})` keeps a small pool of engine
// workers (engine-worker.js; `spawn()` makes one) and answers `analyze(tab, job, chars)` with a
// promise of one of:
//   {answer}            the worker's answer for `job` ({blocks, grouping})
//   {superseded: true}  a newer request from the same tab took its place, or the tab went away
//   {notice}            the reader's message: the analysis was stopped or the engine failed
// `cancel(tab)` drops a tab's requests (its page is gone); `warm()` starts a worker if none is
// there, so that the engine loads while a page is being read; `stats()` counts what happened
// (workers `retired` for the memory a page grew them to apart from those `idled` out).
//
// Design:
// - One request per tab: a newer one replaces the tab's waiting request, and a running one is
//   abandoned, since its answer would be thrown away.
// - Up to `maxWorkers` workers, one per running analysis, so a long or stuck page occupies
//   one worker while other tabs get another. Waiting requests go shortest first: a normal
//   article is not queued behind a book.
// - The engine is synchronous and cannot be interrupted, so a deadline (budget.js, growing
//   with the text) ends a stuck analysis by terminating its worker; the next request gets a
//   fresh one. After a panic the module's memory may be inconsistent: that worker goes too.
// - WebAssembly memory only grows, so a worker that needed more than `retireBytes` for a very
//   large page is retired after answering, and an idle one after `idleMs`: memory goes back.

import { deadlineMs, NOTICES } from './budget.js';

/** What the background puts in `target` of its messages to a host in another document. */
export const ENGINE_TARGET = 'sourcelight-engine';

/** A module worker running engine-worker.js, next to this file. */
export const spawnWorker = () => new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module' });

export function createEngineHost({ spawn = spawnWorker, maxWorkers = 3, retireBytes = 16 * 2 ** 20, idleMs = 60_000 } = {}) {
  const waiting = new Map(); // tab -> job not yet running
  const workers = new Set(); // {worker, job, idle}
  const counts = { started: 0, abandoned: 0, retired: 0, idled: 0, answered: 0 };
  let nextId = 0;

  function settle(job, outcome) {
    clearTimeout(job.timer);
    job.resolve(outcome);
  }

  function start() {
    const w = { worker: spawn(), job: null, idle: 0 };
    w.worker.onmessage = ({ data }) => onAnswer(w, data);
    w.worker.onerror = (event) => {
      event?.preventDefault?.();
      end(w, { notice: NOTICES.engineFailed });
    };
    workers.add(w);
    counts.started++;
    return w;
  }

  // Ends worker `w`: its job (if any) gets `outcome`, and the next request gets a fresh worker.
  function end(w, outcome) {
    if (!workers.delete(w)) return;
    clearTimeout(w.idle);
    w.worker.terminate();
    if (w.job) settle(w.job, outcome);
    w.job = null;
    pump();
  }

  // Lets worker `w` wait for work, and retires it if none comes within `idleMs`.
  function rest(w) {
    w.idle = setTimeout(() => {
      if (!w.job) {
        counts.idled++;
        end(w, null);
      }
    }, idleMs);
  }

  function onAnswer(w, data) {
    const job = w.job;
    if (!job || data?.id !== job.id) return;
    if (data.error) {
      end(w, { notice: NOTICES.engineFailed });
      return;
    }
    w.job = null;
    counts.answered++;
    settle(job, { answer: data.answer });
    if (data.memory > retireBytes) {
      counts.retired++;
      end(w, null);
      return;
    }
    rest(w);
    pump();
  }

  // The waiting job with the fewest characters (the earliest of equals).
  function shortest() {
    let best = null;
    for (const job of waiting.values()) if (!best || job.chars < best.chars) best = job;
    return best;
  }

  function pump() {
    while (waiting.size) {
      let w = [...workers].find((x) => !x.job);
      if (!w && workers.size < maxWorkers) w = start();
      if (!w) return;
      const job = shortest();
      waiting.delete(job.tab);
      clearTimeout(w.idle);
      w.job = job;
      job.timer = setTimeout(() => {
        counts.abandoned++;
        end(w, { notice: NOTICES.tookTooLong });
      }, deadlineMs(job.chars));
      w.worker.postMessage({ id: job.id, ...job.payload });
    }
  }

  function cancel(tab) {
    const queued = waiting.get(tab);
    if (queued) {
      waiting.delete(tab);
      settle(queued, { superseded: true });
    }
    for (const w of [...workers]) {
      if (w.job?.tab === tab) {
        counts.abandoned++;
        end(w, { superseded: true });
      }
    }
  }

  return {
    analyze(tab, payload, chars) {
      cancel(tab);
      return new Promise((resolve) => {
        waiting.set(tab, { id: ++nextId, tab, payload, chars, resolve, timer: 0 });
        pump();
      });
    },
    cancel,
    warm() {
      if (!workers.size) rest(start());
    },
    stats: () => ({ ...counts, workers: workers.size, running: [...workers].filter((w) => w.job).length, waiting: waiting.size }),
  };
}
