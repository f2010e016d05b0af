// What the demo page accepts as an article: pasted text, or a dropped .txt / .html file.
//
// `textFromFile(file)` reads a .txt as UTF-8 and an .html as the visible text of its article
// (the <article> element if there is one, else <main>, else <body>), one paragraph a block
// element, so that the engine sees the paragraph breaks it relies on. The HTML is parsed with
// DOMParser, which runs no script and loads nothing.
// `checkText(text)` says, before any analysis, whether the input is something the engine can
// use: too long (over MAX_CHARS) or not text at all (control characters and U+FFFD from a
// binary file) get a message instead of an analysis.

/** Longest input analyzed: about 300,000 words, far beyond any article. */
export const MAX_CHARS = 2_000_000;

const MAX_FILE_BYTES = 8_000_000;

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS', 'BUTTON', 'SELECT', 'TEXTAREA']);
const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'FIGURE', 'FIGCAPTION', 'TABLE', 'TR', 'DL', 'DT', 'DD', 'HR', 'BR', 'ADDRESS']);

/** The visible text of an HTML document, paragraphs separated by blank lines. */
export function visibleText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const root = doc.querySelector('article') || doc.querySelector('main') || doc.body;
  if (!root) return '';
  const paragraphs = [];
  let line = '';
  const breakParagraph = () => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) paragraphs.push(t);
    line = '';
  };
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      line += node.data;
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE || SKIP.has(node.tagName.toUpperCase())) return;
    if (node.hidden || node.getAttribute('aria-hidden') === 'true') return;
    const block = BLOCK.has(node.tagName.toUpperCase());
    if (block) breakParagraph();
    for (const child of node.childNodes) walk(child);
    if (block) breakParagraph();
  };
  walk(root);
  breakParagraph();
  return paragraphs.join('\n\n');
}

/** The text of a dropped or opened file; throws an Error with a message for the reader. */
export async function textFromFile(file) {
  const name = file.name.toLowerCase();
  const html = /\.x?html?$/.test(name) || file.type === 'text/html';
  if (!html && !name.endsWith('.txt') && !file.type.startsWith('text/')) {
    throw new Error(`“${file.name}” is not a .txt or .html file.`);
  }
  if (file.size > MAX_FILE_BYTES) {
    throw new Error(`“${file.name}” is ${(file.size / 1e6).toFixed(1)} MB; the demo reads files up to ${MAX_FILE_BYTES / 1e6} MB.`);
  }
  const text = await file.text();
  return html ? visibleText(text) : text;
}

/** `{ok: true}` or `{ok: false, message}` for text about to be analyzed. */
export function checkText(text) {
  if (text.length > MAX_CHARS) {
    return { ok: false, message: `This text has ${text.length.toLocaleString('en')} characters; the demo analyzes up to ${MAX_CHARS.toLocaleString('en')} (about 300,000 words).` };
  }
  // Binary data read as text shows up as control characters and replacement characters; a
  // real article has next to none, so a few per thousand is already a clear sign.
  const junk = text.match(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/g)?.length || 0;
  if (junk > 8 && junk > text.length / 200) {
    return { ok: false, message: `This does not look like text: ${junk.toLocaleString('en')} of its ${text.length.toLocaleString('en')} characters are control codes or undecodable bytes. Paste the text of an article instead.` };
  }
  return { ok: true };
}
