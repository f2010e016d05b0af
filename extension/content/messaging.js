// What this script asks of the rest of the extension: an analysis from the background, the
// highlight rules for its names, and whether the user chose this site to run on without a
// click.
//
// The engine runs in the background only (a page's CSP may forbid WebAssembly here), so the
// page's text blocks go there with `runtime.sendMessage`, and the answer comes back as
// `{analysis, colors, palette, grouping}`: the engine's spans with their texts, a colour index
// per statement, the palette and the grouping those colours are for. Instead of an answer the
// background may send a notice for the reader (budget.js: the page is too long, the analysis
// took too long), or say that a newer request of this page took this one's place. Page text
// leaves this script only to the background.
//
// The highlight rules are a style sheet the background injects into this tab with the
// scripting API: the page can neither see nor change it, and a content script cannot inject
// one itself.

import { blockMessage } from './blocks.js';

const api = globalThis.browser ?? globalThis.chrome;
const AWAKE_MS = 10_000; // well inside the 30 s after which Firefox suspends an idle event page

async function ask(message) {
  const reply = await api.runtime.sendMessage(message);
  if (!reply?.ok) throw new Error(reply?.error ?? 'no answer from the background');
  return reply.value;
}

/**
 * The background's outcome for `blocks`, coloured by `grouping` (null: the user's default):
 * `{answer}`, `{notice}`, or null when a newer request took its place.
 */
export async function requestAnalysis(blocks, grouping) {
  const outcome = await ask({ type: 'analyze', grouping, blocks: blocks.map(blockMessage) });
  return outcome?.superseded ? null : outcome;
}

/**
 * Injects the rules of the highlights named under `names` for `add` ({palette}; palette null:
 * the user's), then takes out those for `remove`; either may be null. Resolves to the rules
 * injected, with their palette.
 */
export function requestRules(names, add, remove) {
  return ask({ type: 'rules', names, add, remove });
}

/**
 * Keeps the background awake while this script works for it; returns the function that stops.
 * Firefox suspends an event page after 30 s without an event, and with it the reply the popup
 * waits for: reading a page of two million characters took longer than that there.
 */
export function keepAwake() {
  const timer = setInterval(() => api.runtime.sendMessage({ type: 'awake' }).catch(() => {}), AWAKE_MS);
  return () => clearInterval(timer);
}

/** Whether the options page lists this page's site among those to run on by themselves. */
export async function siteChosen() {
  const { sites } = await api.storage.local.get({ sites: [] });
  return Array.isArray(sites) && sites.includes(`${location.protocol}//${location.hostname}/*`);
}
