// Sourcelight's content script: finds the article, sends its text to the background, paints
// the answer and keeps it painted while the page changes. Plain script, no imports: content
// scripts cannot be modules in both browsers.
//
// Design:
// - Article root: paragraphs vote for their parent (full score), grandparent (half) and
//   great-grandparent (a quarter), much as Mozilla's Readability does, but on the live DOM, so that
//   highlights land on the page's own nodes. Paragraphs inside navigation, asides, footers,
//   forms, hidden elements and elements whose class or id says comments, related, share, ad,
//   newsletter, sidebar... do not vote. The winner, weighted by its link density, is widened
//   to the common ancestor with the page's first <h1> (headline and standfirst belong to the
//   article) and to an enclosing <article>, unless that would bring in much more text.
// - Text blocks: every run of text under the same block-level element is one block; inline
//   elements (<em>, <a>, <span>) stay inside it, <br> becomes a space (a line break inside a
//   paragraph, which the engine must not read as a paragraph break), open shadow roots and slots
//   are walked in rendered order. Tabs and newlines become spaces one for one, so that an offset
//   in a block is an offset in its text nodes, and mapping back needs only a binary search.
// - Painting: the CSS Custom Highlight API, names and CSS from the shared highlight module (the
//   background sends the CSS), in a constructed style sheet adopted by the document and by each
//   shadow root that holds article text: no node of the page is touched. Where the API is
//   missing, text is wrapped in <mark> elements, and unwrapping puts back the very same text
//   nodes. Old highlights give way to new ones in the same task, so nothing flickers.
// - Changes: a MutationObserver watches the article. A re-render with the same text is
//   re-anchored at once, inside the observer's microtask, before the next frame; changed text
//   keeps the old highlights of unchanged blocks and is re-analyzed after a short debounce.
// - Long pages: extraction and range building yield to the page every few tens of
//   milliseconds, and ranges are registered a chunk per frame from the viewport outwards
//   (the browser's cost grows with the ranges), so that no task runs long enough to freeze it.
// - Stopping removes every highlight, sheet, element, listener, observer and timer.
// - Page text leaves this script only to the background, and the card shows it through
//   textContent.

