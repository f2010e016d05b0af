// Tells a list of stories from a story: `storyList(content)` says whether the text Readability
// chose is a page of teasers (a home page, a section front, search results) rather than one
// article.
//
// Why: Readability's own test, isProbablyReaderable, counts paragraph text; a section front has
// plenty of it, a sentence or two under each linked headline, and Readability then picks the
// grid of teasers as "the article". Analyzing that paints a random teaser. What marks a teaser
// is its card: a small element holding a linked headline and a paragraph or two. An article's
// paragraphs sit together in one body, with no linked headline beside each of them.

const CARD_DEPTH = 3; // levels above a paragraph to look for its card
const CARD_PARAGRAPHS = 3; // a card holds at most this many paragraphs
const MIN_PARAGRAPH = 60; // characters: shorter paragraphs (datelines, credits) say nothing
const MIN_TEASERS = 3;

/** Whether most paragraphs of `content` are teasers under linked headlines. */
export function storyList(content) {
  let paragraphs = 0;
  let teasers = 0;
  // What each element is, worked out once: paragraphs share their parents.
  const cards = new Map();
  const card = (el) => {
    if (!cards.has(el)) {
      const small = el.querySelectorAll('p').length <= CARD_PARAGRAPHS;
      cards.set(el, small ? [...el.querySelectorAll('h1, h2, h3, h4, h5, h6')].some(linked) : null);
    }
    return cards.get(el); // true: a card; false: small, no linked headline; null: too big
  };
  for (const p of content.querySelectorAll('p')) {
    if (p.textContent.trim().length < MIN_PARAGRAPH) continue;
    paragraphs++;
    let el = p.parentElement;
    for (let level = 0; level < CARD_DEPTH && el && el !== content; level++, el = el.parentElement) {
      const found = card(el);
      if (found === null) break;
      if (found) {
        teasers++;
        break;
      }
    }
  }
  return teasers >= MIN_TEASERS && teasers * 2 > paragraphs;
}

// A heading whose text is mostly the text of its links.
function linked(heading) {
  if (heading.closest('a')) return true;
  const text = heading.textContent.trim().length;
  let links = 0;
  for (const a of heading.querySelectorAll('a')) links += a.textContent.trim().length;
  return text > 0 && links >= text * 0.8;
}
