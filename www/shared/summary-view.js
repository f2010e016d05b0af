// Draws the reader's summary (summary.js) above the parties, in the demo page and the popup:
// the share of voice as one stacked bar in the party colours, the sources by how they are
// given (each a filter), who answers whom, and the one line over each party's statements.
//
// Contract (DOM only; text always through textContent):
// - `renderSummary(container, analysis, {groups, grouping, palette, filter, onSegment,
//   onFilter})` fills `container`. The bar is one picture (role img) whose accessible name
//   holds every figure, in text, for screen readers; each segment carries its figures as data
//   (`data-key`, `data-words`, `data-statements`, `data-groups`) and its share as its width.
//   Hovering a segment, or pointing at or focusing a party's button in the list that
//   `followList` watches, shows that segment's figures under the bar and outlines it; a click
//   on a segment calls `onSegment(key)` (a pointer's shortcut to the party's button, which
//   stays the control for the keyboard). Each sourcing class is a toggle button with its count
//   (`aria-pressed`; `filter` is the class pressed, or null) that calls `onFilter(class or
//   null)`; hedges are counted beside them, with their words. Who answers whom is a list of
//   short lines, or one sentence when nobody does.
// - `followList(container, list)`: the figures follow the pointer and the focus over the
//   elements with `data-group` in `list` (legend buttons, the popup's party toggles). Listeners
//   are added once per pair, so re-rendering either keeps them.
// - `partyLineElement(doc, analysis, group)`: "accuses 2 · denies 1 · says 3" and the lead,
//   for the top of a party's statements.
//
// Why the bar is not made of buttons: a party with 1% of the words is a sliver no finger can
// hit, and twenty tab stops before the parties would tax every keyboard user; the parties'
// own buttons, a finger wide, are the controls, and they show their segment when focused.

import { partyColor } from './palette.js';
import { shareOfVoice, sourcingCounts, answers, answerLine, partyLine, percent } from './summary.js';
import { SOURCING, HEDGED } from './words.js';

// The page's line above anonymous statements, in the colour of the text around it.
export const ANONYMOUS_LOOK = 'overline solid currentColor 2px';

const LEAD = 110; // characters of a party's first statement shown as its lead
const ANSWERS_SHOWN = 6; // lines of who answers whom before "more"

