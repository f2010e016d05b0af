// The demo's article view: the text as one text node, painted with the CSS Custom Highlight
// API through the shared modules, with a card (tooltip) over statements.
//
// Contract: `createArticleView({view, tooltip, describe, onPick})` takes the article element,
// the tooltip element, `describe(hit)`, which gives `{title, lines: [[label, value]]}` for
// `{attribution: i}` or `{hedge: i}`, and `onPick(hit)`, called when the reader clicks or
// taps a statement or a hedge. It returns:
//   show(text)              put `text` in the view, unpainted
//   paint(analysis, colorOf, looks)  paint the statements (`colorOf(i)`: colour or null)
//                           and hedges in the colours of `looks` (shared/highlight.js)
//   clear()                 empty the view and remove its highlights
//   goTo(i)                 scroll the page to statement i and flash it; false when it is not
//                           painted
//   tooltipAt(hit)          show the card of a statement or hedge under its first line
//   hideTooltip()
//
// Why one text node: the engine's offsets then map straight to Ranges (shared/textmap.js), and
// the text is never re-parsed as markup. Why the page scrolls, not the view: a scroll box
// inside the page made two scroll bars to manage, and on a phone it hid where a jump landed.

import { highlightSheet, flash } from './shared/highlight.js';
import { paintAnalysis, registerPainting, unregisterPainting, whoAt } from './shared/painting.js';
import { textMap, rangesOver } from './shared/textmap.js';

const FLASH_MS = 1200;

export function createArticleView({ view, tooltip, describe, onPick }) {
  const sheet = highlightSheet();
  sheet.adopt([document]);
  let map = null;
  let painting = null;

  function unpaint() {
    if (painting) unregisterPainting(painting);
    painting = null;
  }

  function showTooltip(hit, x, y) {
    const { title, lines } = describe(hit);
    const strong = document.createElement('strong');
    strong.textContent = title;
    tooltip.replaceChildren(strong, ...lines.map(([label, value]) => {
      const div = document.createElement('div');
      div.textContent = `${label}: ${value}`;
      return div;
    }));
    tooltip.hidden = false;
    tooltip.style.left = `${Math.max(4, Math.min(x + 12, innerWidth - tooltip.offsetWidth - 8))}px`;
    tooltip.style.top = `${Math.max(4, Math.min(y + 14, innerHeight - tooltip.offsetHeight - 8))}px`;
  }

  let pinned = false; // shown for a jump, not by the pointer: a scroll does not hide it
  const hideTooltip = () => {
    tooltip.hidden = true;
    pinned = false;
  };

  const hitAt = (x, y) => (painting ? whoAt(painting, x, y) : null);

  let hoverFrame = 0;
  view.addEventListener('mousemove', (e) => {
    cancelAnimationFrame(hoverFrame);
    hoverFrame = requestAnimationFrame(() => {
      const hit = hitAt(e.clientX, e.clientY);
      if (hit) showTooltip(hit, e.clientX, e.clientY);
      else hideTooltip();
    });
  });
  view.addEventListener('mouseleave', () => {
    cancelAnimationFrame(hoverFrame);
    hideTooltip();
  });
  // A click or a tap: a selection being made is not a pick.
  view.addEventListener('click', (e) => {
    if (!document.getSelection()?.isCollapsed) return;
    const hit = hitAt(e.clientX, e.clientY);
    if (hit) onPick(hit);
  });
  addEventListener('scroll', () => pinned || hideTooltip(), { passive: true });

  return {
    show(text) {
      unpaint();
      view.textContent = text;
      map = textMap(view);
    },

    paint(analysis, colorOf, looks) {
      sheet.set(looks);
      unpaint();
      painting = paintAnalysis(analysis, colorOf, (span) => rangesOver(map, span.start, span.end));
      registerPainting(painting);
    },

    clear() {
      unpaint();
      view.textContent = '';
      hideTooltip();
    },

    goTo(i) {
      const ranges = painting?.contentRanges[i] ?? [];
      if (!ranges.length) return false;
      const rect = ranges[0].getBoundingClientRect();
      scrollBy({ top: rect.top - innerHeight / 3, behavior: 'instant' });
      flash(ranges, FLASH_MS);
      return true;
    },

    tooltipAt(hit) {
      const ranges = hit.attribution != null ? painting?.contentRanges[hit.attribution] : [...(painting?.owner ?? [])].filter(([, who]) => who.hedge === hit.hedge).map(([r]) => r);
      const first = ranges?.[0];
      if (!first) return;
      const rect = first.getBoundingClientRect();
      showTooltip(hit, rect.left, rect.bottom);
      pinned = true;
    },

    hideTooltip,
  };
}