(() => {
  if (globalThis.sourcelight) return;
  const api = globalThis.browser ?? globalThis.chrome;
  const PREFIX = 'sourcelight';
  const HAS_HIGHLIGHTS = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
  const SLICE_MS = 30; // work between two yields to the page
  const PAINT_CHUNK = 800; // ranges registered per frame (a 1,500-word article needs one chunk)
  const DEBOUNCE_MS = 250; // quiet time before changed text is re-analyzed
  const MAX_WAIT_MS = 1500; // a live blog that never stops changing is still re-analyzed
  const QUICK_EXTRACT_MS = 12; // follow a change at once only when extracting costs less

  const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'nav', 'aside', 'footer', 'form', 'button', 'select', 'textarea', 'input', 'label', 'iframe', 'svg', 'math', 'canvas', 'video', 'audio', 'object', 'embed', 'menu', 'dialog', 'sourcelight-card']);
  const SKIP_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search', 'form', 'dialog', 'alertdialog', 'menu', 'menubar', 'toolbar', 'tablist']);
  const NOISE = /(?:^|[\s_-])(?:comments?|related|share|sharing|social|promo|ad|ads|advert\w*|sponsor\w*|newsletter|subscribe|signup|sidebar|footer|nav|navigation|menu|breadcrumbs?|recirc\w*|most-read|popular|trending|outbrain|taboola|cookie\w*|paywall|byline-share)(?=$|[\s_-])/i;
  const NEVER_SKIPPED = new Set(['html', 'body', 'main', 'article']);
  const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'figcaption', 'figure', 'dd', 'dt', 'dl', 'td', 'th', 'tr', 'table', 'caption', 'pre', 'div', 'section', 'article', 'main', 'header', 'hgroup', 'address', 'summary', 'details', 'ul', 'ol', 'body', 'center', 'hr']);

  const now = () => performance.now();
  const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));
  const composedParent = (node) => node.parentNode?.host ?? node.parentNode;

  function composedContains(outer, node) {
    for (let n = node; n; n = composedParent(n)) if (n === outer) return true;
    return false;
  }

  // Children in rendered order: a shadow root replaces the light children, a slot shows what
  // is assigned to it.
  function composedChildren(node) {
    if (node.shadowRoot) return node.shadowRoot.childNodes;
    if (node.localName === 'slot') {
      const assigned = node.assignedNodes({ flatten: true });
      if (assigned.length) return assigned;
    }
    return node.childNodes;
  }

  function skipped(el) {
    if (NEVER_SKIPPED.has(el.localName)) return false;
    if (SKIP_TAGS.has(el.localName) || el.hidden || el.getAttribute('aria-hidden') === 'true') return true;
    const role = el.getAttribute('role');
    if (role && SKIP_ROLES.has(role)) return true;
    const cls = el.getAttribute('class');
    return (cls !== null && NOISE.test(cls)) || (el.id !== '' && NOISE.test(el.id));
  }

  // ---- Finding the article -------------------------------------------------------------

  function findRoot(doc) {
    const paragraphs = [];
    let headline = null;
    const stack = [doc.body ?? doc.documentElement];
    while (stack.length) {
      const el = stack.pop();
      if (skipped(el)) continue;
      if (el.localName === 'p' || el.localName === 'pre') paragraphs.push(el);
      else if (el.localName === 'h1' && !headline) headline = el;
      const children = composedChildren(el);
      for (let i = children.length - 1; i >= 0; i--) if (children[i].nodeType === 1) stack.push(children[i]);
    }
    const lengths = new Map();
    const scores = new Map();
    for (const p of paragraphs) {
      const text = p.textContent;
      const length = text.trim().length;
      if (length < 25) continue;
      lengths.set(p, length);
      const score = 1 + (text.match(/,/g)?.length ?? 0) + Math.min(Math.floor(length / 100), 3);
      let node = composedParent(p);
      for (let level = 0; level < 3 && node && node.nodeType === 1; level++, node = composedParent(node)) {
        scores.set(node, (scores.get(node) ?? 0) + score / (level === 0 ? 1 : level * 2));
      }
    }
    const fallback = doc.querySelector('article, main, [role="main"]') ?? doc.body ?? doc.documentElement;
    if (!scores.size) return fallback;
    const ranked = [...scores].sort((a, b) => b[1] - a[1]).slice(0, 5);
    let best = null;
    let bestScore = -1;
    for (const [el, score] of ranked) {
      const weighted = score * (1 - linkDensity(el));
      if (weighted > bestScore) [best, bestScore] = [el, weighted];
    }
    const textOf = (el) => {
      let sum = 0;
      for (const [p, length] of lengths) if (composedContains(el, p)) sum += length;
      return sum;
    };
    const own = textOf(best);
    const widen = (candidate) => candidate && candidate !== doc.body && candidate !== doc.documentElement && textOf(candidate) <= own * 1.5;
    let root = best;
    if (headline && !composedContains(root, headline)) {
      const common = commonAncestor(root, headline);
      if (widen(common)) root = common;
    }
    for (let n = composedParent(root); n && n.nodeType === 1; n = composedParent(n)) {
      if (n.localName === 'article') {
        if (widen(n)) root = n;
        break;
      }
    }
    return root;
  }

  function linkDensity(el) {
    const total = el.textContent.length || 1;
    let links = 0;
    for (const a of el.querySelectorAll('a')) links += a.textContent.length;
    return Math.min(links / total, 1);
  }

  function commonAncestor(a, b) {
    const seen = new Set();
    for (let n = a; n; n = composedParent(n)) seen.add(n);
    for (let n = b; n; n = composedParent(n)) if (seen.has(n) && n.nodeType === 1) return n;
    return null;
  }

  // ---- Text blocks ------------------------------------------------------------------------

  /** Blocks `{id, text, nodes, starts}` under `root`; a null node stands for a <br>. */
  async function extract(root) {
    const blocks = [];
    const shadowRoots = new Set();
    let current = null;
    const close = () => {
      if (current && current.text.trim() && (!current.el.checkVisibility || current.el.checkVisibility())) {
        current.id = blocks.length;
        blocks.push(current);
      }
      current = null;
    };
    const add = (blockEl, node, text) => {
      if (!current || current.el !== blockEl) {
        close();
        current = { el: blockEl, text: '', nodes: [], starts: [] };
      }
      current.nodes.push(node);
      current.starts.push(current.text.length);
      current.text += text;
    };
    // An article inside a shadow root needs the highlight rules in that root too.
    if (root.getRootNode() instanceof ShadowRoot) shadowRoots.add(root.getRootNode());
    const stack = [[root, root]];
    let slice = now();
    let visited = 0;
    while (stack.length) {
      if (++visited % 256 === 0 && now() - slice > SLICE_MS) {
        await yieldToPage();
        slice = now();
      }
      const [node, block] = stack.pop();
      if (node.nodeType === 3) {
        if (node.data.length) add(block, node, node.data.replace(/[\t\n\r\f]/g, ' '));
        continue;
      }
      if (node.nodeType !== 1 || (node !== root && skipped(node))) continue;
      if (node.localName === 'br') {
        if (current) add(block, null, ' ');
        continue;
      }
      if (node.shadowRoot) shadowRoots.add(node.shadowRoot);
      const inner = BLOCK_TAGS.has(node.localName) ? node : block;
      const children = composedChildren(node);
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], inner]);
    }
    close();
    return { blocks, shadowRoots };
  }

  // Index of the last piece of `block` that starts at or before `offset`.
  function pieceAt(block, offset) {
    let lo = 0;
    let hi = block.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (block.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Text-node segments `[{node, start, end}]` covering `span` of `block`; <br>s are left out. */
  function segments(block, start, end) {
    if (!block || start < 0 || end > block.text.length || start >= end) return [];
    const out = [];
    for (let i = pieceAt(block, start), last = pieceAt(block, end - 1); i <= last; i++) {
      const node = block.nodes[i];
      if (!node) continue;
      const from = Math.max(start - block.starts[i], 0);
      const to = Math.min(end - block.starts[i], node.data.length);
      if (from < to) out.push({ node, start: from, end: to });
    }
    return out;
  }

  /** Ranges for the segments, one per tree they lie in (a Range cannot cross a shadow root). */
  function rangesOf(parts) {
    const ranges = [];
    let range = null;
    let tree = null;
    for (const part of parts) {
      const partTree = part.node.getRootNode();
      if (!range || partTree !== tree) {
        range = document.createRange();
        range.setStart(part.node, part.start);
        ranges.push(range);
        tree = partTree;
      }
      range.setEnd(part.node, part.end);
    }
    return ranges;
  }

  // ---- Painting ---------------------------------------------------------------------------

  let state = null;

  function highlightName(color, speaker) {
    if (speaker) return `${PREFIX}-s${color == null ? 'n' : color}`;
    return color == null ? `${PREFIX}-n` : `${PREFIX}-p${color}`;
  }

  /**
   * Builds the painting of `answer` over the page's current `blocks`: `blockFor(id)` gives the
   * block a span's block id now stands for (null when its text is gone). Yields on long pages.
   * `items` lists every range with its highlight name and block, for painting in chunks.
   */
  async function build(answer, blockFor, blocks) {
    const groups = new Map();
    const owner = new Map();
    const contentRanges = [];
    const items = [];
    let at = 0;
    const put = (name, range, who) => {
      if (!groups.has(name)) groups.set(name, []);
      groups.get(name).push(range);
      owner.set(range, who);
      items.push({ name, range, at });
    };
    const place = (span) => {
      const block = span ? blockFor(span.block) : null;
      if (!block) return [];
      at = block.id;
      return segments(block, span.start, span.end);
    };
    let slice = now();
    const { attributions, hedges } = answer.analysis;
    for (let i = 0; i < attributions.length; i++) {
      if (i % 64 === 63 && now() - slice > SLICE_MS) {
        await yieldToPage();
        slice = now();
      }
      const a = attributions[i];
      const color = answer.colors[i];
      const mine = [];
      for (const span of a.content) {
        for (const range of rangesOf(place(span))) {
          mine.push(range);
          put(highlightName(color, false), range, { attribution: i });
        }
      }
      contentRanges.push(mine);
      for (const range of rangesOf(place(a.speaker))) put(highlightName(color, true), range, { attribution: i });
    }
    hedges.forEach((h, i) => {
      for (const range of rangesOf(place(h.span))) put(`${PREFIX}-hedge`, range, { hedge: i });
    });
    return { groups, owner, contentRanges, items, blocks };
  }

  // The index of the first block at or below the top of the viewport (blocks are in document
  // order, so their tops mostly grow with the index).
  function firstVisibleBlock(blocks) {
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid].el.getBoundingClientRect().bottom < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // Waits for a frame to be painted, or a moment in a hidden tab, which paints no frame.
  const nextFrame = () =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, 50);
      requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), resolve()), 0));
    });

  /**
   * Swaps the previous painting for `painting`. The browser's cost of a highlight grows with
   * its ranges, so a long page is painted in chunks, one per frame, starting with the ranges
   * around the viewport; the swap of the old highlights for the first chunk is one task, so the
   * reader sees no frame without highlights. Resolves when every range is registered.
   */
  async function show(painting) {
    const old = state.painting;
    state.painting = painting;
    if (!HAS_HIGHLIGHTS) {
      unwrapMarks();
      wrapMarks(painting);
      return;
    }
    const highlights = new Map();
    for (const name of painting.groups.keys()) {
      const h = new Highlight();
      // Speakers and hedges sit above statement tints so that their underline shows.
      h.priority = name.startsWith(`${PREFIX}-s`) || name === `${PREFIX}-hedge` ? 1 : 0;
      highlights.set(name, h);
    }
    let items = painting.items;
    if (items.length > PAINT_CHUNK) {
      const visible = firstVisibleBlock(painting.blocks);
      items = [...items].sort((a, b) => Math.abs(a.at - visible) - Math.abs(b.at - visible));
    }
    const register = (from) => {
      for (const item of items.slice(from, from + PAINT_CHUNK)) highlights.get(item.name).add(item.range);
    };
    register(0);
    for (const [name, h] of highlights) CSS.highlights.set(name, h);
    if (old) for (const name of old.groups.keys()) if (!highlights.has(name)) CSS.highlights.delete(name);
    for (let i = PAINT_CHUNK; i < items.length; i += PAINT_CHUNK) {
      await nextFrame();
      if (state?.painting !== painting) return; // a newer painting or a stop took over
      register(i);
    }
  }

  // Fallback without the Highlight API: <mark> elements that replace text nodes, remembered so
  // that the original nodes go back exactly. A range over several text nodes (a quote with an
  // <em> inside) gets one mark per node.
  function textSegments(range) {
    if (range.startContainer === range.endContainer) return [{ node: range.startContainer, start: range.startOffset, end: range.endOffset }];
    const out = [];
    const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!range.intersectsNode(node)) continue;
      const start = node === range.startContainer ? range.startOffset : 0;
      const end = node === range.endContainer ? range.endOffset : node.data.length;
      if (start < end) out.push({ node, start, end });
    }
    return out;
  }

  function wrapMarks(painting) {
    const byNode = new Map();
    for (const [name, ranges] of painting.groups) {
      if (name.startsWith(`${PREFIX}-s`)) continue; // speakers would nest marks in statements
      const color = state.colorOf(name);
      for (const range of ranges) {
        const who = painting.owner.get(range);
        for (const { node, start, end } of textSegments(range)) {
          if (!byNode.has(node)) byNode.set(node, []);
          byNode.get(node).push({ start, end, color, who });
        }
      }
    }
    for (const [node, parts] of byNode) {
      if (!node.parentNode) continue;
      parts.sort((a, b) => a.start - b.start);
      const pieces = [];
      let at = 0;
      for (const part of parts) {
        if (part.start < at) continue;
        if (part.start > at) pieces.push(document.createTextNode(node.data.slice(at, part.start)));
        const mark = document.createElement('mark');
        mark.textContent = node.data.slice(part.start, part.end);
        mark.style.backgroundColor = part.color;
        mark.style.color = 'inherit';
        state.markOwner.set(mark, part.who);
        if (part.who.attribution != null) {
          if (!state.marksOf.has(part.who.attribution)) state.marksOf.set(part.who.attribution, []);
          state.marksOf.get(part.who.attribution).push(mark);
        }
        pieces.push(mark);
        at = part.end;
      }
      if (at < node.data.length) pieces.push(document.createTextNode(node.data.slice(at)));
      const parent = node.parentNode;
      for (const piece of pieces) parent.insertBefore(piece, node);
      node.remove();
      state.wrapped.push({ node, pieces });
    }
    state.observer?.takeRecords();
  }

  function unwrapMarks() {
    for (const { node, pieces } of state.wrapped.reverse()) {
      const first = pieces[0];
      if (first.parentNode) first.parentNode.replaceChild(node, first);
      for (let i = 1; i < pieces.length; i++) pieces[i].remove();
    }
    state.wrapped = [];
    state.markOwner = new WeakMap();
    state.marksOf = new Map();
    state.observer?.takeRecords();
  }

  // The highlight rules, in one constructed sheet adopted by each tree that holds article text.
  function installStyles(css, trees) {
    if (!HAS_HIGHLIGHTS) return;
    if (!state.sheet) {
      state.sheet = new CSSStyleSheet();
      state.sheetTrees = new Set();
    }
    state.sheet.replaceSync(css);
    for (const tree of trees) {
      if (state.sheetTrees.has(tree)) continue;
      tree.adoptedStyleSheets = [...tree.adoptedStyleSheets, state.sheet];
      state.sheetTrees.add(tree);
    }
  }

  function removeStyles() {
    for (const tree of state.sheetTrees ?? []) tree.adoptedStyleSheets = [...tree.adoptedStyleSheets].filter((s) => s !== state.sheet);
  }

  // ---- Hover card -------------------------------------------------------------------------

  function makeCard() {
    const host = document.createElement('sourcelight-card');
    const shadow = host.attachShadow({ mode: 'closed' });
    const box = document.createElement('div');
    Object.assign(box.style, {
      position: 'fixed', zIndex: '2147483647', display: 'none', maxWidth: '320px', padding: '8px 10px',
      background: '#1d1d1f', color: '#f5f5f7', font: '13px/1.4 system-ui, sans-serif', borderRadius: '6px',
      boxShadow: '0 4px 16px rgba(0,0,0,.3)', pointerEvents: 'none',
    });
    const line = (label) => {
      const row = document.createElement('div');
      const key = document.createElement('span');
      key.textContent = `${label}: `;
      key.style.opacity = '0.7';
      const value = document.createElement('span');
      row.append(key, value);
      box.append(row);
      return value;
    };
    const fields = { speaker: line('Speaker'), party: line('Party'), cue: line('Cue'), cueClass: line('Cue class') };
    shadow.append(box);
    return { host, box, fields };
  }

  function cardFor(who) {
    const { analysis } = state.answer;
    if (who.hedge != null) return { speaker: 'no one (hedge)', party: '—', cue: analysis.hedges[who.hedge].text, cueClass: 'hedge' };
    const a = analysis.attributions[who.attribution];
    const p = a.party == null ? null : analysis.parties[a.party];
    const party = p ? [p.name, p.role, p.affiliation].filter(Boolean).join(', ') : 'not identified';
    return { speaker: a.speaker_text ?? '—', party, cue: a.cue_text ?? '—', cueClass: a.cue_class ?? '—' };
  }

  // The text position under a viewport point, looking into the open shadow roots we read.
  function caretAt(x, y) {
    if (document.caretPositionFromPoint) {
      const p = document.caretPositionFromPoint(x, y, { shadowRoots: [...state.observed].filter((t) => t !== document) });
      return p && { node: p.offsetNode, offset: p.offset };
    }
    const r = document.caretRangeFromPoint?.(x, y);
    return r && { node: r.startContainer, offset: r.startOffset };
  }

  // The statement or hedge under the pointer: the ranges that hold the caret position and whose
  // boxes hold the point (the caret of a point in a margin is the nearest character). Not
  // `CSS.highlights.highlightsFromPoint`: Chromium takes seconds to answer it on a page with
  // tens of thousands of ranges, while this takes a millisecond.
  function hit(x, y, target) {
    if (!HAS_HIGHLIGHTS) return target?.closest?.('mark') ? state.markOwner.get(target.closest('mark')) ?? null : null;
    const caret = caretAt(x, y);
    if (!caret) return null;
    let found = null;
    for (const [range, who] of state.painting.owner) {
      if (!range.isPointInRange(caret.node, caret.offset) || !under(range, x, y)) continue;
      found = who;
      if (who.hedge != null) break; // a hedge inside a statement wins over the statement
    }
    return found;
  }

  function under(range, x, y) {
    for (const r of range.getClientRects()) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
    return false;
  }

  function onPointerMove(event) {
    if (state.pointerFrame || !state.painting) return;
    const { clientX: x, clientY: y } = event;
    const target = event.composedPath()[0];
    state.pointerFrame = requestAnimationFrame(() => {
      state.pointerFrame = 0;
      if (!state?.painting) return;
      const who = target?.nodeType === 1 || target?.nodeType === 3 ? hit(x, y, target.nodeType === 1 ? target : target.parentElement) : null;
      const { box, fields } = state.card;
      if (!who) {
        box.style.display = 'none';
        return;
      }
      const info = cardFor(who);
      for (const key of Object.keys(fields)) fields[key].textContent = info[key];
      box.style.display = 'block';
      box.style.left = `${Math.max(0, Math.min(x + 14, innerWidth - box.offsetWidth - 8))}px`;
      box.style.top = `${y + 18 + box.offsetHeight < innerHeight ? y + 18 : Math.max(0, y - 12 - box.offsetHeight)}px`;
    });
  }

  // ---- Running ----------------------------------------------------------------------------

  async function analyze(blocks, grouping) {
    const reply = await api.runtime.sendMessage({ type: 'analyze', grouping, blocks: blocks.map((b) => ({ id: b.id, text: b.text })) });
    if (!reply?.ok) throw new Error(reply?.error ?? 'no answer from the background');
    return reply.value;
  }

  const sameTexts = (a, b) => a.length === b.length && a.every((block, i) => block.text === b[i].text);

  /**
   * Extracts (unless given blocks), analyzes and paints. A stop or a newer run bumps
   * `state.generation`, and a run that sees it changed drops its answer.
   */
  async function run(grouping, extracted = null) {
    const generation = ++state.generation;
    const t0 = now();
    if (!HAS_HIGHLIGHTS) unwrapMarks(); // marks are ours: extract the page's own text nodes
    if (!state.root?.isConnected) state.root = findRoot(document);
    const { blocks, shadowRoots } = extracted ?? (await extract(state.root));
    const t1 = now();
    state.extractMs = t1 - t0;
    const answer = await analyze(blocks, grouping);
    const t2 = now();
    if (!state || generation !== state.generation) return null;
    const painting = await build(answer, (id) => blocks[id], blocks);
    if (!state || generation !== state.generation) return null;
    state.blocks = blocks;
    state.answer = answer;
    state.grouping = answer.grouping;
    state.colorOf = (name) => colorFromCss(answer.css, name);
    // The first chunk is placed by the layout as it stands: a new style sheet first would make
    // the browser lay out the whole page again to answer where the viewport is.
    const shown = show(painting); // registers the chunk around the viewport before returning
    installStyles(answer.css, [document, ...shadowRoots]);
    observeTrees(shadowRoots);
    const t3 = now();
    await shown;
    const t4 = now();
    if (!state || generation !== state.generation) return null;
    // `paintedAt`: the highlights in view are registered; `completeAt`: all of them are.
    state.summary = {
      url: location.href,
      title: document.title,
      grouping: answer.grouping,
      palette: answer.palette,
      analysis: answer.analysis,
      timings: { extract: t1 - t0, analyze: t2 - t1, paint: t3 - t2, complete: t4 - t2 },
      paintedAt: performance.timeOrigin + t3,
      completeAt: performance.timeOrigin + t4,
    };
    return state.summary;
  }

  // The fill colour of a highlight name in the CSS the background sent (for <mark>s).
  function colorFromCss(css, name) {
    const rule = css.split('\n').find((line) => line.startsWith(`::highlight(${name})`));
    return rule?.match(/background-color:\s*([^;]+);/)?.[1] ?? 'rgba(128,128,128,0.3)';
  }

  function observeTrees(trees) {
    for (const tree of trees) {
      if (state.observed.has(tree)) continue;
      state.observed.add(tree);
      state.observer.observe(tree, { subtree: true, childList: true, characterData: true });
    }
  }

  // Maps the block ids of the current answer to fresh blocks: a block keeps its spans when a
  // block with the very same text is still there, in order.
  function reanchor(blocks) {
    const byText = new Map();
    for (const b of blocks) {
      if (!byText.has(b.text)) byText.set(b.text, []);
      byText.get(b.text).push(b);
    }
    const map = new Map();
    for (const old of state.blocks) {
      const queue = byText.get(old.text);
      if (queue?.length) map.set(old.id, queue.shift());
    }
    return (id) => map.get(id) ?? null;
  }

  function onMutations(records) {
    const root = state.root;
    if (!root) return;
    // Changes outside the article (ads, clocks, comments) are none of our business; a removed
    // article shows as a root no longer connected.
    const relevant = !root.isConnected || records.some((r) => composedContains(root, r.target));
    if (!relevant) return;
    // The observer runs in a microtask, and an extraction that needs no yield finishes in
    // microtasks too: a re-render of a small article is re-anchored before the next frame.
    if (state.painting && state.extractMs <= QUICK_EXTRACT_MS) follow(false).catch(() => {});
    clearTimeout(state.debounce);
    state.firstChange ??= now();
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, state.firstChange + MAX_WAIT_MS - now()));
    state.debounce = setTimeout(() => {
      state.firstChange = null;
      follow(true).catch(() => {}); // a page that changes under us never sees our errors
    }, wait);
  }

  /**
   * Follows the page after a change: same text, re-anchor; changed text, keep the highlights
   * of unchanged blocks now and, when `reanalyze`, analyze the new text.
   */
  async function follow(reanalyze) {
    const generation = state.generation;
    if (!HAS_HIGHLIGHTS) unwrapMarks();
    if (!state.root.isConnected) state.root = findRoot(document);
    const extracted = await extract(state.root);
    if (!state || generation !== state.generation || !state.answer) return;
    const { blocks, shadowRoots } = extracted;
    const same = sameTexts(blocks, state.blocks);
    const painting = await build(state.answer, same ? (id) => blocks[id] : reanchor(blocks), blocks);
    if (!state || generation !== state.generation) return;
    installStyles(state.answer.css, shadowRoots);
    observeTrees(shadowRoots);
    await show(painting);
    if (same) {
      state.blocks = blocks;
      if (!reanalyze) {
        clearTimeout(state.debounce);
        state.firstChange = null;
      }
    } else if (reanalyze) {
      await run(state.grouping, extracted);
    }
  }

  async function start(grouping) {
    // Already painted: answer with the latest summary (the page may have been re-analyzed since).
    if (state && (grouping == null || grouping === state.grouping)) return state.ready.then(() => state?.summary ?? null);
    if (!state) {
      state = {
        generation: 0, root: null, blocks: [], answer: null, painting: null, grouping, ready: null,
        wrapped: [], markOwner: new WeakMap(), marksOf: new Map(), observed: new Set(), debounce: 0, firstChange: null,
        pointerFrame: 0, flashTimer: 0, extractMs: Infinity, sheet: null, sheetTrees: null, colorOf: null, summary: null,
      };
      state.card = makeCard();
      document.documentElement.append(state.card.host);
      state.observer = new MutationObserver(onMutations);
      observeTrees([document]);
      document.addEventListener('pointermove', onPointerMove, { capture: true, passive: true });
    }
    state.grouping = grouping;
    state.ready = run(grouping);
    return state.ready;
  }

  function stop() {
    if (!state) return { active: false };
    const s = state;
    s.generation++;
    s.observer.disconnect();
    document.removeEventListener('pointermove', onPointerMove, { capture: true });
    cancelAnimationFrame(s.pointerFrame);
    clearTimeout(s.debounce);
    clearTimeout(s.flashTimer);
    if (HAS_HIGHLIGHTS) {
      // Our own names, not an iteration of the registry: Firefox cannot iterate it through
      // a content script's Xray wrapper.
      for (const name of s.painting?.groups.keys() ?? []) CSS.highlights.delete(name);
      CSS.highlights.delete(`${PREFIX}-flash`);
    } else {
      unwrapMarks();
    }
    removeStyles();
    s.card.host.remove();
    state = null;
    return { active: false };
  }

  /** Scrolls to attribution `index` and flashes it; returns where it ended up. */
  function reveal(index) {
    if (!HAS_HIGHLIGHTS) return revealMarks(index);
    const ranges = state?.painting?.contentRanges[index];
    if (!ranges?.length) return null;
    const first = ranges[0];
    const el = first.startContainer.nodeType === 1 ? first.startContainer : first.startContainer.parentElement;
    el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    clearTimeout(state.flashTimer);
    const flash = new Highlight(...ranges);
    flash.priority = 2;
    CSS.highlights.set(`${PREFIX}-flash`, flash);
    state.flashTimer = setTimeout(() => CSS.highlights.delete(`${PREFIX}-flash`), 1500);
    const rect = first.getBoundingClientRect();
    return { text: ranges.map(String).join(' '), top: rect.top, bottom: rect.bottom, viewport: innerHeight };
  }

  // The same with <mark>s: an outline that fades, through the Web Animations API, which leaves
  // no trace in the DOM once finished.
  function revealMarks(index) {
    const marks = state?.marksOf.get(index);
    if (!marks?.length) return null;
    marks[0].scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    for (const mark of marks) mark.animate([{ outline: '3px solid currentColor' }, { outline: '3px solid transparent' }], 1500);
    const rect = marks[0].getBoundingClientRect();
    return { text: marks.map((m) => m.textContent).join(''), top: rect.top, bottom: rect.bottom, viewport: innerHeight };
  }

  globalThis.sourcelight = { start, stop, reveal };

  // Sites the user chose in the options page run without a click (the background registers
  // this file there once the host permission is granted).
  api.storage.local.get({ sites: [] }).then(({ sites }) => {
    if (Array.isArray(sites) && sites.includes(`${location.protocol}//${location.hostname}/*`)) start(null).catch(() => {});
  });
})();
