// One engine in a Web Worker: the host (engine-host.js) posts `{id, blocks, grouping,
// hideIntentions}` (blocks are `{id, text, role}`) and gets back `{id, answer, memory}`, where
// `answer` is `{analysis, colors, grouping}`: the engine's spans with their texts (without the
// statements of wishes and plans if the reader chose so) and a colour index per statement for
// that grouping, or `{id, error}`.
// `memory` is the size of the WebAssembly memory after the analysis, which only grows: the host
// retires a worker that grew too large.
//
// Why the colours are worked out here too: the answer of a long page is thousands of
// statements, and giving them texts and colours is work that need not run on the thread that
// serves every tab. The listener is added at once, so that no message can arrive before it.

import init, { analyzeBlocks } from './pkg/sourcelight.js';
import { groupParties, colorOfAttribution, withTexts, withoutIntentions } from './shared/render.js';

const ready = init();

addEventListener('message', async ({ data }) => {
  try {
    const wasm = await ready;
    const { id, blocks, grouping, hideIntentions } = data;
    const raw = analyzeBlocks(blocks);
    const texts = new Map(blocks.map((b) => [b.id, b.text]));
    const analysis = withTexts(hideIntentions ? withoutIntentions(raw) : raw, (block) => texts.get(block) ?? '');
    const colorOf = colorOfAttribution(groupParties(analysis, grouping));
    const colors = analysis.attributions.map((_, i) => colorOf(i));
    postMessage({ id, answer: { analysis, colors, grouping }, memory: wasm.memory.buffer.byteLength });
  } catch (error) {
    // A panic arrives here as a RuntimeError: report it, never a partial answer.
    postMessage({ id: data?.id, error: String(error?.message ?? error) });
  }
});
