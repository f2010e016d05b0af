// The text to analyze as blocks for the engine, and the way back from the engine's offsets to
// the page's text nodes.
//
// `articleBlocks(article)` reads the article findArticle found and gives `{blocks, shadowRoots}`;
// `rangeBlocks(ranges)` reads the text of a selection and gives `{root, blocks, shadowRoots}`. A block is `{id, el, role, text, nodes,
// starts, offsets}`: `el` is the block-level element its text runs under (a paragraph, a
// heading, a list item...), `role` what it is on the page (roles.js), and `text, nodes, starts,
// offsets` a text map (shared/textmap.js) over the text nodes, or parts of them, it is made of.
// `shadowRoots` are the open shadow roots the text was found in, which need the highlight rules
// and an observer of their own. `blockMessage(block)` is what the background is sent of a block;
// `blockRanges(block, start, end)` maps offsets back to Ranges.
//
// Design:
// - Every run of text under the same block-level element is one block; inline elements (<em>,
//   <a>, <span>) stay inside it. A <br> becomes a space with no node: a line break inside a
//   paragraph, which the engine must not read as a paragraph break.
// - Tabs and newlines become spaces one for one, so that an offset in a block is an offset in
//   its text nodes, and mapping back needs only a binary search.
// - The walk goes down from the article's root only into elements that hold article text, and
//   leaves out furniture (exclusions.js) even there; a selection is taken as chosen, less what
//   holds no reading text. Blocks the browser does not render are left out.
// - Open shadow roots and slots are walked in rendered order (dom.js). Text is read from text
//   nodes' data, never parsed as markup. A long page is walked in slices (pace.js).

import { rangesOver } from '../shared/textmap.js';
import { composedChildren, composedParent, composedTexts } from './dom.js';
import { excluded, unreadable } from './exclusions.js';
import { roleOf } from './roles.js';
import { pacer } from './pace.js';

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'figcaption', 'figure', 'dd', 'dt', 'dl', 'td', 'th', 'tr', 'table', 'caption', 'pre', 'div', 'section', 'article', 'main', 'header', 'hgroup', 'address', 'summary', 'details', 'ul', 'ol', 'body', 'center', 'hr']);
const CHECK_EVERY = 256; // nodes visited between two looks at the clock

/** The blocks of an article from findArticle; see the header comment. */
export function articleBlocks({ root, texts, headline, byline }, pace = pacer()) {
  const whole = new Set(texts);
  if (headline) for (const node of composedTexts(headline)) whole.add(node);
  // The elements on the way from the root down to article text: the only ones worth entering.
  const inside = new Set([root]);
  let chars = 0;
  for (const node of whole) {
    chars += node.data.length;
    for (let el = composedParent(node); el && !inside.has(el); el = composedParent(el)) inside.add(el);
  }
  return walk(root, {
    enters: (el) => inside.has(el) && !excluded(el, chars),
    part: (node) => (whole.has(node) ? [0, node.data.length] : null),
    context: { headline, root, author: byline ?? '' },
  }, pace);
}

/** The blocks of the text inside `ranges` (a selection's), cut at their ends, and their root. */
export async function rangeBlocks(ranges) {
  let root = ranges[0].commonAncestorContainer;
  for (const r of ranges) while (!root.contains(r.commonAncestorContainer)) root = root.parentNode;
  if (root.nodeType !== 1) root = root.parentElement ?? root;
  return { root, ...(await walk(root, {
    enters: (el) => !unreadable(el) && ranges.some((r) => r.intersectsNode(el)),
    part(node) {
      const r = ranges.find((range) => range.intersectsNode(node));
      if (!r) return null;
      return [node === r.startContainer ? r.startOffset : 0, node === r.endContainer ? r.endOffset : node.data.length];
    },
    context: { headline: null, root, author: '' },
  }, pacer())) };
}

async function walk(root, { enters, part, context }, pace) {
  const blocks = [];
  const shadowRoots = new Set();
  // An article inside a shadow root needs the highlight rules in that root too.
  if (root.getRootNode() instanceof ShadowRoot) shadowRoots.add(root.getRootNode());
  let current = null;
  const close = () => {
    if (current && current.text.trim() && (!current.el.checkVisibility || current.el.checkVisibility())) {
      current.id = blocks.length;
      current.role = roleOf(current.el, current.text, context);
      blocks.push(current);
    }
    current = null;
  };
  const add = (el, node, text, offset) => {
    if (current?.el !== el) {
      close();
      current = { id: -1, el, role: null, text: '', nodes: [], starts: [], offsets: [] };
    }
    current.nodes.push(node);
    current.starts.push(current.text.length);
    current.offsets.push(offset);
    current.text += text;
  };
  const stack = [[root, root]];
  for (let visited = 1; stack.length; visited++) {
    if (visited % CHECK_EVERY === 0 && pace.due()) await pace.pause();
    const [node, blockEl] = stack.pop();
    if (node.nodeType === 3) {
      const [from, to] = part(node) ?? [0, 0];
      if (from < to) add(blockEl, node, node.data.slice(from, to).replace(/[\t\n\r\f]/g, ' '), from);
      continue;
    }
    if (node.nodeType !== 1) continue;
    if (node.localName === 'br') {
      if (current) add(blockEl, null, ' ', 0);
      continue;
    }
    if (node !== root && !enters(node)) continue;
    if (node.shadowRoot) shadowRoots.add(node.shadowRoot);
    const inner = BLOCK_TAGS.has(node.localName) ? node : blockEl;
    const children = composedChildren(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], inner]);
  }
  close();
  return { blocks, shadowRoots };
}

/** What the background is sent of a block. */
export function blockMessage(block) {
  return { id: block.id, text: block.text, role: block.role };
}

/** The Ranges over `block.text.slice(start, end)`, one per tree; none for a gone block. */
export function blockRanges(block, start, end) {
  return block ? rangesOver(block, start, end) : [];
}

/** Whether two extractions hold the same texts in the same order. */
export function sameTexts(a, b) {
  return a.length === b.length && a.every((block, i) => block.text === b[i].text);
}
