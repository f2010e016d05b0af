// Runs the WebAssembly engine off the page's main thread.
//
// Why a worker: the page must stay responsive whatever is pasted (a megabyte of text, binary
// junk), and the engine is synchronous. The page posts `{id, blocks}` (the text cut into
// blocks with the roles it shows, see blocks.js) and gets back `{id, analysis, ms}` or
// `{id, error}`; it can terminate the worker if an answer is overdue
// and start a new one. The first message, `{ready, initMs}` or `{failed}`, reports how long
// loading and instantiating the module took.

import init, { analyzeBlocks } from './pkg/sourcelight.js';

const started = performance.now();
const ready = init().then(
  () => postMessage({ ready: true, initMs: performance.now() - started }),
  (e) => {
    postMessage({ failed: `The analysis engine could not be loaded: ${e.message || e}` });
    throw e;
  },
);

addEventListener('message', async ({ data }) => {
  await ready;
  try {
    const t0 = performance.now();
    const analysis = analyzeBlocks(data.blocks.map(({ id, text, role }) => (role ? { id, text, role } : { id, text })));
    postMessage({ id: data.id, analysis, ms: performance.now() - t0 });
  } catch (e) {
    // A panic in the engine arrives here as a RuntimeError: report it, never a partial result.
    postMessage({ id: data.id, error: `The engine failed on this text: ${e.message || e}` });
  }
});
