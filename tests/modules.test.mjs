// Tests in Node of the pure parts of the modules the demo page and the extension share, and of
// the content script's: highlight names and rules, the offset search, how a painting groups
// ranges, re-anchoring, the composed tree, parties in order of size with colours by rank, the
// plain words of cards and statements (with the engine's `frame`, the rule that found a
// statement, only when an attribution has one), and the popup's plain error messages. What
// needs a real DOM (Ranges, hit-testing, painting) is tested in the browsers.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { highlightLooks, highlightCss, statementHighlight, speakerHighlight } from '../www/shared/highlight.js';
import { paintAnalysis } from '../www/shared/painting.js';
import { pieceAt } from '../www/shared/textmap.js';
import { withoutIntentions, groupParties, colorOfAttribution } from '../www/shared/render.js';
import { foundBy, kindWord, verbWord, statementSentence, statementCard } from '../www/shared/words.js';
import { plainError } from '../extension/plain-errors.js';
import { describe } from '../www/tooltip.js';
import { textBlocks, inText } from '../www/blocks.js';
import { cardLines } from '../extension/content/card.js';
import { reanchor } from '../extension/content/observer.js';
import { composedParent, composedContains } from '../extension/content/dom.js';

test('highlight rules are written from the colours as data', () => {
  const css = highlightCss(highlightLooks('light', 1));
  assert.equal(
    css.slice(0, css.indexOf('\n@media')),
    [
      '::highlight(sourcelight-p0) { background-color: #FCD87E; }',
      '::highlight(sourcelight-i0) { background-color: rgba(252, 216, 126, 0.45); text-decoration: underline dotted #78660C 2px; }',
      '::highlight(sourcelight-s0) { text-decoration: underline solid #78660C 3px; }',
      '::highlight(sourcelight-n) { background-color: #D6D6D6; }',
      '::highlight(sourcelight-in) { background-color: rgba(214, 214, 214, 0.45); text-decoration: underline dotted #6B6B6B 2px; }',
      '::highlight(sourcelight-sn) { text-decoration: underline solid #6B6B6B 3px; }',
      '::highlight(sourcelight-hedge) { text-decoration: underline dotted #6B6B6B 2px; }',
      '::highlight(sourcelight-anon) { text-decoration: overline solid #1D1D1F 2px; }',
      '::highlight(sourcelight-flash) { background-color: #1D1D1F; color: #FFFFFF; }',
    ].join('\n'),
  );
  // The <mark> fallback reads its fills from the same data; speakers have none. Past eight
  // colours there are no more looks: the smaller parties are painted in the grey of no party.
  const looks = highlightLooks('dark', 12);
  assert.equal(looks.get(statementHighlight(7))['background-color'], '#664200');
  assert.equal(looks.get(speakerHighlight(7))['background-color'], undefined);
  assert.match(looks.get(speakerHighlight(7))['text-decoration'], /^underline wavy #D2964E/);
  assert.equal(looks.has(statementHighlight(8)), false);
});

test('the offset search finds the piece holding an offset', () => {
  const starts = [0, 5, 9, 9, 20];
  assert.equal(pieceAt(starts, 0), 0);
  assert.equal(pieceAt(starts, 4), 0);
  assert.equal(pieceAt(starts, 5), 1, 'a start on a boundary belongs to the next piece');
  assert.equal(pieceAt(starts, 9), 3, 'an empty piece is passed over');
  assert.equal(pieceAt(starts, 99), 4);
  assert.equal(pieceAt([], 3), 0);
});

test('a painting groups ranges by highlight name and knows their owners', () => {
  const analysis = {
    attributions: [
      { content: [{ block: 0, start: 0, end: 4 }, { block: 1, start: 0, end: 2 }], speaker: { block: 0, start: 5, end: 8 } },
      { content: [{ block: 2, start: 0, end: 3 }], speaker: null },
    ],
    hedges: [{ span: { block: 1, start: 3, end: 6 } }],
  };
  const place = (span) => (span.block === 2 ? [] : [{ span }]); // block 2 is gone
  const painting = paintAnalysis(analysis, (i) => (i === 0 ? 3 : null), place);
  assert.deepEqual([...painting.groups.keys()], ['sourcelight-p3', 'sourcelight-s3', 'sourcelight-hedge']);
  assert.equal(painting.groups.get('sourcelight-p3').length, 2);
  assert.deepEqual(painting.contentRanges.map((r) => r.length), [2, 0]);
  assert.deepEqual(painting.owner.get(painting.groups.get('sourcelight-hedge')[0]), { hedge: 0 });
  assert.deepEqual(painting.items.map((item) => [item.name, item.block]), [['sourcelight-p3', 0], ['sourcelight-p3', 1], ['sourcelight-s3', 0], ['sourcelight-hedge', 1]]);
});

test('a statement of a wish or plan is painted under its own, fainter highlight', () => {
  const analysis = {
    attributions: [
      { content: [{ block: 0, start: 0, end: 4 }], speaker: null, cue_class: 'intention' },
      { content: [{ block: 0, start: 5, end: 9 }], speaker: null, cue_class: 'neutral' },
    ],
    hedges: [],
  };
  const painting = paintAnalysis(analysis, () => 2, (span) => [{ span }]);
  assert.deepEqual([...painting.groups.keys()], ['sourcelight-i2', 'sourcelight-p2']);
  assert.equal(statementHighlight(null, 'intention'), 'sourcelight-in');
});

test('hiding wishes and plans drops their statements and the parties left with none', () => {
  const analysis = {
    attributions: [
      { party: 0, cue_class: 'intention' },
      { party: 1, cue_class: 'neutral' },
      { party: null, cue_class: 'intention' },
      { party: 2, cue_class: 'neutral' },
    ],
    parties: [{ id: 0, name: 'The council' }, { id: 1, name: 'Reyes' }, { id: 2, name: 'Marsh' }],
    hedges: [],
  };
  const shown = withoutIntentions(analysis);
  assert.deepEqual(shown.attributions.map((a) => a.party), [0, 1]);
  assert.deepEqual(shown.parties, [{ id: 0, name: 'Reyes' }, { id: 1, name: 'Marsh' }]);
  assert.equal(withoutIntentions(shown).attributions.length, 2, 'nothing else is dropped');
});

test('re-anchoring keeps the spans of blocks whose text is still there, in order', () => {
  const old = [{ id: 0, text: 'a' }, { id: 1, text: 'b' }, { id: 2, text: 'a' }];
  const now = [{ id: 0, text: 'a' }, { id: 1, text: 'c' }];
  const blockFor = reanchor(old, now);
  assert.equal(blockFor(0), now[0]);
  assert.equal(blockFor(1), null);
  assert.equal(blockFor(2), null, 'one new block stands for one old block');
});

test('the composed tree climbs from a shadow root to its host, and from a link to the link', () => {
  const host = { nodeType: 1, parentNode: null };
  const shadowRoot = { nodeType: 11, host };
  const link = { nodeType: 1, localName: 'a', host: '127.0.0.1:8000', parentNode: host }; // HTMLAnchorElement.host is a string
  const text = { nodeType: 3, parentNode: link };
  assert.equal(composedParent({ nodeType: 1, parentNode: shadowRoot }), host);
  assert.equal(composedParent(text), link);
  assert.ok(composedContains(host, text), 'text inside a link is inside the element around the link');
});

const analysis = {
  attributions: [
    { content: [], speaker_text: 'Reyes', cue_text: 'told', cue_class: 'neutral', kind: 'direct', party: 0 },
    { content: [], speaker_text: 'Reyes', cue_text: 'said', cue_class: 'neutral', kind: 'indirect', party: 0, frame: 'quote_then_speaker' },
  ],
  parties: [{ id: 0, name: 'Tomas Reyes', role: 'Councillor', affiliation: null }],
  hedges: [{ text: 'allegedly' }],
};

test('the rule that found a statement is named when the engine gives it', () => {
  assert.equal(foundBy(analysis.attributions[0]), null);
  assert.equal(foundBy(analysis.attributions[1]), 'quote then speaker');
});

test('plain words: kinds, verbs a reader knows, a statement as a sentence', () => {
  assert.deepEqual(['direct', 'mixed', 'indirect'].map(kindWord), ['quoted', 'partly quoted', 'paraphrased']);
  assert.deepEqual(['accusing', 'denying', 'warning', 'conceding', 'belief', 'neutral'].map(verbWord), ['accuses', 'denies', 'warns', 'admits', 'believes', 'says']);
  const withText = { ...analysis, attributions: analysis.attributions.map((a, i) => ({ ...a, text: ['This is reckless', 'the vote was rushed'][i] })) };
  assert.equal(statementSentence(withText, 0), 'Tomas Reyes said (quoted): This is reckless');
  assert.equal(statementSentence({ ...withText, attributions: [{ ...withText.attributions[1], party: null, cue_class: 'accusing' }] }, 0), 'Someone not identified accused (paraphrased): the vote was rushed');
});

test('the card, on the page and in the demo: who, role, name as written, verb, kind, and the rule only when there is one', () => {
  assert.deepEqual(cardLines(analysis, { attribution: 0 }), [['Who', 'Tomas Reyes'], ['Role', 'Councillor'], ['Named as', '“Reyes”'], ['Verb', 'told'], ['Quote', 'quoted']]);
  assert.deepEqual(cardLines(analysis, { attribution: 1 }).at(-1), ['Found by', 'quote then speaker']);
  assert.deepEqual(cardLines(analysis, { hedge: 0 }), [['Who', 'Hedged, no source'], ['Word', '“allegedly”'], ['Means', 'the text makes a claim without saying who makes it']]);
  const noCue = { ...analysis, attributions: [{ ...analysis.attributions[0], cue_text: null, cue_class: null }] };
  assert.deepEqual(statementCard(noCue, { attribution: 0 }).lines.find(([label]) => label === 'Verb'), ['Verb', 'none: the speaker of the passage around it']);
  const denies = { ...analysis, attributions: [{ ...analysis.attributions[0], cue_text: 'dismissed', cue_class: 'denying' }] };
  assert.deepEqual(statementCard(denies, { attribution: 0 }).lines.find(([label]) => label === 'Verb'), ['Verb', 'dismissed (denies)']);
  const groups = [{ key: 'side:Norway', kind: 'side', name: 'Norway', attributions: [0, 1] }];
  assert.deepEqual(describe({ attribution: 0 }, { analysis, groups, grouping: 'side' }).lines.find(([label]) => label === 'Side'), ['Side', 'Norway']);
  for (const line of cardLines(analysis, { attribution: 0 }).flat()) assert.doesNotMatch(line, /neutral|indirect|direct|cue/i, 'no engine jargon');
});

test('parties are ordered by statements, then first statement; the eight largest get colours 0–7, the rest and no party grey', () => {
  const parties = Array.from({ length: 10 }, (_, id) => ({ id, name: `P${id}`, kind: 'person' }));
  // Party 9 speaks three times, party 0 once first, parties 1–8 once each, and one statement has no party.
  const attributions = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, null, 9].map((party) => ({ party }));
  const groups = groupParties({ parties, attributions });
  assert.deepEqual(groups.map((g) => g.name), ['P9', 'P0', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'Speaker not identified']);
  assert.deepEqual(groups.map((g) => g.color), [0, 1, 2, 3, 4, 5, 6, 7, null, null, null]);
  const colorOf = colorOfAttribution(groups);
  assert.deepEqual([12, 0, 8, 11].map(colorOf), [0, 1, null, null]);
});

