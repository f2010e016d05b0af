// Renders an analysis as a party legend, a list of claims, Markdown and JSON.
//
// Contract (shared by the demo page and the extension popup; DOM only, no dependencies):
// - `withTexts(analysis, textOfBlock)` adds to each attribution a `text` field, its content
//   parts joined with " … ", given `textOfBlock(blockId)`. The renderers below read `text`
//   and nothing else of the source, because the popup has no page text.
// - `groupParties(analysis, grouping)`, grouping "person" (one group per party) or "side" (the
//   parties that share a country, else an organization; a party with neither stays alone),
//   returns groups `{key, name, detail, kind, color, parties, attributions, statements}` in
//   order of first statement. `color` is the index to give `partyColor` (with "person" it is
//   the party id), null for the group of statements with no party, which comes last.
// - `colorOfAttribution(groups)` turns groups into `i => colour index | null`, for painting.
// - `withoutIntentions(analysis)` leaves out the statements of wishes and plans (cue class
//   "intention"), for readers who chose to see assertions only; parties left with no
//   statement go too, and the others are numbered again in order.
// - `foundBy(attribution)` names the engine's rule that found a statement, for the hover cards
//   of the demo and the page, or null when the engine does not say.
// - `renderLegend(container, analysis, {grouping, palette, onSelect(group)})` and
//   `renderClaims(container, analysis, {grouping, palette, onClaimClick(attributionIndex),
//   maxPerGroup})` replace the container's children. Every entry is a <button>, so that
//   keyboard users reach it with Tab and press it with Enter or Space. `maxPerGroup` lists
//   that many claims a group and a "Show all" button for the rest: thousands of buttons for
//   a book-length text would hold the page for a second or more.
// - `toMarkdown(analysis, {grouping})`: a per-party summary a journalist can paste;
//   `toJSON(analysis)`: the analysis, pretty-printed.
// Text always goes in through textContent: page text is never parsed as markup.

import { partyColor, neutralColor } from './palette.js';

const SEPARATOR = ' … ';

/** A copy of `analysis` whose attributions carry their `text`. */
export function withTexts(analysis, textOfBlock) {
  return {
    ...analysis,
    attributions: analysis.attributions.map((a) => ({
      ...a,
      text: a.content.map((s) => textOfBlock(s.block).slice(s.start, s.end)).join(SEPARATOR),
    })),
  };
}

/** `analysis` without its statements of wishes and plans; see the header comment. */
export function withoutIntentions(analysis) {
  const attributions = analysis.attributions.filter((a) => a.cue_class !== 'intention');
  const kept = new Map();
  for (const a of attributions) if (a.party != null && !kept.has(a.party)) kept.set(a.party, kept.size);
  const count = new Map();
  for (const a of attributions) if (a.party != null) count.set(a.party, (count.get(a.party) ?? 0) + 1);
  const parties = analysis.parties
    .filter((p) => kept.has(p.id))
    .sort((p, q) => kept.get(p.id) - kept.get(q.id))
    .map((p) => ({ ...p, id: kept.get(p.id), ...('statements' in p ? { statements: count.get(p.id) } : {}) }));
  return { ...analysis, parties, attributions: attributions.map((a) => (a.party == null ? a : { ...a, party: kept.get(a.party) })) };
}

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The rule that found `attribution` ("quote then speaker" for `quote_then_speaker`), or null. */
export function foundBy(attribution) {
  return typeof attribution.frame === 'string' && attribution.frame ? attribution.frame.replaceAll('_', ' ') : null;
}

/** Groups of parties for the legend, the claims and the colours; see the header comment. */
export function groupParties(analysis, grouping = 'person') {
  if (grouping !== 'person' && grouping !== 'side') throw new Error(`unknown grouping "${grouping}"`);
  const groups = [];
  const byKey = new Map();
  const groupOfParty = analysis.parties.map((p) => {
    const side = grouping === 'side' ? sideOf(p) : null;
    const key = side ? `side:${side}` : `party:${p.id}`;
    let group = byKey.get(key);
    if (!group) {
      group = { key, name: side || p.name, detail: '', kind: side ? 'side' : p.kind, color: groups.length, parties: [], attributions: [], statements: 0 };
      byKey.set(key, group);
      groups.push(group);
    }
    group.parties.push(p.id);
    return group;
  });
  // Parties come in order of first statement, so groups do too; with "person" the colour of a
  // group is therefore its party id, as the engine's contract says.
  let nobody = null;
  analysis.attributions.forEach((a, i) => {
    let group = a.party == null ? null : groupOfParty[a.party];
    if (!group) {
      nobody ||= { key: 'none', name: 'Speaker not identified', detail: '', kind: 'unknown', color: null, parties: [], attributions: [], statements: 0 };
      group = nobody;
    }
    group.attributions.push(i);
    group.statements++;
  });
  for (const g of groups) {
    g.detail = grouping === 'side' && g.kind === 'side'
      ? g.parties.map((id) => analysis.parties[id].name).join(', ')
      : describeParty(analysis.parties[g.parties[0]]);
  }
  if (nobody) groups.push(nobody);
  return groups;
}

// The side a party speaks for: its country, else its organization, else itself when it is one.
function sideOf(p) {
  if (p.side) return p.side;
  if (p.affiliation) return p.affiliation;
  if (p.kind === 'country' || p.kind === 'organization' || p.kind === 'media') return p.name;
  return null;
}

function describeParty(p) {
  return [p.kind, p.role, p.affiliation, p.side].filter((x, i, all) => x && x !== 'unknown' && all.indexOf(x) === i).join(' · ');
}

