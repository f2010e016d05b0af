// The article's text as blocks for the engine, and the way back from the engine's offsets to
// the page's text nodes.
//
// `extractBlocks(root)` gives `{blocks, shadowRoots}`. A block is `{id, el, text, nodes,
// starts}`: `el` is the block-level element its text runs under (a paragraph, a heading, a
// list item...), and `text, nodes, starts` are a text map (shared/textmap.js) over the text
// nodes it is made of. `shadowRoots` are the open shadow roots the text was found in, which
// need the highlight rules and an observer of their own. `blockMessage(block)` is what the
// background is sent of a block; a block's role (headline, byline, caption...) is to be read
// from `el` and sent there too. `blockRanges(block, start, end)` maps offsets back to Ranges.
//
// Design:
// - Every run of text under the same block-level element is one block; inline elements (<em>,
//   <a>, <span>) stay inside it. A <br> becomes a space with no node: a line break inside a
//   paragraph, which the engine must not read as a paragraph break.
// - Tabs and newlines become spaces one for one, so that an offset in a block is an offset in
//   its text nodes, and mapping back needs only a binary search.
// - Open shadow roots and slots are walked in rendered order (dom.js); excluded elements
//   (exclusions.js) are left out, and so are blocks the browser does not render.
// - Text is read from text nodes' data, never parsed as markup. A long page is walked in
//   slices (pace.js).

import { rangesOver } from '../shared/textmap.js';
import { composedChildren } from './dom.js';
import { excluded } from './exclusions.js';
import { pacer } from './pace.js';

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'figcaption', 'figure', 'dd', 'dt', 'dl', 'td', 'th', 'tr', 'table', 'caption', 'pre', 'div', 'section', 'article', 'main', 'header', 'hgroup', 'address', 'summary', 'details', 'ul', 'ol', 'body', 'center', 'hr']);
const CHECK_EVERY = 256; // nodes visited between two looks at the clock

/** The blocks of text under `root`, and the shadow roots they lie in; see the header comment. */
export async function extractBlocks(root) {
  const blocks = [];
  const shadowRoots = new Set();
  // An article inside a shadow root needs the highlight rules in that root too.
  if (root.getRootNode() instanceof ShadowRoot) shadowRoots.add(root.getRootNode());
  let current = null;
  const close = () => {
    if (current && current.text.trim() && (!current.el.checkVisibility || current.el.checkVisibility())) {
      current.id = blocks.length;
      blocks.push(current);
    }
    current = null;
  };
  const add = (el, node, text) => {
    if (current?.el !== el) {
      close();
      current = { id: -1, el, text: '', nodes: [], starts: [] };
    }
    current.nodes.push(node);
    current.starts.push(current.text.length);
    current.text += text;
  };
  const pace = pacer();
  const stack = [[root, root]];
  for (let visited = 1; stack.length; visited++) {
    if (visited % CHECK_EVERY === 0 && pace.due()) await pace.pause();
    const [node, blockEl] = stack.pop();
    if (node.nodeType === 3) {
      if (node.data.length) add(blockEl, node, node.data.replace(/[\t\n\r\f]/g, ' '));
      continue;
    }
    if (node.nodeType !== 1 || (node !== root && excluded(node))) continue;
    if (node.localName === 'br') {
      if (current) add(blockEl, null, ' ');
      continue;
    }
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
  return { id: block.id, text: block.text };
}

/** The Ranges over `block.text.slice(start, end)`, one per tree; none for a gone block. */
export function blockRanges(block, start, end) {
  return block ? rangesOver(block, start, end) : [];
}

/** Whether two extractions hold the same texts in the same order. */
export function sameTexts(a, b) {
  return a.length === b.length && a.every((block, i) => block.text === b[i].text);
}
