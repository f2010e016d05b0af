// Finds the article on the live page: `findArticle(document)` returns the element whose text
// is the article. It is this script's one way of choosing text, so that another finder (say
// Mozilla's Readability run on a clone, with a map from the clone's nodes back to the live
// ones) can take its place without the rest knowing.
//
// How, much as Readability scores, but on the live DOM so that highlights land on the page's
// own nodes:
// - every paragraph over 25 characters votes for its parent (full score), grandparent (half)
//   and great-grandparent (a quarter); paragraphs in excluded elements (exclusions.js) do not;
// - the best of the five leading candidates, weighted by how little of its text is links, wins;
// - the winner is widened to the common ancestor with the page's first <h1> (the headline and
//   standfirst belong to the article) and to an enclosing <article>, unless that brings in more
//   than half again as much paragraph text.

import { composedParent, composedContains, composedChildren, commonAncestor } from './dom.js';
import { excluded } from './exclusions.js';

const MIN_PARAGRAPH = 25; // characters: shorter paragraphs (datelines, captions) do not vote
const CANDIDATES = 5;
const WIDEN_LIMIT = 1.5; // widening may bring in this much paragraph text, relative to the winner's

/** The article's root element in `doc`; see the header comment. */
export function findArticle(doc) {
  const { paragraphs, headline } = visibleParagraphs(doc);
  const lengths = new Map();
  const scores = new Map();
  for (const p of paragraphs) {
    const text = p.textContent;
    const length = text.trim().length;
    if (length < MIN_PARAGRAPH) continue;
    lengths.set(p, length);
    const score = 1 + (text.match(/,/g)?.length ?? 0) + Math.min(Math.floor(length / 100), 3);
    let node = composedParent(p);
    for (let level = 0; level < 3 && node && node.nodeType === 1; level++, node = composedParent(node)) {
      scores.set(node, (scores.get(node) ?? 0) + score / (level === 0 ? 1 : level * 2));
    }
  }
  if (!scores.size) return doc.querySelector('article, main, [role="main"]') ?? doc.body ?? doc.documentElement;
  return widened(doc, bestCandidate(scores), headline, lengths);
}

// The <p> and <pre> elements outside excluded parts, and the first <h1>, in rendered order.
function visibleParagraphs(doc) {
  const paragraphs = [];
  let headline = null;
  const stack = [doc.body ?? doc.documentElement];
  while (stack.length) {
    const el = stack.pop();
    if (excluded(el)) continue;
    if (el.localName === 'p' || el.localName === 'pre') paragraphs.push(el);
    else if (el.localName === 'h1' && !headline) headline = el;
    const children = composedChildren(el);
    for (let i = children.length - 1; i >= 0; i--) if (children[i].nodeType === 1) stack.push(children[i]);
  }
  return { paragraphs, headline };
}

// The leading candidate once each is weighted by how little of its text is links.
function bestCandidate(scores) {
  const ranked = [...scores].sort((a, b) => b[1] - a[1]).slice(0, CANDIDATES);
  let best = null;
  let bestScore = -1;
  for (const [el, score] of ranked) {
    const weighted = score * (1 - linkDensity(el));
    if (weighted > bestScore) [best, bestScore] = [el, weighted];
  }
  return best;
}

function linkDensity(el) {
  const total = el.textContent.length || 1;
  let links = 0;
  for (const a of el.querySelectorAll('a')) links += a.textContent.length;
  return Math.min(links / total, 1);
}

// `best` grown to take in the headline and an enclosing <article>, where that adds little.
function widened(doc, best, headline, lengths) {
  const paragraphText = (el) => {
    let sum = 0;
    for (const [p, length] of lengths) if (composedContains(el, p)) sum += length;
    return sum;
  };
  const own = paragraphText(best);
  const acceptable = (candidate) => candidate && candidate !== doc.body && candidate !== doc.documentElement && paragraphText(candidate) <= own * WIDEN_LIMIT;
  let root = best;
  if (headline && !composedContains(root, headline)) {
    const common = commonAncestor(root, headline);
    if (acceptable(common)) root = common;
  }
  for (let n = composedParent(root); n && n.nodeType === 1; n = composedParent(n)) {
    if (n.localName === 'article') {
      if (acceptable(n)) root = n;
      break;
    }
  }
  return root;
}
