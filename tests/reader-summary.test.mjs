// The reader's summary in Node, without a DOM: words counted, the share of voice, sourcing
// counts, who answers whom, each party in one line, the card's and the Markdown's plain words,
// and statements of wishes and plans left out without losing whom the others aim at. First on
// small analyses made by hand, then on the demo's cyberattack sample through the real engine,
// against the answers a reader counts in it. The browser tests read the same figures back from
// the demo page and the popup.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { initSync, analyze } from '../www/pkg/sourcelight.js';
import { withTexts, withoutIntentions, groupParties, toMarkdown } from '../www/shared/render.js';
import { countWords } from '../www/shared/groups.js';
import { shareOfVoice, sourcingCounts, answers, answerLine, partyLine, percent } from '../www/shared/summary.js';
import { statementCard } from '../www/shared/words.js';
import { samples } from '../www/samples.js';
import { CYBERATTACK } from './fixtures/summary-answers.mjs';

initSync({ module: fs.readFileSync(new URL('../www/pkg/sourcelight_bg.wasm', import.meta.url)) });

test('words: runs of non-space characters with a letter or digit; dashes and the parts’ separator are none', () => {
  assert.equal(countWords('The “attack” — was 4% … done.'), 5);
  assert.equal(countWords(''), 0);
  const text = 'Iran said “no” — twice.';
  const analysis = withTexts({ attributions: [{ content: [{ block: 0, start: 10, end: 14 }, { block: 0, start: 17, end: 23 }] }], parties: [], hedges: [] }, () => text);
  assert.equal(analysis.attributions[0].text, '“no” … twice.');
  assert.equal(analysis.attributions[0].words, 2);
});

// Ten parties of one statement of 10 words each, party 9 with two more, one statement with no party.
function crowd() {
  const parties = Array.from({ length: 10 }, (_, id) => ({ id, name: `P${id}`, kind: 'person' }));
  const attributions = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, null].map((party) => ({ party, words: 10, cue_class: 'neutral', sourcing: 'person', target: null }));
  return { parties, attributions, hedges: [] };
}

test('share of voice: eight segments of their own, the smaller parties as one grey segment, then no party', () => {
  const analysis = crowd();
  const share = shareOfVoice(analysis, groupParties(analysis));
  assert.equal(share.words, 130);
  assert.deepEqual(share.segments.map((s) => [s.key, s.color, s.statements, s.words]), [
    ['party:9', 0, 3, 30], ['party:0', 1, 1, 10], ['party:1', 2, 1, 10], ['party:2', 3, 1, 10], ['party:3', 4, 1, 10],
    ['party:4', 5, 1, 10], ['party:5', 6, 1, 10], ['party:6', 7, 1, 10], ['smaller', null, 2, 20], ['none', null, 1, 10],
  ]);
  assert.equal(share.segments.find((s) => s.key === 'smaller').name, '2 smaller parties');
  assert.deepEqual(share.segments.find((s) => s.key === 'smaller').groups, ['party:7', 'party:8']);
  assert.equal(share.segments.reduce((n, s) => n + s.share, 0).toFixed(9), '1.000000000');
  assert.deepEqual([0, 0.004, 0.3049, 0.5].map(percent), ['0%', '<1%', '30%', '50%']);
});

test('who answers whom: one line per speaker, verb and target, by person and by side; a target that never speaks is named', () => {
  const parties = [
    { id: 0, name: 'Arben Kola', kind: 'person', side: 'Albania' },
    { id: 1, name: 'Iran', kind: 'country', side: 'Iran' },
    { id: 2, name: 'Elira Dushi', kind: 'person', side: 'Albania' },
    { id: 3, name: 'the government', kind: 'organization', side: null, statements: 0 },
  ];
  const at = (party, cue_class, target) => ({ party, cue_class, target, words: 3, sourcing: 'person' });
  const analysis = { parties, hedges: [], attributions: [at(0, 'accusing', 1), at(1, 'denying', 0), at(2, 'accusing', 1), at(null, 'critical', 3), at(0, 'neutral', null)] };
  assert.deepEqual(answers(analysis, groupParties(analysis, 'person'), 'person').map(answerLine), ['Arben Kola accuses Iran ×1', 'Iran denies Arben Kola ×1', 'Elira Dushi accuses Iran ×1', 'Someone not identified criticizes the government ×1']);
  assert.deepEqual(answers(analysis, groupParties(analysis, 'side'), 'side').map(answerLine), ['Albania accuses Iran ×2', 'Iran denies Albania ×1', 'Someone not identified criticizes the government ×1']);
});

