// What this script asks of the rest of the extension: an analysis from the background, and
// whether the user chose this site to run on without a click.
//
// The engine runs in the background only (a page's CSP may forbid WebAssembly here), so the
// page's text blocks go there with `runtime.sendMessage`, and the answer comes back as
// `{analysis, colors, palette, grouping}`: the engine's spans with their texts, a colour index
// per statement, the palette and the grouping those colours are for. Page text leaves this
// script only to the background.

import { blockMessage } from './blocks.js';

const api = globalThis.browser ?? globalThis.chrome;

/** The background's answer for `blocks`, coloured by `grouping` (null: the user's default). */
export async function requestAnalysis(blocks, grouping) {
  const reply = await api.runtime.sendMessage({ type: 'analyze', grouping, blocks: blocks.map(blockMessage) });
  if (!reply?.ok) throw new Error(reply?.error ?? 'no answer from the background');
  return reply.value;
}

/** Whether the options page lists this page's site among those to run on by themselves. */
export async function siteChosen() {
  const { sites } = await api.storage.local.get({ sites: [] });
  return Array.isArray(sites) && sites.includes(`${location.protocol}//${location.hostname}/*`);
}
