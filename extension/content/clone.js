// A copy of the page for Mozilla's Readability to take apart, with the way back to the page.
//
// `composedClone(doc, pace)` resolves to `{clone, liveOf, order, headings, cut, chars}`: `clone`
// is a new, inert document holding a copy of the page's tree as it is rendered (open shadow
// roots and slots flattened in, as dom.js walks them), `liveOf` maps each of its text nodes to
// the page's own text node, `order` gives each of those its place in the page, `headings` lists the page's <h1> and <h2> elements in order, `chars`
// counts the copied text and `cut` is the page's first text node left out (null when all of it
// is in).
//
// Design:
// - Readability works on a document it may tear apart, and it moves text nodes without ever
//   copying them: so a copy made node by node, with a map from each copied text node to its
//   original, is enough to bring what it keeps back to the live page, where highlights belong.
// - The copy is built by hand rather than with cloneNode, which cannot see into shadow roots
//   and gives no map; the walk yields to the page in slices (pace.js).
// - The copy lives in a document of its own, made with createHTMLDocument: it has no window,
//   so no script in it runs, no custom element is upgraded and no image or style is fetched.
// - Readability takes one uninterrupted pass, 0.15 to 0.3 ms per 1,000 characters of text here
//   (the first pass in a tab is the slowest). A page with more than HUGE characters of text (a
//   book, not an article) is given only its first SAMPLE characters, so that the pass stays
//   well under 50 ms; article.js carries the article on past `cut`. `pace` is the extraction's
//   own pacer (pace.js).
// - Comments and our own hover card are not copied.

import { composedChildren } from './dom.js';
import { pacer } from './pace.js';

// Text, in characters, past which a page is too long for one pass of Readability, and how
// much of such a page it is given. No article of the shared corpus of real pages comes near
// the first (the longest, a long Wikipedia article, has about 140,000 characters of text in all).
const HUGE = 400_000;
const SAMPLE = 60_000;
const CHECK_EVERY = 256; // nodes copied between two looks at the clock
const SKIPPED = new Set(['sourcelight-card', 'template']);
const UNCOUNTED = new Set(['script', 'style', 'noscript']); // text Readability drops before its pass

/** The page's rendered tree, copied into an inert document; see the header comment. */
export async function composedClone(doc, pace = pacer()) {
  const clone = doc.implementation.createHTMLDocument('');
  const liveOf = new Map();
  const order = new Map();
  const headings = [];
  let chars = 0;
  let sampled = 0; // characters copied before `cut`
  let cut = null;
  let cutCopy = null;
  const root = clone.importNode(doc.documentElement, false);
  clone.replaceChild(root, clone.documentElement);
  // Depth first, children pushed last to first: nodes come off the stack in document order,
  // so each copy is appended after its elder siblings.
  const stack = [];
  const pushChildren = (node, copy) => {
    const children = composedChildren(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], copy]);
  };
  pushChildren(doc.documentElement, root);
  for (let visited = 1; stack.length; visited++) {
    if (visited % CHECK_EVERY === 0 && pace.due()) await pace.pause();
    const [node, parent] = stack.pop();
    if (node.nodeType === 3) {
      const copy = clone.createTextNode(node.data);
      liveOf.set(copy, node);
      order.set(node, order.size);
      parent.append(copy);
      if (UNCOUNTED.has(parent.localName) || !/\S/.test(node.data)) continue; // not text Readability weighs
      if (!cut && chars + node.data.length > SAMPLE && chars > 0) {
        [cut, cutCopy, sampled] = [node, copy, chars];
      }
      chars += node.data.length;
    } else if (node.nodeType === 1 && !SKIPPED.has(node.localName)) {
      const copy = clone.importNode(node, false);
      if (node.localName === 'h1' || node.localName === 'h2') headings.push(node);
      parent.append(copy);
      pushChildren(node, copy);
    }
  }
  if (chars <= HUGE) return { clone, liveOf, order, headings, cut: null, chars };
  const rest = clone.createRange();
  rest.setStartBefore(cutCopy);
  rest.setEndAfter(clone.documentElement.lastChild);
  rest.deleteContents();
  return { clone, liveOf, order, headings, cut, chars: sampled };
}
