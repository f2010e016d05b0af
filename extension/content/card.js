// The hover card: who said the statement under the pointer, how they are named, the verb in
// plain words, whether it is quoted, and which of the engine's rules found it when the engine
// says (the demo's card, shared/words.js). A tap shows it too: touch screens have no hover.
//
// Design:
// - The card is the only element this script adds to the page, and only while the pointer is
//   on a statement: it is removed as soon as it is not. It lives in a closed shadow root, so
//   that the page's scripts cannot read it, and it lets the pointer through.
// - Its host is a plain <div>: a custom element of ours would be a name the page could define
//   first, whose constructor would then run the page's code as we create it. The host has no
//   box of its own (`display: contents`, inline and important, which no page rule beats), and
//   the card resets every inherited property, so page styles cannot hide or restyle it.
// - A page that removes the card gets a new one at the next move; a card that cannot be made
//   (the page broke something we need) is simply not shown.
// - Pointer moves are coalesced to one hit test per frame; the test itself is the painter's
//   (`whoAt`), so the card knows nothing of highlights or marks.
// - Page text reaches the card only through textContent.

import { statementCard } from '../shared/words.js';

const LABEL_OPACITY = '0.7';

/** The card's `[label, value]` lines for `{attribution: i}` or `{hedge: i}`: the demo's card. */
export function cardLines(analysis, who) {
  const { title, lines } = statementCard(analysis, who);
  return [['Who', title], ...lines];
}

/**
 * Shows the card over statements while the pointer moves: `whoAt(x, y, target)` gives
 * `{attribution}`, `{hedge}` or null, `linesOf(who)` the card's `[label, value]` lines.
 * Returns `{remove()}`, which takes the card and its listener away.
 */
const CARD_STYLE = [
  'all: initial', 'position: fixed', 'z-index: 2147483647', 'display: block', 'max-width: 320px', 'padding: 8px 10px',
  'background: #1d1d1f', 'color: #f5f5f7', 'font: 13px/1.4 system-ui, sans-serif', 'border-radius: 6px',
  'box-shadow: 0 4px 16px rgba(0,0,0,.3)', 'pointer-events: none', 'visibility: visible',
].join('; ');

export function createCard({ whoAt, linesOf }) {
  let host = null;
  let box = null;

  function hide() {
    host?.remove();
    host = box = null;
  }

  function show(lines, x, y) {
    if (!host?.isConnected) {
      hide();
      host = document.createElement('div');
      host.style.setProperty('display', 'contents', 'important');
      box = document.createElement('div');
      box.style.cssText = CARD_STYLE;
      host.attachShadow({ mode: 'closed' }).append(box);
      document.documentElement.append(host);
    }
    box.replaceChildren(...lines.map(([label, value]) => line(label, value)));
    box.style.left = `${Math.max(0, Math.min(x + 14, innerWidth - box.offsetWidth - 8))}px`;
    box.style.top = `${y + 18 + box.offsetHeight < innerHeight ? y + 18 : Math.max(0, y - 12 - box.offsetHeight)}px`;
  }

  let frame = 0;
  function onPointerMove(event) {
    if (frame) return;
    const { clientX: x, clientY: y } = event;
    const target = event.composedPath()[0];
    frame = requestAnimationFrame(() => {
      frame = 0;
      try {
        const el = target?.nodeType === 1 ? target : target?.nodeType === 3 ? target.parentElement : null;
        const who = el ? whoAt(x, y, el) : null;
        if (who) show(linesOf(who), x, y);
        else hide();
      } catch {
        hide();
      }
    });
  }
  document.addEventListener('pointermove', onPointerMove, { capture: true, passive: true });
  document.addEventListener('pointerdown', onPointerMove, { capture: true, passive: true });

  return {
    remove() {
      document.removeEventListener('pointermove', onPointerMove, { capture: true });
      document.removeEventListener('pointerdown', onPointerMove, { capture: true });
      cancelAnimationFrame(frame);
      hide();
    },
  };
}

function line(label, value) {
  const row = document.createElement('div');
  const key = document.createElement('span');
  key.textContent = `${label}: `;
  key.style.opacity = LABEL_OPACITY;
  const text = document.createElement('span');
  text.textContent = value;
  row.append(key, text);
  return row;
}
