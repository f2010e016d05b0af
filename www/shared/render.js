// Renders an analysis as a party legend and a list of statements; Markdown and JSON come from
// markdown.js and the summary above the parties from summary-view.js, exported here too.
//
// Contract (shared by the demo page and the extension popup; DOM only, no dependencies):
// - The grouping functions of groups.js are exported from here too, for the callers that
//   paint what these renderers list.
// - `renderLegend(container, analysis, {grouping, palette, onSelect(group)})`: one button per
//   group, largest first, with its look, name, description, count and share of the words. The
//   RANKED largest and the statements with no party are listed; the smaller parties, all grey,
//   are folded under a "N smaller parties" disclosure, so that a long list does not push the
//   statements down.
// - `renderClaims(container, analysis, {grouping, palette, onClaimClick(i), maxPerGroup,
//   collapsed, sourcing})`: per group a heading and its statements. Each statement is a button whose
//   accessible name is a sentence ("Ingrid Halvorsen said (quoted): …") and whose press is
//   `onClaimClick(i)` (find it in the text); its verb, kind and the speaker as written follow
//   as its description (with how its source is given when not by name, and whom it aims at),
//   and a long one has a "More" button that expands it in place. Under each heading, the
//   party in one line (summary-view.js): its verbs with counts and its first statement. With
//   `collapsed` (the popup) each heading is a disclosure button and the statements start
//   hidden; they are made when the party is first opened, so that a long page's popup opens
//   at once. `sourcing`, a class of the engine's `sourcing` or null, lists only the
//   statements of that class (and only the parties that have some, opened). `maxPerGroup`
//   lists that many statements a group and a "Show all" button for the rest: thousands of
//   buttons for a book-length text would hold the page for a second.
// - `openClaim(container, i)` makes statement i visible in such a list (its group expanded,
//   all of its group listed, its text unfolded) and returns its button, or null when the list
//   leaves it out.
// - `renderKey(container, palette)`: the one-line key (words.js), each term drawn in the
//   look it names.
// Text always goes in through textContent: page text is never parsed as markup.

import { partyColor, surface } from './palette.js';
import { groupParties } from './groups.js';
import { KEY, kindWord, verbWord, statementLead, SOURCING, targetName } from './words.js';
import { groupWords, percent } from './summary.js';
import { partyLineElement, ANONYMOUS_LOOK } from './summary-view.js';

export { withTexts, withoutIntentions, groupParties, colorOfAttribution } from './groups.js';
export { toMarkdown, toJSON } from './markdown.js';
export { renderSummary, followList } from './summary-view.js';

const LONG = 220; // characters: a statement longer than this starts folded, with "More"

