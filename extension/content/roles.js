// The role a block of text plays on its page, for the engine: `roleOf(el, text, context)` gives
// one of "headline", "standfirst", "byline", "dateline", "caption", "paragraph", "list_item",
// "block_quote" or "label" for the block-level element `el` whose text is `text`. `context` is
// `{headline, root, author}`: the article's headline element (or null), the article's root (the
// search for telling classes stops there) and the author's name from the page's metadata.
//
// Why: a page is not one text. A headline that reads "United States to Lift Ferry Sanctions"
// is no one's statement, a byline with a time is no speaker, "Image" above a photo is not a
// sentence, and a caption names people who said nothing there. The engine knows what to do with
// each once it is told; the page's markup says it plainly, in order of trust:
// 1. the element: the article's headline, <figcaption> and <caption>, <li>, <blockquote>,
//    <address>, a <time> that is most of the block, other headings;
// 2. schema.org and link relations: itemprop="author", rel="author", itemprop="datePublished";
// 3. the class or id of the element and of its parents up to the article's root: byline,
//    author, dateline, caption, standfirst, dek, summary…;
// 4. the text itself: a short furniture label ("Image", "Gallery", "Media caption"), a line
//    that starts "By " and names someone, the author's name alone.
// Everything else is a paragraph.

const SHORT = 120; // characters: bylines, datelines and labels are never longer
const CLASS_DEPTH = 4; // parents of the block whose class still speaks for it
const LABELS = new Set([
  'image', 'images', 'photo', 'photos', 'picture', 'gallery', 'video', 'audio', 'media', 'media caption', 'image caption', 'image source',
  'caption', 'analysis', 'topics', 'related', 'related topics', 'more on this story', 'advertisement', 'share', 'share this', 'listen',
  'watch', 'play', 'live', 'updated', 'opinion', 'exclusive', 'breaking', 'breaking news', 'graphic', 'explainer', 'getty images', 'read more',
]);
const BYLINE_CLASS = /(?:^|[\s_-])(?:by-?line|author|authors|writer|contributor|credit-?name|posted-?by)(?=$|[\s_-])/i;
const DATELINE_CLASS = /(?:^|[\s_-])(?:date-?line|date|timestamp|published|pubdate|updated|time)(?=$|[\s_-])/i;
const CAPTION_CLASS = /(?:^|[\s_-])(?:caption|figcaption|wp-caption-text|image-?caption|photo-?caption|media-?caption)(?=$|[\s_-])/i;
const STANDFIRST_CLASS = /(?:^|[\s_-])(?:standfirst|dek|deck|summary|sub-?title|sub-?headline|strapline|article-?intro|lead-?in|description)(?=$|[\s_-])/i;
const LABEL_CLASS = /(?:^|[\s_-])(?:label|kicker|eyebrow|flag|tag|category|section-?name)(?=$|[\s_-])/i;
// "By" and two capitalized words (a name), as in "By Jane Doe · 5:57 PM ET"; not "By Thursday, …".
const BY_LINE = /^(?:By|BY|Von|Par|Por|Door)\s+\p{Lu}[\p{L}'’.-]*\s+\p{Lu}/u;
const DATE_ONLY = /^(?:(?:updated|published|posted)\s*:?\s*)?[\p{L}\d.,:/ -]*\d[\p{L}\d.,:/ -]*$/iu;

/** The role of the block under `el` with text `text`; see the header comment. */
export function roleOf(el, text, { headline = null, root = null, author = '' } = {}) {
  const words = text.trim().replace(/\s+/g, ' ');
  const short = words.length <= SHORT;
  if (headline && (el === headline || headline.contains(el))) return 'headline';
  if (short && LABELS.has(words.toLowerCase().replace(/[:.]$/, ''))) return 'label';
  const tag = el.localName;
  if (short && (tag === 'address' || bySchema(el, root, 'author') || relAuthor(el, words) || (author && sameName(words, author)))) return 'byline';
  if (short && (timeIsMost(el, words) || bySchema(el, root, 'datePublished') || bySchema(el, root, 'dateModified'))) return 'dateline';
  if (tag === 'figcaption' || tag === 'caption' || el.closest?.('figcaption')) return 'caption';
  const classes = classesUp(el, root);
  if (short && BY_LINE.test(words)) return 'byline';
  if (short && classes.some((c) => BYLINE_CLASS.test(c))) return 'byline';
  if (short && classes.some((c) => DATELINE_CLASS.test(c)) && DATE_ONLY.test(words)) return 'dateline';
  if (classes.some((c) => CAPTION_CLASS.test(c))) return 'caption';
  if (/^h[1-6]$/.test(tag)) return short && (wordCount(words) <= 2 || classes.some((c) => LABEL_CLASS.test(c))) ? 'label' : 'paragraph';
  if (short && wordCount(words) <= 3 && !/[.!?"”]$/.test(words) && classes.some((c) => LABEL_CLASS.test(c))) return 'label';
  if (tag === 'li' || el.closest?.('li')) return 'list_item';
  if (tag === 'blockquote' || el.closest?.('blockquote')) return 'block_quote';
  if (classes.some((c) => STANDFIRST_CLASS.test(c))) return 'standfirst';
  return 'paragraph';
}

const wordCount = (s) => s.split(' ').filter(Boolean).length;

// The class and id of `el` and of its parents, up to `root` (not included) or CLASS_DEPTH levels.
function classesUp(el, root) {
  const out = [];
  for (let n = el, level = 0; n && n.nodeType === 1 && level <= CLASS_DEPTH; n = n.parentElement, level++) {
    const names = `${n.getAttribute('class') ?? ''} ${n.id ?? ''}`.trim();
    if (names) out.push(names);
    if (n === root) break;
  }
  return out;
}

// Whether `el`, a parent below `root` or one child carries itemprop="`prop`".
function bySchema(el, root, prop) {
  const has = (n) => (n.getAttribute('itemprop') ?? '').split(/\s+/).includes(prop);
  for (let n = el, level = 0; n && n.nodeType === 1 && level <= CLASS_DEPTH; n = n.parentElement, level++) {
    if (has(n)) return true;
    if (n === root) break;
  }
  return [...(el.querySelectorAll?.('[itemprop]') ?? [])].some((n) => has(n) && n.textContent.trim().length * 2 >= el.textContent.trim().length);
}

// A block made mostly of a link to its author (rel="author").
function relAuthor(el, words) {
  let linked = 0;
  for (const a of el.querySelectorAll?.('a[rel~="author"]') ?? []) linked += a.textContent.trim().length;
  return linked > 0 && linked * 3 >= words.length;
}

// A block that is mostly a <time> element, or is one.
function timeIsMost(el, words) {
  if (el.localName === 'time') return true;
  let timed = 0;
  for (const t of el.querySelectorAll?.('time') ?? []) timed += t.textContent.trim().length;
  return timed > 0 && timed * 2 >= words.length;
}

// "Jane Doe" and "By Jane Doe" are the author "Jane Doe".
function sameName(words, author) {
  const name = author.trim().toLowerCase();
  return name.length > 0 && words.toLowerCase().replace(BY_LINE_PREFIX, '') === name;
}
const BY_LINE_PREFIX = /^(?:by|von|par|por|door)\s+/;
