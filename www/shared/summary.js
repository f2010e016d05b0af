// The reader's summary of an analysis, as data: who got the floor, how the sources are given,
// who answers whom, and each party in one line.
//
// Contract (DOM-free, shared by the demo page, the popup and the Markdown export; every
// function takes the groups of `groupParties(analysis, grouping)`, made once by the caller):
// - `shareOfVoice(analysis, groups)`: `{words, statements, segments}`, the segments of the
//   stacked bar in order: one per group with a colour of its own (largest first), then one for
//   all the smaller parties together (key "smaller", grey), then the statements whose speaker
//   is not identified (key "none"). Each segment is `{key, name, color, statements, words,
//   share, groups}`: `words` is the sum of its statements' words (`withTexts` counts them;
//   quoted and reported alike), `share` its part of all attributed words (0 to 1), `groups`
//   the keys of the groups it stands for.
// - `sourcingCounts(analysis)`: statements per class of the engine's `sourcing` (person,
//   organization, anonymous, unnamed: every class, 0 when none) and `hedged`, the number of
//   hedges, claims with no source at all.
// - `answers(analysis, groups, grouping)`: who answers whom, `[{from, verb, to, count, first}]`,
//   one per speaker group, verb ("accuses", words.js) and target group, the most frequent
//   first, then in order of first statement. A target is named by its group under the same
//   grouping (by side, "Albania accuses Iran" gathers every Albanian voice); a party that is
//   only ever a target has a group of its own name. `answerLine(answer)` is it in words:
//   "Albania accuses Iran ×2".
// - `partyLine(analysis, group)`: `{chips: [{verb, count}], lead}`, its statements by the
//   reader's verb ("accuses 2 · denies 1 · says 3", the most frequent first) and the index of
//   its first statement in the text, the lead.
// - `groupWords(analysis, group)`: the words of a group's statements.
// - `percent(share)`: a share as the reader reads it: "27%", "<1%" for a sliver, "0%" for none.
//
// Why words and not characters or statements: statements alone make a one-line aside weigh
// as much as a long interview answer, and words are what a reader counts when asking "how
// much room did each side get". Why the smaller parties as one segment: past eight they are
// all one grey, and slivers of grey side by side would be neither readable nor pointable.

import { groupOf } from './groups.js';
import { verbWord, answerWord } from './words.js';

const wordsOf = (a) => a.words ?? 0;

/** The stacked bar's segments; see the header comment. */
export function shareOfVoice(analysis, groups) {
  const total = analysis.attributions.reduce((n, a) => n + wordsOf(a), 0);
  const segment = (key, name, color, members) => {
    let words = 0;
    let statements = 0;
    for (const g of members) {
      statements += g.statements;
      for (const i of g.attributions) words += wordsOf(analysis.attributions[i]);
    }
    return { key, name, color, statements, words, share: total ? words / total : 0, groups: members.map((g) => g.key) };
  };
  const own = groups.filter((g) => g.color != null);
  const smaller = groups.filter((g) => g.color == null && g.key !== 'none');
  const nobody = groups.filter((g) => g.key === 'none');
  const segments = own.map((g) => segment(g.key, g.name, g.color, [g]));
  if (smaller.length) segments.push(segment('smaller', `${smaller.length} smaller ${smaller.length === 1 ? 'party' : 'parties'}`, null, smaller));
  if (nobody.length) segments.push(segment('none', nobody[0].name, null, nobody));
  return { words: total, statements: analysis.attributions.length, segments };
}

/** Statements per sourcing class, and the hedges; see the header comment. */
export function sourcingCounts(analysis) {
  const counts = { person: 0, organization: 0, anonymous: 0, unnamed: 0 };
  for (const a of analysis.attributions) if (a.sourcing in counts) counts[a.sourcing]++;
  return { ...counts, hedged: analysis.hedges?.length ?? 0 };
}

/** Who answers whom, most frequent first; see the header comment. */
export function answers(analysis, groups, grouping) {
  const groupName = new Map();
  for (const g of groups) for (const i of g.attributions) groupName.set(i, g.key === 'none' ? 'Someone not identified' : g.name);
  const found = new Map();
  analysis.attributions.forEach((a, i) => {
    const target = Number.isInteger(a.target) ? analysis.parties[a.target] : null;
    if (!target) return;
    const from = groupName.get(i);
    const verb = answerWord(a.cue_class);
    const to = groupOf(target, grouping).name;
    const key = `${from}\u0000${verb}\u0000${to}`;
    const line = found.get(key);
    if (line) line.count++;
    else found.set(key, { from, verb, to, count: 1, first: i });
  });
  return [...found.values()].sort((x, y) => y.count - x.count || x.first - y.first);
}

/** "Albania accuses Iran ×2". */
export const answerLine = ({ from, verb, to, count }) => `${from} ${verb} ${to} ×${count}`;

/** A group's statements by verb, and its lead; see the header comment. */
export function partyLine(analysis, group) {
  const counts = new Map();
  for (const i of group.attributions) {
    const verb = verbWord(analysis.attributions[i].cue_class);
    counts.set(verb, (counts.get(verb) ?? 0) + 1);
  }
  // Ties keep the order in which the verbs first appear.
  const chips = [...counts].map(([verb, count]) => ({ verb, count })).sort((x, y) => y.count - x.count);
  return { chips, lead: group.attributions[0] ?? null }; // a group lists its statements in text order
}

/** The words of a group's statements. */
export const groupWords = (analysis, group) => group.attributions.reduce((n, i) => n + wordsOf(analysis.attributions[i]), 0);

/** A share as a reader reads it: "27%", "<1%", "0%". */
export function percent(share) {
  if (share <= 0) return '0%';
  if (share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}
