// Tests of the WebAssembly facade in Node, on the module `./build.sh wasm` puts in www/pkg.
//
// What they hold the facade to: every span, read back with String.prototype.slice on the
// caller's text, gives the words the engine says it found (so offsets are UTF-16 code units,
// also after emoji and other characters outside the BMP); block ids come back as given and
// offsets are relative to their block; and the result equals the native CLI's on the same
// text once the CLI's code-point offsets are converted. The engine is tuned concurrently, so
// these tests compare the two builds with each other rather than with fixed answers.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import init, { analyze, analyzeBlocks } from '../www/pkg/sourcelight.js';
import { samples } from '../www/samples.js';

const ROOT = new URL('..', import.meta.url).pathname;
await init({ module_or_path: readFileSync(join(ROOT, 'www/pkg/sourcelight_bg.wasm')) });

// Written for this test: accents, emoji (two UTF-16 units each), curly quotes, an em dash,
// pronouns and several cue kinds, so that any code-point / byte / UTF-16 mix-up moves a span.
const UNICODE_TEXT = [
  'Zoë Müller 🇫🇷 says café owners “will not pay” the new tax',
  'PARIS — “We have been patient 😤 for two years, and patience is over,” said Zoë Müller, who runs a café near the Gare de l’Est. She added that owners would close on Friday.',
  'José Ángel Núñez, the city’s deputy mayor, said the tax was “fair and long overdue.” He warned that the city would not back down 🚫.',
  '“Nobody here is against paying their share,” Müller told reporters. The protest was allegedly organised by a rival group.',
].join('\n\n');

function allSpans(analysis) {
  const spans = [];
  for (const a of analysis.attributions) {
    for (const c of a.content) spans.push(c);
    if (a.speaker) spans.push(a.speaker);
    if (a.cue) spans.push(a.cue);
  }
  for (const h of analysis.hedges) spans.push(h.span);
  return spans;
}

test('spans are UTF-16 offsets: speaker, cue and hedge read back as their text', () => {
  const result = analyze(UNICODE_TEXT);
  assert.ok(result.attributions.length >= 3, `expected several statements, got ${result.attributions.length}`);
  for (const a of result.attributions) {
    if (a.speaker) assert.equal(UNICODE_TEXT.slice(a.speaker.start, a.speaker.end), a.speaker_text);
    if (a.cue) assert.equal(UNICODE_TEXT.slice(a.cue.start, a.cue.end), a.cue_text);
  }
  for (const h of result.hedges) assert.equal(UNICODE_TEXT.slice(h.span.start, h.span.end), h.text);
  for (const s of allSpans(result)) {
    assert.equal(s.block, 0);
    assert.ok(s.start >= 0 && s.start < s.end && s.end <= UNICODE_TEXT.length, `span ${JSON.stringify(s)} out of range`);
    // No span may cut a surrogate pair in two.
    assert.ok(!/^[\uDC00-\uDFFF]/.test(UNICODE_TEXT.slice(s.start)), `span starts inside an emoji: ${JSON.stringify(s)}`);
    assert.ok(!/[\uD800-\uDBFF]$/.test(UNICODE_TEXT.slice(0, s.end)), `span ends inside an emoji: ${JSON.stringify(s)}`);
  }
});

test('a quote after an emoji and accented names is found with its exact curly-quoted text', () => {
  const result = analyze(UNICODE_TEXT);
  const quote = '“We have been patient 😤 for two years, and patience is over,”';
  const found = result.attributions.find((a) => a.content.some((c) => UNICODE_TEXT.slice(c.start, c.end) === quote));
  assert.ok(found, `no statement spans exactly ${quote}; found: ${result.attributions.map((a) => a.content.map((c) => UNICODE_TEXT.slice(c.start, c.end)).join(' … ')).join(' | ')}`);
  assert.equal(found.kind, 'direct');
  assert.equal(found.speaker_text, 'Zoë Müller');
  assert.equal(result.parties[found.party].name, 'Zoë Müller');
});