test('the popup’s errors in plain words with what to do', () => {
  assert.equal(plainError('No tab with id: 999999.'), 'This tab is no longer open. Go back to the article and click Sourcelight again.');
  assert.equal(plainError('Cannot access contents of the page. Extension manifest must request permission to access the respective host.'), 'Browser pages and the add-on store cannot be analyzed. Open a news article and click Sourcelight again.');
  assert.equal(plainError('Cannot access a chrome:// URL'), plainError('Missing host permission for the tab'));
  assert.equal(plainError('Could not establish connection. Receiving end does not exist.'), 'The page did not answer. Reload it and click Sourcelight again.');
  assert.doesNotMatch(plainError('RuntimeError: unreachable executed'), /RuntimeError/);
});

test('the demo cuts pasted text into blocks with the roles it shows, and maps spans back', () => {
  const text = 'Harbour bridge to open in May\nBy Jane Doe · 5:57 PM ET\n\nThe council voted.\n“We did,” she said.\n\nBy the end of May, it said, the bridge would open.';
  const blocks = textBlocks(text);
  assert.deepEqual(blocks.map((b) => [b.role, b.text]), [
    ['headline', 'Harbour bridge to open in May'],
    ['byline', 'By Jane Doe · 5:57 PM ET'],
    [undefined, 'The council voted.\n“We did,” she said.\n'],
    [undefined, 'By the end of May, it said, the bridge would open.'],
  ]);
  for (const b of blocks) assert.equal(text.slice(b.start, b.start + b.text.length), b.text, 'a block is a slice of the text');
  assert.equal(textBlocks('The council voted, the mayor said.\nMore.')[0].role, undefined, 'a sentence is no headline');
  const analysis = { attributions: [{ content: [{ block: 2, start: 19, end: 28 }], speaker: { block: 2, start: 29, end: 32 }, cue: null }], hedges: [{ span: { block: 3, start: 0, end: 2 } }] };
  const moved = inText(analysis, blocks);
  assert.equal(text.slice(moved.attributions[0].content[0].start, moved.attributions[0].content[0].end), '“We did,”');
  assert.equal(moved.attributions[0].speaker.block, 0);
  assert.equal(text.slice(moved.hedges[0].span.start, moved.hedges[0].span.end), 'By');
});
