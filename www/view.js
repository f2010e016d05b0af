// The demo's article view: the text as one text node, painted with the CSS Custom Highlight
// API through the shared modules, with a tooltip over statements.
//
// Contract: `createArticleView({view, tooltip, describe})` takes the article element, the
// tooltip element and `describe(hit)`, which gives `{title, lines}` for `{attribution: i}` or
// `{hedge: i}`. It returns:
//   show(text)              put `text` in the view, unpainted
//   paint(analysis, colorOf, looks)  paint the statements (`colorOf(i)`: colour index or null)
//                           and hedges in the colours of `looks` (shared/highlight.js)
//   clear()                 empty the view and remove its highlights
//   goTo(i)                 scroll to statement i and flash it; false when it is not painted
//   tooltipAt(i)            show statement i's tooltip under its first line
//   hideTooltip()
//
// Why one text node: the engine's offsets then map straight to Ranges (shared/textmap.js), and
// the text is never re-parsed as markup.

import { highlightSheet, flash } from './shared/highlight.js';
import { paintAnalysis, registerPainting, unregisterPainting, whoAt } from './shared/painting.js';
import { textMap, rangesOver } from './shared/textmap.js';

const FLASH_MS = 1200;

export function createArticleView({ view, tooltip, describe }) {
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
    tooltip.replaceChildren(strong, ...lines.map((line) => {
      const div = document.createElement('div');
      div.textContent = line;
      return div;
    }));
    tooltip.hidden = false;
    tooltip.style.left = `${Math.min(x + 12, innerWidth - tooltip.offsetWidth - 8)}px`;
    tooltip.style.top = `${Math.min(y + 14, innerHeight - tooltip.offsetHeight - 8)}px`;
  }

  const hideTooltip = () => {
    tooltip.hidden = true;
  };

  let hoverFrame = 0;
  view.addEventListener('mousemove', (e) => {
    cancelAnimationFrame(hoverFrame);
    hoverFrame = requestAnimationFrame(() => {
      const hit = painting && whoAt(painting, e.clientX, e.clientY);
      if (hit) showTooltip(hit, e.clientX, e.clientY);
      else hideTooltip();
    });
  });
  view.addEventListener('mouseleave', () => {
    cancelAnimationFrame(hoverFrame);
    hideTooltip();
  });
  view.addEventListener('scroll', hideTooltip, { passive: true });

  return {
    show(text) {
      unpaint();
      view.textContent = text;
      view.scrollTop = 0;
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
      view.scrollIntoView({ block: 'nearest' });
      const rect = ranges[0].getBoundingClientRect();
      const box = view.getBoundingClientRect();
      view.scrollTop += rect.top - box.top - box.height / 3;
      flash(ranges, FLASH_MS);
      return true;
    },

    tooltipAt(i) {
      const first = painting?.contentRanges[i]?.[0];
      if (!first) return;
      const rect = first.getBoundingClientRect();
      showTooltip({ attribution: i }, rect.left, rect.bottom);
    },

    hideTooltip,
  };
}
