// What is never analyzed, even inside the article: `excluded(el, articleChars)` says whether an
// element and everything under it are left out of the text (blocks.js asks it of every element
// on the way down).
//
// - Elements that hold no reading text: scripts, styles, forms and their controls, media,
//   navigation, asides, footers, dialogs, hidden elements, landmark roles.
// - Furniture, by the words in its class or id: related and most-read boxes, slideshows and
//   galleries, promos and newsletter boxes, video players and playlists, share bars, author bios, image
//   credits, ads, comments. Readability drops much of this, but not what sits inside the
//   article's own container, and its cleaning spares boxes with enough text in them.
//
// Why class and id words: sites name these boxes plainly, and a word list is cheap to test on
// every element of a long page. A word counts at the start of a class or after "-" or "_", so
// "related-stories" and "most_read" are furniture and "unrelated" is not; ids of more than
// three words are anchors made from a section's heading, and say nothing. An element that holds
// at least half of the article's text is the article's own wrapper, whatever its name says
// ("panel-two-col-sidebar-right-mix"), and the document's skeleton (html, body, main, article)
// is never excluded.

const EXCLUDED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'nav', 'aside', 'footer', 'form', 'button', 'select', 'textarea', 'input', 'label', 'iframe', 'svg', 'math', 'canvas', 'video', 'audio', 'object', 'embed', 'menu', 'dialog', 'sourcelight-card']);
const EXCLUDED_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search', 'form', 'dialog', 'alertdialog', 'menu', 'menubar', 'toolbar', 'tablist']);
const FURNITURE = new RegExp(
  `(?:^|[\\s_-])(?:${[
    'comments?', 'related', 'more-(?:stories|from|on|news)', 'read-more', 'most-?(?:read|popular|viewed|shared)', 'popular', 'trending', 'recirc', 'recommend',
    'outbrain', 'taboola', 'slide-?show', 'carousel', 'gallery', 'promo', 'ad', 'ads', 'advert', 'advertisement', 'sponsor(?:ed)?',
    'newsletter', 'subscribe', 'subscription', 'sign-?up', 'paywall', 'playlist', 'video-?list', 'player', 'now-watching', 'share', 'sharing', 'social', 'sharebar',
    'author-?(?:bio|info|card|box)', 'bio', 'contributor-?bio', 'credit', 'credits', 'image-?credit', 'photo-?credit', 'copyright',
    'sidebar', 'footer', 'nav', 'navigation', 'menu', 'breadcrumbs?', 'cookie', 'consent', 'tags', 'topics-?list',
  ].join('|')})(?=$|[\\s_-])`,
  'i',
);
const NEVER_EXCLUDED = new Set(['html', 'body', 'main', 'article']);
const WRAPPER_SHARE = 0.5;
const MAX_ID_WORDS = 3;

/** Whether `el` and everything under it are left out of an article of `articleChars` characters. */
export function excluded(el, articleChars = Infinity) {
  if (NEVER_EXCLUDED.has(el.localName)) return false;
  if (EXCLUDED_TAGS.has(el.localName) || el.hidden || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role && EXCLUDED_ROLES.has(role)) return true;
  return furniture(el) && el.textContent.length < articleChars * WRAPPER_SHARE;
}

/** Whether the class or id of `el` names a piece of furniture. */
function furniture(el) {
  const cls = el.getAttribute('class');
  // An id of many words is an anchor made from a heading ("sharing-with-a-single-developer").
  const id = el.id;
  return (cls !== null && FURNITURE.test(cls)) || (id !== '' && id.split(/[\s_-]+/).length <= MAX_ID_WORDS && FURNITURE.test(id));
}

/** Elements with no reading text in them, furniture aside: what a selection leaves out too. */
export function unreadable(el) {
  return !NEVER_EXCLUDED.has(el.localName) && (EXCLUDED_TAGS.has(el.localName) || el.hidden || el.getAttribute('aria-hidden') === 'true');
}
