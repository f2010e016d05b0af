// What the demo's tooltip says about a statement or a hedge under the pointer.
//
// `describe(hit, {analysis, groups, grouping})` gives `{title, lines}` for `{attribution: i}`
// or `{hedge: i}`: the party as title, then the speaker as written, the side when grouping by
// side, the cue with its class, the kind of quote, and the engine's rule when it names one.
// Plain strings: the view puts them in with textContent.

import { foundBy } from './shared/render.js';

export function describe(hit, { analysis, groups, grouping }) {
  if (hit.hedge != null) {
    const h = analysis.hedges[hit.hedge];
    return { title: 'Hedge', lines: [`“${h.text}”: a claim attributed to no one.`] };
  }
  const a = analysis.attributions[hit.attribution];
  const party = a.party == null ? null : analysis.parties[a.party];
  const group = groups.find((g) => g.attributions.includes(hit.attribution));
  const lines = [];
  if (a.speaker_text) lines.push(`Speaker: “${a.speaker_text}”`);
  if (grouping === 'side' && group?.kind === 'side') lines.push(`Side: ${group.name}`);
  lines.push(`Cue: ${a.cue_text || 'none'}${a.cue_class ? ` (${a.cue_class})` : ''}`);
  lines.push(`Quote: ${a.kind}`);
  const rule = foundBy(a);
  if (rule) lines.push(`Found by: ${rule}`);
  return { title: party ? party.name : 'Speaker not identified', lines };
}