const plural = (n, one, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function el(doc, tag, className, text) {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

// A small picture of a group's look: letters on its tint, underlined in its style.
function swatch(doc, group, palette) {
  const c = partyColor(group.color, palette);
  const s = el(doc, 'span', 'sl-swatch', 'Aa');
  s.style.backgroundColor = c.fill;
  s.style.color = surface(palette).text;
  s.style.textDecoration = `underline ${c.line} ${c.base} 2px`;
  s.setAttribute('aria-hidden', 'true');
  return s;
}

// Name, description, count and share of the words of a group, for a legend button or a
// disclosure; `total` is the words of all statements.
function groupLabel(doc, g, palette, analysis, total) {
  const label = el(doc, 'span', 'sl-legend-label');
  label.append(el(doc, 'span', 'sl-name', g.name));
  if (g.detail) label.append(el(doc, 'span', 'sl-detail', g.detail));
  const figures = el(doc, 'span', 'sl-figures');
  const share = el(doc, 'span', 'sl-share-figure', percent(total ? groupWords(analysis, g) / total : 0));
  figures.append(el(doc, 'span', 'sl-count', String(g.statements)), el(doc, 'span', 'sl-sr', g.statements === 1 ? ' statement, ' : ' statements, '), share, el(doc, 'span', 'sl-sr', ' of the words'));
  return [swatch(doc, g, palette), label, figures];
}

const totalWords = (analysis) => analysis.attributions.reduce((n, a) => n + (a.words ?? 0), 0);

/** The party legend, largest first; see the header comment. */
export function renderLegend(container, analysis, { grouping = 'person', palette = 'light', onSelect } = {}) {
  const doc = container.ownerDocument;
  const groups = groupParties(analysis, grouping);
  const total = totalWords(analysis);
  const item = (g) => {
    const button = el(doc, 'button', 'sl-legend-item');
    button.type = 'button';
    button.dataset.group = g.key;
    button.dataset.statements = String(g.statements);
    if (g.color != null) button.dataset.color = String(g.color);
    button.append(...groupLabel(doc, g, palette, analysis, total));
    if (onSelect) button.addEventListener('click', () => onSelect(g));
    const li = el(doc, 'li');
    li.append(button);
    return li;
  };
  const smaller = groups.filter((g) => g.key !== 'none' && g.color == null);
  const list = el(doc, 'ul', 'sl-legend');
  list.append(...groups.filter((g) => !smaller.includes(g) && g.key !== 'none').map(item));
  const parts = [list];
  if (smaller.length) {
    const more = el(doc, 'details', 'sl-smaller');
    const count = smaller.reduce((n, g) => n + g.statements, 0);
    more.append(el(doc, 'summary', null, `${plural(smaller.length, 'smaller party', 'smaller parties')} (${plural(count, 'statement')}), in grey`));
    const inner = el(doc, 'ul', 'sl-legend');
    inner.append(...smaller.map(item));
    more.append(inner);
    parts.push(more);
  }
  const nobody = groups.find((g) => g.key === 'none');
  if (nobody) {
    const rest = el(doc, 'ul', 'sl-legend');
    rest.append(item(nobody));
    parts.push(rest);
  }
  container.replaceChildren(...parts);
  return groups;
}

/** The key to the highlights, its terms drawn as they look in palette `palette`. */
export function renderKey(container, palette = 'light') {
  const doc = container.ownerDocument;
  const c = partyColor(0, palette);
  const grey = partyColor(null, palette);
  const looks = [
    { backgroundColor: c.fill, color: surface(palette).text, padding: '0 0.2em' },
    { textDecoration: `underline ${c.line} ${c.base} 3px` },
    { textDecoration: ANONYMOUS_LOOK },
    { textDecoration: `underline dotted ${grey.base} 2px` },
  ];
  const parts = KEY.split(' · ').flatMap((part, n) => {
    const [term, meaning] = part.split(': ');
    const span = el(doc, 'span', 'sl-key-term', term);
    Object.assign(span.style, looks[n]);
    return [...(n ? [doc.createTextNode(' · ')] : []), span, doc.createTextNode(`: ${meaning}`)];
  });
  container.replaceChildren(...parts);
}

// One statement: the button that finds it in the text, its description, and "More" if long.
function claim(doc, analysis, i, colour) {
  const a = analysis.attributions[i];
  const item = el(doc, 'li', 'sl-claim-item');
  item.dataset.attribution = String(i);
  item.style.borderInlineStartColor = colour.base;
  const button = el(doc, 'button', 'sl-claim');
  button.type = 'button';
  button.dataset.attribution = String(i);
  const text = a.text ?? '';
  button.append(el(doc, 'span', 'sl-sr', `${statementLead(analysis, i)} `), el(doc, 'span', 'sl-claim-text', text || '(text not available)'));
  const meta = el(doc, 'p', 'sl-claim-meta');
  meta.id = `sl-claim-meta-${i}`;
  meta.append(el(doc, 'span', 'sl-cue', a.cue_text || 'no verb'), el(doc, 'span', 'sl-kind', kindWord(a.kind)));
  if (!a.cue_text) meta.append(el(doc, 'span', 'sl-cue-class', 'speaker of the passage around it'));
  else if (a.cue_class && a.cue_class !== 'neutral') meta.append(el(doc, 'span', 'sl-cue-class', verbWord(a.cue_class)));
  if (a.speaker_text) meta.append(el(doc, 'span', 'sl-speaker', `named as “${a.speaker_text}”`));
  if (a.sourcing && a.sourcing !== 'person' && SOURCING[a.sourcing]) meta.append(el(doc, 'span', `sl-source sl-source-${a.sourcing}`, `source: ${SOURCING[a.sourcing].label.toLowerCase()}`));
  const target = targetName(analysis, a);
  if (target) meta.append(el(doc, 'span', 'sl-target', `at ${target}`));
  if (a.sourcing) item.dataset.sourcing = a.sourcing;
  button.setAttribute('aria-describedby', meta.id);
  item.append(button, meta);
  if (text.length > LONG) {
    item.classList.add('sl-long');
    const more = el(doc, 'button', 'sl-claim-more', 'More');
    more.type = 'button';
    more.setAttribute('aria-expanded', 'false');
    more.setAttribute('aria-label', 'More of this statement');
    more.addEventListener('click', () => unfold(item, !item.classList.contains('sl-open')));
    item.append(more);
  }
  return item;
}

function unfold(item, open) {
  item.classList.toggle('sl-open', open);
  const more = item.querySelector('.sl-claim-more');
  if (!more) return;
  more.textContent = open ? 'Less' : 'More';
  more.setAttribute('aria-label', `${open ? 'Less' : 'More'} of this statement`);
  more.setAttribute('aria-expanded', String(open));
}

// Each section's list filler (see renderClaims) and each list's statement -> section.
const fillers = new WeakMap();
const sectionOf = new WeakMap();

function expand(section, open) {
  if (open) fillers.get(section)?.();
  const toggle = section.querySelector('.sl-group-toggle');
  if (!toggle) return;
  toggle.setAttribute('aria-expanded', String(open));
  section.querySelector('.sl-claims').hidden = !open;
}

/** Per group, its statements; see the header comment. */
export function renderClaims(container, analysis, { grouping = 'person', palette = 'light', onClaimClick, maxPerGroup = Infinity, collapsed = false, sourcing = null } = {}) {
  const doc = container.ownerDocument;
  const groups = groupParties(analysis, grouping);
  const total = totalWords(analysis);
  const where = new Map();
  const item = (i, colour) => {
    const li = claim(doc, analysis, i, colour);
    if (onClaimClick) li.querySelector('.sl-claim').addEventListener('click', () => onClaimClick(i));
    return li;
  };
  const sections = groups.map((g) => {
    const shown = sourcing ? g.attributions.filter((i) => analysis.attributions[i].sourcing === sourcing) : g.attributions;
    const section = el(doc, 'section', 'sl-claims-group');
    section.dataset.group = g.key;
    section.hidden = shown.length === 0;
    const heading = el(doc, 'h3', 'sl-claims-heading');
    const list = el(doc, 'ol', 'sl-claims');
    list.id = `sl-claims-${g.rank ?? 'none'}`;
    if (collapsed) {
      const toggle = el(doc, 'button', 'sl-group-toggle');
      toggle.type = 'button';
      toggle.dataset.group = g.key;
      toggle.setAttribute('aria-controls', list.id);
      toggle.append(...groupLabel(doc, g, palette, analysis, total));
      toggle.addEventListener('click', () => expand(section, toggle.getAttribute('aria-expanded') !== 'true'));
      heading.append(toggle);
    } else {
      heading.append(swatch(doc, g, palette), el(doc, 'span', 'sl-name', g.name), el(doc, 'span', 'sl-count', plural(g.statements, 'statement')));
    }
    for (const i of shown) where.set(i, section);
    const colour = partyColor(g.color, palette);
    // The statements are made when the section is first opened.
    fillers.set(section, () => {
      fillers.delete(section);
      list.append(...shown.slice(0, maxPerGroup).map((i) => item(i, colour)));
      if (shown.length <= maxPerGroup) return;
      const more = el(doc, 'button', 'sl-more', `Show all ${shown.length.toLocaleString('en')} statements`);
      more.type = 'button';
      more.addEventListener('click', () => {
        list.append(...shown.slice(maxPerGroup).map((i) => item(i, colour)));
        more.remove();
        list.children[maxPerGroup]?.querySelector('button').focus();
      });
      list.after(more);
    });
    section.append(heading, partyLineElement(doc, analysis, g), list);
    expand(section, !collapsed || Boolean(sourcing && shown.length));
    return section;
  });
  container.replaceChildren(...sections);
  sectionOf.set(container, where);
  return groups;
}

/** Makes statement i visible in a list of `renderClaims`; returns its button or null. */
export function openClaim(container, i) {
  const section = sectionOf.get(container)?.get(i);
  if (!section) return null; // not listed: a filter leaves it out
  expand(section, true);
  let item = section.querySelector(`.sl-claim-item[data-attribution="${i}"]`);
  if (!item) {
    section.querySelector('.sl-more')?.click();
    item = section.querySelector(`.sl-claim-item[data-attribution="${i}"]`);
  }
  if (!item) return null;
  if (item.classList.contains('sl-long')) unfold(item, true);
  return item.querySelector('.sl-claim');
}
