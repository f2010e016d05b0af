// The exports: a summary in Markdown a journalist can paste, and the analysis as JSON.
//
// Contract (DOM-free; render.js exports both too):
// - `toMarkdown(analysis, {grouping})`: "# Who said what", the count, then the summary (share
//   of the words per party or side, how the sources are given, who answers whom), then one
//   section per party or side, largest first, each statement with its verb, kind, the speaker
//   as written, how its source is given when it is not a named person, and whom it aims at,
//   all in the reader's words (words.js); then the hedges.
// - `toJSON(analysis)`: the analysis, pretty-printed: every engine field (`sourcing`,
//   `target` among them) and the `text` and `words` the page added.
// Page text is escaped so that it stays text: a quote cannot start a heading or a link.

import { groupParties } from './groups.js';
import { kindWord, verbLine, SOURCING, HEDGED, targetName } from './words.js';
import { shareOfVoice, sourcingCounts, answers, answerLine, percent } from './summary.js';

const plural = (n, one, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

// Markdown that shows text as text: backslash the characters that would start markup, and
// fold line breaks so that a claim stays one list item.
function mdText(s) {
  return String(s).replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

function summary(analysis, groups, grouping) {
  const share = shareOfVoice(analysis, groups);
  const lines = ['', '## Summary', '', `Share of the ${plural(share.words, 'quoted or reported word')}, by ${grouping === 'side' ? 'side' : 'person'}:`, ''];
  for (const s of share.segments) lines.push(`- ${mdText(s.name)}: ${percent(s.share)} (${plural(s.words, 'word')}, ${plural(s.statements, 'statement')})`);
  const counts = sourcingCounts(analysis);
  const kinds = Object.entries(SOURCING).map(([cls, { label }]) => `${label} ${counts[cls]}`);
  lines.push('', `How sources are given: ${[...kinds, `${HEDGED.label} ${counts.hedged}`].join(' · ')}.`);
  const pairs = answers(analysis, groups, grouping);
  if (pairs.length) lines.push('', `Who answers whom: ${pairs.map((p) => mdText(answerLine(p))).join(' · ')}.`);
  return lines;
}

// A statement's details after its verb: kind, name as written, source, target.
function details(analysis, a) {
  const parts = [kindWord(a.kind)];
  if (a.speaker_text) parts.push(`named as “${mdText(a.speaker_text)}”`);
  if (a.sourcing && a.sourcing !== 'person' && SOURCING[a.sourcing]) parts.push(`source: ${SOURCING[a.sourcing].card}`);
  const target = targetName(analysis, a);
  if (target) parts.push(`aimed at ${mdText(target)}`);
  return parts.join(', ');
}

/** A per-party summary in Markdown, largest party first; see the header comment. */
export function toMarkdown(analysis, { grouping = 'person' } = {}) {
  const groups = groupParties(analysis, grouping);
  const parties = groups.filter((g) => g.key !== 'none').length;
  const lines = ['# Who said what', '', `${plural(analysis.attributions.length, 'statement')} from ${plural(parties, 'party', 'parties')}.`];
  if (analysis.attributions.length) lines.push(...summary(analysis, groups, grouping));
  for (const g of groups) {
    lines.push('', `## ${mdText(g.name)} (${plural(g.statements, 'statement')})`);
    if (g.detail) lines.push('', `*${mdText(g.detail)}*`);
    lines.push('');
    for (const i of g.attributions) {
      const a = analysis.attributions[i];
      lines.push(`- **${mdText(verbLine(a))}** (${details(analysis, a)}): ${mdText(a.text ?? '')}`);
    }
  }
  if (analysis.hedges?.length) {
    lines.push('', `## ${HEDGED.label}`, '');
    const counts = new Map();
    for (const h of analysis.hedges) counts.set(h.text.toLowerCase(), (counts.get(h.text.toLowerCase()) || 0) + 1);
    for (const [text, n] of counts) lines.push(`- “${mdText(text)}”${n > 1 ? ` × ${n}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The analysis as pretty-printed JSON. */
export function toJSON(analysis) {
  return `${JSON.stringify(analysis, null, 2)}\n`;
}
