// The hover card: who said the statement under the pointer, how they are named, the verb in
// plain words, whether it is quoted, and which of the engine's rules found it when the engine
// says (the demo's card, shared/words.js). A tap shows it too: touch screens have no hover.
//
// Design:
// - The card is the only element this script adds to the page. It lives in a closed shadow
//   root, so that the page's styles cannot reach it and the page's scripts cannot read it, and
//   it lets the pointer through.
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
export function createCard({ whoAt, linesOf }) {
  const host = document.createElement('sourcelight-card');
  const box = document.createElement('div');
  Object.assign(box.style, {
    position: 'fixed', zIndex: '2147483647', display: 'none', maxWidth: '320px', padding: '8px 10px',
    background: '#1d1d1f', color: '#f5f5f7', font: '13px/1.4 system-ui, sans-serif', borderRadius: '6px',
    boxShadow: '0 4px 16px rgba(0,0,0,.3)', pointerEvents: 'none',
  });
  host.attachShadow({ mode: 'closed' }).append(box);
  document.documentElement.append(host);

  let frame = 0;
  function onPointerMove(event) {
    if (frame) return;
    const { clientX: x, clientY: y } = event;
    const target = event.composedPath()[0];
    frame = requestAnimationFrame(() => {
      frame = 0;
      const el = target?.nodeType === 1 ? target : target?.nodeType === 3 ? target.parentElement : null;
      const who = el ? whoAt(x, y, el) : null;
      if (!who) {
        box.style.display = 'none';
        return;
      }
      box.replaceChildren(...linesOf(who).map(([label, value]) => line(label, value)));
      box.style.display = 'block';
      box.style.left = `${Math.max(0, Math.min(x + 14, innerWidth - box.offsetWidth - 8))}px`;
      box.style.top = `${y + 18 + box.offsetHeight < innerHeight ? y + 18 : Math.max(0, y - 12 - box.offsetHeight)}px`;
    });
  }
  document.addEventListener('pointermove', onPointerMove, { capture: true, passive: true });
  document.addEventListener('pointerdown', onPointerMove, { capture: true, passive: true });

  return {
    remove() {
      document.removeEventListener('pointermove', onPointerMove, { capture: true });
      document.removeEventListener('pointerdown', onPointerMove, { capture: true });
      cancelAnimationFrame(frame);
      host.remove();
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