/** `i => colour index | null` for the attributions of `groups`. */
export function colorOfAttribution(groups) {
  const colour = new Map();
  for (const g of groups) for (const i of g.attributions) colour.set(i, g.color);
  return (i) => (colour.has(i) ? colour.get(i) : null);
}

function el(doc, tag, className, text) {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

function swatch(doc, group, palette) {
  const c = group.color == null ? neutralColor(palette) : partyColor(group.color, palette);
  const s = el(doc, 'span', 'sl-swatch');
  s.style.backgroundColor = c.base;
  // Past the palette's hues a colour comes back with another line style: show that style.
  if (c.line !== 'solid') s.style.borderBottom = `3px ${c.line} currentColor`;
  s.setAttribute('aria-hidden', 'true');
  return s;
}

/** The party legend: one button a group with its colour, name, description and count. */
export function renderLegend(container, analysis, { grouping = 'person', palette = 'light', onSelect } = {}) {
  const doc = container.ownerDocument;
  const groups = groupParties(analysis, grouping);
  const list = el(doc, 'ul', 'sl-legend');
  for (const g of groups) {
    const button = el(doc, 'button', 'sl-legend-item');
    button.type = 'button';
    button.dataset.group = g.key;
    button.dataset.statements = String(g.statements);
    if (g.color != null) button.dataset.color = String(g.color);
    button.title = `${g.name}: ${plural(g.statements, 'statement')}`;
    const label = el(doc, 'span', 'sl-legend-label');
    label.append(el(doc, 'span', 'sl-name', g.name));
    if (g.detail) label.append(el(doc, 'span', 'sl-detail', g.detail));
    button.append(swatch(doc, g, palette), label, el(doc, 'span', 'sl-count', String(g.statements)));
    if (onSelect) button.addEventListener('click', () => onSelect(g));
    const item = el(doc, 'li');
    item.append(button);
    list.append(item);
  }
  container.replaceChildren(list);
  return groups;
}

/** Per group, its claims with cue verb, cue class, kind and the speaker as written. */
export function renderClaims(container, analysis, { grouping = 'person', palette = 'light', onClaimClick, maxPerGroup = Infinity } = {}) {
  const doc = container.ownerDocument;
  const groups = groupParties(analysis, grouping);
  const claim = (i, colour) => {
    const a = analysis.attributions[i];
    const button = el(doc, 'button', 'sl-claim');
    button.type = 'button';
    button.dataset.attribution = String(i);
    button.style.borderInlineStartColor = colour.base;
    button.style.borderInlineStartStyle = colour.line;
    const meta = el(doc, 'span', 'sl-claim-meta');
    meta.append(el(doc, 'span', 'sl-cue', a.cue_text || 'no cue'));
    if (a.cue_class) meta.append(el(doc, 'span', `sl-cue-class sl-cue-${a.cue_class}`, a.cue_class));
    meta.append(el(doc, 'span', 'sl-kind', a.kind));
    if (a.speaker_text) meta.append(el(doc, 'span', 'sl-speaker', `as “${a.speaker_text}”`));
    button.append(el(doc, 'span', 'sl-claim-text', a.text ?? '(text not available)'), meta);
    if (onClaimClick) button.addEventListener('click', () => onClaimClick(i));
    const item = el(doc, 'li');
    item.append(button);
    return item;
  };
  const sections = groups.map((g) => {
    const section = el(doc, 'section', 'sl-claims-group');
    section.dataset.group = g.key;
    const heading = el(doc, 'h3', 'sl-claims-heading');
    heading.append(swatch(doc, g, palette), el(doc, 'span', 'sl-name', g.name), el(doc, 'span', 'sl-count', plural(g.statements, 'statement')));
    const list = el(doc, 'ol', 'sl-claims');
    const colour = g.color == null ? neutralColor(palette) : partyColor(g.color, palette);
    list.append(...g.attributions.slice(0, maxPerGroup).map((i) => claim(i, colour)));
    section.append(heading, list);
    if (g.attributions.length > maxPerGroup) {
      const more = el(doc, 'button', 'sl-more', `Show all ${g.attributions.length.toLocaleString('en')} claims`);
      more.type = 'button';
      more.addEventListener('click', () => {
        list.append(...g.attributions.slice(maxPerGroup).map((i) => claim(i, colour)));
        more.remove();
        list.children[maxPerGroup]?.querySelector('button').focus();
      });
      section.append(more);
    }
    return section;
  });
  container.replaceChildren(...sections);
  return groups;
}

// Markdown that shows text as text: backslash the characters that would start markup, and
// fold line breaks so that a claim stays one list item.
function mdText(s) {
  return String(s).replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

/** A per-party summary in Markdown. */
export function toMarkdown(analysis, { grouping = 'person' } = {}) {
  const groups = groupParties(analysis, grouping);
  const parties = groups.filter((g) => g.color != null).length;
  const lines = ['# Who said what', '', `${plural(analysis.attributions.length, 'statement')} from ${plural(parties, 'party', 'parties')}.`];
  for (const g of groups) {
    lines.push('', `## ${mdText(g.name)} (${plural(g.statements, 'statement')})`);
    if (g.detail) lines.push('', `*${mdText(g.detail)}*`);
    lines.push('');
    for (const i of g.attributions) {
      const a = analysis.attributions[i];
      const how = [a.cue_class, a.kind].filter(Boolean).join(', ');
      const who = a.speaker_text ? ` (as “${mdText(a.speaker_text)}”)` : '';
      lines.push(`- **${mdText(a.cue_text || 'no cue')}** (${how})${who}: ${mdText(a.text ?? '')}`);
    }
  }
  if (analysis.hedges?.length) {
    lines.push('', '## Claims attributed to no one', '');
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
