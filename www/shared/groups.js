// An analysis as the reader meets it: statements with their text, grouped by party (or side),
// the largest groups first.
//
// Contract (DOM-free, shared by the demo page, the popup and the background):
// - `withTexts(analysis, textOfBlock)` adds to each attribution a `text` field, its content
//   parts joined with " … ", given `textOfBlock(blockId)`, and `words`, the number of words in
//   them (`countWords`: runs of non-space characters that hold a letter or a digit, so that a
//   dash or the " … " between parts is no word). The renderers read `text` and `words` and
//   nothing else of the source, because the popup has no page text.
// - `withoutIntentions(analysis)` leaves out the statements of wishes and plans (cue class
//   "intention"), for readers who chose to see assertions only; parties left with no
//   statement and that no statement left aims at go too, and the others are numbered again
//   in order (speakers first, then parties that are only targets), `target` with them.
// - `groupOf(party, grouping)` is the `{key, name, side}` of the group a party falls in.
// - `groupParties(analysis, grouping)`, grouping "person" (one group per party) or "side" (the
//   parties that share a country, else an organization; a party with neither stays alone),
//   returns groups `{key, name, detail, kind, rank, color, parties, attributions, statements}`
//   sorted by number of statements, then by first statement; the statements with no party
//   come last (key "none"). `color` is the rank for the RANKED largest groups and null for the
//   others and for "none": they share the grey look, and the card names them.
// - `colorOfAttribution(groups)` turns groups into `i => colour | null`, for painting.
//
// Why by size: the reader's first question is who speaks most; listing by first appearance
// put a one-line party above the article's main voice. Colours follow rank so that the
// largest parties get the most distinct ones (palette.js).

import { RANKED } from './palette.js';

const SEPARATOR = ' … ';

const WORD = /[\p{L}\p{N}]\S*/gu;

/** The number of words in `text`: runs of non-space characters with a letter or digit in them. */
export function countWords(text) {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) n++;
  return n;
}

/** A copy of `analysis` whose attributions carry their `text` and `words`. */
export function withTexts(analysis, textOfBlock) {
  return {
    ...analysis,
    attributions: analysis.attributions.map((a) => {
      const parts = a.content.map((s) => textOfBlock(s.block).slice(s.start, s.end));
      return { ...a, text: parts.join(SEPARATOR), words: parts.reduce((n, part) => n + countWords(part), 0) };
    }),
  };
}

/** `analysis` without its statements of wishes and plans; see the header comment. */
export function withoutIntentions(analysis) {
  const attributions = analysis.attributions.filter((a) => a.cue_class !== 'intention');
  const kept = new Map();
  for (const a of attributions) if (a.party != null && !kept.has(a.party)) kept.set(a.party, kept.size);
  for (const a of attributions) if (a.target != null && !kept.has(a.target)) kept.set(a.target, kept.size);
  const count = new Map();
  for (const a of attributions) if (a.party != null) count.set(a.party, (count.get(a.party) ?? 0) + 1);
  const parties = analysis.parties
    .filter((p) => kept.has(p.id))
    .sort((p, q) => kept.get(p.id) - kept.get(q.id))
    .map((p) => ({ ...p, id: kept.get(p.id), ...('statements' in p ? { statements: count.get(p.id) ?? 0 } : {}) }));
  const renumber = (a) => ({ ...a, ...(a.party != null && { party: kept.get(a.party) }), ...(a.target != null && { target: kept.get(a.target) }) });
  return { ...analysis, parties, attributions: attributions.map(renumber) };
}

/** The group party `p` falls in under `grouping`: `{key, name, side}`; see the header comment. */
export function groupOf(p, grouping) {
  const side = grouping === 'side' ? sideOf(p) : null;
  return side ? { key: `side:${side}`, name: side, side: true } : { key: `party:${p.id}`, name: p.name, side: false };
}

/** Groups of parties for the legend, the claims and the colours; see the header comment. */
export function groupParties(analysis, grouping = 'person') {
  if (grouping !== 'person' && grouping !== 'side') throw new Error(`unknown grouping "${grouping}"`);
  const groups = [];
  const byKey = new Map();
  const groupOfParty = analysis.parties.map((p) => {
    const { key, name, side } = groupOf(p, grouping);
    let group = byKey.get(key);
    if (!group) {
      group = { key, name, detail: '', kind: side ? 'side' : p.kind, rank: 0, color: null, parties: [], attributions: [], statements: 0 };
      byKey.set(key, group);
      groups.push(group);
    }
    group.parties.push(p.id);
    return group;
  });
  let nobody = null;
  analysis.attributions.forEach((a, i) => {
    let group = a.party == null ? null : groupOfParty[a.party];
    if (!group) {
      nobody ||= { key: 'none', name: 'Speaker not identified', detail: '', kind: 'unknown', rank: null, color: null, parties: [], attributions: [], statements: 0 };
      group = nobody;
    }
    group.attributions.push(i);
    group.statements++;
  });
  const shown = groups.filter((g) => g.statements > 0);
  const first = (g) => g.attributions[0];
  shown.sort((g, h) => h.statements - g.statements || first(g) - first(h));
  shown.forEach((g, rank) => {
    g.rank = rank;
    g.color = rank < RANKED ? rank : null;
    g.detail = grouping === 'side' && g.kind === 'side'
      ? g.parties.map((id) => analysis.parties[id].name).join(', ')
      : describeParty(analysis.parties[g.parties[0]]);
  });
  if (nobody) shown.push(nobody);
  return shown;
}

// The side a party speaks for: its country, else its organization, else itself when it is one.
function sideOf(p) {
  if (p.side) return p.side;
  if (p.affiliation) return p.affiliation;
  if (p.kind === 'country' || p.kind === 'organization' || p.kind === 'media') return p.name;
  return null;
}

// What a party is, in the reader's words: "Foreign Minister · Norway", "country".
const KINDS = { organization: 'organization', country: 'country', media: 'news outlet' };

function describeParty(p) {
  return [KINDS[p.kind], p.role, p.affiliation, p.side].filter((x, i, all) => x && x !== p.name && all.indexOf(x) === i).join(' · ');
}

/** `i => colour | null` for the attributions of `groups`. */
export function colorOfAttribution(groups) {
  const colour = new Map();
  for (const g of groups) for (const i of g.attributions) colour.set(i, g.color);
  return (i) => (colour.has(i) ? colour.get(i) : null);
}