test('each party in one line: verbs with counts, most first, and its first statement', () => {
  const parties = [{ id: 0, name: 'Kola', kind: 'person' }];
  const analysis = { parties, hedges: [], attributions: ['neutral', 'accusing', 'denying', 'accusing', null].map((cue_class) => ({ party: 0, cue_class })) };
  const [group] = groupParties(analysis);
  assert.deepEqual(partyLine(analysis, group), { chips: [{ verb: 'says', count: 2 }, { verb: 'accuses', count: 2 }, { verb: 'denies', count: 1 }], lead: 0 });
});

test('leaving out wishes and plans keeps the parties that statements aim at, and renumbers targets with them', () => {
  const analysis = {
    parties: [{ id: 0, name: 'Council', statements: 1 }, { id: 1, name: 'Reyes', statements: 1 }, { id: 2, name: 'Marsh', statements: 0 }],
    attributions: [{ party: 0, cue_class: 'intention', target: null }, { party: 1, cue_class: 'critical', target: 0 }, { party: 1, cue_class: 'urging', target: 2 }],
    hedges: [],
  };
  const left = withoutIntentions(analysis);
  assert.deepEqual(left.parties.map((p) => [p.id, p.name, p.statements]), [[0, 'Reyes', 2], [1, 'Council', 0], [2, 'Marsh', 0]]);
  assert.deepEqual(left.attributions.map((a) => [a.party, a.target]), [[0, 1], [0, 2]]);
});

test('the card says how the source is given and whom a statement aims at, in plain words', () => {
  const analysis = {
    parties: [{ id: 0, name: 'Albanian official' }, { id: 1, name: 'Iran' }],
    attributions: [
      { party: 0, speaker_text: 'the official', cue_text: 'said', cue_class: 'neutral', kind: 'direct', sourcing: 'anonymous', target: null },
      { party: 0, speaker_text: 'the official', cue_text: 'accused', cue_class: 'accusing', kind: 'indirect', sourcing: 'unnamed', target: 1 },
    ],
    hedges: [],
  };
  const line = (i, label) => statementCard(analysis, { attribution: i }).lines.find(([l]) => l === label)?.[1];
  assert.equal(line(0, 'Source'), 'anonymous, the name withheld');
  assert.equal(line(0, 'Aimed at'), undefined);
  assert.equal(line(1, 'Source'), 'a group or role, no name');
  assert.equal(line(1, 'Aimed at'), 'Iran');
});

test(`the cyberattack sample through the engine: ${CYBERATTACK.statements} statements, the known shares, sources and answers`, () => {
  const text = samples.find((s) => s.id === 'cyberattack').text;
  const analysis = withTexts(analyze(text), () => text);
  assert.equal(analysis.attributions.length, CYBERATTACK.statements);
  assert.deepEqual(sourcingCounts(analysis), CYBERATTACK.sourcing);
  for (const grouping of ['person', 'side']) {
    const groups = groupParties(analysis, grouping);
    const share = shareOfVoice(analysis, groups);
    assert.deepEqual(share.segments.map((s) => [s.name, s.statements, s.words]), CYBERATTACK.share[grouping], `share of voice by ${grouping}`);
    assert.deepEqual(answers(analysis, groups, grouping).map(answerLine), CYBERATTACK.answers[grouping], `who answers whom by ${grouping}`);
  }
  const markdown = toMarkdown(analysis, { grouping: 'side' });
  assert.ok(markdown.includes('Who answers whom: Albania accuses Iran ×2 · Iran denies Albania ×1.'), 'the Markdown says who answers whom');
  assert.ok(markdown.includes('How sources are given: Named person 6 · Named organization or country 1 · Anonymous 3 · Group, no name 1 · Hedged, no source 1.'));
  assert.match(markdown, /\(quoted, named as “the official”, source: anonymous, the name withheld\): “We know who built them,”/);
  assert.match(markdown, /\(paraphrased, named as “Kola”, aimed at Iran\): Tehran of hiring/);
  assert.match(markdown, /- Albania: 68% \(76 words, 7 statements\)/);
});
