// Chrome only: the document that runs the engine host (engine-host.js) for the background,
// because a service worker cannot start Web Workers (see engine.js). It answers only the
// background's messages addressed to it; every other message (a content script's, the popup's)
// is left to the background. Offscreen documents have no extension API but `runtime`.

import { createEngineHost, ENGINE_TARGET } from './engine-host.js';

const host = createEngineHost();
const fromBackground = (sender) => sender.id === chrome.runtime.id && !sender.tab && sender.url === chrome.runtime.getURL('background.js');

chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (message?.target !== ENGINE_TARGET || !fromBackground(sender)) return false;
  if (message.type === 'analyze') {
    host.analyze(message.tab, message.job, message.chars).then(reply);
    return true;
  }
  if (message.type === 'cancel') host.cancel(message.tab);
  if (message.type === 'warm') host.warm();
  reply(host.stats());
  return false;
});
