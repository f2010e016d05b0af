// The engine as the background sees it: `openEngine()` gives `{analyze(tab, job, chars),
// cancel(tab), warm(), stats()}` of an engine host (engine-host.js), wherever the host can run.
//
// Where: the host needs Web Workers. Firefox's background is an event page, which has them, so
// the host runs right there. Chrome's background is a service worker, which has none (Chromium
// 156: `Worker is not defined`), so the host runs in an offscreen document (offscreen.html,
// reason WORKERS), made on first use and kept while the browser runs; the background talks to
// it with runtime messages. Its queue and workers outlive the service worker, which Chrome stops
// when idle. On the background's own thread instead (as before), one long page held every
// other tab: a normal article clicked 2 s after a 400 KB one-paragraph page (10 s of engine then)
// waited 7.9 to 8.8 s for its highlights; with the host it gets them in 0.10 to 0.13 s.

import { createEngineHost, ENGINE_TARGET } from './engine-host.js';

const api = globalThis.browser ?? globalThis.chrome;

export function openEngine() {
  return typeof Worker === 'function' ? createEngineHost() : offscreenEngine();
}

function offscreenEngine() {
  let opening = null;
  async function open() {
    if ((await api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length) return;
    await api.offscreen.createDocument({
      url: 'offscreen.html',
      reasons: ['WORKERS'],
      justification: 'Runs the text analysis in Web Workers, so that a long page cannot hold up other tabs.',
    });
  }
  async function call(message) {
    await (opening ??= open().finally(() => (opening = null)));
    return api.runtime.sendMessage({ target: ENGINE_TARGET, ...message });
  }
  return {
    analyze: (tab, job, chars) => call({ type: 'analyze', tab, job, chars }),
    // A closed tab does not open the document: without it there is nothing to cancel.
    cancel: (tab) => api.runtime.sendMessage({ target: ENGINE_TARGET, type: 'cancel', tab }).catch(() => {}),
    warm: () => call({ type: 'warm' }),
    stats: () => call({ type: 'stats' }),
  };
}
