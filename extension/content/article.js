// Finds the article on the live page with Mozilla's Readability, the library behind Firefox's
// Reader View. `findArticle(document)` is this script's one way of choosing text: it resolves to
// `{root, texts, headline, title, byline}` (the element that holds the article, the page's own
// text nodes of it, its headline element or null, its title and its author's name as
// Readability reads them), or to null when the page is not
// an article (a home page, an index of stories, a form).
//
// How:
// - Readability runs on a copy of the page (clone.js) that maps every copied text node back to
//   the page's own; what it keeps comes back as the page's text nodes, so highlights land on the
//   page itself. Readability keeps classes off its own copy only; the page is never touched.
// - Before it runs, two things are settled on the copy. Whether the page is an article at all:
//   Readability's own test (isProbablyReaderable, with a lower bar so that a short news item of
//   a few paragraphs passes). And which wrappers
//   are furniture: Readability drops any element whose class or id says sidebar, header,
//   related…, which on some sites names the wrapper of the whole story
//   ("panel-two-col-sidebar-right-mix"); on the copy, such words are struck from an element that
//   holds most of the page's text and the story's headline, which no sidebar does.
// - What Readability keeps may still be a grid of teasers under linked headlines (index.js):
//   that is a list of stories, not an article.
// - Readability drops the headline from its text (it is the title); the page's <h1> or <h2> that
//   reads like the title is brought back, since a headline can carry a statement, with the
//   article's head around it (standfirst, byline) when Readability left that out.
// - A page too long for one pass (clone.js's HUGE) is copied in part. The article then goes on past
//   that point inside the container where the copied part of it ends.

import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { composedClone } from './clone.js';
import { composedChildren, commonAncestor, composedContains, composedParent, composedTexts } from './dom.js';
import { storyList } from './index.js';
import { pacer } from './pace.js';

// Readability's bar for "probably an article" is a paragraph of 140 characters and a score of
// 20 (the square roots of what each paragraph has past the minimum); a short news item of four
// paragraphs of two sentences each does not reach it. These pass such an item and still turn
// away a page of menus and one-line teasers.
const READERABLE = { minContentLength: 80, minScore: 12 };
const UNLIKELY = /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/gi; // Readability's own list
const WRAPPER_SHARE = 0.5; // a wrapper holds at least this share of the page's text
const STORY_MARKERS = 'h1, article, [itemprop~="articleBody"]';
const QUICK_CHARS = 30_000; // a copy with more text than this gets a task of its own for Readability
// Readability's sieve: all its rules (strip unlikely candidates 1, weigh classes 2, clean
// conditionally 4), then without each in turn, while it finds under CHAR_THRESHOLD characters.
const SIEVE = [0x7, 0x6, 0x4, 0x0];
const CHAR_THRESHOLD = 500;
const TITLE_LIKE = 0.75; // Readability's own similarity for a heading that repeats the title
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'ol', 'ul', 'table', 'tbody', 'dl']);

/** The article on `doc`, or null when it has none; see the header comment. */
export async function findArticle(doc, pace = pacer()) {
  const read = await readable(doc, pace);
  if (!read || storyList(read.result.content)) return null;
  const { result, copy } = read;
  const texts = [];
  const walker = copy.clone.createTreeWalker(result.content, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const live = copy.liveOf.get(node);
    if (live && node.data) texts.push(live);
  }
  if (!texts.length) return null;
  texts.sort((a, b) => copy.order.get(a) - copy.order.get(b));
  if (copy.cut) await carryOn(texts, copy.cut, pace);
  const title = result.title ?? '';
  const headline = headlineOf(copy.headings, title, texts);
  const found = new Set(texts);
  if (headline) for (const node of headOf(headline, texts[0], found)) found.add(node);
  let root = commonAncestor(texts[0], texts[texts.length - 1]);
  if (headline) root = commonAncestor(root, headline) ?? root;
  return { root, texts: found, headline, title, byline: result.byline ?? '' };
}

