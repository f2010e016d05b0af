// What is not article text: navigation, asides, footers, forms, hidden elements, landmark
// roles, and elements whose class or id says comments, related, share, ad, newsletter,
// sidebar... Used twice: such paragraphs do not vote for the article root (article.js), and
// inside the root they are left out of the text (blocks.js), which drops inline ads and
// related boxes.
//
// Why class and id words: news sites name these boxes plainly, and a word list is cheap to
// test on every element of a long page. The document's own skeleton (html, body, main,
// article) is never excluded, whatever its class says.

const EXCLUDED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'nav', 'aside', 'footer', 'form', 'button', 'select', 'textarea', 'input', 'label', 'iframe', 'svg', 'math', 'canvas', 'video', 'audio', 'object', 'embed', 'menu', 'dialog', 'sourcelight-card']);
const EXCLUDED_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search', 'form', 'dialog', 'alertdialog', 'menu', 'menubar', 'toolbar', 'tablist']);
const NOISE = /(?:^|[\s_-])(?:comments?|related|share|sharing|social|promo|ad|ads|advert\w*|sponsor\w*|newsletter|subscribe|signup|sidebar|footer|nav|navigation|menu|breadcrumbs?|recirc\w*|most-read|popular|trending|outbrain|taboola|cookie\w*|paywall|byline-share)(?=$|[\s_-])/i;
const NEVER_EXCLUDED = new Set(['html', 'body', 'main', 'article']);

/** Whether the element and everything under it are left out of the article. */
export function excluded(el) {
  if (NEVER_EXCLUDED.has(el.localName)) return false;
  if (EXCLUDED_TAGS.has(el.localName) || el.hidden || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role && EXCLUDED_ROLES.has(role)) return true;
  const cls = el.getAttribute('class');
  return (cls !== null && NOISE.test(cls)) || (el.id !== '' && NOISE.test(el.id));
}