const plural = (n, one, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function el(doc, tag, className, text) {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

// Each bar's box -> shows the figures of the segment that holds a group key (followList).
const showers = new WeakMap();

const figures = (s) => `${s.name}: ${plural(s.statements, 'statement')}, ${percent(s.share)} of the words (${plural(s.words, 'word')})`;

function bar(doc, share, grouping, palette) {
  const box = el(doc, 'div', 'sl-share');
  box.append(el(doc, 'h3', null, 'Who got the floor'), el(doc, 'p', 'sl-summary-note', `Share of the ${plural(share.words, 'quoted or reported word')}, by ${grouping === 'side' ? 'side' : 'person'}`));
  const picture = el(doc, 'div', 'sl-share-bar');
  picture.setAttribute('role', 'img');
  picture.setAttribute('aria-label', `Share of the quoted and reported words, by ${grouping === 'side' ? 'side' : 'person'}: ${share.segments.map(figures).join('; ')}.`);
  const caption = el(doc, 'p', 'sl-share-caption');
  caption.setAttribute('aria-hidden', 'true'); // the picture's name says it all already
  const rest = share.segments[0] ? `Largest: ${figures(share.segments[0])}.` : '';
  caption.textContent = rest;
  for (const s of share.segments) {
    const c = partyColor(s.color, palette);
    const part = el(doc, 'span', `sl-share-segment${s.key === 'none' ? ' sl-share-none' : ''}`);
    Object.assign(part.dataset, { key: s.key, words: String(s.words), statements: String(s.statements), groups: s.groups.join(' ') });
    part.style.flexGrow = String(s.words);
    part.style.backgroundColor = c.fill;
    part.style.setProperty('--sl-edge', c.base);
    part.addEventListener('mouseenter', () => show(picture, caption, part, figures(s)));
    picture.append(part);
  }
  picture.addEventListener('mouseleave', () => show(picture, caption, null, rest));
  box.append(picture, caption);
  showers.set(box, (key) => {
    const part = [...picture.children].find((p) => p.dataset.groups.split(' ').includes(key));
    const s = part && share.segments.find((x) => x.key === part.dataset.key);
    show(picture, caption, part ?? null, s ? figures(s) : rest);
  });
  return box;
}

function show(picture, caption, part, text) {
  for (const p of picture.children) p.classList.toggle('sl-active', p === part);
  caption.textContent = text;
}

function sourcing(doc, analysis, filter, onFilter) {
  const counts = sourcingCounts(analysis);
  const box = el(doc, 'div', 'sl-sourcing');
  box.append(el(doc, 'h3', null, 'How sources are given'));
  const list = el(doc, 'ul', 'sl-sourcing-list');
  for (const [cls, { label }] of Object.entries(SOURCING)) {
    const button = el(doc, 'button', `sl-sourcing-filter sl-sourcing-${cls}`);
    button.type = 'button';
    button.dataset.sourcing = cls;
    button.setAttribute('aria-pressed', String(filter === cls));
    button.disabled = counts[cls] === 0 && filter !== cls;
    const name = el(doc, 'span', 'sl-sourcing-label', label);
    if (cls === 'anonymous') name.style.textDecoration = ANONYMOUS_LOOK; // as on the page
    button.append(name, el(doc, 'span', 'sl-sourcing-count', String(counts[cls])), el(doc, 'span', 'sl-sr', counts[cls] === 1 ? ' statement' : ' statements'));
    if (onFilter) button.addEventListener('click', () => onFilter(filter === cls ? null : cls));
    const item = el(doc, 'li');
    item.append(button);
    list.append(item);
  }
  const hedged = el(doc, 'li', 'sl-hedged');
  const words = [...new Set((analysis.hedges ?? []).map((h) => h.text.toLowerCase()))];
  hedged.append(el(doc, 'span', 'sl-sourcing-label', HEDGED.label), el(doc, 'span', 'sl-sourcing-count', String(counts.hedged)));
  if (words.length) hedged.append(el(doc, 'span', 'sl-hedge-words', words.map((w) => `“${w}”`).join(', ')));
  list.append(hedged);
  box.append(list, el(doc, 'p', 'sl-summary-note', filter ? 'Only statements of the chosen kind are listed; choose it again to list all.' : 'Choose a kind to list only its statements.'));
  return box;
}

function answerList(doc, analysis, groups, grouping) {
  const lines = answers(analysis, groups, grouping);
  const box = el(doc, 'div', 'sl-answers');
  box.append(el(doc, 'h3', null, 'Who answers whom'));
  if (!lines.length) {
    box.append(el(doc, 'p', 'sl-summary-note', 'No statement here accuses, denies, criticizes or urges another party.'));
    return box;
  }
  const list = (part) => {
    const ul = el(doc, 'ul', 'sl-answer-list');
    ul.append(...part.map((line) => el(doc, 'li', 'sl-answer', answerLine(line))));
    return ul;
  };
  box.append(list(lines.slice(0, ANSWERS_SHOWN)));
  if (lines.length > ANSWERS_SHOWN) {
    const more = el(doc, 'details', 'sl-answers-more');
    more.append(el(doc, 'summary', null, `${lines.length - ANSWERS_SHOWN} more`), list(lines.slice(ANSWERS_SHOWN)));
    box.append(more);
  }
  return box;
}

/** Fills `container` with the summary; see the header comment. */
export function renderSummary(container, analysis, { groups, grouping = 'person', palette = 'light', filter = null, onSegment, onFilter } = {}) {
  const doc = container.ownerDocument;
  const share = bar(doc, shareOfVoice(analysis, groups), grouping, palette);
  if (onSegment) share.querySelector('.sl-share-bar').addEventListener('click', (e) => e.target.dataset?.key && onSegment(e.target.dataset.key));
  const heading = el(doc, 'h2', 'sl-summary-heading', 'Summary');
  heading.id = `${container.id || 'sl-summary'}-heading`;
  container.replaceChildren(heading, share, sourcing(doc, analysis, filter, onFilter), answerList(doc, analysis, groups, grouping));
}

const followed = new WeakMap(); // list -> the summary containers it drives

/** The bar's figures follow the pointer and focus over `list`; see the header comment. */
export function followList(container, list) {
  let targets = followed.get(list);
  if (targets?.has(container)) return;
  if (!targets) {
    followed.set(list, (targets = new Set()));
    const point = (e) => {
      const key = e.target.closest?.('[data-group]')?.dataset.group;
      if (key) for (const c of targets) showers.get(c.querySelector('.sl-share'))?.(key);
    };
    list.addEventListener('focusin', point);
    list.addEventListener('mouseover', point);
  }
  targets.add(container);
}

/** "accuses 2 · denies 1 · says 3" and the lead of a group; see the header comment. */
export function partyLineElement(doc, analysis, group) {
  const { chips, lead } = partyLine(analysis, group);
  const line = el(doc, 'p', 'sl-party-line');
  chips.forEach(({ verb, count }, n) => {
    if (n) line.append(doc.createTextNode(' · '));
    line.append(el(doc, 'span', 'sl-chip', `${verb} ${count}`));
  });
  const text = lead == null ? '' : (analysis.attributions[lead].text ?? '').replace(/\s+/g, ' ').trim();
  if (text) {
    const cut = text.length > LEAD ? `${text.slice(0, text.lastIndexOf(' ', LEAD) > 40 ? text.lastIndexOf(' ', LEAD) : LEAD)}…` : text;
    line.append(el(doc, 'span', 'sl-lead', `First: ${cut}`));
  }
  return line;
}
