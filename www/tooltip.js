// What the demo's card says about a statement or a hedge under the pointer.
//
// `describe(hit, {analysis, groups, grouping})` gives `{title, lines: [[label, value]]}` for
// `{attribution: i}` or `{hedge: i}`: the shared card (shared/words.js), which the extension's
// card on the page says too, with the side when the reader groups by side. Plain strings: the
// view puts them in with textContent.

import { statementCard } from './shared/words.js';

export function describe(hit, { analysis, groups, grouping }) {
  const group = hit.attribution != null && grouping === 'side' ? groups.find((g) => g.attributions.includes(hit.attribution)) : null;
  return statementCard(analysis, hit, group?.kind === 'side' ? group.name : null);
}
