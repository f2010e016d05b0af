// Pasted text as blocks for the engine, with the roles a reader sees in plain text.
//
// `textBlocks(text)` cuts `text` into blocks `{id, text, role, start}`, each an exact slice of
// `text` beginning at `start`: the first line is a block of its own with role "headline" when
// it is short and ends without a stop ("Riverside approves £48m bridge despite protests"), a
// line that starts "By" and a name ("By Jane Doe · 5:57 PM ET") is a "byline", and the rest is
// cut at blank lines into blocks with no role, which the engine reads as plain text and judges
// itself. `inText(analysis, blocks)` moves the engine's spans from block offsets to offsets
// into the whole text, all in block 0, which is what the article view paints.
//
// Why here: a pasted article has lost its markup, but its headline and byline still show in
// their shape, and the engine reads a headline or a byline better when it is told.

const SHORT = 120; // characters: longer lines are sentences
const BYLINE = /^(?:By|BY)\s+\p{Lu}[\p{L}'’.-]*\s+\p{Lu}/u;
const STOP = /[.!?:;"”’)]$/;

/** The blocks of `text`; see the header comment. */
export function textBlocks(text) {
  const blocks = [];
  const push = (start, end, role) => {
    const slice = text.slice(start, end);
    if (slice.trim()) blocks.push({ id: blocks.length, text: slice, role, start });
  };
  let paragraph = -1; // start of the paragraph being gathered, or -1
  let first = true;
  const lines = /[^\n]*(?:\n|$)/g;
  for (let m = lines.exec(text); m && m.index < text.length; m = lines.exec(text)) {
    const start = m.index;
    const line = m[0].replace(/\r?\n$/, '');
    const end = start + line.length;
    const words = line.trim();
    const role = !words ? null : words.length <= SHORT && BYLINE.test(words) ? 'byline' : first && words.length <= SHORT && !STOP.test(words) ? 'headline' : null;
    if (words) first = false;
    if (!words || role) {
      if (paragraph >= 0) push(paragraph, start, undefined);
      paragraph = -1;
      if (role) push(start, end, role);
    } else if (paragraph < 0) {
      paragraph = start;
    }
  }
  if (paragraph >= 0) push(paragraph, text.length, undefined);
  return blocks;
}

/** `analysis` of `blocks` with every span moved into the whole text (block 0). */
export function inText(analysis, blocks) {
  const move = (span) => span && { ...span, block: 0, start: span.start + blocks[span.block].start, end: span.end + blocks[span.block].start };
  return {
    ...analysis,
    attributions: analysis.attributions.map((a) => ({ ...a, content: a.content.map(move), speaker: move(a.speaker), cue: move(a.cue) })),
    hedges: (analysis.hedges ?? []).map((h) => ({ ...h, span: move(h.span) })),
  };
}