// Readability's result on a copy of `doc` (with the copy), or null when `doc` is no article.
// Readability tries again with fewer of its rules when it finds under 500 characters, but it
// does so on a page rebuilt from markup, whose text nodes are new and map back to nothing:
// so its sieve is run here, one fresh copy per try, and like Readability, when no try reaches
// 500 characters, the longest wins.
async function readable(doc, pace) {
  let best = null;
  for (const flags of SIEVE) {
    const copy = await composedClone(doc, pace);
    if (!copy.clone.body) return null;
    prepare(copy.clone, copy.chars);
    if (!best && !isProbablyReaderable(copy.clone, READERABLE)) return null;
    if (copy.chars > QUICK_CHARS || pace.due()) await pace.pause();
    const reader = new Readability(copy.clone, { serializer: (el) => el, charThreshold: 1 });
    reader._flags = flags;
    const result = reader.parse();
    if (pace.due()) await pace.pause();
    const length = result?.content ? result.content.textContent.replace(/\s+/g, ' ').trim().length : 0;
    if (length >= CHAR_THRESHOLD) return { result, copy };
    if (!best || length > best.length) best = { result, copy, length };
  }
  return best.length ? best : null;
}

// Readies the copy for Readability. Links to "javascript:" lose that address, since Readability
// replaces such links with new text nodes. Readability's "unlikely" words are struck from the
// class and id of the page's wrappers, whatever their names say: elements that hold most of the
// page's text and the story's own markers (its <h1>, an <article>, schema.org's articleBody).
// A gallery or a list of comments may hold as much text, but not those.
function prepare(clone, chars) {
  for (const a of clone.querySelectorAll('a[href]')) if (/^\s*javascript:/i.test(a.getAttribute('href'))) a.setAttribute('href', 'about:blank');
  for (const el of clone.body.querySelectorAll('[class], [id]')) {
    const names = `${el.getAttribute('class') ?? ''} ${el.id}`;
    UNLIKELY.lastIndex = 0;
    if (!UNLIKELY.test(names) || el.textContent.length < chars * WRAPPER_SHARE || !el.querySelector(STORY_MARKERS)) continue;
    for (const attribute of ['class', 'id']) {
      const value = el.getAttribute(attribute);
      if (value) el.setAttribute(attribute, value.replace(UNLIKELY, ''));
    }
  }
}

// The page's first <h1> or <h2> (an <h1> first) that reads like the title, outside the text.
function headlineOf(headings, title, texts) {
  if (!title) return null;
  const found = new Set(texts);
  const likeTitle = (h) => similarity(title, h.textContent) > TITLE_LIKE && ![...composedTexts(h)].some((t) => found.has(t));
  const visible = (h) => !h.checkVisibility || h.checkVisibility();
  return headings.find((h) => h.localName === 'h1' && likeTitle(h) && visible(h)) ?? headings.find((h) => likeTitle(h) && visible(h)) ?? null;
}

// Readability's measure: the share of `b`'s words, by length, that are also words of `a`.
function similarity(a, b) {
  const tokens = (s) => s.toLowerCase().split(/\W+/u).filter(Boolean);
  const inA = new Set(tokens(a));
  const inB = tokens(b);
  if (!inA.size || !inB.length) return 0;
  return 1 - inB.filter((t) => !inA.has(t)).join(' ').length / inB.join(' ').length;
}

// The article's head: the text around the headline in the largest element that holds the
// headline and not the body (a <header>, "article-header"): standfirst, byline, date, kicker.
// Readability leaves it out when the body scores higher, but a standfirst is often the
// story's first statement. A head with more text than the body found is no head.
function headOf(headline, first, found) {
  let head = headline;
  for (let up = composedParent(head); up && up.nodeType === 1 && !composedContains(up, first); up = composedParent(up)) head = up;
  let chars = 0;
  for (const node of found) chars += node.data.length;
  const texts = [...composedTexts(head)];
  return texts.reduce((sum, node) => sum + node.data.length, 0) < chars ? texts : [];
}

// A page too long to copy whole: the article goes on from `cut` to the end of the container
// (a <div>, <section>, list…) that holds both its last copied text and `cut`.
async function carryOn(texts, cut, pace) {
  let container = commonAncestor(texts[texts.length - 1], cut);
  while (container && !CONTAINERS.has(container.localName)) container = composedParent(container);
  if (!container || container.localName === 'body' || container.nodeType !== 1) return;
  let after = false;
  const stack = [container];
  for (let visited = 1; stack.length; visited++) {
    if (visited % 256 === 0 && pace.due()) await pace.pause();
    const node = stack.pop();
    if (node === cut) after = true;
    if (node.nodeType === 3) {
      if (after && node.data.trim()) texts.push(node);
      continue;
    }
    const children = composedChildren(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}