test('analyzeBlocks keeps the caller’s block ids and gives offsets within each block', () => {
  const blocks = UNICODE_TEXT.split('\n\n').map((text, i) => ({ id: `p-${i}`, text }));
  const byId = new Map(blocks.map((b) => [b.id, b.text]));
  const result = analyzeBlocks(blocks);
  assert.ok(result.attributions.length >= 3);
  for (const a of result.attributions) {
    if (a.speaker) assert.equal(byId.get(a.speaker.block).slice(a.speaker.start, a.speaker.end), a.speaker_text);
    if (a.cue) assert.equal(byId.get(a.cue.block).slice(a.cue.start, a.cue.end), a.cue_text);
  }
  for (const s of allSpans(result)) assert.ok(byId.has(s.block), `unknown block id ${JSON.stringify(s.block)}`);
  // Blocks joined by a blank line are the same document as the plain text.
  const plain = analyze(UNICODE_TEXT);
  assert.equal(result.attributions.length, plain.attributions.length);
  assert.deepEqual(result.parties, plain.parties);
});

test('numeric block ids come back as numbers', () => {
  const result = analyzeBlocks([{ id: 7, text: '“It is over,” said Anna Berg.' }]);
  assert.ok(result.attributions.length >= 1);
  for (const s of allSpans(result)) assert.equal(s.block, 7);
});

test('bad input to analyzeBlocks is a clear JS error, not a wrong answer', () => {
  assert.throws(() => analyzeBlocks('not blocks'), /analyzeBlocks expects an array of \{id, text(, role)?\}/);
  assert.throws(() => analyzeBlocks([{ id: 1 }]), /analyzeBlocks expects an array of \{id, text(, role)?\}/);
});

test('empty text, binary junk and lone surrogates give a result, not a crash', () => {
  assert.deepEqual(analyze(''), { attributions: [], parties: [], hedges: [] });
  let junk = '';
  let seed = 12345;
  for (let i = 0; i < 20000; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    junk += String.fromCharCode(seed % 65536);
  }
  const result = analyze(junk);
  assert.ok(Array.isArray(result.attributions) && Array.isArray(result.parties) && Array.isArray(result.hedges));
});

// ---- the same text gives the same result as the native CLI --------------------------------

function cli() {
  const bin = join(ROOT, 'target/release/sourcelight');
  if (!existsSync(bin)) execFileSync('cargo', ['build', '--release', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  return bin;
}

/** The CLI's analysis (code-point offsets) in the facade's shape (UTF-16 offsets, block 0). */
function nativeAnalysis(text) {
  const dir = mkdtempSync(join(tmpdir(), 'sourcelight-'));
  const file = join(dir, 'article.txt');
  writeFileSync(file, text);
  const out = JSON.parse(execFileSync(cli(), ['analyze', file], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  const utf16 = [0];
  for (const ch of text) utf16.push(utf16[utf16.length - 1] + ch.length);
  const span = (s) => (s ? { block: 0, start: utf16[s[0]], end: utf16[s[1]] } : null);
  return {
    // Every field the engine gives, spans converted; `text` is the CLI's addition for people.
    attributions: out.attributions.map(({ text: _, ...a }) => ({
      ...a,
      content: a.content.map(span),
      speaker: span(a.speaker),
      cue: span(a.cue),
    })),
    parties: out.parties,
    hedges: out.hedges.map((h) => ({ span: span(h.span), text: h.text })),
  };
}

const comparable = [{ name: 'the Unicode fixture', text: UNICODE_TEXT }, ...samples.map((s) => ({ name: `sample “${s.title}”`, text: s.text }))];
for (const { name, text } of comparable) {
  test(`wasm and native CLI agree on ${name}`, () => {
    const native = nativeAnalysis(text);
    const wasm = analyze(text);
    assert.ok(native.attributions.length > 0, 'the CLI found nothing: the comparison would be empty');
    assert.deepEqual(wasm, native);
  });
}
